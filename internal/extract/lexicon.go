package extract

import (
	"bufio"
	"embed"
	"fmt"
	"sort"
	"strings"
	"unicode"
	"unicode/utf8"
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
func tokenize(text string) []token {
	toks := make([]token, 0, len(text)/6)
	var b strings.Builder
	start := -1
	flush := func(end int) {
		if start >= 0 {
			toks = append(toks, token{s: b.String(), start: start, end: end})
			b.Reset()
			start = -1
		}
	}
	for i := 0; i < len(text); {
		r, size := utf8.DecodeRuneInString(text[i:])
		switch {
		case unicode.IsLetter(r) || unicode.IsDigit(r):
			if start < 0 {
				start = i
			}
			b.WriteRune(normRune(r))
		case isApostrophe(r) && start >= 0 && i+size < len(text):
			next, _ := utf8.DecodeRuneInString(text[i+size:])
			if unicode.IsLetter(next) {
				b.WriteByte('\'')
			} else {
				flush(i)
			}
		default:
			flush(i)
		}
		i += size
	}
	flush(len(text))
	return toks
}

func isApostrophe(r rune) bool {
	switch r {
	case '\'', '’', 'ʼ', '`', '‘':
		return true
	}
	return false
}

// normRune lowercases and folds the letters reports spell several ways.
func normRune(r rune) rune {
	r = unicode.ToLower(r)
	switch r {
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
		if isApostrophe(r) {
			b.WriteByte('\'')
			continue
		}
		b.WriteRune(normRune(r))
	}
	return b.String()
}

// pattern is one lexicon entry: a sequence of words, each exact or a prefix.
type pattern struct {
	cat    string
	tag    string
	words  []string
	prefix []bool
	src    string // file:line, for --explain and error messages
	raw    string
}

// hit is a pattern found in a text: tokens [t0, t1) and bytes [start, end).
type hit struct {
	p          *pattern
	t0, t1     int
	start, end int
}

func (h hit) cat() string { return h.p.cat }
func (h hit) tag() string { return h.p.tag }

// matcher finds lexicon patterns in token streams. Read-only after build.
type matcher struct {
	exact map[string][]*pattern // first word, exact
	// prefix-stem patterns by the first two runes of their stem: one lookup per token instead of
	// one per rune prefix (the extractor's hottest loop)
	prefix map[string][]*pattern
	short  []*pattern // stems of one rune
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

func (m *matcher) add(p *pattern) {
	if p.prefix[0] {
		if k := twoRunes(p.words[0]); k != "" {
			m.prefix[k] = append(m.prefix[k], p)
		} else {
			m.short = append(m.short, p)
		}
	} else {
		m.exact[p.words[0]] = append(m.exact[p.words[0]], p)
	}
}

func parsePattern(cat, tag, text, src string) (*pattern, error) {
	p := &pattern{cat: cat, tag: tag, src: src, raw: text}
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
		data, err := lexiconFS.ReadFile("lexicon/" + name)
		if err != nil {
			return nil, fmt.Errorf("read lexicon %s: %w", name, err)
		}
		sc := bufio.NewScanner(strings.NewReader(string(data)))
		n := 0
		for sc.Scan() {
			n++
			line := strings.TrimSpace(sc.Text())
			if line == "" || strings.HasPrefix(line, "#") {
				continue
			}
			cols := strings.Split(line, "\t")
			if len(cols) < 2 {
				return nil, fmt.Errorf("lexicon %s:%d: want category<TAB>pattern, got %q", name, n, line)
			}
			tag := ""
			if len(cols) > 2 {
				tag = strings.TrimSpace(cols[2])
			}
			p, err := parsePattern(strings.TrimSpace(cols[0]), tag, cols[1], fmt.Sprintf("%s:%d", name, n))
			if err != nil {
				return nil, fmt.Errorf("lexicon %w", err)
			}
			m.add(p)
		}
	}
	return m, nil
}

// match returns every pattern occurrence in toks, sorted by start token; overlapping matches of
// different categories are all kept, and within a category the longest one at a position wins.
func (m *matcher) match(toks []token) []hit {
	var hits []hit
	var cands []*pattern
	for i, t := range toks {
		cands = cands[:0]
		cands = append(cands, m.exact[t.s]...)
		if k := twoRunes(t.s); k != "" {
			cands = append(cands, m.prefix[k]...)
		}
		cands = append(cands, m.short...)
		for _, p := range cands {
			if end, ok := p.matchAt(toks, i); ok {
				hits = append(hits, hit{p: p, t0: i, t1: end, start: toks[i].start, end: toks[end-1].end})
			}
		}
	}
	sort.SliceStable(hits, func(a, b int) bool {
		if hits[a].t0 != hits[b].t0 {
			return hits[a].t0 < hits[b].t0
		}
		return hits[a].t1 > hits[b].t1
	})
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

func (p *pattern) matchAt(toks []token, i int) (int, bool) {
	if i+len(p.words) > len(toks) {
		return 0, false
	}
	for k, w := range p.words {
		s := toks[i+k].s
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
