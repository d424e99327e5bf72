package carebot

import (
	"fmt"
	"strings"
	"time"
)

// Purpose is what a patient consents to receive unprompted. A direct reply
// to the patient's own message needs no consent; everything else does.
type Purpose string

// The purposes carebot sends for.
const (
	PurposeAppointments  Purpose = "appointments"  // reminders of the patient's own visits
	PurposeAwareness     Purpose = "awareness"     // health-awareness campaigns (flu shots, screenings)
	PurposeAnnouncements Purpose = "announcements" // clinic news: closures, new hours
)

// Purposes lists every purpose, in the order they are shown to patients.
func Purposes() []Purpose {
	return []Purpose{PurposeAppointments, PurposeAwareness, PurposeAnnouncements}
}

// ParsePurpose reads a purpose name as staff or patients type it
// ("Awareness", "announcement", "appointment reminders").
func ParsePurpose(s string) (Purpose, error) {
	s = strings.ToLower(strings.TrimSpace(s))
	for _, p := range Purposes() {
		if s == string(p) || strings.TrimSuffix(string(p), "s") == s || strings.HasPrefix(s, strings.TrimSuffix(string(p), "s")+" ") {
			return p, nil
		}
	}
	return "", fmt.Errorf("unknown purpose %q (want one of appointments, awareness, announcements)", s)
}

// ConsentAction is what a consent event did.
type ConsentAction string

// The consent actions.
const (
	OptIn  ConsentAction = "opt-in"
	OptOut ConsentAction = "opt-out"
)

// ConsentEvent is one entry of the append-only consent ledger: who changed
// their consent for which purpose, how, under which wording, and when.
// The message text that caused it is never part of the event.
type ConsentEvent struct {
	User    string // a user key (Address.UserKey)
	Purpose Purpose
	Action  ConsentAction
	// Method says how the patient expressed it: "keyword:STOP",
	// "phrase", "button", "command", "staff", "import".
	Method string
	// Wording is the version of the text the patient was shown when they
	// consented (HELP and opt-in wording change over time; the ledger must
	// say which one they agreed to).
	Wording string
	At      time.Time
}

// Consent is the current state of one purpose for one person, derived from
// the ledger: the latest event for that purpose.
type Consent struct {
	Purpose Purpose
	OptedIn bool
	// Since is when the latest event was recorded; zero if there is none.
	Since  time.Time
	Method string
}

// ConsentState derives the current consent of one person from their events,
// oldest first. A purpose with no event is not opted in.
func ConsentState(events []ConsentEvent) map[Purpose]Consent {
	st := make(map[Purpose]Consent, len(Purposes()))
	for _, p := range Purposes() {
		st[p] = Consent{Purpose: p}
	}
	for _, e := range events {
		if _, ok := st[e.Purpose]; !ok {
			continue
		}
		st[e.Purpose] = Consent{Purpose: e.Purpose, OptedIn: e.Action == OptIn, Since: e.At, Method: e.Method}
	}
	return st
}
