package cli

import (
	"encoding/json"
	"testing"

	"skyledger/internal/domain"
)

func TestNightlyVerb(t *testing.T) {
	load, input := fixtureExtractor(t, "testdata/cluster_events.jsonl")
	tests := []struct {
		name     string
		args     []string
		wantCode int
		wantOut  []string
		wantErr  string
	}{
		{"table", nil, exitOK, []string{"NIGHT", "2026-05-03", "RU-BRY", "(national)", "unreconciled"}, ""},
		{"csv rows", []string{"--csv"}, exitOK, []string{"night,region,country,intercepted,impact,debris,sources,events", "2026-05-03,RU-BRY,RU,8,,,2,"}, ""},
		{"csv checks", []string{"--csv", "--checks"}, exitOK, []string{"2026-05-03,intercept,mod-0503,mod,9,12,4,,-3,unreconciled"}, ""},
		{"both formats", []string{"--csv", "--json"}, exitUsage, nil, "choose one"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			code, out, errs := runWith(t, runNightlyWith, load, input, tc.args...)
			checkRun(t, code, out, errs, tc.wantCode, tc.wantOut, tc.wantErr)
		})
	}
}

func TestNightlyVerbJSON(t *testing.T) {
	load, input := fixtureExtractor(t, "testdata/cluster_events.jsonl")
	code, out, errs := runWith(t, runNightlyWith, load, input, "--json")
	if code != exitOK {
		t.Fatalf("exit %d, stderr %q", code, errs)
	}
	var l domain.Ledger
	if err := json.Unmarshal([]byte(out), &l); err != nil {
		t.Fatal(err)
	}
	if len(l.Rows) == 0 || len(l.Checks) != 1 || l.Checks[0].Status != "unreconciled" {
		t.Errorf("ledger %+v", l)
	}
}
