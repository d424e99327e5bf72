package reminders

import (
	"context"
	"errors"
	"fmt"
	"time"

	"github.com/carebot/carebot"
)

// Add schedules a one-off reminder that staff wrote for a patient (carebot
// remind add). The patient did not ask for it, so unlike their own it
// needs their opt-in to appointment reminders at send time, and it keeps
// quiet hours; like their own, it shows in "list my reminders" and they
// can delete it. to may be zero for the patient's DM. It returns the
// reminder's ID.
func (p *Patients) Add(ctx context.Context, user string, to carebot.Address, at time.Time, text string) (string, error) {
	now := p.now()
	problem := TextProblem(text) // blank, too long, or with a control character
	switch {
	case user == "":
		return "", fmt.Errorf("add reminder: no recipient")
	case problem != "":
		return "", errors.New("add reminder: the text " + problem)
	case !at.After(now):
		return "", fmt.Errorf("add reminder: %s is not in the future", at.Format(time.RFC3339))
	}
	// The instant staff named, on the patient's clock as the patient's
	// own reminders are (a resume reads it there): fixed, so that a
	// change of time zone keeps the instant ("9:00 New York" stays 9:00
	// New York, not 9:00 on the patient's new clock).
	u, err := p.users.User(ctx, user)
	if err != nil && !errors.Is(err, carebot.ErrNotFound) {
		return "", fmt.Errorf("add reminder: %w", err)
	}
	loc, _ := p.zone(u)
	it := carebot.OutboxItem{ID: p.newID(user, now), Kind: carebot.KindPatient, User: user, To: to,
		Purpose: carebot.PurposeAppointments, Text: text, Due: at, Wall: Floating(at, loc), Fixed: true,
		Expires: at.Add(PatientLate), Created: now}
	if err := p.out.Schedule(ctx, it); err != nil {
		return "", fmt.Errorf("add reminder: %w", err)
	}
	p.wake()
	return it.ID, nil
}
