package reminders

import "time"

// Wall-clock times are kept "floating" (RFC 5545): a time.Time in UTC
// whose clock reads a local time in no zone in particular. Rules are
// evaluated in floating time, where every day has 24 hours, and an
// occurrence becomes an instant only for one recipient, in their zone, by
// Resolve. That is what keeps daylight-saving changes from moving anything.

// Floating returns the wall clock that t reads in loc, as a floating time.
func Floating(t time.Time, loc *time.Location) time.Time {
	y, mo, d := t.In(loc).Date()
	h, mi, s := t.In(loc).Clock()
	return time.Date(y, mo, d, h, mi, s, t.Nanosecond(), time.UTC)
}

// Resolve returns the instant at which loc's clocks read wall (a floating
// time):
//   - a wall time that happens twice (the hour repeated when clocks fall
//     back) resolves to the first, so a daily 01:30 fires once;
//   - a wall time that never happens (skipped when clocks spring forward)
//     resolves to the first instant after the gap, whose clock reads the
//     gap's end (02:30 in New York on the spring-forward day is 03:00 EDT).
//
// Go's time.Date does neither reliably: for a skipped time it may go
// back an hour (New York 02:30 gives 01:30 EST) or forward (Lord Howe
// 02:15 gives 02:45), and it does not promise which of a repeated time.
func Resolve(wall time.Time, loc *time.Location) time.Time {
	y, mo, d := wall.Date()
	h, mi, s := wall.Clock()
	t := time.Date(y, mo, d, h, mi, s, wall.Nanosecond(), loc)
	got := Floating(t, loc)
	if got.Equal(wall) {
		return earliest(t, wall, loc)
	}
	// wall is in a gap: t is on one side of it, and the transition that
	// opened the gap is the nearer bound of t's zone period.
	start, end := t.ZoneBounds()
	if got.Before(wall) {
		return end
	}
	return start
}

// earliest returns the first instant whose wall clock in loc reads wall,
// given t, one that does.
func earliest(t, wall time.Time, loc *time.Location) time.Time {
	start, _ := t.ZoneBounds()
	if start.IsZero() {
		return t
	}
	_, now := t.Zone()
	_, before := start.Add(-time.Second).In(loc).Zone()
	if before <= now {
		return t // the clocks did not fall back into t's period
	}
	earlier := t.Add(-time.Duration(before-now) * time.Second)
	if earlier.Before(start) && Floating(earlier, loc).Equal(wall) {
		return earlier
	}
	return t
}
