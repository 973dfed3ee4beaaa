package gazetteer

//go:generate make -C ../.. gazetteer

import (
	"bufio"
	"bytes"
	"compress/gzip"
	_ "embed"
	"fmt"
	"math"
	"math/bits"
	"sort"
	"strconv"
	"strings"
	"sync"

	"skyledger/internal/domain"
	"skyledger/internal/gazetteer/namekey"
)

// data is written by tools/gengazetteer (make gazetteer) from GeoNames and Natural Earth.
//
//go:embed data/gazetteer.bin
var data []byte

// aliases are hand-kept names the sources lack (nicknames, news forms); see its header.
//
//go:embed aliases.tsv
var aliasesTSV string

// Hint narrows Resolve: a country (ISO 3166-1), a region (ISO 3166-2) the place should lie
// in, and the kinds wanted (empty: any).
type Hint struct {
	Country, Region string
	Kinds           []domain.PlaceKind
}

// Candidate is one reading of a name, with a score (higher is better) and the text matched.
type Candidate struct {
	Place   domain.Place
	Score   float64
	Matched string
}

// Mention is one place name found in a running text.
type Mention struct {
	Start, End int              // byte offsets of the whole mention, generic words included
	Text       string           // text[Start:End]
	Generic    domain.PlaceKind // the kind a generic word next to the name implies, "" when none
	Candidates []Candidate      // ranked, best first
}

// posting flags
const (
	needsGeneric uint8 = 1 << iota // the indexed name had a generic word ("Kaluga Oblast")
	isAlias                        // from aliases.tsv
	isAdjective                    // country adjective: "Ukrainian", "российских"
	lowerOK                        // may match in lower case (adjectives, seas)
	primaryName                    // the English name
)

// posting is one place a name hash leads to. It holds no pointers, and the index keeps
// all postings in one array, so the garbage collector never has to walk the index.
type posting struct {
	place int32
	flags uint8
	gkind kindCode // generic stripped from the indexed name
}

// span is where a name hash's postings lie in Gazetteer.post.
type span struct{ off, n uint32 }

// kindCode is a PlaceKind as a small number, for pointer-free postings.
type kindCode uint8

var kindCodes = [...]domain.PlaceKind{"", domain.CountryPlace, domain.RegionPlace, domain.DistrictPlace,
	domain.SettlementPlace, domain.WaterPlace}

func codeOf(k domain.PlaceKind) kindCode {
	for i, x := range kindCodes {
		if x == k {
			return kindCode(i)
		}
	}
	return 0
}

// Gazetteer is read-only after Load and safe for concurrent use.
type Gazetteer struct {
	recs     []placeRec
	blob     string         // every string of recs
	draft    []domain.Place // the places while Load builds the index; nil after
	index    map[uint64]span
	post     []posting
	build    map[uint64]int32 // while Load builds the index: a name hash's first posting in chain
	chain    []chained        // while Load builds the index; nil after
	leads    map[uint64]bool  // while Load builds the index: first words of names of two words or more
	words    *namekey.Memo    // while Load builds the index: the keys of the names' words
	maxN     int
	byCode   map[string]int32        // regions and countries
	regions  []int32                 // in data order
	sugg     map[string][]suggestKey // by region: core keys of its districts' and settlements' names
	outlines map[string][][]point
	gen      genericTable
	prior    []float64   // score prior of each place
	filter   *nameFilter // which name hashes may be in index (scan.go)
}

type point struct{ lon, lat float32 }

var (
	loadOnce sync.Once
	loaded   *Gazetteer
	loadErr  error
)

// Load reads the embedded data once; later calls return the same read-only value.
func Load() (*Gazetteer, error) {
	loadOnce.Do(func() { loaded, loadErr = load(data, aliasesTSV) })
	return loaded, loadErr
}

func load(bin []byte, aliases string) (*Gazetteer, error) {
	zr, err := gzip.NewReader(bytes.NewReader(bin))
	if err != nil {
		return nil, fmt.Errorf("gazetteer data: %w", err)
	}
	g := &Gazetteer{
		build:    make(map[uint64]int32, 1<<17),
		chain:    make([]chained, 0, 1<<17),
		leads:    map[uint64]bool{},
		words:    new(namekey.Memo),
		byCode:   map[string]int32{},
		outlines: map[string][][]point{},
		gen:      buildGenerics(),
	}
	var alts [][]string
	sc := bufio.NewScanner(zr)
	sc.Buffer(make([]byte, 1<<16), 1<<22)
	line := 0
	for sc.Scan() {
		line++
		s := sc.Text()
		if s == "" || s[0] == '#' {
			continue
		}
		if s[0] == 'G' {
			if err := g.addOutline(s); err != nil {
				return nil, fmt.Errorf("gazetteer data line %d: %w", line, err)
			}
			continue
		}
		p, a, err := parsePlace(s)
		if err != nil {
			return nil, fmt.Errorf("gazetteer data line %d: %w", line, err)
		}
		if g.draft == nil {
			g.draft = make([]domain.Place, 0, 40000) // the data holds about 38,000
			alts = make([][]string, 0, 40000)
		}
		g.draft = append(g.draft, p)
		alts = append(alts, a)
	}
	if err := sc.Err(); err != nil {
		return nil, fmt.Errorf("gazetteer data: %w", err)
	}
	if err := g.applyAliases(aliases, alts); err != nil {
		return nil, err
	}
	keys := make([][]string, len(g.draft))
	g.prior = make([]float64, len(g.draft))
	for i := range g.draft {
		p := &g.draft[i]
		idx := int32(i)
		switch p.Kind {
		case domain.RegionPlace, domain.CountryPlace:
			if _, dup := g.byCode[p.Code]; !dup {
				g.byCode[p.Code] = idx
			}
			if p.Kind == domain.RegionPlace {
				g.regions = append(g.regions, idx)
			}
		}
		g.prior[i] = prior(p)
		if p.Region != "" && (p.Kind == domain.DistrictPlace || p.Kind == domain.SettlementPlace) {
			keys[i] = g.suggestKeys(p)
		}
		g.indexName(idx, p.Name, primaryName)
		g.indexName(idx, p.NameRU, 0)
		g.indexName(idx, p.NameUK, 0)
		for _, a := range alts[i] {
			flags := uint8(0)
			if strings.HasPrefix(a, "\x00") {
				a, flags = a[1:], isAlias
				if strings.HasPrefix(a, "\x01") {
					a, flags = a[1:], isAlias|isAdjective|lowerOK
				}
			}
			g.indexName(idx, a, flags)
		}
	}
	g.flattenIndex()
	g.freeze(keys)
	g.words = nil
	return g, nil
}

// placeRec is a Place with its strings as offsets into Gazetteer.blob. Holding 35,000 places
// without pointers spares every garbage collection in a program using the gazetteer a walk
// over them; Resolve allocates its answer, so that walk was most of its cost.
type placeRec struct {
	s        [nFields]strRef
	lat, lon float64
	pop      int32
	kind     kindCode
}

type strRef struct{ off, n uint32 }

// fields of placeRec.s
const (
	fID = iota
	fName
	fRU
	fUK
	fCode
	fRegion
	fDistrict
	fCountry
	nFields
)

// freeze moves the draft places into recs and blob, and the places' Suggest keys into sugg;
// repeated strings (codes, districts) are stored once.
func (g *Gazetteer) freeze(keys [][]string) {
	size := 0
	for i := range g.draft {
		p := &g.draft[i]
		size += len(p.ID) + len(p.Name) + len(p.NameRU) + len(p.NameUK)
	}
	var b strings.Builder
	b.Grow(size + size/8)
	add := func(s string) strRef {
		r := strRef{uint32(b.Len()), uint32(len(s))}
		b.WriteString(s)
		return r
	}
	seen := make(map[string]strRef, 4096) // codes, districts, countries: few and repeated
	shared := func(s string) strRef {
		if s == "" {
			return strRef{}
		}
		if r, ok := seen[s]; ok {
			return r
		}
		r := add(s)
		seen[s] = r
		return r
	}
	g.recs = make([]placeRec, len(g.draft))
	for i := range g.draft {
		p := &g.draft[i]
		r := &g.recs[i]
		r.s[fID], r.s[fName] = add(p.ID), add(p.Name)
		// the Russian and Ukrainian names are often the same
		switch p.NameRU {
		case "":
		case p.Name:
			r.s[fRU] = r.s[fName]
		default:
			r.s[fRU] = add(p.NameRU)
		}
		switch p.NameUK {
		case "":
		case p.Name:
			r.s[fUK] = r.s[fName]
		case p.NameRU:
			r.s[fUK] = r.s[fRU]
		default:
			r.s[fUK] = add(p.NameUK)
		}
		r.s[fCode], r.s[fRegion], r.s[fDistrict], r.s[fCountry] = shared(p.Code), shared(p.Region), shared(p.District), shared(p.Country)
		r.lat, r.lon, r.pop, r.kind = p.Lat, p.Lon, int32(p.Population), codeOf(p.Kind)
	}
	g.sugg = map[string][]suggestKey{}
	for i, ks := range keys {
		for _, k := range ks {
			reg := g.draft[i].Region
			g.sugg[reg] = append(g.sugg[reg], suggestKey{int32(i), shared(k)})
		}
	}
	g.blob = b.String()
	g.draft = nil
}

func (g *Gazetteer) str(r strRef) string { return g.blob[r.off : r.off+r.n] }

// place materialises a place; its strings share the blob, so this does not allocate.
func (g *Gazetteer) place(i int32) domain.Place {
	r := &g.recs[i]
	return domain.Place{ID: g.str(r.s[fID]), Kind: kindCodes[r.kind], Name: g.str(r.s[fName]),
		NameRU: g.str(r.s[fRU]), NameUK: g.str(r.s[fUK]), Code: g.str(r.s[fCode]),
		Region: g.str(r.s[fRegion]), District: g.str(r.s[fDistrict]), Country: g.str(r.s[fCountry]),
		Lat: r.lat, Lon: r.lon, Population: int(r.pop)}
}

// fill is place writing into p.
func (g *Gazetteer) fill(p *domain.Place, i int32) {
	r := &g.recs[i]
	p.ID, p.Kind, p.Name = g.str(r.s[fID]), kindCodes[r.kind], g.str(r.s[fName])
	p.NameRU, p.NameUK, p.Code = g.str(r.s[fRU]), g.str(r.s[fUK]), g.str(r.s[fCode])
	p.Region, p.District, p.Country = g.str(r.s[fRegion]), g.str(r.s[fDistrict]), g.str(r.s[fCountry])
	p.Lat, p.Lon, p.Population = r.lat, r.lon, int(r.pop)
}

func (g *Gazetteer) kind(i int32) domain.PlaceKind { return kindCodes[g.recs[i].kind] }

// chained is a posting while Load builds the index: the postings of one name hash are a
// list through chain (next < 0 ends it), which spares a slice per name.
type chained struct {
	p    posting
	next int32
}

// flattenIndex moves the postings built during load into one array.
func (g *Gazetteer) flattenIndex() {
	g.index = make(map[uint64]span, len(g.build))
	g.post = make([]posting, 0, len(g.chain))
	for h, first := range g.build {
		off := len(g.post)
		for i := first; i >= 0; i = g.chain[i].next {
			g.post = append(g.post, g.chain[i].p)
		}
		g.index[h] = span{uint32(off), uint32(len(g.post) - off)}
	}
	g.filter = newNameFilter(g.index, g.post, g.draft, g.leads, g.gen.single)
	g.build, g.chain, g.leads = nil, nil, nil
}

// postings returns the places a name hash leads to.
func (g *Gazetteer) postings(h uint64) []posting {
	s, ok := g.index[h]
	if !ok {
		return nil
	}
	return g.post[s.off : s.off+s.n : s.off+s.n]
}

func parsePlace(s string) (domain.Place, []string, error) {
	f := strings.Split(s, "\t")
	if len(f) != 13 {
		return domain.Place{}, nil, fmt.Errorf("want 13 fields, have %d", len(f))
	}
	var kind domain.PlaceKind
	switch f[0] {
	case "R":
		kind = domain.RegionPlace
	case "C":
		kind = domain.CountryPlace
	case "W":
		kind = domain.WaterPlace
	case "D":
		kind = domain.DistrictPlace
	case "S":
		kind = domain.SettlementPlace
	default:
		return domain.Place{}, nil, fmt.Errorf("unknown kind %q", f[0])
	}
	lat, err1 := strconv.ParseFloat(f[9], 64)
	lon, err2 := strconv.ParseFloat(f[10], 64)
	pop, err3 := strconv.Atoi(f[11])
	if err1 != nil || err2 != nil || err3 != nil {
		return domain.Place{}, nil, fmt.Errorf("bad number in %q", s)
	}
	p := domain.Place{ID: f[1], Kind: kind, Name: f[2], NameRU: f[3], NameUK: f[4], Code: f[5],
		Region: f[6], District: f[7], Country: f[8], Lat: lat, Lon: lon, Population: pop}
	var alts []string
	if f[12] != "" {
		alts = strings.Split(f[12], "|")
	}
	return p, alts, nil
}

func (g *Gazetteer) addOutline(s string) error {
	f := strings.SplitN(s, "\t", 3)
	if len(f) != 3 {
		return fmt.Errorf("bad outline line")
	}
	pairs := strings.Fields(f[2])
	ring := make([]point, 0, len(pairs))
	for _, pr := range pairs {
		lo, la, ok := strings.Cut(pr, ",")
		x, err1 := strconv.ParseFloat(lo, 32)
		y, err2 := strconv.ParseFloat(la, 32)
		if !ok || err1 != nil || err2 != nil {
			return fmt.Errorf("bad point %q", pr)
		}
		ring = append(ring, point{float32(x), float32(y)})
	}
	g.outlines[f[1]] = append(g.outlines[f[1]], ring)
	return nil
}

// applyAliases reads aliases.tsv: "id<TAB>name[<TAB>flag]". flag "adj" marks an adjective
// used alone in the sense of the place ("Ukrainian"); "ru"/"uk"/"en" replaces that display
// name instead of adding a matching name; "drop" removes a name the data gives the place. Alias names are marked with a \x00 prefix.
func (g *Gazetteer) applyAliases(tsv string, alts [][]string) error {
	byID := make(map[string]int, len(g.draft))
	for i, p := range g.draft {
		if _, dup := byID[p.ID]; !dup {
			byID[p.ID] = i
		}
	}
	for n, line := range strings.Split(tsv, "\n") {
		line = strings.TrimRight(line, "\r")
		if line == "" || line[0] == '#' {
			continue
		}
		f := strings.Split(line, "\t")
		if len(f) < 2 {
			return fmt.Errorf("aliases.tsv line %d: want id<TAB>name", n+1)
		}
		i, ok := byID[f[0]]
		if !ok {
			return fmt.Errorf("aliases.tsv line %d: unknown place %q", n+1, f[0])
		}
		flag := ""
		if len(f) > 2 {
			flag = f[2]
		}
		switch flag {
		case "":
			alts[i] = append(alts[i], "\x00"+f[1])
		case "adj":
			alts[i] = append(alts[i], "\x00\x01"+f[1])
		case "en":
			alts[i] = append(alts[i], g.draft[i].Name)
			g.draft[i].Name = f[1]
		case "ru":
			alts[i] = append(alts[i], g.draft[i].NameRU)
			g.draft[i].NameRU = f[1]
		case "uk":
			alts[i] = append(alts[i], g.draft[i].NameUK)
			g.draft[i].NameUK = f[1]
		case "drop":
			// a former name that now names another place (Tolyatti was Ставрополь)
			kept := alts[i][:0]
			for _, a := range alts[i] {
				if !strings.EqualFold(a, f[1]) {
					kept = append(kept, a)
				}
			}
			alts[i] = kept
		default:
			return fmt.Errorf("aliases.tsv line %d: unknown flag %q", n+1, flag)
		}
	}
	return nil
}

// prior ranks places before any context: regions and countries high, settlements by size,
// Russian and Ukrainian places above foreign ones.
func prior(p *domain.Place) float64 {
	switch p.Kind {
	case domain.CountryPlace, domain.WaterPlace:
		return 0.6
	case domain.RegionPlace:
		return 0.55
	case domain.DistrictPlace:
		return 0.4
	}
	s := 0.2 + 0.06*math.Log10(float64(p.Population)+1)
	if p.Country != "RU" && p.Country != "UA" {
		s -= 0.15
	}
	return s
}

// mix folds a word's hash into the running hash of a word sequence.
func mix(h, k uint64) uint64 {
	return (bits.RotateLeft64(h, 17) ^ k) * 0x9E3779B97F4A7C15
}

// splitName cuts "Республика Саха (Якутия)" and "Ханты-Мансийский автономный округ — Югра"
// into the parts that are also used alone.
func splitName(name string) []string {
	if !strings.ContainsAny(name, "()—/,") {
		return nil
	}
	parts := strings.FieldsFunc(name, func(r rune) bool { return r == '(' || r == ')' || r == '—' || r == '/' || r == ',' })
	if len(parts) <= 1 {
		return nil
	}
	return parts
}

// coreTokens removes generic words and fillers from a name's tokens and says which generic
// kind was removed.
func (g *Gazetteer) coreTokens(toks []namekey.Token) ([]namekey.Token, domain.PlaceKind) {
	var kind domain.PlaceKind
	keep := 0
	for _, t := range toks {
		if k, ok := g.gen.single[t.Hash]; ok {
			kind = k
		} else {
			keep++
		}
	}
	if keep == 0 || keep == len(toks) {
		return toks, kind
	}
	// fillers go only with a generic word: "Republic of Tatarstan", but "Sea of Azov"
	out := toks[:0] // in place: writes never overtake reads
	for _, t := range toks {
		if _, ok := g.gen.single[t.Hash]; !ok && !fillers[t.Hash] {
			out = append(out, t)
		}
	}
	if len(out) == 0 {
		return toks, ""
	}
	return out, kind
}

func (g *Gazetteer) hasGenericWord(name string) bool {
	var buf [8]namekey.Token
	_, kind := g.coreTokens(g.words.TokenizeHashes(name, buf[:0]))
	return kind != ""
}

func (g *Gazetteer) coreKey(name string) string {
	core, _ := g.coreTokens(namekey.Tokenize(name, nil))
	var b strings.Builder
	for i, t := range core {
		if i > 0 {
			b.WriteByte(' ')
		}
		b.WriteString(t.Key)
	}
	return b.String()
}

func (g *Gazetteer) indexName(idx int32, name string, flags uint8) {
	if name == "" {
		return
	}
	g.indexOne(idx, name, flags)
	for _, part := range splitName(name) {
		g.indexOne(idx, part, flags)
	}
	// Ukrainian names alternate і/о in the last syllable: Харків, Харкова; Київ, Києва.
	if uk := ikavism(name); uk != "" {
		g.indexOne(idx, uk, flags)
	}
}

func (g *Gazetteer) indexOne(idx int32, name string, flags uint8) {
	var buf [8]namekey.Token
	toks, kind := g.coreTokens(g.words.TokenizeHashes(name, buf[:0]))
	if len(toks) == 0 || len(toks) > 6 {
		return
	}
	p := &g.draft[idx]
	if kind == "" && p.Kind == domain.RegionPlace && flags&isAlias == 0 && g.hasGenericWord(p.Name) {
		// "Kaluga" names the city; the oblast is "Kaluga Oblast" (federal cities keep bare names)
		kind = domain.RegionPlace
	}
	if kind != "" {
		flags |= needsGeneric
	}
	if p.Kind == domain.WaterPlace || p.Kind == domain.CountryPlace && flags&isAdjective != 0 {
		flags |= lowerOK
	}
	h := uint64(0)
	for _, t := range toks {
		h = mix(h, t.Hash)
	}
	if len(toks) > 1 {
		g.leads[toks[0].Hash] = true
	}
	first, ok := g.build[h]
	last := int32(-1)
	for i := first; ok && i >= 0; i = g.chain[i].next {
		q := &g.chain[i].p
		if q.place == idx {
			// keep the most telling flags: a name without generic beats one with
			if q.flags&needsGeneric != 0 && flags&needsGeneric == 0 || flags&primaryName != 0 {
				q.flags, q.gkind = flags, codeOf(kind)
			}
			return
		}
		last = i
	}
	g.chain = append(g.chain, chained{posting{place: idx, flags: flags, gkind: codeOf(kind)}, -1})
	if n := int32(len(g.chain) - 1); last >= 0 {
		g.chain[last].next = n
	} else {
		g.build[h] = n
	}
	if len(toks) > g.maxN {
		g.maxN = len(toks)
	}
}

// ikavism gives the oblique-case stem of a Ukrainian name whose last syllable has і/ї
// before a final consonant: "Харків" -> "Харков", "Київ" -> "Києв". "" when not applicable.
func ikavism(name string) string {
	rs := []rune(name)
	n := len(rs)
	if n < 4 || strings.ContainsRune(name, ' ') {
		return ""
	}
	last := rs[n-1]
	if strings.ContainsRune("аеєиіїоуюяьй", last) || !isCyr(last) {
		return ""
	}
	switch rs[n-2] {
	case 'і':
		rs[n-2] = 'о'
	case 'ї':
		rs[n-2] = 'є'
	default:
		return ""
	}
	return string(rs)
}

func isCyr(r rune) bool { return r >= 0x0400 && r <= 0x04FF }

// Region returns the region with an ISO 3166-2 code ("RU-KLU").
func (g *Gazetteer) Region(code string) (domain.Place, bool) {
	i, ok := g.byCode[strings.ToUpper(strings.TrimSpace(code))]
	if !ok || g.kind(i) != domain.RegionPlace {
		return domain.Place{}, false
	}
	return g.place(i), true
}

// Regions lists the regions of a country (ISO 3166-1), or all when country is "".
func (g *Gazetteer) Regions(country string) []domain.Place {
	country = strings.ToUpper(country)
	var out []domain.Place
	for _, i := range g.regions {
		if p := g.place(i); country == "" || p.Country == country {
			out = append(out, p)
		}
	}
	sort.Slice(out, func(a, b int) bool { return out[a].Code < out[b].Code })
	return out
}

// Country returns a country by ISO 3166-1 alpha-2 code.
func (g *Gazetteer) Country(code string) (domain.Place, bool) {
	i, ok := g.byCode[strings.ToUpper(strings.TrimSpace(code))]
	if !ok || g.kind(i) != domain.CountryPlace {
		return domain.Place{}, false
	}
	return g.place(i), true
}

// Contains says whether place lies in region: by its Region field, or for a region itself.
// A place without a Region field is tested against the region's outline.
func (g *Gazetteer) Contains(region string, place domain.Place) bool {
	region = strings.ToUpper(region)
	if place.Kind == domain.RegionPlace {
		return place.Code == region
	}
	if place.Region != "" {
		return place.Region == region
	}
	if place.Kind == domain.CountryPlace || place.Kind == domain.WaterPlace {
		return false
	}
	return g.inOutline(region, place.Lat, place.Lon)
}

// RegionAt returns the Russian or Ukrainian region whose outline holds a point.
func (g *Gazetteer) RegionAt(lat, lon float64) (domain.Place, bool) {
	for _, i := range g.regions {
		if g.inOutline(g.str(g.recs[i].s[fCode]), lat, lon) {
			return g.place(i), true
		}
	}
	return domain.Place{}, false
}

// Outline returns a region's simplified outline as rings of [lon, lat] pairs.
func (g *Gazetteer) Outline(code string) [][][2]float64 {
	var out [][][2]float64
	for _, ring := range g.outlines[strings.ToUpper(code)] {
		r := make([][2]float64, len(ring))
		for i, p := range ring {
			r[i] = [2]float64{float64(p.lon), float64(p.lat)}
		}
		out = append(out, r)
	}
	return out
}

// inOutline is an even-odd test over all rings, so holes and islands both work.
func (g *Gazetteer) inOutline(code string, lat, lon float64) bool {
	x, y := float32(lon), float32(lat)
	in := false
	for _, ring := range g.outlines[code] {
		for i, j := 0, len(ring)-1; i < len(ring); j, i = i, i+1 {
			a, b := ring[i], ring[j]
			if (a.lat > y) != (b.lat > y) && x < (b.lon-a.lon)*(y-a.lat)/(b.lat-a.lat)+a.lon {
				in = !in
			}
		}
	}
	return in
}

// Place returns a place by its ID ("RU-KLU", "gn:553915", "sea:black"; "gnc:RU-KRS:tetkin" for
// the GeoNames places that came without a geonameid).
func (g *Gazetteer) Place(id string) (domain.Place, bool) {
	if i, ok := g.byCode[id]; ok {
		return g.place(i), true
	}
	for i := range g.recs {
		if g.str(g.recs[i].s[fID]) == id {
			return g.place(int32(i)), true
		}
	}
	return domain.Place{}, false
}
