package telegramtest

import (
	"context"
	"sync"
	"time"
)

// Clock is a fake clock for the adapter's Options.Now and Options.Sleep
// and the fake's SetClock: Sleep advances it instead of waiting, so a
// paced burst that would take a minute runs at once, and the times the
// fake records are the ones the pacer planned.
//
// It is exact for one goroutine sending at a time. Concurrent sleepers
// each advance it by their own duration, which bunches their sends at one
// instant: to check pacing with several senders, run the test in a
// testing/synctest bubble against NewLocal instead.
type Clock struct {
	mu  sync.Mutex
	now time.Time
}

// NewClock returns a Clock set to start.
func NewClock(start time.Time) *Clock { return &Clock{now: start} }

// Now is the clock's time.
func (c *Clock) Now() time.Time {
	c.mu.Lock()
	defer c.mu.Unlock()
	return c.now
}

// Sleep advances the clock by d, unless ctx has ended.
func (c *Clock) Sleep(ctx context.Context, d time.Duration) error {
	if err := ctx.Err(); err != nil {
		return err
	}
	c.Advance(d)
	return nil
}

// Advance moves the clock forward by d.
func (c *Clock) Advance(d time.Duration) {
	if d <= 0 {
		return
	}
	c.mu.Lock()
	c.now = c.now.Add(d)
	c.mu.Unlock()
}
