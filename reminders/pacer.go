package reminders

import (
	"context"
	"time"

	"github.com/carebot/carebot/pace"
)

// Rate is pace.Rate, here so that wiring a Platform needs one import less.
type Rate = pace.Rate

// NewPacer returns a pace.Pacer for a platform's global limit that tells
// time and sleeps on c, so that a fake clock paces too.
func NewPacer(c Clock, global Rate) *pace.Pacer {
	p := pace.New(global)
	p.Now = c.Now
	p.Sleep = func(ctx context.Context, d time.Duration) error { return sleep(ctx, c, d) }
	return p
}
