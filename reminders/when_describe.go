package reminders

import (
	"fmt"
	"slices"
	"sort"
	"strings"
	"time"

	"github.com/teambition/rrule-go"

	"github.com/carebot/carebot"
)

// describeNew is the answer to new reminders of one text: when they
// come, and what they say. Several times said alike but for the clock are
// said once: "every day at 8:00 AM and 8:30 PM", "on Friday, November 27
// at 9:00 AM and 5:30 PM".
func describeNew(lang string, loc *time.Location, items ...carebot.OutboxItem) string {
	items = slices.Clone(items)
	sort.SliceStable(items, func(i, j int) bool { return saidBefore(items[i], items[j], loc) })
	whens := make([]string, len(items))
	var clocks []int // minutes from midnight
	alike := len(items) > 1
	shape := ""
	for i, it := range items {
		if it.Rule == "" {
			whens[i] = on(lang, formatDue(lang, it, loc))
		} else {
			whens[i] = describeRule(lang, it, loc, time.Time{})
		}
		mins := itemMinutes(it, loc)
		said := joinWords(lang, clockNames(lang, mins))
		if len(mins) == 0 || strings.Count(whens[i], said) != 1 {
			alike = false
		} else if s := strings.Replace(whens[i], said, "\x00", 1); i == 0 {
			shape = s
		} else {
			alike = alike && s == shape
		}
		clocks = append(clocks, mins...)
	}
	when := joinWords(lang, whens)
	if alike {
		slices.Sort(clocks)
		when = strings.Replace(shape, "\x00", joinWords(lang, clockNames(lang, clocks)), 1)
	}
	return say(lang, "created", when, items[0].Text)
}

// itemMinutes are the times of day of a reminder, in minutes from
// midnight.
func itemMinutes(it carebot.OutboxItem, loc *time.Location) []int {
	if it.Rule == "" {
		t := it.Due.In(loc)
		return []int{t.Hour()*60 + t.Minute()}
	}
	r, err := ParseRule(it.Rule)
	if err != nil {
		return nil
	}
	return ruleMinutes(r.opt, it.Wall)
}

// saidBefore orders new reminders as they are said: repeating ones by
// time of day, one-time ones by when they come.
func saidBefore(a, b carebot.OutboxItem, loc *time.Location) bool {
	if a.Rule != "" && b.Rule != "" {
		wa, wb := a.Wall, b.Wall
		if wa.IsZero() || wb.IsZero() {
			wa, wb = Floating(a.Due, loc), Floating(b.Due, loc)
		}
		return wa.Hour()*60+wa.Minute() < wb.Hour()*60+wb.Minute()
	}
	return a.Due.Before(b.Due)
}

// describeWhen is when a reminder comes, for the list.
func describeWhen(lang string, it carebot.OutboxItem, loc *time.Location, now time.Time) string {
	if it.Rule == "" {
		return formatDue(lang, it, loc)
	}
	return describeRule(lang, it, loc, now)
}

// describeRule says a repeating reminder's rule as a patient would: "every
// weekday at 7:00 AM", "el día 1 de cada mes a las 09:00", with the day it
// starts if that is still to come and not simply the next one, and the
// day it ends. Listed at a time (listed not zero), it adds the next time
// of an "every other" rule, and of one a pause holds back ("every Monday
// at 10:00 AM (next: Monday, December 14)"), whose next time is not the
// rule's. Days are said as formatDue says a time: with the year when more
// than farAhead after the reminder was made.
func describeRule(lang string, it carebot.OutboxItem, loc *time.Location, listed time.Time) string {
	wall := it.Wall
	if wall.IsZero() {
		wall = Floating(it.Due, loc)
	}
	var made time.Time // floating, like the rule's days; zero: never the year
	if !it.Created.IsZero() {
		made = Floating(it.Created, loc)
	}
	r, err := ParseRule(it.Rule)
	if err != nil {
		return say(lang, "rNext", say(lang, "rOther"), formatDue(lang, it, loc))
	}
	o := r.opt
	iv := max(1, o.Interval)
	var s string
	switch {
	case o.Freq == rrule.DAILY && len(o.Byweekday) == 0 && len(o.Bymonthday) == 0:
		s = say(lang, pickN(iv, "rDaily", "rDaily2", "rDailyN"), iv)
	case o.Freq == rrule.WEEKLY && len(o.Bymonthday) == 0:
		days := ruleDays(o, wall)
		names := dayNames(lang, days)
		switch {
		case iv == 1 && sameDays(days, weekdaysMF):
			s = say(lang, "rWeekdays")
		case iv == 1:
			s = say(lang, "rWeekly", names)
		case iv == 2 && len(days) == 1:
			s = say(lang, "rWeekly2One", names)
		default:
			s = say(lang, pickN(iv, "", "rWeekly2", "rWeeklyN"), names, iv)
		}
	case o.Freq == rrule.MONTHLY && len(o.Bymonthday) == 1 && len(o.Byweekday) == 0:
		s = say(lang, pickN(iv, "rMonthly", "rMonthlyN", "rMonthlyN"), ordinal(lang, o.Bymonthday[0]), iv)
	case o.Freq == rrule.YEARLY && len(o.Bymonthday) == 1 && len(o.Bymonth) == 1 && iv == 1:
		s = say(lang, "rYearly", monthDayName(lang, time.Month(o.Bymonth[0]), o.Bymonthday[0]))
	default:
		return say(lang, "rNext", say(lang, "rOther"), formatDue(lang, it, loc))
	}
	s = say(lang, "rAt", s, joinWords(lang, ruleClocks(lang, o, wall)))
	created := Floating(it.Created, loc).Truncate(24 * time.Hour)
	first, _ := r.After(o.Dtstart.Add(-time.Second))
	if o.Dtstart.Truncate(24*time.Hour).After(created) && first.Equal(wall) {
		s = say(lang, "rFrom", s, dayNameFrom(lang, wall, made))
	} else if !listed.IsZero() && (iv > 1 || heldBack(r, wall, Floating(listed, loc))) {
		s = say(lang, "rNext", s, dayNameFrom(lang, wall, made))
	}
	if !o.Until.IsZero() {
		s = say(lang, "rUntil", s, dayNameFrom(lang, o.Until, made))
	}
	if o.Count > 0 {
		s = say(lang, "rTimes", s, o.Count)
	}
	return s
}

// heldBack reports whether a rule's next time wall is later than its next
// occurrence after now (both floating): a pause moved it on.
func heldBack(r Rule, wall, now time.Time) bool {
	next, ok := r.After(now)
	return ok && next.Before(wall)
}

// pickN picks the text for one, two or n.
func pickN(n int, one, two, many string) string {
	switch {
	case n == 1:
		return one
	case n == 2:
		return two
	}
	return many
}

// ruleDays are a weekly rule's days, Monday first.
func ruleDays(o rrule.ROption, wall time.Time) []time.Weekday {
	if len(o.Byweekday) == 0 {
		return []time.Weekday{wall.Weekday()}
	}
	var days []time.Weekday
	for _, d := range o.Byweekday {
		days = append(days, time.Weekday((d.Day()+1)%7))
	}
	sort.Slice(days, func(i, j int) bool { return (days[i]+6)%7 < (days[j]+6)%7 })
	return days
}

func sameDays(a, b []time.Weekday) bool {
	if len(a) != len(b) {
		return false
	}
	for i := range a {
		if a[i] != b[i] {
			return false
		}
	}
	return true
}

func dayNames(lang string, days []time.Weekday) string {
	var names []string
	for _, d := range days {
		names = append(names, weekdayName(lang, int(d)))
	}
	return joinWords(lang, names)
}

// ruleClocks are the times of day a rule fires, in order.
func ruleClocks(lang string, o rrule.ROption, wall time.Time) []string {
	return clockNames(lang, ruleMinutes(o, wall))
}

// ruleMinutes are the times of day of a rule, in minutes from midnight, in
// order.
func ruleMinutes(o rrule.ROption, wall time.Time) []int {
	if len(o.Byhour) == 0 {
		return []int{wall.Hour()*60 + wall.Minute()}
	}
	mins := o.Byminute
	if len(mins) == 0 {
		mins = []int{o.Dtstart.Minute()}
	}
	var cs []int
	for _, h := range o.Byhour {
		for _, m := range mins {
			cs = append(cs, h*60+m)
		}
	}
	sort.Ints(cs)
	return cs
}

// clockNames says times of day given in minutes from midnight.
func clockNames(lang string, mins []int) []string {
	out := make([]string, len(mins))
	for i, c := range mins {
		out[i] = clockName(lang, c/60, c%60)
	}
	return out
}

func clockName(lang string, h, m int) string {
	return formatClock(lang, time.Date(2000, 1, 1, h, m, 0, 0, time.UTC), time.UTC)
}

// dayName is a floating day as a patient reads it: "Monday, November 30"
// or "lunes 30 de noviembre".
func dayName(lang string, d time.Time) string {
	return dayNameYear(lang, d, false)
}

// dayNameFrom is dayName said at now (floating too), with the year when
// the day is far ahead of now (sayYear).
func dayNameFrom(lang string, d, now time.Time) string {
	return dayNameYear(lang, d, sayYear(d, now))
}

// dayNameYear is dayName, with the year if year: "Wednesday, December
// 1, 2027", "miércoles 1 de diciembre de 2027".
func dayNameYear(lang string, d time.Time, year bool) string {
	switch es := baseLang(lang) == langES; {
	case es && year:
		return fmt.Sprintf("%s %d de %s de %d", weekdaysES[d.Weekday()], d.Day(), monthsES[d.Month()-1], d.Year())
	case es:
		return fmt.Sprintf("%s %d de %s", weekdaysES[d.Weekday()], d.Day(), monthsES[d.Month()-1])
	case year:
		return d.Format("Monday, January 2, 2006")
	}
	return d.Format("Monday, January 2")
}

func monthDayName(lang string, m time.Month, d int) string {
	if baseLang(lang) == langES {
		return fmt.Sprintf("%d de %s", d, monthsES[m-1])
	}
	return fmt.Sprintf("%s %d", m, d)
}

// ordinal is "1st", "2nd", "23rd" in English, the number in Spanish.
func ordinal(lang string, n int) string {
	if baseLang(lang) == langES {
		return fmt.Sprint(n)
	}
	suffix := "th"
	switch {
	case n%100 >= 11 && n%100 <= 13:
	case n%10 == 1:
		suffix = "st"
	case n%10 == 2:
		suffix = "nd"
	case n%10 == 3:
		suffix = "rd"
	}
	return fmt.Sprint(n, suffix)
}

// joinWords is "a", "a and b", "a, b and c" (or "y").
func joinWords(lang string, ws []string) string {
	if len(ws) < 2 {
		return strings.Join(ws, "")
	}
	return strings.Join(ws[:len(ws)-1], ", ") + " " + say(lang, "and") + " " + ws[len(ws)-1]
}
