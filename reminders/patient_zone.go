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
		return say(lang, "zoneIs", u.TimeZone), true, nil
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
	return say(lang, "zoneSet", name, formatClock(lang, now, loc)), true, nil
}

// answerPayload handles the buttons under an appointment reminder.
func (p *Patients) answerPayload(ctx context.Context, payload string, u carebot.User, lang string) (string, bool, error) {
	if p.appts == nil {
		return "", false, nil
	}
	if len(payload) < len(payloadConfirm) {
		return "", false, nil
	}
	var r carebot.AppointmentResponse
	switch payload[:len(payloadConfirm)] {
	case payloadConfirm:
		r = carebot.ResponseConfirmed
	case payloadCancel:
		r = carebot.ResponseCancelled
	case payloadReschedule:
		r = carebot.ResponseReschedule
	default:
		return "", false, nil
	}
	id := payload[len(payloadConfirm):]
	if id == "" { // the ID did not fit in the payload
		return p.answerText(ctx, u, lang, r)
	}
	a, err := p.appts.store.Appointment(ctx, id)
	if errors.Is(err, carebot.ErrNotFound) || err == nil && a.User != u.Key {
		// Someone else's appointment: a forged button says nothing.
		return say(lang, "noAppt"), true, nil
	}
	if err != nil {
		return "", true, err
	}
	return p.answer(ctx, a, lang, r, u)
}

// answerText handles C, X or R typed after a reminder: they answer the
// patient's next appointment; with none, the letters are not ours.
func (p *Patients) answerText(ctx context.Context, u carebot.User, lang string, r carebot.AppointmentResponse) (string, bool, error) {
	if p.appts == nil {
		return "", false, nil
	}
	a, ok, err := p.appts.Next(ctx, u.Key)
	if err != nil || !ok {
		return "", false, err
	}
	return p.answer(ctx, a, lang, r, u)
}

func (p *Patients) answer(ctx context.Context, a carebot.Appointment, lang string, r carebot.AppointmentResponse, u carebot.User) (string, bool, error) {
	a, err := p.appts.Respond(ctx, a.ID, r)
	if err != nil {
		return "", true, err
	}
	loc, _ := p.zone(u)
	if u.TimeZone == "" {
		loc = zoneOr(a.TimeZone, loc)
	}
	when := formatWhen(lang, a.At, loc)
	reply := say(lang, map[carebot.AppointmentResponse]string{
		carebot.ResponseConfirmed: "confirmed", carebot.ResponseCancelled: "cancelled", carebot.ResponseReschedule: "reschedule",
	}[r], when)
	if r != carebot.ResponseConfirmed && p.Clinic.Contact != "" {
		reply += say(lang, "reach", p.Clinic.Contact)
	}
	return reply, true, nil
}
