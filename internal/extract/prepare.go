package extract

import (
	"sort"

	"skyledger/internal/domain"
)

// Preparation of a document for the rules: the document-wide finds (tokens, lexicon hits,
// sentences, figures, dates, places, officials), the place readings the text does not support
// dropped, and the finds indexed per sentence.

// index distributes the document-wide finds over sentences.
func (st *docState) index() {
	n := len(st.sents)
	st.sHits = make([][]hit, n)
	st.sNums = make([][]number, n)
	st.sDates = make([][]dateMention, n)
	st.sPlaces = make([][]placeRef, n)
	st.sOffs = make([][]officialHit, n)
	si := func(start int) int {
		return sort.Search(n, func(i int) bool { return st.sents[i].end > start })
	}
	for _, h := range st.hits {
		if i := si(h.start); i < n && h.start >= st.sents[i].start {
			st.sHits[i] = append(st.sHits[i], h)
		}
	}
	for _, x := range st.nums {
		if i := si(x.start); i < n && x.start >= st.sents[i].start {
			st.sNums[i] = append(st.sNums[i], x)
		}
	}
	for _, x := range st.dates {
		if i := si(x.start); i < n && x.start >= st.sents[i].start {
			st.sDates[i] = append(st.sDates[i], x)
		}
	}
	for _, x := range st.places {
		if i := si(x.start); i < n && x.start >= st.sents[i].start {
			st.sPlaces[i] = append(st.sPlaces[i], x)
		}
	}
	for _, x := range st.offs {
		if i := si(x.start); i < n && x.start >= st.sents[i].start {
			st.sOffs[i] = append(st.sOffs[i], x)
		}
	}
}

// sentHits groups one sentence's hits by category.
type sentHits map[string][]hit

func (st *docState) group(si int) sentHits {
	g := sentHits{}
	for _, h := range st.sHits[si] {
		g[h.p.cat] = append(g[h.p.cat], h)
	}
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
		tt := tokenize(doc.Title)
		for _, h := range x.lex.match(tt) {
			if h.p.cat == "drone" {
				st.titleDrone = true
			}
		}
		for _, p := range x.findPlaces(doc.Title, tt) {
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
