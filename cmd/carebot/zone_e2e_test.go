package main

import (
	"context"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/carebot/carebot/admin"
)

// The running bot reads staff's local times without a zone in the
// clinic's (reminders.timezone), not in UTC, and refuses a file with a
// problem as a whole, through the CLI.
func TestStaffTimesAreTheClinics(t *testing.T) {
	if testing.Short() {
		t.Skip("runs the carebot binary")
	}
	dir := t.TempDir()
	config := filepath.Join(dir, "carebot.yaml")
	os.WriteFile(config, []byte("reminders:\n  timezone: America/New_York\n  quiet_hours: {from: \"24:00\", to: \"00:00\"}\n"), 0o600)
	startBot(t, dir, []string{"TZ=UTC"}, "--config", config)
	ctx := context.Background()

	good := filepath.Join(dir, "z.csv")
	os.WriteFile(good, []byte("id,patient,at\nZ-1,console:local,2099-12-01 14:30\n"), 0o600)
	if code, out, errs := runCmd(t, nil, "", "appointments", "import", "--data", dir, good); code != 0 || !strings.HasPrefix(out, "1 new, ") {
		t.Fatalf("import: exit %d: %s%s", code, out, errs)
	}
	bad := filepath.Join(dir, "p.csv")
	os.WriteFile(bad, []byte("id,patient,at\nP-1,console:local,2099-12-01 14:30\n"+strings.Repeat("I", 2000)+
		",console:local,2099-12-01 14:30\nP-3,console:local,2099-12-01 14:30\n"), 0o600)
	code, out, errs := runCmd(t, nil, "", "appointments", "import", "--data", dir, bad)
	if code != 1 || !strings.Contains(errs, "p.csv:3: appointment \"IIII") || !strings.Contains(errs, "id is 2000 bytes long; at most 256") ||
		!strings.Contains(errs, "nothing was imported") {
		t.Errorf("import of a file with a problem: exit %d: %s%s", code, out, errs)
	}

	code, out, errs = runCmd(t, nil, "", "appointments", "list", "--json", "--data", dir)
	var list []admin.Appointment
	if code != 0 || json.Unmarshal([]byte(out), &list) != nil {
		t.Fatalf("list: exit %d: %s%s", code, out, errs)
	}
	if len(list) != 1 || list[0].At != "2099-12-01T14:30:00-05:00" {
		t.Errorf("list: %+v; want Z-1 alone, at 14:30 New York time", list)
	}

	// 'remind add' without --tz sends UTC itself; the API's default is
	// the clinic's zone.
	token, err := admin.ReadToken(func(string) string { return "" }, filepath.Join(dir, "admin.token"))
	if err != nil {
		t.Fatal(err)
	}
	addr, err := os.ReadFile(filepath.Join(dir, "admin.addr"))
	if err != nil {
		t.Fatal(err)
	}
	c := &admin.Client{Base: "http://" + strings.TrimSpace(string(addr)), Token: token}
	if _, err := c.AddReminder(ctx, admin.Reminder{To: "console:local", At: "2099-12-02 09:00", Text: "Bring your inhaler"}); err != nil {
		t.Fatal(err)
	}
	entries, err := c.Audit(ctx, "1d")
	found := false
	for _, e := range entries {
		found = found || e.Action == "reminders.add" && e.Detail == "due 2099-12-02T14:00:00Z"
	}
	if err != nil || !found {
		t.Errorf("audit: %+v, %v; want a reminder due at 09:00 New York time", entries, err)
	}

	// QA: 02:30 on the day New York's clocks spring forward never
	// happens; it was stored as 01:30 EST, an hour early. It is 03:00 EDT,
	// as campaigns and patients' own reminders read it.
	gap := filepath.Join(dir, "gap.csv")
	os.WriteFile(gap, []byte("id,patient,at,timezone\nG-1,console:local,2099-03-08 02:30,America/New_York\nG-2,console:local,2099-03-08 02:30,\n"), 0o600)
	if code, out, errs := runCmd(t, nil, "", "appointments", "import", "--data", dir, gap); code != 0 || !strings.HasPrefix(out, "2 new, ") {
		t.Fatalf("import: exit %d: %s%s", code, out, errs)
	}
	code, out, errs = runCmd(t, nil, "", "appointments", "list", "--json", "--data", dir)
	list = nil
	if code != 0 || json.Unmarshal([]byte(out), &list) != nil {
		t.Fatalf("list: exit %d: %s%s", code, out, errs)
	}
	var got []string
	for _, a := range list {
		if strings.HasPrefix(a.ID, "G-") {
			got = append(got, a.ID+" "+a.At)
		}
	}
	if want := "[G-1 2099-03-08T03:00:00-04:00 G-2 2099-03-08T03:00:00-04:00]"; fmt.Sprint(got) != want {
		t.Errorf("list: got %v, want %s", got, want)
	}
	if code, out, errs := runCmd(t, nil, "", "remind", "add", "--data", dir, "--to", "console:local", "--at", "2099-03-08 02:30", "--text", "In the gap"); code != 0 {
		t.Fatalf("remind add: exit %d: %s%s", code, out, errs)
	}
	entries, err = c.Audit(ctx, "1d")
	found = false
	for _, e := range entries {
		found = found || e.Action == "reminders.add" && e.Detail == "due 2099-03-08T07:00:00Z"
	}
	if err != nil || !found {
		t.Errorf("audit: %+v, %v; want a reminder due at 03:00 New York time (07:00 UTC)", entries, err)
	}
}
