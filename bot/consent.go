package bot

import (
	"context"
	"fmt"
	"slices"

	"github.com/carebot/carebot"
	"github.com/carebot/carebot/faq"
)

// consent records a STOP, START or their phrasings, and confirms it once.
// The confirmation is returned only after the store has made the change
// durable; if it cannot, the patient is told so instead of being told a
// falsehood. HELP records nothing.
func (e *Engine) consent(ctx context.Context, kb *faq.KB, m carebot.Message, u carebot.User, in consentIntent, lang string) Outcome {
	t := textsFor(lang)
	says := e.says(kb, t)
	private := m.From.Group // consent is personal: never answered in a group
	// reply answers with text, whose clinic details are filled in.
	reply := func(route Route, text string) Outcome {
		r := carebot.Reply{Text: text, Private: private}
		o := Outcome{Route: route, Lang: lang, Replies: []carebot.Reply{r}}
		if private {
			o.Replies = append([]carebot.Reply{{Text: t.groupPrivate}}, o.Replies...)
		}
		return o
	}
	if in.kind == intentHelp {
		return reply(RouteHelp, says.help)
	}

	action, route := carebot.OptOut, RouteOptOut
	if in.kind == intentOptIn {
		action, route = carebot.OptIn, RouteOptIn
	}
	purposes := in.purposes
	if len(purposes) == 0 {
		purposes = carebot.Purposes()
	}
	now := e.now()
	events := make([]carebot.ConsentEvent, len(purposes))
	for i, p := range purposes {
		events[i] = carebot.ConsentEvent{User: u.Key, Purpose: p, Action: action, Method: in.method, Wording: WordingVersion, At: now}
	}
	if e.Consents == nil {
		return reply(route, says.consentFail)
	}
	if err := e.Consents.RecordConsent(ctx, events...); err != nil {
		e.logError(ctx, "record consent", err)
		return reply(route, says.consentFail)
	}

	var text string
	switch {
	case action == carebot.OptOut && len(in.purposes) == 0:
		text = says.optOutAll
	case action == carebot.OptOut:
		text = e.fill(kb, t, fmt.Sprintf(t.optOutOne, t.purposeList(in.purposes)))
		if slices.Contains(in.purposes, carebot.PurposeAppointments) {
			// Only a full STOP holds the reminders patients set
			// themselves: say so, lest they expect those to stop too.
			text += " " + t.optOutOwn
		}
	case len(in.purposes) == 0:
		text = says.optInAll
	default:
		text = e.fill(kb, t, fmt.Sprintf(t.optInOne, t.purposeList(in.purposes)))
	}
	return reply(route, text)
}
