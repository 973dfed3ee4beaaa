package cli

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"skyledger/internal/cluster"
	"skyledger/internal/domain"
)

func TestExtractBadLinesAreSkipped(t *testing.T) {
	in := strings.Join([]string{
		`{"id":"a","published":"2025-06-14","text":"Сегодня ночью силами ПВО сбит беспилотник над Калужской областью. Пострадавших нет."}`,
		`this is not json`,
		`{"id":"b","published":"2025-06-14"}`,
		"{\"id\":\"c\",\"text\":\"bad \xff utf8\"}",
		`{"id":"d","published":"2025-06-14","text":"Air defences downed a drone over the Bryansk region, the governor said."}`,
	}, "\n")
	var out, errb bytes.Buffer
	code := Run(context.Background(), []string{"extract"}, Stdio{In: strings.NewReader(in), Out: &out, Err: &errb})
	if code != exitSkipped {
		t.Fatalf("exit code %d, want %d; stderr:\n%s", code, exitSkipped, errb.String())
	}
	for _, want := range []string{"stdin:2", "stdin:3", "stdin:4"} {
		if !strings.Contains(errb.String(), want) {
			t.Errorf("stderr lacks %q:\n%s", want, errb.String())
		}
	}
	lines := strings.Split(strings.TrimSpace(out.String()), "\n")
	if len(lines) != 2 {
		t.Fatalf("got %d output lines, want 2:\n%s", len(lines), out.String())
	}
	var ids []string
	for _, l := range lines {
		var e struct {
			ID        string            `json:"id"`
			Incidents []json.RawMessage `json:"incidents"`
		}
		if err := json.Unmarshal([]byte(l), &e); err != nil {
			t.Fatalf("output is not JSON: %v: %s", err, l)
		}
		ids = append(ids, e.ID)
		if len(e.Incidents) == 0 {
			t.Errorf("%s: no incidents", e.ID)
		}
	}
	if strings.Join(ids, ",") != "a,d" {
		t.Errorf("ids %v, want input order a,d", ids)
	}
}

// TestExtractLongLineSaysHowToReadIt: a line over the limit is skipped with a message naming its
// line and the option that reads it, and the next line is still read.
func TestExtractLongLineSaysHowToReadIt(t *testing.T) {
	long := `{"id":"long","text":"` + strings.Repeat("Drone downed. ", 40) + `"}`
	in := long + "\n" + `{"id":"d","published":"2025-06-14","text":"Air defences downed a drone over the Bryansk region, the governor said."}`
	var out, errb bytes.Buffer
	code := Run(context.Background(), []string{"extract", "--max-line", "300"}, Stdio{In: strings.NewReader(in), Out: &out, Err: &errb})
	if code != exitSkipped {
		t.Fatalf("exit code %d, want %d; stderr:\n%s", code, exitSkipped, errb.String())
	}
	if e := errb.String(); !strings.Contains(e, "stdin:1: skipped: line too long") || !strings.Contains(e, "--max-line") {
		t.Errorf("stderr does not name the line and the option:\n%s", e)
	}
	if !strings.HasPrefix(out.String(), `{"id":"d"`) || strings.Count(out.String(), "\n") != 1 {
		t.Errorf("want the one short document out, got:\n%s", out.String())
	}
}

func TestExtractOrderWithManyWorkers(t *testing.T) {
	var in strings.Builder
	for i := 0; i < 200; i++ {
		in.WriteString(`{"id":"`)
		in.WriteString(strings.Repeat("x", i%7))
		in.WriteString(string(rune('a' + i%26)))
		in.WriteString(`","text":"A drone was shot down over Kursk."}` + "\n")
	}
	var out, errb bytes.Buffer
	code := Run(context.Background(), []string{"extract", "--workers", "8", "--stats"}, Stdio{In: strings.NewReader(in.String()), Out: &out, Err: &errb})
	if code != exitOK {
		t.Fatalf("exit %d: %s", code, errb.String())
	}
	lines := strings.Split(strings.TrimSpace(out.String()), "\n")
	if len(lines) != 200 {
		t.Fatalf("%d lines", len(lines))
	}
	for i, l := range lines {
		want := `{"id":"` + strings.Repeat("x", i%7) + string(rune('a'+i%26)) + `"`
		if !strings.HasPrefix(l, want) {
			t.Fatalf("line %d = %s, want prefix %s", i, l, want)
		}
	}
	if !strings.Contains(errb.String(), "docs/s") {
		t.Errorf("--stats printed nothing: %q", errb.String())
	}
}

func TestExtractExplain(t *testing.T) {
	in := `{"id":"e","published":"2025-06-14","text":"Air defences downed a drone over the Bryansk region, the governor said."}`
	var out, errb bytes.Buffer
	code := Run(context.Background(), []string{"extract", "--explain"}, Stdio{In: strings.NewReader(in), Out: &out, Err: &errb})
	if code != exitOK {
		t.Fatalf("exit %d: %s", code, errb.String())
	}
	if !strings.Contains(out.String(), "intercept") || !strings.Contains(out.String(), "RU-BRY") {
		t.Errorf("explain output:\n%s", out.String())
	}
}

// extractLines runs extract and decodes each output line's id and story.
func extractLines(t *testing.T, stdin string, args ...string) (ids, stories []string, stderr string) {
	t.Helper()
	var out, errb bytes.Buffer
	code := Run(context.Background(), append([]string{"extract"}, args...), Stdio{In: strings.NewReader(stdin), Out: &out, Err: &errb})
	if code != exitOK {
		t.Fatalf("exit %d: %s", code, errb.String())
	}
	for _, l := range strings.Split(strings.TrimSpace(out.String()), "\n") {
		var e struct{ ID, Story string }
		if err := json.Unmarshal([]byte(l), &e); err != nil {
			t.Fatalf("output is not JSON: %v: %s", err, l)
		}
		ids = append(ids, e.ID)
		stories = append(stories, e.Story)
	}
	return ids, stories, errb.String()
}

// TestExtractFillsStory: the governor's post, the wire item and two rewrites with planted errors
// share a story; the same region's next night and another region's same night do not.
func TestExtractFillsStory(t *testing.T) {
	in, err := os.ReadFile("testdata/story_rewrites.jsonl")
	if err != nil {
		t.Fatal(err)
	}
	ids, stories, stderr := extractLines(t, string(in), "--stats")
	story := map[string]string{}
	for i := range ids {
		story[ids[i]] = stories[i]
	}
	want := map[string]string{
		"bry-gov": "A", "bry-wire": "A", "bry-farm1": "A", "bry-farm2": "A",
		"bry-gov-next": "B", "kur-gov": "C",
	}
	if strings.Join(ids, ",") != "bry-gov,bry-wire,bry-farm1,bry-farm2,bry-gov-next,kur-gov" {
		t.Errorf("ids %v, want input order", ids)
	}
	for a, ga := range want {
		for b, gb := range want {
			if a < b && (story[a] == story[b]) != (ga == gb) {
				t.Errorf("%s (%s) and %s (%s): same story = %v, want %v", a, story[a], b, story[b], story[a] == story[b], ga == gb)
			}
		}
	}
	if story["bry-farm1"] != "st-bry-gov" && story["bry-farm1"] != "st-bry-wire" {
		t.Errorf("story id %q should name the story's earliest member", story["bry-farm1"])
	}
	if !strings.Contains(stderr, "3 stories") {
		t.Errorf("--stats lacks the story count: %q", stderr)
	}

	// --stream writes at once, without stories
	_, streamed, _ := extractLines(t, string(in), "--stream")
	for i, s := range streamed {
		if s != ids[i] {
			t.Errorf("--stream: line %d story %q, want the document id %q", i, s, ids[i])
		}
	}
}

// TestExtractStoriesAcrossFiles: one story index spans every input file.
func TestExtractStoriesAcrossFiles(t *testing.T) {
	in, err := os.ReadFile("testdata/story_rewrites.jsonl")
	if err != nil {
		t.Fatal(err)
	}
	lines := strings.SplitAfter(strings.TrimSpace(string(in)), "\n")
	dir := t.TempDir()
	a, b := filepath.Join(dir, "a.jsonl"), filepath.Join(dir, "b.jsonl")
	if err := os.WriteFile(a, []byte(strings.Join(lines[:2], "")), 0o644); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(b, []byte(strings.Join(lines[2:], "")), 0o644); err != nil {
		t.Fatal(err)
	}
	ids, stories, _ := extractLines(t, "", "--spool-dir", dir, a, b)
	if len(ids) != len(lines) || ids[0] != "bry-gov" || stories[3] != stories[0] {
		t.Errorf("ids %v stories %v: bry-farm2 (second file) should share bry-gov's story", ids, stories)
	}
	left, _ := os.ReadDir(dir)
	if len(left) != 2 {
		t.Errorf("spool file left behind in %s: %v", dir, left)
	}
}

// TestStorySpoolSplicesStory: lines longer than the spool's buffers come back whole, with the
// story spliced into the empty field and the rest of the line untouched.
func TestStorySpoolSplicesStory(t *testing.T) {
	sp, err := newStorySpool(t.TempDir(), cluster.Options{})
	if err != nil {
		t.Fatal(err)
	}
	defer sp.close()
	long := strings.Repeat("ж", 400_000) // 800 kB, over the reader's buffer
	var want []string
	for i, id := range []string{"x1", `q"uote`, "x3"} {
		ex := domain.Extraction{ID: id, Incidents: []domain.Incident{}, Flags: []domain.Flag{{Type: "t", Detail: long[:i*1000]}}}
		// a year apart: three stories
		doc := domain.Document{ID: id, Published: fmt.Sprintf("%d-01-02", 2020+i), Text: "Drone over Kursk"}
		b, _ := json.Marshal(ex)
		if err := sp.put(extractResult{out: append(b, '\n'), prep: cluster.Prepare(doc, ex)}); err != nil {
			t.Fatal(err)
		}
		ex.Story = "st-" + id
		w, _ := json.Marshal(ex)
		want = append(want, string(w))
	}
	var out bytes.Buffer
	if err := sp.writeTo(&out); err != nil {
		t.Fatal(err)
	}
	got := strings.Split(strings.TrimSuffix(out.String(), "\n"), "\n")
	if len(got) != len(want) {
		t.Fatalf("%d lines, want %d", len(got), len(want))
	}
	for i := range want {
		if got[i] != want[i] {
			t.Errorf("line %d:\n got %.120s\nwant %.120s", i, got[i], want[i])
		}
	}
}
