package domain

// Story is a group of documents that report the same thing: an original and its rewrites,
// reprints and translations.
type Story struct {
	ID        string   `json:"id"`
	Documents []string `json:"documents"` // document ids, canonical order (published, then id)
	Original  string   `json:"original"`  // the earliest, most official member
	First     string   `json:"first,omitempty"`
	Last      string   `json:"last,omitempty"` // published range of the members, YYYY-MM-DD
}

// Source is one document's sighting of an event.
type Source struct {
	Document  string     `json:"document"`
	Story     string     `json:"story,omitempty"`
	URL       string     `json:"url,omitempty"`
	Publisher string     `json:"publisher,omitempty"`
	Published string     `json:"published,omitempty"`
	Reporter  NullString `json:"reporter"`
	Original  bool       `json:"original,omitempty"` // the original of its story
	Date      NullString `json:"date"`               // the date this source gives
	Place     NullString `json:"place"`
	Country   NullString `json:"country"`
	Count     *int       `json:"count"`
	Killed    *int       `json:"killed"`
	Injured   *int       `json:"injured"`
	// Changes says what this source changed, added or dropped against its story's original.
	Changes []Change `json:"changes,omitempty"`
}

// Change is one difference of a rewrite against its original.
type Change struct {
	Op     string `json:"op"`    // changed, added, dropped
	Field  string `json:"field"` // place, region, country, count, killed, injured, date, kind, reporter, incident
	From   string `json:"from,omitempty"`
	To     string `json:"to,omitempty"`
	Detail string `json:"detail"`
}

// Figure is a number as sources report it: the best value and the range (UCDP style).
type Figure struct {
	Best    *int `json:"best"`
	Low     *int `json:"low"`
	High    *int `json:"high"`
	Sources int  `json:"sources"` // how many sources state a number
}

// Time precision codes (see docs/decisions.md "Stories and events").
const (
	TimeExact   = 1 // every dated source gives the same day
	TimeNearDay = 2 // dated sources differ by one day (night-boundary readings)
	TimeWide    = 3 // dated sources differ by more than a day
	TimeUnknown = 4 // no source gives a date
)

// Place precision codes, UCDP where_prec-like.
const (
	WhereExact    = 1 // a settlement or exact place
	WhereDistrict = 2 // a district (raion, okrug)
	WhereRegion   = 3 // only the region
	WhereCountry  = 4 // only the country, a national total, or a sea
)

// Event is one happening (kind, date, region) reconciled from every document that reports it.
type Event struct {
	ID        string     `json:"id"`
	Kind      Kind       `json:"kind"`
	Date      NullString `json:"date"`
	Country   NullString `json:"country"`
	Region    NullString `json:"region"` // null: national total (or a sea, then Place names it)
	Place     NullString `json:"place"`  // the most specific place the best source gives
	TimeOfDay string     `json:"time_of_day"`
	TimePrec  int        `json:"time_prec"`
	WherePrec int        `json:"where_prec"`
	Count     Figure     `json:"count"`
	Killed    Figure     `json:"killed"`
	Injured   Figure     `json:"injured"`
	Stories   []string   `json:"stories"`
	Original  string     `json:"original"` // the document taken as the original source
	Sources   []Source   `json:"sources"`
	// Flags are contradictions between sources and the documents' own flags, each with Source set.
	Flags []Flag `json:"flags"`
}

// Event flag types: contradictions between the sources of one event.
const (
	CountContradiction   FlagType = "count_contradiction"
	DateContradiction    FlagType = "date_contradiction"
	PlaceContradiction   FlagType = "place_contradiction"
	KindContradiction    FlagType = "kind_contradiction"
	CountryContradiction FlagType = "country_contradiction"
)

// LedgerRow is one night in one region: what was reported, best figures per kind.
type LedgerRow struct {
	Night       string     `json:"night"`  // YYYY-MM-DD (the date the night ends on)
	Region      NullString `json:"region"` // null: national total
	Country     NullString `json:"country"`
	Intercepted *int       `json:"intercepted"`
	Impact      *int       `json:"impact"`
	Debris      *int       `json:"debris"`
	Events      []string   `json:"events"`
	Sources     int        `json:"sources"`
}

// Reconciliation checks one source's regional figures against its national total for one night.
type Reconciliation struct {
	Night       string   `json:"night"`
	Kind        Kind     `json:"kind"`
	Document    string   `json:"document"`
	Reporter    string   `json:"reporter,omitempty"`
	National    *int     `json:"national"`
	RegionalSum int      `json:"regional_sum"`
	Regions     int      `json:"regions"`
	Unknown     []string `json:"unknown_regions,omitempty"` // regions listed without a number
	Gap         *int     `json:"gap"`                       // national - regional sum; null when not computable
	Status      string   `json:"status"`                    // reconciled, unreconciled, incomplete
}

// Ledger is the nightly ledger: rows per night and region plus the reconciliation checks.
type Ledger struct {
	Rows   []LedgerRow      `json:"rows"`
	Checks []Reconciliation `json:"checks"`
}

// Provenance says, for one story, which document is the original and what each rewrite
// changed, added or dropped against it.
type Provenance struct {
	Story    string    `json:"story"`
	Original string    `json:"original"`
	Rewrites []Rewrite `json:"rewrites"`
}

// Rewrite is one non-original member of a story and its differences from the original.
type Rewrite struct {
	Document string   `json:"document"`
	Changes  []Change `json:"changes"`
}
