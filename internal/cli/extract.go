package cli

import (
	"bufio"
	"bytes"
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

	"skyledger/internal/cluster"
	"skyledger/internal/domain"
	"skyledger/internal/extract"
	"skyledger/internal/gazetteer"
	"skyledger/internal/ingest"
)

const extractSynopsis = `[--stats] [--explain] [--stream] [--workers N] [--window DAYS] [FILE...]

Reads documents as JSON Lines ({"id","published","title","text",...}; stdin when no FILE) and
writes one JSON line per document, in input order: {"id","story","lang","incidents":[...],"flags":[...]}
as in the eval contract, each incident with "evidence" spans ("start"/"end" in bytes and
"char_start"/"char_end" in characters into "text"; a field prefixed "title." points into "title")
and "launched" when a report gives drones launched.

"story" names the document's story (an original with its rewrites, reprints and translations,
across all inputs). A later document can join two stories, so lines are written once every
document is read: extraction streams through the workers, only each document's compact story
features stay in memory, and the extracted lines wait in a temporary file (in --spool-dir).
--stream writes each line as soon as it is extracted instead, with "story" set to the document id.

--explain writes, instead of JSON, a readable account per document: each row, and for each field
the rule that set it and the words it came from (it streams, without stories).
--stats prints documents, incidents, stories, skipped lines and documents per second to stderr.

A bad line (not JSON, no text, invalid UTF-8, longer than --max-line) is reported on stderr with
its file and line number and skipped; the rest is processed and the exit code is 3.`

func runExtract(ctx context.Context, args []string, stdio Stdio) int {
	fs := newFlags("extract", extractSynopsis, stdio)
	stats := fs.Bool("stats", false, "print throughput and counts to stderr")
	explain := fs.Bool("explain", false, "write a human-readable explanation instead of JSON")
	workers := fs.Int("workers", runtime.GOMAXPROCS(0), "documents extracted in parallel")
	maxLine := fs.Int("max-line", 8<<20, "longest input line in bytes; longer lines are skipped")
	stream := fs.Bool("stream", false, `write each line as soon as it is extracted; "story" is then the document id`)
	window := fs.Int("window", 0, "days within which documents can join one story (default 45)")
	spoolDir := fs.String("spool-dir", "", "directory for the temporary file of extracted lines (default: the system's)")
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

	var sink extractSink = directSink{out}
	var spool *storySpool
	if !*explain && !*stream {
		spool, err = newStorySpool(*spoolDir, cluster.Options{WindowDays: *window})
		if err != nil {
			fmt.Fprintf(stdio.Err, "skyledger extract: %s\n", oneSentence(err))
			return exitFailed
		}
		defer spool.close()
		sink = spool
	}
	mode := extractMode{explain: *explain, stories: spool != nil}

	files := fs.Args()
	var st extractStats
	start := time.Now()
	code := exitOK
	run := func(name string, r io.Reader) bool {
		c := extractStream(ctx, x, name, r, sink, stdio.Err, *workers, *maxLine, mode, &st)
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
	if spool != nil {
		if ctx.Err() != nil {
			fmt.Fprintln(stdio.Err, "skyledger extract: interrupted before stories were resolved; nothing written (--stream writes line by line).")
			return exitFailed
		}
		if err := spool.writeTo(out); err != nil {
			fmt.Fprintf(stdio.Err, "skyledger extract: %s\n", oneSentence(err))
			return exitFailed
		}
		st.stories = spool.index.StoryCount()
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
		stories := "no stories"
		if spool != nil {
			stories = fmt.Sprintf("%d stories", st.stories)
		}
		fmt.Fprintf(stdio.Err, "extract: %d documents, %d incidents, %d flags, %s, %d skipped lines in %.2fs (%.0f docs/s, %d workers)\n",
			st.docs, st.incidents, st.flags, stories, st.skipped, el, rate, *workers)
	}
	return code
}

type extractStats struct {
	docs, incidents, flags, skipped, stories int
}

type extractMode struct {
	explain bool // write extract.Explain text instead of JSON
	stories bool // prepare story features and leave "story" empty for the spool to fill
}

type extractJob struct {
	seq int
	doc domain.Document
}

type extractResult struct {
	seq  int
	out  []byte
	inc  int
	fl   int
	prep *cluster.Prepared // story features, in stories mode
}

// extractSink receives the results of one run in input order.
type extractSink interface {
	put(res extractResult) error
}

// directSink writes each line at once (--stream, --explain).
type directSink struct{ w io.Writer }

func (d directSink) put(res extractResult) error {
	_, err := d.w.Write(res.out)
	return err
}

// extractStream reads one input with a pool of workers and writes results in input order. At most
// a few documents per worker are in flight, so memory does not grow with the input.
func extractStream(ctx context.Context, x *extract.Extractor, name string, r io.Reader, sink extractSink, errw io.Writer,
	workers, maxLine int, mode extractMode, st *extractStats) int {
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
				res := extractOne(x, j, mode)
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
					msg := oneSentence(le.Err)
					if errors.Is(le.Err, ingest.ErrTooLarge) {
						msg = strings.TrimSuffix(msg, ".") + " (--max-line raises the limit)."
					}
					fmt.Fprintf(errw, "skyledger extract: %s:%d: skipped: %s\n", name, le.Line, msg)
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
				if err := sink.put(p); err != nil {
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

func extractOne(x *extract.Extractor, j extractJob, mode extractMode) extractResult {
	e := x.Extract(j.doc)
	res := extractResult{seq: j.seq, inc: len(e.Incidents), fl: len(e.Flags)}
	if mode.explain {
		var b strings.Builder
		extract.Explain(&b, j.doc, e)
		res.out = []byte(b.String())
		return res
	}
	e.ID = j.doc.ID
	e.Story = j.doc.ID
	if mode.stories {
		res.prep = cluster.Prepare(j.doc, e)
		e.Story = "" // filled by the spool once every document is in
	}
	b, err := json.Marshal(e)
	if err != nil {
		b, _ = json.Marshal(domain.Extraction{ID: j.doc.ID, Story: e.Story, Incidents: []domain.Incident{}, Flags: []domain.Flag{}})
	}
	res.out = append(b, '\n')
	return res
}

// storySpool holds the extracted lines until every document is in and stories are final: the
// lines go to an unlinked temporary file, and memory keeps only the story index (features of the
// documents inside its window, a few words per older document) and one Ref per line.
type storySpool struct {
	index *cluster.StoryIndex
	file  *os.File
	w     *bufio.Writer
	refs  []cluster.Ref
}

func newStorySpool(dir string, opts cluster.Options) (*storySpool, error) {
	f, err := os.CreateTemp(dir, "skyledger-extract-*.jsonl")
	if err != nil {
		return nil, fmt.Errorf("create spool file: %w", err)
	}
	// Unlinked at once on Unix: the space comes back however the process ends.
	_ = os.Remove(f.Name())
	return &storySpool{index: cluster.NewStoryIndex(opts), file: f, w: bufio.NewWriterSize(f, 256<<10)}, nil
}

func (s *storySpool) put(res extractResult) error {
	s.refs = append(s.refs, s.index.AddPrepared(res.prep))
	if _, err := s.w.Write(res.out); err != nil {
		return fmt.Errorf("write spool file: %w", err)
	}
	return nil
}

// storyKey is how every spooled line starts after its id: encoding/json writes the fields of
// domain.Extraction in order and "story" is second. Inside a JSON string a quote is always
// escaped, so the first match is the field itself.
var storyKey = []byte(`,"story":""`)

// writeTo writes the spooled lines in input order with their final stories.
func (s *storySpool) writeTo(out io.Writer) error {
	if err := s.w.Flush(); err != nil {
		return fmt.Errorf("write spool file: %w", err)
	}
	if _, err := s.file.Seek(0, io.SeekStart); err != nil {
		return fmt.Errorf("rewind spool file: %w", err)
	}
	r := bufio.NewReaderSize(s.file, 256<<10)
	var line []byte
	for n, ref := range s.refs {
		var err error
		line, err = readLine(r, line[:0])
		if err != nil {
			return fmt.Errorf("read spool file at line %d: %w", n+1, err)
		}
		story, _ := json.Marshal(s.index.StoryOfRef(ref))
		k := bytes.Index(line, storyKey)
		if k < 0 {
			return fmt.Errorf("spool line %d has no story field", n+1)
		}
		k += len(storyKey) - 2 // at the empty string's opening quote
		if _, err := out.Write(line[:k]); err != nil {
			return fmt.Errorf("write output: %w", err)
		}
		if _, err := out.Write(story); err != nil {
			return fmt.Errorf("write output: %w", err)
		}
		if _, err := out.Write(line[k+2:]); err != nil {
			return fmt.Errorf("write output: %w", err)
		}
	}
	return nil
}

func (s *storySpool) close() {
	name := s.file.Name()
	_ = s.file.Close()
	_ = os.Remove(name) // where unlinking an open file failed
}

// readLine appends one whole line, newline included, to buf.
func readLine(r *bufio.Reader, buf []byte) ([]byte, error) {
	for {
		chunk, err := r.ReadSlice('\n')
		buf = append(buf, chunk...)
		if err == bufio.ErrBufferFull {
			continue
		}
		if err == io.EOF && len(buf) > 0 {
			return buf, nil
		}
		return buf, err
	}
}
