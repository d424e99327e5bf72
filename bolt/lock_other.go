//go:build !(linux || darwin || freebsd || netbsd || openbsd || dragonfly)

package bolt

import (
	"os"
	"time"
)

// lockShared does nothing where bbolt does not lock with flock: checkFile
// then reads without a lock. That is safe enough, as bbolt grows the file
// before a meta page counts the new pages and writes the two meta pages in
// turn, so only a file that another carebot is creating at that moment
// can look damaged.
func lockShared(*os.File, time.Duration) error { return nil }

// unlock does nothing here: closing the file releases bbolt's lock.
func unlock(*os.File) {}

// lockedByOther cannot tell here whether a carebot has f open, and says
// it has: InUse's caller then trusts what the carebot wrote.
func lockedByOther(*os.File) bool { return true }
