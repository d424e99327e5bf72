package reminders_test

import (
	"context"
	"fmt"
	"sort"
	"strings"
	"testing"
	"testing/synctest"
	"time"

	"github.com/carebot/carebot"
	"github.com/carebot/carebot/reminders"
)

func flu(t *testing.T) *reminders.Campaigns {
	t.Helper()
	cs, err := reminders.LoadCampaigns("campaigns.yaml", []byte(`campaigns:
  - id: flu
    topic: Flu shots
    season: {from: 09-15, to: 03-31}
    schedule: FREQ=WEEKLY;BYDAY=TU;BYHOUR=10
    audience: {purpose: awareness, languages: [en, es]}
    text: {en: Flu shots are here., es: Llegaron las vacunas.}
    cap: 2/month
`))
	if err != nil {
		t.Fatal(err)
	}
	return cs
}

// firings returns, per chat, the local times and texts of what was sent.
func firings(h *harness, zones map[string]*time.Location) map[string]string {
	got := map[string][]string{}
	for _, s := range h.sender.all() {
		chat := strings.TrimPrefix(s.To.ChatID, "dm-chat:")
		got[chat] = append(got[chat], s.At.In(zones[chat]).Format("Mon 01-02 15:04 MST")+" "+s.Text)
	}
	out := map[string]string{}
	for k, v := range got {
		sort.Strings(v)
		out[k] = strings.Join(v, "; ")
	}
	return out
}

func TestCampaignRunsOnEveryonesClock(t *testing.T) {
	synctest.Test(t, func(t *testing.T) {
		start := time.Date(2026, 9, 1, 0, 0, 0, 0, time.UTC)
		h := newHarness(start)
		h.d.Campaigns = flu(t)
		h.d.Page = 2
		zones := map[string]*time.Location{}
		for _, p := range []struct{ key, zone, lang string }{
			{"ny", "America/New_York", "en"}, {"madrid", "Europe/Madrid", "es-ES"}, {"sydney", "Australia/Sydney", "en"},
			{"paris", "Europe/Paris", "fr"}, {"lordhowe", "Australia/Lord_Howe", ""},
		} {
			h.person("chat:"+p.key, p.zone, p.lang, carebot.PurposeAwareness)
			zones[p.key] = mustZone(t, p.zone)
		}
		h.person("chat:news-only", "America/New_York", "en", carebot.PurposeAnnouncements)
		if err := h.d.Campaigns.Schedule(context.Background(), h.store, start); err != nil {
			t.Fatal(err)
		}
		// Scheduling twice (a restart) changes nothing.
		if err := h.d.Campaigns.Schedule(context.Background(), h.store, start.Add(time.Hour)); err != nil {
			t.Fatal(err)
		}
		stop := h.start(t)
		h.runUntil(time.Date(2026, 10, 31, 0, 0, 0, 0, time.UTC))
		stop()
		got := firings(h, zones)
		en := "Flu shots are here."
		want := map[string]string{
			// In season from Sep 15; at most 2 a month: Sep 15 and 22, Oct 6 and 13.
			"ny": fmt.Sprintf("Tue 09-15 10:00 EDT %[1]s; Tue 09-22 10:00 EDT %[1]s; Tue 10-06 10:00 EDT %[1]s; Tue 10-13 10:00 EDT %[1]s", en),
			"madrid": "Tue 09-15 10:00 CEST Llegaron las vacunas.; Tue 09-22 10:00 CEST Llegaron las vacunas.; " +
				"Tue 10-06 10:00 CEST Llegaron las vacunas.; Tue 10-13 10:00 CEST Llegaron las vacunas.",
			// Sydney springs forward on Oct 4: still 10:00 on its clock.
			"sydney":   fmt.Sprintf("Tue 09-15 10:00 AEST %[1]s; Tue 09-22 10:00 AEST %[1]s; Tue 10-06 10:00 AEDT %[1]s; Tue 10-13 10:00 AEDT %[1]s", en),
			"lordhowe": fmt.Sprintf("Tue 09-15 10:00 +1030 %[1]s; Tue 09-22 10:00 +1030 %[1]s; Tue 10-06 10:00 +11 %[1]s; Tue 10-13 10:00 +11 %[1]s", en),
		}
		for k, w := range want {
			if got[k] != w {
				t.Errorf("%s:\n got  %s\n want %s", k, got[k], w)
			}
		}
		if got["paris"] != "" || got["news-only"] != "" {
			t.Errorf("sent outside the audience: paris %q, news-only %q", got["paris"], got["news-only"])
		}
	})
}

func TestCampaignAfterDowntime(t *testing.T) {
	synctest.Test(t, func(t *testing.T) {
		start := time.Date(2026, 9, 14, 0, 0, 0, 0, time.UTC)
		h := newHarness(start)
		h.d.Campaigns = flu(t)
		zones := map[string]*time.Location{}
		for _, p := range []struct{ key, zone string }{{"ny", "America/New_York"}, {"la", "America/Los_Angeles"}, {"sydney", "Australia/Sydney"}} {
			h.person("chat:"+p.key, p.zone, "en", carebot.PurposeAwareness)
			zones[p.key] = mustZone(t, p.zone)
		}
		h.d.Campaigns.Schedule(context.Background(), h.store, start)
		// Down from the 14th until the 15th at 20:30 UTC: Sydney's 10:00
		// (20 h ago) and New York's (6.5 h ago) are past max_late (6 h);
		// Los Angeles' 10:00 (17:00 UTC) is 3.5 h late and still goes.
		h.clock.Set(time.Date(2026, 9, 15, 20, 30, 0, 0, time.UTC))
		stop := h.start(t)
		h.runUntil(time.Date(2026, 9, 23, 0, 0, 0, 0, time.UTC))
		stop()
		got := firings(h, zones)
		want := map[string]string{
			"ny":     "Tue 09-22 10:00 EDT Flu shots are here.",
			"la":     "Tue 09-15 13:30 PDT Flu shots are here.; Tue 09-22 10:00 PDT Flu shots are here.",
			"sydney": "Tue 09-22 10:00 AEST Flu shots are here.",
		}
		for k, w := range want {
			if got[k] != w {
				t.Errorf("%s:\n got  %s\n want %s", k, got[k], w)
			}
		}
		prefix := reminders.CampaignPrefix("flu", wall(2026, 9, 15, 10, 0))
		byUser := map[string]carebot.Result{}
		for id, o := range h.outcomes(t, prefix) {
			if strings.Contains(id, "chat:") {
				t.Errorf("outcome ID %q holds a user key; IDs carry pseudonyms", id)
			}
			byUser[o.User] = o.Result
		}
		if byUser["chat:ny"] != carebot.ResultExpired || byUser["chat:sydney"] != carebot.ResultExpired || byUser["chat:la"] != carebot.ResultSent {
			t.Errorf("late occurrence outcomes: %v, want expired for ny and sydney, sent for la", byUser)
		}
	})
}
