package cli

import (
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"runtime"
	"sync"

	"skyledger/internal/cluster"
	"skyledger/internal/domain"
	"skyledger/internal/ingest"
)

// extractFunc extracts the incidents and flags of one document.
type extractFunc func(domain.Document) domain.Extraction

// pipelineResult is what the stories, events and nightly verbs share: every good document of
// the input, extracted and assigned to its story, plus how many lines were skipped.
type pipelineResult struct {
	inputs  []cluster.Input
	index   *cluster.StoryIndex
	skipped int
}

// readDocuments reads JSONL documents from files (stdin when there are none or for "-"),
// reporting each bad line on stderr and going on.
func readDocuments(ctx context.Context, verb string, files []string, stdio Stdio) (docs []domain.Document, skipped int, err error) {
	if len(files) == 0 {
		files = []string{"-"}
	}
	for _, name := range files {
		var r io.Reader = stdio.In
		var f *os.File
		if name != "-" {
			f, err = os.Open(name)
			if err != nil {
				return nil, skipped, fmt.Errorf("open input: %w", err)
			}
			r = f
		}
		jr := ingest.NewJSONLReader(r, 0)
		for {
			if err := ctx.Err(); err != nil {
				closeFile(f)
				return nil, skipped, err
			}
			doc, err := jr.Next()
			if errors.Is(err, io.EOF) {
				break
			}
			var le *ingest.LineError
			if errors.As(err, &le) {
				skipped++
				fmt.Fprintf(stdio.Err, "skyledger %s: %s: %s; line skipped.\n", verb, displayName(name), le.Error())
				continue
			}
			if err != nil {
				closeFile(f)
				return nil, skipped, fmt.Errorf("read %s: %w", displayName(name), err)
			}
			docs = append(docs, doc)
		}
		closeFile(f)
	}
	return docs, skipped, nil
}

func closeFile(f *os.File) {
	if f != nil {
		_ = f.Close()
	}
}

func displayName(name string) string {
	if name == "-" {
		return "stdin"
	}
	return name
}

// runPipeline reads, extracts and clusters. The story index sees documents in input order;
// the final story of each comes from Resolve once all are in.
func runPipeline(ctx context.Context, verb string, files []string, stdio Stdio, extract extractFunc, opts cluster.Options) (pipelineResult, error) {
	docs, skipped, err := readDocuments(ctx, verb, files, stdio)
	if err != nil {
		return pipelineResult{skipped: skipped}, err
	}
	res := pipelineResult{skipped: skipped, index: cluster.NewStoryIndex(opts)}
	exs := make([]domain.Extraction, len(docs))
	preps := make([]*cluster.Prepared, len(docs))
	// Extraction and story features in parallel (each worker takes every n-th document); the
	// index then takes them in input order.
	workers := min(runtime.GOMAXPROCS(0), max(1, len(docs)))
	var wg sync.WaitGroup
	for w := range workers {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := w; i < len(docs); i += workers {
				if ctx.Err() != nil {
					return
				}
				exs[i] = extract(docs[i])
				exs[i].ID = docs[i].ID
				preps[i] = cluster.Prepare(docs[i], exs[i])
			}
		}()
	}
	wg.Wait()
	if err := ctx.Err(); err != nil {
		return res, err
	}
	for _, p := range preps {
		res.index.AddPrepared(p)
	}
	for i, d := range docs {
		exs[i].Story = res.index.Resolve(d.ID)
		res.inputs = append(res.inputs, cluster.Input{Doc: d, Ex: exs[i], Story: exs[i].Story})
	}
	return res, nil
}

// finish maps a pipeline outcome to an exit code.
func finish(verb string, skipped int, err error, stdio Stdio) int {
	if err != nil {
		fmt.Fprintf(stdio.Err, "skyledger %s: %s\n", verb, oneSentence(err))
		return exitFailed
	}
	if skipped > 0 {
		fmt.Fprintf(stdio.Err, "skyledger %s: %d input line(s) skipped.\n", verb, skipped)
		return exitSkipped
	}
	return exitOK
}
