package bot

import (
	"context"
	"fmt"
	"slices"
	"strings"

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

// consentReplyLang is the language a consent keyword is answered in, and
// then theirs: the one they chose, if they did; else the one its words
// are written in (ALTO, AYUDA, "stop consejos"; "stop texting me"); else,
// for STOP, HELP and the English purpose names ("STOP APPOINTMENTS"),
// which Spanish speakers send too, the one they used before, their
// platform's or the clinic's. The FAQ's guess at the language is not
// asked: it took "stop appointments" for English, and moved a Spanish
// speaker's reminders to English for good (QA).
func (e *Engine) consentReplyLang(kb *faq.KB, m carebot.Message, u carebot.User, text string) string {
	if u.LangChosen && speaks(u.Lang) != nil {
		return u.Lang
	}
	if l := consentLang(text); speaks(l) != nil {
		return l
	}
	return e.knownLang(kb, m.Lang, u.Lang)
}

// consentLang is the language a consent message is written in, by its
// words: "es" for "ALTO", "stop consejos", "no me envien mas mensajes";
// "en" for "stop texting me"; "" when its words do not say, or say both
// equally. STOP, START, HELP and the other bare keywords say nothing:
// Spanish speakers send them too. Nor does an English purpose name: the
// README gives STOP AWARENESS to every patient, and the Spanish HELP
// taught it until it taught STOP CONSEJOS.
func consentLang(text string) string {
	var buf [80]byte
	list, _ := consentWords(buf[:0], text)
	es, en := 0, 0
	for rest := list; len(rest) > 0; {
		var w []byte
		w, rest = nextWord(rest)
		switch {
		case consentWordsES[string(w)]:
			es++
		case consentWordsEN[string(w)]:
			en++
		}
	}
	switch {
	case es > en:
		return langES
	case en > es:
		return langEN
	}
	return ""
}

// consentWordsES and consentWordsEN are the words of the consent
// vocabulary that only one language uses ("quiero", "consejos"; "texting",
// "dont"): consentLang counts them.
var consentWordsES, consentWordsEN = consentVocabularyByLang()

func consentVocabularyByLang() (es, en map[string]bool) {
	es, en = map[string]bool{}, map[string]bool{}
	add := func(set map[string]bool, phrase string) {
		for _, w := range strings.Fields(phrase) {
			set[w] = true
		}
	}
	for _, w := range spanishKeywords {
		add(es, w)
	}
	for w := range purposeWordsES {
		add(es, w)
	}
	for _, m := range []map[string]bool{messageWordsES, optOutPhrasesES, optInPhrasesES, helpPhrasesES, emphasisES, optOutAsidesES, optOutNumberPhrasesES} {
		for p := range m {
			add(es, p)
		}
	}
	for _, l := range consentLeadsES {
		add(es, l.words)
	}
	for w := range sendingVerbs {
		add(es, w)
	}
	for _, m := range []map[string]bool{messageWordsEN, optOutPhrasesEN, optInPhrasesEN, helpPhrasesEN, emphasisEN, optOutAsidesEN, optOutNumberPhrasesEN} {
		for p := range m {
			add(en, p)
		}
	}
	for _, l := range consentLeadsEN {
		add(en, l.words)
	}
	for w := range es {
		if en[w] { // "no", "me"
			delete(es, w)
			delete(en, w)
		}
	}
	for w := range bareKeywords { // "stop" in "stop all"
		delete(en, w)
	}
	return es, en
}
