package extract

import (
	"skyledger/internal/domain"
	"strings"
	"testing"
)

func TestParseCategory(t *testing.T) {
	for c := category(0); c < catOfficial; c++ {
		got, err := parseCategory(c.String())
		if err != nil || got != c {
			t.Errorf("parseCategory(%q) = %v, %v; want %v", c.String(), got, err, c)
		}
	}
	for _, name := range []string{"", "Drone", "drones", "official", "rep-governor"} {
		if _, err := parseCategory(name); err == nil || !strings.Contains(err.Error(), "unknown category") {
			t.Errorf("parseCategory(%q): want an unknown-category error, got %v", name, err)
		}
	}
	if _, err := parsePattern("dron", "", "drone", "en.tsv:7"); err == nil || !strings.HasPrefix(err.Error(), "en.tsv:7: ") {
		t.Errorf("a misspelt category must be reported with its line, got %v", err)
	}
}

// TestGroupByCategory: a sentence's hits grouped by category keep their text order, and the
// groups of neighbouring sentences stay valid together.
func TestGroupByCategory(t *testing.T) {
	x := testExtractor(t)
	text := "Governor Ivan Petrov said a drone was shot down and another drone was shot down. Debris fell on a house. No casualties."
	st := x.prepare(domain.Document{ID: "t", Text: text, Published: "2025-08-27"})
	defer x.release(st)
	if len(st.sents) < 3 {
		t.Fatalf("want 3 sentences, got %d", len(st.sents))
	}
	g0, g1, g2 := st.group(0), st.group(1), st.group(2)
	if len(g0[catIntercept]) != 2 || g0[catIntercept][0].start >= g0[catIntercept][1].start {
		t.Errorf("sentence 0 intercepts: %+v", g0[catIntercept])
	}
	if len(g0[catDebris]) != 0 || len(g1[catDebris]) != 1 || len(g2[catNoCas]) != 1 {
		t.Errorf("debris %d/%d, no casualties %d", len(g0[catDebris]), len(g1[catDebris]), len(g2[catNoCas]))
	}
	if st.group(0) != g0 || len(g0[catIntercept]) != 2 {
		t.Error("sentence 0's group changed after its neighbours were grouped")
	}
	for c := range g0 {
		for _, h := range g0[c] {
			if h.p.cat != category(c) {
				t.Errorf("hit %q of category %v grouped under %v", h.p.raw, h.p.cat, category(c))
			}
		}
	}
}
