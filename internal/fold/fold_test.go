package fold

import (
	"strings"
	"testing"
	"unicode"
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
