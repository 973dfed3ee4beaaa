package cluster

import (
	"slices"
	"sort"
	"strconv"
	"strings"
	"time"

	"skyledger/internal/domain"
)

// features is what the story index keeps of one document while it is inside the window.
type features struct {
	idx     int32
	id      string
	pub     int32 // days since 1970-01-01; noDay when unknown
	sig     Signature
	hasText bool
	names   []uint64 // hashes of the consonant skeletons of proper-noun candidates, sorted, unique
	longest []uint64 // the hashes of the (up to 4) longest skeletons: candidate keys
	nums    []int    // numbers stated in the text (not years, times or dates), sorted, unique
	mdays   []int    // explicit calendar days in the text, as month*100+day, sorted, unique
	facts   []fact   // incidents from the extraction
	regions []string // non-null regions of the facts, sorted, unique
}

// fact is one incident reduced to what story matching compares.
type fact struct {
	kind   domain.Kind
	region string // "" national total or sea
	day    int32  // noDay when null
	count  int    // -1 when null
}

const noDay = int32(-1 << 30)

func parseDay(s string) int32 {
	if len(s) < 10 {
		return noDay
	}
	t, err := time.Parse("2006-01-02", s[:10])
	if err != nil {
		return noDay
	}
	return int32(t.Unix() / 86400)
}

func dayString(d int32) string {
	if d == noDay {
		return ""
	}
	return time.Unix(int64(d)*86400, 0).UTC().Format("2006-01-02")
}

// monthOf maps a (transliterated, lower-case) word to its month, for en, ru and uk spellings.
func monthOf(w string) int {
	if len(w) < 3 {
		return 0
	}
	prefixes := [...]struct {
		p string
		m int
	}{
		{"january", 1}, {"jan", 1}, {"february", 2}, {"feb", 2}, {"march", 3}, {"april", 4}, {"may", 5},
		{"june", 6}, {"july", 7}, {"august", 8}, {"aug", 8}, {"september", 9}, {"sept", 9},
		{"october", 10}, {"oct", 10}, {"november", 11}, {"nov", 11}, {"december", 12}, {"dec", 12},
		// Russian, transliterated
		{"yanvar", 1}, {"fevral", 2}, {"mart", 3}, {"aprel", 4}, {"maya", 5}, {"mae", 5},
		{"iyun", 6}, {"iyul", 7}, {"avgust", 8}, {"sentyabr", 9}, {"oktyabr", 10}, {"noyabr", 11},
		{"dekabr", 12},
		// Ukrainian, transliterated
		{"sichn", 1}, {"lyut", 2}, {"berez", 3}, {"kvit", 4}, {"travn", 5}, {"cherv", 6},
		{"lyp", 7}, {"lip", 7}, {"serpn", 8}, {"veresn", 9}, {"zhovtn", 10}, {"lystopad", 11},
		{"listopad", 11}, {"grudn", 12}, {"hrudn", 12},
	}
	for _, p := range prefixes {
		if strings.HasPrefix(w, p.p) {
			// "mar"/"may" must not swallow unrelated words: require whole word for short stems.
			if (p.p == "may" || p.p == "mart") && w != p.p && w != "marta" {
				continue
			}
			if p.p == "march" && w != "march" {
				continue
			}
			return p.m
		}
	}
	return 0
}

// numberWords gives the small numbers that rewrites spell out; they are compared with digits.
var numberWords = map[string]int{
	"two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9,
	"ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14, "fifteen": 15,
	"sixteen": 16, "seventeen": 17, "eighteen": 18, "nineteen": 19, "twenty": 20,
	"dva": 2, "dve": 2, "dvoe": 2, "dvoye": 2, "tri": 3, "troe": 3, "troye": 3, "chetyre": 4,
	"pyat": 5, "shest": 6, "sem": 7, "vosem": 8, "devyat": 9, "desyat": 10, "chotyry": 4,
	"pyatero": 5, "visim": 8, "devyat'": 9,
}

func leadingInt(s string) (int, bool) {
	i := 0
	for i < len(s) && s[i] >= '0' && s[i] <= '9' {
		i++
	}
	if i == 0 || i > 7 {
		return 0, false
	}
	n, err := strconv.Atoi(s[:i])
	return n, err == nil
}

// textFeatures reads names (longest first), numbers, explicit dates and shingles from a
// document's text. Shingles come in text order and may repeat: their MinHash is the same, and
// repeats cost it less than making them unique would.
func textFeatures(doc domain.Document) (names []string, nums []int, mdays []int, shingles []uint64) {
	text := doc.Title + "\n" + doc.Text
	toks, lat, digits := tokenize(text)
	timeLike := timeNumbers(digits)
	latin := func(t token) string { return lat[t.lo:t.hi] }

	// Sets are collected as slices and made unique by sorting: cheaper than maps at these sizes.
	var nameKeys []nameKey
	shingles = make([]uint64, 0, len(toks))
	var prev uint64
	for i, t := range toks {
		w := latin(t)
		if t.number {
			n, ok := leadingInt(w)
			if !ok {
				continue
			}
			isDate := false
			if n >= 1 && n <= 31 {
				if i+1 < len(toks) {
					if m := monthOf(latin(toks[i+1])); m > 0 {
						mdays = append(mdays, m*100+n)
						isDate = true
					}
				}
				if i > 0 {
					if m := monthOf(latin(toks[i-1])); m > 0 {
						mdays = append(mdays, m*100+n)
						isDate = true
					}
				}
			}
			// timeNumbers counts words, tokens here; they differ after a word without Latin
			// letters, and the features have always been computed so.
			for len(timeLike) > 0 && timeLike[0].word < i {
				timeLike = timeLike[1:]
			}
			if len(timeLike) > 0 && timeLike[0].word == i {
				if d := timeLike[0].val; d > 0 {
					mdays = append(mdays, d)
				}
				isDate = true
			}
			if !isDate && !(n >= 1990 && n <= 2100) && n >= 2 {
				nums = append(nums, n)
			}
		} else if n, ok := numberWords[w]; ok {
			nums = append(nums, n)
		}
		if t.capital && !t.number {
			// a word capitalised only at a sentence start is grammar, not a name
			if !t.initial {
				nameKeys = appendName(nameKeys, w)
			}
			// Ust-Luga, Усть-Луга: the compound is the name, its halves are often too short
			if t.hyphen && i > 0 && toks[i-1].capital && !toks[i-1].initial {
				nameKeys = appendName(nameKeys, latin(toks[i-1])+w)
			}
		}
		// Shingles: word bigrams over 5-letter prefixes, which absorb inflection and most of
		// what a rewriter's thesaurus does to word endings.
		p := w
		if len(p) > 5 {
			p = p[:5]
		}
		h := fnv64(p)
		if i > 0 {
			shingles = append(shingles, mix(prev, h))
		}
		prev = h
	}
	// Longest first, then alphabetical: the order of nameKey.
	slices.Sort(nameKeys)
	nameKeys = slices.Compact(nameKeys)
	if len(nameKeys) > 0 {
		names = make([]string, len(nameKeys))
		for i, k := range nameKeys {
			names[i] = k.String()
		}
	}
	slices.Sort(nums)
	nums = slices.Compact(nums)
	slices.Sort(mdays)
	mdays = slices.Compact(mdays)
	return names, nums, mdays, shingles
}

// nameKey packs a name skeleton (3 to maxSkel letters) so that names sort longest first, then
// alphabetically, as plain integers: maxSkel minus the length above the letters, big-endian.
type nameKey uint64

func (k nameKey) String() string {
	var b [maxSkel]byte
	n := maxSkel - int(k>>(8*maxSkel))
	for i := range n {
		b[i] = byte(k >> (8 * (maxSkel - 1 - i)))
	}
	return string(b[:n])
}

// appendName adds the skeleton of a proper-noun candidate unless it is too short or generic.
func appendName(keys []nameKey, w string) []nameKey {
	if len(w) < 4 {
		return keys
	}
	sk, n := skeletonBytes(w)
	if n < 3 || genericNames[string(sk[:n])] {
		return keys
	}
	k := nameKey(maxSkel-n) << (8 * maxSkel)
	for i := range n {
		k |= nameKey(sk[i]) << (8 * (maxSkel - 1 - i))
	}
	return append(keys, k)
}

// timeMark is a digit word that belongs to a clock time or numeric date; see timeNumbers.
type timeMark struct {
	word int
	val  int
}

// timeNumbers finds the digit words that belong to a clock time (05:43, 4.30) or a numeric date
// (28.09.2025), in word order. For the day of a numeric date the value is month*100+day; for
// every other such word it is 0.
func timeNumbers(nums []digitWord) []timeMark {
	var out []timeMark
	for k := 0; k+1 < len(nums); k++ {
		a, b := nums[k], nums[k+1]
		if b.word != a.word+1 || (a.sepAfter != ':' && a.sepAfter != '.') {
			continue
		}
		if a.sepAfter == '.' && b.sepAfter == '.' && k+2 < len(nums) && nums[k+2].word == b.word+1 &&
			a.val >= 1 && a.val <= 31 && b.val >= 1 && b.val <= 12 {
			out = append(out, timeMark{a.word, b.val*100 + a.val}, timeMark{b.word, 0}, timeMark{nums[k+2].word, 0})
			k += 2
			continue
		}
		if a.val <= 24 && b.val < 60 {
			out = append(out, timeMark{a.word, 0}, timeMark{b.word, 0})
			k++
		}
	}
	return out
}

// extractionFacts reduces the extracted incidents to facts.
func extractionFacts(ex domain.Extraction) (facts []fact, regions []string) {
	seen := map[string]bool{}
	for _, inc := range ex.Incidents {
		f := fact{kind: inc.Kind, region: strings.ToUpper(string(inc.Region)), day: parseDay(string(inc.Date)), count: -1}
		if inc.Count != nil {
			f.count = *inc.Count
		}
		facts = append(facts, f)
		if f.region != "" && !seen[f.region] {
			seen[f.region] = true
			regions = append(regions, f.region)
		}
	}
	sort.Strings(regions)
	return facts, regions
}

func newFeatures(doc domain.Document, ex domain.Extraction) *features {
	f := &features{id: doc.ID, pub: parseDay(doc.Published)}
	var sh []uint64
	var names []string
	names, f.nums, f.mdays, sh = textFeatures(doc)
	// Names are compared as hashes: a few bytes per name kept for every document in the window,
	// and integer compares in the pair loop.
	f.names = make([]uint64, len(names))
	for i, n := range names {
		f.names[i] = fnv64(n)
		if i < 4 {
			f.longest = append(f.longest, fnv64("name:"+n))
		}
	}
	slices.Sort(f.names)
	f.hasText = len(sh) > 0
	f.sig = minhash(sh)
	f.facts, f.regions = extractionFacts(ex)
	return f
}
