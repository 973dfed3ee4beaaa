package extract

import (
	"bufio"
	"bytes"
	"embed"
	"fmt"
	"strings"
	"unicode/utf8"

	"skyledger/internal/fold"
	"skyledger/internal/gazetteer/namekey"
)

//go:embed lexicon/*.tsv
var lexiconFS embed.FS

// token is one word of a text: lowercased and normalised (ё→е, apostrophes unified), with its
// byte offsets in the original text.
type token struct {
	s          string
	start, end int
}

// tokenize splits text into words: runs of letters and digits, keeping apostrophes inside a word
// (Ukrainian "пʼяти", "з'ясовується"). Hyphens split words, so "FPV-дрон" gives "fpv", "дрон".
//
// It runs on every document: a word already in normal form (lower case, no ё, plain
// apostrophes) is a substring of text, and the others share one string, so a document costs
// two allocations, not one per word.
func tokenize(text string) []token {
	var w tokenWork
	return w.tokenize(nil, text)
}

// tokenWork is tokenize's working memory besides the tokens, for reuse.
type tokenWork struct {
	norm    []byte  // normalised forms of the words that differ from the text
	fixes   []int32 // per such word: its token index, start and end in norm
	invalid bool    // the last text tokenized is not valid UTF-8
}

// tokenize is tokenize writing into buf's memory when it is large enough.
func (w *tokenWork) tokenize(buf []token, text string) []token {
	toks := buf[:0]
	if n := len(text)/6 + 1; cap(toks) < n {
		toks = make([]token, 0, n)
	}
	norm, fixes := w.norm[:0], w.fixes[:0]
	defer func() { w.norm, w.fixes = norm[:0], fixes[:0] }()
	w.invalid = false
	start := -1
	changed := false
	mark := 0                // len(norm) when the current word started
	lat, cyr := false, false // the word has Latin, Cyrillic letters
	flush := func(end int) {
		if start < 0 {
			return
		}
		if lat && cyr {
			// "атаковaн" with a Latin a: the word is matched in one script
			w := text[start:end]
			if changed {
				w = string(norm[mark:])
			}
			if f, ok := fold.MixedScript(w); ok {
				norm = append(norm[:mark], f...)
				changed = true
			}
		}
		if changed {
			fixes = append(fixes, int32(len(toks)), int32(mark), int32(len(norm)))
			toks = append(toks, token{start: start, end: end})
		} else {
			toks = append(toks, token{s: text[start:end], start: start, end: end})
		}
		start = -1
	}
	for i := 0; i < len(text); {
		if start >= 0 {
			// inside a word: lower-case Latin letters, digits and Cyrillic letters need nothing,
			// so they are stepped over without decoding (and copied at once when the word changed:
			// "Брянской" changes at its capital only)
			from := i
			for i < len(text) {
				c := text[i]
				if c >= 'a' && c <= 'z' {
					lat = true
					i++
					continue
				}
				if c >= '0' && c <= '9' {
					i++
					continue
				}
				// а..п, р..я and the other lower-case letters of the block's D1 row (і, ї, є),
				// but ё, which becomes е
				if i+1 < len(text) && (c == 0xD0 && text[i+1] >= 0xB0 && text[i+1] <= 0xBF || c == 0xD1 && text[i+1] >= 0x80 && text[i+1] <= 0x9F && text[i+1] != 0x91) {
					cyr = true
					i += 2
					continue
				}
				break
			}
			if changed {
				norm = append(norm, text[from:i]...)
			}
			if i >= len(text) {
				break
			}
		}
		// ASCII spaces and punctuation end a word and start none (but an apostrophe may be
		// inside a word)
		if c := text[i]; c < utf8.RuneSelf && !namekey.IsASCIIWordByte(c) && (start < 0 || c != '\'' && c != '`') {
			if start >= 0 {
				flush(i)
			}
			i++
			continue
		}
		r, size := rune(text[i]), 1
		if r >= utf8.RuneSelf {
			r, size = decodeRune(text, i)
			// every byte the fast path skips is valid, so this sees every invalid one
			w.invalid = w.invalid || r == utf8.RuneError && size == 1
		}
		switch {
		case namekey.IsWordRune(r):
			if start < 0 {
				start, changed, mark = i, false, len(norm)
				lat, cyr = false, false
			}
			n := r
			if r < 'a' || r > 'z' && (r < 'а' || r > 'я') {
				n = normRune(r)
			}
			if n >= 'a' && n <= 'z' {
				lat = true
			} else if n >= 0x400 && n <= 0x4FF {
				cyr = true
			}
			if n != r && !changed {
				// the word so far was in normal form: copy it
				norm = append(norm, text[start:i]...)
				changed = true
			}
			if changed {
				norm = utf8.AppendRune(norm, n)
			}
		case namekey.IsApostrophe(r) && start >= 0 && i+size < len(text):
			next, _ := utf8.DecodeRuneInString(text[i+size:])
			if fold.IsLetter(next) {
				if r != '\'' && !changed {
					norm = append(norm, text[start:i]...)
					changed = true
				}
				if changed {
					norm = append(norm, '\'')
				}
			} else {
				flush(i)
			}
		default:
			if start >= 0 {
				flush(i)
			}
		}
		i += size
	}
	flush(len(text))
	if len(fixes) > 0 {
		all := string(norm)
		for k := 0; k < len(fixes); k += 3 {
			toks[fixes[k]].s = all[fixes[k+1]:fixes[k+2]]
		}
	}
	return toks
}

// decodeRune is utf8.DecodeRuneInString(s[i:]) with the two-byte case (Cyrillic) inline.
func decodeRune(s string, i int) (rune, int) {
	if c := s[i]; c&0xE0 == 0xC0 && c >= 0xC2 && i+1 < len(s) && s[i+1]&0xC0 == 0x80 {
		return rune(c&0x1F)<<6 | rune(s[i+1]&0x3F), 2
	}
	return utf8.DecodeRuneInString(s[i:])
}

// normRune lowercases and folds the letters reports spell several ways.
func normRune(r rune) rune {
	switch r = fold.Lower(r); r {
	case 'ё':
		return 'е'
	case 'ł':
		return 'l'
	}
	return r
}

// normWord normalises a lexicon word the way tokenize normalises text.
func normWord(w string) string {
	var b strings.Builder
	for _, r := range w {
		if namekey.IsApostrophe(r) {
			b.WriteByte('\'')
			continue
		}
		b.WriteRune(normRune(r))
	}
	return b.String()
}

// pattern is one lexicon entry: a sequence of words, each exact or a prefix.
type pattern struct {
	cat    category
	tag    string
	words  []string
	prefix []bool
	src    string // file:line, for --explain and error messages
	raw    string
	// triggerRule is the evidence rule of a row this pattern triggers ("trigger:en.tsv:12")
	triggerRule string
}

// hit is a pattern found in a text: tokens [t0, t1) and bytes [start, end).
type hit struct {
	p          *pattern
	t0, t1     int
	start, end int
}

func (h hit) tag() string { return h.p.tag }

// matcher finds lexicon patterns in token streams. Read-only after build.
type matcher struct {
	exact map[string][]*pattern // first word, exact
	// prefix-stem patterns by the first two runes of their stem: one lookup per token instead of
	// one per rune prefix (the extractor's hottest loop)
	prefix map[string][]*pattern
	// the same lists for two Russian letters (а..я) or two Latin ones (a..z), by index: no
	// map look-up for most tokens
	cyrPrefix [32 * 32][]*pattern
	latPrefix [26 * 26][]*pattern
	short     []*pattern // stems of one rune
	stems     pairSet    // the first two runes of every prefix stem
	words     wordSet    // every exact first word
}

func newMatcher() *matcher {
	return &matcher{exact: map[string][]*pattern{}, prefix: map[string][]*pattern{}}
}

// twoRunes returns the first two runes of s, or "" when s is shorter.
func twoRunes(s string) string {
	_, a := utf8.DecodeRuneInString(s)
	if a == len(s) {
		return ""
	}
	_, b := utf8.DecodeRuneInString(s[a:])
	return s[:a+b]
}

// prefixList returns the table entry for the first two runes of s when both are Russian or
// both Latin lower-case letters, else nil (then m.prefix has them).
func (m *matcher) prefixList(s string) *[]*pattern {
	if len(s) >= 4 && s[0] >= 0xD0 && s[0] <= 0xD1 && s[2] >= 0xD0 && s[2] <= 0xD1 {
		r1, n1 := decodeRune(s, 0)
		if n1 != 2 {
			return nil
		}
		r2, n2 := decodeRune(s, 2)
		if n2 == 2 && r1 >= 'а' && r1 <= 'я' && r2 >= 'а' && r2 <= 'я' {
			return &m.cyrPrefix[(r1-'а')*32+(r2-'а')]
		}
		return nil
	}
	if len(s) >= 2 && s[0] >= 'a' && s[0] <= 'z' && s[1] >= 'a' && s[1] <= 'z' {
		return &m.latPrefix[int(s[0]-'a')*26+int(s[1]-'a')]
	}
	return nil
}

func (m *matcher) add(p *pattern) {
	if p.prefix[0] {
		m.stems.add(p.words[0])
	} else {
		m.words.add(p.words[0])
	}
	if p.prefix[0] {
		if k := twoRunes(p.words[0]); k != "" {
			m.prefix[k] = append(m.prefix[k], p)
			if l := m.prefixList(k); l != nil {
				*l = append(*l, p)
			}
		} else {
			m.short = append(m.short, p)
		}
	} else {
		m.exact[p.words[0]] = append(m.exact[p.words[0]], p)
	}
}

func parsePattern(catName, tag, text, src string) (*pattern, error) {
	cat, err := parseCategory(catName)
	if err != nil {
		return nil, fmt.Errorf("%s: %w", src, err)
	}
	p := &pattern{cat: cat, tag: tag, src: src, raw: text, triggerRule: ruleTrigger + ":" + src}
	for _, w := range strings.Fields(text) {
		pre := strings.HasSuffix(w, "*")
		w = normWord(strings.TrimSuffix(w, "*"))
		// a lexicon word may contain a hyphen or dot the tokenizer splits on: split it the same way
		parts := tokenize(w)
		if len(parts) == 0 {
			return nil, fmt.Errorf("%s: empty word in %q", src, text)
		}
		for i, pt := range parts {
			p.words = append(p.words, pt.s)
			p.prefix = append(p.prefix, pre && i == len(parts)-1)
		}
	}
	if len(p.words) == 0 {
		return nil, fmt.Errorf("%s: empty pattern", src)
	}
	return p, nil
}

// loadLexicon reads every lexicon/*.tsv except officials.tsv into one matcher.
func loadLexicon() (*matcher, error) {
	m := newMatcher()
	for _, name := range []string{"en.tsv", "ru.tsv", "uk.tsv"} {
		err := eachTSVRow(name, func(n int, line string, cols []string) error {
			if len(cols) < 2 {
				return fmt.Errorf("lexicon %s:%d: want category<TAB>pattern, got %q", name, n, line)
			}
			tag := ""
			if len(cols) > 2 {
				tag = strings.TrimSpace(cols[2])
			}
			p, err := parsePattern(strings.TrimSpace(cols[0]), tag, cols[1], fmt.Sprintf("%s:%d", name, n))
			if err != nil {
				return fmt.Errorf("lexicon %w", err)
			}
			m.add(p)
			return nil
		})
		if err != nil {
			return nil, err
		}
	}
	return m, nil
}

// eachTSVRow calls fn with the number, text and tab-separated columns of every line of the
// embedded lexicon file name that is neither blank nor a # comment.
func eachTSVRow(name string, fn func(n int, line string, cols []string) error) error {
	data, err := lexiconFS.ReadFile("lexicon/" + name)
	if err != nil {
		return fmt.Errorf("read lexicon %s: %w", name, err)
	}
	sc := bufio.NewScanner(bytes.NewReader(data))
	n := 0
	for sc.Scan() {
		n++
		line := strings.TrimSpace(sc.Text())
		if line == "" || strings.HasPrefix(line, "#") {
			continue
		}
		if err := fn(n, line, strings.Split(line, "\t")); err != nil {
			return err
		}
	}
	if err := sc.Err(); err != nil {
		return fmt.Errorf("read lexicon %s: %w", name, err)
	}
	return nil
}

// match returns every pattern occurrence in toks, sorted by start token; overlapping matches of
// different categories are all kept, and within a category the longest one at a position wins.
func (m *matcher) match(toks []token) []hit { return m.matchInto(nil, toks, nil) }

// matchInto is match writing into buf's memory when it is large enough, and keeping the
// patterns each word can start in memo (nil: none).
func (m *matcher) matchInto(buf []hit, toks []token, memo *startMemo) []hit {
	hits := buf[:0]
	if n := len(toks)/4 + 4; cap(hits) < n {
		hits = make([]hit, 0, n)
	}
	for i, t := range toks {
		for _, p := range memo.starts(m, t.s) {
			if end, ok := p.matchFrom(toks, i, 1); ok {
				hits = append(hits, hit{p: p, t0: i, t1: end, start: toks[i].start, end: toks[end-1].end})
			}
		}
	}
	// Hits come in start order; a stable insertion sort puts the longer first within a start
	// (the order sort.SliceStable by (t0, -t1) gave, without its reflection).
	for i := 1; i < len(hits); i++ {
		for j := i; j > 0 && hits[j].t0 == hits[j-1].t0 && hits[j].t1 > hits[j-1].t1; j-- {
			hits[j], hits[j-1] = hits[j-1], hits[j]
		}
	}
	// drop a hit contained in a longer hit of the same category
	out := hits[:0]
	for _, h := range hits {
		dup := false
		for k := len(out) - 1; k >= 0 && out[k].t1 > h.t0; k-- {
			if out[k].p.cat == h.p.cat && out[k].t0 <= h.t0 && out[k].t1 >= h.t1 {
				dup = true
				break
			}
		}
		if !dup {
			out = append(out, h)
		}
	}
	return out
}

// matchFrom reports where p ends when it occurs at token i, its first k words known to match.
func (p *pattern) matchFrom(toks []token, i, k int) (int, bool) {
	if i+len(p.words) > len(toks) {
		return 0, false
	}
	for ; k < len(p.words); k++ {
		s, w := toks[i+k].s, p.words[k]
		if p.prefix[k] {
			if !strings.HasPrefix(s, w) {
				return 0, false
			}
		} else if s != w {
			return 0, false
		}
	}
	return i + len(p.words), true
}

// startsOf returns the patterns whose first word matches word s, in the order matching tries
// them: exact words, then stems.
func (m *matcher) startsOf(s string) []*pattern {
	var exact []*pattern
	if m.words.may(s) {
		exact = m.exact[s]
	}
	if !m.stems.may(s) && len(m.short) == 0 {
		return exact // most words: no copy
	}
	var stems []*pattern
	if l := m.prefixList(s); l != nil {
		stems = *l
	} else if k := twoRunes(s); k != "" && m.stems.may(s) {
		stems = m.prefix[k]
	}
	var out []*pattern
	for _, ps := range [][]*pattern{stems, m.short} {
		for _, p := range ps {
			if strings.HasPrefix(s, p.words[0]) {
				if out == nil {
					out = append(make([]*pattern, 0, len(exact)+2), exact...)
				}
				out = append(out, p)
			}
		}
	}
	if out == nil {
		return exact
	}
	return out
}

// startMemo keeps startsOf's answers for the words of earlier documents: half the words of a
// report start some pattern ("в", "the"), and a look-up here is cheaper than trying them all.
// It is a direct-mapped table (a word evicts the one in its slot), so it needs no bound and no
// map hashing; it belongs to one worker's scratch memory.
type startMemo struct {
	slots *[startMemoSlots]startSlot
}

type startSlot struct {
	word string
	ps   []*pattern
	full bool
}

const startMemoSlots = 1 << 12 // 160 KB

// starts is m.startsOf(s) through the memo (a nil memo computes it).
func (memo *startMemo) starts(m *matcher, s string) []*pattern {
	if memo == nil {
		return m.startsOf(s)
	}
	if memo.slots == nil {
		memo.slots = new([startMemoSlots]startSlot)
	}
	slot := &memo.slots[wordHash(s)%startMemoSlots]
	if slot.full && slot.word == s {
		return slot.ps
	}
	ps := m.startsOf(s)
	*slot = startSlot{word: strings.Clone(s), ps: ps, full: true} // s may point into the document
	return ps
}

// wordHash is a quick hash of a word: its length, and its first and last eight bytes.
func wordHash(s string) uint32 {
	n := len(s)
	var h uint64
	if n >= 8 {
		h = fold.Load64(s) ^ fold.Load64(s[n-8:])*0x9E3779B97F4A7C15
	} else {
		for i := 0; i < n; i++ {
			h = h<<8 | uint64(s[i])
		}
	}
	h = (h ^ uint64(n)<<56) * 0xFF51AFD7ED558CCD
	return uint32(h ^ h>>32)
}

// pairSet holds the first two runes of a table's words (normalised as tokens are), so that a
// token whose first two runes are not in it is in no table entry, without a map look-up.
type pairSet struct{ bits [1 << 10]uint64 }

func pairBit(s string) uint32 {
	var rs [2]rune
	for i, n := 0, 0; i < len(s) && n < 2; n++ {
		r, size := rune(s[i]), 1
		if r >= utf8.RuneSelf {
			r, size = decodeRune(s, i)
		}
		rs[n] = r
		i += size
	}
	return (uint32(rs[0])*0x9E3779B1 ^ uint32(rs[1])*0x85EBCA6B) >> 16
}

func (p *pairSet) add(word string) {
	b := pairBit(word)
	p.bits[b>>6] |= 1 << (b & 63)
}

// may reports whether a word starting with w's first two runes can be in the table.
func (p *pairSet) may(w string) bool {
	b := pairBit(w)
	return p.bits[b>>6]&(1<<(b&63)) != 0
}

// wordSet holds a hash of the length and the first and last two bytes of a table's words: a
// token that is none of them is, nearly always, told without a map look-up.
type wordSet struct{ bits [1 << 10]uint64 }

func wordSetBit(w string) uint32 {
	h := uint32(len(w)) * 0x9E3779B1
	if len(w) >= 2 {
		h ^= (uint32(w[0]) | uint32(w[1])<<8 | uint32(w[len(w)-2])<<16 | uint32(w[len(w)-1])<<24) * 0x85EBCA6B
	} else if len(w) == 1 {
		h ^= uint32(w[0]) * 0x85EBCA6B
	}
	return h >> 16
}

func (s *wordSet) add(w string) {
	b := wordSetBit(w)
	s.bits[b>>6] |= 1 << (b & 63)
}

// may reports whether w can be one of the words; false means it is not.
func (s *wordSet) may(w string) bool {
	b := wordSetBit(w)
	return s.bits[b>>6]&(1<<(b&63)) != 0
}
