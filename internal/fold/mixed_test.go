package fold

import (
	"testing"
	"unicode/utf8"
)

func TestMixedScript(t *testing.T) {
	for _, c := range []struct {
		in, want string
		ok       bool
	}{
		{"атаковaн", "атакован", true},       // Latin a in a Russian word
		{"беспилoтник", "беспилотник", true}, // Latin o
		{"уламкiв", "уламків", true},         // Latin i in a Ukrainian word: і
		{"drоnes", "drones", true},           // Cyrillic о in an English word
		{"kаluga", "kaluga", true},
		{"cоp", "cop", true},                  // only lookalikes: the majority script (two Latin, one Cyrillic)
		{"fpvдрон", "fpvдрон", false},         // both scripts have letters of their own
		{"сo", "сo", false},                   // a tie of lookalikes
		{"беспилотник", "беспилотник", false}, // one script
		{"drones", "drones", false},
		{"5-й", "5-й", false},
		{"", "", false},
	} {
		got, ok := MixedScript(c.in)
		if got != c.want || ok != c.ok {
			t.Errorf("MixedScript(%q) = %q, %v; want %q, %v", c.in, got, ok, c.want, c.ok)
		}
	}
}

// FuzzMixedScript: the folded word has as many runes, is in one script when changed, and folding
// it again changes nothing.
func FuzzMixedScript(f *testing.F) {
	for _, s := range []string{"атаковaн", "drоnes", "fpvдрон", "cоp", "\xff", "уламкiв"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, w string) {
		got, ok := MixedScript(w)
		if !ok {
			if got != w {
				t.Fatalf("unchanged %q returned as %q", w, got)
			}
			return
		}
		if utf8.RuneCountInString(got) != utf8.RuneCountInString(w) {
			t.Fatalf("%q -> %q: rune count changed", w, got)
		}
		lat, cyr := false, false
		for _, r := range got {
			lat = lat || r >= 'a' && r <= 'z'
			cyr = cyr || isCyrillic(r)
		}
		if lat && cyr {
			t.Fatalf("%q -> %q: still mixed", w, got)
		}
		if again, changed := MixedScript(got); changed || again != got {
			t.Fatalf("%q -> %q -> %q: not stable", w, got, again)
		}
	})
}
