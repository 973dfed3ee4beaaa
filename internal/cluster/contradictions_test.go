package cluster

import (
	"testing"

	"skyledger/internal/domain"
)

// row builds one incident for the table below.
func row(kind domain.Kind, date, country, region, place string, count *int, reporter string) domain.Incident {
	return domain.Incident{Kind: kind, Date: domain.NullString(date), Country: domain.NullString(country),
		Region: domain.NullString(region), Place: domain.NullString(place), Count: count, Reporter: domain.NullString(reporter)}
}

func input(id, published, story string, incs ...domain.Incident) Input {
	return Input{Doc: domain.Document{ID: id, Published: published, URL: "https://" + id + ".example/x"},
		Ex: domain.Extraction{ID: id, Incidents: incs}, Story: story}
}

// TestEventContradictions: each kind of disagreement between the sources of one event gives its
// flag, traced to the source that disagrees with the leading one; the figures keep best, low and
// high, and the time precision says how far the dates spread.
func TestEventContradictions(t *testing.T) {
	n := domain.Int
	cases := []struct {
		name      string
		inputs    []Input
		event     string // id of the event to look at
		sources   int
		flag      domain.FlagType
		flagFrom  string // the document the flag is traced to
		timePrec  int
		wherePrec int
		best      *int
		low, high *int
	}{
		{
			name: "count: the governor leads, the rewrite's other figure is the range",
			inputs: []Input{
				input("gov", "2026-06-02", "st-gov", row(domain.Intercept, "2026-06-02", "RU", "RU-KRS", "Rylsky District", n(6), "governor")),
				input("farm", "2026-06-02", "st-gov", row(domain.Intercept, "2026-06-02", "RU", "RU-KRS", "Rylsky District", n(9), "media")),
			},
			event: "ev-intercept-2026-06-02-RU-KRS", sources: 2, flag: domain.CountContradiction, flagFrom: "farm",
			timePrec: domain.TimeExact, wherePrec: domain.WhereDistrict, best: n(6), low: n(6), high: n(9),
		},
		{
			name: "date: one story, the rewrite reads the night a day later",
			inputs: []Input{
				input("gov", "2026-06-02", "st-gov", row(domain.Intercept, "2026-06-02", "RU", "RU-KRS", "", n(6), "governor")),
				input("farm", "2026-06-03", "st-gov", row(domain.Intercept, "2026-06-03", "RU", "RU-KRS", "", n(6), "media")),
			},
			event: "ev-intercept-2026-06-02-RU-KRS", sources: 2, flag: domain.DateContradiction, flagFrom: "farm",
			timePrec: domain.TimeNearDay, wherePrec: domain.WhereRegion, best: n(6), low: n(6), high: n(6),
		},
		{
			name: "date: a week apart in one story is wide",
			inputs: []Input{
				input("gov", "2026-06-02", "st-gov", row(domain.Intercept, "2026-06-02", "RU", "RU-KRS", "", n(6), "governor")),
				input("farm", "2026-06-09", "st-gov", row(domain.Intercept, "2026-06-09", "RU", "RU-KRS", "", n(6), "media")),
			},
			event: "ev-intercept-2026-06-02-RU-KRS", sources: 2, flag: domain.DateContradiction, flagFrom: "farm",
			timePrec: domain.TimeWide, wherePrec: domain.WhereRegion, best: n(6), low: n(6), high: n(6),
		},
		{
			name: "place: another settlement for the same row",
			inputs: []Input{
				input("gov", "2026-06-02", "st-gov", row(domain.Debris, "2026-06-02", "RU", "RU-BEL", "Shebekino", n(1), "governor")),
				input("wire", "2026-06-02", "st-gov", row(domain.Debris, "2026-06-02", "RU", "RU-BEL", "Grayvoron", n(1), "governor")),
			},
			event: "ev-debris-2026-06-02-RU-BEL", sources: 2, flag: domain.PlaceContradiction, flagFrom: "wire",
			timePrec: domain.TimeExact, wherePrec: domain.WhereExact, best: n(1), low: n(1), high: n(1),
		},
		{
			name: "country: Crimea given to another country by a rewrite",
			inputs: []Input{
				input("ua", "2026-06-02", "st-ua", row(domain.Intercept, "2026-06-02", "UA", "UA-43", "", n(4), "air_force")),
				input("ru", "2026-06-02", "st-ua", row(domain.Intercept, "2026-06-02", "RU", "UA-43", "", n(4), "media")),
			},
			event: "ev-intercept-2026-06-02-UA-43", sources: 2, flag: domain.CountryContradiction, flagFrom: "ru",
			timePrec: domain.TimeExact, wherePrec: domain.WhereRegion, best: n(4), low: n(4), high: n(4),
		},
		{
			name: "kind: one document has only interceptions where the other has only an impact",
			inputs: []Input{
				input("gov", "2026-06-02", "st-gov", row(domain.Intercept, "2026-06-02", "RU", "RU-VOR", "", n(3), "governor")),
				input("farm", "2026-06-02", "st-gov", row(domain.Impact, "2026-06-02", "RU", "RU-VOR", "", n(3), "media")),
			},
			// on the governor's event the flag names the rewrite (and on the rewrite's, the governor)
			event: "ev-intercept-2026-06-02-RU-VOR", sources: 1, flag: domain.KindContradiction, flagFrom: "farm",
			timePrec: domain.TimeExact, wherePrec: domain.WhereRegion, best: n(3), low: n(3), high: n(3),
		},
		{
			name: "across stories: the ministry's tally and the governor's post are one event, no flag",
			inputs: []Input{
				input("gov", "2026-06-02", "st-gov", row(domain.Intercept, "2026-06-02", "RU", "RU-KLU", "Dzerzhinsky District", n(1), "governor")),
				input("mod", "2026-06-02", "st-mod", row(domain.Intercept, "2026-06-02", "RU", "RU-KLU", "", n(1), "mod")),
			},
			event: "ev-intercept-2026-06-02-RU-KLU", sources: 2,
			timePrec: domain.TimeExact, wherePrec: domain.WhereDistrict, best: n(1), low: n(1), high: n(1),
		},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			evs := Events(tc.inputs)
			ev := eventByID(evs, tc.event)
			if ev == nil {
				t.Fatalf("no event %s in %v", tc.event, ids(evs))
			}
			if len(ev.Sources) != tc.sources {
				t.Errorf("%d sources, want %d", len(ev.Sources), tc.sources)
			}
			for _, s := range ev.Sources {
				if s.URL == "" || s.Publisher == "" || s.Published == "" {
					t.Errorf("source %s lacks url, publisher or published: %+v", s.Document, s)
				}
			}
			var got *domain.Flag
			for i := range ev.Flags {
				if ev.Flags[i].Type == tc.flag {
					got = &ev.Flags[i]
				}
			}
			switch {
			case tc.flag == "" && len(ev.Flags) > 0:
				t.Errorf("unexpected flags %+v", ev.Flags)
			case tc.flag != "" && got == nil:
				t.Errorf("no %s flag in %+v", tc.flag, ev.Flags)
			case got != nil && (got.Source != tc.flagFrom || got.Detail == ""):
				t.Errorf("flag %+v, want it traced to %s with a detail", got, tc.flagFrom)
			}
			if ev.TimePrec != tc.timePrec || ev.WherePrec != tc.wherePrec {
				t.Errorf("time_prec %d where_prec %d, want %d %d", ev.TimePrec, ev.WherePrec, tc.timePrec, tc.wherePrec)
			}
			c := ev.Count
			if !sameInt(c.Best, tc.best) || !sameInt(c.Low, tc.low) || !sameInt(c.High, tc.high) {
				t.Errorf("count best/low/high %s/%s/%s, want %s/%s/%s", intStr(c.Best), intStr(c.Low), intStr(c.High),
					intStr(tc.best), intStr(tc.low), intStr(tc.high))
			}
		})
	}
}

func sameInt(a, b *int) bool { return (a == nil) == (b == nil) && (a == nil || *a == *b) }

// TestLedgerChecks: a source's national total against its own regional rows, for each status.
func TestLedgerChecks(t *testing.T) {
	n := domain.Int
	mod := func(total *int, regional ...domain.Incident) []Input {
		incs := append([]domain.Incident{row(domain.Intercept, "2026-06-02", "RU", "", "", total, "mod")}, regional...)
		return []Input{input("mod", "2026-06-02", "st-mod", incs...)}
	}
	bry := func(c *int) domain.Incident { return row(domain.Intercept, "2026-06-02", "RU", "RU-BRY", "", c, "mod") }
	krs := func(c *int) domain.Incident { return row(domain.Intercept, "2026-06-02", "RU", "RU-KRS", "", c, "mod") }
	cases := []struct {
		name    string
		inputs  []Input
		status  string
		gap     *int
		unknown int
	}{
		{"sums up", mod(n(10), bry(n(6)), krs(n(4))), "reconciled", n(0), 0},
		{"a gap is reported, not filled", mod(n(12), bry(n(6)), krs(n(4))), "unreconciled", n(2), 0},
		{"more in the regions than the total", mod(n(8), bry(n(6)), krs(n(4))), "unreconciled", n(-2), 0},
		{"a region without a figure", mod(n(12), bry(n(6)), krs(nil)), "incomplete", n(6), 1},
		{"no total figure", mod(nil, bry(n(6))), "incomplete", nil, 0},
		{"no breakdown", mod(n(12)), "no_breakdown", nil, 0},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			l := Ledger(Events(tc.inputs), tc.inputs)
			if len(l.Checks) != 1 {
				t.Fatalf("checks %+v", l.Checks)
			}
			c := l.Checks[0]
			if c.Status != tc.status || !sameInt(c.Gap, tc.gap) || len(c.Unknown) != tc.unknown {
				t.Errorf("check %+v (gap %s), want %s gap %s with %d unknown", c, intStr(c.Gap), tc.status, intStr(tc.gap), tc.unknown)
			}
			// the rows keep what the sources said: the national row is the stated total
			for _, r := range l.Rows {
				if r.Region == "" && !sameInt(r.Intercepted, tc.inputs[0].Ex.Incidents[0].Count) {
					t.Errorf("national row %s, want the stated total", intStr(r.Intercepted))
				}
			}
		})
	}
}
