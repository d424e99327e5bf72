package reminders

import (
	"context"
	"fmt"
	"log/slog"
	"strings"
	"sync"
	"time"

	"github.com/carebot/carebot"
)

// AlertWindow is how long after an alert about a member in a group no
// other of the same kind is sent about them there: a member who posts
// five messages in a crisis is one thing for the moderators to act on, and
// the first alert's link leads to the rest.
const AlertWindow = 10 * time.Minute

// AlertLate is how long an alert that cannot be sent is tried before it is
// dropped (recorded as expired): after an hour the group has moved on, and
// an alert that late would mislead more than help.
const AlertLate = time.Hour

// alertQueue is how many alerts may wait for the store; more are dropped
// (and logged), so that Alert never blocks.
const alertQueue = 1024

// Alerts tells the clinic's moderators of a crisis, an emergency or abuse
// met in a group chat: one short message to each of its addresses, through
// the outbox (KindAlert), so that it survives a restart, is retried, goes
// out at any hour and is paced like every other send.
//
// The engine calls Alert on the safety path; Run writes what it queues to
// the outbox, so the member's reply never waits on the store. The optional
// fields must be set before Run.
type Alerts struct {
	// Zone is the clinic's, for the time an alert gives; nil: UTC.
	Zone *time.Location
	// Lang is the language alerts are written in: "es" for Spanish, else
	// English (the clinic's, faq.yaml's language).
	Lang  string
	Clock Clock // nil: the system clock
	// Secret keys the pseudonyms that stand for members in the alerts'
	// IDs (bolt's LogSecret will do).
	Secret []byte
	// Wake is called after alerts are scheduled (Dispatcher.Notify).
	Wake func()
	// Log gets operational events, never who or what was said; nil:
	// discard.
	Log *slog.Logger

	store Outbox
	to    []carebot.Address
	queue chan carebot.Alert
	mu    sync.Mutex // one Schedule at a time: its check and write are one step
}

// NewAlerts returns Alerts that send to the addresses to (the moderators'
// staff chats or their own chats) through store's outbox.
func NewAlerts(store Outbox, to []carebot.Address) *Alerts {
	return &Alerts{store: store, to: to, queue: make(chan carebot.Alert, alertQueue)}
}

// Alert queues al for Run and returns at once. It implements bot.Alerts.
func (a *Alerts) Alert(ctx context.Context, al carebot.Alert) {
	if len(a.to) == 0 {
		return
	}
	select {
	case a.queue <- al:
	default:
		a.log().Error("moderator alert dropped: too many waiting for the store", "kind", al.Kind, "platform", al.Group.Platform)
	}
}

// Run writes queued alerts to the outbox until ctx ends, retrying while
// the store fails; what is still queued then is written before it
// returns. It returns nil.
func (a *Alerts) Run(ctx context.Context) error {
	for {
		select {
		case al := <-a.queue:
			a.write(ctx, al)
		case <-ctx.Done():
			// One deadline for them all: a store that hangs must not
			// hold the stop for long.
			wctx, cancel := stopContext(ctx)
			defer cancel()
			for {
				select {
				case al := <-a.queue:
					a.last(wctx, al)
				default:
					return nil
				}
			}
		}
	}
}

// stopContext is the context of the writes made after ctx has ended.
func stopContext(ctx context.Context) (context.Context, context.CancelFunc) {
	return context.WithTimeout(context.WithoutCancel(ctx), 5*time.Second)
}

// write schedules al, trying again while the store fails, until ctx ends.
func (a *Alerts) write(ctx context.Context, al carebot.Alert) {
	for try := 1; ; try++ {
		_, err := a.Schedule(ctx, al)
		if err == nil {
			return
		}
		if ctx.Err() == nil {
			a.log().Error("moderator alert not yet stored; retrying", "kind", al.Kind, "try", try, "err", err)
		}
		if ctx.Err() != nil || sleep(ctx, a.clock(), min(time.Duration(try)*time.Second, 30*time.Second)) != nil {
			wctx, cancel := stopContext(ctx)
			defer cancel()
			a.last(wctx, al)
			return
		}
	}
}

// last makes one attempt at scheduling al after the run's context has
// ended, with wctx (see stopContext): the message it is about was answered
// before the stop.
func (a *Alerts) last(wctx context.Context, al carebot.Alert) {
	if _, err := a.Schedule(wctx, al); err != nil {
		a.log().Error("moderator alert lost at shutdown", "kind", al.Kind, "err", err)
	}
}

// Schedule writes the messages of al to the outbox, due now, one for
// each address, and reports whether it did. It does not when al is about
// a message already alerted, or about a member of whom an alert of the
// same kind, in the same group, was sent or is waiting within AlertWindow.
// A message handled again after a crash is thus alerted once.
func (a *Alerts) Schedule(ctx context.Context, al carebot.Alert) (bool, error) {
	if len(a.to) == 0 {
		return false, nil
	}
	a.mu.Lock()
	defer a.mu.Unlock()
	prefix := AlertPrefix(a.Secret, al)
	msg := prefix + alertMessageKey(al) + "/"
	recent := func(id, kind string, at time.Time) bool {
		if strings.HasPrefix(id, msg) {
			return true
		}
		d := at.Sub(al.At)
		return kind == string(al.Kind) && d < AlertWindow && d > -AlertWindow
	}
	var why string
	err := a.store.Items(ctx, prefix, func(it carebot.OutboxItem) error {
		if recent(it.ID, it.Ref, it.Slot) {
			why = "one is waiting to be sent"
		}
		return nil
	})
	if err == nil && why == "" {
		err = a.store.Outcomes(ctx, prefix, func(o carebot.Outcome) error {
			if o.Result == carebot.ResultSent && recent(o.ID, o.Ref, o.Slot) {
				why = "one was sent"
			}
			return nil
		})
	}
	if err != nil {
		return false, fmt.Errorf("alerts: %w", err)
	}
	if why != "" {
		a.log().Info("moderator alert held back: about the same member and group within the window", "kind", al.Kind, "why", why, "window", AlertWindow)
		return false, nil
	}
	now := a.clock().Now()
	text := alertText(al, a.zone(), a.Lang)
	items := make([]carebot.OutboxItem, len(a.to))
	for i, to := range a.to {
		items[i] = carebot.OutboxItem{ID: fmt.Sprintf("%s%d", msg, i), Kind: carebot.KindAlert, Due: now, Expires: now.Add(AlertLate),
			To: to, Text: text, Ref: string(al.Kind), Slot: al.At, Created: now}
	}
	if err := a.store.Schedule(ctx, items...); err != nil {
		return false, fmt.Errorf("alerts: %w", err)
	}
	a.log().Info("moderator alert scheduled", "kind", al.Kind, "platform", al.Group.Platform, "addresses", len(items))
	if a.Wake != nil {
		a.Wake()
	}
	return true, nil
}

func (a *Alerts) clock() Clock {
	if a.Clock == nil {
		return SystemClock()
	}
	return a.Clock
}

func (a *Alerts) zone() *time.Location {
	if a.Zone == nil {
		return time.UTC
	}
	return a.Zone
}

func (a *Alerts) log() *slog.Logger {
	if a.Log == nil {
		return slog.New(slog.DiscardHandler)
	}
	return a.Log
}
