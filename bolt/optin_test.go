package bolt

import (
	"errors"
	"fmt"
	"reflect"
	"testing"

	"go.etcd.io/bbolt"

	"github.com/carebot/carebot"
)

func optIn(user string, p carebot.Purpose) carebot.ConsentEvent {
	return carebot.ConsentEvent{User: user, Purpose: p, Action: carebot.OptIn, Method: "command", At: t0}
}

// OptedIn reads in pages; more people than one page must all be visited,
// once each, and fn may write to the store (it runs outside transactions).
func TestOptedInPagesAndCallbacksMayWrite(t *testing.T) {
	d, _ := openTemp(t)
	n := 2*optInPage + 3
	var evs []carebot.ConsentEvent
	want := map[string]bool{}
	for i := range n {
		u := fmt.Sprintf("telegram:%d", i)
		want[u] = true
		evs = append(evs, optIn(u, carebot.PurposeAwareness))
	}
	evs = append(evs, optIn("slack:other", carebot.PurposeAnnouncements))
	if err := d.RecordConsent(t.Context(), evs...); err != nil {
		t.Fatal(err)
	}
	seen := map[string]int{}
	err := d.OptedIn(t.Context(), carebot.PurposeAwareness, func(u string) error {
		seen[u]++
		if len(seen) == 10 { // a broadcast recording an outcome mid-scan
			return d.PutUser(t.Context(), carebot.User{Key: u})
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	if len(seen) != n {
		t.Errorf("visited %d people, want %d", len(seen), n)
	}
	for u, c := range seen {
		if !want[u] || c != 1 {
			t.Errorf("visited %q %d times, want it once and only if opted in", u, c)
		}
	}
}

func TestOptedInStopsOnError(t *testing.T) {
	d, _ := openTemp(t)
	if err := d.RecordConsent(t.Context(), optIn("a", carebot.PurposeAwareness), optIn("b", carebot.PurposeAwareness)); err != nil {
		t.Fatal(err)
	}
	stop := errors.New("enough")
	calls := 0
	err := d.OptedIn(t.Context(), carebot.PurposeAwareness, func(string) error { calls++; return stop })
	if err != stop || calls != 1 {
		t.Errorf("got %v after %d calls, want the callback's error after 1", err, calls)
	}
}

// If the index and the ledger disagree, the ledger wins: Consent reads the
// ledger, and RebuildOptIn repairs the index from it.
func TestRebuildOptIn(t *testing.T) {
	d, path := openTemp(t)
	if err := d.RecordConsent(t.Context(),
		optIn("in", carebot.PurposeAwareness), optIn("out", carebot.PurposeAwareness),
		optIn("damaged", carebot.PurposeAwareness),
		carebot.ConsentEvent{User: "out", Purpose: carebot.PurposeAwareness, Action: carebot.OptOut, At: t0.Add(1)},
	); err != nil {
		t.Fatal(err)
	}
	stranger := make([]byte, uidSize)
	d.Close()
	// Break the index every way: drop an entry that should be there, add
	// one for an opted-out person and one for a person with no ledger, and
	// damage a value.
	rawUpdate(t, path, func(tx *bbolt.Tx) error {
		b := tx.Bucket([]byte(bucketOptIn)).Bucket([]byte(carebot.PurposeAwareness))
		in, out, damaged := d.uid("in"), d.uid("out"), d.uid("damaged")
		v := append([]byte(nil), b.Get(in)...)
		for _, err := range []error{
			b.Delete(in), b.Put(out, v), b.Put(stranger, v), b.Put(damaged, []byte{1, 2, 3}),
		} {
			if err != nil {
				return err
			}
		}
		return nil
	})
	d = reopen(t, path)
	if n, err := d.RebuildOptIn(t.Context()); n != 4 || err != nil {
		t.Fatalf("RebuildOptIn: got %d changes, %v; want 4", n, err)
	}
	if got, want := optedIn(t, d, carebot.PurposeAwareness), []string{"damaged", "in"}; !reflect.DeepEqual(got, want) {
		t.Errorf("after RebuildOptIn: got %q, want %q", got, want)
	}
	if n, err := d.RebuildOptIn(t.Context()); n != 0 || err != nil {
		t.Errorf("second RebuildOptIn: got %d changes, %v; want 0", n, err)
	}
}
