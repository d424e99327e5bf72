package reminderstest

import (
	"testing"

	"github.com/carebot/carebot/reminders"
)

func TestMemStore(t *testing.T) {
	TestStore(t, func(t *testing.T) reminders.Store { return NewMemStore() })
}
