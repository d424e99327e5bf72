package reminderstest

import (
	"context"
	"errors"
	"fmt"
	"sort"
	"time"

	"github.com/carebot/carebot"
)

// PutAppointment implements reminders.AppointmentStore.
func (s *MemStore) PutAppointment(ctx context.Context, a carebot.Appointment, replace string, items ...carebot.OutboxItem) error {
	if err := s.PutAppointments(ctx, carebot.AppointmentPut{Appointment: a, Replace: replace, Items: items}); err != nil {
		return fmt.Errorf("put appointment: %w", err)
	}
	return nil
}

// PutAppointments implements reminders.AppointmentStore: every put is
// checked before the first is stored.
func (s *MemStore) PutAppointments(ctx context.Context, puts ...carebot.AppointmentPut) error {
	if err := ctx.Err(); err != nil {
		return err
	}
	for _, p := range puts {
		if p.Appointment.ID == "" {
			return errors.New("put appointments: empty ID")
		}
		for _, it := range p.Items {
			if err := checkItem(it); err != nil {
				return fmt.Errorf("put appointments: appointment %q: %w", p.Appointment.ID, err)
			}
		}
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	for _, p := range puts {
		s.appts[p.Appointment.ID] = p.Appointment
		if p.Replace != "" {
			s.cancel(p.Replace)
		}
		for _, it := range p.Items {
			s.put(it)
		}
	}
	return nil
}

// Appointment implements reminders.AppointmentStore.
func (s *MemStore) Appointment(ctx context.Context, id string) (carebot.Appointment, error) {
	if err := ctx.Err(); err != nil {
		return carebot.Appointment{}, err
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	a, ok := s.appts[id]
	if !ok {
		return carebot.Appointment{}, fmt.Errorf("appointment: %w", carebot.ErrNotFound)
	}
	return a, nil
}

// AppointmentsOf implements reminders.AppointmentStore.
func (s *MemStore) AppointmentsOf(ctx context.Context, user string) ([]carebot.Appointment, error) {
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	s.mu.Lock()
	var out []carebot.Appointment
	for _, a := range s.appts {
		if a.User == user {
			out = append(out, a)
		}
	}
	s.mu.Unlock()
	sort.Slice(out, func(i, j int) bool {
		if !out[i].At.Equal(out[j].At) {
			return out[i].At.Before(out[j].At)
		}
		return out[i].ID < out[j].ID
	})
	return out, nil
}

// Appointments implements reminders.AppointmentStore.
func (s *MemStore) Appointments(ctx context.Context, fn func(carebot.Appointment) error) error {
	if err := ctx.Err(); err != nil {
		return err
	}
	s.mu.Lock()
	list := make([]carebot.Appointment, 0, len(s.appts))
	for _, a := range s.appts {
		list = append(list, a)
	}
	s.mu.Unlock()
	sort.Slice(list, func(i, j int) bool { return list[i].ID < list[j].ID })
	for _, a := range list {
		if err := fn(a); err != nil {
			return err
		}
	}
	return nil
}

// SetUnreachable implements reminders.Reachability.
func (s *MemStore) SetUnreachable(ctx context.Context, user string, since time.Time) error {
	if err := ctx.Err(); err != nil {
		return err
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	if since.IsZero() {
		delete(s.unreach, user)
	} else {
		s.unreach[user] = since
	}
	return nil
}

// Unreachable implements reminders.Reachability.
func (s *MemStore) Unreachable(ctx context.Context, user string) (time.Time, error) {
	if err := ctx.Err(); err != nil {
		return time.Time{}, err
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.unreach[user], nil
}
