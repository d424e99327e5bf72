package carebot

import (
	"strings"
	"time"
)

// AlertKind is what the safety check found in a group message that
// moderators are alerted to.
type AlertKind string

// The kinds of alert.
const (
	// AlertCrisis: possible suicide or self-harm, or a threat to harm
	// someone; the member got the crisis line.
	AlertCrisis AlertKind = "crisis"
	// AlertEmergency: a possible medical emergency; the member was told to
	// call the emergency number.
	AlertEmergency AlertKind = "emergency"
	// AlertAbuse: someone hurting or threatening the member; they got the
	// emergency number and the abuse hotlines.
	AlertAbuse AlertKind = "abuse"
)

// AlertReply says where the member's full safety reply went.
type AlertReply string

// Where the safety reply went.
const (
	// AlertPrivate: to the member by private message, and a short line
	// with the numbers to the group. If the member's private chat with the
	// bot is closed after all, the adapter posts the full reply under
	// their message in the group instead.
	AlertPrivate AlertReply = "private"
	// AlertNoChat: as AlertPrivate, but the bot has no private chat with
	// the member on record, so a bot that may not write first (Telegram)
	// most likely posted the full reply under their message in the group.
	AlertNoChat AlertReply = "no-chat"
	// AlertInGroup: under the message in the group, as the only reply: it
	// was posted by no one the platform names (a group's anonymous admin),
	// so there was no one to write to privately.
	AlertInGroup AlertReply = "group"
)

// Alert tells the clinic's moderators that a message in a group chat got
// the safety reply. It holds no word of the message and no name: what was
// found, where and when, and where the reply went, so that a moderator can
// open the message and see for themselves.
type Alert struct {
	Kind AlertKind
	// Group is the group chat the message was posted in. Its UserID is
	// the member's (empty for an anonymous admin): personal, it only tells
	// the alerts about one member apart, and is never shown or logged.
	Group Address
	// Title is the group's name as the platform gives it; may be empty.
	Title string
	// Message is the platform's id of the message; may be empty.
	Message string
	// At is when the message was posted, or edited.
	At time.Time
	// Edited is true when the member changed a message they had posted
	// into one that needs the safety reply.
	Edited bool
	Reply  AlertReply
	// Crisis and Emergency are the numbers the reply gave ("988", "911").
	Crisis, Emergency string
}

// MessageLink returns a link that opens message msgID of group chat chatID
// on platform, for a member of that chat, or "" when the platform has none.
// A Telegram supergroup's ids are -100 followed by the chat's own number,
// and its messages open at https://t.me/c/<number>/<msgID>, public or
// private; a basic group (an id without -100) has no message links.
func MessageLink(platform, chatID, msgID string) string {
	if platform != "telegram" || !digits(msgID) {
		return ""
	}
	n, ok := strings.CutPrefix(chatID, "-100")
	if !ok || !digits(n) {
		return ""
	}
	return "https://t.me/c/" + n + "/" + msgID
}

// digits reports a non-empty string of ASCII digits that is not 0.
func digits(s string) bool {
	if s == "" || strings.Trim(s, "0") == "" {
		return false
	}
	for i := 0; i < len(s); i++ {
		if s[i] < '0' || s[i] > '9' {
			return false
		}
	}
	return true
}
