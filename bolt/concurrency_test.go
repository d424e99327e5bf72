package bolt

import (
	"fmt"
	"sync"
	"testing"

	"github.com/carebot/carebot"
)

// Many goroutines write and read at once, while another forgets people and
// scrubs the file under them; run with -race. Every write that returned nil
// must be there at the end.
func TestConcurrentUse(t *testing.T) {
	d, path := openTemp(t)
	const writers, each = 6, 15
	var wg sync.WaitGroup
	errs := make(chan error, writers*each*4+10)
	for w := range writers {
		wg.Go(func() {
			for i := range each {
				u := fmt.Sprintf("telegram:%d-%d", w, i)
				if err := d.PutUser(t.Context(), carebot.User{Key: u, Lang: "es"}); err != nil {
					errs <- err
					return
				}
				if err := d.RecordConsent(t.Context(), optIn(u, carebot.PurposeAwareness)); err != nil {
					errs <- err
					return
				}
				if _, err := d.User(t.Context(), u); err != nil {
					errs <- err
				}
				if st, err := d.Consent(t.Context(), u); err != nil || !st[carebot.PurposeAwareness].OptedIn {
					errs <- fmt.Errorf("consent of %s: %v, %v", u, st, err)
				}
			}
		})
	}
	wg.Go(func() {
		for i := range 3 {
			u := fmt.Sprintf("slack:gone-%d", i)
			if err := d.RecordConsent(t.Context(), optIn(u, carebot.PurposeAwareness)); err != nil {
				errs <- err
			}
			if err := d.OptedIn(t.Context(), carebot.PurposeAwareness, func(string) error { return nil }); err != nil {
				errs <- err
			}
			if _, err := d.Forget(t.Context(), u); err != nil {
				errs <- err
			}
			if err := d.Scrub(t.Context()); err != nil {
				errs <- err
			}
		}
	})
	wg.Wait()
	close(errs)
	for err := range errs {
		t.Error(err)
	}
	d.Close()
	d = reopen(t, path)
	if got := optedIn(t, d, carebot.PurposeAwareness); len(got) != writers*each {
		t.Errorf("got %d people opted in, want %d", len(got), writers*each)
	}
	if n, err := d.RebuildOptIn(t.Context()); n != 0 || err != nil {
		t.Errorf("index and ledger disagree after concurrent writes: %d changes, %v", n, err)
	}
}
