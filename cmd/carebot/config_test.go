package main

import (
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"
	"time"

	"github.com/carebot/carebot"
)

// Every problem in a config file is listed, each with its line and the
// key's place in the file, in words a clinic's administrator reads.
func TestConfigProblems(t *testing.T) {
	tests := []struct {
		name, src string
		want      []string
	}{
		{"unknown nested key", "faq: x\ndata: d\nlog_level: info\nadmin: {lisen: x}\n",
			[]string{`carebot.yaml:4: unknown key "lisen" under admin (known: listen)`}},
		{"unknown top-level key", "colour: red\n",
			[]string{`carebot.yaml:1: unknown key "colour" (known: faq, data, log_level, campaigns, feedback, admin, reminders, safety, telegram)`}},
		{"a list for a path", "faq: x\ndata: [a, b]\n", []string{`carebot.yaml:2: data must be a path, not a list`}},
		{"a bad log level", "log_level: verbose\n",
			[]string{`carebot.yaml:1: log_level must be one of debug, info, warn, error, not "verbose"`}},
		{"every bad offset", "reminders:\n  offsets:\n    - 72h\n    - 3x\n    - 24h\n    - soon\n    -\n", []string{
			`carebot.yaml:4: reminders.offsets item 2: "3x" is not a duration such as 30d or 12h`,
			`carebot.yaml:6: reminders.offsets item 4: "soon" is not a duration such as 30d or 12h`,
			`carebot.yaml:7: reminders.offsets item 5 is empty: give a duration such as 30d or 12h`}},
		// QA: offsets that remind no one, remind twice, or a year ahead.
		{"meaningless offsets", "reminders:\n  offsets: [0h, 2h, 2h, 9000h, -2h, 30s, 30d, 721h, 1m, 120m]\n", []string{
			`carebot.yaml:2: reminders.offsets item 1: "0h" would remind at the visit's start, too late to help; give how long before it, such as 2h`,
			`carebot.yaml:2: reminders.offsets item 3: "2h" is given twice (first as item 2): each reminder would go out twice`,
			`carebot.yaml:2: reminders.offsets item 4: "9000h" is more than 30 days before the visit; give at most 30d (hours: 720h)`,
			`carebot.yaml:2: reminders.offsets item 5: "-2h" would remind after the visit; give how long before it, such as 2h`,
			`carebot.yaml:2: reminders.offsets item 6: "30s" is under a minute before the visit, too late to help; give how long before it, such as 2h`,
			`carebot.yaml:2: reminders.offsets item 8: "721h" is more than 30 days before the visit; give at most 30d (hours: 720h)`,
			`carebot.yaml:2: reminders.offsets item 10: "120m" is given twice (first as item 2): each reminder would go out twice`}},
		{"offsets not a list", "reminders: {offsets: 72h}\n",
			[]string{`carebot.yaml:1: reminders.offsets must be a list of durations such as [72h, 24h, 2h], not "72h"`}},
		{"problems in line order", "telegram:\n  messages_per_second: fast\n  webhook: {listen: x}\nadmin: 8089\nfeedback: {retention: 3 days}\n", []string{
			`carebot.yaml:2: telegram.messages_per_second must be a whole number from 1 to 1000, not "fast"`,
			`carebot.yaml:3: telegram.webhook.listen: "x" is not an address such as 127.0.0.1:8089 (HOST:PORT)`,
			`carebot.yaml:3: telegram.webhook: url is required (the public https URL Telegram posts updates to)`,
			`carebot.yaml:4: admin must be a mapping (key: value), not "8089" (its keys: listen)`,
			`carebot.yaml:5: feedback.retention: "3 days" is not a duration such as 30d or 12h`}},
		{"retention 0d", "feedback:\n  retention: 0d\n", []string{
			`carebot.yaml:2: feedback.retention: "0d" asks to keep no unanswered questions, which carebot cannot do; give 1h or more, such as 7d (the default is 30d)`}},
		{"retention 0h", "feedback: {retention: 0h}\n", []string{
			`carebot.yaml:1: feedback.retention: "0h" asks to keep no unanswered questions, which carebot cannot do; give 1h or more, such as 7d (the default is 30d)`}},
		{"retention 0", "feedback:\n  retention: 0\n", []string{
			`carebot.yaml:2: feedback.retention: "0" asks to keep no unanswered questions, which carebot cannot do; give 1h or more, such as 7d (the default is 30d)`}},
		{"retention in minutes", "feedback:\n  retention: 6m\n", []string{
			`carebot.yaml:2: feedback.retention: "6m" is under an hour (m is minutes, not months); give 1h or more, such as 7d (the default is 30d)`}},
		{"retention under an hour", "feedback:\n  retention: 59m59s\n", []string{
			`carebot.yaml:2: feedback.retention: "59m59s" is under an hour; give 1h or more, such as 7d (the default is 30d)`}},
		{"retention negative", "feedback:\n  retention: -1d\n", []string{
			`carebot.yaml:2: feedback.retention: "-1d" is not a number of days such as 30d`}},
		{"retention over ten years", "feedback:\n  retention: 10000d\n", []string{
			`carebot.yaml:2: feedback.retention: "10000d" is more than 3650d (ten years), the most carebot keeps anything`}},
		{"retention an hour", "feedback:\n  retention: 1h\n", nil},
		{"retention a day", "feedback:\n  retention: 1d\n", nil},
		{"time zone", "reminders:\n  timezone: Mars/Base\n",
			[]string{`carebot.yaml:2: reminders.timezone: "Mars/Base" is not an IANA time zone (such as America/New_York)`}},
		{"quiet hours half given", "reminders:\n  quiet_hours: {from: \"21:00\"}\n",
			[]string{`carebot.yaml:2: reminders.quiet_hours: give both from and to, such as {from: "21:00", to: "08:00"}`}},
		{"quiet hours bad", "reminders:\n  quiet_hours:\n    from: 9pm\n    to: \"08:00\"\n",
			[]string{`carebot.yaml:3: reminders.quiet_hours.from: "9pm" is not a time of day such as 21:00`}},
		{"quiet hours empty", "reminders:\n  quiet_hours: {from: \"22:00\", to: \"22:00\"}\n",
			[]string{`carebot.yaml:2: reminders.quiet_hours: from and to are the same time of day; give two different times (from: "24:00", to: "00:00" for no quiet hours)`}},
		{"webhook url", "telegram:\n  webhook:\n    url: bot.clinic.example\n",
			[]string{`carebot.yaml:3: telegram.webhook.url: "bot.clinic.example" is not an absolute https URL such as https://bot.clinic.example/telegram`}},
		{"webhook url empty", "telegram:\n  webhook:\n    url:\n    listen: 127.0.0.1:8443\n",
			[]string{`carebot.yaml:2: telegram.webhook: url is required (the public https URL Telegram posts updates to)`}},
		{"webhook url a list", "telegram:\n  webhook:\n    url: [a]\n",
			[]string{`carebot.yaml:3: telegram.webhook.url must be an https URL, not a list`}},
		{"alerts", "safety:\n  alerts: [telegram:-1001234567890, \"telegram:555\", telegram:-4001]\n", nil},
		{"alerts one per line", "safety:\n  alerts:\n    - telegram:-1001234567890\n    - telegram: 555\n", []string{
			`carebot.yaml:4: safety.alerts item 2: "telegram: 555" has a space after the colon, which YAML reads as key: value; write telegram:555`}},
		{"no alerts", "safety:\n  alerts: []\n", nil},
		{"every bad alert address", "safety:\n  alerts:\n    - -1001234567890\n    - slack:C0123\n    - telegram:@clinic_staff\n    - telegram:0\n    -\n    - console:local\n    - [telegram:1]\n    - telegram:555\n    - telegram:+555\n", []string{
			`carebot.yaml:3: safety.alerts item 1: "-1001234567890" is not PLATFORM:CHAT such as telegram:-1001234567890 (a staff group) or telegram:555 (a moderator's own chat)`,
			`carebot.yaml:4: safety.alerts item 2: "slack:C0123" is a slack chat, where carebot sends no alerts; give a chat on telegram, such as telegram:-1001234567890`,
			`carebot.yaml:5: safety.alerts item 3: "telegram:@clinic_staff" is not a Telegram chat id: give the chat's number, such as telegram:-1001234567890 for a group (Telegram Web shows it in the address bar) or telegram:555 for a moderator's own chat (their user id); not a @name or a link`,
			`carebot.yaml:6: safety.alerts item 4: "telegram:0" is not a Telegram chat id: give the chat's number, such as telegram:-1001234567890 for a group (Telegram Web shows it in the address bar) or telegram:555 for a moderator's own chat (their user id); not a @name or a link`,
			`carebot.yaml:7: safety.alerts item 5 is empty: give PLATFORM:CHAT such as telegram:-1001234567890 (a staff group) or telegram:555 (a moderator's own chat)`,
			`carebot.yaml:8: safety.alerts item 6: "console:local" is a console chat, where carebot sends no alerts; give a chat on telegram, such as telegram:-1001234567890`,
			`carebot.yaml:9: safety.alerts item 7 must be PLATFORM:CHAT such as telegram:-1001234567890 (a staff group) or telegram:555 (a moderator's own chat), not a list`,
			`carebot.yaml:11: safety.alerts item 9: "telegram:+555" is given twice (first as item 8)`}},
		{"alerts not a list", "safety: {alerts: telegram:555}\n",
			[]string{`carebot.yaml:1: safety.alerts must be a list of PLATFORM:CHAT such as telegram:-1001234567890 (a staff group) or telegram:555 (a moderator's own chat), not "telegram:555"`}},
		{"safety unknown key", "safety:\n  alert: [telegram:555]\n",
			[]string{`carebot.yaml:2: unknown key "alert" under safety (known: alerts)`}},
		{"no quiet hours", "reminders:\n  quiet_hours: {from: \"24:00\", to: \"00:00\"}\n", nil},
		{"nothing", "# all defaults\n", nil},
		{"a key twice", "data: a\ndata: b\n", []string{`carebot.yaml:2: "data" is given twice (first at line 1)`}},
		{"not a mapping", "- data\n", []string{`carebot.yaml:1: the file must be a mapping (key: value), not a list (its keys: faq, data, log_level, campaigns, feedback, admin, reminders, safety, telegram)`}},
		{"not UTF-8", "# clinic config\ndata: /var/lib/cl\xednica\n", []string{`carebot.yaml:2: the file is not valid UTF-8 text; save it as UTF-8`}},
		{"a byte-order mark", "\xef\xbb\xbfdata: a\n", nil},
		{"two documents", "data: a\n---\ndata: b\n", []string{`carebot.yaml:2: a second YAML document (after ---): put everything in one`}},
		{"syntax", "data: a\nfaq: [x\nlog_level: info\n", []string{`carebot.yaml:2: not valid YAML: did not find expected ',' or ']' (in a list written [like, this], put quotes around each text with ? : , # [ ] { } in it, or write one "- text" per line)`}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := parseConfig("carebot.yaml", []byte(tt.src))
			var got []string
			if errs, ok := err.(configErrors); ok {
				for _, e := range errs {
					got = append(got, e.Error())
				}
			} else if err != nil {
				got = []string{"not configErrors: " + err.Error()}
			}
			if strings.Join(got, "\n") != strings.Join(tt.want, "\n") {
				t.Errorf("got\n  %s\nwant\n  %s", strings.Join(got, "\n  "), strings.Join(tt.want, "\n  "))
			}
		})
	}
}

// safety.alerts gives the addresses alerts go to, a group's marked as one
// (an alert may go there: it holds nothing personal).
func TestConfigAlertAddresses(t *testing.T) {
	c, err := parseConfig("carebot.yaml", []byte("safety:\n  alerts: [Telegram:-1001234567890, telegram:+555, \" telegram:-4001 \"]\n"))
	if err != nil {
		t.Fatal(err)
	}
	want := []carebot.Address{
		{Platform: "telegram", ChatID: "-1001234567890", Group: true},
		{Platform: "telegram", ChatID: "555"},
		{Platform: "telegram", ChatID: "-4001", Group: true},
	}
	if !reflect.DeepEqual(c.Safety.Alerts, want) {
		t.Errorf("got %+v, want %+v", c.Safety.Alerts, want)
	}
}

// The README's example config is valid and sets every field: a key added
// to fileConfig must be read from the file too, and documented.
func TestConfigREADMEExample(t *testing.T) {
	readme, err := os.ReadFile("../../README.md")
	if err != nil {
		t.Fatal(err)
	}
	_, rest, _ := strings.Cut(string(readme), "\n## Configuration\n")
	_, rest, _ = strings.Cut(rest, "```yaml\n")
	example, _, ok := strings.Cut(rest, "```")
	if !ok {
		t.Fatal("README.md: no yaml block under ## Configuration")
	}
	c, err := parseConfig("README.md", []byte(example))
	if err != nil {
		t.Fatalf("the README's example: %v", err)
	}
	unset(t, reflect.ValueOf(c), "fileConfig")
	if q := c.Reminders.QuietHours; q.From != clock(21*time.Hour) || q.To != clock(8*time.Hour) {
		t.Errorf("quiet hours: got %+v, want 21:00 to 08:00", *q)
	}
	if got := c.Reminders.Offsets; len(got) != 3 || got[0] != duration(72*time.Hour) {
		t.Errorf("offsets: got %v", got)
	}
}

// unset fails for every field of v left at its zero value.
func unset(t *testing.T, v reflect.Value, name string) {
	t.Helper()
	switch v.Kind() {
	case reflect.Pointer:
		if v.IsNil() {
			t.Errorf("%s is not set by the example", name)
			return
		}
		unset(t, v.Elem(), name)
	case reflect.Struct:
		for i := 0; i < v.NumField(); i++ {
			unset(t, v.Field(i), name+"."+v.Type().Field(i).Name)
		}
	default:
		if v.IsZero() {
			t.Errorf("%s is not set by the example", name)
		}
	}
}

// A config file's problems stop `run` and the staff commands alike, one
// line each, and a bad value from the file is named by its key, not by a
// flag that was not used.
func TestConfigProblemsStopCommands(t *testing.T) {
	cfg := filepath.Join(t.TempDir(), "carebot.yaml")
	os.WriteFile(cfg, []byte("log_level: verbose\nadmin: {lisen: x}\n"), 0o600)
	want := "carebot: " + cfg + `:1: log_level must be one of debug, info, warn, error, not "verbose"` + "\n" +
		"carebot: " + cfg + `:2: unknown key "lisen" under admin (known: listen)` + "\n"
	for _, args := range [][]string{
		{"run", "--config", cfg, "--data", t.TempDir()},
		{"appointments", "list", "--config", cfg},
	} {
		code, _, stderr := runCmd(t, nil, "", args...)
		if code != 1 || stderr != want {
			t.Errorf("%v: got exit %d, stderr %q; want exit 1 and %q", args, code, stderr, want)
		}
	}
	code, _, stderr := runCmd(t, map[string]string{"CAREBOT_CONFIG": cfg}, "", "run", "--data", t.TempDir())
	if code != 1 || stderr != want {
		t.Errorf("$CAREBOT_CONFIG: got exit %d, stderr %q; want exit 1 and %q", code, stderr, want)
	}
}
