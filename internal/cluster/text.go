package cluster

import (
	"encoding/binary"
	"strings"
	"unicode"
	"unicode/utf8"
)

// translit maps Cyrillic (Russian and Ukrainian) letters to a plain Latin spelling, so that a
// Russian original and its English rewrite meet on the same names. It is deliberately simple:
// the skeleton below throws away most of what transliteration schemes disagree on.
var translit = map[rune]string{
	'а': "a", 'б': "b", 'в': "v", 'г': "g", 'ґ': "g", 'д': "d", 'е': "e", 'ё': "e", 'є': "ye",
	'ж': "zh", 'з': "z", 'и': "i", 'і': "i", 'ї': "yi", 'й': "y", 'к': "k", 'л': "l", 'м': "m",
	'н': "n", 'о': "o", 'п': "p", 'р': "r", 'с': "s", 'т': "t", 'у': "u", 'ф': "f", 'х': "kh",
	'ц': "ts", 'ч': "ch", 'ш': "sh", 'щ': "shch", 'ъ': "", 'ы': "y", 'ь': "", 'э': "e", 'ю': "yu",
	'я': "ya", 'ʼ': "", '\'': "", '’': "",
}

// foldLatin strips the diacritics that rewrites sprinkle on names (Gładkov, Khinštein).
var foldLatin = map[rune]rune{
	'ł': 'l', 'ą': 'a', 'ę': 'e', 'ó': 'o', 'ś': 's', 'ź': 'z', 'ż': 'z', 'ć': 'c', 'ń': 'n',
	'š': 's', 'č': 'c', 'ž': 'z', 'é': 'e', 'è': 'e', 'á': 'a', 'í': 'i', 'ú': 'u', 'ý': 'y',
	'ä': 'a', 'ö': 'o', 'ü': 'u',
}

// latinLower writes word (already lower case) in plain Latin letters.
func latinLower(word string) string {
	var b strings.Builder
	b.Grow(len(word) + 4)
	for _, r := range word {
		if s, ok := translit[r]; ok {
			b.WriteString(s)
			continue
		}
		if f, ok := foldLatin[r]; ok {
			r = f
		}
		if r < utf8.RuneSelf {
			b.WriteRune(r)
		}
	}
	return b.String()
}

// skeleton reduces a Latin-lettered word to a consonant skeleton that survives transliteration
// variants and Slavic case endings: Shapsha/Шапши -> "sps", Tkachenko/Ткаченко -> "tkcnk".
// At most maxSkel consonants are kept.
func skeleton(latin string) string {
	sk, n := skeletonBytes(latin)
	return string(sk[:n])
}

const maxSkel = 5

// skeletonBytes is skeleton without the string, so that the name loop allocates only for the
// names it keeps.
func skeletonBytes(latin string) (out [maxSkel]byte, n int) {
	var last byte
	for i := 0; i < len(latin) && n < maxSkel; i++ {
		c := latin[i]
		next := byte(0)
		if i+1 < len(latin) {
			next = latin[i+1]
		}
		switch {
		case c == 's' && next == 'h':
			c = 's'
			i++
			if i+2 < len(latin) && latin[i+1] == 'c' && latin[i+2] == 'h' {
				i += 2
			}
		case (c == 'k' || c == 'c') && next == 'h':
			if c == 'k' {
				c = 'h'
			} else {
				c = 'c'
			}
			i++
		case c == 'z' && next == 'h':
			c = 'z'
			i++
		case c == 't' && next == 's':
			c = 'c'
			i++
		case c == 'c':
			c = 'k' // Moscow/Москва, Crimea/Крым ("ts" and "ch" are read above)
		case c == 'g':
			c = 'h' // Ukrainian г is h in English: Chernihiv/Чернигов/Чернігів
		case c == 'w':
			c = 'v'
		case c == 'x':
			c = 'h'
		case c == 'j':
			continue
		}
		switch c {
		case 'a', 'e', 'i', 'o', 'u', 'y':
			last = 0
			continue
		}
		if c < 'a' || c > 'z' {
			continue
		}
		if c == last {
			continue
		}
		out[n] = c
		n++
		last = c
	}
	return out, n
}

// token is one word of a document, with whether it began with a capital. Its Latin spelling is
// lat[lo:hi] of the string tokenize returns with it: one buffer for all words instead of a
// string each.
type token struct {
	lo, hi  int32
	capital bool
	initial bool // first word of a sentence or line: capitalised for grammar, not as a name
	number  bool
	hyphen  bool // joined to the previous word by a hyphen: Ust-Luga, Усть-Луга
}

// runeInfo is what tokenize needs of one rune, packed so that a rune costs one table load
// instead of unicode range searches and map lookups: the Latin spelling of its lower case (up to
// four bytes, first byte lowest) in the low 32 bits, the spelling's length, and three flags.
type runeInfo uint64

const (
	infoWord  runeInfo = 1 << 40 // isWordRune
	infoUpper runeInfo = 1 << 41
	infoDigit runeInfo = 1 << 42
)

// classify defines runeInfo: what isWordRune, unicode.IsUpper, unicode.IsDigit and
// latinLower(strings.ToLower(word)), which maps rune by rune, say of r.
func classify(r rune) runeInfo {
	if !isWordRune(r) {
		return 0
	}
	x := infoWord
	if unicode.IsUpper(r) {
		x |= infoUpper
	}
	if unicode.IsDigit(r) {
		x |= infoDigit
	}
	sp := latinLower(string(unicode.ToLower(r))) // at most "shch"
	var packed uint32
	for i := len(sp) - 1; i >= 0; i-- {
		packed = packed<<8 | uint32(sp[i])
	}
	return x | runeInfo(len(sp))<<32 | runeInfo(packed)
}

// runeInfos holds classify for the one- and two-byte runes: ASCII, Latin, Greek, Cyrillic.
var runeInfos = func() (t [0x800]runeInfo) {
	for r := range t {
		t[r] = classify(rune(r))
	}
	return t
}()

func infoOf(r rune) runeInfo {
	if uint32(r) < uint32(len(runeInfos)) {
		return runeInfos[r]
	}
	return classify(r)
}

// digitWord is a word of at most seven ASCII digits, by its index among all words (also those
// tokenize drops for having no Latin letters), with the rune right after it.
type digitWord struct {
	word     int
	val      int
	sepAfter rune
}

// tokenize splits text into words and numbers. Cyrillic is transliterated and everything is
// lower-cased; "capital" remembers proper-noun candidates for the name skeletons. It returns the
// Latin spellings of all tokens in one string, and the digit words timeNumbers needs: which raw
// separators follow numbers matters for times (05:43) and numeric dates (28.09.2025).
func tokenize(text string) (toks []token, lat string, digits []digitWord) {
	toks = make([]token, 0, len(text)/8+1)
	// A rune spells as at most twice its UTF-8 bytes (щ is "shch"); each spelling is stored as
	// four bytes at buf[n:], of which n then keeps its length.
	buf := make([]byte, 2*len(text)+4)
	n := 0
	word := -1    // index of the current word among all words
	start := -1   // where the current word began in text, -1 between words
	lastEnd := -1 // where the last kept token ended in text
	lo := 0       // where the current word's spelling began in buf
	var first runeInfo
	allDigits, val := false, 0
	sentenceStart := true
	flush := func(end int) {
		t := token{lo: int32(lo), hi: int32(n), capital: first&infoUpper != 0, number: first&infoDigit != 0, initial: sentenceStart}
		if len(toks) > 0 {
			sep := text[lastEnd:start]
			t.hyphen = sep == "-" || sep == "‑"
		}
		start = -1
		sentenceStart = false
		if n > lo {
			toks = append(toks, t)
			lastEnd = end
		}
	}
	for i := 0; i < len(text); {
		c := text[i]
		r, size := rune(c), 1
		if c >= utf8.RuneSelf {
			// Cyrillic is two bytes: decoded inline, the rest by utf8.
			if c >= 0xC2 && c <= 0xDF && i+1 < len(text) && text[i+1]&0xC0 == 0x80 {
				r, size = rune(c&0x1F)<<6|rune(text[i+1]&0x3F), 2
			} else {
				r, size = utf8.DecodeRuneInString(text[i:])
			}
		}
		x := infoOf(r)
		if x&infoWord != 0 {
			if start < 0 {
				start, lo, first = i, n, x
				word++
				allDigits, val = true, 0
			}
			if allDigits {
				allDigits = c >= '0' && c <= '9' && i-start < 7
				val = val*10 + int(c-'0')
			}
			binary.LittleEndian.PutUint32(buf[n:n+4], uint32(x))
			n += int(x>>32) & 7
			i += size
			continue
		}
		if start >= 0 {
			if allDigits {
				digits = append(digits, digitWord{word: word, val: val, sepAfter: r})
			}
			flush(i)
		}
		switch r {
		case '.', '!', '?', '\n', ':', '«', '"', '“', '„', '—', '|', '•', '/':
			sentenceStart = true
		}
		i += size
	}
	// A word that ends the text has no separator after it: it is no part of a time or date.
	if start >= 0 {
		flush(len(text))
	}
	return toks, string(buf[:n]), digits
}

// genericNames are capitalised words too common in this domain to say anything about which story
// a report belongs to. They are matched by skeleton, so one entry covers every language.
var genericNames = func() map[string]bool {
	words := []string{
		"russia", "russian", "russians", "ukraine", "ukrainian", "ukrainians", "kiev", "kyiv",
		"telegram", "governor", "ministry", "defense", "defence", "moscow", "air", "force",
		"armed", "forces", "according", "however", "meanwhile", "during", "after", "earlier",
		"the", "this", "that", "these", "there", "their", "they", "while", "despite", "although",
		"last", "night", "local", "regional", "region", "oblast", "district", "president",
		"drone", "drones", "uav", "uavs", "unmanned", "aerial", "vehicle", "vehicles",
		"россия", "россии", "российской", "украина", "украины", "украинских", "минобороны",
		"губернатор", "губернатора", "область", "области", "район", "района", "ночью", "сегодня",
		"україна", "україни", "росії", "російських", "області", "району", "вночі", "сьогодні",
		"about", "following", "details", "source", "quote", "photo", "news", "update", "exclusive",
		"monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday",
		"january", "february", "march", "april", "may", "june", "july", "august", "september",
		"october", "november", "december", "special", "military", "operation", "also", "according",
		"бпла", "бпла", "бплa", "alexander", "aleksandr", "alexandr", "sergei", "sergey", "vladimir", "andrei",
		"andrey", "dmitry", "dmitri", "mikhail", "vitaly", "vitali", "oleg", "roman", "timur", "vyacheslav",
		"vladislav", "alexey", "aleksey", "alexei", "yevgeny", "evgeny", "igor", "ivan", "nikolai",
		"yuri", "maksym", "maxim", "olga", "irina", "natalia", "александр", "сергей", "владимир",
		"андрей", "дмитрий", "михаил", "виталий", "олег", "тимур", "вячеслав", "владислав",
		"алексей", "евгений", "игорь", "іван", "олександр", "сергій", "віталій", "тимура",
		"об", "по", "при", "как", "также", "кроме", "ранее", "всего", "для", "після", "також",
	}
	m := make(map[string]bool, len(words))
	for _, w := range words {
		m[skeleton(latinLower(w))] = true
	}
	return m
}()

func isWordRune(r rune) bool {
	return unicode.IsLetter(r) || unicode.IsDigit(r) || r == 'ʼ'
}

func lower(s string) string { return strings.ToLower(s) }
