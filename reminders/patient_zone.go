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
	switch {
	case len(z.redated) == 1:
		it := z.redated[0]
		reply += say(lang, "zoneNext#one", it.Text, formatWhen(lang, it.Due, loc), formatClock(lang, it.Due, loc))
	case len(z.redated) > 1:
		reply += say(lang, "zoneNext", len(z.redated))
	}
	if len(z.dropped) > 0 {
		reply += say(lang, "zoneVisit", len(z.dropped))
	}
	return reply, true, nil
}

// rezoned is what a change of time zone does to a patient's reminders.
type rezoned struct {
	moved   []carebot.OutboxItem // to store
	passed  []carebot.OutboxItem // one-time reminders for a day whose time had passed in the new zone, moved on
	redated []carebot.OutboxItem // "at 8pm" reminders that now come on another day: the next 8pm there
	dropped []string             // reminders of an appointment that would now come after their time
}

// rezone moves the reminders mine from the zone old to loc. What the
// patient named on their clock stays at that time on the new clock, and
// what they named as an instant (in 20 minutes, a snooze) at that instant:
//   - "at 8pm", a time of day alone, is the next 8pm on the new clock,
//     today or tomorrow there, whatever day it was on the old one;
//   - "friday at 3" stays friday at 3; if that has passed on the new
//     clock it comes the next day at the same time, and the patient is
//     told;
//   - a repeating reminder goes on from its first occurrence after now on
//     the new clock, never one at or before the last it sent (wall-clock
//     times: "8pm today" sent in Tokyo is not sent again at 8pm in
//     Chicago);
//   - a reminder ahead of an appointment that would now come late is
//     deleted, as a pause does;
//   - a reminder held by a pause stays held.
func rezone(mine []carebot.OutboxItem, old, loc *time.Location, now time.Time) rezoned {
	var z rezoned
	for _, it := range mine {
		was := it
		if it.Wall.IsZero() {
			continue
		}
		if it.Fixed {
			// The same instant, on the new clock, for a resume.
			if it.Wall = Floating(Resolve(it.Wall, old), loc); !it.Wall.Equal(was.Wall) {
				z.moved = append(z.moved, it)
			}
			continue
		}
		due, list := Resolve(it.Wall, loc), (*[]carebot.OutboxItem)(nil)
		switch {
		case it.Rule != "":
			from, oldFrom := Floating(now, loc), Floating(now, old)
			if !it.Sent.IsZero() {
				last := Floating(it.Sent, old)
				from, oldFrom = laterOf(from, last), laterOf(oldFrom, last)
			}
			// Held by a pause: later than its next occurrence on the old
			// clock. It keeps its time, unless that has passed here.
			if r, err := ParseRule(it.Rule); err == nil && heldBack(r, it.Wall, oldFrom) && due.After(now) {
				break
			}
			next, err := ruleAfter(it.Rule, from)
			if err != nil {
				continue
			}
			it.Wall, due = next, Resolve(next, loc)
		case !it.Slot.IsZero():
			it.Slot = Resolve(Floating(it.Slot, old), loc) // the visit they named, on the new clock
			if !due.After(now) {
				z.dropped = append(z.dropped, it.ID)
				continue
			}
		case it.TimeOfDay:
			day := Floating(now, loc).Truncate(24 * time.Hour)
			it.Wall = nextOnClock(day.Add(it.Wall.Sub(it.Wall.Truncate(24*time.Hour))), loc, now)
			due = Resolve(it.Wall, loc)
			if !sameDay(it.Wall, was.Wall) {
				list = &z.redated
			}
		case !due.After(now):
			it.Wall = nextOnClock(it.Wall, loc, now)
			due = Resolve(it.Wall, loc)
			list = &z.passed
		}
		if it.Rule == "" && was.Due.After(Resolve(was.Wall, old)) {
			due = laterOf(due, was.Due) // held by a pause until then
		}
		if due.Equal(was.Due) && it.Wall.Equal(was.Wall) && it.Slot.Equal(was.Slot) {
			continue
		}
		it.Due, it.Expires = due, patientExpiry(due, it.Slot)
		z.moved = append(z.moved, it)
		if list != nil {
			*list = append(*list, it)
		}
	}
	return z
}

// nextOnClock is wall, or the same time of day on the first day after it,
// that is still to come on loc's clock.
func nextOnClock(wall time.Time, loc *time.Location, now time.Time) time.Time {
	for !Resolve(wall, loc).After(now) {
		wall = wall.AddDate(0, 0, 1)
	}
	return wall
}

func laterOf(a, b time.Time) time.Time {
	if b.After(a) {
		return b
	}
	return a
}

func sameDay(a, b time.Time) bool {
	ay, am, ad := a.Date()
	by, bm, bd := b.Date()
	return ay == by && am == bm && ad == bd
}
