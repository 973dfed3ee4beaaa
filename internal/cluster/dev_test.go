package cluster

import (
	"bufio"
	"encoding/json"
	"fmt"
	"os"
	"sort"
	"testing"

	"skyledger/internal/domain"
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
// extractor: it measures the clustering alone. The end-to-end figure comes from score.py.
func TestDevStoriesGoldFacts(t *testing.T) {
	rows := loadDev(t)
	docs := make([]domain.Document, len(rows))
	exs := make([]domain.Extraction, len(rows))
	gold := make([]string, len(rows))
	for i, r := range rows {
		docs[i] = r.Document
		docs[i].Lang = ""
		exs[i] = domain.Extraction{ID: r.ID, Incidents: r.Incidents}
		gold[i] = r.Story
	}
	pred := Assign(docs, exs, Options{})
	p, rc, f, tp, fp, fn := pairF1(gold, pred)
	t.Logf("story pairs with gold facts: P=%.3f R=%.3f F1=%.3f tp=%d fp=%d fn=%d", p, rc, f, tp, fp, fn)
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
				if sg || sp || e.score() > 1.0 {
					lines = append(lines, line{e.score(), fmt.Sprintf("%s %s gold=%v pred=%v score=%.2f %+v", rows[i].ID, rows[j].ID, sg, sp, e.score(), e)})
				}
			}
		}
		sort.Slice(lines, func(a, b int) bool { return lines[a].s > lines[b].s })
		for _, l := range lines {
			fmt.Println(l.text)
		}
		for i := range rows {
			fmt.Println(rows[i].ID, feats[i].names, feats[i].nums, feats[i].mdays)
		}
	}
	if f < 0.95 {
		t.Errorf("story F1 %.3f with gold facts, want >= 0.95", f)
	}
}
