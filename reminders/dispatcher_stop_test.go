package reminders_test

import (
	"bytes"
	"context"
	"log/slog"
	"strings"
	"testing"
	"time"

	"github.com/carebot/carebot/reminders"
	"github.com/carebot/carebot/reminders/reminderstest"
)

// stoppingStore is a store whose NextDue is interrupted by the shutdown it
// starts, as a bbolt read is when the bot stops mid-call.
type stoppingStore struct {
	*reminderstest.MemStore
	stop context.CancelFunc
}

func (s stoppingStore) NextDue(ctx context.Context) (time.Time, bool, error) {
	s.stop()
	return time.Time{}, false, ctx.Err()
}

// Tried by hand: the terminal chat, ended with Ctrl-D, sometimes logged
// "ERROR dispatch: next due failed; looking again in a minute ... context
// canceled". A read cut short by the shutdown is no failure.
func TestDispatcherStopsWithoutAnError(t *testing.T) {
	ctx, cancel := context.WithCancel(context.Background())
	var logs bytes.Buffer
	d := reminders.NewDispatcher(stoppingStore{reminderstest.NewMemStore(), cancel}, reminderstest.NewPeople(), reminderstest.NewPeople(), nil)
	d.Log = slog.New(slog.NewTextHandler(&logs, nil))
	if err := d.Run(ctx); err != nil {
		t.Fatalf("Run: %v", err)
	}
	if strings.Contains(logs.String(), "level=ERROR") {
		t.Errorf("a stop logged an error:\n%s", logs.String())
	}
}
