// Package extract turns one report into incident rows (kind, date, country, region, place, count,
// killed, injured, reporter) with evidence spans, and flags factual problems it can see.
//
// It is a rule engine over data: the words it reacts to live in lexicon/{en,ru,uk}.tsv and the
// officials it knows in lexicon/officials.tsv (see lexicon/README.md). Place names come from the
// gazetteer, figures from textnum, dates from when.
//
// The pipeline for one document:
//  1. tokenize, match the lexicon, find figures, dates, places and officials once over the text;
//  2. split into sentences; walk them in order keeping a context (who speaks, which region and
//     which date the story is at);
//  3. a sentence with an event trigger (intercept / impact / debris words) and a drone word, and
//     without history or forecast cues, yields rows: one per region it names, per-region figures
//     for ministry-style breakdowns, a national row for a stated total;
//  4. casualty and "no casualties" sentences fill killed/injured on the rows they are about;
//  5. rows with the same (kind, date, country, region) are merged; flags are checked.
//
// Evidence offsets are byte offsets into Document.Text (Start, End) and the same span in code
// points (CharStart, CharEnd). Evidence found in the title has a field prefixed "title." and
// offsets into Document.Title.
package extract
