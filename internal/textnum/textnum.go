// Package textnum finds numbers in running text: digits ("26", "1 234", "1,234") and number
// words in English, Russian and Ukrainian in any case and gender ("twenty-six", "двадцать шесть",
// "п'ятьох"), with the hedge words before them ("more than", "более", "понад").
//
// Scan is one left-to-right pass with table look-ups on folded words; no regular expressions.
package textnum

import (
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"

	"skyledger/internal/fold"
)

// Number is one number expression found in a text.
type Number struct {
	Start, End int // byte offsets of the number expression (digits or words), not of the hedge
	Text       string
	Value      int
	Hedged     bool // preceded by "at least", "over", "более", "понад", "до", ...
	HedgeStart int  // start of the hedge words when Hedged, else == Start
	Ordinal    bool // "first", "первый", "1st", "5-й", "27-го" ...
	// Attached: the digits are glued to letters or to a word by a hyphen ("Су-34", "Shahed-136",
	// "22М3", "5km", "5-летний"): usually a model name or a measure, seldom a count.
	Attached bool
}

// maxDigits caps digit runs; longer runs are ids or junk, not counts, and would overflow.
const maxDigits = 15

// Scan returns the numbers of text in order. Adjacent numbers are never merged unless they form
// one expression ("двадцать шесть", "1 234"); "26 27" gives two numbers.
func Scan(text string) []Number { return scanInto(nil, text) }

// Buffer is memory for ScanBuffered's results, kept by a caller that scans text after text.
// Not safe for concurrent use.
type Buffer struct{ out []Number }

// ScanBuffered is Scan writing its results into buf's memory: they are valid until the next
// call with buf.
func ScanBuffered(text string, buf *Buffer) []Number {
	out := scanInto(buf.out[:0], text)
	buf.out = out[:0]
	return out
}

func scanInto(out []Number, text string) []Number {
	for i := 0; i < len(text); {
		c := text[i]
		switch {
		case c >= '0' && c <= '9':
			n, end, ok := scanDigits(text, i)
			if ok {
				out = append(out, rangeEnd(text, out, hedge(text, n)))
			}
			i = end
		case c < utf8.RuneSelf && !isASCIILetter(c):
			i++
		default:
			r, size := rune(c), 1
			if c >= utf8.RuneSelf {
				r, size = utf8.DecodeRuneInString(text[i:])
			}
			if !fold.IsLetter(r) {
				i += size
				continue
			}
			// most words are no number: the look-up says so before a Number is made
			we, wd, ok := lookup(text, i)
			if !ok {
				i = we
				continue
			}
			n, end := scanWords(text, i, we, wd)
			out = append(out, rangeEnd(text, out, hedge(text, n)))
			i = end
		}
	}
	return out
}

// Parse reads a whole string as one number expression: "26", "1 234", "двадцать шесть",
// "п'ятьох", "twenty-six", "a dozen". Ordinals parse too ("first" is 1).
func Parse(s string) (int, bool) {
	t := strings.TrimSpace(s)
	if t == "" {
		return 0, false
	}
	ns := Scan(t)
	if len(ns) != 1 || ns[0].Start != 0 || ns[0].End != len(t) {
		return 0, false
	}
	return ns[0].Value, true
}

func isASCIILetter(c byte) bool { return c|0x20 >= 'a' && c|0x20 <= 'z' }

func isDigit(c byte) bool { return c >= '0' && c <= '9' }

// groupSep reports a thousands separator at text[i:] and its width: space, NBSP, narrow NBSP,
// thin space, or a comma.
func groupSep(text string, i int) (rune, int) {
	if i >= len(text) {
		return 0, 0
	}
	switch c := text[i]; {
	case c == ' ' || c == ',':
		return rune(c), 1
	case c >= utf8.RuneSelf:
		r, n := utf8.DecodeRuneInString(text[i:])
		if r == '\u00a0' || r == '\u202f' || r == '\u2009' {
			return r, n
		}
	}
	return 0, 0
}

// digitRun returns the end of the run of ASCII digits starting at i.
func digitRun(text string, i int) int {
	for i < len(text) && isDigit(text[i]) {
		i++
	}
	return i
}

func scanDigits(text string, start int) (Number, int, bool) {
	end := digitRun(text, start)
	n := Number{Start: start}
	// Thousands groups: "1 234", "12 345 678", "1,234" (one separator kind throughout).
	if end-start <= 3 {
		var sep rune
		for {
			r, w := groupSep(text, end)
			if w == 0 || (sep != 0 && r != sep) {
				break
			}
			g := end + w
			ge := digitRun(text, g)
			if ge-g != 3 || (ge < len(text) && (text[ge] == '.' && ge+1 < len(text) && isDigit(text[ge+1]))) {
				break
			}
			sep = r
			end = ge
		}
	}
	// Glued to a preceding word: "Су-34", "Shahed-136", "М3".
	if start > 0 {
		p := start
		if text[p-1] == '-' {
			p--
		}
		if p > 0 {
			r, _ := utf8.DecodeLastRuneInString(text[:p])
			if fold.IsLetter(r) {
				n.Attached = true
			}
		}
	}
	val, digits := 0, 0
	for i := start; i < end; i++ {
		if isDigit(text[i]) {
			val = val*10 + int(text[i]-'0')
			digits++
		}
	}
	if digits > maxDigits {
		return n, end, false
	}
	n.Value = val
	n.End = suffix(text, end, &n)
	n.Text = text[n.Start:n.End]
	return n, n.End, true
}

// Suffixes after digits. Cardinal case endings ("5-ти", "2-х") and ordinal ones ("5-й", "27-го",
// "1st") become part of the number; any other word glued on marks it Attached.
var cardinalSuffix = map[string]bool{
	"ти": true, "х": true, "ух": true, "ех": true, "ох": true, "ьох": true, "ми": true, "мя": true,
	"ма": true, "ью": true, "ю": true,
}

func suffix(text string, end int, n *Number) int {
	if end >= len(text) {
		return end
	}
	i := end
	hyphen := false
	if text[i] == '-' {
		hyphen = true
		i++
	}
	we := i
	letters := 0
	for we < len(text) {
		r, w := utf8.DecodeRuneInString(text[we:])
		if !fold.IsLetter(r) {
			break
		}
		we += w
		letters++
	}
	if letters == 0 {
		return end
	}
	if we < len(text) && isDigit(text[we]) { // "22М3": a model name
		n.Attached = true
		return end
	}
	if !hyphen && strings.ToLower(text[i:we]) != text[i:we] { // "5KM", "22М"
		n.Attached = true
		return end
	}
	suf := strings.ToLower(text[i:we])
	switch suf {
	case "st", "nd", "rd", "th":
		n.Ordinal = true
		return we
	}
	if letters <= 3 && text[i] >= utf8.RuneSelf {
		if cardinalSuffix[suf] {
			if suf == "х" && n.Value >= 10 && n.Value%10 == 0 { // "90-х", "1990-х": decades
				n.Ordinal = true
			}
			return we
		}
		if hyphen || letters <= 2 {
			n.Ordinal = true
			return we
		}
	}
	n.Attached = true
	return end
}

// numWords holds the number words; numWordInfo[k] is key k's meaning. Read-only after init.
var numWords, numWordInfo = func() (*fold.Table, []word) {
	keys := make([]string, 0, len(words))
	for k := range words {
		keys = append(keys, k)
	}
	slices.Sort(keys) // the same table every run
	info := make([]word, len(keys))
	for i, k := range keys {
		info[i] = words[k]
	}
	return fold.NewTable(keys), info
}()

// lookup returns the end of the word at text[i] and its meaning as a number word, if it is one.
func lookup(text string, i int) (int, word, bool) {
	end, k := numWords.Find(text, i)
	if k < 0 {
		return end, word{}, false
	}
	return end, numWordInfo[k], true
}

func wordIs(w, lower string) bool {
	var arr [64]byte
	b, ok := fold.Word(arr[:], w)
	return ok && string(b) == lower
}

// skipJoin skips the joint between two words of one number expression: horizontal spaces,
// or one hyphen ("twenty-six").
func skipJoin(text string, i int) int {
	j := i
	if j < len(text) && text[j] == '-' {
		return j + 1
	}
	for j < len(text) {
		if text[j] == ' ' || text[j] == '\t' {
			j++
			continue
		}
		if r, w := utf8.DecodeRuneInString(text[j:]); r == '\u00a0' || r == '\u202f' {
			j += w
			continue
		}
		break
	}
	return j
}

// follows reports whether a word of class c may come after one of class last in a number.
func follows(last, c class) bool {
	switch c {
	case clUnit:
		return last == clNone || last == clTens || last == clHund || last == clHundMul || last == clThou || last == clMill
	case clTeen, clTens:
		return last == clNone || last == clHund || last == clHundMul || last == clThou || last == clMill
	case clHund:
		return last == clNone || last == clThou || last == clMill
	case clHundMul:
		return last == clNone || last == clUnit || last == clTeen
	case clThou:
		return last != clThou && last != clMill && last != clDozen
	case clMill:
		return last != clMill && last != clThou && last != clDozen
	case clDozen:
		return last == clNone || last == clUnit
	}
	return false
}

// scanWords reads a number-word expression starting at the word text[start:we], number word wd.
func scanWords(text string, start, we int, wd word) (Number, int) {
	n := Number{Start: start}
	// "a hundred", "a dozen", "a thousand": the article belongs to the number.
	if wd.cls == clHundMul || wd.cls == clDozen || wd.cls == clThou || wd.cls == clMill {
		if ps, pe := prevWord(text, start); pe > ps && (wordIs(text[ps:pe], "a") || wordIs(text[ps:pe], "an")) && onlySpace(text[pe:start]) {
			n.Start = ps
		}
	}
	total, cur := 0, 0
	last := clNone
	end := start
	for {
		if !follows(last, wd.cls) {
			break
		}
		switch wd.cls {
		case clUnit, clTeen, clTens, clHund:
			cur += wd.val
		case clHundMul:
			if cur == 0 {
				cur = 1
			}
			cur *= 100
		case clThou, clMill:
			if cur == 0 {
				cur = 1
			}
			total += cur * wd.val
			cur = 0
		case clDozen:
			if cur == 0 {
				cur = 1
			}
			cur *= 12
		}
		last = wd.cls
		end = we
		if wd.ordinal {
			n.Ordinal = true
			break
		}
		// Next word of the same expression?
		j := skipJoin(text, end)
		if j == end || j >= len(text) || !fold.LetterAt(text, j) {
			break
		}
		nwe, nwd, ok := lookup(text, j)
		if (last == clHundMul || last == clThou || last == clMill) && wordIs(text[j:nwe], "and") {
			k := skipJoin(text, nwe)
			if k == nwe || k >= len(text) || text[nwe] == '-' || !fold.LetterAt(text, k) {
				break
			}
			nwe, nwd, ok = lookup(text, k)
		}
		if !ok {
			break
		}
		we, wd = nwe, nwd
	}
	n.Value = total + cur
	n.End = end
	n.Text = text[n.Start:n.End]
	return n, end
}

func onlySpace(s string) bool {
	for _, r := range s {
		if !unicode.IsSpace(r) {
			return false
		}
	}
	return s != ""
}

// prevWord returns the word that ends before i, skipping horizontal space; (i, i) when the text
// before i does not end in a word after space.
func prevWord(text string, i int) (int, int) {
	j := i
	for j > 0 {
		r, w := utf8.DecodeLastRuneInString(text[:j])
		if r == ' ' || r == '\t' || r == '\u00a0' || r == '\u202f' || r == '\n' {
			j -= w
			continue
		}
		break
	}
	e := j
	for j > 0 {
		r, w := utf8.DecodeLastRuneInString(text[:j])
		if fold.IsLetter(r) || fold.IsMark(r) || (fold.IsApostrophe(r) && j-w > 0 && e > j) {
			j -= w
			continue
		}
		break
	}
	return j, e
}

// rangeTo are the words or dashes that join the two ends of a range ("5–7", "five or six",
// "от 5 до 7", "п'ять-шість"); rangeAnd join them only after a hedged first end or after
// rangeFrom ("between 5 and 7", "между 5 и 7").
var (
	rangeTo   = map[string]bool{"-": true, "–": true, "—": true, "to": true, "or": true, "или": true, "або": true, "чи": true}
	rangeAnd  = map[string]bool{"and": true, "и": true, "і": true, "та": true}
	rangeFrom = map[string]bool{"between": true, "между": true, "між": true}
)

// rangeEnd marks n hedged when it closes a range opened by the number before it: a range is no
// exact figure. The joining word or dash is its hedge.
func rangeEnd(text string, out []Number, n Number) Number {
	if n.Hedged || n.Attached || n.Ordinal || len(out) == 0 {
		return n
	}
	p := out[len(out)-1]
	if p.Attached || p.Ordinal || p.Value >= n.Value || n.Start-p.End > 8 {
		return n
	}
	gap := text[p.End:n.Start]
	j := strings.TrimLeft(gap, " \u00a0")
	w := strings.TrimRight(j, " \u00a0")
	if w == "" {
		return n
	}
	var arr [16]byte
	b, _ := fold.Word(arr[:], w)
	if !rangeTo[w] && !rangeTo[string(b)] && !(rangeAnd[string(b)] && (p.Hedged || opensRange(text, p.Start))) {
		return n
	}
	n.Hedged = true
	n.HedgeStart = p.End + len(gap) - len(j)
	return n
}

// opensRange reports "between" (rangeFrom) just before the number starting at i.
func opensRange(text string, i int) bool {
	ps, pe := prevWord(text, i)
	if pe == ps || pe == i {
		return false
	}
	var arr [16]byte
	b, _ := fold.Word(arr[:], text[ps:pe])
	return rangeFrom[string(b)]
}

// hedge looks back from the number for a hedge phrase separated from it by spaces only.
func hedge(text string, n Number) Number {
	n.HedgeStart = n.Start
	ps, pe := prevWord(text, n.Start)
	if pe == ps || pe == n.Start {
		return n
	}
	var arr [64]byte
	b, ok := fold.Word(arr[:], text[ps:pe])
	if !ok {
		return n
	}
	phrases, ok := hedges[string(b)]
	if !ok {
		return n
	}
	for _, p := range phrases {
		s, matched := ps, true
		for k := len(p) - 2; k >= 0; k-- {
			qs, qe := prevWord(text, s)
			if qe == qs || qe == s || !wordIs(text[qs:qe], p[k]) {
				matched = false
				break
			}
			s = qs
		}
		if matched {
			n.Hedged = true
			n.HedgeStart = s
			return n
		}
	}
	return n
}
