package reminders

import (
	"context"
	"errors"
	"fmt"
	"time"

	"github.com/carebot/carebot"
)

// alertRetry is how soon a moderator alert whose send failed is tried
// again: soon, for it is about someone who may be in danger, and until it
// expires (AlertLate) rather than a number of times.
var alertRetry = Backoff{Base: 5 * time.Second, Max: 5 * time.Minute}

// deliverAlert sends a moderator alert. It goes to staff, not to a
// patient, and holds nothing personal: no consent is needed, quiet hours
// do not hold it (a crisis at 3 am is alerted at 3 am), and it may go to
// a group chat (the moderators' own). It is paced like every send.
func (d *Dispatcher) deliverAlert(ctx context.Context, it carebot.OutboxItem, now time.Time) carebot.OutboxDone {
	to := it.To
	if to.Platform == "" || to.ChatID == "" {
		d.log().Error("dispatch: a moderator alert has no address; it is not sent")
		return d.settle(ctx, it, now, carebot.ResultUnreachable, "no address to send to")
	}
	err := d.send(ctx, to, carebot.Reply{Text: it.Text})
	switch {
	case err == nil:
		it.Sent = now
		return d.settle(ctx, it, now, carebot.ResultSent, "")
	case errors.Is(err, carebot.ErrUnreachable):
		// A staff chat's id, from the config: no patient's.
		d.log().Error("dispatch: a moderator alert cannot reach its chat; add the bot to that group, "+
			"or have that moderator start a chat with it, and check safety.alerts", "to", to.Platform+":"+to.ChatID)
		return d.settle(ctx, it, now, carebot.ResultUnreachable, "the platform says it cannot deliver")
	case errors.Is(err, errNoPlatform):
		d.log().Error("dispatch: a moderator alert's platform is not running; it is not sent", "platform", to.Platform)
		return d.settle(ctx, it, now, carebot.ResultFailed, errNoPlatform.Error())
	case ctx.Err() != nil:
		return release(it) // stopping: the next run sends it
	}
	it.Attempts++
	retry := alertRetry
	retry.Jitter = d.Retry.Jitter
	next := it
	next.Due = now.Add(retry.Delay(it.Attempts))
	d.log().Warn("dispatch: a moderator alert failed; retrying", "platform", to.Platform, "attempt", it.Attempts,
		"in", next.Due.Sub(now).Round(time.Second), "error_type", fmt.Sprintf("%T", err))
	return carebot.OutboxDone{ID: it.ID, Seq: it.Seq, Next: &next}
}
