package reminders

import (
	"context"
	"time"
)

// Clock tells the time and waits. The Dispatcher and everything that plans
// use one, so tests run days of schedule on a fake clock in no time.
type Clock interface {
	Now() time.Time
	// After returns a channel that receives once d has passed, and a
	// function that stops the wait and releases it.
	After(d time.Duration) (<-chan time.Time, func())
}

// SystemClock is the real clock.
func SystemClock() Clock { return systemClock{} }

type systemClock struct{}

func (systemClock) Now() time.Time { return time.Now() }

func (systemClock) After(d time.Duration) (<-chan time.Time, func()) {
	t := time.NewTimer(d)
	return t.C, func() { t.Stop() }
}

// sleep waits d on c, or returns ctx's error if ctx ends first. It has the
// shape pace.Pacer.Sleep wants.
func sleep(ctx context.Context, c Clock, d time.Duration) error {
	if d <= 0 {
		return ctx.Err()
	}
	ch, stop := c.After(d)
	defer stop()
	select {
	case <-ch:
		return nil
	case <-ctx.Done():
		return ctx.Err()
	}
}
