package faq

import (
	"context"
	"errors"
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"sync"
	"testing"
	"time"
)

const watchKB = `version: 1
language: en
clinic: {name: Test, phone: "555 0100"}
entries:
  - id: hours
    question: When are you open?
    answer: %s
`

func kbText(answer string) string { return strings.Replace(watchKB, "%s", answer, 1) }

// watchHarness runs a Watcher on a temp file with an injected tick.
type watchHarness struct {
	t      *testing.T
	path   string
	tick   chan time.Time
	swaps  chan *KB
	errs   chan error
	cancel context.CancelFunc
	done   sync.WaitGroup
}

func newWatchHarness(t *testing.T, initial string) *watchHarness {
	t.Helper()
	h := &watchHarness{
		t:     t,
		path:  filepath.Join(t.TempDir(), "faq.yaml"),
		tick:  make(chan time.Time), // unbuffered: a send returns once the watcher takes it
		swaps: make(chan *KB, 10),
		errs:  make(chan error, 10),
	}
	h.write(initial)
	ctx, cancel := context.WithCancel(context.Background())
	h.cancel = cancel
	w := &Watcher{Path: h.path, Tick: h.tick, Swap: func(kb *KB) { h.swaps <- kb }, Report: func(err error) { h.errs <- err }}
	h.done.Add(1)
	go func() { defer h.done.Done(); w.Run(ctx) }()
	t.Cleanup(h.stop)
	h.poll() // the watcher has taken its baseline before the test edits
	return h
}

func (h *watchHarness) stop() {
	h.cancel()
	h.done.Wait()
}

// write replaces the file the way editors do: a temp file renamed over it.
func (h *watchHarness) write(content string) {
	h.t.Helper()
	tmp := h.path + ".tmp"
	if err := os.WriteFile(tmp, []byte(content), 0o600); err != nil {
		h.t.Fatal(err)
	}
	if err := os.Rename(tmp, h.path); err != nil {
		h.t.Fatal(err)
	}
}

// poll makes the watcher poll once and waits until that poll is over (the
// second send is taken only after the first poll finished).
func (h *watchHarness) poll() {
	for range 2 {
		select {
		case h.tick <- time.Now():
		case <-time.After(10 * time.Second):
			h.t.Fatal("watcher does not take ticks")
		}
	}
}

func (h *watchHarness) nothing() {
	h.t.Helper()
	select {
	case kb := <-h.swaps:
		h.t.Fatalf("got a swap to %q, want none", kb.Entries[0].Answer)
	case err := <-h.errs:
		h.t.Fatalf("got error %v, want none", err)
	default:
	}
}

func TestWatchSwapsValidEdits(t *testing.T) {
	h := newWatchHarness(t, kbText("nine to five"))
	h.poll()
	h.nothing()

	h.write(kbText("eight to six, and Saturdays"))
	h.poll()
	select {
	case kb := <-h.swaps:
		if got, want := kb.Entries[0].Answer, "eight to six, and Saturdays"; got != want {
			t.Errorf("got answer %q, want %q", got, want)
		}
	default:
		t.Fatal("got no swap after a valid edit")
	}
	h.poll()
	h.nothing() // no change since
}

func TestWatchKeepsOldOnBrokenEdit(t *testing.T) {
	h := newWatchHarness(t, kbText("nine to five"))
	broken := strings.Replace(kbText("x"), "question: When are you open?", "question: [unclosed", 1)
	h.write(broken)
	h.poll()
	select {
	case err := <-h.errs:
		var es Errors
		if !errors.As(err, &es) || es[0].Line != 6 {
			t.Errorf("got error %v, want a faq error on line 6", err)
		}
	default:
		t.Fatal("got no error report for a broken edit")
	}
	h.nothing() // no swap: the old knowledge base keeps serving
	h.poll()
	h.nothing() // reported once, not on every poll

	h.write(kbText("fixed"))
	h.poll()
	select {
	case kb := <-h.swaps:
		if kb.Entries[0].Answer != "fixed" {
			t.Errorf("got answer %q, want %q", kb.Entries[0].Answer, "fixed")
		}
	default:
		t.Fatal("got no swap after fixing the file")
	}
}

func TestWatchReportsMissingFile(t *testing.T) {
	h := newWatchHarness(t, kbText("nine to five"))
	if err := os.Remove(h.path); err != nil {
		t.Fatal(err)
	}
	h.poll()
	select {
	case err := <-h.errs:
		if !errors.Is(err, os.ErrNotExist) {
			t.Errorf("got %v, want a not-exist error", err)
		}
	default:
		t.Fatal("got no report for a removed file")
	}
	h.write(kbText("back"))
	h.poll()
	select {
	case kb := <-h.swaps:
		if kb.Entries[0].Answer != "back" {
			t.Errorf("got %q, want %q", kb.Entries[0].Answer, "back")
		}
	default:
		t.Fatal("got no swap when the file came back")
	}
}

func TestWatchIgnoresTouch(t *testing.T) {
	h := newWatchHarness(t, kbText("same"))
	h.write(kbText("same")) // new inode and mtime, same content
	h.poll()
	h.nothing()
}

func TestWatchStopsWithContext(t *testing.T) {
	h := newWatchHarness(t, kbText("x"))
	h.stop() // returns only when Run has returned
	select {
	case h.tick <- time.Now():
		t.Fatal("watcher still takes ticks after its context ended")
	default:
	}
}

// A file copied over faq.yaml by mistake (a video, a log) must not be read
// into the running bot's memory: the start refuses it unread past the cap,
// and so must a reload.
func TestReloadDoesNotReadAnOversizedFile(t *testing.T) {
	path := filepath.Join(t.TempDir(), "faq.yaml")
	f, err := os.Create(path)
	if err != nil {
		t.Fatal(err)
	}
	if err := f.Truncate(4 * MaxFileSize); err != nil { // sparse: no disk used
		t.Fatal(err)
	}
	f.Close()
	var got error
	w := &Watcher{Path: path, Swap: func(*KB) { t.Error("an oversized file was swapped in") }, Report: func(err error) { got = err }}
	var before, after runtime.MemStats
	runtime.ReadMemStats(&before)
	w.reload(w.stat(), fileState{})
	runtime.ReadMemStats(&after)
	if n := after.TotalAlloc - before.TotalAlloc; n > MaxFileSize {
		t.Errorf("reload allocated %d MB for a %d MB file, want at most the %d MB cap", n>>20, 4*MaxFileSize>>20, MaxFileSize>>20)
	}
	if got == nil || !strings.Contains(got.Error(), path+": the file is larger than 10 MB") {
		t.Errorf("got error %v, want one naming %s and the size cap", got, path)
	}
}

// QA: a file changed in place with its size and modification time kept
// ("cp -p" of an edited copy, a tool that restores the time) was never
// reloaded. Its status change time moved, and now tells.
func TestWatchSeesAnEditThatKeepsSizeAndTime(t *testing.T) {
	if runtime.GOOS != "linux" && runtime.GOOS != "darwin" {
		t.Skip("the status change time is read on Linux and macOS")
	}
	h := newWatchHarness(t, kbText("nine to five"))
	info, err := os.Stat(h.path)
	if err != nil {
		t.Fatal(err)
	}
	// The same size, written in place, the modification time put back.
	if err := os.WriteFile(h.path, []byte(kbText("nine to fiv!")), 0o600); err != nil {
		t.Fatal(err)
	}
	if err := os.Chtimes(h.path, info.ModTime(), info.ModTime()); err != nil {
		t.Fatal(err)
	}
	h.poll()
	select {
	case kb := <-h.swaps:
		if got := kb.Entries[0].Answer; got != "nine to fiv!" {
			t.Errorf("got answer %q", got)
		}
	default:
		t.Fatal("got no swap after an edit that kept the size and the modification time")
	}
}
