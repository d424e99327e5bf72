//go:build !linux && !darwin

package faq

import (
	"os"
	"time"
)

// changeTime: see ctime_linux.go. Elsewhere the size, the modification
// time and the file's identity tell a change.
func changeTime(os.FileInfo) time.Time { return time.Time{} }
