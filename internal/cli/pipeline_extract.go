package cli

import (
	"fmt"

	"skyledger/internal/domain"
	"skyledger/internal/extract"
	"skyledger/internal/gazetteer"
)

// loadExtractor builds the incident extractor the stories, events and nightly verbs run on each
// document.
func loadExtractor() (extractFunc, error) {
	g, err := gazetteer.Load()
	if err != nil {
		return nil, fmt.Errorf("load gazetteer: %w", err)
	}
	x, err := extract.New(g)
	if err != nil {
		return nil, err
	}
	return func(d domain.Document) domain.Extraction { return x.Extract(d) }, nil
}
