package telegramtest

import (
	"testing"

	"github.com/carebot/carebot/adapters/telegram"
)

func TestMemState(t *testing.T) {
	TestState(t, func(t *testing.T) (telegram.State, func() telegram.State) {
		m := NewMemState()
		return m, func() telegram.State { return m }
	})
}
