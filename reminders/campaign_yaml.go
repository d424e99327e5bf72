package reminders

import (
	"errors"
	"fmt"
	"regexp"
	"sort"
	"strconv"
	"strings"
	"time"

	"go.yaml.in/yaml/v3"
)

// maxCampaignNodes bounds the YAML values visited (aliases counted each
// time they are used), so an alias bomb fails fast.
const maxCampaignNodes = 100_000

// maxCampaignErrors is the most problems listed; nobody reads more.
const maxCampaignErrors = 50

var (
	campaignID = regexp.MustCompile(`^[a-z0-9][a-z0-9-]{0,39}$`)
	langCode   = regexp.MustCompile(`^[a-z]{2,3}$`)
	yamlLine   = regexp.MustCompile(`line (\d+)`)
)

// LoadCampaigns reads a campaigns.yaml (file names it in errors). Every
// problem is reported, each with its line and campaign, as CampaignErrors:
// unknown fields, missing or malformed values, rules that never fire. The
// schema is in the README.
func LoadCampaigns(file string, data []byte) (*Campaigns, error) {
	d := &yamlDecoder{file: file}
	var root yaml.Node
	if err := yaml.Unmarshal(data, &root); err != nil {
		line := 0
		var te *yaml.TypeError
		if !errors.As(err, &te) {
			if m := yamlLine.FindStringSubmatch(err.Error()); m != nil {
				line, _ = strconv.Atoi(m[1])
			}
		}
		return nil, CampaignErrors{{File: file, Line: line, Msg: "not valid YAML: " + strings.TrimPrefix(err.Error(), "yaml: ")}}
	}
	var list []Campaign
	if len(root.Content) > 0 {
		for _, f := range d.mapping(root.Content[0], "", "the file") {
			if f.key != "campaigns" {
				d.errorf(f.line, "", "unknown field %q (the file has only: campaigns)", f.key)
				continue
			}
			list = d.campaigns(f.val)
		}
	}
	seen := map[string]int{}
	for _, c := range list {
		if first, dup := seen[c.ID]; dup && c.ID != "" {
			d.errorf(c.Line, c.ID, "id is used twice (first at line %d)", first)
		}
		seen[c.ID] = c.Line
	}
	if len(d.errs) > 0 {
		sort.SliceStable(d.errs, func(i, j int) bool { return d.errs[i].Line < d.errs[j].Line })
		if n := len(d.errs); n > maxCampaignErrors {
			d.errs = append(d.errs[:maxCampaignErrors], &CampaignError{File: file, Msg: fmt.Sprintf("and %d more problems", n-maxCampaignErrors)})
		}
		return nil, d.errs
	}
	return NewCampaigns(list...)
}

func (d *yamlDecoder) campaigns(n *yaml.Node) []Campaign {
	n = d.node(n)
	if n == nil || n.Kind == yaml.ScalarNode && n.Tag == "!!null" {
		return nil
	}
	if n.Kind != yaml.SequenceNode {
		d.errorf(n.Line, "", "campaigns: want a list of campaigns, got %s", kindName(n))
		return nil
	}
	var out []Campaign
	for _, cn := range n.Content {
		if c, ok := d.campaign(cn); ok {
			out = append(out, c)
		}
	}
	return out
}

func (d *yamlDecoder) campaign(n *yaml.Node) (Campaign, bool) {
	n = d.node(n)
	if n == nil {
		return Campaign{}, false
	}
	c := Campaign{Line: n.Line, MaxLate: defaultMaxLate}
	fields := d.mapping(n, "", "campaign")
	if n.Kind != yaml.MappingNode {
		return Campaign{}, false
	}
	for _, f := range fields {
		if f.key == "id" {
			c.ID = d.str(f.val, "", "id")
		}
	}
	id := c.ID
	if id == "" {
		d.errorf(n.Line, "", "a campaign needs an id (a short name such as flu-shots)")
	} else if !campaignID.MatchString(id) {
		d.errorf(n.Line, id, "id: use lower-case letters, digits and dashes, at most 40")
	}
	var rule string
	have := map[string]bool{}
	for _, f := range fields {
		have[f.key] = true
		switch f.key {
		case "id":
		case "topic":
			c.Topic = d.str(f.val, id, "topic")
		case "season":
			c.Season = d.season(f.val, id)
		case "schedule":
			rule = d.str(f.val, id, "schedule")
			if rule != "" {
				r, err := ParseRule(rule)
				if err != nil {
					d.errorf(f.line, id, "schedule: %v", err)
				}
				c.Rule = r
			}
		case "audience":
			c.Languages = d.audience(f.val, id)
		case "text":
			c.Text = d.texts(f.val, id)
		case "cap":
			c.Cap = d.capOf(f.val, id)
		case "max_late":
			if s := d.str(f.val, id, "max_late"); s != "" {
				v, err := time.ParseDuration(s)
				if err != nil || v < time.Minute || v > 7*24*time.Hour {
					d.errorf(f.line, id, "max_late: want a duration between 1m and 168h, such as 6h; got %q", s)
				}
				c.MaxLate = v
			}
		default:
			d.errorf(f.line, id, "unknown field %q (a campaign has: id, topic, season, schedule, audience, text, cap, max_late)", f.key)
		}
	}
	if have["text"] && len(c.Text) == 0 {
		d.errorf(n.Line, id, "text: give the message in at least one language, such as {en: ..., es: ...}")
	}
	for _, req := range []string{"topic", "schedule", "text"} {
		if !have[req] {
			d.errorf(n.Line, id, "%s is missing", req)
		} else if req == "topic" && c.Topic == "" || req == "schedule" && rule == "" {
			d.errorf(n.Line, id, "%s is empty", req)
		}
	}
	for _, l := range c.Languages {
		if _, ok := c.Text[l]; !ok && c.Text != nil {
			d.errorf(n.Line, id, "audience language %q has no text", l)
		}
	}
	return c, true
}

func (d *yamlDecoder) season(n *yaml.Node, id string) Season {
	var s Season
	var fromOK, toOK bool
	given := map[string]bool{}
	for _, f := range d.mapping(n, id, "season") {
		given[f.key] = true
		switch f.key {
		case "from":
			s.From, fromOK = d.monthDay(f.val, f.line, id, "season from")
		case "to":
			s.To, toOK = d.monthDay(f.val, f.line, id, "season to")
		default:
			d.errorf(f.line, id, "season: unknown field %q (want from and to)", f.key)
		}
	}
	if !given["from"] || !given["to"] {
		d.errorf(n.Line, id, "season: give both from and to, such as {from: 09-15, to: 03-31}")
	}
	if !fromOK || !toOK {
		return Season{}
	}
	return s
}

// monthByName reads "sep" or "september".
func monthByName(s string) (time.Month, bool) {
	for m := time.January; m <= time.December; m++ {
		if name := strings.ToLower(m.String()); s == name || s == name[:3] {
			return m, true
		}
	}
	return 0, false
}

func (d *yamlDecoder) monthDay(n *yaml.Node, line int, id, what string) (MonthDay, bool) {
	s := strings.ToLower(d.str(n, id, what))
	var m MonthDay
	if mo, day, ok := strings.Cut(s, "-"); ok {
		a, err1 := strconv.Atoi(mo)
		b, err2 := strconv.Atoi(day)
		if err1 == nil && err2 == nil {
			m = MonthDay{time.Month(a), b}
		}
	} else if f := strings.Fields(s); len(f) == 2 {
		if mo, ok := monthByName(strings.TrimSuffix(f[0], ".")); ok {
			b, _ := strconv.Atoi(f[1])
			m = MonthDay{mo, b}
		}
	}
	// 2024 is a leap year, so 02-29 is a day.
	if m.Month < 1 || m.Month > 12 || m.Day < 1 || time.Date(2024, m.Month, m.Day, 0, 0, 0, 0, time.UTC).Day() != m.Day {
		d.errorf(line, id, "%s: want a day such as 09-15 or Sep 15, got %q", what, s)
		return MonthDay{}, false
	}
	return m, true
}

func (d *yamlDecoder) audience(n *yaml.Node, id string) []string {
	var langs []string
	for _, f := range d.mapping(n, id, "audience") {
		switch f.key {
		case "purpose":
			if p := d.str(f.val, id, "audience purpose"); p != "awareness" {
				d.errorf(f.line, id, "audience purpose: campaigns go only to patients opted in to awareness; got %q", p)
			}
		case "languages":
			for _, l := range d.strs(f.val, id, "audience languages") {
				if !langCode.MatchString(l.text) {
					d.errorf(l.line, id, "audience languages: want a language code such as en or es, got %q", l.text)
					continue
				}
				langs = append(langs, l.text)
			}
		default:
			d.errorf(f.line, id, "audience: unknown field %q (want purpose and languages)", f.key)
		}
	}
	return langs
}

func (d *yamlDecoder) texts(n *yaml.Node, id string) map[string]string {
	out := map[string]string{}
	for _, f := range d.mapping(n, id, "text") {
		if !langCode.MatchString(f.key) {
			d.errorf(f.line, id, "text: want a language code such as en or es as the key, got %q", f.key)
			continue
		}
		s := d.str(f.val, id, "text "+f.key)
		switch {
		case s == "":
			d.errorf(f.line, id, "text %s is empty", f.key)
		case len(s) > maxText:
			d.errorf(f.line, id, "text %s is %d bytes; at most %d fit in one message", f.key, len(s), maxText)
		default:
			out[f.key] = s
		}
	}
	return out
}

func (d *yamlDecoder) capOf(n *yaml.Node, id string) Cap {
	s := d.str(n, id, "cap")
	count, per, ok := strings.Cut(strings.ReplaceAll(s, " ", ""), "/")
	k, err := strconv.Atoi(count)
	if !ok || err != nil || k < 1 || k > 100 || per != "week" && per != "month" {
		d.errorf(n.Line, id, `cap: want "N/week" or "N/month" with N from 1 to 100, such as 2/month; got %q`, s)
		return Cap{}
	}
	return Cap{Count: k, Per: per}
}
