package reminders

import (
	"context"
	"errors"
	"fmt"
	"strings"

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
	var moved []carebot.OutboxItem
	for _, it := range mine {
		due := Resolve(it.Wall, loc)
		if it.Wall.IsZero() || !due.After(now) || due.Equal(it.Due) {
			continue
		}
		it.Due, it.Expires = due, due.Add(PatientLate)
		moved = append(moved, it)
	}
	if err := p.out.Schedule(ctx, moved...); err != nil {
		return "", true, fmt.Errorf("set time zone: %w", err)
	}
	p.wake()
	return say(lang, "zoneSet", zoneLabel(lang, name), formatClock(lang, now, loc)), true, nil
}
