// Package fold normalises words for table lookups in the parsers (textnum, when): lower case,
// ё as е, every apostrophe (' ’ ʼ) as ', stress marks dropped. Latin and Cyrillic take fast
// paths; the unicode tables are only consulted for other scripts, which keeps the scanners
// above 50 MB/s.
package fold

import (
	"unicode"
	"unicode/utf8"
)

// IsApostrophe reports the apostrophes seen inside Ukrainian words.
func IsApostrophe(r rune) bool { return r == '\'' || r == '’' || r == 'ʼ' }

// IsLetter is unicode.IsLetter with fast paths for ASCII and Cyrillic.
func IsLetter(r rune) bool {
	switch {
	case r < utf8.RuneSelf:
		return r|0x20 >= 'a' && r|0x20 <= 'z'
	case r >= 0x400 && r <= 0x4FF:
		return r <= 0x481 || r >= 0x48A
	}
	return unicode.IsLetter(r)
}

// IsMark reports combining marks (stress accents) that may sit inside a word.
func IsMark(r rune) bool {
	switch {
	case r < 0x300:
		return false
	case r <= 0x36F:
		return true
	case r >= 0x400 && r <= 0x4FF:
		return r >= 0x483 && r <= 0x487
	}
	return unicode.Is(unicode.Mn, r)
}

// Lower is unicode.ToLower with fast paths for ASCII and the common Cyrillic letters.
func Lower(r rune) rune {
	switch {
	case r < utf8.RuneSelf:
		if r >= 'A' && r <= 'Z' {
			return r + 'a' - 'A'
		}
		return r
	case r >= 0x410 && r <= 0x42F:
		return r + 0x20
	case r >= 0x430 && r <= 0x45F:
		return r
	case r >= 0x400 && r <= 0x40F:
		return r + 0x50
	}
	return unicode.ToLower(r)
}

// LetterAt reports whether a letter starts at text[i].
func LetterAt(text string, i int) bool {
	if i >= len(text) {
		return false
	}
	if c := text[i]; c < utf8.RuneSelf {
		return c|0x20 >= 'a' && c|0x20 <= 'z'
	}
	r, _ := utf8.DecodeRuneInString(text[i:])
	return IsLetter(r)
}

// WordEnd returns the end of the word starting at i: letters, combining marks, and apostrophes
// between letters ("п'ять", "don't").
func WordEnd(text string, i int) int {
	for i < len(text) {
		c := text[i]
		if c < utf8.RuneSelf {
			if c|0x20 >= 'a' && c|0x20 <= 'z' {
				i++
				continue
			}
			if c == '\'' && LetterAt(text, i+1) {
				i++
				continue
			}
			return i
		}
		// the letters of the Russian and Ukrainian alphabets (two bytes, D0 80 to D1 9F, all
		// letters) without decoding
		if (c == 0xD0 || c == 0xD1) && i+1 < len(text) && text[i+1]&0xC0 == 0x80 && (c == 0xD0 || text[i+1] <= 0x9F) {
			i += 2
			continue
		}
		r, w := utf8.DecodeRuneInString(text[i:])
		if IsLetter(r) || IsMark(r) || (IsApostrophe(r) && LetterAt(text, i+w)) {
			i += w
			continue
		}
		return i
	}
	return i
}

// foldRune folds a non-ASCII rune as Word does; keep is false for a stress mark, which Word
// drops.
func foldRune(r rune) (folded rune, keep bool) {
	switch {
	case IsApostrophe(r):
		return '\'', true
	case r == 'ё' || r == 'Ё':
		return 'е', true
	case IsMark(r):
		return 0, false
	}
	return Lower(r), true
}

// Word writes the folded form of w into buf (using its capacity) and returns it; false when it
// does not fit, which callers treat as "not in the table".
func Word(buf []byte, w string) ([]byte, bool) {
	b := buf[:0]
	for i := 0; i < len(w); {
		c := w[i]
		if c < utf8.RuneSelf {
			if len(b) == cap(b) {
				return nil, false
			}
			if c >= 'A' && c <= 'Z' {
				c += 'a' - 'A'
			}
			b = append(b, c)
			i++
			continue
		}
		r, size := utf8.DecodeRuneInString(w[i:])
		i += size
		r, keep := foldRune(r)
		if !keep {
			continue
		}
		if len(b)+utf8.RuneLen(r) > cap(b) {
			return nil, false
		}
		b = utf8.AppendRune(b, r)
	}
	return b, true
}

// Starts is the set of the first three folded runes of a table's keys (fewer for shorter
// keys). A scanner asks it before folding a word and looking it up: most words of a text are
// in no table, and three runes say so for most of them. Build it once, then only read it.
type Starts struct{ bits [1 << 11]uint64 }

const startsRunes = 3

func startsBit(rs *[startsRunes]rune) uint32 {
	h := uint32(rs[0])*0x9E3779B1 ^ uint32(rs[1])*0x85EBCA6B ^ uint32(rs[2])*0xC2B2AE35
	return (h ^ h>>15) * 0x2C1B3C6D >> 15
}

// Add records a key, in the folded form Word writes.
func (s *Starts) Add(key string) {
	var rs [startsRunes]rune
	n := 0
	for _, r := range key {
		if n == startsRunes {
			break
		}
		rs[n] = r
		n++
	}
	b := startsBit(&rs)
	s.bits[b>>6] |= 1 << (b & 63)
}

// May reports whether w can fold (as Word folds it) to a key added to s. False means it cannot.
func (s *Starts) May(w string) bool {
	var rs [startsRunes]rune
	n := 0
	for i := 0; i < len(w) && n < startsRunes; {
		c := w[i]
		if c < utf8.RuneSelf {
			if c >= 'A' && c <= 'Z' {
				c += 'a' - 'A'
			}
			rs[n] = rune(c)
			n++
			i++
			continue
		}
		if (c == 0xD0 || c == 0xD1) && i+1 < len(w) && w[i+1]&0xC0 == 0x80 {
			// U+0400..047F, decoded here: no apostrophes or marks among them
			r := rune(c&0x1F)<<6 | rune(w[i+1]&0x3F)
			if r == 'ё' || r == 'Ё' {
				r = 'е'
			} else {
				r = Lower(r)
			}
			rs[n] = r
			n++
			i += 2
			continue
		}
		r, size := utf8.DecodeRuneInString(w[i:])
		i += size
		r, keep := foldRune(r)
		if !keep {
			continue
		}
		rs[n] = r
		n++
	}
	b := startsBit(&rs)
	return s.bits[b>>6]&(1<<(b&63)) != 0
}
