package cli

import (
	"context"
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"io"
	"sort"
	"strings"
	"unicode"
	"unicode/utf8"

	"skyledger/internal/domain"
	"skyledger/internal/gazetteer"
)

// placeAnswer is what `place --json` prints: one object per call.
type placeAnswer struct {
	Query       string         `json:"query"`
	Name        string         `json:"name"`             // the part of the query read as the place's name
	Place       *placeReading  `json:"place"`            // the best reading; null when nothing resolved
	Region      *domain.Place  `json:"region,omitempty"` // the region the text or --region names
	InRegion    *bool          `json:"in_region,omitempty"`
	Candidates  []placeReading `json:"candidates"`            // readings of the name, best first
	Suggestions []placeReading `json:"suggestions,omitempty"` // nearest real names, when unresolved
	Error       string         `json:"error,omitempty"`       // one sentence, when unresolved
}

type placeReading struct {
	domain.Place
	Score   float64 `json:"score"`
	Matched string  `json:"matched,omitempty"`
}

// globalSuggestFloor is the least Suggest score worth showing when no region narrows the search.
const globalSuggestFloor = 0.6

// placeStopWords may stand between a place and its region ("Kharkiv District of Kharkiv
// Oblast") without being a name left unresolved.
var placeStopWords = map[string]bool{"of": true, "in": true, "the": true, "and": true, "near": true,
	"в": true, "во": true, "у": true, "на": true, "и": true, "і": true, "та": true, "з": true, "із": true}

func runPlace(ctx context.Context, args []string, stdio Stdio) int {
	fs := newFlags("place", "NAME... [--json] [--region CODE] [-n N]", stdio)
	asJSON := fs.Bool("json", false, "print one JSON object")
	region := fs.String("region", "", "ISO 3166-2 code of the region the place should lie in (default: the region the text names)")
	n := fs.Int("n", 5, "readings and suggestions to show")
	words, code, ok := parsePlaceFlags(fs, args)
	if !ok {
		return code
	}
	text := strings.TrimSpace(strings.Join(words, " "))
	if text == "" {
		fmt.Fprintln(stdio.Err, "skyledger place: give a place name, e.g. skyledger place \"Дзержинский район Калужской области\".")
		return exitUsage
	}
	if *n < 1 {
		fmt.Fprintln(stdio.Err, "skyledger place: -n must be at least 1.")
		return exitUsage
	}
	g, err := gazetteer.Load()
	if err != nil {
		return finish("place", 0, fmt.Errorf("load gazetteer: %w", err), stdio)
	}
	var reg *domain.Place
	if *region != "" {
		r, ok := g.Region(*region)
		if !ok {
			fmt.Fprintf(stdio.Err, "skyledger place: unknown region code %q; use an ISO 3166-2 code such as RU-KLU or UA-63.\n", *region)
			return exitUsage
		}
		reg = &r
	}
	ans := lookUpPlace(g, text, reg, *n)
	if *asJSON {
		enc := json.NewEncoder(stdio.Out)
		enc.SetEscapeHTML(false)
		enc.SetIndent("", " ")
		err = enc.Encode(ans)
	} else {
		err = printPlace(stdio.Out, g, ans)
	}
	if err != nil {
		return finish("place", 0, fmt.Errorf("write output: %w", err), stdio)
	}
	if ans.Error != "" {
		fmt.Fprintf(stdio.Err, "skyledger place: %s\n", ans.Error)
		return exitFailed
	}
	return exitOK
}

// parsePlaceFlags parses flags that may come after the name words too
// (`skyledger place Kursk --json`).
func parsePlaceFlags(fs *flag.FlagSet, args []string) (words []string, code int, ok bool) {
	for {
		if err := fs.Parse(args); err != nil {
			if errors.Is(err, flag.ErrHelp) {
				return nil, exitOK, false
			}
			return nil, exitUsage, false
		}
		args = fs.Args()
		if len(args) == 0 {
			return words, 0, true
		}
		words = append(words, args[0])
		args = args[1:]
	}
}

// lookUpPlace resolves text: a name alone ("Kursk"), or a place with its region ("Дзержинский
// район Калужской области"), whose region is then checked.
func lookUpPlace(g *gazetteer.Gazetteer, text string, reg *domain.Place, n int) placeAnswer {
	ans := placeAnswer{Query: text, Region: reg, Candidates: []placeReading{}}
	hint := gazetteer.Hint{}
	if reg != nil {
		hint.Region = reg.Code
	}
	name := text
	cs := g.Resolve(text, hint)
	if len(cs) == 0 {
		// several names: find them all, the region among them
		scanned, ms := text, g.Scan(text)
		// names typed in lower case: read capitalised when that finds more of them
		if up := placeCapitalize(text); up != text {
			if ms2 := g.Scan(up); len(ms2) > len(ms) {
				scanned, ms = up, ms2
			}
		}
		left := placeLeftover(scanned, ms)
		regAt := -1 // the region named next to the place, when the text names more than it
		for i := len(ms) - 1; i >= 0 && (len(ms) > 1 || left != ""); i-- {
			if ms[i].Candidates[0].Place.Kind == domain.RegionPlace {
				regAt = i
				break
			}
		}
		if regAt >= 0 && ans.Region == nil {
			r := ms[regAt].Candidates[0].Place
			ans.Region = &r
			hint.Region = r.Code
		}
		main := -1
		for i := range ms {
			if i != regAt {
				main = i
				break
			}
		}
		if left != "" {
			// a name Scan passed over (it takes a short village name opening a text for a
			// sentence's first word), or one the gazetteer does not know
			name, cs = left, g.Resolve(left, hint)
		} else if main >= 0 {
			name = text[ms[main].Start:ms[main].End]
			if cs = g.Resolve(name, hint); len(cs) == 0 {
				cs = ms[main].Candidates
			}
		}
	}
	ans.Name = name
	for i, c := range cs {
		if i == n {
			break
		}
		ans.Candidates = append(ans.Candidates, placeReading{c.Place, c.Score, c.Matched})
	}
	if len(cs) == 0 {
		ans.Suggestions = suggestPlaces(g, ans.Region, name, n)
		ans.Error = placeUnresolved(g, name, ans.Region, ans.Suggestions)
		return ans
	}
	best := ans.Candidates[0]
	ans.Place = &best
	if ans.Region != nil {
		in := g.Contains(ans.Region.Code, best.Place)
		ans.InRegion = &in
		if !in {
			ans.Suggestions = suggestPlaces(g, ans.Region, name, n)
			ans.Error = placeNotInRegion(g, name, best.Place, *ans.Region, ans.Suggestions)
		}
	}
	return ans
}

// leftover is the text outside the mentions that still looks like a name: a capitalised word
// that is not a connector.
func placeLeftover(text string, ms []gazetteer.Mention) string {
	var parts []string
	at := 0
	for _, m := range append(ms, gazetteer.Mention{Start: len(text), End: len(text)}) {
		if m.Start > at {
			parts = append(parts, text[at:m.Start])
		}
		at = max(at, m.End)
	}
	var words []string
	named := false
	for _, w := range strings.FieldsFunc(strings.Join(parts, " "), func(r rune) bool {
		return !unicode.IsLetter(r) && !unicode.IsDigit(r) && r != '-' && r != '\'' && r != '’'
	}) {
		if placeStopWords[strings.ToLower(w)] {
			continue
		}
		r, _ := utf8.DecodeRuneInString(w)
		named = named || unicode.IsUpper(r)
		words = append(words, w)
	}
	if !named {
		return ""
	}
	return strings.Join(words, " ")
}

// placeCapitalize upper-cases the first letter of each word where that keeps byte offsets.
func placeCapitalize(s string) string {
	b := []byte(s)
	start := true
	for i := 0; i < len(b); {
		r, sz := utf8.DecodeRune(b[i:])
		if unicode.IsLetter(r) {
			if start {
				if u := unicode.ToUpper(r); utf8.RuneLen(u) == sz {
					utf8.EncodeRune(b[i:], u)
				}
			}
			start = false
		} else {
			start = true
		}
		i += sz
	}
	return string(b)
}

// suggestPlaces asks the region for the nearest names, or every Russian and Ukrainian region
// when none is known.
func suggestPlaces(g *gazetteer.Gazetteer, reg *domain.Place, name string, n int) []placeReading {
	var cs []gazetteer.Candidate
	if reg != nil {
		cs = g.Suggest(reg.Code, name, n)
	} else {
		for _, r := range g.Regions("") {
			cs = append(cs, g.Suggest(r.Code, name, n)...)
		}
		sort.SliceStable(cs, func(a, b int) bool {
			if cs[a].Score != cs[b].Score {
				return cs[a].Score > cs[b].Score
			}
			return cs[a].Place.Population > cs[b].Place.Population
		})
		// over every region only close names help; looser ones are noise
		for len(cs) > 0 && cs[len(cs)-1].Score < globalSuggestFloor {
			cs = cs[:len(cs)-1]
		}
	}
	var out []placeReading
	for i, c := range cs {
		if i == n {
			break
		}
		out = append(out, placeReading{c.Place, c.Score, c.Matched})
	}
	return out
}

func placeUnresolved(g *gazetteer.Gazetteer, name string, reg *domain.Place, sugg []placeReading) string {
	s := fmt.Sprintf("%q is not a place the gazetteer knows", name)
	if reg != nil {
		s = fmt.Sprintf("no %q in %s", name, reg.Name)
	}
	return s + placeDidYouMean(g, sugg, reg == nil)
}

func placeNotInRegion(g *gazetteer.Gazetteer, name string, p, reg domain.Place, sugg []placeReading) string {
	s := fmt.Sprintf("%q is not in %s: %s is %s", name, reg.Name, p.Name, placeWhere(g, p))
	return s + placeDidYouMean(g, sugg, false)
}

// placeDidYouMean ends a sentence with up to three suggestions, with their regions when they
// come from several.
func placeDidYouMean(g *gazetteer.Gazetteer, sugg []placeReading, withRegion bool) string {
	var names []string
	for i, c := range sugg {
		if i == 3 {
			break
		}
		s := c.Name
		if withRegion {
			s += " (" + placeRegionName(g, c.Region) + ")"
		}
		names = append(names, s)
	}
	switch len(names) {
	case 0:
		return "."
	case 1:
		return "; did you mean " + names[0] + "?"
	}
	return "; did you mean " + strings.Join(names[:len(names)-1], ", ") + " or " + names[len(names)-1] + "?"
}

func placeRegionName(g *gazetteer.Gazetteer, code string) string {
	if r, ok := g.Region(code); ok {
		return r.Name
	}
	return code
}

func placeCountryName(g *gazetteer.Gazetteer, code string) string {
	if c, ok := g.Country(code); ok {
		return c.Name
	}
	return code
}

// where says what and where a place is: "a district in Kaluga Oblast (RU-KLU), Russia".
func placeWhere(g *gazetteer.Gazetteer, p domain.Place) string {
	switch p.Kind {
	case domain.CountryPlace:
		return "a country (" + p.Code + ")"
	case domain.WaterPlace:
		return "a sea"
	case domain.RegionPlace:
		return fmt.Sprintf("a region (%s) of %s", p.Code, placeCountryName(g, p.Country))
	}
	var in []string
	if p.District != "" {
		in = append(in, p.District)
	}
	if p.Region != "" {
		in = append(in, fmt.Sprintf("%s (%s)", placeRegionName(g, p.Region), p.Region))
	}
	in = append(in, placeCountryName(g, p.Country))
	what := "a " + string(p.Kind)
	if p.Kind == domain.SettlementPlace {
		what = "a city"
		if p.Population < 15000 {
			what = "a settlement"
		}
	}
	return what + " in " + strings.Join(in, ", ")
}

func printPlace(w io.Writer, g *gazetteer.Gazetteer, ans placeAnswer) error {
	ew := &placeWriter{w: w}
	if ans.Place != nil {
		p := ans.Place.Place
		ew.printf("%s: %s\n", p.Name, placeWhere(g, p))
		var names []string
		if p.NameRU != "" {
			names = append(names, "ru "+p.NameRU)
		}
		if p.NameUK != "" {
			names = append(names, "uk "+p.NameUK)
		}
		if len(names) > 0 {
			ew.printf("  names: %s\n", strings.Join(names, "; "))
		}
		ew.printf("  id %s", p.ID)
		if p.Code != "" {
			ew.printf("  code %s", p.Code)
		}
		ew.printf("  lat %.4f  lon %.4f", p.Lat, p.Lon)
		if p.Population > 0 {
			ew.printf("  population %d", p.Population)
		}
		ew.printf("\n")
		if ans.InRegion != nil && *ans.InRegion {
			ew.printf("  lies in %s (%s), as the text says\n", ans.Region.Name, ans.Region.Code)
		}
	}
	if len(ans.Candidates) > 1 {
		ew.printf("Readings of %q, best first:\n", ans.Name)
		placeList(ew, g, ans.Candidates)
	}
	if len(ans.Suggestions) > 0 {
		in := "the gazetteer"
		if ans.Region != nil {
			in = ans.Region.Name
		}
		ew.printf("Nearest names in %s:\n", in)
		placeList(ew, g, ans.Suggestions)
	}
	return ew.err
}

func placeList(ew *placeWriter, g *gazetteer.Gazetteer, rs []placeReading) {
	for i, r := range rs {
		in := r.Region
		if in == "" {
			in = r.Country
		}
		ew.printf("  %d. %-28s %-10s %-7s %-28s %5.2f\n", i+1, r.Name, r.Kind, in, placeArea(g, r.Place), r.Score)
	}
}

// placeOf is the region's name for a place in one, else its country's.
func placeArea(g *gazetteer.Gazetteer, p domain.Place) string {
	switch {
	case p.Kind == domain.RegionPlace:
		return placeCountryName(g, p.Country)
	case p.Region != "":
		return placeRegionName(g, p.Region)
	}
	return placeCountryName(g, p.Country)
}

// placeWriter keeps the first write error so that printing code stays linear.
type placeWriter struct {
	w   io.Writer
	err error
}

func (e *placeWriter) printf(format string, args ...any) {
	if e.err == nil {
		_, e.err = fmt.Fprintf(e.w, format, args...)
	}
}
