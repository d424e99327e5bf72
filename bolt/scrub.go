package bolt

import (
	"context"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"

	"go.etcd.io/bbolt"

	"github.com/carebot/carebot/secretfile"
)

// scrubTxSize bounds each transaction of the copy so a large file does not
// need its whole size in memory.
const scrubTxSize = 64 << 20

// Scrub rewrites the file with its live data only, so no free page keeps a
// copy of anything deleted (see Forget), and replaces the old file with it
// by an atomic rename. It holds the store alone while it copies, so every
// other call waits, and it needs free disk space for a second copy. Close
// scrubs by itself when someone was forgotten since the last scrub; call
// Scrub to do it sooner (right after a Forget, or at a quiet hour).
//
// The old file's blocks are released to the filesystem, which may keep them
// on disk; only full-disk encryption covers that.
func (d *DB) Scrub(ctx context.Context) error {
	if err := ctx.Err(); err != nil {
		return fmt.Errorf("scrub %s: %w", d.path, err)
	}
	d.mu.Lock()
	defer d.mu.Unlock()
	if d.b == nil {
		return fmt.Errorf("scrub %s: %w", d.path, ErrClosed)
	}
	if err := d.scrubLocked(); err != nil {
		return fmt.Errorf("scrub %s: %w", d.path, err)
	}
	return nil
}

// ScrubPending reports whether deleted data may linger in the file's free
// pages until a Scrub: someone was forgotten, or patients' questions
// expired, since the last one.
func (d *DB) ScrubPending(ctx context.Context) (bool, error) {
	var pending bool
	err := d.view(ctx, func(tx *bbolt.Tx) error {
		m, err := bucket(tx, bucketMeta)
		if err != nil {
			return err
		}
		pending = m.Get(metaScrub) != nil
		return nil
	})
	if err != nil {
		return false, fmt.Errorf("scrub pending: %w", err)
	}
	return pending, nil
}

// scrubLocked does Scrub with d.mu held. The new file is opened, and so
// locked, before it is renamed into place, and the old one stays locked
// until then, so at no moment can another carebot take either.
func (d *DB) scrubLocked() error {
	tmp := d.path + ".scrub"
	// A leftover is an earlier scrub that crashed before its rename: the
	// real file is intact and the leftover is ours to discard.
	if err := os.Remove(tmp); err != nil && !errors.Is(err, fs.ErrNotExist) {
		return err
	}
	dst, err := bbolt.Open(tmp, 0o600, &bbolt.Options{Timeout: d.opts.Timeout})
	if err != nil {
		return fmt.Errorf("create %s: %w", tmp, err)
	}
	fail := func(err error) error {
		_ = dst.Close()
		_ = os.Remove(tmp)
		return err
	}
	if err := bbolt.Compact(dst, d.b, scrubTxSize); err != nil {
		return fail(fmt.Errorf("copy: %w", err))
	}
	err = dst.Update(func(tx *bbolt.Tx) error {
		m, err := bucket(tx, bucketMeta)
		if err != nil {
			return err
		}
		return m.Delete(metaScrub)
	})
	if err != nil {
		return fail(fmt.Errorf("clear scrub mark: %w", err))
	}
	if err := os.Rename(tmp, d.path); err != nil {
		return fail(err)
	}
	old := d.b
	d.b = dst
	if err := old.Close(); err != nil {
		return fmt.Errorf("close the old file: %w", err)
	}
	return secretfile.SyncDir(filepath.Dir(d.path))
}
