package faq

import (
	"os"
	"syscall"
	"time"
)

// changeTime: see ctime_linux.go.
func changeTime(info os.FileInfo) time.Time {
	if st, ok := info.Sys().(*syscall.Stat_t); ok {
		return time.Unix(st.Ctimespec.Unix())
	}
	return time.Time{}
}
