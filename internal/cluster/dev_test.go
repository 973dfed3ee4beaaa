package cluster

import (
	"bufio"
	"encoding/json"
	"fmt"
	"math/rand/v2"
	"os"
	"sort"
	"testing"

	"skyledger/internal/domain"
	"skyledger/internal/extract"
	"skyledger/internal/gazetteer"
)

const devPath = "/work/shared/eval/dev.jsonl"

type devRow struct {
	domain.Document
	Story     string            `json:"story"`
	Incidents []domain.Incident `json:"incidents"`
	Notes     string            `json:"notes"`
}

func loadDev(t testing.TB) []devRow {
	f, err := os.Open(devPath)
	if err != nil {
		t.Skipf("dev set not available: %v", err)
	}
	defer f.Close()
	var rows []devRow
	sc := bufio.NewScanner(f)
	sc.Buffer(make([]byte, 1<<20), 1<<24)
	for sc.Scan() {
		var r devRow
		if err := json.Unmarshal(sc.Bytes(), &r); err != nil {
			t.Fatal(err)
		}
		rows = append(rows, r)
	}
	return rows
}

// pairF1 scores predicted story ids against gold ones as score.py does.
func pairF1(gold, pred []string) (p, r, f float64, tp, fp, fn int) {
	for i := range gold {
		for j := i + 1; j < len(gold); j++ {
			sg, sp := gold[i] == gold[j], pred[i] == pred[j]
			switch {
			case sg && sp:
				tp++
			case sp:
				fp++
			case sg:
				fn++
			}
		}
	}
	p, r = 1, 1
	if tp+fp > 0 {
		p = float64(tp) / float64(tp+fp)
	}
	if tp+fn > 0 {
		r = float64(tp) / float64(tp+fn)
	}
	if p+r > 0 {
		f = 2 * p * r / (p + r)
	}
	return
}

// TestDevStoriesGoldFacts clusters the dev set with its gold incidents standing in for the
// extractor: it measures the clustering alone. TestDevStoriesExtracted measures it on what the
// extractor reads; score.py gives the same end-to-end figure.
func TestDevStoriesGoldFacts(t *testing.T) {
	rows := loadDev(t)
	exs := make([]domain.Extraction, len(rows))
	for i, r := range rows {
		exs[i] = domain.Extraction{ID: r.ID, Incidents: r.Incidents}
	}
	f := devStories(t, "gold facts", rows, exs)
	if f < 0.95 {
		t.Errorf("story F1 %.3f with gold facts, want >= 0.95", f)
	}
	// The same set in shuffled orders: documents years apart arrive between a story's
	// members, and the result must not change.
	r := rand.New(rand.NewPCG(3, 5))
	for k := 0; k < 5; k++ {
		perm := r.Perm(len(rows))
		prow := make([]devRow, len(rows))
		pexs := make([]domain.Extraction, len(rows))
		for i, p := range perm {
			prow[i], pexs[i] = rows[p], exs[p]
		}
		if g := devStories(t, fmt.Sprintf("gold facts, shuffled %d", k), prow, pexs); g != f {
			t.Errorf("shuffled order %d: story F1 %.3f, want %.3f as in file order", k, g, f)
		}
	}
}

// TestDevStoriesExtracted only reports: the extractor is measured by its own tests.
func TestDevStoriesExtracted(t *testing.T) {
	rows := loadDev(t)
	g, err := gazetteer.Load()
	if err != nil {
		t.Fatal(err)
	}
	x, err := extract.New(g)
	if err != nil {
		t.Fatal(err)
	}
	exs := make([]domain.Extraction, len(rows))
	for i, r := range rows {
		d := r.Document
		d.Lang = ""
		exs[i] = x.Extract(d)
	}
	devStories(t, "extracted facts", rows, exs)
}

// devStories clusters the dev documents with the given extractions and logs the pair scores;
// CLUSTER_DEBUG=1 prints every pair that is gold, predicted or scores over 1.
func devStories(t *testing.T, what string, rows []devRow, exs []domain.Extraction) float64 {
	docs := make([]domain.Document, len(rows))
	gold := make([]string, len(rows))
	for i, r := range rows {
		docs[i] = r.Document
		docs[i].Lang = ""
		gold[i] = r.Story
	}
	pred := Assign(docs, exs, Options{})
	p, rc, f, tp, fp, fn := pairF1(gold, pred)
	t.Logf("story pairs with %s: P=%.3f R=%.3f F1=%.3f tp=%d fp=%d fn=%d", what, p, rc, f, tp, fp, fn)
	if os.Getenv("CLUSTER_DEBUG") != "" {
		feats := make([]*features, len(rows))
		for i := range rows {
			feats[i] = newFeatures(docs[i], exs[i])
		}
		type line struct {
			s    float64
			text string
		}
		var lines []line
		for i := range rows {
			for j := i + 1; j < len(rows); j++ {
				e := evidence(feats[i], feats[j])
				sg, sp := gold[i] == gold[j], pred[i] == pred[j]
				if sg || sp || e.score() > 1.0 || e.keyShared || e.keySoft {
					lines = append(lines, line{e.score(), fmt.Sprintf("%s %s gold=%v pred=%v same=%v score=%.2f %+v", rows[i].ID, rows[j].ID, sg, sp, e.same(Options{}.withDefaults().Threshold), e.score(), e)})
				}
			}
		}
		sort.Slice(lines, func(a, b int) bool { return lines[a].s > lines[b].s })
		for _, l := range lines {
			fmt.Println(l.text)
		}
		for i := range rows {
			fmt.Println(rows[i].ID, feats[i].names, feats[i].nums, feats[i].mdays, feats[i].facts)
		}
	}
	return f
}
