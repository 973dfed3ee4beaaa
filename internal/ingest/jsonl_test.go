package ingest

import (
	"bytes"
	"errors"
	"io"
	"strings"
	"testing"
	"testing/iotest"

	"skyledger/internal/domain"
)

type result struct {
	doc  domain.Document
	line int
	err  error
}

func readAll(t testing.TB, in string, maxLine int) []result {
	t.Helper()
	r := NewJSONLReader(strings.NewReader(in), maxLine)
	var out []result
	for i := 0; i < 10000; i++ {
		doc, err := r.Next()
		if err == io.EOF {
			return out
		}
		out = append(out, result{doc, r.Line(), err})
	}
	t.Fatal("reader did not reach EOF")
	return nil
}

func TestJSONLReaderGood(t *testing.T) {
	in := `{"id":"a1","url":"https://www.example.org/news/1","published":"2025-08-27","title":"T","text":"Дрони збито над областю."}` + "\n" +
		"\n   \n" +
		`{"url":"https://news.example.com:8443/x","published":"2025-08-27T23:30:00+03:00","text":"Over 20 drones.","extra":[1,2,{"a":null}]}` + "\r\n" +
		`{"id":42,"published":null,"text":"x","publisher":"Channel One","lang":"ru"}` + "\n" +
		`{"id":"b","published":"yesterday","text":"y"}` // no final newline
	got := readAll(t, in, 0)
	want := []struct {
		line int
		doc  domain.Document
	}{
		{1, domain.Document{ID: "a1", URL: "https://www.example.org/news/1", Published: "2025-08-27", Title: "T", Text: "Дрони збито над областю.", Publisher: "example.org"}},
		{4, domain.Document{ID: "line-4", URL: "https://news.example.com:8443/x", Published: "2025-08-27", Text: "Over 20 drones.", Publisher: "news.example.com"}},
		{5, domain.Document{ID: "42", Text: "x", Publisher: "Channel One", Lang: "ru"}},
		{6, domain.Document{ID: "b", Text: "y"}},
	}
	if len(got) != len(want) {
		t.Fatalf("got %d results, want %d: %+v", len(got), len(want), got)
	}
	for i, w := range want {
		if got[i].err != nil {
			t.Errorf("%d: unexpected error %v", i, got[i].err)
			continue
		}
		if got[i].line != w.line || got[i].doc != w.doc {
			t.Errorf("%d: got line %d %+v\nwant line %d %+v", i, got[i].line, got[i].doc, w.line, w.doc)
		}
	}
}

func TestJSONLReaderWarning(t *testing.T) {
	r := NewJSONLReader(strings.NewReader(`{"id":"x","published":"27 Aug","text":"t"}`+"\n"+`{"id":"y","published":"2025-08-27","text":"t"}`), 0)
	doc, err := r.Next()
	if err != nil || doc.Published != "" || r.Warning() == "" {
		t.Fatalf("got %+v %v warning %q; want kept doc, empty published and a warning", doc, err, r.Warning())
	}
	doc, err = r.Next()
	if err != nil || doc.Published != "2025-08-27" || r.Warning() != "" {
		t.Fatalf("got %+v %v warning %q", doc, err, r.Warning())
	}
}

func TestJSONLReaderBadLines(t *testing.T) {
	good := `{"id":"ok","text":"fine"}`
	tests := []struct {
		name string
		line string
		want error
		msg  string
	}{
		{"array", `[1,2,3]`, ErrNotJSON, "line 1: not a JSON object"},
		{"string", `"text"`, ErrNotJSON, ""},
		{"null", `null`, ErrNotJSON, ""},
		{"truncated", `{"id":"a","text":"half`, ErrNotJSON, ""},
		{"trailing junk", `{"id":"a","text":"t"} x`, ErrNotJSON, ""},
		{"binary", "\x00\x01\x02\x03", ErrNotJSON, ""},
		{"invalid utf8 in text", "{\"id\":\"a\",\"text\":\"ab\xff\xfe\"}", ErrInvalidUTF8, "line 1: invalid UTF-8 at byte"},
		{"invalid utf8 outside text", "{\"id\":\"a\",\"text\":\"ok\"}\xc3", ErrInvalidUTF8, ""},
		{"no text", `{"id":"a","title":"t"}`, ErrNoText, `line 1: no text: the "text" field is missing`},
		{"null text", `{"id":"a","text":null}`, ErrNoText, ""},
		{"empty text", `{"id":"a","text":""}`, ErrNoText, ""},
		{"blank text", `{"id":"a","text":" \n\t "}`, ErrNoText, `line 1: no text: the "text" field is empty`},
		{"text not a string", `{"id":"a","text":5}`, ErrNotJSON, ""},
		{"too long", `{"id":"a","text":"` + strings.Repeat("x", 300) + `"}`, ErrTooLarge, "line 1: line too long: more than 100 bytes"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			for _, ending := range []string{"\n", "\r\n"} {
				got := readAll(t, tc.line+ending+good+ending, 100)
				if len(got) != 2 {
					t.Fatalf("got %d results, want 2: %+v", len(got), got)
				}
				var le *LineError
				if !errors.As(got[0].err, &le) || le.Line != 1 || !errors.Is(got[0].err, tc.want) {
					t.Fatalf("got %v, want a line-1 LineError wrapping %v", got[0].err, tc.want)
				}
				if tc.msg != "" && !strings.HasPrefix(got[0].err.Error(), tc.msg) {
					t.Errorf("message %q, want prefix %q", got[0].err.Error(), tc.msg)
				}
				if got[1].err != nil || got[1].doc.ID != "ok" || got[1].line != 2 {
					t.Errorf("following line lost: %+v", got[1])
				}
			}
		})
	}
}

func TestJSONLReaderTooLargeLastLine(t *testing.T) {
	got := readAll(t, `{"id":"ok","text":"fine"}`+"\n"+strings.Repeat("y", 500), 64)
	if len(got) != 2 || got[0].err != nil || !errors.Is(got[1].err, ErrTooLarge) || got[1].line != 2 {
		t.Fatalf("got %+v", got)
	}
}

func TestJSONLReaderExactLimit(t *testing.T) {
	line := `{"id":"a","text":"` + strings.Repeat("z", 40) + `"}`
	got := readAll(t, line+"\n"+line, len(line))
	if len(got) != 2 || got[0].err != nil || got[1].err != nil {
		t.Fatalf("a line of exactly maxLine bytes must pass: %+v", got)
	}
	got = readAll(t, line+"\n", len(line)-1)
	if len(got) != 1 || !errors.Is(got[0].err, ErrTooLarge) {
		t.Fatalf("one byte over must fail: %+v", got)
	}
}

// A huge line must be skipped without being buffered: the reader's buffer never grows past maxLine.
func TestJSONLReaderStreamsHugeLine(t *testing.T) {
	huge := strings.Repeat("x", 8<<20)
	r := NewJSONLReader(strings.NewReader(huge+"\n"+`{"text":"after"}`+"\n"), 1024)
	_, err := r.Next()
	if !errors.Is(err, ErrTooLarge) {
		t.Fatalf("got %v", err)
	}
	if cap(r.buf) > 4096 {
		t.Errorf("buffered %d bytes for a skipped line", cap(r.buf))
	}
	doc, err := r.Next()
	if err != nil || doc.Text != "after" || doc.ID != "line-2" {
		t.Fatalf("got %+v %v", doc, err)
	}
}

func TestJSONLReaderLongLinesAcrossBuffer(t *testing.T) {
	// Lines longer than the 64 KiB bufio buffer but under the limit are read whole.
	text := strings.Repeat("абв ", 40000)
	in := `{"id":"big","text":"` + text + `"}` + "\n" + `{"id":"small","text":"s"}`
	got := readAll(t, in, 0)
	if len(got) != 2 || got[0].err != nil || got[0].doc.Text != text || got[1].doc.ID != "small" {
		t.Fatalf("long line mangled: %d results, err %v", len(got), got[0].err)
	}
}

func TestJSONLReaderOneByteReader(t *testing.T) {
	in := `{"id":"a","text":"один"}` + "\n\n" + `oops` + "\n" + `{"id":"b","text":"два"}`
	r := NewJSONLReader(iotest.OneByteReader(strings.NewReader(in)), 0)
	var ids []string
	var errs int
	for {
		doc, err := r.Next()
		if err == io.EOF {
			break
		}
		if err != nil {
			errs++
			continue
		}
		ids = append(ids, doc.ID)
	}
	if strings.Join(ids, ",") != "a,b" || errs != 1 {
		t.Fatalf("ids %v errs %d", ids, errs)
	}
}

func TestJSONLReaderReadError(t *testing.T) {
	boom := errors.New("disk on fire")
	r := NewJSONLReader(io.MultiReader(strings.NewReader(`{"text":"a"}`+"\n"), iotest.ErrReader(boom)), 0)
	if _, err := r.Next(); err != nil {
		t.Fatal(err)
	}
	_, err := r.Next()
	if !errors.Is(err, boom) {
		t.Fatalf("got %v, want the read error", err)
	}
	var le *LineError
	if errors.As(err, &le) {
		t.Fatalf("a read error is not a line error: %v", err)
	}
	if _, err2 := r.Next(); !errors.Is(err2, boom) {
		t.Fatalf("read error must be sticky, got %v", err2)
	}
}

func TestPublishedFormats(t *testing.T) {
	for in, want := range map[string]string{
		`"2025-08-27"`:                  "2025-08-27",
		`"2025-08-27T01:02:03Z"`:        "2025-08-27",
		`"2025-08-27T01:02:03.5+03:00"`: "2025-08-27",
		`"2025-08-27 01:02:03"`:         "2025-08-27",
		`" 2025-08-27 "`:                "2025-08-27",
		`null`:                          "",
		`""`:                            "",
		`"2025-02-30"`:                  "",
		`"27.08.2025"`:                  "",
		`20250827`:                      "",
	} {
		got, _ := normalizePublished([]byte(in))
		if got != want {
			t.Errorf("published %s: got %q, want %q", in, got, want)
		}
	}
}

func FuzzJSONLReader(f *testing.F) {
	f.Add([]byte(`{"id":"a","text":"t","published":"2025-01-02"}` + "\n" + `[1]` + "\n\n{\"text\":\"\"}\n"))
	f.Add([]byte("\xff\xfe{\n}\r\n{\"text\":\"x\",\"url\":\"http://[::1\"}"))
	f.Add([]byte(strings.Repeat("z", 200) + "\n" + `{"text":"q"}`))
	f.Fuzz(func(t *testing.T, data []byte) {
		r := NewJSONLReader(bytes.NewReader(data), 128)
		lines := bytes.Count(data, []byte{'\n'}) + 1
		last := 0
		for i := 0; ; i++ {
			if i > lines+1 {
				t.Fatalf("more results than lines")
			}
			doc, err := r.Next()
			if err == io.EOF {
				break
			}
			if r.Line() <= last || r.Line() > lines {
				t.Fatalf("line number %d after %d (of %d)", r.Line(), last, lines)
			}
			last = r.Line()
			if err != nil {
				var le *LineError
				if !errors.As(err, &le) || le.Line != r.Line() {
					t.Fatalf("not a LineError for line %d: %v", r.Line(), err)
				}
				continue
			}
			if doc.ID == "" || strings.TrimSpace(doc.Text) == "" {
				t.Fatalf("doc without id or text: %+v", doc)
			}
			if doc.Published != "" && len(doc.Published) != 10 {
				t.Fatalf("published %q", doc.Published)
			}
		}
	})
}

func BenchmarkJSONLReader(b *testing.B) {
	var buf bytes.Buffer
	para := "Минулої ночі сили ППО знищили 26 ударних дронів над областю, повідомив голова ОВА. " +
		"Overnight, air defences downed 40 drones over the region, the governor said on Telegram. "
	for i := 0; i < 1000; i++ {
		buf.WriteString(`{"id":"d` + string(rune('a'+i%26)) + `","url":"https://www.example.org/a/b","published":"2025-08-27T06:00:00+03:00","title":"Drones","text":"`)
		for j := 0; j < 11; j++ {
			buf.WriteString(para)
		}
		buf.WriteString("\"}\n")
	}
	data := buf.Bytes()
	b.SetBytes(int64(len(data)))
	b.ReportAllocs()
	for b.Loop() {
		r := NewJSONLReader(bytes.NewReader(data), 0)
		for {
			_, err := r.Next()
			if err == io.EOF {
				break
			}
			if err != nil {
				b.Fatal(err)
			}
		}
	}
}
