package bot

import (
	"context"

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
		ids := make([]string, 0, len(res.Suggestions))
		for _, c := range res.Suggestions {
			q, _, _ := c.Entry.Localized(lang)
			r.Buttons = append(r.Buttons, carebot.Button{Label: q, Payload: payloadEntry + c.Entry.ID})
			o.Suggestions = append(o.Suggestions, c.Entry.ID)
			ids = append(ids, c.Entry.ID)
		}
		r.Buttons = append(r.Buttons, carebot.Button{Label: t.noneOfThese, Payload: payloadNone})
		o.Replies = []carebot.Reply{r}
		if len(res.Candidates) > 0 {
			o.Confidence = res.Candidates[0].Confidence
		}
		e.feedback(ctx, carebot.Feedback{Kind: carebot.FeedbackSuggest, At: e.now(), Lang: lang, Text: text, Entries: ids})
		return o
	default:
		o := e.fallback(kb, lang)
		o.Ranked = ranked
		if len(res.Candidates) > 0 {
			o.Confidence = res.Candidates[0].Confidence
		}
		if text != "" {
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
	r := carebot.Reply{Text: text, Buttons: make([]carebot.Button, 0, len(entry.FollowUp)+2)}
	for _, id := range entry.FollowUp {
		if f, ok := kb.Entry(id); ok {
			q, _, _ := f.Localized(lang)
			r.Buttons = append(r.Buttons, carebot.Button{Label: q, Payload: payloadEntry + id})
		}
	}
	r.Buttons = append(r.Buttons,
		carebot.Button{Label: t.helpful, Payload: payloadUp + entry.ID},
		carebot.Button{Label: t.notHelpful, Payload: payloadDown + entry.ID})
	return Outcome{Route: RouteAnswer, Lang: lang, Entry: entry.ID, Confidence: 1, Replies: []carebot.Reply{r}}
}

// fallback says how to reach a person.
func (e *Engine) fallback(kb *faq.KB, lang string) Outcome {
	t := textsFor(lang)
	return Outcome{Route: RouteFallback, Lang: lang, Replies: []carebot.Reply{{Text: e.fill(kb, t, t.fallback)}}}
}

func (e *Engine) feedback(ctx context.Context, f carebot.Feedback) {
	if e.Feedback == nil {
		return
	}
	if err := e.Feedback.RecordFeedback(ctx, f); err != nil {
		e.logError(ctx, "record feedback", err)
	}
}
