package sample

import (
	"bufio"
	"bytes"
	"encoding/json"
	"testing"
)

func TestReportsAreValidDocuments(t *testing.T) {
	sc := bufio.NewScanner(bytes.NewReader(Reports))
	sc.Buffer(make([]byte, 1<<20), 1<<20)
	seen := map[string]bool{}
	for n := 1; sc.Scan(); n++ {
		var d struct{ ID, Text, Published string }
		if err := json.Unmarshal(sc.Bytes(), &d); err != nil {
			t.Fatalf("line %d: %v", n, err)
		}
		if d.ID == "" || d.Text == "" || len(d.Published) != len("2006-01-02") {
			t.Errorf("line %d: id, text and published are required, got %+v", n, d)
		}
		if seen[d.ID] {
			t.Errorf("line %d: duplicate id %q", n, d.ID)
		}
		seen[d.ID] = true
	}
	if len(seen) < 8 {
		t.Errorf("sample has %d reports, want at least 8", len(seen))
	}
}
