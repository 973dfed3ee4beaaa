package gazetteer

import (
	"testing"

	"skyledger/internal/domain"
)

func TestSuggest(t *testing.T) {
	g := mustLoad(t)
	const (
		dzerzhinsky   = "gn:563697"     // Dzerzhinsky District, Kaluga Oblast
		kharkivRaion  = "gn:UA.07.6312" // Kharkiv District
		kupianskRaion = "gn:UA.07.6308" // Kupiansk District
		bakhmutRaion  = "gn:UA.05.1402" // Bakhmut District
		bakhmutCity   = "gn:713174"
		shebekinsky   = "gn:495111" // Shebekinsky District, Belgorod Oblast
	)
	tests := []struct {
		name, region, query string
		want                string           // best suggestion; "" wants none
		kind                domain.PlaceKind // kind of the best suggestion, when it matters
	}{
		{"foreign city named as a Kaluga district", "RU-KLU", "Dzhezkazgan District", dzerzhinsky, domain.DistrictPlace},
		{"bare name as the extractor passes it", "RU-KLU", "Dzhezkazgan", dzerzhinsky, ""},
		{"cyrillic inflected with generic", "RU-KLU", "Джезказганском районе", dzerzhinsky, domain.DistrictPlace},
		{"preposition and generic stripped", "RU-KLU", "в Дзержинском районе", dzerzhinsky, ""},
		{"other transliteration", "RU-KLU", "Dzerzhinskiy rajon", dzerzhinsky, ""},
		{"lower-case region code", "ru-klu", "Dzerzhinskii District", dzerzhinsky, ""},
		{"russian form of a ukrainian raion", "UA-63", "Харьковский район", kharkivRaion, domain.DistrictPlace},
		{"ukrainian raion latin variant", "UA-63", "Kupyansk raion", kupianskRaion, domain.DistrictPlace},
		{"ukrainian adjective", "UA-14", "Бахмутський район", bakhmutRaion, domain.DistrictPlace},
		{"settlement generic prefers the town", "UA-14", "місто Бахмут", bakhmutCity, domain.SettlementPlace},
		{"no generic: the populated place wins a tie", "UA-14", "Bakhmut", bakhmutCity, ""},
		{"typo with transposition", "RU-BEL", "Shebeknisky District", shebekinsky, ""},
		{"unknown region", "RU-XXX", "Dzerzhinsky District", "", ""},
		{"country is not a region", "RU", "Dzerzhinsky District", "", ""},
		{"no letters", "RU-KLU", " ,.- ", "", ""},
		{"generic word only", "RU-KLU", "район", "", ""},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			cs := g.Suggest(tc.region, tc.query, 3)
			if tc.want == "" {
				if cs != nil {
					t.Fatalf("Suggest(%q, %q) = %v, want nil", tc.region, tc.query, ids(cs))
				}
				return
			}
			if top(cs) != tc.want {
				t.Fatalf("Suggest(%q, %q) = %v, want %s first", tc.region, tc.query, ids(cs), tc.want)
			}
			if tc.kind != "" && cs[0].Place.Kind != tc.kind {
				t.Errorf("best is a %s, want a %s", cs[0].Place.Kind, tc.kind)
			}
			if len(cs) > 3 {
				t.Errorf("%d suggestions, asked for 3", len(cs))
			}
			for i, c := range cs {
				if !g.Contains(tc.region, c.Place) {
					t.Errorf("suggestion %s (%s) is not in %s", c.Place.ID, c.Place.Name, tc.region)
				}
				if c.Place.Kind != domain.DistrictPlace && c.Place.Kind != domain.SettlementPlace {
					t.Errorf("suggestion %s is a %s", c.Place.ID, c.Place.Kind)
				}
				if i > 0 && c.Score > cs[i-1].Score {
					t.Errorf("suggestions out of order: %v", cs)
				}
			}
		})
	}
}

func TestSuggestLimits(t *testing.T) {
	g := mustLoad(t)
	if cs := g.Suggest("RU-KLU", "Dzerzhinsky District", 0); cs != nil {
		t.Errorf("n=0 gave %v", ids(cs))
	}
	if cs := g.Suggest("RU-KLU", "Dzerzhinsky District", 1); len(cs) != 1 {
		t.Errorf("n=1 gave %v", ids(cs))
	}
	// a name like nothing in the region gives nothing rather than noise
	if cs := g.Suggest("RU-KLU", "Xyzzyq", 5); cs != nil {
		t.Errorf("nonsense got suggestions %v", ids(cs))
	}
	// same name in two regions: each region suggests its own
	a, b := g.Suggest("RU-KLU", "Kirovsky District", 1), g.Suggest("RU-KRS", "Kirovsky District", 1)
	if len(a) == 0 || a[0].Place.Region != "RU-KLU" || len(b) > 0 && b[0].Place.Region != "RU-KRS" {
		t.Errorf("Kirovsky: %v / %v", ids(a), ids(b))
	}
}

func FuzzSuggest(f *testing.F) {
	g := mustLoad(f)
	for _, s := range []string{"Dzhezkazgan District", "Харківському районі", "", "р-н", "'''", "ǅ ǈ"} {
		f.Add("RU-KLU", s)
	}
	f.Fuzz(func(t *testing.T, region, name string) {
		for _, c := range g.Suggest(region, name, 4) {
			if c.Place.Region == "" {
				t.Fatalf("Suggest(%q, %q) gave %s without a region", region, name, c.Place.ID)
			}
		}
	})
}

func TestOSA(t *testing.T) {
	var b distBuf
	tests := []struct {
		a, b  string
		limit int
		want  int
	}{
		{"", "", 3, 0},
		{"abc", "", 3, 3},
		{"kitten", "sitting", 5, 3},
		{"dzerzhinsk", "dzerzhinsk", 2, 0},
		{"shebeknisk", "shebekinsk", 3, 1}, // transposition
		{"dzhezkazhan", "dzerzhinsk", 10, 7},
		{"dzhezkazhan", "dzerzhinsk", 3, 4}, // gave up: limit+1
		{"abcdefgh", "ab", 2, 3},            // length alone exceeds the limit
	}
	for _, tc := range tests {
		if got := b.osa([]byte(tc.a), tc.b, tc.limit); got != tc.want {
			t.Errorf("osa(%q, %q, %d) = %d, want %d", tc.a, tc.b, tc.limit, got, tc.want)
		}
	}
}
