package bot

import (
	"context"
	"slices"
	"strconv"
	"strings"
	"time"

	"github.com/carebot/carebot"
	"github.com/carebot/carebot/faq"
)

// Payload prefixes of the buttons the engine makes.
const (
	payloadEntry = "faq:"       // faq:<id>: a follow-up or suggestion pressed
	payloadUp    = "rate:up:"   // rate:up:<id>
	payloadDown  = "rate:down:" // rate:down:<id>
	payloadNone  = "faq-none"   // "none of these"
	payloadLang  = "lang:"      // lang:<code>
	// payloadAsked joins a "did you mean" button's payload to the moment
	// the suggestion was recorded (Unix nanoseconds, base 36), so that its
	// press says which question it answers: faq:<id>~<asked>,
	// faq-none~<asked>. Ids never hold a '~'.
	payloadAsked = "~"
	// payloadInstead joins an alternative's payload, offered beside an
	// answer, to the entry answered: faq:<alternative>^<answered>, so that
	// its press says which answer the patient passed over.
	payloadInstead = "^"
	// maxPayload is the most bytes a payload may have on every platform
	// (Telegram's limit); a suggestion whose id leaves no room for the
	// moment goes without it.
	maxPayload = 64
)

// answerText runs the FAQ step on a typed question. known is the language
// to assume when the text does not show one, and to answer in whatever
// it shows when chosen (the patient chose it).
func (e *Engine) answerText(ctx context.Context, kb *faq.KB, text, known string, chosen bool) (o Outcome) {
	res := kb.Match(text, known)
	lang := known
	if !chosen && res.Lang != "" && speaks(res.Lang) != nil {
		lang = res.Lang
	}
	// The ranked ids and the suggested ones share one allocation; each
	// slice's capacity ends where it does, so appending to one cannot
	// write over the other.
	n := len(res.Candidates)
	ids := make([]string, n, n+len(res.Suggestions)+len(res.Alternatives))
	ranked := ids[:n:n]
	for i, c := range res.Candidates {
		ranked[i] = c.Entry.ID
	}
	switch {
	case res.Confident && len(res.Candidates) > 0:
		best := res.Candidates[0]
		qs := e.askedApart(kb, text, lang)
		also, at := alsoAsked(qs, best.Entry)
		alts := res.Alternatives
		if also != nil { // an entry answered in full is not offered as well
			alts = slices.DeleteFunc(slices.Clone(alts), func(c faq.Candidate) bool { return slices.Contains(also, c.Entry) })
		}
		o := e.answer(kb, best.Entry, lang, len(alts))
		o.Confidence, o.Ranked = best.Confidence, ranked
		if len(alts) > 0 {
			o.Suggestions = e.offerAlternatives(kb, &o.Replies[0], best.Entry, alts, lang, ids[n:n])
		}
		if also != nil {
			e.answerAlso(kb, &o, best.Entry, also, at, lang)
		}
		// The other questions are told to have no answer only when the
		// answer given is one of the message's own questions': a message
		// whose best entry answers none of its parts is not read as parts.
		if slices.ContainsFunc(qs, func(q asked) bool { return q.entry == best.Entry }) {
			e.noAnswerTo(ctx, kb, &o, unanswered(qs, append(also, best.Entry)), lang)
		}
		return o
	case len(res.Candidates) > 0 && e.answersApart(ctx, kb, text, lang, &o):
		// Two questions in one message can leave no entry sure of the
		// whole while each answers one of them.
		o.Ranked = ranked
		return o
	case len(res.Suggestions) > 0:
		t := textsFor(lang)
		o := Outcome{Route: RouteSuggest, Lang: lang, Ranked: ranked, Suggestions: ids[n:n]}
		intro := t.didYouMean
		if res.Advice {
			intro = e.says(kb, t).adviceSuggest
		}
		o.Replies = newReply(intro, len(res.Suggestions)+1)
		r := &o.Replies[0]
		// With a feedback log, each button carries when the suggestion
		// was recorded, for its press to name.
		var at time.Time
		asked := ""
		if e.Feedback != nil {
			at = e.now()
			asked = payloadAsked + strconv.FormatInt(at.UnixNano(), 36)
		}
		for _, c := range res.Suggestions {
			p := e.entryParts(kb, c.Entry)
			q, _, _ := p.localized(lang)
			payload := p.self
			if asked != "" && len(payload)+len(asked) <= maxPayload {
				payload += asked
			}
			r.Buttons = append(r.Buttons, carebot.Button{Label: q, Payload: payload})
			o.Suggestions = append(o.Suggestions, c.Entry.ID)
		}
		r.Buttons = append(r.Buttons, carebot.Button{Label: t.noneOfThese, Payload: payloadNone + asked})
		if len(res.Candidates) > 0 {
			o.Confidence = res.Candidates[0].Confidence
		}
		if e.Feedback != nil { // the feedback keeps its own copy of the ids
			e.feedback(ctx, carebot.Feedback{Kind: carebot.FeedbackSuggest, At: at, Lang: lang, Text: text, Entries: slices.Clone(o.Suggestions)})
		}
		return o
	default:
		o := e.fallback(kb, lang)
		if res.Advice {
			o.Replies[0].Text = e.says(kb, textsFor(lang)).adviceFallback
		}
		o.Ranked = ranked
		if len(res.Candidates) > 0 {
			o.Confidence = res.Candidates[0].Confidence
		}
		if text != "" && e.Feedback != nil {
			e.feedback(ctx, carebot.Feedback{Kind: carebot.FeedbackFallback, At: e.now(), Lang: lang, Text: text})
		}
		return o
	}
}

// answer gives entry's answer in lang (saying so when it only exists in
// another language), with its follow-ups and the rating buttons, and
// room for extra more buttons (the alternatives).
func (e *Engine) answer(kb *faq.KB, entry *faq.Entry, lang string, extra int) Outcome {
	t := textsFor(lang)
	p := e.entryParts(kb, entry)
	_, text, got := p.localized(lang)
	if got != lang {
		text += "\n" + t.only(got)
	}
	replies := newReply(text, len(p.followUps)+2+extra)
	r := &replies[0]
	for _, f := range p.followUps {
		q, _, _ := f.localized(lang)
		r.Buttons = append(r.Buttons, carebot.Button{Label: q, Payload: f.self})
	}
	r.Buttons = append(r.Buttons,
		carebot.Button{Label: t.helpful, Payload: p.up},
		carebot.Button{Label: t.notHelpful, Payload: p.down})
	return Outcome{Route: RouteAnswer, Lang: lang, Entry: entry.ID, Confidence: 1, Replies: replies}
}

// offerAlternatives adds a button for each alternative to the reply r
// answering with answered, after its follow-ups and before its rating
// buttons, and returns their ids appended to ids. An alternative that is
// already a follow-up is offered by its one button. With a feedback log,
// each alternative's payload names the entry answered.
func (e *Engine) offerAlternatives(kb *faq.KB, r *carebot.Reply, answered *faq.Entry, alts []faq.Candidate, lang string, ids []string) []string {
	rate := [2]carebot.Button(r.Buttons[len(r.Buttons)-2:]) // a copy: the alternatives go where they were
	r.Buttons = r.Buttons[:len(r.Buttons)-2]
	for _, c := range alts {
		p := e.entryParts(kb, c.Entry)
		ids = append(ids, c.Entry.ID)
		if slices.ContainsFunc(r.Buttons, func(b carebot.Button) bool { return b.Payload == p.self }) {
			continue
		}
		q, _, _ := p.localized(lang)
		payload := p.self
		if e.Feedback != nil && len(payload)+len(payloadInstead)+len(answered.ID) <= maxPayload {
			payload += payloadInstead + answered.ID
		}
		r.Buttons = append(r.Buttons, carebot.Button{Label: q, Payload: payload})
	}
	r.Buttons = append(r.Buttons, rate[:]...)
	return ids
}

// replyButtonsMax is how many buttons newReply makes room for in the
// reply's own allocation: an answer with three follow-ups, two
// alternatives and its ratings.
const replyButtonsMax = 7

// newReply returns a one-reply slice whose reply says text and has room
// for n buttons (length 0, capacity n), in one allocation when n is at
// most replyButtonsMax.
func newReply(text string, n int) []carebot.Reply {
	if n > replyButtonsMax {
		return []carebot.Reply{{Text: text, Buttons: make([]carebot.Button, 0, n)}}
	}
	both := new(struct {
		reply   [1]carebot.Reply
		buttons [replyButtonsMax]carebot.Button
	})
	both.reply[0] = carebot.Reply{Text: text, Buttons: both.buttons[:0:n]}
	return both.reply[:]
}

// fallback says how to reach a person.
func (e *Engine) fallback(kb *faq.KB, lang string) Outcome {
	t := textsFor(lang)
	return Outcome{Route: RouteFallback, Lang: lang, Replies: []carebot.Reply{{Text: e.says(kb, t).fallback}}}
}

func (e *Engine) feedback(ctx context.Context, f carebot.Feedback) {
	if e.Feedback == nil {
		return
	}
	if err := e.Feedback.RecordFeedback(ctx, f); err != nil {
		e.logError(ctx, "record feedback", err)
	}
}

// splitInstead splits an entry button's payload rest (after its prefix)
// into the entry it asks for and, when it was an alternative offered
// beside an answer, the entry answered ("" otherwise).
func splitInstead(rest string) (id, instead string) {
	id, instead, _ = strings.Cut(rest, payloadInstead)
	return id, instead
}

// splitAsked splits a "did you mean" button's payload rest (after its
// prefix) into what it names and when the suggestion was recorded: zero
// when the payload carries no moment, as a follow-up's does, or one that
// does not read.
func splitAsked(rest string) (string, time.Time) {
	i := strings.LastIndex(rest, payloadAsked)
	if i < 0 {
		return rest, time.Time{}
	}
	n, err := strconv.ParseInt(rest[i+len(payloadAsked):], 36, 64)
	if err != nil || n <= 0 {
		return rest[:i], time.Time{}
	}
	return rest[:i], time.Unix(0, n).UTC()
}
