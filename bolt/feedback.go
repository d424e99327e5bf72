package bolt

import (
	"context"
	"encoding/binary"
	"encoding/json"
	"fmt"
	"time"

	"go.etcd.io/bbolt"

	"github.com/carebot/carebot"
)

// The feedback bucket is what staff learn from: questions the bot could not
// answer, suggestions pressed, ratings. Keys are time | seq (big-endian, so
// a cursor reads it oldest first and finds a date with one seek); values are
// sealed with the file's value key, since feedback is about no one person.
// A question's text is personal: ExpireFeedback deletes it after the
// retention period and marks the file for a scrub.

const bucketFeedback = "feedback"

type feedbackRecord struct {
	Kind    string   `json:"k"`
	At      int64    `json:"t"` // Unix nanoseconds
	Lang    string   `json:"l,omitempty"`
	Text    string   `json:"x,omitempty"`
	Entries []string `json:"e,omitempty"`
}

func feedbackKey(at time.Time, seq uint64) []byte {
	k := make([]byte, 0, 16)
	k = binary.BigEndian.AppendUint64(k, uint64(at.UnixNano())^(1<<63))
	return binary.BigEndian.AppendUint64(k, seq)
}

// RecordFeedback appends f to the feedback log. A zero At is stamped with
// the store's clock.
func (d *DB) RecordFeedback(ctx context.Context, f carebot.Feedback) error {
	if f.At.IsZero() {
		f.At = d.opts.Now()
	}
	if !fitsUnixNano(f.At) {
		return fmt.Errorf("record feedback: time %s is out of range", f.At.Format(time.RFC3339))
	}
	plain, err := json.Marshal(feedbackRecord{Kind: string(f.Kind), At: f.At.UnixNano(), Lang: f.Lang, Text: f.Text, Entries: f.Entries})
	if err != nil {
		return fmt.Errorf("record feedback: %w", err)
	}
	err = d.update(ctx, func(tx *bbolt.Tx) error {
		b, err := bucket(tx, bucketFeedback)
		if err != nil {
			return err
		}
		seq, err := b.NextSequence()
		if err != nil {
			return err
		}
		k := feedbackKey(f.At, seq)
		return b.Put(k, sealValue(d.keys.value, bucketFeedback, k, plain))
	})
	if err != nil {
		return fmt.Errorf("record feedback: %w", err)
	}
	return nil
}

// Feedback calls fn with every feedback recorded at or after since, oldest
// first, until fn returns an error (which Feedback returns).
func (d *DB) Feedback(ctx context.Context, since time.Time, fn func(carebot.Feedback) error) error {
	var all []carebot.Feedback
	err := d.view(ctx, func(tx *bbolt.Tx) error {
		b, err := bucket(tx, bucketFeedback)
		if err != nil {
			return err
		}
		c := b.Cursor()
		for k, v := c.Seek(feedbackKey(since, 0)); k != nil; k, v = c.Next() {
			plain, err := openValue(d.keys.value, bucketFeedback, k, v)
			if err != nil {
				return err
			}
			var r feedbackRecord
			if err := json.Unmarshal(plain, &r); err != nil {
				return fmt.Errorf("%w: feedback record: %v", ErrCorrupt, err)
			}
			all = append(all, carebot.Feedback{Kind: carebot.FeedbackKind(r.Kind), At: time.Unix(0, r.At).UTC(),
				Lang: r.Lang, Text: r.Text, Entries: r.Entries})
		}
		return nil
	})
	if err != nil {
		return fmt.Errorf("read feedback: %w", err)
	}
	// fn runs outside the transaction, so it may call the store.
	for _, f := range all {
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
		b, err := bucket(tx, bucketFeedback)
		if err != nil {
			return err
		}
		// Collect first: deleting while a cursor walks can skip entries.
		var doomed [][]byte
		end := feedbackKey(before, 0)
		c := b.Cursor()
		for k, v := c.First(); k != nil && string(k) < string(end); k, v = c.Next() {
			plain, err := openValue(d.keys.value, bucketFeedback, k, v)
			if err != nil {
				return err
			}
			var r feedbackRecord
			if err := json.Unmarshal(plain, &r); err != nil {
				return fmt.Errorf("%w: feedback record: %v", ErrCorrupt, err)
			}
			if r.Text != "" {
				doomed = append(doomed, append([]byte(nil), k...))
			}
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
