package carebot

import "time"

// FeedbackKind says what a Feedback is.
type FeedbackKind string

// The kinds of feedback.
const (
	FeedbackFallback FeedbackKind = "fallback" // no answer was given
	FeedbackSuggest  FeedbackKind = "suggest"  // "did you mean" was offered
	FeedbackPressed  FeedbackKind = "pressed"  // a suggestion or follow-up was pressed
	FeedbackNone     FeedbackKind = "none"     // "none of these" was pressed after a "did you mean"
	FeedbackUp       FeedbackKind = "up"       // 👍 on an answer
	FeedbackDown     FeedbackKind = "down"     // 👎 on an answer
)

// Feedback is one thing staff may learn from to improve the knowledge
// base. It says nothing about who it came from.
type Feedback struct {
	Kind FeedbackKind
	At   time.Time
	Lang string
	// Text is the patient's question, for fallbacks and suggestions only.
	// It is personal: stores encrypt it and delete it after a retention
	// period.
	Text string
	// Entries are the entry ids involved: the suggestions offered, the
	// one pressed, or the one rated.
	Entries []string
	// Asked, on a press of a "did you mean" button (a suggestion or "none
	// of these"), is the At of the suggestion it answers, so that staff
	// see which entry the patients who asked a question meant. Zero
	// otherwise.
	Asked time.Time
	// Instead, on a press of an alternative offered beside an answer, is
	// the id of the entry answered: the answer the patient passed over
	// for the one pressed. Empty otherwise.
	Instead string
}
