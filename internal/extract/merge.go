package extract

import (
	"fmt"
	"slices"
	"strings"

	"skyledger/internal/domain"
	"skyledger/internal/textnum"
)

// Merging the rows of a document into its incidents.

// mergeScanRows: up to this many rows, merge compares every row with every row (cheaper
// than a map for the few rows of a news report).
const mergeScanRows = 32

// merge folds rows with the same (kind, date, country, region, sea) into one.
func (st *docState) merge() []*row {
	type key struct {
		kind                  domain.Kind
		date, country, region string
		sea                   string
	}
	weakDate := func(r *row) bool {
		return r.dateRule == ruleDatePub || r.datelineDated || (r.dateRule == ruleDateCtx && r.inc.Date == domain.NullString(st.defDt))
	}
	// A row dated only weakly takes the date of the first row of its kind and region with a
	// date of its own. (A row that took a date that way can lend it to later rows.)
	if len(st.rows) <= mergeScanRows {
		for _, r := range st.rows {
			if !weakDate(r) {
				continue
			}
			for _, o := range st.rows {
				if o != r && !weakDate(o) && o.dateRule != ruleRecap && !o.recalled && o.inc.Kind == r.inc.Kind && o.inc.Country == r.inc.Country &&
					o.inc.Region == r.inc.Region && o.inc.Date != "" && !r.total && !o.total {
					r.inc.Date = o.inc.Date
					break
				}
			}
		}
	} else {
		// The same in one pass for long texts: per (kind, country, region), the first row that
		// can lend its date. A row that cannot lend never becomes one, except a weak row that
		// took a date; so the lender of a row is the earliest of the rows that could lend from
		// the start and of the rows before it that took a date and can now lend.
		type rkey struct {
			kind            domain.Kind
			country, region domain.NullString
		}
		lender := map[rkey]int{}
		canLend := func(o *row) bool {
			return !weakDate(o) && o.dateRule != ruleRecap && !o.recalled && o.inc.Date != "" && !o.total
		}
		for i, o := range st.rows {
			k := rkey{o.inc.Kind, o.inc.Country, o.inc.Region}
			if _, ok := lender[k]; !ok && canLend(o) {
				lender[k] = i
			}
		}
		for i, r := range st.rows {
			if !weakDate(r) || r.total {
				continue
			}
			k := rkey{r.inc.Kind, r.inc.Country, r.inc.Region}
			j, ok := lender[k]
			if !ok {
				continue
			}
			r.inc.Date = st.rows[j].inc.Date
			if i < j && canLend(r) {
				lender[k] = i
			}
		}
	}
	keyOf := func(r *row) key {
		k := key{r.inc.Kind, string(r.inc.Date), string(r.inc.Country), string(r.inc.Region), ""}
		if r.inc.Country == "" && r.inc.Region == "" {
			k.sea = string(r.inc.Place)
		}
		return k
	}
	// group the rows: a list of the groups' keys for a short report, a map for a long one
	var keysBuf [mergeScanRows]key
	var intoBuf [mergeScanRows]int32
	var spansBuf [mergeScanRows]int
	keys, into, spans := keysBuf[:0], intoBuf[:0], spansBuf[:0] // by group, by row, by group
	var byKey map[key]int32
	if len(st.rows) > mergeScanRows {
		byKey = make(map[key]int32)
	}
	out := make([]*row, 0, len(st.rows))
	for _, r := range st.rows {
		k := keyOf(r)
		i := -1
		if byKey != nil {
			if g, ok := byKey[k]; ok {
				i = int(g)
			}
		} else {
			i = slices.Index(keys, k)
		}
		if i < 0 {
			i = len(out)
			if byKey != nil {
				byKey[k] = int32(i)
			} else {
				keys = append(keys, k)
			}
			out = append(out, r)
			spans = append(spans, 0)
		}
		into = append(into, int32(i))
		spans[i] += len(r.inc.Evidence)
	}
	for i, m := range out {
		m.inc.Evidence = slices.Grow(m.inc.Evidence, spans[i]-len(m.inc.Evidence)) // one growth per merged row
	}
	for j, r := range st.rows {
		if m := out[into[j]]; m != r {
			st.mergeInto(m, r)
		}
	}
	for _, m := range out {
		if m.uncounted {
			m.inc.Count = nil
			m.inc.Evidence = slices.DeleteFunc(m.inc.Evidence, func(e domain.Span) bool { return e.Field == "count" })
		}
		if m.inc.Place != "" && m.inc.Region != "" && string(m.inc.Place) == st.x.regionName(string(m.inc.Region)) {
			// Moscow in RU-MOW, Kyiv in UA-30: a city that is the region is no place within it
			m.inc.Place = ""
			m.inc.Evidence = slices.DeleteFunc(m.inc.Evidence, func(e domain.Span) bool { return e.Field == "place" })
		}
	}
	return out
}

// singularOnly: the row's figure is a singular drone noun ("обломки беспилотника"), not a stated
// number.
func singularOnly(r *row) bool {
	if r.inc.Count == nil || *r.inc.Count != 1 {
		return false
	}
	for _, e := range r.inc.Evidence {
		if e.Field == "count" && e.Rule != ruleCountSg {
			return false
		}
	}
	return true
}

func (st *docState) mergeInto(m, r *row) {
	distinctPlaces := len(m.places) > 0 && len(r.places) > 0 && !sameStrings(m.places, r.places) && m.inc.Reporter == r.inc.Reporter && m.sent != r.sent
	if m.inc.Kind == domain.Debris && len(m.places) > 0 && len(r.places) > 0 && !sameStrings(m.places, r.places) && m.sent != r.sent &&
		(m.inc.Count == nil && singularOnly(r) || r.inc.Count == nil && singularOnly(m)) {
		// debris fell at several places and only one is told as "debris of a drone": how many
		// drones the row's debris came from is not stated (whoever told which place)
		m.uncounted = true
	}
	switch {
	case r.inc.Count == nil:
	case m.inc.Count == nil:
		// the figure is r's, so is its evidence: m's count spans (a hedged figure) explained a null
		m.inc.Evidence = slices.DeleteFunc(m.inc.Evidence, func(e domain.Span) bool { return e.Field == "count" })
		m.inc.Count = r.inc.Count
		if r.inc.Reporter != "" {
			m.inc.Reporter = r.inc.Reporter
		}
	case distinctPlaces || (r.another && r.sent != m.sent):
		v := *m.inc.Count + *r.inc.Count
		m.inc.Count = &v
	case m.inc.Date == "" && m.dateText != "" && r.dateText != "" && m.dateText != r.dateText && m.sent != r.sent:
		// two nights named without a year: keep the report's lead figure rather than mixing nights
	case *r.inc.Count != *m.inc.Count:
		if m.inc.Reporter != r.inc.Reporter && m.inc.Reporter != "" && r.inc.Reporter != "" && !m.window && !r.window && m.inc.Region != "" &&
			daySummary(m) == daySummary(r) {
			st.flags = append(st.flags, domain.Flag{
				Type: domain.InternalContradiction,
				Detail: fmt.Sprintf("%s: the %s figure is %d drones but the %s figure is %d for the same day.",
					m.inc.Region, reporterName(m.inc.Reporter), *m.inc.Count, reporterName(r.inc.Reporter), *r.inc.Count),
				Evidence: countSpans(m, r),
			})
		}
		if *r.inc.Count > *m.inc.Count {
			m.inc.Count = r.inc.Count
			if r.inc.Reporter != "" {
				m.inc.Reporter = r.inc.Reporter
			}
		}
	}
	sumOrMax := func(a, b *int) *int {
		if a == nil {
			return b
		}
		if b == nil {
			return a
		}
		if distinctPlaces {
			v := *a + *b
			return &v
		}
		if *b > *a {
			return b
		}
		return a
	}
	m.inc.Killed = sumOrMax(m.inc.Killed, r.inc.Killed)
	m.inc.Injured = sumOrMax(m.inc.Injured, r.inc.Injured)
	if m.inc.Reporter == "" {
		m.inc.Reporter = r.inc.Reporter
	}
	if m.inc.Launched == nil {
		m.inc.Launched = r.inc.Launched
	}
	for _, p := range r.places {
		if !contains(m.places, p) {
			m.places = append(m.places, p)
		}
	}
	if len(m.places) > 1 {
		m.inc.Place = ""
	} else if len(m.places) == 1 {
		m.inc.Place = domain.NullString(m.places[0])
	}
	m.window = m.window || r.window
	m.inc.Evidence = append(m.inc.Evidence, r.inc.Evidence...)
}

// daySummary: the row's figure is a whole day's ("за сутки", "over the past day"), which holds the
// night's figure another source gives: the two differ without contradicting each other.
func daySummary(r *row) bool {
	for _, e := range r.inc.Evidence {
		if e.Field == "date" && strings.HasSuffix(e.Rule, "day_summary") {
			return true
		}
	}
	return false
}

func countSpans(rs ...*row) []domain.Span {
	var out []domain.Span
	for _, r := range rs {
		for _, e := range r.inc.Evidence {
			if e.Field == "count" {
				out = append(out, e)
				break
			}
		}
	}
	return out
}

func reporterName(r domain.NullString) string {
	switch domain.Reporter(r) {
	case domain.MoD:
		return "defence ministry"
	case domain.AirForce:
		return "air force"
	case domain.Governor:
		return "governor's"
	case domain.OtherOfficial:
		return "officials'"
	case domain.Media:
		return "media"
	}
	return "unattributed"
}

func sameStrings(a, b []string) bool {
	if len(a) != len(b) {
		return false
	}
	for i := range a {
		if a[i] != b[i] {
			return false
		}
	}
	return true
}

func contains(list []string, s string) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}

// ruleTitleCount: the count from the title's figure (titleFigure).
const ruleTitleCount = "count-title"

// titleFigure gives the only intercept row of a text that states no figure the count its title
// states ("Nine drones downed over Voronezh Region" over "air defence destroyed the drones over
// several districts"). The title must tell of downing, name one region at most (the row's), and
// give one exact figure before a drone noun; a hedged figure in the text keeps the row null.
func (st *docState) titleFigure(title string, rows []*row) {
	if title == "" || !st.titleDrone {
		return
	}
	var r *row
	for _, c := range rows {
		if c.inc.Kind != domain.Intercept {
			continue
		}
		if r != nil {
			return
		}
		r = c
	}
	if r == nil || r.inc.Count != nil || r.window || r.uncounted || string(r.inc.Region) != st.titleReg || len(countSpans(r)) > 0 {
		return
	}
	toks, tps := st.title(title)
	for i := range tps {
		if p := &tps[i]; p.kind == domain.RegionPlace && p.region != "" && p.region != st.titleReg {
			return
		}
	}
	if !st.titleTellsDowning() {
		return
	}
	var fig *textnum.Number
	for _, n := range st.titleDroneFigures(title, toks) {
		if fig != nil || n.Hedged {
			return // two figures, or a hedged one: no exact count
		}
		fig = &n
	}
	if fig == nil {
		return
	}
	v := fig.Value
	r.inc.Count = &v
	r.inc.Evidence = append(r.inc.Evidence, domain.Span{Field: "title.count", Start: fig.Start, End: fig.End, Text: fig.Text, Rule: ruleTitleCount})
}
