package bolt_test

import (
	"fmt"
	"testing"

	"github.com/carebot/carebot/reminders/reminderstest"
)

// BenchmarkClaimFinish is the store's side of dispatching on a real bbolt
// file: claim a batch of due items in one transaction, settle it with an
// outcome each in another (the group commit), with 100,000 other items
// pending in the future. The goal is 20,000 dispatches/s; the
// dispatcher's default batch is 256 (reminders.Dispatcher.Batch).
//
//	go test ./bolt/ -run '^$' -bench 'ClaimFinish' -benchtime 50000x -count 3
func BenchmarkClaimFinish(b *testing.B) {
	for _, batch := range []int{16, 64, 256, 1024} {
		b.Run(fmt.Sprintf("batch=%d", batch), func(b *testing.B) {
			reminderstest.BenchmarkClaimFinish(b, openStore(b), 100_000, batch)
		})
	}
}
