package cluster

import (
	"encoding/binary"
	"slices"
	"strings"
	"testing"
	"unicode"
	"unicode/utf8"

	"skyledger/internal/domain"
)

// prepareSeeds are texts on the edges the fast tokenizer must get right: times and numeric
// dates, hyphenated compounds, scripts without Latin spelling (dropped tokens shift the word
// count), case mappings into ASCII (Kelvin sign, dotted I), non-ASCII digits, invalid UTF-8.
var prepareSeeds = []string{
	"",
	"В 05:43 над Курском сбиты 12 БПЛА. 28.09.2025 губернатор Роман Старовойт сообщил о 3 дронах.",
	"Усть-Луга и Ust-Luga, Ust‑Luga; Нью-Йорк — New-York. Ростов-на-Дону",
	"Γειά 12.09.2025 ьь 4.30 ъ 7:15 日本 10:20 11.12.13 ٣5 ٣٤ 12 мая, May 12, 3 December",
	"\xff\xfeKaluga \xe2\x80 Kelvin \u212a \u0130stanbul İzmir ǅ Ǆ ﬁne \u2011 Шапша Ткаченко Щёлково",
	"Gładkov Khinštein Łódź ÉCOLE Ä ß ẞ Ω Å ʼ ’ ' 24:59 25:00 1:60 2025 1999 2101 ten two dva pyat",
	"Чернігівська область: вночі 14 дронів. Олександр Прокудін. Херсон, Запоріжжя ї є ґ",
	"00000001 1234567 12345678.1.1 31.12.1990. 0.0.0 1.1. 1.1.1",
}

func FuzzPrepare(f *testing.F) {
	for _, s := range prepareSeeds {
		f.Add("Title "+s, s, "2025-09-28")
	}
	for _, file := range []string{"testdata/stories.jsonl", "testdata/nearmiss.jsonl"} {
		for _, x := range loadFixtures(f, file) {
			f.Add(x.Doc.Title, x.Doc.Text, x.Doc.Published)
		}
	}
	f.Fuzz(func(t *testing.T, title, text, published string) {
		doc := domain.Document{ID: "x", Title: title, Text: text, Published: published}
		got, want := newFeatures(doc, domain.Extraction{}), refNewFeatures(doc, domain.Extraction{})
		if got.id != want.id || got.pub != want.pub || got.sig != want.sig || got.hasText != want.hasText ||
			!slices.Equal(got.names, want.names) || !slices.Equal(got.longest, want.longest) ||
			!slices.Equal(got.nums, want.nums) || !slices.Equal(got.mdays, want.mdays) ||
			!slices.Equal(got.facts, want.facts) || !slices.Equal(got.regions, want.regions) {
			t.Fatalf("features of %q / %q:\n got %+v\nwant %+v", title, text, got, want)
		}

		names, nums, mdays, sh := textFeatures(doc)
		wnames, wnums, wmdays, wsh := refTextFeatures(doc)
		slices.Sort(sh)
		sh = slices.Compact(sh) // the same set; textFeatures no longer removes repeats
		slices.Sort(wsh)
		if !slices.Equal(names, wnames) || !slices.Equal(nums, wnums) || !slices.Equal(mdays, wmdays) || !slices.Equal(sh, wsh) {
			t.Fatalf("textFeatures of %q / %q:\n got %q %v %v %v\nwant %q %v %v %v", title, text,
				names, nums, mdays, sh, wnames, wnums, wmdays, wsh)
		}
	})
}

// FuzzTokenize compares the tokens and the clock-time marks with the old tokenizer and the old
// timeNumbers, which read the text with unicode tables and maps.
func FuzzTokenize(f *testing.F) {
	for _, s := range prepareSeeds {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, text string) {
		toks, lat, digits := tokenize(text)
		want := refTokenize(text)
		if len(toks) != len(want) {
			t.Fatalf("%q: %d tokens, want %d", text, len(toks), len(want))
		}
		for i, tk := range toks {
			w := want[i]
			if lat[tk.lo:tk.hi] != w.latin || tk.capital != w.capital || tk.initial != w.initial ||
				tk.number != w.number || tk.hyphen != w.hyphen {
				t.Fatalf("%q: token %d = %q %+v, want %+v", text, i, lat[tk.lo:tk.hi], tk, w)
			}
		}
		marks := timeNumbers(digits)
		wantMarks := refTimeNumbers(text)
		if len(marks) != len(wantMarks) {
			t.Fatalf("%q: time marks %v, want %v", text, marks, wantMarks)
		}
		for k, m := range marks {
			if v, ok := wantMarks[m.word]; !ok || v != m.val || (k > 0 && marks[k-1].word >= m.word) {
				t.Fatalf("%q: time marks %v, want %v", text, marks, wantMarks)
			}
		}
	})
}

func FuzzSkeleton(f *testing.F) {
	for _, s := range []string{"shapsha", "tkachenko", "shchelkovo", "moskva", "tsks", "zhzh", "kh", "sh", ""} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, latin string) {
		if got, want := skeleton(latin), refSkeleton(latin); got != want {
			t.Fatalf("skeleton(%q) = %q, want %q", latin, got, want)
		}
	})
}

// TestRuneInfos checks every rune's info against what the old tokenizer asked of it, and that no
// spelling outgrows the buffer tokenize sizes by twice the text's bytes.
func TestRuneInfos(t *testing.T) {
	for r := rune(0); r <= utf8.MaxRune; r++ {
		if !utf8.ValidRune(r) {
			continue
		}
		x := infoOf(r)
		sp := make([]byte, int(x>>32)&7)
		for i := range sp {
			sp[i] = byte(x >> (8 * i))
		}
		word := isWordRune(r)
		want := ""
		if word {
			want = latinLower(strings.ToLower(string(r)))
		}
		if (x&infoWord != 0) != word || (x&infoUpper != 0) != (word && unicode.IsUpper(r)) ||
			(x&infoDigit != 0) != (word && unicode.IsDigit(r)) || string(sp) != want {
			t.Fatalf("%U: info %x", r, x)
		}
		if len(want) > 4 || len(want) > 2*utf8.RuneLen(r) {
			t.Fatalf("%U spells as %q", r, want)
		}
	}
}

func FuzzMinhash(f *testing.F) {
	f.Add([]byte("0123456789abcdef01234567"))
	f.Fuzz(func(t *testing.T, b []byte) {
		sh := make([]uint64, len(b)/8)
		for i := range sh {
			sh[i] = binary.LittleEndian.Uint64(b[8*i:])
		}
		if got, want := minhash(sh), refMinhash(sh); got != want {
			t.Fatalf("minhash(%x) = %v, want %v", sh, got, want)
		}
	})
}
