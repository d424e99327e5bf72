package reminders

import (
	"strings"
	"time"
)

var (
	weekdaysMF = []time.Weekday{time.Monday, time.Tuesday, time.Wednesday, time.Thursday, time.Friday}
	weekendSS  = []time.Weekday{time.Saturday, time.Sunday}
)

// weekdays reads a weekday ("friday", "el viernes que viene"), more of
// them ("monday and thursday", "lunes, miércoles y viernes"), and
// "weekday(s)", "weekend(s)", "fin de semana".
func (w *whenParser) weekdays() bool {
	tok := w.at(0)
	switch {
	case (tok == "and" || tok == "y" || tok == "&" || tok == "or" || tok == "o") && len(w.p.days) > 0 && isWeekday(w.at(1)):
		w.i++
		return w.weekdays()
	case isWeekday(tok):
		if w.p.hasDate && (len(w.p.days) > 0 || pluralWeekday[tok]) || w.p.monthDay != 0 {
			return false
		}
		w.i++
		if !w.addDays(pluralWeekday[tok], weekdayWords[tok]) {
			return false
		}
		if w.at(0) == "que" && w.at(1) == "viene" {
			w.i += 2
			w.p.next = true
		}
		return true
	case tok == "weekday" || tok == "weekdays" || tok == "weekend" || tok == "weekends":
		if w.p.rep.every != "week" && !strings.HasSuffix(tok, "s") {
			return false // "on a weekday": which one?
		}
		w.i++
		if strings.HasPrefix(tok, "weekday") {
			return w.addDays(true, weekdaysMF...)
		}
		return w.addDays(true, weekendSS...)
	case (tok == "fin" || tok == "fines") && w.at(1) == "de" && w.at(2) == "semana":
		if w.p.rep.every != "week" && tok != "fines" {
			return false
		}
		w.i += 3
		return w.addDays(true, weekendSS...)
	}
	return false
}

// pluralDays reads, k words on, days named in the plural, which repeat
// ("mondays", "los lunes", "weekdays", "los fines de semana", "las
// noches", "mornings").
func (w *whenParser) pluralDays(k int) bool {
	tok := w.at(k)
	if k == 0 && !pluralWeekday[tok] && tok != "weekdays" && tok != "weekends" && !pluralPart[tok] {
		return false
	}
	start := w.i
	w.i += k
	switch {
	case pluralPart[tok] && (k == 0 || w.t[start] != "las" || tok != "manana"):
		w.i++
		if w.p.rep.every == "" {
			w.p.rep.every, w.p.rep.interval = "day", 1
		}
		if w.setPart(partWords[tok]) {
			return true
		}
	case (tok == "dias" || tok == "días") && (w.at(1) == "de" && w.at(2) == "semana" || w.at(1) == "laborables" || w.at(1) == "habiles"):
		w.i += ifElse(w.at(1) == "de", 3, 2)
		if w.addDays(true, weekdaysMF...) {
			return true
		}
	case isWeekday(tok) || tok == "fines" || tok == "weekdays" || tok == "weekends":
		if w.p.hasDate || w.p.monthDay != 0 {
			break
		}
		if isWeekday(tok) {
			w.i++
			if w.addDays(true, weekdayWords[tok]) {
				return true
			}
		} else if w.weekdays() {
			return true
		}
	}
	w.i = start
	return false
}

// addDays adds weekdays to the time's; plural ones make it repeat weekly.
func (w *whenParser) addDays(plural bool, days ...time.Weekday) bool {
	p := &w.p
	for _, d := range days {
		for _, have := range p.days {
			if have == d {
				return false
			}
		}
		p.days = append(p.days, d)
	}
	if plural && p.rep.every == "" {
		p.rep.every, p.rep.interval, p.rep.impliedByDays = "week", 1, true
	}
	return true
}

// dayRange reads "de lunes a viernes", "monday through friday", "from
// monday to friday", "mon-fri": every day of the range, weekly.
func (w *whenParser) dayRange() bool {
	k := 0
	if w.at(0) == "de" || w.at(0) == "from" || w.at(0) == "desde" {
		k = 1
	}
	first, last := w.at(k), ""
	n := k + 1
	if a, b, ok := strings.Cut(first, "-"); ok && isWeekday(a) && isWeekday(b) {
		first, last = a, b
	} else if isWeekday(first) && rangeWords[w.at(k+1)] && isWeekday(w.at(k+2)) {
		last, n = w.at(k+2), k+3
	} else {
		return false
	}
	from, to := weekdayWords[first], weekdayWords[last]
	if from == to || w.p.hasDate || w.p.monthDay != 0 {
		return false
	}
	var days []time.Weekday
	for d := from; ; d = (d + 1) % 7 {
		days = append(days, d)
		if d == to {
			break
		}
	}
	w.i += n
	return w.addDays(true, days...)
}

var rangeWords = map[string]bool{"to": true, "through": true, "thru": true, "till": true, "until": true, "a": true, "hasta": true, "-": true}
