package cli

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"io"

	"skyledger/internal/domain"
	"skyledger/internal/ingest"
	"skyledger/internal/sample"
)

const demoSynopsis = `

Runs the whole pipeline on the bundled sample reports (our own text in the shapes real reports
take: a ministry tally, a governor's post, its wire version and a content-farm rewrite with planted
errors, Ukrainian air-force and oblast posts, a page with no incident) and prints what each stage
found: the incidents and flags of every report, the stories, and the nightly ledger.`

func runDemo(ctx context.Context, args []string, stdio Stdio) int {
	fs := newFlags("demo", demoSynopsis, stdio)
	if code, ok := parseFlags(fs, args); !ok {
		return code
	}
	extract, err := loadExtractor()
	if err != nil {
		fmt.Fprintf(stdio.Err, "skyledger demo: %s\n", oneSentence(err))
		return exitFailed
	}
	if err := printDemoIncidents(stdio, extract); err != nil {
		fmt.Fprintf(stdio.Err, "skyledger demo: %s\n", oneSentence(err))
		return exitFailed
	}
	load := func() (extractFunc, error) { return extract, nil }
	in := Stdio{In: bytes.NewReader(sample.Reports), Out: stdio.Out, Err: stdio.Err}
	fmt.Fprintln(stdio.Out, "\n== Stories (documents that report the same thing)")
	if code := runStoriesWith(ctx, nil, in, load); code != exitOK {
		return code
	}
	in.In = bytes.NewReader(sample.Reports)
	fmt.Fprintln(stdio.Out, "\n== Nightly ledger")
	if code := runNightlyWith(ctx, nil, in, load); code != exitOK {
		return code
	}
	fmt.Fprintln(stdio.Out, "\nTry it on your own reports: skyledger extract --explain < reports.jsonl")
	return exitOK
}

// printDemoIncidents prints one block per sample report: its rows and its flags.
func printDemoIncidents(stdio Stdio, extract extractFunc) error {
	fmt.Fprintln(stdio.Out, "== Incidents extracted from the bundled sample reports")
	r := ingest.NewJSONLReader(bytes.NewReader(sample.Reports), 0)
	for {
		doc, err := r.Next()
		if errors.Is(err, io.EOF) {
			return nil
		}
		if err != nil {
			return fmt.Errorf("read the bundled sample: %w", err)
		}
		ex := extract(doc)
		fmt.Fprintf(stdio.Out, "\n%s (%s, published %s)\n", doc.ID, ex.Lang, orDash(doc.Published))
		if len(ex.Incidents) == 0 {
			fmt.Fprintln(stdio.Out, "  no incident reported")
		}
		for _, in := range ex.Incidents {
			fmt.Fprintf(stdio.Out, "  %-9s %-10s %-7s %-22s count=%s killed=%s injured=%s by %s\n",
				in.Kind, orDash(string(in.Date)), demoRegion(in), clip(string(in.Place), 22),
				numOrDash(in.Count), numOrDash(in.Killed), numOrDash(in.Injured), orDash(string(in.Reporter)))
		}
		for _, f := range ex.Flags {
			fmt.Fprintf(stdio.Out, "  FLAG %s: %s\n", f.Type, f.Detail)
		}
	}
}

func demoRegion(in domain.Incident) string {
	switch {
	case in.Region != "":
		return string(in.Region)
	case in.Country != "":
		return string(in.Country) + " (all)"
	}
	return "sea"
}

func numOrDash(p *int) string {
	if p == nil {
		return "-"
	}
	return fmt.Sprint(*p)
}
