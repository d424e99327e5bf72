package reminders

import (
	"fmt"
	"regexp"
	"sort"
	"strconv"
	"strings"
	"time"

	"go.yaml.in/yaml/v3"

	"github.com/carebot/carebot/yamlwalk"
)

// maxCampaignNodes bounds the YAML values visited (aliases counted each
// time they are used), so an alias bomb fails fast.
const maxCampaignNodes = 100_000

// maxCampaignErrors is the most problems listed; nobody reads more.
const maxCampaignErrors = 50

var (
	campaignID = regexp.MustCompile(`^[a-z0-9][a-z0-9-]{0,39}$`)
	langCode   = regexp.MustCompile(`^[a-z]{2,3}$`)
)

// maxCampaignsFile bounds a campaigns.yaml: a few dozen campaigns take a
// few kilobytes.
const maxCampaignsFile = 1 << 20

// LoadCampaigns reads a campaigns.yaml (file names it in errors). Every
// problem is reported, each with its line and campaign, as CampaignErrors:
// unknown fields, missing or malformed values, rules that never fire. The
// schema is in the README.
func LoadCampaigns(file string, data []byte) (*Campaigns, error) {
	if len(data) > maxCampaignsFile {
		return nil, CampaignErrors{{File: file, Msg: fmt.Sprintf("the file is %d bytes; a campaigns file is at most %d", len(data), maxCampaignsFile)}}
	}
	d := &yamlDecoder{file: file, w: yamlwalk.Walker{Budget: maxCampaignNodes}}
	data, ok := d.w.Text(data)
	if !ok {
		return nil, d.errs()
	}
	root, ok := d.w.Document(data)
	if !ok {
		return nil, d.errs()
	}
	var list []Campaign
	if root != nil {
		for _, f := range d.w.Mapping(root, "", "the file") {
			if f.Key != "campaigns" {
				d.w.Errorf(f.Line, "", "unknown field %q (the file has only: campaigns)", f.Key)
				continue
			}
			list = d.campaigns(f.Value)
		}
	}
	seen := map[string]int{}
	for _, c := range list {
		if first, dup := seen[c.ID]; dup && c.ID != "" {
			d.w.Errorf(c.Line, c.ID, "id is used twice (first at line %d)", first)
		}
		seen[c.ID] = c.Line
	}
	if errs := d.errs(); len(errs) > 0 {
		sort.SliceStable(errs, func(i, j int) bool { return errs[i].Line < errs[j].Line })
		if n := len(errs); n > maxCampaignErrors {
			errs = append(errs[:maxCampaignErrors], &CampaignError{File: file, Msg: fmt.Sprintf("and %d more problems", n-maxCampaignErrors)})
		}
		return nil, errs
	}
	cs, err := NewCampaigns(list...)
	if err != nil {
		return nil, err
	}
	cs.file = file
	return cs, nil
}

func (d *yamlDecoder) campaigns(n *yaml.Node) []Campaign {
	var out []Campaign
	for _, cn := range d.w.List(n, "", "campaigns", "a list of campaigns") {
		if c, ok := d.campaign(cn); ok {
			out = append(out, c)
		}
	}
	return out
}

func (d *yamlDecoder) campaign(n *yaml.Node) (Campaign, bool) {
	n = d.w.Node(n)
	if n == nil {
		return Campaign{}, false
	}
	c := Campaign{Line: n.Line, MaxLate: defaultMaxLate}
	fields := d.w.Mapping(n, "", "campaign")
	if n.Kind != yaml.MappingNode {
		return Campaign{}, false
	}
	for _, f := range fields {
		if f.Key == "id" {
			c.ID = d.w.Str(f.Value, "", "id")
		}
	}
	id := c.ID
	if id == "" {
		d.w.Errorf(n.Line, "", "a campaign needs an id (a short name such as flu-shots)")
	} else if !campaignID.MatchString(id) {
		d.w.Errorf(n.Line, id, "id: use lower-case ASCII letters (a-z, no accents), digits and dashes, at most 40")
	}
	var rule string
	have := map[string]bool{}
	for _, f := range fields {
		have[f.Key] = true
		switch f.Key {
		case "id":
		case "topic":
			c.Topic = d.w.Str(f.Value, id, "topic")
		case "season":
			c.Season, c.seasonLine = d.season(f.Value, id), f.Line
		case "schedule":
			c.scheduleLine = f.Line
			rule = d.w.Str(f.Value, id, "schedule")
			if rule != "" {
				r, err := ParseRule(rule)
				if err != nil {
					d.w.Errorf(f.Line, id, "schedule: %v", err)
				}
				c.Rule = r
			}
		case "audience":
			c.Languages = d.audience(f.Value, id)
		case "text":
			c.Text = d.texts(f.Value, id)
		case "cap":
			c.Cap = d.capOf(f.Value, id)
		case "max_late":
			if s := d.w.Str(f.Value, id, "max_late"); s != "" {
				v, err := time.ParseDuration(s)
				if err != nil || v < time.Minute || v > 7*24*time.Hour {
					d.w.Errorf(f.Line, id, "max_late: want a duration between 1m and 168h, such as 6h; got %q", s)
				}
				c.MaxLate = v
			}
		default:
			d.w.Errorf(f.Line, id, "unknown field %q (a campaign has: id, topic, season, schedule, audience, text, cap, max_late)", f.Key)
		}
	}
	if have["text"] && len(c.Text) == 0 {
		d.w.Errorf(n.Line, id, "text: give the message in at least one language, such as {en: ..., es: ...}")
	}
	for _, req := range []string{"topic", "schedule", "text"} {
		if !have[req] {
			d.w.Errorf(n.Line, id, "%s is missing", req)
		} else if req == "topic" && c.Topic == "" || req == "schedule" && rule == "" {
			d.w.Errorf(n.Line, id, "%s is empty", req)
		}
	}
	for _, l := range c.Languages {
		if _, ok := c.Text[l]; !ok && c.Text != nil {
			d.w.Errorf(n.Line, id, "audience language %q has no text", l)
		}
	}
	return c, true
}

func (d *yamlDecoder) season(n *yaml.Node, id string) Season {
	var s Season
	var fromOK, toOK bool
	given := map[string]bool{}
	for _, f := range d.w.Mapping(n, id, "season") {
		given[f.Key] = true
		switch f.Key {
		case "from":
			s.From, fromOK = d.monthDay(f.Value, f.Line, id, "season from")
		case "to":
			s.To, toOK = d.monthDay(f.Value, f.Line, id, "season to")
		default:
			d.w.Errorf(f.Line, id, "season: unknown field %q (want from and to)", f.Key)
		}
	}
	if !given["from"] || !given["to"] {
		d.w.Errorf(n.Line, id, "season: give both from and to, such as {from: 09-15, to: 03-31}")
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
	s := strings.ToLower(d.w.Str(n, id, what))
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
		d.w.Errorf(line, id, "%s: want a day such as 09-15 or Sep 15, got %q", what, s)
		return MonthDay{}, false
	}
	return m, true
}

func (d *yamlDecoder) audience(n *yaml.Node, id string) []string {
	var langs []string
	for _, f := range d.w.Mapping(n, id, "audience") {
		switch f.Key {
		case "purpose":
			if p := d.w.Str(f.Value, id, "audience purpose"); p != "awareness" {
				d.w.Errorf(f.Line, id, "audience purpose: campaigns go only to patients opted in to awareness; got %q", p)
			}
		case "languages":
			for _, l := range d.w.Strs(f.Value, id, "audience languages") {
				if !langCode.MatchString(l.Text) {
					d.w.Errorf(l.Line, id, "audience languages: want a language code such as en or es, got %q", l.Text)
					continue
				}
				langs = append(langs, l.Text)
			}
		default:
			d.w.Errorf(f.Line, id, "audience: unknown field %q (want purpose and languages)", f.Key)
		}
	}
	return langs
}

func (d *yamlDecoder) texts(n *yaml.Node, id string) map[string]string {
	out := map[string]string{}
	for _, f := range d.w.Mapping(n, id, "text") {
		if !langCode.MatchString(f.Key) {
			d.w.Errorf(f.Line, id, "text: want a language code such as en or es as the key, got %q", f.Key)
			continue
		}
		s := d.w.Str(f.Value, id, "text "+f.Key)
		switch {
		case s == "":
			d.w.Errorf(f.Line, id, "text %s is empty", f.Key)
		case len(s) > MaxText:
			d.w.Errorf(f.Line, id, "text %s is %d bytes; at most %d fit in one message", f.Key, len(s), MaxText)
		default:
			out[f.Key] = s
		}
	}
	return out
}

func (d *yamlDecoder) capOf(n *yaml.Node, id string) Cap {
	s := d.w.Str(n, id, "cap")
	count, per, ok := strings.Cut(strings.ReplaceAll(s, " ", ""), "/")
	k, err := strconv.Atoi(count)
	if !ok || err != nil || k < 1 || k > 100 || per != "week" && per != "month" {
		d.w.Errorf(n.Line, id, `cap: want "N/week" or "N/month" with N from 1 to 100, such as 2/month; got %q`, s)
		return Cap{}
	}
	return Cap{Count: k, Per: per}
}
