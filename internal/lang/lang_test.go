package lang

import (
	"strings"
	"testing"
	"unicode"
	"unicode/utf8"

	"skyledger/internal/fold"
)

func TestDetect(t *testing.T) {
	tests := []struct{ name, text, want string }{
		{"en", "Air defences destroyed 26 drones over the region overnight, the governor said.", "en"},
		{"en headline", "Drones downed near Bryansk", "en"},
		{"ru", "Этой ночью силы ПВО сбили 12 беспилотников над областью, сообщил губернатор.", "ru"},
		{"uk", "Минулої ночі сили ППО знищили 12 безпілотників над областю, повідомив голова ОВА.", "uk"},
		{"ru no ы", "Над регионом сбиты два беспилотника, пострадавших нет, сказал он.", "ru"},
		{"uk short", "Збито дрон над Києвом", "uk"},
		{"ru with English names", "Губернатор сообщил, что Shahed был сбит над заводом Rostec, а также что обломки упали на склад.", "ru"},
		{"uk quoting ru", "Голова ОВА повідомив, що росіяни атакували область. Російське ЗМІ написало: «Это была ответная мера». Також було пошкоджено будинок і гараж, а постраждалих немає.", "uk"},
		{"ru quoting uk", "В Минобороны заявили, что это была атака. Украинский канал написал: «Вибухи чули в місті». Также было сообщено, что сбито 15 дронов и что пострадавших нет.", "ru"},
		{"en quoting ru", "The governor wrote on Telegram: «Сбиты два БПЛА». He said there were no casualties and that the debris fell on a field near the village.", "en"},
		{"empty", "", ""},
		{"digits only", "12 34 2025-08-27", ""},
		{"punct", "— … !!", ""},
		{"too short", "ok", ""},
		{"apostrophe", "П’ять дронів збито", "uk"},
		// a short word padded with apostrophes overflowed the word buffer (a panic)
		{"apostrophes", "аб в", ""},
		{"apostrophes uk", "Збито дрон над Києвом, з’’’’’’’’’’’’’’’’’’’’’’’’’’’ясовується", "uk"},
	}
	for _, tc := range tests {
		if got := Detect(tc.text); got != tc.want {
			t.Errorf("%s: Detect(%q) = %q, want %q", tc.name, tc.text, got, tc.want)
		}
	}
}

func TestFunctionWords(t *testing.T) {
	words := []string{"theirs", "ѡ", "ѣ", "a'", "з'"}
	for w := range cyrWords {
		words = append(words, w)
	}
	for w := range enFunc {
		words = append(words, w)
	}
	for _, w := range words {
		for _, s := range []string{w, strings.ToUpper(w), w + " " + w + "x", "x" + w, "Ж" + w} {
			if got, want := count(s), countOld(s); got != want {
				t.Errorf("count(%q) = %+v, want %+v", s, got, want)
			}
		}
	}
	n := 0
	for _, e := range funcWords {
		if e.key != 0 {
			n++
		}
	}
	if n > len(funcWords)/3 {
		t.Errorf("funcWords holds %d keys in %d slots", n, len(funcWords))
	}
	t.Logf("%d function words", n)
}

func FuzzDetect(f *testing.F) {
	f.Add("Этой ночью сбиты дроны")
	f.Add("Вночі збито дрони")
	f.Add("\xff\xfeabc")
	f.Add("аб")
	f.Add("Губернатор сообщил, что Shahed был сбит над заводом Rostec, а также что обломки упали")
	f.Add("Голова ОВА повідомив, що росіяни: «Это была ответная мера». Також П’ять і ґ Ї Є ЁЫЭЪ")
	f.Add("the ThE Of a An'd don't п'ять з’ясовується abcабв абвabc ʼаб ’що' що'' é ΩЖ")
	f.Add("\xd0\xd1\x9f\xd1\xa0 z\xd0 \xd3\xbf\xd2\x80ӀӏѢѣ\xd0")
	f.Add("который которые сообщает повідомляє області області, области")
	f.Fuzz(func(t *testing.T, s string) {
		if got, want := count(s), countOld(s); got != want {
			t.Fatalf("count(%q) = %+v, want %+v", s, got, want)
		}
	})
}

func BenchmarkDetect(b *testing.B) {
	text := strings.Repeat("Минулої ночі сили ППО знищили 26 ударних дронів над областю, повідомив голова ОВА. "+
		"Губернатор сообщил, что обломки упали на склад. Overnight, 40 drones were downed. ", 8)
	b.SetBytes(int64(len(text)))
	b.ReportAllocs()
	for b.Loop() {
		Detect(text)
	}
}

// countOld is count as it was before the run loops: a per-rune state machine, kept as the
// fuzz reference.
func countOld(text string) tally {
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
	return tally{latin, cyr, ruScore, ukScore, enWords}
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

// FuzzDetectTitled: detecting a title and a text apart is detecting them joined by a newline.
func FuzzDetectTitled(f *testing.F) {
	f.Add("Над Брянщиной сбит дрон", "Губернатор сообщил, что пострадавших нет.")
	f.Add("Drone downed", "Уночі збито безпілотник над Харківщиною")
	f.Add("don'", "t \xff ї")
	f.Fuzz(func(t *testing.T, title, text string) {
		if got, want := DetectTitled(title, text), Detect(title+"\n"+text); got != want {
			t.Fatalf("DetectTitled(%q, %q) = %q, Detect of both = %q", title, text, got, want)
		}
	})
}
