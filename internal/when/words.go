package when

import (
	"slices"
	"strings"

	"skyledger/internal/fold"
)

// cls is a set of word classes; one word can be in several ("с" is "from" and "since").
type cls uint64

const (
	cMonth       cls = 1 << iota
	cWeekday         // v = time.Weekday
	cNight           // ночь, ніч, night
	cNightAdv        // ночью, вночі, уночі, overnight, tonight
	cNightGen        // ночи, ночі
	cNightAdj        // ночная, нічна, nighttime
	cAttack          // атака, обстріл, attack
	cIn              // в, во, у, in
	cOn              // на, on
	cFrom            // с, з, from
	cProti           // uk проти
	cInto            // into, to
	cOf              // of
	cThe             // the
	cDuring          // during, течение, протягом
	cToday           // today, сегодня, сьогодні
	cYesterday       // yesterday, вчера, вчора
	cDBY             // позавчера, позавчора
	cDay             // day
	cBefore          // before
	cMorningAdv      // утром, зранку, вранці: "this morning" on its own
	cMorning         // утра, утру, ранку, morning
	cDayPart         // morning, evening, afternoon in any form
	cThis            // this, этой, цієї
	cLast            // last, past, минувшей, минулої, прошлой
	cSutki           // сутки, доба
	cHours           // hours, часа, години
	cYearW           // года, року, рік, г, р, year
	cSince           // since, с, з, від, from
	cBy              // к, до, by
	cFor             // за, over, for
	cAnd             // и, і, та, and
	cTo              // to, по, до, through: ranges
	cDatePrep        // words after which "27.08" is a date
	cWeekdayPrep     // prepositions before a weekday: в, во, у, on
	cUntil           // until, till, до, по
	cBeforeLast      // позапрошлой, позаминулої: the night before last
)

type winfo struct {
	c    cls
	v    int  // month 1..12, or weekday
	lang byte // 'e', 'r', 'u'; 0 when shared
}

// wordTable lines: class, language, then forms. Months and weekdays get their value from the line.
const wordTable = `
night r ночь
night u ніч
night e night
nightadv r ночью
nightadv u вночі уночі
nightadv e overnight tonight
nightgen r ночи
nightgen u ночі
nightadj r ночная ночной ночную ночного ночное ночные ночных ночным
nightadj u нічна нічної нічну нічній нічний нічного нічні нічних
nightadj e nighttime
attack r атака атаки атаку атаке атакой атак обстрел обстрела обстреле удар удара удары
attack u атака атаки атаку атаці атакою атак обстріл обстрілу обстрілі удар удару удари
attack e attack attacks strike strikes
in r в во
in u у в
in e in
on r на
on u на
on e on
from r с со от
from u з із зі від
from e from
proti u проти
into e into to
of e of
the e the
during r течение протяжении
during u протягом упродовж впродовж
during e during
today r сегодня
today u сьогодні
today e today
yesterday r вчера накануне
yesterday u вчора учора напередодні
yesterday e yesterday eve
dby r позавчера
dby u позавчора
beforelast r позапрошлой позапрошлую
beforelast u позаминулої позаминулу
last r позапрошлой позапрошлую
last u позаминулої позаминулу
day e day
before e before
morningadv r утром
morningadv u зранку вранці уранці
morning r утром утра утру утро
morning u зранку вранці уранці ранку ранок
morning e morning
daypart r утром вечером днем
daypart u зранку вранці уранці ввечері увечері вдень удень
daypart e morning evening afternoon
this r этой этим эту этот
this u цієї цю цього цей
this e this
last r минувшей минувшую минувшие прошлой прошлую прошлое прошлый прошедшие прошедшую прошедшей последние
last u минулої минулу минулий минулого минулі останні останню
last e last past previous
sutki r сутки суток
sutki u добу доби доба
hours r часа часов
hours u години годин
hours e hours
yearw r года году год г гг
yearw u року рік році р рр
yearw e year
since r с со
since u з із від
since e since from
by r к до
by u до
by e by
for r за
for u за
for e over for
and r и
and u і й та
and e and
to r по до
to u по до
to e to through till until
dateprep r на от с по до к за
dateprep u на від з по до за
dateprep e on since until till from by
wdprep r в во
wdprep u у в
wdprep e on
until r до
until u до
until e until till
`

const monthTable = `
1 r январь января январе янв
1 u січень січня січні
1 e january jan
2 r февраль февраля феврале фев
2 u лютий лютого лютому
2 e february feb
3 r март марта марте мар
3 u березень березня березні
3 e march mar
4 r апрель апреля апреле апр
4 u квітень квітня квітні
4 e april apr
5 r май мая мае
5 u травень травня травні
5 e may
6 r июнь июня июне июн
6 u червень червня червні
6 e june jun
7 r июль июля июле июл
7 u липень липня липні
7 e july jul
8 r август августа августе авг
8 u серпень серпня серпні
8 e august aug
9 r сентябрь сентября сентябре сен сент
9 u вересень вересня вересні
9 e september sep sept
10 r октябрь октября октябре окт
10 u жовтень жовтня жовтні
10 e october oct
11 r ноябрь ноября ноябре ноя нояб
11 u листопад листопада листопаді
11 e november nov
12 r декабрь декабря декабре дек
12 u грудень грудня грудні
12 e december dec
`

// Weekdays, by time.Weekday. Russian "среда"/"среде" are left out: far more often "environment".
const weekdayTable = `
0 r воскресенье воскресенья
0 u неділя неділю неділі
0 e sunday
1 r понедельник понедельника
1 u понеділок понеділка
1 e monday
2 r вторник вторника
2 u вівторок вівторка
2 e tuesday
3 r среду среды
3 u середа середу середи
3 e wednesday
4 r четверг четверга
4 u четвер четверга
4 e thursday
5 r пятница пятницу пятницы
5 u п'ятниця п'ятницю п'ятниці
5 e friday
6 r суббота субботу субботы
6 u субота суботу суботи
6 e saturday
`

var classNames = map[string]cls{
	"night": cNight, "nightadv": cNightAdv, "nightgen": cNightGen, "nightadj": cNightAdj,
	"attack": cAttack, "in": cIn, "on": cOn, "from": cFrom, "proti": cProti, "into": cInto,
	"of": cOf, "the": cThe, "during": cDuring, "today": cToday, "yesterday": cYesterday,
	"dby": cDBY, "day": cDay, "before": cBefore, "morningadv": cMorningAdv, "morning": cMorning,
	"daypart": cDayPart, "this": cThis, "last": cLast, "sutki": cSutki, "hours": cHours,
	"yearw": cYearW, "since": cSince, "by": cBy, "for": cFor, "and": cAnd, "to": cTo,
	"dateprep": cDatePrep, "wdprep": cWeekdayPrep, "until": cUntil, "beforelast": cBeforeLast,
}

// vocab holds the normalised words and, for English, their possessives ("Sunday's");
// vocabInfo[k] is the classes of vocab's key k. Built once, read-only afterwards.
var vocab, vocabInfo = buildTable(buildVocab())

func buildTable(m map[string]winfo) (*fold.Table, []winfo) {
	keys := make([]string, 0, 2*len(m))
	for k := range m {
		keys = append(keys, k)
	}
	slices.Sort(keys) // the same table every run
	infos := make([]winfo, 0, cap(keys))
	for _, k := range keys {
		infos = append(infos, m[k])
	}
	for _, k := range keys[:len(keys):len(keys)] {
		if _, ok := m[k+"'s"]; !ok {
			keys = append(keys, k+"'s")
			infos = append(infos, m[k])
		}
	}
	return fold.NewTable(keys), infos
}

func buildVocab() map[string]winfo {
	m := make(map[string]winfo, 600)
	add := func(form string, c cls, v int, lang byte) {
		w := m[form]
		w.c |= c
		if c&(cMonth|cWeekday) != 0 {
			w.v = v
		}
		if w.lang == 0 || w.lang == lang {
			w.lang = lang
		} else {
			w.lang = 0 // shared by two languages
		}
		m[form] = w
	}
	for _, line := range strings.Split(wordTable, "\n") {
		fs := strings.Fields(line)
		if len(fs) < 3 {
			continue
		}
		c, ok := classNames[fs[0]]
		if !ok {
			panic("when: unknown class " + fs[0])
		}
		for _, f := range fs[2:] {
			add(f, c, 0, fs[1][0])
		}
	}
	for _, t := range []struct {
		table string
		c     cls
	}{{monthTable, cMonth}, {weekdayTable, cWeekday}} {
		for _, line := range strings.Split(t.table, "\n") {
			fs := strings.Fields(line)
			if len(fs) < 3 {
				continue
			}
			v := 0
			for _, ch := range fs[0] {
				v = v*10 + int(ch-'0')
			}
			for _, f := range fs[2:] {
				add(f, t.c, v, fs[1][0])
			}
		}
	}
	return m
}

// word returns the end of the word at text[i], its classes, value and language.
func word(text string, i int) (end int, c cls, v int, lang byte) {
	end, k := vocab.Find(text, i)
	if k < 0 {
		return end, 0, 0, 0
	}
	wi := vocabInfo[k]
	return end, wi.c, wi.v, wi.lang
}
