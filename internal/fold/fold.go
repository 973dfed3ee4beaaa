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
	if i >= len(text) {
		return i, -1
	}
	s := text[i:]
	var head uint64 // the first eight folded bytes
	sh := 0         // bits of head gathered: eight a folded byte
	k := 0          // bytes of s read
	mixed := true   // whether the word may go on in the other script
	if len(s) >= 8 {
		// the first eight bytes at once, for a word of ASCII letters or of Cyrillic ones
		w := Load64(s)
		if byte(w)|0x20-'a' < 26 {
			x := w | 0x2020202020202020 // lower case, for the letters
			y := x & 0x7F7F7F7F7F7F7F7F // no carries between bytes below
			// the top bit of each byte that is not 'a'..'z' in x, or not ASCII
			other := (^(y + 0x1F1F1F1F1F1F1F1F) | (y + 0x0505050505050505) | w) & 0x8080808080808080
			head = x & ((other&-other)>>7 - 1) // all of x when other is 0
			k = bits.TrailingZeros64(other) >> 3
			sh = 8 * k
			mixed = k < 8 && s[k]&0xFE == 0xD0
		} else {
			// all four lanes folded, then cut after the letters
			bad := cyrillicNonLetters(w)
			head = (uint64(laneFold(w)) | uint64(laneFold(w>>16))<<16 | uint64(laneFold(w>>32))<<32 |
				uint64(laneFold(w>>48))<<48) & ((bad&-bad)>>15 - 1) // all when bad is 0
			k = bits.TrailingZeros64(bad) >> 3 &^ 1
			sh = 8 * k
			mixed = k < 8 && s[k]|0x20-'a' < 26
		}
	}
	// ASCII and Cyrillic letters of two bytes while head is not full; the loops call nothing,
	// which keeps their variables in registers
	for mixed && sh < 64 && k < len(s) {
		if c := s[k]; c|0x20-'a' < 26 {
			head |= uint64(c|0x20) << (sh & 63) // & 63: no check of the shift
			sh += 8
			k++
			continue
		}
		if k+1 >= len(s) {
			break
		}
		f := cyrillicFold(s[k], s[k+1])
		if f == 0 {
			break
		}
		head |= uint64(f) << (sh & 63) // at sh 56, only the first byte
		sh += 16
		k += 2
	}
	n := sh / 8 // folded length
	if sh >= 64 {
		// the rest of the word only counts for its length; a Cyrillic letter stays two bytes
		m := k
		// a word this long is more often Cyrillic: four letters at a time
		for k < len(s) {
			if len(s)-k >= 8 {
				bad := cyrillicNonLetters(Load64(s[k:]))
				k += bits.TrailingZeros64(bad) >> 3 &^ 1
				if bad == 0 {
					continue
				}
			} else if k+1 < len(s) && cyrillicFold(s[k], s[k+1]) != 0 {
				k += 2
				continue
			}
			if s[k]|0x20-'a' >= 26 { // k < len(s) still: the eight bytes held a non-letter
				break
			}
			k++
		}
		n += k - m
	}
	if k < len(s) {
		if c := s[k]; c >= utf8.RuneSelf || c == '\'' {
			k, head, n = foldRest(s, k, head, n) // an apostrophe, a mark, another script
		}
	}
	if uint(n-1) >= MaxKey { // n is 0 or more than MaxKey
		return i + k, -1
	}
	sum := tableHash(head, n)
	if t.seen[sum>>6%uint32(len(t.seen))]&(1<<(sum&63)) == 0 {
		return i + k, -1
	}
	return i + k, t.find(s[:k], sum)
}

// cyrillicFold returns the two bytes (little-endian) of the fold of the rune of U+0400..047F
// that c, c1 start, or 0 when they start none: those are letters that fold to two bytes, with
// no apostrophes or marks among them, and need neither decoding nor foldRest.
func cyrillicFold(c, c1 byte) uint16 {
	if c&0xFE != 0xD0 || c1&0xC0 != 0x80 {
		return 0
	}
	return cyrillicFolds[(c&1)<<6|c1&0x3F]
}

// Load64 reads s[:8] little-endian, in one load (the compiler merges the byte reads).
func Load64(s string) uint64 {
	_ = s[7]
	return uint64(s[0]) | uint64(s[1])<<8 | uint64(s[2])<<16 | uint64(s[3])<<24 |
		uint64(s[4])<<32 | uint64(s[5])<<40 | uint64(s[6])<<48 | uint64(s[7])<<56
}

// cyrillicNonLetters has the top bit of each of the four two-byte lanes of w (eight bytes of
// text, Load64) that is not a rune of U+0400..047F (a lead byte D0 or D1 and a continuation
// byte), where cyrillicFold is 0.
func cyrillicNonLetters(w uint64) uint64 {
	const hi uint64 = 0x8000800080008000
	x := w&0xC0FEC0FEC0FEC0FE ^ 0x80D080D080D080D0 // zero lanes are such runes
	return ((x &^ hi) + ^hi | x) & hi
}

// laneFold is cyrillicFold of the two low bytes of lane, if they are a letter.
func laneFold(lane uint64) uint16 { return cyrillicFolds[(lane&1)<<6|lane>>8&0x3F] }

// cyrillicFolds is indexed by the low bit of the lead byte (D0 or D1) and the low six of the
// second.
var cyrillicFolds = func() (t [128]uint16) {
	for r := rune(0x400); r <= 0x47F; r++ {
		f, _ := foldRune(r)
		if utf8.RuneLen(f) != 2 || !IsLetter(r) {
			panic("fold: U+0400..047F must be letters folding to two bytes")
		}
		t[r-0x400] = uint16(0xC0|f>>6) | uint16(0x80|f&0x3F)<<8
	}
	return
}()

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

// find returns the index of the key that w folds to (hashed to sum, whose bit is seen), or -1.
func (t *Table) find(w string, sum uint32) int {
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
