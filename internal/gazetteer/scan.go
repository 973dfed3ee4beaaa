package gazetteer

import (
	"bytes"
	"strings"
	"unicode"
	"unicode/utf8"

	"skyledger/internal/domain"
	"skyledger/internal/gazetteer/namekey"
)

// scanMaxN is the longest name, in words, Scan looks for.
const scanMaxN = 4

// stopKeys are capitalised words that begin English and Russian sentences more often than
// they name a place ("Police said", "Nice", "Победа"); they match only next to a generic word.
var stopKeys = func() map[string]bool {
	m := map[string]bool{}
	for _, w := range []string{
		"police", "nice", "split", "mobile", "reading", "orange", "van", "batman", "sale", "bar", "best", "hope",
		"of", "male", "deal", "union", "independence", "victoria", "march", "may", "most", "page", "bath", "university",
		"enterprise", "liberty", "marina", "mission", "summit", "commerce", "industry", "opportunity", "friendship",
		"central", "north", "south", "east", "west", "new", "mir", "sun", "sonne", "moore", "bell", "bristol", "bay",
		"мир", "победа", "перемога", "дружба", "заря", "зоря", "прогресс", "прогрес", "восход", "схід", "труд", "праця", "луч",
		"май", "сад", "лес", "бор", "свобода", "слава", "мирный", "мирне", "память", "новый", "новое", "новая", "нове",
		"центр", "центральный", "центральне", "октябрь", "сокол", "орел", "орёл", "красный", "красное", "ленина", "путин",
		"армия", "россия", "россии",
		// sentence openers
		"ночью", "утром", "днем", "днём", "вечером", "сегодня", "вчера", "завтра", "также", "однако", "кроме", "всего", "около",
		"после", "это", "так", "тогда", "там", "здесь", "вночі", "вдень", "зранку", "увечері", "сьогодні", "вчора", "також",
		"однак", "всього", "близько", "після", "це", "тому", "він", "вона", "вони", "ми", "он", "она", "они", "мы",
		"по", "при", "как", "как", "как", "уже", "еще", "ещё", "ранее", "раніше", "позже", "пізніше", "сейчас", "зараз",
		"губернатор", "глава", "мэр", "мер", "власти", "влада", "минобороны", "міноборони", "пво", "ппо", "всу", "зсу",
		"we", "it", "they", "he", "she", "this", "that", "there", "on", "in", "at", "after", "before", "overnight", "earlier",
		"later", "today", "yesterday", "according", "officials", "governor", "mayor", "air", "defence", "defense", "forces",
		"ministry", "army", "drone", "drones", "emergency", "services", "head", "region", "several",
		"some", "all", "one", "two", "three", "no", "not", "but", "and", "or", "as", "so", "if", "when", "while",
	} {
		m[namekey.Key(w)] = true
	}
	// country names stay matchable
	delete(m, namekey.Key("россия"))
	return m
}()

// stopSurface are exact words (lower case) that share a key with a real name but are
// function words: "Крім того" (uk "besides") is not "Крим".
var stopSurface = map[string]bool{"крім": true, "над": true, "под": true, "від": true, "при": true, "про": true}

// connectors may stand between the members of a list that one generic word closes:
// "в Брянской и Курской областях", "Kursk, Belgorod and Bryansk regions".
var connectors = func() map[string]bool {
	m := map[string]bool{}
	for _, w := range []string{"и", "і", "й", "та", "а", "также", "and", "&", "or", "или", "або", "чи", "as", "well"} {
		m[strings.ToLower(w)] = true
	}
	return m
}()

type rawMention struct {
	start, end int
	generic    domain.PlaceKind
	posts      []posting
	adj        bool
	matched    string
	nameStart  int
	latin      bool
	placeAdj   bool
}

// Scan finds every place name in a running text, leftmost-longest, with the generic words
// around it, in English, Russian and Ukrainian, inflected or not.
func (g *Gazetteer) Scan(text string) []Mention { return g.ScanBuffered(text, nil) }

// ScanBuffer is Scan's working memory, kept by a caller that scans text after text
// (ScanBuffered) to spare the allocations per text. Not safe for concurrent use.
type ScanBuffer struct {
	toks  []namekey.Token
	raws  []rawMention
	out   []Mention
	cands []Candidate
	words *namekey.Memo // the keys of words of earlier texts
}

// maxScanBuffered: a ScanBuffer keeps the memory of texts up to about this many bytes.
const maxScanBuffered = 1 << 20

// ScanBuffered is Scan using buf's memory (nil: none). Its mentions are valid until the next
// call with buf (their candidates are the caller's).
func (g *Gazetteer) ScanBuffered(text string, buf *ScanBuffer) []Mention {
	return g.scan(text, nil, buf)
}

// ScanWords is ScanBuffered for a caller that has split text into words already, exactly as
// namekey.TokenizeHashes splits it (the extractor's tokenizer does): it spares that search.
func (g *Gazetteer) ScanWords(text string, words []namekey.Span, buf *ScanBuffer) []Mention {
	if buf == nil {
		buf = new(ScanBuffer)
	}
	return g.scan(text, words, buf)
}

// scan is ScanBuffered, with the text's words when the caller has them (nil: none; then
// buf may be nil too).
func (g *Gazetteer) scan(text string, words []namekey.Span, buf *ScanBuffer) []Mention {
	var toks []namekey.Token
	var raws []rawMention
	if buf != nil {
		raws = buf.raws[:0]
	}
	if n := len(text)/6 + 4; buf != nil && cap(buf.toks) >= n {
		toks = buf.toks[:0]
	} else {
		toks = make([]namekey.Token, 0, n)
	}
	if buf != nil && len(text) <= maxScanBuffered {
		defer func() {
			clear(raws) // they hold pieces of text
			buf.toks, buf.raws = toks[:0], raws[:0]
		}()
	}
	// hashes only: a word's key is needed only where a name matched (wordKey)
	if buf != nil {
		if buf.words == nil {
			buf.words = new(namekey.Memo)
		}
		if words != nil {
			toks = buf.words.TokenizeSpans(text, words, toks)
		} else {
			toks = buf.words.TokenizeHashes(text, toks)
		}
	} else {
		toks = namekey.TokenizeHashes(text, toks)
	}
	var kb [64]byte
	wordKey := func(t *namekey.Token) []byte { // valid until the next call
		k, _ := namekey.AppendWordKey(kb[:0], text[t.Start:t.End])
		return k
	}
	consumed := 0 // byte offset up to which text belongs to an earlier mention
	for i := 0; i < len(toks); {
		lead, generic := g.filter.word(toks[i].Hash)
		if generic {
			if _, generic := g.gen.single[toks[i].Hash]; generic {
				i++ // "Republic of Tatarstan": the generic word is read with the name, not as a place
				continue
			}
		}
		var hs [scanMaxN]uint64
		hs[0] = mix(0, toks[i].Hash)
		maxN := 1
		if lead { // most words begin no name of two words or more
			h := hs[0]
			for n := 2; n <= scanMaxN && i+n <= len(toks); n++ {
				if !adjacent(text, &toks[i+n-2], &toks[i+n-1]) {
					break
				}
				h = mix(h, toks[i+n-1].Hash)
				hs[n-1] = h
				maxN = n
			}
		}

		best := 0
		var posts []posting
		upper := toks[i].Upper
		for n := maxN; n >= 1; n-- {
			if upper && !g.filter.may(hs[n-1]) || !upper && !g.filter.mayLower(hs[n-1]) {
				continue
			}
			ps := g.postings(hs[n-1])
			if len(ps) == 0 {
				continue
			}
			if !g.acceptable(text, toks[i:i+n], ps) && !g.lowerRegion(text, toks, i, n, ps) {
				continue
			}
			best, posts = n, ps
			break
		}
		if best == 0 {
			i++
			continue
		}
		last := i + best - 1
		m := rawMention{start: toks[i].Start, end: toks[last].End, posts: posts, nameStart: toks[i].Start}
		m.matched = text[m.start:m.end]
		m.latin = !toks[i].Cyr
		for _, t := range toks[i : last+1] {
			m.adj = m.adj || t.Adj
		}
		// "Брянской", "Харківській": a place adjective (-ск-) that a later generic word can close
		if toks[last].Adj {
			k := wordKey(&toks[last])
			m.placeAdj = bytes.HasSuffix(k, []byte("sk")) || bytes.HasSuffix(k, []byte("ck"))
		}
		next := last + 1
		if k, n := g.gen.match(toks, next, false, text); n > 0 && adjacent(text, &toks[last], &toks[next]) {
			m.generic, m.end = k, toks[next+n-1].End
			next += n
		}
		for n := 2; n >= 1 && m.generic == ""; n-- {
			j := i - n
			if j < 0 || toks[j].Start < consumed || !adjacent(text, &toks[i-1], &toks[i]) {
				continue
			}
			if k, c := g.gen.match(toks, j, true, text); c == n {
				m.generic, m.start = k, toks[j].Start
			}
		}
		if m.generic == "" && best == 1 && (isStopKey(&toks[i], wordKey) || isStopSurface(text[toks[i].Start:toks[i].End]) ||
			sentenceStart(text, toks[i].Start) && toks[i].KeyLen <= 6 && g.onlySmall(posts)) {
			i++
			continue
		}
		if m.generic == "" && allAdjective(g, posts) {
			m.generic = domain.CountryPlace
		}
		raws = append(raws, m)
		consumed = m.end
		i = next
	}
	propagateLists(text, raws, g)
	var out []Mention
	if buf != nil && cap(buf.out) >= len(raws) {
		out = buf.out[:len(raws)]
	} else {
		out = make([]Mention, len(raws))
	}
	// every mention's candidates in one array (a mention has at most one per posting)
	var arena []Candidate
	if buf != nil {
		total := 0
		for _, m := range raws {
			total += len(m.posts)
		}
		if arena = buf.cands[:0]; cap(arena) < total {
			arena = make([]Candidate, 0, total)
		}
	}
	if buf != nil && len(text) <= maxScanBuffered {
		buf.out = out[:0]
		defer func() { buf.cands = arena[:0] }()
	}
	for k, m := range raws {
		cs := g.rankInto(arena, m.posts, m.generic, m.adj, Hint{}, m.matched, false)
		if buf != nil {
			arena = arena[:len(arena)+len(cs)]
		}
		out[k] = Mention{Start: m.start, End: m.end, Text: text[m.start:m.end], Generic: m.generic, Candidates: cs}
	}
	return out
}

// acceptable: a name in running text starts with a capital letter, except adjectives of
// countries and seas ("украинских", "черноморский"), which news writes in lower case.
func (g *Gazetteer) acceptable(text string, toks []namekey.Token, ps []posting) bool {
	word := text[toks[0].Start:toks[0].End]
	// a word of n runes has n to 4n bytes: runes are counted only in words short enough
	if len(toks) == 1 && toks[0].Upper && len(word) <= 4*4 && utf8.RuneCountInString(word) <= 4 && allCaps(word) {
		// acronyms ("ЛЭП", "ВСУ") name places only when an alias says so ("РФ", "ХМАО")
		for _, q := range ps {
			if q.flags&isAlias != 0 {
				return true
			}
		}
		return false
	}
	if toks[0].Upper {
		// a lone capitalised letter or two ("В", "У", "А") is a preposition, not a name
		if len(toks) == 1 && len(word) < 4*3 && utf8.RuneCountInString(word) < 3 && !allCaps(word) {
			return false
		}
		return true
	}
	for _, q := range ps {
		if q.flags&lowerOK != 0 {
			return true
		}
	}
	return false
}

// sentenceStart says a word opens a sentence, where capitals say nothing about names.
func sentenceStart(text string, at int) bool {
	// strings.TrimRight(text[:at], " \t\u00a0\"«“'("), without its cutset function
	s := text[:at]
	for len(s) > 0 {
		r, size := utf8.DecodeLastRuneInString(s)
		if r != ' ' && r != '\t' && r != '\u00a0' && r != '"' && r != '«' && r != '“' && r != '\'' && r != '(' {
			break
		}
		s = s[:len(s)-size]
	}
	if s == "" {
		return true
	}
	switch s[len(s)-1] {
	case '.', '!', '?', '\n':
		return true
	}
	return strings.HasSuffix(s, "—") || strings.HasSuffix(s, "…")
}

// onlySmall: every reading is a district or a small settlement (under 20,000 people in
// Russia or Ukraine, under 200,000 abroad), the kind of place a capitalised sentence opener
// ("Атаке", "Над") collides with.
func (g *Gazetteer) onlySmall(ps []posting) bool {
	for _, q := range ps {
		pl := g.place(q.place)
		p := &pl
		if p.Kind != domain.SettlementPlace && p.Kind != domain.DistrictPlace {
			return false
		}
		limit := 200000
		if p.Country == "RU" || p.Country == "UA" {
			limit = 20000
		}
		if p.Population >= limit {
			return false
		}
	}
	return true
}

func allCaps(s string) bool {
	for _, r := range s {
		if !unicode.IsUpper(r) {
			return false
		}
	}
	return len(s) > 1
}

func allAdjective(g *Gazetteer, ps []posting) bool {
	for _, q := range ps {
		if q.flags&isAdjective == 0 {
			return false
		}
	}
	return len(ps) > 0
}

// propagateLists gives every member of "X, Y и Z областей" the generic word that closes the list.
func propagateLists(text string, raws []rawMention, g *Gazetteer) {
	for k := len(raws) - 1; k > 0; k-- {
		cur, prev := &raws[k], &raws[k-1]
		if cur.generic == "" || cur.generic == domain.CountryPlace || prev.generic != "" {
			continue
		}
		if !onlyConnectors(text[prev.end:cur.nameStart]) || !prev.placeAdj && !prev.latin {
			continue // in Russian and Ukrainian only adjectives share the closing generic word
		}
		has := false
		for _, q := range prev.posts {
			if g.kind(q.place) == cur.generic {
				has = true
				break
			}
		}
		if has {
			prev.generic = cur.generic
		}
	}
}

func onlyConnectors(gap string) bool {
	if len(gap) > 24 {
		return false
	}
	n := 0
	var lb [24]byte
	for w := range strings.FieldsFuncSeq(gap, func(r rune) bool { return r == ' ' || r == ',' || r == '\u00a0' }) {
		if !connectors[string(appendLower(lb[:0], w))] {
			return false
		}
		n++
	}
	return n > 0 || strings.Contains(gap, ",")
}

// lowerRegion: a region adjective written in lower case right before its generic word ("над
// московским регионом", "у харківській області") is the region; without the generic word a lower
// case adjective ("московский суд") names nothing.
func (g *Gazetteer) lowerRegion(text string, toks []namekey.Token, i, n int, ps []posting) bool {
	last := i + n - 1
	if !toks[last].Adj || last+1 >= len(toks) || !adjacent(text, &toks[last], &toks[last+1]) {
		return false
	}
	if k, c := g.gen.match(toks, last+1, false, text); c == 0 || k != domain.RegionPlace {
		return false
	}
	for _, q := range ps {
		if g.place(q.place).Kind == domain.RegionPlace {
			return true
		}
	}
	return false
}

// nameFilter is a Bloom filter of the index's name hashes: two bits of one 64-bit word of
// 2^14 per hash, so a look-up reads one cache line. Scan looks up every word and every run of
// up to four words of a text, and nearly all miss: the filter, small enough for the
// processor's cache, turns most of them away before the map. It also holds the hashes of the
// generic words (in 2^6 words), which Scan asks about every word, and (in 2^8 words) those of
// the few hundred names that may match in lower case (acceptable, lowerRegion): words in lower
// case ("of", "said", "над") name villages somewhere, and the map would find them only to
// turn them down. Last, it holds the word hashes that begin a name of two words or more (in
// 2^12 words): Scan reads the runs of words from other words no further.
type nameFilter struct {
	bits    [1 << 14]uint64
	generic [1 << 6]uint64
	lower   [1 << 8]uint64
	leads   [1 << leadBits]uint64
}

const leadBits = 12

// newNameFilter builds the filter of an index, its postings and their places, and the first
// words of its longer names.
func newNameFilter(index map[uint64]span, post []posting, places []domain.Place, leads map[uint64]bool, generic map[uint64]domain.PlaceKind) *nameFilter {
	f := &nameFilter{}
	for h := range leads {
		w, m := filterSlot(h)
		f.leads[w>>(32-leadBits)] |= m
	}
	for h, s := range index {
		w, m := filterSlot(h)
		f.bits[w>>(32-14)] |= m
		for _, q := range post[s.off : s.off+s.n] {
			if q.flags&lowerOK != 0 || places[q.place].Kind == domain.RegionPlace {
				f.lower[w>>(32-8)] |= m
				break
			}
		}
	}
	for h := range generic {
		w, m := filterSlot(h)
		f.generic[w>>(32-6)] |= m
	}
	return f
}

// filterSlot gives a hash's word (the top bits of w) and its two bits.
func filterSlot(h uint64) (uint32, uint64) {
	h *= 0x9E3779B97F4A7C15 // the name hashes are mixes already; this spreads their low bits
	return uint32(h >> 32), 1<<(h>>20&63) | 1<<(h>>8&63)
}

// may reports whether h can be in the index; false means it is not. A nil filter knows nothing.
func (f *nameFilter) may(h uint64) bool {
	if f == nil {
		return true
	}
	w, m := filterSlot(h)
	return f.bits[w>>(32-14)]&m == m
}

// mayLower reports whether h can be the hash of a name with a posting that may match in lower
// case (lowerOK) or a region's (lowerRegion); false means it is not.
func (f *nameFilter) mayLower(h uint64) bool {
	if f == nil {
		return true
	}
	w, m := filterSlot(h)
	return f.lower[w>>(32-8)]&m == m
}

// word reports whether a word's hash h can begin a name of two words or more (lead) and
// whether it can be a generic word's hash (generic); false means it cannot.
func (f *nameFilter) word(h uint64) (lead, generic bool) {
	if f == nil {
		return true, true
	}
	w, m := filterSlot(h)
	return f.leads[w>>(32-leadBits)]&m == m, f.generic[w>>(32-6)]&m == m
}

// stopHashes holds the hashes of stopKeys: a word whose hash is not there is no stop word, and
// its key string need not be made.
var stopHashes = func() map[uint64]bool {
	m := map[uint64]bool{}
	for k := range stopKeys {
		m[namekey.HashKey(k)] = true
	}
	return m
}()

func isStopKey(t *namekey.Token, key func(*namekey.Token) []byte) bool {
	return stopHashes[t.Hash] && stopKeys[string(key(t))]
}

// isStopSurface is stopSurface[strings.ToLower(w)], lower-casing only words of as many letters
// as its entries have (lower-casing keeps the number of runes).
func isStopSurface(w string) bool {
	if len(w) > 4*stopSurfaceMax { // more runes than that: spares counting them
		return false
	}
	if n := utf8.RuneCountInString(w); n < stopSurfaceMin || n > stopSurfaceMax {
		return false
	}
	var lb [16]byte
	return stopSurface[string(appendLower(lb[:0], w))]
}

// appendLower appends strings.ToLower(s) to dst: a look-up by it then allocates nothing.
func appendLower(dst []byte, s string) []byte {
	for _, r := range s {
		dst = utf8.AppendRune(dst, unicode.ToLower(r))
	}
	return dst
}

var stopSurfaceMin, stopSurfaceMax = func() (lo, hi int) {
	lo = 1 << 30
	for w := range stopSurface {
		n := utf8.RuneCountInString(w)
		lo, hi = min(lo, n), max(hi, n)
	}
	return lo, hi
}()
