package cluster

import (
	"fmt"
	"sort"
	"strings"

	"skyledger/internal/domain"
)

// provenance fills Source.Changes: what each rewrite changed against its story's original, for
// the row this event is about, plus what the rewrite's own flags say it got wrong. A flagged
// place stands in for the original's place: "Pogarsky District" became "Pavlodar district",
// rather than the place being dropped. The original itself has only its flagged errors, set
// against the flag's suggestion (a story of rewrites whose source was never seen has one).
func (b *builder) provenance(ev *domain.Event, m []int) {
	for k, i := range m {
		o := b.obs[i]
		oi := b.orig[o.story]
		var row domain.Incident
		hasRow := false
		if oi != o.in {
			row, hasRow = findRow(b.inputs[oi].Ex, o)
		}
		var flagged []domain.Change
		for _, f := range b.inputs[o.in].Ex.Flags {
			if b.flagFits(f, o, b.inputs[o.in].Ex) {
				if c, ok := flagChange(f, row, o.inc); ok {
					flagged = append(flagged, c)
				}
			}
		}
		var ch []domain.Change
		if hasRow {
			for _, c := range rowChanges(row, o.inc) {
				if c.Field == "place" && changesField(flagged, "place") {
					continue // the flag says what became of it, and why
				}
				ch = append(ch, c)
			}
		}
		ev.Sources[k].Changes = uniqueChanges(append(ch, flagged...))
	}
}

// uniqueChanges drops repeats (a headline and a body flagged alike), apostrophes aside.
func uniqueChanges(cs []domain.Change) []domain.Change {
	seen := map[string]bool{}
	out := cs[:0]
	for _, c := range cs {
		k := strings.ReplaceAll(c.Detail, "’", "'")
		if !seen[k] {
			seen[k] = true
			out = append(out, c)
		}
	}
	return out
}

// placeExplained: a flag's change already says what became of place from.
func placeExplained(flagged []domain.Change, from string) bool {
	for _, c := range flagged {
		if c.Field == "place" && from != "" && normPlace(c.From) == normPlace(from) {
			return true
		}
	}
	return false
}

func changesField(cs []domain.Change, field string) bool {
	for _, c := range cs {
		if c.Field == field {
			return true
		}
	}
	return false
}

func findRow(ex domain.Extraction, o obs) (domain.Incident, bool) {
	var fallback *domain.Incident
	for r := range ex.Incidents {
		inc := ex.Incidents[r]
		if inc.Kind != o.inc.Kind || whereKey(inc) != o.where {
			continue
		}
		if inc.Date == o.inc.Date {
			return inc, true
		}
		if fallback == nil {
			fallback = &ex.Incidents[r]
		}
	}
	if fallback != nil {
		return *fallback, true
	}
	return domain.Incident{}, false
}

func rowChanges(orig, rw domain.Incident) []domain.Change {
	var out []domain.Change
	str := func(field string, a, b domain.NullString) {
		switch {
		case a == b:
		case a == "":
			out = append(out, domain.Change{Op: "added", Field: field, To: string(b), Detail: fmt.Sprintf("%s %q added", field, b)})
		case b == "":
			out = append(out, domain.Change{Op: "dropped", Field: field, From: string(a), Detail: fmt.Sprintf("%s %q dropped", field, a)})
		default:
			if field == "place" && normPlace(string(a)) == normPlace(string(b)) {
				return
			}
			out = append(out, domain.Change{Op: "changed", Field: field, From: string(a), To: string(b), Detail: fmt.Sprintf("%q became %q", a, b)})
		}
	}
	num := func(field string, a, b *int) {
		switch {
		case a == nil && b == nil:
		case a == nil:
			out = append(out, domain.Change{Op: "added", Field: field, To: intStr(b), Detail: fmt.Sprintf("%s %s added", field, intStr(b))})
		case b == nil:
			out = append(out, domain.Change{Op: "dropped", Field: field, From: intStr(a), Detail: fmt.Sprintf("%s %s dropped", field, intStr(a))})
		case *a != *b:
			out = append(out, domain.Change{Op: "changed", Field: field, From: intStr(a), To: intStr(b), Detail: fmt.Sprintf("%s %s became %s", field, intStr(a), intStr(b))})
		}
	}
	str("date", orig.Date, rw.Date)
	str("country", orig.Country, rw.Country)
	str("place", orig.Place, rw.Place)
	str("reporter", orig.Reporter, rw.Reporter)
	num("count", orig.Count, rw.Count)
	num("killed", orig.Killed, rw.Killed)
	num("injured", orig.Injured, rw.Injured)
	return out
}

// flagChange turns a document flag into a change: the flag's evidence is what the rewrite
// wrote (in the rewrite row's spelling when it kept the place); what was there before is the
// original's row (orig, when known), else the flag's suggestion.
func flagChange(f domain.Flag, orig, rw domain.Incident) (domain.Change, bool) {
	var field string
	switch f.Type {
	case domain.PlaceNotInRegion:
		field = "place"
	case domain.RegionWrongCountry:
		field = "country"
	default:
		return domain.Change{}, false
	}
	to := ""
	for _, e := range f.Evidence {
		if e.Text != "" && (e.Field == field || e.Field == "region" && field == "country" || e.Field == "") {
			to = e.Text
			break
		}
	}
	if to == "" {
		for _, e := range f.Evidence {
			if e.Text != "" {
				to = e.Text
				break
			}
		}
	}
	if field == "place" && rw.Place != "" && normPlace(string(rw.Place)) == normPlace(to) {
		to = string(rw.Place)
	}
	from := f.Suggestion
	switch {
	case field == "place" && orig.Place != "":
		from = string(orig.Place)
	case field == "country" && to != "":
		// "Ukraine's Kaluga Region": what was there before is the region without the country
		if i := strings.Index(to, "'s "); i >= 0 {
			from = to[i+3:]
		} else if i := strings.Index(to, "’s "); i >= 0 {
			from = to[i+len("’s "):]
		}
	}
	d := f.Detail
	if from != "" && to != "" {
		d = fmt.Sprintf("%q became %q (%s)", from, to, f.Type)
	}
	return domain.Change{Op: "changed", Field: field, From: from, To: to, Detail: d}, true
}

// Provenance lists, for every story with more than one document, the original and what each
// rewrite changed, added or dropped against it (rows matched on kind and where; dates may differ).
func Provenance(inputs []Input) []domain.Provenance {
	b := newBuilder(inputs)
	byStory := map[string][]int{}
	for i := range inputs {
		byStory[b.story[i]] = append(byStory[b.story[i]], i)
	}
	var out []domain.Provenance
	for st, members := range byStory {
		if len(members) < 2 {
			continue
		}
		oi := b.orig[st]
		p := domain.Provenance{Story: st, Original: inputs[oi].Doc.ID}
		sort.Slice(members, func(x, y int) bool { return b.moreOriginal(members[x], members[y]) })
		for _, i := range members {
			if i == oi {
				continue
			}
			rw := domain.Rewrite{Document: inputs[i].Doc.ID, Changes: []domain.Change{}}
			orig, cur := inputs[oi].Ex, inputs[i].Ex
			var flagged []domain.Change
			for _, f := range cur.Flags {
				orow, rrow := b.flaggedRows(f, i, oi)
				if c, ok := flagChange(f, orow, rrow); ok {
					flagged = append(flagged, c)
				}
			}
			matched := map[int]bool{}
			for _, inc := range cur.Incidents {
				o := obs{inc: inc, where: whereKey(inc)}
				if row, ok := findRow(orig, o); ok {
					for r := range orig.Incidents {
						if orig.Incidents[r].Kind == row.Kind && whereKey(orig.Incidents[r]) == o.where && orig.Incidents[r].Date == row.Date {
							matched[r] = true
						}
					}
					for _, c := range rowChanges(row, inc) {
						if c.Field == "place" && placeExplained(flagged, c.From) {
							continue // the flag says what became of it
						}
						c.Detail = rowLabel(inc) + ": " + c.Detail
						rw.Changes = append(rw.Changes, c)
					}
					continue
				}
				rw.Changes = append(rw.Changes, domain.Change{Op: "added", Field: "incident", To: rowLabel(inc), Detail: "adds " + rowLabel(inc)})
			}
			for r, inc := range orig.Incidents {
				if !matched[r] {
					rw.Changes = append(rw.Changes, domain.Change{Op: "dropped", Field: "incident", From: rowLabel(inc), Detail: "drops " + rowLabel(inc)})
				}
			}
			rw.Changes = uniqueChanges(append(rw.Changes, flagged...))
			p.Rewrites = append(p.Rewrites, rw)
		}
		out = append(out, p)
	}
	sort.Slice(out, func(i, j int) bool { return out[i].Story < out[j].Story })
	return out
}

// flaggedRows are the rows rewrite rw's flag f is about: the rewrite row the flag fits and
// the original's match of it, or else the original's row for the region the flag names. Zero
// Incidents where there is none.
func (b *builder) flaggedRows(f domain.Flag, rw, orig int) (origRow, rwRow domain.Incident) {
	cur, ox := b.inputs[rw].Ex, b.inputs[orig].Ex
	for _, inc := range cur.Incidents {
		o := obs{in: rw, inc: inc, where: whereKey(inc)}
		if b.flagFits(f, o, cur) {
			row, _ := findRow(ox, o)
			return row, inc
		}
	}
	for _, inc := range ox.Incidents {
		if regionKeysMeet(flagRegionKeys(f), rowRegionKeys(inc)) {
			return inc, domain.Incident{}
		}
	}
	return domain.Incident{}, domain.Incident{}
}

func rowLabel(inc domain.Incident) string {
	where := string(inc.Region)
	if where == "" {
		if inc.Place != "" {
			where = string(inc.Place)
		} else {
			where = "national"
		}
	}
	date := string(inc.Date)
	if date == "" {
		date = "undated"
	}
	c := "?"
	if inc.Count != nil {
		c = intStr(inc.Count)
	}
	return fmt.Sprintf("%s %s %s (count %s)", inc.Kind, date, where, c)
}
