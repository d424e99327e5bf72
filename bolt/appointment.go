package bolt

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"sort"
	"time"

	"go.etcd.io/bbolt"

	"github.com/carebot/carebot"
)

// The clinic's appointments (reminders.AppointmentStore), in two buckets
// under appointments/:
//
//	ids       appointment ID -> record (no clear header), the appointment
//	          sealed with its User's data key, or the value key when it has none
//	people    uid | ID -> 1, for appointments with a User: AppointmentsOf
//	          is one prefix scan, and Forget's index
//
// The ID is the clinic system's, in clear like the outbox IDs that embed
// it; the time, place, address and the patient are sealed.

const (
	bucketAppointments = "appointments"
	appointmentIDs     = "ids"
	appointmentPeople  = "people"

	appointmentsBucket = bucketAppointments + "/" + appointmentIDs
)

type appointments struct{ ids, people *bbolt.Bucket }

func appointmentsOf(tx *bbolt.Tx) (appointments, error) {
	ids, err := bucket(tx, bucketAppointments, appointmentIDs)
	if err != nil {
		return appointments{}, err
	}
	people, err := bucket(tx, bucketAppointments, appointmentPeople)
	return appointments{ids, people}, err
}

type appointmentRecord struct {
	User        string         `json:"u,omitempty"`
	To          *addressRecord `json:"to,omitempty"`
	At          *int64         `json:"at,omitempty"`
	TimeZone    string         `json:"tz,omitempty"`
	Location    string         `json:"loc,omitempty"`
	Status      string         `json:"st,omitempty"`
	Response    string         `json:"re,omitempty"`
	RespondedAt *int64         `json:"reat,omitempty"`
	// StaffCancelled is when staff cancelled it; absent if they did not.
	StaffCancelled *int64 `json:"sc,omitempty"`
	Updated        *int64 `json:"up,omitempty"`
}

// remove deletes the appointment id and its index entry, if any.
func (as appointments) remove(id []byte) error {
	v := as.ids.Get(id)
	if v == nil {
		return nil
	}
	if r, err := parseRecord(appointmentsBucket, v, 0); err == nil && r.uid != nil {
		if err := as.people.Delete(ownedKey(r.uid, id)); err != nil {
			return err
		}
	}
	return as.ids.Delete(id)
}

// PutAppointment implements reminders.AppointmentStore: in one
// transaction it stores a, replacing the appointment with its ID, removes
// the outbox items whose ID starts with replace (none when replace is
// empty) and schedules items.
func (d *DB) PutAppointment(ctx context.Context, a carebot.Appointment, replace string, items ...carebot.OutboxItem) error {
	if err := d.putAppointments(ctx, carebot.AppointmentPut{Appointment: a, Replace: replace, Items: items}); err != nil {
		return fmt.Errorf("put appointment: %w", err)
	}
	return nil
}

// PutAppointments implements reminders.AppointmentStore: each put as
// PutAppointment does it, in order, all in one transaction (one commit,
// two fsyncs, for the lot). A put the store refuses stores none of them.
func (d *DB) PutAppointments(ctx context.Context, puts ...carebot.AppointmentPut) error {
	if len(puts) == 0 {
		return nil // nothing to commit
	}
	if err := d.putAppointments(ctx, puts...); err != nil {
		return fmt.Errorf("put appointments: %w", err)
	}
	return nil
}

func (d *DB) putAppointments(ctx context.Context, puts ...carebot.AppointmentPut) error {
	plains := make([][]byte, len(puts))
	for i, p := range puts {
		plain, err := appointmentPlain(p)
		if err != nil {
			return err
		}
		plains[i] = plain
	}
	return d.update(ctx, func(tx *bbolt.Tx) error {
		as, err := appointmentsOf(tx)
		if err != nil {
			return err
		}
		o, err := outboxOf(tx)
		if err != nil {
			return err
		}
		for i, p := range puts {
			if err := d.putAppointment(tx, as, o, p, plains[i]); err != nil {
				return fmt.Errorf("appointment %q: %w", p.Appointment.ID, err)
			}
		}
		return nil
	})
}

// appointmentPlain checks p before any transaction and returns its
// appointment's record, to be sealed.
func appointmentPlain(p carebot.AppointmentPut) ([]byte, error) {
	a := p.Appointment
	if err := checkID("appointment", a.ID); err != nil {
		return nil, err
	}
	err := checkTimes(fmt.Sprintf("appointment %q", a.ID),
		map[string]time.Time{"appointment": a.At, "response": a.RespondedAt, "staff cancel": a.StaffCancelled, "updated": a.Updated})
	if err != nil {
		return nil, err
	}
	for _, it := range p.Items {
		if err := checkItem(it); err != nil {
			return nil, err
		}
	}
	return json.Marshal(appointmentRecord{User: a.User, To: addressOf(a.To), At: nanos(a.At), TimeZone: a.TimeZone,
		Location: a.Location, Status: string(a.Status), Response: string(a.Response),
		RespondedAt: nanos(a.RespondedAt), StaffCancelled: nanos(a.StaffCancelled), Updated: nanos(a.Updated)})
}

// putAppointment stores one put, its record plain, in tx.
func (d *DB) putAppointment(tx *bbolt.Tx, as appointments, o outbox, p carebot.AppointmentPut, plain []byte) error {
	id := []byte(p.Appointment.ID)
	if err := as.remove(id); err != nil {
		return err
	}
	var uid []byte
	if p.Appointment.User != "" {
		uid = d.uid(p.Appointment.User)
	}
	val, err := d.sealRecord(tx, appointmentsBucket, id, uid, nil, plain)
	if err != nil {
		return err
	}
	if err := as.ids.Put(id, val); err != nil {
		return err
	}
	if uid != nil {
		if err := as.people.Put(ownedKey(uid, id), present); err != nil {
			return err
		}
	}
	if p.Replace != "" {
		if _, err := o.cancel([]byte(p.Replace)); err != nil {
			return err
		}
	}
	return d.putAll(tx, o, p.Items)
}

func (d *DB) readAppointment(tx *bbolt.Tx, id, v []byte) (carebot.Appointment, error) {
	r, err := parseRecord(appointmentsBucket, v, 0)
	if err != nil {
		return carebot.Appointment{}, fmt.Errorf("appointment %q: %w", id, err)
	}
	plain, err := d.openRecord(tx, appointmentsBucket, id, r)
	if err != nil {
		return carebot.Appointment{}, fmt.Errorf("appointment %q: %w", id, err)
	}
	return decodeAppointment(id, plain)
}

// decodeAppointment reads an appointment's payload; any bytes give an
// appointment or an error.
func decodeAppointment(id, plain []byte) (carebot.Appointment, error) {
	var r appointmentRecord
	if err := json.Unmarshal(plain, &r); err != nil {
		return carebot.Appointment{}, fmt.Errorf("appointment %q: %w: %v", id, ErrCorrupt, err)
	}
	return carebot.Appointment{ID: string(id), User: r.User, To: r.To.address(), At: fromNanos(r.At),
		TimeZone: r.TimeZone, Location: r.Location, Status: carebot.AppointmentStatus(r.Status),
		Response: carebot.AppointmentResponse(r.Response), RespondedAt: fromNanos(r.RespondedAt),
		StaffCancelled: fromNanos(r.StaffCancelled), Updated: fromNanos(r.Updated)}, nil
}

// Appointment implements reminders.AppointmentStore.
func (d *DB) Appointment(ctx context.Context, id string) (carebot.Appointment, error) {
	var a carebot.Appointment
	err := d.view(ctx, func(tx *bbolt.Tx) error {
		as, err := appointmentsOf(tx)
		if err != nil {
			return err
		}
		v := as.ids.Get([]byte(id))
		if v == nil {
			return carebot.ErrNotFound
		}
		a, err = d.readAppointment(tx, []byte(id), v)
		return err
	})
	if err != nil {
		return carebot.Appointment{}, fmt.Errorf("read appointment: %w", err)
	}
	return a, nil
}

// AppointmentsOf implements reminders.AppointmentStore: one prefix scan of
// the person's index entries, then earliest first (then by ID).
func (d *DB) AppointmentsOf(ctx context.Context, user string) ([]carebot.Appointment, error) {
	var list []carebot.Appointment
	err := d.view(ctx, func(tx *bbolt.Tx) error {
		as, err := appointmentsOf(tx)
		if err != nil {
			return err
		}
		uid := d.uid(user)
		c := as.people.Cursor()
		for k, _ := c.Seek(uid); k != nil && bytes.HasPrefix(k, uid); k, _ = c.Next() {
			id := k[len(uid):]
			v := as.ids.Get(id)
			if v == nil {
				return fmt.Errorf("%w: an index entry names appointment %q, which is missing", ErrCorrupt, id)
			}
			a, err := d.readAppointment(tx, id, v)
			if err != nil {
				return err
			}
			if a.User != user {
				return fmt.Errorf("%w: appointment %q is indexed under another person", ErrCorrupt, id)
			}
			list = append(list, a)
		}
		return nil
	})
	if err != nil {
		return nil, fmt.Errorf("read appointments of a user: %w", err)
	}
	sort.Slice(list, func(i, j int) bool {
		if !list[i].At.Equal(list[j].At) {
			return list[i].At.Before(list[j].At)
		}
		return list[i].ID < list[j].ID
	})
	return list, nil
}

// Appointments implements reminders.AppointmentStore, in ID order, a page
// per read transaction with fn called outside them (see scan).
func (d *DB) Appointments(ctx context.Context, fn func(carebot.Appointment) error) error {
	return scan(ctx, d, "read appointments", []string{bucketAppointments, appointmentIDs}, nil, d.readAppointment, fn)
}

// forgetAppointments removes every appointment of the person uid.
func forgetAppointments(tx *bbolt.Tx, uid []byte, f *carebot.Forgotten) (bool, error) {
	as, err := appointmentsOf(tx)
	if err != nil {
		return false, err
	}
	f.Appointments, err = forgetOwned(as.people, uid, as.remove)
	return f.Appointments > 0, err
}
