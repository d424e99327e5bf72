package main

import (
	"bytes"
	"net"
	"net/http"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/carebot/carebot/adapters/telegram/telegramtest"
)

// A bot killed with kill -9 cannot remove its admin.addr, and whatever
// listens on that port afterwards is not the bot. Staff commands send it
// nothing, the token least of all, and say the bot is not running; nor do
// they while a new bot for the directory is starting, before it has said
// where its admin API listens.
func TestStaleAdminAddr(t *testing.T) {
	if testing.Short() {
		t.Skip("runs the carebot binary")
	}
	if runtime.GOOS == "windows" {
		t.Skip("no flock: a staff command trusts admin.addr")
	}
	dir := t.TempDir()
	bot := startBot(t, dir, nil)
	b, err := os.ReadFile(filepath.Join(dir, "admin.addr"))
	if err != nil {
		t.Fatal(err)
	}
	addr := strings.TrimSpace(string(b))
	bot.cmd.Process.Kill() // SIGKILL: nothing is cleaned up
	bot.cmd.Wait()
	if _, err := os.Stat(filepath.Join(dir, "admin.addr")); err != nil {
		t.Fatalf("the killed bot's admin.addr: %v; want it left behind", err)
	}

	// Something else listens on the killed bot's port now.
	ln, err := net.Listen("tcp", addr)
	if err != nil {
		t.Skipf("the killed bot's port was taken before the test could listen on it: %v", err)
	}
	var (
		mu  sync.Mutex
		got []string
	)
	other := &http.Server{Handler: http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		mu.Lock()
		got = append(got, r.Method+" "+r.URL.Path+" "+r.Header.Get("Authorization"))
		mu.Unlock()
		http.NotFound(w, r)
	})}
	go other.Serve(ln)
	t.Cleanup(func() { other.Close() })

	staff := func(want string) {
		t.Helper()
		cmd := exec.Command(carebotBin, "appointments", "list", "--data", dir)
		cmd.Env = append(cleanEnv(), "CAREBOT_DATA=", "CAREBOT_ADMIN=", "CAREBOT_ADMIN_TOKEN=")
		var stderr bytes.Buffer
		cmd.Stderr = &stderr
		cmd.Run()
		if code := cmd.ProcessState.ExitCode(); code != 1 || !strings.Contains(stderr.String(), want) {
			t.Errorf("got exit %d, stderr %q; want exit 1 and %q", code, stderr.String(), want)
		}
		mu.Lock()
		defer mu.Unlock()
		if len(got) > 0 {
			t.Errorf("what listens on the old port received %q, want nothing", got)
		}
	}
	staff("carebot is not running for " + dir + " (its admin.addr is left from an earlier run that did not stop cleanly")

	// A new bot for dir, held up before its admin API (Telegram does not
	// answer its getMe): it has the database, and the old admin.addr must
	// not be taken for its own.
	asked := make(chan struct{})
	var once sync.Once
	stop := make(chan struct{})
	telegram := &http.Server{Handler: http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		once.Do(func() { close(asked) })
		select {
		case <-stop:
		case <-r.Context().Done():
		}
	})}
	tln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	go telegram.Serve(tln)
	t.Cleanup(func() { telegram.Close() })
	t.Cleanup(func() { close(stop) })
	starting := exec.Command(carebotBin, "--data", dir)
	starting.Env = append(cleanEnv(), "TELEGRAM_TOKEN="+telegramtest.Token, "TELEGRAM_API_ENDPOINT=http://"+tln.Addr().String())
	var logs bytes.Buffer
	starting.Stderr = &logs
	if err := starting.Start(); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() {
		starting.Process.Kill()
		starting.Wait()
		if t.Failed() {
			t.Logf("the starting bot's logs:\n%s", logs.String())
		}
	})
	select {
	case <-asked:
	case <-time.After(time.Minute): // only stops a broken test from hanging
		t.Fatal("the bot never asked Telegram's getMe")
	}
	staff("the bot for " + dir + " has its database open but its admin API is not up")
}
