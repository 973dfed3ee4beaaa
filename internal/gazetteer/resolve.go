package gazetteer

import (
	"strings"

	"skyledger/internal/domain"
	"skyledger/internal/gazetteer/namekey"
)

// prepositions that may lead a name given to Resolve ("в Брянске", "near Kursk"), by key hash.
var leading = func() map[uint64]bool {
	m := map[uint64]bool{}
	for _, w := range []string{"в", "во", "у", "на", "над", "под", "под", "из", "із", "з", "до", "от", "від", "біля", "возле", "около",
		"in", "near", "over", "at", "the", "of"} {
		m[namekey.HashKey(namekey.Key(w))] = true
	}
	return m
}()

// Resolve reads a name (with or without generic words, any case, en/ru/uk, inflected) and
// returns its readings, best first. A generic word keeps only the places of its kind when
// there are any ("Kursk region" is the oblast, not the city). Hint narrows and reorders them.
func (g *Gazetteer) Resolve(text string, hint Hint) []Candidate {
	var buf [8]namekey.Token
	toks, generic := g.query(text, namekey.TokenizeHashes(text, buf[:0]))
	if len(toks) == 0 || len(toks) > g.maxN {
		return nil
	}
	h := uint64(0)
	adj := false
	for _, t := range toks {
		h = mix(h, t.Hash)
		adj = adj || t.Adj
	}
	posts := g.postings(h)
	if len(posts) == 0 {
		return nil
	}
	matched := strings.TrimSpace(text[toks[0].Start:toks[len(toks)-1].End])
	return g.rank(posts, generic, adj, hint, matched, true)
}

// query strips the prepositions before a name and the generic words around it ("в
// Дзержинском районе") and says which kind those words name.
func (g *Gazetteer) query(text string, toks []namekey.Token) ([]namekey.Token, domain.PlaceKind) {
	for len(toks) > 1 && leading[toks[0].Hash] && !toks[0].Upper {
		toks = toks[1:]
	}
	var generic domain.PlaceKind
	if k, n := g.gen.match(toks, 0, true, text); n > 0 && n < len(toks) {
		generic, toks = k, toks[n:]
	}
	for n := 3; n >= 1; n-- {
		if len(toks) > n {
			if k, m := g.gen.match(toks, len(toks)-n, false, text); m == n {
				generic, toks = k, toks[:len(toks)-n]
				break
			}
		}
	}
	return toks, generic
}

// rank scores postings and returns candidates best first, those of the kind a generic word
// names ahead of the rest. Places of kinds outside hint.Kinds are dropped; with onlyKind, so
// are the rest when the generic kind has candidates: "Дзержинском районе" reads as the
// districts only, not as the town of Dzerzhinsk. (Scan keeps them: its callers weigh a
// mention against its sentence.)
func (g *Gazetteer) rank(posts []posting, generic domain.PlaceKind, adj bool, hint Hint, matched string, onlyKind bool) []Candidate {
	return g.rankInto(nil, posts, generic, adj, hint, matched, onlyKind)
}

// rankInto is rank writing the candidates into dst's free capacity (dst[len(dst):]) when they
// fit, else into a new slice (Scan gives it a buffer that always fits).
func (g *Gazetteer) rankInto(dst []Candidate, posts []posting, generic domain.PlaceKind, adj bool, hint Hint, matched string, onlyKind bool) []Candidate {
	// Scores are sorted as small records and copied into Candidates once: moving whole
	// Places around while sorting cost more than the scoring (Resolve runs per mention).
	var stack [32]scored
	sc := stack[:0]
	gen := codeOf(generic)
	anyFirst := false
	var kinds [len(kindCodes)]bool
	for _, k := range hint.Kinds {
		kinds[codeOf(k)] = true
	}
	for n, q := range posts {
		r := &g.recs[q.place]
		if len(hint.Kinds) > 0 && !kinds[r.kind] {
			continue
		}
		s := g.prior[q.place]
		if q.flags&needsGeneric != 0 {
			switch {
			case gen == 0 && adj:
				s += 0.1 // "Калужской" alone reads as the region
			case gen == 0:
				s -= 0.15
			case gen == q.gkind:
				s += 0.3
			}
		}
		fits := false
		if gen != 0 {
			fits = r.kind == gen || generic == domain.RegionPlace && kindCodes[r.kind] == domain.CountryPlace && q.flags&isAdjective != 0
			if fits {
				s += 0.3
			} else {
				s -= 0.3
			}
		}
		if q.flags&isAdjective != 0 && gen == 0 {
			s -= 0.05
		}
		if hint.Country != "" {
			if strings.EqualFold(g.str(r.s[fCountry]), hint.Country) {
				s += 0.2
			} else {
				s -= 0.2
			}
		}
		if hint.Region != "" {
			if g.Contains(hint.Region, g.place(q.place)) {
				s += 0.3
			} else {
				s -= 0.1
			}
		}
		first := gen != 0 && r.kind == gen
		anyFirst = anyFirst || first
		sc = append(sc, scored{place: q.place, pos: int32(n), pop: r.pop, score: s, first: first, fits: fits})
	}
	if len(sc) == 0 {
		return []Candidate{}
	}
	if onlyKind && anyFirst {
		k := 0
		for _, r := range sc {
			if r.fits {
				sc[k] = r
				k++
			}
		}
		sc = sc[:k]
	}
	// insertion sort: readings are few, and this beats sort's indirection
	for i := 1; i < len(sc); i++ {
		for j := i; j > 0 && sc[j].before(&sc[j-1]); j-- {
			sc[j], sc[j-1] = sc[j-1], sc[j]
		}
	}
	var out []Candidate
	if n := len(dst); cap(dst)-n >= len(sc) {
		out = dst[n : n+len(sc) : n+len(sc)]
	} else {
		out = make([]Candidate, len(sc))
	}
	for i, r := range sc {
		c := &out[i]
		g.fill(&c.Place, r.place) // in place: copying a built Place costs a bulk write barrier
		c.Score, c.Matched = r.score, matched
	}
	return out
}

// scored is one posting's score while ranking.
type scored struct {
	place, pos, pop int32
	first           bool // of the kind the generic word names
	fits            bool // first, or a country adjective read as a region ("российских регионов")
	score           float64
}

// before: kind named by the generic word first, then higher score, then more people, then
// posting order (so the sort is stable).
func (a *scored) before(b *scored) bool {
	if a.first != b.first {
		return a.first
	}
	if a.score != b.score {
		return a.score > b.score
	}
	if a.pop != b.pop {
		return a.pop > b.pop
	}
	return a.pos < b.pos
}

func hasKind(kinds []domain.PlaceKind, k domain.PlaceKind) bool {
	for _, x := range kinds {
		if x == k {
			return true
		}
	}
	return false
}
