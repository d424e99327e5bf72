// Package pace spaces out sends so that a platform's rate limits are never
// hit: one token bucket for the whole platform, one per chat, and a pause
// whenever the platform answers with a retry-after.
//
// Adapters pace every send they make (replies and reminders alike); the
// reminders dispatcher paces its fan-out the same way. The buckets come from
// golang.org/x/time/rate; this package adds what a chat platform needs on
// top: many per-chat buckets that are forgotten when idle, and a shared
// pause that a 429 imposes on everyone.
package pace

import (
	"context"
	"sync"
	"time"

	"golang.org/x/time/rate"
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

func (r Rate) limit() rate.Limit {
	if r.Unlimited() {
		return rate.Inf
	}
	return rate.Limit(float64(r.Count) / r.Per.Seconds())
}

func (r Rate) burst() int { return max(1, r.Burst) }

// Pacer paces sends. It is safe for concurrent use; the zero value is not
// usable, call New.
type Pacer struct {
	// Now and Sleep are the clock; tests replace them. Sleep must return
	// ctx.Err() when ctx ends first.
	Now   func() time.Time
	Sleep func(ctx context.Context, d time.Duration) error

	global *rate.Limiter

	mu     sync.Mutex
	keys   map[string]*keyBucket
	sweep  int       // len(keys) at which idle buckets are next swept
	paused time.Time // no send starts before this (a platform's retry-after)
}

type keyBucket struct {
	lim  *rate.Limiter
	rate Rate
}

// New returns a Pacer whose sends together stay within global.
func New(global Rate) *Pacer {
	return &Pacer{
		Now:    time.Now,
		Sleep:  sleep,
		global: rate.NewLimiter(global.limit(), global.burst()),
		keys:   make(map[string]*keyBucket),
		sweep:  1024,
	}
}

// Wait blocks until one send to key may start: after any pause, within
// key's own rate per, and within the global rate. It returns ctx's error if
// ctx ends first, and then the send must not be made.
func (p *Pacer) Wait(ctx context.Context, key string, per Rate) error {
	if err := p.waitPause(ctx); err != nil {
		return err
	}
	if !per.Unlimited() {
		now := p.Now()
		if err := p.delay(ctx, p.reserveKey(now, key, per), now); err != nil {
			return err
		}
	}
	now := p.Now()
	if err := p.delay(ctx, p.global.ReserveN(now, 1), now); err != nil {
		return err
	}
	// A pause may have begun while we waited for tokens.
	return p.waitPause(ctx)
}

// Pause stops every send from starting for d: call it with the platform's
// retry-after on a 429. A shorter pause never cuts a longer one short.
func (p *Pacer) Pause(d time.Duration) {
	until := p.Now().Add(d)
	p.mu.Lock()
	if until.After(p.paused) {
		p.paused = until
	}
	p.mu.Unlock()
}

// SetGlobal changes the global rate from now on (when a platform turns
// out to allow less than its documented limit).
func (p *Pacer) SetGlobal(r Rate) {
	now := p.Now()
	p.global.SetLimitAt(now, r.limit())
	p.global.SetBurstAt(now, r.burst())
}

// Keys reports how many per-key buckets are held (for tests and metrics).
func (p *Pacer) Keys() int {
	p.mu.Lock()
	defer p.mu.Unlock()
	return len(p.keys)
}

func (p *Pacer) waitPause(ctx context.Context) error {
	for {
		p.mu.Lock()
		d := p.paused.Sub(p.Now())
		p.mu.Unlock()
		if d <= 0 {
			return ctx.Err()
		}
		if err := p.Sleep(ctx, d); err != nil {
			return err
		}
	}
}

// delay sleeps until r's token is due, giving the token back if ctx ends
// first.
func (p *Pacer) delay(ctx context.Context, r *rate.Reservation, now time.Time) error {
	if d := r.DelayFrom(now); d > 0 {
		if err := p.Sleep(ctx, d); err != nil {
			r.CancelAt(p.Now())
			return err
		}
	}
	return nil
}

// reserveKey reserves one token of key's bucket, creating the bucket at
// rate per. A key's rate is fixed when its bucket is made; a different per
// for a live key replaces it. Reserving under the lock means a sweep can
// never forget a bucket between its lookup and its reservation.
func (p *Pacer) reserveKey(now time.Time, key string, per Rate) *rate.Reservation {
	p.mu.Lock()
	defer p.mu.Unlock()
	b := p.keys[key]
	if b == nil || b.rate != per {
		b = &keyBucket{lim: rate.NewLimiter(per.limit(), per.burst()), rate: per}
		p.keys[key] = b
	}
	r := b.lim.ReserveN(now, 1)
	if len(p.keys) >= p.sweep {
		// A full bucket is indistinguishable from a new one, so
		// forgetting it changes nothing but memory. A bucket with
		// reservations into the future is not full and stays.
		for k, kb := range p.keys {
			if kb.lim.TokensAt(now) >= float64(kb.rate.burst()) {
				delete(p.keys, k)
			}
		}
		p.sweep = max(1024, 2*len(p.keys))
	}
	return r
}

func sleep(ctx context.Context, d time.Duration) error {
	t := time.NewTimer(d)
	defer t.Stop()
	select {
	case <-t.C:
		return nil
	case <-ctx.Done():
		return ctx.Err()
	}
}
