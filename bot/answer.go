package bot

import (
	"context"
	"slices"

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
)

// answerText runs the FAQ step on a typed question. known is the language
// to assume when the text does not show one.
func (e *Engine) answerText(ctx context.Context, kb *faq.KB, text, known string) Outcome {
	res := kb.Match(text, known)
	lang := known
	if res.Lang != "" && textsByLang[res.Lang] != nil {
		lang = res.Lang
	}
	ranked := make([]string, len(res.Candidates))
	for i, c := range res.Candidates {
		ranked[i] = c.Entry.ID
	}
	switch {
	case res.Confident && len(res.Candidates) > 0:
		best := res.Candidates[0]
		o := e.answer(kb, best.Entry, lang)
		o.Confidence, o.Ranked = best.Confidence, ranked
		return o
	case len(res.Suggestions) > 0:
		t := textsFor(lang)
		o := Outcome{Route: RouteSuggest, Lang: lang, Ranked: ranked}
		r := carebot.Reply{Text: t.didYouMean, Buttons: make([]carebot.Button, 0, len(res.Suggestions)+1)}
		o.Suggestions = make([]string, 0, len(res.Suggestions))
		for _, c := range res.Suggestions {
			q, _, _ := c.Entry.Localized(lang)
			r.Buttons = append(r.Buttons, carebot.Button{Label: q, Payload: e.entryButtons(kb, c.Entry).self})
			o.Suggestions = append(o.Suggestions, c.Entry.ID)
		}
		r.Buttons = append(r.Buttons, carebot.Button{Label: t.noneOfThese, Payload: payloadNone})
		o.Replies = []carebot.Reply{r}
		if len(res.Candidates) > 0 {
			o.Confidence = res.Candidates[0].Confidence
		}
		if e.Feedback != nil { // the feedback keeps its own copy of the ids
			e.feedback(ctx, carebot.Feedback{Kind: carebot.FeedbackSuggest, At: e.now(), Lang: lang, Text: text, Entries: slices.Clone(o.Suggestions)})
		}
		return o
	default:
		o := e.fallback(kb, lang)
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
// another language), with its follow-ups and the rating buttons.
func (e *Engine) answer(kb *faq.KB, entry *faq.Entry, lang string) Outcome {
	t := textsFor(lang)
	_, text, got := entry.Localized(lang)
	if got != lang {
		text += "\n" + t.only(got)
	}
	eb := e.entryButtons(kb, entry)
	r := carebot.Reply{Text: text, Buttons: make([]carebot.Button, 0, len(eb.followUps)+2)}
	for _, f := range eb.followUps {
		q, _, _ := f.entry.Localized(lang)
		r.Buttons = append(r.Buttons, carebot.Button{Label: q, Payload: f.payload})
	}
	r.Buttons = append(r.Buttons,
		carebot.Button{Label: t.helpful, Payload: eb.up},
		carebot.Button{Label: t.notHelpful, Payload: eb.down})
	return Outcome{Route: RouteAnswer, Lang: lang, Entry: entry.ID, Confidence: 1, Replies: []carebot.Reply{r}}
}

// entryButtons are the payloads of the buttons an entry's answer carries,
// made once per knowledge base rather than per answer.
type entryButtons struct {
	self      string // pressing it asks for the entry: faq:<id>
	up, down  string // the ratings
	followUps []followUp
}

// followUp is one follow-up that exists in the knowledge base.
type followUp struct {
	entry   *faq.Entry
	payload string
}

func newEntryButtons(kb *faq.KB, entry *faq.Entry) *entryButtons {
	eb := &entryButtons{self: payloadEntry + entry.ID, up: payloadUp + entry.ID, down: payloadDown + entry.ID}
	for _, id := range entry.FollowUp {
		if f, ok := kb.Entry(id); ok {
			eb.followUps = append(eb.followUps, followUp{entry: f, payload: payloadEntry + id})
		}
	}
	return eb
}

// entryButtons returns the payloads of entry, one of kb's.
func (e *Engine) entryButtons(kb *faq.KB, entry *faq.Entry) *entryButtons {
	st := e.cur.Load()
	if eb := st.entries[entry]; eb != nil && st.kb == kb {
		return eb
	}
	return newEntryButtons(kb, entry) // kb was swapped out mid-message
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
