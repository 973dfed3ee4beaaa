package extract

import (
	"math/rand/v2"
	"strings"
	"testing"
	"time"

	"skyledger/internal/domain"
)

// badInputs are documents no report looks like: each must be read without a panic, quickly.
func badInputs(tb testing.TB) []domain.Document {
	pass, _ := loadCases(tb)
	var report strings.Builder
	for _, c := range pass {
		report.WriteString(c.doc.Text)
		report.WriteString("\n\n")
	}
	r := rand.New(rand.NewPCG(1, 2))
	junk := make([]byte, 1<<20)
	for i := range junk {
		junk[i] = byte(r.IntN(256))
	}
	const big = 10 << 20
	repeatTo := func(s string, n int) string { return strings.Repeat(s, n/len(s)+1)[:n] }
	repeat := func(s string) string { return repeatTo(s, big) }
	docs := []domain.Document{
		{ID: "empty"},
		{ID: "blank", Text: " \n\t\n  ", Title: " "},
		{ID: "title-only", Title: "Над Брянской областью сбит беспилотник", Published: "2025-06-14"},
		{ID: "bad-published", Published: "2025-13-45", Text: "A drone was shot down over the Kursk Region yesterday."},
		{ID: "invalid-utf8", Text: "Над Брянской \xff\xfe областью \xd0 сбит \xe2\x80 беспилотник \xc3\x28 \xed\xa0\x80, 3 БПЛА \x80\x80\x80"},
		{ID: "invalid-utf8-title", Title: "\xff\xd0\x9f Kaluga \xe2\x82", Text: "Ukraine's Kaluga Region \xf0\x9f drone \xf8\x88\x80\x80\x80 downed"},
		{ID: "nul", Text: "A drone\x00 was shot down\x00over the Kursk\x00Region.\x00\x00\x00"},
		{ID: "binary-1mb", Text: string(junk)},
		{ID: "report-1mb", Published: "2025-06-14", Text: repeatTo(report.String(), 1<<20)},
		{ID: "no-spaces-10mb", Text: repeat("беспилотник")},
		{ID: "digits-10mb", Text: repeat("12 345 6789, ")},
		{ID: "dashes-10mb", Text: repeat("— по 3 — над ")},
		{ID: "one-sentence-1mb", Published: "2025-06-14", Text: strings.Repeat("сбиты 3 беспилотника над Курской областью, ", 1<<20/80)},
		{ID: "many-lines-1mb", Text: strings.Repeat("Drone.\n", 1<<20/7)},
		// 10 MB of real-looking reports: every rule that compared each row, place or date with
		// every other one made this take minutes; it takes about a second
		{ID: "report-10mb", Published: "2025-06-14", Text: repeat(report.String())},
	}
	return docs
}

// TestBadInput: odd, broken and huge documents give an extraction (possibly empty) with valid
// evidence offsets, without a panic, in reasonable time. The deadline is a guard against
// runaway (quadratic) rules, not a speed test.
func TestBadInput(t *testing.T) {
	x := testExtractor(t)
	// a 10 MB report takes about a second: a rule that compares every row, place or hit with
	// every other one takes a minute or more
	const deadline = 20 * time.Second * raceSlowdown
	for _, doc := range badInputs(t) {
		t.Run(doc.ID, func(t *testing.T) {
			type result struct {
				e     domain.Extraction
				panic any
			}
			done := make(chan result, 1)
			start := time.Now()
			go func() {
				defer func() {
					if p := recover(); p != nil {
						done <- result{panic: p}
					}
				}()
				done <- result{e: x.Extract(doc)}
			}()
			select {
			case r := <-done:
				if r.panic != nil {
					t.Fatalf("Extract panicked: %v", r.panic)
				}
				if r.e.ID != doc.ID || r.e.Incidents == nil || r.e.Flags == nil {
					t.Errorf("extraction id %q, incidents nil %v, flags nil %v", r.e.ID, r.e.Incidents == nil, r.e.Flags == nil)
				}
				for _, b := range checkSpans(doc, r.e) {
					t.Error(b)
					break
				}
				t.Logf("%d bytes: %d rows, %d flags in %v", len(doc.Text), len(r.e.Incidents), len(r.e.Flags), time.Since(start).Round(time.Millisecond))
			case <-time.After(deadline):
				t.Fatalf("Extract did not finish within %v on %d bytes", deadline, len(doc.Text))
			}
		})
	}
}
