package telegram_test

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"log/slog"
	"maps"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"sync"
	"testing"
	"time"

	"github.com/carebot/carebot"
	"github.com/carebot/carebot/adapters/telegram"
	"github.com/carebot/carebot/adapters/telegram/telegramtest"
)

// The child: a bot process the crash test kills. It runs only when the
// parent test sets the environment.
func TestCrashChild(t *testing.T) {
	path, endpoint := os.Getenv("TELEGRAM_CRASH_STATE"), os.Getenv("TELEGRAM_API_ENDPOINT")
	if path == "" {
		t.Skip("run by TestSIGKILLAnswersEveryUpdateOnce")
	}
	b, err := telegram.New(context.Background(), telegramtest.Token, handler(echoText), &fileState{path: path},
		telegram.Options{Endpoint: endpoint, Logger: slog.New(slog.DiscardHandler)})
	if err != nil {
		t.Fatal(err)
	}
	t.Fatal(b.Run(context.Background())) // runs until killed
}

// A real bot process is SIGKILLed three times while it works through 60
// messages; after the last restart every message has been answered, and
// each recipient got at most one duplicate per kill (the send in flight).
func TestSIGKILLAnswersEveryUpdateOnce(t *testing.T) {
	if testing.Short() {
		t.Skip("starts and kills processes")
	}
	fake := telegramtest.NewServer()
	defer fake.Close()
	const users, each = 30, 2
	want := map[string]bool{}
	for i := range users * each {
		text := fmt.Sprint("question ", i)
		fake.QueueDM(int64(7000+i%users), text)
		want["echo: "+text] = true
	}
	state := filepath.Join(t.TempDir(), "state.json")
	start := func() *exec.Cmd {
		cmd := exec.Command(os.Args[0], "-test.run=^TestCrashChild$")
		cmd.Env = append(os.Environ(), "TELEGRAM_CRASH_STATE="+state, "TELEGRAM_API_ENDPOINT="+fake.URL)
		if err := cmd.Start(); err != nil {
			t.Fatal(err)
		}
		return cmd
	}
	ctx, cancel := context.WithTimeout(context.Background(), time.Minute)
	defer cancel()
	kills := 0
	for _, after := range []int{5, 21, 40} {
		cmd := start()
		if _, err := fake.WaitMessages(ctx, after); err != nil {
			cmd.Process.Kill()
			t.Fatalf("before kill %d: %v", kills+1, err)
		}
		cmd.Process.Kill() // SIGKILL
		cmd.Wait()
		kills++
	}
	cmd := start()
	defer func() {
		cmd.Process.Kill()
		cmd.Wait()
	}()
	err := fake.Wait(ctx, func(st telegramtest.Snapshot) bool {
		seen := map[string]bool{}
		for _, c := range st.Calls {
			if c.Method == "sendMessage" && want[c.Text] {
				seen[c.Text] = true
			}
		}
		return len(seen) == len(want) && st.Pending == 0 && st.Polling > 0
	})
	if err != nil {
		t.Fatalf("not every message was answered: %v", err)
	}
	perChat := map[int64]map[string]int{}
	for _, m := range fake.Messages() {
		if !want[m.Text] {
			t.Errorf("unexpected message %q", m.Text)
		}
		if perChat[m.ChatID] == nil {
			perChat[m.ChatID] = map[string]int{}
		}
		perChat[m.ChatID][m.Text]++
	}
	answered := 0
	for _, texts := range perChat {
		answered += len(texts)
	}
	if answered != len(want) {
		t.Errorf("%d questions answered, want %d", answered, len(want))
	}
	dups := 0
	for chat, texts := range perChat {
		n := 0
		for _, c := range texts {
			n += c - 1
		}
		if n > kills {
			t.Errorf("chat %d got %d duplicates over %d kills, want at most one per kill", chat, n, kills)
		}
		dups += n
	}
	t.Logf("%d questions, %d kills: %d duplicates", len(want), kills, dups)
}

// fileState is a durable telegram.State in one JSON file, replaced
// atomically (write, fsync, rename) on every change: enough for the crash
// test, where the store must survive SIGKILL.
type fileState struct {
	path string
	mu   sync.Mutex
}

type fileData struct {
	Cursor  telegram.Cursor
	Pending map[uint64][]byte
}

func (f *fileState) read() (fileData, error) {
	d := fileData{Pending: map[uint64][]byte{}}
	b, err := os.ReadFile(f.path)
	if errors.Is(err, os.ErrNotExist) {
		return d, nil
	}
	if err != nil {
		return d, err
	}
	return d, json.Unmarshal(b, &d)
}

func (f *fileState) write(d fileData) error {
	b, err := json.Marshal(d)
	if err != nil {
		return err
	}
	tmp := f.path + ".tmp"
	w, err := os.Create(tmp)
	if err != nil {
		return err
	}
	if _, err := w.Write(b); err != nil {
		w.Close()
		return err
	}
	if err := w.Sync(); err != nil {
		w.Close()
		return err
	}
	if err := w.Close(); err != nil {
		return err
	}
	return os.Rename(tmp, f.path)
}

func (f *fileState) Load(ctx context.Context) (telegram.Cursor, []telegram.Outgoing, error) {
	f.mu.Lock()
	defer f.mu.Unlock()
	d, err := f.read()
	var out []telegram.Outgoing
	for _, seq := range slices.Sorted(maps.Keys(d.Pending)) {
		out = append(out, telegram.Outgoing{Seq: seq, Data: d.Pending[seq]})
	}
	return d.Cursor, out, err
}

func (f *fileState) Commit(ctx context.Context, c telegram.Cursor, out []telegram.Outgoing) error {
	f.mu.Lock()
	defer f.mu.Unlock()
	d, err := f.read()
	if err != nil {
		return err
	}
	d.Cursor = c
	for _, o := range out {
		d.Pending[o.Seq] = o.Data
	}
	return f.write(d)
}

func (f *fileState) Done(ctx context.Context, seq uint64) error {
	f.mu.Lock()
	defer f.mu.Unlock()
	d, err := f.read()
	if err != nil {
		return err
	}
	delete(d.Pending, seq)
	return f.write(d)
}

func TestFileStateKeepsTheContract(t *testing.T) {
	telegramtest.TestState(t, func(t *testing.T) (telegram.State, func() telegram.State) {
		path := filepath.Join(t.TempDir(), "state.json")
		return &fileState{path: path}, func() telegram.State { return &fileState{path: path} }
	})
}

var _ carebot.Handler = (*handlerFunc)(nil)
