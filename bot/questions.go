package bot

import (
	"slices"

	"github.com/carebot/carebot"
	"github.com/carebot/carebot/faq"
)

// A message may ask more than one question ("what are your hours and do
// you take aetna"). The matcher answers a message as one; the engine
// then answers each of its questions on its own (faq.Questions), and
// gives every answer it is sure of, each headed by the question it
// answers.

// maxAlso is how many other questions of one message are answered
// besides the best-matched one.
const maxAlso = 2

// A question asked beside another is answered on its own only with more
// confidence than a message needs (faq.ConfidentAt), and more still when
// it names its topic by one word: most such questions ask after the
// other's topic in a word or two ("el grupo de diabetes es los martes? a
// que hora", "…sliding scale, what paperwork do i need"), and matched
// alone they find the clinic's own hours or paperwork. Of the 188
// messages of the clinic sets that ask more than one question, these
// let 6 get a second answer, of 23 without them
// (TestAlsoAskedOnClinicSets).
const (
	alsoAt        = 0.90
	alsoAtOneWord = 0.95
)

// asked is one question of a message that asks several, answered alone.
type asked struct {
	entry      *faq.Entry // its best entry when the matcher is confident of it; nil otherwise
	confidence float64
	// alone: the answer may be given on the strength of this question
	// alone (alsoAt).
	alone bool
}

// askedApart matches each question of a message that asks more than
// one; nil for a message that asks one.
func (e *Engine) askedApart(kb *faq.KB, text, lang string) []asked {
	qs := faq.Questions(text)
	if qs == nil {
		return nil
	}
	out := make([]asked, len(qs))
	for i, q := range qs {
		r := kb.Match(q.Text, lang)
		if !r.Confident || r.Advice || len(r.Candidates) == 0 {
			continue
		}
		best := r.Candidates[0]
		out[i] = asked{entry: best.Entry, confidence: best.Confidence,
			alone: !q.Leans && best.Confidence >= alsoAt && (q.Words >= 2 || best.Confidence >= alsoAtOneWord)}
	}
	return out
}

// alsoAsked returns the entries that answer the other questions of a
// message whose answer is answered, in the order asked, and where among
// them answered's question was. answered must answer one of the
// questions: a message whose best entry answers none of its parts is not
// read as parts.
func alsoAsked(qs []asked, answered *faq.Entry) (also []*faq.Entry, at int) {
	at = -1
	for _, q := range qs {
		switch {
		case q.entry == nil:
		case q.entry == answered:
			if at < 0 {
				at = len(also)
			}
		case q.alone && !slices.Contains(also, q.entry) && len(also) < maxAlso:
			also = append(also, q.entry)
		}
	}
	if at < 0 || len(also) == 0 {
		return nil, 0
	}
	return also, at
}

// answersApart answers a message no entry answers as a whole when two
// or more of its questions each have an answer of their own (alone),
// into o; it reports whether they do.
func (e *Engine) answersApart(kb *faq.KB, text, lang string, o *Outcome) bool {
	var entries []*faq.Entry
	conf := 0.0
	for _, q := range e.askedApart(kb, text, lang) {
		if q.alone && !slices.Contains(entries, q.entry) && len(entries) <= maxAlso {
			if entries == nil {
				conf = q.confidence
			}
			entries = append(entries, q.entry)
		}
	}
	if len(entries) < 2 {
		return false
	}
	*o = e.answer(kb, entries[0], lang, 0)
	o.Confidence = conf
	e.answerAlso(kb, o, entries[0], entries[1:], 0, lang)
	return true
}

// answerAlso adds the answers to the other questions of o's message,
// each in its place among them, and heads every answer with the
// question it answers, so the patient can tell which is which.
func (e *Engine) answerAlso(kb *faq.KB, o *Outcome, answered *faq.Entry, also []*faq.Entry, at int, lang string) {
	entries := slices.Insert(slices.Clone(also), at, answered)
	replies := make([]carebot.Reply, 0, len(entries))
	for _, en := range entries {
		r := o.Replies[0]
		if en != answered {
			r = e.answer(kb, en, lang, 0).Replies[0]
			o.Also = append(o.Also, en.ID)
		}
		q, _, _ := e.entryParts(kb, en).localized(lang)
		r.Text = q + "\n" + r.Text
		replies = append(replies, r)
	}
	o.Replies = replies
}
