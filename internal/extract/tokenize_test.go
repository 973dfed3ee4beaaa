package extract

import (
	"slices"
	"sort"
	"strings"
	"testing"
	"unicode"
	"unicode/utf8"

	"skyledger/internal/domain"
	"skyledger/internal/fold"
	"skyledger/internal/gazetteer/namekey"
)

// tokenizePlain is the straightforward tokenizer (one strings.Builder per word) that tokenize
// must agree with.
func tokenizePlain(text string) []token {
	var toks []token
	var b strings.Builder
	start := -1
	flush := func(end int) {
		if start >= 0 {
			w, _ := fold.MixedScript(b.String())
			toks = append(toks, token{s: w, start: start, end: end})
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
			r = unicode.ToLower(r)
			switch r {
			case 'ё':
				r = 'е'
			case 'ł':
				r = 'l'
			}
			b.WriteRune(r)
		case namekey.IsApostrophe(r) && start >= 0 && i+size < len(text):
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

func sameTokens(a, b []token) bool {
	if len(a) != len(b) {
		return false
	}
	for i := range a {
		if a[i] != b[i] {
			return false
		}
	}
	return true
}

func TestTokenize(t *testing.T) {
	tests := []string{
		"",
		"Над Брянской областью сбиты ДВА беспилотника",
		"Ёлки, ёж и Ёжик: «пʼяти» з'ясовується п’ять",
		"FPV-дрон, Shahed-136 and the drone's wreckage; ŁÓDŹ",
		"end'", "'start", "a' b", "x’", "ІЇЄҐ іїєґ Ӏ ӏ Ѐ ѐ Ѡ ѡ ҂҃",
		"invalid \xff\xfe utf8 \xd0 Київ \xe2\x80",
		"١٢٣ digits ٤ and Ⅻ",
		"атаковaн беспилoтник drоnes FPVдрон КАЛУГA", // mixed scripts
	}
	pass, gaps := loadCases(t)
	for _, c := range append(pass, gaps...) {
		tests = append(tests, c.doc.Text)
	}
	for _, s := range tests {
		if got, want := tokenize(s), tokenizePlain(s); !sameTokens(got, want) {
			t.Errorf("tokenize(%q)\n got %v\nwant %v", s, got, want)
		}
	}
	// one working memory over all the texts, twice
	var w tokenWork
	var buf []token
	for round := 0; round < 2; round++ {
		for _, s := range tests {
			got := w.tokenize(buf, s)
			if want := tokenizePlain(s); !sameTokens(got, want) {
				t.Errorf("reused tokenize(%.40q)\n got %v\nwant %v", s, got, want)
			}
			buf = got[:0]
		}
	}
}

// TestNormRune: normRune is unicode.ToLower with ё → е and ł → l. (namekey tests IsWordRune, which
// the tokenizer uses.)
func TestNormRune(t *testing.T) {
	for r := rune(0); r <= unicode.MaxRune; r++ {
		if r < 0x10000 && normRune(r) != func() rune {
			l := unicode.ToLower(r)
			switch l {
			case 'ё':
				return 'е'
			case 'ł':
				return 'l'
			}
			return l
		}() {
			t.Fatalf("normRune(%U) = %U", r, normRune(r))
		}
	}
}

func FuzzTokenize(f *testing.F) {
	for _, s := range []string{"Над Брянской областью", "п'ять ʼ’ Ёж", "\xff a-b'c", "ok \xd0", "\xd1\x91\xef\xbf\xbd", "Кам´янка пʹять Oʻzbek 5′ x‘y", "a\u0301b ҂ x\u2014y"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		if got, want := tokenize(s), tokenizePlain(s); !sameTokens(got, want) {
			t.Errorf("tokenize(%q)\n got %v\nwant %v", s, got, want)
		}
		// the gazetteer is given these words (ScanWords): they must be the ones it would find
		got := tokenize(s)
		nk := namekey.TokenizeHashes(s, nil)
		if len(got) != len(nk) {
			t.Fatalf("tokenize(%q): %d words, the gazetteer's tokenizer %d", s, len(got), len(nk))
		}
		for i := range got {
			if got[i].start != nk[i].Start || got[i].end != nk[i].End {
				t.Fatalf("tokenize(%q) word %d: %d-%d, the gazetteer's %d-%d", s, i, got[i].start, got[i].end, nk[i].Start, nk[i].End)
			}
		}
		var w tokenWork
		w.tokenize(nil, "\xff") // the flag is the last text's
		if w.tokenize(nil, s); w.invalid == utf8.ValidString(s) {
			t.Errorf("tokenize(%q): invalid UTF-8 %v, want %v", s, w.invalid, !utf8.ValidString(s))
		}
	})
}

// splitPlain is splitSentences decoding every rune, as it was written first.
func splitPlain(text string, toks []token) []sentence {
	var out []sentence
	para := 0
	start := 0
	emit := func(end int) {
		s := strings.TrimSpace(text[start:end])
		if s != "" {
			lead := start + strings.Index(text[start:end], s)
			out = append(out, sentence{start: lead, end: lead + len(s), para: para})
		}
		start = end
	}
	for i := 0; i < len(text); {
		r, size := utf8.DecodeRuneInString(text[i:])
		switch r {
		case '\n':
			emit(i)
			start = i + 1
			para++
		case '<':
			if j, ok := blockTagEnd(text, i); ok {
				emit(i)
				start = j
				para++
				i = j
				continue
			}
		case '.', '!', '?', '…':
			j := i + size
			for j < len(text) {
				r2, s2 := utf8.DecodeRuneInString(text[j:])
				if r2 == '"' || r2 == '»' || r2 == '”' || r2 == '’' || r2 == ')' || r2 == '.' || r2 == '\'' {
					j += s2
					continue
				}
				break
			}
			if j < len(text) && (text[j] == ' ' || text[j] == '\t') {
				k := j
				for k < len(text) && (text[k] == ' ' || text[k] == '\t') {
					k++
				}
				if k < len(text) {
					nr, _ := utf8.DecodeRuneInString(text[k:])
					if (unicode.IsUpper(nr) || unicode.IsDigit(nr) || strings.ContainsRune("\"«“„'‘-—–/", nr)) && !(r == '.' && isAbbrevBefore(text, i)) {
						emit(j)
					}
				}
			}
			i = j
			continue
		}
		i += size
	}
	emit(len(text))
	ti := 0
	for k := range out {
		for ti < len(toks) && toks[ti].start < out[k].start {
			ti++
		}
		out[k].t0 = ti
		for ti < len(toks) && toks[ti].start < out[k].end {
			ti++
		}
		out[k].t1 = ti
	}
	return out
}

func FuzzSplitSentences(f *testing.F) {
	for _, s := range []string{"Сбит дрон. Обломки упали… «Жертв нет», — сказал он.\nИ ещё! 3 БПЛА?", "a.\xe2\x80. B", "x\xe2\x80\xa6 Y\n\n", "<p>Сбит дрон.</p><p style=\"a\">Жертв нет</p> <br/>x <b>y</b> <p", "a<P>b</DIV >c<li"} {
		f.Add(s)
	}
	pass, gaps := loadCases(f)
	for _, c := range append(pass, gaps...) {
		f.Add(c.doc.Text)
	}
	f.Fuzz(func(t *testing.T, s string) {
		toks := tokenize(s)
		got, want := splitSentences(s, toks), splitPlain(s, toks)
		if len(got) != len(want) {
			t.Fatalf("splitSentences(%q): %v, want %v", s, got, want)
		}
		for i := range got {
			if got[i] != want[i] {
				t.Fatalf("splitSentences(%q): %v, want %v", s, got, want)
			}
		}
	})
}

// charOffsetsPlain decodes rune by rune and looks each offset up in a map, as first written.
func charOffsetsPlain(text string, spans []*domain.Span) {
	var offs []int
	for _, sp := range spans {
		offs = append(offs, sp.Start, sp.End)
	}
	sort.Ints(offs)
	chars := map[int]int{}
	b, c, k := 0, 0, 0
	for k < len(offs) {
		if offs[k] <= b || b >= len(text) {
			chars[offs[k]] = c
			k++
			continue
		}
		_, size := utf8.DecodeRuneInString(text[b:])
		b += size
		c++
	}
	for _, sp := range spans {
		sp.CharStart, sp.CharEnd = chars[sp.Start], chars[sp.End]
	}
}

// charOffsetsValidOnly is charOffsetsValid where it applies and the plain count elsewhere.
func charOffsetsValidOnly(text string, spans []*domain.Span) {
	if utf8.ValidString(text) {
		charOffsetsValid(text, spans)
		return
	}
	charOffsetsPlain(text, spans)
}

func FuzzCharOffsets(f *testing.F) {
	f.Add("Над Брянской областью \xff сбит дрон ✈ 3", 5, 40, 3, 12)
	f.Add("Над Брянской областью сбит дрон ✈ 3 🛩 and a long tail of text past eight bytes", 9, 17, 0, 90)
	f.Fuzz(func(t *testing.T, text string, a, b, c, d int) {
		mk := func() []*domain.Span {
			var out []*domain.Span
			for _, p := range [][2]int{{a, b}, {c, d}, {b, a}, {0, len(text)}} {
				out = append(out, &domain.Span{Start: abs(p[0]) % (len(text) + 3), End: abs(p[1]) % (len(text) + 3)})
			}
			return out
		}
		want := mk()
		charOffsetsPlain(text, want)
		for _, f := range []func(string, []*domain.Span){charOffsets, charOffsetsTable, charOffsetsSorted, charOffsetsValidOnly} {
			got := mk()
			f(text, got)
			for i := range got {
				if *got[i] != *want[i] {
					t.Fatalf("charOffsets(%q): %+v, want %+v", text, *got[i], *want[i])
				}
			}
		}
	})
}

// TestTokenCursor: the cursor answers as tokenAt does, in order or not.
func TestTokenCursor(t *testing.T) {
	text := "Над Брянской областью сбиты 3 беспилотника, — сообщил губернатор."
	toks := tokenize(text)
	c := tokenCursor{toks: toks}
	offs := []int{0, 0, 3, 5, 20, 19, 40, 41, 7, len(text), len(text) + 5, -1, 2}
	for b := 0; b <= len(text)+1; b++ {
		offs = append(offs, b)
	}
	for _, b := range offs {
		if got, want := c.at(b), tokenAt(toks, b); got != want {
			t.Errorf("at(%d) = %d, want %d", b, got, want)
		}
	}
}

// TestIsUpperRune: the fast path agrees with unicode.IsUpper on every rune.
func TestIsUpperRune(t *testing.T) {
	for r := rune(0); r <= unicode.MaxRune; r++ {
		if isUpperRune(r) != unicode.IsUpper(r) {
			t.Fatalf("isUpperRune(%U) = %v", r, isUpperRune(r))
		}
	}
}

// allPatterns lists every lexicon pattern once.
func allPatterns(m *matcher) []*pattern {
	seen := map[*pattern]bool{}
	var out []*pattern
	add := func(ps []*pattern) {
		for _, p := range ps {
			if !seen[p] {
				seen[p] = true
				out = append(out, p)
			}
		}
	}
	for _, ps := range m.exact {
		add(ps)
	}
	for _, ps := range m.prefix {
		add(ps)
	}
	add(m.short)
	return out
}

// FuzzMatchMemo: the lexicon matcher gives the same hits with its memo of words (cold and warm)
// as without, and finds exactly the occurrences a brute-force pass over every pattern finds.
func FuzzMatchMemo(f *testing.F) {
	pass, _ := loadCases(f)
	for _, c := range pass {
		f.Add(c.doc.Text)
	}
	f.Add("в ночь на 27 августа сбит беспилотник, ещё один — над Брянской")
	f.Add("shot down another drone over the region; no casualties")
	x := testExtractor(f)
	all := allPatterns(x.lex)
	var memo startMemo
	f.Fuzz(func(t *testing.T, text string) {
		toks := tokenize(text)
		plain := x.lex.match(toks)
		for round := 0; round < 2; round++ {
			got := x.lex.matchInto(nil, toks, &memo)
			if len(got) != len(plain) {
				t.Fatalf("round %d: %d hits with the memo, %d without", round, len(got), len(plain))
			}
			for i := range got {
				if got[i] != plain[i] {
					t.Fatalf("round %d hit %d: %+v with the memo, %+v without", round, i, got[i], plain[i])
				}
			}
		}
		// every hit is a real occurrence, and every occurrence is covered by a hit of its
		// category (a contained one is dropped for the longer)
		for _, h := range plain {
			if end, ok := h.p.matchFrom(toks, h.t0, 0); !ok || end != h.t1 {
				t.Fatalf("hit %q at %d does not occur there", h.p.raw, h.t0)
			}
		}
		for i := range toks {
			for _, p := range all {
				end, ok := p.matchFrom(toks, i, 0)
				if !ok {
					continue
				}
				covered := false
				for _, h := range plain {
					if h.p.cat == p.cat && h.t0 <= i && h.t1 >= end {
						covered = true
						break
					}
				}
				if !covered {
					t.Fatalf("pattern %q occurs at token %d and no hit covers it", p.raw, i)
				}
			}
		}
	})
}

func TestSplitSentencesHTML(t *testing.T) {
	s := "<p>Дрон сбит</p><p>Жертв нет</p>"
	var got []string
	for _, x := range splitSentences(s, tokenize(s)) {
		got = append(got, s[x.start:x.end])
	}
	if want := []string{"Дрон сбит", "Жертв нет"}; !slices.Equal(got, want) {
		t.Fatalf("got %q, want %q", got, want)
	}
}
