package reminders

import (
	"fmt"
	"sort"
	"strings"
	"time"
)

// hourOf applies am/pm, the part of the day and the clinic-hours reading
// of a bare hour to t. An hour of 24 or more is on the next day ("12 at
// night" is the midnight that ends the day).
func (p *whenParts) hourOf(t clockTime) (int, bool) {
	mer, night := t.meridiem, t.meridiem == "night"
	if night {
		mer = "pm"
	}
	shared := p.meridiem
	switch p.part {
	case "morning":
		shared = orStr(shared, "am")
	case "afternoon", "evening":
		shared = orStr(shared, "pm")
	case "night":
		shared, night = orStr(shared, "pm"), night || t.meridiem == ""
	}
	if mer == "" {
		mer = shared
	} else if shared != "" && shared != mer {
		return 0, false // "every morning at 8pm"
	}
	h := t.hour
	switch {
	case mer == "am":
		if h < 1 || h > 12 {
			return 0, h == 0
		}
		return h % 12, true
	case mer == "pm":
		switch {
		case h > 12:
			return h, true // "a las 20 de la noche"
		case h < 1:
			return 0, false
		case night && h == 12:
			return 24, true
		case night && h <= 4:
			return h + 24, true // "tonight at 1"
		}
		return h%12 + 12, true
	case h >= 1 && h <= 7:
		return h + 12, true
	}
	return h, true
}

func orStr(a, b string) string {
	if a != "" {
		return a
	}
	return b
}

// defaultHour is the time of a day named without one.
func (p *whenParts) defaultHour() int {
	switch p.part {
	case "afternoon":
		return 15
	case "evening":
		return 18
	case "night":
		return 20
	}
	return 9
}

// clocks returns the times of day as durations from midnight, in order.
func (p *whenParts) clocks() ([]time.Duration, bool) {
	if len(p.times) == 0 {
		return []time.Duration{time.Duration(p.defaultHour()) * time.Hour}, true
	}
	var out []time.Duration
	for _, t := range p.times {
		h, ok := p.hourOf(t)
		if !ok {
			return nil, false
		}
		c := time.Duration(h)*time.Hour + time.Duration(t.min)*time.Minute
		for _, have := range out {
			if have == c {
				return nil, false // "at 8 and 8"
			}
		}
		out = append(out, c)
	}
	sort.Slice(out, func(i, j int) bool { return out[i] < out[j] })
	return out, true
}

// resolve turns the pieces into a time on loc's clock.
func (p *whenParts) resolve(now time.Time, loc *time.Location, today time.Time) (When, error) {
	r := &p.rep
	if p.bad.month != 0 {
		return When{}, p.bad // "feb 30", "feb 29" in 2027
	}
	if p.hasRel {
		if p.hasDate || len(p.days) > 0 || p.monthDay != 0 || len(p.times) > 0 || p.meridiem != "" || p.part != "" ||
			r.every != "" || r.hasStart || r.hasUntil || r.forN != 0 {
			return When{}, errNoTime
		}
		at := p.rel.after(now, loc)
		if at.After(now.AddDate(2, 0, 0)) {
			return When{}, errTooFar // "in 3 years", "in 500 days"
		}
		return When{At: at, Wall: Floating(at, loc), Fixed: true}, nil
	}
	if r.every == "" && (r.hasUntil || r.forN != 0) {
		r.every, r.interval = "day", 1 // "at 8am for a week", "at 8am until friday"
	}
	if r.every != "" || r.hasStart || r.hasUntil || r.forN != 0 || r.perDay != 0 || r.perWeek != 0 {
		return p.repeating(now, loc, today)
	}
	if !p.hasDate && len(p.days) == 0 && p.monthDay == 0 && len(p.times) == 0 && p.part == "" {
		return When{}, errNoTime
	}
	clocks, ok := p.clocks()
	if !ok || len(p.days) > 1 {
		return When{}, errNoTime
	}
	// "tomorrow at 8am and 8:30pm", "at 8am and 8pm": one reminder for
	// each time, each the next such time from now when no day is named.
	var w When
	for _, clock := range clocks {
		one, err := p.oneOff(clock, now, loc, today)
		if err != nil {
			return When{}, err
		}
		w = w.with(one)
	}
	return w, nil
}

// oneOff is the one-time reminder at clock on the day the pieces name.
func (p *whenParts) oneOff(clock time.Duration, now time.Time, loc *time.Location, today time.Time) (When, error) {
	passed := func(day time.Time) bool { return !Resolve(day.Add(clock), loc).After(now) }
	day := today
	switch {
	case p.hasDate:
		day = p.date
	case p.monthDay != 0:
		if day = nextMonthDay(today, p.monthDay); passed(day) {
			day = nextMonthDay(today.AddDate(0, 0, 1), p.monthDay)
		}
	case len(p.days) == 1:
		delta := (int(p.days[0]) - int(today.Weekday()) + 7) % 7
		if delta == 0 && (p.next || passed(today)) {
			delta = 7
		}
		day = today.AddDate(0, 0, delta)
	case passed(today):
		day = today.AddDate(0, 0, 1)
	}
	wall := day.Add(clock)
	if p.hasDate && !p.yearSet && !Resolve(wall, loc).After(now) && wall.Before(today) {
		if wall.AddDate(0, 6, 0).After(today) {
			return When{}, errPastTime // "nov 20" on November 25 is a slip, not a year ahead
		}
		wall = wall.AddDate(1, 0, 0) // "jan 3" in December is next year's
	}
	if p.hasDate && len(p.days) == 1 && (wall.Add(-clock).Weekday() != p.days[0] || p.next) {
		return When{}, errNoTime // "friday dec 3": which?
	}
	at := Resolve(wall, loc)
	if !at.After(now) {
		return When{}, errPastTime
	}
	if at.After(now.AddDate(2, 0, 0)) {
		return When{}, errTooFar
	}
	return When{At: at, Wall: wall, TimeOfDay: !p.hasDate && p.monthDay == 0 && len(p.days) == 0}, nil
}

var rruleDays = [...]string{"SU", "MO", "TU", "WE", "TH", "FR", "SA"}

// repeating makes the rule the pieces describe. Its DTSTART is the day it
// starts (today, or the day named), or, for "every other" rules, the day
// of the first occurrence, from which the interval counts.
func (p *whenParts) repeating(now time.Time, loc *time.Location, today time.Time) (When, error) {
	r := p.rep
	unit, interval, days, monthDay := r.every, max(1, r.interval), p.days, p.monthDay
	start := today
	if r.hasStart {
		if start = r.start; start.Before(today) {
			return When{}, errNoTime
		}
	}
	var month time.Month
	if p.hasDate {
		d := p.date
		if !p.yearSet && d.Before(today) {
			d = d.AddDate(1, 0, 0)
		}
		switch {
		case (unit == "month" || unit == "year") && !r.hasStart:
			if monthDay = d.Day(); unit == "year" {
				month = d.Month()
			}
			if p.yearSet {
				start = d // "every year on dec 3 2027"
			}
		default:
			return When{}, errNoTime // "every day dec 1": from, until or on?
		}
	}
	if unit == "day" && len(days) > 0 && interval == 1 {
		unit = "week" // "twice a day on weekdays"
	}
	switch {
	case unit == "":
		return When{}, errNoTime // "starting monday", "until friday" alone
	case unit == "week" && len(days) == 0 && r.hasStart:
		days = []time.Weekday{start.Weekday()}
	case unit == "month" && monthDay == 0 && r.hasStart:
		monthDay = start.Day()
	case unit == "year" && month == 0 && r.hasStart:
		month, monthDay = start.Month(), start.Day()
	}
	switch {
	case unit == "week" && len(days) == 0, unit != "week" && len(days) > 0,
		unit == "month" && monthDay == 0, unit == "year" && month == 0,
		unit != "month" && unit != "year" && monthDay != 0,
		r.perWeek != 0 && len(days) != r.perWeek, p.next:
		return When{}, errNoTime
	}
	clocks, ok := p.clocks()
	if !ok || r.perDay > 1 && len(p.times) != r.perDay || r.perDay == 1 && len(clocks) != 1 {
		return When{}, errNoTime // "twice a day at 8am"
	}
	// One rule holds the times of one minute past the hour: "8am and
	// 8:30pm" is a rule for each.
	var byMinute []time.Duration
	hours := map[time.Duration][]string{}
	for _, c := range clocks {
		if c >= 24*time.Hour && (unit != "day" || len(clocks) > 1) {
			return When{}, errNoTime
		}
		m := c % time.Hour
		if hours[m] == nil {
			byMinute = append(byMinute, m)
		}
		hours[m] = append(hours[m], fmt.Sprint(int(c/time.Hour)%24))
	}
	var w When
	for _, m := range byMinute {
		one, err := p.rule(unit, interval, days, month, monthDay, start, hours[m], m, now, loc)
		if err != nil {
			return When{}, err
		}
		w = w.with(one)
	}
	return w, nil
}

// rule is the repeating reminder at hours, minute past, of the rule the
// pieces describe.
func (p *whenParts) rule(unit string, interval int, days []time.Weekday, month time.Month, monthDay int, start time.Time,
	hours []string, minute time.Duration, now time.Time, loc *time.Location) (When, error) {
	r := p.rep
	freq := "FREQ=" + map[string]string{"day": "DAILY", "week": "WEEKLY", "month": "MONTHLY", "year": "YEARLY"}[unit]
	body := ""
	if len(days) > 0 {
		sort.Slice(days, func(i, j int) bool { return (days[i]+6)%7 < (days[j]+6)%7 })
		var ds []string
		for _, d := range days {
			ds = append(ds, rruleDays[d])
		}
		body += ";BYDAY=" + strings.Join(ds, ",")
	}
	if month != 0 {
		body += fmt.Sprintf(";BYMONTH=%d", month)
	}
	if monthDay != 0 {
		body += fmt.Sprintf(";BYMONTHDAY=%d", monthDay)
	}
	body += fmt.Sprintf(";BYHOUR=%s;BYMINUTE=%d;BYSECOND=0", strings.Join(hours, ","), int(minute/time.Minute))
	// The first occurrence from start, counting every period: an "every
	// other" rule counts from there.
	first, err := firstOf(start, freq+body, now, loc)
	if err != nil {
		return When{}, err
	}
	firstDay := first.Truncate(24 * time.Hour)
	if interval > 1 {
		start = firstDay
		freq += fmt.Sprintf(";INTERVAL=%d", interval)
	}
	until := ""
	if r.hasUntil || r.forN != 0 {
		end := r.until
		if r.forN != 0 {
			switch r.forUnit {
			case "day":
				end = firstDay.AddDate(0, 0, r.forN-1)
			case "week":
				end = firstDay.AddDate(0, 0, 7*r.forN-1)
			default:
				end = firstDay.AddDate(0, r.forN, -1)
			}
			if r.hasUntil {
				return When{}, errNoTime
			}
		}
		until = end.Add(24*time.Hour - time.Second).Format(";UNTIL=20060102T150405")
	}
	text := start.Format("DTSTART:20060102T150405") + "\nRRULE:" + freq + body + until
	rule, err := ParseRule(text)
	if err != nil {
		return When{}, errNoTime
	}
	next, ok := rule.After(Floating(now, loc))
	for ok && !Resolve(next, loc).After(now) {
		next, ok = rule.After(next)
	}
	switch {
	case !ok:
		return When{}, errNoTime // "until" before the first time
	case Resolve(next, loc).After(now.AddDate(2, 0, 0)):
		return When{}, errTooFar
	}
	return When{At: Resolve(next, loc), Wall: next, Rule: rule}, nil
}

// firstOf returns the first occurrence after now of the rule body
// starting on the day start.
func firstOf(start time.Time, body string, now time.Time, loc *time.Location) (time.Time, error) {
	rule, err := ParseRule(start.Format("DTSTART:20060102T150405") + "\nRRULE:" + body)
	if err != nil {
		return time.Time{}, errNoTime
	}
	first, ok := rule.After(Floating(now, loc))
	for ok && !Resolve(first, loc).After(now) {
		first, ok = rule.After(first)
	}
	if !ok {
		return time.Time{}, errNoTime
	}
	return first, nil
}
