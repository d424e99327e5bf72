package reminders

import (
	"math"
	"regexp"
	"strconv"
	"time"
)

// span is a length of time as typed: fixed time, and calendar days and
// months ("in 3 days" is the same time of day three days on, even across
// a change of clocks; "in 3 months" the same day three months on).
type span struct {
	d            time.Duration
	days, months int
}

// maxSpan is as long as a span gets: "in 500 years" is read as this, far
// beyond any reminder's reach, so that it is refused as too far rather
// than not understood.
const maxSpan = 100 * 365 * 24 * time.Hour

const day = 24 * time.Hour

var (
	// amountRe is a count of units: "2", "1.5".
	amountRe = regexp.MustCompile(`^\d{1,6}(?:\.\d{1,2})?$`)
	// durationRe is a count and its unit in one word: "2h", "90min",
	// "1.5hrs".
	durationRe = regexp.MustCompile(`^(\d{1,4}(?:\.\d{1,2})?)(m|min|mins|h|hr|hrs|d|w|wk|wks)$`)
	// hourMinRe is hours and minutes in one word: "1h30", "2h15m".
	hourMinRe = regexp.MustCompile(`^(\d{1,2})h(\d{1,2})(?:m|min)?$`)
)

// unitOf is the unit a word names: "minutes", "h", "días", "weeks",
// "months", "años".
func unitOf(s string) (span, bool) {
	switch d, ok := unitWords[s]; {
	case ok && d >= day:
		return span{days: int(d / day)}, true
	case ok:
		return span{d: d}, true
	}
	switch s {
	case "w", "wk", "wks":
		return span{days: 7}, true
	case "month", "months", "mes", "meses":
		return span{months: 1}, true
	case "year", "years", "yr", "yrs", "ano", "anos":
		return span{months: 12}, true
	}
	return span{}, false
}

// size orders units and lengths: a month is about 30 days.
func (s span) size() time.Duration {
	return s.d + time.Duration(s.days)*day + time.Duration(s.months)*30*day
}

// times is n of the unit s: a fraction of a day is hours ("1.5 days" is a
// day and 12 hours), of a month days, of a year months. A span past
// maxSpan is maxSpan.
func (s span) times(n float64) span {
	if n*float64(s.size()) >= float64(maxSpan) {
		return span{d: maxSpan}
	}
	whole, frac := math.Floor(n), n-math.Floor(n)
	out := span{d: time.Duration(math.Round(n * float64(s.d))), days: int(whole) * s.days, months: int(whole) * s.months}
	switch {
	case frac == 0:
	case s.months == 12:
		out.months += int(math.Round(frac * 12))
	case s.months == 1:
		out.days += int(math.Round(frac * 30))
	case s.days > 0:
		d := frac * float64(s.days)
		out.days += int(math.Floor(d))
		out.d += time.Duration(math.Round((d - math.Floor(d)) * float64(day)))
	}
	return out
}

func (s span) plus(o span) span {
	out := span{d: s.d + o.d, days: s.days + o.days, months: s.months + o.months}
	if out.size() > maxSpan {
		return span{d: maxSpan}
	}
	return out
}

// after is the span on from now, on loc's clock.
func (s span) after(now time.Time, loc *time.Location) time.Time {
	if s.days == 0 && s.months == 0 {
		return now.Add(s.d) // "in 2 hours" is two hours, whatever the clocks do
	}
	return now.In(loc).AddDate(0, s.months, s.days).Add(s.d)
}

// duration reads a length of time: "2 hours", "an hour", "half an hour",
// "media hora", "90 min", "2h", "1.5 hours", "una hora y media", "one and
// a half hours", "1 hour and 30 minutes", "2 hours 30 minutes", "2 horas
// y 15 minutos", "1h30", "a year", "3 months". Each part after the first
// is in a smaller unit ("2 hours and 3 days" is not one length).
func (w *whenParser) duration() (span, bool) {
	total, unit, ok := w.amount()
	if !ok {
		return span{}, false
	}
	for {
		k := w.i
		if a := w.at(0); a == "and" || a == "y" || a == "&" || a == "plus" || a == "mas" {
			w.i++
		}
		more, u, ok := w.amount()
		if !ok || u.size() >= unit.size() {
			w.i = k
			break
		}
		total, unit = total.plus(more), u
	}
	if total.size() <= 0 {
		return span{}, false
	}
	return total, true
}

// amount reads one count and unit of a length ("2 hours", "half an hour",
// "1.5h", "una hora y media"), returning it and its unit.
func (w *whenParser) amount() (span, span, bool) {
	start := w.i
	fail := func() (span, span, bool) { w.i = start; return span{}, span{}, false }
	var n float64
	var unit span
	switch tok := w.at(0); {
	case tok == "half" && (w.at(1) == "an" || w.at(1) == "a"):
		u, ok := unitOf(w.at(2))
		if !ok {
			return fail()
		}
		w.i += 3
		return u.times(0.5), u, true
	case (tok == "media" || tok == "medio") && unitWords[w.at(1)] == time.Hour:
		w.i += 2
		return span{d: 30 * time.Minute}, span{d: time.Hour}, true
	case hourMinRe.MatchString(tok):
		m := hourMinRe.FindStringSubmatch(tok)
		h, _ := strconv.Atoi(m[1])
		mins, _ := strconv.Atoi(m[2])
		if mins > 59 {
			return fail()
		}
		w.i++
		return span{d: time.Duration(h)*time.Hour + time.Duration(mins)*time.Minute}, span{d: time.Minute}, true
	case durationRe.MatchString(tok):
		m := durationRe.FindStringSubmatch(tok)
		n, _ = strconv.ParseFloat(m[1], 64)
		unit, _ = unitOf(m[2])
		w.i++
	default:
		if amountRe.MatchString(tok) {
			n, _ = strconv.ParseFloat(tok, 64)
		} else if v, ok := numberWords[tok]; ok {
			n = float64(v)
		} else {
			return fail()
		}
		w.i++
		// "one and a half hours", "1 and a half days"
		if w.at(0) == "and" && w.at(1) == "a" && w.at(2) == "half" {
			n += 0.5
			w.i += 3
		}
		u, ok := unitOf(w.at(0))
		if !ok {
			return fail()
		}
		unit = u
		w.i++
	}
	if n <= 0 {
		return fail()
	}
	// "2 hours and a half", "una hora y media", "un año y medio"
	if w.at(0) == "and" && w.at(1) == "a" && w.at(2) == "half" && n == math.Floor(n) {
		n += 0.5
		w.i += 3
	} else if w.at(0) == "y" && (w.at(1) == "media" || w.at(1) == "medio") && n == math.Floor(n) {
		n += 0.5
		w.i += 2
	}
	return unit.times(n), unit, true
}
