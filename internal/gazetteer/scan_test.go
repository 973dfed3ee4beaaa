package gazetteer

import (
	"fmt"
	"strings"
	"testing"

	"skyledger/internal/domain"
	"skyledger/internal/gazetteer/namekey"
)

// TestScanBuffered: one ScanBuffer reused over texts of any length gives what Scan gives.
func TestScanBuffered(t *testing.T) {
	g := mustLoad(t)
	texts := []string{
		"Над Брянской и Курской областями сбиты беспилотники; обломки упали в Дзержинском районе Калужской области.",
		"",
		"Drones were downed over the Kursk, Belgorod and Bryansk regions and the Sea of Azov.",
		strings.Repeat("У Харківському районі Харківської області, ", 40),
		"Київ",
	}
	var buf ScanBuffer
	for round := 0; round < 2; round++ {
		for _, text := range texts {
			got, want := fmt.Sprint(g.ScanBuffered(text, &buf)), fmt.Sprint(g.Scan(text))
			if got != want {
				t.Errorf("ScanBuffered(%.40q) = %s\nwant %s", text, got, want)
			}
		}
	}
}

// FuzzScanFilter: the Bloom filters, the word memo and words found by the caller only spare
// work: Scan without the filters, ScanBuffered with a memo warmed by the text before, and
// ScanWords told the text's words find the same mentions.
func FuzzScanFilter(f *testing.F) {
	for _, s := range []string{
		"Ночью над Брянщиной и Калужской областью сбили беспилотники.",
		"Drones were downed over the Kursk, Belgorod and Bryansk regions; the Republic of Tatarstan.",
		"Четыре дрона сбиты над московским регионом, сообщил московский суд.",
		"Над Черным морем и Азовским морем сбиты дроны; a boat in the Black Sea, in Moscow Region.",
		"Обломки упали в Шебекинском р-не, у м. Суми; Ukrainian drones, білоруські прикордонники.",
	} {
		f.Add(s)
	}
	g := mustLoad(f)
	plain := *g
	plain.filter = nil
	for i := range plain.gen.leads {
		plain.gen.leads[i] = ^uint64(0) // lets every word through
	}
	var buf ScanBuffer
	f.Fuzz(func(t *testing.T, text string) {
		want := fmt.Sprint(plain.Scan(text))
		if got := fmt.Sprint(g.Scan(text)); got != want {
			t.Fatalf("Scan(%q) = %s\nwithout the filter %s", text, got, want)
		}
		if got := fmt.Sprint(g.ScanBuffered(text, &buf)); got != want {
			t.Fatalf("ScanBuffered(%q) = %s\nwithout the filter %s", text, got, want)
		}
		// told the words, Scan finds the same
		var words []namekey.Span
		for _, tk := range namekey.TokenizeHashes(text, nil) {
			words = append(words, namekey.Span{Start: tk.Start, End: tk.End})
		}
		if got := fmt.Sprint(g.ScanWords(text, words, &buf)); got != want {
			t.Fatalf("ScanWords(%q) = %s\nwithout the filter %s", text, got, want)
		}
		if got := fmt.Sprint(g.ScanWords(text, words, nil)); got != want {
			t.Fatalf("ScanWords(%q, no buffer) = %s\nwithout the filter %s", text, got, want)
		}
	})
}

// TestNameFilter: the filter turns away no name of the index, no generic word, and no name
// that may match in lower case.
func TestNameFilter(t *testing.T) {
	g := mustLoad(t)
	for h, s := range g.index {
		if !g.filter.may(h) {
			t.Fatalf("name hash %x filtered out", h)
		}
		for _, q := range g.post[s.off : s.off+s.n] {
			if (q.flags&lowerOK != 0 || g.kind(q.place) == domain.RegionPlace) && !g.filter.mayLower(h) {
				t.Fatalf("lower-case name hash %x filtered out", h)
			}
		}
	}
	for h := range g.gen.single {
		if _, generic := g.filter.word(h); !generic {
			t.Fatalf("generic hash %x filtered out", h)
		}
	}
}

// FuzzAppendLower: appendLower is strings.ToLower.
func FuzzAppendLower(f *testing.F) {
	for _, s := range []string{"Над", "AND", "Крім", "İstanbul", "Ⱥ\xff\xc3", ""} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		if got, want := string(appendLower(nil, s)), strings.ToLower(s); got != want {
			t.Fatalf("appendLower(%q) = %q, want %q", s, got, want)
		}
	})
}
