package cli

import (
	"context"
	"encoding/json"
	"fmt"
	"text/tabwriter"
	"unicode/utf8"

	"skyledger/internal/cluster"
	"skyledger/internal/domain"
)

func runStories(ctx context.Context, args []string, stdio Stdio) int {
	return runStoriesWith(ctx, args, stdio, loadExtractor)
}

func runStoriesWith(ctx context.Context, args []string, stdio Stdio, load func() (extractFunc, error)) int {
	fs := newFlags("stories", "[--json | --jsonl] [--window DAYS] [FILE...]", stdio)
	asJSON := fs.Bool("json", false, "write one JSON object per story")
	asJSONL := fs.Bool("jsonl", false, `write one {"id","story"} line per document, in input order`)
	window := fs.Int("window", 0, "days within which documents can join one story (default 45)")
	if code, ok := parseFlags(fs, args); !ok {
		return code
	}
	extract, err := load()
	if err != nil {
		return finish("stories", 0, err, stdio)
	}
	res, err := runPipeline(ctx, "stories", fs.Args(), stdio, extract, cluster.Options{WindowDays: *window})
	if err != nil {
		return finish("stories", res.skipped, err, stdio)
	}
	switch {
	case *asJSONL:
		enc := json.NewEncoder(stdio.Out)
		enc.SetEscapeHTML(false)
		for _, in := range res.inputs {
			if err := enc.Encode(struct {
				ID    string `json:"id"`
				Story string `json:"story"`
			}{in.Doc.ID, in.Story}); err != nil {
				return finish("stories", res.skipped, fmt.Errorf("write output: %w", err), stdio)
			}
		}
	case *asJSON:
		enc := json.NewEncoder(stdio.Out)
		enc.SetEscapeHTML(false)
		for _, st := range res.index.Stories() {
			if err := enc.Encode(st); err != nil {
				return finish("stories", res.skipped, fmt.Errorf("write output: %w", err), stdio)
			}
		}
	default:
		if err := printStories(stdio, res.index.Stories(), res.inputs); err != nil {
			return finish("stories", res.skipped, fmt.Errorf("write output: %w", err), stdio)
		}
	}
	return finish("stories", res.skipped, nil, stdio)
}

// printStories writes a human table: one line per story, then its documents indented.
func printStories(stdio Stdio, stories []domain.Story, inputs []cluster.Input) error {
	byID := map[string]domain.Document{}
	for _, in := range inputs {
		byID[in.Doc.ID] = in.Doc
	}
	tw := tabwriter.NewWriter(stdio.Out, 0, 4, 2, ' ', 0)
	fmt.Fprintln(tw, "STORY\tDOCS\tFIRST\tLAST\tORIGINAL")
	for _, st := range stories {
		fmt.Fprintf(tw, "%s\t%d\t%s\t%s\t%s\n", st.ID, len(st.Documents), orDash(st.First), orDash(st.Last), st.Original)
		for _, id := range st.Documents {
			d := byID[id]
			mark := " "
			if id == st.Original {
				mark = "*"
			}
			title := d.Title
			if title == "" {
				title = d.Text
			}
			fmt.Fprintf(tw, "  %s %s\t\t%s\t%s\t%s\n", mark, id, orDash(d.Published), orDash(publisherOf(d)), clip(title, 70))
		}
	}
	return tw.Flush()
}

func orDash(s string) string {
	if s == "" {
		return "-"
	}
	return s
}

// clip shortens s to n runes on one line.
func clip(s string, n int) string {
	out := make([]rune, 0, n)
	for _, r := range s {
		if r == '\n' || r == '\t' || r == '\r' {
			r = ' '
		}
		if len(out) == n {
			return string(out[:n-1]) + "…"
		}
		out = append(out, r)
	}
	_ = utf8.RuneError
	return string(out)
}

// publisherOf is the document's publisher, or its URL host.
func publisherOf(d domain.Document) string {
	if d.Publisher != "" {
		return d.Publisher
	}
	return cluster.PublisherOf(d)
}
