package reminders_test

import (
	"context"
	"testing"
	"testing/synctest"
	"time"

	"github.com/carebot/carebot"
	"github.com/carebot/carebot/reminders"
)

// A reminder staff add goes out at its time to a patient opted in to
// appointment reminders, and to nobody who is not.
func TestStaffReminder(t *testing.T) {
	synctest.Test(t, func(t *testing.T) {
		start := time.Date(2026, 11, 25, 9, 0, 0, 0, time.UTC)
		h := newHarness(start)
		h.person("chat:in", "UTC", "en", carebot.PurposeAppointments)
		h.person("chat:out", "UTC", "en")
		p := reminders.NewPatients(h.store, h.people, nil)
		p.Clock, p.Wake = h.clock, h.d.Notify
		ctx := context.Background()
		at := start.Add(2 * time.Hour)
		for _, user := range []string{"chat:in", "chat:out"} {
			if _, err := p.Add(ctx, user, carebot.Address{}, at, "Your lab results are in the portal."); err != nil {
				t.Fatal(err)
			}
		}
		if _, err := p.Add(ctx, "chat:in", carebot.Address{}, start.Add(-time.Minute), "late"); err == nil {
			t.Error("a reminder in the past was accepted")
		}
		for _, text := range []string{"", " ", "\t\n  "} {
			if _, err := p.Add(ctx, "chat:in", carebot.Address{}, at, text); err == nil {
				t.Errorf("reminder %q: got no error, want the blank text refused", text)
			}
		}
		stop := h.start(t)
		h.runUntil(at.Add(time.Minute))
		stop()
		got := h.sender.all()
		if len(got) != 1 || got[0].To.ChatID != "dm-chat:in" || got[0].At.Before(at) {
			t.Fatalf("sent %+v, want one message to the opted-in patient at %s", got, at)
		}
		outs := h.outcomes(t, "self/")
		results := map[carebot.Result]int{}
		for _, o := range outs {
			results[o.Result]++
		}
		if results[carebot.ResultSent] != 1 || results[carebot.ResultOptedOut] != 1 {
			t.Errorf("outcomes %v, want one sent and one skipped as opted out", results)
		}
	})
}

// QA: a reminder staff added for 9:00 on the clinic's clock moved to
// 2:00 PM when the patient then said "my time zone is New York" (its
// clock time had been kept in UTC). It names an instant: a change of
// zone, and a pause and resume, keep it.
func TestStaffReminderKeepsItsInstant(t *testing.T) {
	h := newHarness(wed10(t))
	c := newChat(t, h, "", "en") // no zone of their own: the clinic's, Chicago
	chi := mustZone(t, "America/Chicago")
	at := time.Date(2026, 12, 1, 9, 0, 0, 0, chi)
	if _, err := c.p.Add(context.Background(), c.u, carebot.Address{}, at, "Your telehealth call"); err != nil {
		t.Fatal(err)
	}
	c.expect("list my reminders", "1. Tuesday, December 1 at 9:00 AM: Your telehealth call")
	c.say("my time zone is Chicago")
	c.expect("list my reminders", "1. Tuesday, December 1 at 9:00 AM: Your telehealth call")
	c.say("my time zone is New York")
	c.expect("list my reminders", "1. Tuesday, December 1 at 10:00 AM: Your telehealth call")
	c.expect("pause reminders until monday", "paused until Monday, November 30")
	c.expect("resume", "None of your reminders is on hold") // the pause ended before it
	c.expect("list my reminders", "1. Tuesday, December 1 at 10:00 AM: Your telehealth call")
	var due time.Time
	h.store.Items(context.Background(), reminders.PatientPrefix(nil, c.u), func(it carebot.OutboxItem) error {
		due = it.Due
		return nil
	})
	if !due.Equal(at) {
		t.Errorf("due %s, want %s", due, at)
	}
}
