package gazetteer

import (
	"skyledger/internal/domain"
	"skyledger/internal/gazetteer/namekey"
)

// Generic words say what sort of place a name is: "Калужской области", "Kursk region",
// "м. Суми", "Republic of Tatarstan". They are stripped from names when indexing and read
// around a match when scanning. Surface forms are listed; keys are computed with the same
// stemmer, so every case form of a listed word is covered.

type genericWord struct {
	kind   domain.PlaceKind
	before bool // stands before the name ("город Курск", "Republic of Tatarstan")
	after  bool // stands after the name ("Kursk region", "Курской области")
	dot    bool // single-letter abbreviation: only with a following '.' ("м. Суми", "г. Брянск")
	n      int  // tokens
}

var genericSurface = []struct {
	forms         []string
	kind          domain.PlaceKind
	before, after bool
	dot           bool
}{
	{[]string{"область", "области", "областях", "областей", "обл", "oblast", "oblasts", "region", "regions", "край", "края", "краях", "krai", "kray", "territory",
		"автономный округ", "автономного округа", "автономний округ", "autonomous okrug", "autonomous district",
		"автономная область", "autonomous oblast", "автономна область"}, domain.RegionPlace, false, true, false},
	{[]string{"республика", "республики", "республіка", "republic", "republic of", "автономная республика", "автономна республіка", "ар",
		"autonomous republic of", "autonomous republic"}, domain.RegionPlace, true, true, false},
	{[]string{"район", "районы", "районах", "районов", "районів", "district", "districts", "raion", "rayon", "raions", "okrug",
		"округ", "округи", "муниципальный округ", "муниципального округа", "муніципальний округ", "городской округ", "міський округ",
		"municipal district", "municipal okrug", "urban okrug", "urban district", "municipality", "громада", "громади",
		"територіальна громада", "hromada", "улус", "ulus", "сельсовет", "сільрада"}, domain.DistrictPlace, false, true, false},
	{[]string{"р н", "р не", "р на", "р ну", "р ном", "р нах", "р нов", "м о", "г о", "м р", "мо", "го"}, domain.DistrictPlace, false, true, false},
	{[]string{"город", "города", "місто", "міста", "city", "town", "village", "село", "села", "поселок", "поселка", "посёлке", "посёлок",
		"пгт", "смт", "селище", "деревня", "деревни", "хутор", "станица", "станицы", "city of", "town of", "village of", "settlement of",
		"settlement", "урочище"}, domain.SettlementPlace, true, false, false},
	{[]string{"city", "town", "village"}, domain.SettlementPlace, false, true, false},
	{[]string{"г", "м", "с", "п", "д", "х", "ст", "гор", "пос", "сел"}, domain.SettlementPlace, true, false, true},
}

// genericTable maps the hash of a generic word sequence to what it says.
type genericTable struct {
	words map[uint64][]genericWord
	// single tokens that are generic in any position, stripped from names when indexing
	single map[uint64]domain.PlaceKind
	// a Bloom filter of the hashes of the generic words' first words: Scan asks match about
	// the words around every name, and nearly all begin no generic word
	leads [1 << 6]uint64
}

// fillers are dropped from names when indexing ("Republic of Tatarstan").
var fillers = map[uint64]bool{namekey.HashKey(namekey.Key("of")): true, namekey.HashKey(namekey.Key("the")): true}

func buildGenerics() genericTable {
	t := genericTable{words: map[uint64][]genericWord{}, single: map[uint64]domain.PlaceKind{}}
	for _, g := range genericSurface {
		for _, f := range g.forms {
			toks := namekey.Tokenize(f, nil)
			h := uint64(0)
			for _, tk := range toks {
				h = mix(h, tk.Hash)
			}
			t.words[h] = append(t.words[h], genericWord{kind: g.kind, before: g.before, after: g.after, dot: g.dot, n: len(toks)})
			w, m := filterSlot(toks[0].Hash)
			t.leads[w>>(32-6)] |= m
			if len(toks) == 1 && !g.dot {
				t.single[toks[0].Hash] = g.kind
			}
			if len(toks) == 2 && !g.dot {
				for _, tk := range toks {
					if _, ok := t.single[tk.Hash]; !ok && !fillers[tk.Hash] {
						t.single[tk.Hash] = g.kind
					}
				}
			}
		}
	}
	return t
}

// match looks for a generic word sequence at toks[i:], in the given position.
func (t *genericTable) match(toks []namekey.Token, i int, before bool, text string) (domain.PlaceKind, int) {
	if i < len(toks) {
		if w, m := filterSlot(toks[i].Hash); t.leads[w>>(32-6)]&m != m {
			return "", 0
		}
	}
	h := uint64(0)
	var kind domain.PlaceKind
	best := 0
	for n := 1; n <= 3 && i+n <= len(toks); n++ {
		if n > 1 && !adjacent(text, &toks[i+n-2], &toks[i+n-1]) {
			break
		}
		h = mix(h, toks[i+n-1].Hash)
		for _, g := range t.words[h] {
			if g.n != n || (before && !g.before) || (!before && !g.after) {
				continue
			}
			if g.dot && !toks[i+n-1].Dot {
				continue
			}
			if g.n == 2 && toks[i].Hyphen == false && toks[i].KeyLen == 1 && !toks[i].Dot {
				continue // "р н" only as "р-н", "м о" only as "м.о."
			}
			kind, best = g.kind, n
		}
	}
	return kind, best
}

// adjacent says two tokens are separated only by spaces, hyphens or a dot (no comma, no clause break).
func adjacent(text string, a, b *namekey.Token) bool {
	if b.Start-a.End == 1 && text[a.End] == ' ' { // nearly always; Scan asks of every pair of words
		return true
	}
	if a.End > b.Start || b.Start-a.End > 4 {
		return false
	}
	for _, r := range text[a.End:b.Start] {
		if r != ' ' && r != '-' && r != '.' && r != '\u00a0' {
			return false
		}
	}
	return true
}
