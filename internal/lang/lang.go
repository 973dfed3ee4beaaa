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
func Detect(text string) string { return decide(count(text)) }

// DetectTitled is Detect(title + "\n" + text) without building that string: a line break ends
// every word, so the two parts' evidence simply adds up.
func DetectTitled(title, text string) string {
	a, b := count(title), count(text)
	return decide(tally{a.latin + b.latin, a.cyr + b.cyr, a.ruScore + b.ruScore, a.ukScore + b.ukScore, a.enWords + b.enWords})
}

// tally is the evidence count gathers.
type tally struct{ latin, cyr, ruScore, ukScore, enWords int }

// count reads runs of ASCII letters and of two-byte Cyrillic letters in tight loops that count
// them, look up the marker letters and pack the word into a key, a byte a letter, for the
// function-word look-up; no function word has more than seven letters or an apostrophe. Other
// runes are rare and read outside the inner loop, whose counts then stay in registers.
func count(text string) tally {
	var latin, cyr int
	var marks, funcs [4]int // marker letters and function words by language
	wordLen := 0            // letters in the current word, plus 8 after an apostrophe; 0: no word
	wordCyr := false
	var key uint64 // the current word's letters (wordKey)
	i := 0
	for {
		for i < len(text) {
			c := text[i]
			if c|0x20-'a' < 26 {
				if wordCyr {
					funcs[functionWord(key, wordLen, true)]++
					wordLen, wordCyr, key = 0, false, 0
				}
				s, k := text[i:], 0
				for ; k < len(s) && s[k]|0x20-'a' < 26; k++ {
					key = key<<8 | uint64(s[k]|0x20)
				}
				i += k
				latin += k
				wordLen += k
				continue
			}
			// U+0400..04FF: lead byte D0 to D3
			if c&0xFC == 0xD0 && i+1 < len(text) && text[i+1]&0xC0 == 0x80 {
				if !wordCyr {
					if wordLen > 0 {
						funcs[functionWord(key, wordLen, false)]++
					}
					wordLen, wordCyr, key = 0, true, 0
				}
				s, k := text[i:], 0
				for ; k < len(s)-1; k += 2 {
					// both bytes at once: a lead byte D0 to D3 and a continuation byte
					v := uint(s[k]) | uint(s[k+1])<<8
					if v&0xC0FC != 0x80D0 {
						break
					}
					e := cyrLetters[uint8(v<<6)|uint8(v>>8)&0x3F]
					key = key<<8 | uint64(e&0xFF)
					marks[e>>8&3]++
				}
				i += k
				cyr += k / 2
				wordLen += k / 2
				continue
			}
			if c < utf8.RuneSelf {
				i++
				if c == '\'' {
					// apostrophes stay inside words (don't, п'ять)
					if wordLen > 0 {
						wordLen += 8
					}
					continue
				}
				if wordLen > 0 {
					funcs[functionWord(key, wordLen, wordCyr)]++
					wordLen, wordCyr, key = 0, false, 0
				}
				continue
			}
			break
		}
		if i >= len(text) {
			break
		}
		r, size := utf8.DecodeRuneInString(text[i:])
		i += size
		if r == '’' || r == 'ʼ' {
			if wordLen > 0 {
				wordLen += 8
			}
			continue
		}
		if unicode.IsLetter(r) {
			latin++ // accented Latin and others count against Cyrillic
		}
		if wordLen > 0 {
			funcs[functionWord(key, wordLen, wordCyr)]++
			wordLen, wordCyr, key = 0, false, 0
		}
	}
	if wordLen > 0 {
		funcs[functionWord(key, wordLen, wordCyr)]++
	}
	return tally{latin, cyr, 2*marks[ru] + 3*funcs[ru], 2*marks[uk] + 3*funcs[uk], funcs[en]}
}

func decide(t tally) string {
	latin, cyr, ruScore, ukScore, enWords := t.latin, t.cyr, t.ruScore, t.ukScore, t.enWords
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
	en
)

// cyrLetters is indexed by the low two bits of the lead byte and the low six of the second
// byte of a rune in U+0400..04FF: its lower case as a byte (minus U+0400) and, above, the
// language whose marker letter it is.
var cyrLetters = func() (t [256]uint16) {
	for r := rune(0x400); r <= 0x4FF; r++ {
		lr := fold.Lower(r)
		t[r-0x400] = uint16(lr - 0x400)
		switch lr {
		case 'і', 'ї', 'є', 'ґ':
			t[r-0x400] |= uint16(uk) << 8
		case 'ы', 'э', 'ъ', 'ё':
			t[r-0x400] |= uint16(ru) << 8
		}
	}
	return
}()

// wordKey packs a lower-cased word of at most seven letters of one script: a byte a letter (an
// ASCII letter, or a Cyrillic one minus U+0400, never zero) and the top bit for Cyrillic.
func wordKey(key uint64, cyr bool) uint64 {
	if cyr {
		key |= 1 << 63
	}
	return key
}

// functionWord returns the language of the function word the current word is (its key and
// length as count keeps them), or none.
func functionWord(key uint64, wordLen int, cyr bool) language {
	if wordLen > 7 {
		return none
	}
	key = wordKey(key, cyr)
	for h := key * 0x9E3779B97F4A7C15 >> 56; ; h = (h + 1) % uint64(len(funcWords)) {
		if e := funcWords[h]; e.key == key || e.key == 0 {
			return e.lang
		}
	}
}

type funcWord struct {
	key  uint64
	lang language
}

// funcWords is an open-addressing table of the words of cyrWords and enFunc that count for a
// language, by wordKey; at most a third full.
var funcWords = func() (t [256]funcWord) {
	add := func(w string, cyr bool, l language) {
		var key uint64
		for _, r := range w {
			if cyr {
				r -= 0x400
			}
			key = key<<8 | uint64(r)
		}
		key = wordKey(key, cyr)
		h := key * 0x9E3779B97F4A7C15 >> 56
		for t[h].key != 0 {
			h = (h + 1) % uint64(len(t))
		}
		t[h] = funcWord{key, l}
	}
	for w, l := range cyrWords {
		// words of more than seven letters (сообщает, повідомив) never counted
		if l != none && utf8.RuneCountInString(w) <= 7 {
			add(w, true, l)
		}
	}
	for w := range enFunc {
		add(w, false, en)
	}
	return
}()

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
