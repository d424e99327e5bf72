package faq

import (
	"bytes"
	"context"
	"crypto/sha256"
	"fmt"
	"os"
	"time"
)

// Watcher reloads a faq.yaml when it changes on disk.
//
// It polls the file's metadata (size, modification and status change
// times, and identity, so a rename over the file counts) instead of using inotify: editors save by
// writing a temporary file and renaming it over the original, which an
// inotify watch on the file loses; polling also works on network and
// container-mounted filesystems, and costs one stat per interval. A change
// is read and parsed; the content hash skips a touch that changed nothing.
type Watcher struct {
	// Path of the faq.yaml.
	Path string
	// Swap receives each new, valid knowledge base. Required.
	Swap func(*KB)
	// Report receives each problem (with its line, as Parse gives it)
	// while the previous knowledge base keeps serving. Required.
	Report func(error)
	// Interval between polls; 2 s when zero.
	Interval time.Duration
	// Tick, when set, replaces the interval timer (tests drive it).
	Tick <-chan time.Time
}

// Watch reloads path whenever it changes until ctx is done: a valid file
// goes to swap, a broken one to report (the old knowledge base keeps
// serving). It watches for changes after it starts; load the first
// knowledge base with Load before calling it.
func Watch(ctx context.Context, path string, swap func(*KB), report func(error)) {
	(&Watcher{Path: path, Swap: swap, Report: report}).Run(ctx)
}

// fileState is what a poll compares.
type fileState struct {
	info os.FileInfo // nil when the file could not be read
	err  error
	sum  [sha256.Size]byte
}

func (s fileState) same(o fileState) bool {
	switch {
	case s.info == nil || o.info == nil:
		return s.info == nil && o.info == nil && fmt.Sprint(s.err) == fmt.Sprint(o.err)
	case !os.SameFile(s.info, o.info):
		return false
	}
	return s.info.Size() == o.info.Size() && s.info.ModTime().Equal(o.info.ModTime()) &&
		changeTime(s.info).Equal(changeTime(o.info))
}

// Run polls until ctx is done. It returns when ctx is done and starts no
// goroutine of its own.
func (w *Watcher) Run(ctx context.Context) {
	tick := w.Tick
	if tick == nil {
		interval := w.Interval
		if interval <= 0 {
			interval = 2 * time.Second
		}
		t := time.NewTicker(interval)
		defer t.Stop()
		tick = t.C
	}
	last := w.stat()
	if data, err := readCapped(w.Path); err == nil {
		last.sum = sha256.Sum256(data)
	}
	for {
		select {
		case <-ctx.Done():
			return
		case <-tick:
		}
		cur := w.stat()
		if cur.same(last) {
			continue
		}
		last = w.reload(cur, last)
	}
}

func (w *Watcher) stat() fileState {
	info, err := os.Stat(w.Path)
	if err != nil {
		return fileState{err: err}
	}
	return fileState{info: info}
}

// reload reads and parses the file after a change and returns the state to
// compare the next polls with.
func (w *Watcher) reload(cur, last fileState) fileState {
	if cur.info == nil {
		w.Report(fmt.Errorf("reload faq: %w (the previous knowledge base keeps serving)", cur.err))
		return cur
	}
	if cur.info.Size() > MaxFileSize { // not worth reading: a mistaken file
		w.Report(Errors{{File: w.Path, Msg: tooLarge}})
		return cur
	}
	data, err := readCapped(w.Path)
	if err != nil {
		w.Report(fmt.Errorf("reload faq: %w (the previous knowledge base keeps serving)", err))
		return cur
	}
	cur.sum = sha256.Sum256(data)
	if last.info != nil && bytes.Equal(cur.sum[:], last.sum[:]) {
		return cur // touched, not changed
	}
	kb, err := Parse(w.Path, data)
	if err != nil {
		w.Report(err)
		return cur
	}
	w.Swap(kb)
	return cur
}
