// Package reminders decides what is sent when: appointment reminders,
// awareness campaigns, broadcasts and the reminders patients ask for, all
// through one durable outbox that a Dispatcher drains.
//
// It speaks only package carebot's language. The store, the consent ledger,
// the users and the chat platforms are small interfaces declared here and
// plugged in by main; reminderstest holds an in-memory Store and the
// conformance test every Store must pass.
package reminders

import (
	"context"
	"time"

	"github.com/carebot/carebot"
)

// Outbox is the durable queue of what is to be handled when, indexed by
// due time. Every method is safe for concurrent use; each call is atomic
// (one transaction), so a crash leaves either all of it or none.
//
// An item is pending or claimed. Claim moves due items to claimed before
// returning them, durably; Finish settles them. A crash leaves claimed items
// claimed, and Recover returns them to pending at start-up: those are the
// sends that may have been in flight, and re-sending them is the one
// duplicate a crash may cause.
type Outbox interface {
	// Schedule stores items as pending. An item whose ID is already stored
	// (pending or claimed) replaces it, and a replaced claim no longer
	// holds. The store sets each item's Seq.
	Schedule(ctx context.Context, items ...carebot.OutboxItem) error
	// Cancel removes every item, pending or claimed, whose ID starts with
	// prefix, and reports how many. A removed claim no longer holds.
	Cancel(ctx context.Context, prefix string) (int, error)
	// Items calls fn with every item, pending or claimed, whose ID starts
	// with prefix, in ID order, until fn returns an error, which Items
	// returns as is. fn must not call the Outbox.
	Items(ctx context.Context, prefix string, fn func(carebot.OutboxItem) error) error
	// NextDue returns the earliest Due of the pending items; ok is false
	// when none is pending. It reads one key (a cursor's first), never the
	// whole outbox.
	NextDue(ctx context.Context) (due time.Time, ok bool, err error)
	// Claim returns up to limit pending items with Due at or before now,
	// earliest first (then by ID), and marks them claimed before returning.
	// A claimed item is not claimed again, nor seen by NextDue, until
	// Finish or Recover puts it back.
	Claim(ctx context.Context, now time.Time, limit int) ([]carebot.OutboxItem, error)
	// Finish settles claimed items in one transaction (a group commit). For
	// each: its Outcome, if any, is recorded (replacing an earlier outcome
	// with the same ID). If the claim still holds (the stored item has
	// done.Seq and is claimed), the item is removed, Next (same ID) is
	// stored pending in its place, and Spawn are scheduled as by Schedule.
	// If the claim no longer holds, Next and Spawn are dropped: whoever
	// replaced or cancelled the item decided its future.
	Finish(ctx context.Context, done ...carebot.OutboxDone) error
	// Recover returns every claimed item to pending, unchanged, and
	// reports how many. Call it once at start, before the first Claim;
	// only one process drains an Outbox.
	Recover(ctx context.Context) (int, error)
	// Outcomes calls fn with every recorded outcome whose ID starts with
	// prefix, in ID order, until fn returns an error, which Outcomes
	// returns as is. fn must not call the store.
	Outcomes(ctx context.Context, prefix string, fn func(carebot.Outcome) error) error
}

// AppointmentStore keeps the clinic's appointments.
type AppointmentStore interface {
	// PutAppointment stores a (replacing the appointment with its ID) and,
	// in the same transaction, removes every outbox item whose ID starts
	// with replace and schedules items: an appointment and its pending
	// reminders never disagree, even across a crash.
	PutAppointment(ctx context.Context, a carebot.Appointment, replace string, items ...carebot.OutboxItem) error
	// PutAppointments does what PutAppointment does for each of puts, in
	// order, in one transaction: all of them or none. An import of
	// thousands of appointments is a few commits, not one each.
	PutAppointments(ctx context.Context, puts ...carebot.AppointmentPut) error
	// Appointment returns the appointment with this ID, or an error
	// wrapping carebot.ErrNotFound.
	Appointment(ctx context.Context, id string) (carebot.Appointment, error)
	// AppointmentsOf returns every appointment of one user, earliest first.
	AppointmentsOf(ctx context.Context, user string) ([]carebot.Appointment, error)
	// Appointments calls fn with every appointment in ID order, until fn
	// returns an error, which Appointments returns as is. fn must not call
	// the store.
	Appointments(ctx context.Context, fn func(carebot.Appointment) error) error
}

// Reachability remembers who cannot be reached: a platform said the person
// blocked the bot or closed their DMs, so sending again only counts toward
// the platform's ban thresholds.
type Reachability interface {
	// SetUnreachable marks user unreachable since the given time; a zero
	// time clears the mark (they wrote to us again).
	SetUnreachable(ctx context.Context, user string, since time.Time) error
	// Unreachable returns when user was marked unreachable; zero if not.
	Unreachable(ctx context.Context, user string) (time.Time, error)
}

// Store is everything reminders keeps durably. Package bolt implements it;
// reminderstest.TestStore is its contract in code.
type Store interface {
	Outbox
	AppointmentStore
	Reachability
}

// Consents reads a person's current consent, derived from the ledger
// (bolt's DB.Consent). A person never seen has every purpose not opted in.
type Consents interface {
	Consent(ctx context.Context, user string) (map[carebot.Purpose]carebot.Consent, error)
}

// Users reads what carebot keeps about a person: their DM address, language
// and time zone. It returns an error wrapping carebot.ErrNotFound for a
// person it does not know (bolt's DB.User).
type Users interface {
	User(ctx context.Context, key string) (carebot.User, error)
}

// UserWriter reads and stores a person's record (bolt's DB.User and
// DB.PutUser): self-service changes the time zone through it, and a
// staff reminder is placed on the patient's clock by it.
type UserWriter interface {
	Users
	PutUser(ctx context.Context, u carebot.User) error
}

// Audience lists who is opted in to a purpose, a page at a time, so that a
// fan-out interrupted by a crash resumes where it stopped.
type Audience interface {
	// OptedInPage returns up to limit user keys opted in to purpose,
	// starting after cursor ("" is the start), and the cursor after the
	// last one returned; next is "" when the list is exhausted. The order
	// is the store's and stable: a person is never listed twice in one
	// pass, and people who opt in or out meanwhile may or may not be.
	OptedInPage(ctx context.Context, purpose carebot.Purpose, cursor string, limit int) (users []string, next string, err error)
}
