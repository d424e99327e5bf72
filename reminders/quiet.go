package reminders

import (
	"fmt"
	"time"
)

// Hours is the part of the day, on the recipient's clock, when unprompted
// messages may arrive: From inclusive to To exclusive, as times since
// midnight. To before From wraps past midnight (a night shift's 20:00 to
// 06:00). The zero value means 08:00 to 21:00.
type Hours struct {
	From, To time.Duration
}

// DefaultHours is the zero Hours: 08:00 to 21:00.
var DefaultHours = Hours{From: 8 * time.Hour, To: 21 * time.Hour}

func (h Hours) orDefault() Hours {
	if h == (Hours{}) {
		return DefaultHours
	}
	return h
}

// Validate reports hours outside a day, or an empty window.
func (h Hours) Validate() error {
	h = h.orDefault()
	if h.From < 0 || h.From >= 24*time.Hour || h.To < 0 || h.To > 24*time.Hour || h.From == h.To {
		return fmt.Errorf("allowed hours %s to %s: want two different times of day", h.From, h.To)
	}
	return nil
}

// Allows reports whether t, read on loc's clock, is inside the window.
func (h Hours) Allows(t time.Time, loc *time.Location) bool {
	return h.orDefault().open(sinceMidnight(Floating(t, loc)))
}

// open reports whether the window is open at the time of day c.
func (h Hours) open(c time.Duration) bool {
	if h.From < h.To {
		return c >= h.From && c < h.To
	}
	return c >= h.From || c < h.To
}

// Next returns t if the window allows it, else the next instant it opens
// on loc's clock.
func (h Hours) Next(t time.Time, loc *time.Location) time.Time {
	if h.Allows(t, loc) {
		return t
	}
	h = h.orDefault()
	wall := Floating(t, loc)
	day := wall.Truncate(24 * time.Hour)
	open := day.Add(h.From)
	if !open.After(wall) {
		open = open.AddDate(0, 0, 1)
	}
	return Resolve(open, loc)
}

// Last returns t if the window allows it, else the last minute of the
// window before t on loc's clock: where an appointment reminder that would
// fall in the night moves to (the evening before).
func (h Hours) Last(t time.Time, loc *time.Location) time.Time {
	if h.Allows(t, loc) {
		return t
	}
	h = h.orDefault()
	wall := Floating(t, loc)
	day := wall.Truncate(24 * time.Hour)
	closes := day.Add(h.To - time.Minute)
	for closes.After(wall) {
		closes = closes.AddDate(0, 0, -1)
	}
	return Resolve(closes, loc)
}

func sinceMidnight(wall time.Time) time.Duration {
	return wall.Sub(wall.Truncate(24 * time.Hour))
}
