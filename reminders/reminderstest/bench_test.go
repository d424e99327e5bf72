package reminderstest

import "testing"

func BenchmarkMemStoreClaimFinish(b *testing.B) {
	BenchmarkClaimFinish(b, NewMemStore(), 100_000, 256)
}
