package reminders

import (
	"errors"
	"fmt"
	"strings"
	"time"

	"github.com/teambition/rrule-go"
)

// Rule is an RFC 5545 recurrence rule evaluated in floating wall-clock time
// (see Floating): "FREQ=WEEKLY;BYDAY=TU;BYHOUR=10" means Tuesdays at 10:00
// on the recipient's clock, wherever they are. Its zero value has no
// occurrences.
//
// rrule-go evaluates rules in DTSTART's location with time.Date, which
// moves a skipped time back an hour in New York (02:30 becomes 01:30 EST)
// and forward in Lord Howe, and it defaults a missing DTSTART to
// time.Now(). So a Rule always runs rrule-go in UTC with an explicit DTSTART
// and leaves zones to Resolve.
type Rule struct {
	opt  rrule.ROption
	r    *rrule.RRule
	text string
}

// ruleEpoch is the DTSTART of a rule written without one: a Monday, so
// that weekly rules with an INTERVAL count weeks from a known week.
var ruleEpoch = time.Date(2024, 1, 1, 0, 0, 0, 0, time.UTC)

// ParseRule reads a rule: "FREQ=DAILY;BYHOUR=8", optionally prefixed by
// "RRULE:" and preceded by a line "DTSTART:20260915T100000" (floating: no
// Z, no TZID, since the recipient's zone applies). Without DTSTART the
// rule needs BYHOUR, or it would fire at midnight. Only DAILY, WEEKLY,
// MONTHLY and YEARLY rules are accepted: nobody wants hourly messages, and
// a sub-daily rule cannot be read in wall-clock time.
func ParseRule(s string) (Rule, error) {
	s = strings.TrimSpace(strings.ReplaceAll(s, "\r\n", "\n"))
	var dtstart, body string
	switch lines := strings.Split(s, "\n"); len(lines) {
	case 1:
		body = lines[0]
	case 2:
		dtstart, body = strings.TrimSpace(lines[0]), lines[1]
	default:
		return Rule{}, errors.New("a rule is one RRULE line, optionally after one DTSTART line")
	}
	body = strings.TrimPrefix(strings.TrimSpace(body), "RRULE:")
	if strings.Contains(body, "DTSTART") || strings.Contains(body, "TZID") {
		return Rule{}, errors.New("put DTSTART on its own line before the rule, without a time zone")
	}
	opt, err := rrule.StrToROption(body)
	if err != nil {
		return Rule{}, fmt.Errorf("bad rule: %v", err)
	}
	switch opt.Freq {
	case rrule.DAILY, rrule.WEEKLY, rrule.MONTHLY, rrule.YEARLY:
	default:
		return Rule{}, errors.New("FREQ must be DAILY, WEEKLY, MONTHLY or YEARLY")
	}
	if len(opt.Bysetpos) > 0 && (opt.Freq == rrule.DAILY || opt.Freq == rrule.WEEKLY) {
		return Rule{}, errors.New("BYSETPOS needs FREQ=MONTHLY or YEARLY")
	}
	if opt.Interval > 1000 {
		return Rule{}, errors.New("INTERVAL is too large")
	}
	opt.Dtstart = ruleEpoch
	if dtstart != "" {
		v, ok := strings.CutPrefix(dtstart, "DTSTART:")
		if !ok || strings.HasSuffix(v, "Z") {
			return Rule{}, errors.New(`DTSTART must read "DTSTART:20260915T100000": floating, no Z or TZID`)
		}
		if opt.Dtstart, err = time.ParseInLocation("20060102T150405", v, time.UTC); err != nil {
			return Rule{}, fmt.Errorf("bad DTSTART %q: want 20260915T100000", v)
		}
	} else if len(opt.Byhour) == 0 {
		return Rule{}, errors.New("give the hour (BYHOUR=10) or a DTSTART line")
	}
	if !opt.Until.IsZero() {
		// UNTIL is read as floating, like DTSTART, whatever its form.
		opt.Until = time.Date(opt.Until.Year(), opt.Until.Month(), opt.Until.Day(),
			opt.Until.Hour(), opt.Until.Minute(), opt.Until.Second(), 0, time.UTC)
	}
	if err := satisfiable(*opt); err != nil {
		return Rule{}, err
	}
	r, err := rrule.NewRRule(*opt)
	if err != nil {
		return Rule{}, fmt.Errorf("bad rule: %v", err)
	}
	return Rule{opt: *opt, r: r, text: s}, nil
}

// satisfiable rejects a rule whose day filters match no day at all
// ("BYMONTH=2;BYMONTHDAY=30"): rrule-go would walk a DAILY one day by day
// to the year 9999 (seconds of CPU) on every call. The same filters as a
// YEARLY rule are walked a year at a time, which is cheap.
func satisfiable(o rrule.ROption) error {
	y := rrule.ROption{
		Freq: rrule.YEARLY, Dtstart: o.Dtstart, Wkst: o.Wkst,
		Bymonth: o.Bymonth, Bymonthday: o.Bymonthday, Byyearday: o.Byyearday,
		Byweekno: o.Byweekno, Byweekday: o.Byweekday, Byeaster: o.Byeaster,
		Byhour: o.Byhour, Byminute: o.Byminute, Bysecond: o.Bysecond,
	}
	if o.Freq == rrule.MONTHLY || o.Freq == rrule.YEARLY {
		y.Bysetpos, y.Freq = o.Bysetpos, o.Freq
	}
	r, err := rrule.NewRRule(y)
	if err != nil {
		return fmt.Errorf("bad rule: %v", err)
	}
	if r.After(o.Dtstart, true).IsZero() {
		return errors.New("the rule matches no day at all")
	}
	return nil
}

// String returns the rule as it was written.
func (r Rule) String() string { return r.text }

// IsZero reports whether r is the zero Rule.
func (r Rule) IsZero() bool { return r.r == nil }

// After returns the first occurrence strictly after wall, both floating;
// ok is false when the rule has ended.
func (r Rule) After(wall time.Time) (next time.Time, ok bool) {
	if r.r == nil {
		return time.Time{}, false
	}
	next = r.near(wall).After(wall, false)
	return next, !next.IsZero()
}

// near returns the rule with DTSTART moved forward by whole periods to
// shortly before t, which changes none of its occurrences after t but
// saves rrule-go walking from the original DTSTART every time. A rule
// with COUNT cannot move: its count starts at DTSTART.
func (r Rule) near(t time.Time) *rrule.RRule {
	o := r.opt
	if o.Count > 0 || !t.After(o.Dtstart) {
		return r.r
	}
	iv := max(1, o.Interval)
	switch o.Freq {
	case rrule.DAILY, rrule.WEEKLY:
		days := iv
		if o.Freq == rrule.WEEKLY {
			days *= 7
		}
		n := int(t.Sub(o.Dtstart)/(24*time.Hour))/days - 1
		if n <= 0 {
			return r.r
		}
		o.Dtstart = o.Dtstart.AddDate(0, 0, n*days)
	default:
		if o.Dtstart.Month() == time.February && o.Dtstart.Day() == 29 {
			return r.r // moving it by years could land on March 1
		}
		n := (t.Year()-o.Dtstart.Year())/iv - 1
		if n <= 0 {
			return r.r
		}
		o.Dtstart = o.Dtstart.AddDate(n*iv, 0, 0)
	}
	moved, err := rrule.NewRRule(o)
	if err != nil {
		return r.r
	}
	return moved
}
