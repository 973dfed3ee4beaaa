package extract

import (
	"sort"

	"skyledger/internal/domain"
)

// Preparation of a document for the rules: the document-wide finds (tokens, lexicon hits,
// sentences, figures, dates, places, officials), the place readings the text does not support
// dropped, and the finds indexed per sentence.

// prepared is what the preparation computes once for several users.
type prepared struct {
	titleToks   []token
	titlePlaces []placeRef // the title's places, for the title region and the flags
	titleDone   bool
	groups      []sentHits // group's results by sentence, built on first use
	grouped     []hit      // backing of the groups' slices
}

// index distributes the document-wide finds over sentences. Each list comes in text order, so
// a sentence's finds are a sub-slice of it (capacity-limited, so that appending copies).
func (st *docState) index() {
	st.sHits = perSentence(st.sents, st.hits, func(h *hit) int { return h.start })
	st.sNums = perSentence(st.sents, st.nums, func(x *number) int { return x.start })
	st.sDates = perSentence(st.sents, st.dates, func(x *dateMention) int { return x.start })
	st.sPlaces = perSentence(st.sents, st.places, func(x *placeRef) int { return x.start })
	st.sOffs = perSentence(st.sents, st.offs, func(x *officialHit) int { return x.start })
}

// perSentence gives each sentence the items of xs that start inside it (none for an item
// between sentences).
func perSentence[T any](sents []sentence, xs []T, start func(*T) int) [][]T {
	n := len(sents)
	out := make([][]T, n)
	sorted := true
	for i := 1; i < len(xs) && sorted; i++ {
		sorted = start(&xs[i-1]) <= start(&xs[i])
	}
	if !sorted {
		for _, x := range xs {
			b := start(&x)
			if i := sort.Search(n, func(i int) bool { return sents[i].end > b }); i < n && b >= sents[i].start {
				out[i] = append(out[i], x)
			}
		}
		return out
	}
	k := 0
	for i := 0; i < len(xs); {
		b := start(&xs[i])
		for k < n && sents[k].end <= b {
			k++
		}
		if k == n {
			break
		}
		if b < sents[k].start {
			i++
			continue
		}
		j := i + 1
		for j < len(xs) && start(&xs[j]) < sents[k].end {
			j++
		}
		out[k] = xs[i:j:j]
		i = j
	}
	return out
}

// sentHits groups one sentence's hits by category.
type sentHits map[string][]hit

// group returns sentence si's hits by category. The rules only read it, so it is built once
// per sentence, its lists cut from one array.
func (st *docState) group(si int) sentHits {
	if st.groups == nil {
		st.groups = make([]sentHits, len(st.sents))
		st.grouped = make([]hit, 0, len(st.hits))
	}
	if g := st.groups[si]; g != nil {
		return g
	}
	hs := st.sHits[si]
	// categories in order of first appearance
	var buf [16]string
	cats := buf[:0]
	for _, h := range hs {
		seen := false
		for _, c := range cats {
			if c == h.p.cat {
				seen = true
				break
			}
		}
		if !seen {
			cats = append(cats, h.p.cat)
		}
	}
	g := make(sentHits, len(cats))
	if len(st.grouped)+len(hs) > cap(st.grouped) {
		st.grouped = make([]hit, 0, max(len(hs), cap(st.grouped)))
	}
	for _, c := range cats {
		from := len(st.grouped)
		for _, h := range hs {
			if h.p.cat == c {
				st.grouped = append(st.grouped, h)
			}
		}
		g[c] = st.grouped[from:len(st.grouped):len(st.grouped)]
	}
	st.groups[si] = g
	return g
}

func (x *Extractor) prepare(doc domain.Document) *docState {
	st := &docState{x: x, text: doc.Text, pub: doc.Published, droneSeen: -10, lastRegPar: -1}
	st.toks = tokenize(doc.Text)
	st.hits = x.lex.match(st.toks)
	st.sents = splitSentences(doc.Text, st.toks)
	st.nums = x.numbers(doc.Text, st.toks)
	st.dates = x.dateMentions(doc.Text, doc.Published, st.toks)
	st.places = x.findPlaces(doc.Text, st.toks)
	st.offs = x.off.find(doc.Text, st.toks, doc.Published)
	st.places = dropOfficialNames(st.places, st.offs)
	disambiguate(st.places, st.toks)
	st.places = st.dropWeakPlaces(st.places, doc.Title)
	st.places = st.dropReferencePlaces(st.places)
	st.docCountry = docCountry(st.places, doc.Text)
	if len(doc.Published) == 10 {
		st.defDt, st.defKn = doc.Published, true
	}
	for _, d := range st.dates {
		if d.dateline {
			st.defDt, st.defKn = d.date, d.known
			break
		}
	}
	// the title: does it speak of drones, and of which region
	if doc.Title != "" {
		tt, tps := st.title(doc.Title)
		for _, h := range x.lex.match(tt) {
			if h.p.cat == "drone" {
				st.titleDrone = true
			}
		}
		for _, p := range tps {
			if p.kind != domain.CountryPlace && p.region != "" && !p.adjective {
				st.titleReg = p.region
				break
			}
		}
	}
	st.index()
	return st
}

// dropOfficialNames removes place readings of officials' surnames ("Gusev", "Kursk"-like names).
func dropOfficialNames(ps []placeRef, offs []officialHit) []placeRef {
	if len(offs) == 0 {
		return ps
	}
	out := ps[:0]
	for _, p := range ps {
		clash := false
		for _, o := range offs {
			// the surname itself, or a first name right before it ("Сергій Лисак")
			if (o.start < p.end && p.start < o.end || o.start >= p.end && o.start-p.end <= 2) && p.generic == "" {
				clash = true
				break
			}
		}
		if !clash {
			out = append(out, p)
		}
	}
	return out
}

// docCountry is the country most of the text's regions lie in ("" when none).
func docCountry(ps []placeRef, text string) string {
	ru, ua := 0, 0
	for _, p := range ps {
		switch regionCountry(p.region) {
		case "RU":
			ru++
		case "UA":
			ua++
		}
	}
	switch {
	case ru > ua:
		return "RU"
	case ua > ru:
		return "UA"
	}
	return ""
}

// dropWeakPlaces removes place readings the text does not support: a first name, or a bare
// small-town or district name (no "village"/"district" word) in a region the text never names.
func (st *docState) dropWeakPlaces(ps []placeRef, title string) []placeRef {
	named := map[string]bool{}
	for _, p := range ps {
		if p.kind == domain.RegionPlace {
			named[p.region] = true
		}
	}
	for _, o := range st.offs {
		named[o.o.Region] = true
	}
	if st.titleReg != "" {
		named[st.titleReg] = true
	}
	var first []hit
	for _, h := range st.hits {
		if h.p.cat == "firstname" {
			first = append(first, h)
		}
	}
	countries := map[string]bool{}
	for r := range named {
		countries[regionCountry(r)] = true
	}
	out := ps[:0]
	for _, p := range ps {
		if p.kind != domain.SettlementPlace && p.kind != domain.DistrictPlace {
			out = append(out, p)
			continue
		}
		if p.generic == domain.DistrictPlace && p.kind == domain.SettlementPlace && p.region != "" && len(named) > 0 && !named[p.region] {
			continue // "district" named, only a village of that name elsewhere found: unknown district
		}
		if p.region != "" && len(countries) > 0 && !countries[regionCountry(p.region)] && p.place.Population < 100000 {
			continue // a small place of the other country in a text about this one: a false match
		}
		isFirst := false
		for _, h := range first {
			if h.start <= p.start && p.end <= h.end+4 {
				isFirst = true
			}
		}
		if isFirst && p.generic == "" {
			continue
		}
		if p.generic == "" && !named[p.region] && p.place.Population < 100000 {
			continue
		}
		out = append(out, p)
	}
	return out
}

// dropReferencePlaces removes names used as a reference rather than as where something happened:
// "150 km east of Saint Petersburg", "09:00 Moscow time", "the Kiev regime".
func (st *docState) dropReferencePlaces(ps []placeRef) []placeRef {
	var dist, after []hit
	for _, h := range st.hits {
		switch h.p.cat {
		case "distance":
			dist = append(dist, h)
		case "notplace":
			after = append(after, h)
		}
	}
	if len(dist)+len(after) == 0 {
		return ps
	}
	out := ps[:0]
	for _, p := range ps {
		ref := false
		for _, h := range dist {
			if h.t1 <= p.t0 && p.t0-h.t1 <= 3 {
				ref = true
			}
		}
		for _, h := range after {
			if h.t0 == p.t1 {
				ref = true
			}
		}
		if !ref {
			out = append(out, p)
		}
	}
	return out
}

// title returns the tokens and places of the document's title, read once for the title region
// and the flags.
func (st *docState) title(t string) ([]token, []placeRef) {
	if !st.titleDone {
		st.titleToks = tokenize(t)
		st.titlePlaces = st.x.findPlaces(t, st.titleToks)
		st.titleDone = true
	}
	return st.titleToks, st.titlePlaces
}
