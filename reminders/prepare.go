package reminders

import (
	"context"
	"errors"
	"time"

	"github.com/carebot/carebot"
)

// message is an item ready to send, or the reason it must not be.
type message struct {
	to    carebot.Address
	reply carebot.Reply
	loc   *time.Location
	// skip, when set, is why the message is not sent.
	skip   carebot.Result
	reason string
}

func skip(r carebot.Result, reason string) (message, error) {
	return message{skip: r, reason: reason}, nil
}

// prepare makes the send-time checks that need the store: consent now (not
// when the item was queued), reachability, the appointment still on, an
// address that is not a group; then writes the message in the recipient's
// language and zone. An error means the store could not be read.
func (d *Dispatcher) prepare(ctx context.Context, it carebot.OutboxItem) (message, error) {
	u, err := d.users.User(ctx, it.User)
	if errors.Is(err, carebot.ErrNotFound) {
		u, err = carebot.User{Key: it.User}, nil
	}
	if err != nil {
		return message{}, err
	}
	consent, err := d.consents.Consent(ctx, it.User)
	if err != nil {
		return message{}, err
	}
	if !consented(it, consent) {
		return skip(carebot.ResultOptedOut, "no consent for "+string(it.Purpose)+" at send time")
	}
	if since, err := d.store.Unreachable(ctx, it.User); err != nil {
		return message{}, err
	} else if !since.IsZero() {
		return skip(carebot.ResultUnreachable, "marked unreachable")
	}
	m := message{to: it.To, loc: u.Location(d.zone())}
	if m.to == (carebot.Address{}) {
		m.to = u.DM
	}
	if m.to.Platform == "" || m.to.ChatID == "" {
		return skip(carebot.ResultUnreachable, "no address to send to")
	}
	if m.to.Group {
		// Reminders and announcements are personal: never in a channel.
		return skip(carebot.ResultUnreachable, "a group address")
	}
	lang := u.Lang
	if lang == "" {
		lang = d.Lang
	}
	switch it.Kind {
	case carebot.KindAppointment:
		a, err := d.store.Appointment(ctx, it.Ref)
		if errors.Is(err, carebot.ErrNotFound) {
			return skip(carebot.ResultCancelled, "appointment gone")
		} else if err != nil {
			return message{}, err
		}
		if a.Status == carebot.AppointmentCancelled {
			return skip(carebot.ResultCancelled, "appointment cancelled")
		}
		if !a.At.Equal(it.Slot) {
			return skip(carebot.ResultCancelled, "appointment moved")
		}
		if u.TimeZone == "" {
			m.loc = zoneOr(a.TimeZone, d.zone())
		}
		m.reply = appointmentReminder(lang, d.clinic(), a, m.loc)
	case carebot.KindPatient:
		m.reply = patientReminder(lang, it.Text, it.ID)
	default:
		m.reply = carebot.Reply{Text: it.Text}
	}
	m.reply.Private = true
	return m, nil
}

// consented reports whether the patient's consent c allows sending it
// now. Everything needs its purpose opted in, except a reminder the
// patient set for themselves: that needs no opt-in, and only a full STOP
// recorded after they set it stops it (every purpose opted out since), as
// the README promises STOP stops every kind of message. STOP APPOINTMENTS
// alone is about the clinic's reminders; it leaves the patient's own, so
// that nothing they are still shown in "list my reminders" silently stops
// coming. Opting back in to anything brings them back.
func consented(it carebot.OutboxItem, c map[carebot.Purpose]carebot.Consent) bool {
	if it.Purpose == "" {
		return false
	}
	if !it.Asked {
		return c[it.Purpose].OptedIn
	}
	for _, p := range carebot.Purposes() {
		if st := c[p]; st.OptedIn || st.Since.IsZero() || !st.Since.After(it.Created) {
			return true
		}
	}
	return false
}

func zoneOr(name string, fallback *time.Location) *time.Location {
	if name == "" {
		return fallback
	}
	loc, err := carebot.LoadZone(name)
	if err != nil {
		return fallback
	}
	return loc
}
