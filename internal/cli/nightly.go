package cli

import (
	"context"
	"encoding/csv"
	"encoding/json"
	"fmt"
	"strconv"
	"strings"
	"text/tabwriter"

	"skyledger/internal/cluster"
	"skyledger/internal/domain"
)

func runNightly(ctx context.Context, args []string, stdio Stdio) int {
	return runNightlyWith(ctx, args, stdio, loadExtractor)
}

func runNightlyWith(ctx context.Context, args []string, stdio Stdio, load func() (extractFunc, error)) int {
	fs := newFlags("nightly", "[--json | --csv [--checks]] [FILE...]", stdio)
	asJSON := fs.Bool("json", false, "write the ledger (rows and reconciliation checks) as one JSON object")
	asCSV := fs.Bool("csv", false, "write the ledger rows as CSV")
	checks := fs.Bool("checks", false, "with --csv: write the reconciliation checks instead of the rows")
	window := fs.Int("window", 0, "days within which documents can join one story (default 45)")
	if code, ok := parseFlags(fs, args); !ok {
		return code
	}
	if *asJSON && *asCSV {
		fmt.Fprintln(stdio.Err, "skyledger nightly: choose one of --json and --csv.")
		return exitUsage
	}
	extract, err := load()
	if err != nil {
		return finish("nightly", 0, err, stdio)
	}
	res, err := runPipeline(ctx, "nightly", fs.Args(), stdio, extract, cluster.Options{WindowDays: *window})
	if err != nil {
		return finish("nightly", res.skipped, err, stdio)
	}
	ledger := cluster.Ledger(cluster.Events(res.inputs), res.inputs)
	switch {
	case *asJSON:
		enc := json.NewEncoder(stdio.Out)
		enc.SetEscapeHTML(false)
		enc.SetIndent("", " ")
		err = enc.Encode(ledger)
	case *asCSV && *checks:
		err = writeChecksCSV(stdio, ledger.Checks)
	case *asCSV:
		err = writeLedgerCSV(stdio, ledger.Rows)
	default:
		err = printLedger(stdio, ledger)
	}
	if err != nil {
		err = fmt.Errorf("write output: %w", err)
	}
	return finish("nightly", res.skipped, err, stdio)
}

func numOrEmpty(p *int) string {
	if p == nil {
		return ""
	}
	return strconv.Itoa(*p)
}

func regionLabel(r domain.NullString) string {
	if r == "" {
		return "(national)"
	}
	return string(r)
}

func writeLedgerCSV(stdio Stdio, rows []domain.LedgerRow) error {
	w := csv.NewWriter(stdio.Out)
	_ = w.Write([]string{"night", "region", "country", "intercepted", "impact", "debris", "sources", "events"})
	for _, r := range rows {
		_ = w.Write([]string{r.Night, string(r.Region), string(r.Country), numOrEmpty(r.Intercepted), numOrEmpty(r.Impact),
			numOrEmpty(r.Debris), strconv.Itoa(r.Sources), strings.Join(r.Events, " ")})
	}
	w.Flush()
	return w.Error()
}

func writeChecksCSV(stdio Stdio, checks []domain.Reconciliation) error {
	w := csv.NewWriter(stdio.Out)
	_ = w.Write([]string{"night", "kind", "document", "reporter", "national", "regional_sum", "regions", "unknown_regions", "gap", "status"})
	for _, c := range checks {
		_ = w.Write([]string{c.Night, string(c.Kind), c.Document, c.Reporter, numOrEmpty(c.National), strconv.Itoa(c.RegionalSum),
			strconv.Itoa(c.Regions), strings.Join(c.Unknown, " "), numOrEmpty(c.Gap), c.Status})
	}
	w.Flush()
	return w.Error()
}

// printLedger writes the rows as a table, then the checks; unreconciled gaps are spelled out.
func printLedger(stdio Stdio, l domain.Ledger) error {
	tw := tabwriter.NewWriter(stdio.Out, 0, 4, 2, ' ', tabwriter.AlignRight)
	fmt.Fprintln(tw, "NIGHT\tREGION\tINTERCEPTED\tIMPACT\tDEBRIS\tSOURCES\t")
	dash := func(p *int) string {
		if p == nil {
			return "-"
		}
		return strconv.Itoa(*p)
	}
	for _, r := range l.Rows {
		fmt.Fprintf(tw, "%s\t%s\t%s\t%s\t%s\t%d\t\n", r.Night, regionLabel(r.Region), dash(r.Intercepted), dash(r.Impact), dash(r.Debris), r.Sources)
	}
	if err := tw.Flush(); err != nil {
		return err
	}
	if len(l.Checks) == 0 {
		return nil
	}
	fmt.Fprintln(stdio.Out, "\nNational totals against each source's regional figures:")
	tw = tabwriter.NewWriter(stdio.Out, 0, 4, 2, ' ', 0)
	fmt.Fprintln(tw, "NIGHT\tKIND\tSOURCE\tNATIONAL\tREGIONS SUM\tGAP\tSTATUS")
	for _, c := range l.Checks {
		status := c.Status
		if len(c.Unknown) > 0 {
			status += " (no figure for " + strings.Join(c.Unknown, ", ") + ")"
		}
		fmt.Fprintf(tw, "%s\t%s\t%s\t%s\t%d (%d regions)\t%s\t%s\n", c.Night, c.Kind, c.Document, dash(c.National), c.RegionalSum, c.Regions, dash(c.Gap), status)
	}
	return tw.Flush()
}
