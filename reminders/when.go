package reminders

import (
	"errors"
	"regexp"
	"strconv"
	"time"
)

// When is a time a patient typed, read on their clock.
type When struct {
	At   time.Time // the first (or only) time, an instant
	Wall time.Time // the same on the patient's clock, floating
	Rule Rule      // "every day at 8am": the rule; zero for a one-off
}

// The ways a typed time can be wrong.
var (
	errNoTime   = errors.New("not a time")
	errPastTime = errors.New("that time has passed")
	errTooFar   = errors.New("that is more than two years away")
)

// ParseWhen reads a time typed in English or Spanish, relative to now and
// on loc's clock: "friday 3pm", "tomorrow at 9", "el lunes a las 10",
// "dec 3 14:30", "3 de diciembre", "in 2 hours", "en media hora", "noon",
// "every day at 8am", "todos los lunes a las 9". A bare hour without am or
// pm is read as clinic hours: 1 to 7 are afternoon, 8 to 12 morning. A day
// without a time means 9:00; a time without a day means the next one.
func ParseWhen(text string, now time.Time, loc *time.Location) (When, error) {
	return parseWhen(norms(words(text)), now, loc)
}

var (
	clockRe    = regexp.MustCompile(`^(\d{1,2})(?::(\d{2}))?(am|pm|a|p|h|hs)?$`)
	ordinalRe  = regexp.MustCompile(`^(\d{1,2})(st|nd|rd|th|o|º)?$`)
	isoDateRe  = regexp.MustCompile(`^(\d{4})-(\d{2})-(\d{2})$`)
	durationRe = regexp.MustCompile(`^(\d{1,3})(m|min|mins|h|hr|hrs|d)$`)
)

// whenParts collects the pieces of a typed time, in whatever order they
// came.
type whenParts struct {
	rel              time.Duration
	hasRel           bool
	date             time.Time // floating midnight
	hasDate, yearSet bool
	weekday          time.Weekday
	hasWeekday, next bool
	hour, min        int
	hasTime          bool
	meridiem         string // "am", "pm" or ""
	tonight          bool
	every            string // "", "daily" or "weekly"
}

type whenParser struct {
	t     []string
	i     int
	today time.Time // floating midnight
	p     whenParts
	// intro is true right after "at", "a las" or a day: a bare number
	// there is an hour ("tomorrow 9"), elsewhere it is not ("take 2").
	intro bool
}

func (w *whenParser) at(k int) string {
	if w.i+k < len(w.t) {
		return w.t[w.i+k]
	}
	return ""
}

func parseWhen(toks []string, now time.Time, loc *time.Location) (When, error) {
	if len(toks) == 0 || len(toks) > 12 {
		return When{}, errNoTime
	}
	w := &whenParser{t: toks, today: Floating(now, loc).Truncate(24 * time.Hour)}
	for w.i < len(w.t) {
		if !w.step() {
			return When{}, errNoTime
		}
	}
	return w.p.resolve(now, loc, w.today)
}

// step consumes one piece at w.i, reporting false if none fits.
func (w *whenParser) step() bool {
	tok, p := w.at(0), &w.p
	intro := false
	defer func() { w.intro = intro }()
	switch {
	case tok == "in" || tok == "en" || tok == "within" || tok == "dentro" && w.at(1) == "de":
		if tok == "dentro" {
			w.i++
		}
		return !p.hasRel && w.relative()
	case (tok == "from" || tok == "desde") && w.at(1) == "now" || tok == "desde" && w.at(1) == "ahora":
		w.i += 2
		return p.hasRel
	case tok == "every" || tok == "each" || tok == "cada" || tok == "todos" || tok == "todas":
		return p.every == "" && w.every()
	case tok == "daily" || tok == "everyday" || tok == "diario" || tok == "diariamente" || tok == "a" && w.at(1) == "diario":
		if tok == "a" {
			w.i++
		}
		w.i++
		p.every, intro = "daily", true
		return !p.hasDate
	case w.meridiemPhrase():
		return true
	case tok == "today" || tok == "hoy":
		w.i++
		intro = true
		return w.setDate(w.today)
	case tok == "tonight" || tok == "esta" && w.at(1) == "noche":
		if tok == "esta" {
			w.i++
		}
		w.i++
		p.tonight, intro = true, true
		return w.setDate(w.today)
	case tok == "pasado" && w.at(1) == "manana" || tok == "day" && w.at(1) == "after" && w.at(2) == "tomorrow":
		w.i += 2
		if tok == "day" {
			w.i++
		}
		intro = true
		return w.setDate(w.today.AddDate(0, 0, 2))
	case tok == "tomorrow" || tok == "tmrw" || tok == "tmr" || tok == "manana":
		w.i++
		intro = true
		return w.setDate(w.today.AddDate(0, 0, 1))
	case tok == "next" || tok == "proximo" || tok == "proxima":
		if _, ok := weekdayWords[w.at(1)]; !ok {
			return false
		}
		w.i++
		p.next, intro = true, w.intro
		return true
	case isWeekday(tok):
		if p.hasWeekday || p.hasDate {
			return false
		}
		p.weekday, p.hasWeekday, intro = weekdayWords[tok], true, true
		w.i++
		if w.at(0) == "que" && w.at(1) == "viene" {
			w.i += 2
			p.next = true
		}
		return true
	case w.monthDay():
		intro = true
		return true
	case w.clock():
		return true
	case tok == "a" && (w.at(1) == "mediodia" || w.at(1) == "medianoche"):
		w.i++
		return true
	case tok == "a" && (w.at(1) == "las" || w.at(1) == "la") || tok == "las" || tok == "la":
		w.i++
		if tok == "a" {
			w.i++
		}
		intro = true
		return true
	case fillers[tok]:
		w.i++
		intro = tok == "at" || tok == "@" || tok == "around" || tok == "hacia" || tok == "sobre" || w.intro
		return true
	}
	return false
}

func isWeekday(s string) bool { _, ok := weekdayWords[s]; return ok }

func (w *whenParser) setDate(d time.Time) bool {
	if w.p.hasDate || w.p.hasWeekday {
		return false
	}
	w.p.date, w.p.hasDate = d, true
	return true
}

// relative reads "in 2 hours", "in an hour", "in half an hour", "en media
// hora", "in 90 min", "in 2h", w.i being at "in".
func (w *whenParser) relative() bool {
	w.i++
	n, unit := 0, time.Duration(0)
	switch tok := w.at(0); {
	case tok == "half" && (w.at(1) == "an" || w.at(1) == "a") && unitWords[w.at(2)] == time.Hour:
		w.i += 3
		w.p.rel, w.p.hasRel = 30*time.Minute, true
		return true
	case tok == "media" && unitWords[w.at(1)] == time.Hour:
		w.i += 2
		w.p.rel, w.p.hasRel = 30*time.Minute, true
		return true
	case durationRe.MatchString(tok):
		m := durationRe.FindStringSubmatch(tok)
		n, _ = strconv.Atoi(m[1])
		unit = unitWords[m[2]]
		w.i++
	default:
		if v, err := strconv.Atoi(tok); err == nil {
			n = v
		} else if v, ok := numberWords[tok]; ok {
			n = v
		} else {
			return false
		}
		if unit = unitWords[w.at(1)]; unit == 0 {
			return false
		}
		w.i += 2
	}
	d := time.Duration(n) * unit
	if (w.at(0) == "and" && w.at(1) == "a" && w.at(2) == "half") || (w.at(0) == "y" && w.at(1) == "media") {
		d += unit / 2
		w.i += 2
		if w.at(-1) == "a" {
			w.i++
		}
	}
	if n <= 0 || d > 366*24*time.Hour {
		return false
	}
	w.p.rel, w.p.hasRel = d, true
	return true
}

// every reads "every day", "every monday", "cada lunes", "todos los días",
// w.i being at "every".
func (w *whenParser) every() bool {
	w.i++
	if w.at(0) == "los" || w.at(0) == "las" {
		w.i++
	}
	tok := w.at(0)
	switch {
	case tok == "day" || tok == "dia" || tok == "dias" || tok == "days":
		w.p.every = "daily"
	case isWeekday(tok):
		if w.p.hasWeekday || w.p.hasDate {
			return false
		}
		w.p.every, w.p.weekday, w.p.hasWeekday = "weekly", weekdayWords[tok], true
	default:
		return false
	}
	w.i++
	w.intro = true
	return true
}

// meridiemPhrase reads "in the morning", "at night", "de la tarde", "por
// la mañana", "de la madrugada".
func (w *whenParser) meridiemPhrase() bool {
	m := ""
	n := 0
	switch a, b, c := w.at(0), w.at(1), w.at(2); {
	case a == "in" && b == "the" && c == "morning":
		m, n = "am", 3
	case a == "in" && b == "the" && (c == "afternoon" || c == "evening"):
		m, n = "pm", 3
	case a == "at" && b == "night":
		m, n = "pm", 2
	case (a == "de" || a == "por") && b == "la" && (c == "manana" || c == "madrugada"):
		m, n = "am", 3
	case (a == "de" || a == "por") && b == "la" && (c == "tarde" || c == "noche"):
		m, n = "pm", 3
	case a == "am" || a == "pm":
		m, n = a, 1
	default:
		return false
	}
	if w.p.meridiem != "" {
		return false
	}
	w.p.meridiem = m
	w.i += n
	return true
}
