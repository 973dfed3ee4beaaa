package extract

import (
	"cmp"
	"slices"
	"sort"
	"strings"
	"unicode/utf8"

	"skyledger/internal/domain"
	"skyledger/internal/lang"
)

// Rule names, recorded on evidence spans and shown by --explain.
const (
	ruleSimple    = "sentence"        // one region (or the context region) in a trigger sentence
	ruleBreakdown = "breakdown"       // per-region figures of a tally
	ruleTotal     = "national-total"  // a stated total of a ministry / air-force tally
	ruleNational  = "national"        // a ministry / air-force claim with no region
	ruleSea       = "sea"             // an intercept over a sea
	ruleContext   = "context-region"  // region carried from an earlier sentence or the speaker
	ruleMulti     = "region-list"     // several regions named, no per-region figures
	ruleCasualty  = "casualty"        // killed / injured figures
	ruleNoCas     = "no-casualties"   // "no casualties" phrases
	ruleReporter  = "reporter"        // attribution
	ruleTallyLate = "reporter-later"  // a tally's source named later in a text naming no place
	ruleOfficial  = "official"        // attribution from the officials table
	ruleDate      = "date"            // date from a cue
	ruleDateCtx   = "date-context"    // date from an earlier sentence
	ruleDatePub   = "date-published"  // no cue: the published date
	ruleRecap     = "recap"           // a recalled earlier incident without its own date
	ruleCount     = "count"           // figure next to a drone word
	ruleCountSg   = "count-singular"  // "a drone", "беспилотник сбит"
	ruleLaunched  = "launched"        // "attacked with 50 drones"
	ruleTrigger   = "trigger"         // the event word
	ruleHedged    = "count-hedged"    // "at least", "более"
	ruleDebris    = "debris"          // debris with damage or casualties
	ruleImpact    = "impact"          // hit / struck / attack with damage
	ruleIntercept = "intercept"       // shot down / destroyed
	ruleSeaPlace  = "sea-place"       // place of a sea row
	rulePlace     = "place"           // district or settlement named
	ruleOfficialR = "official-region" // region of the named official
	ruleAirCmd    = "air-command"     // a regional air command: air force by name, regional by its rows
)

// row is an incident being built, with what the merge and the flags need to know.
type row struct {
	inc     domain.Incident
	sent    int
	places  []string
	total   bool // a national total
	repSent int  // sentence the reporter came from (-1: none)
	window  bool // the figure covers a stated time window ("within four hours")
	// dateRule says where the date came from; a row dated only by publication joins a row of the
	// same kind and region that has a cue ("Drone downed over Kursk" above "on Thursday night")
	dateRule   string
	another    bool // the sentence speaks of another incident ("another drone hit ..."): counts add up
	attackOnly bool // an impact told only by attack words ("постраждали внаслідок атаки дронів")
	dateText   string
	// datelineDated: the row's only date is the report's dateline or page stamp, which dates the
	// report rather than the incident
	datelineDated bool
	// uncounted: merged debris from several places, only one of them with a figure (a singular
	// noun): the row's count is not stated
	uncounted bool
	// recalled: told by a sentence that recalls an earlier incident ("Раніше, 3 жовтня, …"): its
	// date is that incident's, not the news's
	recalled bool
}

type docState struct {
	prepared // caches of the preparation (prepare.go)

	x      *Extractor
	text   string
	toks   []token
	hits   []hit
	sents  []sentence
	nums   []number
	dates  []dateMention
	places []placeRef
	offs   []officialHit
	pub    string // YYYY-MM-DD or ""
	defDt  string // dateline or published date
	defKn  bool   // defDt is known

	// per-sentence indexes (into hits, nums, dates, places, offs)
	sHits   [][]hit
	sNums   [][]number
	sDates  [][]dateMention
	sPlaces [][]placeRef
	sOffs   [][]officialHit

	rows  []*row
	flags []domain.Flag

	// context carried from sentence to sentence
	speaker    domain.Reporter
	speakerReg string
	speakerSpn domain.Span
	speakerOK  bool
	lastRegion string
	lastRegSpn domain.Span
	lastRegPar int
	ctxDate    string
	ctxKnown   bool
	ctxDateOK  bool
	ctxDateSpn domain.Span
	droneSeen  int // last sentence with a drone word
	// the intercept words of the last tally sentence, for a breakdown that follows it
	lastIntercepts    []hit
	lastInterceptSent int
	contLine          int // 1 + the sentence read as one line of a tally's list (0: none)
	recapSent         int // 1 + the last sentence that recalled an earlier incident (0: none)
	// a launched figure ("атакував 87 ударними БпЛА") in a sentence with no row, for the tally
	// that follows
	pendingLaunch     *number
	pendingLaunchSent int
	lastImpactSent    int // 1 + the last sentence with an impact trigger (0: none)
	damageCont        int // 1 + the sentence read as more damage of the strikes before it (0: none)
	titleDrone        bool
	docCountry        string // the country most regions of the text lie in
	// the air force or defence ministry the text names (tallySpeaker: its words), when it
	// names one of them and no other speaker kind
	tallyRep     domain.Reporter
	tallySpeaker domain.Span
	titleReg     string
	// a row whose sentence ends with a colon, for a list of drone types that follows ("прилетіли:
	// - 2 БпЛА типу «Герань-2»; - 11 FPV-дронів"); listSent: its last line
	listRow  *row
	listSent int
	listN    int // figures added so far
}

func (st *docState) span(field string, start, end int, rule string) domain.Span {
	return domain.Span{Field: field, Start: start, End: end, Text: st.text[start:end], Rule: rule}
}

func overlaps(a, b hit) bool { return a.t0 < b.t1 && b.t0 < a.t1 }

// without drops hits of list that overlap any hit of the blockers.
func without(list []hit, blockers ...[]hit) []hit {
	// the common case, nothing to drop, gives list itself (capacity-limited: appending copies)
	free := true
	for _, h := range list {
		for _, bl := range blockers {
			for _, b := range bl {
				free = free && !overlaps(h, b)
			}
		}
	}
	if free {
		if len(list) == 0 {
			return nil
		}
		return list[:len(list):len(list)]
	}
	var out []hit
	for _, h := range list {
		ok := true
		for _, bl := range blockers {
			for _, b := range bl {
				if overlaps(h, b) {
					ok = false
					break
				}
			}
			if !ok {
				break
			}
		}
		if ok {
			out = append(out, h)
		}
	}
	return out
}

func nearHit(hs []hit, t0, t1, before, after int) (hit, bool) {
	for _, h := range hs {
		if h.t1 > t0-before && h.t0 < t1+after {
			return h, true
		}
	}
	return hit{}, false
}

// numIsCount reports whether a figure can be a number of drones or people: not a time, a date,
// an age, a distance...
func (st *docState) numIsCount(g sentHits, n number) bool {
	if n.ordinal || n.value <= 0 || n.value > 5000 {
		return false
	}
	if st.dateAt(n.start, n.end) {
		return false
	}
	// "05:36", "18.15", "24/7"
	if n.end < len(st.text) && (st.text[n.end] == ':' || st.text[n.end] == '/') {
		return false
	}
	if n.start > 0 && (st.text[n.start-1] == ':' || st.text[n.start-1] == '/' || st.text[n.start-1] == '#') {
		return false
	}
	// "с 20.00 до 23.00 мск": hours and minutes with a dot (two digits after it, then no digit)
	digit := func(i int) bool { return i < len(st.text) && st.text[i] >= '0' && st.text[i] <= '9' }
	if e := n.end; n.value <= 24 && e < len(st.text) && st.text[e] == '.' && digit(e+1) && digit(e+2) && !digit(e+3) {
		return false
	}
	if n.value >= 1900 && n.value <= 2100 {
		return false
	}
	if _, ok := nearHit(g[catUnit], n.t1, n.t1, 0, 2); ok {
		// a unit directly after (or after one adjective word) the figure
		for _, u := range g[catUnit] {
			if u.t0 == n.t1 || (u.t0 == n.t1+1 && !st.isDroneAt(g, n.t1)) {
				return false
			}
		}
	}
	return true
}

func (st *docState) isDroneAt(g sentHits, t int) bool {
	for _, h := range g[catDrone] {
		if h.t0 <= t && t < h.t1 {
			return true
		}
	}
	return false
}

// droneAfter finds a drone word starting within gap tokens after t (no figure in between).
func (st *docState) droneAfter(g sentHits, nums []number, t, gap int) (hit, bool) {
	for _, h := range g[catDrone] {
		if h.t0 >= t && h.t0 <= t+gap {
			for _, n := range nums {
				if n.t0 >= t && n.t0 < h.t0 {
					return hit{}, false
				}
			}
			return h, true
		}
	}
	return hit{}, false
}

// Extract reads one document.
func (x *Extractor) Extract(doc domain.Document) domain.Extraction {
	out := domain.Extraction{ID: doc.ID, Story: doc.ID, Lang: doc.Lang, Incidents: []domain.Incident{}, Flags: []domain.Flag{}}
	if out.Lang == "" {
		out.Lang = lang.DetectTitled(doc.Title, doc.Text)
	}
	st := x.prepare(doc)
	defer x.release(st) // its working memory serves the next document
	if st.docCountry == "" && out.Lang == "uk" {
		// a Ukrainian text's national tally that names no place and no Russian source
		// ("протиповітряною обороною збито 79 ... країни") is Ukraine's
		st.docCountry = "UA"
	}
	st.cityAdministrations()
	st.villagesOfDistricts()
	inList := false // under a bare "Читайте также:" heading: one headline of another story a line
	for si := range st.sents {
		if inList {
			if !blankBefore(st.text, st.sents[si-1].end, st.sents[si].start) {
				continue
			}
			inList = false // a blank line ends the list
		}
		if f := st.group(si)[catFurniture]; len(f) > 0 && (f[0].p.tag != "credit" || st.creditLine(si, f[0])) &&
			(f[0].p.tag != "heading" || st.headingLine(si, f[0])) {
			if f[0].p.tag == "credit" {
				continue // "Фото: …", "Автор: …"
			}
			if f[0].p.tag == "heading" {
				// "More from Russia:" over the headlines of other stories; "Related: …" one link
				inList = !st.headingLink(si, f[0])
				continue
			}
			if f[0].p.tag == "rest" {
				break // "ЩЕ ЗА ТЕМОЮ": headlines of other stories follow
			}
			// "Читайте також: …" is a link to another story; a heading with nothing after it heads
			// a list of them
			inList = f[len(f)-1].t1 >= st.sents[si].t1
			continue
		}
		if st.captionLine(si) {
			continue // "Rescuers at the site … on 12 October. Stock photo: …": the picture's, not the report's
		}
		if bare, ok := st.timeStamp(si); ok {
			// a live blog's item starts: the date, speaker and region of the item before are
			// not this one's
			st.ctxDateOK, st.speakerOK, st.lastRegion = false, false, ""
			if bare {
				continue
			}
		}
		st.sentence(si)
	}
	st.titleReporter(doc.Title)
	st.attacksOfDebris()
	rows := st.merge()
	debrisOfOne(rows)
	st.titleFigure(doc.Title, rows)
	out.Incidents = make([]domain.Incident, 0, len(rows))
	for _, r := range rows {
		if r.inc.Reporter == domain.NullString(domain.OtherOfficial) {
			// a regional air command ("за інформацією ПвК «Схід»") is the air force; its rows were
			// built as an official's, for its region
			for i := len(r.inc.Evidence) - 1; i >= 0; i-- {
				if e := r.inc.Evidence[i]; e.Field == "reporter" {
					if e.Rule == ruleAirCmd {
						r.inc.Reporter = domain.NullString(domain.AirForce)
					}
					break
				}
			}
		}
		out.Incidents = append(out.Incidents, r.inc)
	}
	st.checkFlags(doc, rows)
	out.Flags = append(out.Flags, st.flags...)
	fillCharOffsets(doc, st.textValid, &out)
	return out
}

// timeStamp reports whether sentence si opens with a clock time alone on its line ("13:05",
// "09:30 GMT"; bare) or before a dash and the item's text ("11:25 — На Полтавщині …").
func (st *docState) timeStamp(si int) (bare, ok bool) {
	s := st.sents[si]
	t := st.text[s.start:s.end]
	if len(t) < 4 || t[0] < '0' || t[0] > '9' {
		return false, false
	}
	i := 1
	if t[i] >= '0' && t[i] <= '9' {
		i++
	}
	if i+3 > len(t) || t[i] != ':' || t[i+1] < '0' || t[i+1] > '9' || t[i+2] < '0' || t[i+2] > '9' {
		return false, false
	}
	rest := strings.TrimSpace(t[i+3:])
	switch strings.ToLower(rest) {
	case "", "gmt", "utc", "msk", "мск", "cet", "eet", "bst", "et", "est":
		return true, true
	}
	for _, d := range []string{"— ", "– ", "- ", "| "} {
		if strings.HasPrefix(rest, d) {
			return false, true
		}
	}
	return false, false
}

// blankBefore reports whether the space between two sentences, [from, to), holds a blank line.
func blankBefore(text string, from, to int) bool {
	return strings.Count(text[from:to], "\n") >= 2
}

// debrisOfOne gives a debris row with no count of its own the one drone downed that day over its
// region ("a UAV was destroyed above the Liskinsky district. As a result of the fall of
// fragments, a house caught fire"): the debris was that drone's.
func debrisOfOne(rows []*row) {
	for _, d := range rows {
		if d.inc.Kind != domain.Debris || d.inc.Count != nil || d.inc.Region == "" || hasField(d.inc.Evidence, "count") {
			continue
		}
		var one *row
		for _, r := range rows {
			if r.inc.Kind == domain.Intercept && r.inc.Region == d.inc.Region && r.inc.Date == d.inc.Date {
				if one != nil || r.inc.Count == nil || *r.inc.Count != 1 {
					one = nil
					break
				}
				one = r
			}
		}
		if one == nil {
			continue
		}
		v := 1
		d.inc.Count = &v
		for _, e := range one.inc.Evidence {
			if e.Field == "count" {
				d.inc.Evidence = append(d.inc.Evidence, e)
			}
		}
	}
}

func hasField(ev []domain.Span, f string) bool {
	for _, e := range ev {
		if e.Field == f {
			return true
		}
	}
	return false
}

// fillCharOffsets sets every evidence span's code-point offsets from its byte offsets, in one
// sweep over the text (and one over the title for "title." spans).
func fillCharOffsets(doc domain.Document, textValid bool, out *domain.Extraction) {
	var textBuf [64]*domain.Span
	var titleBuf [8]*domain.Span
	inText, inTitle := textBuf[:0], titleBuf[:0]
	add := func(ev []domain.Span) {
		for i := range ev {
			if strings.HasPrefix(ev[i].Field, "title.") {
				inTitle = append(inTitle, &ev[i])
			} else {
				inText = append(inText, &ev[i])
			}
		}
	}
	for i := range out.Incidents {
		add(out.Incidents[i].Evidence)
	}
	for i := range out.Flags {
		add(out.Flags[i].Evidence)
	}
	charOffsetsOf(doc.Text, textValid, inText)
	charOffsets(doc.Title, inTitle)
}

func regionCountry(code string) string {
	if i := strings.IndexByte(code, '-'); i > 0 {
		return code[:i]
	}
	return ""
}

// firePutOut: an intercept verb that also means putting out a fire has a fire word just before
// it ("виникла пожежа, її ліквідовано") or right after it ("ліквідували пожежу").
func firePutOut(g sentHits, h hit) bool {
	for _, d := range g[catDamage] {
		if (d.t0 >= h.t1 && d.t0-h.t1 <= 1) || (d.t1 <= h.t0 && h.t0-d.t1 <= 3) {
			return true
		}
	}
	return false
}

// sentence runs the rules on sentence si.
func (st *docState) sentence(si int) {
	s := st.sents[si]
	g := st.group(si)
	nums := st.sNums[si]

	recap := false
	for _, h := range g[catRecap] {
		if h.t0 <= s.t0+3 || h.p.tag == "any" { // "any": a vague time anywhere ("... last week")
			recap = true
		}
	}
	if recap {
		defer func() { st.recapSent = si + 1 }()
	}

	// who speaks in this sentence
	rep, repReg, repSpan, repOK := st.reporterOf(si, g)

	// date cue
	var dm *dateMention
	cues := 0
	for _, d := range st.sDates[si] {
		if !d.weak && !d.dateline {
			cues++
		}
	}
	for i := range st.sDates[si] {
		d := st.sDates[si][i]
		if d.weak || (d.dateline && cues > 0) {
			continue // "BELGOROD, June 13 - … on Thursday night": the sentence's own cue wins
		}
		if dm != nil {
			// "from 09:00 on February 22 to 07:00 on February 23": a tally is dated by its end
			if gap := st.text[dm.end:d.start]; len(gap) < 40 && (rangeGap(gap) || betweenGap(st.text[max(0, dm.start-30):dm.start], gap)) {
				dm = &st.sDates[si][i]
			}
			break
		}
		dm = &st.sDates[si][i]
	}

	drones := without(g[catDrone], g[catNotDrone])
	if len(drones) > 0 {
		st.droneSeen = si
	}

	// damage words that are not negated ("no damage", "без пошкоджень")
	damage := without(g[catDamage], g[catNoCas], g[catNoDamage])
	killedH := without(g[catKilled], g[catNoCas], g[catNoInj], g[catUnknownCas])
	injuredH := st.notBuildings(g, without(g[catInjured], g[catNoCas], g[catNoInj], g[catUnknownCas]))
	concrete := len(damage) > 0 || len(killedH) > 0 || len(injuredH) > 0

	// triggers
	debrisH := g[catDebris]
	var intercepts, impacts, debrisIntercepts []hit
	for _, h := range g[catIntercept] {
		if h.p.tag == "fire" && firePutOut(g, h) {
			continue
		}
		// "debris of a downed drone": the participle belongs to the debris phrase
		inDebris := false
		for _, d := range debrisH {
			if h.t0 > d.t0 && h.t0 <= d.t1+4 && !st.clauseBetween(d.t1, h.t0) {
				inDebris = true
			}
		}
		if len(drones) == 0 && startsAt(g[catDamage], h.t0) {
			// "A private house was destroyed.": a building, not a drone, is what was destroyed
			if _, ok := nearHit(g[catTarget], h.t0, h.t1, 4, 3); ok {
				continue
			}
		}
		if inDebris {
			debrisIntercepts = append(debrisIntercepts, h)
		} else {
			intercepts = append(intercepts, h)
		}
	}
	hitTarget := false // "уламки впали на дах будинку": something was hit
	nextConcrete := -1 // whether the next sentence tells damage or casualties (-1: not looked yet)
	casualties := len(killedH) > 0 || len(injuredH) > 0
	for _, h := range g[catImpact] {
		if inDroneNoun(st.text, g[catDrone], h) {
			continue // "strike drones": a kind of drone, not a strike
		}
		// "weakcas" words ("attack") make an impact only with casualties or a target: "the
		// attack left damage" is as often debris
		if h.p.tag == "weakcas" && !casualties && !st.hitSomething(g, h) {
			continue
		}
		if h.p.tag == "weak" && !concrete && st.oneOfThem(g, h) {
			// "Сбиты два беспилотника. Один из них упал у аэропорта, повреждений нет": one of the
			// downed drones fell, nothing was hit
			continue
		}
		if h.p.tag == "weak" && !concrete {
			if nextConcrete < 0 {
				nextConcrete = 0
				if st.damageNext(si) && len(debrisH) == 0 && len(st.group(si + 1)[catDebris]) == 0 {
					nextConcrete = 1
				}
			}
			switch {
			case st.repelledNext(si):
				// "Drones attacked the Kirishi refinery. Three drones were shot down and a fire
				// broke out after debris fell": the attack was the raid downed, its damage debris'
				continue
			case st.hitSomething(g, h):
				hitTarget = true
			case nextConcrete == 1:
				// "Российский дрон атаковал Херсон. В результате удара погиб мужчина": the attack the
				// next sentence counts the victims of
			default:
				continue
			}
		}
		impacts = append(impacts, h)
	}
	for _, h := range impacts {
		// "Debris of a downed drone hit a house": what the debris hit is damage
		if len(debrisH) > 0 && h.start > debrisH[0].end && !weakImpact(h) {
			hitTarget = true
		}
	}
	var debris []hit
	if concrete || hitTarget {
		debris = debrisH
	} else if len(debrisH) > 0 && st.damageNextStrict(si) {
		debris = debrisH // the damage told in the next sentence
	}
	if len(debris) == 0 && len(intercepts) == 0 {
		// "fragments of a drone shot down by air defence were found": without damage, the news is
		// the downing
		intercepts = debrisIntercepts
	}
	if len(debris) > 0 {
		// the damage was done by debris, not by a direct hit; unless a hit is told in a clause of
		// its own before the debris ("A drone hit the depot, and debris damaged two houses") or
		// counted on its own ("влучання 15 ударних БпЛА на 8 локаціях, а також падіння уламків на 4
		// локаціях")
		first := debris[0]
		for _, d := range debris {
			if d.start < first.start {
				first = d
			}
		}
		var kept []hit
		for _, h := range impacts {
			if st.hitBeforeDebris(g, h, first) || !weakImpact(h) && figureAt(nums, h) {
				kept = append(kept, h)
			}
		}
		impacts = kept
	}
	if len(intercepts) > 0 {
		// "attack ... repelled, drones shot down": the attack words describe the intercepted raid
		var strong []hit
		for _, h := range impacts {
			if !weakImpact(h) {
				strong = append(strong, h)
			}
		}
		impacts = strong
	}

	continued := false
	if len(intercepts)+len(impacts)+len(debris) == 0 && st.tallyContinues(si, g) {
		// "Из них 22 БПЛА — над Брянской областью, 9 — над Курской": the breakdown of the
		// tally in the sentence before, which holds the verb (and the drone word)
		intercepts, continued = st.lastIntercepts, true
	}
	if len(intercepts)+len(impacts)+len(debris) == 0 && len(damage) > 0 && st.lastImpactSent > 0 && st.lastImpactSent == si &&
		st.namesRegion(si) {
		// "…wounded in drone strikes. The governors of the Bryansk and Rostov regions reported
		// property damage": the damage of the strikes just told, in other regions
		impacts, continued = damage[:1], true
		st.damageCont = si + 1
	}
	if len(intercepts)+len(impacts)+len(debris) == 0 && len(g[catLaunched]) > 0 && st.listHeadOfRegion(si) {
		// "По Харківщині ворог застосував: - 3 БпЛА …; - 7 FPV-дронів": what the enemy used on a
		// region, listed below, struck it
		impacts = g[catLaunched][:1]
	}
	hasTrigger := len(intercepts)+len(impacts)+len(debris) > 0
	blocked := len(g[catHistory]) > 0 || len(g[catModal]) > 0
	if len(intercepts) > 0 && !blocked {
		st.lastIntercepts, st.lastInterceptSent = intercepts, si
	}
	if len(impacts) > 0 && !blocked && !continued {
		st.lastImpactSent = si + 1 // the next sentence may tell more damage of these strikes
	}
	droneOK := len(drones) > 0 || continued
	if !droneOK && len(g[catNotDrone]) == 0 && len(g[catWeapon]) == 0 {
		// "Some of the enemy targets were downed": the drone was named just before
		if si-st.droneSeen <= 2 && si > 0 {
			droneOK = true
		}
	}
	if !droneOK && len(g[catWeapon]) == 0 && si+1 < len(st.sents) && len(st.group(si + 1)[catDrone]) > 0 &&
		strings.HasSuffix(strings.TrimSpace(st.text[st.sents[si].start:st.sents[si].end]), ":") {
		droneOK = true // "по Харківщині прилетіли:" and the list of drones below
	}
	if hasTrigger && !droneOK && len(drones) == 0 && len(g[catWeapon]) > 0 {
		hasTrigger = false
	}

	if !hasTrigger && st.typeListLine(si, g) {
		return
	}
	if !hasTrigger || blocked || !droneOK {
		st.nonEvent(si, g, rep, repReg, repSpan, repOK, recap, dm)
		return
	}

	// date of this sentence's rows
	// the sentence right after a recalled incident, with no date of its own, goes on recalling it
	// ("Ранее ... сбили 20 беспилотников. Согласно Минобороны, их уничтожили с 16:00 до 20:00")
	recapDate := recap || (dm == nil && st.recapSent > 0 && st.recapSent == si && st.sents[si].para == st.sents[si-1].para && len(st.sPlaces[si]) == 0)
	if dm == nil && !recapDate {
		// "В декабре 2024 года обломки повредили резервуар": a month with no day dates a past
		// incident the text does not date exactly
		for _, d := range st.sDates[si] {
			if !d.known && d.rule == "ru.month_year" {
				recapDate = true
			}
		}
	}
	date, known, dspan, drule := st.dateFor(si, dm, recapDate)

	// a speaker named with a speech verb here also said what the sentences just before told
	// ("…збито 71 БпЛА. Зафіксовано влучання 14 БпЛА, повідомили Повітряні сили")
	if repOK && !recap && len(g[catSpeech]) > 0 {
		st.attributeOpen(si-2, si-1, rep, repSpan, si)
	}
	// reporter for this sentence's rows
	if !repOK && !recap && st.speakerOK {
		rep, repReg, repSpan, repOK = st.speaker, st.speakerReg, st.speakerSpn, true
	}
	if repOK && !recap {
		st.speaker, st.speakerReg, st.speakerSpn, st.speakerOK = rep, repReg, repSpan, true
	}
	_ = known

	var created []*row
	if st.placesOfLaterHit(si, intercepts, impacts) {
		// "shot down 105 of the drones, ..., adding that seven drones hit targets in the Kharkiv,
		// Sumy and Odesa regions": the regions are where the hits were; the downing names none
		places := st.sPlaces[si]
		st.sPlaces[si] = nil
		created = st.buildRows(si, g, nums, drones, intercepts, nil, nil, rep, repReg, repSpan, repOK, date, dspan, drule)
		st.sPlaces[si] = places
		created = append(created, st.buildRows(si, g, nums, drones, nil, impacts, debris, rep, repReg, repSpan, repOK, date, dspan, drule)...)
	} else {
		created = st.buildRows(si, g, nums, drones, intercepts, impacts, debris, rep, repReg, repSpan, repOK, date, dspan, drule)
	}
	for _, r := range created {
		r.recalled = recap
	}
	if len(impacts) > 0 {
		weak := true
		for _, h := range impacts {
			weak = weak && weakImpact(h) && !st.hitSomething(g, h) // not "атаковал нефтебазу"
		}
		for _, r := range created {
			r.attackOnly = weak && r.inc.Kind == domain.Impact
		}
	}
	st.listRow = nil
	if len(created) == 1 && created[0].inc.Count == nil && strings.HasSuffix(strings.TrimSpace(st.text[st.sents[si].start:st.sents[si].end]), ":") {
		st.listRow, st.listSent, st.listN = created[0], si, 0
	}

	if len(drones) == 0 {
		st.debrisOfOne(si, created)
	}

	// casualties
	st.casualties(si, g, nums, created, killedH, injuredH)
	st.noCasBefore(si, created)
	st.laterDateRow(si, g, dm, created)

	// context for the following sentences
	st.updateRegionContext(si, g)
	if dm != nil && !recap {
		st.ctxDate, st.ctxKnown, st.ctxDateOK, st.ctxDateSpn = dm.date, dm.known, true, st.span("date", dm.start, dm.end, dm.rule)
	}
}

// nonEvent handles a sentence without a usable trigger: it may attribute the sentence before
// ("Об этом сообщили в Минобороны"), carry casualties, or say nobody was hurt.
func (st *docState) nonEvent(si int, g sentHits, rep domain.Reporter, repReg string, repSpan domain.Span, repOK, recap bool, dm *dateMention) {
	signature := st.sents[si].t1-st.sents[si].t0 <= 6 && len(st.sNums[si]) == 0 && st.officialNamed(si)
	// "Об этом сообщил губернатор …", "Про це повідомив …": attributes what the paragraph said
	aboutThis := len(g[catSpeech]) > 0 && len(g[catAboutThis]) > 0
	if repOK && (signature || len(g[catSpeech]) > 0 || st.officialNamed(si) || rep == domain.MoD || rep == domain.AirForce) {
		// back-fill rows of the previous sentences that have no reporter yet ("Об этом сообщили
		// в Минобороны"; not "На месте работают экстренные службы", which says nothing); a
		// signature line ("Губернатор Владислав Шапша.") signs the whole post
		from := si - 2
		if aboutThis {
			from = si - 4
		}
		if signature {
			from = 0
		}
		st.attributeOpen(from, si, rep, repSpan, si)
	}
	if repOK && !recap {
		st.speaker, st.speakerReg, st.speakerSpn, st.speakerOK = rep, repReg, repSpan, true
	}
	if recap {
		st.speakerOK = false
	}
	if len(g[catLaunched]) > 0 {
		// a launched figure with no tally here: the next sentence's tally may need it
		var counts []number
		for _, n := range st.sNums[si] {
			if st.numIsCount(g, n) {
				counts = append(counts, n)
			}
		}
		if i := st.launchedAt(g, counts); i >= 0 {
			st.pendingLaunch, st.pendingLaunchSent = &counts[i], si
		}
	}
	killedH := without(g[catKilled], g[catNoCas], g[catNoInj], g[catUnknownCas])
	injuredH := st.notBuildings(g, without(g[catInjured], g[catNoCas], g[catNoInj], g[catUnknownCas]))
	// "there were no reports of casualties": a modal word inside the no-casualty phrase blocks nothing
	if len(killedH)+len(injuredH)+len(g[catNoCas])+len(g[catNoInj]) > 0 && len(g[catHistory])+len(without(g[catModal], g[catNoCas])) == 0 {
		st.casualties(si, g, st.sNums[si], nil, killedH, injuredH)
	}
	if len(g[catHistory])+len(g[catModal]) == 0 {
		// places of background ("since the conflict between Moscow and Kiev began") are no
		// context for the sentences after
		st.updateRegionContext(si, g)
	}
	if dm != nil && !recap {
		st.ctxDate, st.ctxKnown, st.ctxDateOK, st.ctxDateSpn = dm.date, dm.known, true, st.span("date", dm.start, dm.end, dm.rule)
	}
}

func withField(s domain.Span, f string) domain.Span { s.Field = f; return s }

// dateFor picks the date of the rows of sentence si.
func (st *docState) dateFor(si int, dm *dateMention, recap bool) (string, bool, *domain.Span, string) {
	if dm != nil {
		sp := st.span("date", dm.start, dm.end, ruleDate+":"+dm.rule)
		if !dm.known {
			return "", false, &sp, ruleDate
		}
		return dm.date, true, &sp, ruleDate
	}
	if recap {
		return "", false, nil, ruleRecap
	}
	if st.ctxDateOK {
		sp := st.ctxDateSpn
		sp.Rule = ruleDateCtx
		return st.ctxDate, st.ctxKnown, &sp, ruleDateCtx
	}
	if st.defKn {
		return st.defDt, true, nil, ruleDatePub
	}
	return "", false, nil, ruleDatePub
}

// updateRegionContext remembers the last region the text spoke of.
func (st *docState) updateRegionContext(si int, g sentHits) {
	for i := range st.sPlaces[si] {
		p := &st.sPlaces[si][i]
		if p.adjective || p.kind == domain.CountryPlace || p.region == "" || st.isOrigin(g, p) || st.strayDistrict(si, p) {
			continue
		}
		st.lastRegion = p.region
		st.lastRegSpn = st.span("region", p.start, p.end, ruleContext)
		st.lastRegPar = st.sents[si].para
	}
}

// relayed: media cue h follows a relay verb ("передає Укрінформ"; speech tagged relay).
func relayed(speech []hit, h hit) bool {
	for _, s := range speech {
		if s.p.tag == "relay" && s.t1 == h.t0 {
			return true
		}
	}
	return false
}

// reporterOf finds who the sentence attributes its claim to.
// ownWords are possessives that make a channel the speaker's own ("в своем Telegram-канале").
var ownWords = map[string]bool{"своєму": true, "своему": true, "своем": true, "своїй": true, "своей": true,
	"свій": true, "свой": true, "своїх": true, "своих": true, "his": true, "her": true, "their": true}

func (st *docState) reporterOf(si int, g sentHits) (domain.Reporter, string, domain.Span, bool) {
	type cand struct {
		rep    domain.Reporter
		region string
		h      hit
		dist   int
		off    bool
	}
	var csBuf [16]cand
	cs := csBuf[:0]
	speech := g[catSpeech]
	dist := func(t0, t1 int) int {
		best := 1000
		for _, s := range speech {
			d := 0
			if s.t0 >= t1 {
				d = s.t0 - t1
			} else if t0 >= s.t1 {
				d = t0 - s.t1
			}
			if d < best {
				best = d
			}
		}
		return best
	}
	add := func(cat category, rep domain.Reporter) {
		for _, h := range g[cat] {
			d := dist(h.t0, h.t1)
			if h.p.tag == "af" && d > 2 {
				continue // "збили захисники з ПвК «Схід»": the air command downed them, it does not speak
			}
			if cat == catRepMedia && h.t0 > 0 && ownWords[st.toks[h.t0-1].s] {
				continue // "у своєму Telegram-каналі": the speaker's own channel, not a medium's report
			}
			if h.p.tag == "head" && d > 5 {
				// "погиб глава поселения": a head is the speaker only next to a speech verb
				continue
			}
			cs = append(cs, cand{rep: rep, h: h, dist: d})
		}
	}
	add(catRepGovernor, domain.Governor)
	add(catRepMoD, domain.MoD)
	add(catRepAirForce, domain.AirForce)
	add(catRepOther, domain.OtherOfficial)
	add(catRepMedia, domain.Media)
	for _, o := range st.sOffs[si] {
		rep := domain.Reporter(o.o.Role)
		h := hit{p: o.o.pattern, t0: o.t, t1: o.t + 1, start: o.start, end: o.end}
		c := cand{rep: rep, region: o.o.Region, h: h, dist: dist(o.t, o.t+1), off: true}
		if o.t <= st.sents[si].t0+1 && strings.HasPrefix(strings.TrimLeft(st.text[o.end:], " "), ":") {
			c.dist = -1 // "Собянин: Силы ПВО Минобороны отразили атаку …": the name before the colon speaks
		}
		cs = append(cs, c)
	}
	if len(cs) == 0 {
		return "", "", domain.Span{}, false
	}
	// a longer cue inside which a shorter one sits wins ("vice-governor" over "governor")
	slices.SortStableFunc(cs, func(a, b cand) int {
		if a.dist != b.dist {
			return cmp.Compare(a.dist, b.dist)
		}
		return cmp.Compare(b.h.t1-b.h.t0, a.h.t1-a.h.t0)
	})
	best := cs[0]
	if best.h.p != nil && best.h.p.tag == "head" {
		// "глава Харківської ОВА", "глава Минобороны": the body named right after the head says
		// which head
		for _, c := range cs[1:] {
			if !c.off && c.h.t0 > best.h.t0 && c.h.t0 <= best.h.t1+3 {
				best = c
				break
			}
		}
	}
	if best.rep == domain.Media && relayed(speech, best.h) {
		// an outlet passing on a source the sentence names ("повідомили в Повітряних силах ЗСУ,
		// передає Укрінформ") is not the one who claims it
		for _, c := range cs[1:] {
			if c.rep != domain.Media {
				best = c
				break
			}
		}
	}
	// "глава Белгородской области" heads a region; "глава Грайворонского округа" a district
	if best.rep == domain.OtherOfficial && best.h.p != nil && best.h.p.tag == "head" {
		for _, p := range st.sPlaces[si] {
			if p.kind == domain.RegionPlace && p.t0 == best.h.t1 {
				best.rep = domain.Governor
				break
			}
		}
	}
	// an official named next to the cue gives the region and, for mayors, the role
	for _, c := range cs {
		if c.off && (c == best || (c.h.t0 <= best.h.t1+6 && c.h.t1 >= best.h.t0-6)) {
			if best.rep == domain.Governor || best.off || best.rep == domain.OtherOfficial {
				best.rep = c.rep
			}
			best.region = c.region
			break
		}
	}
	if best.region == "" && best.rep == domain.Governor {
		// "губернатор Калужской области", "Head of Lviv Oblast Military Administration"
		for _, p := range st.sPlaces[si] {
			if p.kind == domain.RegionPlace && p.t1 >= best.h.t0-5 && p.t0 <= best.h.t1+5 {
				best.region = p.region
				break
			}
		}
	}
	// "Moscow mayor" is the head of a region; another mayor is not
	sp := st.span("reporter", best.h.start, best.h.end, ruleReporter)
	if best.off {
		sp.Rule = ruleOfficial
	} else if best.h.p.tag == "af" {
		sp.Rule = ruleAirCmd
	}
	return best.rep, best.region, sp, true
}

// buildRows makes the rows of a trigger sentence.
func (st *docState) buildRows(si int, g sentHits, nums []number, drones, intercepts, impacts, debris []hit,
	rep domain.Reporter, repReg string, repSpan domain.Span, repOK bool, date string, dspan *domain.Span, drule string) []*row {

	var created []*row
	kinds := []struct {
		k  domain.Kind
		hs []hit
	}{{domain.Intercept, intercepts}, {domain.Impact, impacts}, {domain.Debris, debris}}

	// places of the sentence, split into incident places and places in a speaker's title
	var incBuf, titleBuf, seaBuf [8]*placeRef
	incPlaces, titlePlaces, seas := incBuf[:0], titleBuf[:0], seaBuf[:0]
	var national []hit = g[catNational]
	for i := range st.sPlaces[si] {
		// "в Орловской и Ростовской областях": the regions' own generic word is no national cue
		if p := &st.sPlaces[si][i]; p.kind == domain.RegionPlace {
			national = without(national, []hit{{t0: p.t0, t1: p.t1}})
		}
	}
	countryMention := ""
	twoCountries := false // "the war between Russia and Ukraine" is no national tally
	for i := range st.sPlaces[si] {
		p := &st.sPlaces[si][i]
		switch {
		case st.misnamedRegion(si, p):
			// "у Шебекинському районі Курської області": the district is real and lies elsewhere;
			// the row goes to the district's region and the flag reports the mislabel
		case st.strayDistrict(si, p):
			// "в Золочівській громаді" in a Kharkiv story, read as a district of another region
			// that the text never names: the story's region holds it
		case st.cityDistrict(si, p):
			// "Kharkiv's Kyivskyi district": a district of the city, not the region it is named after
		case st.isOrigin(g, p):
			// "launched from Cape Chauda in Crimea", "з напрямків Курськ, Брянськ": not where
			// anything happened
		case p.kind == domain.WaterPlace:
			seas = append(seas, p)
		case p.kind == domain.CountryPlace || p.adjective:
			if !p.adjective {
				switch {
				case countryMention == "":
					countryMention = p.country
				case countryMention != p.country:
					twoCountries = true
				}
			}
		case p.region == "":
		case st.inTitle(si, g, p):
			titlePlaces = append(titlePlaces, p)
		default:
			incPlaces = append(incPlaces, p)
		}
	}
	regionsOf := func(ps []*placeRef) []string {
		var out []string
		for _, p := range ps {
			dup := false
			for _, r := range out {
				if r == p.region {
					dup = true
				}
			}
			if !dup {
				out = append(out, p.region)
			}
		}
		return out
	}
	if st.damageCont == si+1 {
		// "the governors of the Bryansk and Voronezh regions reported damage": their regions are
		// where it happened
		incPlaces = append(titlePlaces, incPlaces...)
		titlePlaces = nil
	}
	if len(incPlaces) > 0 && st.datelinePlace(incPlaces[0]) && (len(incPlaces) > 1 || rep == domain.MoD || rep == domain.AirForce) {
		// "MOSCOW, Dec 3 (Reuters) - ... over the Bryansk region": the dateline's city is where
		// the wire filed from; it stands for the incident only when nothing else is named
		incPlaces = incPlaces[1:]
	}
	if regs := regionsOf(incPlaces); len(regs) > 1 {
		// "two drones flying towards Moscow near Podolsk": the city they flew to is a direction;
		// the place named beside it is where they were downed
		kept := incPlaces[:0:0]
		for _, p := range incPlaces {
			if !st.directionPlace(p) {
				kept = append(kept, p)
			}
		}
		if len(kept) > 0 {
			incPlaces = kept
		}
	}
	regs := regionsOf(incPlaces)
	if twoCountries {
		countryMention = ""
	}

	// valid figures
	var counts []number
	for _, n := range nums {
		if st.numIsCount(g, n) {
			counts = append(counts, n)
		}
	}
	// launched figures (air-force style): "атакував 50 ударними БпЛА"
	launchedStart := -1 // the launched figure's offset: one at most
	var launchedN *number
	if i := st.launchedAt(g, counts); i >= 0 {
		launchedStart = counts[i].start
		launchedN = &counts[i]
	}
	// "збили 63 з 81 ударного БпЛА", "shot down 48 of the 70 drones": the second figure is how
	// many came
	for i := 0; i+1 < len(counts) && launchedN == nil; i++ {
		a, b := counts[i], counts[i+1]
		if b.t0-a.t1 < 1 || b.t0-a.t1 > 2 || !outOf(st.toks[a.t1:b.t0]) {
			continue
		}
		if _, ok := st.droneAfter(g, counts, b.t1, 4); ok {
			launchedStart = b.start
			launchedN = &counts[i+1]
		}
	}
	var cnums []number
	for _, n := range counts {
		if n.start != launchedStart {
			cnums = append(cnums, n)
		}
	}
	if launchedN == nil && st.pendingLaunch != nil && si-st.pendingLaunchSent <= 2 {
		// "противник атакував 87 ударними БпЛА. … збито/подавлено 71": launched in the sentence before
		launchedN = st.pendingLaunch
	}
	st.pendingLaunch = nil
	if !repOK && len(cnums) > 0 && len(intercepts) > 0 && len(regs)+len(seas)+len(titlePlaces) == 0 &&
		st.lastRegion == "" && st.speakerReg == "" && st.titleReg == "" && st.tallySpeaker.Text != "" {
		// "Протиповітряною обороною збито 62 дрони. … , повідомили Повітряні сили": a figure with
		// no place in a text that names none, whose only tally source speaks later, is its tally
		rep, repSpan, repOK = st.tallyRep, st.tallySpeaker, true
	}

	mk := func(kind domain.Kind, region, country, place string, count *int, rule string, ev []domain.Span) *row {
		r := &row{sent: si, repSent: -1}
		r.inc.Kind = kind
		r.inc.Region = domain.NullString(region)
		r.inc.Country = domain.NullString(country)
		r.inc.Place = domain.NullString(place)
		r.inc.Count = count
		r.inc.Date = domain.NullString(date)
		if place != "" {
			r.places = []string{place}
		}
		r.inc.Evidence = slices.Grow(ev, 2) // ev is the row's own; room for the date and the reporter
		if dspan != nil {
			r.inc.Evidence = append(r.inc.Evidence, withRule(*dspan, "date", drule))
		}
		if repOK {
			r.inc.Reporter = domain.NullString(rep)
			r.repSent = si
			r.inc.Evidence = append(r.inc.Evidence, repSpan)
		}
		// a figure for a stated time window ("within four hours"), or the breakdown of one ("10 of
		// these ..." after it), is not comparable with a whole-night figure
		r.window = len(g[catWindow]) > 0 || (si > 0 && len(g[catTotal]) > 0 && len(st.group(si - 1)[catWindow]) > 0)
		r.dateRule = drule
		r.another = st.anotherCue(g, nums)
		if dspan != nil {
			r.dateText = dspan.Text
			r.datelineDated = st.isDateline(dspan.Start)
		}
		st.rows = append(st.rows, r)
		created = append(created, r)
		return r
	}

	// --- breakdown: figures paired with regions
	// a tally: several places with figures, or one place with its share of a stated total
	// ("took down 90 drones ..., including 63 over the Bryansk Region")
	tally := len(regs)+len(seas) >= 2 && len(cnums) > 0
	share := len(regs)+len(seas) == 1 && len(cnums) >= 2 && (len(g[catTotal]) > 0 || len(national) > 0)
	line := st.contLine == si+1 && len(regs)+len(seas) == 1 && len(cnums) >= 1
	if (tally || share || line) && len(intercepts) > 0 {
		if st.breakdown(si, g, cnums, incPlaces, seas, intercepts, rep, national, countryMention, mk) {
			for _, k := range kinds[1:] {
				if len(k.hs) > 0 && len(regs) == 1 {
					st.simpleRow(si, g, k.k, k.hs, cnums, drones, regs[0], incPlaces, mk)
				}
			}
			return created
		}
	}

	for _, k := range kinds {
		if len(k.hs) == 0 {
			continue
		}
		trig := k.hs[0]
		trigSpan := st.span("kind", trig.start, trig.end, trig.p.triggerRule)
		// seas
		seaOfNational := len(national) > 0 && len(seas) > 0
		if k.k == domain.Intercept {
			for _, p := range seas {
				cnt, csp := st.countNear(g, cnums, drones, k.hs, p.t0)
				if seaOfNational && len(regs) == 0 {
					cnt, csp = nil, nil // "44 drones over Russian regions and the Black Sea": the figure is the national row's
				}
				ev := []domain.Span{trigSpan, st.span("place", p.start, p.end, ruleSea)}
				if csp != nil {
					ev = append(ev, *csp)
				}
				mk(domain.Intercept, "", "", p.name, cnt, ruleSea, ev)
			}
		}
		switch {
		case len(regs) == 1:
			st.simpleRow(si, g, k.k, k.hs, cnums, drones, regs[0], incPlaces, mk)
		case len(regs) > 1:
			// several regions and no per-region figures
			for _, rg := range regs {
				var ps []*placeRef
				for _, p := range incPlaces {
					if p.region == rg {
						ps = append(ps, p)
					}
				}
				ev := []domain.Span{trigSpan, st.span("region", ps[0].start, ps[0].end, ruleMulti)}
				var one *int
				if h := st.clauseOne(si, drones, cnums, incPlaces, ps[0]); h != nil && k.k != domain.Intercept {
					one = domain.Int(1)
					ev = append(ev, st.span("count", h.start, h.end, ruleCountSg))
				}
				mk(k.k, rg, regionCountry(rg), placeName(ps), one, ruleMulti, ev)
			}
			impactN := false
			// "13 влучань", "влучання 13", "seven drones hit targets in ..."
			hitFigure := func(n number) bool {
				return startsAt(k.hs, n.t1) || endsAt(k.hs, n.t0) || droneThenHit(g[catDrone], k.hs, n)
			}
			if k.k == domain.Impact {
				for _, n := range cnums {
					impactN = impactN || hitFigure(n)
				}
			}
			if ((rep == domain.MoD || rep == domain.AirForce) && k.k == domain.Intercept) || impactN {
				cnt, csp := st.countNear(g, cnums, drones, k.hs, trig.t0)
				if impactN {
					for _, n := range cnums {
						if hitFigure(n) && !n.hedged {
							v := n.value
							cnt = &v
							sp := st.span("count", n.start, n.end, ruleCount)
							csp = &sp
						}
					}
				}
				ev := []domain.Span{trigSpan}
				if csp != nil {
					ev = append(ev, *csp)
				}
				r := mk(k.k, "", st.nationalCountry(rep, countryMention, regs), "", cnt, ruleTotal, ev)
				r.total = true
			}
		case len(seas) > 0 && k.k == domain.Intercept && !(seaOfNational && len(regs) == 0):
			// sea only
		default:
			// no region named in the sentence
			// a tally whose breakdown follows as a list ("… destroyed 17 drones:") is a total too
			listHead := strings.HasSuffix(strings.TrimSpace(st.text[st.sents[si].start:st.sents[si].end]), ":")
			nationalCue := len(national) > 0 || countryMention != "" || listHead
			if (rep == domain.MoD || rep == domain.AirForce || nationalCue) && k.k == domain.Intercept {
				prevReg := ""
				// a ministry's own figure with no region is its national tally, even right after
				// a governor's sentence about one region
				ownTally := (rep == domain.MoD || rep == domain.AirForce) && len(cnums) > 0
				// "over the region", "над регионом": the region told before, even in a ministry's
				// own figure and a paragraph later
				// (a country named with the speaker, "Міністерство оборони Росії", does not make
				// "над півостровом" national)
				anaphor := st.regionAnaphor(g) && len(national) == 0 && !listHead
				if (!nationalCue || anaphor) && (!ownTally || anaphor) && si > 0 && st.lastRegion != "" &&
					(anaphor || st.lastRegPar == st.sents[si].para && len(st.sPlaces[si-1]) > 0) {
					prevReg = st.lastRegion
				}
				if prevReg == "" && (rep == domain.MoD || rep == domain.AirForce || (nationalCue && len(titlePlaces) == 0)) {
					cnt, csp := st.countNear(g, cnums, drones, k.hs, trig.t0)
					ev := []domain.Span{trigSpan}
					if csp != nil {
						ev = append(ev, *csp)
					}
					if len(national) > 0 {
						ev = append(ev, st.span("region", national[0].start, national[0].end, ruleNational))
					}
					r := mk(k.k, "", st.nationalCountry(rep, countryMention, nil), "", cnt, ruleNational, ev)
					r.total = true
					if launchedN != nil {
						v := launchedN.value // a copy: figures live in reused memory
						r.inc.Launched = &v
						r.inc.Evidence = append(r.inc.Evidence, st.span("launched", launchedN.start, launchedN.end, ruleLaunched))
					}
					continue
				}
			}
			if (rep == domain.AirForce || rep == domain.MoD) && k.k == domain.Impact && len(cnums) > 0 && len(titlePlaces) == 0 {
				// "Зафіксовано влучання 14 ударних БпЛА на 6 локаціях": the air force's national
				// count of hits
				cnt, csp := st.countNear(g, cnums, drones, k.hs, trig.t0)
				if cnt == nil || csp.Rule != ruleCount || !st.figureBeside(trig, *csp) {
					// "launched 112 attack drones …, and 21 struck targets": the figure beside the hit
					// word, not the launched one that a drone noun follows
					for _, n := range cnums {
						sp := st.span("count", n.start, n.end, ruleCount)
						if !n.hedged && st.figureBeside(trig, sp) {
							v := n.value
							cnt, csp = &v, &sp
							break
						}
					}
				}
				if cnt != nil && csp.Rule == ruleCount && st.figureBeside(trig, *csp) {
					r := mk(k.k, "", st.nationalCountry(rep, countryMention, nil), "", cnt, ruleNational, []domain.Span{trigSpan, *csp})
					r.total = true
					continue
				}
			}
			reg, rsp := st.contextRegion(si, titlePlaces, repReg)
			if reg == "" {
				if k.k != domain.Intercept && len(titlePlaces) == 0 && (rep == domain.AirForce || st.nationalTallyNear(si)) {
					// "Влучання зафіксовано на шести локаціях", "падіння уламків на 4 локаціях"
					// after a national tally: the country's hits and debris
					var cnt *int
					ev := []domain.Span{trigSpan}
					if k.k == domain.Impact {
						if c, csp := st.countNear(g, cnums, drones, k.hs, trig.t0); c != nil && csp.Rule == ruleCount && st.figureBeside(trig, *csp) {
							cnt = c
							ev = append(ev, *csp)
						}
					}
					r := mk(k.k, "", st.nationalCountry(rep, countryMention, nil), "", cnt, ruleNational, ev)
					r.total = true
				}
				continue
			}
			r := st.simpleRow(si, g, k.k, k.hs, cnums, drones, reg, nil, mk)
			if r != nil && rsp != nil {
				r.inc.Evidence = append(r.inc.Evidence, *rsp)
			}
		}
	}
	if launchedN != nil {
		for _, r := range created {
			if r.inc.Launched == nil && r.inc.Kind == domain.Intercept {
				v := launchedN.value // a copy: figures live in reused memory
				r.inc.Launched = &v
				r.inc.Evidence = append(r.inc.Evidence, st.span("launched", launchedN.start, launchedN.end, ruleLaunched))
				break
			}
		}
	}
	return created
}

// figureAt: a figure stands right before or after trigger h ("влучання 15", "14 влучань").
func figureAt(nums []number, h hit) bool {
	for _, n := range nums {
		if n.t0 == h.t1 || n.t1 == h.t0 {
			return true
		}
	}
	return false
}

// nationalTallyNear: a national intercept row was made in sentence si or the two before it.
func (st *docState) nationalTallyNear(si int) bool {
	for i := len(st.rows) - 1; i >= 0; i-- {
		r := st.rows[i]
		if r.sent < si-2 {
			break
		}
		if r.total && r.inc.Kind == domain.Intercept && r.inc.Region == "" && r.inc.Country != "" {
			return true
		}
	}
	return false
}

func withRule(s domain.Span, field, rule string) domain.Span {
	s.Field = field
	if rule != "" && !strings.HasPrefix(s.Rule, rule) {
		s.Rule = rule
	}
	return s
}

func (st *docState) nationalCountry(rep domain.Reporter, mention string, regs []string) string {
	switch {
	case rep == domain.MoD:
		return "RU"
	case rep == domain.AirForce:
		return "UA"
	case len(regs) > 0:
		return regionCountry(regs[0])
	case mention != "":
		return mention
	case st.docCountry != "":
		return st.docCountry
	}
	return "RU"
}

// inTitle reports whether place p is part of a speaker's title ("governor of the Leningrad
// region", "начальник Харківської ОВА") rather than where the event happened.
func (st *docState) inTitle(si int, g sentHits, p *placeRef) bool {
	for _, c := range []category{catRepGovernor, catRepOther} {
		for _, h := range g[c] {
			if h.t0 < p.t1 && p.t0 < h.t1 {
				return true
			}
			if h.t1 <= p.t0 && p.t0-h.t1 <= 2 { // "governor of the Kaluga region"
				return true
			}
			// "Bryansk region Governor", "Харківської ОВА" (a head's place follows it: "глава X"; not
			// "near Podolsk, Mayor Sergei Sobyanin said")
			if p.t1 <= h.t0 && h.t0-p.t1 <= 1 && h.p.tag != "head" && !strings.ContainsAny(st.text[p.end:h.start], ",;.") {
				return true
			}
		}
	}
	return false
}

// datelinePlace: the place is the city of a wire dateline with no date at the start of a line
// ("MOSCOW (AP) -", "KYIV, Ukraine (AP) -"; dated ones are dropped in prepare).
func (st *docState) datelinePlace(p *placeRef) bool {
	ls := strings.LastIndexByte(st.text[:p.start], '\n') + 1
	if strings.TrimSpace(st.text[ls:p.start]) != "" {
		return false
	}
	name := st.text[p.start:p.end]
	if len(name) < 3 || strings.ToUpper(name) != name {
		return false
	}
	rest := st.text[p.end:min(len(st.text), p.end+16)]
	i := strings.IndexByte(rest, '(')
	return i >= 0 && !strings.ContainsAny(rest[:i], ".\n")
}

// contextRegion is the region for a trigger sentence that names none.
func (st *docState) contextRegion(si int, titlePlaces []*placeRef, repReg string) (string, *domain.Span) {
	if len(titlePlaces) > 0 {
		sp := st.span("region", titlePlaces[0].start, titlePlaces[0].end, ruleContext)
		return titlePlaces[0].region, &sp
	}
	for _, o := range st.sOffs[si] {
		sp := st.span("region", o.start, o.end, ruleOfficialR)
		return o.o.Region, &sp
	}
	if st.lastRegion != "" {
		sp := st.lastRegSpn
		return st.lastRegion, &sp
	}
	if repReg != "" {
		return repReg, nil
	}
	if st.speakerReg != "" {
		return st.speakerReg, nil
	}
	if st.titleReg != "" {
		return st.titleReg, nil
	}
	// "…, тракторист ранен. Об этом сообщил глава администрации Суджанского района": the speaker
	// the next sentence names tells the region
	if si+1 < len(st.sents) {
		ng := st.group(si + 1)
		// ("… по Білопільській громаді. Загинув чоловік, повідомив начальник Сумської ОВА": the
		// next sentence's casualties and speaker are the same report's)
		sameReport := len(ng[catAboutThis]) > 0 || len(ng[catKilled])+len(ng[catInjured])+len(ng[catNoCas]) > 0
		if sameReport && len(ng[catSpeech]) > 0 {
			for _, o := range st.sOffs[si+1] {
				sp := st.span("region", o.start, o.end, ruleOfficialR)
				return o.o.Region, &sp
			}
			for i := range st.sPlaces[si+1] {
				if p := &st.sPlaces[si+1][i]; p.region != "" && st.inTitle(si+1, ng, p) {
					sp := st.span("region", p.start, p.end, ruleContext)
					return p.region, &sp
				}
			}
		}
	}
	return "", nil
}

func placeName(ps []*placeRef) string {
	name := ""
	for _, p := range ps {
		if p.kind != domain.DistrictPlace && p.kind != domain.SettlementPlace {
			continue
		}
		if name != "" && name != p.name {
			return "" // several places: the row has none
		}
		name = p.name
	}
	return name
}

// simpleRow makes one row for region reg.
func (st *docState) simpleRow(si int, g sentHits, kind domain.Kind, trig []hit, cnums []number, drones []hit, reg string, ps []*placeRef,
	mk func(domain.Kind, string, string, string, *int, string, []domain.Span) *row) *row {
	var mineBuf [8]*placeRef
	mine := mineBuf[:0]
	for _, p := range ps {
		if p.region == reg {
			mine = append(mine, p)
		}
	}
	ev := append(make([]domain.Span, 0, 8), st.span("kind", trig[0].start, trig[0].end, trig[0].p.triggerRule)) // room for region, place, count, date, reporter, killed, injured
	rule := ruleSimple
	if len(mine) > 0 {
		ev = append(ev, st.span("region", mine[0].start, mine[0].end, ruleSimple))
	} else {
		rule = ruleContext
	}
	place := placeName(mine)
	if place != "" {
		for _, p := range mine {
			if p.name == place {
				ev = append(ev, st.span("place", p.start, p.end, rulePlace))
				break
			}
		}
	} else if fp, ok := st.foreignDistrict(si); ok {
		// "the Dzhezkazgan district within Russia's Kaluga region": the row keeps the place as the
		// report wrote it (the place_not_in_region flag says what it really is)
		place = asWritten(fp.text)
		ev = append(ev, st.span("place", fp.start, fp.end, rulePlace))
	}
	cnt, csp := st.countNear(g, cnums, drones, trig, trig[0].t0)
	if kind == domain.Debris && csp != nil && !st.inDebrisPhrase(trig, *csp) {
		// "збили 9 дронів, уламки пошкодили склад": the nine are the intercept's; the debris row
		// counts only drones its own phrase names ("уламки одного з них", "debris of a drone")
		cnt, csp = nil, nil
	}
	if kind == domain.Impact {
		// "8 ударів", "13 влучань": a figure right before the impact noun
		for _, n := range cnums {
			if startsAt(trig, n.t1) {
				v := n.value
				cnt = &v
				sp := st.span("count", n.start, n.end, ruleCount)
				csp = &sp
				if n.hedged {
					cnt = nil
				}
			}
		}
	}
	if cnt != nil && *cnt == 1 && csp != nil {
		// "один БПЛА попал в дом ..., другой — в ...": one and another
		for _, h := range g[catAnother] {
			if h.p.tag == "" && h.start > csp.End && !(kind == domain.Impact && hitBetween(g[catDebris], csp.End, h.start)) {
				// (not "a drone hit the depot, and debris from another drone ...": the other is the debris')
				v := 2
				cnt = &v
				break
			}
		}
	}
	if csp != nil {
		ev = append(ev, *csp)
	}
	if n := st.figureMore(si, g, csp); cnt != nil && n != nil && kind == domain.Intercept {
		v := *cnt + n.value
		cnt = &v
		ev = append(ev, st.span("count", n.start, n.end, ruleCount))
	}
	if cnt != nil && csp != nil && csp.Rule == ruleCount {
		for i, n := range cnums {
			if n.start == csp.Start {
				if more := st.typeListSum(g, cnums, i); len(more) > 0 {
					v := *cnt
					for _, m := range more {
						v += m.value
						ev = append(ev, st.span("count", m.start, m.end, ruleCount))
					}
					cnt = &v
				}
				break
			}
		}
	}
	return mk(kind, reg, regionCountry(reg), place, cnt, rule, ev)
}

// moreWere: "Six more were downed over the Sea of Azov", with no drone word before the figure in
// its sentence (after "A drone was shot down, and two more were destroyed" the two add to the
// one: figureMore).
func (st *docState) moreWere(g sentHits, n number, h hit) bool {
	if h.t0 != n.t1+2 || n.t1+1 >= len(st.toks) || st.toks[n.t1].s != "more" {
		return false
	}
	if s := st.toks[n.t1+1].s; s != "were" && s != "was" {
		return false
	}
	for _, d := range g[catDrone] {
		if d.t1 <= n.t0 {
			return false
		}
	}
	return true
}

// figureMore: "A drone was shot down ..., and two more were destroyed": an exact figure after the
// row's count span, then "more" and a downing word within three words; no place after it (that
// would be a breakdown: "five over Bryansk and two more over Kursk").
func (st *docState) figureMore(si int, g sentHits, csp *domain.Span) *number {
	if csp == nil {
		return nil
	}
	for i := range st.sNums[si] {
		n := &st.sNums[si][i]
		if n.start <= csp.End || n.hedged || n.ordinal || n.t1 >= len(st.toks) || st.toks[n.t1].s != "more" {
			continue
		}
		if _, ok := nearHit(g[catIntercept], n.t1+1, n.t1+1, 0, 3); !ok {
			continue
		}
		for _, p := range st.sPlaces[si] {
			if p.t0 > n.t0 {
				return nil
			}
		}
		return n
	}
	return nil
}

// collectiveNum: the Russian collective numerals, used of people ("двое раненых", "пятеро").
var collectiveNum = map[string]bool{
	"двое": true, "двоих": true, "трое": true, "троих": true, "четверо": true, "четверых": true,
	"пятеро": true, "пятерых": true, "шестеро": true, "шестерых": true, "семеро": true, "семерых": true,
	"восьмеро": true, "восьмерых": true, "девятеро": true, "девятерых": true, "десятеро": true, "десятерых": true,
}

// countNear finds the drone count for a trigger at token t: the figure next to a drone word
// nearest to it, else 1 for a singular drone word or verb, else null.
func (st *docState) countNear(g sentHits, cnums []number, drones []hit, trig []hit, t int) (*int, *domain.Span) {
	// A figure tied to a drone word ("40 drones", "one of the drones", "37 of them") beats a
	// figure that merely follows the verb ("shot down 12", "destroyed across four cities").
	best, bestD, bestTier := -1, 1<<30, 3
	casualtyAt := func(t int) bool {
		for _, c := range []category{catKilled, catInjured, catPerson} {
			for _, h := range g[c] {
				if h.t0 == t || h.t0 == t+1 {
					return true
				}
			}
		}
		return false
	}
	for i, n := range cnums {
		tier := 3
		if casualtyAt(n.t1) && !st.isDroneAt(g, n.t1) {
			// "Five killed in a drone strike": people, not drones (but "сбиты три беспилотника,
			// пострадавших нет" counts the drones)
			continue
		}
		if n.value >= 2 && n.value <= 10 && collectiveNum[strings.ToLower(st.text[n.start:n.end])] {
			continue // "погибли трое": a collective numeral counts people, never drones
		}
		if h, ok := st.droneAfter(g, cnums, n.t1, 4); ok && !st.adjunct(h) {
			tier = 0 // not "54 drone attacks"
		}
		for _, h := range g[catTotal] {
			if h.t0 == n.t1 && h.p.tag == "total" {
				tier = 0 // "37 из них", "63 in total"
			}
		}
		for _, h := range g[catOfWhich] {
			if h.t1 == n.t0 || h.t1 == n.t0-1 {
				tier = 0 // "of which 58 were shot down", "з яких 40 збито"
			}
			if h.t0 == n.t1 {
				for _, tr := range trig {
					if tr.t0 >= h.t1 && tr.t0 <= h.t1+2 {
						tier = -1 // "Two drones attacked the town, one of which hit a house": the one that hit, over the two
					}
				}
			}
		}
		if n.value == 1 && tier > 0 {
			if _, ok := st.droneAfter(g, cnums, n.t1, 3); ok {
				tier = 0
			}
		}
		for _, h := range trig {
			if h.p.cat != catIntercept || tier == 0 {
				continue
			}
			if n.t0 == h.t1 || st.passiveBefore(n, h) {
				tier = min(tier, 1)
			} else if n.t0 == h.t1+1 || n.t1 == h.t0 && endsAt(g[catDrone], n.t0) || st.moreWere(g, n, h) {
				// ("дронов — десять — сбили": the drone noun, the figure, the verb)
				tier = min(tier, 2)
			}
		}
		if tier < 2 && n.t0 > 0 && wholeOf[st.toks[n.t0-1].s] {
			tier = 2 // "Из 45 беспилотников … сбиты 38": the figure after "из" is the whole, not the downed
		}
		if tier == 3 {
			continue
		}
		d := n.t0 - t
		if d < 0 {
			d = -d
		}
		if tier < bestTier || (tier == bestTier && d < bestD) {
			best, bestD, bestTier = i, d, tier
		}
	}
	if best >= 0 {
		n := cnums[best]
		sp := st.span("count", n.start, n.end, ruleCount)
		if n.hedged {
			sp.Rule = ruleHedged
			return nil, &sp
		}
		v := n.value
		return &v, &sp
	}
	// singular drone noun or verb
	for _, h := range drones {
		if h.p.tag == "sg" {
			// "one of several drones" is handled above; a plural verb near it overrides
			pl := false
			for _, tr := range trig {
				if tr.p.tag == "pl" {
					pl = true
				}
			}
			if !pl && !st.pluralContext(g, h) {
				v := 1
				sp := st.span("count", h.start, h.end, ruleCountSg)
				return &v, &sp
			}
		}
	}
	for _, tr := range trig {
		// "a strike" is no count of drones; "уничтожен надводный беспилотник" is no UAV
		if tr.p.tag == "sg" && tr.p.cat != catImpact && len(g[catNotDrone]) == 0 {
			plural := false
			for _, h := range drones {
				if h.p.tag == "pl" {
					plural = true
				}
			}
			if !plural {
				v := 1
				sp := st.span("count", tr.start, tr.end, ruleCountSg)
				return &v, &sp
			}
		}
	}
	return nil, nil
}

// regionAnaphor: the sentence speaks of "the region" in the singular, without naming it.
func (st *docState) regionAnaphor(g sentHits) bool {
	for _, h := range g[catRegionWord] {
		if h.t1-h.t0 == 1 && singularRegionWord[st.toks[h.t0].s] {
			return true
		}
	}
	return false
}

// singularRegionWord: the singular forms of the region words ("регионов", "regions" are many).
var singularRegionWord = map[string]bool{
	"region": true, "oblast": true, "province": true,
	"регион": true, "региона": true, "региону": true, "регионом": true, "регионе": true,
	"область": true, "области": true, "областью": true,
	"регіон": true, "регіону": true, "регіоном": true, "регіоні": true, "області": true, "областю": true,
	// "над полуостровом": the peninsula named before (Crimea, or a spit of the region told)
	"peninsula": true, "полуостров": true, "полуострова": true, "полуострове": true, "полуостровом": true,
	"півострів": true, "півострова": true, "півострові": true, "півостровом": true,
}

// droneThenHit: figure n, a drone noun, then a hit word ("seven drones hit").
func droneThenHit(drones, hits []hit, n number) bool {
	for _, d := range drones {
		if d.t0 == n.t1 && startsAt(hits, d.t1) {
			return true
		}
	}
	return false
}

// placesOfLaterHit: every place of sentence si comes after a strong hit word that is told, after a
// comma, once the downing has been told: the places are the hits', not the downing's.
func (st *docState) placesOfLaterHit(si int, intercepts, impacts []hit) bool {
	if len(intercepts) == 0 || len(impacts) == 0 || len(st.sPlaces[si]) == 0 {
		return false
	}
	last := intercepts[0]
	for _, h := range intercepts {
		if h.start > last.start {
			last = h
		}
	}
	for _, h := range impacts {
		if weakImpact(h) || h.start <= last.end || !strings.Contains(st.text[last.end:h.start], ",") {
			continue
		}
		after := false
		for _, p := range st.sPlaces[si] {
			if p.kind == domain.CountryPlace || p.adjective {
				continue // "Ukraine's Air Force": the speaker's country, no place of either
			}
			if p.start < h.end {
				return false
			}
			after = true
		}
		return after
	}
	return false
}

// weakImpact: an attack word that alone tells no hit.
func weakImpact(h hit) bool { return h.p.tag == "weak" || h.p.tag == "weakcas" }

// hitBetween: one of hs lies between byte offsets from and to.
func hitBetween(hs []hit, from, to int) bool {
	for _, h := range hs {
		if h.start >= from && h.end <= to {
			return true
		}
	}
	return false
}

// hitBeforeDebris: impact word h (strong, or weak with a target: "атаковал нефтебазу") comes
// before the first debris word, with a clause boundary (a comma, semicolon or dash) between them:
// a hit told apart from the debris.
func (st *docState) hitBeforeDebris(g sentHits, h, first hit) bool {
	if weakImpact(h) && !st.hitSomething(g, h) || h.end > first.start {
		return false
	}
	return strings.ContainsAny(st.text[h.end:first.start], ",;—–")
}

// passiveBefore: the figure is the subject of the passive verb h ("54 were shot down", "12 have
// been destroyed").
func (st *docState) passiveBefore(n number, h hit) bool {
	switch h.t0 - n.t1 {
	case 1:
		s := st.toks[n.t1].s // "five were destroyed", "четырнадцать было уничтожено", "п'ять було збито"
		return s == "were" || s == "was" || s == "было" || s == "были" || s == "було" || s == "були"
	case 2:
		s := st.toks[n.t1].s
		return (s == "have" || s == "had" || s == "were") && st.toks[n.t1+1].s == "been"
	}
	return false
}

// pluralContext: a singular drone word used as a modifier ("drone attacks", "drone debris") or
// among plural drone words is not "one drone".
func (st *docState) pluralContext(g sentHits, h hit) bool {
	for _, o := range g[catDrone] {
		if o.p.tag == "pl" {
			return true
		}
	}
	return st.adjunct(h)
}

// adjunct: an English drone noun used as a modifier ("drone strike(s)", "drone attack", "drone
// debris", "UAV alert"): it counts the head noun, not drones.
func (st *docState) adjunct(h hit) bool {
	if strings.HasSuffix(h.p.raw, "'s") {
		return false // a possessive ("the drone's wreckage") is one drone's
	}
	if h.t1 < len(st.toks) {
		switch st.toks[h.t1].s {
		case "strikes", "attacks", "attack", "debris", "wreckage", "fragments", "alert", "danger", "operations", "activity", "campaign", "threat", "incursions", "warfare", "technology", "production", "units":
			return true
		}
	}
	return false
}

// breakdown reads "63 over the Bryansk Region, eight over the Yaroslavl Region, three each over
// Smolensk and Tver ..." into per-region rows plus a national row for a stated total.
func (st *docState) breakdown(si int, g sentHits, cnums []number, ps, seas []*placeRef, intercepts []hit, rep domain.Reporter, national []hit, countryMention string,
	mk func(domain.Kind, string, string, string, *int, string, []domain.Span) *row) bool {
	type item struct {
		t   int
		num *number
		pl  *placeRef
	}
	var items []item
	for i := range cnums {
		items = append(items, item{t: cnums[i].t0, num: &cnums[i]})
	}
	for _, p := range ps {
		items = append(items, item{t: p.t0, pl: p})
	}
	for _, p := range seas {
		items = append(items, item{t: p.t0, pl: p})
	}
	sort.SliceStable(items, func(a, b int) bool { return items[a].t < items[b].t })

	type group struct {
		n      *number
		places []*placeRef
		each   bool
	}
	var groups []group
	var lead []*placeRef // places before the first figure
	for _, it := range items {
		if it.num != nil {
			each := false
			for _, h := range g[catEach] {
				inside := h.t0 <= it.num.t0 && it.num.t1 <= h.t1 // "one each"
				if inside || (h.t1 <= it.num.t0 && it.num.t0-h.t1 <= 0) || (h.t0 >= it.num.t1 && h.t0-it.num.t1 <= 4 && h.p.raw != "по") {
					each = true
				}
			}
			groups = append(groups, group{n: it.num, each: each})
			continue
		}
		if len(groups) == 0 {
			lead = append(lead, it.pl)
			continue
		}
		groups[len(groups)-1].places = append(groups[len(groups)-1].places, it.pl)
	}
	if len(lead) > 0 && len(groups) > 1 && len(groups[len(groups)-1].places) == 0 {
		// "над Брянской областью уничтожены 23 БПЛА, над Курской — 11, над Орловской — 4": the
		// text names each place before its figure, so each figure takes the places before it
		var pending []*placeRef
		k := 0
		for _, it := range items {
			if it.num == nil {
				pending = append(pending, it.pl)
				continue
			}
			groups[k].places = pending
			pending = nil
			k++
		}
		lead = nil
	}
	// "Над Тамбовской и Тульской областями уничтожено по два дрона": leading places belong to the
	// first figure when it has none of its own
	if len(lead) > 0 && len(groups) > 0 && len(groups[0].places) == 0 {
		groups[0].places = lead
	}
	// a figure whose only places sit in one region chain ("village X, Y district") counts once
	perRegion := 0
	var total *number
	for gi, gr := range groups {
		if len(gr.places) == 0 {
			if total == nil && (gi == 0 || gi == len(groups)-1 && totalBeside(g, gr.n)) {
				total = gr.n // the total first, or last after its total word ("…, 13 in all", "усього сім")
			}
			continue
		}
		perRegion++
	}
	if perRegion == 0 {
		return false
	}
	trig := intercepts[0]
	trigSpan := st.span("kind", trig.start, trig.end, trig.p.triggerRule)
	for _, gr := range groups {
		if len(gr.places) == 0 {
			continue
		}
		// distinct regions of the group
		var regs []*placeRef
		for _, p := range gr.places {
			dup := false
			for _, q := range regs {
				if (p.kind == domain.WaterPlace && q.kind == domain.WaterPlace && p.name == q.name) || (p.kind != domain.WaterPlace && q.kind != domain.WaterPlace && p.region == q.region) {
					dup = true
				}
			}
			if !dup {
				regs = append(regs, p)
			}
		}
		var cnt *int
		numSpan := st.span("count", gr.n.start, gr.n.end, ruleBreakdown)
		// "13 over the Kursk region, and the Sea of Azov": the figure is the region's, the sea
		// named after it has none of its own
		seaTail := len(regs) > 1 && regs[0].kind != domain.WaterPlace
		for _, p := range regs[1:] {
			seaTail = seaTail && p.kind == domain.WaterPlace
		}
		if seaTail && !gr.each {
			for i, p := range regs {
				ev := []domain.Span{trigSpan}
				var c *int
				if i == 0 && !gr.n.hedged {
					v := gr.n.value
					c = &v
					ev = append(ev, numSpan)
				}
				if p.kind == domain.WaterPlace {
					ev = append(ev, st.span("place", p.start, p.end, ruleSea))
					mk(domain.Intercept, "", "", p.name, c, ruleBreakdown, ev)
					continue
				}
				ev = append(ev, st.span("region", p.start, p.end, ruleBreakdown))
				mk(domain.Intercept, p.region, regionCountry(p.region), "", c, ruleBreakdown, ev)
			}
			continue
		}
		if len(regs) == 1 || gr.each {
			if !gr.n.hedged {
				v := gr.n.value
				cnt = &v
			} else {
				numSpan.Rule = ruleHedged
			}
		} else if total == nil {
			// "36 drones over Bryansk, Kursk and Belgorod oblasts": a total over a list
			total = gr.n
		}
		for _, p := range regs {
			ev := append(make([]domain.Span, 0, 3), trigSpan)
			if cnt != nil || numSpan.Rule == ruleHedged {
				ev = append(ev, numSpan) // a total over a list is the national row's figure
			}
			if p.kind == domain.WaterPlace {
				ev = append(ev, st.span("place", p.start, p.end, ruleSea))
				mk(domain.Intercept, "", "", p.name, cnt, ruleBreakdown, ev)
				continue
			}
			ev = append(ev, st.span("region", p.start, p.end, ruleBreakdown))
			var same []*placeRef
			for _, q := range gr.places {
				if q.region == p.region {
					same = append(same, q)
				}
			}
			mk(domain.Intercept, p.region, regionCountry(p.region), placeName(same), cnt, ruleBreakdown, ev)
		}
	}
	if total != nil || len(national) > 0 {
		if rep == domain.MoD || rep == domain.AirForce || len(national) > 0 || countryMention != "" {
			var cnt *int
			ev := []domain.Span{trigSpan}
			if total != nil {
				sp := st.span("count", total.start, total.end, ruleTotal)
				if !total.hedged {
					v := total.value
					cnt = &v
				} else {
					sp.Rule = ruleHedged
				}
				ev = append(ev, sp)
			}
			var regs []string
			for _, p := range ps {
				regs = append(regs, p.region)
			}
			r := mk(domain.Intercept, "", st.nationalCountry(rep, countryMention, regs), "", cnt, ruleTotal, ev)
			r.total = true
		}
	}
	return true
}

// wholeOf: the word before a figure that makes it the whole the row's figure is part of.
var wholeOf = map[string]bool{"из": true, "із": true, "з": true, "of": true}

// totalBeside: a total word right before or after figure n ("13 in all", "всего 13").
func totalBeside(g sentHits, n *number) bool {
	for _, h := range g[catTotal] {
		if (h.t1 <= n.t0 && n.t0-h.t1 <= 1) || (h.t0 >= n.t1 && h.t0-n.t1 <= 1) {
			return true
		}
	}
	return false
}

// casualties reads killed/injured figures and "no casualties" in sentence si and puts them on the
// rows they are about: the rows of this sentence (debris before impact), else the latest
// impact/debris row of the story.
func (st *docState) casualties(si int, g sentHits, nums []number, created []*row, killedH, injuredH []hit) {
	var counts []number
	for _, n := range nums {
		if st.numIsCount(g, n) {
			if _, ok := st.droneAfter(g, nums, n.t1, 3); ok {
				continue
			}
			if len(counts) > 0 && endsAt(g[catPartial], n.t0) {
				continue // "Fourteen people, including three children, were injured": a part of the figure before
			}
			if n.value == 1 && n.t0 > 0 && st.toks[n.t0-1].s == "no" {
				n.value = 0 // "no one else was injured"
			}
			counts = append(counts, n)
		}
	}
	used := map[int]bool{}
	casHits := append(append([]hit{}, killedH...), injuredH...)
	// between: another casualty word lies between the figure and h ("загинула жінка, ще двоє
	// поранені": the two are the injured, not the killed)
	between := func(h hit, n number) bool {
		lo, hi := n.t1, h.t0
		if n.t0 >= h.t1 {
			lo, hi = h.t1, n.t0
		}
		for _, o := range casHits {
			if o.t0 != h.t0 && o.t0 >= lo && o.t1 <= hi {
				return true
			}
		}
		// ownFigure: casualty word o has a figure of its own right beside it ("загинув один",
		// "ще семеро поранені"), so it claims no other
		ownFigure := func(o hit) bool {
			for _, m := range counts {
				if m.start != n.start && (m.t1 == o.t0 || m.t0 == o.t1) {
					return true
				}
			}
			return false
		}
		if n.t0 >= h.t1 {
			// "two were killed and five wounded", "двое погибли, пятеро ранены": a figure right
			// before the other casualty word is that word's
			for _, o := range casHits {
				if o.p.cat != h.p.cat && o.t0 >= n.t1 && o.t0 <= n.t1+1 && !ownFigure(o) {
					return true
				}
			}
			// "three were injured and one man was killed": a figure with its person noun belongs
			// to the casualty word that follows them
			for _, p := range g[catPerson] {
				if p.t0 != n.t1 {
					continue
				}
				for _, o := range casHits {
					if o.p.cat != h.p.cat && o.t0 >= p.t1 && o.t0 <= p.t1+2 && !conjunction(st.toks[p.t1:o.t0]) && !ownFigure(o) {
						return true // but "killing two people and wounding five": two are h's
					}
				}
			}
		}
		return false
	}
	figure := func(hs []hit) (*int, *domain.Span) {
		var best *int
		var bsp *domain.Span
		for _, h := range hs {
			// nearest figure within 6 tokens, a singular person right next to the word first
			bi, bd := -1, 7
			if st.adjacentPerson(g, h) {
				bd = 2
			}
			for i, n := range counts {
				if used[n.start] {
					continue
				}
				d := 0
				if n.t1 <= h.t0 {
					d = h.t0 - n.t1
				} else if n.t0 >= h.t1 {
					d = n.t0 - h.t1
				} else {
					continue
				}
				if n.t0 >= h.t1 && subsetAt(st.toks, g, n.t1) {
					continue // "three were injured, one of them …": a part of the figure before h
				}
				if d < bd && !between(h, n) {
					bi, bd = i, d
				}
			}
			var v *int
			var sp domain.Span
			if bi >= 0 {
				n := counts[bi]
				used[n.start] = true
				sp = st.span("", n.start, n.end, ruleCasualty)
				if !n.hedged {
					x := n.value
					v = &x
				}
			} else if h.p.tag != "sg" && st.personPair(g, h) {
				x := 2 // "погибли мужчина и женщина"
				v = &x
				sp = st.span("", h.start, h.end, ruleCasualty)
			} else if h.p.tag == "sg" || st.singularPerson(g, h) {
				x := 1
				v = &x
				sp = st.span("", h.start, h.end, ruleCasualty)
			} else {
				continue
			}
			if v != nil && best != nil && bi >= 0 && anotherBefore(g, counts[bi]) {
				// "троє людей травмовані, ще одну людину поранено": another group of the same kind
				x := *best + *v
				best = &x
				continue
			}
			if v != nil && (best == nil || *v > *best) {
				best = v
				s := sp
				bsp = &s
			}
		}
		return best, bsp
	}
	killed, ksp := figure(killedH)
	injured, isp := figure(injuredH)
	nocas := len(g[catNoCas]) > 0 && len(g[catUnknownCas]) == 0
	noinj := len(g[catNoInj]) > 0

	if killed == nil && injured == nil && !nocas && !noinj {
		return
	}
	// target rows
	var targets []*row
	pick := func(rs []*row) []*row {
		for _, k := range []domain.Kind{domain.Debris, domain.Impact} {
			var out []*row
			for _, r := range rs {
				if r.inc.Kind == k {
					out = append(out, r)
				}
			}
			if len(out) > 0 {
				return out
			}
		}
		return nil
	}
	if killed != nil || injured != nil {
		targets = pick(created)
		if targets == nil && len(created) == 0 {
			// the latest impact/debris row of the last 3 sentences
			var recent []*row
			for i := len(st.rows) - 1; i >= 0; i-- {
				r := st.rows[i]
				if r.sent < si-3 {
					break
				}
				recent = append(recent, r)
			}
			if t := pick(recent); t != nil {
				targets = t[:1]
			}
		}
		for _, r := range targets {
			if killed != nil && (r.inc.Killed == nil || *r.inc.Killed < *killed) {
				v := *killed
				r.inc.Killed = &v
				r.inc.Evidence = append(r.inc.Evidence, withField(*ksp, "killed"))
			}
			if injured != nil && (r.inc.Injured == nil || *r.inc.Injured < *injured) {
				v := *injured
				r.inc.Injured = &v
				r.inc.Evidence = append(r.inc.Evidence, withField(*isp, "injured"))
			}
		}
	}
	if nocas || noinj {
		h := g[catNoCas]
		if noinj {
			h = append(h, g[catNoInj]...)
		}
		sp := st.span("", h[0].start, h[0].end, ruleNoCas)
		// the event: rows of this sentence, and recent rows of the same region
		var evRows []*row
		evRows = append(evRows, created...)
		if len(created) == 0 && len(st.rows) > 0 {
			last := st.rows[len(st.rows)-1]
			for i := len(st.rows) - 1; i > 0 && last.total && st.rows[i-1].sent >= si-4; i-- {
				last = st.rows[i-1] // "30 drones, including 12 over the Smolensk region. ... no casualties in the region": not the national row
			}
			reg := last.inc.Region
			for i := len(st.rows) - 1; i >= 0; i-- {
				r := st.rows[i]
				if r.sent < si-4 {
					break
				}
				if ((r.inc.Region == reg && reg != "") || (r.sent == last.sent && r.inc.Region != "")) && !r.total {
					evRows = append(evRows, r) // (and every region of the sentence just told: one event)
				}
			}
		} else if len(created) > 0 && nocas {
			// "Над Миколаївщиною збито 7 шахедів. Уламками пошкоджено ЛЕП, без постраждалих": the
			// downing just before, in the same region, is the same event
			reg := created[0].inc.Region
			for i := len(st.rows) - 1; i >= 0; i-- {
				r := st.rows[i]
				if r.sent < si-1 {
					break
				}
				if r.sent < si && r.inc.Region == reg && reg != "" && !r.total && r.inc.Kind == domain.Intercept {
					evRows = append(evRows, r)
				}
			}
		}
		for _, r := range evRows {
			if r.total {
				continue
			}
			if r.inc.Killed == nil {
				r.inc.Killed = domain.Int(0)
				r.inc.Evidence = append(r.inc.Evidence, withField(sp, "killed"))
			}
			if nocas && r.inc.Injured == nil {
				r.inc.Injured = domain.Int(0)
				r.inc.Evidence = append(r.inc.Evidence, withField(sp, "injured"))
			}
		}
	}
}

// listHeadOfRegion: sentence si names a region, ends with a colon, and the next line is a list
// line of drones ("- 3 БпЛА типу «Герань-2»;").
func (st *docState) listHeadOfRegion(si int) bool {
	if si+1 >= len(st.sents) || !strings.HasSuffix(strings.TrimSpace(st.text[st.sents[si].start:st.sents[si].end]), ":") {
		return false
	}
	region := false
	for _, p := range st.sPlaces[si] {
		region = region || (p.kind == domain.RegionPlace && !p.adjective)
	}
	return region && len(st.group(si + 1)[catDrone]) > 0 && st.listLine(si+1)
}

// attacksOfDebris drops an impact row told only by attack words when the text gives debris rows
// for the same date and region: "двоє людей постраждали внаслідок атаки дронів на Київ … уламками
// пошкоджено будинки" tells one event, the debris; the attack's casualties go to the debris row.
func (st *docState) attacksOfDebris() {
	drop := false
	type dayRegion struct{ date, region domain.NullString }
	var debris map[dayRegion]*row // the first debris row of each day and region: one pass, not rows × rows
	for _, r := range st.rows {
		if !r.attackOnly {
			continue
		}
		if debris == nil {
			debris = map[dayRegion]*row{}
			for _, d := range st.rows {
				k := dayRegion{d.inc.Date, d.inc.Region}
				if _, seen := debris[k]; !seen && d.inc.Kind == domain.Debris && d.inc.Region != "" {
					debris[k] = d
				}
			}
		}
		if d := debris[dayRegion{r.inc.Date, r.inc.Region}]; d != nil {
			if d.inc.Killed == nil {
				d.inc.Killed = r.inc.Killed
			}
			if d.inc.Injured == nil {
				d.inc.Injured = r.inc.Injured
			}
			r.attackOnly, drop = false, true
			r.inc.Kind = "" // marked for removal below
		}
	}
	if !drop {
		return
	}
	out := st.rows[:0]
	for _, r := range st.rows {
		if r.inc.Kind != "" {
			out = append(out, r)
		}
	}
	st.rows = out
}

// clauseOne: in a sentence naming several regions, the clause of place p (up to the next place
// of another region) names one drone with a singular word and no figure ("на Чернігівщині
// влучання дрона спричинило пожежу"); it returns that word.
func (st *docState) clauseOne(si int, drones []hit, cnums []number, ps []*placeRef, p *placeRef) *hit {
	end := st.sents[si].t1
	for _, q := range ps {
		if q.t0 > p.t0 && q.region != p.region && q.t0 < end {
			end = q.t0
		}
	}
	var one *hit
	for i := range drones {
		h := &drones[i]
		if h.t0 < p.t1 || h.t0 >= end {
			continue
		}
		if h.p.tag != "sg" || one != nil {
			return nil
		}
		one = h
	}
	for _, n := range cnums {
		if n.t0 >= p.t1 && n.t0 < end {
			return nil
		}
	}
	return one
}

// laterDateRow: "Вчора над Херсонщиною знищено 3 дрони, а сьогодні вночі ще 5": a second date in
// the sentence, then "ще"/"another" and a figure with no verb of its own, is the same kind of
// incident on that date.
func (st *docState) laterDateRow(si int, g sentHits, dm *dateMention, created []*row) {
	if dm == nil || len(created) != 1 || created[0].inc.Count == nil {
		return
	}
	r := created[0]
	var d2 *dateMention
	for i := range st.sDates[si] {
		d := &st.sDates[si][i]
		if d.start > dm.end && !d.weak && !d.dateline && d.known && domain.NullString(d.date) != r.inc.Date {
			d2 = d
			break
		}
	}
	if d2 == nil {
		return
	}
	for _, n := range st.sNums[si] {
		if n.start < d2.end || n.hedged || !anotherBefore(g, n) {
			continue
		}
		for _, c := range []category{catIntercept, catImpact, catDebris} {
			for _, h := range g[c] {
				if h.start > d2.end {
					return // the clause has a verb of its own: not a bare "ще 5"
				}
			}
		}
		r2 := &row{}
		*r2 = *r
		v := n.value
		r2.inc.Count, r2.inc.Date = &v, domain.NullString(d2.date)
		r2.inc.Evidence = append([]domain.Span{st.span("count", n.start, n.end, ruleCount), st.span("date", d2.start, d2.end, ruleDate+":"+d2.rule)},
			r.inc.Evidence[:1]...)
		if r.inc.Reporter != "" {
			for _, e := range r.inc.Evidence {
				if e.Field == "reporter" {
					r2.inc.Evidence = append(r2.inc.Evidence, e)
				}
			}
		}
		st.rows = append(st.rows, r2)
		return
	}
}

// noCasBefore: "… виникли пожежі. Постраждалих немає. Сили ППО знищили 21 безпілотник": the
// downing (or the debris: "There were no casualties. A power line was damaged by falling
// debris") told right after a "no casualties" sentence about the same region's rows is the same
// event, so it is casualty-free too.
func (st *docState) noCasBefore(si int, created []*row) {
	if si == 0 || len(created) == 0 || st.sents[si-1].para != st.sents[si].para {
		return
	}
	pg := st.group(si - 1)
	if len(pg[catNoCas]) == 0 || len(pg[catUnknownCas]) > 0 || len(st.rowsIn(si-1, si-1)) > 0 {
		return
	}
	sp := st.span("", pg[catNoCas][0].start, pg[catNoCas][0].end, ruleNoCas)
	for _, r := range created {
		if r.total || r.inc.Kind == domain.Impact || r.inc.Killed != nil || r.inc.Injured != nil || r.inc.Region == "" {
			continue
		}
		same := false
		for _, o := range st.rowsIn(si-3, si-2) {
			if o.inc.Region == r.inc.Region && o.inc.Killed != nil && *o.inc.Killed == 0 {
				same = true // the rows the "no casualties" sentence was said of
			}
		}
		if same {
			r.inc.Killed, r.inc.Injured = domain.Int(0), domain.Int(0)
			r.inc.Evidence = append(r.inc.Evidence, withField(sp, "killed"), withField(sp, "injured"))
		}
	}
}

// notBuildings drops the casualty words whose subject is a building ("постраждав приватний
// будинок", "постраждали будівлі"): a building word right after the word, or after one word that
// is no preposition ("травмована у будинку" is a person).
func (st *docState) notBuildings(g sentHits, hs []hit) []hit {
	var bs []hit
	for _, b := range g[catTarget] {
		if b.p.tag == "building" {
			bs = append(bs, b)
		}
	}
	if len(bs) == 0 || len(hs) == 0 {
		return hs
	}
	var out []hit
	for _, h := range hs {
		building := false
		for _, b := range bs {
			if b.t0 == h.t1 || (b.t0 == h.t1+1 && !placePrep[st.toks[h.t1].s]) {
				building = true
			}
		}
		if !building {
			out = append(out, h)
		}
	}
	return out
}

// placePrep: prepositions of place, after which a building is where a person was hurt.
var placePrep = map[string]bool{"у": true, "в": true, "на": true, "біля": true, "поблизу": true, "во": true, "возле": true}

// anotherBefore: figure n follows "ще"/"ещё" ("ще одну людину", "ще двоє").
func anotherBefore(g sentHits, n number) bool {
	for _, h := range g[catAnother] {
		if h.p.tag == "num" && h.t1 == n.t0 {
			return true
		}
	}
	return false
}

// singularPerson: "a woman was injured", "постраждав чоловік".
func (st *docState) singularPerson(g sentHits, h hit) bool {
	for _, p := range g[catPerson] {
		if p.p.tag == "sg" && p.t1 >= h.t0-5 && p.t0 <= h.t1+4 {
			return true
		}
	}
	return false
}

// personPair: right after the casualty word h, or right before it, two singular persons joined
// by "и", "and", "та", "і" ("погибли мужчина и женщина", "ранены водитель и пассажир", "injuring
// a man and a woman", "поранено чоловіка та дитину", "a man and a woman were hurt").
func (st *docState) personPair(g sentHits, h hit) bool {
	ps := g[catPerson]
	for i := 0; i+1 < len(ps); i++ {
		a, b := ps[i], ps[i+1]
		if a.p.tag != "sg" || b.p.tag != "sg" || a.t1 >= len(st.toks) || !pairJoin[st.toks[a.t1].s] {
			continue
		}
		if b.t0 != a.t1+1 && (b.t0 != a.t1+2 || !article[st.toks[a.t1+1].s]) {
			continue
		}
		if a.t0 == h.t1 || a.t0 == h.t1+1 || b.t1 == h.t0 || b.t1 == h.t0-1 {
			return true
		}
	}
	return false
}

// pairJoin and article: the words of a pair of persons ("a man and a woman").
var (
	pairJoin = map[string]bool{"и": true, "and": true, "та": true, "і": true, "й": true}
	article  = map[string]bool{"a": true, "an": true, "the": true}
)

// rangeGap reports whether the text between two dates joins them as a range.
// conjunction: the words join two clauses ("and", "и", "і", "та").
func conjunction(ts []token) bool {
	for _, t := range ts {
		switch t.s {
		case "and", "и", "і", "та", "й":
			return true
		}
	}
	return false
}

// betweenGap: "between 8 p.m. on Sunday and 7 a.m. on Monday", "между ... и ...", "між ... та ...".
func betweenGap(before, gap string) bool {
	b, g := strings.ToLower(before), " "+strings.ToLower(gap)+" "
	for _, w := range [...][2]string{{"between", " and "}, {"между", " и "}, {"між", " та "}, {"між", " і "}} {
		if strings.Contains(b, w[0]) && strings.Contains(g, w[1]) {
			return true
		}
	}
	return false
}

func rangeGap(gap string) bool {
	g := " " + strings.ToLower(gap) + " "
	for _, w := range []string{" to ", " until ", " till ", " до ", " по ", " — ", " – ", " - "} {
		if strings.Contains(g, w) {
			return true
		}
	}
	return false
}

// anotherCue: the sentence adds to what was said before ("another drone", "ещё четыре дрона").
// Cues tagged "num" count only right before a figure.
func (st *docState) anotherCue(g sentHits, nums []number) bool {
	for _, h := range g[catAnother] {
		if h.p.tag == "near" {
			// "another alarming incident, when a drone exploded": a drone or an event word close after
			for _, c := range []category{catDrone, catIncident} {
				if _, ok := nearHit(g[c], h.t1, h.t1, 0, 3); ok {
					return true
				}
			}
			for _, n := range nums {
				if n.t0 == h.t1 {
					return true // "another three were destroyed"
				}
			}
			continue
		}
		if h.p.tag != "num" {
			return true
		}
		for _, n := range nums {
			if n.t0 == h.t1 {
				return true
			}
		}
	}
	return false
}

// tallyContinues: sentence si has no verb of its own but reads as the regional breakdown of an
// intercept tally in the sentence just before ("Of them, 22 over Bryansk, 9 over Kursk ...").
func (st *docState) tallyContinues(si int, g sentHits) bool {
	if len(st.lastIntercepts) == 0 {
		return false
	}
	if st.lastInterceptSent != si-1 && (st.lastInterceptSent != si-2 || !st.leadLine(si-1)) {
		return false
	}
	regions := 0
	for _, p := range st.sPlaces[si] {
		if p.kind == domain.RegionPlace || p.kind == domain.WaterPlace {
			regions++
		}
	}
	figures := 0
	for _, n := range st.sNums[si] {
		if st.numIsCount(g, n) {
			figures++
		}
	}
	lead := false
	for _, h := range g[catTotal] {
		if h.t0 <= st.sents[si].t0+2 {
			lead = true
		}
	}
	if figures >= 1 && (regions >= 2 || (lead && regions >= 1)) {
		return true
	}
	// one line of a list after a colon: "…brought down 30 drones:\n20 in Vinnytsia Oblast,\n6 in …"
	if figures >= 1 && regions == 1 && st.listLine(si) {
		st.contLine = si + 1
		return true
	}
	return false
}

// typeListSum gives the figures that follow figure b in a list of drone types within the
// sentence ("три БпЛА типу «Молнія»; один FPV-дрон і два БпЛА невідомого типу"): each figure
// right before its drone word, after the previous one's drone word and at most two words of its
// type, across a ";", "," or "і/та".
func (st *docState) typeListSum(g sentHits, cnums []number, b int) []number {
	var out []number
	prev := cnums[b]
	for i := b + 1; i < len(cnums); i++ {
		n := cnums[i]
		if n.hedged {
			break
		}
		d, ok := st.droneAfter(g, cnums, n.t1, 1)
		pd, pok := st.droneAfter(g, cnums, prev.t1, 1)
		if !ok || !pok || n.t0 < pd.t1 || n.t0-pd.t1 > 3 || anotherBefore(g, n) {
			break
		}
		own := false // "збито 5 дронів, 2 дрони влучили у склад": a figure with its own verb
		for _, c := range []category{catIntercept, catImpact, catDebris} {
			for _, h := range g[c] {
				own = own || (h.t0 >= d.t1 && h.t0 <= d.t1+3)
			}
		}
		if own {
			break
		}
		gap := st.text[pd.end:n.start]
		if !strings.ContainsAny(gap, ";,") && !strings.Contains(gap, " і ") && !strings.Contains(gap, " та ") {
			break
		}
		out = append(out, n)
		prev = n
	}
	return out
}

// typeListLine reads sentence si as one line of a list of drone types under st.listRow ("- 11
// FPV-дронів;"): its figure adds to the row's count. A line of another weapon ("- 2 КАБи") adds
// nothing but keeps the list going.
func (st *docState) typeListLine(si int, g sentHits) bool {
	r := st.listRow
	if r == nil || st.listSent != si-1 || !st.listLine(si) {
		return false
	}
	for _, p := range st.sPlaces[si] {
		if p.kind == domain.RegionPlace {
			return false // a breakdown by region, not by type
		}
	}
	n := st.sNums[si][0]
	st.listSent = si
	if _, ok := st.droneAfter(g, st.sNums[si], n.t1, 3); !ok || n.hedged {
		return true
	}
	v := n.value
	if st.listN > 0 && r.inc.Count != nil {
		v += *r.inc.Count
	}
	st.listN++
	r.inc.Count = &v
	r.sent = si // the row reads on to here: "Без постраждалих" after the list is about it (it is the last row)
	r.inc.Evidence = append(r.inc.Evidence, st.span("count", n.start, n.end, ruleCount))
	return true
}

// listLine: sentence si opens with a figure and follows a line that ends with a colon or a comma.
func (st *docState) listLine(si int) bool {
	if si == 0 || len(st.sNums[si]) == 0 {
		return false
	}
	prev := strings.TrimRight(st.text[st.sents[si-1].start:st.sents[si-1].end], " \t\r\n\"»”")
	if st.tableLine(si) {
		// "Bryansk region: 15" under a colon, or under the line before of the same table
		return strings.HasSuffix(prev, ":") || st.tableLine(si-1)
	}
	if st.sNums[si][0].t0 != st.sents[si].t0 {
		return false
	}
	return strings.HasSuffix(prev, ":") || strings.HasSuffix(prev, ",") || strings.HasSuffix(prev, ";")
}

// leadLine: sentence si only announces the list below it ("It gave the following breakdown:"):
// no figure, and a colon at its end.
func (st *docState) leadLine(si int) bool {
	return len(st.sNums[si]) == 0 && len(st.rowsIn(si, si)) == 0 &&
		strings.HasSuffix(strings.TrimSpace(st.text[st.sents[si].start:st.sents[si].end]), ":")
}

// tableLine: sentence si is a line of a table of figures, a name, a separator and one figure at
// the end ("Bryansk region: 15", "Курская область — 8").
func (st *docState) tableLine(si int) bool {
	s := st.sents[si]
	ns := st.sNums[si]
	if len(ns) != 1 || ns[0].t1 != s.t1 || ns[0].t0 <= s.t0 {
		return false
	}
	sep := strings.Trim(st.text[st.toks[ns[0].t0-1].end:ns[0].start], " \t")
	return sep == ":" || sep == "—" || sep == "–" || sep == "-"
}

// adjacentPerson: a singular person noun directly before or after a casualty word ("загинула
// жінка", "a woman was killed").
func (st *docState) adjacentPerson(g sentHits, h hit) bool {
	for _, p := range g[catPerson] {
		if p.p.tag == "sg" && (p.t0 == h.t1 || p.t1 == h.t0 || p.t0 == h.t1+1 || p.t1 == h.t0-1) {
			return true
		}
	}
	return false
}

// outOf: the words between two figures say "N out of M" ("з", "із", "из", "of", "of the", "out of").
func outOf(ts []token) bool {
	for _, t := range ts {
		switch t.s {
		case "з", "із", "из", "of", "the", "out":
		default:
			return false
		}
	}
	return len(ts) > 0
}

// isOrigin: place p is named as where drones came from, within a few words after "launched from",
// "з напрямків", "с направления" (a list of origins included).
func (st *docState) isOrigin(g sentHits, p *placeRef) bool {
	for _, h := range g[catOrigin] {
		if h.t1 <= p.t0 && p.t0-h.t1 <= 8 {
			for _, t := range g[catIntercept] {
				if t.t0 >= h.t1 && t.t0 < p.t0 {
					return false // a verb between: the place is where they were downed
				}
			}
			return true
		}
	}
	return false
}

// strayDistrict: p is a district (by its generic word) or a small settlement of a region the text
// never names, in a sentence that names no region, while the text does name regions of the same
// country. Such a reading is a namesake elsewhere; the place-not-in-region check still sees
// districts next to a region named in the same sentence.
func (st *docState) strayDistrict(si int, p *placeRef) bool {
	district := p.kind == domain.DistrictPlace && p.generic == domain.DistrictPlace
	village := p.kind == domain.SettlementPlace && (p.place.Population < bigCity || villageWord(p.text)) // "in the village of Gorodishche"
	if !(district || village) || p.region == "" {
		return false
	}
	for i := range st.sPlaces[si] {
		if st.sPlaces[si][i].kind == domain.RegionPlace {
			return false
		}
	}
	// regions named as regions or big cities, and officials' regions ("Governor Vyacheslav
	// Gladkov … in the village of Nikolskoye": the official's region is the story's)
	named, sameCountry := st.regionsNamed(p.region)
	if city, ok := cityInRegion[p.region]; ok && !named {
		// "flying towards Moscow ... over the Podolsk urban district": the oblast around the city
		named, _ = st.regionsNamed(city)
	}
	return !named && sameCountry
}

// cityInRegion: the region around a city that is a region of its own.
var cityInRegion = map[string]string{"RU-MOS": "RU-MOW", "RU-LEN": "RU-SPE", "UA-32": "UA-30", "UA-43": "UA-40"}

// directionPlace: p is where drones were heading ("flying towards Moscow", "on their approach
// to Moscow", "на подлете к Москве", "на підльоті до Москви"), not where anything happened.
func (st *docState) directionPlace(p *placeRef) bool {
	if p.t0 < 1 {
		return false
	}
	switch st.toks[p.t0-1].s {
	case "towards", "toward", "approaching":
		return true
	case "на":
		// "летевший на Москву", "летевших в сторону Москвы" (в сторону: below), "що летіли на Київ"
		if p.t0 >= 2 {
			w := st.toks[p.t0-2].s
			return strings.HasPrefix(w, "летев") || strings.HasPrefix(w, "летящ") || strings.HasPrefix(w, "летіл") || strings.HasPrefix(w, "летів")
		}
	case "сторону", "напрямку":
		return p.t0 >= 2 && (st.toks[p.t0-2].s == "в" || st.toks[p.t0-2].s == "у")
	case "to", "к", "до":
		if p.t0 >= 2 {
			switch st.toks[p.t0-2].s {
			case "flying", "heading", "approach", "way", "подлете", "подлёте", "підльоті":
				return true
			}
		}
	}
	return false
}

// cityDistrict: place p, with a "district" word, is written as a district of a big city of
// another region right beside it ("Kharkiv's Kyivskyi district", "the Kyivskyi district of
// Kharkiv"); the city's districts are often named after other cities.
func (st *docState) cityDistrict(si int, p *placeRef) bool {
	if p.generic != domain.DistrictPlace || p.region == "" {
		return false
	}
	for i := range st.sPlaces[si] {
		q := &st.sPlaces[si][i]
		if q.kind != domain.SettlementPlace || q.place.Population < bigCity || q.region == p.region || q.region == "" {
			continue
		}
		poss := st.text[max(q.start, q.end-4):min(len(st.text), q.end+4)]
		if (q.t1 == p.t0 && (strings.Contains(poss, "'s") || strings.Contains(poss, "’s"))) || (q.t0 == p.t1+1 && st.toks[p.t1].s == "of") {
			return true
		}
	}
	return false
}

// hitSomething: a weak attack word has a concrete object right after it ("a drone attacked a
// car", "дрон атаковал жителя"): the attack is an impact even when no damage is described.
func (st *docState) hitSomething(g sentHits, h hit) bool {
	for _, n := range g[catNoDamage] {
		if n.p.tag == "neg" {
			return false // "упал на территории аэропорта, повреждений нет": it fell, it hit nothing
		}
	}
	_, ok := nearHit(g[catTarget], h.t1, h.t1, 0, 4)
	return ok
}

// cityAdministrations reads "Київської МВА", "Київської міської військової адміністрації",
// "Киевской городской администрации" as the city of Kyiv (UA-30), not Kyiv Oblast: the city
// administration's adjective has the oblast's form.
func (st *docState) cityAdministrations() {
	city, ok := st.x.g.Region("UA-30")
	if !ok {
		return
	}
	for i := range st.places {
		p := &st.places[i]
		if p.region != "UA-32" || p.kind != domain.RegionPlace || p.t1 >= len(st.toks) {
			continue
		}
		switch st.toks[p.t1].s {
		case "мва", "міської", "міська", "городской", "городская", "city":
			p.setPlace(city)
		}
	}
}

// isDateline reports whether the date mention starting at byte b is the report's dateline.
func (st *docState) isDateline(b int) bool {
	d, ok := st.dateStartingAt(b)
	return ok && d.dateline
}

// officialNamed: sentence si names a known official.
func (st *docState) officialNamed(si int) bool { return len(st.sOffs[si]) > 0 }

// villagesOfDistricts reads "в селе Октябрьское Белгородского района" as the village of that
// district: its reading in the district's region when it has one, else the district's region.
func (st *docState) villagesOfDistricts() {
	for i := 0; i+1 < len(st.places); i++ {
		p, q := &st.places[i], st.places[i+1]
		if p.kind != domain.SettlementPlace || q.kind != domain.DistrictPlace || q.region == "" || p.region == q.region {
			continue
		}
		if q.t0 != p.t1 && !(q.t0 == p.t1+1 && (st.toks[p.t1].s == "в" || st.toks[p.t1].s == "in")) &&
			!(q.t0 == p.t1+2 && st.toks[p.t1].s == "in" && st.toks[p.t1+1].s == "the") {
			continue // (also "the village of Murom in the Shebekino district")
		}
		moved := false
		for _, a := range p.alts {
			if a.Kind == domain.SettlementPlace && a.Region == q.region {
				p.setPlace(a)
				moved = true
				break
			}
		}
		if !moved {
			p.region, p.country = q.region, q.country
		}
	}
}

// debrisOfOne: debris rows of sentence si that name no drone are the debris of the one drone the
// sentence before told downed in the same region ("Уничтожен беспилотник. Обломки повредили
// кровлю дома"); after several drones their number is not told.
func (st *docState) debrisOfOne(si int, created []*row) {
	for _, r := range created {
		if r.inc.Kind != domain.Debris || r.inc.Count != nil {
			continue
		}
		for _, q := range st.rows {
			if q.sent != si-1 || q.inc.Kind != domain.Intercept || q.inc.Region != r.inc.Region || q.inc.Region == "" ||
				q.inc.Count == nil || *q.inc.Count != 1 {
				continue
			}
			for _, sp := range q.inc.Evidence {
				if sp.Field == "count" {
					r.inc.Count = domain.Int(1)
					r.inc.Evidence = append(r.inc.Evidence, sp)
					break
				}
			}
			break
		}
	}
}

// damageNext: the sentence after si tells damage or casualties ("destroyed" there of drones is no
// damage).
func (st *docState) damageNext(si int) bool {
	if si+1 >= len(st.sents) {
		return false
	}
	ng := st.group(si + 1)
	return len(without(ng[catDamage], ng[catNoCas], ng[catNoDamage], ng[catIntercept])) > 0 || len(ng[catKilled])+len(ng[catInjured]) > 0
}

// oneOfThem: "из них" ("of them") right before the word h: its subject is drones told before.
func (st *docState) oneOfThem(g sentHits, h hit) bool {
	for _, o := range g[catOfWhich] {
		if o.t1 <= h.t0 && h.t0-o.t1 <= 2 {
			return true
		}
	}
	return false
}

// damageNextStrict is damageNext where a casualty word inside a no-casualties phrase
// ("Пострадавших нет") is none: debris that fell in a field hurt nobody (while "ВСУ атаковали
// село. Пострадавших нет." still tells of an attack that hit).
func (st *docState) damageNextStrict(si int) bool {
	if si+1 >= len(st.sents) {
		return false
	}
	ng := st.group(si + 1)
	cas := without(ng[catKilled], ng[catNoCas], ng[catNoInj])
	cas = append(cas, without(ng[catInjured], ng[catNoCas], ng[catNoInj])...)
	return len(without(ng[catDamage], ng[catNoCas], ng[catNoDamage], ng[catIntercept])) > 0 || len(cas) > 0
}

// launchedAt returns the index in counts of a sentence's drones-launched figure ("атакував 50
// ударними БпЛА", "launched 72 drones"), or -1.
func (st *docState) launchedAt(g sentHits, counts []number) int {
	at := -1
	for _, h := range g[catLaunched] {
		for i, n := range counts {
			// ("attacked Ukraine overnight on Dec. 23 with 76 drones": further, right after "with")
			// (and not across a clause: "104 drones launched overnight, adding that six drones hit")
			if n.t0 > h.t0 && (n.t0 <= h.t1+4 || (n.t0 <= h.t1+8 && st.toks[n.t0-1].s == "with")) && !hitWordAt(g, n.t1) &&
				!strings.ContainsAny(st.text[h.end:n.start], ",;") {
				// ("атакував Запоріжжя: два влучання ударних БпЛА" counts hits, not launches)
				if _, ok := st.droneAfter(g, counts, n.t1, 4); ok {
					at = i
					break
				}
			}
			// "Of the 90 drones Russia launched, 54 were shot down": the figure after "of (the)"
			// that the launched verb follows
			if n.t0 < h.t0 && h.t0-n.t1 <= 4 && n.t0 > 0 && len(counts) > 1 && at < 0 {
				b := n.t0 - 1
				if st.toks[b].s == "the" && b > 0 {
					b--
				}
				if st.toks[b].s == "of" {
					if _, ok := st.droneAfter(g, counts, n.t1, 3); ok {
						at = i
					}
				}
			}
		}
	}
	return at
}

// hitWordAt: an impact word starts at token t, and it is not the drones' type ("104 attack
// drones").
func hitWordAt(g sentHits, t int) bool {
	for _, h := range g[catImpact] {
		if h.t0 == t && !startsAt(g[catDrone], h.t1) {
			return true
		}
	}
	return false
}

// repelledNext: the next sentence of the paragraph tells drones downed and debris.
func (st *docState) repelledNext(si int) bool {
	if si+1 >= len(st.sents) || st.sents[si+1].para != st.sents[si].para {
		return false
	}
	ng := st.group(si + 1)
	return len(ng[catIntercept]) > 0 && len(ng[catDebris]) > 0
}

// clauseBetween: a conjunction between tokens a and b opens a clause of its own ("debris after
// air defences shot down a drone": the downing is told, not a participle of the debris).
func (st *docState) clauseBetween(a, b int) bool {
	for t := a; t < b && t < len(st.toks); t++ {
		switch st.toks[t].s {
		case "after", "when", "as", "once", "після", "после", "когда", "коли":
			return true
		}
	}
	return false
}

// inDroneNoun: hit h lies inside a longer drone noun ("strike" in "strike drones"). English
// compounds only: in "атаки FPV-дрона" the attack governs the drone, it is an attack.
func inDroneNoun(text string, drones []hit, h hit) bool {
	for i := h.start; i < h.end; i++ {
		if text[i] >= 0x80 {
			return false
		}
	}
	for _, d := range drones {
		if d.t0 <= h.t0 && h.t1 <= d.t1 && d.t1-d.t0 > h.t1-h.t0 {
			return true
		}
	}
	return false
}

// endsAt: one of hs ends right before token t.
// subsetAt: a phrase that takes a part of a group ("of them", "из них", "з них") starts at token t.
func subsetAt(toks []token, g sentHits, t int) bool {
	for _, c := range []category{catOfWhich, catTotal} {
		for _, h := range g[c] {
			if h.t0 == t {
				switch toks[t].s {
				case "of", "из", "з", "із":
					return true
				}
			}
		}
	}
	return false
}

func endsAt(hs []hit, t int) bool {
	for _, h := range hs {
		if h.t1 == t {
			return true
		}
	}
	return false
}

// startsAt: one of hs starts at token t.
func startsAt(hs []hit, t int) bool {
	for _, h := range hs {
		if h.t0 == t {
			return true
		}
	}
	return false
}

// figureBeside: the figure span sits right before or after the trigger ("влучання 14 ударних
// БпЛА", "13 влучань").
func (st *docState) figureBeside(trig hit, sp domain.Span) bool {
	t0, t1 := tokenAt(st.toks, sp.Start), tokenAt(st.toks, sp.End-1)+1
	if t0 == trig.t1 || t1 == trig.t0 {
		return true
	}
	// "Eighteen drones hit targets": the figure and its drone noun, then the verb
	for _, h := range st.hits {
		if h.p.cat == catDrone && h.t0 == t1 && h.t1 == trig.t0 {
			return true
		}
	}
	return false
}

// attributeOpen gives the rows of sentences from..to that have no reporter yet the one named in
// sentence si.
func (st *docState) attributeOpen(from, to int, rep domain.Reporter, sp domain.Span, si int) {
	for _, r := range st.rowsIn(from, to) {
		if r.inc.Reporter == "" && r.repSent < 0 {
			st.attribute(r, rep, sp, si)
		}
	}
}

// attribute gives row r the reporter named in sentence si. A national total learns its country
// from who reports it: the air force's totals are Ukraine's, the ministry's Russia's.
func (st *docState) attribute(r *row, rep domain.Reporter, sp domain.Span, si int) {
	r.inc.Reporter = domain.NullString(rep)
	r.repSent = si
	if strings.HasPrefix(sp.Field, "title.") {
		r.inc.Evidence = append(r.inc.Evidence, withField(sp, "title.reporter"))
	} else {
		r.inc.Evidence = append(r.inc.Evidence, withField(sp, "reporter"))
	}
	if r.total && r.inc.Region == "" {
		switch rep {
		case domain.AirForce:
			r.inc.Country = "UA"
		case domain.MoD:
			r.inc.Country = "RU"
		}
	}
}

// inDebrisPhrase: the figure span lies within a few words after a debris word.
func (st *docState) inDebrisPhrase(debris []hit, sp domain.Span) bool {
	t := tokenAt(st.toks, sp.Start)
	for _, d := range debris {
		if (t >= d.t1 && t <= d.t1+4) || t == d.t0-1 { // or right before it: "the drone's wreckage"
			return true
		}
	}
	return false
}

// titleReporter gives rows that no sentence attributes the speaker their title names
// ("Повітряні сили: у ніч на 23 жовтня збито 40 із 50 дронів").
func (st *docState) titleReporter(title string) {
	if title == "" {
		return
	}
	var open []*row
	for _, r := range st.rows {
		if r.inc.Reporter == "" {
			open = append(open, r)
		}
	}
	if len(open) == 0 {
		return
	}
	st.title(title)
	for _, c := range []struct {
		cat category
		rep domain.Reporter
	}{{catRepAirForce, domain.AirForce}, {catRepMoD, domain.MoD}, {catRepGovernor, domain.Governor}, {catRepOther, domain.OtherOfficial}, {catRepMedia, domain.Media}} {
		for _, h := range st.titleHits {
			if h.p.cat != c.cat || h.p.tag == "head" {
				// ("Гладков: глава поселения погиб": a title's head is whom it tells of)
				continue
			}
			sp := domain.Span{Field: "title.reporter", Start: h.start, End: h.end, Text: title[h.start:h.end], Rule: ruleReporter}
			for _, r := range open {
				st.attribute(r, c.rep, sp, -1)
			}
			return
		}
	}
}

// misnamedRegion: p is a region named right after a district (its genitive: "районі Курської
// області", "district of the Kursk region") that does not hold that district.
func (st *docState) misnamedRegion(si int, p *placeRef) bool {
	if p.kind != domain.RegionPlace {
		return false
	}
	for i := range st.sPlaces[si] {
		q := &st.sPlaces[si][i]
		if q.kind != domain.DistrictPlace || q.region == "" || q.region == p.region {
			continue
		}
		gap := p.t0 - q.t1
		if gap == 0 || (gap <= 2 && q.t1 < len(st.toks) && (st.toks[q.t1].s == "of" || st.toks[q.t1].s == "the")) {
			return true
		}
	}
	return false
}

// foreignDistrict finds a "district" named in sentence si (or the one before) whose name is a
// foreign town's: a rewrite's invented place.
func (st *docState) foreignDistrict(si int) (*placeRef, bool) {
	for _, k := range []int{si, si - 1} {
		if k < 0 {
			continue
		}
		for i := range st.sPlaces[k] {
			p := &st.sPlaces[k][i]
			if p.generic == domain.DistrictPlace && p.region == "" && p.country != "" && p.country != "RU" && p.country != "UA" {
				return p, true
			}
		}
	}
	return nil, false
}

// asWritten gives a place as the text wrote it, generic word capitalised ("Dzhezkazgan
// district" → "Dzhezkazgan District").
func asWritten(s string) string {
	words := strings.Fields(s)
	for i, w := range words {
		if r, size := utf8.DecodeRuneInString(w); size > 0 {
			words[i] = strings.ToUpper(string(r)) + w[size:]
		}
	}
	return strings.Join(words, " ")
}

// namesRegion: sentence si names a region of Russia or Ukraine.
func (st *docState) namesRegion(si int) bool {
	for _, p := range st.sPlaces[si] {
		if p.kind == domain.RegionPlace && p.region != "" {
			return true
		}
	}
	return false
}
