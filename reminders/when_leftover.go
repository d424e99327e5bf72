package reminders

import (
	"regexp"
	"strings"
	"time"
)

// leftover reports whether ns, words left over for a reminder's text
// once its time was read, still say something about when: a date, a time
// of day, a weekday, a repeat, a start or an end. Words that only may
// ("my morning pills", "take 1/2 tablet", "may") are let through.
func leftover(ns []string) bool {
	at := func(i int) string {
		if i >= 0 && i < len(ns) {
			return ns[i]
		}
		return ""
	}
	for i, t := range ns {
		prev, next, next2 := at(i-1), at(i+1), at(i+2)
		switch {
		case isWeekday(t) && !weekdayAbbrev[t],
			monthWords[t] != 0 && (ordinalDay(next) > 0 || isNumber(prev) || whenLeads[prev] || len(t) > 3 && !vagueMonth[t] && !nounLeads[prev]),
			(t == "of" || t == "de" || t == "del") && (longPeriods[next] || (next == "the" || next == "la" || next == "el") && longPeriods[next2]),
			whenWords[t],
			t == "manana" && !notTomorrow[prev],
			t == "pasado" && next == "manana",
			clockRe.MatchString(t) && (strings.Contains(t, ":") || strings.HasSuffix(t, "am") || strings.HasSuffix(t, "pm")) && !namesAThing(prev, next) && !hourNamesThing(ns, i-1),
			isNumber(t) && (next == "am" || next == "pm" || next == "o'clock" || next == "oclock") && !namesAThing(prev, next2),
			t == "at" && isNumber(next),
			t == "a" && (next == "las" || next == "la") && (isNumber(next2) || hourWords[next2] > 0),
			t == "a" && next == "diario",
			t == "dentro" && next == "de",
			isoDateRe.MatchString(t),
			numericDateLike(t, prev),
			hasOrdinalSuffix(t) && ordinalDay(t) > 0 && (prev == "on" || prev == "el" || prev == "and" || prev == "y" ||
				prev == "the" && (next == "" || next == "of" || next == "and" || next == "at" || monthWords[next] != 0)),
			t == "dia" && isNumber(next),
			holidays[t] && (dateLeads[prev] || prev == "for" || prev == "para" || prev == "en" || prev == "at"),
			t == "new" && (next == "year's" || next == "years" || next == "year") && (dateLeads[prev] || prev == "for"),
			(t == "next" || t == "this" || t == "proximo" || t == "proxima" || t == "este" || t == "esta") && (periodWords[next] || isWeekday(next)),
			t == "que" && next == "viene",
			(t == "in" || t == "en" || t == "within" || t == "dentro") && (amountRe.MatchString(next) || numberWords[next] > 0 || next == "half" || next == "media" || next == "de") && (isUnit(next2) || next2 == "an" || next2 == "hora"),
			(t == "in" || t == "en" || t == "within") && durationRe.MatchString(next),
			(t == "in" && next == "the" || t == "por" && next == "la" || t == "en" && next == "la") && partWords[next2] != "",
			t == "at" && next == "night",
			(t == "every" || t == "each" || t == "cada" || t == "todos" || t == "todas") && (periodWords[next] || isWeekday(next) || isNumber(next) || numberWords[next] > 1 ||
				next == "other" || next == "otro" || next == "second" || ordinalDay(next) > 0 || periodWords[next2] ||
				next == "time" || next == "vez" || holidays[next] || next == "payday" || next == "birthday" || next == "cumpleanos" ||
				(next == "los" || next == "las" || next == "single") && isWeekday(next2)),
			(t == "once" || t == "twice" || t == "thrice") && (next == "a" || next == "per" || next == "daily" || next == "al" || next == "por" || next == "each" || next == "every"),
			(next == "times" || next == "veces" || next == "vez") && (isNumber(t) || numberWords[t] > 0),
			(t == "fin" || t == "fines") && next == "de" && next2 == "semana",
			t == "entre" && next == "semana",
			t == "dia" && (next == "por" || next == "de" && next2 == "por"),
			t == "un" && next == "dia" && next2 == "si",
			(t == "los" || t == "las") && (pluralPart[next] || isWeekday(next)),
			(t == "hasta" || t == "desde" || t == "starting" || t == "beginning" || t == "from" || t == "empezando" || t == "comenzando") && dateAhead(next, next2),
			t == "a" && next == "partir",
			(t == "for" || t == "durante" || t == "por") && (isNumber(next) || numberWords[next] > 0 || next == "the" && next2 == "next") && (unitWords[next2] >= 24*time.Hour || next2 == "month" || next2 == "months" || next2 == "mes" || next2 == "meses" || next2 == "next"):
			return true
		}
	}
	return false
}

// hourNamesThing reports whether ns[i] begins the hour of "de las 8"
// after a noun, which may name a thing rather than when: "mi pastilla de
// las 8", "la clase de la 1".
func hourNamesThing(ns []string, i int) bool {
	if i < 2 || i+1 >= len(ns) || ns[i-1] != "de" || ns[i] != "las" && ns[i] != "la" {
		return false
	}
	h, n := ns[i+1], ns[i-2]
	return (isNumber(h) || clockRe.MatchString(h) || hourWords[h] > 0) && n != "" && n[0] >= 'a' && n[0] <= 'z' &&
		!whenWords[n] && !periodWords[n] && !partOfDayWord[n] && !isWeekday(n) && monthWords[n] == 0 && !notNouns[n]
}

// notNouns are the words before "de las 8" that leave it a time: "a partir
// de las 8", "después de las 8", "antes de las 8".
var notNouns = wordSet("partir despues antes cerca alrededor mas menos eso hasta desde")

// namesAThing reports a time of day between a possessive and a noun,
// which names a thing rather than when: "take my 8pm pill at 7:45pm" is
// at 7:45pm (QA: it got "I couldn't tell when").
func namesAThing(prev, next string) bool {
	return possessives[prev] && next != "" && !isNumber(next) && !whenWords[next] && !periodWords[next] && !partOfDayWord[next]
}

var (
	possessives   = wordSet("my your his her our their mi mis su sus")
	partOfDayWord = wordSet("tonight today tomorrow morning afternoon evening night noche manana tarde")
)

// continuesSpan reports whether ns, the words after a time read from the
// start of a request, go on with its length in a way carebot did not
// read: "in 1 hour [and 30 seconds] to stretch", "in 2 hours [and 3 days]".
func continuesSpan(ns []string) bool {
	if len(ns) > 0 && (ns[0] == "and" || ns[0] == "y" || ns[0] == "&" || ns[0] == "plus" || ns[0] == "mas") {
		ns = ns[1:]
	}
	if len(ns) < 2 || !amountRe.MatchString(ns[0]) && numberWords[ns[0]] == 0 && ns[0] != "half" {
		return false
	}
	if _, ok := unitOf(ns[1]); ok {
		return true
	}
	return ns[0] == "half" || secondWords[ns[1]]
}

func isUnit(s string) bool { _, ok := unitOf(s); return ok }

var threePartRe = regexp.MustCompile(`^\d+([/.-])\d+([/.-])\d+$`)

var secondWords = wordSet("second seconds sec secs segundo segundos")

// numericDateLike reports whether t is written like a date: "12/1",
// "12-01-2026"; "1/2" (half a tablet) and "2-3" (pills) only after "on",
// "until" and the like.
func numericDateLike(t, prev string) bool {
	m := numDateRe.FindStringSubmatch(t)
	switch {
	case m == nil:
		// Three numbers are a date mistyped ("1/1/20277"), never an
		// amount: its time must not be read beside it as tomorrow's.
		return threePartRe.MatchString(t)
	case m[4] != "":
		return true
	case m[2] == "/" && !fraction[t]:
		return true
	}
	return dateLeads[prev]
}

// dateAhead reports whether a, b begin a day: "monday", "tomorrow", "dec
// 1", "the 1st", "el lunes", "12/1".
func dateAhead(a, b string) bool {
	switch {
	case a == "today" || a == "tomorrow" || a == "hoy" || a == "manana" || a == "next" || a == "proximo" || a == "now" || a == "ahora":
		return true
	case isWeekday(a) || monthWords[a] != 0 && a != "may" || numDateRe.MatchString(a) || isoDateRe.MatchString(a) || ordinalDay(a) > 0:
		return true
	case a == "the" || a == "el" || a == "del" || a == "on":
		return isWeekday(b) || ordinalDay(b) > 0 || b == "dia" || b == "proximo" || b == "next"
	}
	return false
}

var (
	// whenWords say when on their own.
	whenWords = wordSet("today tomorrow tonight tmrw tmr yesterday hoy ayer noon midnight mediodia medianoche " +
		"daily nightly weekly biweekly fortnightly monthly yearly annually hourly everyday diariamente semanalmente " +
		"mensualmente anualmente quincenalmente weekdays weekends until till til untill " +
		"mondays tuesdays wednesdays thursdays fridays saturdays sundays domingos sabados mornings evenings nights " +
		"afternoons")
	weekdayAbbrev = wordSet("sun mon tue tues wed thu thur thurs fri sat")
	// vagueMonth are month names that are also other words.
	vagueMonth = wordSet("march august mayo")
	// whenLeads are the words that make a month a date: "in december".
	whenLeads = wordSet("in en on by until till hasta next this este late early end of")
	// longPeriods end "the end of the month", "fin de mes".
	longPeriods = wordSet("week month year semana mes ano")
	// nounLeads make a month a thing's: "the January bill".
	nounLeads = wordSet("the my your his her our their la el los las mi su sus de")
	// dateLeads make "1/2" a date rather than half a tablet.
	dateLeads   = wordSet("on el by until till hasta from desde del before after antes")
	fraction    = wordSet("1/2 1/3 1/4 2/3 3/4 1/8")
	holidays    = wordSet("christmas xmas thanksgiving easter halloween navidad nochebuena nochevieja pascua")
	periodWords = wordSet("day days dia dias night nights noche noches morning mornings manana mananas afternoon afternoons " +
		"tarde tardes evening evenings week weeks semana semanas month months mes meses year years ano anos hour hours " +
		"hora horas minute minutes minuto minutos min mins weekday weekdays weekend weekends fin fines")
	// notTomorrow are the words before "mañana" when it is the morning:
	// "la pastilla de la mañana".
	notTomorrow = wordSet("la las de esta cada por en su mi tu una this")
)
