package bot

import (
	"strings"
	"testing"
)

// safetyBenchMessages are typical messages: short questions, look-alikes,
// and a few real alarms.
var safetyBenchMessages = []string{
	"what time do you open on saturday",
	"can i move my appointment to next tuesday afternoon",
	"do you take blue cross insurance",
	"necesito una cita para mi hijo, tiene fiebre desde ayer",
	"this wait is killing me lol",
	"my mom had a stroke years ago, is the building accessible",
	"i want to end my membership",
	"i dont want to wake up tomorrow",
	"my husband collapsed and isnt breathing",
	"hi! i got a letter saying my lab results are ready, how do i see them in the portal? thanks so much",
}

func BenchmarkSafetyTypical(b *testing.B) {
	safetyLexiconOnce()
	b.ReportAllocs()
	for i := 0; b.Loop(); i++ {
		CheckSafety(safetyBenchMessages[i%len(safetyBenchMessages)])
	}
}

func BenchmarkSafety100KB(b *testing.B) {
	safetyLexiconOnce()
	msg := strings.Repeat("my appointment is on tuesday and i need to bring my insurance card, thanks. ", 1400)[:100_000]
	b.SetBytes(int64(len(msg)))
	b.ReportAllocs()
	for b.Loop() {
		CheckSafety(msg)
	}
}

// BenchmarkSafetyEval is the safety check on the engine benchmark's stream
// of clinic and safety messages: what it costs per message in practice.
func BenchmarkSafetyEval(b *testing.B) {
	_, msgs := benchMessages(b)
	safetyLexiconOnce()
	b.ReportAllocs()
	for i := 0; b.Loop(); i++ {
		CheckSafety(msgs[i%len(msgs)].Text)
	}
}
