package extract

import (
	"time"

	"skyledger/internal/when"
)

// dateMentions finds the date cues of a text with package when and keeps what the rules need.
func (x *Extractor) dateMentions(text, published string, toks []token) []dateMention {
	var pub time.Time
	has := false
	if len(published) == 10 {
		if t, err := time.Parse("2006-01-02", published); err == nil {
			pub, has = t, true
		}
	}
	ms := when.Scan(text, pub, has)
	out := make([]dateMention, 0, len(ms))
	for _, m := range ms {
		d := dateMention{start: m.Start, end: m.End, known: m.Known, rule: m.Rule, t0: tokenAt(toks, m.Start)}
		if m.Known {
			d.date = m.Date.Format("2006-01-02")
		}
		switch m.Kind {
		case when.YearOnly, when.MonthYear:
			d.weak = true
		case when.Dateline:
			d.dateline = true
		}
		out = append(out, d)
	}
	return out
}
