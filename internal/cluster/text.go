package cluster

import (
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
	const maxSkel = 5
	var out [16]byte
	n := 0
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
	return string(out[:n])
}

// token is one word of a document, in Latin letters, with whether it began with a capital.
type token struct {
	latin   string
	capital bool
	initial bool // first word of a sentence or line: capitalised for grammar, not as a name
	number  bool
	hyphen  bool // joined to the previous word by a hyphen: Ust-Luga, Усть-Луга
}

// tokenize splits text into words and numbers. Cyrillic is transliterated and everything is
// lower-cased; "capital" remembers proper-noun candidates for the name skeletons.
func tokenize(text string) []token {
	var toks []token
	start := -1
	lastEnd := -1
	sentenceStart := true
	flush := func(end int) {
		if start < 0 {
			return
		}
		w := text[start:end]
		r, _ := utf8.DecodeRuneInString(w)
		t := token{capital: unicode.IsUpper(r), number: unicode.IsDigit(r), initial: sentenceStart}
		if lastEnd >= 0 && len(toks) > 0 {
			sep := text[lastEnd:start]
			t.hyphen = sep == "-" || sep == "‑"
		}
		start = -1
		sentenceStart = false
		t.latin = latinLower(strings.ToLower(w))
		if t.latin != "" {
			toks = append(toks, t)
			lastEnd = end
		}
	}
	for i, r := range text {
		if isWordRune(r) {
			if start < 0 {
				start = i
			}
			continue
		}
		flush(i)
		switch r {
		case '.', '!', '?', '\n', ':', '«', '"', '“', '„', '—', '|', '•', '/':
			sentenceStart = true
		}
	}
	flush(len(text))
	return toks
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
