package extract

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"skyledger/internal/fold"
)

// sentence is a span of the text [start, end) and its tokens [t0, t1); para counts blank-line or
// newline-separated blocks, so a rule can tell "same paragraph" from "next item".
type sentence struct {
	start, end int
	t0, t1     int
	para       int
}

// abbreviations that end with a dot but do not end a sentence (lowercase, without the dot).
var abbrev = map[string]bool{
	"st": true, "mr": true, "mrs": true, "dr": true, "gen": true, "col": true, "lt": true, "no": true,
	"vs": true, "etc": true, "approx": true, "jan": true, "feb": true, "aug": true, "sept": true,
	"sep": true, "oct": true, "nov": true, "dec": true, "г": true, "гг": true, "ул": true, "с": true,
	"сел": true, "пос": true, "п": true, "д": true, "обл": true, "р": true, "н": true, "т": true,
	"им": true, "тыс": true, "млн": true, "млрд": true, "руб": true, "кв": true, "м": true, "км": true,
	"смт": true, "вул": true, "пгт": true, "ст": true, "див": true, "тис": true, "грн": true,
}

// splitSentences cuts text at sentence ends (. ! ? … followed by space and a capital, digit or
// quote) and at every newline. Cheap and allocation-light: it runs on every document.
func splitSentences(text string, toks []token) []sentence { return splitSentencesInto(nil, text, toks) }

// splitSentencesInto is splitSentences writing into buf's memory.
func splitSentencesInto(buf []sentence, text string, toks []token) []sentence {
	out := buf[:0]
	para := 0
	start := 0
	emit := func(end int) {
		s := strings.TrimSpace(text[start:end])
		if s != "" {
			lead := start + strings.Index(text[start:end], s)
			out = append(out, sentence{start: lead, end: lead + len(s), para: para})
		}
		start = end
	}
	next := 0 // the next token that may start at or after i
	for i := 0; i < len(text); {
		// Only '\n', '.', '!', '?' and '…' matter here, and none is part of a word: the
		// tokens are jumped over, and the bytes between them stepped over one by one, undecoded
		// (no byte of those characters occurs inside another character's encoding).
		if next < len(toks) && i >= toks[next].start {
			i = max(i, toks[next].end)
			next++
			continue
		}
		if !sentenceByte[text[i]] {
			i++
			continue
		}
		r, size := utf8.DecodeRuneInString(text[i:])
		switch r {
		case '\n':
			emit(i)
			start = i + 1
			para++
		case '<':
			// an HTML block tag left in a scraped page ("…ЗМІ.</p> <p>Медіа…") ends a line; the
			// tag itself belongs to no sentence
			if j, ok := blockTagEnd(text, i); ok {
				emit(i)
				start = j
				para++
				i = j
				continue
			}
		case '.', '!', '?', '…':
			j := i + size
			// swallow closing quotes/brackets and further dots
			for j < len(text) {
				r2, s2 := utf8.DecodeRuneInString(text[j:])
				if r2 == '"' || r2 == '»' || r2 == '”' || r2 == '’' || r2 == ')' || r2 == '.' || r2 == '\'' {
					j += s2
					continue
				}
				break
			}
			if j < len(text) && (text[j] == ' ' || text[j] == '\t') {
				k := j
				for k < len(text) && (text[k] == ' ' || text[k] == '\t') {
					k++
				}
				if k < len(text) {
					nr, _ := utf8.DecodeRuneInString(text[k:])
					if (isUpperRune(nr) || unicode.IsDigit(nr) || strings.ContainsRune("\"«“„'‘-—–/", nr)) && !(r == '.' && isAbbrevBefore(text, i)) {
						emit(j)
					}
				}
			}
			i = j
			continue
		}
		i += size
	}
	emit(len(text))
	// token ranges
	ti := 0
	for k := range out {
		for ti < len(toks) && toks[ti].start < out[k].start {
			ti++
		}
		out[k].t0 = ti
		for ti < len(toks) && toks[ti].start < out[k].end {
			ti++
		}
		out[k].t1 = ti
	}
	return out
}

// sentenceByte marks the bytes splitSentences stops at: '\n', '.', '!', '?', '<' and the first
// byte of '…'.
var sentenceByte = func() (t [256]bool) {
	for _, c := range []byte{'\n', '.', '!', '?', '<', 0xE2} {
		t[c] = true
	}
	return t
}()

// isAbbrevBefore reports whether the word ending at the dot at i is an abbreviation or an initial.
func isAbbrevBefore(text string, i int) bool {
	j := i
	for j > 0 {
		r, size := utf8.DecodeLastRuneInString(text[:j])
		if !fold.IsLetter(r) {
			break
		}
		j -= size
	}
	w := text[j:i]
	if w == "" {
		return false
	}
	n := utf8.RuneCountInString(w)
	if r, _ := utf8.DecodeRuneInString(w); n == 1 && isUpperRune(r) {
		return true // an initial: "А. Богомаз", "V. Gladkov"
	}
	return n <= maxAbbrevRunes && abbrev[strings.ToLower(w)] // lower-casing keeps the rune count
}

// maxAbbrevRunes is the length of the longest abbreviation.
var maxAbbrevRunes = func() (n int) {
	for w := range abbrev {
		n = max(n, utf8.RuneCountInString(w))
	}
	return n
}()

// isUpperRune is unicode.IsUpper with the Latin and Cyrillic letters answered directly.
func isUpperRune(r rune) bool {
	switch {
	case r >= 'A' && r <= 'Z', r >= 0x400 && r <= 0x42F:
		return true
	case r >= 'a' && r <= 'z', r >= 0x430 && r <= 0x45F:
		return false
	}
	return unicode.IsUpper(r)
}

// blockTags are the HTML tags that end a line of text (lowercase, without '<').
var blockTags = []string{"p", "/p", "br", "div", "/div", "li", "/li", "h1", "h2", "h3", "h4", "/h1", "/h2", "/h3", "/h4", "tr", "/tr"}

// blockTagEnd reports whether text[i] ('<') opens one of blockTags, and where the tag ends (after
// its '>', looked for within a short span so that a stray '<' costs little).
func blockTagEnd(text string, i int) (int, bool) {
	rest := text[i+1:]
	for _, t := range blockTags {
		if len(rest) <= len(t) || !strings.EqualFold(rest[:len(t)], t) {
			continue
		}
		if c := rest[len(t)]; c != '>' && c != ' ' && c != '/' {
			continue
		}
		end := min(len(rest), 400)
		if k := strings.IndexByte(rest[len(t):end], '>'); k >= 0 {
			return i + 1 + len(t) + k + 1, true
		}
		return 0, false
	}
	return 0, false
}
