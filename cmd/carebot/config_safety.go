package main

import (
	"errors"
	"fmt"
	"strings"

	"go.yaml.in/yaml/v3"

	"github.com/carebot/carebot"
	"github.com/carebot/carebot/adapters/telegram"
)

// alertPlatforms are the platforms a moderator alert may go to: those
// carebot runs that have staff chats (the terminal chat has none).
var alertPlatforms = []string{telegram.Platform}

const alertWant = "PLATFORM:CHAT such as telegram:-1001234567890 (a staff group) or telegram:555 (a moderator's own chat)"

// safety reads the safety mapping: alerts, the moderators' chats.
func (r *configReader) safety(n *yaml.Node, path string, _ int) {
	r.mapping(n, path, path, []configKey{
		{"alerts", r.alerts},
	})
}

// alerts reads safety.alerts: a list of PLATFORM:CHAT, each a chat of a
// platform carebot runs, in the shape that platform gives its ids, once.
func (r *configReader) alerts(n *yaml.Node, path string, _ int) {
	seen := map[carebot.Address]int{}
	for i, item := range r.list(n, path, "a list of "+alertWant) {
		what := fmt.Sprintf("%s item %d", path, i+1)
		m := r.w.Node(item)
		if m == nil {
			continue
		}
		if m.Kind == yaml.MappingNode && len(m.Content) == 2 && m.Content[0].Kind == yaml.ScalarNode && m.Content[1].Kind == yaml.ScalarNode {
			// "- telegram: 555": a space after the colon makes a mapping.
			r.w.Errorf(m.Line, "", "%s: %q has a space after the colon, which YAML reads as key: value; write %s:%s",
				what, m.Content[0].Value+": "+m.Content[1].Value, m.Content[0].Value, m.Content[1].Value)
			continue
		}
		s := r.text(m, what, alertWant)
		if s == "" {
			if m.Kind == yaml.ScalarNode {
				r.w.Errorf(m.Line, "", "%s is empty: give %s", what, alertWant)
			}
			continue
		}
		a, problem := alertAddress(s)
		if problem != "" {
			r.w.Errorf(m.Line, "", "%s: %q %s", what, s, problem)
			continue
		}
		if first, ok := seen[a]; ok {
			r.w.Errorf(m.Line, "", "%s: %q is given twice (first as item %d)", what, s, first)
			continue
		}
		seen[a] = i + 1
		r.c.Safety.Alerts = append(r.c.Safety.Alerts, a)
	}
}

// alertAddress reads PLATFORM:CHAT, or says what is wrong with it. The
// address is checked as staff's every address is (carebot.ParseAddress),
// and must be on a platform with staff chats.
func alertAddress(s string) (carebot.Address, string) {
	a, err := carebot.ParseAddress(s)
	switch {
	case errors.Is(err, carebot.ErrNotAddress):
		return carebot.Address{}, "is not " + alertWant
	case errors.Is(err, carebot.ErrUnknownPlatform) || !containsFold(alertPlatforms, a.Platform):
		return carebot.Address{}, fmt.Sprintf("is a %s chat, where carebot sends no alerts; give a chat on %s, such as telegram:-1001234567890",
			a.Platform, strings.Join(alertPlatforms, ", "))
	case err != nil: // a Telegram chat id is a number: a group's negative (a supergroup's starts with -100), a person's their user id
		return carebot.Address{}, "is not a Telegram chat id: give the chat's number, such as telegram:-1001234567890 for a group " +
			"(Telegram Web shows it in the address bar) or telegram:555 for a moderator's own chat (their user id); not a @name or a link"
	}
	return a, ""
}
