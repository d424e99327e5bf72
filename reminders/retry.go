package reminders

import (
	"math/rand/v2"
	"time"
)

// Backoff says how often and how long to retry a send that failed for a
// reason that may pass (a timeout, a 5xx). Its zero value retries 5 times
// in all, after about 30 s, 1 min, 2 min, 4 min, capped at 30 min.
type Backoff struct {
	// Attempts is how many sends are tried in all before the item is
	// dead-lettered (recorded as failed).
	Attempts int
	Base     time.Duration // the first delay
	Max      time.Duration // no delay is longer
	// Jitter returns a number in [0, 1); nil means math/rand. Each delay
	// is drawn from [d/2, d), so that many items failing together (a
	// platform outage) do not all retry in the same instant.
	Jitter func() float64
}

func (b Backoff) attempts() int {
	if b.Attempts <= 0 {
		return 5
	}
	return b.Attempts
}

// Delay returns the wait before the next send of an item that has failed
// attempts times (attempts >= 1).
func (b Backoff) Delay(attempts int) time.Duration {
	base, most := b.Base, b.Max
	if base <= 0 {
		base = 30 * time.Second
	}
	if most <= 0 {
		most = 30 * time.Minute
	}
	d := base
	for i := 1; i < attempts && d < most; i++ {
		d *= 2
	}
	d = min(d, most)
	j := b.Jitter
	if j == nil {
		j = rand.Float64
	}
	return d/2 + time.Duration(j()*float64(d/2))
}
