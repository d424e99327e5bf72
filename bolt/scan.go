package bolt

import (
	"bytes"
	"context"
	"fmt"

	"go.etcd.io/bbolt"
)

// scanPage is how many values a prefix scan reads per read transaction:
// enough to amortise the transaction, few enough that a listing of the
// whole outbox never holds it all in memory.
const scanPage = 256

// scan calls fn with every value of the bucket at path whose key starts
// with prefix, in key order, decoded by decode, until fn returns an error,
// which scan returns as it is; its own errors it wraps with what. It reads a page per read transaction and
// calls fn between them, outside any, so fn may be slow or call the store;
// values written meanwhile may or may not be seen, none is seen twice.
func scan[T any](ctx context.Context, d *DB, what string, path []string, prefix []byte,
	decode func(tx *bbolt.Tx, k, v []byte) (T, error), fn func(T) error) error {
	var after []byte
	for {
		page := make([]T, 0, scanPage)
		err := d.view(ctx, func(tx *bbolt.Tx) error {
			b, err := bucket(tx, path...)
			if err != nil {
				return err
			}
			c := b.Cursor()
			k, v := c.First()
			if len(prefix) > 0 {
				k, v = c.Seek(prefix)
			}
			if after != nil {
				if k, v = c.Seek(after); bytes.Equal(k, after) {
					k, v = c.Next()
				}
			}
			for ; k != nil && bytes.HasPrefix(k, prefix) && len(page) < scanPage; k, v = c.Next() {
				x, err := decode(tx, k, v)
				if err != nil {
					return err
				}
				page = append(page, x)
				after = append(after[:0], k...)
			}
			return nil
		})
		if err != nil {
			return fmt.Errorf("%s: %w", what, err)
		}
		for _, x := range page {
			if err := fn(x); err != nil {
				return err
			}
		}
		if len(page) < scanPage {
			return nil
		}
	}
}
