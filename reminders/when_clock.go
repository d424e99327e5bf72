package reminders

import (
	"fmt"
	"strconv"
	"time"
)

// dateHere reads a date at w.i and makes it the time's day: "dec 3",
// "3 de diciembre", "12/1", "the 1st" (of whatever month comes next).
func (w *whenParser) dateHere() bool {
	start := w.i
	if d, yearSet, bad, ok := w.dateAt(); ok {
		if !w.setDate(d) {
			w.i = start
			return false
		}
		w.p.yearSet = yearSet
		w.p.noDate(bad)
		return true
	}
	if n, ok := w.dayOfMonth(); ok {
		p := &w.p
		if p.hasDate || len(p.days) > 0 || p.monthDay != 0 {
			w.i = start
			return false
		}
		p.monthDay = n
		return true
	}
	return false
}

// dateAt reads "dec 3", "december 3rd", "3 dec", "3 de diciembre",
// "diciembre 3", "the 3rd of december", "el 1 de diciembre",
// "2026-12-03", "12/3", "12/3/26", "3.12.2026", each with an optional
// year, and returns it as a floating midnight. It moves w.i past the
// date only if it reads one. A date the calendar does not have ("feb
// 30", "feb 29" in a year that is not a leap year) is read, and bad says
// why it is none.
func (w *whenParser) dateAt() (d time.Time, yearSet bool, bad noDateError, ok bool) {
	year, month, day := 0, time.Month(0), 0
	start := w.i
	fail := func() (time.Time, bool, noDateError, bool) {
		w.i = start
		return time.Time{}, false, noDateError{}, false
	}
	if (w.at(0) == "the" || w.at(0) == "el") && ordinalDay(w.at(1)) > 0 {
		w.i++ // "the 3rd of december", "el 3 de diciembre"
	}
	switch tok := w.at(0); {
	case isoDateRe.MatchString(tok):
		m := isoDateRe.FindStringSubmatch(tok)
		year, _ = strconv.Atoi(m[1])
		mo, _ := strconv.Atoi(m[2])
		month = time.Month(mo)
		day, _ = strconv.Atoi(m[3])
		w.i++
	case numDateRe.MatchString(tok):
		var ok bool
		if year, month, day, ok = w.numericDate(tok); !ok {
			return fail()
		}
		w.i++
	case monthWords[tok] != 0 && ordinalDay(w.at(1)) > 0:
		month, day = monthWords[tok], ordinalDay(w.at(1))
		w.i += 2
	case ordinalDay(tok) > 0:
		day = ordinalDay(tok)
		k := 1
		if w.at(k) == "de" || w.at(k) == "of" {
			k++
		}
		if month = monthWords[w.at(k)]; month == 0 {
			return fail()
		}
		w.i += k + 1
	default:
		return fail()
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
	yearSet = year != 0
	if year == 0 {
		year = w.today.Year()
	}
	// A year far off is still a date: resolve says it is passed or too far.
	if month < 1 || month > 12 || year < w.today.Year()-100 || year > w.today.Year()+100 {
		return fail()
	}
	d = time.Date(year, month, day, 0, 0, 0, 0, time.UTC)
	if d.Day() != day {
		// "feb 30" has no year; "feb 29" is next in a leap year.
		bad = noDateError{month: month, day: day}
		if time.Date(2000, month, day, 0, 0, 0, 0, time.UTC).Day() == day {
			bad.year = year
			if !yearSet && time.Date(year, month, 1, 0, 0, 0, 0, time.UTC).Before(w.today.AddDate(0, 0, 1-w.today.Day())) {
				bad.year++ // "feb 29" in November: next February's
			}
		}
		d = time.Date(year, month, 1, 0, 0, 0, 0, time.UTC)
	}
	return d, yearSet, bad, true
}

// noDateError is a date the calendar does not have: "feb 30", or "feb
// 29" in year, which is not a leap year.
type noDateError struct {
	month     time.Month
	day, year int // year: 0 if no year has the date
}

func (e noDateError) Error() string {
	if e.year != 0 {
		return fmt.Sprintf("there is no %s %d in %d", e.month, e.day, e.year)
	}
	return fmt.Sprintf("there is no %s %d", e.month, e.day)
}

// noDate records that the date read was none the calendar has; resolve
// says so.
func (p *whenParts) noDate(bad noDateError) {
	if bad.month != 0 {
		p.bad = bad
	}
}

// numericDate reads "12/1", "12/01/2026", "1/12/26", "1.12.2026" and
// "12-01-2026": month first, unless w.dayFirst; a date that reads only
// one way ("25/12") is read that way. A dotted or dashed date needs its
// year ("1.5", "2-3" are amounts).
func (w *whenParser) numericDate(tok string) (year int, month time.Month, day int, ok bool) {
	m := numDateRe.FindStringSubmatch(tok)
	if m[4] == "" && m[2] != "/" {
		return 0, 0, 0, false // "1.5", "2-3" without a year are amounts
	}
	a, _ := strconv.Atoi(m[1])
	b, _ := strconv.Atoi(m[3])
	if w.dayFirst {
		a, b = b, a
	}
	if a > 12 && b <= 12 {
		a, b = b, a
	}
	if m[4] != "" {
		year, _ = strconv.Atoi(m[4])
		if len(m[4]) == 2 {
			year += 2000
		}
	}
	return year, time.Month(a), b, a >= 1 && a <= 12 && b >= 1 && b <= 31
}

// dayOfMonth reads "the 1st", "the 15th", "the first", "el 15", "el día
// 1", "el primero": a day of the month with no month.
func (w *whenParser) dayOfMonth() (int, bool) {
	if w.at(0) != "the" && w.at(0) != "el" {
		return 0, false
	}
	k := 1
	if w.at(0) == "el" && w.at(1) == "dia" {
		k = 2
	}
	tok := w.at(k)
	n := ordinalDay(tok)
	if n == 0 || w.at(0) == "the" && ordinalWords[tok] == 0 && !hasOrdinalSuffix(tok) && !isNumber(tok) {
		return 0, false
	}
	if n > 31 || monthWords[w.at(k+1)] != 0 || w.at(k+1) == "de" && monthWords[w.at(k+2)] != 0 {
		return 0, false
	}
	w.i += k + 1
	return n, true
}

// ordinalDay is the day a word names: "3", "3rd", "1º", "1ro", "first",
// "primero"; 0 if none.
func ordinalDay(s string) int {
	if n := ordinalWords[s]; n > 0 {
		return n
	}
	m := ordinalRe.FindStringSubmatch(s)
	if m == nil {
		return 0
	}
	n, _ := strconv.Atoi(m[1])
	if n < 1 || n > 31 {
		return 0
	}
	return n
}

func hasOrdinalSuffix(s string) bool {
	m := ordinalRe.FindStringSubmatch(s)
	return m != nil && m[2] != ""
}

func isNumber(s string) bool { _, err := strconv.Atoi(s); return err == nil && s != "" }

// clock reads "3pm", "3 pm", "3:30pm", "15:30", "3.30", "noon",
// "mediodía", "midnight", "la una", "a las ocho", "half past 3", "quarter
// to 4", "las 8 y media", "las 8 menos cuarto", "las 8 y 20"; a bare "9"
// only where an hour is expected.
func (w *whenParser) clock() bool {
	tok := w.at(0)
	h, m, n := -1, 0, 1
	mer := ""
	switch {
	case tok == "noon" || tok == "midday" || tok == "mediodia":
		h, mer = 12, "pm"
	case tok == "midnight" || tok == "medianoche":
		h, mer = 0, "am"
	case (tok == "half" || tok == "quarter") && (w.at(1) == "past" || w.at(1) == "after") ||
		tok == "quarter" && (w.at(1) == "to" || w.at(1) == "til" || w.at(1) == "of"):
		hh, mm, ok := hourWord(w.at(2), true)
		if !ok || mm != 0 || hh < 1 || hh > 12 {
			return false
		}
		h, m, n = hh, 30, 3
		if tok == "quarter" {
			m = 15
			if w.at(1) != "past" && w.at(1) != "after" {
				h, m = hh-1, 45
			}
		}
		if s := clockRe.FindStringSubmatch(w.at(2)); s != nil {
			mer = meridiemOf(s[3])
		}
	case clockRe.MatchString(tok):
		sm := clockRe.FindStringSubmatch(tok)
		h, _ = strconv.Atoi(sm[1])
		if sm[2] != "" {
			m, _ = strconv.Atoi(sm[2])
		}
		mer = meridiemOf(sm[3])
		if sm[2] == "" && sm[3] == "" && !w.intro {
			return false // "take 2" is not a time
		}
		if mer != "" && (h > 12 || h == 0 && sm[3] != "am" && sm[3] != "a") {
			return false // "13pm"
		}
	case w.intro && hourWords[tok] > 0 && (tok != "once" || w.at(-1) == "las"):
		h = hourWords[tok]
	case w.intro && len(tok) == 4 && isNumber(tok) && tok[0] <= '2':
		// "at 0800", "a las 1930"
		h, _ = strconv.Atoi(tok[:2])
		m, _ = strconv.Atoi(tok[2:])
		mer = map[bool]string{true: "am", false: "pm"}[h < 12]
	default:
		return false
	}
	if h < 0 || h > 23 || m > 59 {
		return false
	}
	if m == 0 && mer == "" && n == 1 {
		m, n = w.spanishMinutes(h, &h)
	}
	w.i += n
	w.p.times = append(w.p.times, clockTime{hour: h, min: m, meridiem: mer})
	w.lastClock, w.afterTime = w.i, w.i
	return true
}

// spanishMinutes reads what may follow a Spanish hour: "y media", "y
// cuarto", "menos cuarto", "y 20". It returns the minutes and how many
// words the clock takes in all, moving the hour back for "menos".
func (w *whenParser) spanishMinutes(h int, hp *int) (int, int) {
	switch a, b := w.at(1), w.at(2); {
	case a == "y" && b == "media":
		return 30, 3
	case a == "y" && b == "cuarto":
		return 15, 3
	case a == "menos" && b == "cuarto" && h > 0:
		*hp = h - 1
		return 45, 3
	case a == "y" && isNumber(b) && len(b) <= 2:
		if v, _ := strconv.Atoi(b); v >= 1 && v <= 59 && !(w.at(3) == "de" && monthWords[w.at(4)] != 0) {
			return v, 3
		}
	}
	return 0, 1
}

func meridiemOf(suffix string) string {
	switch suffix {
	case "am", "a":
		return "am"
	case "pm", "p":
		return "pm"
	}
	return ""
}

// hourWord reads an hour as a number or a word: "3", "3pm", "three".
func hourWord(s string, words bool) (h, m int, ok bool) {
	if sm := clockRe.FindStringSubmatch(s); sm != nil {
		h, _ = strconv.Atoi(sm[1])
		if sm[2] != "" {
			m, _ = strconv.Atoi(sm[2])
		}
		return h, m, true
	}
	if n := hourWords[s]; words && n > 0 {
		return n, 0, true
	}
	return 0, 0, false
}
