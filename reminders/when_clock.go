package reminders

import (
	"fmt"
	"strconv"
	"time"
)

// monthDay reads "dec 3", "december 3rd", "3 dec", "3 de diciembre",
// "diciembre 3", "the 3rd of december", "2026-12-03", each with an
// optional year.
func (w *whenParser) monthDay() bool {
	year, month, day := 0, time.Month(0), 0
	start := w.i
	switch tok := w.at(0); {
	case isoDateRe.MatchString(tok):
		m := isoDateRe.FindStringSubmatch(tok)
		year, _ = strconv.Atoi(m[1])
		mo, _ := strconv.Atoi(m[2])
		month = time.Month(mo)
		day, _ = strconv.Atoi(m[3])
		w.i++
	case monthWords[tok] != 0 && ordinalRe.MatchString(w.at(1)):
		month = monthWords[tok]
		day, _ = strconv.Atoi(ordinalRe.FindStringSubmatch(w.at(1))[1])
		w.i += 2
	case ordinalRe.MatchString(tok):
		day, _ = strconv.Atoi(ordinalRe.FindStringSubmatch(tok)[1])
		k := 1
		if w.at(k) == "de" || w.at(k) == "of" {
			k++
		}
		if month = monthWords[w.at(k)]; month == 0 {
			return false
		}
		w.i += k + 1
	default:
		return false
	}
	if year == 0 {
		k := 0
		if w.at(0) == "de" || w.at(0) == "del" {
			k = 1
		}
		if y, err := strconv.Atoi(w.at(k)); err == nil && len(w.at(k)) == 4 {
			year = y
			w.i += k + 1
		}
	}
	if w.p.hasDate || w.p.hasWeekday && w.p.every != "" || month < 1 || month > 12 {
		w.i = start
		return false
	}
	w.p.yearSet = year != 0
	if year == 0 {
		year = w.today.Year()
	}
	if year < w.today.Year()-1 || year > w.today.Year()+2 {
		w.i = start
		return false
	}
	d := time.Date(year, month, day, 0, 0, 0, 0, time.UTC)
	if d.Day() != day {
		w.i = start
		return false // "feb 30"
	}
	w.p.date, w.p.hasDate = d, true
	w.p.hasWeekday = false
	return true
}

// clock reads "3pm", "3 pm", "3:30pm", "15:30", "noon", "mediodía",
// "midnight", "la una"; a bare "9" only where an hour is expected.
func (w *whenParser) clock() bool {
	tok := w.at(0)
	h, m := -1, 0
	mer := ""
	switch {
	case tok == "noon" || tok == "midday" || tok == "mediodia":
		h = 12
		mer = "pm"
	case tok == "midnight" || tok == "medianoche":
		h = 0
		mer = "am"
	case clockRe.MatchString(tok):
		sm := clockRe.FindStringSubmatch(tok)
		h, _ = strconv.Atoi(sm[1])
		if sm[2] != "" {
			m, _ = strconv.Atoi(sm[2])
		}
		switch sm[3] {
		case "am", "a":
			mer = "am"
		case "pm", "p":
			mer = "pm"
		}
		if sm[2] == "" && sm[3] == "" && !w.intro {
			return false // "take 2" is not a time
		}
	case w.intro && (tok == "una" || tok == "one"):
		h = 1
	default:
		return false
	}
	if w.p.hasTime || h > 23 || m > 59 {
		return false
	}
	w.i++
	w.p.hour, w.p.min, w.p.hasTime = h, m, true
	if mer != "" {
		if w.p.meridiem != "" && w.p.meridiem != mer {
			return false
		}
		w.p.meridiem = mer
	}
	return true
}

// hourOfDay applies am/pm and the clinic-hours reading of a bare hour.
func (p *whenParts) hourOfDay() (int, bool) {
	h := p.hour
	switch {
	case !p.hasTime && p.tonight:
		return 20, true
	case !p.hasTime:
		return 9, true
	case p.meridiem == "am":
		if h < 1 || h > 12 {
			return 0, h == 0
		}
		return h % 12, true
	case p.meridiem == "pm" || p.tonight:
		if h > 12 {
			return h, p.meridiem == "" && h < 24 // "tonight at 20", not "13pm"
		}
		if h < 1 {
			return 0, false
		}
		return h%12 + 12, true
	case h >= 1 && h <= 7:
		return h + 12, true
	}
	return h, true
}

// resolve turns the pieces into a time on loc's clock.
func (p *whenParts) resolve(now time.Time, loc *time.Location, today time.Time) (When, error) {
	if p.hasRel {
		if p.hasDate || p.hasWeekday || p.hasTime || p.every != "" || p.meridiem != "" {
			return When{}, errNoTime
		}
		at := now.Add(p.rel)
		return When{At: at, Wall: Floating(at, loc)}, nil
	}
	if !p.hasDate && !p.hasWeekday && !p.hasTime && p.every == "" {
		return When{}, errNoTime
	}
	h, ok := p.hourOfDay()
	if !ok {
		return When{}, errNoTime
	}
	clock := time.Duration(h)*time.Hour + time.Duration(p.min)*time.Minute
	if p.every != "" {
		return p.repeating(now, loc, today, h)
	}
	day := today
	switch {
	case p.hasDate:
		day = p.date
	case p.hasWeekday:
		delta := (int(p.weekday) - int(today.Weekday()) + 7) % 7
		if delta == 0 && (p.next || !Resolve(today.Add(clock), loc).After(now)) {
			delta = 7
		}
		day = today.AddDate(0, 0, delta)
	case !Resolve(today.Add(clock), loc).After(now):
		day = today.AddDate(0, 0, 1)
	}
	wall := day.Add(clock)
	if p.hasDate && !p.yearSet && !Resolve(wall, loc).After(now) && wall.Before(today) {
		wall = wall.AddDate(1, 0, 0) // "jan 3" in December is next year's
	}
	at := Resolve(wall, loc)
	if !at.After(now) {
		return When{}, errPastTime
	}
	if at.After(now.AddDate(2, 0, 0)) {
		return When{}, errTooFar
	}
	return When{At: at, Wall: wall, Rule: Rule{}}, nil
}

var rruleDays = [...]string{"SU", "MO", "TU", "WE", "TH", "FR", "SA"}

func (p *whenParts) repeating(now time.Time, loc *time.Location, today time.Time, h int) (When, error) {
	if p.hasDate {
		return When{}, errNoTime
	}
	text := fmt.Sprintf("DTSTART:%s\nRRULE:FREQ=DAILY", today.Add(time.Duration(h)*time.Hour+time.Duration(p.min)*time.Minute).Format("20060102T150405"))
	if p.every == "weekly" {
		text = fmt.Sprintf("%s\nRRULE:FREQ=WEEKLY;BYDAY=%s", text[:len("DTSTART:20060102T150405")], rruleDays[p.weekday])
	}
	rule, err := ParseRule(text)
	if err != nil {
		return When{}, errNoTime
	}
	first, ok := rule.After(Floating(now, loc))
	if !ok {
		return When{}, errNoTime
	}
	return When{At: Resolve(first, loc), Wall: first, Rule: rule}, nil
}
