package cluster

import (
	"bufio"
	"encoding/json"
	"fmt"
	"math/rand/v2"
	"os"
	"testing"

	"skyledger/internal/domain"
)

type fixture struct {
	Want string            `json:"want"`
	Doc  domain.Document   `json:"doc"`
	Ex   domain.Extraction `json:"ex"`
}

func loadFixtures(t testing.TB, path string) []fixture {
	t.Helper()
	f, err := os.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	var out []fixture
	sc := bufio.NewScanner(f)
	sc.Buffer(make([]byte, 1<<20), 1<<22)
	for sc.Scan() {
		var x fixture
		if err := json.Unmarshal(sc.Bytes(), &x); err != nil {
			t.Fatalf("%s: %v", path, err)
		}
		out = append(out, x)
	}
	return out
}

func assignFixtures(fx []fixture) map[string]string {
	idx := NewStoryIndex(Options{})
	for _, x := range fx {
		idx.Add(x.Doc, x.Ex)
	}
	out := map[string]string{}
	for _, x := range fx {
		out[x.Doc.ID] = idx.StoryOf(x.Doc.ID)
	}
	return out
}

// TestStoriesFixtures: every pair of fixture documents is in one story exactly when their
// "want" labels agree. stories.jsonl holds rewrites, translations and a content-farm rewrite;
// nearmiss.jsonl the pairs that must not merge: a governor's template post on two nights with
// the same figure, and the same night in a neighbouring region, next to translations that must.
func TestStoriesFixtures(t *testing.T) {
	for _, file := range []string{"testdata/stories.jsonl", "testdata/nearmiss.jsonl"} {
		t.Run(file, func(t *testing.T) {
			fx := loadFixtures(t, file)
			got := assignFixtures(fx)
			for i, a := range fx {
				for _, b := range fx[i+1:] {
					same := got[a.Doc.ID] == got[b.Doc.ID]
					if want := a.Want == b.Want; same != want {
						fa, fb := newFeatures(a.Doc, a.Ex), newFeatures(b.Doc, b.Ex)
						t.Errorf("%s and %s: same story = %v, want %v (%+v score %.2f)", a.Doc.ID, b.Doc.ID, same, want,
							evidence(fa, fb), evidence(fa, fb).score())
					}
				}
			}
		})
	}
}

// TestStoriesOrderIndependent permutes the arrival order: every permutation must give the same
// story ids, because pair decisions look at two documents only and ids name the canonical
// earliest member.
func TestStoriesOrderIndependent(t *testing.T) {
	fx := loadFixtures(t, "testdata/stories.jsonl")
	want := assignFixtures(fx)
	r := rand.New(rand.NewPCG(1, 2))
	for n := 0; n < 50; n++ {
		p := append([]fixture(nil), fx...)
		r.Shuffle(len(p), func(i, j int) { p[i], p[j] = p[j], p[i] })
		got := assignFixtures(p)
		for id, s := range want {
			if got[id] != s {
				t.Fatalf("permutation %d: %s in %s, want %s", n, id, got[id], s)
			}
		}
	}
}

// TestStoriesOutOfDateOrder: reports a year later arrive first and between the members of each
// story, so the window's edge moves past them before their rewrites come; the stories stay the
// same because recent documents are kept whatever their dates.
func TestStoriesOutOfDateOrder(t *testing.T) {
	for _, file := range []string{"testdata/stories.jsonl", "testdata/nearmiss.jsonl"} {
		fx := loadFixtures(t, file)
		want := assignFixtures(fx)
		var mixed []fixture
		for i, x := range fx {
			later := x
			later.Doc.ID = fmt.Sprintf("later-%d", i)
			later.Doc.Published = dayString(parseDay("2027-09-01") + int32(i)) // each moves the edge
			later.Doc.Text = fmt.Sprintf("An unrelated report number %d about the harvest.", i)
			later.Ex = domain.Extraction{ID: later.Doc.ID}
			mixed = append(mixed, later, x)
		}
		got := assignFixtures(mixed)
		for id, st := range want {
			if got[id] != st {
				t.Errorf("%s: %s in %s, want %s as in date order", file, id, got[id], st)
			}
		}
	}
}

func TestStoryIDIsCanonicalEarliest(t *testing.T) {
	fx := loadFixtures(t, "testdata/stories.jsonl")
	got := assignFixtures(fx)
	// t14-ru and t14-en share the earliest date; the id orders them by document id.
	if got["t14-farm"] != "st-t14-en" {
		t.Errorf("story of t14-farm = %q, want st-t14-en", got["t14-farm"])
	}
}

func TestStoriesOriginalIsMostOfficialEarliest(t *testing.T) {
	fx := loadFixtures(t, "testdata/stories.jsonl")
	idx := NewStoryIndex(Options{})
	for _, x := range fx {
		idx.Add(x.Doc, x.Ex)
	}
	for _, st := range idx.Stories() {
		if st.ID == "st-m20-ru" && st.Original != "m20-ru" {
			t.Errorf("original of %s = %s", st.ID, st.Original)
		}
		if st.ID == "st-t14-en" && (len(st.Documents) != 3 || st.Documents[2] != "t14-farm") {
			t.Errorf("documents of %s = %v, undated last", st.ID, st.Documents)
		}
	}
}

func TestAddIsIdempotent(t *testing.T) {
	fx := loadFixtures(t, "testdata/stories.jsonl")
	idx := NewStoryIndex(Options{})
	a := idx.Add(fx[0].Doc, fx[0].Ex)
	b := idx.Add(fx[0].Doc, fx[0].Ex)
	if a != b || idx.Len() != 1 {
		t.Errorf("re-adding a document: %q then %q, len %d", a, b, idx.Len())
	}
	if idx.StoryOf("nope") != "" {
		t.Error("unknown document should have no story")
	}
}

func TestSkeleton(t *testing.T) {
	cases := []struct{ a, b string }{
		{"Shapsha", "Шапша"},
		{"Shapsha", "Шапши"},
		{"Tkachenko", "Ткаченко"},
		{"Gladkov", "Гладков"},
		{"Gładkov", "Gladkov"},
		{"Drozdenko", "Дрозденко"},
		{"Milyaev", "Миляев"},
	}
	for _, c := range cases {
		sa := skeleton(latinLower(lower(c.a)))
		sb := skeleton(latinLower(lower(c.b)))
		if sa != sb {
			t.Errorf("skeleton(%s)=%q, skeleton(%s)=%q", c.a, sa, c.b, sb)
		}
	}
}

func TestTextDates(t *testing.T) {
	cases := []struct {
		text string
		want []int
	}{
		{"on the night of August 27th", []int{827}},
		{"в ночь на 14 марта", []int{314}},
		{"у ніч на 2 квітня", []int{402}},
		{"05:43 28.09.2025 Kyiv", []int{928}},
		{"at 20:01 Moscow time, 3 drones", nil},
	}
	for _, c := range cases {
		_, nums, got, _ := textFeatures(domain.Document{Text: c.text})
		if len(got) != len(c.want) || (len(got) > 0 && got[0] != c.want[0]) {
			t.Errorf("%q: days %v, want %v (nums %v)", c.text, got, c.want, nums)
		}
	}
}

// TestOldDocumentsLeave: documents dated before the window, arriving after its edge stopped
// moving, are kept only while they are among the recent ones; memory stays bounded.
func TestOldDocumentsLeave(t *testing.T) {
	s := NewStoryIndex(Options{WindowDays: 45, RecentDocs: 10})
	s.Add(domain.Document{ID: "edge", Published: "2025-06-01", Text: "Над Брянской областью сбит беспилотник."}, domain.Extraction{})
	for i := 0; i < 200; i++ {
		id := fmt.Sprintf("old-%d", i)
		s.Add(domain.Document{ID: id, Published: "2024-01-15", Text: "Губернатор сообщил о дроне над районом " + id + "."}, domain.Extraction{})
		if s.nLive > 10+1 {
			t.Fatalf("after %d old documents %d keep their features; want at most the 10 recent and the edge", i+1, s.nLive)
		}
	}
	if s.Len() != 201 || s.StoryOf("old-0") == "" {
		t.Fatalf("every document keeps its story: %d documents, old-0 in %q", s.Len(), s.StoryOf("old-0"))
	}
}
