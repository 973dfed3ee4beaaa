package textnum

import "strings"

// class is what a number word can combine with.
type class uint8

const (
	clNone    class = iota
	clUnit          // 1..9
	clTeen          // 10..19
	clTens          // 20..90
	clHund          // 100..900 as one word (ru/uk "сто", "двести")
	clHundMul       // English "hundred": multiplies what precedes it
	clThou          // thousand: multiplies the group before it
	clMill          // million
	clDozen         // "dozen": 12, or a multiplier of a unit before it
)

type word struct {
	val     int
	cls     class
	ordinal bool
}

func classOf(v int) class {
	switch {
	case v < 10:
		return clUnit
	case v < 20:
		return clTeen
	case v < 100:
		return clTens
	case v < 1000:
		return clHund
	case v == 1000:
		return clThou
	default:
		return clMill
	}
}

// cardinals: value, then every form (all cases and genders, collective forms) in ru, uk and en.
// Forms are lower case with ё written е and the apostrophe written '.
// "семью" is left out on purpose: it is far more often "family" (accusative) than "by seven".
const cardinals = `
1 one один одна одно одного одному одним одном одной одну одни одних одними одною одне одній однієї одні
2 two два две двух двум двумя дві двох двом двома двое двоих двоим двоими двоє оба обе обоих обеих обоим обеим обидва обидві обох обом обома
3 three три трех трем тремя трьох трьом трьома трое троих троим троими троє
4 four четыре четырех четырем четырьмя чотири чотирьох чотирьом чотирма четверо четверых четверым
5 five пять пяти пятью пятеро пятерых пятерым п'ять п'яти п'ятьох п'ятьом п'ятьма п'ятеро
6 six шесть шести шестью шестеро шестерых шість шістьох шістьом шістьма шестеро
7 seven семь семи семеро семерых сім сімох сімом сьома сімома
8 eight восемь восьми восемью восьмью восьмеро вісім восьми вісьмох вісьмом вісьмома
9 nine девять девяти девятью девятеро дев'ять дев'яти дев'ятьох дев'ятьом дев'ятьма дев'ятеро
10 ten десять десяти десятью десятеро десятьох десятьом десятьма
11 eleven одиннадцать одиннадцати одиннадцатью одинадцять одинадцяти одинадцятьох одинадцятьма
12 twelve двенадцать двенадцати двенадцатью дванадцять дванадцяти дванадцятьох дванадцятьма
13 thirteen тринадцать тринадцати тринадцатью тринадцять тринадцяти тринадцятьох тринадцятьма
14 fourteen четырнадцать четырнадцати четырнадцатью чотирнадцять чотирнадцяти чотирнадцятьох чотирнадцятьма
15 fifteen пятнадцать пятнадцати пятнадцатью п'ятнадцять п'ятнадцяти п'ятнадцятьох п'ятнадцятьма
16 sixteen шестнадцать шестнадцати шестнадцатью шістнадцять шістнадцяти шістнадцятьох шістнадцятьма
17 seventeen семнадцать семнадцати семнадцатью сімнадцять сімнадцяти сімнадцятьох сімнадцятьма
18 eighteen восемнадцать восемнадцати восемнадцатью вісімнадцять вісімнадцяти вісімнадцятьох вісімнадцятьма
19 nineteen девятнадцать девятнадцати девятнадцатью дев'ятнадцять дев'ятнадцяти дев'ятнадцятьох дев'ятнадцятьма
20 twenty двадцать двадцати двадцатью двадцять двадцяти двадцятьох двадцятьма
30 thirty тридцать тридцати тридцатью тридцять тридцяти тридцятьох тридцятьма
40 forty fourty сорок сорока
50 fifty пятьдесят пятидесяти пятьюдесятью п'ятдесят п'ятдесяти п'ятдесятьох п'ятдесятьма
60 sixty шестьдесят шестидесяти шестьюдесятью шістдесят шістдесяти шістдесятьох
70 seventy семьдесят семидесяти семьюдесятью сімдесят сімдесяти сімдесятьох
80 eighty восемьдесят восьмидесяти восемьюдесятью вісімдесят вісімдесяти вісімдесятьох
90 ninety девяносто девяноста дев'яносто дев'яноста
100 сто ста
200 двести двухсот двумстам двумястами двісті двохсот двомстам
300 триста трехсот тремстам трьохсот трьомстам
400 четыреста четырехсот четыремстам чотириста чотирьохсот
500 пятьсот пятисот пятистам п'ятсот п'ятисот
600 шестьсот шестисот шістсот шестисот
700 семьсот семисот сімсот
800 восемьсот восьмисот вісімсот
900 девятьсот девятисот дев'ятсот дев'ятисот
1000 thousand тысяча тысячи тысяч тысячу тысячей тысячам тысячами тисяча тисячі тисяч тисячу тисячею тисячам
1000000 million миллион миллиона миллионов миллионом мільйон мільйона мільйонів
`

// ordinals: value, then forms. Russian and Ukrainian ordinals are generated from stems below.
const ordinalsEN = `
1 first
2 second
3 third
4 fourth
5 fifth
6 sixth
7 seventh
8 eighth
9 ninth
10 tenth
11 eleventh
12 twelfth
13 thirteenth
14 fourteenth
15 fifteenth
16 sixteenth
17 seventeenth
18 eighteenth
19 nineteenth
20 twentieth
30 thirtieth
40 fortieth
50 fiftieth
60 sixtieth
70 seventieth
80 eightieth
90 ninetieth
100 hundredth
1000 thousandth
`

const ordinalStemsRU = `
1 перв
2 втор
4 четверт
5 пят
6 шест
7 седьм
8 восьм
9 девят
10 десят
11 одиннадцат
12 двенадцат
13 тринадцат
14 четырнадцат
15 пятнадцат
16 шестнадцат
17 семнадцат
18 восемнадцат
19 девятнадцат
20 двадцат
30 тридцат
40 сороков
50 пятидесят
60 шестидесят
70 семидесят
80 восьмидесят
90 девяност
100 сот
1000 тысячн
`

const ordinalStemsUK = `
1 перш
4 четверт
5 п'ят
6 шост
7 сьом
8 восьм
9 дев'ят
10 десят
11 одинадцят
12 дванадцят
13 тринадцят
14 чотирнадцят
15 п'ятнадцят
16 шістнадцят
17 сімнадцят
18 вісімнадцят
19 дев'ятнадцят
20 двадцят
30 тридцят
40 сороков
50 п'ятдесят
60 шістдесят
70 сімдесят
80 вісімдесят
90 дев'яност
100 сот
1000 тисячн
`

var (
	endingsRU = strings.Fields("ый ой ая ое ого ому ым ом ую ые ых ыми")
	endingsUK = strings.Fields("ий а е ого ому им ій у і их ими ої ою")
	// Irregular ordinals listed whole.
	ordinalsIrregular = `
2 другий другого другому другім другій
3 третий третья третье третьего третьему третьим третьем третью третьи третьих третьей третій третя третє третього третьому третім треті третіх
`
)

// words maps a normalised word to its number meaning. Built once, read-only afterwards.
var words = buildWords()

func buildWords() map[string]word {
	m := make(map[string]word, 1200)
	eachLine := func(table string, f func(v int, forms []string)) {
		for _, line := range strings.Split(table, "\n") {
			fs := strings.Fields(line)
			if len(fs) < 2 {
				continue
			}
			v := 0
			for _, c := range fs[0] {
				v = v*10 + int(c-'0')
			}
			f(v, fs[1:])
		}
	}
	eachLine(cardinals, func(v int, forms []string) {
		for _, f := range forms {
			m[f] = word{val: v, cls: classOf(v)}
		}
	})
	m["hundred"] = word{val: 100, cls: clHundMul}
	m["dozen"] = word{val: 12, cls: clDozen}
	ord := func(v int, f string) {
		if _, taken := m[f]; taken {
			return // a cardinal form wins (e.g. uk "сьома")
		}
		c := classOf(v)
		if v == 100 {
			c = clHundMul
		}
		m[f] = word{val: v, cls: c, ordinal: true}
	}
	eachLine(ordinalsEN, func(v int, forms []string) {
		for _, f := range forms {
			ord(v, f)
		}
	})
	eachLine(ordinalsIrregular, func(v int, forms []string) {
		for _, f := range forms {
			ord(v, f)
		}
	})
	eachLine(ordinalStemsRU, func(v int, stems []string) {
		for _, e := range endingsRU {
			ord(v, stems[0]+e)
		}
	})
	eachLine(ordinalStemsUK, func(v int, stems []string) {
		for _, e := range endingsUK {
			ord(v, stems[0]+e)
		}
	})
	// Russian "сотый" is an ordinal 100 but combines like "сто".
	for k, w := range m {
		if w.ordinal && w.val == 100 && !isASCII(k) {
			w.cls = clHund
			m[k] = w
		}
	}
	return m
}

func isASCII(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] >= 0x80 {
			return false
		}
	}
	return true
}

// hedges are phrases that make the number after them approximate or a bound, by their last word.
var hedges = buildHedges(`
at least
over
more than
nearly
almost
about
around
up to
some
approximately
approx
roughly
dozens of
as many as
upwards of
in excess of
close to
no fewer than
no less than
not less than
less than
fewer than
under
estimated
более
свыше
почти
около
порядка
не менее
как минимум
минимум
максимум
по меньшей мере
по крайней мере
до
примерно
приблизительно
больше
более чем
больше чем
менее
меньше
не более
десятки
понад
більше
майже
близько
щонайменше
принаймні
не менше
не менш як
не менше ніж
більш ніж
більше ніж
менше
не більше
приблизно
як мінімум
десятки
`)

func buildHedges(table string) map[string][][]string {
	m := map[string][][]string{}
	for _, line := range strings.Split(table, "\n") {
		fs := strings.Fields(line)
		if len(fs) == 0 {
			continue
		}
		last := fs[len(fs)-1]
		m[last] = append(m[last], fs)
	}
	// Longest phrases first so that "не менее" wins over "менее".
	for _, ps := range m {
		for i := 1; i < len(ps); i++ {
			for j := i; j > 0 && len(ps[j]) > len(ps[j-1]); j-- {
				ps[j], ps[j-1] = ps[j-1], ps[j]
			}
		}
	}
	return m
}
