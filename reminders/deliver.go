package reminders

import (
	"context"
	"errors"
	"fmt"
	"time"

	"github.com/carebot/carebot"
)

// Missed-slot policies, applied when an item comes due late (after
// downtime, a long queue, or quiet hours):
//
//   - An appointment reminder is sent only while it is still useful: until
//     the next reminder of the same appointment is due, and never later
//     than Appointments.Lead before the visit (its Expires). A reminder
//     whose appointment was cancelled or moved since it was planned is
//     dropped (ResultCancelled).
//   - A campaign message is dropped when more than its campaign's max_late
//     late (its Expires); a campaign occurrence whose every recipient is
//     past that is not even fanned out.
//   - A broadcast message is dropped once the broadcast's TTL has passed.
//   - A patient's own one-off reminder is sent up to PatientLate late,
//     then dropped; a repeating one skips the occurrences it missed by
//     more than PatientLate and goes on from the next one, so a day of
//     downtime never sends a burst of "take your pills".
//
// Dropped items are recorded (ResultExpired, or ResultQuietHours when
// quiet hours held them past expiry), never sent stale.
const PatientLate = time.Hour

// snoozeWindow is how long a patient's one-off reminder stays findable
// after it was sent, so that "snooze" can bring it back.
const snoozeWindow = 12 * time.Hour

// errNoPlatform is a configuration error: no Sender for the address's
// platform. Retrying cannot help, and the person is not unreachable.
var errNoPlatform = errors.New("no sender for this platform")

// maxRateLimited is how many 429s in a row one send may get before the
// send counts as failed (and is retried later with backoff).
const maxRateLimited = 5

// deliver runs the send-time checks on one message, sends it, and says
// what became of it.
func (d *Dispatcher) deliver(ctx context.Context, it carebot.OutboxItem) carebot.OutboxDone {
	now := d.clock().Now()
	if it.Kind == carebot.KindPatient && it.Rule == "" && !it.Sent.IsZero() {
		return carebot.OutboxDone{ID: it.ID, Seq: it.Seq} // a sent one-off's snooze window closed
	}
	if !it.Expires.IsZero() && now.After(it.Expires) {
		if it.Kind == carebot.KindAlert {
			d.log().Error("dispatch: a moderator alert could not be sent in time; dropped", "platform", it.To.Platform, "attempts", it.Attempts)
		}
		return d.settle(ctx, it, now, carebot.ResultExpired, "past its expiry")
	}
	if it.Kind == carebot.KindAlert {
		return d.deliverAlert(ctx, it, now)
	}
	m, err := d.prepare(ctx, it)
	if err != nil {
		return d.retry(ctx, it, now, "reading the store failed")
	}
	if m.skip != "" {
		return d.settle(ctx, it, now, m.skip, m.reason)
	}
	if !it.Asked && !d.Hours.Allows(now, m.loc) {
		open := d.Hours.Next(now, m.loc)
		if !it.Expires.IsZero() && open.After(it.Expires) {
			return d.settle(ctx, it, now, carebot.ResultQuietHours, "quiet hours until past its expiry")
		}
		next := it
		next.Due = open
		return carebot.OutboxDone{ID: it.ID, Seq: it.Seq, Next: &next}
	}
	err = d.send(ctx, m.to, m.reply)
	switch {
	case err == nil:
		it.Sent = now
		return d.settle(ctx, it, now, carebot.ResultSent, "")
	case errors.Is(err, carebot.ErrUnreachable):
		if err := d.store.SetUnreachable(ctx, it.User, now); err != nil {
			d.log().Error("dispatch: mark unreachable failed", "err", err)
		}
		return d.settle(ctx, it, now, carebot.ResultUnreachable, "the platform says it cannot deliver")
	case errors.Is(err, errNoPlatform):
		d.log().Error("dispatch: no sender for this platform", "platform", m.to.Platform, "kind", it.Kind)
		return d.settle(ctx, it, now, carebot.ResultFailed, errNoPlatform.Error())
	case ctx.Err() != nil:
		return release(it) // stopping: the next run sends it (at most once more)
	}
	// The error's type only: a platform's message may quote the chat.
	d.log().Warn("dispatch: send failed", "kind", it.Kind, "platform", m.to.Platform, "attempt", it.Attempts+1, "error_type", fmt.Sprintf("%T", err))
	return d.retry(ctx, it, now, "transient failures")
}

// retry schedules another attempt after a backoff, or dead-letters the
// item when its attempts are spent.
func (d *Dispatcher) retry(ctx context.Context, it carebot.OutboxItem, now time.Time, why string) carebot.OutboxDone {
	it.Attempts++
	if it.Attempts >= d.Retry.attempts() {
		return d.settle(ctx, it, now, carebot.ResultFailed, fmt.Sprintf("dead-lettered after %d attempts: %s", it.Attempts, why))
	}
	next := it
	next.Due = now.Add(d.Retry.Delay(it.Attempts))
	return carebot.OutboxDone{ID: it.ID, Seq: it.Seq, Next: &next}
}

// settle records what became of it and decides what follows: a repeating
// reminder goes on to its next occurrence (while the patient is opted out
// too, so that it is held, shown as stopped, and comes again when they
// opt back in), a sent one-off lingers for snooze, everything else is
// removed.
func (d *Dispatcher) settle(ctx context.Context, it carebot.OutboxItem, now time.Time, r carebot.Result, reason string) carebot.OutboxDone {
	done := carebot.OutboxDone{ID: it.ID, Seq: it.Seq, Outcome: &carebot.Outcome{
		ID: it.ID, Kind: it.Kind, User: it.User, Ref: it.Ref, Result: r, At: now, Attempts: it.Attempts, Reason: reason, Slot: it.Slot,
	}}
	if it.Kind != carebot.KindPatient {
		return done
	}
	if it.Rule == "" {
		if r == carebot.ResultSent {
			linger := it
			linger.Due, linger.Expires, linger.Attempts = now.Add(snoozeWindow), time.Time{}, 0
			done.Next = &linger
		}
		return done
	}
	loc := d.zoneOf(ctx, it.User, nil)
	if next, ok := NextOccurrence(it, now, loc); ok {
		done.Next = &next
	}
	return done
}

// NextOccurrence returns the repeating patient reminder it moved on to
// its next occurrence after the one it stands for (it.Wall), computed in
// wall-clock time in loc, skipping occurrences that would already be more
// than PatientLate late at now. ok is false when the rule has ended or
// cannot be read.
func NextOccurrence(it carebot.OutboxItem, now time.Time, loc *time.Location) (carebot.OutboxItem, bool) {
	rule, err := ParseRule(it.Rule)
	if err != nil {
		return it, false
	}
	wall, ok := rule.After(it.Wall)
	if ok && Resolve(wall, loc).Add(PatientLate).Before(now) {
		// Missed occurrences (downtime): go on from now, not one by one.
		wall, ok = rule.After(Floating(now.Add(-PatientLate), loc).Add(-time.Second))
	}
	if !ok {
		return it, false
	}
	it.Wall = wall
	it.Due = Resolve(wall, loc)
	it.Expires = it.Due.Add(PatientLate)
	it.Attempts = 0
	return it, true
}

// zoneOf returns user's time zone, or fallback (nil: the Dispatcher's
// Zone) if they have none or cannot be read.
func (d *Dispatcher) zoneOf(ctx context.Context, user string, fallback *time.Location) *time.Location {
	if fallback == nil {
		fallback = d.zone()
	}
	u, err := d.users.User(ctx, user)
	if err != nil {
		return fallback
	}
	return u.Location(fallback)
}

func (d *Dispatcher) zone() *time.Location {
	if d.Zone == nil {
		return time.UTC
	}
	return d.Zone
}

// send paces and sends one message. A 429 pauses the whole platform for
// its retry-after and the same message is tried again.
func (d *Dispatcher) send(ctx context.Context, to carebot.Address, r carebot.Reply) error {
	p, ok := d.platforms[to.Platform]
	if !ok || p.Sender == nil {
		return errNoPlatform
	}
	per := p.PerChat
	if to.Group {
		per = p.PerGroup
	}
	for tries := 0; ; tries++ {
		if p.Pacer != nil {
			if err := p.Pacer.Wait(ctx, to.ChatID, per); err != nil {
				return err
			}
		}
		err := p.Sender.Send(ctx, to, r)
		var rl *carebot.RateLimitError
		if !errors.As(err, &rl) || tries >= maxRateLimited {
			return err
		}
		if p.Pacer != nil {
			p.Pacer.Pause(rl.RetryAfter)
		} else if err := sleep(ctx, d.clock(), rl.RetryAfter); err != nil {
			return err
		}
	}
}
