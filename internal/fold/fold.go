// Package fold normalises words for table lookups in the parsers (textnum, when): lower case,
// ё as е, every apostrophe (' ’ ʼ) as ', stress marks dropped. Latin and Cyrillic take fast
// paths; the unicode tables are only consulted for other scripts, which keeps the scanners
// above 50 MB/s.
package fold

import (
	"math/bits"
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

// Table is a read-only set of keys in the folded form Word writes, for the scanners' word
// look-ups. Find reads a word of the text, folds it and hashes it in one pass, where WordEnd,
// Word and a map look-up read it three times; most words of a text are in no table, and one
// bit says so.
type Table struct {
	// seen has the bit of each key's hash (its low 15 bits): 4 KB that stay in the cache and
	// turn away nearly every word before the slots are read
	seen  [1 << 9]uint64
	slots []tableSlot // open addressing; a power of two, at most a quarter full
	keys  []string
	shift uint // 32 - log2(len(slots)): a hash's top bits pick its slot
}

type tableSlot struct {
	hash uint32
	key  int32 // index into keys, plus one; 0: an empty slot
}

// MaxKey is the longest key in bytes a Table holds; Find reports words folding longer as absent.
const MaxKey = 64

// NewTable builds the table of keys; Find returns indices into keys. Keys must be distinct,
// non-empty and folded.
func NewTable(keys []string) *Table {
	size := 8
	for size < 4*len(keys) {
		size *= 2
	}
	t := &Table{slots: make([]tableSlot, size), keys: keys, shift: uint(32 - bits.TrailingZeros(uint(size)))}
	for k, key := range keys {
		if key == "" || len(key) > MaxKey {
			panic("fold: bad table key " + key)
		}
		var head uint64
		for i := 0; i < len(key) && i < 8; i++ {
			head |= uint64(key[i]) << (8 * i)
		}
		sum := tableHash(head, len(key))
		t.seen[sum>>6%uint32(len(t.seen))] |= 1 << (sum & 63)
		s := sum >> t.shift
		for t.slots[s].key != 0 {
			if t.keys[t.slots[s].key-1] == key {
				panic("fold: duplicate table key " + key)
			}
			s = (s + 1) & uint32(size-1)
		}
		t.slots[s] = tableSlot{hash: sum, key: int32(k + 1)}
	}
	return t
}

// tableHash hashes a folded word from its first eight bytes (head, little-endian, zero past
// the word) and its length n: enough to tell most words of a text from the keys, and Find
// gathers it in registers as it reads the word.
func tableHash(head uint64, n int) uint32 {
	return uint32((head^uint64(n)<<59)*0x9E3779B97F4A7C15>>32) ^ uint32(n)
}

// Find returns the end of the word starting at text[i] (WordEnd) and the index of the key its
// folded form (Word) is, or -1 when it is none. Only the first eight folded bytes are worked
// out for the hash; the rest of the word is only measured, and folded again in the rare case
// the hash is a key's.
func (t *Table) Find(text string, i int) (end, key int) {
	start := i
	var head uint64 // the first eight folded bytes
	n := 0          // folded length
	// ASCII and Russian and Ukrainian letters; the loop calls nothing, which keeps its
	// variables in registers
	for i < len(text) {
		c := text[i]
		if c|0x20 >= 'a' && c|0x20 <= 'z' {
			if n < 8 {
				head |= uint64(c|0x20) << (uint(n*8) & 63) // & 63: no check of the shift
			}
			n++
			i++
			continue
		}
		// U+0400..045F (D0 80 to D1 9F): no apostrophes or marks among them
		if c&0xFE == 0xD0 && i+1 < len(text) {
			if c1 := text[i+1]; c1&0xC0 == 0x80 && (c == 0xD0 || c1 <= 0x9F) {
				if n < 8 {
					r := foldCyrillic(rune(c&0x1F)<<6 | rune(c1&0x3F))
					head |= uint64(0xC0|byte(r>>6)) << (uint(n*8) & 63)
					if n < 7 {
						head |= uint64(0x80|byte(r&0x3F)) << (uint(n*8+8) & 63)
					}
				}
				n += 2
				i += 2
				continue
			}
		}
		if c >= utf8.RuneSelf || c == '\'' {
			i, head, n = foldRest(text, i, head, n) // an apostrophe, a mark, another script
		}
		break
	}
	if n == 0 || n > MaxKey {
		return i, -1
	}
	return i, t.find(text[start:i], tableHash(head, n))
}

// foldCyrillic folds a rune of U+0400..045F as Word does.
func foldCyrillic(r rune) rune {
	switch {
	case r == 'ё' || r == 'Ё':
		return 'е'
	case r < 0x410:
		return r + 0x50
	case r < 0x430:
		return r + 0x20
	}
	return r
}

// foldRest is Find's loop for the rest of a word from text[i], for any rune; it returns the
// word's end, and head and n as Find keeps them.
func foldRest(text string, i int, head uint64, n int) (int, uint64, int) {
	for i < len(text) {
		c := text[i]
		if c < utf8.RuneSelf {
			if c|0x20 >= 'a' && c|0x20 <= 'z' {
				c |= 0x20
			} else if c != '\'' || !LetterAt(text, i+1) {
				break
			}
			head |= uint64(c) << (8 * uint(n))
			n++
			i++
			continue
		}
		r, w := utf8.DecodeRuneInString(text[i:])
		if !IsLetter(r) && !IsMark(r) && !(IsApostrophe(r) && LetterAt(text, i+w)) {
			break
		}
		i += w
		if r, keep := foldRune(r); keep {
			var e [utf8.UTFMax]byte
			for _, c := range e[:utf8.EncodeRune(e[:], r)] {
				head |= uint64(c) << (8 * uint(n))
				n++
			}
		}
	}
	return i, head, n
}

// find returns the index of the key that w folds to (hashed to sum), or -1.
func (t *Table) find(w string, sum uint32) int {
	if t.seen[sum>>6%uint32(len(t.seen))]&(1<<(sum&63)) == 0 {
		return -1
	}
	var arr [MaxKey]byte
	b, _ := Word(arr[:], w) // fits: at most MaxKey bytes
	mask := uint32(len(t.slots) - 1)
	for s := sum >> t.shift; ; s = (s + 1) & mask {
		sl := t.slots[s]
		if sl.key == 0 {
			return -1
		}
		if sl.hash == sum && t.keys[sl.key-1] == string(b) {
			return int(sl.key - 1)
		}
	}
}
