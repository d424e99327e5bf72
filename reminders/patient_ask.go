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
// when it is one: a time and nothing else, or "cancel", "never mind",
// which drop the request. Anything else is read as it always was, and the
// question forgotten.
//
// The card of one appointment, shown when the patient asks about their
// appointments, is a question too: its buttons say Confirm, Cancel,
// Reschedule, and "cancel" typed under it cancels that appointment, as it
// does under an appointment reminder, not every message (QA: it opted the
// patient out and left the appointment booked).
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
	askPauseUntil  askKind = iota + 1 // "Until when?"
	askRemindWhen                     // "When should I remind you?"
	askAppointment                    // one appointment's card: Confirm, Cancel, Reschedule
)

// ask is a question the bot asked a patient.
type ask struct {
	kind askKind
	lang string
	// what is the reminder asked about, as the patient wrote it
	// ("remind me to" and what followed, without a time).
	what []word
	// appt is the appointment an askAppointment shows.
	appt string
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

// showedAppointment remembers that u was shown a's card, in lang.
func (p *Patients) showedAppointment(u carebot.User, a carebot.Appointment, lang string) {
	p.asks.Put(u.Key, p.now(), ask{kind: askAppointment, lang: lang, appt: a.ID})
}

// answerCard answers the appointment of a card the patient was shown, as
// its button would.
func (p *Patients) answerCard(ctx context.Context, u carebot.User, q ask, lang string, r carebot.AppointmentResponse) (carebot.Reply, bool, error) {
	a, err := p.appts.store.Appointment(ctx, q.appt)
	if errors.Is(err, carebot.ErrNotFound) || err == nil && a.User != u.Key {
		// Gone since (a forget, an import): answer as if no card was shown.
		return p.answerText(ctx, u, lang, r)
	}
	if err != nil {
		return carebot.Reply{}, true, err
	}
	if why := p.notAnswerable(a, time.Time{}, u, lang); why != "" {
		return carebot.Reply{Text: why + p.reach(lang)}, true, nil
	}
	return p.answer(ctx, a, lang, r, u)
}

// askDropped is what the bot says when the patient declines what it
// asked (see dropsAsk).
var askDropped = map[askKind]string{askRemindWhen: "askDropped", askPauseUntil: "pauseDropped"}

// dropsAsk reports whether whole, a message's words, declines the
// question the bot asked: "cancel" (which the engine passes on as "x"
// while a question waits), "never mind", "forget it", "olvídalo".
func dropsAsk(whole string) bool {
	return askDropWords[whole]
}

var askDropWords = func() map[string]bool {
	m := map[string]bool{}
	for _, w := range []string{"x", "cancelo", "cancel", "cancelar", "cancel it", "cancel that", "never mind", "nevermind",
		"nvm", "forget it", "forget about it", "no", "nope", "no thanks", "no thank you", "dont", "not now", "olvidalo", "olvidelo", "dejalo", "dejelo", "no gracias", "ya no", "mejor no", "nada"} {
		m[w] = true
	}
	return m
}()

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
