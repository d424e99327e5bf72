package reminders

import "strconv"

// The words that say a time repeats, and for how long. Each reader moves
// w.i past what it read, or leaves it and reports false.

// repeatPhrase reads "every ...", "daily", "nightly", "twice a day", "de
// lunes a viernes", "entre semana", "los fines de semana", "of every
// month", "un día sí y otro no", "mornings".
func (w *whenParser) repeatPhrase() bool {
	r := &w.p.rep
	switch a, b, c := w.at(0), w.at(1), w.at(2); {
	case a == "every" || a == "each" || a == "cada" || a == "todos" || a == "todas":
		return w.every()
	case a == "daily" || a == "everyday" || a == "diariamente" || a == "a" && b == "diario":
		w.i += ifElse(a == "a", 2, 1)
		return w.setEvery("day", 1)
	case a == "nightly":
		w.i++
		return w.setEvery("day", 1) && w.setPart("night")
	case a == "weekly" || a == "semanalmente":
		w.i++
		return w.setEvery("week", 1)
	case a == "fortnightly" || a == "quincenalmente":
		w.i++
		return w.setEvery("week", 2)
	case a == "monthly" || a == "mensualmente":
		w.i++
		return w.setEvery("month", 1)
	case a == "yearly" || a == "annually" || a == "anualmente":
		w.i++
		return w.setEvery("year", 1)
	case (a == "of" || a == "de") && (b == "every" || b == "each" || b == "cada") && (c == "month" || c == "mes"):
		w.i += 3
		return w.p.monthDay > 0 && w.setEvery("month", 1)
	case (a == "of" && b == "the" && c == "month") || (a == "del" && b == "mes"):
		w.i += ifElse(a == "of", 3, 2)
		return w.p.monthDay > 0 && r.every == "month"
	case w.timesPer():
		return true
	case a == "un" && b == "dia" && c == "si":
		// "un día sí y otro no", "un día sí y un día no"
		n := 0
		switch {
		case w.at(3) == "y" && w.at(4) == "otro" && w.at(5) == "no":
			n = 6
		case w.at(3) == "y" && w.at(4) == "un" && w.at(5) == "dia" && w.at(6) == "no":
			n = 7
		default:
			return false
		}
		w.i += n
		return w.setEvery("day", 2)
	case a == "dia" && (b == "por" && c == "medio" || b == "de" && c == "por" && w.at(3) == "medio"):
		w.i += ifElse(b == "por", 3, 4)
		return w.setEvery("day", 2)
	case a == "entre" && b == "semana":
		w.i += 2
		return w.addDays(true, weekdaysMF...)
	case w.dayRange():
		return true
	case (a == "los" || a == "las" || a == "en" || a == "por") && w.pluralDays(1):
		return true
	case w.pluralDays(0):
		return true
	}
	return false
}

// every reads what follows "every", "each", "cada", "todos los": "day",
// "night", "other day", "2 weeks", "monday", "weekday", "month", "1st of
// the month", "fin de semana".
func (w *whenParser) every() bool {
	start := w.i
	w.i++
	if w.at(0) == "los" || w.at(0) == "las" || w.at(0) == "single" {
		w.i++
	}
	n := 1
	switch tok := w.at(0); {
	case tok == "other" || tok == "otro" || tok == "second":
		n = 2
		w.i++
	case isNumber(tok) || numberWords[tok] > 1:
		n = numberWords[tok]
		if v, err := strconv.Atoi(tok); err == nil {
			n = v
		}
		if n < 2 || n > 100 {
			return false
		}
		w.i++
	case ordinalDay(tok) > 1 && !isNumber(tok) && unitWord[w.at(1)]:
		n = ordinalDay(tok) // "every third day", "every 2nd week"
		w.i++
	}
	tok := w.at(0)
	switch {
	case tok == "day" || tok == "days" || tok == "dia" || tok == "dias":
		w.i++
		return w.setEvery("day", n)
	case partWords[tok] != "" && tok != "manana" || tok == "manana" && (w.t[start] == "cada" || w.at(-1) == "las"):
		w.i++
		return n == 1 && w.setEvery("day", 1) && w.setPart(partWords[tok])
	case tok == "week" || tok == "weeks" || tok == "semana" || tok == "semanas":
		w.i++
		return w.setEvery("week", n)
	case tok == "month" || tok == "months" || tok == "mes" || tok == "meses":
		w.i++
		return w.setEvery("month", n)
	case tok == "year" || tok == "years" || tok == "ano" || tok == "anos":
		w.i++
		return w.setEvery("year", n)
	case isWeekday(tok) || tok == "weekday" || tok == "weekdays" || tok == "weekend" || tok == "weekends" || tok == "fin" || tok == "fines":
		if !w.setEvery("week", n) {
			return false
		}
		w.p.rep.impliedByDays = false
		return w.weekdays() || w.pluralDays(0)
	case n == 1 && ordinalDay(tok) > 0 && !isNumber(tok):
		// "every 1st of the month", "cada primero de mes"
		w.i++
		w.p.monthDay = ordinalDay(tok)
		if (w.at(0) == "of" || w.at(0) == "de") && (w.at(1) == "the" && w.at(2) == "month" || w.at(1) == "mes") {
			w.i += ifElse(w.at(1) == "the", 3, 2)
		}
		return w.setEvery("month", 1)
	}
	return false
}

// setEvery records the repeat's unit and interval; a second, different
// one is a contradiction.
func (w *whenParser) setEvery(unit string, n int) bool {
	r := &w.p.rep
	if r.every != "" && (r.every != unit || r.interval != n && !r.impliedByDays) {
		return false
	}
	r.every, r.interval, r.impliedByDays = unit, n, false
	w.intro = true
	return true
}

func (w *whenParser) setPart(part string) bool {
	if w.p.part != "" && w.p.part != part {
		return false
	}
	w.p.part = part
	return true
}

// timesPer reads "twice a day", "3 times a day", "once daily", "dos
// veces al día", "twice a week".
func (w *whenParser) timesPer() bool {
	n, k := 0, 1
	switch tok := w.at(0); {
	case tok == "once":
		n = 1
	case tok == "twice":
		n = 2
	case tok == "thrice":
		n = 3
	case len(tok) == 2 && tok[0] >= '1' && tok[0] <= '6' && tok[1] == 'x':
		n = int(tok[0] - '0') // "3x a day"
	case (w.at(1) == "times" || w.at(1) == "veces" || w.at(1) == "vez") && (isNumber(tok) || numberWords[tok] > 0):
		n, k = numberWords[tok], 2
		if v, err := strconv.Atoi(tok); err == nil {
			n = v
		}
	default:
		return false
	}
	unit := ""
	switch a, b := w.at(k), w.at(k+1); {
	case (a == "a" || a == "per" || a == "al" || a == "por" || a == "each" || a == "every") && (b == "day" || b == "dia"):
		unit, k = "day", k+2
	case a == "daily" || a == "diarias" || a == "diarios":
		unit, k = "day", k+1
	case (a == "a" || a == "per" || a == "por" || a == "a la" || a == "each" || a == "every") && (b == "week" || b == "semana"):
		unit, k = "week", k+2
	case a == "a" && b == "la" && w.at(k+2) == "semana":
		unit, k = "week", k+3
	default:
		return false
	}
	if n < 1 || n > 6 {
		return false
	}
	w.i += k
	r := &w.p.rep
	if unit == "day" {
		if r.perDay != 0 {
			return false
		}
		r.perDay = n
		if r.every == "" {
			r.every, r.interval = "day", 1
		}
		return r.every == "day" || r.every == "week" && len(w.p.days) > 0
	}
	if r.perWeek != 0 {
		return false
	}
	r.perWeek = n
	return w.setEvery("week", 1)
}

// unitWord are the periods a repeat counts in.
var unitWord = wordSet("day days dia dias week weeks semana semanas month months mes meses")

// ifElse picks a word count.
func ifElse(c bool, a, b int) int {
	if c {
		return a
	}
	return b
}
