package lang

import (
	"strings"
	"testing"
)

func TestDetect(t *testing.T) {
	tests := []struct{ name, text, want string }{
		{"en", "Air defences destroyed 26 drones over the region overnight, the governor said.", "en"},
		{"en headline", "Drones downed near Bryansk", "en"},
		{"ru", "Этой ночью силы ПВО сбили 12 беспилотников над областью, сообщил губернатор.", "ru"},
		{"uk", "Минулої ночі сили ППО знищили 12 безпілотників над областю, повідомив голова ОВА.", "uk"},
		{"ru no ы", "Над регионом сбиты два беспилотника, пострадавших нет, сказал он.", "ru"},
		{"uk short", "Збито дрон над Києвом", "uk"},
		{"ru with English names", "Губернатор сообщил, что Shahed был сбит над заводом Rostec, а также что обломки упали на склад.", "ru"},
		{"uk quoting ru", "Голова ОВА повідомив, що росіяни атакували область. Російське ЗМІ написало: «Это была ответная мера». Також було пошкоджено будинок і гараж, а постраждалих немає.", "uk"},
		{"ru quoting uk", "В Минобороны заявили, что это была атака. Украинский канал написал: «Вибухи чули в місті». Также было сообщено, что сбито 15 дронов и что пострадавших нет.", "ru"},
		{"en quoting ru", "The governor wrote on Telegram: «Сбиты два БПЛА». He said there were no casualties and that the debris fell on a field near the village.", "en"},
		{"empty", "", ""},
		{"digits only", "12 34 2025-08-27", ""},
		{"punct", "— … !!", ""},
		{"too short", "ok", ""},
		{"apostrophe", "П’ять дронів збито", "uk"},
		// a short word padded with apostrophes overflowed the word buffer (a panic)
		{"apostrophes", "аб в", ""},
		{"apostrophes uk", "Збито дрон над Києвом, з’’’’’’’’’’’’’’’’’’’’’’’’’’’ясовується", "uk"},
	}
	for _, tc := range tests {
		if got := Detect(tc.text); got != tc.want {
			t.Errorf("%s: Detect(%q) = %q, want %q", tc.name, tc.text, got, tc.want)
		}
	}
}

func FuzzDetect(f *testing.F) {
	f.Add("Этой ночью сбиты дроны")
	f.Add("Вночі збито дрони")
	f.Add("\xff\xfeabc")
	f.Add("аб")
	f.Fuzz(func(t *testing.T, s string) {
		switch Detect(s) {
		case "", "en", "ru", "uk":
		default:
			t.Fatal("unexpected language")
		}
	})
}

func BenchmarkDetect(b *testing.B) {
	text := strings.Repeat("Минулої ночі сили ППО знищили 26 ударних дронів над областю, повідомив голова ОВА. "+
		"Губернатор сообщил, что обломки упали на склад. Overnight, 40 drones were downed. ", 8)
	b.SetBytes(int64(len(text)))
	b.ReportAllocs()
	for b.Loop() {
		Detect(text)
	}
}
