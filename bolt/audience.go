package bolt

import (
	"bytes"
	"context"
	"encoding/hex"
	"errors"
	"fmt"

	"go.etcd.io/bbolt"

	"github.com/carebot/carebot"
)

// OptedInPage implements reminders.Audience: up to limit user keys opted
// in to purpose, after cursor ("" is the start), in uid order, and the
// cursor after the last one, "" when none is left. The cursor is the last
// uid returned, in hex: it reveals nothing, stays valid across restarts and
// scrubs (uids depend on the key and the file's salt only), and resumes
// after that person even if they opted out meanwhile.
func (d *DB) OptedInPage(ctx context.Context, purpose carebot.Purpose, cursor string, limit int) ([]string, string, error) {
	if !knownPurpose(purpose) {
		return nil, "", fmt.Errorf("opted in: unknown purpose %q", purpose)
	}
	if limit <= 0 {
		return nil, "", fmt.Errorf("opted in to %s: page size %d, want at least 1", purpose, limit)
	}
	after, err := parseAudienceCursor(cursor)
	if err != nil {
		return nil, "", fmt.Errorf("opted in to %s: %w", purpose, err)
	}
	var users []string
	var last []byte
	var more bool
	err = d.view(ctx, func(tx *bbolt.Tx) error {
		users, last, more, err = d.readOptIn(tx, purpose, after, limit)
		return err
	})
	if err != nil {
		return nil, "", fmt.Errorf("opted in to %s: %w", purpose, err)
	}
	if !more {
		return users, "", nil
	}
	return users, hex.EncodeToString(last), nil
}

func parseAudienceCursor(cursor string) ([]byte, error) {
	if cursor == "" {
		return nil, nil
	}
	after, err := hex.DecodeString(cursor)
	if err != nil || len(after) != uidSize {
		return nil, errors.New("the cursor is not one this store made")
	}
	return after, nil
}

// readOptIn reads up to limit people opted in to purpose whose uid comes
// after after (nil: from the start). last is the uid of the last one read,
// and more reports whether anyone follows it.
func (d *DB) readOptIn(tx *bbolt.Tx, purpose carebot.Purpose, after []byte, limit int) (users []string, last []byte, more bool, err error) {
	b, err := bucket(tx, bucketOptIn, string(purpose))
	if err != nil {
		return nil, nil, false, err
	}
	c := b.Cursor()
	k, v := c.First()
	if after != nil {
		if k, v = c.Seek(after); bytes.Equal(k, after) {
			k, v = c.Next()
		}
	}
	for ; k != nil && len(users) < limit; k, v = c.Next() {
		plain, err := d.openFor(tx, k, optInBucket(purpose), k, v)
		if err != nil {
			return nil, nil, false, err
		}
		users = append(users, string(plain))
		last = append(last[:0], k...)
	}
	return users, last, k != nil, nil
}
