package main

import (
	"bytes"
	"log/slog"
	"strings"
	"testing"
	"time"

	"github.com/carebot/carebot/reminders"
)

// The bot logs a campaign that can never send, and a campaigns file of
// none, and runs on; no campaigns configured at all logs nothing.
func TestLogCampaignProblems(t *testing.T) {
	now := time.Date(2026, 11, 26, 12, 0, 0, 0, time.UTC)
	for _, tc := range []struct {
		name, yaml string
		want       []string
	}{
		{"ended", "campaigns:\n  - id: flu\n    topic: Flu\n    schedule: FREQ=DAILY;BYHOUR=10;UNTIL=20240101\n    text: {en: Hi}\n",
			[]string{`level=WARN msg="campaign will never send" file=c.yaml line=4 campaign=flu problem="schedule: it ended on 2024-01-01 (its UNTIL)`}},
		{"none", "campaigns: []\n", []string{`level=WARN msg="campaigns warning" file=c.yaml warning="the file has no campaigns`}},
		{"fine", "campaigns:\n  - id: flu\n    topic: Flu\n    schedule: FREQ=DAILY;BYHOUR=10\n    text: {en: Hi}\n", nil},
	} {
		t.Run(tc.name, func(t *testing.T) {
			cs, err := reminders.LoadCampaigns("c.yaml", []byte(tc.yaml))
			if err != nil {
				t.Fatal(err)
			}
			var b bytes.Buffer
			logCampaignProblems(slog.New(slog.NewTextHandler(&b, nil)), cs, reminders.Hours{}, now)
			if got := strings.Count(b.String(), "\n"); got != len(tc.want) {
				t.Errorf("got %d lines, want %d: %s", got, len(tc.want), b.String())
			}
			for _, w := range tc.want {
				if !strings.Contains(b.String(), w) {
					t.Errorf("log %q\n does not contain %q", b.String(), w)
				}
			}
		})
	}
	var b bytes.Buffer
	none, _ := reminders.NewCampaigns()
	logCampaignProblems(slog.New(slog.NewTextHandler(&b, nil)), none, reminders.Hours{}, now)
	if b.Len() > 0 {
		t.Errorf("no campaigns configured: logged %q, want nothing", b.String())
	}
}
