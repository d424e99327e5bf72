package reminders

import (
	"context"
	"errors"
	"slices"
	"time"

	"github.com/carebot/carebot"
)

// When the bot asks a patient "Until when?" or "When should I remind
// you?", their next message may be only the answer: "for a week", "dec
// 20", "tomorrow at 3pm". Each was read afresh and got the FAQ's fallback
// (QA). A question asked is remembered, for the patient's next message
// only and for askFor at most, and that message is read as its answer
// when it is one: a time and nothing else. Anything else is read as it
// always was, and the question forgotten.
//
// The questions live in memory only: a restart forgets them, and the
// answer is then read afresh, as before. The reminder's words wait here
// unencrypted for those minutes, as every message does while it is read.

// askFor is how long a question waits for its answer.
const askFor = 10 * time.Minute

// maxAsks bounds the questions waiting at once; past it the expired ones
// are swept, then the oldest dropped.
const maxAsks = 10000

// askKind is what the bot asked.
type askKind uint8

const (
	askPauseUntil askKind = iota + 1 // "Until when?"
	askRemindWhen                    // "When should I remind you?"
)

// ask is a question the bot asked a patient.
type ask struct {
	kind askKind
	lang string
	// what is the reminder asked about, as the patient wrote it
	// ("remind me to" and what followed, without a time).
	what []word
}

// Forget drops what Patients holds of user in memory: the question the
// bot asked them, with the words of the reminder it was about, waiting for
// their answer. What is stored (their reminders, their appointments) is
// the store's to forget (bolt's Forget); Patients holds nothing else.
func (p *Patients) Forget(user string) { p.asks.Drop(user) }

// asked remembers that the bot asked u kind in lang.
func (p *Patients) asked(u carebot.User, kind askKind, lang string, what []word) {
	p.asks.Put(u.Key, p.now(), ask{kind: kind, lang: lang, what: slices.Clone(what)})
}

// answerAsk reads ws as the answer to q, the question the bot asked u:
// handled is false when it is not one, and the message is read as usual.
func (p *Patients) answerAsk(ctx context.Context, u carebot.User, q ask, ws []word) (string, bool, error) {
	ns := norms(ws)
	if len(ns) == 0 {
		return "", false, nil
	}
	now := p.now()
	loc, _ := p.zone(u)
	switch q.kind {
	case askPauseUntil:
		// "for a week", "until monday", "dec 20", "a week", "3 days":
		// as after "pause my reminders", with "until" or "for" supplied
		// when the patient left it out.
		tries := [][]string{append([]string{"pause"}, ns...)}
		if ns[0] != "until" && ns[0] != "till" && ns[0] != "hasta" && ns[0] != "for" && ns[0] != "por" && ns[0] != "durante" {
			tries = [][]string{append([]string{"pause", "until"}, ns...), append([]string{"pause", "for"}, ns...)}
		}
		for _, t := range tries {
			rest, _, ok := pauseCommand(t)
			if !ok || len(rest) == 0 {
				continue
			}
			if when, err := parseWhen(rest, now, loc); errors.Is(err, errTooFar) || err == nil && when.Rule.IsZero() && len(when.Also) == 0 {
				return p.pause(ctx, u, q.lang, rest)
			}
		}
	case askRemindWhen:
		// "tomorrow at 3pm", "every day at 8am": a time alone, joined to
		// the reminder asked about.
		if _, err := parseWhen(ns, now, loc); err != nil && !errors.Is(err, errTooFar) && !errors.Is(err, errPastTime) {
			return "", false, nil
		}
		return p.remind(ctx, u, q.lang, append(slices.Clone(q.what), ws...), false)
	}
	return "", false, nil
}
