// Package ingest reads reports into domain.Documents. JSONL is the first format:
// one JSON object per line, read as a stream so that a bad line costs one error, never the run.
package ingest

import (
	"bufio"
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"net/url"
	"strconv"
	"strings"
	"time"
	"unicode/utf8"

	"skyledger/internal/domain"
)

// Sentinel errors; a *LineError wraps one of them, so errors.Is works on what Next returns.
var (
	ErrNotJSON     = errors.New("not a JSON object")
	ErrNoText      = errors.New("no text")
	ErrInvalidUTF8 = errors.New("invalid UTF-8")
	ErrTooLarge    = errors.New("line too long")
)

// DefaultMaxLine is the line limit used when NewJSONLReader gets maxLine <= 0.
const DefaultMaxLine = 4 << 20

// LineError is one bad input line. The reader has already moved past it.
type LineError struct {
	Line int
	Err  error
}

func (e *LineError) Error() string { return fmt.Sprintf("line %d: %v", e.Line, e.Err) }
func (e *LineError) Unwrap() error { return e.Err }

// JSONLReader streams documents from JSON Lines. It holds at most one line (up to maxLine bytes).
type JSONLReader struct {
	br      *bufio.Reader
	maxLine int
	line    int
	buf     []byte // reused for lines longer than the bufio buffer
	warning string
	err     error // sticky read error (io.EOF at the end)
}

// NewJSONLReader reads from r; lines longer than maxLine bytes (default 4 MiB) are skipped with ErrTooLarge.
func NewJSONLReader(r io.Reader, maxLine int) *JSONLReader {
	if maxLine <= 0 {
		maxLine = DefaultMaxLine
	}
	size := 64 << 10
	if maxLine+1 < size {
		size = max(maxLine+1, 16) // bufio's minimum is 16
	}
	return &JSONLReader{br: bufio.NewReaderSize(r, size), maxLine: maxLine}
}

// Line is the number (1-based) of the last line Next looked at.
func (r *JSONLReader) Line() int { return r.line }

// Warning describes a recoverable problem with the last document Next returned
// (e.g. an unparseable published date that was dropped), or "" when there was none.
func (r *JSONLReader) Warning() string { return r.warning }

// Next returns the next document. At the end it returns io.EOF. A bad line gives a *LineError;
// call Next again to go on with the following line.
func (r *JSONLReader) Next() (domain.Document, error) {
	r.warning = ""
	for {
		if r.err != nil {
			return domain.Document{}, r.err
		}
		line, tooLong, err := r.readLine()
		if err != nil {
			if err != io.EOF {
				err = fmt.Errorf("read line %d: %w", r.line+1, err)
			}
			r.err = err
			if line == nil && !tooLong {
				return domain.Document{}, err
			}
		}
		r.line++
		if tooLong {
			return domain.Document{}, &LineError{r.line, fmt.Errorf("%w: more than %d bytes", ErrTooLarge, r.maxLine)}
		}
		line = bytes.TrimSpace(line)
		if len(line) == 0 {
			continue
		}
		doc, err := r.decode(line)
		if err != nil {
			return domain.Document{}, &LineError{r.line, err}
		}
		return doc, nil
	}
}

// readLine returns the next line without its newline. When the line exceeds maxLine it discards
// the rest of it up to the newline without keeping it, and reports tooLong.
func (r *JSONLReader) readLine() (line []byte, tooLong bool, err error) {
	r.buf = r.buf[:0]
	for {
		chunk, err := r.br.ReadSlice('\n')
		if !tooLong {
			if len(r.buf)+len(chunk) > r.maxLine+1 { // +1: the newline itself does not count
				tooLong = true
				r.buf = r.buf[:0]
			} else if err == bufio.ErrBufferFull || len(r.buf) > 0 {
				r.buf = append(r.buf, chunk...)
				line = r.buf
			} else {
				line = chunk
			}
		}
		switch err {
		case bufio.ErrBufferFull:
			continue
		case nil:
			if tooLong {
				return nil, true, nil
			}
			line = bytes.TrimSuffix(line, []byte{'\n'})
			if len(line) > r.maxLine {
				return nil, true, nil
			}
			return line, false, nil
		default: // io.EOF or a read error: a last line without newline is still a line
			if tooLong {
				return nil, true, err
			}
			if len(line) == 0 && len(r.buf) == 0 {
				return nil, false, err
			}
			if len(line) > r.maxLine {
				return nil, true, err
			}
			return line, false, err
		}
	}
}

type rawDoc struct {
	ID        json.RawMessage `json:"id"`
	URL       string          `json:"url"`
	Published json.RawMessage `json:"published"`
	Title     string          `json:"title"`
	Text      *string         `json:"text"`
	Publisher string          `json:"publisher"`
	Lang      string          `json:"lang"`
}

func (r *JSONLReader) decode(line []byte) (domain.Document, error) {
	if !utf8.Valid(line) {
		return domain.Document{}, fmt.Errorf("%w at byte %d", ErrInvalidUTF8, firstInvalid(line))
	}
	if line[0] != '{' {
		return domain.Document{}, fmt.Errorf("%w: starts with %q", ErrNotJSON, preview(line))
	}
	var raw rawDoc
	if err := json.Unmarshal(line, &raw); err != nil {
		return domain.Document{}, fmt.Errorf("%w: %v", ErrNotJSON, err)
	}
	if raw.Text == nil {
		return domain.Document{}, fmt.Errorf("%w: the \"text\" field is missing", ErrNoText)
	}
	if strings.TrimSpace(*raw.Text) == "" {
		return domain.Document{}, fmt.Errorf("%w: the \"text\" field is empty", ErrNoText)
	}
	doc := domain.Document{
		URL:       raw.URL,
		Title:     raw.Title,
		Text:      *raw.Text,
		Publisher: raw.Publisher,
		Lang:      raw.Lang,
	}
	doc.ID = decodeID(raw.ID)
	if doc.ID == "" {
		doc.ID = "line-" + strconv.Itoa(r.line)
	}
	pub, warn := normalizePublished(raw.Published)
	doc.Published = pub
	r.warning = warn
	if doc.Publisher == "" && doc.URL != "" {
		doc.Publisher = hostOf(doc.URL)
	}
	return doc, nil
}

// decodeID accepts a string or a number id; anything else counts as missing.
func decodeID(b json.RawMessage) string {
	if len(b) == 0 {
		return ""
	}
	if b[0] == '"' {
		var s string
		if json.Unmarshal(b, &s) == nil {
			return strings.TrimSpace(s)
		}
		return ""
	}
	if b[0] == '-' || (b[0] >= '0' && b[0] <= '9') {
		return string(b)
	}
	return ""
}

// publishedLayouts are tried in order; the date is kept as written (the publisher's local date).
var publishedLayouts = []string{
	time.RFC3339Nano,
	"2006-01-02T15:04:05",
	"2006-01-02 15:04:05",
	"2006-01-02 15:04:05Z07:00",
	"2006-01-02T15:04",
}

// normalizePublished turns the published field into YYYY-MM-DD, or "" with a warning when it
// cannot be read. null and "" are simply unknown.
func normalizePublished(b json.RawMessage) (string, string) {
	if len(b) == 0 || string(b) == "null" {
		return "", ""
	}
	var s string
	if err := json.Unmarshal(b, &s); err != nil {
		return "", fmt.Sprintf("published is not a string (%s); left empty", preview(b))
	}
	s = strings.TrimSpace(s)
	if s == "" {
		return "", ""
	}
	if len(s) == 10 {
		if t, err := time.Parse(time.DateOnly, s); err == nil {
			return t.Format(time.DateOnly), ""
		}
	}
	for _, layout := range publishedLayouts {
		if t, err := time.Parse(layout, s); err == nil {
			return t.Format(time.DateOnly), ""
		}
	}
	return "", fmt.Sprintf("published %q is not a date; left empty", preview([]byte(s)))
}

// hostOf gives the URL's host without "www." and port, lower-cased; "" when there is none.
func hostOf(raw string) string {
	u, err := url.Parse(strings.TrimSpace(raw))
	if err != nil {
		return ""
	}
	h := strings.ToLower(u.Hostname())
	return strings.TrimPrefix(h, "www.")
}

func firstInvalid(b []byte) int {
	for i := 0; i < len(b); {
		r, n := utf8.DecodeRune(b[i:])
		if r == utf8.RuneError && n <= 1 {
			return i
		}
		i += n
	}
	return -1
}

// preview is a short, printable start of b for error messages.
func preview(b []byte) string {
	const n = 24
	if len(b) > n {
		b = b[:n]
		for len(b) > 0 && !utf8.Valid(b) {
			b = b[:len(b)-1]
		}
		return string(b) + "…"
	}
	return string(b)
}
