package extract

import (
	"fmt"
	"strings"
)

// category is a lexicon entry's category. The rules look a sentence's hits up by category for
// every check, so it is a small number indexing an array rather than a string keying a map.
type category uint8

const (
	catAboutThis category = iota
	catAnother
	catBadUnit
	catBelarus
	catDamage
	catDebris
	catDistance
	catDrone
	catEach
	catFirstName
	catHistory
	catImpact
	catIncident
	catInjured
	catIntercept
	catKilled
	catLaunched
	catModal
	catNational
	catNoCas
	catNoDamage
	catNoInj
	catNotDrone
	catNotPlace
	catOfWhich
	catOrigin
	catPartial
	catPerson
	catRecap
	catRegionWord
	catRepAirForce
	catRepGovernor
	catRepMedia
	catRepMoD
	catRepOther
	catSpeech
	catTarget
	catTotal
	catUnit
	catUnknownCas
	catWeapon
	catWindow
	catFurniture // page furniture: "Читайте також", "ЩЕ ЗА ТЕМОЮ" (tag rest: the rest is other stories)
	catOfficial  // a named official (officials.tsv), not a lexicon category
	numCategories
)

// categoryNames are the names the lexicon files use (lexicon/README.md).
var categoryNames = [numCategories]string{
	catAboutThis: "aboutthis", catAnother: "another", catBadUnit: "badunit", catBelarus: "belarus",
	catDamage: "damage", catDebris: "debris", catDistance: "distance", catDrone: "drone", catEach: "each",
	catFirstName: "firstname", catHistory: "history", catImpact: "impact", catIncident: "incident",
	catInjured: "injured", catIntercept: "intercept", catKilled: "killed", catLaunched: "launched",
	catModal: "modal", catNational: "national", catNoCas: "nocas", catNoDamage: "nodamage",
	catNoInj: "noinj", catNotDrone: "notdrone", catNotPlace: "notplace", catOfWhich: "ofwhich",
	catOrigin: "origin", catPartial: "partial", catPerson: "person", catRecap: "recap", catRegionWord: "regionword",
	catRepAirForce: "rep_air_force", catRepGovernor: "rep_governor", catRepMedia: "rep_media",
	catRepMoD: "rep_mod", catRepOther: "rep_other", catSpeech: "speech", catTarget: "target",
	catTotal: "total", catUnit: "unit", catUnknownCas: "unknowncas", catWeapon: "weapon",
	catWindow: "window", catFurniture: "furniture", catOfficial: "official",
}

func (c category) String() string { return categoryNames[c] }

// parseCategory reads a lexicon file's category name; a misspelt one is an error, not a
// category no rule reads.
func parseCategory(name string) (category, error) {
	for c, n := range categoryNames {
		if n == name && category(c) != catOfficial {
			return category(c), nil
		}
	}
	return 0, fmt.Errorf("unknown category %q (known: %s)", name, strings.Join(categoryNames[:catOfficial], ", "))
}

// sentHits is one sentence's hits by category.
type sentHits = *catHits

type catHits [numCategories][]hit
