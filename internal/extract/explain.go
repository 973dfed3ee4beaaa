package extract

import (
	"fmt"
	"io"
	"strings"

	"skyledger/internal/domain"
)

// Explain writes a human-readable account of an extraction: each row, then for every field the
// rule that set it and the words it came from.
func Explain(w io.Writer, doc domain.Document, e domain.Extraction) {
	fmt.Fprintf(w, "== %s (lang %s, published %s): %d incidents, %d flags\n", e.ID, e.Lang, orNull(doc.Published), len(e.Incidents), len(e.Flags))
	for i, inc := range e.Incidents {
		fmt.Fprintf(w, "  #%d %s date=%s country=%s region=%s place=%s count=%s killed=%s injured=%s reporter=%s",
			i+1, inc.Kind, orNull(string(inc.Date)), orNull(string(inc.Country)), orNull(string(inc.Region)), orNull(string(inc.Place)),
			intOrNull(inc.Count), intOrNull(inc.Killed), intOrNull(inc.Injured), orNull(string(inc.Reporter)))
		if inc.Launched != nil {
			fmt.Fprintf(w, " launched=%d", *inc.Launched)
		}
		fmt.Fprintln(w)
		for _, sp := range inc.Evidence {
			fmt.Fprintf(w, "      %-9s %-28s %q @%d-%d\n", sp.Field, sp.Rule, clip(sp.Text, 60), sp.Start, sp.End)
		}
	}
	for _, f := range e.Flags {
		fmt.Fprintf(w, "  FLAG %s: %s", f.Type, f.Detail)
		if f.Suggestion != "" {
			fmt.Fprintf(w, " (suggestion: %s)", f.Suggestion)
		}
		fmt.Fprintln(w)
		for _, sp := range f.Evidence {
			fmt.Fprintf(w, "      %-9s %-28s %q @%d-%d\n", sp.Field, sp.Rule, clip(sp.Text, 60), sp.Start, sp.End)
		}
	}
}

func orNull(s string) string {
	if s == "" {
		return "null"
	}
	return s
}

func intOrNull(p *int) string {
	if p == nil {
		return "null"
	}
	return fmt.Sprint(*p)
}

func clip(s string, n int) string {
	s = strings.ReplaceAll(s, "\n", " ")
	r := []rune(s)
	if len(r) > n {
		return string(r[:n]) + "…"
	}
	return s
}
