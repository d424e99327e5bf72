// Package pending holds what the bot asked a person and waits for them to
// answer ("Until when?", "Delete my data?"), in memory, one per person:
// each is answered within a time limit or not at all, and at most a bound
// wait at once, so that a flood of askers cannot grow it without end. A
// restart forgets them all, and the person is asked again.
package pending

import (
	"sync"
	"time"
)

// Map is the questions waiting, by user key. The zero Map is not ready:
// set For and Max.
type Map[Q any] struct {
	For time.Duration // how long a question waits for its answer
	Max int           // the most waiting at once: past it the expired are swept, then the oldest dropped

	mu sync.Mutex
	m  map[string]asked[Q]
}

type asked[Q any] struct {
	at time.Time
	q  Q
}

// Put records q, asked of user at at, in place of any question before.
func (p *Map[Q]) Put(user string, at time.Time, q Q) {
	p.mu.Lock()
	defer p.mu.Unlock()
	if p.m == nil {
		p.m = map[string]asked[Q]{}
	}
	if len(p.m) >= p.Max {
		var oldest string
		for k, v := range p.m {
			if at.Sub(v.at) > p.For {
				delete(p.m, k)
			} else if oldest == "" || v.at.Before(p.m[oldest].at) {
				oldest = k
			}
		}
		if len(p.m) >= p.Max {
			delete(p.m, oldest)
		}
	}
	p.m[user] = asked[Q]{at: at, q: q}
}

// Take returns the question waiting for user and whether there is one,
// and forgets it: an answer is read once. fresh is whether it was asked
// no longer than For before now.
func (p *Map[Q]) Take(user string, now time.Time) (q Q, waits, fresh bool) {
	p.mu.Lock()
	defer p.mu.Unlock()
	a, ok := p.m[user]
	if !ok {
		return q, false, false
	}
	delete(p.m, user)
	return a.q, true, p.fresh(a, now)
}

// Peek returns the question waiting for user and whether there is one,
// and leaves it waiting. fresh is as Take's.
func (p *Map[Q]) Peek(user string, now time.Time) (q Q, waits, fresh bool) {
	p.mu.Lock()
	defer p.mu.Unlock()
	a, ok := p.m[user]
	if !ok {
		return q, false, false
	}
	return a.q, true, p.fresh(a, now)
}

// Update calls f with the question waiting for user, if there is one, and
// keeps what f leaves in it, all under the lock; it returns the question
// as f left it and whether it is fresh at now(), which is read only when a
// question waits (every message asks; few have one).
//
// What f is given escapes to the heap (f is not known here), so it is a
// copy made once a question is found: a message with none allocates
// nothing.
func (p *Map[Q]) Update(user string, now func() time.Time, f func(q *Q)) (Q, bool, bool) {
	p.mu.Lock()
	defer p.mu.Unlock()
	a, ok := p.m[user]
	if !ok {
		var none Q
		return none, false, false
	}
	q := a.q
	f(&q)
	a.q = q
	p.m[user] = a
	return q, true, p.fresh(a, now())
}

// Drop forgets the question waiting for user, if any.
func (p *Map[Q]) Drop(user string) {
	p.mu.Lock()
	defer p.mu.Unlock()
	delete(p.m, user)
}

// Len is how many questions wait.
func (p *Map[Q]) Len() int {
	p.mu.Lock()
	defer p.mu.Unlock()
	return len(p.m)
}

func (p *Map[Q]) fresh(a asked[Q], now time.Time) bool {
	return !now.Before(a.at) && now.Sub(a.at) <= p.For
}
