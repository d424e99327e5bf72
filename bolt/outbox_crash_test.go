package bolt

import (
	"bufio"
	"fmt"
	"os"
	"os/exec"
	"reflect"
	"strings"
	"testing"
	"time"

	"github.com/carebot/carebot"
)

// crashEnv names the file a crash child claims from; only the child sees it.
const crashEnv = "CAREBOT_BOLT_CRASH_CHILD"

func outItem(id, user string, due time.Time) carebot.OutboxItem {
	return carebot.OutboxItem{ID: id, Kind: carebot.KindBroadcast, Due: due, User: user,
		Purpose: carebot.PurposeAnnouncements, Text: "closed on friday", Ref: "b1", Created: t0}
}

// A process killed between Claim and Finish loses nothing: on restart the
// claimed items are neither due nor lost, Recover returns exactly them,
// unchanged, and their old claims can be settled once claimed again.
func TestClaimSurvivesSIGKILL(t *testing.T) {
	d, path := openTemp(t)
	var items []carebot.OutboxItem
	for i := range 5 {
		items = append(items, outItem(fmt.Sprintf("bcast/b1/%d", i), fmt.Sprintf("telegram:%d", i), t0.Add(time.Duration(i)*time.Minute)))
	}
	if err := d.Schedule(t.Context(), items...); err != nil {
		t.Fatal(err)
	}
	if err := d.Close(); err != nil {
		t.Fatal(err)
	}

	cmd := exec.Command(os.Args[0], "-test.run=^TestCrashChild$")
	cmd.Env = append(os.Environ(), crashEnv+"="+path)
	stdin, _ := cmd.StdinPipe() // the child waits on it, to be killed mid-wait
	out, _ := cmd.StdoutPipe()
	cmd.Stderr = os.Stderr
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	defer stdin.Close()
	line, err := bufio.NewReader(out).ReadString('\n')
	if err != nil || !strings.HasPrefix(line, "claimed ") {
		cmd.Process.Kill()
		cmd.Wait()
		t.Fatalf("child said %q, %v; want its claims", line, err)
	}
	if err := cmd.Process.Kill(); err != nil { // SIGKILL: no Close, no Finish
		t.Fatal(err)
	}
	cmd.Wait()
	claimed := strings.Fields(strings.TrimPrefix(line, "claimed "))
	if want := []string{"bcast/b1/0", "bcast/b1/1", "bcast/b1/2"}; !reflect.DeepEqual(claimed, want) {
		t.Fatalf("child claimed %v, want %v", claimed, want)
	}

	d = reopen(t, path)
	if due, ok, err := d.NextDue(t.Context()); err != nil || !ok || !due.Equal(t0.Add(3*time.Minute)) {
		t.Errorf("NextDue after the crash: got %v %v %v, want %v (claimed items are not pending)", due, ok, err, t0.Add(3*time.Minute))
	}
	before := map[string]uint64{}
	d.Items(t.Context(), "", func(it carebot.OutboxItem) error { before[it.ID] = it.Seq; return nil })
	if len(before) != 5 {
		t.Fatalf("after the crash the outbox holds %d items, want all 5", len(before))
	}
	n, err := d.Recover(t.Context())
	if err != nil || n != 3 {
		t.Fatalf("Recover: got %d, %v; want 3", n, err)
	}
	again, err := d.Claim(t.Context(), t0.Add(time.Hour), 10)
	if err != nil {
		t.Fatal(err)
	}
	var done []carebot.OutboxDone
	for i, it := range again {
		if it.Seq != before[it.ID] {
			t.Errorf("%s: Seq %d after Recover, want %d (unchanged)", it.ID, it.Seq, before[it.ID])
		}
		if !sameItem(it, items[i]) {
			t.Errorf("claimed after Recover:\n got  %+v\n want %+v", it, items[i])
		}
		done = append(done, carebot.OutboxDone{ID: it.ID, Seq: it.Seq, Outcome: &carebot.Outcome{ID: it.ID, User: it.User, Result: carebot.ResultSent, At: t0}})
	}
	if len(again) != 5 {
		t.Fatalf("Claim after Recover: got %d items, want 5", len(again))
	}
	if err := d.Finish(t.Context(), done...); err != nil {
		t.Fatal(err)
	}
	if _, ok, _ := d.NextDue(t.Context()); ok {
		t.Error("items left after settling every claim")
	}
}

// TestCrashChild is the process TestClaimSurvivesSIGKILL kills: it claims
// three items, says which, and waits to die.
func TestCrashChild(t *testing.T) {
	path := os.Getenv(crashEnv)
	if path == "" {
		t.Skip("run by TestClaimSurvivesSIGKILL")
	}
	d, err := Open(path, testKey, Options{})
	if err != nil {
		t.Fatal(err)
	}
	got, err := d.Claim(t.Context(), t0.Add(time.Hour), 3)
	if err != nil {
		t.Fatal(err)
	}
	var ids []string
	for _, it := range got {
		ids = append(ids, it.ID)
	}
	fmt.Printf("claimed %s\n", strings.Join(ids, " "))
	bufio.NewReader(os.Stdin).ReadString('\n') // killed here
	t.Fatal("the parent was to kill this process")
}

// sameItem compares items as stored: times by instant, Seq ignored.
func sameItem(a, b carebot.OutboxItem) bool {
	a.Seq, b.Seq = 0, 0
	for _, p := range []*carebot.OutboxItem{&a, &b} {
		for _, tp := range []*time.Time{&p.Due, &p.Expires, &p.Slot, &p.Wall, &p.Created, &p.Sent} {
			if !tp.IsZero() {
				*tp = tp.UTC()
			}
		}
	}
	return reflect.DeepEqual(a, b)
}
