// Package namekey turns place names and running text into matching keys, one key space for
// English, Russian and Ukrainian. It is shared by the gazetteer and its generator.
package namekey

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"skyledger/internal/fold"
)

// Names are matched in one key space for all three languages: each token is lower-cased,
// stemmed in its own script (Russian/Ukrainian case endings off, translit adjective endings
// off), then mapped to a Latin "skeleton" in which the usual transliteration differences
// (kh/h/g, y/i/j, ts/c, ye/e, doubled letters, apostrophes, soft signs) disappear.
// So "Дзержинском", "Dzerzhinskiy", "Dzerzhinskii" and "Dzerzhinsky" all give "dzerzhinsk",
// and "Києві", "Киев" and "Kiev" all give "kev".

// Normalize lower-cases a name, folds ё to е, unifies apostrophes to ' and hyphens to -,
// collapses white space and drops other punctuation. Its output is valid UTF-8, and
// Normalize(Normalize(s)) == Normalize(s).
func Normalize(s string) string {
	var b strings.Builder
	b.Grow(len(s))
	space := false
	for _, r := range s {
		if r == utf8.RuneError {
			continue
		}
		r = foldRune(r)
		switch {
		case r == '\'' || r == '-':
			if space && b.Len() > 0 {
				b.WriteByte(' ')
			}
			space = false
			b.WriteRune(r)
		case unicode.IsLetter(r) || unicode.IsDigit(r):
			if space && b.Len() > 0 {
				b.WriteByte(' ')
			}
			space = false
			b.WriteRune(r)
		default:
			space = true
		}
	}
	return b.String()
}

// foldRune lower-cases and unifies the variants that do not distinguish names.
func foldRune(r rune) rune {
	// fast paths for the letters nearly all names are written in
	switch {
	case r >= 'a' && r <= 'z', r >= 'а' && r <= 'я':
		return r
	case r >= 'A' && r <= 'Z':
		return r + 'a' - 'A'
	case r >= 'А' && r <= 'Я':
		return r + 'а' - 'А'
	}
	switch r {
	case 'ʼ', '’', '‘', '`', 'ʹ', '´', 'ʻ', '′', '\'':
		return '\''
	case '‐', '‑', '‒', '–', '—', '-':
		return '-'
	case 'Ё', 'ё':
		return 'е'
	}
	switch { // the rest of the Russian and Ukrainian letters (і, ї, є, ў ...)
	case r >= 0x450 && r <= 0x45F:
		return r
	case r >= 0x400 && r <= 0x40F:
		return r + 0x50
	}
	return unicode.ToLower(r)
}

// IsApostrophe reports the apostrophes and their stand-ins seen inside words; the extractor's
// tokenizer uses the same set, so that both split a text into the same words.
func IsApostrophe(r rune) bool {
	switch r {
	case '\'', 'ʼ', '’', '‘', '`', 'ʹ', '´', 'ʻ', '′':
		return true
	}
	return false
}

func isCyrillic(r rune) bool { return r >= 0x0400 && r <= 0x04FF }

// decodeRune is utf8.DecodeRuneInString(s[i:]) with the two-byte case (Cyrillic) inline.
func decodeRune(s string, i int) (rune, int) {
	if c := s[i]; c < utf8.RuneSelf {
		return rune(c), 1
	}
	return decodeRuneMulti(s, i)
}

func decodeRuneMulti(s string, i int) (rune, int) {
	if c := s[i]; c-0xC2 < 0xE0-0xC2 && i+1 < len(s) && s[i+1]&0xC0 == 0x80 { // lead byte C2..DF
		return rune(c&0x1F)<<6 | rune(s[i+1]&0x3F), 2
	}
	return utf8.DecodeRuneInString(s[i:])
}

func isUpper(r rune) bool {
	switch {
	case r >= 'A' && r <= 'Z', r >= 'А' && r <= 'Я':
		return true
	case r >= 'a' && r <= 'z', r >= 'а' && r <= 'я':
		return false
	case r >= 0x400 && r <= 0x40F: // Ѐ..Џ (І, Ї, Є, Ў ...)
		return true
	case r >= 0x450 && r <= 0x45F:
		return false
	}
	return unicode.IsUpper(r)
}

// IsWordRune is unicode.IsLetter || unicode.IsDigit, without the table look-up for Latin and
// Russian letters: what a word is made of, here and in the extractor's tokenizer.
func IsWordRune(r rune) bool {
	// small enough to be inlined in the tokenizer's loops
	if r < utf8.RuneSelf {
		return asciiWord[r]
	}
	return r >= 'А' && r <= 'я' || isWordRuneSlow(r)
}

func isWordRuneSlow(r rune) bool {
	if r >= 0x400 && r <= 0x4FF {
		return r <= 0x481 || r >= 0x48A // the Cyrillic block's letters, without its signs and marks
	}
	if r >= 0x2000 && r <= 0x206F { // General Punctuation (dashes, quotes, spaces) has no letter
		return false
	}
	return unicode.IsLetter(r) || unicode.IsDigit(r)
}

// IsASCIIWordByte reports the ASCII letters and digits.
func IsASCIIWordByte(c byte) bool { return c < utf8.RuneSelf && asciiWord[c] }

// asciiWord marks the ASCII letters and digits.
var asciiWord = func() (t [utf8.RuneSelf]bool) {
	for c := range t {
		t[c] = c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9'
	}
	return t
}()

// Token is one word of a text: its byte span, its key, and facts about its surface.
type Token struct {
	Start, End int    // byte offsets in the original text
	Key        string // stemmed skeleton ("" from TokenizeHashes)
	KeyLen     int    // len(Key), also from TokenizeHashes
	Hash       uint64 // HashKey(Key)
	Upper      bool   // starts with an upper-case letter
	Cyr        bool
	Dot        bool // directly followed by '.'
	Hyphen     bool // directly followed by '-'
	Adj        bool // stripped ending was an adjective ending (ru/uk)
}

// Tokenize splits text into word tokens (letters and digits; an apostrophe inside a word
// belongs to it) and computes each token's key, appending to toks.
func Tokenize(text string, toks []Token) []Token { return tokenize(text, toks, true, nil) }

// TokenizeHashes is Tokenize without the Key strings (Hash only), for building indexes
// without allocating a string per word.
func TokenizeHashes(text string, toks []Token) []Token { return tokenize(text, toks, false, nil) }

// tokenize is Tokenize (keys) or TokenizeHashes; without keys, memo (nil: none) spares the
// words it remembers their key.
func tokenize(text string, toks []Token, keys bool, memo *Memo) []Token {
	var kb [128]byte
	i := 0
	for i < len(text) {
		r, sz := rune(text[i]), 1 // decodeRune, the ASCII case inline
		if r >= utf8.RuneSelf {
			r, sz = decodeRuneMulti(text, i)
		}
		if !IsWordRune(r) {
			i += sz
			continue
		}
		// the word's end first; its letters are folded only if its key is not remembered
		start := i
		j := i + sz
		for j < len(text) {
			if c := text[j]; c < utf8.RuneSelf {
				if asciiWord[c] {
					j++
					continue
				}
			} else if c&0xFE == 0xD0 && j+1 < len(text) && text[j+1]&0xC0 == 0x80 { // U+0400..U+047F, all letters
				j += 2
				continue
			}
			r2, sz2 := rune(text[j]), 1
			if r2 >= utf8.RuneSelf {
				r2, sz2 = decodeRuneMulti(text, j)
			}
			if !IsWordRune(r2) {
				if !IsApostrophe(r2) || j+sz2 >= len(text) {
					break
				}
				if r3, _ := utf8.DecodeRuneInString(text[j+sz2:]); !unicode.IsLetter(r3) {
					break
				}
			}
			j += sz2
		}
		toks = append(toks, Token{})
		wordToken(&toks[len(toks)-1], text, start, j, r, keys, memo, &kb)
		i = j
	}
	return toks
}

// wordToken fills t, a zero Token, for the word text[start:end], whose first rune is r.
func wordToken(t *Token, text string, start, end int, r rune, keys bool, memo *Memo, kb *[128]byte) {
	word := text[start:end]
	t.Start, t.End = start, end
	t.Upper = isUpper(r)
	t.Cyr = isCyrillic(r)
	if end < len(text) {
		t.Dot = text[end] == '.'
		t.Hyphen = text[end] == '-'
	}
	var free *memoSlot
	if memo != nil && !keys && len(word) <= memoWordMax {
		var e *memoSlot
		if e, free = memo.find(word); e != nil {
			t.Hash, t.KeyLen, t.Adj = e.hash, int(e.keyLen), e.adj
			return
		}
	}
	var k []byte
	k, t.Adj = AppendWordKey(kb[:0], word)
	t.Hash = hashBytes(k)
	t.KeyLen = len(k)
	if keys {
		t.Key = string(k)
	}
	if free != nil && t.KeyLen <= 0xFF {
		free.hash, free.keyLen, free.adj = t.Hash, uint8(t.KeyLen), t.Adj
		free.n = uint8(copy(free.word[:], word))
	}
}

// Span is a word's byte span in a text.
type Span struct{ Start, End int }

// TokenizeSpans is TokenizeHashes for a caller that has found the words already, as
// TokenizeHashes finds them (letters and digits, an apostrophe before a letter inside): it
// spares the search for their ends.
func (m *Memo) TokenizeSpans(text string, words []Span, toks []Token) []Token {
	var kb [128]byte
	for _, w := range words {
		r := rune(text[w.Start])
		if r >= utf8.RuneSelf {
			r, _ = decodeRuneMulti(text, w.Start)
		}
		toks = append(toks, Token{})
		wordToken(&toks[len(toks)-1], text, w.Start, w.End, r, false, m, &kb)
	}
	return toks
}

// HashKey is the 64-bit FNV-1a hash of a key, as Token.Hash.
func HashKey(key string) uint64 {
	h := uint64(14695981039346656037)
	for i := 0; i < len(key); i++ {
		h ^= uint64(key[i])
		h *= 1099511628211
	}
	return h
}

func hashBytes(key []byte) uint64 {
	h := uint64(14695981039346656037)
	for _, c := range key {
		h ^= uint64(c)
		h *= 1099511628211
	}
	return h
}

// Key returns the matching key of a name: the keys of its words joined by spaces.
func Key(name string) string {
	toks := Tokenize(name, nil)
	if len(toks) == 1 {
		return toks[0].Key
	}
	var b strings.Builder
	for i, t := range toks {
		if i > 0 {
			b.WriteByte(' ')
		}
		b.WriteString(t.Key)
	}
	return b.String()
}

// WordKey stems one word in its script and returns its Latin skeleton; adj says the
// stripped ending was a Russian/Ukrainian adjective ending.
func WordKey(word string) (key string, adj bool) {
	var buf [128]byte
	b, adj := AppendWordKey(buf[:0], word)
	return string(b), adj
}

// AppendWordKey is WordKey appending to dst, without allocating for ordinary words.
func AppendWordKey(dst []byte, word string) ([]byte, bool) {
	var rs [maxKeyRunes]rune
	n, cyr := 0, false
	for i := 0; i < len(word) && n < len(rs); {
		// lower-case Russian and Latin letters need no folding: stored as read
		if c := word[i]; c >= 'a' && c <= 'z' {
			rs[n] = rune(c)
			n++
			i++
			continue
		} else if i+1 < len(word) && (c == 0xD0 && word[i+1] >= 0xB0 && word[i+1] <= 0xBF || c == 0xD1 && word[i+1] >= 0x80 && word[i+1] <= 0x8F) {
			rs[n] = rune(c&0x1F)<<6 | rune(word[i+1]&0x3F) // а..я
			n++
			cyr = true
			i += 2
			continue
		}
		r, sz := decodeRune(word, i)
		i += sz
		n, cyr = addRune(&rs, n, cyr, r)
	}
	if cyr {
		n, cyr = oneScript(&rs, n)
	}
	return appendKey(dst, word, rs[:n], cyr)
}

// oneScript folds a word that mixes Latin and Cyrillic letters ("Брянскoй" with a Latin o, as
// content farms write them) into one script (fold.MixedScript), and says whether it is Cyrillic.
func oneScript(rs *[maxKeyRunes]rune, n int) (int, bool) {
	lat := false
	for _, r := range rs[:n] {
		lat = lat || r >= 'a' && r <= 'z'
	}
	if !lat {
		return n, true
	}
	f, ok := fold.MixedScript(string(rs[:n]))
	if !ok {
		return n, true
	}
	n, cyr := 0, false
	for _, r := range f {
		rs[n] = r
		n++
		cyr = cyr || isCyrillic(r)
	}
	return n, cyr
}

// maxKeyRunes is the most letters of a word its key looks at.
const maxKeyRunes = 64

// addRune folds r into the letters of a word's key; apostrophes drop out.
func addRune(rs *[maxKeyRunes]rune, n int, cyr bool, r rune) (int, bool) {
	if r < 'a' || r > 'z' && (r < 'а' || r > 'я') { // those are folded already
		r = foldRune(r)
	}
	if r == '\'' {
		return n, cyr
	}
	rs[n] = r
	return n + 1, cyr || isCyrillic(r)
}

// appendKey stems a word's folded letters w in their script and appends the skeleton.
func appendKey(dst []byte, word string, w []rune, cyr bool) ([]byte, bool) {
	var tmp [192]byte
	if cyr {
		var adj bool
		w, adj = stemCyr(w)
		return skeleton(dst, translit(tmp[:0], w)), adj
	}
	// English possessive: "Kursk's" (apostrophe already dropped).
	if len(word) > 3 && (strings.HasSuffix(word, "'s") || strings.HasSuffix(word, "’s")) {
		w = w[:len(w)-1]
	}
	lat := tmp[:0]
	for _, r := range w {
		lat = utf8.AppendRune(lat, r)
	}
	start := len(dst)
	dst = skeleton(dst, lat)
	return stemLatin(dst, start), false
}

// Endings stripped from Russian and Ukrainian words, longest first; the stem keeps at least
// minStem letters so that short names survive.
const minStem = 3

var cyrEndings = func() [][]rune {
	list := []string{
		// adjectives ru
		"ыми", "ими", "ого", "его", "ому", "ему", "ая", "яя", "ое", "ее", "ые", "ие", "ый", "ий", "ой", "ей",
		"ую", "юю", "ых", "их", "ым", "им", "ом", "ем",
		// adjectives uk
		"ої", "ою", "ій", "ім", "ія", "ії", "ію", "ією",
		// nouns
		"ами", "ями", "ах", "ях", "ам", "ям", "ью", "ью", "ье", "ья", "ьи", "ию", "ие", "ия", "ии", "ием",
		// no "ові"/"еві": "Харкові", "Львові", "Ростові" keep the stem of "Харкова", "Ростов"
		// (the -ов/-ев of the name; see ikavism), only the case ending "і" goes
		"ею", "єю",
		"а", "я", "о", "е", "є", "ы", "и", "і", "ї", "у", "ю", "ь", "й",
	}
	out := make([][]rune, len(list))
	for i, s := range list {
		out[i] = []rune(s)
	}
	// longest first
	for i := 1; i < len(out); i++ {
		for j := i; j > 0 && len(out[j]) > len(out[j-1]); j-- {
			out[j], out[j-1] = out[j-1], out[j]
		}
	}
	return out
}()

var adjEndings = map[string]bool{
	"ыми": true, "ими": true, "ого": true, "его": true, "ому": true, "ему": true, "ая": true, "яя": true,
	"ое": true, "ее": true, "ые": true, "ый": true, "ий": true, "ой": true, "ую": true, "юю": true,
	"ых": true, "их": true, "ым": true, "им": true, "ої": true, "ою": true, "ій": true, "ім": true,
}

// endingsByLast holds cyrEndings by their last letter (keeping longest first, index
// letter-'а'), so that a word is tried only against the endings it can have.
var endingsByLast = func() (t [0x30][]ending) {
	for _, e := range cyrEndings {
		last := e[len(e)-1] - 'а'
		t[last] = append(t[last], ending{e, adjEndings[string(e)]})
	}
	return t
}()

type ending struct {
	runes []rune
	adj   bool
}

func stemCyr(w []rune) ([]rune, bool) {
	if len(w) == 0 {
		return w, false
	}
	last := w[len(w)-1] - 'а'
	if last < 0 || int(last) >= len(endingsByLast) {
		return w, false
	}
	for _, e := range endingsByLast[last] {
		if len(w)-len(e.runes) >= minStem && hasSuffixRunes(w, e.runes) {
			return w[:len(w)-len(e.runes)], e.adj
		}
	}
	return w, false
}

func hasSuffixRunes(w, e []rune) bool {
	if len(e) > len(w) {
		return false
	}
	off := len(w) - len(e)
	for i := range e {
		if w[off+i] != e[i] {
			return false
		}
	}
	return true
}

// translit maps Cyrillic to Latin with one fixed scheme; skeleton then removes the
// differences between schemes.
func translit(b []byte, w []rune) []byte {
	for _, r := range w {
		if r >= 'а' && r <= 'я' {
			// the switch below, by table: a switch per letter is a branch the processor
			// mispredicts on every new word
			t := &translitTable[r-'а']
			b = append(b, t.b[:t.n]...)
			continue
		}
		b = translitRune(b, r)
	}
	return b
}

// translitTable holds translitRune's output for а..я.
var translitTable = func() (t [32]struct {
	b [2]byte
	n int
}) {
	for r := 'а'; r <= 'я'; r++ {
		out := translitRune(nil, r)
		e := &t[r-'а']
		e.n = copy(e.b[:], out)
		if e.n != len(out) {
			panic("namekey: transliteration longer than 2 bytes")
		}
	}
	return t
}()

func translitRune(b []byte, r rune) []byte {
	{
		switch r {
		case 'а':
			b = append(b, 'a')
		case 'б':
			b = append(b, 'b')
		case 'в':
			b = append(b, 'v')
		case 'г', 'ґ', 'х':
			b = append(b, 'h')
		case 'д':
			b = append(b, 'd')
		case 'е', 'э':
			b = append(b, 'e')
		case 'є':
			b = append(b, "ie"...)
		case 'ж':
			b = append(b, "zh"...)
		case 'з':
			b = append(b, 'z')
		case 'и', 'і', 'ї', 'й', 'ы':
			b = append(b, 'i')
		case 'к':
			b = append(b, 'k')
		case 'л':
			b = append(b, 'l')
		case 'м':
			b = append(b, 'm')
		case 'н':
			b = append(b, 'n')
		case 'о':
			b = append(b, 'o')
		case 'п':
			b = append(b, 'p')
		case 'р':
			b = append(b, 'r')
		case 'с':
			b = append(b, 's')
		case 'т':
			b = append(b, 't')
		case 'у', 'ў':
			b = append(b, 'u')
		case 'ф':
			b = append(b, 'f')
		case 'ц':
			b = append(b, 'c')
		case 'ч':
			b = append(b, "ch"...)
		case 'ш', 'щ':
			b = append(b, "sh"...)
		case 'ъ', 'ь':
		case 'ю':
			b = append(b, "iu"...)
		case 'я':
			b = append(b, "ia"...)
		default:
			if r < utf8.RuneSelf || !isCyrillic(r) {
				b = utf8.AppendRune(b, r)
			}
		}
	}
	return b
}

// latinFold removes diacritics from the Latin letters found in place names.
var latinFold = map[rune]string{
	'á': "a", 'à': "a", 'â': "a", 'ä': "a", 'ã': "a", 'å': "a", 'ą': "a", 'ă': "a", 'ā': "a",
	'æ': "ae", 'ç': "c", 'ć': "c", 'č': "ch", 'ď': "d", 'đ': "d",
	'é': "e", 'è': "e", 'ê': "e", 'ë': "e", 'ě': "e", 'ę': "e", 'ė': "e", 'ē': "e",
	'ğ': "g", 'ģ': "g", 'í': "i", 'ì': "i", 'î': "i", 'ï': "i", 'ı': "i", 'ī': "i", 'į': "i",
	'ķ': "k", 'ł': "l", 'ľ': "l", 'ļ': "l", 'ń': "n", 'ň': "n", 'ñ': "n", 'ņ': "n",
	'ó': "o", 'ò': "o", 'ô': "o", 'ö': "o", 'õ': "o", 'ø': "o", 'ő': "o", 'œ': "oe",
	'ř': "r", 'ś': "s", 'š': "sh", 'ş': "s", 'ș': "s", 'ß': "ss", 'ť': "t", 'ţ': "t", 'ț': "t",
	'ú': "u", 'ù': "u", 'û': "u", 'ü': "u", 'ů': "u", 'ű': "u", 'ū': "u", 'ų': "u", 'ŭ': "u",
	'ý': "y", 'ÿ': "y", 'ź': "z", 'ż': "z", 'ž': "zh", 'ǧ': "g", 'ə': "a",
}

// skeleton maps a lower-case Latin (or already transliterated) word to its matching form,
// appending it to out.
func skeleton(out []byte, s []byte) []byte {
	// what callers pass is nearly always lower-case ASCII already (a transliteration, or
	// folded Latin letters): then the rules read s as it is
	if needsLower(s) {
		var stack [192]byte
		return skeletonRules(out, lowerFold(stack[:0], s))
	}
	return skeletonRules(out, s)
}

func needsLower(s []byte) bool {
	for _, c := range s {
		if c >= utf8.RuneSelf || c >= 'A' && c <= 'Z' {
			return true
		}
	}
	return false
}

// lowerFold appends s to b lower-cased, its accented Latin letters folded (latinFold).
func lowerFold(b, s []byte) []byte {
	for len(s) > 0 {
		r, sz := utf8.DecodeRune(s)
		s = s[sz:]
		if r < utf8.RuneSelf {
			if r >= 'A' && r <= 'Z' {
				r += 'a' - 'A'
			}
			b = append(b, byte(r))
			continue
		}
		r = unicode.ToLower(r)
		if f, ok := latinFold[r]; ok {
			b = append(b, f...)
			continue
		}
		b = utf8.AppendRune(b, r)
	}
	return b
}

// skeletonSpecial marks the bytes skeletonRules has a rule for, besides doubling.
var skeletonSpecial = func() (t [256]bool) {
	for _, c := range []byte("'skgtwxqyje") {
		t[c] = true
	}
	return t
}()

// skeletonRules applies the skeleton's letter rules to the lower-case word b.
func skeletonRules(out []byte, b []byte) []byte {
	base := len(out)
	for i := 0; i < len(b); i++ {
		c := b[i]
		if !skeletonSpecial[c] { // most letters: only the doubled-letter rule
			if n := len(out); n > base && out[n-1] == c && c < utf8.RuneSelf {
				continue
			}
			out = append(out, c)
			continue
		}
		next := byte(0)
		if i+1 < len(b) {
			next = b[i+1]
		}
		switch c {
		case '\'':
			continue
		case 's':
			if next == 'h' && i+3 < len(b) && b[i+2] == 'c' && b[i+3] == 'h' { // shch
				out = append(out, 's', 'h')
				i += 3
				continue
			}
			if next == 'c' && i+2 < len(b) && b[i+2] == 'h' { // sch
				out = append(out, 's', 'h')
				i += 2
				continue
			}
		case 'k':
			if next == 'h' {
				out = append(out, 'h')
				i++
				continue
			}
		case 'g':
			c = 'h'
		case 't':
			if next == 's' || next == 'z' {
				out = append(out, 'c')
				i++
				continue
			}
		case 'w':
			c = 'v'
		case 'x':
			out = append(out, 'k')
			c = 's'
		case 'q':
			c = 'k'
		case 'y', 'j':
			c = 'i'
		case 'e':
			// ye/ie -> e: "Yeysk" = "Eysk", "Kiev" = "Kyev".
			if n := len(out); n > base && out[n-1] == 'i' {
				out[n-1] = 'e'
				continue
			}
		}
		if n := len(out); n > base && out[n-1] == c && c < utf8.RuneSelf {
			continue // doubled letters
		}
		out = append(out, c)
	}
	return out
}

// Latin endings stripped so that nominative transliterations meet the Cyrillic stems.
var latinEndings = []string{"aia", "oie", "oe", "ogo", "oi", "ei", "ia", "ie", "ii", "a", "e", "i", "o", "u"}

// stemLatin strips one ending from b[start:].
func stemLatin(b []byte, start int) []byte {
	w := b[start:]
	if len(w) == 0 {
		return b
	}
	switch w[len(w)-1] {
	case 'a', 'e', 'i', 'o', 'u': // every ending ends in one of these
	default:
		return b
	}
	for _, e := range latinEndings {
		if len(w)-len(e) >= minStem && string(w[len(w)-len(e):]) == e {
			return b[:len(b)-len(e)]
		}
	}
	return b
}
