package bolt

import (
	"errors"
	"fmt"
	"reflect"
	"testing"
	"time"

	"go.etcd.io/bbolt"

	"github.com/carebot/carebot"
)

// Items reads in pages, so a listing larger than one visits everything
// once, and fn may write to the store.
func TestItemsPagesAndCallbacksMayWrite(t *testing.T) {
	d, _ := openTemp(t)
	n := 2*scanPage + 7
	var items []carebot.OutboxItem
	for i := range n {
		items = append(items, outItem(fmt.Sprintf("bcast/b1/%04d", i), fmt.Sprintf("telegram:%d", i), t0))
	}
	if err := d.Schedule(t.Context(), items...); err != nil {
		t.Fatal(err)
	}
	seen := map[string]int{}
	err := d.Items(t.Context(), "bcast/b1/", func(it carebot.OutboxItem) error {
		seen[it.ID]++
		if len(seen)%100 == 0 { // a caller recording as it reads
			return d.Schedule(t.Context(), outItem("bcast/b2/"+it.ID, "", t0))
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	if len(seen) != n {
		t.Errorf("visited %d items, want %d", len(seen), n)
	}
	for id, c := range seen {
		if c != 1 {
			t.Errorf("%s visited %d times", id, c)
		}
	}
	if got := len(itemIDs(t, d)); got != n+n/100 {
		t.Errorf("the outbox holds %d items, want %d", got, n+n/100)
	}
}

// The due index orders by instant across the Unix epoch and the zones.
func TestClaimOrderAcrossEpochAndZones(t *testing.T) {
	d, _ := openTemp(t)
	sydney, _ := time.LoadLocation("Australia/Sydney")
	dues := map[string]time.Time{
		"a-2200":  time.Date(2200, 1, 1, 0, 0, 0, 0, time.UTC),
		"b-1969":  time.Date(1969, 7, 20, 20, 17, 0, 0, time.UTC),
		"c-epoch": time.Unix(0, 0),
		"d-syd":   t0.In(sydney),
		"e-utc":   t0.Add(time.Nanosecond),
	}
	for id, due := range dues {
		if err := d.Schedule(t.Context(), outItem(id, "", due)); err != nil {
			t.Fatal(err)
		}
	}
	if due, _, _ := d.NextDue(t.Context()); !due.Equal(dues["b-1969"]) {
		t.Errorf("NextDue: got %v, want %v", due, dues["b-1969"])
	}
	got, err := d.Claim(t.Context(), time.Date(3000, 1, 1, 0, 0, 0, 0, time.UTC), 10)
	if err != nil {
		t.Fatal(err)
	}
	var ids []string
	for _, it := range got {
		ids = append(ids, it.ID)
		if !it.Due.Equal(dues[it.ID]) {
			t.Errorf("%s: due %v, want %v", it.ID, it.Due, dues[it.ID])
		}
	}
	if want := []string{"b-1969", "c-epoch", "d-syd", "e-utc", "a-2200"}; !reflect.DeepEqual(ids, want) {
		t.Errorf("claimed %v, want %v", ids, want)
	}
	if err := d.Schedule(t.Context(), outItem("far", "", time.Date(2300, 1, 1, 0, 0, 0, 0, time.UTC))); err == nil {
		t.Error("Schedule of a due time past 2262: got nil error, want out of range")
	}
}

// Moving an appointment to another person moves it in the per-person
// index; a bad reminder in PutAppointment stores nothing at all.
func TestAppointmentOwnerAndAtomicity(t *testing.T) {
	d, _ := openTemp(t)
	ctx := t.Context()
	a := carebot.Appointment{ID: "A/1", User: "telegram:1", At: t0, Status: carebot.AppointmentBooked}
	if err := d.PutAppointment(ctx, a, "appt/A%2F1/", outItem("appt/A%2F1/2h", a.User, t0)); err != nil {
		t.Fatal(err)
	}
	a.User = "telegram:2"
	if err := d.PutAppointment(ctx, a, "appt/A%2F1/", outItem("appt/A%2F1/2h", a.User, t0)); err != nil {
		t.Fatal(err)
	}
	for _, tt := range []struct {
		user string
		want int
	}{{"telegram:1", 0}, {"telegram:2", 1}} {
		if of, err := d.AppointmentsOf(ctx, tt.user); len(of) != tt.want || err != nil {
			t.Errorf("AppointmentsOf(%s): got %d, %v; want %d", tt.user, len(of), err, tt.want)
		}
	}
	moved := a
	moved.At = t0.Add(time.Hour)
	err := d.PutAppointment(ctx, moved, "appt/A%2F1/", outItem("appt/A%2F1/2h", a.User, t0), carebot.OutboxItem{ID: "appt/A%2F1/bad"})
	if err == nil {
		t.Fatal("PutAppointment with an item without due time: got nil error")
	}
	got, err := d.Appointment(ctx, "A/1")
	if err != nil || !got.At.Equal(t0) {
		t.Errorf("after a rejected put: got %+v, %v; want the appointment unchanged", got, err)
	}
	if ids := itemIDs(t, d); !reflect.DeepEqual(ids, []string{"appt/A%2F1/2h"}) {
		t.Errorf("after a rejected put: items %v, want the old reminder", ids)
	}
	if _, err := d.Appointment(ctx, "A/2"); !errors.Is(err, carebot.ErrNotFound) {
		t.Errorf("unknown appointment: got %v, want ErrNotFound", err)
	}
}

// A dispatcher woken early claims nothing, often: that must not cost a
// commit (two fsyncs). Nor do a Recover or Cancel with nothing to do.
func TestNothingToDoCommitsNothing(t *testing.T) {
	d, _ := openTemp(t)
	if err := d.Schedule(t.Context(), outItem("later", "", t0.Add(time.Hour))); err != nil {
		t.Fatal(err)
	}
	txid := func() int {
		var id int
		d.view(t.Context(), func(tx *bbolt.Tx) error { id = tx.ID(); return nil })
		return id
	}
	before := txid()
	if got, err := d.Claim(t.Context(), t0, 10); len(got) != 0 || err != nil {
		t.Fatalf("Claim before anything is due: got %v, %v", got, err)
	}
	if n, err := d.Recover(t.Context()); n != 0 || err != nil {
		t.Fatalf("Recover: got %d, %v", n, err)
	}
	if n, err := d.Cancel(t.Context(), "nothing/"); n != 0 || err != nil {
		t.Fatalf("Cancel: got %d, %v", n, err)
	}
	if after := txid(); after != before {
		t.Errorf("calls with nothing to do committed %d transactions, want none", after-before)
	}
	if got, _ := d.Claim(t.Context(), t0.Add(time.Hour), 10); len(got) != 1 || txid() != before+1 {
		t.Errorf("a Claim that takes something: got %d items, %d commits; want 1 and 1", len(got), txid()-before)
	}
}
