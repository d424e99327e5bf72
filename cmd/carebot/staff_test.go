package main

import (
	"bytes"
	"encoding/json"
	"fmt"
	"io"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"

	"github.com/carebot/carebot/bolt"
)

// fakeAdmin stands in for a running bot's admin API: it records what each
// request carried (its token, its body) and answers with an empty success.
type fakeAdmin struct {
	*httptest.Server
	mu       sync.Mutex
	requests []fakeRequest
}

type fakeRequest struct {
	Method, Path, Token string
	Body                map[string]any
}

func newFakeAdmin(t *testing.T) *fakeAdmin {
	t.Helper()
	f := &fakeAdmin{}
	f.Server = httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		req := fakeRequest{Method: r.Method, Path: r.URL.Path, Token: strings.TrimPrefix(r.Header.Get("Authorization"), "Bearer ")}
		b, _ := io.ReadAll(r.Body)
		json.Unmarshal(b, &req.Body)
		f.mu.Lock()
		f.requests = append(f.requests, req)
		f.mu.Unlock()
		w.Header().Set("Content-Type", "application/json")
		io.WriteString(w, `{"id": "x1", "appointments": [], "entries": []}`)
	}))
	t.Cleanup(f.Close)
	return f
}

// got returns the requests received so far.
func (f *fakeAdmin) got() []fakeRequest {
	f.mu.Lock()
	defer f.mu.Unlock()
	return append([]fakeRequest(nil), f.requests...)
}

// addr is the fake's HOST:PORT, as a bot writes it to DIR/admin.addr.
func (f *fakeAdmin) addr() string { return strings.TrimPrefix(f.URL, "http://") }

// botDataDir makes a data directory as a bot leaves it: its admin token,
// and, when the bot is running, the address it listens on ("" for none)
// and its database, held open (and so locked) as the bot holds it.
func botDataDir(t *testing.T, token, addr string) string {
	t.Helper()
	dir := t.TempDir()
	if err := os.WriteFile(filepath.Join(dir, "admin.token"), []byte(token+"\n"), 0o600); err != nil {
		t.Fatal(err)
	}
	if addr != "" {
		holdDB(t, dir)
		if err := os.WriteFile(filepath.Join(dir, "admin.addr"), []byte(addr+"\n"), 0o600); err != nil {
			t.Fatal(err)
		}
	}
	return dir
}

// holdDB opens dir's database until the test ends, as a running bot does.
func holdDB(t *testing.T, dir string) {
	t.Helper()
	db, err := bolt.Open(filepath.Join(dir, "carebot.db"), bytes.Repeat([]byte{7}, bolt.KeySize), bolt.Options{})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { db.Close() })
}

// A staff command finds the bot's data directory as `run` does (flag,
// environment, config, default) and talks to the address that directory
// names, with its token. A directory that names none belongs to a bot that
// is not running: its token is sent nowhere, least of all to the default
// port, where another clinic's bot may listen.
func TestStaffFindsTheBotOfItsDataDir(t *testing.T) {
	const token = "dir-token-0123456789"
	running := newFakeAdmin(t) // the bot of the data directory
	other := newFakeAdmin(t)   // another bot, which must never see the token
	up := botDataDir(t, token, running.addr())
	down := botDataDir(t, token, "")
	home := t.TempDir()
	os.MkdirAll(filepath.Join(home, ".local", "share"), 0o700)
	os.Symlink(up, filepath.Join(home, ".local", "share", "carebot"))
	cfgUp := filepath.Join(t.TempDir(), "carebot.yaml")
	os.WriteFile(cfgUp, []byte("data: "+up+"\n"), 0o600)
	cfgDown := filepath.Join(t.TempDir(), "carebot.yaml")
	os.WriteFile(cfgDown, []byte("data: "+down+"\n"), 0o600)
	missing := filepath.Join(t.TempDir(), "nope")
	// A bot killed with kill -9 leaves its admin.addr; another process
	// listens on that port now.
	killed := botDataDir(t, token, "")
	db, err := bolt.Open(filepath.Join(killed, "carebot.db"), bytes.Repeat([]byte{7}, bolt.KeySize), bolt.Options{})
	if err != nil {
		t.Fatal(err)
	}
	db.Close()
	os.WriteFile(filepath.Join(killed, "admin.addr"), []byte(running.addr()+"\n"), 0o600)
	noDB := botDataDir(t, token, "")
	os.WriteFile(filepath.Join(noDB, "admin.addr"), []byte(running.addr()+"\n"), 0o600)
	starting := botDataDir(t, token, "") // a bot whose admin API is not up yet
	holdDB(t, starting)
	noToken := t.TempDir() // a bot that takes its token from the environment
	holdDB(t, noToken)
	os.WriteFile(filepath.Join(noToken, "admin.addr"), []byte(running.addr()+"\n"), 0o600)

	tests := []struct {
		name      string
		env       map[string]string
		args      []string
		wantCode  int
		wantErr   string
		wantToken string // what the running bot receives; "" for nothing
	}{
		{"--data of a running bot", nil, []string{"--data", up}, 0, "", token},
		{"$CAREBOT_DATA", map[string]string{"CAREBOT_DATA": up}, nil, 0, "", token},
		{"--config's data", nil, []string{"--config", cfgUp}, 0, "", token},
		{"$CAREBOT_CONFIG's data", map[string]string{"CAREBOT_CONFIG": cfgUp}, nil, 0, "", token},
		{"the default data directory", map[string]string{"HOME": home}, nil, 0, "", token},
		{"--data wins over the config", map[string]string{"CAREBOT_CONFIG": cfgDown}, []string{"--data", up}, 0, "", token},
		{"--admin and $CAREBOT_ADMIN_TOKEN", map[string]string{"CAREBOT_ADMIN_TOKEN": "env-token-0123456789", "HOME": t.TempDir()},
			[]string{"--admin", running.addr()}, 0, "", "env-token-0123456789"},
		{"--data of a bot not running", nil, []string{"--data", down}, 1,
			"the bot for " + down + " is not running (start it, or give --admin ADDR)", ""},
		{"--data of a bot not running, $CAREBOT_ADMIN another's", map[string]string{"CAREBOT_ADMIN": other.addr()}, []string{"--data", down}, 1,
			"the bot for " + down + " is not running", ""},
		{"$CAREBOT_CONFIG's data of a bot not running", map[string]string{"CAREBOT_CONFIG": cfgDown}, nil, 1,
			"the bot for " + down + " is not running", ""},
		{"a running bot's token in its environment", nil, []string{"--data", noToken}, 1,
			"the bot for " + noToken + " keeps its admin token in $CAREBOT_ADMIN_TOKEN", ""},
		{"--admin without a token", map[string]string{"HOME": t.TempDir()}, []string{"--admin", running.addr()}, 1,
			"no admin token for http://" + running.addr() + ": set $CAREBOT_ADMIN_TOKEN", ""},
		// The token never crosses a network in clear (TEST-NET-1: nothing there).
		{"--admin beyond loopback over http", map[string]string{"CAREBOT_ADMIN_TOKEN": "env-token-0123456789"}, []string{"--admin", "192.0.2.7:8089"}, 1,
			"not sending the admin token in clear to 192.0.2.7:8089: give https://192.0.2.7:8089 behind a TLS proxy", ""},
		{"$CAREBOT_ADMIN beyond loopback over http", map[string]string{"CAREBOT_ADMIN": "http://bot.clinic.example:8089", "CAREBOT_ADMIN_TOKEN": "env-token-0123456789"}, nil, 1,
			"not sending the admin token in clear to bot.clinic.example:8089", ""},
		{"--admin of another scheme", map[string]string{"CAREBOT_ADMIN_TOKEN": "env-token-0123456789"}, []string{"--admin", "ftp://192.0.2.7"}, 2,
			`the admin address "ftp://192.0.2.7" (--admin or $CAREBOT_ADMIN) is not one`, ""},
		{"a data directory that does not exist", nil, []string{"--data", missing}, 1, "no carebot data directory " + missing, ""},
		{"the admin.addr of a killed bot", nil, []string{"--data", killed}, 1,
			"carebot is not running for " + killed + " (its admin.addr is left from an earlier run that did not stop cleanly", ""},
		{"an admin.addr without a database", nil, []string{"--data", noDB}, 1, "carebot is not running for " + noDB, ""},
		{"a bot starting", nil, []string{"--data", starting}, 1,
			"the bot for " + starting + " has its database open but its admin API is not up: if it is starting, try again in a moment", ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			before := len(running.got())
			code, _, stderr := runCmd(t, tt.env, "", append([]string{"appointments", "list"}, tt.args...)...)
			if code != tt.wantCode || !strings.Contains(stderr, tt.wantErr) {
				t.Errorf("got exit %d, stderr %q; want exit %d mentioning %q", code, stderr, tt.wantCode, tt.wantErr)
			}
			got := running.got()[before:]
			switch {
			case tt.wantToken == "" && len(got) > 0:
				t.Errorf("the bot received %+v, want nothing", got)
			case tt.wantToken != "" && (len(got) != 1 || got[0].Token != tt.wantToken):
				t.Errorf("the bot received %+v, want one request with token %q", got, tt.wantToken)
			}
		})
	}
	if got := other.got(); len(got) > 0 {
		t.Errorf("another bot received %+v, want nothing", got)
	}
}

// A word left over after the flags is most often the rest of a text typed
// without quotes: sending "We" for "We are closed Friday" is worse than
// refusing. Every staff command refuses it, before talking to the bot.
func TestStaffCommandsRefuseExtraWords(t *testing.T) {
	bot := newFakeAdmin(t)
	env := map[string]string{"CAREBOT_ADMIN": bot.addr(), "CAREBOT_ADMIN_TOKEN": "env-token-0123456789", "HOME": t.TempDir()}
	appts := filepath.Join(t.TempDir(), "appts.csv")
	os.WriteFile(appts, []byte("id,patient,at\nA-1,console:local,2030-01-01 10:00\n"), 0o600)
	tests := []struct {
		args    []string
		wantErr string
	}{
		{[]string{"remind", "add", "--to", "console:local", "--at", "2026-12-01 09:00", "--text", "Your", "lab", "results", "are", "ready"},
			`remind add: unexpected argument "lab" (quote a text with spaces)`},
		{[]string{"broadcast", "--purpose", "announcements", "--text", "We", "are", "closed", "Friday"},
			`broadcast: unexpected argument "are" (quote a text with spaces)`},
		{[]string{"appointments", "list", "extra"}, `appointments list: unexpected argument "extra" (quote a text with spaces)`},
		{[]string{"appointments", "list", "--patient", "telegram:1", "extra"}, `unexpected argument "extra"`},
		{[]string{"appointments", "import", appts, "extra"}, `appointments import: unexpected argument "extra"`},
		{[]string{"appointments", "cancel", "A-1", "A-2"},
			`appointments cancel: unexpected argument "A-2" (cancel one ID at a time, or import a file with status cancelled; quote an ID with spaces)`},
		{[]string{"report", "b1", "extra"}, `report: unexpected argument "extra" (one BROADCAST_ID at a time)`},
		{[]string{"audit", "30d"}, `audit: unexpected argument "30d" (did you mean --since?)`},
		{[]string{"faq", "misses", "7d"}, `faq misses: unexpected argument "7d" (did you mean --since?)`},
	}
	for _, tt := range tests {
		t.Run(strings.Join(tt.args, " "), func(t *testing.T) {
			code, stdout, stderr := runCmd(t, env, "", tt.args...)
			if code != 2 || stdout != "" || !strings.Contains(stderr, tt.wantErr) {
				t.Errorf("got exit %d, stdout %q, stderr %q; want exit 2 and %q", code, stdout, stderr, tt.wantErr)
			}
		})
	}
	if got := bot.got(); len(got) > 0 {
		t.Errorf("the bot received %+v, want nothing", got)
	}
	// The same commands with their text quoted reach the bot.
	for _, args := range [][]string{
		{"remind", "add", "--to", "console:local", "--at", "2026-12-01 09:00", "--text", "Your lab results are ready"},
		{"broadcast", "--purpose", "announcements", "--text", "We are closed Friday"},
	} {
		if code, _, stderr := runCmd(t, env, "", args...); code != 0 {
			t.Errorf("%v: exit %d: %s", args, code, stderr)
		}
	}
	if got := bot.got(); len(got) != 2 || got[0].Body["text"] != "Your lab results are ready" || got[1].Body["text"] != "We are closed Friday" {
		t.Errorf("the bot received %+v, want the two whole texts", got)
	}
}

// A blank argument is a mistake in the call, refused before the bot is
// asked, with exit 2: a text of spaces only would send patients a blank
// message, and an empty ID ("$ID" unset) would only show an HTTP error.
func TestStaffCommandsRefuseBlankArguments(t *testing.T) {
	bot := newFakeAdmin(t)
	env := map[string]string{"CAREBOT_ADMIN": bot.addr(), "CAREBOT_ADMIN_TOKEN": "env-token-0123456789", "HOME": t.TempDir()}
	tests := []struct {
		args    []string
		wantErr string
	}{
		{[]string{"broadcast", "--text", ""}, "broadcast: --text is required"},
		{[]string{"broadcast", "--text", "   "}, "broadcast: --text is blank: give the message"},
		{[]string{"broadcast", "--purpose", "awareness", "--text", "\t\n "}, "broadcast: --text is blank: give the message"},
		{[]string{"remind", "add", "--to", "console:local", "--at", "2026-12-01 09:00", "--text", ""}, "remind add: --to, --at and --text are required"},
		{[]string{"remind", "add", "--to", "console:local", "--at", "2026-12-01 09:00", "--text", " "}, "remind add: --text is blank: give the reminder"},
		{[]string{"report"}, "report: give one BROADCAST_ID"},
		{[]string{"report", ""}, "report: BROADCAST_ID is empty; give one"},
		{[]string{"report", "  ", "--json"}, "report: BROADCAST_ID is empty; give one"},
		{[]string{"appointments", "cancel"}, "appointments cancel: give one ID"},
		{[]string{"appointments", "cancel", ""}, "appointments cancel: ID is empty; give one"},
		// QA: a text too long for one message exited 1, after asking the
		// bot, without its length.
		{[]string{"remind", "add", "--to", "console:local", "--at", "2026-12-01 09:00", "--text", strings.Repeat("é", 1001)},
			"remind add: --text is 2002 bytes; at most 2000 fit in one message"},
		{[]string{"broadcast", "--text", strings.Repeat("x", 2001)}, "broadcast: --text is 2001 bytes; at most 2000 fit in one message"},
		// QA: escape codes, a NUL and zero-width spaces alone went out.
		{[]string{"broadcast", "--text", "bell\x07\x1b[31mred"}, "broadcast: --text has a control character (U+0007)"},
		{[]string{"broadcast", "--text", "\u200b\u200b"}, "broadcast: --text is empty or only spaces (or characters that show nothing)"},
		{[]string{"remind", "add", "--to", "console:local", "--at", "2026-12-01 09:00", "--text", "a\x00b"}, "remind add: --text has a control character (U+0000)"},
	}
	for _, tt := range tests {
		t.Run(strings.Join(tt.args, " "), func(t *testing.T) {
			code, stdout, stderr := runCmd(t, env, "", tt.args...)
			if code != 2 || stdout != "" || !strings.Contains(stderr, tt.wantErr) || strings.Contains(stderr, "404") {
				t.Errorf("got exit %d, stdout %q, stderr %q; want exit 2 and %q", code, stdout, stderr, tt.wantErr)
			}
		})
	}
	if got := bot.got(); len(got) > 0 {
		t.Errorf("the bot received %+v, want nothing", got)
	}
}

// A broadcast id that the bot would refuse (a space, a slash, a leading
// dash that `carebot report -x` would read as a flag) is refused before
// the bot is asked, saying what an id may hold.
func TestBroadcastID(t *testing.T) {
	bot := newFakeAdmin(t)
	env := map[string]string{"CAREBOT_ADMIN": bot.addr(), "CAREBOT_ADMIN_TOKEN": "env-token-0123456789"}
	for _, id := range []string{"closed friday", "a/b", "-x", "  "} {
		code, stdout, stderr := runCmd(t, env, "", "broadcast", "--id", id, "--text", "Closed Friday")
		want := fmt.Sprintf(`broadcast: --id %q: use only ASCII letters (a-z, A-Z, no accents), digits, '.', '_' and '-', starting with a letter or digit, at most 64 (such as closed-2026-12-26)`, id)
		if code != 2 || stdout != "" || !strings.Contains(stderr, want) {
			t.Errorf("--id %q: got exit %d, stdout %q, stderr %q; want exit 2 and %q", id, code, stdout, stderr, want)
		}
	}
	if got := bot.got(); len(got) > 0 {
		t.Errorf("the bot received %+v, want nothing", got)
	}
	if code, _, stderr := runCmd(t, env, "", "broadcast", "--id", "closed-2026-12-26", "--text", "Closed Friday"); code != 0 {
		t.Errorf("a good id: exit %d: %s", code, stderr)
	}
}

// A broadcast goes to those opted in to announcements or awareness; a
// purpose it cannot have is refused before the bot is asked, naming only
// the two it can.
func TestBroadcastPurpose(t *testing.T) {
	bot := newFakeAdmin(t)
	env := map[string]string{"CAREBOT_ADMIN": bot.addr(), "CAREBOT_ADMIN_TOKEN": "env-token-0123456789"}
	for _, p := range []string{"bogus", "appointments"} {
		code, _, stderr := runCmd(t, env, "", "broadcast", "--purpose", p, "--text", "Closed Friday")
		if want := `broadcast: --purpose: want announcements or awareness, got "` + p + `"`; code != 2 || !strings.Contains(stderr, want) {
			t.Errorf("--purpose %s: got exit %d, stderr %q; want exit 2 and %q", p, code, stderr, want)
		}
	}
	if got := bot.got(); len(got) > 0 {
		t.Errorf("the bot received %+v, want nothing", got)
	}
	for _, p := range []string{"announcements", "Awareness", "announcement"} {
		if code, _, stderr := runCmd(t, env, "", "broadcast", "--purpose", p, "--text", "Closed Friday"); code != 0 {
			t.Errorf("--purpose %s: exit %d: %s", p, code, stderr)
		}
	}
}

// remind add sends the zone given with --tz and none without it, so the
// bot reads a local --at in the clinic's zone, not in UTC. A zone that is
// not one is refused before the bot is asked.
func TestRemindAddZone(t *testing.T) {
	bot := newFakeAdmin(t)
	env := map[string]string{"CAREBOT_ADMIN": bot.addr(), "CAREBOT_ADMIN_TOKEN": "env-token-0123456789"}
	add := []string{"remind", "add", "--to", "console:local", "--at", "2026-12-01 09:00", "--text", "Lab results are ready"}
	for _, args := range [][]string{add, append(add, "--tz", "America/Chicago")} {
		if code, _, stderr := runCmd(t, env, "", args...); code != 0 {
			t.Fatalf("%v: exit %d: %s", args, code, stderr)
		}
	}
	code, _, stderr := runCmd(t, env, "", append(add, "--tz", "Chicago")...)
	if want := `remind add: --tz: "Chicago" is not an IANA time zone`; code != 2 || !strings.Contains(stderr, want) {
		t.Errorf("--tz Chicago: got exit %d, stderr %q; want exit 2 and %q", code, stderr, want)
	}
	got := bot.got()
	if len(got) != 2 {
		t.Fatalf("the bot received %+v, want two reminders", got)
	}
	if zone, ok := got[0].Body["timezone"]; ok {
		t.Errorf("without --tz: sent timezone %q, want none", zone)
	}
	if zone := got[1].Body["timezone"]; zone != "America/Chicago" {
		t.Errorf("--tz America/Chicago: sent timezone %v", zone)
	}
}

// QA: carebot report listed the bot's keys (skipped:unreachable); staff
// read words, in the order things happen, and --json keeps the keys.
func TestReportInStaffWords(t *testing.T) {
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		io.WriteString(w, `{"id": "closure", "resolved": true, "pending": 0, "unreachable": ["telegram:9"],
			"counts": {"failed": 1, "skipped:unreachable": 1, "sent": 7, "skipped:opted-out": 2, "skipped:quiet-hours": 1, "skipped:new-reason": 1}}`)
	}))
	defer srv.Close()
	env := map[string]string{"CAREBOT_ADMIN": srv.URL, "CAREBOT_ADMIN_TOKEN": "env-token-0123456789", "HOME": t.TempDir()}
	code, out, stderr := runCmd(t, env, "", "report", "closure")
	want := `broadcast closure: audience resolved, 0 pending
  sent                                                              7
  not sent: opted out before their turn                             2
  not sent: unreachable (blocked the bot or closed their messages)  1
  not sent: held by quiet hours until too late                      1
  failed (every try)                                                1
  skipped:new-reason                                                1
1 unreachable (blocked the bot or closed their messages); --json lists them
`
	if code != 0 || out != want {
		t.Errorf("got exit %d, stderr %q, stdout\n%s\nwant\n%s", code, stderr, out, want)
	}
	if code, out, _ := runCmd(t, env, "", "report", "--json", "closure"); code != 0 || !strings.Contains(out, `"skipped:unreachable": 1`) {
		t.Errorf("--json: exit %d, %s; want the bot's keys", code, out)
	}
}
