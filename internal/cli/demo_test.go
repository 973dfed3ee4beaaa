package cli

import (
	"bytes"
	"context"
	"strings"
	"testing"
)

// TestDemo runs the demo end to end on the embedded sample: it must succeed and show every stage,
// including the planted errors of the sample's content-farm rewrite.
func TestDemo(t *testing.T) {
	var out, errb bytes.Buffer
	code := Run(context.Background(), []string{"demo"}, Stdio{In: strings.NewReader(""), Out: &out, Err: &errb})
	if code != exitOK {
		t.Fatalf("demo exit %d, stderr:\n%s", code, errb.String())
	}
	got := out.String()
	for _, want := range []string{
		"== Incidents extracted", "== Stories", "== Nightly ledger",
		"s-ru-mod-0614", "RU-KLU", "RU-BRY", "intercept",
		"FLAG place_not_in_region", "FLAG region_wrong_country",
		"no incident reported",
	} {
		if !strings.Contains(got, want) {
			t.Errorf("demo output lacks %q", want)
		}
	}
	if t.Failed() {
		t.Logf("output:\n%s", got)
	}
}
