package textnum

import (
	"fmt"
	"strings"
	"testing"

	"skyledger/internal/fold"
)

// short renders numbers compactly: "26", "~26" (hedged), "#1" (ordinal), "@34" (attached).
func short(ns []Number) string {
	var parts []string
	for _, n := range ns {
		p := fmt.Sprint(n.Value)
		if n.Ordinal {
			p = "#" + p
		}
		if n.Attached {
			p = "@" + p
		}
		if n.Hedged {
			p = "~" + p
		}
		parts = append(parts, p)
	}
	return strings.Join(parts, " ")
}

func TestScan(t *testing.T) {
	tests := []struct{ text, want string }{
		// digits
		{"Air defences downed 26 drones.", "26"},
		{"1 234 and 1,234 and 1\u00a0234 and 12 345 678", "1234 1234 1234 12345678"},
		{"between 26 27", "26 27"},
		{"on 27.08.2025 at 20:01", "27 8 2025 20 1"},
		{"since 2022", "2022"},
		{"in 2023, 150 drones", "2023 150"},
		{"3, 150 drones", "3 150"},
		{"1,5 тысячи", "1 5 1000"},
		{"a Shahed-136 and a Су-34 and Ту-22М3", "@136 @34 @22 @3"},
		{"5km away", "@5"},
		{"the 1st and 2nd and 23rd drone", "#1 #2 #23"},
		{"27-го августа, 5-й раз, 5-ти дронов, 2-х БПЛА", "#27 #5 5 2"},
		{"в 90-х годах", "#90"},
		{"5-летний", "@5"},
		{"99999999999999999999 drones", ""},
		// English words
		{"twenty-six drones", "26"},
		{"twenty six drones", "26"},
		{"one hundred and twenty drones", "120"},
		{"two hundred drones and three", "200 3"},
		{"a dozen drones", "12"},
		{"two dozen drones", "24"},
		{"a hundred drones", "100"},
		{"three thousand five hundred", "3500"},
		{"no one was hurt; one of the drones", "1 1"},
		{"the first drone, the twenty-first drone", "#1 #21"},
		{"Twenty-Six drones", "26"},
		{"someone anyone tone", ""},
		{"one two three", "1 2 3"},
		{"twenty, six", "20 6"},
		// Russian
		{"сбиты двадцать шесть беспилотников", "26"},
		{"сорок два дрона", "42"},
		{"сто двадцать три", "123"},
		{"двести", "200"},
		{"две тысячи пятьсот", "2500"},
		{"тридцать", "30"},
		{"из трёх дронов и двух ракет", "3 2"},
		{"одного человека, одной женщины, одну машину", "1 1 1"},
		{"двое погибших, трое раненых, четверо детей, семеро", "2 3 4 7"},
		{"с 26 на 27", "26 27"},
		{"с утра", ""},
		{"первый дрон, второй удар, третьего дня, пятом этаже", "#1 #2 #3 #5"},
		{"двадцать первый", "#21"},
		{"ТРИДЦАТЬ ШЕСТЬ", "36"},
		{"сорок", "40"},
		{"семью", ""},
		// Ukrainian
		{"п'ятьох людей", "5"},
		{"п’ять дронів, пʼять ракет", "5 5"},
		{"двадцять шість безпілотників", "26"},
		{"дві тисячі", "2000"},
		{"з трьох дронів, у двох районах", "3 2"},
		{"одне вікно, одній жінці, однієї людини", "1 1 1"},
		{"шість, сім, вісім, дев'ять, десять", "6 7 8 9 10"},
		{"сім'я", ""},
		{"двоє, троє, четверо, п'ятеро", "2 3 4 5"},
		{"п'ятдесят", "50"},
		{"двісті дев'яносто", "290"},
		{"перший, другий, третій", "#1 #2 #3"},
		// hedges
		{"more than 20 drones", "~20"},
		{"at least twenty drones", "~20"},
		{"over 100", "~100"},
		// ranges: the closing end is hedged
		{"5–7 drones", "5 ~7"},
		{"between 5 and 7 drones", "5 ~7"},
		{"п'ять-шість дронів", "5 ~6"},
		{"від 5 до 7", "5 ~7"},
		{"19 БПЛА, 8 — над", "19 8"},
		{"2 and 3", "2 3"},
		{"обидва дрони збито", "2"},
		{"about a dozen", "~12"},
		{"up to 30", "~30"},
		{"более 20", "~20"},
		{"не менее десяти", "~10"},
		{"как минимум 5", "~5"},
		{"минимум 7", "~7"},
		{"оба беспилотника", "2"},
		{"до 40 дронов", "~40"},
		{"понад 50", "~50"},
		{"щонайменше п'ять", "~5"},
		{"не менше 7", "~7"},
		{"більше ніж 10", "~10"},
		{"over, 20", "20"},
		{"dozens of", ""},
	}
	for _, tc := range tests {
		ns := Scan(tc.text)
		if got := short(ns); got != tc.want {
			t.Errorf("Scan(%q) = %q, want %q", tc.text, got, tc.want)
		}
		checkInvariants(t, tc.text, ns)
	}
}

func TestSpans(t *testing.T) {
	text := "Нараховано понад  двадцять шість дронів і 1 234 ракети; about a dozen."
	ns := Scan(text)
	want := []struct {
		text, hedge string
	}{
		{"двадцять шість", "понад  двадцять шість"},
		{"1 234", "1 234"},
		{"a dozen", "about a dozen"},
	}
	if len(ns) != len(want) {
		t.Fatalf("got %+v", ns)
	}
	for i, w := range want {
		if ns[i].Text != w.text || text[ns[i].HedgeStart:ns[i].End] != w.hedge {
			t.Errorf("%d: text %q hedge %q, want %q %q", i, ns[i].Text, text[ns[i].HedgeStart:ns[i].End], w.text, w.hedge)
		}
	}
}

func TestParse(t *testing.T) {
	good := map[string]int{
		"26": 26, " 26 ": 26, "1 234": 1234, "1\u00a0234": 1234, "двадцать шесть": 26, "п'ятьох": 5, "п’ятьох": 5,
		"twenty-six": 26, "a dozen": 12, "сто": 100, "тысяча": 1000, "one thousand two hundred and five": 1205,
		"дев'ятнадцять": 19, "first": 1, "Сорок Два": 42,
	}
	for s, want := range good {
		if got, ok := Parse(s); !ok || got != want {
			t.Errorf("Parse(%q) = %d, %v; want %d", s, got, ok, want)
		}
	}
	for _, s := range []string{"", "drones", "26 27", "more than 20", "двадцать шесть дронов", "с", "1.5"} {
		if got, ok := Parse(s); ok {
			t.Errorf("Parse(%q) = %d, want failure", s, got)
		}
	}
}

func checkInvariants(t *testing.T, text string, ns []Number) {
	t.Helper()
	// Rune boundaries as range sees them (an invalid byte is a rune of its own).
	bound := make(map[int]bool, len(text)+1)
	for i := range text {
		bound[i] = true
	}
	bound[len(text)] = true
	prev := 0
	for _, n := range ns {
		if n.Start < 0 || n.Start >= n.End || n.End > len(text) || n.HedgeStart > n.Start || n.HedgeStart < 0 {
			t.Fatalf("bad offsets %+v in %q", n, text)
		}
		if n.Start < prev {
			t.Fatalf("overlapping or unordered %+v in %q", n, text)
		}
		prev = n.End
		for _, o := range []int{n.Start, n.End, n.HedgeStart} {
			if !bound[o] {
				t.Fatalf("offset %d not on a rune boundary in %q", o, text)
			}
		}
		if n.Text != text[n.Start:n.End] {
			t.Fatalf("Text %q != text[Start:End] %q", n.Text, text[n.Start:n.End])
		}
		if n.Hedged != (n.HedgeStart < n.Start) {
			t.Fatalf("Hedged %v but HedgeStart %d Start %d", n.Hedged, n.HedgeStart, n.Start)
		}
		if n.Value < 0 {
			t.Fatalf("negative value %+v", n)
		}
	}
}

func FuzzScan(f *testing.F) {
	for _, s := range []string{
		"more than twenty-six drones", "не менее 1 234 дронов", "понад п'ятьох", "Су-34, 5-й, 1st",
		"one hundred and", "a\u00a0dozen", "1,234,567", "\xff12\xfe", "сорок\u202fдва", "до 40",
	} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		checkInvariants(t, s, Scan(s))
	})
}

func FuzzParse(f *testing.F) {
	for _, s := range []string{"26", "двадцать шесть", "п'ятьох", "twenty-six", "a dozen", "1 234", ""} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		v, ok := Parse(s)
		if ok && v < 0 {
			t.Fatalf("Parse(%q) = %d", s, v)
		}
		if !ok && v != 0 {
			t.Fatalf("Parse(%q) failed but returned %d", s, v)
		}
	})
}

// benchText is ~2 KB of mixed report text (our own sentences).
var benchText = strings.Repeat("Минулої ночі сили ППО знищили 26 ударних дронів типу Shahed-136 над областю, повідомив голова ОВА. "+
	"Губернатор сообщил, что более двадцати беспилотников сбиты, пострадали двое, 27.08.2025 в 20:01. "+
	"Overnight, more than forty drones were downed and one hundred and twenty people evacuated. ", 7)

func BenchmarkScan(b *testing.B) {
	b.SetBytes(int64(len(benchText)))
	b.ReportAllocs()
	for b.Loop() {
		Scan(benchText)
	}
}

// TestScanBuffered: one Buffer reused over texts gives what Scan gives.
func TestScanBuffered(t *testing.T) {
	texts := []string{"сбиты двадцать шесть беспилотников и ещё 3", "", "more than forty drones, 1 234 in all", "п'ятьох", "2 3 4 5 6 7 8"}
	var buf Buffer
	for round := 0; round < 2; round++ {
		for _, text := range texts {
			got, want := fmt.Sprint(ScanBuffered(text, &buf)), fmt.Sprint(Scan(text))
			if got != want {
				t.Errorf("ScanBuffered(%q) = %s, want %s", text, got, want)
			}
		}
	}
}

// lookupPlain is the number-word look-up as WordEnd, Word and a map.
func lookupPlain(text string, i int) (int, word, bool) {
	end := fold.WordEnd(text, i)
	var arr [64]byte
	b, ok := fold.Word(arr[:], text[i:end])
	if !ok {
		return end, word{}, false
	}
	wd, ok := words[string(b)]
	return end, wd, ok
}

func FuzzLookup(f *testing.F) {
	for _, s := range []string{"Двадцать ШЕСТЬ", "п’ятьох ДЕВ'ЯТИ", "one hundred and TWENTY-six", "трёх", "сто\u0301 \xd0x"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		for i := 0; i <= len(s); i++ {
			end, wd, ok := lookup(s, i)
			if wantEnd, wantWd, wantOK := lookupPlain(s, i); end != wantEnd || wd != wantWd || ok != wantOK {
				t.Fatalf("lookup(%q, %d) = %d %+v %v, want %d %+v %v", s, i, end, wd, ok, wantEnd, wantWd, wantOK)
			}
		}
	})
}
