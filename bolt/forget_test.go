package bolt

import (
	"bytes"
	"errors"
	"os"
	"path/filepath"
	"reflect"
	"testing"
	"time"

	"go.etcd.io/bbolt"

	"github.com/carebot/carebot"
)

// personBytes returns every key and value the file holds for one person,
// as an attacker with the file would find them.
func personBytes(t *testing.T, d *DB, user string) [][]byte {
	t.Helper()
	uid := d.uid(user)
	found := [][]byte{uid}
	err := d.view(t.Context(), func(tx *bbolt.Tx) error {
		return tx.ForEach(func(name []byte, b *bbolt.Bucket) error {
			return walkBucket(b, func(k, v []byte) {
				if bytes.HasPrefix(k, uid) {
					found = append(found, bytes.Clone(v))
				}
			})
		})
	})
	if err != nil {
		t.Fatal(err)
	}
	return found
}

func walkBucket(b *bbolt.Bucket, fn func(k, v []byte)) error {
	return b.ForEach(func(k, v []byte) error {
		if v == nil {
			return walkBucket(b.Bucket(k), fn)
		}
		fn(k, v)
		return nil
	})
}

// wrappedKeyIn reports whether the file holds, anywhere, a data key sealed
// for uid that the master key opens: what an attacker holding both the file
// and the key would search for among free pages.
func wrappedKeyIn(d *DB, file, uid []byte) bool {
	n := sealOverhead + dataKeySize
	for i := 0; i+n <= len(file); i++ {
		if file[i] != valueV1 {
			continue
		}
		if _, err := openValue(d.keys.wrap, bucketKeys, uid, file[i:i+n]); err == nil {
			return true
		}
	}
	return false
}

func TestForget(t *testing.T) {
	d, path := openTemp(t)
	const gone, stays = "telegram:1001", "telegram:1002"
	for _, u := range []string{gone, stays} {
		if err := d.PutUser(t.Context(), carebot.User{Key: u, Lang: "es", TimeZone: "America/Bogota"}); err != nil {
			t.Fatal(err)
		}
		if err := d.RecordConsent(t.Context(), optIn(u, carebot.PurposeAwareness), optIn(u, carebot.PurposeAppointments)); err != nil {
			t.Fatal(err)
		}
	}
	traces := personBytes(t, d, gone)
	if len(traces) != 1+1+1+2+2 { // uid, data key, user, 2 events, 2 index entries
		t.Fatalf("found %d traces of the person before Forget, want 7", len(traces))
	}
	uid := d.uid(gone)

	f, err := d.Forget(t.Context(), gone)
	if err != nil {
		t.Fatal(err)
	}
	if want := (carebot.Forgotten{User: true, ConsentEvents: 2}); f != want {
		t.Errorf("Forget: got %+v, want %+v", f, want)
	}
	if _, err := d.User(t.Context(), gone); !errors.Is(err, carebot.ErrNotFound) {
		t.Errorf("User after Forget: got %v, want ErrNotFound", err)
	}
	if evs, err := d.ConsentEvents(t.Context(), gone); len(evs) != 0 || err != nil {
		t.Errorf("ConsentEvents after Forget: got %+v, %v; want none", evs, err)
	}
	for _, p := range []carebot.Purpose{carebot.PurposeAwareness, carebot.PurposeAppointments} {
		if got := optedIn(t, d, p); !reflect.DeepEqual(got, []string{stays}) {
			t.Errorf("OptedIn(%s) after Forget: got %q, want only %q", p, got, stays)
		}
	}
	if got := personBytes(t, d, gone); len(got) != 1 {
		t.Errorf("live data still holds %d traces of the person", len(got)-1)
	}
	// bbolt does not zero freed pages: until the scrub, the old copies are
	// in the file. This is what the scrub is for, and it proves the search
	// below can find what it looks for.
	if !wrappedKeyIn(d, readFile(t, path), uid) {
		t.Error("the forgotten data key is not in the file's free pages before the scrub; the search is broken")
	}

	if err := d.Close(); err != nil {
		t.Fatal(err)
	}
	file := readFile(t, path)
	for i, b := range traces {
		if bytes.Contains(file, b) {
			t.Errorf("trace %d of the forgotten person (%d bytes) is still in the file", i, len(b))
		}
	}
	if wrappedKeyIn(d, file, uid) {
		t.Error("the master key still opens the forgotten person's data key somewhere in the file")
	}
	if _, err := os.Stat(path + ".scrub"); !os.IsNotExist(err) {
		t.Errorf("the scrub's temporary file is left: %v", err)
	}

	d = reopen(t, path)
	if u, err := d.User(t.Context(), stays); err != nil || u.Lang != "es" {
		t.Errorf("the other person after the scrub: got %+v, %v", u, err)
	}
	if got := optedIn(t, d, carebot.PurposeAwareness); !reflect.DeepEqual(got, []string{stays}) {
		t.Errorf("OptedIn after the scrub: got %q, want %q", got, []string{stays})
	}
	if pending, err := scrubPending(d.b); pending || err != nil {
		t.Errorf("scrub still pending after Close: %v, %v", pending, err)
	}
}

// Scrub while open swaps the file under a live store: calls keep working,
// and the new file is locked against a second carebot.
func TestScrubWhileOpen(t *testing.T) {
	d, path := openTemp(t)
	if err := d.RecordConsent(t.Context(), optIn("telegram:1", carebot.PurposeAwareness)); err != nil {
		t.Fatal(err)
	}
	if _, err := d.Forget(t.Context(), "telegram:1"); err != nil {
		t.Fatal(err)
	}
	before, _ := os.Stat(path)
	if err := d.Scrub(t.Context()); err != nil {
		t.Fatal(err)
	}
	after, _ := os.Stat(path)
	if os.SameFile(before, after) {
		t.Error("Scrub did not replace the file")
	}
	if _, err := Open(path, testKey, Options{Timeout: 60e6}); !errors.Is(err, ErrInUse) {
		t.Errorf("Open of the scrubbed file while in use: got %v, want ErrInUse", err)
	}
	if err := d.RecordConsent(t.Context(), optIn("telegram:2", carebot.PurposeAwareness)); err != nil {
		t.Fatalf("RecordConsent after Scrub: %v", err)
	}
	if got := optedIn(t, d, carebot.PurposeAwareness); !reflect.DeepEqual(got, []string{"telegram:2"}) {
		t.Errorf("got %q, want [telegram:2]", got)
	}
}

func TestForgetStrangerNeedsNoScrub(t *testing.T) {
	d, _ := openTemp(t)
	f, err := d.Forget(t.Context(), "telegram:404")
	if err != nil {
		t.Fatal(err)
	}
	if !f.Nothing() {
		t.Errorf("forgetting a stranger: got %+v, want nothing", f)
	}
	if pending, err := scrubPending(d.b); pending || err != nil {
		t.Errorf("forgetting a stranger marked a scrub: %v, %v", pending, err)
	}
}

// An Open that waited for the lock of a file Scrub then replaced must notice.
func TestSamePath(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "carebot.db")
	os.WriteFile(path, []byte("old"), 0o600)
	f, err := os.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	if same, err := samePath(f, path); !same || err != nil {
		t.Fatalf("before the rename: got %v, %v; want true", same, err)
	}
	os.WriteFile(path+".new", []byte("new"), 0o600)
	os.Rename(path+".new", path)
	if same, err := samePath(f, path); same || err != nil {
		t.Errorf("after the rename: got %v, %v; want false", same, err)
	}
}

// A purpose carebot no longer knows still has its index bucket in older
// files; Forget must clear the person from it too.
func TestForgetRetiredPurpose(t *testing.T) {
	d, path := openTemp(t)
	const who = "discord:77"
	if err := d.RecordConsent(t.Context(), optIn(who, carebot.PurposeAwareness)); err != nil {
		t.Fatal(err)
	}
	d.Close()
	rawUpdate(t, path, func(tx *bbolt.Tx) error {
		b, err := tx.Bucket([]byte(bucketOptIn)).CreateBucket([]byte("surveys"))
		if err != nil {
			return err
		}
		return b.Put(d.uid(who), []byte{valueV1})
	})
	d = reopen(t, path)
	if _, err := d.Forget(t.Context(), who); err != nil {
		t.Fatal(err)
	}
	if got := personBytes(t, d, who); len(got) != 1 {
		t.Errorf("%d traces of the person are left after Forget", len(got)-1)
	}
}

func TestOpenMissingDirectory(t *testing.T) {
	path := filepath.Join(t.TempDir(), "nope", "carebot.db")
	_, err := Open(path, testKey, Options{})
	if want := "open " + path + ": open: no such file or directory"; err == nil || err.Error() != want {
		t.Errorf("got %v, want %q", err, want)
	}
}

// Forget counts the outbox items it erases by kind, for staff: the
// person's own reminders, their appointments' reminders, other messages.
func TestForgetCountsByKind(t *testing.T) {
	d, _ := openTemp(t)
	ctx := t.Context()
	const who = "telegram:31"
	own := carebot.OutboxItem{ID: "self/p/1", Kind: carebot.KindPatient, Due: t0.Add(time.Hour), User: who, Asked: true, Text: "take your meds"}
	rule := own
	rule.ID, rule.Rule = "self/p/2", "FREQ=DAILY;BYHOUR=8"
	appt := carebot.OutboxItem{ID: "appt/A-31/24h", Kind: carebot.KindAppointment, Due: t0.Add(2 * time.Hour), User: who}
	if err := d.Schedule(ctx, own, rule, outItem("bcast/b1/p", who, t0)); err != nil {
		t.Fatal(err)
	}
	err := d.PutAppointment(ctx, carebot.Appointment{ID: "A-31", User: who, At: t0.Add(26 * time.Hour), Status: carebot.AppointmentBooked}, "appt/A-31/", appt)
	if err != nil {
		t.Fatal(err)
	}
	f, err := d.Forget(ctx, who)
	if err != nil {
		t.Fatal(err)
	}
	if want := (carebot.Forgotten{Reminders: 2, Appointments: 1, AppointmentReminders: 1, Messages: 1}); f != want {
		t.Errorf("got %+v, want %+v", f, want)
	}
	if f, err := d.Forget(ctx, who); err != nil || !f.Nothing() {
		t.Errorf("a second Forget: got %+v, %v; want nothing", f, err)
	}
}
