// Package bolt is carebot's store: one bbolt file holding users, the consent
// ledger, the reminders outbox with its outcomes, appointments and adapters'
// state. It is the only package that imports go.etcd.io/bbolt.
//
// # Layout
//
// Top-level buckets (see bucketPaths, the one list Open creates):
//
//	meta              "schema" -> uint32 big-endian format version of the file
//	                  "salt"   -> 32 random bytes, the HKDF salt of this file
//	                  "check"  -> 32-byte key check value (HKDF of the key)
//	                  "scrub"  -> present while forgotten data may linger in free pages
//	keys              uid -> sealed(wrap key) 32-byte data key of one person
//	users             uid -> sealed(data key) user record
//	consent           uid | time | seq -> sealed(data key) consent event
//	optin/<purpose>   uid -> sealed(data key) user key, for who is opted in now
//	feedback          time | seq -> sealed(value key) miss, press or rating (feedback.go)
//	adapters/<name>   "cursor", out/seq -> sealed(value key) an adapter's durable state (adapter.go)
//	audit             time | seq -> sealed(value key) a change made through the admin API (audit.go)
//	outbox/items      ID -> record(seq | due) an outbox item, pending or claimed (outbox.go)
//	outbox/due        due | ID -> seq, pending items only: the due index
//	outbox/claimed    ID -> seq, claimed items only
//	outbox/damaged    ID -> the stored bytes of an item that no longer opens, set aside by Claim
//	outcomes          ID -> record what became of an outbox item (outcome.go)
//	appointments/ids  ID -> record an appointment (appointment.go)
//	appointments/people uid | ID -> 1, the appointments of each person
//	unreachable       uid -> sealed(data key) since when the person cannot be reached (reach.go)
//
// uid is HMAC-SHA256 of the user key ("telegram:12345") under an index key
// derived from the master key, so platform ids never appear in the file.
// time is the event's Unix nanoseconds with the sign bit flipped (so keys sort
// in time order), seq the consent bucket's sequence; both big-endian. due
// is a time in that form; in the outbox, seq is the item's Seq (the items
// bucket's sequence), big-endian. ID is an outbox item's, outcome's or
// appointment's ID, in clear: the reminders contract keeps people out of
// outbox IDs (a person appears only as a keyed pseudonym), and an
// appointment's is the clinic system's. A record (record.go) is a value
// with a few fields in clear, its owner's uid among them, and the rest sealed
// with the owner's data key, or the value key when it belongs to nobody.
//
// # Values
//
// Every value but meta's starts with a format version byte; see crypt.go for
// version 1 (AES-256-GCM, bound to its bucket and key). Each person's values
// are sealed with their own random data key, wrapped under a key derived from
// the master key, so forgetting a person destroys their key with their data.
//
// # Concurrency
//
// A DB is safe for concurrent use. bbolt runs one write transaction at a time
// and any number of read transactions beside it; every write is committed and
// fsync'd before the method returns.
//
// # Adding a noun (the outbox, an adapter's offset)
//
// Put it in its own file. Name its bucket in the const block below and add
// it to bucketPaths. Run transactions through d.view and d.update (they check
// ctx and guard against Scrub) and find buckets with bucket(tx, ...). Seal a
// value about one person with d.sealFor/d.openFor under d.uid(userKey) (so
// Forget shreds it) and add its delete step to Forget's list; seal anything
// else confidential with sealValue/openValue and d.keys.value. Never put a
// user key, name or text in a bucket key or an error message.
package bolt

import (
	"context"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"sync"
	"time"

	"go.etcd.io/bbolt"

	"github.com/carebot/carebot"
)

// Errors callers may branch on. Each comes wrapped with what was being done.
var (
	// ErrInUse means another process (or another Open in this one) holds the file.
	ErrInUse = errors.New("the database is in use by another carebot process")
	// ErrWrongKey means the key given to Open is not the one the file was created with.
	ErrWrongKey = errors.New("the key does not open this database (wrong CAREBOT_KEY or key file?)")
	// ErrNotCarebot means the file is not a carebot database; it was left untouched.
	ErrNotCarebot = errors.New("not a carebot database")
	// ErrUnknownVersion means the file or a value was written in a format newer
	// than this code knows: upgrade carebot. The file is left untouched.
	ErrUnknownVersion = errors.New("unknown format version")
	// ErrDamaged means the file itself is truncated or damaged, so that bbolt
	// cannot read it: restore it from a backup. The file is left untouched.
	ErrDamaged = errors.New("the file is truncated or damaged")
	// ErrCorrupt means a stored value is damaged, truncated, moved or tampered with.
	ErrCorrupt = errors.New("corrupt value")
	// ErrClosed means the DB was used after Close.
	ErrClosed = errors.New("database closed")
)

// Options tune Open. The zero value is what carebot runs with.
type Options struct {
	// Timeout is how long Open waits for the file lock before it gives up
	// with ErrInUse; default 1s. There is always a timeout: without one a
	// second open of a locked file waits forever.
	Timeout time.Duration
	// Now stamps records that carry no time of their own; default time.Now.
	Now func() time.Time
}

func (o Options) withDefaults() Options {
	if o.Timeout <= 0 {
		o.Timeout = time.Second
	}
	if o.Now == nil {
		o.Now = time.Now
	}
	return o
}

// DB is an open carebot store. Its methods take ctx first and check it
// before starting a transaction; bbolt itself cannot be interrupted.
type DB struct {
	path string
	opts Options
	keys derivedKeys

	// mu guards b: read and write methods share it, Scrub and Close take it
	// alone because they replace or close the handle.
	mu sync.RWMutex
	b  *bbolt.DB
}

// The top-level buckets. Each noun's file says what its bucket holds.
const (
	bucketMeta    = "meta"
	bucketKeys    = "keys"
	bucketUsers   = "users"
	bucketConsent = "consent"
	bucketOptIn   = "optin"
)

// bucketPaths lists every bucket the store uses, nested ones as paths. Open
// creates those missing, so a newer carebot adds its buckets to an existing
// file without a migration: add a line here when you add a noun.
func bucketPaths() [][]string {
	paths := [][]string{{bucketMeta}, {bucketKeys}, {bucketUsers}, {bucketConsent}, {bucketOptIn}, {bucketFeedback}, {bucketAdapters}, {bucketAudit},
		{bucketOutbox, outboxItems}, {bucketOutbox, outboxDue}, {bucketOutbox, outboxClaim}, {bucketOutbox, outboxDamaged}, {bucketOutcomes},
		{bucketAppointments, appointmentIDs}, {bucketAppointments, appointmentPeople}, {bucketUnreachable}}
	for _, p := range carebot.Purposes() {
		paths = append(paths, []string{bucketOptIn, string(p)})
	}
	return paths
}

// Open opens the store at path, creating it if it does not exist, with the
// 32-byte master key (see LoadKey). It fails at once with ErrInUse when
// another process holds the file, with ErrWrongKey when key is not the file's
// key, and with ErrNotCarebot, ErrUnknownVersion or ErrDamaged, leaving the
// file untouched, when the file is something this code must not write to.
func Open(path string, key []byte, opts Options) (*DB, error) {
	if len(key) != KeySize {
		return nil, fmt.Errorf("open %s: key is %d bytes, want %d", path, len(key), KeySize)
	}
	opts = opts.withDefaults()
	b, err := openBolt(path, opts.Timeout)
	if err != nil {
		return nil, fmt.Errorf("open %s: %w", path, err)
	}
	d := &DB{path: path, opts: opts, b: b}
	if d.keys, err = initMeta(b, key); err != nil {
		_ = b.Close()
		return nil, fmt.Errorf("open %s: %w", path, err)
	}
	return d, nil
}

// openBolt opens and locks the bbolt file and translates bbolt's terse
// errors into ones an operator can act on. It checks the file first (see
// checkFile), as bbolt crashes on some damage instead of failing.
func openBolt(path string, timeout time.Duration) (*bbolt.DB, error) {
	var (
		file *os.File
		b    *bbolt.DB
	)
	err := precheck(path, timeout)
	if err == nil {
		err = noPanic(true, func() (err error) {
			b, err = bbolt.Open(path, 0o600, &bbolt.Options{
				Timeout: timeout,
				OpenFile: func(name string, flag int, perm os.FileMode) (*os.File, error) {
					f, err := os.OpenFile(name, flag, perm)
					file = f
					return f, err
				},
			})
			return err
		})
		if err != nil && file != nil {
			// After a panic bbolt still holds the file, its lock and its
			// mapping, which is lost (and would keep the lock without
			// unlock). After an error bbolt has closed the file already,
			// and this does nothing.
			unlock(file)
			_ = file.Close()
		}
	}
	switch {
	case errors.Is(err, errLocked), errors.Is(err, bbolt.ErrTimeout):
		return nil, fmt.Errorf("%w (lock timeout after %s)", ErrInUse, timeout)
	case errors.Is(err, bbolt.ErrInvalid):
		return nil, fmt.Errorf("%w: the file is not a bbolt database (left untouched)", ErrNotCarebot)
	case errors.Is(err, bbolt.ErrVersionMismatch):
		return nil, fmt.Errorf("%w: the file's bbolt format is not the one this carebot writes (left untouched)", ErrUnknownVersion)
	case errors.Is(err, bbolt.ErrChecksum):
		return nil, fmt.Errorf("%w (its headers fail their checksum): restore it from a backup; it was left untouched", ErrDamaged)
	case err != nil:
		// Open already names the path; drop os.PathError's repeat of it.
		if pe := (*fs.PathError)(nil); errors.As(err, &pe) {
			return nil, fmt.Errorf("%s: %w", pe.Op, pe.Err)
		}
		return nil, err
	}
	// Scrub replaces the file by rename while holding the lock on the old
	// one; an Open that waited on the old file must not run on a file that
	// is no longer at path.
	if same, serr := samePath(file, path); serr != nil || !same {
		_ = b.Close()
		if serr != nil {
			return nil, serr
		}
		return nil, fmt.Errorf("%w: the file was replaced while we waited for its lock", ErrInUse)
	}
	return b, nil
}

// precheck is checkFile; tests turn it off to reach what bbolt does with
// damage it would have refused.
var precheck = checkFile

func samePath(f *os.File, path string) (bool, error) {
	if f == nil {
		return false, errors.New("bbolt opened no file")
	}
	a, err := f.Stat()
	if err != nil {
		return false, err
	}
	b, err := os.Stat(path)
	if err != nil {
		return false, err
	}
	return os.SameFile(a, b), nil
}

// Close closes the store. If people were forgotten since the last scrub, it
// first rewrites the file so no freed page holds their data (see Scrub); on
// a large file that takes a while. Close is safe to call twice.
func (d *DB) Close() error {
	d.mu.Lock()
	defer d.mu.Unlock()
	if d.b == nil {
		return nil
	}
	var scrubErr error
	if pending, err := scrubPending(d.b); err != nil {
		scrubErr = err
	} else if pending {
		scrubErr = d.scrubLocked()
	}
	err := d.b.Close()
	d.b = nil
	if scrubErr != nil {
		return fmt.Errorf("close %s: scrub: %w", d.path, scrubErr)
	}
	if err != nil {
		return fmt.Errorf("close %s: %w", d.path, err)
	}
	return nil
}

// view runs fn in a read transaction. Every method goes through view or
// update: they check ctx, hold the handle so Scrub cannot swap it
// underneath, and turn damage bbolt meets (a panic, or a fault on a page
// the file does not back) into ErrDamaged for that call (see noPanic). fn must not call other DB methods (bbolt may deadlock when a
// goroutine holding a read transaction waits for a write one).
func (d *DB) view(ctx context.Context, fn func(*bbolt.Tx) error) error {
	if err := ctx.Err(); err != nil {
		return err
	}
	d.mu.RLock()
	defer d.mu.RUnlock()
	if d.b == nil {
		return ErrClosed
	}
	return noPanic(true, func() error { return d.b.View(fn) })
}

// update runs fn in a write transaction, committed and fsync'd before it
// returns. The same rules as view apply.
func (d *DB) update(ctx context.Context, fn func(*bbolt.Tx) error) error {
	if err := ctx.Err(); err != nil {
		return err
	}
	d.mu.RLock()
	defer d.mu.RUnlock()
	if d.b == nil {
		return ErrClosed
	}
	return noPanic(false, func() error { return d.b.Update(fn) })
}

// bucket returns the bucket at path, or an error naming it when the file
// lacks it (which Open prevents, so it means corruption).
func bucket(tx *bbolt.Tx, path ...string) (*bbolt.Bucket, error) {
	b := tx.Bucket([]byte(path[0]))
	for _, name := range path[1:] {
		if b == nil {
			break
		}
		b = b.Bucket([]byte(name))
	}
	if b == nil {
		return nil, fmt.Errorf("%w: bucket %v is missing", ErrCorrupt, path)
	}
	return b, nil
}
