package bolt

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"time"

	"go.etcd.io/bbolt"

	"github.com/carebot/carebot"
)

// The users bucket maps a uid to the person's record, sealed with their data
// key. The record's JSON names are the stored format: they are short and
// independent of the Go field names so a rename in package carebot does not
// change the file.
type userRecord struct {
	Key      string        `json:"k"`
	DM       addressRecord `json:"dm"`
	Lang     string        `json:"lang,omitempty"`
	LangSet  bool          `json:"lang_set,omitempty"` // LangChosen
	TimeZone string        `json:"tz,omitempty"`
	Staff    bool          `json:"staff,omitempty"`
	Created  int64         `json:"created"` // Unix nanoseconds
}

type addressRecord struct {
	Platform string `json:"p,omitempty"`
	ChatID   string `json:"c,omitempty"`
	UserID   string `json:"u,omitempty"`
	Group    bool   `json:"g,omitempty"`
	Thread   string `json:"t,omitempty"`
}

// User returns the person with this user key, or an error wrapping
// carebot.ErrNotFound. Errors never contain the user key.
func (d *DB) User(ctx context.Context, key string) (carebot.User, error) {
	var u carebot.User
	err := d.view(ctx, func(tx *bbolt.Tx) error {
		var err error
		u, err = d.getUser(tx, d.uid(key))
		return err
	})
	if err != nil {
		return carebot.User{}, fmt.Errorf("read user: %w", err)
	}
	if u.Key != key {
		return carebot.User{}, fmt.Errorf("read user: %w: the record holds another user key", ErrCorrupt)
	}
	return u, nil
}

func (d *DB) getUser(tx *bbolt.Tx, uid []byte) (carebot.User, error) {
	b, err := bucket(tx, bucketUsers)
	if err != nil {
		return carebot.User{}, err
	}
	v := b.Get(uid)
	if v == nil {
		return carebot.User{}, carebot.ErrNotFound
	}
	plain, err := d.openFor(tx, uid, bucketUsers, uid, v)
	if err != nil {
		return carebot.User{}, err
	}
	return decodeUser(plain)
}

// PutUser stores u under u.Key, replacing what was there. A zero Created
// keeps the stored record's, or is set to now for a new person.
func (d *DB) PutUser(ctx context.Context, u carebot.User) error { return d.PutUsers(ctx, u) }

// PutUsers stores many users in one transaction (an import): all of them,
// or, on error, none.
func (d *DB) PutUsers(ctx context.Context, users ...carebot.User) error {
	for _, u := range users {
		if u.Key == "" {
			return errors.New("put users: empty user key")
		}
		if !u.Created.IsZero() && !fitsUnixNano(u.Created) {
			return fmt.Errorf("put users: created time %s is out of range", u.Created.Format(time.RFC3339))
		}
	}
	err := d.update(ctx, func(tx *bbolt.Tx) error {
		b, err := bucket(tx, bucketUsers)
		if err != nil {
			return err
		}
		for _, u := range users {
			if err := d.putUser(tx, b, u); err != nil {
				return err
			}
		}
		return nil
	})
	if err != nil {
		return fmt.Errorf("put users: %w", err)
	}
	return nil
}

func (d *DB) putUser(tx *bbolt.Tx, b *bbolt.Bucket, u carebot.User) error {
	uid := d.uid(u.Key)
	if u.Created.IsZero() {
		old, err := d.getUser(tx, uid)
		switch {
		case err == nil:
			u.Created = old.Created
		case errors.Is(err, carebot.ErrNotFound):
			u.Created = d.opts.Now()
		default:
			return err
		}
	}
	plain, err := encodeUser(u)
	if err != nil {
		return err
	}
	sealed, err := d.sealFor(tx, uid, bucketUsers, uid, plain)
	if err != nil {
		return err
	}
	return b.Put(uid, sealed)
}

func encodeUser(u carebot.User) ([]byte, error) {
	return json.Marshal(userRecord{
		Key: u.Key,
		DM: addressRecord{Platform: u.DM.Platform, ChatID: u.DM.ChatID, UserID: u.DM.UserID,
			Group: u.DM.Group, Thread: u.DM.Thread},
		Lang: u.Lang, LangSet: u.LangChosen, TimeZone: u.TimeZone, Staff: u.Staff,
		Created: u.Created.UnixNano(),
	})
}

// decodeUser reads a user record's payload; any bytes give a user or an error.
func decodeUser(plain []byte) (carebot.User, error) {
	var r userRecord
	if err := json.Unmarshal(plain, &r); err != nil {
		return carebot.User{}, fmt.Errorf("%w: user record: %v", ErrCorrupt, err)
	}
	if r.Key == "" {
		return carebot.User{}, fmt.Errorf("%w: user record has no user key", ErrCorrupt)
	}
	return carebot.User{
		Key: r.Key,
		DM: carebot.Address{Platform: r.DM.Platform, ChatID: r.DM.ChatID, UserID: r.DM.UserID,
			Group: r.DM.Group, Thread: r.DM.Thread},
		Lang: r.Lang, LangChosen: r.LangSet, TimeZone: r.TimeZone, Staff: r.Staff,
		Created: time.Unix(0, r.Created).UTC(),
	}, nil
}

// fitsUnixNano reports whether t survives a round trip through Unix
// nanoseconds (years 1678 to 2262), the form the store keeps times in.
func fitsUnixNano(t time.Time) bool {
	return time.Unix(0, t.UnixNano()).Equal(t)
}
