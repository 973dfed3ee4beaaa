package cluster

import (
	"sort"
	"strings"

	"skyledger/internal/domain"
)

// Ledger builds the nightly ledger from events (rows: best figures per night, region and kind)
// and checks, for every source document that gives a national total for a night and kind,
// whether its own regional figures add up to it. A gap is reported, never filled: rows keep the
// figures the sources gave, and the check says "unreconciled" with the difference, or
// "incomplete" when some regions were named without a number.
func Ledger(events []domain.Event, inputs []Input) domain.Ledger {
	type rk struct{ night, where string }
	rows := map[rk]*domain.LedgerRow{}
	srcs := map[rk]map[string]bool{}
	for _, ev := range events {
		if ev.Date == "" {
			continue // a night must be known
		}
		where := string(ev.Region)
		if where == "" {
			if ev.Place != "" && isSea(ev) {
				where = "sea:" + string(ev.Place)
			} else {
				where = ""
			}
		}
		k := rk{string(ev.Date), where}
		r := rows[k]
		if r == nil {
			r = &domain.LedgerRow{Night: string(ev.Date), Region: ev.Region, Country: ev.Country, Events: []string{}}
			if strings.HasPrefix(where, "sea:") {
				r.Region = domain.NullString(where)
			}
			rows[k] = r
			srcs[k] = map[string]bool{}
		}
		r.Events = append(r.Events, ev.ID)
		for _, s := range ev.Sources {
			srcs[k][s.Document] = true
		}
		var slot **int
		switch ev.Kind {
		case domain.Intercept:
			slot = &r.Intercepted
		case domain.Impact:
			slot = &r.Impact
		case domain.Debris:
			slot = &r.Debris
		default:
			continue
		}
		if ev.Count.Best != nil {
			if *slot == nil {
				*slot = domain.Int(0)
			}
			**slot += *ev.Count.Best
		}
	}
	var out domain.Ledger
	for k, r := range rows {
		r.Sources = len(srcs[k])
		sort.Strings(r.Events)
		out.Rows = append(out.Rows, *r)
	}
	sort.Slice(out.Rows, func(i, j int) bool {
		a, b := out.Rows[i], out.Rows[j]
		if a.Night != b.Night {
			return a.Night < b.Night
		}
		// national row first, then regions
		return a.Region < b.Region
	})
	out.Checks = reconcile(inputs)
	if out.Rows == nil {
		out.Rows = []domain.LedgerRow{}
	}
	if out.Checks == nil {
		out.Checks = []domain.Reconciliation{}
	}
	return out
}

func isSea(ev domain.Event) bool {
	p := strings.ToLower(string(ev.Place))
	return strings.Contains(p, "sea") || strings.Contains(p, "море") || strings.Contains(p, "мор")
}

// reconcile checks each document's national total against its own regional rows, per night
// and kind. Seas count towards the total (ministry totals include them).
func reconcile(inputs []Input) []domain.Reconciliation {
	var out []domain.Reconciliation
	for _, in := range inputs {
		type nk struct {
			date string
			kind domain.Kind
		}
		nat := map[nk]domain.Incident{}
		for _, inc := range in.Ex.Incidents {
			if inc.Region == "" && inc.Place == "" && inc.Date != "" {
				k := nk{string(inc.Date), inc.Kind}
				if _, ok := nat[k]; !ok {
					nat[k] = inc
				}
			}
		}
		keys := make([]nk, 0, len(nat))
		for k := range nat {
			keys = append(keys, k)
		}
		sort.Slice(keys, func(i, j int) bool {
			if keys[i].date != keys[j].date {
				return keys[i].date < keys[j].date
			}
			return keys[i].kind < keys[j].kind
		})
		for _, k := range keys {
			total := nat[k]
			c := domain.Reconciliation{Night: k.date, Kind: k.kind, Document: in.Doc.ID, Reporter: string(total.Reporter), National: total.Count}
			for _, inc := range in.Ex.Incidents {
				if inc.Kind != k.kind || string(inc.Date) != k.date || (inc.Region == "" && inc.Place == "") {
					continue
				}
				c.Regions++
				if inc.Count == nil {
					w := string(inc.Region)
					if w == "" {
						w = string(inc.Place)
					}
					c.Unknown = append(c.Unknown, w)
					continue
				}
				c.RegionalSum += *inc.Count
			}
			switch {
			case c.Regions == 0:
				c.Status = "no_breakdown"
			case total.Count == nil:
				c.Status = "incomplete"
			case len(c.Unknown) > 0:
				c.Status = "incomplete"
				c.Gap = domain.Int(*total.Count - c.RegionalSum) // at most this much is unaccounted
			case c.RegionalSum == *total.Count:
				c.Status = "reconciled"
				c.Gap = domain.Int(0)
			default:
				c.Status = "unreconciled"
				c.Gap = domain.Int(*total.Count - c.RegionalSum)
			}
			out = append(out, c)
		}
	}
	return out
}
