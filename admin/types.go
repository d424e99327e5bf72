package admin

import (
	"fmt"
	"strings"
	"time"

	"github.com/carebot/carebot"
	"github.com/carebot/carebot/reminders"
)

// Appointment is an appointment as the API and its files carry it.
type Appointment struct {
	ID string `json:"id"`
	// Patient is the patient's user key: PLATFORM:USER ("telegram:12345").
	Patient string `json:"patient"`
	// To is where reminders go when not the patient's DM: PLATFORM:CHAT.
	To string `json:"to,omitempty"`
	// At is when the visit starts: RFC 3339 ("2026-12-01T14:30:00-05:00"),
	// or a local "2026-12-01 14:30" read in TimeZone, or without one in
	// the clinic's zone (Server.Zone).
	At       string `json:"at"`
	TimeZone string `json:"timezone,omitempty"`
	Location string `json:"location,omitempty"`
	// Status is "booked" (the default) or "cancelled".
	Status string `json:"status,omitempty"`
	// Response and RespondedAt are the patient's answer, when listing.
	Response    string `json:"response,omitempty"`
	RespondedAt string `json:"responded_at,omitempty"`
}

// fromCarebot is a as the API lists it: its time in its own zone, or else
// in zone, the clinic's, which it was read in.
func fromCarebot(a carebot.Appointment, zone *time.Location) Appointment {
	out := Appointment{ID: a.ID, Patient: a.User, TimeZone: a.TimeZone,
		Location: a.Location, Status: string(a.Status), Response: string(a.Response)}
	if a.To.Platform != "" {
		out.To = a.To.Platform + ":" + a.To.ChatID
	}
	if !a.RespondedAt.IsZero() {
		out.RespondedAt = a.RespondedAt.Format(time.RFC3339)
	}
	loc := zone
	if l, err := loadZone(a.TimeZone); err == nil {
		loc = l
	}
	out.At = a.At.In(loc).Format(time.RFC3339)
	return out
}

// parseTime reads an instant: RFC 3339, or a wall-clock time in loc. A
// wall-clock time loc skips when its clocks spring forward is the end of
// the gap (02:30 is 03:00), one it has twice when they fall back is the
// first (reminders.Resolve), as carebot reads every local time: Go alone
// would put the skipped 02:30 at 01:30, an hour early.
func parseTime(s string, loc *time.Location) (time.Time, error) {
	s = strings.TrimSpace(s)
	if s == "" {
		return time.Time{}, fmt.Errorf("at is empty; want a time such as 2026-12-01 14:30 or 2026-12-01T14:30:00-05:00")
	}
	if t, err := time.Parse(time.RFC3339, s); err == nil {
		return t, nil
	}
	for _, layout := range []string{"2006-01-02 15:04", "2006-01-02T15:04", "2006-01-02 15:04:05", "2006-01-02T15:04:05"} {
		if wall, err := time.Parse(layout, s); err == nil {
			return reminders.Resolve(wall, loc), nil
		}
	}
	return time.Time{}, fmt.Errorf("at %s is not a time such as 2026-12-01 14:30 or 2026-12-01T14:30:00-05:00", shown(s))
}

// ImportResult is what became of one appointment of an import.
type ImportResult struct {
	ID   string `json:"id"`
	Line int    `json:"line,omitempty"` // in the file it came from
	// Result is new, moved, cancelled, updated, kept-cancelled or
	// unchanged (reminders.ImportChange).
	Result string `json:"result"`
	Error  string `json:"error,omitempty"` // unused: an import with a problem stores nothing
}

// ImportReport sums up an import.
type ImportReport struct {
	New       int `json:"new"`
	Moved     int `json:"moved"`
	Cancelled int `json:"cancelled"`
	Updated   int `json:"updated"` // another change: the place, the patient, where reminders go, booked again
	// KeptCancelled were listed as booked, but were cancelled in carebot
	// (by staff or the patient) at the same time, and stay cancelled.
	KeptCancelled int `json:"kept_cancelled"`
	Unchanged     int `json:"unchanged"`
	// Imported is New, Moved, Cancelled and Updated together.
	Imported int            `json:"imported"`
	Failed   int            `json:"failed"`
	Results  []ImportResult `json:"results"`
}

// add counts one appointment's result.
func (r *ImportReport) add(res ImportResult) {
	switch reminders.ImportChange(res.Result) {
	case reminders.ImportNew:
		r.New++
	case reminders.ImportMoved:
		r.Moved++
	case reminders.ImportCancelled:
		r.Cancelled++
	case reminders.ImportUpdated:
		r.Updated++
	case reminders.ImportKeptCancelled:
		r.KeptCancelled++
	default:
		r.Unchanged++
	}
	r.Imported = r.New + r.Moved + r.Cancelled + r.Updated
	r.Results = append(r.Results, res)
}

// Summary is what the import did, in counts: "2 new, 1 moved, 0 cancelled,
// 0 updated, 40 unchanged", and ", 1 kept cancelled" when there are any.
func (r ImportReport) Summary() string {
	s := fmt.Sprintf("%d new, %d moved, %d cancelled, %d updated, %d unchanged", r.New, r.Moved, r.Cancelled, r.Updated, r.Unchanged)
	if r.KeptCancelled > 0 {
		s += fmt.Sprintf(", %d kept cancelled", r.KeptCancelled)
	}
	return s
}

// Reminder is a one-off reminder staff add for a patient.
type Reminder struct {
	To   string `json:"to"` // the patient's user key, PLATFORM:USER
	At   string `json:"at"` // RFC 3339, or local time in TimeZone
	Text string `json:"text"`
	// TimeZone reads a local At; default the clinic's zone (Server.Zone).
	TimeZone string `json:"timezone,omitempty"`
}

// ReminderAdded is what POST /v1/reminders answers.
type ReminderAdded struct {
	ID  string `json:"id"`
	Due string `json:"due"` // RFC 3339
	// NotOptedIn says the patient has not opted in to appointment
	// reminders (or never wrote to the bot): the reminder waits, and is
	// sent only if they opt in before it is due.
	NotOptedIn bool `json:"not_opted_in,omitempty"`
}

// Broadcast is an announcement to everyone opted in to Purpose.
type Broadcast struct {
	ID      string `json:"id,omitempty"`
	Purpose string `json:"purpose"`
	Text    string `json:"text"`
}

// BroadcastReport is how a broadcast went.
type BroadcastReport struct {
	ID          string         `json:"id"`
	Resolved    bool           `json:"resolved"` // the whole audience has been queued
	Pending     int            `json:"pending"`
	Counts      map[string]int `json:"counts"` // by result: sent, skipped:opted-out, ...
	Unreachable []string       `json:"unreachable,omitempty"`
}

// MissGroup is a group of similar questions the bot could not answer.
type MissGroup struct {
	Representative string   `json:"representative"`
	Count          int      `json:"count"`
	Texts          []string `json:"texts,omitempty"`
	// Offered counts, by entry id, how often each entry was offered to
	// the group's questions as "did you mean".
	Offered map[string]int `json:"offered,omitempty"`
	// Pressed counts, by entry id, the offers patients pressed: the entry
	// they meant, whose alternates the question belongs in.
	Pressed map[string]int `json:"pressed,omitempty"`
	// NoneOfThese counts the presses of "none of these": the question
	// may need an entry of its own.
	NoneOfThese int `json:"none_of_these,omitempty"`
}

// Misses is what staff learn from: unanswered questions grouped, and how
// patients rated answers.
type Misses struct {
	Since   string           `json:"since"`
	Groups  []MissGroup      `json:"groups"`
	Ratings map[string]Tally `json:"ratings,omitempty"` // by entry id
	// PassedOver counts, by the id of an entry the bot answered with, the
	// alternatives offered beside it that patients pressed instead: the
	// answer was given to questions that meant another entry.
	PassedOver map[string]map[string]int `json:"passed_over,omitempty"`
}

// Tally counts one entry's feedback.
type Tally struct {
	Up      int `json:"up"`
	Down    int `json:"down"`
	Pressed int `json:"pressed"` // offered as a suggestion or follow-up and pressed
}

// AuditEntry is one line of the audit log.
type AuditEntry struct {
	At     string `json:"at"`
	Actor  string `json:"actor"`
	Remote string `json:"remote,omitempty"`
	Action string `json:"action"`
	Target string `json:"target,omitempty"`
	Result string `json:"result"`
	Detail string `json:"detail,omitempty"`
}

// apiError is every error's body.
type apiError struct {
	Error string `json:"error"`
}
