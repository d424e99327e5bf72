package main

import (
	"fmt"
	"os"
	"strconv"
	"strings"
	"time"

	"github.com/carebot/carebot"
	"github.com/carebot/carebot/reminders"
)

// fileConfig is carebot.yaml: what a clinic sets once. Secrets (tokens,
// keys) never go here; they come from the environment. Every key is
// optional; flags and environment variables override the file. The keys
// and what each may hold are in config_yaml.go, which reads the file.
type fileConfig struct {
	FAQ      string // faq
	Data     string // data
	LogLevel string // log_level: debug, info, warn or error
	Feedback struct {
		// Retention is how long a patient's unanswered question is kept
		// for staff ("30d"), at least an hour; 0 when not set, for the
		// default of 30 days.
		Retention duration
	}
	Admin struct {
		// Listen is the admin API's address; default 127.0.0.1:8089.
		// Keep it on loopback unless a proxy with TLS is in front.
		Listen string
	}
	// Campaigns is the awareness campaigns file (campaigns.yaml).
	Campaigns string
	Reminders struct {
		// TimeZone is the clinic's IANA zone, used for patients who have
		// not told us theirs.
		TimeZone string
		// QuietHours are when unprompted messages may NOT arrive, in
		// the patient's zone; default 21:00 to 08:00.
		QuietHours *quietHours
		// Offsets are how long before a visit its reminders go out;
		// default 72h, 24h, 2h.
		Offsets []duration
	}
	Safety struct {
		// Alerts are where moderators are told of a crisis, an emergency
		// or abuse in a group chat: their staff group, or their own chats.
		// None: no one is told.
		Alerts []carebot.Address
	}
	Telegram struct {
		// MessagesPerSecond is the most messages sent per second overall;
		// default 30. Raise it only if Telegram allows your bot more.
		MessagesPerSecond int
		Webhook           *webhookConfig
	}
}

// quietHours is reminders.quiet_hours: From is when the quiet starts, To
// when it ends ("21:00" to "08:00"). To is never 24:00 (that is 00:00).
type quietHours struct {
	From, To clock
}

// allowedHours are when unprompted messages may arrive, as reminders
// takes them: the window reminders.quiet_hours leaves open, else the zero
// Hours (08:00 to 21:00).
func (c fileConfig) allowedHours() (reminders.Hours, error) {
	q := c.Reminders.QuietHours
	if q == nil {
		return reminders.Hours{}, nil
	}
	// The config names the quiet window; reminders wants the allowed one.
	hours := reminders.Hours{From: time.Duration(q.To), To: time.Duration(q.From)}
	if err := hours.Validate(); err != nil {
		return reminders.Hours{}, fmt.Errorf("config: reminders.quiet_hours: %w", err)
	}
	return hours, nil
}

// webhookConfig is telegram.webhook.
type webhookConfig struct {
	URL            string
	Listen         string
	MaxConnections int
}

// duration is a config duration: Go's syntax ("36h", "90m") or whole days
// ("30d").
type duration time.Duration

// clock is a time of day in the config, "21:00", as time since midnight;
// "24:00" is the end of the day.
type clock time.Duration

// parseClock reads "21:00", or "24:00" for the end of the day.
func parseClock(s string) (clock, error) {
	s = strings.TrimSpace(s)
	if s == "24:00" {
		return clock(24 * time.Hour), nil
	}
	t, err := time.Parse("15:04", s)
	if err != nil {
		return 0, fmt.Errorf("%q is not a time of day such as 21:00", s)
	}
	return clock(time.Duration(t.Hour())*time.Hour + time.Duration(t.Minute())*time.Minute), nil
}

func parseDuration(s string) (time.Duration, error) {
	s = strings.TrimSpace(s)
	if days, ok := strings.CutSuffix(s, "d"); ok {
		n, err := strconv.Atoi(days)
		if err != nil || n < 0 {
			return 0, fmt.Errorf("%q is not a number of days such as 30d", s)
		}
		if n > 3650 {
			return 0, fmt.Errorf("%q is more than 3650d (ten years), the most carebot keeps anything", s)
		}
		return time.Duration(n) * 24 * time.Hour, nil
	}
	d, err := time.ParseDuration(s)
	if err != nil || d < 0 {
		return 0, fmt.Errorf("%q is not a duration such as 30d or 12h", s)
	}
	return d, nil
}

// loadConfig reads the config file at path; an empty path means none.
// Unknown keys are errors, so a typo never silently does nothing, and
// every problem is reported (as configErrors), each with its line.
func loadConfig(path string) (fileConfig, error) {
	if path == "" {
		return fileConfig{}, nil
	}
	data, err := os.ReadFile(path)
	if err != nil {
		return fileConfig{}, fmt.Errorf("config: %w", err)
	}
	return parseConfig(path, data)
}

// first returns the first non-empty value: flag, environment, file, default.
func first(vals ...string) string {
	for _, v := range vals {
		if v != "" {
			return v
		}
	}
	return ""
}

// dataDir is the data directory, found the same way by `run` and by the
// staff commands that talk to it: the --data flag, $CAREBOT_DATA, the
// config's data:, else the default.
func dataDir(flagValue string, getenv func(string) string, cfg fileConfig) string {
	return first(flagValue, getenv("CAREBOT_DATA"), cfg.Data, defaultDataDir(getenv))
}
