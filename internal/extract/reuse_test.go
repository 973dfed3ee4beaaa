package extract

import (
	"encoding/json"
	"testing"

	"skyledger/internal/domain"
)

// TestReusedMemory: extractions kept while later documents are read do not change. The
// extractor reuses a document's working memory for the next one, so nothing an extraction
// keeps (a count pointer, a slice of evidence) may point into it.
func TestReusedMemory(t *testing.T) {
	x := testExtractor(t)
	docs := benchCorpus(t)
	pass, gaps := loadCases(t)
	for _, c := range append(pass, gaps...) {
		docs = append(docs, c.doc)
	}
	want := make([]string, len(docs))
	kept := make([]domain.Extraction, len(docs))
	for i, d := range docs {
		kept[i] = x.Extract(d)
		b, err := json.Marshal(kept[i])
		if err != nil {
			t.Fatal(err)
		}
		want[i] = string(b)
	}
	// read them all again, then look at what was kept
	for _, d := range docs {
		x.Extract(d)
	}
	for i := range docs {
		b, _ := json.Marshal(kept[i])
		if string(b) != want[i] {
			t.Errorf("%s: the extraction changed after later documents:\n%s\nwas\n%s", docs[i].ID, b, want[i])
		}
	}
}
