package bolt

import (
	"errors"
	"testing"
	"time"
	"unicode/utf8"

	"github.com/carebot/carebot"
)

// FuzzRecord feeds the record parser and the reminders' payload decoders
// anything a damaged or hostile file could hold: a value or an error,
// never a panic; and an item encodes and decodes to itself.
func FuzzRecord(f *testing.F) {
	f.Add([]byte{}, "t", int64(0), 0)
	f.Add([]byte{recordV1, ownerPerson, 1, 2}, "", int64(-1), 3)
	f.Add([]byte(`{"k":"broadcast","x":1,"to":{"p":"telegram"},"n":-4}`), "text ✓", int64(1e18), 1)
	f.Add([]byte(`{"res":"sent","t":1e999}`), "\xff", int64(-1e18), -2)
	f.Add([]byte(`{"at":null,"to":null,"st":7}`), "x", int64(5), 0)
	f.Fuzz(func(t *testing.T, val []byte, text string, n int64, attempts int) {
		for _, size := range []int{0, itemHeadSize} {
			r, err := parseRecord("outbox/items", val, size)
			if err != nil && !errors.Is(err, ErrCorrupt) && !errors.Is(err, ErrUnknownVersion) {
				t.Fatalf("parseRecord: got %v, want ErrCorrupt or ErrUnknownVersion", err)
			}
			if err == nil && (len(r.head) != size || len(r.sealed) < sealOverhead || (r.uid != nil && len(r.uid) != uidSize)) {
				t.Fatalf("parseRecord accepted a malformed record: %+v", r)
			}
		}
		if _, err := decodeItem(val); err != nil && !errors.Is(err, ErrCorrupt) {
			t.Fatalf("decodeItem: got %v, want ErrCorrupt", err)
		}
		if _, err := decodeOutcome([]byte("id"), val); err != nil && !errors.Is(err, ErrCorrupt) {
			t.Fatalf("decodeOutcome: got %v, want ErrCorrupt", err)
		}
		if _, err := decodeAppointment([]byte("id"), val); err != nil && !errors.Is(err, ErrCorrupt) {
			t.Fatalf("decodeAppointment: got %v, want ErrCorrupt", err)
		}
		if !utf8.ValidString(text) {
			return // JSON keeps only valid UTF-8; every text carebot stores is
		}
		at := time.Unix(0, n).UTC()
		it := carebot.OutboxItem{Kind: carebot.KindPatient, User: text, Text: text, Rule: text, Cursor: text,
			Attempts: attempts, Expires: at, Wall: at, To: carebot.Address{ChatID: text, Group: attempts%2 == 0}}
		plain, err := encodeItem(it)
		if err != nil {
			t.Fatal(err)
		}
		got, err := decodeItem(plain)
		if err != nil || !sameItem(got, it) {
			t.Fatalf("round trip:\n got  %+v, %v\n want %+v", got, err, it)
		}
	})
}
