package reminders

import (
	"context"
	"errors"
	"fmt"

	"github.com/carebot/carebot"
)

func (d *Dispatcher) page() int {
	if d.Page <= 0 {
		return 500
	}
	return d.Page
}

// fanOut resolves one page of a broadcast's or campaign occurrence's
// audience into messages, and moves its cursor past them in the same
// commit: a crash repeats at most the page in hand, whose messages are
// then written once (they are keyed by recipient).
func (d *Dispatcher) fanOut(ctx context.Context, it carebot.OutboxItem) carebot.OutboxDone {
	now := d.clock().Now()
	done := carebot.OutboxDone{ID: it.ID, Seq: it.Seq}
	finished := func(reason string) carebot.OutboxDone {
		done.Outcome = &carebot.Outcome{ID: it.ID, Kind: it.Kind, Ref: it.Ref, Result: carebot.ResultDone, At: now, Reason: reason}
		return done
	}
	var c *Campaign
	if isCampaignFan(it.ID) {
		if c = d.Campaigns.get(it.Ref); c == nil {
			return finished("the campaign is no longer configured")
		}
	}
	if d.Audience == nil {
		return d.settle(ctx, it, now, carebot.ResultFailed, "no audience configured")
	}
	users, next, err := d.Audience.OptedInPage(ctx, it.Purpose, it.Cursor, d.page())
	if err != nil {
		d.log().Error("dispatch: reading the audience failed", "err", err)
		return d.retry(ctx, it, now, "reading the audience failed")
	}
	for _, user := range users {
		if c == nil {
			done.Spawn = append(done.Spawn, carebot.OutboxItem{
				ID: BroadcastPrefix(it.Ref) + pseudonym(d.Secret, user), Kind: carebot.KindBroadcast, Due: now, Expires: it.Expires,
				User: user, Purpose: it.Purpose, Text: it.Text, Ref: it.Ref, Created: now,
			})
			continue
		}
		m, ok, err := d.campaignMessage(ctx, c, it, user)
		if err != nil {
			return d.retry(ctx, it, now, "reading a recipient failed")
		}
		if ok {
			m.Created = now
			done.Spawn = append(done.Spawn, m)
		}
	}
	if next == "" {
		return finished(fmt.Sprintf("audience resolved; last page had %d", len(users)))
	}
	n := it
	n.Cursor, n.Due, n.Attempts = next, now, 0
	done.Next = &n
	return done
}

// campaignMessage is the campaign occurrence it.Wall for one recipient,
// due at that wall-clock time in their zone; ok is false when their
// language is not in the campaign's audience.
func (d *Dispatcher) campaignMessage(ctx context.Context, c *Campaign, it carebot.OutboxItem, user string) (carebot.OutboxItem, bool, error) {
	u, err := d.users.User(ctx, user)
	if errors.Is(err, carebot.ErrNotFound) {
		return carebot.OutboxItem{}, false, nil
	}
	if err != nil {
		return carebot.OutboxItem{}, false, err
	}
	lang := u.Lang
	if lang == "" {
		lang = d.Lang
	}
	if lang == "" {
		lang = langEN
	}
	text, ok := c.textFor(lang)
	if !ok {
		return carebot.OutboxItem{}, false, nil
	}
	due := Resolve(it.Wall, u.Location(d.zone()))
	return carebot.OutboxItem{
		ID: CampaignPrefix(c.ID, it.Wall) + pseudonym(d.Secret, user), Kind: carebot.KindCampaign,
		Due: due, Expires: due.Add(c.MaxLate), User: user, Purpose: carebot.PurposeAwareness,
		Text: text, Ref: c.ID, Wall: it.Wall,
	}, true, nil
}
