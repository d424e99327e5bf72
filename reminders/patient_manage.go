package reminders

import (
	"context"
	"errors"
	"fmt"
	"slices"
	"strings"
	"time"

	"github.com/carebot/carebot"
)

// list shows the patient's reminders, numbered for "delete reminder 2",
// and their upcoming appointments.
func (p *Patients) list(ctx context.Context, u carebot.User, lang string) (string, bool, error) {
	mine, err := p.mine(ctx, u.Key)
	if err != nil {
		return "", true, err
	}
	s, err := p.listing(ctx, u, lang, mine, "list")
	if err != nil {
		return "", true, err
	}
	if s == "" {
		return say(lang, "none"), true, nil
	}
	return s, true, nil
}

// listing is the list of mine under the heading key, or "" if there is
// nothing to list.
func (p *Patients) listing(ctx context.Context, u carebot.User, lang string, mine []carebot.OutboxItem, heading string) (string, error) {
	loc, _ := p.zone(u)
	now := p.now()
	var lines []string
	if p.appts != nil {
		if a, ok, err := p.appts.Next(ctx, u.Key); err != nil {
			return "", err
		} else if ok {
			lines = append(lines, say(lang, "apptLine", formatWhen(lang, a.At, p.apptZone(u, a))))
		}
	}
	if len(mine) == 0 && len(lines) == 0 {
		return "", nil
	}
	var consent map[carebot.Purpose]carebot.Consent
	if p.Consents != nil && len(mine) > 0 {
		var err error
		if consent, err = p.Consents.Consent(ctx, u.Key); err != nil {
			return "", fmt.Errorf("list reminders: %w", err)
		}
	}
	b := []string{say(lang, heading)}
	b = append(b, lines...)
	for i, it := range mine {
		line := fmt.Sprintf("%d. %s: %s", i+1, describeWhen(lang, it, loc, now), it.Text)
		if consent != nil && !consented(it, consent) {
			line += sayAnswer(lang, "listStopped")
		}
		b = append(b, line)
	}
	if len(mine) > 0 {
		b = append(b, say(lang, "listHint", len(mine)))
	}
	return strings.Join(b, "\n"), nil
}

// remove deletes the reminders numbered targets in the list, all at once
// (so "1 and 3" are the 1 and 3 the patient saw), or all of them. The
// reply shows what is left, numbered afresh, so that the next "delete
// reminder 2" names what the patient sees.
func (p *Patients) remove(ctx context.Context, u carebot.User, lang string, targets []int, all bool) (string, bool, error) {
	mine, err := p.mine(ctx, u.Key)
	if err != nil {
		return "", true, err
	}
	if all {
		if _, err := p.out.Cancel(ctx, PatientPrefix(p.Secret, u.Key)); err != nil {
			return "", true, fmt.Errorf("delete reminders: %w", err)
		}
		return say(lang, "deletedAll", len(mine)), true, nil
	}
	slices.Sort(targets)
	targets = slices.Compact(targets)
	if n := targets[len(targets)-1]; n > len(mine) {
		return say(lang, "noSuch", n), true, nil // the largest said: "1-10" with 5 is "no reminder 10"
	}
	var b []string
	for _, n := range targets {
		if _, err := p.out.Cancel(ctx, mine[n-1].ID); err != nil {
			return "", true, fmt.Errorf("delete reminder: %w", err)
		}
		b = append(b, say(lang, "deleted", n, mine[n-1].Text))
	}
	var left []carebot.OutboxItem
	for i, it := range mine {
		if !slices.Contains(targets, i+1) {
			left = append(left, it)
		}
	}
	if len(left) > 0 {
		s, err := p.listing(ctx, u, lang, left, "listNow")
		if err != nil {
			return "", true, err
		}
		b = append(b, "", s)
	}
	return strings.Join(b, "\n"), true, nil
}

// pause holds the patient's reminders until a time they name: repeating
// ones go on from their first occurrence after it, one-time ones due
// before it come when it ends, except a reminder of an appointment
// (Slot) that would then come only once the appointment has begun: that
// one is deleted, never sent late, and the patient told. One-time
// reminders with the same text (and appointment) that the pause brings to
// the same time are sent once: the others are deleted.
func (p *Patients) pause(ctx context.Context, u carebot.User, lang string, rest []string) (string, bool, error) {
	if len(rest) == 0 {
		p.asked(u, askPauseUntil, lang, nil)
		return say(lang, "pauseWhen"), true, nil
	}
	now := p.now()
	loc, _ := p.zone(u)
	when, err := parseWhen(rest, now, loc)
	if errors.Is(err, errTooFar) {
		// "for 3 years": asking until when again would not say why.
		return say(lang, "pauseFar"), true, nil
	}
	if err != nil || !when.Rule.IsZero() || len(when.Also) > 0 {
		p.asked(u, askPauseUntil, lang, nil)
		return say(lang, "pauseWhen"), true, nil
	}
	mine, err := p.mine(ctx, u.Key)
	if err != nil {
		return "", true, err
	}
	var moved []carebot.OutboxItem
	var late []string
	oneOffs := 0
	// A one-time reminder already due when the pause ends, kept: another
	// just like it brought there is the same message twice.
	type sameAt struct {
		text      string
		slot, due int64
	}
	key := func(it carebot.OutboxItem) sameAt {
		return sameAt{it.Text, it.Slot.UnixNano(), it.Due.UnixNano()}
	}
	ends := map[sameAt]int{} // the index in moved of the one kept, or -1
	for _, it := range mine {
		if it.Rule == "" && it.Due.Equal(when.At) {
			ends[key(it)] = -1
		}
	}
	var dups []string
	for _, it := range mine {
		if !it.Due.Before(when.At) {
			continue
		}
		switch {
		case it.Rule != "":
			next, err := ruleAfter(it.Rule, Floating(when.At, loc).Add(-time.Second))
			if err != nil {
				continue
			}
			it.Wall = next
			it.Due = Resolve(it.Wall, loc)
		case !it.Slot.IsZero() && !when.At.Before(it.Slot):
			late = append(late, it.ID)
			continue
		default:
			it.Due = when.At
			// "your appointment…" a day and two hours before, both
			// brought to the end of the pause: one is kept, the later
			// one, which a resume brings back nearer the visit.
			if k, ok := ends[key(it)]; ok {
				if k < 0 || !it.Wall.After(moved[k].Wall) {
					dups = append(dups, it.ID)
					continue
				}
				dups = append(dups, moved[k].ID)
				it.Expires = patientExpiry(it.Due, it.Slot)
				moved[k] = it
				continue
			}
			ends[key(it)] = len(moved)
			oneOffs++
		}
		it.Expires = patientExpiry(it.Due, it.Slot)
		moved = append(moved, it)
	}
	// The copies go first: if what follows fails, each reminder is still
	// there once, at its own time.
	for _, id := range dups {
		if _, err := p.out.Cancel(ctx, id); err != nil {
			return "", true, fmt.Errorf("pause reminders: %w", err)
		}
	}
	if err := p.out.Schedule(ctx, moved...); err != nil {
		return "", true, fmt.Errorf("pause reminders: %w", err)
	}
	for _, id := range late {
		if _, err := p.out.Cancel(ctx, id); err != nil {
			return "", true, fmt.Errorf("pause reminders: %w", err)
		}
	}
	reply := say(lang, "paused", formatWhenFrom(lang, when.At, loc, now))
	if oneOffs > 0 {
		reply += say(lang, "pausedMoved", oneOffs)
	}
	if len(late) > 0 {
		reply += say(lang, "pausedLate", len(late))
	}
	if held, err := p.clinicRemindsBefore(ctx, u.Key, when.At); err != nil {
		return "", true, err
	} else if held {
		reply += sayAnswer(lang, "pausedClinic")
	}
	return reply, true, nil
}

// clinicRemindsBefore reports whether the clinic is still to send user a
// reminder of one of their appointments before until. A pause does not
// hold those (they are the clinic's, and STOP APPOINTMENTS stops them), so
// a patient who pauses is told that they still come.
func (p *Patients) clinicRemindsBefore(ctx context.Context, user string, until time.Time) (bool, error) {
	if p.appts == nil {
		return false, nil
	}
	if p.Consents != nil {
		c, err := p.Consents.Consent(ctx, user)
		if err != nil {
			return false, fmt.Errorf("pause reminders: %w", err)
		}
		if !c[carebot.PurposeAppointments].OptedIn {
			return false, nil // they will not come anyway
		}
	}
	list, err := p.upcoming(ctx, user)
	if err != nil {
		return false, err
	}
	found := errors.New("found")
	for _, a := range list {
		err := p.out.Items(ctx, AppointmentPrefix(a.ID), func(it carebot.OutboxItem) error {
			if it.Due.Before(until) {
				return found
			}
			return nil
		})
		if errors.Is(err, found) {
			return true, nil
		}
		if err != nil {
			return false, fmt.Errorf("pause reminders: %w", err)
		}
	}
	return false, nil
}

// ruleAfter is the first occurrence of the rule text after wall.
func ruleAfter(rule string, wall time.Time) (time.Time, error) {
	r, err := ParseRule(rule)
	if err != nil {
		return time.Time{}, err
	}
	return firstAfter(r, wall)
}

func firstAfter(r Rule, wall time.Time) (time.Time, error) {
	next, ok := r.After(wall)
	if !ok {
		return time.Time{}, errNoTime
	}
	return next, nil
}

// resume undoes a pause: every reminder goes back to the time it stands
// for, or a repeating one to its next occurrence.
func (p *Patients) resume(ctx context.Context, u carebot.User, lang string) (string, bool, error) {
	now := p.now()
	loc, _ := p.zone(u)
	mine, err := p.mine(ctx, u.Key)
	if err != nil {
		return "", true, err
	}
	var moved []carebot.OutboxItem
	for _, it := range mine {
		due := Resolve(it.Wall, loc)
		if it.Rule != "" {
			next, err := ruleAfter(it.Rule, Floating(now, loc))
			if err != nil {
				continue
			}
			it.Wall = next
			due = Resolve(it.Wall, loc)
		}
		if !due.After(now) || due.Equal(it.Due) {
			continue
		}
		it.Due, it.Expires = due, due.Add(PatientLate)
		moved = append(moved, it)
	}
	if err := p.out.Schedule(ctx, moved...); err != nil {
		return "", true, fmt.Errorf("resume reminders: %w", err)
	}
	switch {
	case len(mine) == 0:
		return say(lang, "none"), true, nil
	case len(moved) == 0: // nothing was held back
		return say(lang, "notPaused"), true, nil
	}
	p.wake()
	return say(lang, "resumed"), true, nil
}

// patientExpiry is when a patient's reminder due at due stops being worth
// sending: PatientLate after, and never after the appointment it is about
// (slot), when it is about one.
func patientExpiry(due, slot time.Time) time.Time {
	if e := due.Add(PatientLate); slot.IsZero() || !e.After(slot) {
		return e
	}
	return slot
}

// snoozeText reads "snooze 1h", "later", "posponer media hora". Bare
// "later" is only taken when there is something to snooze.
func (p *Patients) snoozeText(ctx context.Context, u carebot.User, lang string, rest []string) (string, bool, error) {
	d := time.Hour
	if len(rest) > 0 {
		var ok bool
		if d, ok = snoozeLength(rest); !ok {
			return say(lang, "snoozeHow"), true, nil
		}
	}
	return p.snooze(ctx, u, lang, d, len(rest) > 0, "")
}

// snoozeLength reads how long a snooze is: "1h", "for 30 min", "en
// media hora".
func snoozeLength(rest []string) (time.Duration, bool) {
	toks := rest
	if toks[0] != "in" && toks[0] != "en" && toks[0] != "for" && toks[0] != "por" {
		toks = append([]string{"in"}, toks...)
	} else {
		toks = append([]string{"in"}, toks[1:]...)
	}
	base := time.Time{}.Add(time.Hour)
	w, err := parseWhen(toks, base, time.UTC)
	if err != nil {
		return 0, false
	}
	return w.At.Sub(base), true
}

func isSnoozeLength(rest []string) bool { _, ok := snoozeLength(rest); return ok }

// snooze brings back the reminder the patient got last (within the snooze
// window) after d. explicit says they clearly meant to snooze; a bare
// "later" with nothing to snooze is someone else's business.
func (p *Patients) snooze(ctx context.Context, u carebot.User, lang string, d time.Duration, explicit bool, ref string) (string, bool, error) {
	now := p.now()
	prefix := PatientPrefix(p.Secret, u.Key)
	var last carebot.OutboxItem
	var pending []carebot.OutboxItem // not yet sent: earlier snoozes among them
	err := p.out.Items(ctx, prefix, func(it carebot.OutboxItem) error {
		switch {
		case it.User != u.Key:
		case it.Sent.IsZero():
			pending = append(pending, it)
		case now.Sub(it.Sent) >= snoozeWindow:
		case ref != "" && it.ID == prefix+ref: // the button's own reminder
			last = it
		case ref == "" && it.Sent.After(last.Sent):
			last = it
		}
		return nil
	})
	if err != nil {
		return "", true, fmt.Errorf("snooze: %w", err)
	}
	loc, _ := p.zone(u)
	// The clinic's reminder of an appointment, sent after the patient's
	// own latest: snoozed as a reminder of that appointment of their own
	// (QA: "snooze 1h" under one said there was no recent reminder). The
	// clinic's reminder itself was sent, and its others stay as they are.
	if ref == "" && p.appts != nil {
		a, _, sent, ok, err := p.remindedAt(ctx, u.Key)
		if err != nil {
			return "", true, fmt.Errorf("snooze: %w", err)
		}
		if ok && now.Sub(sent) < snoozeWindow && sent.After(last.Sent) && a.Status != carebot.AppointmentCancelled && a.At.After(now) {
			last = carebot.OutboxItem{Purpose: carebot.PurposeAppointments, Sent: sent, Slot: a.At,
				Text: say(lang, "apptText", formatWhen(lang, a.At, p.apptZone(u, a)))}
		}
	}
	if last.Sent.IsZero() { // neither their own reminder nor the clinic's
		return say(lang, "noSnooze"), explicit, nil
	}
	at := now.Add(d)
	if !last.Slot.IsZero() && !at.Before(last.Slot) {
		// A reminder of an appointment would come once it has begun:
		// the reminder it was is kept, and nothing moves.
		return say(lang, "snoozeTooLate", formatWhen(lang, last.Slot, loc)), true, nil
	}
	it := carebot.OutboxItem{ID: p.newID(u.Key, now), Kind: carebot.KindPatient, User: u.Key, Purpose: last.Purpose,
		Asked: true, Text: last.Text, Due: at, Wall: Floating(at, loc), Fixed: true, Expires: patientExpiry(at, last.Slot), Created: now, Slot: last.Slot}
	if err := p.out.Schedule(ctx, it); err != nil {
		return "", true, fmt.Errorf("snooze: %w", err)
	}
	// A second snooze of the same reminder moves the first, never adds a
	// copy (QA: a daily reminder snoozed twice came twice). A repeating
	// reminder stays, and a snooze of it is a one-time copy made since it
	// was sent.
	for _, o := range pending {
		if o.Rule == "" && o.Fixed && o.Asked && o.Text == last.Text && o.Slot.Equal(last.Slot) && o.Created.After(last.Sent) {
			if _, err := p.out.Cancel(ctx, o.ID); err != nil {
				return "", true, fmt.Errorf("snooze: %w", err)
			}
		}
	}
	if last.Rule == "" && last.ID != "" { // the clinic's reminder (no ID here) was sent and stays
		if _, err := p.out.Cancel(ctx, last.ID); err != nil {
			return "", true, fmt.Errorf("snooze: %w", err)
		}
	}
	p.wake()
	return say(lang, "snoozed", on(lang, formatDue(lang, it, loc))), true, nil
}
