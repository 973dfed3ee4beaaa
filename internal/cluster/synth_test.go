package cluster

import (
	"fmt"
	"math/rand/v2"
	"strings"

	"skyledger/internal/domain"
)

// synth generates synthetic stories and their rewrites for the scale benchmark: an original
// per story, then 0-5 rewrites (synonyms swapped, sentences dropped and reordered, a Cyrillic
// "translation" of the names), on a calendar that advances so that about perDay documents are
// published each day. Everything is derived from the document number, so any document can be
// made on the fly and two runs see the same input.
type synth struct {
	perDay  int
	names   []string
	places  []string
	regions []string
}

func newSynth(perDay int) *synth {
	r := rand.New(rand.NewPCG(7, 11))
	syl := []string{"ka", "lo", "vi", "sha", "dro", "zen", "mi", "ra", "tov", "gus", "bel", "nik", "or", "pet", "su", "chen", "ko", "lev", "dan", "yar"}
	word := func(n int) string {
		var b strings.Builder
		for i := 0; i < n; i++ {
			b.WriteString(syl[r.IntN(len(syl))])
		}
		s := b.String()
		return strings.ToUpper(s[:1]) + s[1:]
	}
	s := &synth{perDay: perDay}
	for i := 0; i < 4000; i++ {
		s.names = append(s.names, word(3))
	}
	for i := 0; i < 8000; i++ {
		s.places = append(s.places, word(2+r.IntN(2)))
	}
	for i := 0; i < 85; i++ {
		s.regions = append(s.regions, fmt.Sprintf("RU-R%02d", i))
	}
	return s
}

var synthSyn = [][]string{
	{"destroyed", "shot down", "intercepted", "downed", "neutralised"},
	{"drones", "UAVs", "unmanned aerial vehicles", "aircraft-type drones"},
	{"governor", "regional head", "head of the region"},
	{"said", "wrote", "reported", "stated", "confirmed"},
	{"overnight", "during the night", "last night", "in the early hours"},
	{"damaged", "hit", "struck"},
	{"no casualties", "nobody was hurt", "there were no injuries"},
}

// story facts for story number k
type synthStory struct {
	k      int
	day    int32
	region string
	count  int
	gov    string
	place  string
	place2 string
	victim string
	kind   domain.Kind
}

func (s *synth) story(k int, storiesPerDay int) synthStory {
	r := rand.New(rand.NewPCG(uint64(k), 99))
	st := synthStory{k: k, day: int32(19000 + k/storiesPerDay)}
	reg := r.IntN(len(s.regions))
	st.region = s.regions[reg]
	st.gov = s.names[reg*7%len(s.names)] // one governor per region: a generic name there
	st.place = s.places[r.IntN(len(s.places))]
	st.place2 = s.places[r.IntN(len(s.places))]
	st.victim = s.names[r.IntN(len(s.names))]
	st.count = 1 + r.IntN(40)
	st.kind = []domain.Kind{domain.Intercept, domain.Intercept, domain.Impact, domain.Debris}[r.IntN(4)]
	return st
}

// docsPerStory is 1 to 6, fixed per story.
func docsPerStory(k int) int { return 1 + int(uint64(k)*2654435761%6) }

// doc returns the j-th document of story st.
func (s *synth) doc(st synthStory, j int) (domain.Document, domain.Extraction) {
	r := rand.New(rand.NewPCG(uint64(st.k), uint64(j)+1))
	pick := func(i int) string {
		if j == 0 {
			return synthSyn[i][0]
		}
		return synthSyn[i][r.IntN(len(synthSyn[i]))]
	}
	date := dayString(st.day)
	sent := []string{
		fmt.Sprintf("Air defences %s %d %s over the %s district of region %s %s, %s %s %s.", pick(0), st.count, pick(1), st.place, st.region, pick(4), pick(2), st.gov, pick(3)),
		fmt.Sprintf("Debris %s a warehouse near %s, and emergency crews are at the scene.", pick(5), st.place2),
		fmt.Sprintf("According to %s, %s.", st.gov, pick(6)),
		fmt.Sprintf("Resident %s told reporters the explosions were heard across %s.", st.victim, st.place),
		s.filler(st.k, 0),
		s.filler(st.k, 1),
	}
	if j > 0 {
		// rewrite: drop and shuffle sentences, sometimes Cyrillic names (a translation)
		r.Shuffle(len(sent)-1, func(a, b int) { sent[a+1], sent[b+1] = sent[b+1], sent[a+1] })
		sent = sent[:3+r.IntN(len(sent)-2)]
		if r.IntN(3) == 0 {
			for i := range sent {
				sent[i] = strings.ReplaceAll(sent[i], st.gov, cyr(st.gov))
				sent[i] = strings.ReplaceAll(sent[i], st.place, cyr(st.place))
			}
		}
	}
	d := domain.Document{
		ID:        fmt.Sprintf("s%07d-%d", st.k, j),
		URL:       fmt.Sprintf("https://site%d.example/%d", r.IntN(500), st.k),
		Published: dayString(st.day + int32(r.IntN(2))),
		Text:      strings.Join(sent, " "),
	}
	inc := domain.Incident{Kind: st.kind, Date: domain.NullString(date), Country: "RU", Region: domain.NullString(st.region),
		Count: domain.Int(st.count), Reporter: "governor"}
	if j > 0 && r.IntN(5) == 0 {
		inc.Date = "" // rewrites often lose the date
		d.Published = ""
	}
	return d, domain.Extraction{ID: d.ID, Incidents: []domain.Incident{inc}}
}

var cyrMap = map[string]string{"ka": "ка", "lo": "ло", "vi": "ви", "sha": "ша", "dro": "дро", "zen": "зен", "mi": "ми", "ra": "ра",
	"tov": "тов", "gus": "гус", "bel": "бел", "nik": "ник", "or": "ор", "pet": "пет", "su": "су", "chen": "чен", "ko": "ко",
	"lev": "лев", "dan": "дан", "yar": "яр"}

// cyr writes a synthetic name in Cyrillic, syllable by syllable.
func cyr(name string) string {
	s := strings.ToLower(name)
	var b strings.Builder
	for len(s) > 0 {
		ok := false
		for _, n := range []int{4, 3, 2} {
			if len(s) >= n {
				if c, found := cyrMap[s[:n]]; found {
					b.WriteString(c)
					s = s[n:]
					ok = true
					break
				}
			}
		}
		if !ok {
			b.WriteString(s[:1])
			s = s[1:]
		}
	}
	out := []rune(b.String())
	return strings.ToUpper(string(out[0])) + string(out[1:])
}

// stream yields n documents in story order, rewrites interleaved with later stories the way a
// crawl sees them (each story's documents within a few positions of each other).
func (s *synth) stream(n int, fn func(i int, d domain.Document, ex domain.Extraction) bool) {
	storiesPerDay := max(1, s.perDay*2/7) // about 3.5 documents per story
	i := 0
	for k := 0; i < n; k++ {
		st := s.story(k, storiesPerDay)
		for j := 0; j < docsPerStory(k) && i < n; j++ {
			d, ex := s.doc(st, j)
			if !fn(i, d, ex) {
				return
			}
			i++
		}
	}
}

var fillerHeads = []string{"Officials", "Residents", "Analysts", "Local media", "Witnesses", "Emergency services", "The ministry", "Observers", "Volunteers", "Schools"}
var fillerVerbs = []string{"asked", "warned", "noted", "reported", "said", "recalled", "added", "urged", "explained", "posted"}
var fillerTails = []string{
	"that fragments must not be touched", "that the alert lasted for hours", "that power was restored by morning",
	"that classes would go ahead", "that traffic on the highway was stopped", "that windows were boarded up",
	"that a shelter was opened", "that the airport paused flights", "that trains ran late", "that the market stayed closed",
	"that a hotline was set up", "that photos should not be posted", "that the curfew was extended", "that patrols were doubled",
}

// filler is a background sentence that differs from story to story, as real reports do.
func (s *synth) filler(k, i int) string {
	r := rand.New(rand.NewPCG(uint64(k), uint64(1000+i)))
	return fmt.Sprintf("%s in %s %s %s.", fillerHeads[r.IntN(len(fillerHeads))], s.places[r.IntN(len(s.places))],
		fillerVerbs[r.IntN(len(fillerVerbs))], fillerTails[r.IntN(len(fillerTails))])
}
