package carebot

import "time"

// AuditEntry records one change made through the admin API: who, what,
// on what, with what result. Staff actions on patients' data must be
// traceable; the entry itself holds no message text.
type AuditEntry struct {
	At time.Time
	// Actor is who made the change: "admin-token" for the API's bearer
	// token, and the client's address in Remote.
	Actor  string
	Remote string
	// Action names the change: "appointments.import", "broadcast.start".
	Action string
	// Target is what it acted on (an appointment or broadcast id); may
	// be empty.
	Target string
	// Result is "ok" or the error, in carebot's words.
	Result string
	// Detail sums it up ("12 new, 1 moved, 0 cancelled, 0 updated, 3 unchanged").
	Detail string
}
