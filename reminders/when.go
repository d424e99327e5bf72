package reminders

import (
	"errors"
	"regexp"
	"sort"
	"time"
)

// When is a time a patient typed, read on their clock.
type When struct {
	At   time.Time // the first (or only) time, an instant
	Wall time.Time // the same on the patient's clock, floating
	Rule Rule      // "every day at 8am": the rule; zero for a one-off
	// Fixed: "in 20 minutes" names an instant, not a time on the clock,
	// and stays that instant if the patient's time zone changes.
	Fixed bool
	// TimeOfDay: "at 8pm" names no day, only the next such time, which
	// a change of the patient's time zone finds again on the new clock.
	TimeOfDay bool
	// Also are the other reminders of a time that is several ("every day
	// at 8am and 8:30pm", "tomorrow at 9 and 5"), in order; At is the
	// first of all.
	Also []When
}

// All is w and its Also, in order.
func (w When) All() []When {
	return append([]When{{At: w.At, Wall: w.Wall, Rule: w.Rule, Fixed: w.Fixed, TimeOfDay: w.TimeOfDay}}, w.Also...)
}

// with adds one to the reminders of w, keeping them in order.
func (w When) with(one When) When {
	if w.At.IsZero() {
		return one
	}
	all := append(w.All(), one)
	sort.SliceStable(all, func(i, j int) bool { return all[i].At.Before(all[j].At) })
	first := all[0]
	first.Also = all[1:]
	return first
}

// The ways a typed time can be wrong.
var (
	errNoTime   = errors.New("not a time")
	errPastTime = errors.New("that time has passed")
	errTooFar   = errors.New("that is more than two years away")
	// errUnclear: a request read as a time leaves words about when (a
	// date, "every", "until") that were not part of it. Making the
	// reminder anyway would make a different one than was asked for.
	errUnclear = errors.New("some words about when were not understood")
)

// ParseWhen reads a time typed in English or Spanish, relative to now and
// on loc's clock: "friday 3pm", "tomorrow at 9", "el lunes a las 10",
// "dec 3 14:30", "3 de diciembre", "12/1 at 3pm", "on the 1st", "in 2
// hours", "en media hora", "noon", "tomorrow night", and repeats: "every
// day at 8am", "every night at 10", "every weekday at 7", "every monday
// and thursday", "every other day", "twice a day at 8am and 8pm", "on the
// 1st of every month", "de lunes a viernes a las 7", "todos los lunes a
// las 9", "cada dos días", each optionally "starting monday", "until dec
// 15" or "for 10 days".
//
// A bare hour without am or pm is read as clinic hours: 1 to 7 are
// afternoon, 8 to 12 morning. A day without a time means 9:00 (a morning
// 9:00, an afternoon 15:00, an evening 18:00, a night 20:00); a time
// without a day means the next one. A numeric date is month/day, unless
// the words are Spanish ("el 1/12"): then day/month; a date only one way
// can be read ("25/12") is read that way.
func ParseWhen(text string, now time.Time, loc *time.Location) (When, error) {
	return parseWhen(norms(words(text)), now, loc)
}

var (
	clockRe   = regexp.MustCompile(`^(\d{1,2})(?:[:.](\d{2}))?(am|pm|a|p|h|hs|hrs)?$`)
	ordinalRe = regexp.MustCompile(`^(\d{1,2})(st|nd|rd|th|o|º|ro|ero|vo|to)?$`)
	isoDateRe = regexp.MustCompile(`^(\d{4})-(\d{2})-(\d{2})$`)
	numDateRe = regexp.MustCompile(`^(\d{1,2})([/.-])(\d{1,2})(?:[/.-](\d{2}|\d{4}))?$`)
)

// clockTime is one time of day as typed; meridiem is "am", "pm" or "" as
// it came with the time ("8am", "8 de la noche").
type clockTime struct {
	hour, min int
	meridiem  string
}

// whenParts collects the pieces of a typed time, in whatever order they
// came.
type whenParts struct {
	rel              span // "in 2 hours", "in 3 months"
	hasRel           bool
	date             time.Time // floating midnight
	hasDate, yearSet bool
	monthDay         int            // "the 1st": that day of the next month that has it
	days             []time.Weekday // the weekdays named
	next             bool
	times            []clockTime
	meridiem         string // from "in the morning", "de la tarde": for times without their own
	part             string // "morning", "afternoon", "evening" or "night": the default time
	rep              repeat
	bad              noDateError // a date read that the calendar does not have
}

// repeat is what the words say about a repeating time.
type repeat struct {
	every         string // "", "day", "week", "month" or "year"
	interval      int    // 0 or 1: every one; 2: every other
	perDay        int    // "twice a day": the times a day promised
	perWeek       int    // "twice a week": the days a week promised
	start, until  time.Time
	hasStart      bool
	hasUntil      bool
	forN          int    // "for 10 days"
	forUnit       string // "day", "week" or "month"
	impliedByDays bool   // "mondays", "los lunes", "weekdays": a repeat with no "every"
}

type whenParser struct {
	t        []string
	i        int
	today    time.Time // floating midnight
	dayFirst bool      // a numeric date is day/month (Spanish)
	p        whenParts
	// intro is true right after "at", "a las" or a day: a bare number
	// there is an hour ("tomorrow 9"), elsewhere it is not ("take 2").
	intro bool
	// lastClock is the index just after the last time read, so that a
	// following "am" or "de la noche" goes with it.
	lastClock int
	// afterTime is the index just after the last time and the am, pm or
	// part of the day that went with it ("8 am", "8 de la mañana"), so
	// that an "and" there joins another time.
	afterTime int
}

func (w *whenParser) at(k int) string {
	if w.i+k >= 0 && w.i+k < len(w.t) {
		return w.t[w.i+k]
	}
	return ""
}

// parseWhen reads toks, a numeric date being day/month if the words look
// Spanish.
func parseWhen(toks []string, now time.Time, loc *time.Location) (When, error) {
	return parseWhenOrder(toks, now, loc, spanishScore(toks) > 0)
}

func parseWhenOrder(toks []string, now time.Time, loc *time.Location, dayFirst bool) (When, error) {
	if len(toks) == 0 || len(toks) > 24 {
		return When{}, errNoTime
	}
	w := &whenParser{t: toks, today: Floating(now, loc).Truncate(24 * time.Hour), dayFirst: dayFirst, lastClock: -1, afterTime: -1}
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
	case w.partOfDay():
		intro = true
		return true
	case w.meridiemPhrase():
		return true
	case (tok == "from" || tok == "desde") && w.at(1) == "now" || tok == "desde" && w.at(1) == "ahora":
		w.i += 2
		return p.hasRel
	case !p.hasRel && w.restoring(w.fromNow):
		return true
	case w.restoring(w.repeatPhrase):
		intro = true
		return true
	case w.bound():
		return true
	case tok == "in" || tok == "en" || tok == "within" || tok == "dentro" && w.at(1) == "de":
		if tok == "dentro" {
			w.i++
		}
		return !p.hasRel && w.relative()
	case tok == "today" || tok == "hoy":
		w.i++
		intro = true
		return w.setDate(w.today)
	case tok == "pasado" && w.at(1) == "manana" || tok == "day" && w.at(1) == "after" && w.at(2) == "tomorrow":
		w.i += 2
		if tok == "day" {
			w.i++
		}
		intro = true
		return w.setDate(w.today.AddDate(0, 0, 2))
	case tok == "tomorrow" || tok == "tmrw" || tok == "tmr" || tok == "manana" && !morningLeads[w.at(-1)]:
		w.i++
		intro = true
		return w.setDate(w.today.AddDate(0, 0, 1))
	case tok == "next" || tok == "proximo" || tok == "proxima":
		if !isWeekday(w.at(1)) {
			return false
		}
		w.i++
		p.next, intro = true, w.intro
		return true
	case w.restoring(w.weekdays):
		intro = true
		return true
	case w.dateHere():
		intro = true
		return true
	case w.clock():
		return true
	case (tok == "and" || tok == "y" || tok == "&") && len(p.times) > 0 && w.afterTime == w.i:
		// "at 8am and 8pm", "at 8 am and 8 pm", "a las 8 de la mañana y
		// a las 8:30 de la noche": another time follows.
		w.i++
		intro = true
		return true
	case (tok == "a" || tok == "al") && (w.at(1) == "mediodia" || w.at(1) == "medianoche"):
		w.i++
		return true
	case tok == "a" && (w.at(1) == "las" || w.at(1) == "la") || tok == "las" || tok == "la":
		w.i++
		if tok == "a" {
			w.i++
		}
		intro = true
		return true
	case tok == "en" && w.at(1) == "punto":
		w.i += 2
		return true
	case fillers[tok]:
		w.i++
		intro = tok == "at" || tok == "@" || tok == "around" || tok == "hacia" || tok == "sobre" || w.intro
		return true
	}
	return false
}

// fromNow reads "2 hours from now", "a week from now", "3 days later".
func (w *whenParser) fromNow() bool {
	d, ok := w.duration()
	if !ok || !(w.at(0) == "from" && w.at(1) == "now" || w.at(0) == "later") {
		return false
	}
	w.p.rel, w.p.hasRel = d, true
	if w.at(0) == "from" {
		w.i++
	}
	w.i++
	return true
}

// restoring runs a reader that may fail after moving on, and puts w.i
// back if it does.
func (w *whenParser) restoring(read func() bool) bool {
	start := w.i
	if read() {
		return true
	}
	w.i = start
	return false
}

func isWeekday(s string) bool { _, ok := weekdayWords[s]; return ok }

// setDate makes d the day. A weekday already named must be d's ("el
// martes 1 de diciembre"); resolve checks.
func (w *whenParser) setDate(d time.Time) bool {
	p := &w.p
	if p.hasDate || len(p.days) > 1 || len(p.days) == 1 && p.rep.every != "" || p.monthDay != 0 {
		return false
	}
	p.date, p.hasDate = d, true
	return true
}

// relative reads "in 2 hours", "in an hour", "in half an hour", "en media
// hora", "in 90 min", "in 2h", "in 1 hour and 30 minutes", "in 1.5
// hours", "in 3 months", w.i being at "in".
func (w *whenParser) relative() bool {
	w.i++
	d, ok := w.duration()
	if !ok {
		return false
	}
	w.p.rel, w.p.hasRel = d, true
	return true
}
