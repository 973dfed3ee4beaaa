package gazetteer

import (
	"fmt"
	"strings"
	"testing"
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
