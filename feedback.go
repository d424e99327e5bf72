package carebot

import "time"

// FeedbackKind says what a Feedback is.
type FeedbackKind string

// The kinds of feedback.
const (
	FeedbackFallback FeedbackKind = "fallback" // no answer was given
	FeedbackSuggest  FeedbackKind = "suggest"  // "did you mean" was offered
	FeedbackPressed  FeedbackKind = "pressed"  // a suggestion or follow-up was pressed
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
}
