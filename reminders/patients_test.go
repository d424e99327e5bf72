package reminders_test

import (
	"context"
	"reflect"
	"strings"
	"testing"
	"testing/synctest"
	"time"

	"github.com/carebot/carebot"
	"github.com/carebot/carebot/reminders"
)

// chat is one patient talking to self-service.
type chat struct {
	t *testing.T
	h *harness
	p *reminders.Patients
	u string
}

func newChat(t *testing.T, h *harness, zone, lang string) *chat {
	h.person("chat:p", zone, lang)
	p := reminders.NewPatients(h.store, h.people, appointments(h))
	p.Clock, p.Wake = h.clock, h.d.Notify
	p.Zone = mustZone(t, "America/Chicago")
	p.Clinic = reminders.Clinic{Name: "Riverside Clinic", Phone: "(555) 010-2030"}
	return &chat{t: t, h: h, p: p, u: "chat:p"}
}

// say sends text (or a button's payload) and returns the reply; "" when
// self-service says the message is not its business.
func (c *chat) say(text string) string {
	c.t.Helper()
	r, _ := c.reply(text)
	return r.Text
}

func (c *chat) expect(text string, want ...string) {
	c.t.Helper()
	got := c.say(text)
	for _, w := range want {
		if !strings.Contains(got, w) {
			c.t.Errorf("%q: reply %q\n lacks %q", text, got, w)
		}
	}
}

// wed10 is Wednesday 25 November 2026, 10:00 in New York.
func wed10(t *testing.T) time.Time {
	return time.Date(2026, 11, 25, 10, 0, 0, 0, mustZone(t, "America/New_York"))
}

func TestPatientsCreateListDelete(t *testing.T) {
	h := newHarness(wed10(t))
	c := newChat(t, h, "America/New_York", "en")
	c.expect("remind me to take my meds every day at 8am", "every day at 8:00 AM: take your meds")
	c.expect("Remind me to call the clinic friday 3pm", "on Friday, November 27 at 3:00 PM: call the clinic")
	c.expect("remind me tomorrow at 9 to pick up my glasses", "Thursday, November 26 at 9:00 AM: pick up your glasses")
	c.expect("recuérdame llamar a mamá el lunes a las 10", "Listo, le recordaré el lunes 30 de noviembre a las 10:00: llamar a mamá")
	c.expect("remind me in 2 hours to stretch", "Wednesday, November 25 at 12:00 PM: stretch")
	c.expect("remind me every monday at 9 to weigh myself", "every Monday at 9:00 AM: weigh yourself")
	c.expect("remind me about my appointment friday 3pm",
		"your appointment (Friday, November 27 at 3:00 PM)", "Thursday, November 26 at 3:00 PM and on Friday, November 27 at 1:00 PM")
	c.expect("remind me to call mom", "When should I remind you?")
	c.expect("remind me to call mom yesterday", "I couldn't tell when")
	c.expect("remind me to call mom today at 8am", "already passed")
	list := c.say("list my reminders")
	want := []string{
		"1. Wednesday, November 25 at 12:00 PM: stretch",
		"2. every day at 8:00 AM: take your meds",
		"3. Thursday, November 26 at 9:00 AM: pick up your glasses",
		"4. Thursday, November 26 at 3:00 PM: your appointment on Friday",
		"5. Friday, November 27 at 1:00 PM: your appointment",
		"6. Friday, November 27 at 3:00 PM: call the clinic",
		"7. every Monday at 9:00 AM: weigh yourself",
		"8. Monday, November 30 at 10:00 AM: llamar a mamá",
	}
	for _, w := range want {
		if !strings.Contains(list, w) {
			t.Errorf("list lacks %q:\n%s", w, list)
		}
	}
	// What is left is shown numbered afresh, so the next number named is
	// the one the patient sees.
	c.expect("delete reminder 3", "Deleted reminder 3: pick up your glasses\n\nYour reminders now:",
		"3. Thursday, November 26 at 3:00 PM: your appointment on Friday", "7. Monday, November 30 at 10:00 AM: llamar a mamá")
	c.expect("delete reminder 3", "Deleted reminder 3: your appointment")
	c.expect("delete reminder 30", "You don't have a reminder 30")
	c.expect("delete reminders 1, 2 and 30", "You don't have a reminder 30")
	c.expect("list my reminders", "6. Monday, November 30 at 10:00 AM: llamar a mamá") // nothing deleted
	c.expect("delete reminders 4 and 1", "Deleted reminder 1: stretch\nDeleted reminder 4: call the clinic\n\nYour reminders now:\n"+
		"1. every day at 8:00 AM: take your meds\n2. Friday, November 27 at 1:00 PM: your appointment")
	c.expect("mis recordatorios", "Sus recordatorios:", "1. todos los días a las 08:00: take your meds")
	c.expect("borrar recordatorios 3 y 4", "Borré el recordatorio 3: weigh yourself\nBorré el recordatorio 4: llamar a mamá\n\nSus recordatorios ahora:")
	c.expect("borrar todos los recordatorios", "Borré todos sus recordatorios (2)")
	c.expect("list my reminders", "You have no reminders")
	for _, notMine := range []string{"what time do you open saturday", "I'm in pain", "later", "C", "cancel", "pause", "list of services", "hello"} {
		if got := c.say(notMine); got != "" && notMine != "pause" {
			t.Errorf("%q: self-service answered %q; it is not its business", notMine, got)
		}
	}
}

func TestPatientsTimeZone(t *testing.T) {
	h := newHarness(wed10(t))
	c := newChat(t, h, "", "en")
	// No zone yet: the clinic's is assumed, and the patient told once.
	c.expect("remind me to stretch at 5pm", "at 5:00 PM: stretch", "I used Chicago time")
	if got := c.say("remind me to drink water at 6pm"); strings.Contains(got, "I used") {
		t.Errorf("told about the assumed zone twice: %q", got)
	}
	c.expect("what's my time zone", "You're on Chicago time")
	c.expect("my time zone is Madrid", "you're on Madrid time", "It's 4:00 PM there now")
	// The reminders keep their wall-clock times, now in Madrid.
	var dues []string
	h.store.Items(context.Background(), reminders.PatientPrefix(nil, "chat:p"), func(it carebot.OutboxItem) error {
		dues = append(dues, it.Due.In(mustZone(t, "Europe/Madrid")).Format("15:04"))
		return nil
	})
	if strings.Join(dues, " ") != "17:00 18:00" && strings.Join(dues, " ") != "18:00 17:00" {
		t.Errorf("after moving to Madrid the reminders are at %v, want 17:00 and 18:00 Madrid time", dues)
	}
	c.expect("timezone America/New_York", "New York time")
	c.expect("I'm in Lord Howe", "Lord Howe time")
	c.expect("mi zona horaria es Ciudad de México", "Entendido: usaré la hora de Ciudad de México")
	c.expect("estoy en Bogotá", "hora de Bogotá")
	c.expect("my time zone is Narnia", `I don't know the time zone "Narnia"`)
	// QA: a move, a US state and "tz" were not understood.
	c.expect("i moved to california", "you're on Los Angeles time")
	c.expect("my tz is EST", "you're on New York time")
	c.expect("I just moved to Texas!", "you're on Chicago time")
	c.expect("me mudé a Nuevo México", "usaré la hora de Denver")
	c.expect("I'm now in Washington state", "Los Angeles time")
	// A move to somewhere not a place we know is not ours.
	for _, q := range []string{"i moved to a new apartment", "i just moved to the area, are you taking new patients?", "me mudé a otra casa"} {
		if r, ok := c.reply(q); ok {
			t.Errorf("%q: answered %q, want it left to the FAQ", q, r.Text)
		}
	}
}

// TestPatientsTimeZoneKeepsWhatWasMeant: a change of zone keeps a time
// said on the clock on the new clock, an instant ("in 20 minutes") at its
// instant, and moves on what has passed on the new clock rather than
// leaving it at the old instant (8pm in UTC is 5am in Tokyo). A time of day
// alone ("at 5pm") is the next one on the new clock, even a day earlier.
func TestPatientsTimeZoneKeepsWhatWasMeant(t *testing.T) {
	h := newHarness(wed10(t)) // 15:00 UTC; 9:00 in Chicago, the clinic's zone
	c := newChat(t, h, "", "en")
	c.say("remind me to stretch at 5pm")
	c.say("remind me to call the clinic today at 5pm")
	c.say("remind me to call mom in 20 minutes")
	c.say("remind me to take my meds every day at 8pm")
	c.expect("remind me about my appointment tomorrow at 11am", "Wednesday, November 25 at 11:00 AM and on Thursday, November 26 at 9:00 AM")
	dues := func() map[string]string {
		got := map[string]string{}
		h.store.Items(context.Background(), reminders.PatientPrefix(nil, "chat:p"), func(it carebot.OutboxItem) error {
			got[it.Text] += it.Due.UTC().Format("Mon 15:04 ")
			return nil
		})
		return got
	}
	// Midnight in Tokyo: 5pm and 8pm there have passed today.
	c.expect("my time zone is Tokyo", "It's 12:00 AM there now.",
		`Your reminder "call the clinic" was for a time that has already passed there, so it will come on Thursday, November 26 at 5:00 PM.`,
		`Your reminder "stretch" will now come on Thursday, November 26 at 5:00 PM, the next 5:00 PM there.`,
		"A reminder of your appointment would have come before now there, so I deleted it.")
	want := map[string]string{
		"stretch":         "Thu 08:00 ", // the next 5pm in Tokyo
		"call the clinic": "Thu 08:00 ", // 5pm "today" has passed in Tokyo: the next day's
		"call mom":        "Wed 15:20 ", // the instant asked for
		"take your meds":  "Thu 11:00 ", // 8pm Thursday in Tokyo
		"your appointment on Thursday, November 26 at 11:00 AM": "Thu 00:00 ", // 9am in Tokyo; 11am yesterday's is gone
	}
	if got := dues(); !reflect.DeepEqual(got, want) {
		t.Errorf("after moving to Tokyo, due (UTC):\n got  %v\n want %v", got, want)
	}
	// A pause and a resume bring the instant back to itself, not to its
	// old clock time on the new clock.
	c.expect("pause my reminders until 10am", "paused until")
	c.expect("resume my reminders", "back on")
	if got := dues()["call mom"]; got != "Wed 15:20 " {
		t.Errorf("after a pause and resume, call mom is due %s, want Wed 15:20 UTC", got)
	}
	// Back in Chicago, where it is 9am on Wednesday: today's 5pm and 8pm
	// are to come again. The day named stays named.
	c.expect("my time zone is Chicago", "It's 9:00 AM there now.",
		`Your reminder "stretch" will now come on Wednesday, November 25 at 5:00 PM, the next 5:00 PM there.`)
	want = map[string]string{
		"stretch":         "Wed 23:00 ",
		"call the clinic": "Thu 23:00 ",
		"call mom":        "Wed 15:20 ",
		"take your meds":  "Thu 02:00 ", // never sent: tonight's 8pm in Chicago
		"your appointment on Thursday, November 26 at 11:00 AM": "Thu 15:00 ",
	}
	if got := dues(); !reflect.DeepEqual(got, want) {
		t.Errorf("back in Chicago, due (UTC):\n got  %v\n want %v", got, want)
	}
}

// TestPatientsTimeZoneNeverRepeatsAnOccurrence: a repeating reminder sent
// at 8pm in Tokyo is not sent again at 8pm the same day in Chicago, and
// reminders held by a pause stay held (to the pause's end: Monday 9am in
// Tokyo is Sunday 6pm in Chicago).
func TestPatientsTimeZoneNeverRepeatsAnOccurrence(t *testing.T) {
	ctx := context.Background()
	h := newHarness(wed10(t)) // Wednesday 15:00 UTC: midnight in Tokyo, 9am in Chicago
	c := newChat(t, h, "Asia/Tokyo", "en")
	tokyo := mustZone(t, "Asia/Tokyo")
	item := func(id string, wall time.Time, sent time.Time) carebot.OutboxItem {
		return carebot.OutboxItem{ID: reminders.PatientPrefix(nil, c.u) + id, Kind: carebot.KindPatient, User: c.u, Asked: true, Text: id,
			Rule: "DTSTART:20261120T000000\nRRULE:FREQ=DAILY;BYHOUR=20;BYMINUTE=0;BYSECOND=0", Wall: wall,
			Due: reminders.Resolve(wall, tokyo), Sent: sent, Created: wed10(t).Add(-72 * time.Hour)}
	}
	h.store.Schedule(ctx,
		// Sent at 8pm Wednesday in Tokyo (11:00 UTC), next on Thursday.
		item("sent", time.Date(2026, 11, 26, 20, 0, 0, 0, time.UTC), time.Date(2026, 11, 25, 11, 0, 5, 0, time.UTC)),
		// Never sent, paused until Monday.
		item("paused", time.Date(2026, 11, 30, 20, 0, 0, 0, time.UTC), time.Time{}),
		// One-time, for Thursday 3pm, held by a pause until Monday 9am.
		carebot.OutboxItem{ID: reminders.PatientPrefix(nil, c.u) + "held", Kind: carebot.KindPatient, User: c.u, Asked: true, Text: "held",
			Wall: time.Date(2026, 11, 26, 15, 0, 0, 0, time.UTC), Due: time.Date(2026, 11, 30, 9, 0, 0, 0, tokyo), Created: wed10(t)})
	c.expect("my time zone is Chicago", "Chicago time")
	chi := mustZone(t, "America/Chicago")
	got := map[string]string{}
	h.store.Items(ctx, reminders.PatientPrefix(nil, c.u), func(it carebot.OutboxItem) error {
		got[it.Text] = it.Due.In(chi).Format("Mon 15:04")
		return nil
	})
	if want := map[string]string{"sent": "Thu 20:00", "paused": "Mon 20:00", "held": "Sun 18:00"}; !reflect.DeepEqual(got, want) {
		t.Errorf("in Chicago: got %v, want %v", got, want)
	}
}

func TestPatientsPauseResume(t *testing.T) {
	h := newHarness(wed10(t))
	c := newChat(t, h, "America/New_York", "en")
	// QA: with nothing held back, "resume" said "back on".
	c.expect("resume my reminders", "You have no reminders.")
	c.expect("reanudar recordatorios", "No tiene recordatorios.")
	c.say("remind me to take my meds every day at 8am")
	c.say("remind me to call the clinic friday 3pm")
	c.say("remind me to renew my prescription dec 10")
	c.expect("resume", "None of your reminders is on hold: each comes at its usual time.")
	c.expect("pause my reminders", "Until when?")
	c.expect("pause all my reminders until monday", "paused until Monday, November 30 at 9:00 AM", "The one-time reminder in that time will come then.")
	c.expect("list my reminders",
		"1. Monday, November 30 at 9:00 AM: call the clinic", "2. every day at 8:00 AM (next: Tuesday, December 1): take your meds", "3. Thursday, December 10 at 9:00 AM: renew")
	var meds carebot.OutboxItem
	h.store.Items(context.Background(), reminders.PatientPrefix(nil, "chat:p"), func(it carebot.OutboxItem) error {
		if it.Rule != "" {
			meds = it
		}
		return nil
	})
	if got := meds.Due.In(mustZone(t, "America/New_York")).Format("Mon 01-02 15:04"); got != "Tue 12-01 08:00" {
		t.Errorf("paused daily reminder next at %s, want Tue 12-01 08:00 (the first after the pause)", got)
	}
	c.expect("resume my reminders", "back on")
	c.expect("list my reminders", "1. every day at 8:00 AM: take your meds", "2. Friday, November 27 at 3:00 PM: call the clinic")
	c.expect("pausar recordatorios hasta el 1 de diciembre", "en pausa hasta el martes 1 de diciembre")
	// For a length of time: until that long from now (Wednesday 10:00).
	for _, tt := range []struct{ text, want string }{
		{"pause my reminders for a week", "paused until Wednesday, December 2 at 10:00 AM"},
		{"pause reminders for 3 days", "paused until Saturday, November 28 at 10:00 AM"},
		{"pause my reminders for the next 2 hours", "paused until Wednesday, November 25 at 12:00 PM"},
		{"please pause my reminders for 1.5 days", "paused until Thursday, November 26 at 10:00 PM"},
		{"pausar recordatorios por una semana", "en pausa hasta el miércoles 2 de diciembre a las 10:00"},
		{"pausar mis recordatorios durante 3 días", "en pausa hasta el sábado 28 de noviembre a las 10:00"},
		{"pausar recordatorios por 1,5 días", "en pausa hasta el jueves 26 de noviembre a las 22:00"},
		// More than 300 days ahead the year is said too.
		{"pause my reminders until dec 1 2027", "paused until Wednesday, December 1, 2027 at 9:00 AM"},
		{"pausar recordatorios hasta el 1 de diciembre de 2027", "en pausa hasta el miércoles 1 de diciembre de 2027 a las 09:00"},
		{"pause my reminders until sep 1 2027", "paused until Wednesday, September 1 at 9:00 AM."},
		{"pause reminders for a while", "Until when?"},
		// Longer than a pause may last: the limit is said, not asked again.
		{"pause reminders for 3 years", "I can only pause your reminders up to two years ahead."},
		{"pause my reminders until dec 1 2030", "I can only pause your reminders up to two years ahead."},
		{"pausar recordatorios por 3 años", "Solo puedo pausar sus recordatorios por un máximo de dos años."},
	} {
		c.say("resume")
		c.expect(tt.text, tt.want)
	}
}

func TestPatientsRemindersAreSentAndSnoozed(t *testing.T) {
	synctest.Test(t, func(t *testing.T) {
		ny := mustZone(t, "America/New_York")
		h := newHarness(wed10(t))
		c := newChat(t, h, "America/New_York", "en")
		c.expect("snooze 10 min", "no recent reminder")
		c.say("remind me to call the pharmacy at 11am")
		stop := h.start(t)
		defer stop()
		h.runUntil(time.Date(2026, 11, 25, 11, 5, 0, 0, ny))
		sent := h.sender.all()
		if len(sent) != 1 || sent[0].Text != "⏰ Reminder: call the pharmacy" || sent[0].At.In(ny).Format("15:04") != "11:00" {
			t.Fatalf("sent %+v, want the reminder at 11:00", sent)
		}
		if b := sent[0].R.Buttons; len(b) != 1 || !strings.HasPrefix(b[0].Payload, "rem:snooze:1h:") || len(b[0].Payload) > 64 {
			t.Errorf("buttons %+v, want a snooze button that names the reminder", b)
		}
		c.expect("snooze 30 min", "again on Wednesday, November 25 at 11:35 AM")
		c.expect("list my reminders", "1. Wednesday, November 25 at 11:35 AM: call the pharmacy")
		h.runUntil(time.Date(2026, 11, 25, 11, 40, 0, 0, ny))
		c.expect("rem:snooze:1h", "again on Wednesday, November 25 at 12:40 PM") // a button sent before names none
		if got := c.say("later"); got != "" {
			t.Errorf("bare \"later\" with the reminder already snoozed: %q, want not handled", got)
		}
		h.runUntil(time.Date(2026, 11, 25, 12, 45, 0, 0, ny))
		c.expect("later", "again on Wednesday, November 25 at 1:45 PM")
		h.runUntil(time.Date(2026, 11, 25, 15, 0, 0, 0, ny))
		var got []string
		for _, s := range h.sender.all() {
			got = append(got, s.At.In(ny).Format("15:04"))
		}
		if strings.Join(got, " ") != "11:00 11:35 12:40 13:45" {
			t.Errorf("sent at %v, want 11:00 11:35 12:40 13:45", got)
		}
	})
}

// The reminders a patient set for themselves need no opt-in and go on
// through STOP APPOINTMENTS, which is about the clinic's reminders; a full
// STOP (every purpose) holds them, "list my reminders" says so, and START
// brings the repeating ones back. A reminder staff wrote for the patient
// needs their opt-in to appointment reminders, and is listed as stopped
// without it.
func TestPatientsOwnRemindersAndConsent(t *testing.T) {
	synctest.Test(t, func(t *testing.T) {
		ctx := context.Background()
		ny := mustZone(t, "America/New_York")
		at := func(day, hour int) time.Time { return time.Date(2026, 11, day, hour, 0, 0, 0, ny) }
		h := newHarness(wed10(t))
		c := newChat(t, h, "America/New_York", "en") // opted in to nothing
		c.p.Consents = h.people
		setAll := func(in bool, purposes ...carebot.Purpose) {
			for _, p := range purposes {
				h.people.SetConsent("chat:p", p, in, h.clock.Now())
			}
		}
		sentAt := func() string {
			var got []string
			for _, s := range h.sender.all() {
				got = append(got, s.At.In(ny).Format("Mon 15:04 ")+s.Text)
			}
			return strings.Join(got, "; ")
		}
		c.say("remind me to take my meds every day at 8am")
		stop := h.start(t)
		defer stop()
		h.runUntil(at(26, 9))
		if got := sentAt(); got != "Thu 08:00 ⏰ Reminder: take your meds" {
			t.Fatalf("sent %q, want the reminder: one the patient asked for needs no opt-in", got)
		}

		// STOP APPOINTMENTS: the clinic's reminders stop, the patient's own
		// do not; a reminder staff write now waits for an opt-in.
		setAll(false, carebot.PurposeAppointments)
		if _, err := c.p.Add(ctx, "chat:p", carebot.Address{}, at(28, 10), "Bring your inhaler"); err != nil {
			t.Fatal(err)
		}
		list := c.say("list my reminders")
		if !strings.Contains(list, "every day at 8:00 AM: take your meds\n") ||
			!strings.Contains(list, "Bring your inhaler (stopped: you're unsubscribed; reply START to get it again)") {
			t.Errorf("list after STOP APPOINTMENTS:\n%s\nwant the patient's own reminder on, staff's stopped", list)
		}
		h.runUntil(at(27, 9))
		if got := sentAt(); !strings.HasSuffix(got, "; Fri 08:00 ⏰ Reminder: take your meds") {
			t.Errorf("sent %q, want Friday's reminder too: STOP APPOINTMENTS leaves the patient's own", got)
		}

		// A full STOP: everything is held, and listed as stopped.
		c.say("remind me to call the pharmacy at 11am")
		h.clock.Set(h.clock.Now().Add(time.Minute))
		setAll(false, carebot.Purposes()...)
		list = c.say("list my reminders")
		for _, want := range []string{"take your meds (stopped", "call the pharmacy (stopped", "Bring your inhaler (stopped"} {
			if !strings.Contains(list, want) {
				t.Errorf("list after STOP lacks %q:\n%s", want, list)
			}
		}
		before := sentAt()
		h.runUntil(at(29, 9))
		if got := sentAt(); got != before {
			t.Errorf("sent %q after a full STOP, want nothing more", strings.TrimPrefix(got, before))
		}
		if o := h.outcomes(t, reminders.PatientPrefix(nil, "chat:p")); len(o) != 3 {
			t.Errorf("outcomes %+v, want the pharmacy, the inhaler and the meds reminder skipped", o)
		}
		list = c.say("list my reminders")
		if !strings.Contains(list, "1. every day at 8:00 AM: take your meds (stopped") || strings.Contains(list, "2.") {
			t.Errorf("list after the one-time reminders' times passed:\n%s\nwant the daily one alone, held", list)
		}

		// START: the daily reminder comes again.
		setAll(true, carebot.Purposes()...)
		if list := c.say("list my reminders"); strings.Contains(list, "stopped") {
			t.Errorf("list after START:\n%s", list)
		}
		h.runUntil(at(30, 9))
		if got := sentAt(); !strings.HasSuffix(got, "; Mon 08:00 ⏰ Reminder: take your meds") {
			t.Errorf("sent %q, want Monday's reminder after START", got)
		}
	})
}

func TestPatientsAnswerAppointments(t *testing.T) {
	ctx := context.Background()
	h := newHarness(wed10(t))
	c := newChat(t, h, "America/New_York", "en")
	h.person("chat:other", "America/New_York", "en")
	as := appointments(h)
	visit := time.Date(2026, 12, 4, 15, 0, 0, 0, mustZone(t, "America/New_York"))
	as.Import(ctx, carebot.Appointment{ID: "A1", User: "chat:p", At: visit})
	as.Import(ctx, carebot.Appointment{ID: "OTHER", User: "chat:other", At: visit})
	c.expect("appt:c:OTHER", "couldn't find that appointment")
	if a, _ := h.store.Appointment(ctx, "OTHER"); a.Response != "" {
		t.Errorf("a forged button answered someone else's appointment: %+v", a)
	}
	// Never reminded: a typed answer asks which appointment it is for.
	c.expect("C", "Do you mean your appointment on Friday, December 4 at 3:00 PM? Press it below to confirm it.")
	if a, _ := h.store.Appointment(ctx, "A1"); a.Response != "" {
		t.Errorf("C answered before the patient said which appointment: %+v", a)
	}
	c.expect("appt:c:A1", "your appointment on Friday, December 4 at 3:00 PM is confirmed")
	if a, _ := h.store.Appointment(ctx, "A1"); a.Response != carebot.ResponseConfirmed || !a.RespondedAt.Equal(h.clock.Now()) {
		t.Errorf("after C: %+v", a)
	}
	c.expect("appt:r:A1", "another time", "call (555) 010-2030")
	c.expect("cambiar cita", "¿Se refiere a su cita", "otra fecha")
	if a, _ := h.store.Appointment(ctx, "A1"); a.Response != carebot.ResponseReschedule || a.Status != carebot.AppointmentBooked {
		t.Errorf("after R: %+v", a)
	}
	c.expect("appt:x:A1", "is cancelled", "To reach us")
	if n := len(due(t, h, reminders.AppointmentPrefix("A1"), time.UTC)); n != 0 {
		t.Errorf("%d reminders left after the patient cancelled", n)
	}
	if got := c.say("X"); got != "" {
		t.Errorf("X with no appointment left: %q, want not handled", got)
	}
}

func FuzzPatientsHandle(f *testing.F) {
	for _, s := range []string{"remind me to take my meds every day at 8am", "recuérdame llamar el lunes a las 10",
		"list my reminders", "delete reminder 1", "pause until friday", "snooze 1h", "my time zone is Chicago",
		"estoy en Madrid", "C", "appt:c:A1", "rem:snooze:90m", "resume"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		h := newHarness(time.Date(2026, 11, 25, 15, 0, 0, 0, time.UTC))
		c := newChat(t, h, "America/New_York", "en")
		c.say("remind me to take my meds every day at 8am")
		c.say(s) // must not panic or fail; say checks the reply's shape
		h.store.Items(context.Background(), "", func(it carebot.OutboxItem) error {
			if it.Kind == carebot.KindPatient && it.Sent.IsZero() && !it.Due.After(h.clock.Now()) {
				t.Fatalf("%q left a reminder due in the past: %+v", s, it)
			}
			return nil
		})
	})
}

// TestPatientsZoneForms: the zones QA found refused are set, and said
// back as a patient knows them.
func TestPatientsZoneForms(t *testing.T) {
	for _, tt := range []struct{ text, want string }{
		{"my time zone is India", "Got it: you're on India time. It's 8:30 PM there now."},
		{"my time zone is Mumbai", "you're on India time"},
		{"my time zone is IST", "you're on India time"},
		{"my time zone is UTC+5:30", "you're on India time"},
		{"my time zone is Newfoundland", "Got it: you're on Newfoundland time. It's 11:30 AM there now."},
		{"my time zone is St. John's", "you're on Newfoundland time"},
		{"my time zone is GMT-3", "Got it: you're on UTC-3 time. It's 12:00 PM there now."},
		{"my time zone is Eastern Standard Time", "you're on New York time"},
		{"my time zone is Pacific time", "you're on Los Angeles time"},
		{"mi zona horaria es la hora del este", "Entendido: usaré la hora de Nueva York."},
		{"mi zona horaria es hora del centro", "usaré la hora de Chicago"},
		{"mi zona horaria es India", "usaré la hora de India"},
		{"mi zona horaria es Terranova", "usaré la hora de Terranova"},
	} {
		h := newHarness(wed10(t)) // 15:00 UTC
		c := newChat(t, h, "America/Chicago", "en")
		c.expect(tt.text, tt.want)
	}
}

// QA: two reminders came, and the Snooze under the first snoozed the
// second (the latest); a daily reminder snoozed twice then came twice. A
// button snoozes its own reminder, and a second snooze moves the first.
func TestPatientsSnoozeTheRightReminderOnce(t *testing.T) {
	synctest.Test(t, func(t *testing.T) {
		ny := mustZone(t, "America/New_York")
		h := newHarness(wed10(t))
		c := newChat(t, h, "America/New_York", "en")
		c.say("remind me to check the oven at 11am")
		c.say("remind me every day at 11:01am to walk the dog")
		stop := h.start(t)
		defer stop()
		h.runUntil(time.Date(2026, 11, 25, 11, 5, 0, 0, ny))
		sent := h.sender.all()
		if len(sent) != 2 || !strings.Contains(sent[0].Text, "oven") {
			t.Fatalf("sent %+v, want the oven, then the dog", sent)
		}
		c.expect(sent[0].R.Buttons[0].Payload, "again on Wednesday, November 25 at 12:05 PM")
		list := c.say("list my reminders")
		if !strings.Contains(list, "12:05 PM: check the oven") || strings.Count(list, "walk the dog") != 1 {
			t.Errorf("after snoozing the oven with its button:\n%s", list)
		}
		c.expect(sent[1].R.Buttons[0].Payload, "again on Wednesday, November 25 at 12:05 PM")
		c.expect("please snooze", "again on Wednesday, November 25 at 12:05 PM")
		list = c.say("list my reminders")
		if strings.Count(list, "walk the dog") != 2 || strings.Count(list, "check the oven") != 1 {
			t.Errorf("the dog snoozed twice: want the daily one and one snooze of it, and the oven once:\n%s", list)
		}
		c.expect("rem:snooze:1h:00000000000000000000beef", "no recent reminder") // another's, or gone
	})
}
