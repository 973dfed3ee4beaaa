// Package domain holds the plain values that flow between skyledger's stages:
// documents in, incidents and flags out of extraction, stories and events out of clustering.
// It imports nothing from the project so that every stage can share it.
package domain

import (
	"bytes"
	"encoding/json"
)

// Document is one report as ingested: the original text and where it came from.
type Document struct {
	ID        string `json:"id"`
	URL       string `json:"url,omitempty"`
	Published string `json:"published,omitempty"` // YYYY-MM-DD, or "" when unknown
	Title     string `json:"title,omitempty"`
	Text      string `json:"text"`
	Publisher string `json:"publisher,omitempty"` // host or channel name
	Lang      string `json:"lang,omitempty"`      // en, ru, uk; filled by extraction when empty
}

// Kind is what happened to a drone.
type Kind string

const (
	Intercept Kind = "intercept" // shot down, destroyed, intercepted, suppressed
	Impact    Kind = "impact"    // a drone hit something
	Debris    Kind = "debris"    // debris of a downed drone caused damage or injury
)

// Reporter is whom a report attributes a claim to.
type Reporter string

const (
	Governor      Reporter = "governor"
	MoD           Reporter = "mod"
	AirForce      Reporter = "air_force"
	OtherOfficial Reporter = "other_official"
	Media         Reporter = "media"
)

// FlagType names a factual problem found in a report or an event.
type FlagType string

const (
	PlaceNotInRegion      FlagType = "place_not_in_region"
	RegionWrongCountry    FlagType = "region_wrong_country"
	InternalContradiction FlagType = "internal_contradiction"
)

// Span is the evidence for one field: the characters of Document.Text it came from
// (byte offsets, end exclusive) and the rule that read them.
type Span struct {
	Field string `json:"field"`
	Start int    `json:"start"` // byte offsets, for Go and other byte-indexed readers
	End   int    `json:"end"`
	// CharStart and CharEnd are the same span in Unicode code points, the offsets Python and
	// JavaScript readers index strings by.
	CharStart int    `json:"char_start"`
	CharEnd   int    `json:"char_end"`
	Text      string `json:"text"`
	Rule      string `json:"rule,omitempty"`
}

// Incident is one row: a kind of event on one date in one region, as one document reports it.
type Incident struct {
	Kind     Kind       `json:"kind"`
	Date     NullString `json:"date"`    // YYYY-MM-DD; null when the year cannot be known
	Country  NullString `json:"country"` // ISO 3166-1 alpha-2
	Region   NullString `json:"region"`  // ISO 3166-2; null for a national total or a sea
	Place    NullString `json:"place"`   // district, town or sea, in English
	Count    *int       `json:"count"`
	Killed   *int       `json:"killed"`
	Injured  *int       `json:"injured"`
	Reporter NullString `json:"reporter"`
	// Launched is an extra figure some reports give (air-force "launched N drones").
	Launched *int   `json:"launched,omitempty"`
	Evidence []Span `json:"evidence,omitempty"`
}

// Flag is one factual problem, said in one sentence for a person.
type Flag struct {
	Type       FlagType `json:"type"`
	Detail     string   `json:"detail"`
	Suggestion string   `json:"suggestion,omitempty"` // the likely correct value, when known
	Evidence   []Span   `json:"evidence,omitempty"`
	Source     string   `json:"source,omitempty"` // document id, on event flags
}

// Extraction is what extraction writes for one document (the eval contract, plus extras).
type Extraction struct {
	ID        string     `json:"id"`
	Story     string     `json:"story"`
	Lang      string     `json:"lang,omitempty"`
	Incidents []Incident `json:"incidents"`
	Flags     []Flag     `json:"flags"`
}

// PlaceKind says what sort of place a gazetteer entry is.
type PlaceKind string

const (
	CountryPlace    PlaceKind = "country"
	RegionPlace     PlaceKind = "region"     // first level: oblast, krai, republic, federal city
	DistrictPlace   PlaceKind = "district"   // second level: raion, urban or municipal okrug
	SettlementPlace PlaceKind = "settlement" // city, town, village
	WaterPlace      PlaceKind = "water"      // sea
)

// Place is one gazetteer entry.
type Place struct {
	ID         string    `json:"id"` // stable: ISO code for regions, "gn:<geonameid>" or similar otherwise
	Kind       PlaceKind `json:"kind"`
	Name       string    `json:"name"` // English
	NameRU     string    `json:"name_ru,omitempty"`
	NameUK     string    `json:"name_uk,omitempty"`
	Code       string    `json:"code,omitempty"`     // ISO 3166-2 for regions, ISO 3166-1 for countries
	Region     string    `json:"region,omitempty"`   // ISO 3166-2 of the region that holds it
	District   string    `json:"district,omitempty"` // English name of the district, when known
	Country    string    `json:"country,omitempty"`  // ISO 3166-1 alpha-2
	Lat        float64   `json:"lat"`
	Lon        float64   `json:"lon"`
	Population int       `json:"population,omitempty"`
}

// NullString is a string that is JSON null when empty, as the eval contract wants.
type NullString string

func (s NullString) MarshalJSON() ([]byte, error) {
	if s == "" {
		return []byte("null"), nil
	}
	return json.Marshal(string(s))
}

func (s *NullString) UnmarshalJSON(b []byte) error {
	if bytes.Equal(b, []byte("null")) {
		*s = ""
		return nil
	}
	var v string
	if err := json.Unmarshal(b, &v); err != nil {
		return err
	}
	*s = NullString(v)
	return nil
}

// Int returns a pointer to n, for the optional figures of an Incident.
func Int(n int) *int { return &n }
