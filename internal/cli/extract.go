package cli

import (
	"bufio"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"os"
	"runtime"
	"strings"
	"sync"
	"time"

	"skyledger/internal/domain"
	"skyledger/internal/extract"
	"skyledger/internal/gazetteer"
	"skyledger/internal/ingest"
)

const extractSynopsis = `[--stats] [--explain] [--workers N] [FILE...]

Reads documents as JSON Lines ({"id","published","title","text",...}; stdin when no FILE) and
writes one JSON line per document, in input order: {"id","story","lang","incidents":[...],"flags":[...]}
as in the eval contract, each incident with "evidence" spans (byte offsets into "text"; a field
prefixed "title." points into "title") and "launched" when a report gives drones launched.

--explain writes, instead of JSON, a readable account per document: each row, and for each field
the rule that set it and the words it came from.
--stats prints documents, incidents, skipped lines and documents per second to stderr at the end.

A bad line (not JSON, no text, invalid UTF-8, longer than --max-line) is reported on stderr with
its file and line number and skipped; the rest is processed and the exit code is 3.`

func runExtract(ctx context.Context, args []string, stdio Stdio) int {
	fs := newFlags("extract", extractSynopsis, stdio)
	stats := fs.Bool("stats", false, "print throughput and counts to stderr")
	explain := fs.Bool("explain", false, "write a human-readable explanation instead of JSON")
	workers := fs.Int("workers", runtime.GOMAXPROCS(0), "documents extracted in parallel")
	maxLine := fs.Int("max-line", 8<<20, "longest input line in bytes; longer lines are skipped")
	if code, ok := parseFlags(fs, args); !ok {
		return code
	}
	if *workers < 1 {
		*workers = 1
	}
	g, err := gazetteer.Load()
	if err != nil {
		fmt.Fprintf(stdio.Err, "skyledger extract: load gazetteer: %s\n", oneSentence(err))
		return exitFailed
	}
	x, err := extract.New(g)
	if err != nil {
		fmt.Fprintf(stdio.Err, "skyledger extract: %s\n", oneSentence(err))
		return exitFailed
	}
	out := bufio.NewWriterSize(stdio.Out, 64<<10)
	defer out.Flush()

	files := fs.Args()
	var st extractStats
	start := time.Now()
	code := exitOK
	run := func(name string, r io.Reader) bool {
		c := extractStream(ctx, x, name, r, out, stdio.Err, *workers, *maxLine, *explain, &st)
		if c == exitFailed {
			code = exitFailed
			return false
		}
		if c == exitSkipped && code == exitOK {
			code = exitSkipped
		}
		return true
	}
	if len(files) == 0 {
		run("stdin", stdio.In)
	}
	for _, name := range files {
		if ctx.Err() != nil {
			break
		}
		f, err := os.Open(name)
		if err != nil {
			fmt.Fprintf(stdio.Err, "skyledger extract: %s\n", oneSentence(err))
			code = exitFailed
			continue
		}
		ok := run(name, f)
		f.Close()
		if !ok {
			break
		}
	}
	if err := out.Flush(); err != nil {
		fmt.Fprintf(stdio.Err, "skyledger extract: write output: %s\n", oneSentence(err))
		return exitFailed
	}
	if ctx.Err() != nil {
		fmt.Fprintln(stdio.Err, "skyledger extract: interrupted; output is complete up to the last written line.")
		return exitFailed
	}
	if *stats {
		el := time.Since(start).Seconds()
		rate := 0.0
		if el > 0 {
			rate = float64(st.docs) / el
		}
		fmt.Fprintf(stdio.Err, "extract: %d documents, %d incidents, %d flags, %d skipped lines in %.2fs (%.0f docs/s, %d workers)\n",
			st.docs, st.incidents, st.flags, st.skipped, el, rate, *workers)
	}
	return code
}

type extractStats struct {
	docs, incidents, flags, skipped int
}

type extractJob struct {
	seq int
	doc domain.Document
}

type extractResult struct {
	seq int
	out []byte
	inc int
	fl  int
}

// extractStream reads one input with a pool of workers and writes results in input order. At most
// a few documents per worker are in flight, so memory does not grow with the input.
func extractStream(ctx context.Context, x *extract.Extractor, name string, r io.Reader, out io.Writer, errw io.Writer,
	workers, maxLine int, explain bool, st *extractStats) int {
	ctx, cancel := context.WithCancel(ctx)
	defer cancel()
	jobs := make(chan extractJob, workers*2)
	results := make(chan extractResult, workers*2)
	var wg sync.WaitGroup
	for range workers {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for j := range jobs {
				res := extractOne(x, j, explain)
				select {
				case results <- res:
				case <-ctx.Done():
					return
				}
			}
		}()
	}
	code := exitOK
	var readErr error
	readerDone := make(chan struct{})
	go func() {
		defer close(readerDone)
		defer close(jobs)
		rd := ingest.NewJSONLReader(r, maxLine)
		seq := 0
		for {
			doc, err := rd.Next()
			if errors.Is(err, io.EOF) {
				return
			}
			if err != nil {
				var le *ingest.LineError
				if errors.As(err, &le) {
					fmt.Fprintf(errw, "skyledger extract: %s:%d: skipped: %s\n", name, le.Line, oneSentence(le.Err))
					code = exitSkipped
					st.skipped++
					continue
				}
				readErr = err
				return
			}
			select {
			case jobs <- extractJob{seq: seq, doc: doc}:
				seq++
			case <-ctx.Done():
				return
			}
		}
	}()
	go func() {
		wg.Wait()
		close(results)
	}()
	// reorder
	pending := map[int]extractResult{}
	next := 0
	var werr error
	for res := range results {
		pending[res.seq] = res
		for {
			p, ok := pending[next]
			if !ok {
				break
			}
			delete(pending, next)
			next++
			st.docs++
			st.incidents += p.inc
			st.flags += p.fl
			if werr == nil {
				if _, err := out.Write(p.out); err != nil {
					werr = err
					cancel()
				}
			}
		}
	}
	cancel() // unblocks the reader if the workers stopped early
	<-readerDone
	if werr != nil {
		fmt.Fprintf(errw, "skyledger extract: write output: %s\n", oneSentence(werr))
		return exitFailed
	}
	if readErr != nil {
		fmt.Fprintf(errw, "skyledger extract: %s: %s\n", name, oneSentence(readErr))
		return exitFailed
	}
	return code
}

func extractOne(x *extract.Extractor, j extractJob, explain bool) extractResult {
	e := x.Extract(j.doc)
	res := extractResult{seq: j.seq, inc: len(e.Incidents), fl: len(e.Flags)}
	if explain {
		var b strings.Builder
		extract.Explain(&b, j.doc, e)
		res.out = []byte(b.String())
		return res
	}
	b, err := json.Marshal(e)
	if err != nil {
		b, _ = json.Marshal(domain.Extraction{ID: j.doc.ID, Story: j.doc.ID, Incidents: []domain.Incident{}, Flags: []domain.Flag{}})
	}
	res.out = append(b, '\n')
	return res
}
