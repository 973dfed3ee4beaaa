package cluster

import (
	"fmt"
	"os"
	"runtime"
	"strconv"
	"strings"
	"syscall"
	"testing"
	"time"

	"skyledger/internal/domain"
)

// BenchmarkStoryIndexAdd measures the cost of adding one document to an index already holding
// 10k, 100k or 1M documents (set SKYLEDGER_BENCH_1M=1 for the last; it takes minutes to fill).
// The cost must not grow with the size: the window and the bucket caps bound the work.
func BenchmarkStoryIndexAdd(b *testing.B) {
	sizes := []int{10_000, 100_000}
	if os.Getenv("SKYLEDGER_BENCH_1M") != "" {
		sizes = append(sizes, 1_000_000)
	}
	for _, n := range sizes {
		b.Run(fmt.Sprintf("prefilled=%d", n), func(b *testing.B) {
			s := newSynth(1000)
			idx := NewStoryIndex(Options{})
			// pre-generate the timed documents so that generation is not timed
			type pair struct {
				d  domain.Document
				ex domain.Extraction
			}
			var timed []pair
			want := n + b.N
			s.stream(want, func(i int, d domain.Document, ex domain.Extraction) bool {
				if i < n {
					idx.Add(d, ex)
					return true
				}
				timed = append(timed, pair{d, ex})
				return true
			})
			b.ResetTimer()
			for i := 0; i < b.N; i++ {
				idx.Add(timed[i].d, timed[i].ex)
			}
			b.StopTimer()
			b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(b.N), "ns/doc")
		})
	}
}

// TestStoryIndexMillion is the opt-in scale run: one million synthetic documents clustered
// incrementally, with time, ns/doc per 100k, peak heap and peak RSS, and the story quality on
// the synthetic truth. SKYLEDGER_BENCH_1M=1 go test -run Million -v ./internal/cluster
func TestStoryIndexMillion(t *testing.T) {
	if os.Getenv("SKYLEDGER_BENCH_1M") == "" {
		t.Skip("set SKYLEDGER_BENCH_1M=1 to run the one-million-document scale test")
	}
	n := 1_000_000
	if v, err := strconv.Atoi(os.Getenv("SKYLEDGER_BENCH_N")); err == nil && v > 0 {
		n = v // a smaller run of the same test
	}
	s := newSynth(1000)
	idx := NewStoryIndex(Options{})
	var peakHeap uint64
	var ms runtime.MemStats
	start := time.Now()
	last := start
	lastPairs, lastCands := 0, 0
	lastCPU := cpuTime()
	s.stream(n, func(i int, d domain.Document, ex domain.Extraction) bool {
		idx.Add(d, ex)
		if (i+1)%100_000 == 0 {
			runtime.ReadMemStats(&ms)
			peakHeap = max(peakHeap, ms.HeapAlloc)
			now, cpu := time.Now(), cpuTime()
			// wall time depends on what else the machine runs; CPU time is the cost
			t.Logf("%7d docs: %6.0f ns/doc wall, %6.0f ns/doc CPU over the last 100k (incl. generation), %4.0f candidates and %4.0f pair decisions/doc, heap %4d MiB, GCs %d, live %d, buckets %d, stories %d",
				i+1, float64(now.Sub(last).Nanoseconds())/100_000, float64((cpu-lastCPU).Nanoseconds())/100_000,
				float64(idx.cands-lastCands)/100_000, float64(idx.pairs-lastPairs)/100_000, ms.HeapAlloc>>20, ms.NumGC,
				idx.nLive, len(idx.buckets), idx.StoryCount())
			last, lastCPU = now, cpu
			lastPairs, lastCands = idx.pairs, idx.cands
		}
		return true
	})
	el := time.Since(start)
	var ru syscall.Rusage
	_ = syscall.Getrusage(syscall.RUSAGE_SELF, &ru)
	cpu := time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
	t.Logf("%d documents in %s wall, %s CPU (%.0f ns/doc incl. generation), peak heap %d MiB, peak RSS %d MiB, GOMAXPROCS %d, %d stories",
		n, el.Round(time.Second), cpu.Round(time.Second), float64(el.Nanoseconds())/float64(n), peakHeap>>20, ru.Maxrss>>10, runtime.GOMAXPROCS(0), idx.StoryCount())
	// quality on the synthetic truth: story of "sNNNNNNN-j" is NNNNNNN
	tp, fp, fn := 0, 0, 0
	byStory := map[string]map[string]int{} // predicted -> true -> n
	trueSize := map[string]int{}
	s.stream(min(n, 200_000), func(i int, d domain.Document, _ domain.Extraction) bool {
		truth := d.ID[:strings.IndexByte(d.ID, '-')]
		p := idx.StoryOf(d.ID)
		if byStory[p] == nil {
			byStory[p] = map[string]int{}
		}
		byStory[p][truth]++
		trueSize[truth]++
		return true
	})
	predSize := map[string]int{}
	for p, m := range byStory {
		for _, c := range m {
			predSize[p] += c
			tp += c * (c - 1) / 2
		}
	}
	for _, c := range predSize {
		fp += c * (c - 1) / 2
	}
	fp -= tp
	for _, c := range trueSize {
		fn += c * (c - 1) / 2
	}
	fn -= tp
	largest := 0
	for _, c := range predSize {
		largest = max(largest, c)
	}
	t.Logf("largest predicted story among the first docs: %d documents (true stories have at most 6)", largest)
	p := float64(tp) / float64(tp+fp)
	r := float64(tp) / float64(tp+fn)
	t.Logf("synthetic story pairs (first 200k docs): P=%.3f R=%.3f F1=%.3f", p, r, 2*p*r/(p+r))
	if el > 10*time.Minute {
		t.Errorf("%d documents took %s, want under 10 minutes", n, el)
	}
	if ru.Maxrss>>10 > 2048 {
		t.Errorf("peak RSS %d MiB, want under 2 GiB", ru.Maxrss>>10)
	}
}

// cpuTime is the CPU time used by the process so far (GC included).
func cpuTime() time.Duration {
	var ru syscall.Rusage
	_ = syscall.Getrusage(syscall.RUSAGE_SELF, &ru)
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
}
