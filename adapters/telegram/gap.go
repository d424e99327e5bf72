package telegram

import (
	"sync"
	"time"

	"github.com/carebot/carebot/pace"
)

// chatGaps covers a gap in pace: Pacer.Wait reserves the chat's token
// first and then waits for a global one, so when the global bucket is
// contended a send that waited long for it can be followed by the chat's
// next send less than the chat's interval later, and Telegram answers 429
// (TestBusyChatKeepsItsSpacingUnderContention: 1 in 320 sends without
// this guard). chatGaps remembers when each chat last got a send out of the
// pacer and, if the pacer lets the next one go too soon, the caller waits
// on the pacer again. It never waits itself. Remove it once pace reserves
// the chat and global tokens for one common time.
type chatGaps struct {
	mu    sync.Mutex
	last  map[string]time.Time
	sweep int
}

func newChatGaps() *chatGaps { return &chatGaps{last: make(map[string]time.Time), sweep: 1024} }

// claim records a send to key at now and reports true, unless the last
// send to key was less than per's interval ago.
func (g *chatGaps) claim(key string, now time.Time, per pace.Rate) bool {
	gap := per.Per / time.Duration(max(per.Count, 1))
	g.mu.Lock()
	defer g.mu.Unlock()
	if last, ok := g.last[key]; ok && now.Sub(last) < gap {
		return false
	}
	g.last[key] = now
	if len(g.last) >= g.sweep {
		for k, t := range g.last {
			if now.Sub(t) >= time.Minute { // longer than any chat interval
				delete(g.last, k)
			}
		}
		g.sweep = max(1024, 2*len(g.last))
	}
	return true
}
