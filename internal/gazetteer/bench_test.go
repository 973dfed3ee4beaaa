package gazetteer

import (
	"runtime"
	"testing"
)

// Targets (issue 2): Load < 300 ms, Resolve >= 1 million/s on one core, Suggest >= 10,000/s,
// heap held after Load < 150 MB. Run: go test -run '^$' -bench . -benchmem ./internal/gazetteer/

func BenchmarkLoad(b *testing.B) {
	b.ReportAllocs()
	for b.Loop() {
		if _, err := load(data, aliasesTSV); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkLoadMemory reports the heap a loaded gazetteer keeps alive.
func BenchmarkLoadMemory(b *testing.B) {
	var g *Gazetteer
	var before, after runtime.MemStats
	for b.Loop() {
		g = nil
		runtime.GC()
		runtime.ReadMemStats(&before)
		var err error
		if g, err = load(data, aliasesTSV); err != nil {
			b.Fatal(err)
		}
		runtime.GC()
		runtime.ReadMemStats(&after)
	}
	runtime.KeepAlive(g)
	const mb = 1 << 20
	b.ReportMetric(float64(int64(after.HeapInuse)-int64(before.HeapInuse))/mb, "MB-inuse")
	b.ReportMetric(float64(int64(after.HeapAlloc)-int64(before.HeapAlloc))/mb, "MB-alloc")
}

func BenchmarkResolve(b *testing.B) {
	g := mustLoad(b)
	for _, name := range []string{
		"Калужской области", "Дзержинском районе", "Kharkiv Oblast", "Харківській області",
		"Kursk", "в Шебекине", "Dzhezkazgan", "Qwertyuiop",
	} {
		b.Run(name, func(b *testing.B) {
			b.ReportAllocs()
			for b.Loop() {
				g.Resolve(name, Hint{})
			}
			b.ReportMetric(float64(b.N)/b.Elapsed().Seconds(), "resolves/s")
		})
	}
}

func BenchmarkSuggest(b *testing.B) {
	g := mustLoad(b)
	for _, q := range []struct{ name, region, text string }{
		{"kaluga", "RU-KLU", "Dzhezkazgan District"},
		{"kharkiv-cyrillic", "UA-63", "Харьковском районе"},
		{"odesa-largest", "UA-51", "Bilhorod-Dnistrovskyi District"}, // the region with most places
	} {
		b.Run(q.name, func(b *testing.B) {
			b.ReportAllocs()
			for b.Loop() {
				g.Suggest(q.region, q.text, 3)
			}
			b.ReportMetric(float64(b.N)/b.Elapsed().Seconds(), "suggests/s")
		})
	}
}

func BenchmarkScan(b *testing.B) {
	g := mustLoad(b)
	const text = "Ночью над Брянской и Калужской областями сбиты беспилотники; обломки упали в Дзержинском районе. " +
		"Drones were downed over the Kursk, Belgorod and Bryansk regions, officials in Kharkiv said."
	b.SetBytes(int64(len(text)))
	b.ReportAllocs()
	for b.Loop() {
		g.Scan(text)
	}
}

// BenchmarkScanBuffered is BenchmarkScan with the ScanBuffer a caller keeps from text to text
// (extract keeps one per worker), whose memo then knows every word.
func BenchmarkScanBuffered(b *testing.B) {
	g := mustLoad(b)
	const text = "Ночью над Брянской и Калужской областями сбиты беспилотники; обломки упали в Дзержинском районе. " +
		"Drones were downed over the Kursk, Belgorod and Bryansk regions, officials in Kharkiv said."
	b.SetBytes(int64(len(text)))
	b.ReportAllocs()
	var buf ScanBuffer
	for b.Loop() {
		g.ScanBuffered(text, &buf)
	}
}
