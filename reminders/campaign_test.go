package reminders_test

import (
	"errors"
	"fmt"
	"os"
	"strings"
	"testing"
	"time"

	"go.yaml.in/yaml/v3"

	"github.com/carebot/carebot/reminders"
)

func TestLoadDemoCampaigns(t *testing.T) {
	data, err := os.ReadFile("testdata/campaigns.yaml")
	if err != nil {
		t.Fatal(err)
	}
	cs, err := reminders.LoadCampaigns("campaigns.yaml", data)
	if err != nil {
		t.Fatalf("the demo campaigns.yaml: %v", err)
	}
	list := cs.List()
	if len(list) != 2 || list[1].ID != "flu-shots" {
		t.Fatalf("campaigns: %+v", list)
	}
	flu := list[1]
	if flu.Cap != (reminders.Cap{Count: 2, Per: "month"}) || flu.MaxLate != 6*time.Hour || len(flu.Languages) != 2 || !strings.HasPrefix(flu.Text["es"], "Llegó") {
		t.Errorf("flu-shots: %+v", flu)
	}
	if !flu.Season.Contains(wall(2027, 1, 5, 10, 0)) || flu.Season.Contains(wall(2026, 6, 1, 10, 0)) || !flu.Season.Contains(wall(2026, 9, 15, 0, 0)) || !flu.Season.Contains(wall(2026, 3, 31, 23, 0)) {
		t.Error("flu season should run Sep 15 to Mar 31 inclusive, across the new year")
	}
	if list[0].MaxLate != 6*time.Hour {
		t.Errorf("default max_late: got %s, want 6h", list[0].MaxLate)
	}
}

func TestLoadCampaignsErrors(t *testing.T) {
	const good = `campaigns:
  - id: flu
    topic: Flu shots
    schedule: FREQ=WEEKLY;BYDAY=TU;BYHOUR=10
    text: {en: Get your flu shot.}
`
	tests := []struct {
		name, yaml string
		want       []string // each must appear in the error
	}{
		{"unknown field", good + "    colour: red\n", []string{`campaigns.yaml:6: campaign "flu": unknown field "colour"`}},
		{"unknown top field", "campagins: []\n", []string{`campaigns.yaml:1: unknown field "campagins"`}},
		{"missing text", "campaigns:\n  - id: flu\n    topic: Flu\n    schedule: FREQ=DAILY;BYHOUR=9\n", []string{`campaigns.yaml:2: campaign "flu": text is missing`}},
		{"bad rule", strings.Replace(good, "BYHOUR=10", "BYHOUR=10;FREQ=HOURLY", 1), []string{`campaigns.yaml:4: campaign "flu": schedule:`}},
		{"sub-daily rule", strings.Replace(good, "WEEKLY;BYDAY=TU", "MINUTELY", 1), []string{`campaign "flu": schedule: FREQ must be DAILY`}},
		{"never fires", strings.Replace(good, "WEEKLY;BYDAY=TU", "YEARLY;BYMONTH=2;BYMONTHDAY=31", 1), []string{"matches no day"}},
		{"bad season", good + "    season: {from: 13-01, to: 03-31}\n", []string{`campaigns.yaml:6: campaign "flu": season from: want a day`}},
		{"half season", good + "    season: {from: 09-15}\n", []string{"give both from and to"}},
		{"empty season", good + "    season:\n", []string{"give both from and to"}},
		{"empty text", strings.Replace(good, "text: {en: Get your flu shot.}", "text:", 1), []string{"text: give the message in at least one language"}},
		{"bad cap", good + "    cap: lots\n", []string{`campaigns.yaml:6: campaign "flu": cap: want "N/week" or "N/month"`}},
		{"other purpose", good + "    audience: {purpose: appointments}\n", []string{"only to patients opted in to awareness"}},
		{"language without text", good + "    audience: {languages: [en, es]}\n", []string{`audience language "es" has no text`}},
		{"bad max_late", good + "    max_late: forever\n", []string{"max_late: want a duration"}},
		{"duplicate id", good + strings.TrimPrefix(good, "campaigns:\n"), []string{`campaigns.yaml:6: campaign "flu": id is used twice (first at line 2)`}},
		{"bad id", strings.Replace(good, "id: flu", "id: Flu Shots!", 1), []string{"id: use lower-case ASCII letters"}},
		{"no id", strings.Replace(good, "id: flu", "idx: flu", 1), []string{"a campaign needs an id"}},
		{"duplicate key", good + "    topic: again\n", []string{`"topic" is given twice (first at line 3)`}},
		{"not a list", "campaigns: {flu: 1}\n", []string{"campaigns: want a list"}},
		{"not yaml", "campaigns: [\n", []string{"campaigns.yaml", "not valid YAML"}},
		{"two documents", good + "---\ncampaigns: []\n", []string{"campaigns.yaml:6: a second YAML document (after ---): put everything in one"}},
		// Latin-1 "ü" on line 3, as faq.yaml reports it: not yaml.v3's
		// "invalid leading UTF-8 octet".
		{"not utf-8", strings.Replace(good, "Flu shots", "Gr\xfcn", 1), []string{"campaigns.yaml:3: the file is not valid UTF-8 text; save it as UTF-8"}},
		{"syntax error at its line", strings.Replace(good, "shot.}", "shot.", 1), []string{`campaigns.yaml:5: not valid YAML: did not find expected ',' or '}'`}},
		{"bad indent at its line", strings.Replace(good, "    topic:", "   topic:", 1), []string{"campaigns.yaml:3: not valid YAML: "}},
		{"merge key", "base: &b {topic: Flu}\n" + strings.Replace(good, "    topic: Flu shots\n", "    <<: *b\n", 1), []string{"campaigns.yaml:4: campaign: merge keys (<<) are not supported"}},
		{"empty language", good + "    audience: {languages: [en, ~]}\n", []string{`campaigns.yaml:6: campaign "flu": audience languages item 2 is empty`}},
		{"text too long", strings.Replace(good, "Get your flu shot.", strings.Repeat("x", 2001), 1), []string{"at most 2000 fit"}},
		{"several at once", good + "    colour: red\n    cap: 0/month\n", []string{`campaigns.yaml:6: campaign "flu": unknown field "colour"`, `campaigns.yaml:7: campaign "flu": cap: want`}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := reminders.LoadCampaigns("campaigns.yaml", []byte(tt.yaml))
			if err == nil {
				t.Fatalf("got no error, want %q", tt.want)
			}
			for _, w := range tt.want {
				if !strings.Contains(err.Error(), w) {
					t.Errorf("error %q\n does not contain %q", err, w)
				}
			}
			var ce *reminders.CampaignError
			if !errors.As(err, &ce) || ce.File != "campaigns.yaml" {
				t.Errorf("error %T does not give a *CampaignError naming the file", err)
			}
		})
	}
	if _, err := reminders.LoadCampaigns("campaigns.yaml", []byte(good)); err != nil {
		t.Errorf("the good file: %v", err)
	}
	if cs, err := reminders.LoadCampaigns("campaigns.yaml", nil); err != nil || len(cs.List()) != 0 {
		t.Errorf("an empty file: %v, %v; want no campaigns, no error", cs, err)
	}
}

func TestLoadCampaignsAliasBomb(t *testing.T) {
	// One campaign with 100 languages, used 2,000 times through an alias:
	// a small file that would make the walk visit 200,000 values.
	var b strings.Builder
	b.WriteString("c: &c\n  id: x\n  topic: t\n  schedule: FREQ=DAILY;BYHOUR=9\n  text:\n")
	for i := range 100 {
		fmt.Fprintf(&b, "    %c%c: hi\n", 'a'+i/26, 'a'+i%26)
	}
	b.WriteString("campaigns: [" + strings.Repeat("*c, ", 1999) + "*c]\n")
	_, err := reminders.LoadCampaigns("campaigns.yaml", []byte(b.String()))
	if err == nil || !strings.Contains(err.Error(), "too many values") {
		t.Fatalf("an alias bomb: got %.300v, want the too-many-values error", err)
	}
	var ces reminders.CampaignErrors
	if errors.As(err, &ces); len(ces) > 51 {
		t.Errorf("%d errors reported, want them capped", len(ces))
	}
}

func FuzzLoadCampaigns(f *testing.F) {
	if data, err := os.ReadFile("testdata/campaigns.yaml"); err == nil {
		f.Add(string(data))
	}
	f.Add("campaigns:\n  - id: x\n    topic: t\n    schedule: FREQ=DAILY;BYHOUR=9\n    text: {en: hi}\n    season: {from: Feb 29, to: 01-01}\n    cap: 1/week\n")
	f.Add("campaigns: [{id: a, topic: b, schedule: \"DTSTART:20260101T090000\\nRRULE:FREQ=MONTHLY;BYSETPOS=-1;BYDAY=MO\", text: {es: hola}}]")
	f.Fuzz(func(t *testing.T, s string) {
		cs, err := reminders.LoadCampaigns("campaigns.yaml", []byte(s))
		if err != nil {
			var ces reminders.CampaignErrors
			if !errors.As(err, &ces) || len(ces) == 0 {
				t.Fatalf("error %T %q is not CampaignErrors", err, err)
			}
			for _, e := range ces {
				if !strings.HasPrefix(e.Error(), "campaigns.yaml") {
					t.Fatalf("error %q does not name the file", e)
				}
			}
			return
		}
		// Check must answer quickly for every file that loads.
		cs.Check(wall(2026, 1, 1, 0, 0), reminders.Hours{})
		for _, c := range cs.List() {
			if c.ID == "" || c.Topic == "" || len(c.Text) == 0 || c.Rule.IsZero() {
				t.Fatalf("loaded an incomplete campaign: %+v", c)
			}
			// Every loaded rule must answer quickly and move forward.
			at := wall(2026, 1, 1, 0, 0)
			for range 3 {
				next, ok := c.Rule.After(at)
				if !ok {
					break
				}
				if !next.After(at) {
					t.Fatalf("%s: rule went from %s to %s", c.ID, at, next)
				}
				at = next
			}
		}
	})
}

// The README's campaigns.yaml section must describe what the loader takes:
// its example loads, and every schedule in its table parses.
func TestCampaignsDocExamples(t *testing.T) {
	doc, err := os.ReadFile("../README.md")
	if err != nil {
		t.Fatal(err)
	}
	s := string(doc)
	from := strings.Index(s, "\n## campaigns.yaml\n")
	if from < 0 {
		t.Fatal("the README has no campaigns.yaml section")
	}
	s = s[from+1:]
	if to := strings.Index(s[3:], "\n## "); to >= 0 {
		s = s[:to+3]
	}
	start := strings.Index(s, "```yaml\n")
	end := strings.Index(s[start+8:], "```")
	if start < 0 || end < 0 {
		t.Fatal("the README's campaigns section has no yaml example")
	}
	if _, err := reminders.LoadCampaigns("campaigns.yaml", []byte(s[start+8:start+8+end])); err != nil {
		t.Errorf("the example in the README: %v", err)
	}
	n := 0
	for _, line := range strings.Split(s, "\n") {
		cells := strings.Split(line, "`")
		if !strings.HasPrefix(line, "| ") || len(cells) != 3 {
			continue
		}
		var rule string
		if err := yaml.Unmarshal([]byte("r: "+cells[1]), &struct{ R *string }{&rule}); err != nil {
			t.Fatalf("%s: %v", cells[1], err)
		}
		if _, err := reminders.ParseRule(rule); err != nil {
			t.Errorf("schedule %s in the README: %v", cells[1], err)
		}
		n++
	}
	if n < 4 {
		t.Errorf("checked %d schedules in the README, want the table's 4", n)
	}
}

func TestLoadCampaignsRefusesHugeFiles(t *testing.T) {
	_, err := reminders.LoadCampaigns("campaigns.yaml", make([]byte, 2<<20))
	var errs reminders.CampaignErrors
	if !errors.As(err, &errs) || !strings.Contains(err.Error(), "at most") {
		t.Errorf("a 2 MB file: got %v, want a CampaignErrors saying the limit", err)
	}
}
