package reminders

import (
	"strconv"
	"time"
)

// bound reads when a repeat starts or ends: "starting monday", "from dec
// 1", "until dec 15", "for 10 days", "a partir del lunes", "desde
// mañana", "hasta el viernes", "durante 2 semanas", "por una semana".
func (w *whenParser) bound() bool {
	start := w.i
	r := &w.p.rep
	fail := func() bool { w.i = start; return false }
	switch a, b := w.at(0), w.at(1); {
	case a == "until" || a == "till" || a == "til" || a == "untill" || a == "hasta" || a == "through" || a == "thru":
		w.i++
		d, ok := w.boundDate(true)
		if !ok || r.hasUntil {
			return fail()
		}
		r.until, r.hasUntil = d, true
		return true
	case a == "for" || a == "durante" || a == "por":
		w.i++
		if w.at(0) == "the" && w.at(1) == "next" || w.at(0) == "los" && (w.at(1) == "proximos" || w.at(1) == "siguientes") {
			w.i += 2
		}
		n, unit, ok := w.count()
		if !ok || r.forN != 0 {
			return fail()
		}
		r.forN, r.forUnit = n, unit
		return true
	case a == "starting" || a == "beginning" || a == "start" || a == "from" || a == "desde" || a == "empezando" || a == "comenzando" ||
		a == "a" && b == "partir":
		w.i += ifElse(a == "a", 2, 1)
		if w.at(0) == "from" || w.at(0) == "on" || w.at(0) == "de" {
			w.i++
		}
		if a == "a" && w.at(-1) == "partir" && w.at(0) != "del" {
			return fail() // "a partir" needs "de" or "del"
		}
		d, ok := w.boundDate(false)
		if !ok || r.hasStart {
			return fail()
		}
		r.start, r.hasStart = d, true
		return true
	}
	return false
}

// boundDate reads the day a repeat starts or ends: "today", "tomorrow",
// "monday", "next monday", "el lunes que viene", "dec 15", "the 15th",
// "el 15". A weekday or a day of the month is the next one from today,
// or, with after, from tomorrow.
func (w *whenParser) boundDate(after bool) (time.Time, bool) {
	switch w.at(0) {
	case "on", "del":
		w.i++
	}
	if w.at(0) == "el" && (isWeekday(w.at(1)) || w.at(1) == "proximo") {
		w.i++
	}
	next := false
	if w.at(0) == "next" || w.at(0) == "proximo" {
		next = true
		w.i++
	}
	tok := w.at(0)
	switch {
	case tok == "today" || tok == "hoy":
		w.i++
		return w.today, !next && !after
	case tok == "tomorrow" || tok == "manana":
		w.i++
		return w.today.AddDate(0, 0, 1), !next
	case isWeekday(tok):
		w.i++
		if w.at(0) == "que" && w.at(1) == "viene" {
			w.i += 2
			next = true
		}
		delta := (int(weekdayWords[tok]) - int(w.today.Weekday()) + 7) % 7
		if delta == 0 && (after || next) {
			delta = 7
		}
		return w.today.AddDate(0, 0, delta), true
	case next:
		return time.Time{}, false
	}
	if d, yearSet, bad, ok := w.dateAt(); ok {
		w.p.noDate(bad)
		if !yearSet && d.Before(w.today) {
			d = d.AddDate(1, 0, 0)
		}
		return d, true
	}
	if n, ok := w.dayOfMonth(); ok {
		d := w.today
		if after {
			d = d.AddDate(0, 0, 1)
		}
		return nextMonthDay(d, n), true
	}
	return time.Time{}, false
}

// nextMonthDay is the first day n of a month on or after d ("the 31st"
// skips the months without one).
func nextMonthDay(d time.Time, n int) time.Time {
	for k := 0; k < 13; k++ {
		first := time.Date(d.Year(), d.Month()+time.Month(k), 1, 0, 0, 0, 0, time.UTC)
		if c := first.AddDate(0, 0, n-1); c.Month() == first.Month() && !c.Before(d) {
			return c
		}
	}
	return d
}

// count reads "10 days", "a week", "dos semanas", "un mes".
func (w *whenParser) count() (int, string, bool) {
	tok := w.at(0)
	n := numberWords[tok]
	if v, err := strconv.Atoi(tok); err == nil {
		n = v
	}
	unit := ""
	switch w.at(1) {
	case "day", "days", "dia", "dias":
		unit = "day"
	case "week", "weeks", "semana", "semanas":
		unit = "week"
	case "month", "months", "mes", "meses":
		unit = "month"
	}
	if n < 1 || n > 400 || unit == "" {
		return 0, "", false
	}
	w.i += 2
	return n, unit, true
}
