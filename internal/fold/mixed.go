package fold

import "strings"

// lookalikes pairs lower-case Latin letters with the Cyrillic letters that look the same in upper
// or lower case (B/В, H/Н, M/М and T/Т only in upper case; i/і is Ukrainian).
var lookalikes = [...][2]rune{
	{'a', 'а'}, {'b', 'в'}, {'c', 'с'}, {'e', 'е'}, {'h', 'н'}, {'i', 'і'}, {'k', 'к'},
	{'m', 'м'}, {'o', 'о'}, {'p', 'р'}, {'t', 'т'}, {'x', 'х'}, {'y', 'у'},
}

func latinTwin(r rune) (rune, bool) {
	for _, p := range lookalikes {
		if p[1] == r {
			return p[0], true
		}
	}
	return 0, false
}

func cyrillicTwin(r rune) (rune, bool) {
	for _, p := range lookalikes {
		if p[0] == r {
			return p[1], true
		}
	}
	return 0, false
}

func isCyrillic(r rune) bool { return r >= 0x400 && r <= 0x4FF }

// MixedScript rewrites a lower-case word that mixes Latin and Cyrillic letters into one script,
// as content farms and copy-paste leave them ("атаковaн" with a Latin a, "Kаluga" with a
// Cyrillic а): the script of the letters that have no lookalike in the other wins, and the
// lookalikes are changed to it. A word whose both scripts have such letters ("fpvдрон") is left
// as it is, and so is a word of one script; ok reports a change.
func MixedScript(w string) (folded string, ok bool) {
	var lat, cyr, latOnly, cyrOnly int
	for _, r := range w {
		switch {
		case r >= 'a' && r <= 'z':
			lat++
			if _, twin := cyrillicTwin(r); !twin {
				latOnly++
			}
		case isCyrillic(r):
			cyr++
			if _, twin := latinTwin(r); !twin {
				cyrOnly++
			}
		}
	}
	if lat == 0 || cyr == 0 {
		return w, false
	}
	toCyrillic := false
	switch {
	case latOnly == 0 && cyrOnly > 0:
		toCyrillic = true
	case cyrOnly == 0 && latOnly > 0:
	case latOnly == 0 && cyrOnly == 0 && lat != cyr:
		toCyrillic = cyr > lat // all lookalikes: the majority
	default:
		return w, false
	}
	var b strings.Builder
	b.Grow(len(w) + lat)
	for _, r := range w {
		if toCyrillic {
			if t, twin := cyrillicTwin(r); twin {
				r = t
			}
		} else if t, twin := latinTwin(r); twin {
			r = t
		}
		b.WriteRune(r)
	}
	return b.String(), true
}
