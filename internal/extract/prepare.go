package extract

import (
	"slices"
	"sort"
	"strings"
	"sync"

	"skyledger/internal/domain"
	"skyledger/internal/gazetteer"
	"skyledger/internal/gazetteer/namekey"
	"skyledger/internal/textnum"
	"skyledger/internal/when"
)

// Preparation of a document for the rules: the document-wide finds (tokens, lexicon hits,
// sentences, figures, dates, places, officials), the place readings the text does not support
// dropped, and the finds indexed per sentence.

// prepared is what the preparation computes once for several users.
type prepared struct {
	sc          *scratch // working memory, given back by release
	titleToks   []token
	titleHits   []hit      // the title's lexicon hits, for its drone word and its speaker
	titlePlaces []placeRef // the title's places, for the title region and the flags
	titleDone   bool
	textValid   bool     // the text is valid UTF-8 (the tokenizer saw every byte)
	dateReach   []int    // dateReach[i]: the furthest end of dates[:i+1] (dateAt)
	datesOrder  int      // 0 not checked, 1 dates in start order, 2 not
	namedRegs   []string // regionsNamed: the regions the text names, each once
	namedDone   bool
	suggested   map[[2]string]suggested // suggestion: the gazetteer's answers, by region and name
	strayTowns  []placeRef              // towns told as districts of a region the text never names (dropWeakPlaces)
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

// group returns sentence si's hits by category. The rules read the groups of the sentence they
// work on and of its two neighbours only, so the last few are kept in a ring: a group is valid
// while the rules look at sentences si-1 to si+1.
func (st *docState) group(si int) sentHits {
	slot := &st.sc.groups[si%len(st.sc.groups)]
	if slot.si == si && slot.doc == st {
		return &slot.byCat
	}
	slot.si, slot.doc = si, st
	for _, c := range slot.cats {
		slot.byCat[c] = nil // the categories of the sentence the slot held before
	}
	hs := st.sHits[si]
	// a counting sort over the categories present keeps each category's hits in text order
	var n [numCategories]int32
	cats := slot.cats[:0]
	for _, h := range hs {
		if n[h.p.cat] == 0 {
			cats = append(cats, h.p.cat)
		}
		n[h.p.cat]++
	}
	slot.cats = cats
	if cap(slot.backing) < len(hs) {
		slot.backing = make([]hit, len(hs))
	}
	backing := slot.backing[:len(hs)]
	var at [numCategories]int32
	off := int32(0)
	for _, c := range cats {
		at[c] = off
		off += n[c]
	}
	for _, h := range hs {
		backing[at[h.p.cat]] = h
		at[h.p.cat]++
	}
	for _, c := range cats {
		slot.byCat[c] = backing[at[c]-n[c] : at[c] : at[c]]
	}
	return &slot.byCat
}

// hitGroup is one sentence's hits by category (group).
type hitGroup struct {
	doc     *docState
	si      int
	byCat   catHits
	cats    []category // the categories byCat holds
	backing []hit
}

func (x *Extractor) prepare(doc domain.Document) *docState {
	st := &docState{x: x, text: doc.Text, pub: doc.Published, droneSeen: -10, lastRegPar: -1}
	st.sc, _ = x.scratch.Get().(*scratch)
	if st.sc == nil {
		st.sc = &scratch{}
	}
	st.toks = st.sc.tokWork.tokenize(st.sc.toks, doc.Text)
	st.textValid = !st.sc.tokWork.invalid
	st.hits = x.lex.matchInto(st.sc.hits, st.toks, &st.sc.starts)
	st.hits = dropMonthMay(doc.Text, st.toks, st.hits)
	st.sents = splitSentencesInto(st.sc.sents, doc.Text, st.toks)
	st.nums = x.numbers(doc.Text, st.toks, st.sc)
	st.dates = x.dateMentions(doc.Text, doc.Published, st.toks, &st.sc.when, st.sc)
	if len(doc.Published) != 10 {
		// no publication date, but a dateline with its year at the head of the text ("MOSCOW,
		// August 3, 2025 (Wire) -"): "overnight" and "yesterday" are told from its day (not from
		// the time stamps of a sidebar's other stories further down)
		for _, d := range st.dates {
			if d.dateline && d.known && d.start < datelineHead {
				st.dates = x.dateMentions(doc.Text, d.date, st.toks, &st.sc.when, st.sc)
				break
			}
		}
	}
	st.places = x.findPlaces(doc.Text, st.toks, &st.sc.scan, st.sc)
	st.places = st.dropCreditPlaces(st.places)
	st.aroundCities(st.places)
	st.offs = x.off.find(doc.Text, st.toks, doc.Published)
	st.places = dropOfficialNames(st.places, st.offs)
	disambiguate(st.places, st.toks)
	st.places = st.dropWeakPlaces(st.places, doc.Title)
	st.places = st.dropReferencePlaces(st.places)
	st.places = st.dropSeats(st.places)
	st.docCountry = docCountry(st.places, doc.Text, st.hits)
	st.places = dropDatelinePlaces(st.places, st.dates) // after docCountry: "KYIV, Nov 3" tells the country
	st.findTallySpeaker()
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
		_, tps := st.title(doc.Title)
		for _, h := range st.titleHits {
			if h.p.cat == catDrone {
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

// aroundCity: the region around a city that is a region of its own. (Not Moscow: the Moscow
// mayor's "near Moscow" is the city's, by the annotators' rule; not Sevastopol, whose region
// reaches well beyond the city: "over the sea near Sevastopol" is its governor's.)
var aroundCity = map[string]string{"UA-30": "UA-32", "RU-SPE": "RU-LEN"}

// nearWords, right before such a city, put what happened in the region around it ("near Kyiv",
// "під Києвом", "под Петербургом").
var nearWords = map[string]bool{"near": true, "outside": true, "під": true, "под": true, "поблизу": true, "около": true}

// aroundCities reads "near Kyiv" as Kyiv Oblast.
func (st *docState) aroundCities(ps []placeRef) {
	for i := range ps {
		p := &ps[i]
		r, ok := aroundCity[p.region]
		if !ok || p.t0 == 0 || !nearWords[st.toks[p.t0-1].s] || p.generic != "" {
			continue
		}
		if reg, ok := st.x.g.Region(r); ok {
			p.setPlace(reg)
		}
	}
}

// creditLine reports whether furniture hit h (tagged credit) opens sentence si before a colon:
// a byline or a picture credit ("Автор: Марія Бондар", "Фото: Telegram-канал ОВА"), not the report.
func (st *docState) creditLine(si int, h hit) bool {
	s := st.sents[si]
	return h.t0 == s.t0 && strings.HasPrefix(strings.TrimLeft(st.text[h.end:s.end], " *"), ":")
}

// headingLine reports whether furniture hit h (tagged heading: words common in reports too,
// "More from", "Главное") is a bare heading: it is sentence si ("Summary"), or opens it and a
// colon ends it a word or two after it ("More from Russia:").
func (st *docState) headingLine(si int, h hit) bool {
	s := st.sents[si]
	if h.t0 != s.t0 {
		return false
	}
	return s.t1 == h.t1 || (s.t1-h.t1 <= 2 && strings.HasSuffix(strings.TrimRight(st.text[s.start:s.end], " *"), ":")) ||
		st.headingLink(si, h)
}

// headingLink: heading hit h opens sentence si, a colon right after it and a headline after that
// ("Related: Russia says 45 drones downed …"): a link to another story.
func (st *docState) headingLink(si int, h hit) bool {
	s := st.sents[si]
	return h.t0 == s.t0 && s.t1 > h.t1 && strings.HasPrefix(strings.TrimLeft(st.text[h.end:s.end], " *"), ":")
}

// captionLine: sentence si is a picture's caption: it opens a line that only its credit follows
// (not "… Про це повідомив Ігор Табурець. Фото: Черкаська ОВА", a report signed and credited).
func (st *docState) captionLine(si int) bool {
	if si+1 >= len(st.sents) || st.sents[si+1].para != st.sents[si].para || (si > 0 && st.sents[si-1].para == st.sents[si].para) {
		return false
	}
	for _, h := range st.sHits[si] {
		if h.p.cat == catSpeech || h.p.cat == catIntercept {
			return false // a one-sentence report with its credit: "Над Черкащиною збито 4 дрони. Фото: ОВА"
		}
	}
	for _, h := range st.sHits[si+1] {
		if h.p.cat == catFurniture && h.p.tag == "credit" && st.creditLine(si+1, h) {
			return true
		}
	}
	return false
}

// dropCreditPlaces removes the places of credit lines: the author's name is no place ("Марія" is
// not Mari El), and a credited channel's region is no context for the report.
func (st *docState) dropCreditPlaces(ps []placeRef) []placeRef {
	var lines [][2]int // the credit lines' spans, in text order
	for _, h := range st.hits {
		if h.p.cat != catFurniture || h.p.tag != "credit" {
			continue
		}
		si := sort.Search(len(st.sents), func(i int) bool { return st.sents[i].t1 > h.t0 })
		if si < len(st.sents) && st.creditLine(si, h) {
			lines = append(lines, [2]int{st.sents[si].start, st.sents[si].end})
		}
	}
	if len(lines) == 0 {
		return ps
	}
	out, li := ps[:0], 0
	for _, p := range ps {
		for li < len(lines) && lines[li][1] <= p.start {
			li++
		}
		if li < len(lines) && p.start >= lines[li][0] {
			continue
		}
		out = append(out, p)
	}
	return out
}

// dropOfficialNames removes place readings of officials' surnames ("Gusev", "Kursk"-like names).
func dropOfficialNames(ps []placeRef, offs []officialHit) []placeRef {
	if len(offs) == 0 {
		return ps
	}
	// The surname itself, or a first name right before it ("Сергій Лисак"): an official
	// overlapping the place or starting at most 2 bytes after it. Officials are found one per
	// token, in text order, so the first one ending after the place starts is the only one to
	// check (a binary search, not a loop over all: a long text names many).
	out := ps[:0]
	for _, p := range ps {
		if p.generic == "" {
			k := sort.Search(len(offs), func(i int) bool { return offs[i].end > p.start })
			if k < len(offs) && offs[k].start <= p.end+2 {
				continue
			}
		}
		out = append(out, p)
	}
	return out
}

// docCountry is the country most of the text's regions lie in ("" when none). Places drones were
// launched from ("з напрямків Курськ, Орел") do not count: they are not where the text's news is.
func docCountry(ps []placeRef, text string, hits []hit) string {
	ru, ua := 0, 0
	var ends []int // the origin cues' ends, sorted: a binary search per place, not a scan
	for _, h := range hits {
		if h.p.cat == catOrigin {
			ends = append(ends, h.t1)
		}
	}
	sort.Ints(ends)
	for _, p := range ps {
		if afterOrigin(ends, p.t0) {
			continue
		}
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

// townOwnRegion is the population from which a town read alone is kept in a region the text does
// not name ("В Новошахтинске обломки повредили крышу"): below it a bare name is too often a
// village namesake.
const townOwnRegion = 30000

// afterOrigin: token t is at most 8 tokens after an origin cue ("з напрямків", "launched from")
// that ends at one of ends (sorted).
func afterOrigin(ends []int, t int) bool {
	k := sort.SearchInts(ends, t-8)
	return k < len(ends) && ends[k] <= t
}

// townNamesake: a town read alone has a namesake town of some size in another region.
func townNamesake(p *placeRef) bool {
	for _, a := range p.alts {
		if a.ID != p.place.ID && a.Kind == domain.SettlementPlace && a.Region != p.region && a.Population >= 10000 {
			return true
		}
	}
	return false
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
	// first names, in start order, with the furthest end so far: a place is inside one
	// (starts after it and ends at most 4 bytes past it) when a name starting at or before the
	// place reaches far enough
	var first []hit
	var firstReach []int
	for _, h := range st.hits {
		if h.p.cat == catFirstName {
			first = append(first, h)
			reach := h.end
			if n := len(firstReach); n > 0 && firstReach[n-1] > reach {
				reach = firstReach[n-1]
			}
			firstReach = append(firstReach, reach)
		}
	}
	countries := map[string]bool{}
	for r := range named {
		countries[regionCountry(r)] = true
	}
	out := ps[:0]
	for _, p := range ps {
		if k := sort.Search(len(first), func(i int) bool { return first[i].start > p.start }); k > 0 && p.generic == "" &&
			first[k-1].end < p.start && p.start-first[k-1].end <= 2 && st.text[first[k-1].end] == ' ' && p.kind != domain.CountryPlace &&
			st.text[first[k-1].start] >= 'A' && st.text[first[k-1].start] <= 'Z' {
			continue // the surname after an English first name: "Oleg Nikolayev" is not Mykolaiv
		}
		if p.kind != domain.SettlementPlace && p.kind != domain.DistrictPlace {
			out = append(out, p)
			continue
		}
		if p.generic == domain.DistrictPlace && p.kind == domain.SettlementPlace && p.region != "" && len(named) > 0 && !named[p.region] {
			// "district" named, only a village of that name elsewhere found: unknown district (kept
			// for the place flags: "the Graivoron district of the Kursk region")
			st.strayTowns = append(st.strayTowns, p)
			continue
		}
		if p.region != "" && len(countries) > 0 && !countries[regionCountry(p.region)] && p.place.Population < bigCity {
			if p.generic == domain.DistrictPlace {
				st.strayTowns = append(st.strayTowns, p) // "the Brovary district of the Kursk region": for the place flags
			}
			continue // a small place of the other country in a text about this one: a false match
		}
		k := sort.Search(len(first), func(i int) bool { return first[i].start > p.start })
		isFirst := k > 0 && p.end <= firstReach[k-1]+4
		if isFirst && p.generic == "" {
			continue
		}

		if k < len(first) && first[k].start < p.end {
			continue // a generic word, then a first name: "the head of the republic Sergei Aksyonov"
		}
		if p.generic == "" && !named[p.region] && p.place.Population < townOwnRegion {
			continue
		}
		if p.generic == "" && !named[p.region] && p.place.Population < bigCity && townNamesake(&p) {
			continue // "в Котовске": Kotovsk (Tambov) or Podilsk, once Kotovsk; the text does not say
		}
		out = append(out, p)
	}
	return out
}

// datelineHead: a report's own dateline starts within its first bytes.
const datelineHead = 160

// dropMonthMay removes the modal "may" where it is the month: "May" next to a day ("the night
// of May 9", "9 May 2025"). Otherwise every report of a night in May asserted nothing.
func dropMonthMay(text string, toks []token, hits []hit) []hit {
	out := hits[:0]
	for _, h := range hits {
		if h.p.cat == catModal && h.t1-h.t0 == 1 && text[h.start:h.end] == "May" &&
			(h.t1 < len(toks) && isDigits(text[toks[h.t1].start:toks[h.t1].end]) ||
				h.t0 > 0 && isDigits(text[toks[h.t0-1].start:toks[h.t0-1].end])) {
			continue
		}
		out = append(out, h)
	}
	return out
}

func isDigits(s string) bool {
	if s == "" {
		return false
	}
	for i := 0; i < len(s); i++ {
		if s[i] < '0' || s[i] > '9' {
			return false
		}
	}
	return true
}

// dropDatelinePlaces removes the city of a wire dateline ("MOSCOW, Nov 3 (Reuters) - Russian air
// defences ..."): where the report was filed, not where anything happened.
func dropDatelinePlaces(ps []placeRef, dates []dateMention) []placeRef {
	var dl *dateMention
	for i := range dates {
		if dates[i].dateline {
			dl = &dates[i]
			break
		}
	}
	if dl == nil {
		return ps
	}
	out := ps[:0]
	for _, p := range ps {
		if p.start >= dl.start && p.end <= dl.end {
			continue
		}
		out = append(out, p)
	}
	return out
}

// dropReferencePlaces removes names used as a reference rather than as where something happened:
// "150 km east of Saint Petersburg", "09:00 Moscow time", "the Kiev regime".
// dropSeats removes the city a ministry or the air force speaks from ("the Defence Ministry in
// Moscow said", "Минобороны в Москве"): where the claim was made, not where anything happened.
func (st *docState) dropSeats(ps []placeRef) []placeRef {
	var ends []int // where the ministries' and air forces' names end, sorted
	for _, h := range st.hits {
		if h.p.cat == catRepMoD || h.p.cat == catRepAirForce {
			ends = append(ends, h.t1)
		}
	}
	if len(ends) == 0 {
		return ps
	}
	sort.Ints(ends)
	out := ps[:0]
	for _, p := range ps {
		if p.t0 >= 2 && p.kind != domain.WaterPlace {
			if w := st.toks[p.t0-1].s; w == "in" || w == "в" || w == "у" {
				if _, ok := slices.BinarySearch(ends, p.t0-1); ok {
					continue
				}
			}
		}
		out = append(out, p)
	}
	return out
}

func (st *docState) dropReferencePlaces(ps []placeRef) []placeRef {
	var dist, after []hit
	for _, h := range st.hits {
		switch h.p.cat {
		case catDistance:
			dist = append(dist, h)
		case catNotPlace:
			after = append(after, h)
		}
	}
	if len(dist)+len(after) == 0 {
		return ps
	}
	// a distance cue ending at most 3 tokens before the place, or a cue right after it;
	// binary searches over the cues' ends and starts
	distEnds := make([]int, len(dist))
	for i, h := range dist {
		distEnds[i] = h.t1
	}
	sort.Ints(distEnds)
	afterStarts := make([]int, len(after))
	for i, h := range after {
		afterStarts[i] = h.t0
	}
	sort.Ints(afterStarts)
	out := ps[:0]
	for _, p := range ps {
		k := sort.SearchInts(distEnds, p.t0-3)
		ref := k < len(distEnds) && distEnds[k] <= p.t0
		if k := sort.SearchInts(afterStarts, p.t1); k < len(afterStarts) && afterStarts[k] == p.t1 {
			ref = true
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
		st.titleHits = st.x.lex.match(st.titleToks)
		st.titlePlaces = st.x.findPlaces(t, st.titleToks, &st.sc.scan, nil)
		st.titleDone = true
	}
	return st.titleToks, st.titlePlaces
}

// The look-ups below replace loops over every row, date or hit of the document, which made
// rules quadratic on long texts.

// rowsIn returns the rows made in sentences from..to, in order. Rows are only made by the
// sentence being read (mk in buildRows), so st.rows is in sentence order.
func (st *docState) rowsIn(from, to int) []*row {
	lo := sort.Search(len(st.rows), func(i int) bool { return st.rows[i].sent >= from })
	hi := sort.Search(len(st.rows), func(i int) bool { return st.rows[i].sent > to })
	if hi < lo {
		hi = lo
	}
	return st.rows[lo:hi]
}

// hitsIn returns the hits starting at tokens t0..t1, in order (st.hits is in start order).
func (st *docState) hitsIn(t0, t1 int) []hit {
	lo := sort.Search(len(st.hits), func(i int) bool { return st.hits[i].t0 >= t0 })
	hi := sort.Search(len(st.hits), func(i int) bool { return st.hits[i].t0 > t1 })
	if hi < lo {
		hi = lo
	}
	return st.hits[lo:hi]
}

// dateAt reports whether a date mention overlaps bytes [start, end).
func (st *docState) dateAt(start, end int) bool {
	st.orderDates()
	if st.datesOrder == 2 {
		for _, d := range st.dates {
			if start < d.end && d.start < end {
				return true
			}
		}
		return false
	}
	// the dates starting before end; one of them reaches past start
	k := sort.Search(len(st.dates), func(i int) bool { return st.dates[i].start >= end })
	return k > 0 && st.dateReach[k-1] > start
}

// dateStartingAt returns the first date mention that starts at byte b.
func (st *docState) dateStartingAt(b int) (dateMention, bool) {
	st.orderDates()
	if st.datesOrder == 2 {
		for _, d := range st.dates {
			if d.start == b {
				return d, true
			}
		}
		return dateMention{}, false
	}
	k := sort.Search(len(st.dates), func(i int) bool { return st.dates[i].start >= b })
	if k < len(st.dates) && st.dates[k].start == b {
		return st.dates[k], true
	}
	return dateMention{}, false
}

// orderDates checks once that the dates are in start order (when.Scan gives them so) and
// notes how far they reach.
func (st *docState) orderDates() {
	if st.datesOrder == 0 {
		st.datesOrder = 1
		st.dateReach = make([]int, len(st.dates))
		for i, d := range st.dates {
			st.dateReach[i] = d.end
			if i > 0 {
				st.dateReach[i] = max(d.end, st.dateReach[i-1])
				if d.start < st.dates[i-1].start {
					st.datesOrder = 2
				}
			}
		}
	}
}

// regionsNamed reports whether the text names region (as a region, a big city,
// or an official's region) and whether it names one of the same country (strayDistrict). Read
// once, on first use: st.places must not change after it.
func (st *docState) regionsNamed(region string) (named, sameCountry bool) {
	if !st.namedDone {
		st.namedDone = true
		for i := range st.places {
			if q := &st.places[i]; q.namesItsRegion() && !slices.Contains(st.namedRegs, q.region) {
				st.namedRegs = append(st.namedRegs, q.region)
			}
		}
		for _, o := range st.offs {
			if !slices.Contains(st.namedRegs, o.o.Region) {
				st.namedRegs = append(st.namedRegs, o.o.Region)
			}
		}
	}
	country := regionCountry(region)
	for _, r := range st.namedRegs { // a text names a handful of regions: a list beats a map
		named = named || r == region
		sameCountry = sameCountry || regionCountry(r) == country
	}
	return named, sameCountry
}

// suggestion returns the gazetteer's nearest real name for name in region (false when it has
// none), asking it once per document for each pair: a long text repeats its mistakes.
func (st *docState) suggestion(region, name string) (string, bool) {
	sg, ok := any(st.x.g).(suggester)
	if !ok {
		return "", false
	}
	k := [2]string{region, name}
	if s, ok := st.suggested[k]; ok {
		return s.name, s.ok
	}
	s, hit := st.x.suggestions.get(k)
	if !hit {
		if cs := sg.Suggest(region, name, 1); len(cs) > 0 && cs[0].Score >= minSuggestScore {
			s = suggested{cs[0].Place.Name, true}
		}
		st.x.suggestions.put(k, s)
	}
	if st.suggested == nil {
		st.suggested = map[[2]string]suggested{}
	}
	st.suggested[k] = s
	return s.name, s.ok
}

// minSuggestScore: below it the nearest name in the region is a guess, not a likely correction
// ("Novobavarskyi" for "Броварському районі" scores 0.55; "Dzerzhinsky District" for
// "Dzhezkazgan District" 0.79).
const minSuggestScore = 0.7

type suggested struct {
	name string
	ok   bool
}

// scratch is the working memory of one document that the next document can reuse: finds that
// never reach the extraction. Reusing it spares a third of the allocations per document, and
// the garbage collections they cause.
type scratch struct {
	toks    []token
	tokWork tokenWork
	hits    []hit
	groups  [4]hitGroup    // group's ring
	words   []namekey.Span // the tokens' spans, for the gazetteer
	starts  startMemo
	sents   []sentence
	nums    []number
	dates   []dateMention
	numBuf  textnum.Buffer
	places  []placeRef     // as findPlaces found them, before the filters
	alts    []domain.Place // their readings
	when    when.Buffer
	scan    gazetteer.ScanBuffer
}

// maxScratch: the memory of documents up to this many bytes is kept for reuse.
const maxScratch = 1 << 20

// release gives st's working memory back for the next document. Nothing of st may be used
// after it, and nothing the extraction keeps may point into it (TestReusedMemory): a row
// copies what it takes from the finds.
func (x *Extractor) release(st *docState) {
	sc := st.sc
	if sc == nil || len(st.text) > maxScratch {
		return
	}
	st.sc = nil
	clear(st.toks) // they hold pieces of the text
	clear(sc.places)
	sc.toks, sc.hits, sc.places = st.toks[:0], st.hits[:0], sc.places[:0]
	sc.sents, sc.nums, sc.dates = st.sents[:0], st.nums[:0], st.dates[:0]
	for i := range sc.groups {
		sc.groups[i].doc = nil // the next document's states must not match
	}
	x.scratch.Put(sc)
}

// suggestMemo keeps the gazetteer's answers for (region, name) pairs across documents: rewrites
// repeat the same invented place, and Suggest is the dearest look-up a flag needs. It is bounded
// (emptied when full) and safe for concurrent use.
type suggestMemo struct {
	mu sync.Mutex
	m  map[[2]string]suggested
}

const suggestMemoSize = 4096

func (c *suggestMemo) get(k [2]string) (suggested, bool) {
	c.mu.Lock()
	defer c.mu.Unlock()
	s, ok := c.m[k]
	return s, ok
}

func (c *suggestMemo) put(k [2]string, s suggested) {
	c.mu.Lock()
	defer c.mu.Unlock()
	if c.m == nil || len(c.m) >= suggestMemoSize {
		c.m = make(map[[2]string]suggested, 64)
	}
	c.m[k] = s
}

// findTallySpeaker sets the text's tally source: the air force or the defence ministry when the
// text names exactly one of them and no governor or other official.
func (st *docState) findTallySpeaker() {
	var found *hit
	kind := domain.Reporter("")
	for i := range st.hits {
		h := &st.hits[i]
		switch h.p.cat {
		case catRepAirForce, catRepMoD:
			k := domain.AirForce
			if h.p.cat == catRepMoD {
				k = domain.MoD
			}
			if kind != "" && kind != k {
				return
			}
			if found == nil {
				found, kind = h, k
			}
		case catRepGovernor, catRepOther:
			return
		}
	}
	if found != nil && len(st.offs) == 0 {
		st.tallyRep = kind
		st.tallySpeaker = st.span("reporter", found.start, found.end, ruleTallyLate)
	}
}
