package extract

import (
	"strings"
	"testing"

	"skyledger/internal/domain"
)

// The case-file format itself: errors name the file and line, and check() reports what differs.

func TestParseCasesErrors(t *testing.T) {
	for _, tc := range []struct {
		name, src, want string
	}{
		{"no expect", "=== a\ntext:\nhello\n", "t.txt:1: case a: text: without expect:"},
		{"no rows", "=== a\ntext:\nhello\nexpect:\n", "t.txt:1: case a: write the expected rows, or `no rows`"},
		{"bad kind", "=== a\ntext:\nx\nexpect:\nattack 2025-01-01 RU RU-BEL\n", `t.txt:5: unknown kind "attack"`},
		{"short row", "=== a\ntext:\nx\nexpect:\nintercept 2025-01-01 RU\n", "t.txt:5: a row needs at least kind, date, country and region"},
		{"bad date", "=== a\ntext:\nx\nexpect:\nintercept 1.1.2025 RU RU-BEL\n", `t.txt:5: date "1.1.2025"`},
		{"bad count", "=== a\ntext:\nx\nexpect:\nintercept 2025-01-01 RU RU-BEL three\n", `t.txt:5: count "three"`},
		{"bad reporter", "=== a\ntext:\nx\nexpect:\nintercept 2025-01-01 RU RU-BEL 1 0 0 mayor\n", `t.txt:5: unknown reporter "mayor"`},
		{"bad key", "=== a\ntext:\nx\nexpect:\nintercept 2025-01-01 RU RU-BEL town=x\n", `t.txt:5: unknown key "town"`},
		{"bad flag", "=== a\ntext:\nx\nexpect:\nno rows\nflag wrong_place\n", "t.txt:6: want: flag"},
		{"quote", "=== a\ntext:\nx\nexpect:\nintercept 2025-01-01 RU RU-BEL place=\"Kirishi\n", "t.txt:5: unterminated quote"},
		{"header", "=== a\ndate: 2025-01-01\n", `t.txt:2: unknown header "date"`},
		{"published", "=== a\npublished: 01/02/2025\n", "t.txt:2: published: want YYYY-MM-DD or none"},
		{"before case", "text:\n", "t.txt:1: text before the first"},
		{"id", "=== two words\n", "t.txt:1: a case starts with"},
		{"both", "=== a\ntext:\nx\nexpect:\nno rows\nintercept 2025-01-01 RU RU-BEL\n", "t.txt:1: case a: `no rows` and rows at once"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			_, err := parseCases("t.txt", tc.src)
			if err == nil || !strings.Contains(err.Error(), tc.want) {
				t.Errorf("error %v, want it to contain %q", err, tc.want)
			}
		})
	}
}

func TestParseCases(t *testing.T) {
	src := `# a comment
=== en-a
published: 2025-06-14
title: A title: with a colon
lang: en
note: free text
text:
First line.

# not a comment inside the text
Last line.

expect:
intercept 2025-06-14 RU RU-KLU 1 0 * governor place="Dzerzhinsky District" launched=2
debris null null null
flag place_not_in_region suggestion="Dzerzhinsky District" detail~"Dzhezkazgan"
other rows ignored

=== ru-b
text:
x
expect:
no rows
no flags
`
	cs, err := parseCases("t.txt", src)
	if err != nil {
		t.Fatal(err)
	}
	if len(cs) != 2 {
		t.Fatalf("got %d cases, want 2", len(cs))
	}
	a, b := cs[0], cs[1]
	if a.id != "en-a" || a.line != 2 || a.doc.Published != "2025-06-14" || a.doc.Title != "A title: with a colon" || a.lang != "en" {
		t.Errorf("header: %+v", a)
	}
	if want := "First line.\n\n# not a comment inside the text\nLast line."; a.doc.Text != want {
		t.Errorf("text %q, want %q", a.doc.Text, want)
	}
	if len(a.rows) != 2 || !a.others || len(a.flags) != 1 {
		t.Fatalf("expect section: %d rows, others %v, %d flags", len(a.rows), a.others, len(a.flags))
	}
	if got, want := a.rows[0].String(), `intercept 2025-06-14 RU RU-KLU 1 0 * governor place="Dzerzhinsky District" launched=2`; got != want {
		t.Errorf("row %s, want %s", got, want)
	}
	if got, want := a.rows[1].String(), "debris null null null"; got != want {
		t.Errorf("row %s, want %s", got, want)
	}
	if got := a.flags[0]; got.typ != "place_not_in_region" || got.suggestion.val != "Dzerzhinsky District" || got.detail != "Dzhezkazgan" {
		t.Errorf("flag %+v", got)
	}
	if b.doc.Published != "" || !b.noRows || b.doc.Text != "x" {
		t.Errorf("second case: %+v", b)
	}
}

func TestCheckDiff(t *testing.T) {
	cs, err := parseCases("t.txt", `=== a
text:
x
expect:
intercept 2025-06-14 RU null 41 * * mod
intercept 2025-06-14 RU RU-BRY 22
impact 2025-06-14 RU RU-KRS
flag internal_contradiction
`)
	if err != nil {
		t.Fatal(err)
	}
	e := domain.Extraction{
		Incidents: []domain.Incident{
			{Kind: domain.Intercept, Date: "2025-06-14", Country: "RU", Count: domain.Int(40), Reporter: "mod"},
			{Kind: domain.Intercept, Date: "2025-06-14", Country: "RU", Region: "RU-BRY", Count: domain.Int(22)},
			{Kind: domain.Debris, Date: "2025-06-14", Country: "RU", Region: "RU-KRS"},
		},
		Flags: []domain.Flag{{Type: domain.PlaceNotInRegion, Detail: "No X in Y."}},
	}
	d := cs[0].check(e)
	for _, want := range []string{
		"~ fields     intercept 2025-06-14 RU null 41 * * mod    (line 5): count want 41, got 40",
		"- missing    impact 2025-06-14 RU RU-KRS    (line 7)",
		"+ unexpected debris 2025-06-14 RU RU-KRS null null null null",
		"- missing    flag internal_contradiction    (line 8)",
		"+ unexpected flag place_not_in_region  # No X in Y.",
		"the extractor gave:",
	} {
		if !strings.Contains(d, want) {
			t.Errorf("diff lacks %q:\n%s", want, d)
		}
	}
	if strings.Contains(d, "RU-BRY 22 ") && strings.Contains(d, "~ fields     intercept 2025-06-14 RU RU-BRY") {
		t.Errorf("a matching row is reported:\n%s", d)
	}
	e.Incidents[0].Count = domain.Int(41)
	e.Incidents[2].Kind = domain.Impact
	e.Flags[0].Type = domain.InternalContradiction
	if d := cs[0].check(e); d != "" {
		t.Errorf("a matching extraction gives a diff:\n%s", d)
	}
}
