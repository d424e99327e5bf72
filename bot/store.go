package bot

import (
	"context"

	"github.com/carebot/carebot"
)

// Users is where the engine keeps who it has talked to. Nil means the
// engine keeps nothing: every message is answered as from a stranger and
// nobody gets a welcome (carebot ask, carebot eval).
type Users interface {
	// User returns the user with key, or an error wrapping
	// carebot.ErrNotFound if there is none.
	User(ctx context.Context, key string) (carebot.User, error)
	PutUser(ctx context.Context, u carebot.User) error
}

// Consents records consent changes. RecordConsent must not return before
// the events are durable: the engine confirms an opt-out only after it.
// Nil means consent cannot be recorded, and the engine says so to the
// patient instead of confirming.
type Consents interface {
	RecordConsent(ctx context.Context, events ...carebot.ConsentEvent) error
}

// Feedback keeps what staff need to improve the knowledge base: questions
// the bot could not answer, suggestions patients pressed, and ratings.
// Nil means none of it is kept.
type Feedback interface {
	RecordFeedback(ctx context.Context, f carebot.Feedback) error
}

// Command handles the messages of one feature the engine does not know
// itself (reminders self-service, staff commands), tried in order after
// safety and consent and before the FAQ. reminders.Patients is one.
type Command interface {
	// Handle returns the replies to m from u, and handled false if m is
	// not for it. An error means it was for it but a store failed; the
	// engine tells the patient in its own words.
	Handle(ctx context.Context, m carebot.Message, u carebot.User) (replies []carebot.Reply, handled bool, err error)
}

// Requester is a Command that can tell, without acting on it, that one
// piece of a message is a whole request of its own: "remind me to take my
// pill at 8pm" in "remind me to take my pill at 8pm. what are your
// hours?". The engine then runs the command on that piece and answers the
// rest as a question. reminders.Patients is one.
type Requester interface {
	Requests(text string) bool
}

// AnswerAwaiter is a Command that may be waiting for u's answer to an
// appointment reminder, whose buttons say Cancel: a bare CANCEL (or
// CANCELAR) from u then cancels the appointment, as the button would,
// rather than opting out of every message. reminders.Patients is one.
type AnswerAwaiter interface {
	AwaitsAnswer(ctx context.Context, u carebot.User) (bool, error)
}
