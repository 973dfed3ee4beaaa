package gazetteer

import (
	"sort"
	"strings"

	"skyledger/internal/domain"
	"skyledger/internal/gazetteer/namekey"
)

// prepositions that may lead a name given to Resolve ("в Брянске", "near Kursk").
var leading = func() map[string]bool {
	m := map[string]bool{}
	for _, w := range []string{"в", "во", "у", "на", "над", "под", "под", "из", "із", "з", "до", "от", "від", "біля", "возле", "около",
		"in", "near", "over", "at", "the", "of"} {
		m[namekey.Key(w)] = true
	}
	return m
}()

// Resolve reads a name (with or without generic words, any case, en/ru/uk, inflected) and
// returns its readings, best first. Hint narrows and reorders them.
func (g *Gazetteer) Resolve(text string, hint Hint) []Candidate {
	var buf [8]namekey.Token
	toks := namekey.Tokenize(text, buf[:0])
	for len(toks) > 1 && leading[toks[0].Key] && !toks[0].Upper {
		toks = toks[1:]
	}
	// generic words before and after the name
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
	if len(toks) == 0 || len(toks) > g.maxN {
		return nil
	}
	h := uint64(0)
	adj := false
	for _, t := range toks {
		h = mix(h, t.Hash)
		adj = adj || t.Adj
	}
	posts := g.index[h]
	if len(posts) == 0 {
		return nil
	}
	matched := strings.TrimSpace(text[toks[0].Start:toks[len(toks)-1].End])
	return g.rank(posts, generic, adj, hint, matched, true)
}

// rank scores postings and returns candidates best first. Places of kinds outside
// hint.Kinds are dropped; when kindFirst, candidates of the generic kind come first.
func (g *Gazetteer) rank(posts []posting, generic domain.PlaceKind, adj bool, hint Hint, matched string, kindFirst bool) []Candidate {
	out := make([]Candidate, 0, len(posts))
	for _, q := range posts {
		p := &g.places[q.place]
		if len(hint.Kinds) > 0 && !hasKind(hint.Kinds, p.Kind) {
			continue
		}
		s := g.prior[q.place]
		if q.flags&needsGeneric != 0 {
			switch {
			case generic == "" && adj:
				s += 0.1 // "Калужской" alone reads as the region
			case generic == "":
				s -= 0.15
			case generic == q.gkind:
				s += 0.3
			}
		}
		if generic != "" {
			if p.Kind == generic || generic == domain.RegionPlace && p.Kind == domain.CountryPlace && q.flags&isAdjective != 0 {
				s += 0.3
			} else {
				s -= 0.3
			}
		}
		if q.flags&isAdjective != 0 && generic == "" {
			s -= 0.05
		}
		if hint.Country != "" {
			if strings.EqualFold(p.Country, hint.Country) {
				s += 0.2
			} else {
				s -= 0.2
			}
		}
		if hint.Region != "" {
			if g.Contains(hint.Region, *p) {
				s += 0.3
			} else {
				s -= 0.1
			}
		}
		out = append(out, Candidate{Place: *p, Score: s, Matched: matched})
	}
	sort.SliceStable(out, func(a, b int) bool {
		if kindFirst && generic != "" {
			ka, kb := out[a].Place.Kind == generic, out[b].Place.Kind == generic
			if ka != kb {
				return ka
			}
		}
		if out[a].Score != out[b].Score {
			return out[a].Score > out[b].Score
		}
		return out[a].Place.Population > out[b].Place.Population
	})
	return out
}

func hasKind(kinds []domain.PlaceKind, k domain.PlaceKind) bool {
	for _, x := range kinds {
		if x == k {
			return true
		}
	}
	return false
}
