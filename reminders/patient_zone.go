package reminders

import (
	"context"
	"errors"
	"fmt"
	"strings"
	"time"

	"github.com/carebot/carebot"
)

// setZone changes the patient's time zone, or says what it is; their
// reminders move to the same wall-clock times in the new zone. "I'm in X"
// is taken only when X is a place we know ("I'm in pain" is not ours).
func (p *Patients) setZone(ctx context.Context, u carebot.User, lang, arg string, weak bool) (string, bool, error) {
	arg = strings.TrimSpace(arg)
	if f := fold(arg); strings.HasPrefix(f, "is ") || strings.HasPrefix(f, "es ") || strings.HasPrefix(f, "to ") || strings.HasPrefix(f, "a ") {
		_, arg, _ = strings.Cut(arg, " ")
	}
	if arg == "" || arg == "?" {
		if u.TimeZone == "" {
			return say(lang, "zoneNone"), true, nil
		}
		return say(lang, "zoneIs", zoneLabel(lang, u.TimeZone)), true, nil
	}
	name, ok := ParseZone(arg)
	if !ok {
		if weak {
			return "", false, nil
		}
		return say(lang, "zoneUnknown", arg), true, nil
	}
	old, _ := p.zone(u)
	u.TimeZone = name
	if err := p.users.PutUser(ctx, u); err != nil {
		return "", true, fmt.Errorf("set time zone: %w", err)
	}
	loc := u.Location(nil)
	if loc == nil {
		return "", true, errors.New("set time zone: cannot load the zone just read")
	}
	now := p.now()
	mine, err := p.mine(ctx, u.Key)
	if err != nil {
		return "", true, err
	}
	z := rezone(mine, old, loc, now)
	if err := p.out.Schedule(ctx, z.moved...); err != nil {
		return "", true, fmt.Errorf("set time zone: %w", err)
	}
	for _, id := range z.dropped {
		if _, err := p.out.Cancel(ctx, id); err != nil {
			return "", true, fmt.Errorf("set time zone: %w", err)
		}
	}
	p.wake()
	reply := say(lang, "zoneSet", zoneLabel(lang, name), formatClock(lang, now, loc))
	switch {
	case len(z.passed) == 1:
		reply += say(lang, "zonePast#one", z.passed[0].Text, formatWhen(lang, z.passed[0].Due, loc))
	case len(z.passed) > 1:
		reply += say(lang, "zonePast", len(z.passed))
	}
	if len(z.dropped) > 0 {
		reply += say(lang, "zoneVisit", len(z.dropped))
	}
	return reply, true, nil
}

// rezoned is what a change of time zone does to a patient's reminders.
type rezoned struct {
	moved   []carebot.OutboxItem // to store
	passed  []carebot.OutboxItem // one-time reminders whose time had passed in the new zone, moved on
	dropped []string             // reminders of an appointment that would now come after their time
}

// rezone moves the reminders mine from the zone old to loc. What the patient
// named on their clock (8pm, Friday at 3, every day at 8am) stays at that
// time on the new clock; what they named as an instant (in 20 minutes, a
// snooze) stays at that instant. A one-time reminder whose time has passed
// on the new clock comes the next time its clock time comes round (the
// patient who said "8pm" and then their zone meant the coming 8pm there).
// A repeating one keeps its next occurrence if that is still to come, or
// goes on from the first after now; it never goes back to an earlier one,
// which may have been sent on the old clock. A reminder ahead of an
// appointment that would now come late is deleted, as a pause does.
func rezone(mine []carebot.OutboxItem, old, loc *time.Location, now time.Time) rezoned {
	var z rezoned
	for _, it := range mine {
		was := it
		switch {
		case it.Wall.IsZero():
			continue
		case it.Fixed:
			// The same instant, on the new clock, for a resume.
			it.Wall = Floating(Resolve(it.Wall, old), loc)
			if !it.Wall.Equal(was.Wall) {
				z.moved = append(z.moved, it)
			}
			continue
		case !it.Slot.IsZero() && it.Rule == "":
			it.Slot = Resolve(Floating(it.Slot, old), loc) // the visit they named, on the new clock
		}
		due := Resolve(it.Wall, loc)
		passed := false
		switch {
		case due.After(now):
		case it.Rule != "":
			next, err := ruleAfter(it.Rule, Floating(now, loc))
			if err != nil {
				continue
			}
			it.Wall = next
			due = Resolve(it.Wall, loc)
		case !it.Slot.IsZero():
			z.dropped = append(z.dropped, it.ID)
			continue
		default:
			for !due.After(now) {
				it.Wall = it.Wall.AddDate(0, 0, 1)
				due = Resolve(it.Wall, loc)
			}
			passed = true
		}
		if due.Equal(was.Due) && it.Wall.Equal(was.Wall) && it.Slot.Equal(was.Slot) {
			continue
		}
		it.Due, it.Expires = due, patientExpiry(due, it.Slot)
		z.moved = append(z.moved, it)
		if passed {
			z.passed = append(z.passed, it)
		}
	}
	return z
}
