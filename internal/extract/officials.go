package extract

import (
	"fmt"
	"strings"
	"unicode/utf8"
)

// official is one row of lexicon/officials.tsv.
type official struct {
	Name     string
	Region   string
	Role     string // governor or other_official
	From, To string // YYYY-MM or ""
	stems    []string
	prefix   []bool
	pattern  *pattern // the official as a hit's pattern, for the reporter rules
}

// inTerm reports whether the official held the post in the month of date (YYYY-MM-DD);
// an unknown date is in every term.
func (o *official) inTerm(date string) bool {
	if len(date) < 7 {
		return true
	}
	m := date[:7]
	if o.From != "" && m < o.From {
		return false
	}
	if o.To != "" && m > o.To {
		return false
	}
	return true
}

type officials struct {
	list    []*official
	exact   map[string][]*official
	pre     map[string][]*official
	firsts  pairSet  // first two runes of every key of exact and pre
	keys    wordSet  // every key of exact and pre
	preLen  [64]bool // byte lengths of the keys of pre (longer ones: preLong)
	preLong bool
}

func loadOfficials() (*officials, error) {
	o := &officials{exact: map[string][]*official{}, pre: map[string][]*official{}}
	err := eachTSVRow("officials.tsv", func(n int, _ string, c []string) error {
		if len(c) != 6 {
			return fmt.Errorf("officials.tsv:%d: want 6 tab-separated columns, got %d", n, len(c))
		}
		of := &official{Region: c[1], Role: c[2], Name: c[5]}
		of.pattern = &pattern{cat: catOfficial, raw: of.Name}
		if c[3] != "-" {
			of.From = c[3]
		}
		if c[4] != "-" {
			of.To = c[4]
		}
		if of.Role != "governor" && of.Role != "other_official" {
			return fmt.Errorf("officials.tsv:%d: role %q is not governor or other_official", n, of.Role)
		}
		for _, s := range strings.Split(c[0], ",") {
			s = strings.TrimSpace(s)
			pre := strings.HasSuffix(s, "*")
			s = normWord(strings.TrimSuffix(s, "*"))
			if s == "" {
				continue
			}
			o.firsts.add(s)
			o.keys.add(s)
			if pre {
				if len(s) < len(o.preLen) {
					o.preLen[len(s)] = true
				} else {
					o.preLong = true
				}
				o.pre[s] = append(o.pre[s], of)
			} else {
				o.exact[s] = append(o.exact[s], of)
			}
		}
		o.list = append(o.list, of)
		return nil
	})
	if err != nil {
		return nil, err
	}
	return o, nil
}

// officialHit is an official's surname found at token t.
type officialHit struct {
	o          *official
	t          int
	start, end int
}

// find returns the officials named in toks whose term covers date. Surnames must be capitalised
// in the text (checked by the caller passing the original text) so "kim" the word is no hit.
func (o *officials) find(text string, toks []token, date string) []officialHit {
	var out []officialHit
	for i := range toks {
		t := &toks[i]
		// a lower-case first letter, told from its first bytes: a-z, а-п (D0 B0..BF), D1 ..
		if c := text[t.start]; c >= 'a' && c <= 'z' || c == 0xD1 || c == 0xD0 && t.end-t.start > 1 && text[t.start+1] >= 0xB0 {
			continue
		}
		w := text[t.start:t.end]
		if r, _ := utf8.DecodeRuneInString(w); !isUpper(r) || utf8.RuneCountInString(w) < 3 {
			continue
		}
		if !o.firsts.may(t.s) {
			continue // no surname or stem starts like this word
		}
		// the first official in term: exact surnames, then the whole word as a stem, then stems
		// of 4 runes and more, longest first ("klychkov*", Oryol's governor, before "klychko*",
		// Kyiv's mayor)
		var of *official
		if o.keys.may(t.s) {
			of = firstInTerm(o.exact[t.s], date)
		}
		if of == nil && o.keys.may(t.s) {
			of = firstInTerm(o.pre[t.s], date)
		}
		if of == nil {
			var stem *official
			n := 0
			for j := range t.s {
				if j == 0 {
					continue
				}
				n++
				if n < 4 || (j < len(o.preLen) && !o.preLen[j]) || (j >= len(o.preLen) && !o.preLong) {
					continue // no stem of this length
				}
				if o.keys.may(t.s[:j]) {
					if f := firstInTerm(o.pre[t.s[:j]], date); f != nil {
						stem = f
					}
				}
			}
			of = stem
		}
		if of != nil {
			out = append(out, officialHit{o: of, t: i, start: t.start, end: t.end})
		}
	}
	return out
}

func firstInTerm(list []*official, date string) *official {
	for _, of := range list {
		if of.inTerm(date) {
			return of
		}
	}
	return nil
}

func isUpper(r rune) bool {
	return r >= 'A' && r <= 'Z' || r >= 'А' && r <= 'Я' || r == 'Є' || r == 'І' || r == 'Ї' || r == 'Ґ'
}
