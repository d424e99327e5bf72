package reminders

import (
	"context"
	"errors"
	"fmt"
	"slices"
	"sort"
	"strings"
	"sync"
	"time"

	"github.com/carebot/carebot"
)

// Appointments plans the reminders of the clinic's appointments and records
// what patients answer. Importing is idempotent by appointment ID: an
// unchanged appointment changes nothing; a moved or cancelled one has its
// pending reminders replaced in the same store transaction.
type Appointments struct {
	Clock Clock // nil: the system clock
	// Offsets are how long before the visit reminders go out; nil means
	// 72 h, 24 h and 2 h. One already past when the appointment is
	// imported is skipped, never sent late.
	Offsets []time.Duration
	// Hours are when reminders may arrive (the Dispatcher's); a reminder
	// that would fall outside moves to the nearer edge of the allowed
	// window: later only if it is still useful then.
	Hours Hours
	// Lead is how long before the visit a reminder stops being useful;
	// 0 means 1 h.
	Lead time.Duration
	Zone *time.Location // for a patient and clinic with no zone; nil: UTC
	Wake func()         // Dispatcher.Notify; may be nil

	store AppointmentStore
	users Users
	// mu makes each read, change and write of stored appointments one
	// step: an import's batch, a cancel and a patient's answer never
	// overwrite one another.
	mu sync.Mutex
}

// NewAppointments returns Appointments over store, reading patients' time
// zones from users.
func NewAppointments(store AppointmentStore, users Users) *Appointments {
	return &Appointments{store: store, users: users}
}

// DefaultOffsets are the reminder offsets when none are configured.
var DefaultOffsets = []time.Duration{72 * time.Hour, 24 * time.Hour, 2 * time.Hour}

func (as *Appointments) lead() time.Duration {
	if as.Lead <= 0 {
		return time.Hour
	}
	return as.Lead
}

// ImportChange is what an import did to one appointment.
type ImportChange string

// What an import does to an appointment.
const (
	ImportNew       ImportChange = "new"       // it was not stored before
	ImportMoved     ImportChange = "moved"     // to a new time: its reminders are planned again
	ImportCancelled ImportChange = "cancelled" // booked before, cancelled now
	// ImportUpdated: something else changed (the place, the patient, where
	// reminders go), or a cancelled visit is booked again.
	ImportUpdated ImportChange = "updated"
	// ImportKeptCancelled: listed as booked, but cancelled in carebot by
	// staff or the patient, at the same time: it stays cancelled (what
	// else changed, such as the place, is stored).
	ImportKeptCancelled ImportChange = "kept-cancelled"
	ImportUnchanged     ImportChange = "unchanged" // nothing was written
)

// importBatchSize is how many appointments ImportAll stores in one store
// transaction: a commit (two fsyncs) costs about as much as storing
// hundreds of appointments, and a patient's answer waits for at most one
// batch (see mu).
const importBatchSize = 1000

// Import stores a (booked or cancelled) and plans its reminders. It
// reports whether anything changed. A patient's earlier answer is kept
// unless the appointment moved: a confirmation of another time confirms
// nothing. A cancellation made in carebot, by the patient or by staff,
// stands over a booking at the same time: the clinic's system may not
// know of it yet.
func (as *Appointments) Import(ctx context.Context, a carebot.Appointment) (changed bool, err error) {
	res, err := as.importAll(ctx, []carebot.Appointment{a})
	if err != nil {
		return false, err
	}
	return res[0].wrote, nil
}

// ImportAll imports each of list as Import does, importBatchSize of them to a
// store transaction, and returns what became of each: changes[i] is
// list[i]'s. Every appointment is checked first, and a list with one that
// is not valid, or an ID twice, stores nothing. If the store fails,
// changes are those of the appointments stored before (whole batches) and
// nothing from list[len(changes)] on was stored: importing the list again
// is safe, as what is already stored comes out unchanged.
func (as *Appointments) ImportAll(ctx context.Context, list []carebot.Appointment) ([]ImportChange, error) {
	res, err := as.importAll(ctx, list)
	changes := make([]ImportChange, len(res))
	for i, r := range res {
		changes[i] = r.change
	}
	return changes, err
}

// imported is what importing one appointment did.
type imported struct {
	change ImportChange
	wrote  bool
}

func (as *Appointments) importAll(ctx context.Context, list []carebot.Appointment) ([]imported, error) {
	list = slices.Clone(list) // validAppointment fills in defaults
	seen := make(map[string]bool, len(list))
	for i := range list {
		if err := validAppointment(&list[i]); err != nil {
			return nil, fmt.Errorf("import appointment: %w", err)
		}
		if seen[list[i].ID] {
			return nil, fmt.Errorf("import appointment: appointment %q is in the list twice", list[i].ID)
		}
		seen[list[i].ID] = true
	}
	out := make([]imported, 0, len(list))
	for start := 0; start < len(list); start += importBatchSize {
		res, err := as.importBatch(ctx, list[start:min(len(list), start+importBatchSize)])
		if err != nil {
			return out, fmt.Errorf("import appointment: %w", err)
		}
		out = append(out, res...)
	}
	return out, nil
}

// importBatch stores batch in one store transaction.
func (as *Appointments) importBatch(ctx context.Context, batch []carebot.Appointment) ([]imported, error) {
	as.mu.Lock()
	defer as.mu.Unlock()
	now := clockOr(as.Clock).Now()
	res := make([]imported, len(batch))
	var puts []carebot.AppointmentPut
	for i, a := range batch {
		old, err := as.store.Appointment(ctx, a.ID)
		found := err == nil
		if err != nil && !errors.Is(err, carebot.ErrNotFound) {
			return nil, err
		}
		a, res[i] = merge(old, found, a)
		if res[i].wrote {
			puts = append(puts, as.prepare(ctx, a, now))
		}
	}
	if err := as.store.PutAppointments(ctx, puts...); err != nil {
		return nil, err
	}
	as.wake(puts...)
	return res, nil
}

// merge is what importing a over old (stored, if found) stores, and what
// that changes.
func merge(old carebot.Appointment, found bool, a carebot.Appointment) (carebot.Appointment, imported) {
	if !found {
		return a, imported{ImportNew, true}
	}
	kept := false
	if old.At.Equal(a.At) {
		a.Response, a.RespondedAt, a.StaffCancelled = old.Response, old.RespondedAt, old.StaffCancelled
		// A cancellation in carebot stands until the visit moves, even
		// if the clinic's system still lists it.
		if a.Status == carebot.AppointmentBooked && (old.Response == carebot.ResponseCancelled || !old.StaffCancelled.IsZero()) {
			a.Status, kept = carebot.AppointmentCancelled, true
		}
	}
	switch {
	case sameBooking(old, a) && kept:
		return a, imported{ImportKeptCancelled, false}
	case sameBooking(old, a):
		return a, imported{ImportUnchanged, false}
	case kept:
		return a, imported{ImportKeptCancelled, true}
	case a.Status == carebot.AppointmentCancelled && old.Status != carebot.AppointmentCancelled:
		return a, imported{ImportCancelled, true}
	case !old.At.Equal(a.At):
		return a, imported{ImportMoved, true}
	}
	return a, imported{ImportUpdated, true}
}

// Cancel cancels appointment id and its pending reminders, for staff: the
// cancellation stands over an import that still lists the visit at the
// same time (see Import).
func (as *Appointments) Cancel(ctx context.Context, id string) error {
	as.mu.Lock()
	defer as.mu.Unlock()
	a, err := as.store.Appointment(ctx, id)
	if errors.Is(err, carebot.ErrNotFound) {
		return fmt.Errorf("appointment %q: %w", id, carebot.ErrNotFound)
	}
	if err != nil {
		return fmt.Errorf("cancel appointment: %w", err)
	}
	if !a.StaffCancelled.IsZero() {
		return nil
	}
	// Cancelled by the clinic's file, it is marked all the same: staff
	// mean it to stay cancelled.
	a.Status, a.StaffCancelled = carebot.AppointmentCancelled, clockOr(as.Clock).Now()
	if err := as.put(ctx, a); err != nil {
		return fmt.Errorf("cancel appointment: %w", err)
	}
	return nil
}

// Respond records a patient's answer to appointment id for staff to see;
// a cancellation also cancels the appointment's pending reminders.
func (as *Appointments) Respond(ctx context.Context, id string, r carebot.AppointmentResponse) (carebot.Appointment, error) {
	as.mu.Lock()
	defer as.mu.Unlock()
	a, err := as.store.Appointment(ctx, id)
	if err != nil {
		return carebot.Appointment{}, fmt.Errorf("answer appointment: %w", err)
	}
	a.Response, a.RespondedAt = r, clockOr(as.Clock).Now()
	if r == carebot.ResponseCancelled {
		a.Status = carebot.AppointmentCancelled
	}
	if err := as.put(ctx, a); err != nil {
		return carebot.Appointment{}, fmt.Errorf("answer appointment: %w", err)
	}
	return a, nil
}

// Next returns user's next appointment still on (starting after now minus
// its lead), which "list my reminders" shows; ok is false if none.
func (as *Appointments) Next(ctx context.Context, user string) (a carebot.Appointment, ok bool, err error) {
	list, err := as.store.AppointmentsOf(ctx, user)
	if err != nil {
		return a, false, fmt.Errorf("next appointment: %w", err)
	}
	now := clockOr(as.Clock).Now()
	for _, a := range list {
		if a.Status != carebot.AppointmentCancelled && a.At.After(now.Add(-as.lead())) {
			return a, true, nil
		}
	}
	return a, false, nil
}

// put stores a with freshly planned reminders in one transaction. The
// caller holds mu.
func (as *Appointments) put(ctx context.Context, a carebot.Appointment) error {
	p := as.prepare(ctx, a, clockOr(as.Clock).Now())
	if err := as.store.PutAppointment(ctx, p.Appointment, p.Replace, p.Items...); err != nil {
		return err
	}
	as.wake(p)
	return nil
}

// prepare is a updated now, with freshly planned reminders replacing its
// old ones.
func (as *Appointments) prepare(ctx context.Context, a carebot.Appointment, now time.Time) carebot.AppointmentPut {
	a.Updated = now
	var items []carebot.OutboxItem
	if a.Status == carebot.AppointmentBooked {
		items = as.plan(a, as.zoneFor(ctx, a), now)
	}
	return carebot.AppointmentPut{Appointment: a, Replace: AppointmentPrefix(a.ID), Items: items}
}

// wake tells the Dispatcher of the reminders just stored, if any.
func (as *Appointments) wake(puts ...carebot.AppointmentPut) {
	if as.Wake == nil {
		return
	}
	for _, p := range puts {
		if len(p.Items) > 0 {
			as.Wake()
			return
		}
	}
}

func (as *Appointments) zoneFor(ctx context.Context, a carebot.Appointment) *time.Location {
	fallback := time.UTC
	if as.Zone != nil {
		fallback = as.Zone
	}
	fallback = zoneOr(a.TimeZone, fallback)
	u, err := as.users.User(ctx, a.User)
	if err != nil {
		return fallback
	}
	return u.Location(fallback)
}

// plan returns the reminders of a, on the patient's clock in loc. Each
// expires when the next one is due (after downtime only the latest still
// useful one goes out), the last one Lead before the visit.
func (as *Appointments) plan(a carebot.Appointment, loc *time.Location, now time.Time) []carebot.OutboxItem {
	offsets := append([]time.Duration(nil), as.Offsets...)
	if len(offsets) == 0 {
		offsets = DefaultOffsets
	}
	sort.Slice(offsets, func(i, j int) bool { return offsets[i] > offsets[j] })
	useful := a.At.Add(-as.lead())
	var items []carebot.OutboxItem
	for _, off := range offsets {
		at := a.At.Add(-off)
		if !as.Hours.Allows(at, loc) {
			// The nearer edge of the night: 21:00 moves to 20:59, 06:30
			// to 08:00 if that is still useful, else to the evening before.
			later, earlier := as.Hours.Next(at, loc), as.Hours.Last(at, loc)
			if !later.After(useful) && later.Sub(at) < at.Sub(earlier) {
				at = later
			} else {
				at = earlier
			}
		}
		if !at.After(now) || len(items) > 0 && !at.After(items[len(items)-1].Due) {
			continue // past at booking, or no later than the one before
		}
		items = append(items, carebot.OutboxItem{
			ID: AppointmentPrefix(a.ID) + offsetLabel(off), Kind: carebot.KindAppointment, Due: at,
			User: a.User, To: a.To, Purpose: carebot.PurposeAppointments, Ref: a.ID, Slot: a.At, Created: now,
		})
	}
	for i := range items {
		exp := useful
		if i+1 < len(items) {
			exp = items[i+1].Due
		}
		if !exp.After(items[i].Due) {
			exp = a.At
		}
		items[i].Expires = exp
	}
	return items
}

func offsetLabel(d time.Duration) string {
	if d%time.Hour == 0 {
		return fmt.Sprintf("%dh", d/time.Hour)
	}
	return fmt.Sprintf("%dm", d/time.Minute)
}

func validAppointment(a *carebot.Appointment) error {
	if strings.TrimSpace(a.ID) == "" {
		return errors.New("no appointment ID")
	}
	if a.User == "" && a.To.Platform != "" && a.To.UserID != "" {
		a.User = a.To.UserKey()
	}
	if a.User == "" {
		return fmt.Errorf("appointment %s: no patient (user key or address)", a.ID)
	}
	if a.To.Group {
		return fmt.Errorf("appointment %s: a reminder cannot go to a group chat", a.ID)
	}
	if a.At.IsZero() {
		return fmt.Errorf("appointment %s: no time", a.ID)
	}
	if a.TimeZone != "" {
		if _, err := carebot.LoadZone(a.TimeZone); err != nil {
			return fmt.Errorf("appointment %s: unknown time zone %q", a.ID, a.TimeZone)
		}
	}
	switch a.Status {
	case "":
		a.Status = carebot.AppointmentBooked
	case carebot.AppointmentBooked, carebot.AppointmentCancelled:
	default:
		return fmt.Errorf("appointment %s: unknown status %q", a.ID, a.Status)
	}
	return nil
}

// sameBooking reports whether importing b over a changes nothing.
func sameBooking(a, b carebot.Appointment) bool {
	return a.User == b.User && a.To == b.To && a.At.Equal(b.At) && a.TimeZone == b.TimeZone &&
		a.Location == b.Location && a.Status == b.Status
}
