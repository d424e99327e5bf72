package bolt

import (
	"context"
	"fmt"
	"time"

	"go.etcd.io/bbolt"

	"github.com/carebot/carebot"
)

// The feedback bucket is what staff learn from: questions the bot could not
// answer, suggestions pressed, ratings. It is a time log (timelog.go): the
// records are about no one person.
// A question's text is personal: ExpireFeedback deletes it after the
// retention period and marks the file for a scrub.

const bucketFeedback = "feedback"

type feedbackRecord struct {
	Kind    string   `json:"k"`
	At      int64    `json:"t"` // Unix nanoseconds
	Lang    string   `json:"l,omitempty"`
	Text    string   `json:"x,omitempty"`
	Entries []string `json:"e,omitempty"`
	Asked   int64    `json:"a,omitempty"` // Unix nanoseconds; 0 when not a press of a suggestion
	Instead string   `json:"i,omitempty"`
}

// RecordFeedback appends f to the feedback log. A zero At is stamped with
// the store's clock.
func (d *DB) RecordFeedback(ctx context.Context, f carebot.Feedback) error {
	if f.At.IsZero() {
		f.At = d.opts.Now()
	}
	rec := feedbackRecord{Kind: string(f.Kind), At: f.At.UnixNano(), Lang: f.Lang, Text: f.Text, Entries: f.Entries, Instead: f.Instead}
	if !f.Asked.IsZero() {
		rec.Asked = f.Asked.UnixNano()
	}
	if err := d.appendLog(ctx, bucketFeedback, f.At, rec); err != nil {
		return fmt.Errorf("record feedback: %w", err)
	}
	return nil
}

// Feedback calls fn with every feedback recorded at or after since, oldest
// first, until fn returns an error (which Feedback returns). fn runs outside
// the transaction, so it may call the store.
func (d *DB) Feedback(ctx context.Context, since time.Time, fn func(carebot.Feedback) error) error {
	all, err := readLog[feedbackRecord](ctx, d, bucketFeedback, since)
	if err != nil {
		return fmt.Errorf("read feedback: %w", err)
	}
	for _, r := range all {
		f := carebot.Feedback{Kind: carebot.FeedbackKind(r.Kind), At: time.Unix(0, r.At).UTC(), Lang: r.Lang, Text: r.Text, Entries: r.Entries, Instead: r.Instead}
		if r.Asked != 0 {
			f.Asked = time.Unix(0, r.Asked).UTC()
		}
		if err := fn(f); err != nil {
			return err
		}
	}
	return nil
}

// ExpireFeedback deletes every feedback that carries a patient's words and
// was recorded before before; ratings and presses, which carry none, stay.
// It returns how many it deleted, and marks the file for a scrub so that
// the words do not linger in free pages.
func (d *DB) ExpireFeedback(ctx context.Context, before time.Time) (int, error) {
	n := 0
	err := d.update(ctx, func(tx *bbolt.Tx) error {
		// Collect first: deleting while a cursor walks can skip entries.
		var doomed [][]byte
		err := eachLog(d, tx, bucketFeedback, time.Time{}, before, func(k []byte, r feedbackRecord) error {
			if r.Text != "" {
				doomed = append(doomed, append([]byte(nil), k...))
			}
			return nil
		})
		if err != nil {
			return err
		}
		b, err := bucket(tx, bucketFeedback)
		if err != nil {
			return err
		}
		for _, k := range doomed {
			if err := b.Delete(k); err != nil {
				return err
			}
		}
		n = len(doomed)
		if n == 0 {
			return nil
		}
		return markScrub(tx)
	})
	if err != nil {
		return 0, fmt.Errorf("expire feedback: %w", err)
	}
	return n, nil
}
