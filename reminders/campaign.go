package reminders

import (
	"fmt"
	"sort"
	"strings"
	"time"
)

// Campaign is one awareness campaign of campaigns.yaml: what to say, in
// which languages, when (a rule in the recipient's wall-clock time, within
// a season), and how often at most.
type Campaign struct {
	ID    string // a slug: "flu-shots"
	Topic string // for staff: "Flu shots"
	// Season limits the campaign to part of the year, on the recipient's
	// calendar; the zero Season is the whole year.
	Season Season
	Rule   Rule
	// Languages are the audience's; a patient whose language is not among
	// them gets nothing. Empty means every language Text has.
	Languages []string
	Text      map[string]string // by language
	Cap       Cap
	// MaxLate is how late a message may still go out (after downtime or
	// quiet hours); later, it is dropped.
	MaxLate time.Duration
	Line    int // where the campaign starts in its file

	// scheduleLine and seasonLine are where those fields are, for Check;
	// 0 when the campaign was not read from a file.
	scheduleLine, seasonLine int
}

// Season is the part of the year a campaign runs, both days included. From
// after To wraps the new year: Sep 15 to Mar 31.
type Season struct {
	From, To MonthDay
}

// MonthDay is a day of the year.
type MonthDay struct {
	Month time.Month
	Day   int
}

func (m MonthDay) less(o MonthDay) bool {
	return m.Month < o.Month || m.Month == o.Month && m.Day < o.Day
}

// Contains reports whether the floating time wall falls in the season.
func (s Season) Contains(wall time.Time) bool {
	if s == (Season{}) {
		return true
	}
	d := MonthDay{wall.Month(), wall.Day()}
	if !s.To.less(s.From) {
		return !d.less(s.From) && !s.To.less(d)
	}
	return !d.less(s.From) || !s.To.less(d)
}

// Cap is the most messages of one campaign a patient gets per calendar
// week (Monday to Sunday) or month on their clock; zero is no cap.
type Cap struct {
	Count int
	Per   string // "week" or "month"
}

// allows reports whether the occurrence wall stays within the cap. The
// schedule is the same for everyone, so counting the campaign's in-season
// occurrences earlier in the period counts what each patient was sent at
// most: no store is needed, and a crash cannot make it miscount.
func (c *Campaign) allows(wall time.Time) bool {
	if c.Cap.Count <= 0 {
		return true
	}
	start := time.Date(wall.Year(), wall.Month(), 1, 0, 0, 0, 0, time.UTC)
	if c.Cap.Per == "week" {
		day := wall.Truncate(24 * time.Hour)
		start = day.AddDate(0, 0, -((int(day.Weekday()) + 6) % 7))
	}
	n := 0
	for at, ok := c.Rule.After(start.Add(-time.Second)); ok && at.Before(wall); at, ok = c.Rule.After(at) {
		if c.Season.Contains(at) {
			if n++; n >= c.Cap.Count {
				return false
			}
		}
	}
	return true
}

// textFor returns the campaign's text for a patient's language, and
// whether they are in its audience at all.
func (c *Campaign) textFor(lang string) (string, bool) {
	lang = strings.ToLower(strings.TrimSpace(lang))
	if i := strings.IndexAny(lang, "-_"); i >= 0 {
		lang = lang[:i]
	}
	if len(c.Languages) > 0 && !contains(c.Languages, lang) {
		return "", false
	}
	t, ok := c.Text[lang]
	return t, ok
}

func contains(list []string, s string) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}

// Campaigns is the loaded campaigns.yaml. Its zero value has no campaigns.
type Campaigns struct {
	list []*Campaign
	byID map[string]*Campaign
	file string // the file they were read from, for Check; "" when none
}

// NewCampaigns returns a set of campaigns, which must have distinct IDs.
func NewCampaigns(list ...Campaign) (*Campaigns, error) {
	cs := &Campaigns{byID: make(map[string]*Campaign, len(list))}
	for i := range list {
		c := list[i]
		if _, dup := cs.byID[c.ID]; dup {
			return nil, fmt.Errorf("campaign %q is defined twice", c.ID)
		}
		if c.MaxLate <= 0 {
			c.MaxLate = defaultMaxLate
		}
		cs.list = append(cs.list, &c)
		cs.byID[c.ID] = &c
	}
	sort.Slice(cs.list, func(i, j int) bool { return cs.list[i].ID < cs.list[j].ID })
	return cs, nil
}

// List returns the campaigns in ID order.
func (cs *Campaigns) List() []Campaign {
	if cs == nil {
		return nil
	}
	out := make([]Campaign, len(cs.list))
	for i, c := range cs.list {
		out[i] = *c
	}
	return out
}

func (cs *Campaigns) get(id string) *Campaign {
	if cs == nil {
		return nil
	}
	return cs.byID[id]
}

const defaultMaxLate = 6 * time.Hour

// MaxText is the longest campaign, broadcast or staff reminder message,
// in bytes: every platform takes it in one message.
const MaxText = 2000
