package namekey

import "skyledger/internal/fold"

// Memo remembers the key facts (hash, length, adjective ending) of words tokenized before, so
// that a word met again skips its stemming and transliteration, most of tokenizing's cost: news
// repeats its words ("области", "the", "drones") within a text and from text to text. It is
// a fixed table (384 KB) in which newer words take the place of the least recently used, so its
// memory is bounded. The zero value is ready; not safe for concurrent use.
type Memo struct {
	sets [memoSets][2]memoSlot // two words per hash: a word read often is not lost to one read once
}

const (
	memoBits    = 12
	memoSets    = 1 << memoBits
	memoWordMax = 37 // longer words are not remembered; with the facts, a slot is 48 bytes
)

// memoSlot is one remembered word: its surface bytes, which alone decide its key.
type memoSlot struct {
	hash   uint64
	n      uint8 // len(word); 0: empty
	keyLen uint8
	adj    bool
	word   [memoWordMax]byte
}

func (e *memoSlot) holds(word string) bool {
	return int(e.n) == len(word) && string(e.word[:e.n]) == word
}

// find returns the slot remembering word, or nil and the slot to remember it in.
func (m *Memo) find(word string) (hit, free *memoSlot) {
	set := m.set(word)
	switch {
	case set[0].holds(word):
	case set[1].holds(word):
		set[0], set[1] = set[1], set[0] // the most recently used first
	default:
		set[1] = set[0]
		return nil, &set[0]
	}
	return &set[0], nil
}

// set is where word is remembered, if it is.
func (m *Memo) set(word string) *[2]memoSlot {
	// eight bytes at a time: a byte-wise hash cost as much as the look-up it leads to
	h := uint64(len(word))
	if len(word) < 8 {
		var w uint64
		for i := 0; i < len(word); i++ {
			w |= uint64(word[i]) << (8 * i)
		}
		h = (h ^ w) * 0x9E3779B97F4A7C15
	} else {
		for i := 0; i+8 < len(word); i += 8 {
			h = (h ^ fold.Load64(word[i:i+8])) * 0x9E3779B97F4A7C15
		}
		h = (h ^ fold.Load64(word[len(word)-8:])) * 0x9E3779B97F4A7C15 // the last eight, overlapping
	}
	return &m.sets[h>>(64-memoBits)]
}

// TokenizeHashes is the package's TokenizeHashes, remembering words in m and using what it
// remembers (a nil m remembers nothing).
func (m *Memo) TokenizeHashes(text string, toks []Token) []Token {
	return tokenize(text, toks, false, m)
}
