package reminders

import (
	"context"
	"errors"
	"fmt"
	"sort"
	"strings"
	"time"

	"github.com/carebot/carebot"
)

func sortByDue(list []carebot.OutboxItem) {
	sort.SliceStable(list, func(i, j int) bool { return list[i].Due.Before(list[j].Due) })
}

// remind creates the reminder a patient asked for: the time is found at
// the end ("call mom friday 3pm") or the start ("tomorrow at 9 call mom")
// of what follows the trigger. A reminder "about my appointment" is set a
// day and two hours before the time given.
//
// ask says the request was a question or a wish ("can you remind me…?",
// "I need a reminder…"). With nothing about when in it, one that names
// nothing to remind of or an appointment ("can you remind me of my
// appointments?", "I need a reminder of what to bring to my appointment")
// asks about the clinic's reminders or visits: not ours, the FAQ answers
// it, as it does "can you remind me what time you open?". "can you remind
// me to take my meds?" is asked when.
func (p *Patients) remind(ctx context.Context, u carebot.User, lang string, rest []word, ask bool) (string, bool, error) {
	now := p.now()
	loc, assumed := p.zone(u)
	when, text, err := splitWhen(lang, rest, now, loc)
	var noDate noDateError
	switch {
	case ask && errors.Is(err, errNoTime) && (len(rest) == 0 || aboutAppointment(joinOrig(rest)) || askWords[rest[0].norm]):
		return "", false, nil
	case errors.Is(err, errPastTime):
		return say(lang, "past"), true, nil
	case errors.Is(err, errTooFar):
		return say(lang, "far"), true, nil
	case errors.As(err, &noDate) && noDate.year != 0:
		return say(lang, "noDateIn", monthDayName(lang, noDate.month, noDate.day), noDate.year), true, nil
	case errors.As(err, &noDate):
		return say(lang, "noDate", monthDayName(lang, noDate.month, noDate.day)), true, nil
	case errors.Is(err, errNoTime) && len(rest) > 0 && !strings.ContainsAny(joinOrig(rest), "0123456789"):
		// "remind me to call mom": the next message may say when. (A
		// number read as no time, "in 1,2,3 hours", was one meant:
		// that is said not to be understood.)
		p.asked(u, askRemindWhen, lang, rest)
		if aboutAppointment(joinOrig(rest)) {
			// The time said next is the visit's (see below): ask for it.
			return say(lang, "askApptWhen"), true, nil
		}
		return say(lang, "askWhen"), true, nil
	case err != nil:
		return say(lang, "when"), true, nil
	}
	mine, err := p.mine(ctx, u.Key)
	if err != nil {
		return "", true, err
	}
	all := when.All()
	if len(mine)+len(all) > maxPatientReminders {
		return say(lang, "tooMany", len(mine)), true, nil
	}
	base := carebot.OutboxItem{Kind: carebot.KindPatient, User: u.Key, Purpose: carebot.PurposeAppointments, Asked: true, Created: now, Fixed: when.Fixed}
	var items []carebot.OutboxItem
	var reply string
	switch {
	case aboutAppointment(text) && len(all) > 1:
		return say(lang, "when"), true, nil // "my appointment tomorrow at 9 and 10": which?
	case when.Rule.IsZero() && aboutAppointment(text) && !namesHour(text):
		// "my 3pm appointment … at 10am", "mi cita de las 3 … a las 10":
		// the time read is the reminder's, the visit's is in the text.
		// The reply says the year when far ahead; the reminders, sent a
		// day and two hours before, need not.
		appt := formatWhenFrom(lang, when.At, loc, now)
		base.Text = say(lang, "apptText", formatWhen(lang, when.At, loc))
		var times []string
		for _, off := range []time.Duration{24 * time.Hour, 2 * time.Hour} {
			if at := when.At.Add(-off); at.After(now) {
				it := base
				it.ID, it.Due, it.Wall, it.Expires = p.newID(u.Key, now), at, Floating(at, loc), at.Add(PatientLate)
				it.Slot = when.At // a pause must not carry it past the visit
				items = append(items, it)
				times = append(times, formatWhenFrom(lang, at, loc, now))
			}
		}
		if len(items) == 0 {
			return say(lang, "apptTooSoon", appt), true, nil
		}
		reply = say(lang, "createdAppt", appt, strings.Join(times, say(lang, "andOn")))
	default:
		if text == "" {
			text = say(lang, "noText")
		}
		for _, w := range all {
			it := base
			it.ID, it.Text, it.Due, it.Wall, it.Rule, it.Expires = p.newID(u.Key, now), text, w.At, w.Wall, w.Rule.String(), w.At.Add(PatientLate)
			it.TimeOfDay = w.TimeOfDay
			items = append(items, it)
		}
		reply = describeNew(lang, loc, items...)
	}
	if assumed {
		if err := p.assumeZone(ctx, u, loc); err != nil {
			return "", true, err
		}
		reply += say(lang, "assumedZone", zoneLabel(lang, loc.String()))
	}
	if err := p.out.Schedule(ctx, items...); err != nil {
		return "", true, fmt.Errorf("add reminder: %w", err)
	}
	p.wake()
	return reply, true, nil
}

// on puts "on" (or "el") before a day said.
func on(lang, when string) string {
	if baseLang(lang) == langES {
		return "el " + when
	}
	return "on " + when
}

// askWords begin a question: "can you remind me [what] time you open?"
var askWords = wordSet("what when where how which who why whether if que cuando donde como cual cuales quien si")

func aboutAppointment(text string) bool {
	for _, w := range words(text) {
		switch w.norm {
		case "appointment", "appt", "appointments", "cita", "turno", "consulta":
			return true
		}
	}
	return false
}

// namesHour reports whether text, what to remind of, holds a time of its
// own ("your 3pm appointment", "su cita de las 3").
func namesHour(text string) bool {
	ns := norms(words(text))
	for i, t := range ns {
		if clockRe.MatchString(t) && (i > 0 && (ns[i-1] == "las" || ns[i-1] == "la") || !isNumber(t)) {
			return true
		}
		if isNumber(t) && i+1 < len(ns) && (ns[i+1] == "am" || ns[i+1] == "pm") {
			return true
		}
	}
	return false
}
