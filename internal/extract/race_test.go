//go:build race

package extract

// raceSlowdown: the race detector makes the extractor some ten times slower.
const raceSlowdown = 10
