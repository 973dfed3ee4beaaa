// Package sample bundles a handful of reports written for skyledger's demo and tests: a ministry
// tally, a governor's post, its wire version and a content-farm rewrite with two planted errors,
// Ukrainian air-force and oblast posts, and a page with no incidents. They are our own text,
// modelled on the shapes real reports take; no real report is copied.
package sample

import _ "embed"

// Reports is the bundled sample as JSONL documents.
//
//go:embed reports.jsonl
var Reports []byte
