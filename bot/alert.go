package bot

import (
	"context"

	"github.com/carebot/carebot"
	"github.com/carebot/carebot/faq"
)

// Alerts tells the clinic's moderators of what the safety check finds in
// group chats (reminders.Alerts). The engine calls Alert on the safety
// path, before the reply is returned: it must return at once and never
// wait on a store, or the member's crisis line would wait on it.
type Alerts interface {
	Alert(ctx context.Context, a carebot.Alert)
}

// groupAlert is what the moderators are told of m, a group message that
// got the safety reply for k: where, when, and where the reply went, never
// the words or who. u is the sender's record if read found one; read is
// false when the store could not say, and then the alert does not guess
// that the member has no private chat with the bot.
func (e *Engine) groupAlert(kb *faq.KB, m carebot.Message, k SafetyKind, u carebot.User, read bool) carebot.Alert {
	a := carebot.Alert{
		Kind:      carebot.AlertCrisis,
		Group:     m.From,
		Title:     m.ChatTitle,
		Message:   m.ID,
		At:        m.At,
		Edited:    m.Edited,
		Reply:     carebot.AlertPrivate,
		Crisis:    crisisLine(kb.Clinic),
		Emergency: emergencyNumber(kb.Clinic),
	}
	switch k {
	case SafetyEmergency:
		a.Kind = carebot.AlertEmergency
	case SafetyAbuse:
		a.Kind = carebot.AlertAbuse
	}
	if a.At.IsZero() {
		a.At = e.now()
	}
	switch {
	case m.From.UserID == "": // an anonymous admin: see safety
		a.Reply = carebot.AlertInGroup
	case read && (u.DM.Platform != m.From.Platform || u.DM.ChatID == ""):
		a.Reply = carebot.AlertNoChat
	}
	return a
}
