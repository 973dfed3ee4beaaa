package gazetteer

import (
	"sort"
	"strings"

	"skyledger/internal/domain"
	"skyledger/internal/gazetteer/namekey"
)

// Suggestions are ranked by similarity of matching keys: 1 - distance/longer length, lifted
// a little by a shared beginning (people keep the first letters of a name they misremember)
// and by the kind the query names.
const (
	minSimilarity = 0.5     // below this a "suggestion" is just another name...
	farSimilarity = 1.0 / 3 // ...unless it begins like the query ("Dzhezkazgan", "Dzerzhinsky")
	farPrefix     = 2
	prefixWeight  = 0.1 // per shared leading byte, up to maxPrefix (as Jaro-Winkler)
	maxPrefix     = 4
	kindBonus     = 0.3 // "X District" prefers districts, without hiding an exact settlement
)

// Suggest returns up to n real districts and settlements of a region whose names are nearest
// to name, best first: "no Dzhezkazgan District in Kaluga Oblast; did you mean Dzerzhinsky
// District?". name may be Latin or Cyrillic, inflected, with or without generic words
// ("Дзержинском районе", "Kharkivskyi raion"); a generic word makes places of its kind rank
// first unless another is much nearer. Nil for an unknown region or a name without letters.
func (g *Gazetteer) Suggest(region, name string, n int) []Candidate {
	code := strings.ToUpper(strings.TrimSpace(region))
	if n <= 0 {
		return nil
	}
	if _, ok := g.Region(code); !ok {
		return nil
	}
	var buf [8]namekey.Token
	toks, kind := g.query(name, namekey.Tokenize(name, buf[:0]))
	toks, k2 := g.coreTokens(toks)
	if kind == "" {
		kind = k2
	}
	if len(toks) == 0 || g.allGeneric(toks) {
		return nil // "район" alone names nothing
	}
	var qb [64]byte
	q := qb[:0]
	for i, t := range toks {
		if i > 0 {
			q = append(q, ' ')
		}
		q = append(q, t.Key...)
	}
	matched := strings.TrimSpace(name[toks[0].Start:toks[len(toks)-1].End])

	type hit struct {
		place int32
		score float64
	}
	top := make([]hit, 0, n+1)
	keep := func(i int32, score float64) {
		if kind != "" && g.kind(i) == kind {
			score += kindBonus
		}
		// keep the n best, sorted; ties go to the larger place
		at := len(top)
		for at > 0 && g.better(score, i, top[at-1].score, top[at-1].place) {
			at--
		}
		if at >= n {
			return
		}
		top = append(top, hit{})
		copy(top[at+1:], top[at:])
		top[at] = hit{i, score}
		if len(top) > n {
			top = top[:n]
		}
	}
	var dp distBuf
	// A cheap bound first: an edit changes the letter counts by at most 2 in all (a
	// substitution takes one and adds one), so half the counts' difference is at most the
	// distance; a key whose bound is over the limit needs no distance.
	var diff [256]int16
	var inQ [256]bool
	var qLetters []byte
	for _, c := range q {
		diff[c]++
		if !inQ[c] {
			inQ[c] = true
			qLetters = append(qLetters, c)
		}
	}
	cur, best := int32(-1), -1.0 // a place's keys are next to each other
	for _, e := range g.sugg[code] {
		if e.place != cur {
			if best >= 0 {
				keep(cur, best)
			}
			cur, best = e.place, -1
		}
		k := g.str(e.key)
		long := max(len(q), len(k))
		cp := commonPrefix(q, k)
		floor := minSimilarity
		if cp >= farPrefix {
			floor = farSimilarity
		}
		limit := int(float64(long) * (1 - floor))
		if countBound(&diff, &inQ, qLetters, k) > limit {
			continue
		}
		d := dp.osa(q, k, limit)
		if d > limit {
			continue
		}
		sim := 1 - float64(d)/float64(long)
		best = max(best, sim+prefixWeight*float64(cp)*(1-sim))
	}
	if best >= 0 {
		keep(cur, best)
	}
	if len(top) == 0 {
		return nil
	}
	out := make([]Candidate, len(top))
	for j, h := range top {
		out[j] = Candidate{Place: g.place(h.place), Score: h.score, Matched: matched}
	}
	return out
}

func (g *Gazetteer) allGeneric(toks []namekey.Token) bool {
	for _, t := range toks {
		if _, ok := g.gen.single[t.Hash]; !ok {
			return false
		}
	}
	return true
}

// suggestKey is one core key of a district's or settlement's name, in Gazetteer.blob.
type suggestKey struct {
	place int32
	key   strRef
}

// better orders suggestions: higher score, then more people, then name.
func (g *Gazetteer) better(s float64, i int32, t float64, j int32) bool {
	if s != t {
		return s > t
	}
	if a, b := g.recs[i].pop, g.recs[j].pop; a != b {
		return a > b
	}
	return g.str(g.recs[i].s[fName]) < g.str(g.recs[j].s[fName])
}

// suggestKeys are the distinct core keys of a place's names: Ukrainian raions are named
// after their centre in English ("Kharkiv District", key "harkiv") but by the adjective in
// Ukrainian ("Харківський район", "harkivsk").
func (g *Gazetteer) suggestKeys(p *domain.Place) []string {
	var out []string
	for _, name := range []string{p.Name, p.NameRU, p.NameUK} {
		if name == "" {
			continue
		}
		k := g.coreKey(name)
		if k != "" && !hasString(out, k) {
			out = append(out, k)
		}
	}
	sort.Strings(out)
	return out
}

func hasString(xs []string, s string) bool {
	for _, x := range xs {
		if x == s {
			return true
		}
	}
	return false
}

func commonPrefix(a []byte, b string) int {
	n := 0
	for n < len(a) && n < len(b) && n < maxPrefix && a[n] == b[n] {
		n++
	}
	return n
}

// distBuf holds the rows of the distance table so that Suggest does not allocate per name.
type distBuf struct{ rows [3][]int }

// osa is the optimal-string-alignment distance (Levenshtein plus adjacent transpositions) of
// two keys, in bytes: keys are Latin skeletons, so bytes are letters. It gives up and returns
// limit+1 as soon as the distance must exceed limit.
func (b *distBuf) osa(a []byte, s string, limit int) int {
	if d := len(a) - len(s); d > limit || -d > limit {
		return limit + 1
	}
	w := len(s) + 1
	for i := range b.rows {
		if cap(b.rows[i]) < w {
			b.rows[i] = make([]int, w, max(w, 64))
		}
		b.rows[i] = b.rows[i][:w]
	}
	prev2, prev, cur := b.rows[0], b.rows[1], b.rows[2]
	for j := range prev {
		prev[j] = j
	}
	for i := 1; i <= len(a); i++ {
		cur[0] = i
		rowMin := i
		for j := 1; j <= len(s); j++ {
			cost := 1
			if a[i-1] == s[j-1] {
				cost = 0
			}
			v := min(prev[j]+1, cur[j-1]+1, prev[j-1]+cost)
			if i > 1 && j > 1 && a[i-1] == s[j-2] && a[i-2] == s[j-1] {
				v = min(v, prev2[j-2]+1)
			}
			cur[j] = v
			rowMin = min(rowMin, v)
		}
		if rowMin > limit {
			return limit + 1
		}
		prev2, prev, cur = prev, cur, prev2
	}
	return prev[len(s)]
}

// countBound is a lower bound of the edit distance between the query (whose letter counts are
// diff, its letters qLetters) and k: half the letters one has more of than the other, rounded
// up. diff is as it was on return.
func countBound(diff *[256]int16, inQ *[256]bool, qLetters []byte, k string) int {
	only := 0 // letters of k the query has none of
	for i := 0; i < len(k); i++ {
		diff[k[i]]--
		if !inQ[k[i]] {
			only++
		}
	}
	total := only
	for _, c := range qLetters {
		if v := diff[c]; v < 0 {
			total -= int(v)
		} else {
			total += int(v)
		}
	}
	for i := 0; i < len(k); i++ {
		diff[k[i]]++
	}
	return (total + 1) / 2
}
