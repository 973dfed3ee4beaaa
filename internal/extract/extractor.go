package extract

import (
	"fmt"
	"sort"
	"strings"
	"sync"

	"skyledger/internal/domain"
	"skyledger/internal/gazetteer"
	"skyledger/internal/gazetteer/namekey"
	"skyledger/internal/textnum"
)

// Extractor reads documents into incidents. It is immutable after New and safe for concurrent use.
type Extractor struct {
	g   *gazetteer.Gazetteer
	lex *matcher
	off *officials
	// scratch holds *scratch: working memory of a document, reused by later ones (prepare.go)
	scratch     sync.Pool
	suggestions suggestMemo // answers of Suggest shared by the documents
}

// New builds an extractor over the gazetteer g, loading the embedded lexicons.
func New(g *gazetteer.Gazetteer) (*Extractor, error) {
	if g == nil {
		return nil, fmt.Errorf("extract: nil gazetteer")
	}
	lex, err := loadLexicon()
	if err != nil {
		return nil, fmt.Errorf("extract: %w", err)
	}
	off, err := loadOfficials()
	if err != nil {
		return nil, fmt.Errorf("extract: %w", err)
	}
	return &Extractor{g: g, lex: lex, off: off}, nil
}

// tokenAt returns the index of the token that holds byte offset b (or the next one).
func tokenAt(toks []token, b int) int {
	return sort.Search(len(toks), func(i int) bool { return toks[i].end > b })
}

// tokenCursor is tokenAt for offsets asked in text order (the finds of a scanner): it walks
// forward from the last answer, and searches only when asked about an earlier offset.
type tokenCursor struct {
	toks    []token
	k, last int
}

func (c *tokenCursor) at(b int) int {
	if b < c.last {
		c.k, c.last = tokenAt(c.toks, b), b
		return c.k
	}
	for c.k < len(c.toks) && c.toks[c.k].end <= b {
		c.k++
	}
	c.last = b
	return c.k
}

func (x *Extractor) numbers(text string, toks []token, sc *scratch) []number {
	ns := textnum.ScanBuffered(text, &sc.numBuf)
	out := sc.nums[:0]
	if cap(out) < len(ns) {
		out = make([]number, 0, len(ns))
	}
	defer clear(ns) // the buffer's numbers hold pieces of the text
	cur := tokenCursor{toks: toks}
	for _, n := range ns {
		if n.Attached && !n.Hedged {
			// "Shahed-136", "Су-34", "5km": a model name or a measure
			continue
		}
		if percentAfter(text[n.End:]) {
			continue // "85% of the drones": a share, no count
		}
		t0 := cur.at(n.Start)
		t1 := cur.at(n.End-1) + 1
		out = append(out, number{start: n.Start, end: n.End, value: n.Value, hedged: n.Hedged, ordinal: n.Ordinal, t0: t0, t1: t1})
	}
	return out
}

// percentAfter: the text right after a figure makes it a share ("85%", "85 %", "85 percent",
// "85 процентов", "85 відсотків").
func percentAfter(rest string) bool {
	rest = strings.TrimLeft(rest, " \u00a0\u202f")
	if strings.HasPrefix(rest, "%") {
		return true
	}
	if len(rest) > 24 {
		rest = rest[:24]
	}
	rest = strings.ToLower(rest)
	for _, w := range [...]string{"percent", "per cent", "процент", "відсот"} {
		if strings.HasPrefix(rest, w) {
			return true
		}
	}
	return false
}

// findPlaces reads the place names of text. With sc, the places and their readings are written
// into sc's memory (for the document's text, not its title).
func (x *Extractor) findPlaces(text string, toks []token, buf *gazetteer.ScanBuffer, sc *scratch) []placeRef {
	var ms []gazetteer.Mention
	if buf != nil && sc != nil {
		// the gazetteer splits words as the tokenizer does (FuzzTokenize checks): it is told them
		words := sc.words[:0]
		for _, t := range toks {
			words = append(words, namekey.Span{Start: t.start, End: t.end})
		}
		sc.words = words
		ms = x.g.ScanWords(text, words, buf)
	} else {
		ms = x.g.ScanBuffered(text, buf)
	}
	if buf != nil {
		defer func() {
			for _, m := range ms {
				clear(m.Candidates) // the buffer's mentions and candidates hold pieces of the text
			}
			clear(ms)
		}()
	}
	n := 0
	for _, m := range ms {
		n += len(m.Candidates)
	}
	cur := tokenCursor{toks: toks}
	var out []placeRef
	var alts []domain.Place // every mention's readings, in one array
	if sc != nil {
		out, alts = sc.places[:0], sc.alts[:0]
	}
	if cap(out) < len(ms) {
		out = make([]placeRef, 0, len(ms))
	}
	if cap(alts) < n {
		alts = make([]domain.Place, 0, n)
	}
	if sc != nil {
		defer func() { sc.places, sc.alts = out, alts }()
	}
	for _, m := range ms {
		if len(m.Candidates) == 0 {
			continue
		}
		ref := placeRef{start: m.Start, end: m.End, text: m.Text, generic: m.Generic}
		from := len(alts)
		for _, c := range m.Candidates {
			alts = append(alts, c.Place)
		}
		ref.alts = alts[from:len(alts):len(alts)]
		ref.t0 = cur.at(m.Start)
		ref.t1 = cur.at(m.End-1) + 1
		ref.setPlace(m.Candidates[0].Place)
		out = append(out, ref)
	}
	return out
}

// setPlace makes p the reading of the mention.
func (ref *placeRef) setPlace(p domain.Place) {
	ref.kind, ref.name, ref.place, ref.country = p.Kind, p.Name, p, p.Country
	ref.region = ""
	switch p.Kind {
	case domain.RegionPlace:
		ref.region = p.Code
		if ref.region == "" {
			ref.region = p.ID
		}
	case domain.CountryPlace:
		ref.country = p.Code
		if ref.country == "" {
			ref.country = p.Country
		}
		ref.adjective = ref.generic == domain.CountryPlace
	case domain.WaterPlace:
	default:
		ref.region = p.Region
		if p.Country != "RU" && p.Country != "UA" {
			// a foreign town: kept for the flags, never an incident region
			ref.region = ""
		}
	}
}

// disambiguate re-reads ambiguous place names in the light of the regions the document names
// explicitly: "Дніпровському районі" in a Kyiv story is Kyiv's Dniprovskyi district.
// villageWord: the mention names a village ("the village of Oktyabrsky"), so a big city of that
// name elsewhere is not the one meant.
func villageWord(text string) bool {
	return strings.Contains(text, "illage") || strings.Contains(text, "amlet") // [Vv]illage, [Hh]amlet, without a lower-cased copy
}

func disambiguate(ps []placeRef, toks []token) {
	// regions the text names: as regions, or through a big city in them ("по Шевченківському
	// району Харкова", "атака на Київ")
	regions := map[string]bool{}
	for i := range ps {
		if ps[i].namesItsRegion() {
			regions[ps[i].region] = true
		}
	}
	for i := range ps {
		p := &ps[i]
		if len(p.alts) < 2 || p.kind == domain.RegionPlace || p.kind == domain.CountryPlace || p.kind == domain.WaterPlace {
			continue
		}
		wantDistrict := p.generic == domain.DistrictPlace
		if wantDistrict && p.kind == domain.DistrictPlace && regions[p.region] {
			continue
		}
		if !wantDistrict && regions[p.region] && !villageWord(p.text) {
			continue
		}
		best := -1
		for k, a := range p.alts {
			if a.Kind == domain.RegionPlace || a.Kind == domain.CountryPlace {
				continue
			}
			inDoc := regions[a.Region]
			if wantDistrict && a.Kind == domain.DistrictPlace && inDoc {
				best = k
				break
			}
			if !wantDistrict && inDoc && best < 0 {
				best = k
			}
			if wantDistrict && a.Kind == domain.DistrictPlace && best < 0 && p.kind != domain.DistrictPlace {
				best = k
			}
		}
		if best < 0 && wantDistrict && !regions[p.region] {
			// "в Золочівській громаді" in a Kharkiv story: the hromada of the town of that name in
			// the region the text is about, not a district elsewhere
			for k, a := range p.alts {
				if a.Kind == domain.SettlementPlace && regions[a.Region] {
					best = k
					break
				}
			}
		}
		if best > 0 {
			p.setPlace(p.alts[best])
		}
	}
	// "в Пушкинском районе города", "у Київському районі міста": a district of the big city
	// named last
	for i := range ps {
		p := &ps[i]
		// a region read through "district" ("у Київському районі" after "по Харкову"): no oblast
		// is a district, so it is one of the city's too
		regionAsDistrict := p.generic == domain.DistrictPlace && p.kind == domain.RegionPlace
		if !regionAsDistrict && (p.generic != domain.DistrictPlace || p.t1 >= len(toks) || !cityWord[toks[p.t1].s]) {
			continue
		}
		for j := i - 1; j >= 0; j-- {
			q := ps[j]
			if q.kind == domain.SettlementPlace && q.place.Population >= bigCity && q.region != "" {
				if p.region != q.region {
					p.name = cityDistrictName(*p, q)
					p.kind, p.region, p.country = domain.DistrictPlace, q.region, q.country
					p.place.Region = q.region
				}
				break
			}
		}
	}
	// "Шевченківському району Харкова": a district of the city that follows it
	for i := 0; i+1 < len(ps); i++ {
		p, q := &ps[i], &ps[i+1]
		if p.generic == domain.DistrictPlace && q.kind == domain.SettlementPlace && q.t0 == p.t1 && q.generic == "" &&
			q.place.Population >= bigCity && p.region != q.region {
			p.name = cityDistrictName(*p, *q)
			p.kind, p.region, p.country = domain.DistrictPlace, q.region, q.country
			p.place.Region = q.region
		}
	}
}

// cityWord: "of the city" after a district name, in the forms reports use.
var cityWord = map[string]bool{"города": true, "міста": true, "city": true, "city's": true}

// cityDistrictName names a city district found under another reading ("Київському районі" read
// as Kyiv Oblast): the district reading's name when there is one, else the words of the text.
func cityDistrictName(p, city placeRef) string {
	name := p.text
	if p.kind == domain.DistrictPlace {
		name = strings.TrimSuffix(p.name, " District") + " District"
	}
	return name + ", " + city.name
}
