package main

import (
	"bufio"
	"io"
	"os"
	"os/exec"
	"strings"
	"sync"
	"testing"
	"time"
)

// botProcess is a real carebot binary under test: its stdin, its stdout
// line by line, and its logs, shown if the test fails.
type botProcess struct {
	t     *testing.T
	cmd   *exec.Cmd
	in    io.WriteCloser
	lines chan string
	seen  []string
	logc  chan string // its log lines, for expectLog

	mu   sync.Mutex
	logs strings.Builder
}

// cleanEnv is the environment a test's carebot runs in: the machine's,
// without its key, faq, config or token, and with the admin API on a free
// port, so that a carebot running on the machine (on the default port)
// does not fail the test.
func cleanEnv() []string {
	return append(os.Environ(), "CAREBOT_KEY=", "CAREBOT_FAQ=", "CAREBOT_CONFIG=", "TELEGRAM_TOKEN=",
		"CAREBOT_ADMIN_LISTEN=127.0.0.1:0", "LANG=C")
}

// startBot runs carebot --data dir args... with env over a clean
// environment (no key, faq, config or token of the machine's), and returns
// once its admin API is up: it logs the address when it is.
func startBot(t *testing.T, dir string, env []string, args ...string) *botProcess {
	t.Helper()
	cmd := exec.Command(carebotBin, append([]string{"--data", dir, "--log-level", "info"}, args...)...)
	cmd.Env = append(cleanEnv(), env...) // later values win
	b := &botProcess{t: t, cmd: cmd, lines: make(chan string, 10000), logc: make(chan string, 10000)}
	var err error
	if b.in, err = cmd.StdinPipe(); err != nil {
		t.Fatal(err)
	}
	out, err := cmd.StdoutPipe()
	if err != nil {
		t.Fatal(err)
	}
	logs, err := cmd.StderrPipe()
	if err != nil {
		t.Fatal(err)
	}
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() {
		cmd.Process.Kill()
		cmd.Wait()
		if t.Failed() {
			b.mu.Lock()
			t.Logf("carebot's logs:\n%s", b.logs.String())
			b.mu.Unlock()
		}
	})
	go func() {
		sc := bufio.NewScanner(out)
		sc.Buffer(make([]byte, 64<<10), 1<<20)
		for sc.Scan() {
			b.lines <- sc.Text()
		}
		close(b.lines)
	}()
	up := make(chan struct{})
	go func() {
		ready := false
		sc := bufio.NewScanner(logs)
		for sc.Scan() {
			b.mu.Lock()
			if b.logs.Len() < 1<<20 {
				b.logs.WriteString(sc.Text() + "\n")
			}
			b.mu.Unlock()
			select {
			case b.logc <- sc.Text():
			default: // a test that reads no logs must not stall the bot
			}
			if !ready && strings.Contains(sc.Text(), "admin API listening") {
				ready = true
				close(up)
			}
		}
		if !ready { // it exited first
			close(up)
		}
		close(b.logc)
	}()
	<-up
	if cmd.ProcessState != nil {
		t.Fatalf("carebot exited before its admin API was up")
	}
	return b
}

// say types a line into the terminal chat.
func (b *botProcess) say(text string) { io.WriteString(b.in, text+"\n") }

// expect reads the bot's output until a line contains want.
func (b *botProcess) expect(want string) {
	b.t.Helper()
	b.await(b.lines, &b.seen, "say", []string{want})
}

// expectLog reads the bot's logs until a line contains every one of want,
// and returns that line.
func (b *botProcess) expectLog(want ...string) string {
	b.t.Helper()
	var seen []string
	return b.await(b.logc, &seen, "log", want)
}

// await reads lines from ch, adding each to seen, until one contains every
// one of want, and returns it. The deadline only stops a broken test from
// hanging; nothing is timed.
func (b *botProcess) await(ch <-chan string, seen *[]string, verb string, want []string) string {
	b.t.Helper()
	deadline := time.After(time.Minute)
	for {
		select {
		case line, ok := <-ch:
			if !ok {
				b.t.Fatalf("carebot ended before it would %s %q; it did:\n%s", verb, want, strings.Join(*seen, "\n"))
			}
			*seen = append(*seen, line)
			if containsAll(line, want) {
				return line
			}
		case <-deadline:
			b.t.Fatalf("carebot did not %s %q; it did:\n%s", verb, want, strings.Join(*seen, "\n"))
		}
	}
}

func containsAll(s string, subs []string) bool {
	for _, sub := range subs {
		if !strings.Contains(s, sub) {
			return false
		}
	}
	return true
}
