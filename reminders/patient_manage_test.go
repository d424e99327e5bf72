package reminders_test

import (
	"context"
	"fmt"
	"sort"
	"strings"
	"testing"
	"testing/synctest"
	"time"

	"github.com/carebot/carebot"
	"github.com/carebot/carebot/reminders"
)

// A pause never carries a reminder of an appointment past the appointment:
// one that would come only after it is deleted, and the patient told how
// many; one that still comes before it waits for the pause to end.
func TestPatientsPauseNeverSendsAppointmentRemindersLate(t *testing.T) {
	synctest.Test(t, func(t *testing.T) {
		chicago := mustZone(t, "America/Chicago")
		h := newHarness(wed10(t)) // Wednesday, November 25
		c := newChat(t, h, "America/Chicago", "en")
		// A minute apart, so that the list's order of reminders due at the
		// same time (the order they were made) is known.
		c.expect("remind me about my appointment friday 3pm", "Thursday, November 26 at 3:00 PM and on Friday, November 27 at 1:00 PM")
		h.clock.Set(h.clock.Now().Add(time.Minute))
		c.expect("remind me about my appointment on monday at 3pm", "Sunday, November 29 at 3:00 PM and on Monday, November 30 at 1:00 PM")
		h.clock.Set(h.clock.Now().Add(time.Minute))
		c.expect("remind me to call the pharmacy saturday at 10am", "Saturday, November 28 at 10:00 AM")
		c.expect("pause reminders until monday",
			"paused until Monday, November 30 at 9:00 AM",
			" 2 one-time reminders in that time will come then.",
			" 2 appointment reminders would only have come after the appointment, so I deleted them.")
		list := c.say("list my reminders")
		for _, want := range []string{
			"1. Monday, November 30 at 9:00 AM: your appointment on Monday, November 30 at 3:00 PM",
			"2. Monday, November 30 at 9:00 AM: call the pharmacy",
			"3. Monday, November 30 at 1:00 PM: your appointment on Monday, November 30 at 3:00 PM",
		} {
			if !strings.Contains(list, want) {
				t.Errorf("list lacks %q:\n%s", want, list)
			}
		}
		if strings.Contains(list, "Friday") || strings.Count(list, "\n") != 4 {
			t.Errorf("list after the pause still has a reminder of Friday's appointment, or more:\n%s", list)
		}
		h.store.Items(context.Background(), reminders.PatientPrefix(nil, "chat:p"), func(it carebot.OutboxItem) error {
			if !it.Slot.IsZero() && it.Expires.After(it.Slot) {
				t.Errorf("an appointment reminder due %s may still go out after its appointment (expires %s, visit %s)", it.Due, it.Expires, it.Slot)
			}
			return nil
		})
		stop := h.start(t)
		defer stop()
		h.runUntil(time.Date(2026, 12, 1, 0, 0, 0, 0, chicago))
		var got []string
		for _, s := range h.sender.all() {
			got = append(got, s.At.In(chicago).Format("Mon 15:04")+" "+s.Text)
		}
		sort.Strings(got) // sent concurrently
		want := []string{
			"Mon 09:00 ⏰ Reminder: call the pharmacy",
			"Mon 09:00 ⏰ Reminder: your appointment on Monday, November 30 at 3:00 PM",
			"Mon 13:00 ⏰ Reminder: your appointment on Monday, November 30 at 3:00 PM",
		}
		if strings.Join(got, "\n") != strings.Join(want, "\n") {
			t.Errorf("sent:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
		}
	})
}

// A pause holds the reminders the patient set, not the clinic's reminders
// of their appointments: when one of those still comes during the pause,
// the confirmation says so.
func TestPatientsPauseSaysTheClinicsRemindersStillCome(t *testing.T) {
	const note = "The clinic's own reminders of your appointments still come."
	tests := []struct {
		name     string
		optedIn  bool
		cancel   bool
		pause    string
		wantNote bool
	}{
		{"a clinic reminder falls in the pause", true, false, "pause reminders until monday", true},
		{"none falls in the pause", true, false, "pause reminders until tomorrow at 9am", false},
		{"not opted in: none will come", false, false, "pause reminders until monday", false},
		{"the appointment is cancelled", true, true, "pause reminders until monday", false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			ctx := context.Background()
			h := newHarness(wed10(t))
			c := newChat(t, h, "America/New_York", "en")
			c.p.Consents = h.people
			if tt.optedIn {
				h.people.SetConsent("chat:p", carebot.PurposeAppointments, true, h.clock.Now())
			}
			as := appointments(h)
			// Friday 3 pm: its reminders are due Thursday 3 pm and Friday 1 pm.
			as.Import(ctx, carebot.Appointment{ID: "A1", User: "chat:p", At: time.Date(2026, 11, 27, 15, 0, 0, 0, mustZone(t, "America/New_York"))})
			if tt.cancel {
				as.Cancel(ctx, "A1")
			}
			got := c.say(tt.pause)
			if !strings.Contains(got, "paused until") || strings.Contains(got, note) != tt.wantNote {
				t.Errorf("%q: %q; want the clinic's reminders mentioned: %v", tt.pause, got, tt.wantNote)
			}
		})
	}
}

// A snooze never carries a reminder of an appointment past the
// appointment: the patient is told, and the reminder stays as it was.
func TestPatientsSnoozeNeverPassesTheAppointment(t *testing.T) {
	synctest.Test(t, func(t *testing.T) {
		chicago := mustZone(t, "America/Chicago")
		h := newHarness(wed10(t)) // Wednesday, November 25
		c := newChat(t, h, "America/Chicago", "en")
		c.expect("remind me about my appointment thursday 3pm", "Wednesday, November 25 at 3:00 PM and on Thursday, November 26 at 1:00 PM")
		stop := h.start(t)
		defer stop()
		h.runUntil(time.Date(2026, 11, 26, 13, 5, 0, 0, chicago)) // both sent
		if n := len(h.sender.all()); n != 2 {
			t.Fatalf("sent %d reminders, want 2", n)
		}
		c.expect("snooze 3 hours", "after your appointment on Thursday, November 26 at 3:00 PM, so I didn't snooze it")
		if list := c.say("list my reminders"); strings.Contains(list, "Thursday, November 26 at 4:05 PM") {
			t.Errorf("the refused snooze made a reminder:\n%s", list)
		}
		c.expect("snooze 1h", "again on Thursday, November 26 at 2:05 PM")
		var late []string
		h.store.Items(context.Background(), reminders.PatientPrefix(nil, "chat:p"), func(it carebot.OutboxItem) error {
			if !it.Slot.IsZero() && it.Expires.After(it.Slot) {
				late = append(late, fmt.Sprintf("due %s, expires %s, visit %s", it.Due, it.Expires, it.Slot))
			}
			return nil
		})
		if len(late) > 0 {
			t.Errorf("a snoozed appointment reminder may go out after its appointment: %v", late)
		}
	})
}

// A pause that brings one-time reminders with the same text (and the same
// appointment) to the same time keeps one of them: the same message twice
// at one minute is a mistake, not a reminder. It keeps the later one,
// which a resume brings back nearer the appointment.
func TestPatientsPauseSendsTheSameReminderOnce(t *testing.T) {
	h := newHarness(wed10(t)) // Wednesday, November 25, 10:00 in New York
	c := newChat(t, h, "America/New_York", "en")
	c.expect("remind me about my appointment on monday at 10am", "Sunday, November 29 at 10:00 AM and on Monday, November 30 at 8:00 AM")
	c.expect("remind me about my appointment on friday at 10am", "Thursday, November 26 at 10:00 AM and on Friday, November 27 at 8:00 AM")
	c.expect("remind me to call mom tomorrow at 5pm")
	c.expect("remind me to call mom friday at 5pm")
	c.expect("remind me to call dad friday at 5pm")
	c.expect("pause my reminders until monday 9am", "paused until Monday, November 30 at 9:00 AM",
		" 3 one-time reminders in that time will come then.", "2 appointment reminders would only have come after the appointment")
	list := c.say("list my reminders")
	for _, want := range []string{
		". Monday, November 30 at 9:00 AM: your appointment on Monday, November 30 at 10:00 AM\n",
		". Monday, November 30 at 9:00 AM: call mom\n",
		". Monday, November 30 at 9:00 AM: call dad\n",
	} {
		if strings.Count(list, want) != 1 {
			t.Errorf("list after the pause has %q %d times, want once:\n%s", want, strings.Count(list, want), list)
		}
	}
	if strings.Count(list, "\n") != 4 {
		t.Errorf("list after the pause has more than 3 reminders:\n%s", list)
	}
	c.expect("resume", "back on")
	c.expect("list my reminders", ". Friday, November 27 at 5:00 PM: call mom\n", ". Friday, November 27 at 5:00 PM: call dad\n",
		"3. Monday, November 30 at 8:00 AM: your appointment on Monday, November 30 at 10:00 AM\nTo remove")

	// One already due when the pause ends is the one kept.
	h = newHarness(wed10(t))
	c = newChat(t, h, "America/New_York", "en")
	c.say("remind me to call mom monday at 9am")
	c.say("remind me to call mom tomorrow at 5pm")
	c.expect("pause my reminders until monday 9am", "paused until Monday, November 30 at 9:00 AM.")
	c.expect("list my reminders", "Your reminders:\n1. Monday, November 30 at 9:00 AM: call mom\nTo remove it")
}

// Reminders are deleted by a range of their numbers, or a number said as
// a word; what is not a number of the list is no delete.
func TestPatientsDeleteRangesAndWords(t *testing.T) {
	for _, tt := range []struct {
		text string
		want string // the reminders left, or the reply
	}{
		{"delete reminders 1-3", "dan eve"},
		{"delete reminders 1 – 3", "dan eve"},
		{"delete reminders 2 to 4", "ann eve"},
		{"delete reminders 1-2 and 5", "cy dan"},
		{"delete reminders 1,2", "cy dan eve"},
		{"delete reminders 1,3 and 5", "bob dan"},
		{"delete reminder one", "bob cy dan eve"},
		{"delete reminders two and four", "ann cy eve"},
		{"borrar recordatorios del 1 al 3", "dan eve"},
		{"borrar el recordatorio dos", "ann cy dan eve"},
		{"delete reminders 1-10", `You don't have a reminder 10.`},
		{"delete reminders 3-1", ""},
		{"delete one reminder", ""},
	} {
		h := newHarness(wed10(t))
		c := newChat(t, h, "America/New_York", "en")
		for i, s := range []string{"ann", "bob", "cy", "dan", "eve"} {
			c.say(fmt.Sprintf("remind me to call %s friday at %dpm", s, i+1))
		}
		got := c.say(tt.text)
		if strings.Contains(tt.want, "reminder") || tt.want == "" {
			if tt.want == "" && got != "" || !strings.HasPrefix(got, tt.want) {
				t.Errorf("%q: %q, want %q", tt.text, got, tt.want)
			}
			continue
		}
		var left []string
		for _, line := range strings.Split(c.say("list my reminders"), "\n") {
			if _, text, ok := strings.Cut(line, "PM: call "); ok {
				left = append(left, text)
			}
		}
		if strings.Join(left, " ") != tt.want {
			t.Errorf("%q: left %q (reply %q), want %q", tt.text, left, got, tt.want)
		}
	}
}

// QA: during a pause the list said "every Monday at 10:00 AM" as if the
// next Monday were coming: a repeating reminder the pause holds back
// says when it comes next, and after a resume it no longer does.
func TestPatientsListSaysWhatAPauseHolds(t *testing.T) {
	h := newHarness(wed10(t))
	c := newChat(t, h, "America/New_York", "en")
	c.expect("remind me every monday at 10am to check my blood pressure", "every Monday at 10:00 AM")
	c.expect("remind me every day at 8pm to take my pills", "every day at 8:00 PM")
	c.expect("list my reminders", "1. every day at 8:00 PM: take your pills\n2. every Monday at 10:00 AM: check your blood pressure")
	c.expect("pause reminders until dec 10", "paused until Thursday, December 10")
	c.expect("list my reminders",
		"1. every day at 8:00 PM (next: Thursday, December 10): take your pills",
		"2. every Monday at 10:00 AM (next: Monday, December 14): check your blood pressure")
	c.expect("resume", "back on")
	if got := c.say("list my reminders"); strings.Contains(got, "next:") {
		t.Errorf("list after resume: %q, want no reminder held back", got)
	}
	c.expect("pausar recordatorios hasta el 10 de diciembre", "10 de diciembre")
	c.expect("mis recordatorios", "cada lunes a las 10:00 (el próximo: lunes 14 de diciembre)")
}
