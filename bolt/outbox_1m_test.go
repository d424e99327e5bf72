//go:build linux

package bolt_test

import (
	"bufio"
	"encoding/json"
	"fmt"
	"math/rand/v2"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/carebot/carebot"
	"github.com/carebot/carebot/bolt"
)

// firstDispatchEnv names the file a first-dispatch child opens; only the
// child sees it.
const firstDispatchEnv = "CAREBOT_BOLT_FIRST_DISPATCH"

// t1m is when the million reminders start to come due.
var t1m = time.Date(2026, 11, 25, 15, 0, 0, 0, time.UTC)

// BenchmarkOpenFirstDispatch1M is the start-up figure: with
// 1,000,000 pending reminders in the file, open the store and make the
// first dispatch (Recover, NextDue, and Claim of one batch of 256, the
// dispatcher's default) within 1 s, with resident memory within 150 MB.
//
// It builds the file once (250,000 people, each with three appointment
// reminders and one reminder of their own, due at random over 90 days, in
// transactions of 10,000), then measures each run in a fresh child process
// (this test binary re-executed), so the build's heap does not count and
// the child's Go heap starts cold. "warm" leaves the file in the page cache
// as the build left it; "cold" first asks the kernel to drop the file's
// cached pages (posix_fadvise DONTNEED), as after a reboot. Metrics per
// run: open-ms (Open), dispatch-ms (Recover + NextDue + Claim), rss-MB (the
// child's peak resident set, VmHWM, read right after the claim) and file-MB;
// ns/op is the whole child process, exec and Go start-up included.
//
//	go test ./bolt/ -run '^$' -bench 'OpenFirstDispatch1M' -benchtime 5x -timeout 30m
func BenchmarkOpenFirstDispatch1M(b *testing.B) {
	path := filepath.Join(b.TempDir(), "carebot.db")
	start := time.Now()
	build1M(b, path)
	fi, err := os.Stat(path)
	if err != nil {
		b.Fatal(err)
	}
	b.Logf("built 1,000,000 pending reminders in %s; file %d MB", time.Since(start).Round(time.Second), fi.Size()>>20)
	for _, cold := range []bool{false, true} {
		name := "warm"
		if cold {
			name = "cold"
		}
		b.Run(name, func(b *testing.B) {
			var open, dispatch, rss float64
			for b.Loop() {
				if cold {
					dropCache(b, path)
				}
				r := runFirstDispatch(b, path)
				open += r.Open.Seconds() * 1e3
				dispatch += r.Dispatch.Seconds() * 1e3
				rss = max(rss, float64(r.HWMkB)/1024)
			}
			n := float64(b.N)
			b.ReportMetric(open/n, "open-ms")
			b.ReportMetric(dispatch/n, "dispatch-ms")
			b.ReportMetric(rss, "rss-MB")
			b.ReportMetric(float64(fi.Size())/(1<<20), "file-MB")
		})
	}
}

func build1M(b *testing.B, path string) {
	d, err := bolt.Open(path, storeKey, bolt.Options{})
	if err != nil {
		b.Fatal(err)
	}
	rng := rand.New(rand.NewPCG(4, 2))
	const people, tx = 250_000, 10_000
	var batch []carebot.OutboxItem
	for p := range people {
		user := carebot.UserKey("telegram", strconv.Itoa(100_000_000+p))
		to := carebot.Address{Platform: "telegram", ChatID: strconv.Itoa(100_000_000 + p), UserID: strconv.Itoa(100_000_000 + p)}
		slot := t1m.Add(72*time.Hour + time.Duration(rng.IntN(90*24*3600))*time.Second)
		for _, lead := range []time.Duration{72 * time.Hour, 24 * time.Hour, 2 * time.Hour} {
			batch = append(batch, carebot.OutboxItem{ID: fmt.Sprintf("appt/A%07d/%s", p, lead), Kind: carebot.KindAppointment,
				Due: slot.Add(-lead), Expires: slot.Add(-lead / 2), User: user, To: to, Purpose: carebot.PurposeAppointments,
				Ref: fmt.Sprintf("A%07d", p), Slot: slot, Created: t1m})
		}
		wall := time.Date(2026, 12, 1+rng.IntN(90), 8, 0, 0, 0, time.UTC)
		batch = append(batch, carebot.OutboxItem{ID: fmt.Sprintf("self/%032x/%016x", rng.Uint64(), p), Kind: carebot.KindPatient,
			Due: wall.Add(5 * time.Hour), User: user, Purpose: carebot.PurposeAppointments, Asked: true,
			Text: "take the blood pressure pills with breakfast", Wall: wall, Rule: "FREQ=DAILY;BYHOUR=8", Created: t1m})
		if len(batch) >= tx || p == people-1 {
			if err := d.Schedule(b.Context(), batch...); err != nil {
				b.Fatal(err)
			}
			batch = batch[:0]
		}
	}
	if err := d.Close(); err != nil {
		b.Fatal(err)
	}
}

// firstDispatch is what a child reports.
type firstDispatch struct {
	Open, Dispatch time.Duration
	Claimed        int
	RSSkB, HWMkB   int
}

func runFirstDispatch(b *testing.B, path string) firstDispatch {
	cmd := exec.Command(os.Args[0], "-test.run=^TestFirstDispatchChild$", "-test.v")
	cmd.Env = append(os.Environ(), firstDispatchEnv+"="+path)
	cmd.Stderr = os.Stderr
	out, err := cmd.Output()
	if err != nil {
		b.Fatalf("child: %v\n%s", err, out)
	}
	for line := range strings.Lines(string(out)) {
		if j, ok := strings.CutPrefix(line, "first-dispatch "); ok {
			var r firstDispatch
			if err := json.Unmarshal([]byte(j), &r); err != nil {
				b.Fatal(err)
			}
			if r.Claimed != 256 {
				b.Fatalf("the child claimed %d items, want a batch of 256", r.Claimed)
			}
			return r
		}
	}
	b.Fatalf("the child reported nothing:\n%s", out)
	return firstDispatch{}
}

// TestFirstDispatchChild is the process BenchmarkOpenFirstDispatch1M
// measures. It puts its claims back before it exits, so every run starts
// from the same outbox.
func TestFirstDispatchChild(t *testing.T) {
	path := os.Getenv(firstDispatchEnv)
	if path == "" {
		t.Skip("run by BenchmarkOpenFirstDispatch1M")
	}
	ctx := t.Context()
	start := time.Now()
	d, err := bolt.Open(path, storeKey, bolt.Options{})
	if err != nil {
		t.Fatal(err)
	}
	opened := time.Now()
	if _, err := d.Recover(ctx); err != nil {
		t.Fatal(err)
	}
	due, ok, err := d.NextDue(ctx)
	if err != nil || !ok {
		t.Fatalf("NextDue: %v %v", ok, err)
	}
	items, err := d.Claim(ctx, due.Add(24*time.Hour), 256)
	if err != nil {
		t.Fatal(err)
	}
	r := firstDispatch{Open: opened.Sub(start), Dispatch: time.Since(opened), Claimed: len(items)}
	r.RSSkB, r.HWMkB = memStatus(t)
	if _, err := d.Recover(ctx); err != nil {
		t.Fatal(err)
	}
	if err := d.Close(); err != nil {
		t.Fatal(err)
	}
	j, _ := json.Marshal(r)
	fmt.Printf("first-dispatch %s\n", j)
}

// memStatus reads this process's resident set and its peak, in kB.
func memStatus(t *testing.T) (rss, hwm int) {
	f, err := os.Open("/proc/self/status")
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	s := bufio.NewScanner(f)
	for s.Scan() {
		fields := strings.Fields(s.Text())
		if len(fields) < 2 {
			continue
		}
		n, _ := strconv.Atoi(fields[1])
		switch fields[0] {
		case "VmRSS:":
			rss = n
		case "VmHWM:":
			hwm = n
		}
	}
	return rss, hwm
}

// dropCache asks the kernel to forget the file's cached pages: only this
// file's, so other processes on the machine keep theirs.
func dropCache(b *testing.B, path string) {
	f, err := os.Open(path)
	if err != nil {
		b.Fatal(err)
	}
	defer f.Close()
	const fadvDontNeed = 4
	if _, _, e := syscall.Syscall6(syscall.SYS_FADVISE64, f.Fd(), 0, 0, fadvDontNeed, 0, 0); e != 0 {
		b.Fatalf("fadvise: %v", e)
	}
}
