//go:build linux || darwin || freebsd || netbsd || openbsd || dragonfly

package bolt

import (
	"os"
	"syscall"
	"time"
)

// lockShared takes a shared flock on f, waiting up to timeout while a
// carebot holds the file (bbolt takes an exclusive flock on these
// platforms). Closing f releases it. Where the filesystem cannot lock,
// checkFile reads without a lock and bbolt reports the problem.
func lockShared(f *os.File, timeout time.Duration) error {
	deadline := time.Now().Add(timeout)
	for {
		err := syscall.Flock(int(f.Fd()), syscall.LOCK_SH|syscall.LOCK_NB)
		switch {
		case err == nil:
			return nil
		case err != syscall.EWOULDBLOCK && err != syscall.EINTR:
			return nil
		case time.Now().After(deadline):
			return errLocked
		}
		time.Sleep(50 * time.Millisecond)
	}
}

// lockedByOther reports whether another process holds an exclusive flock
// on f (a carebot has the file open), by taking a shared one and letting
// it go at once. A filesystem that cannot lock is not one bbolt opens.
func lockedByOther(f *os.File) bool {
	for {
		err := syscall.Flock(int(f.Fd()), syscall.LOCK_SH|syscall.LOCK_NB)
		switch err {
		case nil:
			unlock(f)
			return false
		case syscall.EINTR:
			continue
		}
		return err == syscall.EWOULDBLOCK
	}
}

// unlock releases the flock bbolt took on f. Closing f is not enough when
// bbolt has mapped it: the mapping keeps the file, and so the lock, open.
func unlock(f *os.File) { _ = syscall.Flock(int(f.Fd()), syscall.LOCK_UN) }
