package main

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"os"
	"strconv"
	"strings"
	"time"

	"go.yaml.in/yaml/v3"
)

// fileConfig is carebot.yaml: what a clinic sets once. Secrets (tokens,
// keys) never go here; they come from the environment. Every key is
// optional; flags and environment variables override the file.
type fileConfig struct {
	FAQ      string `yaml:"faq"`
	Data     string `yaml:"data"`
	LogLevel string `yaml:"log_level"`
	Feedback struct {
		// Retention is how long a patient's unanswered question is kept
		// for staff ("30d"); default 30 days.
		Retention duration `yaml:"retention"`
	} `yaml:"feedback"`
	Admin struct {
		// Listen is the admin API's address; default 127.0.0.1:8089.
		// Keep it on loopback unless a proxy with TLS is in front.
		Listen string `yaml:"listen"`
	} `yaml:"admin"`
	// Campaigns is the awareness campaigns file (campaigns.yaml).
	Campaigns string `yaml:"campaigns"`
	Reminders struct {
		// TimeZone is the clinic's IANA zone, used for patients who have
		// not told us theirs.
		TimeZone string `yaml:"timezone"`
		// QuietHours are when unprompted messages may NOT arrive, in
		// the patient's zone; default 21:00 to 08:00.
		QuietHours *struct {
			From clock `yaml:"from"`
			To   clock `yaml:"to"`
		} `yaml:"quiet_hours"`
		// Offsets are how long before a visit its reminders go out;
		// default 72h, 24h, 2h.
		Offsets []duration `yaml:"offsets"`
	} `yaml:"reminders"`
	Telegram struct {
		// MessagesPerSecond is the most messages sent per second overall;
		// default 30. Raise it only if Telegram allows your bot more.
		MessagesPerSecond int `yaml:"messages_per_second"`
		Webhook           *struct {
			URL            string `yaml:"url"`
			Listen         string `yaml:"listen"`
			MaxConnections int    `yaml:"max_connections"`
		} `yaml:"webhook"`
	} `yaml:"telegram"`
}

// duration is a YAML duration: Go's syntax ("36h", "90m") or whole days
// ("30d").
type duration time.Duration

func (d *duration) UnmarshalYAML(n *yaml.Node) error {
	v, err := parseDuration(n.Value)
	if err != nil {
		return fmt.Errorf("line %d: %v", n.Line, err)
	}
	*d = duration(v)
	return nil
}

// clock is a time of day in YAML: "21:00".
type clock time.Duration

func (c *clock) UnmarshalYAML(n *yaml.Node) error {
	if strings.TrimSpace(n.Value) == "24:00" { // the end of the day
		*c = clock(24 * time.Hour)
		return nil
	}
	t, err := time.Parse("15:04", strings.TrimSpace(n.Value))
	if err != nil {
		return fmt.Errorf("line %d: %q is not a time of day such as 21:00", n.Line, n.Value)
	}
	*c = clock(time.Duration(t.Hour())*time.Hour + time.Duration(t.Minute())*time.Minute)
	return nil
}

func parseDuration(s string) (time.Duration, error) {
	s = strings.TrimSpace(s)
	if days, ok := strings.CutSuffix(s, "d"); ok {
		n, err := strconv.Atoi(days)
		if err != nil || n < 0 || n > 3650 {
			return 0, fmt.Errorf("%q is not a number of days such as 30d", s)
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
// Unknown keys are errors, so a typo never silently does nothing.
func loadConfig(path string) (fileConfig, error) {
	var c fileConfig
	if path == "" {
		return c, nil
	}
	data, err := os.ReadFile(path)
	if err != nil {
		return c, fmt.Errorf("config: %w", err)
	}
	dec := yaml.NewDecoder(bytes.NewReader(data))
	dec.KnownFields(true)
	if err := dec.Decode(&c); err != nil && !errors.Is(err, io.EOF) {
		return c, fmt.Errorf("%s: %s", path, strings.TrimPrefix(err.Error(), "yaml: "))
	}
	return c, nil
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
