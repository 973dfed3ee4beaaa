package extract

import (
	"fmt"
	"slices"
	"sort"
	"strings"
	"unicode"
	"unicode/utf8"

	"skyledger/internal/domain"
	"skyledger/internal/gazetteer"
	"skyledger/internal/textnum"
)

// suggester is the gazetteer's Suggest, used when the gazetteer has it.
type suggester interface {
	Suggest(region, name string, n int) []gazetteer.Candidate
}

// checkFlags adds the factual-problem flags of a document: places not in the region named next to
// them, regions given to the wrong country, and figures that contradict each other.
func (st *docState) checkFlags(doc domain.Document, rows []*row) {
	// one flag per error: a rewrite that repeats it (in its title and its body, with another
	// apostrophe) gets one flag with both spans as evidence; the same correction is the same error
	seen := map[string]int{}
	add := func(f domain.Flag) {
		k := string(f.Type) + "|" + f.Detail
		if f.Suggestion != "" {
			k = string(f.Type) + "|=" + f.Suggestion
		}
		i, dup := seen[k]
		if !dup {
			seen[k] = len(st.flags)
			st.flags = append(st.flags, f)
			return
		}
		for _, sp := range f.Evidence {
			if !slices.Contains(st.flags[i].Evidence, sp) {
				st.flags[i].Evidence = append(st.flags[i].Evidence, sp)
			}
		}
	}
	// contradictions found while merging come first; dedupe them too
	merged := st.flags
	st.flags = nil
	for _, f := range merged {
		add(f)
	}
	st.wrongCountry(doc, add)
	st.placeNotInRegion(add)
	st.strayTownFlags(add)
	st.breakdownSums(add)
	st.damageDenied(add)
	st.titleCount(doc.Title, add)
	st.officialWrongRegion(add)
}

// countryAfter: country p names the country of region q right after it: a capitalised noun
// ("Курской областью Украины", "the Kursk region of Ukraine"), not the adjective of what follows
// ("Смоленской областью уничтожен украинский беспилотник").
func countryAfter(text string, q, p placeRef) bool {
	if p.adjective || p.start < q.end {
		return false
	}
	if gap := strings.TrimSpace(text[q.end:p.start]); gap != "" && gap != "of" {
		return false
	}
	r, _ := utf8.DecodeRuneInString(p.text)
	return unicode.IsUpper(r)
}

// officialWrongRegion: a head of a region given another region's title ("Governor of Kursk
// Oblast Vyacheslav Gladkov", "Gladkov, governor of the Kursk region"): the text got the region or
// the official wrong. The rows keep the region the text names.
func (st *docState) officialWrongRegion(add func(domain.Flag)) {
	for i := range st.offs {
		off := &st.offs[i]
		if off.o.Role != string(domain.Governor) {
			continue
		}
		// the places near the surname only (places are in text order): a 10 MB report names
		// thousands of officials and places
		from := sort.Search(len(st.places), func(k int) bool { return st.places[k].t1 >= off.t-3 })
		for j := from; j < len(st.places) && st.places[j].t0 <= off.t+5; j++ {
			q := &st.places[j]
			if q.region == "" || q.region == off.o.Region || q.adjective {
				continue
			}
			if q.kind != domain.RegionPlace && !(q.kind == domain.SettlementPlace && q.namesItsRegion() && st.titleRightAfter(q)) {
				continue // a city is the region only as "Bryansk Governor …"
			}
			if q.kind == domain.SettlementPlace && cityInRegion[off.o.Region] == q.region {
				continue // "Moscow Governor Andrei Vorobyov", "Leningrad Governor": the city his oblast surrounds
			}
			var lo, hi int // the tokens between the region and the surname
			var gap string
			// "Oleh Syniehubov, the head of the Dnipropetrovsk Regional Military Administration": an
			// apposition after the surname may reach one word further, its title after the region
			apposition := q.t0 > off.t && strings.HasPrefix(strings.TrimSpace(st.text[off.end:q.start]), ",")
			switch {
			case q.t1 <= off.t && off.t-q.t1 <= 3:
				lo, hi, gap = q.t1, off.t, st.text[q.end:off.start]
			case q.t0 > off.t && (q.t0-off.t <= 4 || apposition && q.t0-off.t <= 5):
				lo, hi, gap = off.t+1, q.t0, st.text[off.end:q.start]
			default:
				continue
			}
			if strings.ContainsAny(gap, ".;()") || strings.Count(gap, ",") > 1 {
				continue
			}
			// a governor's title ties them: its word between them, or right before the region
			title := false
			for _, h := range st.hitsIn(lo-4, max(hi, q.t1+1)) {
				if h.p.cat == catRepGovernor && (h.t0 >= lo && h.t1 <= hi || h.t1 <= q.t0 && q.t0-h.t1 <= 1 || apposition && h.t0 == q.t1) {
					title = true
				}
			}
			if !title {
				continue
			}
			own := st.x.regionName(off.o.Region)
			add(domain.Flag{
				Type: domain.PlaceNotInRegion,
				Detail: fmt.Sprintf("The text makes %s the head of %s, but %s heads %s.",
					off.o.Name, st.x.regionName(q.region), off.o.Name, own),
				Suggestion: own,
				Evidence: []domain.Span{
					{Field: "region", Start: q.start, End: q.end, Text: q.text, Rule: "official-wrong-region"},
					{Field: "reporter", Start: off.start, End: off.end, Text: st.text[off.start:off.end], Rule: ruleOfficial},
				},
			})
			break
		}
	}
}

// titleRightAfter: a governor's title follows place q after one space ("Bryansk Governor").
func (st *docState) titleRightAfter(q *placeRef) bool {
	for _, h := range st.hitsIn(q.t1, q.t1+1) {
		if h.p.cat == catRepGovernor && h.t0 == q.t1 && h.start == q.end+1 && st.text[q.end] == ' ' {
			return true
		}
	}
	return false
}

// titleCount: a title that states a figure of downed drones the text never gives ("45 drones
// downed" over a text that says 54), as rewrites do when they swap two nights' figures. Only a
// figure found nowhere in the text counts: a title may quote any figure the text gives.
func (st *docState) titleCount(title string, add func(domain.Flag)) {
	if title == "" || !st.titleDrone {
		return
	}
	toks, tps := st.title(title)
	// a title naming two regions or more may give their sum ("20 drones downed over Bryansk and
	// Kursk regions" over 12 and 8): which figure it means is not for the title to say
	// (a sea counts as one: "Над Чёрным морем и Кубанью сбиты 16 БПЛА" over 12 and 4)
	var regs []string
	for i := range tps {
		if p := &tps[i]; p.kind == domain.RegionPlace && p.region != "" && !slices.Contains(regs, p.region) {
			regs = append(regs, p.region)
		} else if p.kind == domain.WaterPlace && !slices.Contains(regs, "sea:"+p.name) {
			regs = append(regs, "sea:"+p.name)
		}
	}
	if len(regs) > 1 {
		return
	}
	if !st.titleTellsDowning() {
		return
	}
	var fig *textnum.Number
	for _, n := range st.titleDroneFigures(title, toks) {
		if n.Hedged {
			continue
		}
		if fig != nil {
			if ofLaunched(title[fig.End:n.Start]) {
				continue // "45 із 60 дронів", "45 of 60 drones": the second is the launched figure
			}
			return // two figures: which is which is not for a title to say
		}
		fig = &n
	}
	if fig == nil {
		return
	}
	for si := range st.sNums {
		for _, n := range st.sNums[si] {
			if n.value == fig.Value {
				return
			}
		}
	}
	// the text's figure for the same region (the title's, or the national tally)
	var r *row
	for _, c := range st.rows {
		if c.inc.Kind != domain.Intercept || c.inc.Count == nil || c.window || string(c.inc.Region) != st.titleReg {
			continue
		}
		if r == nil || c.total && !r.total {
			r = c
		}
	}
	if r == nil || *r.inc.Count == fig.Value {
		return
	}
	where := "in total"
	if r.inc.Region != "" {
		where = "over " + st.x.regionName(string(r.inc.Region))
	}
	add(domain.Flag{
		Type:     domain.InternalContradiction,
		Detail:   fmt.Sprintf("The title says %d drones were downed, but the text gives %d %s.", fig.Value, *r.inc.Count, where),
		Evidence: append([]domain.Span{{Field: "title.count", Start: fig.Start, End: fig.End, Text: fig.Text, Rule: "title-count"}}, countSpans(r)...),
	})
}

// titleTellsDowning: the title (read by st.title) tells of drones downed, not of drones
// launched, of a recalled incident, of history or of what may come.
func (st *docState) titleTellsDowning() bool {
	intercept := false
	for _, h := range st.titleHits {
		switch h.p.cat {
		case catIntercept:
			intercept = true
		case catLaunched, catRecap, catHistory, catModal:
			return false
		}
	}
	return intercept
}

// titleDroneFigures: the figures of the title that a drone noun follows within two words (not
// model numbers or ordinals), in order; toks are the title's tokens.
func (st *docState) titleDroneFigures(title string, toks []token) []textnum.Number {
	var out []textnum.Number
	for _, n := range textnum.Scan(title) {
		if n.Attached || n.Ordinal {
			continue
		}
		t1 := tokenAt(toks, n.End-1) + 1
		for _, h := range st.titleHits {
			if h.p.cat == catDrone && h.t0 >= t1 && h.t0-t1 <= 2 {
				out = append(out, n)
				break
			}
		}
	}
	return out
}

// ofLaunched: the words between two figures of a title make the second the whole the first is
// part of ("45 із 60", "45 из 60", "45 of 60", "45 out of 60").
func ofLaunched(gap string) bool {
	switch strings.ToLower(strings.TrimSpace(gap)) {
	case "із", "з", "из", "of", "out of":
		return true
	}
	return false
}

func (x *Extractor) regionName(code string) string {
	if p, ok := x.g.Region(code); ok && p.Name != "" {
		return p.Name
	}
	return code
}

func countryName(code string) string {
	switch code {
	case "RU":
		return "Russia"
	case "UA":
		return "Ukraine"
	case "BY":
		return "Belarus"
	case "KZ":
		return "Kazakhstan"
	}
	return code
}

// wrongCountry: "Ukraine's Kaluga Region", "Ukrainian Kursk region", and Belgorod's governor
// called governor of a "Belarusian" region.
func (st *docState) wrongCountry(doc domain.Document, add func(domain.Flag)) {
	check := func(text string, toks []token, ps []placeRef, field string) {
		for i, p := range ps {
			if p.kind != domain.CountryPlace {
				continue
			}
			var q placeRef
			switch {
			case i+1 < len(ps) && ps[i+1].kind == domain.RegionPlace && ps[i+1].t0-p.t1 <= 1:
				q = ps[i+1] // "Ukraine's Kaluga Region", "украинской Курской области"
			case i > 0 && ps[i-1].kind == domain.RegionPlace && countryAfter(text, ps[i-1], p):
				q = ps[i-1] // "the Kursk region of Ukraine", "Курской областью Украины"
			default:
				continue
			}
			rc := regionCountry(q.region)
			if rc == "" || rc == p.country || q.region == "UA-43" || q.region == "UA-40" || p.country == "RU" && occupied(q.region) {
				continue
			}
			add(domain.Flag{
				Type: domain.RegionWrongCountry,
				Detail: fmt.Sprintf("%q puts %s in %s; %s is in %s.", text[min(p.start, q.start):max(p.end, q.end)], st.x.regionName(q.region),
					countryName(p.country), st.x.regionName(q.region), countryName(rc)),
				Suggestion: st.x.regionName(q.region) + ", " + countryName(rc),
				Evidence: []domain.Span{{Field: field + "region", Start: min(p.start, q.start), End: max(p.end, q.end),
					Text: text[min(p.start, q.start):max(p.end, q.end)], Rule: "region-wrong-country"}},
			})
		}
	}
	check(st.text, st.toks, st.places, "")
	if doc.Title != "" {
		tt, tps := st.title(doc.Title)
		check(doc.Title, tt, tps, "title.")
	}
	// "governor of the Belaruska region" about a Russian governor
	var bel []hit
	for _, h := range st.hits {
		if h.p.cat == catBelarus {
			bel = append(bel, h)
		}
	}
	if len(bel) == 0 {
		return
	}
	var gov *officialHit
	for i := range st.offs {
		if regionCountry(st.offs[i].o.Region) == "RU" {
			gov = &st.offs[i]
			break
		}
	}
	if gov == nil {
		return
	}
	for _, h := range bel {
		// the Belarus word names the governor's region: a region word or a governor's title right
		// after it ("Belarusian Oblast", "Белорусской области", "Belarusian governor"), or a governor's
		// title just before it ("governor of Belarus"); not "borders Belarus and Ukraine, Governor …"
		// or "the Belarusian border region"
		near := false
		for _, r := range st.hitsIn(h.t0-3, h.t1+1) {
			if r.p.cat != catRegionWord && r.p.cat != catRepGovernor {
				continue
			}
			after := r.t0 == h.t1 && strings.TrimSpace(st.text[h.end:r.start]) == ""
			before := r.p.cat == catRepGovernor && r.t1 <= h.t0 && h.t0-r.t1 <= 2 && !strings.ContainsAny(st.text[r.end:h.start], ",.;:()—-")
			if after || before {
				near = true
			}
		}
		if !near {
			continue
		}
		reg := st.x.regionName(gov.o.Region)
		add(domain.Flag{
			Type: domain.RegionWrongCountry,
			Detail: fmt.Sprintf("The text calls %s's region %q, but %s governs %s in Russia (confused with Belarus).",
				gov.o.Name, st.text[h.start:h.end], gov.o.Name, reg),
			Suggestion: reg,
			Evidence: []domain.Span{
				{Field: "region", Start: h.start, End: h.end, Text: st.text[h.start:h.end], Rule: "region-wrong-country"},
				{Field: "reporter", Start: gov.start, End: gov.end, Text: st.text[gov.start:gov.end], Rule: ruleOfficial},
			},
		})
		return
	}
}

// occupied: the Ukrainian regions Russia claims beside Crimea and Sevastopol. Russian sources and
// the occupation heads call them Russia's ("Russia-controlled Zaporizhzhia region"): a framing, not
// a rewrite's error, so the wrong-country check leaves them alone.
func occupied(region string) bool {
	switch region {
	case "UA-14", "UA-09", "UA-23", "UA-65":
		return true
	}
	return false
}

// placeNotInRegion: a district named in a sentence with a region it does not lie in ("the
// Dzhezkazgan district within Russia's Kaluga region"), and units that do not exist ("Sevastopol
// Oblast").
func (st *docState) placeNotInRegion(add func(domain.Flag)) {
	for _, h := range st.hits {
		if h.p.cat != catBadUnit {
			continue
		}
		add(domain.Flag{
			Type:       domain.PlaceNotInRegion,
			Detail:     fmt.Sprintf("%q names a unit that does not exist: %s is a city with the status of a region, not an oblast.", st.text[h.start:h.end], h.p.tag),
			Suggestion: h.p.tag,
			Evidence:   []domain.Span{{Field: "region", Start: h.start, End: h.end, Text: st.text[h.start:h.end], Rule: "bad-unit"}},
		})
	}
	var lastReg []*placeRef // regions of the last sentence that named one
	lastRegSent := -10
	for si := range st.sents {
		var regs []*placeRef
		for i := range st.sPlaces[si] {
			if p := &st.sPlaces[si][i]; p.kind == domain.RegionPlace && p.region != "" {
				regs = append(regs, p)
			}
		}
		if len(regs) > 0 {
			lastReg, lastRegSent = st.storyRegions(si, regs), si
		} else if si-lastRegSent <= 2 && len(lastReg) == 1 {
			// "…атаки по Курской области… Удар по автомобилю в районе села Борисполье Ракитянского
			// района": the district is told as part of the region the story just named
			regs = lastReg
		}
		if len(regs) == 0 {
			continue
		}
		for i := range st.sPlaces[si] {
			p := &st.sPlaces[si][i]
			if p.generic != domain.DistrictPlace || p.kind == domain.RegionPlace {
				continue
			}
			foreign := p.country != "" && p.country != "RU" && p.country != "UA"
			// a town told as a district ("the Graivoron district", "Грайворонском округе") is checked
			// only against a region written right next to it
			// (a town of 5,000 or more: a fifth of the gazetteer's Russian districts lack their Russian
			// name, so a village namesake elsewhere proves nothing)
			town := p.kind == domain.SettlementPlace && !foreign && p.region != "" && p.place.Population >= 5000 && !villageWord(p.text) &&
				len(adjacentRegions(regs, p)) > 0
			if p.kind != domain.DistrictPlace && !foreign && !town {
				continue
			}
			// a region right next to the district ("Броварському районі Харківської області", "the X
			// District of Y Oblast") is the one the text puts it in; another region of the sentence
			// (the speaker's "head of the Kyiv OVA") does not excuse it
			claimed := regs
			if adj := adjacentRegions(regs, p); len(adj) > 0 {
				claimed = adj
			} else if st.personFrom(si, p) {
				continue // "Житель Суджанского района погиб … в Белгородской области": where they live
			}
			ok := false
			for _, r := range claimed {
				if p.region == r.region || st.x.g.Contains(r.region, p.place) {
					ok = true
				}
				for k := range p.alts {
					if a := &p.alts[k]; (a.Kind == domain.DistrictPlace || town) && (a.Region == r.region || st.x.g.Contains(r.region, *a)) {
						ok = true
					}
				}
			}
			for k := range st.sPlaces[si] {
				if q := &st.sPlaces[si][k]; q.kind == domain.SettlementPlace && p.region != "" && q.region == p.region && q.start != p.start {
					ok = true // "в Красносельском районе Петербурга": the city named with it holds it
				}
			}
			if ok {
				continue
			}
			// the region nearest to the district
			r := claimed[0]
			for _, q := range claimed {
				if abs(q.t0-p.t0) < abs(r.t0-p.t0) {
					r = q
				}
			}
			name := p.text
			what := fmt.Sprintf("%s lies in %s", p.name, st.x.regionName(p.region))
			if foreign {
				what = fmt.Sprintf("%s is a city in %s", p.name, countryName(p.country))
			}
			detail := fmt.Sprintf("No %q in %s (%s)", name, st.x.regionName(r.region), what)
			sugg := ""
			switch {
			case !foreign && (p.kind == domain.DistrictPlace || town) && p.region != "":
				// the district exists, in another region: the region is what the text got wrong
				sugg = p.name + ", " + st.x.regionName(p.region)
				detail += "."
			default:
				if s, ok := st.suggestion(r.region, p.text); ok { // what the text wrote, not the foreign town it matched
					sugg = s
					detail += "; did you mean " + sugg + "?"
				} else {
					detail += "."
				}
			}
			add(domain.Flag{
				Type:       domain.PlaceNotInRegion,
				Detail:     detail,
				Suggestion: sugg,
				Evidence: []domain.Span{
					{Field: "place", Start: p.start, End: p.end, Text: p.text, Rule: "place-not-in-region"},
					{Field: "region", Start: r.start, End: r.end, Text: r.text, Rule: "place-not-in-region"},
				},
			})
		}
	}
}

// storyRegions: the regions of sentence si that the next sentences may be about: not a region that
// only qualifies a district next to it ("глава поселения Суджанского района Курской области", "the
// Sudzhansky district of Kursk region"), which says where the district is, not where the story is.
func (st *docState) storyRegions(si int, regs []*placeRef) []*placeRef {
	qualifies := func(r *placeRef) bool {
		for i := range st.sPlaces[si] {
			p := &st.sPlaces[si][i]
			if p.generic == domain.DistrictPlace && p.kind != domain.RegionPlace &&
				(r.t0 >= p.t1 && r.t0-p.t1 <= 2 || r.t1 <= p.t0 && p.t0-r.t1 <= 2) {
				return true
			}
		}
		return false
	}
	if !slices.ContainsFunc(regs, qualifies) {
		return regs // most sentences: no copy
	}
	var out []*placeRef
	for _, r := range regs {
		if !qualifies(r) {
			out = append(out, r)
		}
	}
	return out
}

// personFrom: a person noun right before district p ("житель Суджанского района", "a resident of
// the Glushkovsky district", "мешканця Шосткинського району") tells where someone lives, not where
// the drone struck: another region of the sentence is no claim about the district.
func (st *docState) personFrom(si int, p *placeRef) bool {
	for _, h := range st.sHits[si] {
		if h.p.cat == catPerson && h.t1 <= p.t0 && p.t0-h.t1 <= 2 {
			return true
		}
	}
	return false
}

// strayTownFlags: a town of another region told as a district of the region written next to it
// ("the Graivoron district of the Kursk region", "в Темрюкском районе Ростовской области"). Such a
// town was dropped from the places (its region is never named), so it is checked here: a town of
// 5,000 or more, no reading of the name in that region, and no district of that region whose name
// begins like the town's (the gazetteer lacks the Russian names of some districts: "Krasnogorsk
// district" of Bryansk Oblast is its Krasnogorsky District).
func (st *docState) strayTownFlags(add func(domain.Flag)) {
	for i := range st.strayTowns {
		p := &st.strayTowns[i]
		town := p.kind == domain.SettlementPlace
		if town && (p.place.Population < 5000 || villageWord(p.text)) || !town && p.kind != domain.DistrictPlace ||
			p.country != "RU" && p.country != "UA" || !writtenAsTown(p) {
			continue
		}
		si := sort.Search(len(st.sents), func(k int) bool { return st.sents[k].end > p.start })
		if si >= len(st.sents) {
			continue
		}
		var regs []*placeRef
		for k := range st.sPlaces[si] {
			if q := &st.sPlaces[si][k]; q.kind == domain.RegionPlace && q.region != "" {
				regs = append(regs, q)
			}
		}
		adj := adjacentRegions(regs, p)
		if len(adj) != 1 || adj[0].region == p.region {
			continue
		}
		r := adj[0]
		ok := false
		for k := range p.alts {
			if a := &p.alts[k]; a.Region == r.region || st.x.g.Contains(r.region, *a) {
				ok = true
			}
		}
		if s, found := st.suggestion(r.region, p.text); found && sameStem(s, p.name) {
			ok = true
		}
		if ok {
			continue
		}
		add(domain.Flag{
			Type:       domain.PlaceNotInRegion,
			Detail:     fmt.Sprintf("No %q in %s (%s lies in %s).", p.text, st.x.regionName(r.region), p.name, st.x.regionName(p.region)),
			Suggestion: p.name + ", " + st.x.regionName(p.region),
			Evidence: []domain.Span{
				{Field: "place", Start: p.start, End: p.end, Text: p.text, Rule: "place-not-in-region"},
				{Field: "region", Start: r.start, End: r.end, Text: r.text, Rule: "place-not-in-region"},
			},
		})
	}
}

// writtenAsTown: the text writes the town's own name (its first three letters in one of its
// languages), not an old name or an alias it was found by ("Свердловском районе" is no
// Yekaterinburg).
func writtenAsTown(p *placeRef) bool {
	w := strings.ToLower(strings.Fields(p.text + " ")[0])
	for _, n := range []string{p.place.Name, p.place.NameRU, p.place.NameUK} {
		n = strings.ToLower(n)
		if len([]rune(n)) >= 3 && len([]rune(w)) >= 3 && string([]rune(n)[:3]) == string([]rune(w)[:3]) {
			return true
		}
	}
	return false
}

// sameStem: a district name begins like a town's ("Krasnogorsky District", "Krasnogorsk"): all
// but the town's last two letters.
func sameStem(district, town string) bool {
	d, t := strings.ToLower(district), strings.ToLower(town)
	n := max(4, len(t)-2)
	return len(t) >= 4 && len(d) >= n && d[:n] == t[:min(n, len(t))]
}

// adjacentRegions: the regions of regs at most two words before or after place p.
func adjacentRegions(regs []*placeRef, p *placeRef) []*placeRef {
	var adj []*placeRef
	for _, r := range regs {
		if (r.t0 >= p.t1 && r.t0-p.t1 <= 2) || (r.t1 <= p.t0 && p.t0-r.t1 <= 2) {
			adj = append(adj, r)
		}
	}
	return adj
}

func abs(a int) int {
	if a < 0 {
		return -a
	}
	return a
}

// breakdownSums: a national total whose regional breakdown (three regions or more, read from
// the same or the next sentences) adds up to something else.
func (st *docState) breakdownSums(add func(domain.Flag)) {
	for _, t := range st.rows {
		if !t.total || t.inc.Count == nil || t.inc.Region != "" {
			continue
		}
		per := map[string]int{}
		var order []string
		incomplete := false
		for _, r := range st.rowsIn(t.sent, t.sent+2) {
			if r == t || r.total || r.sent < t.sent || r.sent > t.sent+2 || r.inc.Kind != domain.Intercept || r.inc.Date != t.inc.Date {
				continue
			}
			if !isBreakdownRow(r) {
				continue
			}
			if r.inc.Count == nil {
				incomplete = true // "… and the rest over the Tula region": a region without its figure
				continue
			}
			k := string(r.inc.Region) + "|" + string(r.inc.Place)
			if _, ok := per[k]; !ok {
				order = append(order, k)
			}
			if *r.inc.Count > per[k] {
				per[k] = *r.inc.Count
			}
		}
		if len(per) < 3 || incomplete || st.partialList(t.sent, t.sent+2) {
			continue
		}
		sum, land := 0, 0 // land: without the seas, which a total may leave out ("and eight more over the sea")
		for k, v := range per {
			sum += v
			if !strings.HasPrefix(k, "|") {
				land += v
			}
		}
		if sum == *t.inc.Count || land == *t.inc.Count || st.statedAfter(t, sum) {
			continue
		}
		sort.Strings(order)
		add(domain.Flag{
			Type:     domain.InternalContradiction,
			Detail:   fmt.Sprintf("The stated total is %d drones, but the regional breakdown (%d places) adds up to %d.", *t.inc.Count, len(per), sum),
			Evidence: countSpans(t),
		})
	}
}

// statedAfter: the breakdown's sum is a figure the text states after total t, in the next two
// sentences ("За ночь … 45 … С 20:00 до 23:00 … 12 беспилотников: пять …, четыре …, три …"): the
// breakdown is of that figure, not of t.
func (st *docState) statedAfter(t *row, sum int) bool {
	after := -1
	for _, e := range countSpans(t) {
		after = e.End
	}
	for si := t.sent; si <= t.sent+2 && si < len(st.sNums); si++ {
		for _, n := range st.sNums[si] {
			if n.value == sum && !n.hedged && n.start >= after {
				return true
			}
		}
	}
	return false
}

// partialList: sentences from..to say their list of places is not all of it ("including 64 over
// the Bryansk region", "в том числе"), so its sum may fall short of the total.
func (st *docState) partialList(from, to int) bool {
	for si := from; si <= to && si < len(st.sents); si++ {
		for _, h := range st.sHits[si] {
			if h.p.cat == catPartial {
				return true
			}
		}
	}
	return false
}

func isBreakdownRow(r *row) bool {
	for _, e := range r.inc.Evidence {
		// a sea's figure is part of the tally too ("Eight more drones were destroyed over the Black
		// Sea" after three regions' figures)
		if e.Rule == ruleBreakdown || e.Rule == ruleSea && r.inc.Region == "" && r.inc.Country == "" {
			return true
		}
	}
	return false
}

// damageDenied: "no damage" said of a region after the text reported drone damage there.
func (st *docState) damageDenied(add func(domain.Flag)) {
	for si := range st.sents {
		var neg *hit
		for _, h := range st.sHits[si] {
			if h.p.cat == catNoDamage && h.p.tag == "neg" {
				hh := h
				neg = &hh
				break
			}
		}
		if neg == nil || st.partialDenial(neg) {
			continue
		}
		// the regions the denial's sentence names: "В Брянской области … разрушений нет" after damage
		// in Kursk Oblast denies nothing of Kursk's
		var denied []string
		for _, p := range st.sPlaces[si] {
			if p.kind != domain.CountryPlace && p.region != "" && !p.adjective {
				denied = append(denied, p.region)
			}
		}
		for _, r := range st.rowsIn(si-4, si-1) {
			if r.sent >= si || r.sent < si-4 || (r.inc.Kind != domain.Impact && r.inc.Kind != domain.Debris) {
				continue
			}
			if len(denied) > 0 && !slices.Contains(denied, string(r.inc.Region)) {
				continue
			}
			// the row's own sentence reported damage
			damaged := false
			for _, h := range st.sHits[r.sent] {
				if h.p.cat == catDamage {
					damaged = true
				}
			}
			for k := r.sent + 1; k < si && !damaged; k++ {
				for _, h := range st.sHits[k] {
					if h.p.cat == catDamage {
						damaged = true
					}
				}
			}
			if !damaged {
				continue
			}
			// quote the whole denial: "no casualties or damage", not "or damage"
			start, end := neg.start, neg.end
			for _, h := range st.sHits[si] {
				if h.p.cat == catNoCas && h.t0 < neg.t0 && h.t1 >= neg.t0 {
					start, end = h.start, max(end, h.end)
				}
			}
			quote := st.text[start:end]
			add(domain.Flag{
				Type:     domain.InternalContradiction,
				Detail:   fmt.Sprintf("The text reports drone damage in %s, then says %q.", st.x.regionName(string(r.inc.Region)), quote),
				Evidence: []domain.Span{{Field: "damage", Start: start, End: end, Text: quote, Rule: "damage-denied"}},
			})
			return
		}
	}
}

// partialDenial: the denial leaves the reported damage standing: "других разрушений нет", "інших
// руйнувань немає", "no other damage", "серьёзных разрушений нет", "no damage to the power grid".
func (st *docState) partialDenial(neg *hit) bool {
	if neg.t0 > 0 {
		w := st.toks[neg.t0-1].s
		for _, stem := range []string{"друг", "ины", "иных", "серьезн", "значительн", "существенн", "інш", "серйозн", "значн", "суттєв", "other", "serious", "major", "significant", "further", "additional"} {
			if strings.HasPrefix(w, stem) {
				return true
			}
		}
	}
	for k := neg.t0; k < neg.t1+1 && k < len(st.toks); k++ {
		switch st.toks[k].s {
		case "other", "serious", "major", "significant":
			return true // "no other damage", "no serious damage"
		}
	}
	return neg.t1 < len(st.toks) && st.toks[neg.t1].s == "to" // "no damage to the power grid"
}
