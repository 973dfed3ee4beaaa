package cluster

import (
	"slices"
	"strings"

	"skyledger/internal/domain"
)

// documentFlags carries the extractor's flags of each source document into the event, traced
// to the document. A flag goes to the events whose place or region it speaks of. A flag that
// speaks of none of its own document's rows (the extractor flagged a region it gave no row
// for) goes to the events of the document's story for that region: the rewrite's error is
// about the story's event even when its row was missed.
func (b *builder) documentFlags(m []int) []domain.Flag {
	var out []domain.Flag
	seen := map[flagKey]bool{}
	add := func(f domain.Flag, doc string) {
		// the extractor may flag the headline and the body alike: one flag per wording
		k := flagKey{doc, f.Type, strings.ReplaceAll(f.Detail, "’", "'")}
		if seen[k] {
			return
		}
		seen[k] = true
		f.Source = doc
		out = append(out, f)
	}
	var stories []string
	for _, i := range m {
		o := b.obs[i]
		if !slices.Contains(stories, o.story) {
			stories = append(stories, o.story)
		}
		ex := b.inputs[o.in].Ex
		for _, f := range ex.Flags {
			if b.flagFits(f, o, ex) {
				add(f, b.inputs[o.in].Doc.ID)
			}
		}
	}
	for _, st := range stories {
		for _, in := range b.byStory[st] {
			for _, f := range b.orphans(in) {
				for _, i := range m {
					o := b.obs[i]
					if o.story == st && o.in != in && regionKeysMeet(flagRegionKeys(f), rowRegionKeys(o.inc)) {
						add(f, b.inputs[in].Doc.ID)
						break
					}
				}
			}
		}
	}
	return out
}

type flagKey struct {
	doc    string
	typ    domain.FlagType
	detail string
}

// orphans are the flags of input in that fit none of its rows and name a region.
func (b *builder) orphans(in int) []domain.Flag {
	if o, ok := b.orphanCache[in]; ok {
		return o
	}
	var out []domain.Flag
	ex := b.inputs[in].Ex
	for _, f := range ex.Flags {
		if len(flagRegionKeys(f)) == 0 {
			continue
		}
		fits := false
		for _, inc := range ex.Incidents {
			if b.flagFits(f, obs{in: in, inc: inc, where: whereKey(inc)}, ex) {
				fits = true
				break
			}
		}
		if !fits {
			out = append(out, f)
		}
	}
	b.orphanCache[in] = out
	return out
}

// flagFits says whether document flag f speaks of row o of the same document.
func (b *builder) flagFits(f domain.Flag, o obs, ex domain.Extraction) bool {
	text := strings.ToLower(f.Detail + " " + f.Suggestion)
	for _, e := range f.Evidence {
		text += " " + strings.ToLower(e.Text)
	}
	if o.inc.Place != "" {
		if w := firstWord(string(o.inc.Place)); w != "" && strings.Contains(text, w) {
			return true
		}
	}
	if o.inc.Region != "" && strings.Contains(strings.ToLower(f.Detail), strings.ToLower(string(o.inc.Region))) {
		return true
	}
	// The region words of the flag's evidence against those of the row's: "Bryansk Region" in
	// a flag is about the Bryansk row, not the Smolensk one of the same rewrite.
	if f.Type != domain.InternalContradiction {
		fk, rk := flagRegionKeys(f), rowRegionKeys(o.inc)
		if len(fk) > 0 && len(rk) > 0 {
			return regionKeysMeet(fk, rk)
		}
	}
	// does the flag name another row of the document? then it is not about this one
	for _, other := range ex.Incidents {
		if other.Place != "" && other.Region != o.inc.Region {
			if w := firstWord(string(other.Place)); w != "" && strings.Contains(text, w) {
				return false
			}
		}
	}
	if f.Type == domain.InternalContradiction {
		return o.inc.Region == "" // a breakdown that does not sum: the national row
	}
	return o.inc.Region != ""
}

// flagRegionKeys are the name skeletons of the region the flag's evidence names.
func flagRegionKeys(f domain.Flag) []string {
	var keys []string
	for _, e := range f.Evidence {
		if e.Field == "region" {
			keys = appendNameKeys(keys, e.Text)
		}
	}
	return keys
}

// rowRegionKeys are the name skeletons of the words the extractor read the row's region from.
func rowRegionKeys(inc domain.Incident) []string {
	var keys []string
	for _, e := range inc.Evidence {
		if e.Field == "region" {
			keys = appendNameKeys(keys, e.Text)
		}
	}
	return keys
}

// appendNameKeys adds the skeletons of the distinctive words of s (not "region", "Ukraine's"):
// Bryansk, Брянской and Brjansk meet on one key.
func appendNameKeys(keys []string, s string) []string {
	for _, w := range strings.FieldsFunc(s, func(r rune) bool { return !isWordRune(r) }) {
		sk := skeleton(latinLower(lower(w)))
		if len(sk) >= 3 && !genericNames[sk] {
			keys = append(keys, sk)
		}
	}
	return keys
}

func regionKeysMeet(a, b []string) bool {
	for _, x := range a {
		for _, y := range b {
			if x == y {
				return true
			}
		}
	}
	return false
}
