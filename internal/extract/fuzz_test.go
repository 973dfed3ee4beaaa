package extract

import (
	"testing"

	"skyledger/internal/domain"
)

// FuzzExtract: any text, title and published date give an extraction without a panic, with
// evidence offsets that slice the text (or the title) they point into.
// go test -run '^$' -fuzz FuzzExtract -fuzztime 60s ./internal/extract/
func FuzzExtract(f *testing.F) {
	pass, gaps := loadCases(f)
	for _, c := range append(pass, gaps...) {
		f.Add(c.doc.Text, c.doc.Title, c.doc.Published)
	}
	f.Add("", "", "")
	f.Add("\xff\xfe по 3 — над \xd0", "Ukraine's \xe2 Kaluga Region", "2025-02-30")
	f.Add("MOSCOW, December 22. /TASS/.", "", "0000-00-00")
	x := testExtractor(f)
	f.Fuzz(func(t *testing.T, text, title, published string) {
		doc := domain.Document{ID: "fuzz", Text: text, Title: title, Published: published}
		e := x.Extract(doc)
		if e.ID != doc.ID || e.Incidents == nil || e.Flags == nil {
			t.Fatalf("extraction id %q, incidents nil %v, flags nil %v", e.ID, e.Incidents == nil, e.Flags == nil)
		}
		for _, b := range checkSpans(doc, e) {
			t.Fatal(b)
		}
		for _, in := range e.Incidents {
			switch in.Kind {
			case domain.Intercept, domain.Impact, domain.Debris:
			default:
				t.Fatalf("row of unknown kind: %s", fmtRow(in))
			}
			if in.Date != "" && len(in.Date) != 10 {
				t.Fatalf("row date is no YYYY-MM-DD: %s", fmtRow(in))
			}
		}
	})
}
