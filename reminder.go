package carebot

import "time"

// ReminderKind says what a queued item is for. It decides the checks made
// when the item is due and what happens to it after a missed slot.
type ReminderKind string

// The kinds of outbox items.
const (
	KindAppointment ReminderKind = "appointment" // a clinic appointment's reminder
	KindCampaign    ReminderKind = "campaign"    // one awareness campaign message
	KindBroadcast   ReminderKind = "broadcast"   // one staff announcement message
	KindPatient     ReminderKind = "patient"     // a reminder the patient asked for
	// KindFanOut resolves the audience of a broadcast or a campaign
	// occurrence one page at a time; it sends nothing itself.
	KindFanOut ReminderKind = "fan-out"
	// KindTick plans a campaign's next occurrence; it sends nothing itself.
	KindTick ReminderKind = "tick"
	// KindAlert tells moderators of a crisis in a group chat (an Alert).
	// It goes to staff, not to a patient: it needs no consent, ignores
	// quiet hours, may go to a group chat, and is retried until it
	// expires.
	KindAlert ReminderKind = "alert"
)

// OutboxItem is one entry of the durable outbox: a message due to one
// person at one time, or an internal job (fan-out, tick). Every time is an
// instant except Wall.
type OutboxItem struct {
	// ID names the item, unique in the outbox and chosen by whoever
	// schedules it. IDs are slash-separated from general to specific
	// ("appt/A17/24h", "bcast/42/9f2c..."), so that everything of one
	// appointment, broadcast or person shares a prefix ending in "/". A
	// person appears in an ID only as a keyed pseudonym, never as a user
	// key, so a store may keep IDs as plaintext keys.
	ID string
	// Seq is set by the store on every write of the item. A claim holds
	// only while the stored item still has the Seq it was claimed with.
	Seq  uint64
	Kind ReminderKind
	// Due is when the item is to be handled: the outbox's index.
	Due time.Time
	// Expires is when an unsent item is dropped rather than sent stale;
	// zero means never. A fan-out gives its own Expires to the messages it
	// makes.
	Expires time.Time
	// User is the recipient's user key (personal: never log it).
	User string
	// To is where the message goes; zero means the user's DM.
	To Address
	// Purpose is the consent the message needs at send time.
	Purpose Purpose
	// Asked is true when the recipient asked for this message themselves
	// (a patient's own reminder): it needs no opt-in, and only an opt-out
	// recorded after Created stops it.
	Asked bool
	// Text is the message (personal for a patient's own reminders). Empty
	// for appointment reminders, which are written at send time.
	Text string
	// Ref is the appointment's, campaign's or broadcast's ID.
	Ref string
	// Slot is the appointment time an appointment reminder was planned for:
	// if the appointment has moved since, the reminder is not sent.
	Slot time.Time
	// Wall is the occurrence a rule-based item stands for, as a floating
	// wall-clock time: a time in UTC whose clock reads the recipient's
	// local time (RFC 5545's "floating" time).
	Wall time.Time
	// Fixed is true when Due is an instant the recipient asked for ("in 20
	// minutes", a snooze), not a time on their clock: a change of time
	// zone leaves it where it is (Wall is then only that instant on their
	// clock, kept for a resume).
	Fixed bool
	// TimeOfDay is true for a one-time item asked for by its time of day
	// alone ("at 8pm"): it stands for the next such time on the
	// recipient's clock, which a change of time zone finds again.
	TimeOfDay bool
	// Rule is an RFC 5545 recurrence rule ("FREQ=DAILY;BYHOUR=8") for a
	// repeating item, in floating time; empty for a one-off.
	Rule string
	// Cursor is where a fan-out resumes in its audience; opaque.
	Cursor string
	// Attempts counts failed sends so far.
	Attempts int
	Created  time.Time
	// Sent is when the item was last delivered (zero if never).
	Sent time.Time
}

// Result is what became of an outbox item.
type Result string

// The results an Outcome records. The skipped ones were decided before any
// send; Failed means every attempt failed (the item is dead-lettered).
const (
	ResultSent        Result = "sent"
	ResultOptedOut    Result = "skipped:opted-out"
	ResultExpired     Result = "skipped:expired"     // too late to be useful
	ResultQuietHours  Result = "skipped:quiet-hours" // quiet hours held it past its expiry
	ResultUnreachable Result = "skipped:unreachable" // blocked us, DMs closed, no address
	ResultCancelled   Result = "skipped:cancelled"   // its appointment was cancelled or moved
	ResultFailed      Result = "failed"
	ResultDone        Result = "done" // an internal job (fan-out, tick) finished
)

// Outcome records what became of one outbox item. It holds no message text
// and no error text from a platform (which may name the person).
type Outcome struct {
	ID       string // the item's ID
	Kind     ReminderKind
	User     string
	Ref      string
	Result   Result
	At       time.Time
	Attempts int
	// Slot is the item's Slot: for an appointment reminder, the time of the
	// visit it named, so that a patient's later "C" or "X" is known to
	// answer that visit and not one moved since.
	Slot time.Time
	// Reason is a short explanation in carebot's own words
	// ("dead-lettered after 5 attempts"); never personal data.
	Reason string
}

// OutboxDone says what became of one claimed item, for the store to record
// in one transaction with the others of its batch.
type OutboxDone struct {
	ID  string // the claimed item
	Seq uint64 // its Seq when claimed
	// Outcome is recorded if not nil, whether or not the claim still holds
	// (the send, if any, has happened).
	Outcome *Outcome
	// Next, if not nil, replaces the item (same ID) as a pending item: a
	// retry, a deferral, the next occurrence. Nil removes the item.
	Next *OutboxItem
	// Spawn are new items scheduled with it (a fan-out's page).
	Spawn []OutboxItem
}

// AppointmentStatus is whether an appointment is still on.
type AppointmentStatus string

// The appointment statuses.
const (
	AppointmentBooked    AppointmentStatus = "booked"
	AppointmentCancelled AppointmentStatus = "cancelled"
)

// AppointmentResponse is what the patient answered to a reminder.
type AppointmentResponse string

// The patient's answers, which staff see.
const (
	ResponseConfirmed  AppointmentResponse = "confirmed"
	ResponseCancelled  AppointmentResponse = "cancelled"
	ResponseReschedule AppointmentResponse = "reschedule-requested"
)

// Appointment is a visit booked at the clinic, imported from its system.
// It deliberately has no visit type: a reminder never says why someone is
// coming, so carebot never keeps it.
type Appointment struct {
	ID       string    // the clinic system's ID
	User     string    // the patient's user key
	To       Address   // where reminders go; zero means the user's DM
	At       time.Time // when the visit starts
	TimeZone string    // IANA zone of the clinic, for patients with none set
	Location string    // the clinic location's label ("Main Street")
	Status   AppointmentStatus
	// Response is the patient's latest answer, and RespondedAt its time.
	Response    AppointmentResponse
	RespondedAt time.Time
	// StaffCancelled is when staff cancelled it in carebot (carebot
	// appointments cancel); zero if they did not. Like a patient's
	// cancellation, it stands over an import that still lists the visit,
	// at the same time, as booked.
	StaffCancelled time.Time
	Updated        time.Time
}

// AppointmentPut is one appointment of a batch the store writes at once:
// the appointment, the prefix of the outbox IDs of the reminders it
// replaces ("" for none) and its reminders, as a single PutAppointment
// takes them.
type AppointmentPut struct {
	Appointment Appointment
	Replace     string
	Items       []OutboxItem
}
