package bolt

import (
	"bytes"
	"errors"
	"fmt"
	"testing"
	"time"

	"github.com/carebot/carebot"
)

func TestFeedbackRoundTripAndExpiry(t *testing.T) {
	d, path := openTemp(t)
	ctx := t.Context()
	const canary = "CANARYQUESTION about my rash"
	records := []carebot.Feedback{
		{Kind: carebot.FeedbackFallback, At: t0.Add(-40 * 24 * time.Hour), Lang: "en", Text: canary},
		{Kind: carebot.FeedbackPressed, At: t0.Add(-39 * 24 * time.Hour), Entries: []string{"holiday-hours"}, Instead: "hours"},
		{Kind: carebot.FeedbackSuggest, At: t0.Add(-2 * time.Hour), Lang: "es", Text: "donde estacionar", Entries: []string{"parking", "location"}},
		{Kind: carebot.FeedbackPressed, At: t0.Add(-time.Hour), Entries: []string{"parking"}, Asked: t0.Add(-2 * time.Hour)},
	}
	for _, f := range records {
		if err := d.RecordFeedback(ctx, f); err != nil {
			t.Fatal(err)
		}
	}
	read := func(d *DB, since time.Time) []carebot.Feedback {
		var got []carebot.Feedback
		if err := d.Feedback(ctx, since, func(f carebot.Feedback) error { got = append(got, f); return nil }); err != nil {
			t.Fatal(err)
		}
		return got
	}
	if got := read(d, time.Time{}); fmt.Sprint(got) != fmt.Sprint(records) {
		t.Errorf("read back:\n got %v\nwant %v", got, records)
	}
	if got := read(d, t0.Add(-3*time.Hour)); len(got) != 2 || got[0].Kind != carebot.FeedbackSuggest {
		t.Errorf("since 3h ago: got %v, want the last two", got)
	}

	// 30 days' retention: the 40-day-old question goes, the press stays.
	n, err := d.ExpireFeedback(ctx, t0.Add(-30*24*time.Hour))
	if err != nil || n != 1 {
		t.Fatalf("ExpireFeedback: got %d, %v; want 1 deleted", n, err)
	}
	got := read(d, time.Time{})
	if len(got) != 3 || got[0].Kind != carebot.FeedbackPressed {
		t.Errorf("after expiry: got %v, want the press and the two recent ones", got)
	}
	if err := d.Close(); err != nil { // scrubs: the words must be gone from the file
		t.Fatal(err)
	}
	if bytes.Contains(readFile(t, path), []byte("CANARYQUESTION")) {
		t.Error("a question is in the file in clear")
	}
	d = reopen(t, path)
	if got := read(d, time.Time{}); len(got) != 3 {
		t.Errorf("after reopen: got %d records, want 3", len(got))
	}
	stop := errors.New("stop")
	calls := 0
	if err := d.Feedback(ctx, time.Time{}, func(carebot.Feedback) error { calls++; return stop }); !errors.Is(err, stop) || calls != 1 {
		t.Errorf("stopping early: got %v after %d calls", err, calls)
	}
}

// A since beyond what Unix nanoseconds hold (staff typing --since
// 9999-01-01T00:00:00Z) must clamp, not wrap around to some other time.
func TestFeedbackSinceOutOfRange(t *testing.T) {
	d, _ := openTemp(t)
	ctx := t.Context()
	for _, at := range []time.Time{t0.Add(-time.Hour), t0} {
		if err := d.RecordFeedback(ctx, carebot.Feedback{Kind: carebot.FeedbackFallback, At: at, Text: "q"}); err != nil {
			t.Fatal(err)
		}
	}
	for _, tc := range []struct {
		since time.Time
		want  int
	}{
		{time.Date(9999, 1, 1, 0, 0, 0, 0, time.UTC), 0},
		{time.Date(2300, 1, 1, 0, 0, 0, 0, time.UTC), 0},
		{time.Date(1000, 1, 1, 0, 0, 0, 0, time.UTC), 2},
		{time.Date(1, 1, 1, 0, 0, 0, 1, time.UTC), 2},
	} {
		n := 0
		if err := d.Feedback(ctx, tc.since, func(carebot.Feedback) error { n++; return nil }); err != nil {
			t.Fatal(err)
		}
		if n != tc.want {
			t.Errorf("since %s: got %d records, want %d", tc.since.Format(time.RFC3339), n, tc.want)
		}
	}
}
