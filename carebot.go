// Package carebot holds the vocabulary every part of carebot shares: where a
// message comes from and goes to, what a patient sent, what the bot answers,
// consent, and the send errors callers branch on.
//
// It imports the standard library only. The engine (bot), the reminders,
// the store (bolt) and every chat adapter speak these types to each other, so
// no core package ever needs to know a chat SDK or the database.
package carebot

import (
	"context"
	"strings"
	"time"
)

// Address says where a message came from or where one goes.
type Address struct {
	// Platform names the chat service: "console", "telegram", "slack" or "discord".
	Platform string
	// ChatID is the conversation on that platform: a DM or a group channel.
	ChatID string
	// UserID is the person. It is empty for a send to a whole channel, and
	// for a message from no one the platform names (a group's anonymous
	// admin), which the engine only checks for safety.
	UserID string
	// Group is true when ChatID is a channel with many members. Nothing
	// personal is ever sent to an Address with Group set.
	Group bool
	// Thread is the platform's thread or message to answer under, if any
	// (a Slack thread ts, a Telegram message id to reply to).
	Thread string
}

// UserKey is the identity of the person behind a, stable across their chats
// on one platform: "telegram:12345". It is personal data: never log it, use
// LogID.
func (a Address) UserKey() string { return UserKey(a.Platform, a.UserID) }

// GroupChatID reports whether chatID, on platform, can only name a chat of
// many members, by the shape each platform gives its ids: a Telegram group,
// supergroup or channel has a negative id (a person's chat, their own
// positive id), and a Slack channel starts with C or G (a DM with D).
// Discord's ids do not tell, nor do the console's.
func GroupChatID(platform, chatID string) bool {
	switch platform {
	case "telegram":
		return strings.HasPrefix(chatID, "-")
	case "slack":
		return strings.HasPrefix(chatID, "C") || strings.HasPrefix(chatID, "G")
	}
	return false
}

// UserKey joins a platform and a platform user id into a user key.
func UserKey(platform, userID string) string { return platform + ":" + userID }

// Message is one thing a person sent: typed text, or a button they pressed.
type Message struct {
	// ID is the platform's id of the message, for threading; may be empty.
	ID   string
	From Address
	Text string
	// Lang is the platform's hint of the sender's language ("es", "en-US");
	// may be empty. The engine prefers what the text itself shows.
	Lang string
	// Mentioned is true in a group when the bot was mentioned, replied to,
	// or given a command. In a group the bot speaks only then.
	Mentioned bool
	At        time.Time
	// Payload is the payload of the Button pressed; empty for typed text.
	Payload string
	// Edited is true when the person changed a message they had sent
	// before (and that was answered then). The engine only checks it for
	// safety: answering it again would answer twice, and a consent word
	// in it would be recorded twice.
	Edited bool
	// ChatTitle is a group chat's name, where the platform gives one,
	// for a moderator alert to say which group; empty in a DM.
	ChatTitle string
}

// Reply is one message the bot sends back.
type Reply struct {
	Text    string
	Buttons []Button
	// Private asks the adapter to send this to the person by DM even when
	// the message came from a group (consent, reminders, a crisis reply).
	Private bool
	// IfUnreachable is posted in the group instead, as a reply to the
	// member's message, when a Private reply to a group message cannot
	// reach the member (they never opened a chat with the bot). It must
	// say nothing personal the member did not post there themselves.
	// Empty: the adapter's own note asking them to open a chat.
	IfUnreachable string
	// Safety marks the reply to a crisis, emergency or abuse. Adapters
	// send it ahead of the replies already waiting for the same chat,
	// still within the platform's rate limits.
	Safety bool
}

// Button is a choice offered under a reply. Adapters render it natively
// (inline keyboard, Block Kit button, Discord component) and send its
// Payload back in Message.Payload when pressed.
type Button struct {
	Label   string
	Payload string
}

// Handler turns one incoming message into the replies to send. The engine
// (bot.Engine) is the Handler every adapter calls.
type Handler interface {
	Handle(ctx context.Context, m Message) []Reply
}

// Sender delivers one reply to an address on one platform. It returns
// ErrUnreachable (wrapped) when the platform says the person can never be
// reached this way, and a *RateLimitError when the platform asks us to slow
// down; any other error is treated as transient.
type Sender interface {
	Send(ctx context.Context, to Address, r Reply) error
}
