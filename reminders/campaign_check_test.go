package reminders_test

import (
	"os"
	"strings"
	"testing"
	"time"

	"github.com/carebot/carebot/reminders"
)

// TestCampaignsCheck: a campaign that loads but can never send anything
// (its schedule has ended, none of its times is in its season, quiet hours
// hold every one of them past its max_late) is an error of Check, naming
// the file, the line and the campaign; a file of no campaigns, and times
// of a campaign that quiet hours always drop while others are sent, are
// warnings.
func TestCampaignsCheck(t *testing.T) {
	now := time.Date(2026, 11, 26, 12, 0, 0, 0, time.UTC)
	campaign := func(schedule string, more ...string) string {
		return "campaigns:\n  - id: flu\n    topic: Flu shots\n    schedule: " + schedule + "\n    text: {en: Get your flu shot.}\n" + strings.Join(more, "")
	}
	nightShift := reminders.Hours{From: 20 * time.Hour, To: 6 * time.Hour} // quiet 06:00 to 20:00
	tests := []struct {
		name, yaml string
		hours      reminders.Hours
		errs       []string // each error, in full
		warnings   []string // each warning, in full
	}{
		{"sends", campaign("FREQ=WEEKLY;BYDAY=TU;BYHOUR=10"), reminders.Hours{}, nil, nil},
		{"UNTIL passed", campaign("FREQ=WEEKLY;BYDAY=TU;BYHOUR=10;UNTIL=20240101T000000"), reminders.Hours{},
			[]string{`campaigns.yaml:4: campaign "flu": schedule: it ended on 2024-01-01 (its UNTIL): the campaign will never send again; remove it, or give a later UNTIL`}, nil},
		{"UNTIL as a date, passed", campaign("FREQ=DAILY;BYHOUR=10;UNTIL=20260101"), reminders.Hours{},
			[]string{`campaigns.yaml:4: campaign "flu": schedule: it ended on 2026-01-01 (its UNTIL)`}, nil},
		{"UNTIL ahead", campaign("FREQ=WEEKLY;BYDAY=TU;BYHOUR=10;UNTIL=20300101T000000"), reminders.Hours{}, nil, nil},
		{"COUNT used up", campaign(`"DTSTART:20240101T100000\nRRULE:FREQ=DAILY;COUNT=3"`), reminders.Hours{},
			[]string{`campaigns.yaml:4: campaign "flu": schedule: its COUNT=3 times are all past: the campaign will never send again; remove it, or give a later DTSTART`}, nil},
		{"every time in quiet hours past max_late", campaign("FREQ=WEEKLY;BYDAY=TU;BYHOUR=22", "    max_late: 2h\n"), reminders.Hours{},
			[]string{`campaigns.yaml:4: campaign "flu": schedule: every time it sends (22:00) is in quiet hours (21:00 to 08:00 on the patient's clock), which hold a message up to 10h, longer than its max_late of 2h: every message would be dropped, never sent; move the time into 08:00 to 21:00, or raise max_late`}, nil},
		{"the default max_late", campaign("FREQ=DAILY;BYHOUR=0,1;BYMINUTE=30"), reminders.Hours{},
			[]string{`campaigns.yaml:4: campaign "flu": schedule: every time it sends (00:30, 01:30) is in quiet hours (21:00 to 08:00 on the patient's clock), which hold a message up to 7h30m, longer than its max_late of 6h`}, nil},
		{"the time of DTSTART", campaign(`"DTSTART:20260907T223000\nRRULE:FREQ=WEEKLY"`, "    max_late: 1h\n"), reminders.Hours{},
			[]string{`every time it sends (22:30) is in quiet hours`}, nil},
		{"quiet hours end within max_late", campaign("FREQ=WEEKLY;BYDAY=TU;BYHOUR=22", "    max_late: 10h\n"), reminders.Hours{}, nil, nil},
		{"an early time waits for the morning", campaign("FREQ=DAILY;BYHOUR=7"), reminders.Hours{}, nil, nil},
		{"the clinic's hours allow it", campaign("FREQ=WEEKLY;BYDAY=TU;BYHOUR=22", "    max_late: 1h\n"), reminders.Hours{From: 8 * time.Hour, To: 23 * time.Hour}, nil, nil},
		{"a night shift's hours", campaign("FREQ=DAILY;BYHOUR=10", "    max_late: 1h\n"), nightShift,
			[]string{`every time it sends (10:00) is in quiet hours (06:00 to 20:00 on the patient's clock), which hold a message up to 10h, longer than its max_late of 1h: every message would be dropped, never sent; move the time into 20:00 to 06:00, or raise max_late`}, nil},
		{"some times dropped", campaign("FREQ=DAILY;BYHOUR=10,22,23", "    max_late: 2h\n"), reminders.Hours{},
			nil, []string{`campaigns.yaml:4: campaign "flu": warning: schedule: its times 22:00, 23:00 are in quiet hours (21:00 to 08:00 on the patient's clock), which hold a message longer than its max_late of 2h: those messages are dropped, never sent; only its times 10:00 are sent`}},
		{"no time in season", campaign("FREQ=YEARLY;BYMONTH=3;BYMONTHDAY=1;BYHOUR=10", "    season: {from: Feb 1, to: Feb 28}\n"), reminders.Hours{},
			[]string{`campaigns.yaml:6: campaign "flu": season: none of its times in the next 10 years falls in its season (Feb 1 to Feb 28): the campaign would send nothing; make the schedule and the season meet`}, nil},
		{"UNTIL before the season", campaign("FREQ=WEEKLY;BYDAY=TU;BYHOUR=10;UNTIL=20270115T000000", "    season: {from: Feb 1, to: Feb 28}\n"), reminders.Hours{},
			[]string{`campaigns.yaml:6: campaign "flu": season: none of its times left before its UNTIL (2027-01-15) falls in its season (Feb 1 to Feb 28): the campaign will never send again`}, nil},
		{"season across the new year", campaign("FREQ=MONTHLY;BYMONTH=1;BYMONTHDAY=5;BYHOUR=10", "    season: {from: 09-15, to: 03-31}\n"), reminders.Hours{}, nil, nil},
		// QA: a text no patient can get, and a start years away, passed.
		{"a text in a language carebot does not speak", strings.Replace(campaign("FREQ=WEEKLY;BYDAY=TU;BYHOUR=10"), "{en: Get your flu shot.}", "{en: Get your flu shot., zz: Zz.}", 1),
			reminders.Hours{}, nil, []string{`campaigns.yaml:2: campaign "flu": warning: text zz: carebot speaks with patients in en and es only, so no patient gets this text`}},
		{"DTSTART years ahead", campaign(`"DTSTART:20400101T100000\nRRULE:FREQ=WEEKLY"`), reminders.Hours{},
			nil, []string{`campaigns.yaml:4: campaign "flu": warning: schedule: its first time is 2040-01-01, more than a year from now: check its DTSTART`}},
		{"DTSTART months ahead", campaign(`"DTSTART:20270301T100000\nRRULE:FREQ=WEEKLY"`), reminders.Hours{}, nil, nil},
		{"empty file", "", reminders.Hours{}, nil, []string{`campaigns.yaml: warning: the file has no campaigns: carebot sends no awareness messages from it`}},
		{"only comments", "# to do\n", reminders.Hours{}, nil, []string{`campaigns.yaml: warning: the file has no campaigns`}},
		{"an empty list", "campaigns: []\n", reminders.Hours{}, nil, []string{`campaigns.yaml: warning: the file has no campaigns`}},
		{"no list", "campaigns:\n", reminders.Hours{}, nil, []string{`campaigns.yaml: warning: the file has no campaigns`}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			cs, err := reminders.LoadCampaigns("campaigns.yaml", []byte(tt.yaml))
			if err != nil {
				t.Fatalf("LoadCampaigns: %v", err)
			}
			errs, warnings := cs.Check(now, tt.hours)
			if len(errs) != len(tt.errs) {
				t.Errorf("got errors %q, want %d: %q", errs, len(tt.errs), tt.errs)
			}
			for i := 0; i < len(errs) && i < len(tt.errs); i++ {
				if !strings.Contains(errs[i].Error(), tt.errs[i]) {
					t.Errorf("error %q\n does not contain %q", errs[i], tt.errs[i])
				}
			}
			if len(warnings) != len(tt.warnings) {
				t.Errorf("got warnings %q, want %d: %q", warnings, len(tt.warnings), tt.warnings)
			}
			for i := 0; i < len(warnings) && i < len(tt.warnings); i++ {
				if !strings.Contains(warnings[i].String(), tt.warnings[i]) {
					t.Errorf("warning %q\n does not contain %q", warnings[i], tt.warnings[i])
				}
			}
		})
	}
}

// The demo clinic's campaigns send, and no campaigns configured at all
// (NewCampaigns, a clinic's own faq.yaml without a campaigns file) is
// nothing to warn about.
func TestCampaignsCheckQuiet(t *testing.T) {
	data, err := os.ReadFile("testdata/campaigns.yaml")
	if err != nil {
		t.Fatal(err)
	}
	cs, err := reminders.LoadCampaigns("campaigns.yaml", data)
	if err != nil {
		t.Fatal(err)
	}
	now := time.Date(2026, 11, 26, 12, 0, 0, 0, time.UTC)
	if errs, warnings := cs.Check(now, reminders.Hours{}); len(errs)+len(warnings) > 0 {
		t.Errorf("the demo campaigns: got %q and %q, want nothing", errs, warnings)
	}
	none, _ := reminders.NewCampaigns()
	if errs, warnings := none.Check(now, reminders.Hours{}); len(errs)+len(warnings) > 0 {
		t.Errorf("no campaigns configured: got %q and %q, want nothing", errs, warnings)
	}
}
