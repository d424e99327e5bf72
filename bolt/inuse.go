package bolt

import (
	"errors"
	"io/fs"
	"os"
)

// InUse reports whether a process has the store at path open: a running
// carebot. bbolt holds an exclusive lock on the file for as long as it has
// it open (and the kernel drops the lock when the process dies, however it
// dies), so a lock that can be taken, or a file that does not exist, means
// no carebot is running on it. It takes the lock without waiting, and
// only for that moment, so it never holds up a carebot starting.
//
// Where carebot cannot try bbolt's lock (see lock_other.go) it cannot
// tell, and reports true.
func InUse(path string) (bool, error) {
	f, err := os.Open(path)
	if errors.Is(err, fs.ErrNotExist) {
		return false, nil
	}
	if err != nil {
		return false, err
	}
	defer f.Close()
	return lockedByOther(f), nil
}
