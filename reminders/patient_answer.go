package reminders

import (
	"context"
	"errors"
	"fmt"
	"time"

	"github.com/carebot/carebot"
)

// maxWhich is the most appointments offered as buttons when a typed answer
// does not say which appointment it is for.
const maxWhich = 3

// answerPayload handles the buttons under an appointment reminder. A
// button names its appointment, so it answers that one, unless it is
// already cancelled or over.
func (p *Patients) answerPayload(ctx context.Context, payload string, u carebot.User, lang string) (carebot.Reply, bool, error) {
	if p.appts == nil || len(payload) < len(payloadConfirm) {
		return carebot.Reply{}, false, nil
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
		return carebot.Reply{}, false, nil
	}
	id := payload[len(payloadConfirm):]
	if id == "" { // the ID did not fit in the payload
		return p.answerText(ctx, u, lang, r)
	}
	a, err := p.appts.store.Appointment(ctx, id)
	if errors.Is(err, carebot.ErrNotFound) || err == nil && a.User != u.Key {
		// Someone else's appointment: a forged button says nothing.
		return carebot.Reply{Text: say(lang, "noAppt")}, true, nil
	}
	if err != nil {
		return carebot.Reply{}, true, err
	}
	if why := p.notAnswerable(a, time.Time{}, u, lang); why != "" {
		return carebot.Reply{Text: why + p.reach(lang)}, true, nil
	}
	return p.answer(ctx, a, lang, r, u)
}

// answerText handles C, X or R typed after a reminder. They answer the
// appointment of the latest appointment reminder sent to the patient, and
// only that one: if it has been cancelled, has moved or is over, the
// patient is told so and asked which appointment they mean. A patient who
// was never reminded of an appointment is asked which one; one with no
// appointment at all is not ours (the FAQ says how to cancel).
func (p *Patients) answerText(ctx context.Context, u carebot.User, lang string, r carebot.AppointmentResponse) (carebot.Reply, bool, error) {
	if p.appts == nil {
		return carebot.Reply{}, false, nil
	}
	a, slot, reminded, err := p.reminded(ctx, u.Key)
	if err != nil {
		return carebot.Reply{}, true, err
	}
	why := ""
	if reminded {
		if why = p.notAnswerable(a, slot, u, lang); why == "" {
			return p.answer(ctx, a, lang, r, u)
		}
	}
	upcoming, err := p.upcoming(ctx, u.Key)
	if err != nil {
		return carebot.Reply{}, true, err
	}
	if !reminded && len(upcoming) == 0 {
		return carebot.Reply{}, false, nil
	}
	if len(upcoming) == 0 {
		return carebot.Reply{Text: why + p.reach(lang)}, true, nil
	}
	reply := p.which(upcoming, u, lang, r)
	if why != "" {
		reply.Text = why + " " + reply.Text
	}
	return reply, true, nil
}

// notAnswerable says why a cannot take an answer now, in lang, or returns
// "" if it can. slot, if not zero, is the time the patient was told.
func (p *Patients) notAnswerable(a carebot.Appointment, slot time.Time, u carebot.User, lang string) string {
	loc := p.apptZone(u, a)
	switch {
	case a.Status == carebot.AppointmentCancelled:
		return sayAnswer(lang, "apptWasCancelled", formatWhen(lang, a.At, loc))
	case !a.At.After(p.now()):
		return sayAnswer(lang, "apptPast", formatWhen(lang, a.At, loc))
	case !slot.IsZero() && !slot.Equal(a.At):
		return sayAnswer(lang, "apptMoved", formatWhen(lang, slot, loc), formatWhen(lang, a.At, loc))
	}
	return ""
}

// reminded returns the appointment of the latest appointment reminder sent
// to user, and the time that reminder named; ok is false if none was. The
// outcomes of sent reminders are the record: durable, and written when the
// reminder was delivered.
func (p *Patients) reminded(ctx context.Context, user string) (a carebot.Appointment, slot time.Time, ok bool, err error) {
	a, slot, _, ok, err = p.remindedAt(ctx, user)
	return a, slot, ok, err
}

// remindedAt is reminded, and when that reminder was sent.
func (p *Patients) remindedAt(ctx context.Context, user string) (a carebot.Appointment, slot, sent time.Time, ok bool, err error) {
	list, err := p.appts.store.AppointmentsOf(ctx, user)
	if err != nil {
		return a, slot, sent, false, fmt.Errorf("find the reminded appointment: %w", err)
	}
	var last carebot.Outcome
	for _, ap := range list {
		err := p.out.Outcomes(ctx, AppointmentPrefix(ap.ID), func(o carebot.Outcome) error {
			if o.Result == carebot.ResultSent && o.User == user && o.At.After(last.At) {
				last, a, ok = o, ap, true
			}
			return nil
		})
		if err != nil {
			return a, slot, sent, false, fmt.Errorf("find the reminded appointment: %w", err)
		}
	}
	return a, last.Slot, last.At, ok, nil
}

// upcoming lists user's appointments still to come and not cancelled,
// soonest first.
func (p *Patients) upcoming(ctx context.Context, user string) ([]carebot.Appointment, error) {
	list, err := p.appts.store.AppointmentsOf(ctx, user)
	if err != nil {
		return nil, fmt.Errorf("list appointments: %w", err)
	}
	now := p.now()
	var out []carebot.Appointment
	for _, a := range list {
		if a.Status != carebot.AppointmentCancelled && a.At.After(now) {
			out = append(out, a)
		}
	}
	return out, nil
}

// which asks which of list (soonest first) an answer r is for, with a
// button for each of the first few that names it.
func (p *Patients) which(list []carebot.Appointment, u carebot.User, lang string, r carebot.AppointmentResponse) carebot.Reply {
	prefix := map[carebot.AppointmentResponse]string{
		carebot.ResponseConfirmed: payloadConfirm, carebot.ResponseCancelled: payloadCancel, carebot.ResponseReschedule: payloadReschedule,
	}[r]
	verb := sayAnswer(lang, "verb-"+string(r))
	var reply carebot.Reply
	for _, a := range list[:min(len(list), maxWhich)] {
		payload := apptPayload(prefix, a.ID)
		if payload == prefix {
			continue // an ID too long for a button could only mean "the next one"
		}
		label := formatWhen(lang, a.At, p.apptZone(u, a))
		if a.Location != "" {
			label += " (" + a.Location + ")"
		}
		reply.Buttons = append(reply.Buttons, carebot.Button{Label: label, Payload: payload})
	}
	switch len(reply.Buttons) {
	case 0:
		reply.Text = sayAnswer(lang, "apptUseButtons") + p.reach(lang)
	case 1:
		reply.Text = sayAnswer(lang, "apptWhichOne", reply.Buttons[0].Label, verb)
	default:
		reply.Text = sayAnswer(lang, "apptWhich", verb)
	}
	return reply
}

// answer records r for a and says so.
func (p *Patients) answer(ctx context.Context, a carebot.Appointment, lang string, r carebot.AppointmentResponse, u carebot.User) (carebot.Reply, bool, error) {
	a, err := p.appts.Respond(ctx, a.ID, r)
	if err != nil {
		return carebot.Reply{}, true, err
	}
	when := formatWhen(lang, a.At, p.apptZone(u, a))
	text := say(lang, map[carebot.AppointmentResponse]string{
		carebot.ResponseConfirmed: "confirmed", carebot.ResponseCancelled: "cancelled", carebot.ResponseReschedule: "reschedule",
	}[r], when)
	if r != carebot.ResponseConfirmed {
		text += p.reach(lang)
	}
	return carebot.Reply{Text: text}, true, nil
}

// apptZone is the zone a's time is told to u in: theirs, or the
// appointment's when they have none.
func (p *Patients) apptZone(u carebot.User, a carebot.Appointment) *time.Location {
	loc, _ := p.zone(u)
	if u.TimeZone == "" {
		loc = zoneOr(a.TimeZone, loc)
	}
	return loc
}

// reach is " To reach us: call ..." when the clinic has a phone.
func (p *Patients) reach(lang string) string {
	c := p.Clinic
	if p.ClinicNow != nil {
		c = p.ClinicNow()
	}
	if c.Phone == "" {
		return ""
	}
	return say(lang, "reach", c.Phone)
}

// AwaitsAnswer reports whether a bare CANCEL from u answers something
// (bot.AnswerAwaiter): a question the bot just asked them ("When should I
// remind you?", "Until when?", one appointment's card with its Cancel
// button), which it then drops or answers, or a reminder sent of an
// appointment still to come and not cancelled, which it cancels, as the
// reminder's Cancel button does.
func (p *Patients) AwaitsAnswer(ctx context.Context, u carebot.User) (bool, error) {
	if u.Key == "" {
		return false, nil
	}
	if _, waits, fresh := p.asks.Peek(u.Key, p.now()); waits && fresh {
		return true, nil
	}
	if p.appts == nil {
		return false, nil
	}
	a, _, ok, err := p.reminded(ctx, u.Key)
	if err != nil || !ok {
		return false, err
	}
	return a.Status != carebot.AppointmentCancelled && a.At.After(p.now()), nil
}
