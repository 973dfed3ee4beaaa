package when

import (
	"fmt"
	"slices"
	"strings"
	"testing"
	"time"
	"unicode"
	"unicode/utf8"

	"skyledger/internal/fold"
)

// pub is Wednesday 27 August 2025.
var pub = time.Date(2025, 8, 27, 0, 0, 0, 0, time.UTC)

// render: "2025-08-26 N rule kind 'text'" per mention, joined by " | "; "?" for an unknown date.
func render(ms []Mention) string {
	var parts []string
	for _, m := range ms {
		d := "?"
		if m.Known {
			d = m.Date.Format(time.DateOnly)
		}
		if m.Night {
			d += " N"
		}
		parts = append(parts, fmt.Sprintf("%s %s %s '%s'", d, m.Rule, m.Kind, m.Text))
	}
	return strings.Join(parts, " | ")
}

func TestScan(t *testing.T) {
	tests := []struct {
		text string
		want string
	}{
		// Nights, Russian
		{"В ночь на 27 августа сбиты дроны.", "2025-08-27 N ru.night_on absolute 'В ночь на 27 августа'"},
		{"в ночь с 26 на 27 августа", "2025-08-27 N ru.night_from_to absolute 'в ночь с 26 на 27 августа'"},
		{"в ночь с 31 августа на 1 сентября 2024 года", "2024-09-01 N ru.night_from_to absolute 'в ночь с 31 августа на 1 сентября 2024 года'"},
		{"в ночь на 27-е августа", "2025-08-27 N ru.night_on absolute 'в ночь на 27-е августа'"},
		{"в ночь на субботу", "2025-08-23 N ru.night_weekday relative 'в ночь на субботу'"},
		{"в ночь с пятницы на субботу", "2025-08-23 N ru.night_weekday relative 'в ночь с пятницы на субботу'"},
		{"в ночь на среду", "2025-08-27 N ru.night_weekday relative 'в ночь на среду'"},
		{"в ночь на воскресенье, 24 августа", "2025-08-24 N ru.night_on absolute 'в ночь на воскресенье, 24 августа'"},
		{"в ночь на 27.08 сбиты", "2025-08-27 N ru.night_on absolute 'в ночь на 27.08'"},
		// Nights, Ukrainian
		{"У ніч на 23 жовтня", "2024-10-23 N uk.night_on absolute 'У ніч на 23 жовтня'"},
		{"в ніч проти 23 серпня", "2025-08-23 N uk.night_on absolute 'в ніч проти 23 серпня'"},
		{"в ніч з 22 на 23 серпня", "2025-08-23 N uk.night_from_to absolute 'в ніч з 22 на 23 серпня'"},
		{"у ніч проти суботи", "2025-08-23 N uk.night_weekday relative 'у ніч проти суботи'"},
		{"в ніч з п'ятниці на суботу", "2025-08-23 N uk.night_weekday relative 'в ніч з п'ятниці на суботу'"},
		{"в ніч з п’ятниці на суботу", "2025-08-23 N uk.night_weekday relative 'в ніч з п’ятниці на суботу'"},
		// Nights, English
		{"on the night of August 27", "2025-08-27 N en.night_of absolute 'on the night of August 27'"},
		{"during the night of August 26th", "2025-08-26 N en.night_of absolute 'during the night of August 26th'"},
		{"overnight into August 27", "2025-08-27 N en.night_of absolute 'overnight into August 27'"},
		{"the night of August 26-27", "2025-08-27 N en.night_of absolute 'the night of August 26-27'"},
		{"overnight on 26-27 August", "2025-08-27 N en.night_of absolute 'overnight on 26-27 August'"},
		{"on the night of 26 to 27 August", "2025-08-27 N en.night_of absolute 'on the night of 26 to 27 August'"},
		{"overnight Saturday into Sunday", "2025-08-24 N en.night_weekday relative 'overnight Saturday into Sunday'"},
		{"on Saturday night", "2025-08-23 N en.weekday_night relative 'on Saturday night'"},
		// Relative nights
		{"Overnight, air defences", "2025-08-27 N relative.night relative 'Overnight'"},
		{"last night", "2025-08-27 N relative.night relative 'last night'"},
		{"tonight", "2025-08-27 N relative.night relative 'tonight'"},
		{"минувшей ночью", "2025-08-27 N relative.night relative 'минувшей ночью'"},
		{"Прошлой ночью", "2025-08-27 N relative.night relative 'Прошлой ночью'"},
		{"этой ночью", "2025-08-27 N relative.night relative 'этой ночью'"},
		{"сегодня ночью", "2025-08-27 N relative.night relative 'сегодня ночью'"},
		{"ночью сбиты", "2025-08-27 N relative.night relative 'ночью'"},
		{"минулої ночі", "2025-08-27 N relative.night relative 'минулої ночі'"},
		{"Цієї ночі", "2025-08-27 N relative.night relative 'Цієї ночі'"},
		{"вночі", "2025-08-27 N relative.night relative 'вночі'"},
		{"Уночі", "2025-08-27 N relative.night relative 'Уночі'"},
		{"за ніч", "2025-08-27 N relative.night relative 'за ніч'"},
		{"в течение ночи", "2025-08-27 N relative.night relative 'в течение ночи'"},
		{"протягом ночі", "2025-08-27 N relative.night relative 'протягом ночі'"},
		{"ночная атака", "2025-08-27 N relative.night_attack relative 'ночная атака'"},
		{"після нічної атаки", "2025-08-27 N relative.night_attack relative 'нічної атаки'"},
		{"ночью 26 августа", "2025-08-26 N ru.night_date absolute 'ночью 26 августа'"},
		// Morning of a weekday
		{"к утру субботы", "2025-08-23 N ru.by_morning_weekday relative 'к утру субботы'"},
		{"до ранку суботи", "2025-08-23 N uk.by_morning_weekday relative 'до ранку суботи'"},
		{"by Saturday morning", "2025-08-23 N en.by_morning_weekday relative 'by Saturday morning'"},
		{"утром в субботу", "2025-08-23 ru.daypart_weekday relative 'утром в субботу'"},
		{"вечером в воскресенье", "2025-08-24 ru.daypart_weekday relative 'вечером в воскресенье'"},
		// Relative days
		{"today", "2025-08-27 relative.today relative 'today'"},
		{"Сегодня", "2025-08-27 relative.today relative 'Сегодня'"},
		{"сьогодні вранці", "2025-08-27 relative.today relative 'сьогодні вранці'"},
		{"yesterday evening", "2025-08-26 relative.yesterday relative 'yesterday evening'"},
		{"вчера вечером", "2025-08-26 relative.yesterday relative 'вчера вечером'"},
		{"вчора ввечері", "2025-08-26 relative.yesterday relative 'вчора ввечері'"},
		{"позавчера", "2025-08-25 relative.day_before_yesterday relative 'позавчера'"},
		{"позавчора", "2025-08-25 relative.day_before_yesterday relative 'позавчора'"},
		{"позапрошлой ночью", "2025-08-26 N relative.night_before_last relative 'позапрошлой ночью'"},
		{"позаминулої ночі", "2025-08-26 N relative.night_before_last relative 'позаминулої ночі'"},
		{"the night before last", "2025-08-26 N relative.night_before_last relative 'the night before last'"},
		{"the day before yesterday", "2025-08-25 relative.day_before_yesterday relative 'the day before yesterday'"},
		{"on Sunday", "2025-08-24 relative.weekday relative 'on Sunday'"},
		{"Sunday evening", "2025-08-24 relative.weekday relative 'Sunday evening'"},
		{"on Wednesday", "2025-08-27 relative.weekday relative 'on Wednesday'"},
		{"last Wednesday", "2025-08-20 relative.weekday relative 'last Wednesday'"},
		{"в воскресенье", "2025-08-24 relative.weekday relative 'в воскресенье'"},
		{"в воскресенье вечером", "2025-08-24 relative.weekday relative 'в воскресенье вечером'"},
		{"у неділю", "2025-08-24 relative.weekday relative 'у неділю'"},
		{"увечері неділі", "2025-08-24 uk.daypart_weekday relative 'увечері неділі'"},
		{"накануне", "2025-08-26 relative.yesterday relative 'накануне'"},
		{"напередодні", "2025-08-26 relative.yesterday relative 'напередодні'"},
		{"on the eve", "2025-08-26 relative.yesterday relative 'eve'"},
		{"on the eve of the talks", ""},
		{"Sunday's attack", "2025-08-24 relative.weekday relative 'Sunday's'"},
		{"this morning", "2025-08-27 relative.today relative 'this morning'"},
		{"утром", "2025-08-27 relative.morning relative 'утром'"},
		{"утром 25 августа", "2025-08-25 ru.date absolute '25 августа'"},
		{"зранку", "2025-08-27 relative.morning relative 'зранку'"},
		{"за минувшие сутки", "2025-08-27 relative.day_summary relative 'за минувшие сутки'"},
		{"за сутки", "2025-08-27 relative.day_summary relative 'за сутки'"},
		{"за добу", "2025-08-27 relative.day_summary relative 'за добу'"},
		{"протягом доби", "2025-08-27 relative.day_summary relative 'протягом доби'"},
		{"протягом минулої доби", "2025-08-27 relative.day_summary relative 'протягом минулої доби'"},
		{"over the past day", "2025-08-27 relative.day_summary relative 'over the past day'"},
		{"in the past 24 hours", "2025-08-27 relative.day_summary relative 'in the past 24 hours'"},
		{"за последние 24 часа", "2025-08-27 relative.day_summary relative 'за последние 24 часа'"},
		// Absolute
		{"27 августа", "2025-08-27 ru.date absolute '27 августа'"},
		{"27-го августа", "2025-08-27 ru.date absolute '27-го августа'"},
		{"August 27", "2025-08-27 en.date absolute 'August 27'"},
		{"27 August", "2025-08-27 en.date absolute '27 August'"},
		{"Aug. 27", "2025-08-27 en.date absolute 'Aug. 27'"},
		{"August 27th", "2025-08-27 en.date absolute 'August 27th'"},
		{"the 27th of August", "2025-08-27 en.date absolute '27th of August'"},
		{"27 серпня", "2025-08-27 uk.date absolute '27 серпня'"},
		{"27 August 2024", "2024-08-27 en.date absolute '27 August 2024'"},
		{"August 27, 2024", "2024-08-27 en.date absolute 'August 27, 2024'"},
		{"27 августа 2024 года", "2024-08-27 ru.date absolute '27 августа 2024 года'"},
		{"27 августа 2024 г.", "2024-08-27 ru.date absolute '27 августа 2024 г.'"},
		{"27 серпня 2024 року", "2024-08-27 uk.date absolute '27 серпня 2024 року'"},
		{"2025-08-27", "2025-08-27 iso.date absolute '2025-08-27'"},
		{"27.08.2025", "2025-08-27 numeric.date absolute '27.08.2025'"},
		{"27.08.25", "2025-08-27 numeric.date absolute '27.08.25'"},
		{"до 27.08 включительно", "2025-08-27 numeric.date absolute '27.08'"},
		{"рост 27.08 процента", ""},
		{"28 августа", "2025-08-28 ru.date absolute '28 августа'"},
		{"30 августа", "2024-08-30 ru.date absolute '30 августа'"},
		{"31 декабря", "2024-12-31 ru.date absolute '31 декабря'"},
		{"в воскресенье, 24 августа", "2025-08-24 ru.weekday_date absolute 'в воскресенье, 24 августа'"},
		{"Sunday, Aug. 24", "2025-08-24 en.weekday_date absolute 'Sunday, Aug. 24'"},
		{"26-27 августа", "2025-08-26 ru.date_range absolute '26' | 2025-08-27 ru.date_range absolute '27 августа'"},
		{"August 26-27", "2025-08-26 en.date_range absolute 'August 26' | 2025-08-27 en.date_range absolute '27'"},
		{"в січні", ""},
		{"30 февраля", ""},
		{"27 марта", "2025-03-27 ru.date absolute '27 марта'"},
		{"у березні", ""},
		// Times are not dates.
		{"в 20:01", ""},
		{"в 20:01 27 августа", "2025-08-27 ru.date absolute '27 августа'"},
		// Datelines
		{"MOSCOW, December 22. /TASS/. Air defences", "2024-12-22 en.dateline dateline 'MOSCOW, December 22'"},
		{"KYIV, Aug 5 (Reuters) - Ukraine", "2025-08-05 en.dateline dateline 'KYIV, Aug 5'"},
		{"МОСКВА, 22 декабря. /ТАСС/. Силы", "2024-12-22 ru.dateline dateline 'МОСКВА, 22 декабря'"},
		{"05:43 28.09.2024\nТекст", "2024-09-28 dateline.time_date dateline '05:43 28.09.2024'"},
		{"Text.\n28.09.2024 05:43\nMore", "2024-09-28 dateline.time_date dateline '28.09.2024'"},
		{"Kyiv, Aug 5 (Reuters) - x", "2025-08-05 en.dateline dateline 'Kyiv, Aug 5'"},
		// History
		{"in 2022", "? year.in year_only 'in 2022'"},
		{"since 2022", "? year.since year_only 'since 2022'"},
		{"с 2022 года", "? year.since year_only 'с 2022 года'"},
		{"з 2022 року", "? year.since year_only 'з 2022 року'"},
		{"в 2023 году", "? year.in year_only 'в 2023 году'"},
		{"2022 года", "? year.word year_only '2022 года'"},
		{"in August 2023", "? en.month_year month_year 'in August 2023'"},
		{"в августе 2023 года", "? ru.month_year month_year 'в августе 2023 года'"},
		{"у серпні 2023 року", "? uk.month_year month_year 'у серпні 2023 року'"},
		{"2022 drones", ""},
		// Not dates
		{"в среде экспертов", ""},
		{"Воскресенье — село", ""},
		{"version 1.10.5", ""},
		{"May 5:30", ""},
	}
	for _, tc := range tests {
		ms := Scan(tc.text, pub, true)
		if got := render(ms); got != tc.want {
			t.Errorf("Scan(%q)\n got %s\nwant %s", tc.text, got, tc.want)
		}
		checkInvariants(t, tc.text, ms)
	}
}

func TestYearOfWeekday(t *testing.T) {
	tests := []struct{ m, d, wd, want int }{
		{8, 24, 0, 2025},  // Sunday, 24 August
		{12, 12, 5, 2025}, // Friday, 12 December
		{2, 29, 4, 2024},  // Thursday, 29 February
		{8, 24, 6, 2024},  // Saturday, 24 August
	}
	for _, tc := range tests {
		if got := yearOfWeekday(tc.m, tc.d, tc.wd); got != tc.want {
			t.Errorf("yearOfWeekday(%d, %d, %d) = %d, want %d", tc.m, tc.d, tc.wd, got, tc.want)
		}
	}
	// A weekday that fits no year of the span gives no year.
	if got := yearOfWeekday(2, 29, 1); got != 0 {
		t.Errorf("Monday 29 February: got %d, want 0", got)
	}
}

func TestScanWithoutPublished(t *testing.T) {
	tests := []struct{ text, want string }{
		{"27 августа", "? ru.date absolute '27 августа'"},
		{"27 августа 2025 года", "2025-08-27 ru.date absolute '27 августа 2025 года'"},
		{"вчера", "? relative.yesterday relative 'вчера'"},
		{"в ночь на субботу", "? N ru.night_weekday relative 'в ночь на субботу'"},
		{"в ночь на 27 августа", "? N ru.night_on absolute 'в ночь на 27 августа'"},
	}
	for _, tc := range tests {
		ms := Scan(tc.text, time.Time{}, false)
		if got := render(ms); got != tc.want {
			t.Errorf("Scan(%q) without published\n got %s\nwant %s", tc.text, got, tc.want)
		}
		for _, m := range ms {
			if !m.Known && !m.Date.IsZero() {
				t.Errorf("unknown mention with a date: %+v", m)
			}
		}
	}
}

func TestYearInference(t *testing.T) {
	p := time.Date(2026, 1, 1, 0, 0, 0, 0, time.UTC)
	for text, want := range map[string]string{
		"31 декабря": "2025-12-31",
		"2 января":   "2026-01-02",
		"3 января":   "2026-01-03",
		"4 января":   "2025-01-04",
		"29 февраля": "2024-02-29",
	} {
		ms := Scan(text, p, true)
		if len(ms) != 1 || ms[0].Date.Format(time.DateOnly) != want {
			t.Errorf("%s: got %s, want %s", text, render(ms), want)
		}
	}
}

func TestMixedParagraph(t *testing.T) {
	text := "КИЇВ, 27 серпня. Минулої ночі сили ППО збили 20 дронів; у ніч на 26 серпня — ще 15. " +
		"Вчора ввечері уламки впали на склад. Війна триває з 2022 року, в 20:01 пролунав вибух."
	got := render(Scan(text, pub, true))
	want := "2025-08-27 uk.dateline dateline 'КИЇВ, 27 серпня' | 2025-08-27 N relative.night relative 'Минулої ночі' | " +
		"2025-08-26 N uk.night_on absolute 'у ніч на 26 серпня' | 2025-08-26 relative.yesterday relative 'Вчора ввечері' | " +
		"? year.since year_only 'з 2022 року'"
	if got != want {
		t.Errorf("got  %s\nwant %s", got, want)
	}
}

func checkInvariants(t *testing.T, text string, ms []Mention) {
	t.Helper()
	bound := make(map[int]bool, len(text)+1)
	for i := range text {
		bound[i] = true
	}
	bound[len(text)] = true
	prev := 0
	for _, m := range ms {
		if m.Start < prev || m.Start >= m.End || m.End > len(text) || !bound[m.Start] || !bound[m.End] {
			t.Fatalf("bad offsets %+v in %q", m, text)
		}
		prev = m.End
		if m.Text != text[m.Start:m.End] {
			t.Fatalf("Text %q != %q", m.Text, text[m.Start:m.End])
		}
		if m.Known == m.Date.IsZero() {
			t.Fatalf("Known %v with date %v", m.Known, m.Date)
		}
		if m.Known && (m.Date.Hour() != 0 || m.Date.Location() != time.UTC) {
			t.Fatalf("date not UTC midnight: %v", m.Date)
		}
		if m.Rule == "" || m.Kind < Absolute || m.Kind > MonthYear {
			t.Fatalf("no rule or kind: %+v", m)
		}
	}
}

func FuzzScan(f *testing.F) {
	for _, s := range []string{
		"в ночь с 26 на 27 августа", "у ніч проти суботи", "overnight on 26-27 August", "MOSCOW, December 22. /TASS/.",
		"05:43 28.09.2025", "27.08", "на 27.08.25", "since 2022", "в августе 2023 года", "2025-02-29", "Aug. 31st, 2024",
		"\xff27 серпня\xfe", "в ніч з п’ятниці на суботу",
	} {
		f.Add(s, true)
	}
	f.Fuzz(func(t *testing.T, s string, hasPub bool) {
		checkInvariants(t, s, Scan(s, pub, hasPub))
	})
}

var benchText = strings.Repeat("КИЇВ, 27 серпня. Минулої ночі сили ППО знищили 26 ударних дронів над областю, повідомив голова ОВА. "+
	"В ночь с 26 на 27 августа над регионом сбиты беспилотники, сообщил губернатор в 20:01. "+
	"Overnight into August 27, air defences downed 40 drones; since 2022 the region has been shelled. ", 7)

func BenchmarkScan(b *testing.B) {
	b.SetBytes(int64(len(benchText)))
	b.ReportAllocs()
	for b.Loop() {
		Scan(benchText, pub, true)
	}
}

// TestScanBuffered: one Buffer reused over texts of any length gives what Scan gives.
func TestScanBuffered(t *testing.T) {
	pub := time.Date(2025, 8, 27, 0, 0, 0, 0, time.UTC)
	texts := []string{
		benchText,
		"В ночь на 27 августа сбиты беспилотники.",
		"",
		"Overnight into August 27, air defences downed 40 drones; since 2022 the region has been shelled.",
		strings.Repeat("вчора ", 50),
		"27.08.2025 05:43",
	}
	var buf Buffer
	for round := 0; round < 2; round++ {
		for _, text := range texts {
			got, want := fmt.Sprint(ScanBuffered(text, pub, true, &buf)), fmt.Sprint(Scan(text, pub, true))
			if got != want {
				t.Errorf("ScanBuffered(%.40q) = %s, want %s", text, got, want)
			}
		}
	}
}

// plainVocab and lookupPlain are the word look-up as a map of folded words.
var plainVocab = buildVocab()

func lookupPlain(w string) winfo {
	var arr [48]byte
	b, ok := fold.Word(arr[:], w)
	if !ok {
		return winfo{}
	}
	if wi, ok := plainVocab[string(b)]; ok {
		return wi
	}
	// English possessive: "Sunday's attack".
	if n := len(b); n > 2 && b[n-1] == 's' && b[n-2] == '\'' {
		return plainVocab[string(b[:n-2])]
	}
	return winfo{}
}

// tokenizePlain is tokenize with WordEnd and lookupPlain for words.
func tokenizePlain(text string) []tok {
	var toks []tok
	sp, nl := false, true
	for i := 0; i < len(text); {
		c := text[i]
		if c == '\n' {
			sp, nl = true, true
			i++
			continue
		}
		if c == ' ' || c == '\t' || c == '\r' {
			sp = true
			i++
			continue
		}
		t := tok{s: i, sp: sp, nl: nl}
		sp, nl = false, false
		switch {
		case isDigit(c):
			j := i
			v := 0
			for j < len(text) && isDigit(text[j]) {
				if j-i < 9 {
					v = v*10 + int(text[j]-'0')
				}
				j++
			}
			t.typ, t.nd, t.v = tNum, j-i, v
			if k := numSuffix(text, j); k > j {
				t.suf = true
				j = k
			}
			t.e = j
		case c < utf8.RuneSelf && c|0x20 >= 'a' && c|0x20 <= 'z':
			t.typ = tWord
			t.e = fold.WordEnd(text, i)
		case c < utf8.RuneSelf:
			t.typ, t.r, t.e = tPunct, c, i+1
		default:
			r, w := utf8.DecodeRuneInString(text[i:])
			switch {
			case fold.IsLetter(r):
				t.typ = tWord
				t.e = fold.WordEnd(text, i)
			case unicode.IsSpace(r):
				sp = true
				i += w
				continue
			default:
				t.typ, t.e, t.r = tPunct, i+w, 0x80
				if r == '–' || r == '—' || r == '‑' || r == '−' {
					t.r = '-'
				}
			}
		}
		if t.typ == tWord {
			wi := lookupPlain(text[t.s:t.e])
			t.c, t.v, t.lang = wi.c, wi.v, wi.lang
		}
		toks = append(toks, t)
		i = t.e
	}
	return toks
}

func FuzzTokenize(f *testing.F) {
	for _, s := range []string{
		"КИЇВ, 27 серпня. Минулої ночі", "Sunday's attack, SUNDAY'S", "в ніч з п’ятниці на суботу", "ВОСКРЕСЕНЬЕ ёлка Ёж",
		"27-го 1st\u00a0x—y", "\xff\xd0августа\xd1", "сто\u0301 ночь\u0301ю", "п'ятниця's",
	} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		got, want := tokenize(s), tokenizePlain(s)
		if !slices.Equal(got, want) {
			t.Fatalf("tokenize(%q)\n got %+v\nwant %+v", s, got, want)
		}
	})
}
