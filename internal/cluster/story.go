// Package cluster groups documents into stories (an original with its rewrites, reprints and
// translations) and reconciles the incidents of all documents into events and a nightly ledger.
//
// Stories are single-link components of a symmetric pair decision: two documents are the same
// story when their text is near-identical, or when their names, numbers and extracted facts agree
// and nothing vetoes it (different regions, different nights). The decision looks at the two
// documents only, so the components, and the story ids (named after each component's canonical
// earliest member), do not depend on the order in which documents arrive within the window.
package cluster

import (
	"container/heap"
	"sort"

	"skyledger/internal/domain"
)

// Options tune a StoryIndex. The zero value is usable: every field has a default.
type Options struct {
	// WindowDays: documents published more than this many days apart are compared only when a
	// near-duplicate text links them while both are in the window. Memory for document features
	// is bounded by the documents inside the window. Default 45 (re-publications a month later
	// happen).
	WindowDays int
	// Threshold on the pair score; default 1.65.
	Threshold float64
	// BucketCap bounds how many recent documents each candidate key keeps, so that the cost per
	// document does not grow with the number of documents or stories seen. Default 48.
	BucketCap int
	// RecentDocs: the features of the last RecentDocs documents added are kept whatever their
	// dates, so that input out of publication order (a shuffled file, a late crawl) still meets
	// its story; the window alone would have evicted them when a newer document moved its edge.
	// Memory is bounded by the window or by this, whichever holds more. Default 100000;
	// negative: the window alone.
	RecentDocs int
}

func (o Options) withDefaults() Options {
	if o.WindowDays <= 0 {
		o.WindowDays = 45
	}
	if o.Threshold == 0 {
		o.Threshold = 1.65
	}
	if o.BucketCap <= 0 {
		o.BucketCap = 48
	}
	switch {
	case o.RecentDocs == 0:
		o.RecentDocs = 100_000
	case o.RecentDocs < 0:
		o.RecentDocs = 0
	}
	return o
}

// docInfo is what is kept of every document ever added (small: the window evicts features).
type docInfo struct {
	id     string
	pub    int32
	rank   int8 // officialness of the most official reporter, lower is more official
	parent int32
	best   int32 // at a root: the component's canonical earliest member
}

// StoryIndex clusters documents into stories incrementally. It is not safe for concurrent use.
type StoryIndex struct {
	opts    Options
	docs    []docInfo
	byID    map[string]int32
	live    []*features // by document index; nil once a document left the window
	nLive   int
	buckets map[uint64][]int32
	clock   int32      // latest publication day seen: the window's right edge
	queue   evictQueue // live documents by date
	aged    evictQueue // out of the window but among the recent ones, by arrival
	adds    int
	pairs   int // pair decisions made: the work per document, which the caps keep flat
	cands   int // candidates looked at (before the cheap prefilter)
	roots   int // number of components (stories)
	// scratch for candidate collection
	cand []int32
	seen []int32 // by document index: the last document that had it as a candidate
}

// NewStoryIndex returns an empty index.
func NewStoryIndex(opts Options) *StoryIndex {
	return &StoryIndex{
		opts:    opts.withDefaults(),
		byID:    map[string]int32{},
		buckets: map[uint64][]int32{},
		clock:   noDay,
	}
}

// reporterRank orders reporters by how official and specific they are (lower first).
func reporterRank(r string) int8 {
	switch domain.Reporter(r) {
	case domain.Governor:
		return 0
	case domain.MoD, domain.AirForce:
		return 1
	case domain.OtherOfficial:
		return 2
	case domain.Media:
		return 3
	}
	return 4
}

func extractionRank(ex domain.Extraction) int8 {
	best := int8(4)
	for _, inc := range ex.Incidents {
		if r := reporterRank(string(inc.Reporter)); r < best {
			best = r
		}
	}
	return best
}

// Add puts one document into the index and returns its current story id. A later document
// can join two stories into one; StoryOf/Resolve give the final id.
func (s *StoryIndex) Add(doc domain.Document, ex domain.Extraction) string {
	if i, ok := s.byID[doc.ID]; ok {
		return s.storyID(s.find(i))
	}
	return s.StoryOfRef(s.AddPrepared(Prepare(doc, ex)))
}

// Prepared is what the index needs of one document: its compact features (signature, names,
// numbers, dates, facts), not its text. Preparing is most of the cost of Add and needs no
// index, so callers with worker goroutines prepare in parallel and add in order.
type Prepared struct {
	f    *features
	rank int8
}

// Prepare computes a document's features; it is safe for concurrent use.
func Prepare(doc domain.Document, ex domain.Extraction) *Prepared {
	return &Prepared{f: newFeatures(doc, ex), rank: extractionRank(ex)}
}

// Ref names a document of the index by its position, so that a caller can ask for its story
// later without keeping its id.
type Ref int32

// AddPrepared is Add for a prepared document; StoryOfRef gives its story. A document id seen
// before keeps its first features and story.
func (s *StoryIndex) AddPrepared(p *Prepared) Ref {
	if i, ok := s.byID[p.f.id]; ok {
		return Ref(i)
	}
	s.addFeatures(p.f, p.rank)
	return Ref(len(s.docs) - 1)
}

// StoryOfRef is the story of a document as it stands now.
func (s *StoryIndex) StoryOfRef(r Ref) string {
	if r < 0 || int(r) >= len(s.docs) {
		return ""
	}
	return s.storyID(s.find(int32(r)))
}

// StoryCount is the number of stories so far.
func (s *StoryIndex) StoryCount() int { return s.roots }

func (s *StoryIndex) addFeatures(f *features, rank int8) {
	idx := int32(len(s.docs))
	f.idx = idx
	s.docs = append(s.docs, docInfo{id: f.id, pub: f.pub, rank: rank, parent: idx, best: idx})
	s.byID[f.id] = idx
	s.live = append(s.live, nil)
	s.roots++

	t := f.pub
	if t == noDay || (s.clock != noDay && t > s.clock+int32(s.opts.WindowDays)) {
		// Undated documents live at the window's current edge; so do documents dated far in
		// the future (bad dates), so that they cannot pin the window open.
		if t == noDay {
			t = s.clock
		}
	}
	if t != noDay && (s.clock == noDay || t > s.clock) {
		s.clock = t
	}
	// every time, not only when the edge moves: a stream of old-dated documents that never moves
	// it must still see them leave (once they are no longer among the recent ones)
	s.evict()
	s.age()

	keys := candidateKeys(f)
	s.cand = s.cand[:0]
	s.seen = append(s.seen, -1)
	for _, k := range keys {
		for _, j := range s.buckets[k] {
			if s.seen[j] != idx { // each candidate once; the visiting order cannot change the components
				s.seen[j] = idx
				s.cand = append(s.cand, j)
			}
		}
	}
	s.cands += len(s.cand)
	for _, j := range s.cand {
		g := s.live[j]
		if g == nil || s.tooFar(f, g) || !mayJoin(f, g) || s.find(j) == s.find(idx) {
			continue // out of reach, hopeless, or already one story
		}
		s.pairs++
		if evidence(f, g).same(s.opts.Threshold) {
			s.union(idx, j)
		}
	}
	for _, k := range keys {
		b := append(s.buckets[k], idx)
		if len(b) > s.opts.BucketCap {
			// keep the most recent: drop the oldest quarter at once to amortise the copy
			drop := len(b) - s.opts.BucketCap*3/4
			b = append(b[:0], b[drop:]...)
		}
		s.buckets[k] = b
	}
	s.live[idx] = f
	s.nLive++
	heap.Push(&s.queue, evictItem{idx: idx, t: t})
	s.adds++
	if s.adds%4096 == 0 {
		s.sweep()
	}
}

// tooFar: two documents whose publication dates are further apart than the window never meet,
// whatever order they arrive in.
func (s *StoryIndex) tooFar(a, b *features) bool {
	if a.pub == noDay || b.pub == noDay {
		return false
	}
	return absInt(int(a.pub-b.pub)) > s.opts.WindowDays
}

// candidateKeys: LSH bands of the text, (region, day) of each fact, (region, undated) and the
// longest name skeletons. Documents that share none of them are never compared.
func candidateKeys(f *features) []uint64 {
	keys := make([]uint64, 0, numBands+8)
	if f.hasText {
		b := bands(&f.sig)
		keys = append(keys, b[:]...)
	}
	seen := map[uint64]bool{}
	add := func(k uint64) {
		if !seen[k] {
			seen[k] = true
			keys = append(keys, k)
		}
	}
	for _, x := range f.facts {
		r := fnv64("region:" + x.region)
		if x.day != noDay {
			add(mix(r, uint64(int64(x.day))))
		} else {
			add(mix(r, 0xFFFF))
		}
	}
	for _, k := range f.longest {
		add(k)
	}
	return keys
}

func (s *StoryIndex) find(i int32) int32 {
	for s.docs[i].parent != i {
		p := s.docs[i].parent
		s.docs[i].parent = s.docs[p].parent
		i = p
	}
	return i
}

// earlier orders documents canonically: known publication dates first, earliest first, then id.
func (s *StoryIndex) earlier(a, b int32) bool {
	da, db := s.docs[a], s.docs[b]
	if (da.pub == noDay) != (db.pub == noDay) {
		return da.pub != noDay
	}
	if da.pub != db.pub {
		return da.pub < db.pub
	}
	return da.id < db.id
}

func (s *StoryIndex) union(a, b int32) {
	ra, rb := s.find(a), s.find(b)
	if ra == rb {
		return
	}
	// smaller index as root keeps the forest shallow enough with path halving
	if rb < ra {
		ra, rb = rb, ra
	}
	s.docs[rb].parent = ra
	if bb := s.docs[rb].best; s.earlier(bb, s.docs[ra].best) {
		s.docs[ra].best = bb
	}
	s.roots--
}

func (s *StoryIndex) storyID(root int32) string {
	return "st-" + s.docs[s.docs[root].best].id
}

// StoryOf returns the story id of a document as it stands now ("" when unknown).
func (s *StoryIndex) StoryOf(docID string) string {
	i, ok := s.byID[docID]
	if !ok {
		return ""
	}
	return s.storyID(s.find(i))
}

// Resolve is StoryOf under the name the pipeline uses once every document is in.
func (s *StoryIndex) Resolve(docID string) string { return s.StoryOf(docID) }

// Len is the number of documents added.
func (s *StoryIndex) Len() int { return len(s.docs) }

// Stories returns every story with its documents, sorted by story id.
func (s *StoryIndex) Stories() []domain.Story {
	groups := map[int32][]int32{}
	for i := range s.docs {
		r := s.find(int32(i))
		groups[r] = append(groups[r], int32(i))
	}
	out := make([]domain.Story, 0, len(groups))
	for r, members := range groups {
		sort.Slice(members, func(a, b int) bool { return s.earlier(members[a], members[b]) })
		st := domain.Story{ID: s.storyID(r)}
		orig := members[0]
		for _, m := range members {
			st.Documents = append(st.Documents, s.docs[m].id)
			if s.docs[m].pub == s.docs[orig].pub && s.docs[m].rank < s.docs[orig].rank {
				orig = m
			}
		}
		st.Original = s.docs[orig].id
		st.First = dayString(s.docs[members[0]].pub)
		for k := len(members) - 1; k >= 0; k-- {
			if p := s.docs[members[k]].pub; p != noDay {
				st.Last = dayString(p)
				break
			}
		}
		out = append(out, st)
	}
	sort.Slice(out, func(a, b int) bool { return out[a].ID < out[b].ID })
	return out
}

// evict drops the features of documents that fell out of the window, or sets them aside while
// they are among the recent ones.
func (s *StoryIndex) evict() {
	limit := s.clock - int32(s.opts.WindowDays)
	for s.queue.Len() > 0 && s.queue[0].t < limit {
		it := heap.Pop(&s.queue).(evictItem)
		if it.t == noDay {
			// undated and added before any date was known: it arrives "now"
			it.t = s.clock
			heap.Push(&s.queue, it)
			continue
		}
		if s.recent(it.idx) {
			heap.Push(&s.aged, evictItem{idx: it.idx, t: it.idx})
			continue
		}
		s.drop(it.idx)
	}
}

func (s *StoryIndex) recent(i int32) bool { return int(i) >= len(s.docs)-s.opts.RecentDocs }

// age drops the documents set aside by evict once they are no longer recent.
func (s *StoryIndex) age() {
	for s.aged.Len() > 0 && !s.recent(s.aged[0].idx) {
		s.drop(heap.Pop(&s.aged).(evictItem).idx)
	}
}

func (s *StoryIndex) drop(i int32) {
	if s.live[i] != nil {
		s.live[i] = nil
		s.nLive--
	}
}

// sweep removes bucket entries of evicted documents, and empty buckets, so that the key map
// stays proportional to the window.
func (s *StoryIndex) sweep() {
	for k, b := range s.buckets {
		n := 0
		for _, j := range b {
			if s.live[j] != nil {
				b[n] = j
				n++
			}
		}
		if n == 0 {
			delete(s.buckets, k)
			continue
		}
		s.buckets[k] = b[:n]
	}
}

type evictItem struct {
	idx int32
	t   int32
}

type evictQueue []evictItem

func (q evictQueue) Len() int { return len(q) }
func (q evictQueue) Less(i, j int) bool {
	if q[i].t != q[j].t {
		return q[i].t < q[j].t
	}
	return q[i].idx < q[j].idx
}
func (q evictQueue) Swap(i, j int) { q[i], q[j] = q[j], q[i] }
func (q *evictQueue) Push(x any)   { *q = append(*q, x.(evictItem)) }
func (q *evictQueue) Pop() any {
	old := *q
	it := old[len(old)-1]
	*q = old[:len(old)-1]
	return it
}

// Assign clusters a whole batch and returns the final story id of each document, in input order.
// It is what `skyledger extract` uses to fill the story field once every extraction is known.
func Assign(docs []domain.Document, exs []domain.Extraction, opts Options) []string {
	idx := NewStoryIndex(opts)
	for i := range docs {
		var ex domain.Extraction
		if i < len(exs) {
			ex = exs[i]
		}
		idx.Add(docs[i], ex)
	}
	out := make([]string, len(docs))
	for i, d := range docs {
		out[i] = idx.StoryOf(d.ID)
	}
	return out
}
