// Package pace spaces out sends so that a platform's rate limits are never
// hit: one bucket for the whole platform, one per chat, and a pause of one
// chat or of all whenever the platform answers with a retry-after.
//
// Adapters pace every send they make (replies and reminders alike); the
// reminders dispatcher paces its fan-out the same way.
//
// Each bucket is GCRA (the generic cell rate algorithm: a "theoretical
// arrival time" per bucket, as in ATM networks and redis-cell). A send gets
// its chat's slot and the platform's slot for the same instant, under one
// lock; a send whose chat is busy waits for its chat without holding a
// platform slot, so one busy chat never slows the others. golang.org/x/time/rate
// was the first choice, but its reservations cannot be made for a future
// instant without letting a later, earlier-timed call undercut the spacing,
// and a joint reservation needs exactly that.
package pace

import (
	"context"
	"sync"
	"time"
)

// Rate is Count events per Per, with at most Burst of them back to back.
// A Burst of 0 means 1: sends are spread evenly, never bunched.
type Rate struct {
	Count int
	Per   time.Duration
	Burst int
}

// Unlimited reports whether r sets no limit (its zero value).
func (r Rate) Unlimited() bool { return r.Count <= 0 || r.Per <= 0 }

// interval is the time between two sends at this rate, rounded up: 30 per
// second is 33,333,334 ns apart, so that 31 never fit in one second.
func (r Rate) interval() time.Duration {
	if r.Unlimited() {
		return 0
	}
	n := time.Duration(r.Count)
	return (r.Per + n - 1) / n
}

// tolerance is how far ahead of its spacing a send may go: the burst.
func (r Rate) tolerance() time.Duration {
	return time.Duration(max(1, r.Burst)-1) * r.interval()
}

// gcra is one bucket: tat is the theoretical arrival time of the next send
// were sends perfectly spaced. A send may go at t when t >= tat-tolerance,
// and not before hold (the key's own retry-after).
type gcra struct {
	rate Rate
	tat  time.Time
	hold time.Time
}

// earliest is the first instant at or after now when a send fits.
func (g *gcra) earliest(now time.Time) time.Time {
	if g.hold.After(now) {
		now = g.hold
	}
	if g.rate.Unlimited() {
		return now
	}
	if e := g.tat.Add(-g.rate.tolerance()); e.After(now) {
		return e
	}
	return now
}

// take records a send at t (which must be at or after earliest).
func (g *gcra) take(t time.Time) {
	if g.rate.Unlimited() {
		return
	}
	if g.tat.Before(t) {
		g.tat = t
	}
	g.tat = g.tat.Add(g.rate.interval())
}

// give undoes take(t) when the send at t will not happen, if nothing was
// taken after it; otherwise the slot is left unused, which only errs on
// the side of sending less.
func (g *gcra) give(t time.Time) {
	if !g.rate.Unlimited() && g.tat.Equal(t.Add(g.rate.interval())) {
		g.tat = t
	}
}

// Pacer paces sends. It is safe for concurrent use; the zero value is not
// usable, call New.
type Pacer struct {
	// Now and Sleep are the clock; tests replace them. Sleep must return
	// ctx.Err() when ctx ends first.
	Now   func() time.Time
	Sleep func(ctx context.Context, d time.Duration) error

	mu     sync.Mutex
	global gcra
	keys   map[string]*gcra
	sweep  int       // len(keys) at which idle buckets are next swept
	paused time.Time // no send starts before this (a platform's retry-after)
}

// New returns a Pacer whose sends together stay within global.
func New(global Rate) *Pacer {
	return &Pacer{
		Now:    time.Now,
		Sleep:  Sleep,
		global: gcra{rate: global},
		keys:   make(map[string]*gcra),
		sweep:  1024,
	}
}

// Wait blocks until one send to key may start: after any pause, within
// key's own rate per, and within the global rate. It returns ctx's error if
// ctx ends first, and then the send must not be made.
func (p *Pacer) Wait(ctx context.Context, key string, per Rate) error {
	for {
		at, wait := p.reserve(key, per)
		if wait > 0 {
			// The chat is busy or the platform paused us: wait without
			// holding a platform slot, then try again.
			if err := p.Sleep(ctx, wait); err != nil {
				return err
			}
			continue
		}
		d := at.Sub(p.Now())
		if d <= 0 {
			return ctx.Err()
		}
		if err := p.Sleep(ctx, d); err != nil {
			p.release(key, at)
			return err
		}
		return nil
	}
}

// Ready blocks until key's own rate and any pause would let a send to key
// start now, or returns ctx's error. It reserves nothing: a Wait after it
// may still wait, for the global rate or for a send to key that got in
// first. A caller with a line of sends for key calls it before choosing
// which send goes next, so that one that jumped the line meanwhile takes
// the slot.
func (p *Pacer) Ready(ctx context.Context, key string, per Rate) error {
	for {
		p.mu.Lock()
		now := p.Now()
		wait := p.paused.Sub(now)
		if k := p.keys[key]; k != nil {
			wait = max(wait, k.earliest(now).Sub(now))
		}
		p.mu.Unlock()
		if wait <= 0 {
			return ctx.Err()
		}
		if err := p.Sleep(ctx, wait); err != nil {
			return err
		}
	}
}

// reserve takes the chat's and the platform's slots for one common instant
// at, when only the platform's queue stands between now and at. Otherwise
// it takes nothing and says how long to wait before asking again.
func (p *Pacer) reserve(key string, per Rate) (at time.Time, wait time.Duration) {
	p.mu.Lock()
	defer p.mu.Unlock()
	now := p.Now()
	if p.paused.After(now) {
		return time.Time{}, p.paused.Sub(now)
	}
	k := p.bucket(key, per, now)
	if e := k.earliest(now); e.After(now) {
		return time.Time{}, e.Sub(now)
	}
	at = p.global.earliest(now)
	k.take(at)
	p.global.take(at)
	return at, 0
}

// release gives back the slots a cancelled Wait took for at.
func (p *Pacer) release(key string, at time.Time) {
	p.mu.Lock()
	defer p.mu.Unlock()
	p.global.give(at)
	if k := p.keys[key]; k != nil {
		k.give(at)
	}
}

// bucket returns key's bucket, making it at rate per. A key's rate is fixed
// when its bucket is made; a different per for a live key replaces it.
// Called with p.mu held.
func (p *Pacer) bucket(key string, per Rate, now time.Time) *gcra {
	k := p.keys[key]
	if k == nil || k.rate != per {
		nk := &gcra{rate: per}
		if k != nil {
			nk.hold = k.hold
		}
		k = nk
		p.keys[key] = k
	}
	if len(p.keys) >= p.sweep {
		// A bucket whose arrival time has passed is exactly a new one, so
		// forgetting it changes nothing but memory. A bucket with sends
		// reserved into the future is not, and stays.
		for name, b := range p.keys {
			if !b.tat.After(now) && !b.hold.After(now) && b != k {
				delete(p.keys, name)
			}
		}
		p.sweep = max(1024, 2*len(p.keys))
	}
	return k
}

// Pause stops every send from starting for d: call it with the platform's
// retry-after on a 429. A shorter pause never cuts a longer one short.
func (p *Pacer) Pause(d time.Duration) {
	p.mu.Lock()
	defer p.mu.Unlock()
	if until := p.Now().Add(d); until.After(p.paused) {
		p.paused = until
	}
}

// PauseKey stops sends to key (at rate per, as Wait is given) from
// starting for d, and leaves every other key alone: call it with the
// retry-after of a 429 that was about one chat. A shorter pause never cuts
// a longer one short.
func (p *Pacer) PauseKey(key string, per Rate, d time.Duration) {
	p.mu.Lock()
	defer p.mu.Unlock()
	now := p.Now()
	k := p.bucket(key, per, now)
	if until := now.Add(d); until.After(k.hold) {
		k.hold = until
	}
}

// SetGlobal changes the global rate from now on (when a platform turns
// out to allow less than its documented limit).
func (p *Pacer) SetGlobal(r Rate) {
	p.mu.Lock()
	defer p.mu.Unlock()
	p.global.rate = r
}

// Keys reports how many per-key buckets are held (for tests and metrics).
func (p *Pacer) Keys() int {
	p.mu.Lock()
	defer p.mu.Unlock()
	return len(p.keys)
}

// Sleep waits for d, or returns ctx's error if ctx ends first: the real
// clock's Sleep, for Pacer and for anyone who takes one.
func Sleep(ctx context.Context, d time.Duration) error {
	t := time.NewTimer(d)
	defer t.Stop()
	select {
	case <-t.C:
		return nil
	case <-ctx.Done():
		return ctx.Err()
	}
}
