package main

import (
	"bytes"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

// Everything staff do can be tried in the terminal chat alone: the one
// local user is console:local.
func TestStaffCommandsAgainstTheTerminalChat(t *testing.T) {
	if testing.Short() {
		t.Skip("runs the carebot binary")
	}
	dir := t.TempDir()
	config := filepath.Join(dir, "carebot.yaml")
	// No quiet hours, so the test runs at any hour of the day.
	os.WriteFile(config, []byte("reminders:\n  quiet_hours: {from: \"24:00\", to: \"00:00\"}\n"), 0o600)
	bot := startBot(t, dir, nil, "--config", config)
	staff := staffFor(t, dir)

	bot.say("START")
	bot.expect("subscribed")

	appts := filepath.Join(dir, "appointments.csv")
	at := time.Now().Add(7 * 24 * time.Hour).UTC().Format("2006-01-02 15:04")
	os.WriteFile(appts, []byte("id,patient,at,timezone,location\nA-1,console:local,"+at+",UTC,Main Street\n"), 0o600)
	if out := staff("appointments", "import", appts); out != "1 new, 0 moved, 0 cancelled, 0 updated, 0 unchanged\n" {
		t.Errorf("import: %q", out)
	}
	if out := staff("appointments", "import", appts); out != "0 new, 0 moved, 0 cancelled, 0 updated, 1 unchanged\n" {
		t.Errorf("second import: %q", out)
	}
	if out := staff("appointments", "list"); !strings.Contains(out, "A-1") || !strings.Contains(out, "console:local") {
		t.Errorf("list: %q", out)
	}

	soon := time.Now().Add(2 * time.Second).UTC().Format(time.RFC3339)
	staff("remind", "add", "--to", "console:local", "--at", soon, "--text", "Bring your inhaler")
	bot.expect("Bring your inhaler")

	out := staff("broadcast", "--purpose", "announcements", "--id", "closure", "--text", "Closed Friday for training")
	if !strings.Contains(out, "closure") {
		t.Errorf("broadcast: %q", out)
	}
	bot.expect("Closed Friday for training")

	staff("appointments", "cancel", "A-1")
	if out := staff("appointments", "list"); !strings.Contains(out, "cancelled") {
		t.Errorf("list after cancel: %q", out)
	}
	// QA: the next import of a file that still listed A-1 as booked
	// booked it again, saying only "1 imported". The cancel stands, and
	// the import says so; a new time books it again.
	if out := staff("appointments", "import", appts); !strings.HasPrefix(out, "0 new, 0 moved, 0 cancelled, 0 updated, 0 unchanged, 1 kept cancelled\n"+
		"kept cancelled: cancelled in carebot (by staff or the patient), though "+appts+" lists them as booked at that time") ||
		!strings.HasSuffix(out, "\n  A-1 (line 2)\n") {
		t.Errorf("import after a cancel: %q", out)
	}
	if out := staff("appointments", "list"); !strings.Contains(out, "cancelled") {
		t.Errorf("list after importing a cancelled appointment again: %q", out)
	}
	later := time.Now().Add(8 * 24 * time.Hour).UTC().Format("2006-01-02 15:04")
	os.WriteFile(appts, []byte("id,patient,at,timezone,location\nA-1,console:local,"+later+",UTC,Main Street\n"), 0o600)
	if out := staff("appointments", "import", appts); out != "0 new, 1 moved, 0 cancelled, 0 updated, 0 unchanged\n" {
		t.Errorf("import of a new time: %q", out)
	}
	if out := staff("appointments", "list"); !strings.Contains(out, "booked") {
		t.Errorf("list after a new time: %q", out)
	}
	if out := staff("audit"); !strings.Contains(out, "appointments.import") || !strings.Contains(out, "broadcast.start") ||
		!strings.Contains(out, "appointments.cancel") || !strings.Contains(out, "reminders.add") {
		t.Errorf("audit: %q", out)
	}

	// A question the bot is unsure of, and the suggestion the patient
	// pressed (by its number in the terminal): staff see both.
	bot.say("where do i leave my car")
	bot.expect("[1] Where do I park?")
	bot.say("1")
	bot.expect("Parking is free")
	// An answer, and the alternative beside it pressed instead.
	bot.say("vaccines")
	bot.expect("[4] Do you offer travel vaccines?")
	bot.say("4")
	bot.expect("travel")
	if out := staff("faq", "misses"); !strings.Contains(out, "1  where do i leave my car") ||
		!strings.Contains(out, "did you mean: parking 1 (pressed 1)") ||
		!strings.Contains(out, "answers passed over for an alternative: adult-vaccines for travel-vaccines 1") {
		t.Errorf("faq misses: %q", out)
	}

	if code, _, errs := runCmd(t, nil, "", "report", "--data", dir, "nope"); code != 1 || errs != "carebot: broadcast \"nope\": not found\n" {
		t.Errorf("report of an unknown broadcast: got exit %d, %q; want exit 1 and the ID named", code, errs)
	}
	if code, _, errs := runCmd(t, nil, "", "appointments", "cancel", "--data", dir, "A-9"); code != 1 || errs != "carebot: appointment \"A-9\": not found\n" {
		t.Errorf("cancel of an unknown appointment: got exit %d, %q; want exit 1 and the ID named", code, errs)
	}
}

// The real binary, as QA ran it: its exit status and words for the
// mistakes staff make. No bot runs; the one address given (a stand-in that
// records what it receives) belongs to another bot and must get nothing.
func TestBinaryMistakes(t *testing.T) {
	other := newFakeAdmin(t)
	down := botDataDir(t, "dir-token-0123456789", "")
	cfg := filepath.Join(t.TempDir(), "carebot.yaml")
	os.WriteFile(cfg, []byte("data: [a, b]\nadmin: {lisen: x}\n"), 0o600)
	semicolons := filepath.Join(t.TempDir(), "excel.csv")
	os.WriteFile(semicolons, []byte("id;patient;at\nS-1;console:local;2026-12-06 10:00\n"), 0o600)
	badPatients := filepath.Join(t.TempDir(), "appointments.csv")
	os.WriteFile(badPatients, []byte("id,patient,to,at\nV-1,whatsapp:1,,2026-12-20 10:00\nV-3,telegram:abc,,2026-12-20 10:00\n"), 0o600)
	tests := []struct {
		args     []string
		wantCode int
		wantOut  string // stdout
		wantErr  string // stderr
	}{
		{[]string{"appointments", "list", "--data", down}, 1, "",
			"carebot: the bot for " + down + " is not running (start it, or give --admin ADDR)\n"},
		{[]string{"remind", "add", "--data", down, "--to", "console:local", "--at", "2026-12-01 09:00", "--text", "Your", "lab", "results", "are", "ready"}, 2, "",
			`carebot: remind add: unexpected argument "lab" (quote a text with spaces)`},
		{[]string{"broadcast", "--data", down, "--purpose", "announcements", "--text", "We", "are", "closed", "Friday"}, 2, "",
			`carebot: broadcast: unexpected argument "are" (quote a text with spaces)`},
		{[]string{"appointments", "list", "--config", cfg}, 1, "",
			"carebot: " + cfg + ":1: data must be a path, not a list\ncarebot: " + cfg + `:2: unknown key "lisen" under admin (known: listen)` + "\n"},
		// QA: a patient carebot cannot reach was scheduled, and never reminded.
		{[]string{"remind", "add", "--data", down, "--to", "telegram:-100123", "--at", "2026-12-01 09:00", "--text", "Lab results"}, 2, "",
			`carebot: remind add: --to "telegram:-100123" is a group chat: a patient is one person; give their own (such as telegram:12345)`},
		{[]string{"remind", "add", "--data", down, "--to", "telegram:abc", "--at", "2026-12-01 09:00", "--text", "Lab results"}, 2, "",
			`carebot: remind add: --to "telegram:abc" is not a Telegram id, which is a number (such as telegram:12345), not a @name or a link`},
		{[]string{"remind", "add", "--data", down, "--to", "whatsapp:1", "--at", "2026-12-01 09:00", "--text", "Lab results"}, 2, "",
			`carebot: remind add: --to "whatsapp:1" is on "whatsapp", which carebot does not run (it runs console and telegram)`},
		{[]string{"appointments", "import", "--data", down, badPatients}, 1, "",
			badPatients + `:2: appointment "V-1": patient "whatsapp:1" is on "whatsapp", which carebot does not run (it runs console and telegram)` + "\n" +
				badPatients + `:3: appointment "V-3": patient "telegram:abc" is not a Telegram id`},
		{[]string{"appointments", "import", "--data", down, semicolons}, 1, "",
			semicolons + ":1: the values are separated by semicolons, not commas: save the file as CSV with commas"},
		// A patient to erase is checked before any bot is asked: a typo must
		// erase no one else.
		{[]string{"patients", "forget", "--data", down, "telegram:abc"}, 2, "",
			`carebot: patients forget: patient "telegram:abc" is not a Telegram id, which is a number (such as telegram:12345), not a @name or a link`},
		{[]string{"patients", "forget", "--data", down, "telegram:-100123"}, 2, "",
			`carebot: patients forget: patient "telegram:-100123" is a group chat: a patient is one person; give their own (such as telegram:12345)`},
		{[]string{"patients", "forget", "--data", down}, 2, "", "carebot: patients forget: give the patient, PLATFORM:USER"},
		{[]string{"patients", "forget", "--data", down, "telegram:1", "telegram:2"}, 2, "",
			`carebot: patients forget: unexpected argument "telegram:2" (forget one patient at a time)`},
		{[]string{"patients", "forget", "--data", down, "telegram:1"}, 1, "", "carebot: the bot for " + down + " is not running"},
		{[]string{"patients"}, 2, "", "Usage:\n  carebot patients forget PLATFORM:USER"},
		{[]string{"campaigns", "check", "--help"}, 0, "Usage: carebot campaigns check [--config FILE] FILE", ""},
		{[]string{"campaigns", "check", "--bogus", "campaigns.yaml"}, 2, "", "carebot: campaigns check: unknown flag --bogus"},
		{[]string{"faq"}, 2, "", "Usage:\n  carebot faq check"},
		{[]string{"-h"}, 0, "carebot appointments import FILE", ""},
	}
	for _, tt := range tests {
		t.Run(strings.Join(tt.args, " "), func(t *testing.T) {
			cmd := exec.Command(carebotBin, tt.args...)
			cmd.Env = append(cleanEnv(), "CAREBOT_ADMIN="+other.addr(), "CAREBOT_DATA=", "CAREBOT_ADMIN_TOKEN=")
			var out, errb bytes.Buffer
			cmd.Stdout, cmd.Stderr = &out, &errb
			cmd.Run()
			if code := cmd.ProcessState.ExitCode(); code != tt.wantCode || !strings.Contains(out.String(), tt.wantOut) || !strings.Contains(errb.String(), tt.wantErr) {
				t.Errorf("got exit %d, stdout %q, stderr %q; want exit %d, stdout with %q, stderr with %q",
					code, out.String(), errb.String(), tt.wantCode, tt.wantOut, tt.wantErr)
			}
		})
	}
	if got := other.got(); len(got) > 0 {
		t.Errorf("another bot received %+v, want nothing", got)
	}
}

// staffFor runs staff commands against the bot of data directory dir,
// failing the test when one fails, and returns what each printed.
func staffFor(t *testing.T, dir string) func(args ...string) string {
	return func(args ...string) string {
		t.Helper()
		code, out, errs := runCmd(t, nil, "", append(args, "--data", dir)...)
		if code != 0 {
			t.Fatalf("carebot %s: exit %d: %s%s", strings.Join(args, " "), code, out, errs)
		}
		return out
	}
}
