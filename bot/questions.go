package bot

import (
	"context"
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
	// missed: no entry answers it, though it names a topic of its own
	// (two words or more, leaning on nothing said before it); near is the
	// matcher's best guess for it, if any. text is the question.
	missed bool
	near   *faq.Entry
	text   string
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
			out[i] = asked{missed: missedAlone(q, r), text: q.Text}
			if len(r.Candidates) > 0 {
				out[i].near = r.Candidates[0].Entry
			}
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
//
// One question answered alone is enough when another names a topic no
// entry answers ("where do i park? and do you sell crutches?"): the
// patient gets the answer they can, and is told the other has none.
func (e *Engine) answersApart(ctx context.Context, kb *faq.KB, text, lang string, o *Outcome) bool {
	var entries []*faq.Entry
	conf := 0.0
	qs := e.askedApart(kb, text, lang)
	for _, q := range qs {
		if q.alone && !slices.Contains(entries, q.entry) && len(entries) <= maxAlso {
			if entries == nil {
				conf = q.confidence
			}
			entries = append(entries, q.entry)
		}
	}
	missed := unanswered(qs, entries)
	if len(entries) == 0 || len(entries) == 1 && len(missed) == 0 {
		return false
	}
	*o = e.answer(kb, entries[0], lang, 0)
	o.Confidence = conf
	e.answerAlso(kb, o, entries[0], entries[1:], 0, lang)
	e.noAnswerTo(ctx, kb, o, missed, lang)
	return true
}

// missedAlone reports whether q, matched alone as r, asks what no entry
// answers, so that the patient can be told: it names a topic of its own
// (two words or more, leaning on nothing before it), ends as a question
// may (not with "." or ",": "…my mother, who has trouble walking." is a
// statement), and alone it finds nothing, not even a "did you mean".
// Most questions asked beside another are about the other's topic ("can
// i bring my 3 month old", "necesito cita o puedo llegar?"), and alone
// they come near some entry; of the 188 messages of the clinic sets that
// ask more than one question, none is told another has no answer
// (TestAlsoAskedOnClinicSets).
func missedAlone(q faq.Question, r faq.Result) bool {
	end := q.Text[len(q.Text)-1]
	return !q.Leans && q.Words >= 2 && end != '.' && end != ',' && !r.Advice && len(r.Suggestions) == 0
}

// unanswered are the questions of qs no entry answers and none of
// answered comes near: a question the message's answer may well cover
// ("do you take aetna? and blue cross?") is not said to have none.
func unanswered(qs []asked, answered []*faq.Entry) []asked {
	var out []asked
	for _, q := range qs {
		if q.missed && (q.near == nil || !slices.Contains(answered, q.near)) {
			out = append(out, q)
		}
	}
	return out
}

// noAnswerTo adds to o, after its answers, that the message's other
// questions (missed) have none here, and how to reach a person; each is
// recorded as a fallback, for staff to see in the misses. The patient's
// own words are not said back: in a group they would be repeated to all.
func (e *Engine) noAnswerTo(ctx context.Context, kb *faq.KB, o *Outcome, missed []asked, lang string) {
	if len(missed) == 0 {
		return
	}
	t := textsFor(lang)
	head := t.otherQuestion
	if len(missed) > 1 {
		head = t.otherQuestions
	}
	o.Replies = append(o.Replies, carebot.Reply{Text: head + "\n" + e.says(kb, t).fallback})
	o.Missed = len(missed)
	if e.Feedback == nil {
		return
	}
	for _, q := range missed {
		e.feedback(ctx, carebot.Feedback{Kind: carebot.FeedbackFallback, At: e.now(), Lang: lang, Text: q.text})
	}
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
