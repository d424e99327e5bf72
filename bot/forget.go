package bot

import (
	"context"
	"crypto/rand"
	"encoding/hex"
	"strings"
	"sync"
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

// maxForgetAsks bounds the questions waiting at once; past it the expired
// ones are swept, then the oldest dropped.
const maxForgetAsks = 10000

// payloadForget starts the buttons' payloads: forget:yes:<nonce> and
// forget:no:<nonce>, the nonce naming the question they answer (16 hex
// digits: the payload is 27 bytes).
const payloadForget = "forget:"

// forgetAsk is a "Delete my data?" waiting for its answer.
type forgetAsk struct {
	at    time.Time
	nonce string
	lang  string
	// typed is true until the patient's next typed message: only that one
	// may answer by typing ("yes"); the buttons work until forgetFor.
	typed bool
}

// forgetAsks are the questions waiting for an answer, by user key.
type forgetAsks struct {
	mu sync.Mutex
	m  map[string]forgetAsk
}

func (a *forgetAsks) put(user string, q forgetAsk) {
	a.mu.Lock()
	defer a.mu.Unlock()
	if a.m == nil {
		a.m = map[string]forgetAsk{}
	}
	if len(a.m) >= maxForgetAsks {
		var oldest string
		for k, v := range a.m {
			if q.at.Sub(v.at) > forgetFor {
				delete(a.m, k)
			} else if oldest == "" || v.at.Before(a.m[oldest].at) {
				oldest = k
			}
		}
		if len(a.m) >= maxForgetAsks {
			delete(a.m, oldest)
		}
	}
	a.m[user] = q
}

// typed returns the question a typed message from user may answer
// (waits), whether it is still fresh at now(), and marks it answered by
// typing: the next typed message may not. The clock is read only when a
// question waits: every message asks.
func (a *forgetAsks) typed(user string, now func() time.Time) (q forgetAsk, waits, live bool) {
	a.mu.Lock()
	defer a.mu.Unlock()
	q, ok := a.m[user]
	if !ok || !q.typed {
		return forgetAsk{}, false, false
	}
	q.typed = false
	a.m[user] = q
	return q, true, fresh(q, now())
}

// pressed returns the question a button with nonce answers, if it is the
// latest asked of user and still fresh at now.
func (a *forgetAsks) pressed(user, nonce string, now time.Time) (forgetAsk, bool) {
	a.mu.Lock()
	defer a.mu.Unlock()
	q, ok := a.m[user]
	return q, ok && q.nonce == nonce && fresh(q, now)
}

func (a *forgetAsks) drop(user string) {
	a.mu.Lock()
	defer a.mu.Unlock()
	delete(a.m, user)
}

func fresh(q forgetAsk, now time.Time) bool {
	return !now.Before(q.at) && now.Sub(q.at) <= forgetFor
}

// Forget drops what the engine holds of user in memory: a "Delete my
// data?" waiting for their answer. The Forgetter calls it whoever erases
// them (the patient, or staff).
func (e *Engine) Forget(user string) { e.forgets.drop(user) }

// forget answers a request to be forgotten, the answer to the question it
// asks, or a press of its buttons; ok is false when m is none of these.
func (e *Engine) forget(ctx context.Context, kb *faq.KB, m carebot.Message, u carebot.User, text string) (Outcome, bool) {
	if p, ok := strings.CutPrefix(m.Payload, payloadForget); ok {
		answer, nonce, _ := strings.Cut(p, ":")
		q, live := e.forgets.pressed(u.Key, nonce, e.now())
		lang := e.userLang(kb, "", m.Lang, u)
		if live {
			lang = q.lang
		}
		switch {
		case answer == "no":
			if live {
				e.forgets.drop(u.Key)
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
		if q, waits, live := e.forgets.typed(u.Key, e.now); waits {
			if yes, answered := forgetAnswer(text); answered {
				t := forgetTextsFor(q.lang)
				switch {
				case !yes:
					e.forgets.drop(u.Key)
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
	e.forgets.put(u.Key, forgetAsk{at: e.now(), nonce: nonce, lang: lang, typed: true})
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
	e.forgets.drop(u.Key)
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
