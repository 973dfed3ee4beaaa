// Package lang tells English, Russian and Ukrainian reports apart.
//
// It is a single pass over the text with two kinds of evidence: letters only one of the two
// Cyrillic languages uses (і ї є ґ for Ukrainian, ы э ъ ё for Russian) and frequent function
// words. Latin against Cyrillic letter counts decide English. Quotes in the other language and
// Latin names only shift the score a little, so the majority language of the page wins.
package lang

import (
	"unicode"
	"unicode/utf8"

	"skyledger/internal/fold"
)

// Detect returns "en", "ru", "uk", or "" when the text gives too little evidence.
func Detect(text string) string {
	var latin, cyr, ruScore, ukScore, enWords int
	var buf [24]byte // lower-cased current word, when short enough to be a function word
	n := 0           // bytes in buf
	wordLen := 0     // runes in the current word
	wordCyr := false
	flush := func() {
		// n > len(buf): the word (apostrophes count too) did not fit
		if wordLen > 0 && n > 0 && n <= len(buf) && wordLen <= 7 && mayBeFunctionWord(buf[:n]) {
			w := string(buf[:n]) // no allocation: map lookups with string(bytes) do not copy
			if wordCyr {
				switch cyrWords[w] {
				case ru:
					ruScore += 3
				case uk:
					ukScore += 3
				}
			} else if enFunc[w] {
				enWords++
			}
		}
		n, wordLen, wordCyr = 0, 0, false
	}
	for i := 0; i < len(text); {
		c := text[i]
		if c < utf8.RuneSelf {
			i++
			switch {
			case c >= 'a' && c <= 'z', c >= 'A' && c <= 'Z':
				latin++
				if wordCyr {
					flush()
				}
				if n < len(buf) {
					buf[n] = c | 0x20
					n++
				} else {
					n = len(buf) + 1 // too long: never matches
				}
				wordLen++
			case c == '\'' && wordLen > 0:
				// keep apostrophes inside words (п'ять, don't)
				if n < len(buf) {
					buf[n] = c
					n++
				}
			default:
				if wordLen > 0 {
					flush()
				}
			}
			continue
		}
		var r rune
		size := 2
		if c&0xE0 == 0xC0 && c >= 0xC2 && i+1 < len(text) && text[i+1]&0xC0 == 0x80 {
			r = rune(c&0x1F)<<6 | rune(text[i+1]&0x3F) // two bytes: Cyrillic, decoded inline
		} else {
			r, size = utf8.DecodeRuneInString(text[i:])
		}
		i += size
		switch {
		case r >= 0x400 && r <= 0x4FF:
			cyr++
			lr := r // unicode.ToLower, without the table search for Cyrillic
			switch {
			case r >= 'А' && r <= 'Я':
				lr = r + 'а' - 'А'
			case r < 'а' || r > 'я':
				lr = fold.Lower(r)
			}
			switch lr {
			case 'і', 'ї', 'є', 'ґ':
				ukScore += 2
			case 'ы', 'э', 'ъ', 'ё':
				ruScore += 2
			}
			if !wordCyr && wordLen > 0 {
				flush()
			}
			wordCyr = true
			if n+2 <= len(buf) {
				buf[n], buf[n+1] = 0xC0|byte(lr>>6), 0x80|byte(lr&0x3F) // lr < 0x800: two bytes
				n += 2
			} else {
				n = len(buf) + 1
			}
			wordLen++
		case r == '’' || r == 'ʼ':
			if wordLen > 0 && n < len(buf) {
				buf[n] = '\''
				n++
			}
		case unicode.IsLetter(r):
			latin++ // accented Latin and others count against Cyrillic
			flush()
		default:
			flush()
		}
	}
	flush()

	if latin+cyr < 3 {
		return ""
	}
	if latin > 2*cyr || (latin > cyr && ruScore+ukScore < 6) {
		if enWords > 0 || latin >= 12 {
			return "en"
		}
		return ""
	}
	switch {
	case ukScore > ruScore:
		return "uk"
	case ruScore > ukScore:
		return "ru"
	case cyr >= 20:
		// No marker in 20+ Cyrillic letters: Ukrainian text that long almost always has an і,
		// Russian text easily has no ы.
		return "ru"
	}
	if latin > cyr && (enWords > 0 || latin >= 12) {
		return "en"
	}
	return ""
}

type language uint8

const (
	none language = iota
	ru
	uk
)

// cyrWords are function words of one language that the other does not use (or rarely).
// Words shared by both (на, не, в, до, по) carry no evidence and are left out.
var cyrWords = map[string]language{
	"что": ru, "это": ru, "и": ru, "с": ru, "из": ru, "был": ru, "было": ru, "были": ru, "была": ru,
	"также": ru, "который": ru, "которые": ru, "которых": ru, "как": ru, "он": ru, "она": ru,
	"они": ru, "его": ru, "после": ru, "года": ru, "году": ru, "во": ru, "со": ru, "от": ru,
	"для": none, "при": none, "уже": ru, "или": ru, "еще": ru, "ещё": ru, "где": ru, "чем": ru,
	"сообщил": ru, "сообщает": ru, "области": ru, "над": none,
	"що": uk, "це": uk, "та": uk, "як": uk, "від": uk, "який": uk, "яка": uk, "які": uk, "також": uk,
	"було": uk, "були": uk, "була": uk, "був": uk, "з": uk, "і": uk, "й": uk, "із": uk, "зі": uk,
	"його": uk, "вона": uk, "вони": uk, "після": uk, "року": uk, "або": uk, "ще": uk, "де": uk,
	"області": uk, "повідомив": uk, "повідомляє": uk, "через": none, "під": uk,
}

var enFunc = map[string]bool{
	"the": true, "and": true, "of": true, "to": true, "in": true, "was": true, "were": true,
	"is": true, "on": true, "by": true, "over": true, "with": true, "said": true, "that": true,
	"for": true, "from": true, "at": true, "a": true, "an": true, "has": true, "have": true,
}

// functionWords holds a hash of the length and the first bytes of each word of cyrWords and
// enFunc: most words of a text are none of them, and the set says so without a map look-up.
var functionWords = func() *[1 << 10]uint64 {
	var s [1 << 10]uint64
	for w := range cyrWords {
		b := wordBit([]byte(w))
		s[b>>6] |= 1 << (b & 63)
	}
	for w := range enFunc {
		b := wordBit([]byte(w))
		s[b>>6] |= 1 << (b & 63)
	}
	return &s
}()

func wordBit(w []byte) uint32 {
	h := uint32(len(w)) * 0x9E3779B1
	for i := 0; i < len(w) && i < 4; i++ {
		h = (h ^ uint32(w[i])) * 0x01000193
	}
	return h >> 16
}

func mayBeFunctionWord(w []byte) bool {
	b := wordBit(w)
	return functionWords[b>>6]&(1<<(b&63)) != 0
}
