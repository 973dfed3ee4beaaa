package extract

import (
	"strings"
	"time"

	"skyledger/internal/when"
)

// dateMentions finds the date cues of a text with package when and keeps what the rules need.
func (x *Extractor) dateMentions(text, published string, toks []token, buf *when.Buffer, sc *scratch) []dateMention {
	var pub time.Time
	has := false
	if len(published) == 10 {
		if t, err := time.Parse("2006-01-02", published); err == nil {
			pub, has = t, true
		}
	}
	ms := when.ScanBuffered(text, pub, has, buf)
	var out []dateMention
	if sc != nil {
		out = sc.dates[:0]
		defer clear(ms) // the buffer's mentions hold pieces of the text
	}
	if cap(out) < len(ms) {
		out = make([]dateMention, 0, len(ms))
	}
	cur := tokenCursor{toks: toks}
	for _, m := range ms {
		d := dateMention{start: m.Start, end: m.End, known: m.Known, rule: m.Rule, t0: cur.at(m.Start)}
		if m.Known {
			d.date = m.Date.Format("2006-01-02")
		}
		if has && m.Known && absDays(m.Date.Sub(pub)) > 366 {
			d.weak = true // more than a year from publication: background or page chrome, not this report's date
		}
		if m.Kind == when.Absolute && m.Rule == "iso.date" && pageStamp(text[:m.Start]) && !d.weak {
			// a page's own date stamp before the report ("2025-10-22 В ніч на 23 жовтня …") dates
			// the page, like a dateline, not the incident
			d.dateline = true
		}
		switch m.Kind {
		case when.YearOnly, when.MonthYear:
			d.weak = true
		case when.Dateline:
			d.dateline = true
			// a page header's stale date ("date 2007-01-01 Афиша") is no dateline of this report
			if has && m.Known && absDays(m.Date.Sub(pub)) > 7 {
				d.dateline, d.weak = false, true
			}
		}
		out = append(out, d)
	}
	return out
}

func absDays(d time.Duration) float64 {
	if d < 0 {
		d = -d
	}
	return d.Hours() / 24
}

// pageStamp: what precedes a date at the head of a page is at most one label word ("date",
// "Опубликовано").
func pageStamp(before string) bool {
	b := strings.TrimSpace(before)
	return len(b) <= 24 && !strings.ContainsAny(b, " \n\t0123456789")
}
