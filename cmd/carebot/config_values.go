package main

import (
	"net"
	"strconv"
	"strings"

	"go.yaml.in/yaml/v3"

	"github.com/carebot/carebot/yamlwalk"
)

// The readers of config values: each reads one kind of value, reports
// what it must be when it is not ("data must be a path, not a list"), and
// names the key by its path.

// text returns scalar n trimmed, "" for null; anything else is a problem
// saying what it must be ("a path").
func (r *configReader) text(n *yaml.Node, path, want string) string {
	n = r.w.Node(n)
	if n == nil || yamlwalk.IsNull(n) {
		return ""
	}
	if n.Kind != yaml.ScalarNode {
		r.w.Errorf(n.Line, "", "%s must be %s, not %s", path, want, yamlwalk.KindName(n))
		return ""
	}
	return strings.TrimSpace(n.Value)
}

// list returns the items of list n, nil for null; anything else is a
// problem.
func (r *configReader) list(n *yaml.Node, path, want string) []*yaml.Node {
	n = r.w.Node(n)
	if n == nil || yamlwalk.IsNull(n) {
		return nil
	}
	if n.Kind != yaml.SequenceNode {
		r.w.Errorf(n.Line, "", "%s must be %s, not %s", path, want, yamlwalk.KindName(n))
		return nil
	}
	return n.Content
}

func (r *configReader) path(dst *string) func(*yaml.Node, string, int) {
	return func(n *yaml.Node, path string, _ int) { *dst = r.text(n, path, "a path") }
}

func (r *configReader) logLevel(n *yaml.Node, path string, line int) {
	s := r.text(n, path, "a log level")
	if s != "" && !containsFold(logLevels, s) {
		r.w.Errorf(line, "", "%s must be one of %s, not %q", path, strings.Join(logLevels, ", "), s)
		return
	}
	r.c.LogLevel = s
}

func containsFold(list []string, s string) bool {
	for _, v := range list {
		if strings.EqualFold(v, s) {
			return true
		}
	}
	return false
}

// address reads HOST:PORT.
func (r *configReader) address(dst *string) func(*yaml.Node, string, int) {
	return func(n *yaml.Node, path string, line int) {
		s := r.text(n, path, "an address such as 127.0.0.1:8089")
		if _, _, err := net.SplitHostPort(s); s != "" && err != nil {
			r.w.Errorf(line, "", "%s: %q is not an address such as 127.0.0.1:8089 (HOST:PORT)", path, s)
			return
		}
		*dst = s
	}
}

// durationValue reads duration n, reporting anything else, null included.
func (r *configReader) durationValue(n *yaml.Node, what string) (duration, bool) {
	const want = "a duration such as 30d or 12h"
	m := r.w.Node(n)
	if m == nil {
		return 0, false
	}
	s := r.text(m, what, want)
	if s == "" {
		if yamlwalk.IsNull(m) || m.Kind == yaml.ScalarNode {
			r.w.Errorf(m.Line, "", "%s is empty: give %s", what, want)
		}
		return 0, false
	}
	d, err := parseDuration(s)
	if err != nil {
		r.w.Errorf(m.Line, "", "%s: %v", what, err)
		return 0, false
	}
	return duration(d), true
}

// clock reads a time of day into dst and reports whether it did.
func (r *configReader) clock(n *yaml.Node, path string, line int, dst *clock) bool {
	s := r.text(n, path, `a time of day such as "21:00"`)
	if s == "" {
		if yamlwalk.IsNull(n) {
			r.w.Errorf(line, "", "%s is empty: give a time of day such as \"21:00\"", path)
		}
		return false
	}
	c, err := parseClock(s)
	if err != nil {
		r.w.Errorf(line, "", "%s: %v", path, err)
		return false
	}
	*dst = c
	return true
}

// count reads a whole number from min to max.
func (r *configReader) count(dst *int, min, max int) func(*yaml.Node, string, int) {
	return func(n *yaml.Node, path string, line int) {
		s := r.text(n, path, "a whole number")
		if s == "" {
			return
		}
		v, err := strconv.Atoi(s)
		if err != nil || v < min || v > max {
			r.w.Errorf(line, "", "%s must be a whole number from %d to %d, not %q", path, min, max, s)
			return
		}
		*dst = v
	}
}
