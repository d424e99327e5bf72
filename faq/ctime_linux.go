package faq

import (
	"os"
	"syscall"
	"time"
)

// changeTime is the file's status change time (ctime), which every write
// moves and which, unlike the modification time, no copy or tool can set
// back ("cp -p" keeps the size and the modification time of a changed
// file). Zero when the platform does not say.
func changeTime(info os.FileInfo) time.Time {
	if st, ok := info.Sys().(*syscall.Stat_t); ok {
		return time.Unix(st.Ctim.Unix())
	}
	return time.Time{}
}
