package gazetteer

import (
	"strings"
	"testing"

	"skyledger/internal/domain"
)

func mustLoad(t testing.TB) *Gazetteer {
	t.Helper()
	g, err := Load()
	if err != nil {
		t.Fatalf("Load: %v", err)
	}
	return g
}

func TestRegionsComplete(t *testing.T) {
	g := mustLoad(t)
	if n := len(g.Regions("RU")); n != 83 {
		t.Errorf("Russian regions: %d, want 83 federal subjects", n)
	}
	if n := len(g.Regions("UA")); n != 27 {
		t.Errorf("Ukrainian regions: %d, want 24 oblasts + Kyiv + Crimea + Sevastopol", n)
	}
	if n := len(g.Regions("")); n != 110 {
		t.Errorf("all regions: %d, want 110", n)
	}
	tests := []struct{ code, name, ru, uk, country string }{
		{"RU-KLU", "Kaluga Oblast", "Калужская область", "Калузька область", "RU"},
		{"RU-MOW", "Moscow", "Москва", "Москва", "RU"},
		{"RU-MOS", "Moscow Oblast", "Московская область", "Московська область", "RU"},
		{"RU-KDA", "Krasnodar Krai", "Краснодарский край", "Краснодарський край", "RU"},
		{"RU-TA", "Republic of Tatarstan", "Татарстан", "Татарстан", "RU"},
		{"UA-63", "Kharkiv Oblast", "Харьковская область", "Харківська область", "UA"},
		{"UA-30", "Kyiv", "Киев", "Київ", "UA"},
		{"UA-32", "Kyiv Oblast", "Киевская область", "Київська область", "UA"},
		{"UA-43", "Crimea", "", "", "UA"},
		{"UA-40", "Sevastopol", "Севастополь", "Севастополь", "UA"},
	}
	for _, tc := range tests {
		p, ok := g.Region(tc.code)
		if !ok {
			t.Errorf("Region(%q) missing", tc.code)
			continue
		}
		if p.Name != tc.name || p.Country != tc.country || p.Kind != domain.RegionPlace || p.Code != tc.code {
			t.Errorf("Region(%q) = %q %s %s, want %q %s", tc.code, p.Name, p.Country, p.Kind, tc.name, tc.country)
		}
		if tc.ru != "" && (p.NameRU != tc.ru || p.NameUK != tc.uk) {
			t.Errorf("Region(%q) names %q / %q, want %q / %q", tc.code, p.NameRU, p.NameUK, tc.ru, tc.uk)
		}
		if p.Lat == 0 || p.Lon == 0 {
			t.Errorf("Region(%q) has no label point", tc.code)
		}
	}
	if _, ok := g.Region("RU-XXX"); ok {
		t.Error("Region(RU-XXX) found")
	}
	if c, ok := g.Country("ua"); !ok || c.Name != "Ukraine" || c.NameUK != "Україна" {
		t.Errorf("Country(ua) = %+v, %v", c, ok)
	}
}

// top returns the ID of the best candidate, or "".
func top(cs []Candidate) string {
	if len(cs) == 0 {
		return ""
	}
	return cs[0].Place.ID
}

func ids(cs []Candidate) []string {
	var out []string
	for _, c := range cs {
		out = append(out, c.Place.ID)
	}
	return out
}

func has(cs []Candidate, id string) bool {
	for _, c := range cs {
		if c.Place.ID == id {
			return true
		}
	}
	return false
}

func TestResolve(t *testing.T) {
	g := mustLoad(t)
	tests := []struct {
		text string
		hint Hint
		want string // best candidate
		also string // another candidate that must be present
	}{
		{"Kaluga Oblast", Hint{}, "RU-KLU", ""},
		{"Kaluga region", Hint{}, "RU-KLU", ""},
		{"Калужской области", Hint{}, "RU-KLU", ""},
		{"Калужская область", Hint{}, "RU-KLU", ""},
		{"калузька область", Hint{}, "RU-KLU", ""},
		{"Калужской", Hint{}, "RU-KLU", ""},
		{"Брянщиной", Hint{}, "RU-BRY", ""},
		{"Курщина", Hint{}, "RU-KRS", ""},
		{"на Харківщині", Hint{}, "UA-63", ""},
		{"Харківщину", Hint{}, "UA-63", ""},
		{"над Курською областю", Hint{}, "RU-KRS", ""},
		{"the Belgorod region", Hint{}, "RU-BEL", ""},
		{"Krasnodar Krai", Hint{}, "RU-KDA", ""},
		{"краснодарского края", Hint{}, "RU-KDA", ""},
		{"Kuban", Hint{}, "RU-KDA", ""},
		{"Republic of Tatarstan", Hint{}, "RU-TA", ""},
		{"Татарстане", Hint{}, "RU-TA", ""},
		{"Чувашии", Hint{}, "RU-CU", ""},
		{"Moscow Region", Hint{}, "RU-MOS", ""},
		{"Подмосковье", Hint{}, "RU-MOS", ""},
		{"Ставрополе", Hint{}, "RU-STA", "gn:487846"}, // not Tolyatti, whose former name it was
		{"Орле", Hint{}, "gn:515012", ""},             // Orël, not Orly
		{"в ДНР", Hint{}, "UA-14", ""},
		{"Московской области", Hint{}, "RU-MOS", ""},
		{"Moscow", Hint{Kinds: []domain.PlaceKind{domain.RegionPlace}}, "RU-MOW", "RU-MOS"},
		{"Москве", Hint{Kinds: []domain.PlaceKind{domain.RegionPlace}}, "RU-MOW", ""},
		{"Kyiv", Hint{Kinds: []domain.PlaceKind{domain.RegionPlace}}, "UA-30", ""},
		{"Kiev", Hint{Kinds: []domain.PlaceKind{domain.RegionPlace}}, "UA-30", ""},
		{"Києві", Hint{Kinds: []domain.PlaceKind{domain.RegionPlace}}, "UA-30", ""},
		{"Киев", Hint{}, "gn:703448", "UA-30"},
		{"Київщина", Hint{}, "UA-32", ""},
		{"Crimea", Hint{}, "UA-43", ""},
		{"Крым", Hint{}, "UA-43", ""},
		{"в Крыму", Hint{}, "UA-43", ""},
		{"Криму", Hint{}, "UA-43", ""},
		{"Sevastopol", Hint{Kinds: []domain.PlaceKind{domain.RegionPlace}}, "UA-40", ""},
		{"Kharkov", Hint{}, "gn:706483", "UA-63"},
		{"Dnipropetrovsk Oblast", Hint{}, "UA-12", ""},
		{"Дніпропетровщина", Hint{}, "UA-12", ""},
		// countries and seas
		{"Россия", Hint{}, "RU", ""},
		{"Росії", Hint{}, "RU", ""},
		{"Ukraine", Hint{}, "UA", ""},
		{"Білорусь", Hint{}, "BY", ""},
		{"Kazakhstan", Hint{}, "KZ", ""},
		{"Black Sea", Hint{}, "sea:black", ""},
		{"Чёрном море", Hint{}, "sea:black", ""},
		{"Азовського моря", Hint{}, "sea:azov", ""},
		{"Sea of Azov", Hint{}, "sea:azov", ""},
		{"Caspian Sea", Hint{}, "sea:caspian", ""},
		// settlements, bare city names reach their region
		{"Belgorod", Hint{}, "gn:578072", "RU-BEL"},
		{"Курск", Hint{}, "gn:538560", "RU-KRS"},
		{"Brjansk", Hint{}, "gn:571476", "RU-BRY"},
		{"в Шебекине", Hint{}, "gn:495112", ""},
		{"Graivoron", Hint{}, "gn:559034", ""},
		{"м. Суми", Hint{}, "gn:692194", ""},
		{"Kirov", Hint{Region: "RU-KLU"}, "gn:548410", "gn:548408"},
		{"Kirov region", Hint{}, "RU-KIR", ""},
		// districts
		{"Дзержинский район", Hint{Region: "RU-KLU"}, "gn:563697", ""},
		{"Dzerzhinskiy District", Hint{Region: "RU-KLU"}, "gn:563697", ""},
		{"Sudzhansky district", Hint{}, "gn:486813", ""},
		{"Харківський район", Hint{}, "gn:UA.07.6312", ""},
		// foreign
		{"Dzhezkazgan", Hint{}, "gn:1516589", ""},
		{"Жезказган", Hint{}, "gn:1516589", ""},
	}
	for _, tc := range tests {
		cs := g.Resolve(tc.text, tc.hint)
		if top(cs) != tc.want {
			t.Errorf("Resolve(%q, %+v) = %v, want %s first", tc.text, tc.hint, ids(cs), tc.want)
			continue
		}
		if tc.also != "" && !has(cs, tc.also) {
			t.Errorf("Resolve(%q) = %v, lacks %s", tc.text, ids(cs), tc.also)
		}
	}
	if cs := g.Resolve("Qwertyuiop", Hint{}); len(cs) != 0 {
		t.Errorf("nonsense resolved: %v", ids(cs))
	}
	// the settlement of a region centre names its region
	if cs := g.Resolve("Belgorod", Hint{}); cs[0].Place.Region != "RU-BEL" {
		t.Errorf("Belgorod's region = %q", cs[0].Place.Region)
	}
}

type wantMention struct {
	text    string // exact mention text
	generic domain.PlaceKind
	id      string // best candidate
}

func TestScan(t *testing.T) {
	g := mustLoad(t)
	tests := []struct {
		name string
		text string
		want []wantMention
	}{
		// a Latin o in "Брянскoй", a Cyrillic а in "Kаluga"
		{"mixed scripts", "Ночью над Брянскoй областью и над Kаluga Region сбили беспилотники.",
			[]wantMention{{"Брянскoй областью", domain.RegionPlace, "RU-BRY"}, {"Kаluga Region", domain.RegionPlace, "RU-KLU"}}},
		{"ru regions inflected", "Ночью над Брянщиной и Калужской областью сбили беспилотники.",
			[]wantMention{{"Брянщиной", "", "RU-BRY"}, {"Калужской областью", domain.RegionPlace, "RU-KLU"}}},
		{"ru list with one generic", "Атаке подверглись объекты в Брянской и Курской областях.",
			[]wantMention{{"Брянской", domain.RegionPlace, "RU-BRY"}, {"Курской областях", domain.RegionPlace, "RU-KRS"}}},
		{"ru comma list", "Беспилотники сбиты над территорией Смоленской, Тверской и Орловской областей.",
			[]wantMention{{"Смоленской", domain.RegionPlace, "RU-SMO"}, {"Тверской", domain.RegionPlace, "RU-TVE"}, {"Орловской областей", domain.RegionPlace, "RU-ORL"}}},
		{"en list", "Drones were downed over the Kursk, Belgorod and Bryansk regions on Tuesday.",
			[]wantMention{{"Kursk", domain.RegionPlace, "RU-KRS"}, {"Belgorod", domain.RegionPlace, "RU-BEL"}, {"Bryansk regions", domain.RegionPlace, "RU-BRY"}}},
		{"en region forms", "Air defences worked in Kaluga Region, the Belgorod region and Krasnodar Krai.",
			[]wantMention{{"Kaluga Region", domain.RegionPlace, "RU-KLU"}, {"Belgorod region", domain.RegionPlace, "RU-BEL"}, {"Krasnodar Krai", domain.RegionPlace, "RU-KDA"}}},
		{"republic before", "A drone struck a plant in the Republic of Tatarstan.",
			[]wantMention{{"Republic of Tatarstan", domain.RegionPlace, "RU-TA"}}},
		{"moscow region vs city", "Sobyanin said two drones flew toward Moscow; more fell in Moscow Region.",
			[]wantMention{{"Moscow", "", "gn:524901"}, {"Moscow Region", domain.RegionPlace, "RU-MOS"}}},
		{"podmoskovye", "В Подмосковье и в Москве объявили тревогу.",
			[]wantMention{{"Подмосковье", "", "RU-MOS"}, {"Москве", "", "gn:524901"}}},
		{"uk oblast", "Уночі на Харківщині та у Київській області працювала ППО.",
			[]wantMention{{"Харківщині", "", "UA-63"}, {"Київській області", domain.RegionPlace, "UA-32"}}},
		{"uk city", "Вибухи пролунали у Києві та в м. Суми.",
			[]wantMention{{"Києві", "", "gn:703448"}, {"м. Суми", domain.SettlementPlace, "gn:692194"}}},
		{"districts ru", "В Дзержинском районе повреждена линия электропередачи, сообщил губернатор Калужской области.",
			[]wantMention{{"Дзержинском районе", domain.DistrictPlace, "gn:563697"}, {"Калужской области", domain.RegionPlace, "RU-KLU"}}},
		{"ru lower-case region adjective with its generic", "Четыре дрона сбиты над московским регионом, сообщил московский суд.",
			[]wantMention{{"московским регионом", domain.RegionPlace, "RU-MOS"}}},
		{"district abbrev", "Обломки упали в Шебекинском р-не.",
			[]wantMention{{"Шебекинском р-не", domain.DistrictPlace, "gn:495111"}}},
		{"municipal okrug", "Жители Боровского муниципального округа сообщили о взрывах.",
			[]wantMention{{"Боровского муниципального округа", domain.DistrictPlace, "gn:572058"}}},
		{"uk raion", "Удар по інфраструктурі у Харківському районі.",
			[]wantMention{{"Харківському районі", domain.DistrictPlace, "gn:UA.07.6312"}}},
		{"en district", "Debris fell in the Sudzhansky district and in Dzerzhinskiy District.",
			[]wantMention{{"Sudzhansky district", domain.DistrictPlace, "gn:486813"}, {"Dzerzhinskiy District", domain.DistrictPlace, ""}}},
		{"settlements", "В Шебекине и Грайвороне повреждены дома; в Брянске тихо.",
			[]wantMention{{"Шебекине", "", "gn:495112"}, {"Грайвороне", "", "gn:559034"}, {"Брянске", "", "gn:571476"}}},
		{"translit variants", "Shelling hit Graivoron and Grayvoron again, officials in Kursk said.",
			[]wantMention{{"Graivoron", "", "gn:559034"}, {"Grayvoron", "", "gn:559034"}, {"Kursk", "", "gn:538560"}}},
		{"foreign city", "Обломки нашли под Жезказганом; Dzhezkazgan is in Kazakhstan.",
			[]wantMention{{"Жезказганом", "", "gn:1516589"}, {"Dzhezkazgan", "", "gn:1516589"}, {"Kazakhstan", "", "KZ"}}},
		{"countries and adjectives", "Ukrainian drones attacked Russia; в Белоруссии и Польше тоже слышали, білоруські прикордонники.",
			[]wantMention{{"Ukrainian", domain.CountryPlace, "UA"}, {"Russia", "", "RU"}, {"Белоруссии", "", "BY"}, {"Польше", "", "PL"}, {"білоруські", domain.CountryPlace, "BY"}}},
		{"seas", "Над Черным морем и Азовским морем сбиты дроны; a boat in the Black Sea.",
			[]wantMention{{"Черным морем", "", "sea:black"}, {"Азовским морем", "", "sea:azov"}, {"Black Sea", "", "sea:black"}}},
		{"crimea", "В Крыму и Севастополе; у Криму; Crimea.",
			[]wantMention{{"Крыму", "", "UA-43"}, {"Севастополе", "", "UA-40"}, {"Криму", "", "UA-43"}, {"Crimea", "", "UA-43"}}},
		{"kiev spellings", "Kiev, Kyiv, Киев, Київ.",
			[]wantMention{{"Kiev", "", "gn:703448"}, {"Kyiv", "", "gn:703448"}, {"Киев", "", "gn:703448"}, {"Київ", "", "gn:703448"}}},
		{"no false places", "Ночью ПВО сбила дроны. Police said nothing. По словам губернатора, ЛЭП повреждена.",
			nil},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			got := g.Scan(tc.text)
			var desc []string
			for _, m := range got {
				desc = append(desc, m.Text+"→"+top(m.Candidates)+"/"+string(m.Generic))
				if tc.text[m.Start:m.End] != m.Text {
					t.Errorf("offsets %d..%d give %q, Text %q", m.Start, m.End, tc.text[m.Start:m.End], m.Text)
				}
			}
			if len(got) != len(tc.want) {
				t.Fatalf("Scan found %d mentions %v, want %d", len(got), desc, len(tc.want))
			}
			for i, w := range tc.want {
				m := got[i]
				if m.Text != w.text || m.Generic != w.generic || (w.id != "" && top(m.Candidates) != w.id) {
					t.Errorf("mention %d = %q generic %q best %s; want %q %q %s (all: %v)",
						i, m.Text, m.Generic, top(m.Candidates), w.text, w.generic, w.id, desc)
				}
			}
		})
	}
}

func TestScanGenericKindFirst(t *testing.T) {
	g := mustLoad(t)
	for _, text := range []string{"в Курской области", "Kursk region", "Курщина"} {
		ms := g.Scan(text)
		if len(ms) != 1 || ms[0].Candidates[0].Place.Kind != domain.RegionPlace {
			t.Errorf("Scan(%q): want one mention with a region first, got %+v", text, ms)
		}
	}
	// a bare city keeps the region reachable through its Region field
	ms := g.Scan("Взрывы в Курске.")
	if len(ms) != 1 || ms[0].Candidates[0].Place.Region != "RU-KRS" {
		t.Errorf("Курске: %+v", ms)
	}
}

func TestContains(t *testing.T) {
	g := mustLoad(t)
	klu, _ := g.Region("RU-KLU")
	tests := []struct {
		region, text string
		kind         domain.PlaceKind
		want         bool
	}{
		{"RU-KLU", "Дзержинский район", domain.DistrictPlace, true},
		{"RU-BEL", "Shebekino", domain.SettlementPlace, true},
		{"RU-KRS", "Shebekino", domain.SettlementPlace, false},
		{"UA-30", "Kyiv", domain.SettlementPlace, true},
		{"UA-63", "Kharkiv", domain.SettlementPlace, true},
	}
	for _, tc := range tests {
		cs := g.Resolve(tc.text, Hint{Region: tc.region, Kinds: []domain.PlaceKind{tc.kind}})
		if len(cs) == 0 {
			t.Errorf("Resolve(%q) empty", tc.text)
			continue
		}
		if got := g.Contains(tc.region, cs[0].Place); got != tc.want {
			t.Errorf("Contains(%s, %s) = %v, want %v", tc.region, cs[0].Place.Name, got, tc.want)
		}
	}
	if !g.Contains("RU-KLU", klu) || g.Contains("RU-BRY", klu) {
		t.Error("a region contains itself only")
	}
	// foreign places have no region; the outline decides
	kz := g.Resolve("Dzhezkazgan", Hint{})[0].Place
	if g.Contains("RU-KLU", kz) {
		t.Error("Dzhezkazgan in Kaluga Oblast")
	}
	if r, ok := g.RegionAt(54.53, 36.27); !ok || r.Code != "RU-KLU" {
		t.Errorf("RegionAt(Kaluga) = %s %v", r.Code, ok)
	}
	if r, ok := g.RegionAt(50.45, 30.52); !ok || (r.Code != "UA-30" && r.Code != "UA-32") {
		t.Errorf("RegionAt(Kyiv) = %s %v", r.Code, ok)
	}
	if len(g.Outline("RU-KLU")) == 0 {
		t.Error("no outline for RU-KLU")
	}
}

func TestAliasesFile(t *testing.T) {
	// every alias line must name a known place; load() fails otherwise
	if _, err := load(data, aliasesTSV+"\nRU-NOPE\tNowhere\n"); err == nil || !strings.Contains(err.Error(), "RU-NOPE") {
		t.Errorf("unknown alias id accepted: %v", err)
	}
	if _, err := load(data, "RU-KLU\tX\tbogus\n"); err == nil {
		t.Error("unknown alias flag accepted")
	}
}

func TestResolveGenericKind(t *testing.T) {
	g := mustLoad(t)
	tests := []struct {
		text string
		kind domain.PlaceKind // every reading's kind
		want string           // best reading
	}{
		{"Дзержинском районе", domain.DistrictPlace, "gn:563697"},
		{"Kursk region", domain.RegionPlace, "RU-KRS"},
		{"город Курск", domain.SettlementPlace, "gn:538560"},
		// no district of that name: the city stays the reading, for the caller to judge
		{"Dzhezkazgan district", domain.SettlementPlace, "gn:1516589"},
	}
	for _, tc := range tests {
		cs := g.Resolve(tc.text, Hint{})
		if top(cs) != tc.want {
			t.Errorf("Resolve(%q) = %v, want %s first", tc.text, ids(cs), tc.want)
		}
		for _, c := range cs {
			if c.Place.Kind != tc.kind {
				t.Errorf("Resolve(%q) reads %s as a %s", tc.text, c.Place.ID, c.Place.Kind)
			}
		}
	}
	// Scan keeps every reading, the generic kind first
	ms := g.Scan("Обломки упали в Дзержинском районе.")
	if len(ms) != 1 || !has(ms[0].Candidates, "gn:563708") || ms[0].Candidates[0].Place.Kind != domain.DistrictPlace {
		t.Errorf("Scan: %+v", ms)
	}
}
