package when

import (
	"strings"
	"time"
	"unicode"
)

type scanner struct {
	text   string
	toks   []tok
	pub    time.Time
	hasPub bool
	out    []Mention
}

// Token tests. All are false past the end.

func (s *scanner) w(i int, c cls) bool {
	return i < len(s.toks) && s.toks[i].typ == tWord && s.toks[i].c&c != 0
}

func (s *scanner) p(i int, ch byte) bool {
	return i < len(s.toks) && s.toks[i].typ == tPunct && s.toks[i].r == ch
}

// tight: punctuation ch at i with no space on either side.
func (s *scanner) tight(i int, ch byte) bool {
	return s.p(i, ch) && !s.toks[i].sp && i+1 < len(s.toks) && !s.toks[i+1].sp
}

func (s *scanner) num(i, minD, maxD int) bool {
	return i < len(s.toks) && s.toks[i].typ == tNum && s.toks[i].nd >= minD && s.toks[i].nd <= maxD
}

func (s *scanner) isDay(i int) bool {
	return s.num(i, 1, 2) && s.toks[i].v >= 1 && s.toks[i].v <= 31
}

func (s *scanner) isYear(i int) bool {
	return s.num(i, 4, 4) && !s.toks[i].suf && s.toks[i].v >= 1900 && s.toks[i].v <= 2100
}

func (s *scanner) ascii(i int) bool { return i < len(s.toks) && s.text[s.toks[i].s] < 0x80 }

func (s *scanner) lang(i int) string {
	if i < len(s.toks) {
		switch s.toks[i].lang {
		case 'r':
			return "ru"
		case 'u':
			return "uk"
		case 'e':
			return "en"
		}
		if s.ascii(i) {
			return "en"
		}
	}
	return "ru"
}

// dparts is a calendar date as the text gives it.
type dparts struct {
	y, m, d  int
	first    int // first day of a range ("26-27 августа"): 26; 0 when not a range
	firstEnd int // token index after the first day of a range (for DMY ranges)
	lang     string
	form     string // "iso", "numeric", "dmy", "mdy"
}

// yearAfter consumes an optional year (with its year word) at j.
func (s *scanner) yearAfter(j int, comma bool) (int, int) {
	k := j
	if comma && s.p(k, ',') && s.isYear(k+1) {
		k++
	}
	if !s.isYear(k) {
		return 0, j
	}
	y := s.toks[k].v
	k++
	if s.w(k, cYearW) {
		k++
		if s.p(k, '.') && !s.toks[k].sp && s.toks[k-1].e-s.toks[k-1].s <= 2 { // "г.", "р."
			k++
		}
	}
	return y, k
}

// date reads a calendar date at i. short allows a bare "27.08" (only in a date context).
func (s *scanner) date(i int, short bool) (dparts, int, bool) {
	if i >= len(s.toks) {
		return dparts{}, i, false
	}
	t := s.toks[i]
	// Glued to a preceding number or punctuation ("1.27.08", "5:27"): not a date start.
	if i > 0 && !t.sp {
		if pr := s.toks[i-1]; pr.typ == tNum || (pr.typ == tPunct && (pr.r == '.' || pr.r == ':' || pr.r == '/' || pr.r == ',')) {
			return dparts{}, i, false
		}
	}
	if t.typ == tNum && !t.suf {
		// 2025-08-27
		if t.nd == 4 && s.tight(i+1, '-') && s.num(i+2, 1, 2) && s.tight(i+3, '-') && s.num(i+4, 1, 2) && !s.toks[i+4].suf {
			d := dparts{y: t.v, m: s.toks[i+2].v, d: s.toks[i+4].v, form: "iso"}
			if valid(d.y, d.m, d.d) && !s.tight(i+5, '-') && !(s.p(i+5, '.') && s.num(i+6, 1, 9) && !s.toks[i+5].sp) {
				return d, i + 5, true
			}
			return dparts{}, i, false
		}
		// 27.08.2025, 27.08.25, 27/08/2025, 27.08
		if t.nd <= 2 && (s.tight(i+1, '.') || s.tight(i+1, '/')) && s.num(i+2, 1, 2) && !s.toks[i+2].suf {
			sep := s.toks[i+1].r
			d := dparts{d: t.v, m: s.toks[i+2].v, form: "numeric"}
			j := i + 3
			if s.tight(j, sep) && j+1 < len(s.toks) && s.toks[j+1].typ == tNum && !s.toks[j+1].suf {
				switch s.toks[j+1].nd {
				case 4:
					d.y = s.toks[j+1].v
				case 2:
					d.y = 2000 + s.toks[j+1].v
				default:
					return dparts{}, i, false
				}
				j += 2
				if s.tight(j, sep) && s.num(j+1, 1, 9) { // a fourth part: a version or an id
					return dparts{}, i, false
				}
				if s.p(j, '.') && !s.toks[j].sp && s.num(j+1, 1, 9) && !s.toks[j+1].sp {
					return dparts{}, i, false
				}
				if sep == '/' && d.m > 12 && d.d <= 12 { // 08/27/2025: American order
					d.d, d.m = d.m, d.d
				}
			} else {
				if !short || s.toks[i+2].nd != 2 || (s.p(j, '.') && s.num(j+1, 1, 9) && !s.toks[j].sp) {
					return dparts{}, i, false
				}
				if s.p(j, '.') && !s.toks[j].sp && j+1 < len(s.toks) && s.toks[j+1].typ == tNum {
					return dparts{}, i, false
				}
			}
			if !valid(d.y, d.m, d.d) {
				return dparts{}, i, false
			}
			return d, j, true
		}
	}
	// 27 августа [2025 года], 26-27 августа, 26 и 27 августа, 27th of August
	if s.isDay(i) {
		j := i + 1
		d := dparts{d: t.v, form: "dmy"}
		if (s.p(j, '-') || s.p(j, '/') || s.w(j, cAnd|cTo)) && s.isDay(j+1) && s.toks[j+1].v > t.v {
			d.first, d.firstEnd, d.d = t.v, i+1, s.toks[j+1].v
			j += 2
		}
		if s.w(j, cOf) && s.w(j+1, cMonth) && s.ascii(j) {
			j++
		}
		if s.w(j, cMonth) {
			d.m, d.lang = s.toks[j].v, s.lang(j)
			j++
			if s.p(j, '.') && !s.toks[j].sp && s.ascii(j-1) { // "27 Aug."
				j++
			}
			d.y, j = s.yearAfter(j, d.lang == "en")
			if valid(d.y, d.m, d.d) && (d.first == 0 || valid(d.y, d.m, d.first)) {
				return d, j, true
			}
		}
		return dparts{}, i, false
	}
	// August 27, Aug. 27th, August 26-27, August 27, 2025 (English only)
	if s.w(i, cMonth) && s.ascii(i) {
		j := i + 1
		if s.p(j, '.') && !s.toks[j].sp {
			j++
		}
		if !s.isDay(j) {
			return dparts{}, i, false
		}
		d := dparts{m: t.v, d: s.toks[j].v, lang: "en", form: "mdy"}
		j++
		if (s.p(j, '-') || s.w(j, cTo|cAnd) || s.p(j, '/')) && s.isDay(j+1) && s.toks[j+1].v > d.d {
			d.first, d.firstEnd, d.d = d.d, j, s.toks[j+1].v
			j += 2
		}
		// "May 5 drones" is rare next to "May 5"; a day followed by a time-like colon is not a date.
		if s.p(j, ':') && !s.toks[j].sp {
			return dparts{}, i, false
		}
		d.y, j = s.yearAfter(j, true)
		if valid(d.y, d.m, d.d) && (d.first == 0 || valid(d.y, d.m, d.first)) {
			return d, j, true
		}
	}
	return dparts{}, i, false
}

func daysIn(y, m int) int {
	switch m {
	case 4, 6, 9, 11:
		return 30
	case 2:
		if y == 0 || (y%4 == 0 && (y%100 != 0 || y%400 == 0)) {
			return 29
		}
		return 28
	}
	return 31
}

func valid(y, m, d int) bool {
	return m >= 1 && m <= 12 && d >= 1 && d <= daysIn(y, m) && (y == 0 || (y >= 1900 && y <= 2100))
}

// resolve gives the date of d/m and year y; without a year it picks the latest year that puts the
// date no later than two days after the published date.
func (s *scanner) resolve(y, m, d int) (time.Time, bool) {
	if y != 0 {
		return time.Date(y, time.Month(m), d, 0, 0, 0, 0, time.UTC), true
	}
	if !s.hasPub {
		return time.Time{}, false
	}
	limit := s.pub.AddDate(0, 0, 2)
	for yy := s.pub.Year() + 1; yy >= s.pub.Year()-4; yy-- { // -4: 29 February
		if !valid(yy, m, d) {
			continue
		}
		if t := time.Date(yy, time.Month(m), d, 0, 0, 0, 0, time.UTC); !t.After(limit) {
			return t, true
		}
	}
	return time.Time{}, false
}

// Years a weekday can pin an undated day to: the war's reports, 2022 on. Six years are short
// enough that a day and month fall on a given weekday at most once.
const firstReportYear, lastReportYear = 2022, 2027

// yearOfWeekday returns the only year of the reporting span in which day d of month m is weekday
// wd, or 0 when there is none or more than one.
func yearOfWeekday(m, d, wd int) int {
	found := 0
	for y := firstReportYear; y <= lastReportYear; y++ {
		if !valid(y, m, d) || int(time.Date(y, time.Month(m), d, 0, 0, 0, 0, time.UTC).Weekday()) != wd {
			continue
		}
		if found != 0 {
			return 0
		}
		found = y
	}
	return found
}

// weekday gives the most recent day wd on or before published (strictly before when strict).
func (s *scanner) weekday(wd int, strict bool) (time.Time, bool) {
	if !s.hasPub {
		return time.Time{}, false
	}
	diff := (int(s.pub.Weekday()) - wd + 7) % 7
	if diff == 0 && strict {
		diff = 7
	}
	return s.pub.AddDate(0, 0, -diff), true
}

type emitArgs struct {
	date  time.Time
	known bool
	night bool
	rule  string
	kind  Kind
	y, d  int
	m     time.Month
}

// emit records the mention of tokens [a, b) and returns b.
func (s *scanner) emit(a, b int, e emitArgs) int {
	m := Mention{
		Start: s.toks[a].s, End: s.toks[b-1].e, Known: e.known, Night: e.night, Rule: e.rule, Kind: e.kind,
		Year: e.y, Month: e.m, Day: e.d,
	}
	if e.known {
		m.Date = e.date
	}
	m.Text = s.text[m.Start:m.End]
	s.out = append(s.out, m)
	return b
}

func (s *scanner) emitDate(a, b int, d dparts, night bool, rule string, kind Kind) int {
	t, ok := s.resolve(d.y, d.m, d.d)
	return s.emit(a, b, emitArgs{date: t, known: ok, night: night, rule: rule, kind: kind, y: d.y, m: time.Month(d.m), d: d.d})
}

func (s *scanner) emitRel(a, b int, days int, night bool, rule string) int {
	var t time.Time
	if s.hasPub {
		t = s.pub.AddDate(0, 0, days)
	}
	return s.emit(a, b, emitArgs{date: t, known: s.hasPub, night: night, rule: rule, kind: Relative})
}

func (s *scanner) emitWeekday(a, b int, wd int, strict, night bool, shift int, rule string) int {
	t, ok := s.weekday(wd, strict)
	if ok {
		t = t.AddDate(0, 0, shift)
	}
	return s.emit(a, b, emitArgs{date: t, known: ok, night: night, rule: rule, kind: Relative})
}

// at tries the rules at token i and returns the index after the match, or i.
func (s *scanner) at(i int) int {
	t := s.toks[i]
	if t.nl {
		if j := s.dateline(i); j > i {
			return j
		}
	}
	// Times are not dates: "20:01", "в 20:01".
	if t.typ == tNum && t.nd <= 2 && s.tight(i+1, ':') && s.num(i+2, 2, 2) {
		return i + 3
	}
	if t.typ == tPunct || t.typ == tWord && t.c == 0 {
		return i // every rule below starts with a number or a word of the vocabulary
	}
	for k, need := range ruleStarts {
		if t.typ == tWord && t.c&need == 0 {
			continue // the rule needs one of these classes at its first word
		}
		if j := s.rule(k, i); j > i {
			return j
		}
	}
	return i
}

// rule tries rule k of ruleStarts at token i (a switch: a slice of method values would be
// built at every token).
func (s *scanner) rule(k, i int) int {
	switch k {
	case 0:
		return s.nightSlavic(i)
	case 1:
		return s.nightEnglish(i)
	case 2:
		return s.nightRelative(i)
	case 3:
		return s.morningWeekday(i)
	case 4:
		return s.weekdayRule(i)
	case 5:
		return s.relativeDay(i)
	case 6:
		return s.daySummary(i)
	case 7:
		return s.absolute(i)
	case 8:
		return s.monthYear(i)
	}
	return s.yearOnly(i)
}

// ruleStarts: for each rule of at, in order, the classes one of which a word must have for
// the rule to start at it (numbers may start any of them).
var ruleStarts = [...]cls{
	cIn | cNight, // nightSlavic
	cOn | cDuring | cThe | cNight | cNightAdv,                             // nightEnglish
	cLast | cThis | cToday | cNightAdv | cFor | cDuring | cIn | cNightAdj, // nightRelative
	cBy | cMorningAdv | cDayPart,                                          // morningWeekday
	cLast | cWeekdayPrep | cThis | cWeekday,                               // weekdayRule
	cThe | cDay | cDBY | cYesterday | cToday | cThis | cMorningAdv,        // relativeDay
	cFor | cDuring | cIn,                                                  // daySummary
	cMonth,                                                                // absolute
	cIn | cSince | cFrom | cOf | cBy | cUntil | cMonth,                    // monthYear
	cIn | cSince | cFrom | cBy | cUntil,                                   // yearOnly
}

// dateline: "MOSCOW, December 22. /TASS/.", "KYIV, Oct 5 (Reuters) -", "МОСКВА, 22 декабря. /ТАСС/.",
// "05:43 28.09.2025" or "28.09.2025 05:43" at the start of a line.
func (s *scanner) dateline(i int) int {
	// Timestamp first.
	if s.num(i, 1, 2) && s.tight(i+1, ':') && s.num(i+2, 2, 2) {
		j := i + 3
		if s.p(j, ',') {
			j++
		}
		if d, k, ok := s.date(j, true); ok {
			return s.emitDate(i, k, d, false, "dateline.time_date", Dateline)
		}
		return i
	}
	if d, k, ok := s.date(i, false); ok && (d.form == "numeric" || d.form == "iso") && d.y != 0 {
		k2 := k
		if s.p(k2, ',') {
			k2++
		}
		if s.num(k2, 1, 2) && s.tight(k2+1, ':') && s.num(k2+2, 2, 2) {
			return s.emitDate(i, k, d, false, "dateline.time_date", Dateline)
		}
		return i
	}
	// City, date.
	j := i
	allCaps := true
	for n := 0; n < 5 && j < len(s.toks) && s.toks[j].typ == tWord; n++ {
		word := s.text[s.toks[j].s:s.toks[j].e]
		first := true
		for _, r := range word {
			if first && !unicode.IsUpper(r) {
				return i
			}
			first = false
			if unicode.IsLower(r) {
				allCaps = false
			}
		}
		j++
		if s.p(j, '-') && j+1 < len(s.toks) && s.toks[j+1].typ == tWord {
			j++
		}
	}
	if j == i || !s.p(j, ',') {
		return i
	}
	d, k, ok := s.date(j+1, false)
	if !ok || (d.form != "dmy" && d.form != "mdy") {
		return i
	}
	if !allCaps && !s.p(k, '(') && !(s.p(k, '.') && s.p(k+1, '/')) && !s.p(k, '/') {
		return i
	}
	return s.emitDate(i, k, d, false, d.lang+".dateline", Dateline)
}

// nightSlavic: "в ночь на 27 августа", "в ночь с 26 на 27 августа", "в ночь на субботу",
// "у ніч на 23 жовтня", "в ніч проти 23 жовтня", "в ніч з 22 на 23 жовтня", "в ночь с пятницы на субботу".
func (s *scanner) nightSlavic(i int) int {
	j := i
	if s.w(j, cIn) && !s.ascii(j) {
		j++
	}
	if !s.w(j, cNight) || s.ascii(j) {
		return i
	}
	lang := s.lang(j)
	j++
	rule := ".night_on"
	if s.w(j, cFrom) {
		k := j + 1
		switch {
		case s.isDay(k):
			k++
			if s.w(k, cMonth) {
				k++
			}
		case s.w(k, cWeekday):
			k++
		default:
			return i
		}
		j, rule = k, ".night_from_to"
	}
	if !s.w(j, cOn|cProti) {
		return i
	}
	j++
	if s.w(j, cWeekday) {
		wd := s.toks[j].v
		k := j + 1
		if s.p(k, ',') {
			k++
		}
		if d, e, ok := s.date(k, true); ok {
			return s.emitDate(i, e, d, true, lang+rule, Absolute)
		}
		return s.emitWeekday(i, j+1, wd, false, true, 0, lang+".night_weekday")
	}
	if d, e, ok := s.date(j, true); ok {
		return s.emitDate(i, e, d, true, lang+rule, Absolute)
	}
	return i
}

// dateOrWeekday reads a date (range end wins) or a weekday at j, optionally followed by
// "into|to" and a later date or weekday ("overnight Saturday into Sunday").
func (s *scanner) dateOrWeekday(j int) (d dparts, wd int, end int, ok bool) {
	wd = -1
	if s.w(j, cWeekday) {
		wd, end, ok = s.toks[j].v, j+1, true
		k := end
		if s.p(k, ',') {
			k++
		}
		if dd, e, ok2 := s.date(k, true); ok2 {
			return dd, -1, e, true
		}
	} else if dd, e, ok2 := s.date(j, true); ok2 {
		d, end, ok = dd, e, true
	} else if s.isDay(j) && s.w(j+1, cInto|cTo) { // "26 to 27 August"
		if dd, e, ok2 := s.date(j+2, true); ok2 && dd.d > s.toks[j].v {
			d, end, ok = dd, e, true
		}
	}
	if !ok {
		return
	}
	if s.w(end, cInto|cTo) {
		if s.w(end+1, cWeekday) {
			return dparts{}, s.toks[end+1].v, end + 2, true
		}
		if dd, e, ok2 := s.date(end+1, true); ok2 {
			return dd, -1, e, true
		}
		if wd < 0 && s.isDay(end+1) && s.toks[end+1].v > d.d && d.form == "mdy" { // "August 26 to 27"
			d.d = s.toks[end+1].v
			return d, -1, end + 2, true
		}
	}
	return
}

// nightEnglish: "on the night of August 27", "during the night of August 27th", "overnight into
// August 27", "the night of August 26-27", "overnight on 26-27 August", "night into Saturday".
func (s *scanner) nightEnglish(i int) int {
	j := i
	if s.w(j, cOn|cDuring) && s.ascii(j) {
		j++
	}
	if s.w(j, cThe) {
		j++
	}
	switch {
	case s.w(j, cNight) && s.ascii(j):
		j++
		if !s.w(j, cOf|cInto|cTo|cFrom) {
			return i
		}
		j++
	case s.w(j, cNightAdv) && s.ascii(j) && j == i: // overnight [on|into|to|of]
		j++
		if s.w(j, cOn|cInto|cTo|cOf) {
			j++
		}
	default:
		return i
	}
	d, wd, end, ok := s.dateOrWeekday(j)
	if !ok {
		return i
	}
	if wd >= 0 {
		return s.emitWeekday(i, end, wd, false, true, 0, "en.night_weekday")
	}
	return s.emitDate(i, end, d, true, "en.night_of", Absolute)
}

// nightRelative: "overnight", "last night", "tonight", "минувшей ночью", "этой ночью", "ночью",
// "минулої ночі", "цієї ночі", "вночі", "за ніч", "в течение ночи", "ночная атака" -> published.
// "ночью 27 августа" and "вночі на суботу"-like tails take the date they name.
func (s *scanner) nightRelative(i int) int {
	j := i
	switch {
	case s.w(j, cBeforeLast) && s.w(j+1, cNightAdv|cNightGen|cNight):
		// "позапрошлой ночью", "позаминулої ночі": the night before last (its words are also
		// cLast, so that this rule starts at them)
		return s.emitRel(i, j+2, -1, true, "relative.night_before_last")
	case s.w(j, cLast|cThis|cToday) && s.w(j+1, cNightAdv|cNightGen|cNight):
		j += 2
	case s.w(j, cNightAdv):
		j++
	case s.w(j, cFor) && s.w(j+1, cLast) && s.w(j+2, cNight) && !s.ascii(j):
		j += 3
	case s.w(j, cFor) && s.w(j+1, cNight) && !s.ascii(j):
		j += 2
	case s.w(j, cDuring) && s.w(j+1, cNightGen) && !s.ascii(j):
		j += 2
	case s.w(j, cIn) && s.w(j+1, cDuring) && s.w(j+2, cNightGen):
		j += 3
	case s.w(j, cDuring) && s.w(j+1, cThe) && s.w(j+2, cNight) && s.ascii(j):
		j += 3
	case s.w(j, cNightAdj) && s.w(j+1, cAttack):
		return s.emitRel(i, j+2, 0, true, "relative.night_attack")
	default:
		return i
	}
	// A date or weekday right after names the night explicitly.
	k := j
	if s.w(k, cIn|cOn|cProti) && !s.ascii(k) {
		k++
	}
	if s.w(k, cWeekday) && !s.ascii(k) {
		return s.emitWeekday(i, k+1, s.toks[k].v, false, true, 0, s.lang(k)+".night_weekday")
	}
	if d, e, ok := s.date(j, false); ok && (d.form == "dmy" || d.form == "mdy") {
		return s.emitDate(i, e, d, true, d.lang+".night_date", Absolute)
	}
	return s.emitRel(i, j, 0, true, "relative.night")
}

// morningWeekday: "к утру субботы", "до ранку суботи", "by Saturday morning" (the night before
// that morning); "утром в субботу", "вранці у суботу" (that day).
func (s *scanner) morningWeekday(i int) int {
	switch {
	case s.w(i, cBy) && s.w(i+1, cMorning) && s.w(i+2, cWeekday):
		return s.emitWeekday(i, i+3, s.toks[i+2].v, false, true, 0, s.lang(i+2)+".by_morning_weekday")
	case s.w(i, cBy) && s.ascii(i) && s.w(i+1, cWeekday) && s.w(i+2, cMorning):
		return s.emitWeekday(i, i+3, s.toks[i+1].v, false, true, 0, "en.by_morning_weekday")
	case s.w(i, cMorningAdv|cDayPart) && !s.ascii(i) && s.w(i+1, cIn) && s.w(i+2, cWeekday):
		return s.emitWeekday(i, i+3, s.toks[i+2].v, false, false, 0, s.lang(i+2)+".daypart_weekday")
	case s.w(i, cMorningAdv|cDayPart) && !s.ascii(i) && s.w(i+1, cWeekday) && s.weekdayGenitive(i+1):
		// "увечері неділі", "вечером воскресенья": that day's evening
		return s.emitWeekday(i, i+2, s.toks[i+1].v, false, false, 0, s.lang(i+1)+".daypart_weekday")
	}
	return i
}

// weekdayGenitive: the weekday at i is in the genitive ("неділі", "воскресенья", "суботи"), the
// form that follows a part of the day.
func (s *scanner) weekdayGenitive(i int) bool {
	w := s.text[s.toks[i].s:s.toks[i].e]
	return strings.HasSuffix(w, "і") || strings.HasSuffix(w, "и") || strings.HasSuffix(w, "ы") ||
		strings.HasSuffix(w, "я") || strings.HasSuffix(w, "а")
}

// weekdayRule: "on Sunday", "в воскресенье", "у неділю", "Sunday evening", "в воскресенье вечером",
// "last Sunday", "в воскресенье, 26 октября" (the date wins), "Saturday night" (reports mean the
// Saturday: "shot down on Thursday night" is dated Thursday by wire editors and annotators alike).
func (s *scanner) weekdayRule(i int) int {
	j := i
	strict := false
	prep := false
	switch {
	case s.w(j, cLast) && s.w(j+1, cWeekday):
		strict, prep = true, true
		j++
	case s.w(j, cWeekdayPrep) && s.w(j+1, cWeekday):
		prep = true
		j++
	case s.w(j, cThis) && s.w(j+1, cWeekday):
		prep = true
		j++
	}
	if !s.w(j, cWeekday) {
		return i
	}
	if !prep && !s.ascii(j) {
		return i // a bare Russian or Ukrainian weekday is too often a name or a subject
	}
	wd := s.toks[j].v
	lang := s.lang(j)
	k := j + 1
	if s.p(k, ',') {
		k++
	}
	if d, e, ok := s.date(k, true); ok {
		if d.y == 0 && !s.hasPub {
			d.y = yearOfWeekday(d.m, d.d, wd) // "Sunday, 24 August" with no publication date
		}
		return s.emitDate(i, e, d, false, lang+".weekday_date", Absolute)
	}
	k = j + 1
	switch {
	case s.w(k, cNight) && s.ascii(k): // "Saturday night": dated Saturday
		return s.emitWeekday(i, k+1, wd, strict, true, 0, "en.weekday_night")
	case s.w(k, cNightAdv) && !s.ascii(k): // "в субботу ночью"
		return s.emitWeekday(i, k+1, wd, strict, true, 0, lang+".weekday_night")
	case s.w(k, cDayPart):
		k++
	}
	return s.emitWeekday(i, k, wd, strict, false, 0, "relative.weekday")
}

// relativeDay: today, yesterday (evening), the day before yesterday, the night before last, this
// morning, утром.
func (s *scanner) relativeDay(i int) int {
	j := i
	switch {
	case s.w(j, cThe) && s.w(j+1, cNight) && s.w(j+2, cBefore) && s.w(j+3, cLast) && s.ascii(j):
		// "the night before last": the night that ended the day before publication
		return s.emitRel(i, j+4, -1, true, "relative.night_before_last")
	case s.w(j, cThe) && s.w(j+1, cDay) && s.w(j+2, cBefore) && s.w(j+3, cYesterday):
		return s.emitRel(i, j+4, -2, false, "relative.day_before_yesterday")
	case s.w(j, cDay) && s.w(j+1, cBefore) && s.w(j+2, cYesterday):
		return s.emitRel(i, j+3, -2, false, "relative.day_before_yesterday")
	case s.w(j, cDBY):
		return s.emitRel(i, j+1, -2, false, "relative.day_before_yesterday")
	case s.w(j, cYesterday):
		if s.w(j+1, cOf) {
			return i // "on the eve of the talks", "накануне визита": relative to something else
		}
		if s.w(j+1, cDayPart) {
			j++
		}
		return s.emitRel(i, j+1, -1, false, "relative.yesterday")
	case s.w(j, cToday):
		if s.w(j+1, cDayPart) {
			j++
		}
		return s.emitRel(i, j+1, 0, false, "relative.today")
	case s.w(j, cThis) && s.w(j+1, cDayPart):
		return s.emitRel(i, j+2, 0, false, "relative.today")
	case s.w(j, cMorningAdv):
		if s.isDay(j+1) && s.w(j+2, cMonth) {
			return i // "утром 14 ноября": the date that follows says which morning
		}
		return s.emitRel(i, j+1, 0, false, "relative.morning")
	}
	return i
}

// daySummary: "за минувшие сутки", "за добу", "протягом минулої доби", "over the past day",
// "in the past 24 hours", "за последние 24 часа".
func (s *scanner) daySummary(i int) int {
	j := i
	if s.w(j, cIn) && s.w(j+1, cDuring) {
		j++
	}
	if !s.w(j, cFor|cDuring|cIn) {
		return i
	}
	j++
	if s.w(j, cThe) {
		j++
	}
	if s.w(j, cLast) {
		j++
	}
	switch {
	case s.w(j, cSutki):
		return s.emitRel(i, j+1, 0, false, "relative.day_summary")
	case s.w(j, cDay) && s.w(j-1, cLast):
		return s.emitRel(i, j+1, 0, false, "relative.day_summary")
	case s.num(j, 2, 2) && s.toks[j].v == 24 && s.w(j+1, cHours):
		return s.emitRel(i, j+2, 0, false, "relative.day_summary")
	}
	return i
}

// absolute: calendar dates anywhere; "27.08" only after a date preposition.
func (s *scanner) absolute(i int) int {
	short := i > 0 && s.w(i-1, cDatePrep)
	d, e, ok := s.date(i, short)
	if !ok {
		return i
	}
	rule := d.form + ".date"
	if d.lang != "" {
		rule = d.lang + ".date"
	}
	if d.first != 0 {
		first := d
		first.d = first.first
		if d.form == "dmy" {
			s.emitDate(i, d.firstEnd, first, false, rule+"_range", Absolute)
			return s.emitDate(d.firstEnd+1, e, d, false, rule+"_range", Absolute)
		}
		// "August 26-27": the first mention is "August 26", the second "27" (and the year).
		s.emitDate(i, d.firstEnd, first, false, rule+"_range", Absolute)
		return s.emitDate(d.firstEnd+1, e, d, false, rule+"_range", Absolute)
	}
	return s.emitDate(i, e, d, false, rule, Absolute)
}

// monthYear: "in August 2023", "в августе 2023 года", "у серпні 2023 року", "since February 2022".
func (s *scanner) monthYear(i int) int {
	j := i
	if s.w(j, cIn|cSince|cFrom|cOf|cBy|cUntil) {
		j++
	}
	if !s.w(j, cMonth) || !s.isYear(j+1) {
		return i
	}
	lang := s.lang(j)
	m := s.toks[j].v
	y, e := s.yearAfter(j+1, false)
	return s.emit(i, e, emitArgs{rule: lang + ".month_year", kind: MonthYear, y: y, m: time.Month(m)})
}

// yearOnly: "in 2022", "since 2022", "с 2022 года", "з 2022 року", "2022 года".
func (s *scanner) yearOnly(i int) int {
	j := i
	prep := false
	if s.w(j, cIn|cSince|cFrom|cBy|cUntil) && s.isYear(j+1) {
		prep = true
		j++
	}
	if !s.isYear(j) {
		return i
	}
	// Part of something else: "2022-2023" is fine, "2022.5" or "2022:" is not a year.
	if s.tight(j+1, '.') || s.tight(j+1, ':') || s.tight(j+1, ',') {
		return i
	}
	y, e := s.yearAfter(j, false)
	if !prep && e == j+1 {
		return i // a bare number: maybe a count, maybe a year; not a history cue
	}
	rule := "year.in"
	switch {
	case s.w(i, cSince):
		rule = "year.since"
	case !prep:
		rule = "year.word"
	}
	return s.emit(i, e, emitArgs{rule: rule, kind: YearOnly, y: y})
}
