package bot

import (
	"context"
	"strings"

	"github.com/carebot/carebot"
	"github.com/carebot/carebot/faq"
)

// languageWords switch the language the bot answers in.
var languageWords = map[string]string{
	"english": "en", "ingles": "en", "in english": "en", "en ingles": "en", "lang en": "en",
	"espanol": "es", "spanish": "es", "en espanol": "es", "in spanish": "es", "lang es": "es",
	"hablame en ingles": "en", "hableme en ingles": "en", "speak english": "en", "english por favor": "en",
	"hablame en espanol": "es", "hableme en espanol": "es", "habla espanol": "es", "speak spanish": "es",
	"en espanol por favor": "es", "en ingles por favor": "en",
}

// command handles the engine's own buttons (suggestions, follow-ups,
// ratings, language), the language words, and then each plugged-in Command
// in order. It reports false when m is none of these.
func (e *Engine) command(ctx context.Context, kb *faq.KB, m carebot.Message, u *carebot.User, text, lang string) (Outcome, bool) {
	t := textsFor(lang)
	p := m.Payload
	switch {
	case strings.HasPrefix(p, payloadEntry):
		id, asked := splitAsked(strings.TrimPrefix(p, payloadEntry))
		id, instead := splitInstead(id)
		entry, ok := kb.Entry(id)
		if !ok { // the KB was edited since the button was sent
			return e.fallback(kb, lang), true
		}
		if _, ok := kb.Entry(instead); !ok { // nor is a payload trusted
			instead = ""
		}
		e.feedback(ctx, carebot.Feedback{Kind: carebot.FeedbackPressed, At: e.now(), Lang: lang, Entries: []string{id}, Asked: asked, Instead: instead})
		return e.answer(kb, entry, lang, 0), true
	case strings.HasPrefix(p, payloadUp), strings.HasPrefix(p, payloadDown):
		kind, id := carebot.FeedbackUp, strings.TrimPrefix(p, payloadUp)
		if strings.HasPrefix(p, payloadDown) {
			kind, id = carebot.FeedbackDown, strings.TrimPrefix(p, payloadDown)
		}
		if _, ok := kb.Entry(id); ok {
			e.feedback(ctx, carebot.Feedback{Kind: kind, At: e.now(), Lang: lang, Entries: []string{id}})
		}
		return Outcome{Route: RouteCommand, Lang: lang, Replies: []carebot.Reply{{Text: t.thanks}}}, true
	case p == payloadNone || strings.HasPrefix(p, payloadNone+payloadAsked):
		_, asked := splitAsked(p)
		e.feedback(ctx, carebot.Feedback{Kind: carebot.FeedbackNone, At: e.now(), Lang: lang, Asked: asked})
		return e.fallback(kb, lang), true
	case strings.HasPrefix(p, payloadLang):
		return e.setLang(u, strings.TrimPrefix(p, payloadLang), lang), true
	}
	if p == "" && len(text) < 32 {
		var buf [32]byte
		list, _ := consentWords(buf[:0], text)
		if l, ok := languageWords[string(list)]; ok {
			return e.setLang(u, l, lang), true
		}
	}
	told := *u // the sender as the commands see them
	if p == "" && !u.LangChosen && len(e.Commands) > 0 {
		// A typed command is answered in the language it is written in,
		// as the FAQ answers a question: for a patient with no language
		// recorded whatever the words lean to (the platform's hint, which
		// the commands fall back to, only when they say nothing); for one
		// with a language recorded only when the words are sure ("remind
		// me at 8pm" after a question in Spanish), a "C" or "snooze 1h"
		// keeping the recorded one. The reply's language is then theirs.
		if l, sure := faq.DetectLang(text); speaks(l) != nil && (u.Lang == "" || sure) {
			lang, t, m.Lang = l, textsFor(l), l
			if told.Lang != "" {
				told.Lang = l
			}
		}
	}
	for _, c := range e.Commands {
		replies, ok, err := c.Handle(ctx, m, told)
		if err != nil {
			e.logError(ctx, "command", err)
			return Outcome{Route: RouteCommand, Lang: lang, Replies: []carebot.Reply{{Text: e.says(kb, t).storeFail, Private: true}}}, true
		}
		if ok {
			// A command may have saved the sender's record (a time zone):
			// what the engine saves next starts from that, not from its
			// copy of before.
			if e.Users != nil {
				if got, err := e.Users.User(ctx, u.Key); err == nil {
					*u = got
				}
			}
			if m.From.Group && allPrivate(replies) {
				// "@bot remind me…" in a group: the group is told where the
				// answer went, as for a consent change, and nothing more.
				replies = append([]carebot.Reply{{Text: t.groupPrivate}}, replies...)
			}
			return Outcome{Route: RouteCommand, Lang: lang, Replies: replies}, true
		}
	}
	if p != "" {
		return Outcome{Route: RouteCommand, Lang: lang, Replies: []carebot.Reply{{Text: t.expired}}}, true
	}
	return Outcome{}, false
}

// allPrivate reports whether every reply goes to the sender's DM (and
// there is one).
func allPrivate(rs []carebot.Reply) bool {
	for _, r := range rs {
		if !r.Private {
			return false
		}
	}
	return len(rs) > 0
}

// setLang answers a language choice and marks it chosen in u, which the
// engine then saves (see remember).
func (e *Engine) setLang(u *carebot.User, l, current string) Outcome {
	if speaks(l) == nil {
		l = current
	}
	u.Lang, u.LangChosen = l, true
	return Outcome{Route: RouteCommand, Lang: l, Replies: []carebot.Reply{{Text: textsFor(l).langSet}}}
}
