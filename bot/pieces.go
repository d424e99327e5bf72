package bot

import (
	"context"
	"strings"

	"github.com/carebot/carebot"
	"github.com/carebot/carebot/faq"
)

// requestsApart answers a message that makes a request of a command
// beside something else: a question ("remind me to take my pill at 8pm.
// also what are your hours?", "what time do you open? can you remind me
// friday at 9am"), another request ("remind me to call mom at 3pm. also
// remind me to walk at 5pm") or thanks ("…at 3pm. thanks!"). Read whole,
// it was one reminder whose text held the rest, or "I couldn't tell
// when", or the FAQ's answer with the reminder never made. Now each
// request's piece goes to its command and the rest, if it asks anything,
// to the FAQ, the replies in the order asked; small talk beside a request
// ("thanks!", "ok") is left unanswered, as the request's reply says
// enough. ok is false for any other message (one piece, or no piece a
// Requester claims), which goes on whole as before.
func (e *Engine) requestsApart(ctx context.Context, kb *faq.KB, m carebot.Message, u *carebot.User, text, known string) (Outcome, bool) {
	if m.Payload != "" || len(e.Commands) == 0 {
		return Outcome{}, false
	}
	pieces := faq.Pieces(text)
	if pieces == nil {
		return Outcome{}, false
	}
	var (
		isReq      = make([]bool, len(pieces))
		reqs       int
		asks, said bool
		rest       []string
	)
	for i, p := range pieces {
		switch {
		case e.requests(p.Text):
			isReq[i] = true
			reqs++
		case p.Question:
			asks = true
			rest = append(rest, p.Text)
		case smallTalk(p.Text) == talkNone:
			said = true // "my son is 12.": said for the question, if any
			rest = append(rest, p.Text)
		}
	}
	if reqs == 0 {
		return Outcome{}, false
	}
	if said && !asks {
		// "I have an appointment friday. remind me thursday at 5pm": a
		// statement may ask without a question mark ("i need your fax
		// number"), and is answered when an entry is sure of it; else it
		// was context, and the fallback would only puzzle.
		asks = kb.Match(strings.Join(rest, " "), known).Confident
	}
	var o Outcome
	if asks {
		o = e.answerText(ctx, kb, strings.Join(rest, " "), known, u.LangChosen)
	}
	var before, after []carebot.Reply // the requests' replies, before and after the question's
	asked := false
	for i, p := range pieces {
		if !isReq[i] {
			asked = asked || p.Question
			continue
		}
		cm := m
		cm.Text = p.Text
		co, ok := e.command(ctx, kb, cm, u, cm.Text, known)
		if !ok { // claimed, yet not taken: no reply of its own
			continue
		}
		if !asks {
			o.Route, o.Lang = co.Route, co.Lang
		}
		if asked {
			after = append(after, co.Replies...)
		} else {
			before = append(before, co.Replies...)
		}
	}
	if o.Route == "" {
		return Outcome{}, false
	}
	o.Replies = append(append(before, o.Replies...), after...)
	return o, true
}

// requests reports whether a plugged-in command claims text as a whole
// request of its own (see Requester).
func (e *Engine) requests(text string) bool {
	for _, c := range e.Commands {
		if r, ok := c.(Requester); ok && r.Requests(text) {
			return true
		}
	}
	return false
}
