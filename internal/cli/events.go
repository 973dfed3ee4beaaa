package cli

import (
	"context"
	"encoding/json"
	"fmt"

	"skyledger/internal/cluster"
)

func runEvents(ctx context.Context, args []string, stdio Stdio) int {
	return runEventsWith(ctx, args, stdio, loadExtractor)
}

func runEventsWith(ctx context.Context, args []string, stdio Stdio, load func() (extractFunc, error)) int {
	fs := newFlags("events", "[--provenance] [--window DAYS] [FILE...]", stdio)
	prov := fs.Bool("provenance", false, "write each story's provenance (original and what each rewrite changed) instead of events")
	window := fs.Int("window", 0, "days within which documents can join one story (default 45)")
	if code, ok := parseFlags(fs, args); !ok {
		return code
	}
	extract, err := load()
	if err != nil {
		return finish("events", 0, err, stdio)
	}
	res, err := runPipeline(ctx, "events", fs.Args(), stdio, extract, cluster.Options{WindowDays: *window})
	if err != nil {
		return finish("events", res.skipped, err, stdio)
	}
	enc := json.NewEncoder(stdio.Out)
	enc.SetEscapeHTML(false)
	if *prov {
		for _, p := range cluster.Provenance(res.inputs) {
			if err := enc.Encode(p); err != nil {
				return finish("events", res.skipped, fmt.Errorf("write output: %w", err), stdio)
			}
		}
		return finish("events", res.skipped, nil, stdio)
	}
	for _, ev := range cluster.Events(res.inputs) {
		if err := enc.Encode(ev); err != nil {
			return finish("events", res.skipped, fmt.Errorf("write output: %w", err), stdio)
		}
	}
	return finish("events", res.skipped, nil, stdio)
}
