package cluster

import (
	"strings"
	"testing"

	"skyledger/internal/domain"
)

func inputsOf(fx []fixture) []Input {
	docs := make([]domain.Document, len(fx))
	exs := make([]domain.Extraction, len(fx))
	for i, x := range fx {
		docs[i], exs[i] = x.Doc, x.Ex
	}
	stories := Assign(docs, exs, Options{})
	in := make([]Input, len(fx))
	for i := range fx {
		in[i] = Input{Doc: docs[i], Ex: exs[i], Story: stories[i]}
	}
	return in
}

func eventByID(evs []domain.Event, id string) *domain.Event {
	for i := range evs {
		if evs[i].ID == id {
			return &evs[i]
		}
	}
	return nil
}

func TestEventsAcrossStories(t *testing.T) {
	in := inputsOf(loadFixtures(t, "testdata/events.jsonl"))
	evs := Events(in)
	klu := eventByID(evs, "ev-intercept-2026-05-03-RU-KLU")
	if klu == nil {
		t.Fatalf("no Kaluga event in %v", ids(evs))
	}
	if len(klu.Sources) != 2 || len(klu.Stories) != 2 {
		t.Fatalf("Kaluga event: %d sources in %d stories, want 2 in 2", len(klu.Sources), len(klu.Stories))
	}
	if klu.Sources[0].Document != "gov-klu" || klu.Place != "Dzerzhinsky District" || klu.WherePrec != domain.WhereDistrict {
		t.Errorf("Kaluga event led by %s, place %q prec %d", klu.Sources[0].Document, klu.Place, klu.WherePrec)
	}
	bry := eventByID(evs, "ev-intercept-2026-05-03-RU-BRY")
	if bry == nil || *bry.Count.Best != 8 || *bry.Count.Low != 6 || *bry.Count.High != 8 {
		t.Fatalf("Bryansk figures: %+v", bry.Count)
	}
	var found bool
	for _, f := range bry.Flags {
		if f.Type == domain.CountContradiction && f.Source == "mod-0503" {
			found = true
		}
	}
	if !found {
		t.Errorf("Bryansk: no count contradiction traced to mod-0503: %+v", bry.Flags)
	}
	if eventByID(evs, "ev-intercept-2026-05-03-sea-black-sea") == nil {
		t.Errorf("no sea event in %v", ids(evs))
	}
	nat := eventByID(evs, "ev-intercept-2026-05-03-national-ru")
	if nat == nil || nat.WherePrec != domain.WhereCountry || nat.TimePrec != domain.TimeExact || nat.TimeOfDay != "night" {
		t.Errorf("national event: %+v", nat)
	}
}

func ids(evs []domain.Event) []string {
	var out []string
	for _, e := range evs {
		out = append(out, e.ID)
	}
	return out
}

// TestRewriteErrorsTracedToRewrite: the planted rewrite of our own fixture story carries its
// two errors (a place not in the region, a region given to the wrong country) onto the event,
// traced to it, and its provenance says what it changed.
func TestRewriteErrorsTracedToRewrite(t *testing.T) {
	in := inputsOf(loadFixtures(t, "testdata/stories.jsonl"))
	evs := Events(in)
	ev := eventByID(evs, "ev-intercept-2026-03-14-RU-TUL")
	if ev == nil {
		t.Fatalf("no Tula event in %v", ids(evs))
	}
	if len(ev.Sources) != 3 {
		t.Fatalf("Tula event has %d sources, want 3", len(ev.Sources))
	}
	got := map[domain.FlagType]string{}
	for _, f := range ev.Flags {
		got[f.Type] = f.Source
	}
	for _, want := range []domain.FlagType{domain.PlaceNotInRegion, domain.RegionWrongCountry, domain.PlaceContradiction} {
		if got[want] != "t14-farm" {
			t.Errorf("flag %s traced to %q, want t14-farm (flags %+v)", want, got[want], ev.Flags)
		}
	}
	if ev.Original != "t14-en" && ev.Original != "t14-ru" {
		t.Errorf("original %s", ev.Original)
	}
	var farm *domain.Source
	for i := range ev.Sources {
		if ev.Sources[i].Document == "t14-farm" {
			farm = &ev.Sources[i]
		}
	}
	var details []string
	for _, c := range farm.Changes {
		details = append(details, c.Detail)
	}
	all := strings.Join(details, "\n")
	for _, want := range []string{`"Aleksinsky District" became "Alexandrovsky District"`, `"Tula Region" became "Ukraine's Tula Region"`, `date "2026-03-14" dropped`} {
		if !strings.Contains(all, want) {
			t.Errorf("changes of t14-farm lack %s:\n%s", want, all)
		}
	}
	prov := Provenance(in)
	var ok bool
	for _, p := range prov {
		if p.Story == "st-t14-en" && len(p.Rewrites) == 2 {
			ok = true
		}
	}
	if !ok {
		t.Errorf("provenance: %+v", prov)
	}
}

func TestUndatedRowJoinsItsStory(t *testing.T) {
	in := inputsOf(loadFixtures(t, "testdata/stories.jsonl"))
	evs := Events(in)
	for _, e := range evs {
		if strings.Contains(e.ID, "undated") && e.Region == "RU-TUL" {
			t.Errorf("undated Tula row was not joined to its story's event: %s", e.ID)
		}
	}
	// the ministry's undated translation joins the dated original's events
	if e := eventByID(evs, "ev-intercept-2026-03-20-RU-BRY"); e == nil || len(e.Sources) != 2 {
		t.Errorf("Bryansk 03-20: %+v", e)
	}
}

func TestLedgerReconciliation(t *testing.T) {
	in := inputsOf(loadFixtures(t, "testdata/events.jsonl"))
	evs := Events(in)
	l := Ledger(evs, in)
	var bry *domain.LedgerRow
	for i := range l.Rows {
		if l.Rows[i].Region == "RU-BRY" {
			bry = &l.Rows[i]
		}
	}
	if bry == nil || *bry.Intercepted != 8 || bry.Debris != nil || bry.Impact != nil || bry.Sources != 2 {
		t.Fatalf("Bryansk row: %+v", bry)
	}
	if len(l.Checks) != 1 {
		t.Fatalf("checks: %+v", l.Checks)
	}
	c := l.Checks[0]
	// 6 + 2 + 1 + 3 (sea) = 12 against a stated 9: a gap of -3, reported, not filled
	if c.Document != "mod-0503" || c.Status != "unreconciled" || c.RegionalSum != 12 || *c.Gap != -3 {
		t.Errorf("check: %+v", c)
	}
}

func TestFigureBestIsLeadingSource(t *testing.T) {
	srcs := []domain.Source{{Count: domain.Int(11)}, {Count: nil}, {Count: domain.Int(10)}, {Count: domain.Int(14)}}
	f := figure(srcs, func(s domain.Source) *int { return s.Count })
	if *f.Best != 11 || *f.Low != 10 || *f.High != 14 || f.Sources != 3 {
		t.Errorf("figure %+v", f)
	}
}
