package bolt

import (
	"fmt"
	"os"
	"testing"
	"time"

	"github.com/carebot/carebot"
)

// One consent change as the engine makes it: one event, committed and
// fsync'd before the call returns. The figure is mostly the disk's fsync.
func BenchmarkRecordConsent(b *testing.B) {
	d, _ := openTemp(b)
	actions := []carebot.ConsentAction{carebot.OptIn, carebot.OptOut}
	i := 0
	for b.Loop() {
		e := carebot.ConsentEvent{User: fmt.Sprintf("telegram:%d", i%1000), Purpose: carebot.PurposeAwareness,
			Action: actions[i%2], Method: "keyword:STOP", Wording: "v1", At: t0}
		if err := d.RecordConsent(b.Context(), e); err != nil {
			b.Fatal(err)
		}
		i++
	}
}

// fill stores n people, each with a user record and an awareness opt-in,
// in a few large transactions.
func fill(b *testing.B, d *DB, n int) {
	b.Helper()
	const batch = 10_000
	for start := 0; start < n; start += batch {
		var evs []carebot.ConsentEvent
		for i := start; i < min(n, start+batch); i++ {
			evs = append(evs, optIn(fmt.Sprintf("telegram:%d", i), carebot.PurposeAwareness))
		}
		if err := d.RecordConsent(b.Context(), evs...); err != nil {
			b.Fatal(err)
		}
	}
	for i := range min(n, 10_000) {
		u := carebot.User{Key: fmt.Sprintf("telegram:%d", i), Lang: "es", TimeZone: "America/Chicago", Created: t0}
		if err := d.PutUser(b.Context(), u); err != nil {
			b.Fatal(err)
		}
	}
}

func BenchmarkUser(b *testing.B) {
	d, _ := openTemp(b)
	fill(b, d, 10_000)
	i := 0
	for b.Loop() {
		if _, err := d.User(b.Context(), fmt.Sprintf("telegram:%d", i%10_000)); err != nil {
			b.Fatal(err)
		}
		i += 7919
	}
}

// Consent is what the dispatcher asks for each recipient at send time.
func BenchmarkConsent(b *testing.B) {
	d, _ := openTemp(b)
	fill(b, d, 10_000)
	i := 0
	for b.Loop() {
		st, err := d.Consent(b.Context(), fmt.Sprintf("telegram:%d", i%10_000))
		if err != nil || !st[carebot.PurposeAwareness].OptedIn {
			b.Fatal(st, err)
		}
		i += 7919
	}
}

// A broadcast resolving its audience: every one of 100,000 opted-in people.
func BenchmarkOptedIn100k(b *testing.B) {
	const n = 100_000
	d, _ := openTemp(b)
	fill(b, d, n)
	for b.Loop() {
		got := 0
		if err := d.OptedIn(b.Context(), carebot.PurposeAwareness, func(string) error { got++; return nil }); err != nil {
			b.Fatal(err)
		}
		if got != n {
			b.Fatalf("visited %d, want %d", got, n)
		}
	}
}

// Storing appointments with their three reminders, batch to a transaction
// (go test ./bolt -run '^$' -bench PutAppointments). The time per
// appointment is mostly the commit's two fsyncs shared by the batch.
func BenchmarkPutAppointments(b *testing.B) {
	for _, batch := range []int{1, 100, 1000, 5000} {
		b.Run(fmt.Sprint("batch=", batch), func(b *testing.B) {
			d, _ := openTemp(b)
			n := 0
			for b.Loop() {
				puts := make([]carebot.AppointmentPut, batch)
				for i := range puts {
					id := fmt.Sprintf("Z-%d", n)
					user := fmt.Sprintf("telegram:%d", n)
					at := t0.Add(time.Duration(n%(28*24)) * time.Hour)
					puts[i] = carebot.AppointmentPut{Appointment: carebot.Appointment{ID: id, User: user, At: at,
						TimeZone: "America/New_York", Location: "Main Street", Status: carebot.AppointmentBooked, Updated: t0},
						Replace: "appt/" + id + "/"}
					for _, h := range []int{72, 24, 2} {
						puts[i].Items = append(puts[i].Items, outItem(fmt.Sprintf("appt/%s/%dh", id, h), user, at.Add(-time.Duration(h)*time.Hour)))
					}
					n++
				}
				if err := d.PutAppointments(b.Context(), puts...); err != nil {
					b.Fatal(err)
				}
			}
			b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(n), "ns/appointment")
		})
	}
}

// Scrub rewrites the whole file with its live data, holding the store
// alone: every other call waits until it is done. Here a clinic of
// 100,000 patients (each opted in, 10,000 with a user record), 200,000
// reminders waiting and 200,000 delivery records.
//
//	go test ./bolt/ -run '^$' -bench 'Scrub' -benchtime 5x
func BenchmarkScrub(b *testing.B) {
	d, path := openTemp(b)
	fill(b, d, 100_000)
	for start := 0; start < 200_000; start += 10_000 {
		var items []carebot.OutboxItem
		var done []carebot.OutboxDone
		for i := start; i < start+10_000; i++ {
			user := fmt.Sprintf("telegram:%d", i/2)
			id := fmt.Sprintf("appt/A%06d/%d", i/2, i%2)
			items = append(items, carebot.OutboxItem{ID: id, Kind: carebot.KindAppointment, Due: t0.Add(time.Duration(i) * time.Minute), User: user})
			done = append(done, carebot.OutboxDone{ID: "old", Outcome: &carebot.Outcome{ID: "bcast/" + id, User: user, Result: carebot.ResultSent, At: t0}})
		}
		if err := d.Schedule(b.Context(), items...); err != nil {
			b.Fatal(err)
		}
		if err := d.Finish(b.Context(), done...); err != nil {
			b.Fatal(err)
		}
	}
	if _, err := d.Forget(b.Context(), "telegram:1"); err != nil {
		b.Fatal(err)
	}
	for b.Loop() {
		if err := d.Scrub(b.Context()); err != nil {
			b.Fatal(err)
		}
	}
	if fi, err := os.Stat(path); err == nil {
		b.ReportMetric(float64(fi.Size())/(1<<20), "file-MB")
	}
}
