package bot

import (
	"context"
	"crypto/rand"
	"encoding/hex"
	"strings"
	"time"

	"github.com/carebot/carebot"
	"github.com/carebot/carebot/faq"
)

// "Delete my data": a patient may have everything carebot keeps about them
// erased (their right to erasure). Nothing is erased on the first message:
// the bot says what would go and what would not (the clinic's medical
// records), and asks. Only a fresh "Delete my data" press, or a typed YES
// as the very next message, erases; see forgetFor. The question lives in
// memory: after a restart its button has expired, and the patient asks
// again. The answer to the confirmation is a direct reply, sent though the
// patient no longer has any consent, and it stores nothing: someone who
// writes again starts afresh.

// Forgetter erases a person: everything stored about them, and what the
// running bot holds of them in memory. main plugs in the store with the
// reminders' memory and the scrub that follows.
type Forgetter interface {
	Forget(ctx context.Context, user string) (carebot.Forgotten, error)
}

// forgetFor is how long a "Delete my data" question may be confirmed: a
// button pressed later, or one from an older question, erases nothing.
const forgetFor = 10 * time.Minute

// maxForgetAsks bounds the questions waiting at once (see pending.Map).
const maxForgetAsks = 10000

// payloadForget starts the buttons' payloads: forget:yes:<nonce> and
// forget:no:<nonce>, the nonce naming the question they answer (16 hex
// digits: the payload is 27 bytes).
const payloadForget = "forget:"

// forgetAsk is a "Delete my data?" waiting for its answer.
type forgetAsk struct {
	nonce string
	lang  string
	// typed is true until the patient's next typed message: only that one
	// may answer by typing ("yes"); the buttons work until forgetFor.
	typed bool
}

// typedAnswer returns the question a typed message from user may answer
// (waits), whether it is still fresh, and marks it answered by typing: the
// next typed message may not.
func (e *Engine) typedAnswer(user string) (q forgetAsk, waits, live bool) {
	mayType := false
	q, waits, live = e.forgets.Update(user, e.now, func(q *forgetAsk) { mayType, q.typed = q.typed, false })
	if !waits || !mayType {
		return forgetAsk{}, false, false
	}
	return q, true, live
}

// pressedAnswer returns the question a button with nonce answers, if it is
// the latest asked of user and still fresh.
func (e *Engine) pressedAnswer(user, nonce string) (forgetAsk, bool) {
	q, waits, live := e.forgets.Update(user, e.now, func(*forgetAsk) {})
	return q, waits && live && q.nonce == nonce
}

// Forget drops what the engine holds of user in memory: a "Delete my
// data?" waiting for their answer. The Forgetter calls it whoever erases
// them (the patient, or staff).
func (e *Engine) Forget(user string) { e.forgets.Drop(user) }

// forget answers a request to be forgotten, the answer to the question it
// asks, or a press of its buttons; ok is false when m is none of these.
func (e *Engine) forget(ctx context.Context, kb *faq.KB, m carebot.Message, u carebot.User, text string) (Outcome, bool) {
	if p, ok := strings.CutPrefix(m.Payload, payloadForget); ok {
		answer, nonce, _ := strings.Cut(p, ":")
		q, live := e.pressedAnswer(u.Key, nonce)
		lang := e.userLang(kb, "", m.Lang, u)
		if live {
			lang = q.lang
		}
		switch {
		case answer == "no":
			if live {
				e.forgets.Drop(u.Key)
			}
			return e.forgetSays(kb, m, lang, forgetTextsFor(lang).kept), true
		case !live || m.From.Group: // the buttons are only ever sent privately
			return e.forgetSays(kb, m, lang, forgetTextsFor(lang).expired), true
		}
		return e.forgetNow(ctx, kb, m, u, lang), true
	}
	if m.Payload != "" {
		return Outcome{}, false
	}
	if !m.From.Group {
		if q, waits, live := e.typedAnswer(u.Key); waits {
			if yes, answered := forgetAnswer(text); answered {
				t := forgetTextsFor(q.lang)
				switch {
				case !yes:
					e.forgets.Drop(u.Key)
					return e.forgetSays(kb, m, q.lang, t.kept), true
				case !live:
					return e.forgetSays(kb, m, q.lang, t.expired), true
				}
				return e.forgetNow(ctx, kb, m, u, q.lang), true
			}
		}
	}
	l, ok := forgetRequest(text)
	if !ok {
		return Outcome{}, false
	}
	lang := l
	if u.LangChosen && speaks(u.Lang) != nil {
		lang = u.Lang
	}
	t := forgetTextsFor(lang)
	if e.Forgetter == nil {
		return e.forgetSays(kb, m, lang, t.unavailable), true
	}
	var b [8]byte
	rand.Read(b[:])
	nonce := hex.EncodeToString(b[:])
	e.forgets.Put(u.Key, e.now(), forgetAsk{nonce: nonce, lang: lang, typed: true})
	o := e.forgetSays(kb, m, lang, t.ask)
	last := &o.Replies[len(o.Replies)-1]
	last.Buttons = []carebot.Button{
		{Label: t.deleteLabel, Payload: payloadForget + "yes:" + nonce},
		{Label: t.keepLabel, Payload: payloadForget + "no:" + nonce},
	}
	return o, true
}

// forgetNow erases u, confirmed. It stores nothing of them after: the
// engine saves no record for this message, so that the reply is the last
// trace of them.
func (e *Engine) forgetNow(ctx context.Context, kb *faq.KB, m carebot.Message, u carebot.User, lang string) Outcome {
	t := forgetTextsFor(lang)
	e.forgets.Drop(u.Key)
	if e.Forgetter == nil {
		return e.forgetSays(kb, m, lang, t.unavailable)
	}
	f, err := e.Forgetter.Forget(ctx, u.Key)
	switch {
	case err != nil:
		e.logError(ctx, "forget", err)
		return e.forgetSays(kb, m, lang, t.fail)
	case f.Nothing():
		return e.forgetSays(kb, m, lang, t.nothing)
	}
	return e.forgetSays(kb, m, lang, t.done)
}

// forgetSays is the engine's answer text about deleting data: privately
// when asked in a group (it is personal), with a line for the group.
func (e *Engine) forgetSays(kb *faq.KB, m carebot.Message, lang, text string) Outcome {
	t := textsFor(lang)
	r := carebot.Reply{Text: e.fill(kb, t, text), Private: m.From.Group}
	o := Outcome{Route: RouteForget, Lang: lang, Replies: []carebot.Reply{r}}
	if m.From.Group {
		o.Replies = append([]carebot.Reply{{Text: t.groupPrivate}}, o.Replies...)
	}
	return o
}
