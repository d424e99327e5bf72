package reminderstest

import (
	"context"
	"errors"
	"fmt"
	"math/rand/v2"
	"reflect"
	"sort"
	"sync"
	"testing"
	"time"

	"github.com/carebot/carebot"
	"github.com/carebot/carebot/reminders"
)

func testAppointments(t *testing.T, s reminders.Store) {
	ctx := context.Background()
	if _, err := s.Appointment(ctx, "nope"); !errors.Is(err, carebot.ErrNotFound) {
		t.Errorf("Appointment of an unknown ID: got %v, want ErrNotFound", err)
	}
	a := carebot.Appointment{ID: "A1", User: "telegram:1", At: t0.Add(72 * time.Hour), TimeZone: "America/Chicago",
		Location: "Main St", Status: carebot.AppointmentBooked, Updated: t0,
		To: carebot.Address{Platform: "telegram", ChatID: "1", UserID: "1"}}
	if err := s.PutAppointment(ctx, a, "appt/A1/", item("appt/A1/24h", t0), item("appt/A1/2h", t0.Add(time.Hour))); err != nil {
		t.Fatal(err)
	}
	mustSchedule(t, s, item("appt/A10/2h", t0))
	got, err := s.Appointment(ctx, "A1")
	if err != nil || !got.At.Equal(a.At) || got.Location != a.Location || got.To != a.To || got.Status != a.Status {
		t.Errorf("Appointment(A1): got %+v, %v; want %+v", got, err, a)
	}
	moved := a
	moved.At = a.At.Add(24 * time.Hour)
	moved.Response, moved.RespondedAt = carebot.ResponseReschedule, t0
	moved.StaffCancelled = t0.Add(time.Minute)
	if err := s.PutAppointment(ctx, moved, "appt/A1/", item("appt/A1/72h", t0)); err != nil {
		t.Fatal(err)
	}
	if got, want := ids(collect(t, s, "appt/")), []string{"appt/A1/72h", "appt/A10/2h"}; !reflect.DeepEqual(got, want) {
		t.Errorf("after moving A1: items %v, want %v", got, want)
	}
	got, _ = s.Appointment(ctx, "A1")
	if !got.At.Equal(moved.At) || got.Response != carebot.ResponseReschedule || !got.RespondedAt.Equal(t0) || !got.StaffCancelled.Equal(moved.StaffCancelled) {
		t.Errorf("moved appointment: got %+v", got)
	}
	early := carebot.Appointment{ID: "B", User: "telegram:1", At: t0, Status: carebot.AppointmentBooked}
	other := carebot.Appointment{ID: "C", User: "telegram:2", At: t0, Status: carebot.AppointmentBooked}
	for _, x := range []carebot.Appointment{early, other} {
		if err := s.PutAppointment(ctx, x, ""); err != nil {
			t.Fatal(err)
		}
	}
	of, err := s.AppointmentsOf(ctx, "telegram:1")
	if err != nil || len(of) != 2 || of[0].ID != "B" || of[1].ID != "A1" {
		t.Errorf("AppointmentsOf: got %+v, %v; want B then A1", of, err)
	}
	var all []string
	s.Appointments(ctx, func(a carebot.Appointment) error { all = append(all, a.ID); return nil })
	if want := []string{"A1", "B", "C"}; !reflect.DeepEqual(all, want) {
		t.Errorf("Appointments: got %v, want %v", all, want)
	}
	if err := s.PutAppointment(ctx, carebot.Appointment{}, ""); err == nil {
		t.Error("PutAppointment without ID: got nil error")
	}
}

// PutAppointments stores a batch as PutAppointment stores each one: an
// appointment moved in it loses its old reminders, the others keep
// theirs; and a batch with one put the store refuses stores none of it.
func testPutAppointments(t *testing.T, s reminders.Store) {
	ctx := context.Background()
	booked := func(id, user string, at time.Time) carebot.Appointment {
		return carebot.Appointment{ID: id, User: user, At: at, Status: carebot.AppointmentBooked, Updated: t0}
	}
	if err := s.PutAppointment(ctx, booked("A1", "telegram:1", t0.Add(72*time.Hour)), "appt/A1/", item("appt/A1/24h", t0)); err != nil {
		t.Fatal(err)
	}
	mustSchedule(t, s, item("appt/A10/2h", t0))
	if err := s.PutAppointments(ctx); err != nil {
		t.Errorf("PutAppointments of none: %v", err)
	}
	err := s.PutAppointments(ctx,
		carebot.AppointmentPut{Appointment: booked("A1", "telegram:1", t0.Add(96*time.Hour)), Replace: "appt/A1/",
			Items: []carebot.OutboxItem{item("appt/A1/72h", t0.Add(time.Hour))}},
		carebot.AppointmentPut{Appointment: booked("A2", "telegram:2", t0.Add(48*time.Hour)), Replace: "appt/A2/",
			Items: []carebot.OutboxItem{item("appt/A2/24h", t0), item("appt/A2/2h", t0.Add(time.Hour))}},
		carebot.AppointmentPut{Appointment: booked("A3", "telegram:1", t0.Add(24*time.Hour)), Replace: "appt/A3/"},
	)
	if err != nil {
		t.Fatal(err)
	}
	if got, want := ids(collect(t, s, "appt/")), []string{"appt/A1/72h", "appt/A10/2h", "appt/A2/24h", "appt/A2/2h"}; !reflect.DeepEqual(got, want) {
		t.Errorf("after the batch: items %v, want %v", got, want)
	}
	of, err := s.AppointmentsOf(ctx, "telegram:1")
	if err != nil || len(of) != 2 || of[0].ID != "A3" || of[1].ID != "A1" || !of[1].At.Equal(t0.Add(96*time.Hour)) {
		t.Errorf("AppointmentsOf(telegram:1): got %+v, %v; want A3, then A1 moved", of, err)
	}

	err = s.PutAppointments(ctx,
		carebot.AppointmentPut{Appointment: booked("A4", "telegram:4", t0), Replace: "appt/A4/", Items: []carebot.OutboxItem{item("appt/A4/2h", t0)}},
		carebot.AppointmentPut{Appointment: booked("A1", "telegram:1", t0), Replace: "appt/A1/", Items: []carebot.OutboxItem{{ID: "appt/A1/bad"}}},
	)
	if err == nil {
		t.Fatal("PutAppointments with an item without due time: got nil error")
	}
	if _, err := s.Appointment(ctx, "A4"); !errors.Is(err, carebot.ErrNotFound) {
		t.Errorf("A4 of a refused batch: got %v, want ErrNotFound", err)
	}
	if got, _ := s.Appointment(ctx, "A1"); !got.At.Equal(t0.Add(96 * time.Hour)) {
		t.Errorf("A1 after a refused batch: got %+v, want it unchanged", got)
	}
	if got, want := ids(collect(t, s, "appt/")), []string{"appt/A1/72h", "appt/A10/2h", "appt/A2/24h", "appt/A2/2h"}; !reflect.DeepEqual(got, want) {
		t.Errorf("after a refused batch: items %v, want %v", got, want)
	}
}

func testReachability(t *testing.T, s reminders.Store) {
	ctx := context.Background()
	if got, err := s.Unreachable(ctx, "u"); err != nil || !got.IsZero() {
		t.Fatalf("Unreachable of someone never marked: got %v, %v; want zero, nil", got, err)
	}
	if err := s.SetUnreachable(ctx, "u", t0); err != nil {
		t.Fatal(err)
	}
	if got, _ := s.Unreachable(ctx, "u"); !got.Equal(t0) {
		t.Errorf("Unreachable after marking: got %v, want %v", got, t0)
	}
	if got, _ := s.Unreachable(ctx, "v"); !got.IsZero() {
		t.Errorf("marking u marked v: %v", got)
	}
	s.SetUnreachable(ctx, "u", time.Time{})
	if got, _ := s.Unreachable(ctx, "u"); !got.IsZero() {
		t.Errorf("Unreachable after clearing: got %v, want zero", got)
	}
}

func testManyItemsDrainInOrder(t *testing.T, s reminders.Store) {
	const n = 5000
	rng := rand.New(rand.NewPCG(1, 2))
	var batch []carebot.OutboxItem
	for i := range n {
		batch = append(batch, item(fmt.Sprintf("m/%05d", i), t0.Add(time.Duration(rng.IntN(3600))*time.Second)))
	}
	mustSchedule(t, s, batch...)
	var got []carebot.OutboxItem
	for now := t0; now.Before(t0.Add(time.Hour)); now = now.Add(7 * time.Minute) {
		for {
			c := mustClaim(t, s, now, 256)
			if len(c) == 0 {
				break
			}
			var done []carebot.OutboxDone
			for _, it := range c {
				if it.Due.After(now) {
					t.Fatalf("claimed %s due %v at %v", it.ID, it.Due, now)
				}
				done = append(done, carebot.OutboxDone{ID: it.ID, Seq: it.Seq})
			}
			mustFinish(t, s, done...)
			got = append(got, c...)
		}
	}
	got = append(got, mustClaim(t, s, t0.Add(2*time.Hour), n)...)
	if len(got) != n {
		t.Fatalf("drained %d items, want %d", len(got), n)
	}
	seen := map[string]bool{}
	for _, it := range got {
		if seen[it.ID] {
			t.Fatalf("%s claimed twice", it.ID)
		}
		seen[it.ID] = true
	}
	if !sort.SliceIsSorted(got, func(i, j int) bool { return got[i].Due.Before(got[j].Due) }) {
		t.Error("items were not claimed in due order")
	}
}

func testConcurrentUse(t *testing.T, s reminders.Store) {
	ctx := context.Background()
	var wg sync.WaitGroup
	var mu sync.Mutex
	claimed := map[string]int{}
	for w := range 4 {
		wg.Add(2)
		go func() {
			defer wg.Done()
			for i := range 200 {
				if err := s.Schedule(ctx, item(fmt.Sprintf("w%d/%03d", w, i), t0)); err != nil {
					t.Error(err)
					return
				}
			}
		}()
		go func() {
			defer wg.Done()
			for range 400 {
				c, err := s.Claim(ctx, t0, 8)
				if err != nil {
					t.Error(err)
					return
				}
				var done []carebot.OutboxDone
				mu.Lock()
				for _, it := range c {
					claimed[it.ID]++
					done = append(done, carebot.OutboxDone{ID: it.ID, Seq: it.Seq})
				}
				mu.Unlock()
				if err := s.Finish(ctx, done...); err != nil {
					t.Error(err)
					return
				}
			}
		}()
	}
	wg.Wait()
	for _, it := range mustClaim(t, s, t0, 1000) {
		claimed[it.ID]++
	}
	if len(claimed) != 800 {
		t.Errorf("claimed %d distinct items, want 800", len(claimed))
	}
	for id, n := range claimed {
		if n != 1 {
			t.Errorf("%s claimed %d times, want once", id, n)
		}
	}
}

func testCancelledContext(t *testing.T, s reminders.Store) {
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	if err := s.Schedule(ctx, item("a", t0)); err == nil {
		t.Error("Schedule with a cancelled context: got nil error")
	}
	if _, err := s.Claim(ctx, t0, 1); err == nil {
		t.Error("Claim with a cancelled context: got nil error")
	}
}
