package cli

import (
	"encoding/json"
	"strings"
	"testing"

	"skyledger/internal/domain"
)

func TestEventsVerb(t *testing.T) {
	load, input := fixtureExtractor(t, "testdata/cluster_events.jsonl")
	code, out, errs := runWith(t, runEventsWith, load, input)
	if code != exitOK {
		t.Fatalf("exit %d, stderr %q", code, errs)
	}
	var evs []domain.Event
	for _, line := range strings.Split(strings.TrimSpace(out), "\n") {
		var ev domain.Event
		if err := json.Unmarshal([]byte(line), &ev); err != nil {
			t.Fatalf("not JSON: %q: %v", line, err)
		}
		evs = append(evs, ev)
	}
	var klu *domain.Event
	for i := range evs {
		if evs[i].ID == "ev-intercept-2026-05-03-RU-KLU" {
			klu = &evs[i]
		}
	}
	if klu == nil || len(klu.Sources) != 2 {
		t.Fatalf("Kaluga event: %+v", klu)
	}
}

func TestEventsVerbProvenance(t *testing.T) {
	load, input := fixtureExtractor(t, "testdata/cluster_stories.jsonl")
	code, out, errs := runWith(t, runEventsWith, load, input, "--provenance")
	if code != exitOK {
		t.Fatalf("exit %d, stderr %q", code, errs)
	}
	for _, want := range []string{`"story":"st-t14-en"`, `\"Aleksinsky District\" became \"Alexandrovsky District\"`, `\"Tula Region\" became \"Ukraine's Tula Region\"`} {
		if !strings.Contains(out, want) {
			t.Errorf("provenance lacks %s:\n%s", want, out)
		}
	}
}

func TestEventsVerbSkippedLine(t *testing.T) {
	load, input := fixtureExtractor(t, "testdata/cluster_events.jsonl")
	code, out, errs := runWith(t, runEventsWith, load, input+"{\"id\":\"x\"}\n")
	if code != exitSkipped || !strings.Contains(errs, "line 4") || !strings.Contains(out, "ev-intercept") {
		t.Errorf("exit %d, stderr %q", code, errs)
	}
}
