package faq

import (
	"fmt"
	"strconv"
	"time"
)

// Period is how often an entry must be reviewed: a whole number of days,
// weeks, months or years, written in faq.yaml as `review_every: 90d`,
// `12w`, `6m` or `1y` (one number, one unit, no spaces). Months and years
// are calendar months and years, so `reviewed_at: 2025-01-31` with `1m`
// falls due on 2025-03-03 like time.AddDate.
type Period struct {
	N    int
	Unit byte // 'd', 'w', 'm' or 'y'; 0 for the zero Period
}

// maxPeriodN keeps a typo such as 10000000y from overflowing AddDate.
const maxPeriodN = 10000

// ParsePeriod reads the review_every syntax described on Period.
func ParsePeriod(s string) (Period, error) {
	if len(s) < 2 {
		return Period{}, fmt.Errorf("review_every %q: want a number and a unit, such as 90d, 12w, 6m or 1y", s)
	}
	unit := s[len(s)-1]
	switch unit {
	case 'd', 'w', 'm', 'y':
	default:
		return Period{}, fmt.Errorf("review_every %q: unit must be d (days), w (weeks), m (months) or y (years)", s)
	}
	digits := s[:len(s)-1]
	for i := 0; i < len(digits); i++ {
		if digits[i] < '0' || digits[i] > '9' {
			return Period{}, fmt.Errorf("review_every %q: want a whole number before the unit, such as 90d, 12w, 6m or 1y", s)
		}
	}
	n, err := strconv.Atoi(digits)
	if err != nil || n <= 0 || n > maxPeriodN {
		return Period{}, fmt.Errorf("review_every %q: the number must be between 1 and %d", s, maxPeriodN)
	}
	return Period{N: n, Unit: unit}, nil
}

// IsZero reports whether p was not given.
func (p Period) IsZero() bool { return p.Unit == 0 }

// AddTo returns t plus the period.
func (p Period) AddTo(t time.Time) time.Time {
	switch p.Unit {
	case 'd':
		return t.AddDate(0, 0, p.N)
	case 'w':
		return t.AddDate(0, 0, 7*p.N)
	case 'm':
		return t.AddDate(0, p.N, 0)
	case 'y':
		return t.AddDate(p.N, 0, 0)
	}
	return t
}

func (p Period) String() string {
	if p.IsZero() {
		return ""
	}
	return strconv.Itoa(p.N) + string(p.Unit)
}
