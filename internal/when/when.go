// Package when finds dates in report text and resolves them against the published date:
// absolute dates ("27 августа", "Aug. 27", "27.08.2025"), nights ("в ночь на 27 августа",
// "у ніч проти суботи", "overnight into August 27"), relative days ("вчора", "on Sunday",
// "за минувшие сутки"), datelines ("KYIV, Oct 5 (Reuters) -") and history cues ("since 2022").
//
// Scan tokenizes once (one table look-up per word gives the word's classes) and then tries a small,
// ordered set of hand-written rules at each token. There are no regular expressions.
package when

import (
	"time"

	"skyledger/internal/fold"
	"unicode"
	"unicode/utf8"
)

// Kind says how a mention names its date.
type Kind int

const (
	Absolute  Kind = iota + 1 // a calendar date in the text, year possibly inferred
	Relative                  // resolved from the published date: "yesterday", "on Sunday", "overnight"
	Dateline                  // the date of a wire dateline or a timestamp at the start of a line
	YearOnly                  // "in 2022", "since 2022", "2022 года": history; Known is false
	MonthYear                 // "in August 2023", "в августе 2023 года": history; Known is false
)

func (k Kind) String() string {
	switch k {
	case Absolute:
		return "absolute"
	case Relative:
		return "relative"
	case Dateline:
		return "dateline"
	case YearOnly:
		return "year_only"
	case MonthYear:
		return "month_year"
	}
	return "unknown"
}

// Mention is one date phrase.
type Mention struct {
	Start, End int // byte offsets
	Text       string
	Date       time.Time // UTC midnight of the calendar date; zero when !Known
	Known      bool      // false when the year (or the day) cannot be determined
	Night      bool      // the phrase names a night; Date is the date the night ends on
	Rule       string    // which rule matched, e.g. "ru.night_on", "en.dateline", "relative.yesterday"
	Kind       Kind
	// The parts the text itself states, 0 when absent. YearOnly and MonthYear mentions have
	// Known == false and a zero Date, and carry their year (and month) only here.
	Year  int
	Month time.Month
	Day   int
}

type tokType uint8

const (
	tWord tokType = iota + 1
	tNum
	tPunct
)

type tok struct {
	s, e int
	typ  tokType
	sp   bool // whitespace before the token
	nl   bool // first token of a line
	suf  bool // number with a suffix: "27-го", "27th"
	r    byte // punctuation, dashes normalised to '-'; 0x80 for other non-ASCII
	lang byte // language of the word's entry, 0 when shared or unknown
	nd   int  // digits of a number
	v    int  // number value; month or weekday of a word
	c    cls
}

func isDigit(c byte) bool { return c >= '0' && c <= '9' }

// numSuffix returns the end of a day suffix after digits: "-го", "-е", "-ого", "th", "st".
func numSuffix(text string, i int) int {
	j := i
	if j < len(text) && text[j] == '-' {
		j++
		e := fold.WordEnd(text, j)
		if e > j && e-j <= 6 && text[j] >= utf8.RuneSelf && utf8.RuneCountInString(text[j:e]) <= 3 {
			return e
		}
		return i
	}
	if j+2 <= len(text) {
		switch s := text[j : j+2]; s {
		case "st", "nd", "rd", "th", "ST", "ND", "RD", "TH":
			if !fold.LetterAt(text, j+2) {
				return j + 2
			}
		}
	}
	return i
}

func tokenize(text string) []tok { return tokenizeInto(nil, text) }

// tokenizeInto tokenizes text into buf's memory when it is large enough.
func tokenizeInto(buf []tok, text string) []tok {
	toks := buf[:0]
	if n := len(text)/5 + 4; cap(toks) < n {
		toks = make([]tok, 0, n)
	}
	sp, nl := false, true
	for i := 0; i < len(text); {
		c := text[i]
		if c == '\n' {
			sp, nl = true, true
			i++
			continue
		}
		if c == ' ' || c == '\t' || c == '\r' {
			sp = true
			i++
			continue
		}
		t := tok{s: i, sp: sp, nl: nl}
		sp, nl = false, false
		switch {
		case isDigit(c):
			j := i
			v := 0
			for j < len(text) && isDigit(text[j]) {
				if j-i < 9 {
					v = v*10 + int(text[j]-'0')
				}
				j++
			}
			t.typ, t.nd, t.v = tNum, j-i, v
			if k := numSuffix(text, j); k > j {
				t.suf = true
				j = k
			}
			t.e = j
		case c < utf8.RuneSelf && c|0x20 >= 'a' && c|0x20 <= 'z':
			t.typ = tWord
			t.e, t.c, t.v, t.lang = word(text, i)
		case c < utf8.RuneSelf:
			t.typ, t.r, t.e = tPunct, c, i+1
		default:
			r, w := utf8.DecodeRuneInString(text[i:])
			switch {
			case fold.IsLetter(r):
				t.typ = tWord
				t.e, t.c, t.v, t.lang = word(text, i)
			case unicode.IsSpace(r):
				sp = true
				i += w
				continue
			default:
				t.typ, t.e, t.r = tPunct, i+w, 0x80
				if r == '–' || r == '—' || r == '‑' || r == '−' {
					t.r = '-'
				}
			}
		}
		toks = append(toks, t)
		i = t.e
	}
	return toks
}

// Scan returns the date mentions of text in order. Without a published date, mentions that
// need one (relative days, dates without a year) come back with Known == false.
func Scan(text string, published time.Time, hasPublished bool) []Mention {
	return ScanBuffered(text, published, hasPublished, nil)
}

// Buffer is Scan's working memory, kept by a caller that scans text after text
// (ScanBuffered) to spare an allocation per text. Not safe for concurrent use.
type Buffer struct {
	toks []tok
	out  []Mention
}

// maxBuffered: a Buffer keeps the tokens of texts up to about this many bytes.
const maxBuffered = 1 << 20

// ScanBuffered is Scan using buf's memory (nil: none). Its results are valid until the next
// call with buf.
func ScanBuffered(text string, published time.Time, hasPublished bool, buf *Buffer) []Mention {
	var toks []tok
	if buf != nil {
		toks = tokenizeInto(buf.toks, text)
		if len(text) <= maxBuffered {
			buf.toks = toks
		}
	} else {
		toks = tokenize(text)
	}
	s := scanner{text: text, toks: toks, hasPub: hasPublished}
	if buf != nil {
		s.out = buf.out[:0]
		defer func() { buf.out = s.out[:0] }()
	}
	if hasPublished {
		y, m, d := published.Date()
		s.pub = time.Date(y, m, d, 0, 0, 0, 0, time.UTC)
	}
	for i := 0; i < len(s.toks); {
		if j := s.at(i); j > i {
			i = j
		} else {
			i++
		}
	}
	return s.out
}
