package bolt

import (
	"errors"
	"strings"
	"testing"
	"time"

	"go.etcd.io/bbolt"

	"github.com/carebot/carebot"
)

// Damage to the reminders' values gives an error saying what and where,
// never a panic and never another item's data.
func TestDamagedReminders(t *testing.T) {
	const a, b = "telegram:1", "telegram:2"
	setup := func(t *testing.T) (*DB, string) {
		d, path := openTemp(t)
		fillReminders(t, d, a, "a")
		fillReminders(t, d, b, "b")
		d.Close()
		return d, path
	}
	sub := func(tx *bbolt.Tx, top, name string) *bbolt.Bucket { return tx.Bucket([]byte(top)).Bucket([]byte(name)) }
	items := func(tx *bbolt.Tx) *bbolt.Bucket { return sub(tx, bucketOutbox, outboxItems) }
	edit := func(bk func(*bbolt.Tx) *bbolt.Bucket, key string, fn func(v []byte) []byte) func(*bbolt.Tx, *DB) error {
		return func(tx *bbolt.Tx, d *DB) error {
			v := append([]byte(nil), bk(tx).Get([]byte(key))...)
			return bk(tx).Put([]byte(key), fn(v))
		}
	}
	listItems := func(t *testing.T, d *DB) error {
		return d.Items(t.Context(), "", func(carebot.OutboxItem) error { return nil })
	}
	tests := []struct {
		name    string
		damage  func(tx *bbolt.Tx, d *DB) error
		read    func(t *testing.T, d *DB) error
		wantErr error
		wantMsg string
	}{
		{"item truncated", edit(items, "appt/A-a/24h", func(v []byte) []byte { return v[:20] }),
			listItems, ErrCorrupt, `outbox item "appt/A-a/24h": corrupt value: a value in outbox/items is truncated`},
		{"item Seq edited", edit(items, "appt/A-a/72h", func(v []byte) []byte { v[2+uidSize+7]++; return v }),
			listItems, ErrCorrupt, `outbox item "appt/A-a/72h": corrupt value: a value in outbox/items does not authenticate`},
		{"item due time edited", edit(items, "appt/A-a/24h", func(v []byte) []byte { v[2+uidSize+8]--; return v }),
			listItems, ErrCorrupt, "does not authenticate"},
		{"item moved to another ID", func(tx *bbolt.Tx, d *DB) error {
			return items(tx).Put([]byte("appt/A-b/24h"), append([]byte(nil), items(tx).Get([]byte("appt/A-a/24h"))...))
		}, listItems, ErrCorrupt, `outbox item "appt/A-b/24h": corrupt value: a value in outbox/items does not authenticate`},
		{"item from a newer carebot", edit(items, "appt/A-a/24h", func(v []byte) []byte { v[0] = 7; return v }),
			listItems, ErrUnknownVersion, "format version 7, this carebot reads up to 1"},
		{"item owner unknown", edit(items, "appt/A-a/24h", func(v []byte) []byte { v[1] = 9; return v }),
			listItems, ErrCorrupt, "owner kind 9"},
		{"item payload not JSON", func(tx *bbolt.Tx, d *DB) error {
			id := []byte("appt/A-a/24h")
			r, _ := parseRecord(itemsBucket, items(tx).Get(id), itemHeadSize)
			val, err := d.sealRecord(tx, itemsBucket, id, r.uid, append([]byte(nil), r.head...), []byte("{not json"))
			if err != nil {
				return err
			}
			return items(tx).Put(id, val)
		}, listItems, ErrCorrupt, `outbox item "appt/A-a/24h": corrupt value: outbox item: invalid character`},
		{"owner's data key deleted", func(tx *bbolt.Tx, d *DB) error {
			return tx.Bucket([]byte(bucketKeys)).Delete(d.uid(a))
		}, listItems, ErrCorrupt, "belongs to a person with no data key"},
		{"due entry too short", func(tx *bbolt.Tx, d *DB) error {
			return sub(tx, bucketOutbox, outboxDue).Put([]byte{0}, []byte{1})
		}, func(t *testing.T, d *DB) error {
			_, _, err := d.NextDue(t.Context())
			return err
		}, ErrCorrupt, "outbox due key of 1 bytes"},
		{"outcome damaged", edit(func(tx *bbolt.Tx) *bbolt.Bucket { return tx.Bucket([]byte(bucketOutcomes)) },
			"bcast/b0/a", func(v []byte) []byte { v[len(v)-1] ^= 1; return v }),
			func(t *testing.T, d *DB) error {
				return d.Outcomes(t.Context(), "", func(carebot.Outcome) error { return nil })
			}, ErrCorrupt, `read outcomes: outcome "bcast/b0/a": corrupt value: a value in outcomes does not authenticate`},
		{"appointment moved", func(tx *bbolt.Tx, d *DB) error {
			ids := sub(tx, bucketAppointments, appointmentIDs)
			return ids.Put([]byte("A-b"), append([]byte(nil), ids.Get([]byte("A-a"))...))
		}, func(t *testing.T, d *DB) error {
			_, err := d.Appointment(t.Context(), "A-b")
			return err
		}, ErrCorrupt, `read appointment: appointment "A-b": corrupt value`},
		{"appointment index names a missing one", func(tx *bbolt.Tx, d *DB) error {
			return sub(tx, bucketAppointments, appointmentIDs).Delete([]byte("A-a"))
		}, func(t *testing.T, d *DB) error {
			_, err := d.AppointmentsOf(t.Context(), a)
			return err
		}, ErrCorrupt, `an index entry names appointment "A-a", which is missing`},
		{"unreachable mark damaged", func(tx *bbolt.Tx, d *DB) error {
			return tx.Bucket([]byte(bucketUnreachable)).Put(d.uid(a), []byte{1, 2, 3})
		}, func(t *testing.T, d *DB) error {
			_, err := d.Unreachable(t.Context(), a)
			return err
		}, ErrCorrupt, "read unreachable: corrupt value: a value in unreachable is truncated"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			d, path := setup(t)
			rawUpdate(t, path, func(tx *bbolt.Tx) error { return tt.damage(tx, d) })
			d = reopen(t, path)
			err := tt.read(t, d)
			if !errors.Is(err, tt.wantErr) || !strings.Contains(err.Error(), tt.wantMsg) {
				t.Fatalf("got %v, want %v containing %q", err, tt.wantErr, tt.wantMsg)
			}
			if strings.Contains(err.Error(), "telegram:") {
				t.Errorf("the error names a person: %v", err)
			}
		})
	}
}

// A damaged item is set aside by the Claim that meets it, and the rest is
// claimed as usual: one bad record must not stop every reminder.
func TestClaimSetsDamagedItemAside(t *testing.T) {
	for name, damage := range map[string]func(v []byte) []byte{
		"truncated":  func(v []byte) []byte { return v[:2] },
		"Seq edited": func(v []byte) []byte { v[2+uidSize+7]++; return v },
	} {
		t.Run(name, func(t *testing.T) {
			d, path := openTemp(t)
			if err := d.Schedule(t.Context(), outItem("m/1", "telegram:1", t0), outItem("m/2", "telegram:2", t0.Add(time.Minute))); err != nil {
				t.Fatal(err)
			}
			d.Close()
			rawUpdate(t, path, func(tx *bbolt.Tx) error {
				b := tx.Bucket([]byte(bucketOutbox)).Bucket([]byte(outboxItems))
				return b.Put([]byte("m/1"), damage(append([]byte(nil), b.Get([]byte("m/1"))...)))
			})
			d = reopen(t, path)
			got, err := d.Claim(t.Context(), t0.Add(time.Hour), 10)
			if err != nil || len(got) != 1 || got[0].ID != "m/2" {
				t.Fatalf("Claim with a damaged item first: got %+v, %v; want m/2 and no error", got, err)
			}
			if n, err := d.Damaged(t.Context()); n != 1 || err != nil {
				t.Errorf("Damaged: got %d, %v; want 1", n, err)
			}
			if _, ok, err := d.NextDue(t.Context()); ok || err != nil {
				t.Errorf("NextDue after: ok %v, %v; want nothing pending", ok, err)
			}
		})
	}
}

// A due entry whose item is gone (only damage does that) is dropped by the
// Claim that meets it, without failing it.
func TestClaimDropsStaleDueEntry(t *testing.T) {
	d, path := openTemp(t)
	if err := d.Schedule(t.Context(), outItem("m/2", "telegram:2", t0.Add(time.Minute))); err != nil {
		t.Fatal(err)
	}
	d.Close()
	rawUpdate(t, path, func(tx *bbolt.Tx) error {
		b := tx.Bucket([]byte(bucketOutbox)).Bucket([]byte(outboxDue))
		return b.Put(dueKey(timeKey(t0), []byte("m/1")), make([]byte, 8))
	})
	d = reopen(t, path)
	got, err := d.Claim(t.Context(), t0, 10)
	if err != nil || len(got) != 0 {
		t.Fatalf("Claim meeting a stale entry: got %+v, %v; want nothing, no error", got, err)
	}
	if due, ok, _ := d.NextDue(t.Context()); !ok || !due.Equal(t0.Add(time.Minute)) {
		t.Errorf("NextDue after the stale entry went: got %v %v, want %v", due, ok, t0.Add(time.Minute))
	}
}
