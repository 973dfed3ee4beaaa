package cli

import (
	"bytes"
	"context"
	"encoding/json"
	"strings"
	"testing"
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
