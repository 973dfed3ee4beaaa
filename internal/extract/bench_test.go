package extract

import (
	"strings"
	"testing"

	"skyledger/internal/domain"
)

// benchCorpus builds reports of about 2 KB from the case files: each case's report, followed by
// the reports of other cases in the same language as further paragraphs (as a long news page
// adds background), until it reaches 2 KB.
func benchCorpus(tb testing.TB) []domain.Document {
	pass, gaps := loadCases(tb)
	cs := append(pass, gaps...)
	langOf := func(c *caseFile) string {
		if c.lang != "" {
			return c.lang
		}
		return c.id[:2]
	}
	var docs []domain.Document
	for i, c := range cs {
		var b strings.Builder
		b.WriteString(c.doc.Text)
		for k := 1; k < len(cs) && b.Len() < 2000; k++ {
			o := cs[(i+k)%len(cs)]
			if langOf(o) != langOf(c) {
				continue
			}
			b.WriteString("\n\n")
			b.WriteString(o.doc.Text)
		}
		d := c.doc
		d.Text = b.String()
		docs = append(docs, d)
	}
	return docs
}

// BenchmarkExtract: documents per second on reports of about 2 KB (issue 3 asks for at least
// 5,000 per core: go test -run '^$' -bench BenchmarkExtract -cpu 1 ./internal/extract/).
func BenchmarkExtract(b *testing.B) {
	x := testExtractor(b)
	docs := benchCorpus(b)
	total := 0
	for _, d := range docs {
		total += len(d.Text) + len(d.Title)
	}
	b.SetBytes(int64(total / len(docs)))
	b.ReportAllocs()
	b.ResetTimer()
	i := 0
	for b.Loop() {
		x.Extract(docs[i%len(docs)])
		i++
	}
	b.ReportMetric(float64(b.N)/b.Elapsed().Seconds(), "docs/s")
}
