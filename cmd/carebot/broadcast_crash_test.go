package main

import (
	"bytes"
	"context"
	"encoding/base64"
	"fmt"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/carebot/carebot"
	"github.com/carebot/carebot/adapters/telegram/telegramtest"
	"github.com/carebot/carebot/bolt"
	"github.com/carebot/carebot/reminders"
)

// crashKey is the database key of the crash test, so the test can read and
// write the store while the bot is down.
var crashKey = bytes.Repeat([]byte{7}, bolt.KeySize)

// A real carebot is SIGKILLed in the middle of a broadcast to 10,000
// patients and restarted: every patient still opted in gets the message,
// duplicates stay within what may have been in flight, and nobody who opted
// out before the restart gets it afterwards.
func TestBroadcastSurvivesSIGKILL(t *testing.T) {
	if testing.Short() {
		t.Skip("sends 10,000 messages through the real binary")
	}
	const n, rate = 10000, 500
	dir := t.TempDir()
	ctx := context.Background()
	db, err := bolt.Open(filepath.Join(dir, "carebot.db"), crashKey, bolt.Options{})
	if err != nil {
		t.Fatal(err)
	}
	users := make([]carebot.User, n)
	events := make([]carebot.ConsentEvent, n)
	for i := range n {
		id := strconv.Itoa(100000 + i)
		users[i] = carebot.User{Key: carebot.UserKey("telegram", id), Lang: "en", TimeZone: "UTC",
			DM: carebot.Address{Platform: "telegram", ChatID: id, UserID: id}}
		events[i] = carebot.ConsentEvent{User: users[i].Key, Purpose: carebot.PurposeAnnouncements, Action: carebot.OptIn, Method: "import"}
	}
	if err := db.PutUsers(ctx, users...); err != nil {
		t.Fatal(err)
	}
	if err := db.RecordConsent(ctx, events...); err != nil {
		t.Fatal(err)
	}
	db.Close()

	config := filepath.Join(dir, "carebot.yaml")
	// No quiet hours, so the test runs at any hour of the day.
	os.WriteFile(config, []byte(fmt.Sprintf("telegram:\n  messages_per_second: %d\nreminders:\n  quiet_hours: {from: \"24:00\", to: \"00:00\"}\n", rate)), 0o600)
	fake := telegramtest.NewServer()
	defer fake.Close()
	fake.Enforce(telegramtest.Limits{Global: telegramtest.Window{Count: rate, Per: time.Second},
		Chat: telegramtest.Window{Count: 1, Per: time.Second}, Slack: time.Millisecond})
	env := []string{"TELEGRAM_TOKEN=" + telegramtest.Token, "TELEGRAM_API_ENDPOINT=" + fake.URL,
		"CAREBOT_KEY=" + base64.StdEncoding.EncodeToString(crashKey)}
	bot := startBot(t, dir, env, "--config", config)

	if code, out, errs := runCmd(t, nil, "", "broadcast", "--data", dir, "--purpose", "announcements",
		"--id", "closure", "--text", "The clinic is closed Friday for staff training."); code != 0 {
		t.Fatalf("broadcast: exit %d: %s %s", code, out, errs)
	}
	isBroadcast := func(c telegramtest.Call) bool { return strings.Contains(c.Text, "closed Friday") }
	count := func(calls []telegramtest.Call) int {
		k := 0
		for _, c := range calls {
			if c.Method == "sendMessage" && isBroadcast(c) {
				k++
			}
		}
		return k
	}
	waitFor(t, fake, "a third of the broadcast", func(c []telegramtest.Call) bool { return count(c) >= n/3 })
	if err := bot.cmd.Process.Signal(syscall.SIGKILL); err != nil {
		t.Fatal(err)
	}
	bot.cmd.Wait()
	before := map[string]int{}
	for _, c := range fake.Messages() {
		if isBroadcast(c) {
			before[strconv.FormatInt(c.ChatID, 10)]++
		}
	}

	// While the bot is down, 300 patients who have not had it yet opt out.
	db, err = bolt.Open(filepath.Join(dir, "carebot.db"), crashKey, bolt.Options{})
	if err != nil {
		t.Fatal(err)
	}
	optedOut := map[string]bool{}
	var outs []carebot.ConsentEvent
	for i := range n {
		id := strconv.Itoa(100000 + i)
		if before[id] == 0 && len(outs) < 300 {
			optedOut[id] = true
			outs = append(outs, carebot.ConsentEvent{User: carebot.UserKey("telegram", id), Purpose: carebot.PurposeAnnouncements,
				Action: carebot.OptOut, Method: "keyword:STOP"})
		}
	}
	if err := db.RecordConsent(ctx, outs...); err != nil {
		t.Fatal(err)
	}
	db.Close()

	bot = startBot(t, dir, env, "--config", config)
	want := n - len(optedOut)
	waitFor(t, fake, "the whole broadcast", func(c []telegramtest.Call) bool {
		got := map[int64]bool{}
		for _, m := range c {
			if m.Method == "sendMessage" && isBroadcast(m) {
				got[m.ChatID] = true
			}
		}
		return len(got) >= want
	})
	// Stop it as an operator would: the dispatcher writes what it settled.
	if err := bot.cmd.Process.Signal(syscall.SIGTERM); err != nil {
		t.Fatal(err)
	}
	if err := bot.cmd.Wait(); err != nil {
		t.Errorf("carebot did not stop cleanly: %v", err)
	}

	got := map[string]int{}
	for _, c := range fake.Messages() {
		if isBroadcast(c) {
			got[strconv.FormatInt(c.ChatID, 10)]++
		}
	}
	dups := 0
	for i := range n {
		id := strconv.Itoa(100000 + i)
		switch {
		case optedOut[id] && got[id] > 0:
			t.Errorf("patient %s opted out before the restart and got the broadcast", id)
		case !optedOut[id] && got[id] == 0:
			t.Errorf("patient %s never got the broadcast", id)
		case got[id] > 2:
			t.Errorf("patient %s got it %d times; one crash allows one duplicate", id, got[id])
		case got[id] == 2:
			dups++
		}
	}
	db, err = bolt.Open(filepath.Join(dir, "carebot.db"), crashKey, bolt.Options{})
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	rep, err := reminders.NewBroadcasts(db).Report(ctx, "closure")
	if err != nil {
		t.Fatal(err)
	}
	t.Logf("%d patients had it before the kill; %d duplicates; report: resolved %v, pending %d, %v",
		len(before), dups, rep.Resolved, rep.Pending, rep.Counts)
	// The audience is resolved at send time, a page at a time: someone who
	// opted out before their page was resolved is never queued; someone
	// queued before opting out is skipped when their turn comes.
	if !rep.Resolved || rep.Pending != 0 || rep.Counts[carebot.ResultSent] != want || rep.Counts[carebot.ResultOptedOut] > len(optedOut) {
		t.Errorf("report: resolved %v, pending %d, counts %v; want resolved, none pending, %d sent, at most %d skipped as opted out",
			rep.Resolved, rep.Pending, rep.Counts, want, len(optedOut))
	}
	if limit := (&reminders.Dispatcher{}).MaxInFlight(); dups > limit {
		t.Errorf("%d duplicates, want at most the %d sends that can be in flight at a kill", dups, limit)
	}
}
