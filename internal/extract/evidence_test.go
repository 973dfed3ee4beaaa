package extract

import (
	"fmt"
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
