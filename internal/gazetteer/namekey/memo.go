package namekey

// Memo remembers the key facts (hash, length, adjective ending) of words tokenized before, so
// that a word met again skips its stemming and transliteration, most of tokenizing's cost: news
// repeats its words ("области", "the", "drones") within a text and from text to text. It is
// a fixed table (about 100 KB) that newer words overwrite, so its memory is bounded. The zero
// value is ready; not safe for concurrent use.
type Memo struct {
	slots [memoSlots]memoSlot
}

const (
	memoBits    = 11
	memoSlots   = 1 << memoBits
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

// slot is where word is remembered, if it is (its n and word say whether it is).
func (m *Memo) slot(word string) *memoSlot {
	h := uint32(2166136261) // FNV-1a
	for i := 0; i < len(word); i++ {
		h = (h ^ uint32(word[i])) * 16777619
	}
	return &m.slots[(h*0x9E3779B1)>>(32-memoBits)]
}

// TokenizeHashes is the package's TokenizeHashes, remembering words in m and using what it
// remembers.
func (m *Memo) TokenizeHashes(text string, toks []Token) []Token {
	return tokenize(text, toks, false, m)
}
