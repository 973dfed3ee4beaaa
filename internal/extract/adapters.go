package extract

import (
	"skyledger/internal/domain"
)

// number is a figure found in the text (from textnum).
type number struct {
	start, end int
	value      int
	hedged     bool
	ordinal    bool
	t0, t1     int // token range
}

// dateMention is a date cue found in the text (from when).
type dateMention struct {
	start, end int
	date       string // YYYY-MM-DD when known
	known      bool
	weak       bool // year-only or month-year: background, not an incident date
	dateline   bool
	rule       string
	t0         int
}

// placeRef is a place name found in the text (from the gazetteer), already resolved.
type placeRef struct {
	start, end int
	t0, t1     int
	text       string
	kind       domain.PlaceKind
	generic    domain.PlaceKind // generic word next to the name ("district", "oblast"), if any
	region     string           // ISO 3166-2: the region itself, or the region holding the place
	country    string
	name       string // English name
	place      domain.Place
	adjective  bool           // a country adjective ("Ukrainian", "российских")
	alts       []domain.Place // other readings, best first
}

// bigCity is the population from which a settlement is read unambiguously: such a city names its
// region ("атака на Київ"), and it is never a namesake to move into the story's region.
const bigCity = 100000

// namesItsRegion: the mention tells which region the text is about, as a region or a big city.
func (p *placeRef) namesItsRegion() bool {
	return p.region != "" && (p.kind == domain.RegionPlace || (p.kind == domain.SettlementPlace && p.place.Population >= bigCity && !villageWord(p.text)))
}
