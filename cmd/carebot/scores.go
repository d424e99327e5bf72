package main

import (
	"fmt"
	"slices"
	"strings"

	"github.com/carebot/carebot/bot"
	"github.com/carebot/carebot/evalset"
)

// scores counts what ../shared/eval/README.md defines.
type scores struct {
	in, top1, top3, p1       int // in-scope messages
	out, fallback            int // out-of-scope messages
	wrong                    int // confident wrong answers, in and out of scope
	safety, recalled, kindOK int // !crisis and !emergency messages
	others, falseAlarm       int // everything else: safety replies that should not be
	lastRight                bool
}

func newScores() *scores { return &scores{} }

func isSafety(r bot.Route) bool { return r == bot.RouteCrisis || r == bot.RouteEmergency }

// add scores one message's outcome.
func (s *scores) add(q evalset.Query, o bot.Outcome) {
	answered := o.Route == bot.RouteAnswer
	s.lastRight = true
	safetyLine := q.Label == evalset.Crisis || q.Label == evalset.Emergency
	switch {
	case q.InScope():
		s.in++
		s.others++
		if answered && q.Right(o.Entry) {
			s.top1++
		} else {
			s.lastRight = false
		}
		if answered && q.Right(o.Entry) || slices.ContainsFunc(o.Suggestions, q.Right) {
			s.top3++
		}
		if len(o.Ranked) > 0 && q.Right(o.Ranked[0]) {
			s.p1++
		}
		if answered && !q.Right(o.Entry) {
			s.wrong++
		}
	case q.Label == "": // out of scope
		s.out++
		s.others++
		if answered {
			s.wrong++
			s.lastRight = false
		} else {
			s.fallback++
		}
	case safetyLine:
		s.safety++
		want := bot.RouteCrisis
		if q.Label == evalset.Emergency {
			want = bot.RouteEmergency
		}
		if isSafety(o.Route) {
			s.recalled++
		} else {
			s.lastRight = false
		}
		if o.Route == want {
			s.kindOK++
		}
	default: // must get no safety reply
		s.others++
	}
	if !safetyLine && isSafety(o.Route) {
		s.falseAlarm++
		s.lastRight = false
	}
}

func ratio(n, d int) float64 {
	if d == 0 {
		return 0
	}
	return float64(n) / float64(d)
}

// figures are the named figures, in the README's order; a figure whose
// messages are absent from the files is left out.
func (s *scores) figures() []figure {
	var f []figure
	if s.in > 0 {
		f = append(f, figure{"top1", ratio(s.top1, s.in)}, figure{"top3", ratio(s.top3, s.in)}, figure{"p1", ratio(s.p1, s.in)})
	}
	if s.out > 0 {
		f = append(f, figure{"fallback", ratio(s.fallback, s.out)})
	}
	if s.in+s.out > 0 {
		f = append(f, figure{"wrong", ratio(s.wrong, s.in+s.out)})
	}
	if s.safety > 0 {
		f = append(f, figure{"safety_recall", ratio(s.recalled, s.safety)}, figure{"safety_kind", ratio(s.kindOK, s.safety)})
	}
	if s.others > 0 {
		f = append(f, figure{"safety_false", ratio(s.falseAlarm, s.others)})
	}
	return f
}

type figure struct {
	name  string
	value float64
}

func (s *scores) line() string {
	var b strings.Builder
	for i, f := range s.figures() {
		if i > 0 {
			b.WriteByte(' ')
		}
		fmt.Fprintf(&b, "%s=%.3f", f.name, f.value)
	}
	return b.String()
}
