package cluster

// The implementations of tokenize, timeNumbers, skeleton, textFeatures, newFeatures and minhash
// as they were before they were made fast, kept as the definition the fuzz tests in
// prepare_test.go compare the fast ones with: story decisions must not change.

import (
	"slices"
	"sort"
	"strings"
	"unicode"
	"unicode/utf8"

	"skyledger/internal/domain"
)

// refToken is one word of a document, in Latin letters, with whether it began with a capital.
type refToken struct {
	latin   string
	capital bool
	initial bool // first word of a sentence or line: capitalised for grammar, not as a name
	number  bool
	hyphen  bool // joined to the previous word by a hyphen: Ust-Luga, Усть-Луга
}

// refTokenize splits text into words and numbers. Cyrillic is transliterated and everything is
// lower-cased; "capital" remembers proper-noun candidates for the name skeletons.
func refTokenize(text string) []refToken {
	var toks []refToken
	start := -1
	lastEnd := -1
	sentenceStart := true
	flush := func(end int) {
		if start < 0 {
			return
		}
		w := text[start:end]
		r, _ := utf8.DecodeRuneInString(w)
		t := refToken{capital: unicode.IsUpper(r), number: unicode.IsDigit(r), initial: sentenceStart}
		if lastEnd >= 0 && len(toks) > 0 {
			sep := text[lastEnd:start]
			t.hyphen = sep == "-" || sep == "‑"
		}
		start = -1
		sentenceStart = false
		t.latin = latinLower(strings.ToLower(w))
		if t.latin != "" {
			toks = append(toks, t)
			lastEnd = end
		}
	}
	for i, r := range text {
		if isWordRune(r) {
			if start < 0 {
				start = i
			}
			continue
		}
		flush(i)
		switch r {
		case '.', '!', '?', '\n', ':', '«', '"', '“', '„', '—', '|', '•', '/':
			sentenceStart = true
		}
	}
	flush(len(text))
	return toks
}

// refSkeleton reduces a Latin-lettered word to a consonant skeleton that survives transliteration
// variants and Slavic case endings: Shapsha/Шапши -> "sps", Tkachenko/Ткаченко -> "tkcnk".
// At most maxSkel consonants are kept.
func refSkeleton(latin string) string {
	const maxSkel = 5
	var out [16]byte
	n := 0
	var last byte
	for i := 0; i < len(latin) && n < maxSkel; i++ {
		c := latin[i]
		next := byte(0)
		if i+1 < len(latin) {
			next = latin[i+1]
		}
		switch {
		case c == 's' && next == 'h':
			c = 's'
			i++
			if i+2 < len(latin) && latin[i+1] == 'c' && latin[i+2] == 'h' {
				i += 2
			}
		case (c == 'k' || c == 'c') && next == 'h':
			if c == 'k' {
				c = 'h'
			} else {
				c = 'c'
			}
			i++
		case c == 'z' && next == 'h':
			c = 'z'
			i++
		case c == 't' && next == 's':
			c = 'c'
			i++
		case c == 'c':
			c = 'k' // Moscow/Москва, Crimea/Крым ("ts" and "ch" are read above)
		case c == 'g':
			c = 'h' // Ukrainian г is h in English: Chernihiv/Чернигов/Чернігів
		case c == 'w':
			c = 'v'
		case c == 'x':
			c = 'h'
		case c == 'j':
			continue
		}
		switch c {
		case 'a', 'e', 'i', 'o', 'u', 'y':
			last = 0
			continue
		}
		if c < 'a' || c > 'z' {
			continue
		}
		if c == last {
			continue
		}
		out[n] = c
		n++
		last = c
	}
	return string(out[:n])
}

// refTextFeatures reads names (longest first), numbers, explicit dates and shingles from a
// document's text.
func refTextFeatures(doc domain.Document) (names []string, nums []int, mdays []int, shingles []uint64) {
	text := doc.Title + "\n" + doc.Text
	toks := refTokenize(text)
	// Which raw separators follow numbers matters for times (05:43) and numeric dates (28.09.2025);
	// find them once on the raw text.
	timeLike := refTimeNumbers(text)

	nameSet := map[string]bool{}
	numSet := map[int]bool{}
	daySet := map[int]bool{}
	shSet := map[uint64]bool{}
	var prev uint64
	for i, t := range toks {
		w := t.latin
		if t.number {
			n, ok := leadingInt(w)
			if !ok {
				continue
			}
			isDate := false
			if n >= 1 && n <= 31 {
				if i+1 < len(toks) {
					if m := monthOf(toks[i+1].latin); m > 0 {
						daySet[m*100+n] = true
						isDate = true
					}
				}
				if i > 0 {
					if m := monthOf(toks[i-1].latin); m > 0 {
						daySet[m*100+n] = true
						isDate = true
					}
				}
			}
			if d, ok := timeLike[i]; ok {
				if d > 0 {
					daySet[d] = true
				}
				isDate = true
			}
			if !isDate && !(n >= 1990 && n <= 2100) && n >= 2 {
				numSet[n] = true
			}
		} else if n, ok := numberWords[w]; ok {
			numSet[n] = true
		}
		if t.capital && !t.number {
			addName := func(w string, initial bool) {
				if len(w) < 4 {
					return
				}
				sk := refSkeleton(w)
				if len(sk) < 3 || genericNames[sk] {
					return
				}
				// a word capitalised only at a sentence start is grammar, not a name
				if !initial {
					nameSet[sk] = true
				}
			}
			addName(w, t.initial)
			// Ust-Luga, Усть-Луга: the compound is the name, its halves are often too short
			if t.hyphen && i > 0 && toks[i-1].capital {
				addName(toks[i-1].latin+w, toks[i-1].initial)
			}
		}
		// Shingles: word bigrams over 5-letter prefixes, which absorb inflection and most of
		// what a rewriter's thesaurus does to word endings.
		p := w
		if len(p) > 5 {
			p = p[:5]
		}
		h := fnv64(p)
		if i > 0 {
			shSet[mix(prev, h)] = true
		}
		prev = h
	}
	for k := range nameSet {
		names = append(names, k)
	}
	sort.Slice(names, func(i, j int) bool {
		if len(names[i]) != len(names[j]) {
			return len(names[i]) > len(names[j])
		}
		return names[i] < names[j]
	})
	for k := range numSet {
		nums = append(nums, k)
	}
	sort.Ints(nums)
	for k := range daySet {
		mdays = append(mdays, k)
	}
	sort.Ints(mdays)
	shingles = make([]uint64, 0, len(shSet))
	for k := range shSet {
		shingles = append(shingles, k)
	}
	return names, nums, mdays, shingles
}

// refTimeNumbers finds, by token index, the digit tokens that belong to a clock time (05:43, 4.30)
// or a numeric date (28.09.2025). For the day of a numeric date the value is month*100+day;
// for every other such token it is 0. Token indexes follow tokenize exactly.
func refTimeNumbers(text string) map[int]int {
	out := map[int]int{}
	type num struct {
		tok      int
		val      int
		sepAfter rune
	}
	var nums []num
	idx := -1
	start := -1
	for i, r := range text {
		if isWordRune(r) {
			if start < 0 {
				start = i
				idx++
			}
			continue
		}
		if start >= 0 {
			if w := text[start:i]; w[0] >= '0' && w[0] <= '9' {
				if v, ok := leadingInt(w); ok && len(w) == refDigitsLen(w) {
					nums = append(nums, num{tok: idx, val: v, sepAfter: r})
				}
			}
			start = -1
		}
	}
	for k := 0; k+1 < len(nums); k++ {
		a, b := nums[k], nums[k+1]
		if b.tok != a.tok+1 || (a.sepAfter != ':' && a.sepAfter != '.') {
			continue
		}
		if a.sepAfter == '.' && b.sepAfter == '.' && k+2 < len(nums) && nums[k+2].tok == b.tok+1 &&
			a.val >= 1 && a.val <= 31 && b.val >= 1 && b.val <= 12 {
			out[a.tok] = b.val*100 + a.val
			out[b.tok] = 0
			out[nums[k+2].tok] = 0
			k += 2
			continue
		}
		if a.val <= 24 && b.val < 60 {
			out[a.tok] = 0
			out[b.tok] = 0
			k++
		}
	}
	return out
}

func refNewFeatures(doc domain.Document, ex domain.Extraction) *features {
	f := &features{id: doc.ID, pub: parseDay(doc.Published)}
	var sh []uint64
	var names []string
	names, f.nums, f.mdays, sh = refTextFeatures(doc)
	// Names are compared as hashes: a few bytes per name kept for every document in the window,
	// and integer compares in the pair loop.
	f.names = make([]uint64, len(names))
	for i, n := range names {
		f.names[i] = fnv64(n)
		if i < 4 {
			f.longest = append(f.longest, fnv64("name:"+n))
		}
	}
	slices.Sort(f.names)
	f.hasText = len(sh) > 0
	f.sig = refMinhash(sh)
	f.facts, f.regions = extractionFacts(ex)
	return f
}

// refMinhash computes the signature of a set of shingle hashes. An empty set gives all ones,
// which never collides with a real signature band by accident more than any other value.
func refMinhash(shingles []uint64) Signature {
	var sig Signature
	for i := range sig {
		sig[i] = ^uint32(0)
	}
	for _, h := range shingles {
		for i := 0; i < numHashes; i++ {
			v := uint32((hashA[i]*h + hashB[i]) >> 32)
			if v < sig[i] {
				sig[i] = v
			}
		}
	}
	return sig
}

func refDigitsLen(s string) int {
	i := 0
	for i < len(s) && s[i] >= '0' && s[i] <= '9' {
		i++
	}
	return i
}
