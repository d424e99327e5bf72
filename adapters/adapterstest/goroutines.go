package adapterstest

import (
	"runtime"
	"strings"
	"time"
)

// leftover returns the stacks of goroutines running code of pkgs (or
// started by it), other than the caller's. Goroutines take a moment to
// unwind after their context ends, so it looks again for up to a second
// before it reports them. Stack inspection rather than a leak-checking
// library: the suite must ignore the fakes' and net/http's own goroutines
// and judge only the adapter's, which a package filter on frames does
// directly.
func leftover(pkgs []string) []string {
	var found []string
	for range 100 {
		found = found[:0]
		buf := make([]byte, 1<<20)
		for {
			n := runtime.Stack(buf, true)
			if n < len(buf) {
				buf = buf[:n]
				break
			}
			buf = make([]byte, 2*len(buf))
		}
		// The first stack is the caller's own.
		for _, g := range strings.Split(string(buf), "\n\n")[1:] {
			if runs(g, pkgs) {
				found = append(found, g)
			}
		}
		if len(found) == 0 {
			return nil
		}
		time.Sleep(10 * time.Millisecond)
	}
	return found
}

// runs reports whether stack g has a frame in, or was created by, one of
// pkgs. A frame line starts with the function's package path and a dot.
func runs(g string, pkgs []string) bool {
	for _, line := range strings.Split(g, "\n") {
		line = strings.TrimPrefix(line, "created by ")
		for _, p := range pkgs {
			if strings.HasPrefix(line, p+".") {
				return true
			}
		}
	}
	return false
}
