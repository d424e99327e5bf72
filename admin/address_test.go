package admin

import (
	"context"
	"errors"
	"fmt"
	"strings"
	"testing"
)

// QA: patients and chats carebot could never reach imported fine and
// were never reminded, silently. They are refused, each with its line, as
// the config refuses such an alert address; a platform written with a
// capital is the platform, kept as carebot keys it.
func TestPatientsCarebotCannotReachAreRefused(t *testing.T) {
	const file = "id,patient,to,at,timezone,location,status\n" +
		"V-1,whatsapp:1,,2026-12-20 10:00,,Main,booked\n" +
		"V-2,Telegram:1001,,2026-12-20 10:00,,Main,booked\n" +
		"V-3,telegram:abc,,2026-12-20 10:00,,Main,booked\n" +
		"V-4,telegram:1001,telegram:abc,2026-12-20 10:00,,Main,booked\n" +
		"V-5,telegram:-100123,,2026-12-20 10:00,,Main,booked\n" +
		"V-6,console:bob,,2026-12-20 10:00,,Main,booked\n" +
		"V-7,telegram:1001,whatsapp:1,2026-12-20 10:00,,Main,booked\n"
	_, _, err := ReadAppointments("p.csv", strings.NewReader(file))
	want := `p.csv:2: appointment "V-1": patient "whatsapp:1" is on "whatsapp", which carebot does not run (it runs console and telegram)
p.csv:4: appointment "V-3": patient "telegram:abc" is not a Telegram id, which is a number (such as telegram:12345), not a @name or a link
p.csv:5: appointment "V-4": to "telegram:abc" is not a Telegram id, which is a number (such as telegram:12345), not a @name or a link
p.csv:6: appointment "V-5": patient "telegram:-100123" is a group chat: a patient is one person; give their own (such as telegram:12345)
p.csv:7: appointment "V-6": patient "console:bob" is not the terminal chat's one person, console:local
p.csv:8: appointment "V-7": to "whatsapp:1" is on "whatsapp", which carebot does not run (it runs console and telegram)
p.csv: 6 problems; nothing was imported`
	if err == nil || err.Error() != want {
		t.Errorf("got\n%v\nwant\n%s", err, want)
	}

	c, f := newTestAPI(t)
	ctx := context.Background()
	rep, err := c.Import(ctx, "p.csv", []Appointment{{ID: "V-2", Patient: "Telegram:+1001", To: "TELEGRAM:1002", At: "2026-12-20 10:00"}}, []int{2})
	if err != nil || rep.Imported != 1 {
		t.Fatalf("import: %+v, %v", rep, err)
	}
	if a := f.appts["V-2"]; a.User != "telegram:1001" || a.To.Platform != "telegram" || a.To.ChatID != "1002" {
		t.Errorf("stored %+v, want patient telegram:1001 and to telegram:1002", a)
	}
	if list, err := c.Appointments(ctx, "Telegram:1001"); err != nil || len(list) != 1 {
		t.Errorf("list of Telegram:1001: %+v, %v", list, err)
	}

	// remind add --to: the same, and a group is refused as an
	// appointment's to is.
	for to, want := range map[string]string{
		"telegram:abc":     `to "telegram:abc" is not a Telegram id`,
		"whatsapp:1":       `to "whatsapp:1" is on "whatsapp", which carebot does not run`,
		"telegram:-100123": `to "telegram:-100123" is a group chat: a patient is one person`,
		"console:someone":  `to "console:someone" is not the terminal chat's one person, console:local`,
		"telegram":         `to "telegram" is not PLATFORM:USER (such as telegram:12345)`,
	} {
		_, err := c.AddReminder(ctx, Reminder{To: to, At: "2026-12-02T09:00:00Z", Text: "x"})
		var se *statusError
		if !errors.As(err, &se) || se.code != 400 || !strings.Contains(err.Error(), want) {
			t.Errorf("remind add --to %s: got %v, want a 400 with %q", to, err, want)
		}
	}
	if _, err := c.AddReminder(ctx, Reminder{To: "Telegram:5", At: "2026-12-02T09:00:00Z", Text: "x"}); err != nil {
		t.Fatal(err)
	}
	if fmt.Sprint(f.added) != "[telegram:5 2026-12-02T09:00:00Z x]" {
		t.Errorf("added: %v, want only the reminder to telegram:5", f.added)
	}
}
