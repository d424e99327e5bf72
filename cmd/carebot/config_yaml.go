package main

import (
	"fmt"
	"net/url"
	"sort"
	"strings"
	"time"

	"go.yaml.in/yaml/v3"

	"github.com/carebot/carebot/reminders"
	"github.com/carebot/carebot/yamlwalk"
)

// configError is one problem in the config file, located so that whoever
// edits it can find it: `carebot.yaml:4: unknown key "lisen" under admin`.
type configError struct {
	File string
	Line int // 0 for the whole file
	Msg  string
}

func (e *configError) Error() string {
	if e.Line > 0 {
		return fmt.Sprintf("%s:%d: %s", e.File, e.Line, e.Msg)
	}
	return fmt.Sprintf("%s: %s", e.File, e.Msg)
}

// configErrors is every problem in the config file, by line. Its Unwrap
// gives exitCode a line each.
type configErrors = yamlwalk.Errors[*configError]

// maxConfigNodes bounds the YAML values visited, so an alias bomb fails
// fast; a config has a few dozen.
const maxConfigNodes = 10_000

// logLevels are the levels log_level and --log-level take.
var logLevels = []string{"debug", "info", "warn", "error"}

// configReader walks carebot.yaml's node tree, filling a fileConfig and
// collecting every problem with its line. Keys are named in problems by
// their path: reminders.quiet_hours.from.
type configReader struct {
	w yamlwalk.Walker
	c *fileConfig
}

// configKey is one key a mapping may hold, and how its value is read.
type configKey struct {
	name string
	read func(n *yaml.Node, path string, line int)
}

// parseConfig reads a carebot.yaml (file names it in errors).
func parseConfig(file string, data []byte) (fileConfig, error) {
	var c fileConfig
	r := &configReader{w: yamlwalk.Walker{Budget: maxConfigNodes}, c: &c}
	data, ok := r.w.Text(data) // without a BOM some editors add; UTF-8, or an error at its line
	if !ok {
		p := r.w.Problems()[0]
		return c, configErrors{{File: file, Line: p.Line, Msg: p.Msg}}
	}
	if root, _ := r.w.Document(data); root != nil {
		r.root(root)
	}
	var errs configErrors
	for _, p := range r.w.Problems() {
		errs = append(errs, &configError{File: file, Line: p.Line, Msg: p.Msg})
	}
	if len(errs) > 0 {
		sort.SliceStable(errs, func(i, j int) bool { return errs[i].Line < errs[j].Line })
		return fileConfig{}, errs
	}
	return c, nil
}

func (r *configReader) root(n *yaml.Node) {
	c := r.c
	r.mapping(n, "", "the file", []configKey{
		{"faq", r.path(&c.FAQ)},
		{"data", r.path(&c.Data)},
		{"log_level", r.logLevel},
		{"campaigns", r.path(&c.Campaigns)},
		{"feedback", func(n *yaml.Node, path string, _ int) {
			r.mapping(n, path, path, []configKey{
				{"retention", r.retention},
			})
		}},
		{"admin", func(n *yaml.Node, path string, _ int) {
			r.mapping(n, path, path, []configKey{
				{"listen", r.address(&c.Admin.Listen)},
			})
		}},
		{"reminders", r.reminders},
		{"safety", r.safety},
		{"telegram", r.telegram},
	})
}

// minRetention is the shortest feedback.retention. Zero would mean "keep
// no question", which carebot cannot do, so it is refused rather than read
// as the default; under an hour staff could read nearly nothing, and "6m"
// means six months in faq.yaml's review_every, six minutes here.
const minRetention = time.Hour

// retention reads feedback.retention: a duration of at least minRetention.
func (r *configReader) retention(n *yaml.Node, path string, line int) {
	if yamlwalk.IsNull(n) {
		return
	}
	d, ok := r.durationValue(n, path)
	if !ok {
		return
	}
	if d < duration(minRetention) {
		s := strings.TrimSpace(r.w.Node(n).Value)
		const give = "give 1h or more, such as 7d (the default is 30d)"
		switch {
		case d == 0:
			r.w.Errorf(line, "", "%s: %q asks to keep no unanswered questions, which carebot cannot do; %s", path, s, give)
		case strings.HasSuffix(s, "m"):
			r.w.Errorf(line, "", "%s: %q is under an hour (m is minutes, not months); %s", path, s, give)
		default:
			r.w.Errorf(line, "", "%s: %q is under an hour; %s", path, s, give)
		}
		return
	}
	r.c.Feedback.Retention = d
}

func (r *configReader) reminders(n *yaml.Node, path string, _ int) {
	c := r.c
	r.mapping(n, path, path, []configKey{
		{"timezone", func(n *yaml.Node, path string, line int) {
			if s := r.text(n, path, "an IANA time zone such as America/New_York"); s != "" {
				if _, err := time.LoadLocation(s); err != nil || s == "Local" {
					r.w.Errorf(line, "", "%s: %q is not an IANA time zone (such as America/New_York)", path, s)
					return
				}
				c.Reminders.TimeZone = s
			}
		}},
		{"quiet_hours", r.quietHours},
		{"offsets", r.offsets},
	})
}

// maxOffset is the earliest an appointment reminder may go out: a month
// ahead is already more than any clinic sends; 9000h is a typo.
const maxOffset = 30 * 24 * time.Hour

// offsets reads reminders.offsets: how long before a visit each reminder
// goes out, each once, from a minute to maxOffset. A reminder at the
// visit's start (0h) reminds no one, and one given twice would be sent
// twice.
func (r *configReader) offsets(n *yaml.Node, path string, _ int) {
	seen := map[duration]int{}
	for i, item := range r.list(n, path, "a list of durations such as [72h, 24h, 2h]") {
		what := fmt.Sprintf("%s item %d", path, i+1)
		m := r.w.Node(item)
		if m != nil && m.Kind == yaml.ScalarNode && strings.HasPrefix(strings.TrimSpace(m.Value), "-") {
			r.w.Errorf(m.Line, "", "%s: %q would remind after the visit; give how long before it, such as 2h", what, strings.TrimSpace(m.Value))
			continue
		}
		d, ok := r.durationValue(item, what)
		if !ok {
			continue
		}
		s := strings.TrimSpace(m.Value)
		switch first, dup := seen[d]; {
		case d == 0:
			r.w.Errorf(m.Line, "", "%s: %q would remind at the visit's start, too late to help; give how long before it, such as 2h", what, s)
		case d < duration(time.Minute):
			r.w.Errorf(m.Line, "", "%s: %q is under a minute before the visit, too late to help; give how long before it, such as 2h", what, s)
		case d > duration(maxOffset):
			r.w.Errorf(m.Line, "", "%s: %q is more than 30 days before the visit; give at most 30d (hours: 720h)", what, s)
		case dup:
			r.w.Errorf(m.Line, "", "%s: %q is given twice (first as item %d): each reminder would go out twice", what, s, first)
		default:
			seen[d] = i + 1
			r.c.Reminders.Offsets = append(r.c.Reminders.Offsets, d)
		}
	}
}

func (r *configReader) quietHours(n *yaml.Node, path string, line int) {
	var q quietHours
	var sawFrom, sawTo, fromOK, toOK bool
	r.mapping(n, path, path, []configKey{
		{"from", func(n *yaml.Node, path string, line int) { sawFrom, fromOK = true, r.clock(n, path, line, &q.From) }},
		{"to", func(n *yaml.Node, path string, line int) { sawTo, toOK = true, r.clock(n, path, line, &q.To) }},
	})
	switch {
	case !yamlwalk.IsMapping(n): // null, or reported
		return
	case !sawFrom || !sawTo:
		r.w.Errorf(line, "", "%s: give both from and to, such as {from: \"21:00\", to: \"08:00\"}", path)
		return
	case !fromOK || !toOK: // reported
		return
	}
	if q.To == clock(24*time.Hour) { // the quiet ends at midnight
		q.To = 0
	}
	// The window the quiet leaves open is what the reminders take.
	if q.From == q.To || (reminders.Hours{From: time.Duration(q.To), To: time.Duration(q.From)}).Validate() != nil {
		r.w.Errorf(line, "", "%s: from and to are the same time of day; give two different times (from: \"24:00\", to: \"00:00\" for no quiet hours)", path)
		return
	}
	r.c.Reminders.QuietHours = &q
}

func (r *configReader) telegram(n *yaml.Node, path string, _ int) {
	c := r.c
	r.mapping(n, path, path, []configKey{
		{"messages_per_second", r.count(&c.Telegram.MessagesPerSecond, 1, 1000)},
		{"webhook", func(n *yaml.Node, path string, line int) {
			var w webhookConfig
			sawURL := false
			r.mapping(n, path, path, []configKey{
				{"url", func(n *yaml.Node, path string, line int) {
					sawURL = !yamlwalk.IsNull(n) // an empty url is a missing one
					s := r.text(n, path, "an https URL")
					if s == "" {
						return // null, or reported
					}
					if u, err := url.Parse(s); err != nil || u.Scheme != "https" && u.Scheme != "http" || u.Host == "" {
						r.w.Errorf(line, "", "%s: %q is not an absolute https URL such as https://bot.clinic.example/telegram", path, s)
						return
					}
					w.URL = s
				}},
				{"listen", r.address(&w.Listen)},
				{"max_connections", r.count(&w.MaxConnections, 1, 100)},
			})
			if !yamlwalk.IsMapping(n) { // null, or reported
				return
			}
			if !sawURL {
				r.w.Errorf(line, "", "%s: url is required (the public https URL Telegram posts updates to)", path)
			}
			c.Telegram.Webhook = &w
		}},
	})
}

// mapping reads mapping n, the value of the key at path ("" at the top
// level; what names it in problems), by keys. A key not among them is a
// problem that lists the ones there are; so is n not being a mapping.
func (r *configReader) mapping(n *yaml.Node, path, what string, keys []configKey) {
	n = r.w.Node(n)
	if n == nil || yamlwalk.IsNull(n) {
		return
	}
	names := make([]string, len(keys))
	for i, k := range keys {
		names[i] = k.name
	}
	known := strings.Join(names, ", ")
	if n.Kind != yaml.MappingNode {
		r.w.Errorf(n.Line, "", "%s must be a mapping (key: value), not %s (its keys: %s)", what, yamlwalk.KindName(n), known)
		return
	}
	under := ""
	if path != "" {
		under = " under " + path
	}
fields:
	for _, f := range r.w.Mapping(n, "", path) {
		for _, k := range keys {
			if f.Key == k.name {
				full := k.name
				if path != "" {
					full = path + "." + k.name
				}
				k.read(f.Value, full, f.Line)
				continue fields
			}
		}
		r.w.Errorf(f.Line, "", "unknown key %q%s (known: %s)", f.Key, under, known)
	}
}
