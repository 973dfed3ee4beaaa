package cluster

import (
	"fmt"
	"sort"
	"strconv"
	"strings"

	"skyledger/internal/domain"
)

// Input is one document with its extraction and story, as the event builder needs them.
type Input struct {
	Doc   domain.Document
	Ex    domain.Extraction
	Story string // story id; "" puts the document in a story of its own
}

// obs is one incident row of one document.
type obs struct {
	in     int // index into inputs
	row    int // index into Ex.Incidents
	inc    domain.Incident
	where  string // region, or "sea:<place>" or "national:<country>"
	story  string
	parent int
}

func whereKey(inc domain.Incident) string {
	switch {
	case inc.Region != "":
		return strings.ToUpper(string(inc.Region))
	case inc.Place != "":
		return "sea:" + strings.ToLower(string(inc.Place))
	default:
		return "national:" + strings.ToUpper(string(inc.Country))
	}
}

// Events reconciles the incidents of all documents into events. The rules (documented in
// docs/decisions.md):
//   - rows with the same (kind, date, where) are one event, across stories;
//   - within one story, rows of different documents with the same (kind, where) but different
//     dates are one event seen with a date contradiction, unless one document itself gives both
//     dates (then they are two nights);
//   - an undated row joins the event of its story's dated rows of the same (kind, where) when
//     there is exactly one; otherwise the undated rows of a story form their own event.
func Events(inputs []Input) []domain.Event {
	b := newBuilder(inputs)
	return b.events()
}

type builder struct {
	inputs      []Input
	obs         []obs
	story       []string // story of each input
	orig        map[string]int
	byStory     map[string][]int // inputs of each story
	orphanCache map[int][]domain.Flag
}

func newBuilder(inputs []Input) *builder {
	b := &builder{inputs: inputs, orig: map[string]int{}, byStory: map[string][]int{}, orphanCache: map[int][]domain.Flag{}}
	for i, in := range inputs {
		st := in.Story
		if st == "" {
			st = "st-" + in.Doc.ID
		}
		b.story = append(b.story, st)
		b.byStory[st] = append(b.byStory[st], i)
		seen := map[string]int{}
		for r, inc := range in.Ex.Incidents {
			o := obs{in: i, row: r, inc: inc, where: whereKey(inc), story: st}
			k := string(inc.Kind) + "|" + string(inc.Date) + "|" + o.where
			if j, ok := seen[k]; ok {
				// the contract merges repeats; keep the first row of a document for a key
				_ = j
				continue
			}
			seen[k] = len(b.obs)
			o.parent = len(b.obs)
			b.obs = append(b.obs, o)
		}
	}
	// the original of each story: earliest published, then most official, then id
	for i := range inputs {
		st := b.story[i]
		j, ok := b.orig[st]
		if !ok || b.moreOriginal(i, j) {
			b.orig[st] = i
		}
	}
	return b
}

func (b *builder) moreOriginal(i, j int) bool {
	pi, pj := parseDay(b.inputs[i].Doc.Published), parseDay(b.inputs[j].Doc.Published)
	if (pi == noDay) != (pj == noDay) {
		return pi != noDay
	}
	if pi != pj {
		return pi < pj
	}
	ri, rj := extractionRank(b.inputs[i].Ex), extractionRank(b.inputs[j].Ex)
	if ri != rj {
		return ri < rj
	}
	return b.inputs[i].Doc.ID < b.inputs[j].Doc.ID
}

func (b *builder) find(i int) int {
	for b.obs[i].parent != i {
		b.obs[i].parent = b.obs[b.obs[i].parent].parent
		i = b.obs[i].parent
	}
	return i
}

func (b *builder) union(i, j int) {
	ri, rj := b.find(i), b.find(j)
	if ri == rj {
		return
	}
	if rj < ri {
		ri, rj = rj, ri
	}
	b.obs[rj].parent = ri
}

func (b *builder) events() []domain.Event {
	// (a) same (kind, date, where), dated
	byKey := map[string]int{}
	for i, o := range b.obs {
		if o.inc.Date == "" {
			continue
		}
		k := string(o.inc.Kind) + "|" + string(o.inc.Date) + "|" + o.where
		if j, ok := byKey[k]; ok {
			b.union(i, j)
		} else {
			byKey[k] = i
		}
	}
	// (b) same story, same (kind, where), other dates, different documents
	type sk struct{ story, kind, where string }
	groups := map[sk][]int{}
	for i, o := range b.obs {
		groups[sk{o.story, string(o.inc.Kind), o.where}] = append(groups[sk{o.story, string(o.inc.Kind), o.where}], i)
	}
	keys := make([]sk, 0, len(groups))
	for k := range groups {
		keys = append(keys, k)
	}
	sort.Slice(keys, func(i, j int) bool {
		a, c := keys[i], keys[j]
		if a.story != c.story {
			return a.story < c.story
		}
		if a.kind != c.kind {
			return a.kind < c.kind
		}
		return a.where < c.where
	})
	for _, k := range keys {
		g := groups[k]
		datesOf := map[int]map[string]bool{} // input -> dates it gives for this key
		for _, i := range g {
			o := b.obs[i]
			if o.inc.Date == "" {
				continue
			}
			if datesOf[o.in] == nil {
				datesOf[o.in] = map[string]bool{}
			}
			datesOf[o.in][string(o.inc.Date)] = true
		}
		for x := 0; x < len(g); x++ {
			for y := x + 1; y < len(g); y++ {
				ox, oy := b.obs[g[x]], b.obs[g[y]]
				if ox.in == oy.in || ox.inc.Date == "" || oy.inc.Date == "" || ox.inc.Date == oy.inc.Date {
					continue
				}
				if datesOf[ox.in][string(oy.inc.Date)] || datesOf[oy.in][string(ox.inc.Date)] {
					continue // one document tells both nights apart
				}
				b.union(g[x], g[y])
			}
		}
		// (c) undated rows
		var undated []int
		roots := map[int]bool{}
		for _, i := range g {
			if b.obs[i].inc.Date == "" {
				undated = append(undated, i)
			} else {
				roots[b.find(i)] = true
			}
		}
		if len(undated) == 0 {
			continue
		}
		target := undated[0]
		if len(roots) == 1 {
			for r := range roots {
				target = r
			}
		}
		for _, i := range undated {
			if b.obs[i].in == b.obs[target].in && i != target && b.obs[target].inc.Date == "" {
				continue // one document's two undated rows with one key are two happenings
			}
			b.union(i, target)
		}
	}
	members := map[int][]int{}
	for i := range b.obs {
		r := b.find(i)
		members[r] = append(members[r], i)
	}
	var out []domain.Event
	for _, m := range members {
		out = append(out, b.event(m))
	}
	b.kindContradictions(out)
	sort.Slice(out, func(i, j int) bool { return out[i].ID < out[j].ID })
	// ids must be unique: undated events of one story and kind/where can repeat
	seen := map[string]int{}
	for i := range out {
		if n := seen[out[i].ID]; n > 0 {
			out[i].ID += "-" + strconv.Itoa(n+1)
		}
		seen[out[i].ID]++
	}
	return out
}

// sourceRank orders the sources of an event for "best": the most official and most specific
// first (governors for a region, the ministry or air force for a national total), then the
// original of its story, then the earliest, then document id.
func (b *builder) sourceRank(o obs, national bool) (int, int, int32, string) {
	r := int(reporterRank(string(o.inc.Reporter)))
	if national {
		switch domain.Reporter(o.inc.Reporter) {
		case domain.MoD, domain.AirForce:
			r = 0
		case domain.Governor:
			r = 1
		}
	}
	orig := 1
	if b.orig[o.story] == o.in {
		orig = 0
	}
	pub := parseDay(b.inputs[o.in].Doc.Published)
	if pub == noDay {
		pub = 1 << 30
	}
	return r, orig, pub, b.inputs[o.in].Doc.ID
}

func (b *builder) event(m []int) domain.Event {
	national := strings.HasPrefix(b.obs[m[0]].where, "national:")
	sort.Slice(m, func(i, j int) bool {
		ri, oi, pi, di := b.sourceRank(b.obs[m[i]], national)
		rj, oj, pj, dj := b.sourceRank(b.obs[m[j]], national)
		if ri != rj {
			return ri < rj
		}
		if oi != oj {
			return oi < oj
		}
		if pi != pj {
			return pi < pj
		}
		if di != dj {
			return di < dj
		}
		return m[i] < m[j]
	})
	lead := b.obs[m[0]]
	ev := domain.Event{Kind: lead.inc.Kind, Region: lead.inc.Region, Country: lead.inc.Country}
	if ev.Region != "" {
		ev.Region = domain.NullString(strings.ToUpper(string(ev.Region)))
	}
	// date: the leading dated source
	dates := map[string][]string{}
	for _, i := range m {
		o := b.obs[i]
		if o.inc.Date != "" {
			if ev.Date == "" {
				ev.Date = o.inc.Date
			}
			dates[string(o.inc.Date)] = append(dates[string(o.inc.Date)], b.inputs[o.in].Doc.ID)
		}
	}
	storySet := map[string]bool{}
	for _, i := range m {
		o := b.obs[i]
		storySet[o.story] = true
		d := b.inputs[o.in].Doc
		src := domain.Source{
			Document: d.ID, Story: o.story, URL: d.URL, Publisher: PublisherOf(d), Published: d.Published,
			Reporter: o.inc.Reporter, Original: b.orig[o.story] == o.in, Date: o.inc.Date,
			Place: o.inc.Place, Country: o.inc.Country, Count: o.inc.Count, Killed: o.inc.Killed, Injured: o.inc.Injured,
		}
		ev.Sources = append(ev.Sources, src)
		if ev.Country == "" && o.inc.Country != "" {
			ev.Country = o.inc.Country
		}
	}
	for s := range storySet {
		ev.Stories = append(ev.Stories, s)
	}
	sort.Strings(ev.Stories)
	ev.Original = b.inputs[b.earliestOriginal(m)].Doc.ID

	ev.Count = figure(ev.Sources, func(s domain.Source) *int { return s.Count })
	ev.Killed = figure(ev.Sources, func(s domain.Source) *int { return s.Killed })
	ev.Injured = figure(ev.Sources, func(s domain.Source) *int { return s.Injured })

	// place: the first source (in rank order) that names one
	for _, s := range ev.Sources {
		if s.Place != "" {
			ev.Place = s.Place
			break
		}
	}
	ev.WherePrec = wherePrec(ev)
	ev.TimePrec = timePrec(dates)
	ev.TimeOfDay = b.timeOfDay(m)
	ev.ID = eventID(ev, lead.story)
	ev.Flags = b.contradictions(ev, m, dates)
	ev.Flags = append(ev.Flags, b.documentFlags(m)...)
	b.provenance(&ev, m)
	if ev.Flags == nil {
		ev.Flags = []domain.Flag{}
	}
	return ev
}

// earliestOriginal: among the sources that are originals of their stories, the earliest and
// most official one is the event's original.
func (b *builder) earliestOriginal(m []int) int {
	best := -1
	for _, i := range m {
		in := b.obs[i].in
		if b.orig[b.obs[i].story] != in {
			continue
		}
		if best < 0 || b.moreOriginal(in, best) {
			best = in
		}
	}
	if best < 0 {
		best = b.obs[m[0]].in
	}
	return best
}

// PublisherOf is the document's publisher, or the host of its URL.
func PublisherOf(d domain.Document) string {
	if d.Publisher != "" {
		return d.Publisher
	}
	u := d.URL
	if i := strings.Index(u, "://"); i >= 0 {
		u = u[i+3:]
	} else {
		return ""
	}
	if i := strings.IndexAny(u, "/?#"); i >= 0 {
		u = u[:i]
	}
	return strings.TrimPrefix(u, "www.")
}

func eventID(ev domain.Event, story string) string {
	date := string(ev.Date)
	if date == "" {
		date = "undated-" + strings.TrimPrefix(story, "st-")
	}
	where := string(ev.Region)
	if where == "" {
		if ev.Place != "" && ev.WherePrec == domain.WhereCountry && !strings.EqualFold(string(ev.Place), "") {
			where = "sea-" + slug(string(ev.Place))
		} else {
			where = "national-" + strings.ToLower(string(ev.Country))
		}
	}
	return "ev-" + string(ev.Kind) + "-" + date + "-" + where
}

func slug(s string) string {
	var b strings.Builder
	for _, r := range strings.ToLower(s) {
		switch {
		case r >= 'a' && r <= 'z', r >= '0' && r <= '9':
			b.WriteRune(r)
		case r == ' ' || r == '-':
			b.WriteByte('-')
		}
	}
	return b.String()
}

// figure: best is the leading source's number (sources are in rank order); when the sources of
// the leading rank disagree among themselves, their median (lower middle). Low and high span
// every source that gives a number.
func figure(srcs []domain.Source, get func(domain.Source) *int) domain.Figure {
	var f domain.Figure
	var vals []int
	for _, s := range srcs {
		if v := get(s); v != nil {
			vals = append(vals, *v)
			if f.Low == nil || *v < *f.Low {
				f.Low = domain.Int(*v)
			}
			if f.High == nil || *v > *f.High {
				f.High = domain.Int(*v)
			}
		}
	}
	f.Sources = len(vals)
	if len(vals) > 0 {
		f.Best = domain.Int(vals[0])
	}
	return f
}

func wherePrec(ev domain.Event) int {
	if ev.Region == "" {
		return domain.WhereCountry
	}
	if ev.Place == "" {
		return domain.WhereRegion
	}
	p := strings.ToLower(string(ev.Place))
	for _, w := range []string{"district", "raion", "rayon", "okrug", "hromada", "municipal"} {
		if strings.Contains(p, w) {
			return domain.WhereDistrict
		}
	}
	return domain.WhereExact
}

func timePrec(dates map[string][]string) int {
	if len(dates) == 0 {
		return domain.TimeUnknown
	}
	if len(dates) == 1 {
		return domain.TimeExact
	}
	lo, hi := int32(1<<30), int32(-1<<30)
	for d := range dates {
		x := parseDay(d)
		lo, hi = min(lo, x), max(hi, x)
	}
	if hi-lo <= 1 {
		return domain.TimeNearDay
	}
	return domain.TimeWide
}

var nightWords = []string{"night", "overnight", "ночь", "ночью", "ночн", "ніч", "вночі", "нічн"}
var dayWords = []string{"morning", "afternoon", "evening", "утром", "днем", "днём", "вечером", "вранці", "вдень", "ввечері", "увечері"}

// timeOfDay: "night" when the leading source's text speaks of the night, "day" when it speaks
// of morning, afternoon or evening and not of the night, else "unknown".
func (b *builder) timeOfDay(m []int) string {
	for _, i := range m {
		t := strings.ToLower(b.inputs[b.obs[i].in].Doc.Text)
		for _, w := range nightWords {
			if strings.Contains(t, w) {
				return "night"
			}
		}
		for _, w := range dayWords {
			if strings.Contains(t, w) {
				return "day"
			}
		}
	}
	return "unknown"
}

func intStr(p *int) string {
	if p == nil {
		return "none"
	}
	return strconv.Itoa(*p)
}

func (b *builder) contradictions(ev domain.Event, m []int, dates map[string][]string) []domain.Flag {
	var flags []domain.Flag
	lead := ev.Sources[0]
	for _, f := range []struct {
		name string
		get  func(domain.Source) *int
	}{
		{"count", func(s domain.Source) *int { return s.Count }},
		{"killed", func(s domain.Source) *int { return s.Killed }},
		{"injured", func(s domain.Source) *int { return s.Injured }},
	} {
		var ref *domain.Source
		for k := range ev.Sources {
			s := &ev.Sources[k]
			v := f.get(*s)
			if v == nil {
				continue
			}
			if ref == nil {
				ref = s
				continue
			}
			if *v != *f.get(*ref) {
				flags = append(flags, domain.Flag{
					Type: domain.CountContradiction, Source: s.Document,
					Detail: fmt.Sprintf("%s gives %s %s where %s gives %s.", s.Document, f.name, intStr(v), ref.Document, intStr(f.get(*ref))),
				})
			}
		}
	}
	if len(dates) > 1 {
		for k := range ev.Sources {
			s := ev.Sources[k]
			if s.Date != "" && s.Date != ev.Date {
				flags = append(flags, domain.Flag{
					Type: domain.DateContradiction, Source: s.Document, Suggestion: string(ev.Date),
					Detail: fmt.Sprintf("%s dates it %s where %s gives %s.", s.Document, s.Date, firstWithDate(ev), ev.Date),
				})
			}
		}
	}
	places := map[string]bool{}
	var placeRef *domain.Source
	for k := range ev.Sources {
		s := &ev.Sources[k]
		if s.Place == "" {
			continue
		}
		p := normPlace(string(s.Place))
		if placeRef == nil {
			placeRef = s
		}
		if len(places) > 0 && !places[p] {
			flags = append(flags, domain.Flag{
				Type: domain.PlaceContradiction, Source: s.Document, Suggestion: string(placeRef.Place),
				Detail: fmt.Sprintf("%s places it in %s where %s says %s.", s.Document, s.Place, placeRef.Document, placeRef.Place),
			})
		}
		places[p] = true
	}
	for k := range ev.Sources {
		s := ev.Sources[k]
		if s.Country != "" && ev.Country != "" && s.Country != ev.Country {
			flags = append(flags, domain.Flag{
				Type: domain.CountryContradiction, Source: s.Document, Suggestion: string(ev.Country),
				Detail: fmt.Sprintf("%s puts it in country %s where %s says %s.", s.Document, s.Country, lead.Document, ev.Country),
			})
		}
	}
	return flags
}

func firstWithDate(ev domain.Event) string {
	for _, s := range ev.Sources {
		if s.Date == ev.Date {
			return s.Document
		}
	}
	return ""
}

// normPlace compares place names the way the scorer does: without district/city words.
func normPlace(p string) string {
	p = strings.ToLower(p)
	var b strings.Builder
	for _, w := range strings.FieldsFunc(p, func(r rune) bool { return !(r >= 'a' && r <= 'z' || r >= '0' && r <= '9' || r > 127) }) {
		switch w {
		case "district", "raion", "rayon", "municipal", "urban", "okrug", "city", "town", "village", "settlement", "of", "the":
			continue
		}
		b.WriteString(w)
	}
	return b.String()
}

func firstWord(s string) string {
	f := strings.Fields(strings.ToLower(s))
	if len(f) == 0 || len(f[0]) < 4 {
		return ""
	}
	w := f[0]
	if len(w) > 6 {
		w = w[:6] // Dzerzhinsky / Dzerzhinskiy
	}
	return w
}

// kindContradictions: within one story, for the same night and region, one document reports
// only interceptions where another reports only impacts (or debris): flag both events.
func (b *builder) kindContradictions(evs []domain.Event) {
	type key struct{ story, date, where string }
	kindsByDoc := map[key]map[string]map[domain.Kind]bool{}
	for _, o := range b.obs {
		if o.inc.Date == "" {
			continue
		}
		k := key{o.story, string(o.inc.Date), o.where}
		if kindsByDoc[k] == nil {
			kindsByDoc[k] = map[string]map[domain.Kind]bool{}
		}
		id := b.inputs[o.in].Doc.ID
		if kindsByDoc[k][id] == nil {
			kindsByDoc[k][id] = map[domain.Kind]bool{}
		}
		kindsByDoc[k][id][o.inc.Kind] = true
	}
	for k, docs := range kindsByDoc {
		if len(docs) < 2 {
			continue
		}
		ids := make([]string, 0, len(docs))
		for id := range docs {
			ids = append(ids, id)
		}
		sort.Strings(ids)
		for x := 0; x < len(ids); x++ {
			for y := x + 1; y < len(ids); y++ {
				a, c := docs[ids[x]], docs[ids[y]]
				if disjoint(a, c) {
					for i := range evs {
						ev := &evs[i]
						if string(ev.Date) != k.date || !hasSource(ev, ids[x], ids[y]) {
							continue
						}
						other := ids[y]
						if ev.Sources[0].Document == ids[y] || !hasSource(ev, ids[x]) {
							other = ids[x]
						}
						ev.Flags = append(ev.Flags, domain.Flag{
							Type: domain.KindContradiction, Source: other,
							Detail: fmt.Sprintf("%s and %s, in one story, report different kinds (%s vs %s) for this night and place.", ids[x], ids[y], kindList(a), kindList(c)),
						})
					}
				}
			}
		}
	}
}

func hasSource(ev *domain.Event, ids ...string) bool {
	for _, s := range ev.Sources {
		for _, id := range ids {
			if s.Document == id {
				return true
			}
		}
	}
	return false
}

func disjoint(a, b map[domain.Kind]bool) bool {
	for k := range a {
		if b[k] {
			return false
		}
	}
	return true
}

func kindList(m map[domain.Kind]bool) string {
	var ks []string
	for k := range m {
		ks = append(ks, string(k))
	}
	sort.Strings(ks)
	return strings.Join(ks, "+")
}
