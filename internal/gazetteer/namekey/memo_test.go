package namekey

import (
	"fmt"
	"strings"
	"testing"
	"unsafe"
)

// FuzzMemo: tokenizing with a memo, cold or warmed by another text or by the same one, gives
// the tokens TokenizeHashes gives.
func FuzzMemo(f *testing.F) {
	for _, s := range [][2]string{
		{"в Дзержинском районе", "в Дзержинском районе Калужской области"},
		{"Kursk's oblast", "Kursk’s Kursk oblast's"},
		{"Мар'янівка, мар’янівка", "o' x\xc3 İstanbul ǅemal"},
		{strings.Repeat("Щ", 19), strings.Repeat("Щ", 20) + " " + strings.Repeat("x", 37) + " " + strings.Repeat("x", 38)},
	} {
		f.Add(s[0], s[1])
	}
	f.Fuzz(func(t *testing.T, warm, s string) {
		var m Memo
		want := fmt.Sprint(TokenizeHashes(s, nil))
		for round, text := range []string{s, warm, s, s} {
			got := m.TokenizeHashes(text, nil)
			if text == s && fmt.Sprint(got) != want {
				t.Fatalf("round %d: memo tokens %v, want %s", round, got, want)
			}
		}
	})
}

// TestMemoOverwrite: words that take each other's slots are told apart.
func TestMemoOverwrite(t *testing.T) {
	var b strings.Builder
	for i := range 3 * 2 * memoSets {
		fmt.Fprintf(&b, "Слово%dй w%dx's ", i, i%97)
	}
	text := b.String()
	want := fmt.Sprint(TokenizeHashes(text, nil))
	var m Memo
	for round := range 2 {
		if got := fmt.Sprint(m.TokenizeHashes(text, nil)); got != want {
			t.Fatalf("round %d: memo tokens differ", round)
		}
	}
}

// TestMemoSlotSize: a slot fills 48 bytes, no padding (a change of fields should keep it so).
func TestMemoSlotSize(t *testing.T) {
	if s := unsafe.Sizeof(memoSlot{}); s != 48 {
		t.Errorf("memoSlot is %d bytes", s)
	}
}
