package extract

import (
	"fmt"
	"skyledger/internal/textnum"
	"slices"
	"strings"
	"testing"
	"unicode/utf8"

	"skyledger/internal/domain"
)

// checkSpans reports evidence spans whose offsets do not slice their text: Document.Text, or
// Document.Title for fields prefixed "title.".
func checkSpans(doc domain.Document, e domain.Extraction) []string {
	var bad []string
	validText, validTitle := utf8.ValidString(doc.Text), utf8.ValidString(doc.Title)
	textRunes, titleRunes := []rune(doc.Text), []rune(doc.Title)
	one := func(where string, sp domain.Span) {
		src, name, valid, runes := doc.Text, "text", validText, textRunes
		if strings.HasPrefix(sp.Field, "title.") {
			src, name, valid, runes = doc.Title, "title", validTitle, titleRunes
		}
		switch {
		case sp.Start < 0 || sp.End > len(src) || sp.Start > sp.End:
			bad = append(bad, fmt.Sprintf("%s: %s span %d-%d out of the %s (%d bytes)", where, sp.Field, sp.Start, sp.End, name, len(src)))
		case src[sp.Start:sp.End] != sp.Text:
			bad = append(bad, fmt.Sprintf("%s: %s span %d-%d is %q in the %s, the span says %q", where, sp.Field, sp.Start, sp.End, src[sp.Start:sp.End], name, sp.Text))
		case valid && !utf8.ValidString(sp.Text):
			bad = append(bad, fmt.Sprintf("%s: %s span %d-%d cuts a character: %q", where, sp.Field, sp.Start, sp.End, sp.Text))
		case valid && (sp.CharStart > sp.CharEnd || sp.CharEnd > len(runes) || string(runes[sp.CharStart:sp.CharEnd]) != sp.Text):
			// the code-point offsets must select the same words as the byte offsets
			bad = append(bad, fmt.Sprintf("%s: %s span chars %d-%d do not select %q", where, sp.Field, sp.CharStart, sp.CharEnd, sp.Text))
		}
	}
	for i, in := range e.Incidents {
		for _, sp := range in.Evidence {
			one(fmt.Sprintf("row %d (%s)", i+1, fmtRow(in)), sp)
		}
	}
	for i, f := range e.Flags {
		for _, sp := range f.Evidence {
			one(fmt.Sprintf("flag %d (%s)", i+1, f.Type), sp)
		}
	}
	return bad
}

// TestEvidenceOffsets: every evidence span of every row and flag of every case slices the text
// it points into, and every row says which words gave its kind.
func TestEvidenceOffsets(t *testing.T) {
	x := testExtractor(t)
	pass, gaps := loadCases(t)
	rows, spans := 0, 0
	for _, c := range append(pass, gaps...) {
		e := x.Extract(c.doc)
		for _, b := range checkSpans(c.doc, e) {
			t.Errorf("%s:%d: case %s: %s", c.file, c.line, c.id, b)
		}
		for _, in := range e.Incidents {
			rows++
			spans += len(in.Evidence)
			hasKind := false
			for _, sp := range in.Evidence {
				hasKind = hasKind || sp.Field == "kind"
			}
			if !hasKind {
				t.Errorf("%s:%d: case %s: row %s has no evidence for its kind", c.file, c.line, c.id, fmtRow(in))
			}
		}
	}
	if rows == 0 || spans == 0 {
		t.Fatalf("no rows or no spans to check (%d rows, %d spans)", rows, spans)
	}
}

// TestEvidenceTitle: evidence found in the title points into the title.
func TestEvidenceTitle(t *testing.T) {
	x := testExtractor(t)
	doc := domain.Document{
		ID:        "title-flag",
		Published: "2025-06-14",
		Title:     "Ukraine's Kaluga Region: drone downed over Lyudinovsky District",
		Text:      "Air defences shot down a drone over the Lyudinovsky District overnight, Governor Vladislav Shapsha said.",
	}
	e := x.Extract(doc)
	for _, b := range checkSpans(doc, e) {
		t.Error(b)
	}
	titled := false
	for _, f := range e.Flags {
		for _, sp := range f.Evidence {
			titled = titled || strings.HasPrefix(sp.Field, "title.")
		}
	}
	if !titled {
		t.Errorf("the wrong-country title gives no title evidence; flags: %+v", e.Flags)
	}
}

// TestCountEvidence: a row's count evidence supports its count. A null count has at most hedged
// figures ("at least 5") as evidence; a figure is one of its spans' figures, their sum (counts
// that add up), 1 or 2 from a singular word ("a drone", "another"), or one per singular drone
// word plus the figures ("a drone …, another two").
func TestCountEvidence(t *testing.T) {
	x := testExtractor(t)
	pass, gaps := loadCases(t)
	checked := 0
	for _, c := range append(pass, gaps...) {
		for _, in := range x.Extract(c.doc).Incidents {
			var values []int
			sum, singular, ones := 0, false, 0
			for _, sp := range in.Evidence {
				if sp.Field != "count" && sp.Field != "title.count" {
					continue
				}
				if in.Count == nil && sp.Rule != ruleHedged {
					t.Errorf("%s:%d: case %s: row %s has a null count and count evidence %q (%s)", c.file, c.line, c.id, fmtRow(in), sp.Text, sp.Rule)
				}
				if sp.Rule == ruleCountSg {
					singular = true
					ones++
					continue
				}
				if ns := textnum.Scan(sp.Text); len(ns) > 0 {
					values = append(values, ns[0].Value)
					sum += ns[0].Value
				}
			}
			if in.Count == nil {
				continue
			}
			checked++
			n := *in.Count
			if len(values) > 1 && n == sum || singular && n <= 2 && len(values) == 0 {
				continue
			}
			if ones > 0 && len(values) > 0 && n == sum+ones {
				// "a drone ... then two more": each singular span counts one
				continue
			}
			if slices.Contains(values, n) && !slices.ContainsFunc(values, func(v int) bool { return v > n }) {
				continue // a figure above the count would be a figure the row did not take
			}
			t.Errorf("%s:%d: case %s: row %s: count %d is not supported by its count evidence %v (singular %v)", c.file, c.line, c.id, fmtRow(in), n, values, singular)
		}
	}
	if checked == 0 {
		t.Fatal("no counted rows to check")
	}
}
