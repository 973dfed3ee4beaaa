package cli

import (
	"bufio"
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"os"
	"strings"
	"testing"

	"skyledger/internal/domain"
)

// fixtureExtractor serves hand-built extractions by document id, so the verbs are tested
// without the real extractor; it also returns the documents as a JSONL input.
func fixtureExtractor(t *testing.T, path string) (load func() (extractFunc, error), input string) {
	t.Helper()
	f, err := os.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	exs := map[string]domain.Extraction{}
	var in bytes.Buffer
	sc := bufio.NewScanner(f)
	sc.Buffer(make([]byte, 1<<20), 1<<22)
	for sc.Scan() {
		var x struct {
			Doc domain.Document   `json:"doc"`
			Ex  domain.Extraction `json:"ex"`
		}
		if err := json.Unmarshal(sc.Bytes(), &x); err != nil {
			t.Fatal(err)
		}
		exs[x.Doc.ID] = x.Ex
		b, _ := json.Marshal(x.Doc)
		in.Write(b)
		in.WriteByte('\n')
	}
	return func() (extractFunc, error) {
		return func(d domain.Document) domain.Extraction { return exs[d.ID] }, nil
	}, in.String()
}

func runWith(t *testing.T, fn func(context.Context, []string, Stdio, func() (extractFunc, error)) int,
	load func() (extractFunc, error), stdin string, args ...string) (int, string, string) {
	t.Helper()
	var out, errb bytes.Buffer
	code := fn(context.Background(), args, Stdio{In: strings.NewReader(stdin), Out: &out, Err: &errb}, load)
	return code, out.String(), errb.String()
}

func TestStoriesVerb(t *testing.T) {
	load, input := fixtureExtractor(t, "testdata/cluster_stories.jsonl")
	tests := []struct {
		name     string
		stdin    string
		args     []string
		wantCode int
		wantOut  []string
		wantErr  string
	}{
		{"table", input, nil, exitOK, []string{"STORY", "st-t14-en", "* t14-en", "t14-farm", "st-t16-en"}, ""},
		{"json", input, []string{"--json"}, exitOK, []string{`"id":"st-t14-en"`, `"documents":["t14-en","t14-ru","t14-farm"]`}, ""},
		{"jsonl", input, []string{"--jsonl"}, exitOK, []string{`{"id":"t14-farm","story":"st-t14-en"}`, `{"id":"o14-ru","story":"st-o14-en"}`}, ""},
		{"bad line skipped", "not json\n" + input, nil, exitSkipped, []string{"st-t14-en"}, "line 1"},
		{"bad flag", input, []string{"--nope"}, exitUsage, nil, "flag provided but not defined"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			code, out, errs := runWith(t, runStoriesWith, load, tc.stdin, tc.args...)
			checkRun(t, code, out, errs, tc.wantCode, tc.wantOut, tc.wantErr)
		})
	}
}

func TestStoriesVerbNoExtractor(t *testing.T) {
	load := func() (extractFunc, error) { return nil, errors.New("no gazetteer") }
	code, _, errs := runWith(t, runStoriesWith, load, "")
	if code != exitFailed || !strings.Contains(errs, "no gazetteer.") {
		t.Errorf("exit %d, stderr %q", code, errs)
	}
}

func TestStoriesVerbMissingFile(t *testing.T) {
	load, _ := fixtureExtractor(t, "testdata/cluster_stories.jsonl")
	code, _, errs := runWith(t, runStoriesWith, load, "", "testdata/does-not-exist.jsonl")
	if code != exitFailed || !strings.Contains(errs, "open input") {
		t.Errorf("exit %d, stderr %q", code, errs)
	}
}
