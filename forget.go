package carebot

// Forgotten says what was erased of one person when they asked to be
// forgotten ("delete my data") or staff erased them: how many of each
// thing, never what it said. The zero value means nothing was stored.
type Forgotten struct {
	// User is their record: language, time zone, the chat to reach them.
	User bool
	// ConsentEvents is their consent history (opt-ins and opt-outs).
	ConsentEvents int
	// Reminders are the reminders they set themselves, or staff set for
	// them, that were still to come.
	Reminders int
	// Appointments are the appointments the clinic imported for them
	// (carebot's copy only: the clinic's own system keeps its own).
	Appointments int
	// AppointmentReminders are the reminders of those appointments that
	// were waiting to be sent.
	AppointmentReminders int
	// Messages are other messages waiting to be sent to them
	// (announcements, health tips).
	Messages int
	// Deliveries are the records of what was sent to them, or not and why.
	Deliveries int
	// Unreachable is the mark that they had blocked the bot.
	Unreachable bool
	// AuditEntries are entries of the audit log that named them by a
	// pseudonym, which was taken out of them.
	AuditEntries int
}

// Nothing reports whether nothing was stored about the person.
func (f Forgotten) Nothing() bool { return f == Forgotten{} }
