package reminders

import (
	"fmt"
	"maps"
	"slices"
	"strings"
	"time"
)

// CampaignWarning is something staff should know about a campaigns.yaml
// that does not stop carebot using it.
type CampaignWarning struct {
	File     string
	Line     int    // 1-based; 0 for the whole file
	Campaign string // the campaign's id, or "" for the whole file
	Msg      string
}

// String places the warning as CampaignError places an error, then says
// "warning:": `campaigns.yaml:4: campaign "flu": warning: ...`.
func (w CampaignWarning) String() string {
	e := CampaignError{File: w.File, Line: w.Line, Campaign: w.Campaign, Msg: "warning: " + w.Msg}
	return e.Error()
}

// seasonHorizon is how far ahead Check looks for a time in a campaign's
// season: a campaign silent that long is a mistake, whatever comes after.
const seasonHorizon = 10

// Check reports what LoadCampaigns cannot tell from the file alone, since
// it depends on the day (now) and on the clinic's allowed hours h:
//
//   - errs are the campaigns that can never send anything: their schedule
//     has ended (UNTIL or COUNT), none of their remaining times falls in
//     their season, or quiet hours hold every one of their times longer
//     than their max_late, so that every message is dropped;
//   - warnings are a file with no campaigns at all, and a campaign some of
//     whose times quiet hours always drop while its others are sent.
//
// `carebot campaigns check` fails on errs. The running bot logs both and
// runs on: a campaign that has run its course is no reason to stop
// answering patients.
func (cs *Campaigns) Check(now time.Time, h Hours) (errs CampaignErrors, warnings []CampaignWarning) {
	if cs == nil {
		return nil, nil
	}
	if len(cs.list) == 0 && cs.file != "" {
		warnings = append(warnings, CampaignWarning{File: cs.file,
			Msg: "the file has no campaigns: carebot sends no awareness messages from it (a campaign needs an id, a topic, a schedule and a text; the README shows one)"})
	}
	fail := func(c *Campaign, line int, format string, args ...any) {
		errs = append(errs, &CampaignError{File: cs.file, Line: lineOr(line, c.Line), Campaign: c.ID, Msg: fmt.Sprintf(format, args...)})
	}
	for _, c := range cs.list {
		if msg := c.ended(now); msg != "" {
			fail(c, c.scheduleLine, "schedule: %s", msg)
			continue
		}
		if msg := c.outOfSeason(now); msg != "" {
			fail(c, c.seasonLine, "season: %s", msg)
			continue
		}
		for _, l := range slices.Sorted(maps.Keys(c.Text)) {
			if l != langEN && l != langES {
				warnings = append(warnings, CampaignWarning{File: cs.file, Line: c.Line, Campaign: c.ID,
					Msg: fmt.Sprintf("text %s: carebot speaks with patients in en and es only, so no patient gets this text", l)})
			}
		}
		if first, ok := c.Rule.After(now.UTC()); ok && first.After(now.UTC().AddDate(1, 0, 0)) {
			warnings = append(warnings, CampaignWarning{File: cs.file, Line: lineOr(c.scheduleLine, c.Line), Campaign: c.ID,
				Msg: fmt.Sprintf("schedule: its first time is %s, more than a year from now: check its DTSTART", first.Format(time.DateOnly))})
		}
		sent, dropped, longest := c.quietTimes(h)
		h := h.orDefault()
		quiet := fmt.Sprintf("quiet hours (%s to %s on the patient's clock)", clockText(h.To), clockText(h.From))
		switch {
		case len(dropped) == 0:
		case len(sent) == 0:
			fail(c, c.scheduleLine, "schedule: every time it sends (%s) is in %s, which hold a message up to %s, longer than its max_late of %s: "+
				"every message would be dropped, never sent; move the time into %s to %s, or raise max_late",
				clockList(dropped), quiet, durationText(longest), durationText(c.MaxLate), clockText(h.From), clockText(h.To))
		default:
			warnings = append(warnings, CampaignWarning{File: cs.file, Line: lineOr(c.scheduleLine, c.Line), Campaign: c.ID,
				Msg: fmt.Sprintf("schedule: its times %s are in %s, which hold a message longer than its max_late of %s: those messages are dropped, never sent; only its times %s are sent",
					clockList(dropped), quiet, durationText(c.MaxLate), clockList(sent))})
		}
	}
	slices.SortStableFunc(errs, func(a, b *CampaignError) int { return a.Line - b.Line })
	slices.SortStableFunc(warnings, func(a, b CampaignWarning) int { return a.Line - b.Line })
	return errs, warnings
}

// ended says how the campaign's schedule has ended, or "" if it has a
// time after now (read as a wall clock: a day either way is no matter
// here).
func (c *Campaign) ended(now time.Time) string {
	if _, ok := c.Rule.After(now.UTC()); ok || c.Rule.IsZero() {
		return ""
	}
	const never = "the campaign will never send again"
	switch o := c.Rule.opt; {
	case !o.Until.IsZero():
		return fmt.Sprintf("it ended on %s (its UNTIL): %s; remove it, or give a later UNTIL", o.Until.Format(time.DateOnly), never)
	case o.Count > 0:
		return fmt.Sprintf("its COUNT=%d times are all past: %s; remove it, or give a later DTSTART", o.Count, never)
	}
	return "it has no time after today: " + never
}

// outOfSeason says why none of the campaign's times from now on falls in
// its season, or "" if one does within seasonHorizon years. It looks at
// the first time of each season only, so it takes a step a year.
func (c *Campaign) outOfSeason(now time.Time) string {
	if c.Season == (Season{}) {
		return ""
	}
	horizon := now.UTC().AddDate(seasonHorizon, 0, 0)
	w, ok := c.Rule.After(now.UTC())
	for ok && !w.After(horizon) {
		if c.Season.Contains(w) {
			return ""
		}
		w, ok = c.Rule.After(c.Season.nextStart(w).Add(-time.Second))
	}
	season := fmt.Sprintf("its season (%s to %s)", c.Season.From, c.Season.To)
	if !ok {
		until := ""
		if u := c.Rule.opt.Until; !u.IsZero() {
			until = fmt.Sprintf(" before its UNTIL (%s)", u.Format(time.DateOnly))
		}
		return fmt.Sprintf("none of its times left%s falls in %s: the campaign will never send again", until, season)
	}
	return fmt.Sprintf("none of its times in the next %d years falls in %s: the campaign would send nothing; make the schedule and the season meet", seasonHorizon, season)
}

// nextStart is the first day of the season after wall's day (Feb 29 in a
// year without one is Mar 1, which the season contains).
func (s Season) nextStart(wall time.Time) time.Time {
	start := time.Date(wall.Year(), s.From.Month, s.From.Day, 0, 0, 0, 0, time.UTC)
	if !start.After(wall) {
		start = time.Date(wall.Year()+1, s.From.Month, s.From.Day, 0, 0, 0, 0, time.UTC)
	}
	return start
}

// String is the day as the README writes it: "Sep 15".
func (m MonthDay) String() string { return fmt.Sprintf("%s %d", m.Month.String()[:3], m.Day) }

// quietTimes sorts the times of day the campaign's rule can fire at (its
// BYHOUR, BYMINUTE and BYSECOND, else DTSTART's, as rrule-go reads them)
// into those that are sent and those that quiet hours always hold past
// max_late, which are dropped (see Dispatcher.deliver), with the longest
// such hold. Days are read on the wall clock, 24 hours long; a
// daylight-saving night moves a hold by an hour at most.
func (c *Campaign) quietTimes(h Hours) (sent, dropped []time.Duration, longest time.Duration) {
	o := c.Rule.opt
	if c.Rule.IsZero() {
		return nil, nil, 0
	}
	hours, minutes, seconds := o.Byhour, o.Byminute, o.Bysecond
	if len(hours) == 0 {
		hours = []int{o.Dtstart.Hour()}
	}
	if len(minutes) == 0 {
		minutes = []int{o.Dtstart.Minute()}
	}
	if len(seconds) == 0 {
		seconds = []int{o.Dtstart.Second()}
	}
	h = h.orDefault()
	for _, hr := range sortedInts(hours) {
		for _, mi := range sortedInts(minutes) {
			for _, s := range sortedInts(seconds) {
				at := time.Duration(hr)*time.Hour + time.Duration(mi)*time.Minute + time.Duration(s)*time.Second
				if hold := h.holds(at); hold > c.MaxLate {
					dropped = append(dropped, at)
					longest = max(longest, hold)
				} else {
					sent = append(sent, at)
				}
			}
		}
	}
	return sent, dropped, longest
}

// holds is how long quiet hours hold a message due at the time of day at:
// until the window next opens, or 0 when it is open.
func (h Hours) holds(at time.Duration) time.Duration {
	h = h.orDefault()
	if h.open(at) {
		return 0
	}
	wait := h.From - at
	if wait < 0 {
		wait += 24 * time.Hour
	}
	return wait
}

// sortedInts is v sorted, each value once.
func sortedInts(v []int) []int {
	out := slices.Clone(v)
	slices.Sort(out)
	return slices.Compact(out)
}

// clockText writes a time of day as staff do: "08:00", "21:00:30".
func clockText(d time.Duration) string {
	d %= 24 * time.Hour
	s := fmt.Sprintf("%02d:%02d", int(d/time.Hour), int(d%time.Hour/time.Minute))
	if sec := d % time.Minute; sec != 0 {
		s += fmt.Sprintf(":%02d", int(sec/time.Second))
	}
	return s
}

// clockList writes times of day, the first few of many.
func clockList(ds []time.Duration) string {
	const most = 6
	var parts []string
	for i, d := range ds {
		if i == most {
			parts = append(parts, fmt.Sprintf("and %d more", len(ds)-most))
			break
		}
		parts = append(parts, clockText(d))
	}
	return strings.Join(parts, ", ")
}

// durationText writes a duration as max_late is written: "10h", "7h30m".
func durationText(d time.Duration) string {
	s := d.String()
	if strings.HasSuffix(s, "m0s") {
		s = strings.TrimSuffix(s, "0s")
	}
	if strings.HasSuffix(s, "h0m") {
		s = strings.TrimSuffix(s, "0m")
	}
	return s
}

func lineOr(line, fallback int) int {
	if line > 0 {
		return line
	}
	return fallback
}
