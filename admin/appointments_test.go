package admin

import (
	"context"
	"errors"
	"fmt"
	"strings"
	"testing"
	"time"

	"github.com/carebot/carebot"
)

// An import with any problem stores none of its appointments, lists every
// problem with its line, and is audited as refused, without the problems'
// text (it names patients).
func TestAnImportWithAProblemStoresNothing(t *testing.T) {
	long := strings.Repeat("I", 2000)
	tests := []struct {
		name  string
		appts []Appointment
		want  []string // in this order
	}{
		{"a bad patient and a bad time", []Appointment{
			{ID: "A1", Patient: "telegram:100", At: "2026-12-01 14:30"},
			{ID: "A2", Patient: "nobody", At: "2026-12-01 14:30"},
			{ID: "A3", Patient: "telegram:300", At: "tomorrow-ish"},
		}, []string{`p.csv:3: appointment "A2": patient "nobody" is not PLATFORM:USER`,
			`p.csv:4: appointment "A3": at "tomorrow-ish" is not a time`}},
		{"an id longer than the store takes", []Appointment{
			{ID: "A1", Patient: "telegram:100", At: "2026-12-01 14:30"},
			{ID: long, Patient: "telegram:200", At: "2026-12-01 14:30"},
			{ID: "A3", Patient: "telegram:300", At: "2026-12-01 14:30"},
		}, []string{`p.csv:3: appointment "` + strings.Repeat("I", 39) + `…": id is 2000 bytes long; at most 256`}},
		{"an id used twice", []Appointment{
			{ID: "D-1", Patient: "telegram:100", At: "2026-12-01 14:30"},
			{ID: " D-1", Patient: "telegram:200", At: "2026-12-02 14:30"},
		}, []string{`p.csv:3: appointment "D-1": id is used twice (first on line 2)`}},
		{"a location of megabytes", []Appointment{
			{ID: "L-1", Patient: "telegram:100", At: "2026-12-01 14:30", Location: strings.Repeat("x", 5<<20)},
		}, []string{`p.csv:2: appointment "L-1": location is 5242880 characters long; at most 300`}},
		{"every problem of one row", []Appointment{
			{ID: "R-1", Patient: "bob", At: "soon", TimeZone: "Mars/Olympus", Location: "Main St\nSuite 2", Status: "maybe", To: "x"},
		}, []string{`p.csv:2: appointment "R-1": patient "bob"`, `p.csv:2: appointment "R-1": to "x" is not PLATFORM:CHAT`,
			`p.csv:2: appointment "R-1": timezone "Mars/Olympus"`, `p.csv:2: appointment "R-1": at "soon"`,
			`p.csv:2: appointment "R-1": status "maybe"`}},
		// Group QA: a reminder with Confirm/Cancel buttons went to a group.
		{"to a group chat", []Appointment{
			{ID: "G-1", Patient: "telegram:100", At: "2026-12-01 14:30", To: "telegram:-5000"},
			{ID: "G-2", Patient: "slack:U1", At: "2026-12-01 14:30", To: "slack:C0123"},
			{ID: "G-3", Patient: "telegram:100", At: "2026-12-01 14:30", To: "telegram:100"},
		}, []string{`p.csv:2: appointment "G-1": to "telegram:-5000" is a group chat: an appointment reminder goes only to the patient's own chat`,
			`p.csv:3: appointment "G-2": patient "slack:U1" is on "slack", which carebot does not run (it runs console and telegram)`,
			`p.csv:3: appointment "G-2": to "slack:C0123" is on "slack", which carebot does not run`}},
		{"text that is not UTF-8, once decoded", []Appointment{
			{ID: "U-1", Patient: "telegram:100", At: "2026-12-01 14:30", Location: "Caf\xe9"},
		}, []string{`p.csv:2: appointment "U-1": location has characters that are not UTF-8 text; save the file as UTF-8`}},
		{"a line break", []Appointment{
			{ID: "C-1", Patient: "telegram:100", At: "2026-12-01 14:30", Location: "Main St\nSuite 2"},
		}, []string{`p.csv:2: appointment "C-1": location has a control character (U+000A`}},
		{"a year that is a typo", []Appointment{
			{ID: "Y-1", Patient: "telegram:100", At: "20260-12-01 14:30"},
			{ID: "Y-2", Patient: "telegram:100", At: "2926-12-01 14:30"},
		}, []string{`p.csv:2: appointment "Y-1": at "20260-12-01 14:30" is not a time`,
			`p.csv:3: appointment "Y-2": at "2926-12-01 14:30" is in the year 2926; want a year from 1900 to 2199`}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			c, f := newTestAPI(t)
			lines := make([]int, len(tt.appts))
			for i := range lines {
				lines[i] = i + 2
			}
			rep, err := c.Import(context.Background(), "p.csv", tt.appts, lines)
			var probs *Problems
			if !errors.As(err, &probs) {
				t.Fatalf("got %+v, %v; want the import refused with its problems", rep, err)
			}
			msg := err.Error()
			rest := msg
			for _, w := range tt.want {
				i := strings.Index(rest, w)
				if i < 0 {
					t.Errorf("got\n%s\nwant (in order) %q", msg, w)
					continue
				}
				rest = rest[i+len(w):]
			}
			if n := strings.Count(msg, "\n"); n != len(probs.List) || n < len(tt.want) {
				t.Errorf("got %d lines of problems for %d problems:\n%s", n, len(probs.List), msg)
			}
			if !strings.HasSuffix(msg, "nothing was imported") || len(msg) > 10000 {
				t.Errorf("got a message of %d bytes ending %q", len(msg), msg[max(0, len(msg)-80):])
			}
			if len(f.appts) != 0 {
				t.Errorf("stored %d appointments of a refused import", len(f.appts))
			}
			if len(f.audit) != 1 || !strings.HasPrefix(f.audit[0].Result, "refused") || strings.Contains(f.audit[0].Result, "telegram:") {
				t.Errorf("audit %+v, want one entry saying it was refused, naming no patient", f.audit)
			}
		})
	}
}

// A store that fails part way stops the import there; the answer and the
// audit log say how far it got.
func TestAnImportTheStoreFailsSaysHowFarItGot(t *testing.T) {
	c, f := newTestAPI(t)
	f.failAt = "A2"
	appts := []Appointment{
		{ID: "A1", Patient: "telegram:100", At: "2026-12-01 14:30"},
		{ID: "A2", Patient: "telegram:200", At: "2026-12-01 14:30"},
		{ID: "A3", Patient: "telegram:300", At: "2026-12-01 14:30"},
	}
	_, err := c.Import(context.Background(), "p.csv", appts, []int{2, 3, 4})
	if err == nil || err.Error() != `stopped at line 3 (appointment "A2"): import appointment: disk full; the appointments before it were imported `+
		`(1 new, 0 moved, 0 cancelled, 0 updated, 0 unchanged), none from there on: import the file again once this is fixed (what is already imported comes out unchanged)` {
		t.Errorf("got %v", err)
	}
	if _, ok := f.appts["A3"]; ok || len(f.appts) != 1 {
		t.Errorf("stored %v; want A1 alone", f.appts)
	}
	if len(f.audit) != 1 || !strings.Contains(f.audit[0].Result, "disk full") {
		t.Errorf("audit %+v", f.audit)
	}
}

// The list is in time order, whatever zones the times print in: 12:00 in
// New York is after 16:00 in Paris.
func TestAppointmentsAreListedInTimeOrder(t *testing.T) {
	c, f := newTestAPI(t)
	at := func(h int) time.Time { return time.Date(2026, 12, 1, h, 0, 0, 0, time.UTC) }
	f.appts["X-1"] = carebot.Appointment{ID: "X-1", User: "telegram:1", At: at(17), TimeZone: "America/New_York"}
	f.appts["X-2"] = carebot.Appointment{ID: "X-2", User: "telegram:2", At: at(15), TimeZone: "Europe/Paris"}
	f.appts["X-3"] = carebot.Appointment{ID: "X-3", User: "telegram:3", At: at(16)}
	f.appts["X-0"] = carebot.Appointment{ID: "X-0", User: "telegram:3", At: at(16)}
	list, err := c.Appointments(context.Background(), "")
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, a := range list {
		got = append(got, a.ID+" "+a.At)
	}
	want := "[X-2 2026-12-01T16:00:00+01:00 X-0 2026-12-01T16:00:00Z X-3 2026-12-01T16:00:00Z X-1 2026-12-01T12:00:00-05:00]"
	if fmt.Sprint(got) != want {
		t.Errorf("got %v\nwant %s", got, want)
	}
}

// A local time without a zone is the clinic's, in an import and in a
// reminder, and an appointment without a zone is listed in the clinic's.
func TestLocalTimesAreTheClinics(t *testing.T) {
	ny, err := time.LoadLocation("America/New_York")
	if err != nil {
		t.Fatal(err)
	}
	c, f := newZonedAPI(t, ny)
	ctx := context.Background()
	appts := []Appointment{
		{ID: "Z-1", Patient: "telegram:1", At: "2026-12-01 14:30"},
		{ID: "Z-2", Patient: "telegram:2", At: "2026-07-01 14:30"},
		{ID: "Z-3", Patient: "telegram:3", At: "2026-12-01 14:30", TimeZone: "Europe/Paris"},
		{ID: "Z-4", Patient: "telegram:4", At: "2026-12-01T14:30:00Z"},
	}
	if _, err := c.Import(ctx, "z.csv", appts, nil); err != nil {
		t.Fatal(err)
	}
	for id, want := range map[string]string{"Z-1": "19:30", "Z-2": "18:30", "Z-3": "13:30", "Z-4": "14:30"} {
		if got := f.appts[id].At.UTC().Format("15:04"); got != want {
			t.Errorf("%s stored at %s UTC, want %s", id, got, want)
		}
	}
	list, err := c.Appointments(ctx, "")
	var got []string
	for _, a := range list {
		got = append(got, a.ID+" "+a.At)
	}
	want := "[Z-2 2026-07-01T14:30:00-04:00 Z-3 2026-12-01T14:30:00+01:00 Z-4 2026-12-01T09:30:00-05:00 Z-1 2026-12-01T14:30:00-05:00]"
	if err != nil || fmt.Sprint(got) != want {
		t.Errorf("list: got %v, %v\nwant %s", got, err, want)
	}

	for _, r := range []Reminder{
		{To: "telegram:5", At: "2026-12-02 09:00", Text: "clinic time"},
		{To: "telegram:5", At: "2026-12-02 09:00", TimeZone: "UTC", Text: "UTC"},
	} {
		if _, err := c.AddReminder(ctx, r); err != nil {
			t.Fatal(err)
		}
	}
	if want := "[telegram:5 2026-12-02T14:00:00Z clinic time telegram:5 2026-12-02T09:00:00Z UTC]"; fmt.Sprint(f.added) != want {
		t.Errorf("reminders: got %v, want %s", f.added, want)
	}
	for _, tz := range []string{"Local", "Mars/Olympus"} {
		if _, err := c.AddReminder(ctx, Reminder{To: "telegram:5", At: "2026-12-02 09:00", TimeZone: tz, Text: "x"}); err == nil ||
			!strings.Contains(err.Error(), "not an IANA time zone") {
			t.Errorf("timezone %q: got %v", tz, err)
		}
	}
}
