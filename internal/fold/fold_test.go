package fold

import (
	"slices"
	"strings"
	"testing"
	"unicode"
	"unicode/utf8"
)

func TestWord(t *testing.T) {
	for in, want := range map[string]string{
		"Двадцать": "двадцать", "ТРЁХ": "трех", "П’ЯТЬ": "п'ять", "пʼять": "п'ять", "ЇЖАК": "їжак",
		"Євген": "євген", "Ґанок": "ґанок", "І": "і", "Twenty": "twenty", "сто́": "сто", "Ѣ": "ѣ",
	} {
		var arr [32]byte
		got, ok := Word(arr[:], in)
		if !ok || string(got) != want {
			t.Errorf("Word(%q) = %q %v, want %q", in, got, ok, want)
		}
	}
	var small [4]byte
	if _, ok := Word(small[:], "двадцать"); ok {
		t.Error("Word must fail when the buffer is too small")
	}
}

func TestAgreesWithUnicode(t *testing.T) {
	for r := rune(0); r < 0x3000; r++ {
		if IsLetter(r) != unicode.IsLetter(r) {
			t.Errorf("IsLetter(%U) = %v", r, IsLetter(r))
		}
		if Lower(r) != unicode.ToLower(r) {
			t.Errorf("Lower(%U) = %U, want %U", r, Lower(r), unicode.ToLower(r))
		}
		if IsMark(r) != unicode.Is(unicode.Mn, r) {
			t.Errorf("IsMark(%U) = %v", r, IsMark(r))
		}
	}
}

func TestWordEnd(t *testing.T) {
	for in, want := range map[string]string{
		"п'ять дронів": "п'ять", "п’ять,": "п’ять", "don't stop": "don't", "word'": "word", "Су-34": "Су", "abc123": "abc",
	} {
		if got := in[:WordEnd(in, 0)]; got != want {
			t.Errorf("WordEnd(%q) gives %q, want %q", in, got, want)
		}
	}
}

func BenchmarkWord(b *testing.B) {
	words := strings.Fields("Минулої ночі сили ППО знищили двадцять шість ударних дронів Overnight drones")
	var arr [64]byte
	for b.Loop() {
		for _, w := range words {
			Word(arr[:], w)
		}
	}
}

// wordEndPlain is WordEnd decoding every rune.
func wordEndPlain(text string, i int) int {
	for i < len(text) {
		r, w := utf8.DecodeRuneInString(text[i:])
		if IsLetter(r) || IsMark(r) || (IsApostrophe(r) && LetterAt(text, i+w)) {
			i += w
			continue
		}
		return i
	}
	return i
}

func FuzzWordEnd(f *testing.F) {
	for _, s := range []string{"п'ять дронів", "Ёжик-ёлка", "ЎўҐґ\u0301x", "\xd0\xd1\x9f\xd1\xa0 z", "don't"} {
		f.Add(s)
	}
	var all strings.Builder
	for r := rune(0x380); r < 0x520; r++ {
		all.WriteRune(r)
	}
	f.Add(all.String())
	f.Fuzz(func(t *testing.T, s string) {
		for i := 0; i < len(s); i++ {
			if got, want := WordEnd(s, i), wordEndPlain(s, i); got != want {
				t.Fatalf("WordEnd(%q, %d) = %d, want %d", s, i, got, want)
			}
		}
	})
}

var tableKeys = []string{"двадцать", "п'ять", "i", "сто", "twenty", "ѣ", "ятьох", "sunday's", "ґанок", "їжак", "ночь",
	strings.Repeat("ab", MaxKey/2), "е", "ѐ"}

// findPlain is Table.Find as WordEnd, Word and a map look-up.
func findPlain(keys map[string]int, text string, i int) (int, int) {
	end := WordEnd(text, i)
	var arr [MaxKey]byte
	b, ok := Word(arr[:], text[i:end])
	if !ok {
		return end, -1
	}
	if k, ok := keys[string(b)]; ok {
		return end, k
	}
	return end, -1
}

func FuzzTableFind(f *testing.F) {
	for _, s := range []string{"Двадцать П’ЯТЬ I сто́ ЯТЬОХ Ѣ Sunday's", "ЁЖИК Ґанок ЇЖАК-ночь", "\xd0\xd1\x9f\xd1\xa0 z",
		strings.Repeat("AB", MaxKey/2) + " " + strings.Repeat("ab", MaxKey/2+1), "е\u0301 Ѐ ѐ",
		"twentyЖѣЖѣ ДВАДЦАТЬtwenty abcdefgЯ ЯЯЯabcdefgh ѠѡѢѣѤѥѦѧ ҐҐҐҐҐ Ёжики-ёлки x'ab ЖЖЖЖ’ЖЖ",
		"ЖЖЖЖЖЖЖЖЖЖЖЖЖЖЖЖЖЖЖЖЖЖЖЖЖЖЖЖЖЖЖЖЖЖ ЖЖЖЖЖЖЖЖЖЖЖЖЖЖЖЖЖЖЖЖЖЖЖЖЖЖЖЖЖЖЖЖЖ \xd0\xd0\x80\xd1\xbf\xd1\xc0"} {
		f.Add(s, "")
	}
	f.Fuzz(func(t *testing.T, s, extra string) {
		keys := map[string]int{}
		list := append([]string(nil), tableKeys...)
		var arr [MaxKey]byte
		if b, ok := Word(arr[:], extra); ok && len(b) > 0 && !slices.Contains(list, string(b)) {
			list = append(list, string(b))
		}
		for k, key := range list {
			keys[key] = k
		}
		tb := NewTable(list)
		for i := 0; i <= len(s); i++ {
			end, k := tb.Find(s, i)
			if wantEnd, wantK := findPlain(keys, s, i); end != wantEnd || k != wantK {
				t.Fatalf("Find(%q, %d) = %d, %d; want %d, %d", s, i, end, k, wantEnd, wantK)
			}
			if oldEnd, oldK := findOld(tb, s, i); end != oldEnd || k != oldK {
				t.Fatalf("Find(%q, %d) = %d, %d; findOld gives %d, %d", s, i, end, k, oldEnd, oldK)
			}
		}
	})
}

// findOld is Table.Find as it was before head and the rest of the word took separate loops,
// kept as the fuzz reference.
func findOld(t *Table, text string, i int) (end, key int) {
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
	return i, findOldLookup(t, text[start:i], tableHash(head, n))
}

// findOldLookup is Table.find as findOld called it.
func findOldLookup(t *Table, w string, sum uint32) int {
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

// foldCyrillic folds a rune of U+0400..045F as Word does, for findOld.
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
