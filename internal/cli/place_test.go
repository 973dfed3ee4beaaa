package cli

import (
	"encoding/json"
	"strings"
	"testing"
)

func TestPlaceVerb(t *testing.T) {
	tests := []struct {
		name     string
		args     []string
		wantCode int
		wantOut  []string
		wantErr  string
	}{
		{"district with its region", []string{"place", "Дзержинский район Калужской области"}, exitOK,
			[]string{"Dzerzhinsky District: a district in Kaluga Oblast (RU-KLU), Russia", "ru Дзержинский район",
				"id gn:563697", "lies in Kaluga Oblast (RU-KLU), as the text says", `Readings of "Дзержинский район"`}, ""},
		{"words unquoted", []string{"place", "Дзержинский", "район", "Калужской", "области"}, exitOK,
			[]string{"Dzerzhinsky District: a district in Kaluga Oblast", "lies in Kaluga Oblast"}, ""},
		{"typed in lower case", []string{"place", "дзержинский район калужской области"}, exitOK,
			[]string{"Dzerzhinsky District: a district in Kaluga Oblast", "lies in Kaluga Oblast"}, ""},
		{"city and its other readings", []string{"place", "Kursk"}, exitOK,
			[]string{"Kursk: a city in Kursk Oblast (RU-KRS), Russia", "ru Курск", "population", "Kursk Oblast", "region"}, ""},
		{"ukrainian raion", []string{"place", "Харківський район"}, exitOK,
			[]string{"Kharkiv District: a district in Kharkiv Oblast (UA-63), Ukraine", "uk Харківський район"}, ""},
		{"ukrainian oblast inflected", []string{"place", "у Харківській області"}, exitOK,
			[]string{"Kharkiv Oblast: a region (UA-63) of Ukraine", "code UA-63"}, ""},
		{"region flag narrows", []string{"place", "--region", "RU-KLU", "Kirov"}, exitOK,
			[]string{"Kirov: a city in Kaluga Oblast (RU-KLU)", "lies in Kaluga Oblast"}, ""},
		{"unknown district in a known region", []string{"place", "Джезказганский район Калужской области"}, exitFailed,
			[]string{"Nearest names in Kaluga Oblast:", "1. Dzerzhinsky District"},
			`no "Джезказганский район" in Kaluga Oblast; did you mean Dzerzhinsky District?`},
		{"foreign city named as a district", []string{"place", "Dzhezkazgan district, Kaluga region"}, exitFailed,
			[]string{"Zhezqazghan: a city in Kazakhstan"},
			`"Dzhezkazgan district" is not in Kaluga Oblast: Zhezqazghan is a city in Kazakhstan; did you mean Dzerzhinsky District?`},
		{"village opening the text", []string{"place", "Tetkino, Kursk region"}, exitOK,
			[]string{"Tëtkino: a settlement in Kursk Oblast (RU-KRS), Russia", "ru Тёткино", "lies in Kursk Oblast"}, ""},
		{"city in the wrong region", []string{"place", "Shebekino, Kursk Oblast"}, exitFailed,
			[]string{"Shebekino: a city in Belgorod Oblast"}, `"Shebekino" is not in Kursk Oblast`},
		{"nonsense", []string{"place", "Qwertyuiop"}, exitFailed, nil, `"Qwertyuiop" is not a place the gazetteer knows.`},
		{"typo suggests across regions", []string{"place", "Shebeknisky District"}, exitFailed,
			[]string{"Nearest names in the gazetteer:", "Shebekinsky District"}, "did you mean Shebekinsky District (Belgorod Oblast)"},
		{"no name", []string{"place"}, exitUsage, nil, "give a place name"},
		{"bad region code", []string{"place", "--region", "RU-XXX", "Kursk"}, exitUsage, nil, `unknown region code "RU-XXX"`},
		{"bad count", []string{"place", "-n", "0", "Kursk"}, exitUsage, nil, "-n must be at least 1"},
		{"help", []string{"place", "-h"}, exitOK, nil, "Usage: skyledger place NAME..."},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			code, out, errs := run(t, "", tc.args...)
			checkRun(t, code, out, errs, tc.wantCode, tc.wantOut, tc.wantErr)
			if tc.wantCode == exitFailed && strings.Count(strings.TrimSpace(errs), "\n") != 0 {
				t.Errorf("the failure message is more than one line: %q", errs)
			}
		})
	}
}

func TestPlaceVerbJSON(t *testing.T) {
	tests := []struct {
		name      string
		args      []string
		wantCode  int
		wantID    string // best reading; "" wants none
		wantIn    *bool
		wantSugg  string // first suggestion, when any is wanted
		wantError bool
	}{
		{"resolved in its region", []string{"place", "--json", "Дзержинский район Калужской области"}, exitOK, "gn:563697", placeBool(true), "", false},
		{"flag after the name", []string{"place", "Kursk", "--json"}, exitOK, "gn:538560", nil, "", false},
		{"not in the region", []string{"place", "--json", "Dzhezkazgan district, Kaluga region"}, exitFailed, "gn:1516589", placeBool(false), "gn:563697", true},
		{"unresolved", []string{"place", "--json", "--region", "RU-KLU", "Dzhezkazgan District"}, exitFailed, "gn:1516589", placeBool(false), "gn:563697", true},
		{"unknown name", []string{"place", "--json", "Джезказганский район Калужской области"}, exitFailed, "", nil, "gn:563697", true},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			code, out, errs := run(t, "", tc.args...)
			if code != tc.wantCode {
				t.Errorf("exit %d, want %d (stderr %q)", code, tc.wantCode, errs)
			}
			var ans placeAnswer
			dec := json.NewDecoder(strings.NewReader(out))
			if err := dec.Decode(&ans); err != nil {
				t.Fatalf("stdout is not one JSON object: %v\n%s", err, out)
			}
			if dec.More() {
				t.Errorf("more than one JSON value on stdout:\n%s", out)
			}
			switch {
			case tc.wantID == "" && ans.Place != nil:
				t.Errorf("place %s, want null", ans.Place.ID)
			case tc.wantID != "" && (ans.Place == nil || ans.Place.ID != tc.wantID):
				t.Errorf("place %+v, want %s", ans.Place, tc.wantID)
			}
			if (tc.wantIn == nil) != (ans.InRegion == nil) || tc.wantIn != nil && *tc.wantIn != *ans.InRegion {
				t.Errorf("in_region %v, want %v", ans.InRegion, tc.wantIn)
			}
			if tc.wantSugg != "" && (len(ans.Suggestions) == 0 || ans.Suggestions[0].ID != tc.wantSugg) {
				t.Errorf("suggestions %+v, want %s first", ans.Suggestions, tc.wantSugg)
			}
			if (ans.Error != "") != tc.wantError {
				t.Errorf("error %q, want one: %v", ans.Error, tc.wantError)
			}
			if ans.Candidates == nil {
				t.Error("candidates is null, want a list")
			}
		})
	}
}

func placeBool(v bool) *bool { return &v }
