package namekey

import (
	"testing"
	"unicode"
	"unicode/utf8"
)

func TestKeyEquivalence(t *testing.T) {
	// Each group: every form must give the same key.
	groups := [][]string{
		{"Дзержинский", "Дзержинском", "Дзержинского", "Dzerzhinsky", "Dzerzhinskiy", "Dzerzhinskii", "Dzerzhinskyi"},
		{"Київ", "Kyiv"},
		{"Києві", "Києва", "Киев", "Киеве", "Kiev"},
		{"Брянщина", "Брянщиной", "Брянщину", "Брянщине"},
		{"Харківщина", "Харківщину", "Харківщині"},
		{"Шебекино", "Шебекине", "Shebekino"},
		{"Грайворон", "Grayvoron", "Graivoron"},
		{"Жезказган", "Zhezqazghan", "Zhezkazgan"},
		{"Калужская", "Калужской", "Калужскую", "Kaluzhskaya"},
		{"Сумы", "Суми", "Sumy", "Сумах"},
		{"Луганськ", "Luhansk", "Lugansk"},
		{"Брянск", "Брянске", "Bryansk", "Brjansk", "Briansk"},
		{"Запорожье", "Zaporozhye"},
		{"Запоріжжя", "Zaporizhzhia", "Запоріжжі"},
		{"Ейск", "Yeysk", "Eysk"},
		{"области", "область", "областях", "областей", "областю"},
		{"районе", "район", "района", "районі"},
		{"Kursk's", "Kursk", "Курск", "Курске"},
	}
	for _, grp := range groups {
		want := Key(grp[0])
		for _, s := range grp[1:] {
			if got := Key(s); got != want {
				t.Errorf("Key(%q) = %q, want %q (as %q)", s, got, want, grp[0])
			}
		}
	}
}

func TestKeyDistinct(t *testing.T) {
	pairs := [][2]string{{"Курск", "Брянск"}, {"Kyiv", "Kirov"}, {"Москва", "Омск"}, {"Сумы", "Суздаль"}}
	for _, p := range pairs {
		if Key(p[0]) == Key(p[1]) {
			t.Errorf("Key(%q) == Key(%q) = %q", p[0], p[1], Key(p[0]))
		}
	}
}

func TestNormalize(t *testing.T) {
	tests := []struct{ in, want string }{
		{"  Калужской   области ", "калужской области"},
		{"Орёл", "орел"},
		{"Мар’їнка", "мар'їнка"},
		{"Ivano–Frankivsk", "ivano-frankivsk"},
		{"Kursk, Russia!", "kursk russia"},
		{"", ""},
	}
	for _, tc := range tests {
		if got := Normalize(tc.in); got != tc.want {
			t.Errorf("Normalize(%q) = %q, want %q", tc.in, got, tc.want)
		}
	}
}

func TestTokenizeOffsets(t *testing.T) {
	text := "В Брянской обл. и м. Суми"
	toks := Tokenize(text, nil)
	if len(toks) != 6 {
		t.Fatalf("tokens %d, want 6: %+v", len(toks), toks)
	}
	for _, tk := range toks {
		if tk.Key == "" || text[tk.Start:tk.End] == "" {
			t.Errorf("empty token %+v", tk)
		}
	}
	if !toks[2].Dot || !toks[4].Dot || !toks[1].Upper || toks[2].Upper {
		t.Errorf("flags wrong: %+v", toks)
	}
	if !toks[1].Adj {
		t.Errorf("Брянской should be read as an adjective")
	}
}

func FuzzNormalize(f *testing.F) {
	for _, s := range []string{"Калужской области", "Kharkiv's", "у Києві", "Dzerzhinsky District", "\xff\xfe", "ʼ’'`", "a-b—c", "ЁЛКИ"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		n := Normalize(s)
		if !utf8.ValidString(n) {
			t.Fatalf("Normalize(%q) = %q: invalid UTF-8", s, n)
		}
		if n2 := Normalize(n); n2 != n {
			t.Fatalf("not idempotent: %q -> %q -> %q", s, n, n2)
		}
		k := Key(s)
		if !utf8.ValidString(k) {
			t.Fatalf("Key(%q) = %q: invalid UTF-8", s, k)
		}
		for _, tk := range Tokenize(s, nil) {
			if tk.Start < 0 || tk.End > len(s) || tk.Start >= tk.End {
				t.Fatalf("bad token span %d..%d in %q", tk.Start, tk.End, s)
			}
		}
	})
}

// FuzzTokenize: a token's key, computed while the text is scanned, is the key of its word
// alone, and TokenizeHashes agrees with Tokenize.
func FuzzTokenize(f *testing.F) {
	for _, s := range []string{"в Дзержинском районе", "Kursk's oblast", "Мар'янівка, мар’янівка", "o'", "x\xc3", "İstanbul ǅemal"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		toks := Tokenize(s, nil)
		hs := TokenizeHashes(s, nil)
		if len(toks) != len(hs) {
			t.Fatalf("%d tokens, %d hashed", len(toks), len(hs))
		}
		for i, tk := range toks {
			word := s[tk.Start:tk.End]
			if k, adj := WordKey(word); k != tk.Key || adj != tk.Adj {
				t.Errorf("%q: token key %q/%v, word key %q/%v", word, tk.Key, tk.Adj, k, adj)
			}
			if h := hs[i]; h.Hash != tk.Hash || h.KeyLen != len(tk.Key) || h.Start != tk.Start || h.End != tk.End {
				t.Errorf("%q: hashed token differs: %+v vs %+v", word, h, tk)
			}
		}
	})
}

// TestFastPaths: the hand-written fast paths agree with the unicode tables on every rune.
func TestFastPaths(t *testing.T) {
	fold := func(r rune) rune { // foldRune as written first: its switch, then unicode.ToLower
		switch r {
		case 'ʼ', '’', '‘', '`', 'ʹ', '´', 'ʻ', '′', '\'':
			return '\''
		case '‐', '‑', '‒', '–', '—', '-':
			return '-'
		case 'Ё', 'ё':
			return 'е'
		}
		return unicode.ToLower(r)
	}
	for r := rune(0); r <= unicode.MaxRune; r++ {
		if got, want := foldRune(r), fold(r); got != want {
			t.Fatalf("foldRune(%U) = %U, want %U", r, got, want)
		}
		if got, want := isUpper(r), unicode.IsUpper(r); got != want {
			t.Fatalf("isUpper(%U) = %v", r, got)
		}
		if got, want := IsWordRune(r), unicode.IsLetter(r) || unicode.IsDigit(r); got != want {
			t.Fatalf("IsWordRune(%U) = %v", r, got)
		}
	}
}

// TestKeyMixedScript: a name written with lookalike letters of the other script has the key of
// the name written in one.
func TestKeyMixedScript(t *testing.T) {
	for _, c := range [][2]string{
		{"Брянск\u006fй", "Брянской"},     // Latin o
		{"K\u0430luga", "Kaluga"},         // Cyrillic а
		{"Харк\u0069вщина", "Харківщина"}, // Latin i for і
	} {
		if got, want := Key(c[0]), Key(c[1]); got != want {
			t.Errorf("Key(%q) = %q, want %q as for %q", c[0], got, want, c[1])
		}
	}
}
