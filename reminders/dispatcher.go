package reminders

import (
	"context"
	"fmt"
	"log/slog"
	"sync"
	"time"

	"github.com/carebot/carebot"
	"github.com/carebot/carebot/pace"
)

// Platform is one chat platform the Dispatcher sends through.
type Platform struct {
	Sender carebot.Sender
	// Pacer spaces sends to the platform (its global limit). Nil sends
	// unpaced: use nil when Sender already paces with the same limits,
	// or every send waits twice.
	Pacer *pace.Pacer
	// PerChat is the most one DM chat may receive (Telegram: 1/s);
	// PerGroup the most one group chat may (Telegram: 20/min).
	PerChat, PerGroup pace.Rate
}

// Dispatcher drains the outbox: it sleeps until the next item is due (or
// Notify says something earlier was scheduled), claims due items in
// batches, and hands them to workers that check, pace, send and record
// each. Settled items are written back in group commits.
//
// The optional fields must be set before Run.
type Dispatcher struct {
	Clock Clock          // nil: the system clock
	Hours Hours          // when unprompted messages may arrive; zero: 08:00-21:00
	Retry Backoff        // transient send failures
	Zone  *time.Location // for people with no time zone; nil: UTC
	Lang  string         // for people with no language; "": "en"
	// Clinic is named in appointment reminders.
	Clinic Clinic
	// ClinicNow, if set, is read for each reminder instead of Clinic: the
	// clinic block of the knowledge base being served, which a reload of
	// faq.yaml may change (a new phone number must reach patients then,
	// not at the next restart).
	ClinicNow func() Clinic
	// Workers send concurrently, so that one slow round trip does not cap
	// throughput; 0 means 32.
	Workers int
	// Batch is the most items claimed, and settled, in one store call;
	// 0 means 256.
	Batch int
	// Audience resolves broadcasts and campaigns; Campaigns holds the
	// campaigns whose ticks come due. Without them such items fail.
	Audience  Audience
	Campaigns *Campaigns
	// Page is how many recipients a fan-out resolves per step; 0 means 500.
	Page int
	// Log gets operational events, never personal data; nil: discard.
	Log *slog.Logger
	// Secret keys the pseudonyms that stand for people in outbox IDs
	// (bolt's LogSecret will do). Without it they are plain hashes, which
	// can be reversed by trying every user id.
	Secret []byte

	store     Store
	consents  Consents
	users     Users
	platforms map[string]Platform
	wake      chan struct{}
}

// clinic is the clinic to name now.
func (d *Dispatcher) clinic() Clinic {
	if d.ClinicNow != nil {
		return d.ClinicNow()
	}
	return d.Clinic
}

// Clinic is what a reminder says about who sends it and how to reach them.
type Clinic struct {
	Name string // "Riverside Family Clinic"
	// Phone is the number patients call ("(555) 010-2030"); the texts
	// say "call" around it in the patient's language. Empty: a reminder
	// says nothing of how to reach the clinic.
	Phone string
}

// NewDispatcher returns a Dispatcher over store that reads consent and
// people from consents and users and sends through platforms, keyed by
// Address.Platform.
func NewDispatcher(store Store, consents Consents, users Users, platforms map[string]Platform) *Dispatcher {
	return &Dispatcher{store: store, consents: consents, users: users, platforms: platforms, wake: make(chan struct{}, 1)}
}

// Notify wakes the Dispatcher to look at the outbox again: call it after
// scheduling something that may be due before what it sleeps for. It
// never blocks.
func (d *Dispatcher) Notify() {
	select {
	case d.wake <- struct{}{}:
	default:
	}
}

func (d *Dispatcher) clock() Clock {
	if d.Clock == nil {
		return SystemClock()
	}
	return d.Clock
}

func (d *Dispatcher) log() *slog.Logger {
	if d.Log == nil {
		return slog.New(slog.DiscardHandler)
	}
	return d.Log
}

func (d *Dispatcher) batch() int {
	if d.Batch <= 0 {
		return 256
	}
	return d.Batch
}

func (d *Dispatcher) workers() int {
	if d.Workers <= 0 {
		return 32
	}
	return d.Workers
}

// MaxInFlight is the most items claimed but not yet settled in the store at
// any moment: a batch being handed out, a batch being settled, and one per
// worker. They are the sends that may be repeated after a crash, so it
// bounds the duplicates one crash can cause; a smaller Batch trades
// throughput (fewer items per group commit) for a smaller bound.
func (d *Dispatcher) MaxInFlight() int { return 2*d.batch() + d.workers() }

// Run drains the outbox until ctx ends, then returns nil after every
// goroutine it started has stopped and what was settled is written. It
// first returns to pending the items a previous run left claimed (the
// sends that may have been in flight when it stopped). It returns an error
// only when the store keeps failing.
func (d *Dispatcher) Run(ctx context.Context) error {
	if n, err := d.store.Recover(ctx); err != nil {
		return fmt.Errorf("dispatch: recover claimed items: %w", err)
	} else if n > 0 {
		d.log().Info("dispatch: re-queued items claimed by the previous run", "items", n)
	}
	// slots bounds the items claimed but not yet settled in the store,
	// so that a slow platform does not make us claim the whole outbox.
	slots := make(chan struct{}, d.MaxInFlight())
	work := make(chan carebot.OutboxItem)
	results := make(chan carebot.OutboxDone, d.batch())

	var workers sync.WaitGroup
	for range d.workers() {
		workers.Go(func() {
			for it := range work {
				results <- d.handle(ctx, it)
			}
		})
	}
	committed := make(chan error, 1)
	go func() { committed <- d.commit(ctx, results, slots) }()

	err := d.loop(ctx, work, results, slots)
	close(work)
	workers.Wait()
	close(results)
	if cerr := <-committed; err == nil {
		err = cerr
	}
	return err
}

// loop claims due items and hands them to the workers; between batches it
// sleeps until the next due time, a Notify, or the end of ctx.
func (d *Dispatcher) loop(ctx context.Context, work chan<- carebot.OutboxItem, results chan<- carebot.OutboxDone, slots chan struct{}) error {
	c := d.clock()
	failures := 0
	for {
		select {
		case slots <- struct{}{}:
		case <-ctx.Done():
			return nil
		}
		n := 1
	fill:
		for n < d.batch() {
			select {
			case slots <- struct{}{}:
				n++
			default:
				break fill
			}
		}
		items, err := d.store.Claim(ctx, c.Now(), n)
		free(slots, n-len(items))
		if err != nil {
			if ctx.Err() != nil {
				return nil
			}
			if failures++; failures > 10 {
				return fmt.Errorf("dispatch: claim: %w", err)
			}
			d.log().Error("dispatch: claim failed; retrying", "err", err)
			if sleep(ctx, c, time.Duration(failures)*time.Second) != nil {
				return nil
			}
			continue
		}
		failures = 0
		for i, it := range items {
			select {
			case work <- it:
			case <-ctx.Done():
				for _, rest := range items[i:] {
					results <- release(rest)
				}
				return nil
			}
		}
		if len(items) > 0 {
			continue
		}
		if err := d.wait(ctx); err != nil {
			return nil
		}
	}
}

// wait sleeps until the next pending item is due, Notify is called, or
// ctx ends (then it returns ctx's error).
func (d *Dispatcher) wait(ctx context.Context) error {
	c := d.clock()
	next, ok, err := d.store.NextDue(ctx)
	var timer <-chan time.Time
	switch {
	case err != nil && ctx.Err() != nil: // shutting down, not a failure
		return ctx.Err()
	case err != nil:
		d.log().Error("dispatch: next due failed; looking again in a minute", "err", err)
		next, ok = c.Now().Add(time.Minute), true
		fallthrough
	case ok:
		ch, stop := c.After(next.Sub(c.Now()))
		defer stop()
		timer = ch
	}
	select {
	case <-timer:
	case <-d.wake:
	case <-ctx.Done():
		return ctx.Err()
	}
	return nil
}

// commit writes settled items back in group commits: whatever has arrived
// while the previous commit ran goes into the next one.
func (d *Dispatcher) commit(ctx context.Context, results <-chan carebot.OutboxDone, slots chan struct{}) error {
	// The writes must land even when ctx has ended: they record sends
	// that happened.
	wctx := context.WithoutCancel(ctx)
	var failed error
	batch := make([]carebot.OutboxDone, 0, d.batch())
	for r := range results {
		batch = append(batch[:0], r)
	more:
		for len(batch) < d.batch() {
			select {
			case r, ok := <-results:
				if !ok {
					break more
				}
				batch = append(batch, r)
			default:
				break more
			}
		}
		if err := d.finish(wctx, batch); err != nil && failed == nil {
			failed = fmt.Errorf("dispatch: settle items: %w", err)
		}
		free(slots, len(batch))
		for _, b := range batch {
			if b.Next != nil || len(b.Spawn) > 0 {
				d.Notify()
				break
			}
		}
	}
	return failed
}

// finish writes one batch, retrying a few times: if it cannot, the items
// stay claimed and the next run sends them again.
func (d *Dispatcher) finish(ctx context.Context, batch []carebot.OutboxDone) error {
	var err error
	for try := range 3 {
		if err = d.store.Finish(ctx, batch...); err == nil {
			return nil
		}
		d.log().Error("dispatch: finish failed", "items", len(batch), "try", try+1, "err", err)
		if sleep(ctx, d.clock(), time.Duration(try+1)*100*time.Millisecond) != nil {
			break
		}
	}
	return err
}

func free(slots chan struct{}, n int) {
	for range n {
		<-slots
	}
}

// release puts an item back unchanged: it was claimed but not handled.
func release(it carebot.OutboxItem) carebot.OutboxDone {
	return carebot.OutboxDone{ID: it.ID, Seq: it.Seq, Next: &it}
}

func (d *Dispatcher) handle(ctx context.Context, it carebot.OutboxItem) carebot.OutboxDone {
	if ctx.Err() != nil {
		return release(it)
	}
	switch it.Kind {
	case carebot.KindFanOut:
		return d.fanOut(ctx, it)
	case carebot.KindTick:
		return d.tick(ctx, it)
	}
	return d.deliver(ctx, it)
}
