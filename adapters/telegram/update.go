package telegram

import (
	"encoding/json"
	"errors"
	"fmt"
	"maps"
	"slices"
	"strconv"
	"time"

	"github.com/carebot/carebot"
)

// The parts of a Bot API update the adapter reads. Decoding into these
// rather than the SDK's full types means a field we never read cannot make
// a patient's message undecodable when the Bot API changes a type.
type rawUpdate struct {
	UpdateID      *int64       `json:"update_id"`
	Message       *rawMessage  `json:"message"`
	EditedMessage *rawMessage  `json:"edited_message"`
	CallbackQuery *rawCallback `json:"callback_query"`
}

type rawMessage struct {
	MessageID       int64       `json:"message_id"`
	From            *rawUser    `json:"from"`
	SenderChat      *rawChat    `json:"sender_chat"`
	Chat            *rawChat    `json:"chat"`
	Date            int64       `json:"date"`
	EditDate        int64       `json:"edit_date"`
	Text            string      `json:"text"`
	Caption         string      `json:"caption"`
	Entities        []rawEntity `json:"entities"`
	CaptionEntities []rawEntity `json:"caption_entities"`
	ReplyTo         *struct {
		From *rawUser `json:"from"`
	} `json:"reply_to_message"`
}

type rawUser struct {
	ID           int64  `json:"id"`
	IsBot        bool   `json:"is_bot"`
	LanguageCode string `json:"language_code"`
}

type rawChat struct {
	ID    int64  `json:"id"`
	Type  string `json:"type"`
	Title string `json:"title"` // a group's name; a private chat has none
}

type rawEntity struct {
	Type   string   `json:"type"`
	Offset int      `json:"offset"`
	Length int      `json:"length"`
	User   *rawUser `json:"user"`
}

type rawCallback struct {
	ID      string      `json:"id"`
	From    *rawUser    `json:"from"`
	Message *rawMessage `json:"message"`
	Data    string      `json:"data"`
}

// maxUpdateID keeps Seq (id<<16) within 63 bits; real ids are far below.
const maxUpdateID = 1 << 47

// incoming is one decoded update: a Message for the Handler, or the reason
// it was skipped. A skipped button press still has its Query, which is
// answered so the patient's spinner stops.
type incoming struct {
	ID    int64 // 0 when the update has no usable update_id
	Msg   carebot.Message
	Skip  string // why the update is not passed on; empty if it is
	Query string // callback query id to answer, for a button press
	// Keyboard is the message whose inline keyboard a press used, to clear.
	Keyboard int
}

// self is what the decoder knows about the bot, to tell when it is
// addressed.
type self struct {
	ID       int64
	Username string
	// readsGroups: privacy mode is off, so Telegram hands the bot every
	// group message (it also does, whatever the mode, in groups where the
	// bot is an admin).
	readsGroups bool
}

// decodeUpdate turns one raw update into an incoming. It never fails: what
// it cannot use it skips, with a reason fit for logs (never any of the
// update's text or ids).
func decodeUpdate(raw []byte, me self, now time.Time) incoming {
	var head struct {
		UpdateID json.RawMessage `json:"update_id"`
	}
	if err := json.Unmarshal(raw, &head); err != nil {
		return incoming{Skip: "not a JSON object: " + jsonReason(err)}
	}
	id, err := strconv.ParseInt(string(head.UpdateID), 10, 64)
	if err != nil || id <= 0 || id >= maxUpdateID {
		return incoming{Skip: "update_id missing or not a positive integer"}
	}
	in := incoming{ID: id}
	var u rawUpdate
	if err := json.Unmarshal(raw, &u); err != nil {
		in.Skip = "malformed update: " + jsonReason(err)
		// A press must still be answered if its id survived.
		var q struct {
			CallbackQuery struct {
				ID string `json:"id"`
			} `json:"callback_query"`
		}
		if json.Unmarshal(raw, &q) == nil {
			in.Query = q.CallbackQuery.ID
		}
		return in
	}
	switch {
	case u.Message != nil:
		in.Msg, in.Skip = decodeMessage(u.Message, me)
	case u.EditedMessage != nil:
		in.Msg, in.Skip = decodeMessage(u.EditedMessage, me)
		in.Msg.Edited = true
	case u.CallbackQuery != nil:
		in.Msg, in.Keyboard, in.Skip = decodePress(u.CallbackQuery, now)
		in.Query = u.CallbackQuery.ID
	default:
		in.Skip = "unsupported update kind " + updateKind(raw)
	}
	return in
}

func decodeMessage(m *rawMessage, me self) (carebot.Message, string) {
	from, skip := address(m.Chat, m.From, m.MessageID, m.SenderChat)
	if skip != "" {
		return carebot.Message{}, skip
	}
	text, entities := m.Text, m.Entities
	if text == "" {
		text, entities = m.Caption, m.CaptionEntities
	}
	if text == "" {
		return carebot.Message{}, "message without text (media or service message)"
	}
	if n := utf16Len(text); n > MaxText {
		return carebot.Message{}, fmt.Sprintf("text is %d UTF-16 units, over Telegram's %d", n, MaxText)
	}
	// In a group the bot is addressed by name (an @mention, a
	// /command@bot) or by a reply to one of its messages. A bare /roll or
	// /stop is left alone there: in a group it may be another bot's.
	a := parseAddressed(text, entities, me)
	if m.ReplyTo != nil && m.ReplyTo.From != nil && m.ReplyTo.From.ID == me.ID {
		a.mentioned = true
	}
	msg := carebot.Message{
		ID:        strconv.FormatInt(m.MessageID, 10),
		From:      from,
		Text:      a.text,
		Lang:      m.From.LanguageCode,
		Mentioned: a.mentioned || !from.Group,
		At:        time.Unix(max(m.Date, m.EditDate), 0).UTC(),
	}
	if from.UserID == "" {
		msg.Lang = "" // the placeholder's, not the admin's
	}
	if from.Group {
		msg.ChatTitle = m.Chat.Title // for a moderator alert to name the group
	}
	return msg, ""
}

func decodePress(q *rawCallback, now time.Time) (carebot.Message, int, string) {
	switch {
	case q.ID == "":
		return carebot.Message{}, 0, "button press without a query id"
	case q.Message == nil:
		return carebot.Message{}, 0, "button press on a message the bot cannot see (inline mode or too old)"
	case q.Data == "":
		return carebot.Message{}, 0, "button press without data"
	case len(q.Data) > MaxPayload:
		return carebot.Message{}, 0, fmt.Sprintf("button data is %d bytes, over Telegram's %d", len(q.Data), MaxPayload)
	}
	from, skip := address(q.Message.Chat, q.From, q.Message.MessageID, nil)
	if skip != "" {
		return carebot.Message{}, 0, "button press: " + skip
	}
	msg := carebot.Message{
		ID:        strconv.FormatInt(q.Message.MessageID, 10),
		From:      from,
		Lang:      q.From.LanguageCode,
		Mentioned: true, // pressing the bot's own button addresses it
		At:        now,
		Payload:   q.Data,
	}
	return msg, int(q.Message.MessageID), ""
}

// address is where a message came from, or why it cannot be answered.
// senderChat is the chat a message was sent on behalf of, if any.
//
// A group's anonymous admin writes as the group itself: Telegram names a
// placeholder bot as the sender and the group as sender_chat. Such a
// message is passed on without a UserID (no one to write to privately, no
// record to keep), so that the engine can still check it for safety.
func address(chat *rawChat, from *rawUser, msgID int64, senderChat *rawChat) (carebot.Address, string) {
	anonymous := false
	switch {
	case chat == nil || chat.ID == 0:
		return carebot.Address{}, "no chat"
	case from == nil || from.ID == 0:
		return carebot.Address{}, "no sender (anonymous admin or channel)"
	case from.IsBot && senderChat != nil && senderChat.ID == chat.ID:
		anonymous = true
	case from.IsBot:
		return carebot.Address{}, "sent by a bot"
	}
	if msgID <= 0 || msgID > 1<<31 {
		return carebot.Address{}, "message_id missing or out of range"
	}
	a := carebot.Address{
		Platform: Platform,
		ChatID:   strconv.FormatInt(chat.ID, 10),
		UserID:   strconv.FormatInt(from.ID, 10),
	}
	switch chat.Type {
	case "private":
	case "group", "supergroup":
		a.Group = true
		a.Thread = strconv.FormatInt(msgID, 10)
	default:
		return carebot.Address{}, fmt.Sprintf("unsupported chat type %.20q", chat.Type)
	}
	if anonymous {
		if !a.Group {
			return carebot.Address{}, "sent by a bot"
		}
		a.UserID = ""
	}
	return a, ""
}

// jsonReason describes a decoding error without quoting the input.
func jsonReason(err error) string {
	var syn *json.SyntaxError
	var typ *json.UnmarshalTypeError
	switch {
	case errors.As(err, &syn):
		return fmt.Sprintf("invalid JSON at byte %d", syn.Offset)
	case errors.As(err, &typ):
		return fmt.Sprintf("field %s is a JSON %s, want %s", typ.Field, typ.Value, typ.Type)
	default:
		return "undecodable JSON"
	}
}

// updateKind names the kinds of content an update holds (its keys other
// than update_id), for the log of an update the adapter does not handle.
func updateKind(raw []byte) string {
	var fields map[string]json.RawMessage
	if json.Unmarshal(raw, &fields) != nil {
		return "(unreadable)"
	}
	delete(fields, "update_id")
	keys := slices.Sorted(maps.Keys(fields))
	if len(keys) == 0 {
		return "(empty)"
	}
	if len(keys) > 3 {
		keys = keys[:3]
	}
	kind := ""
	for i, k := range keys {
		if i > 0 {
			kind += ","
		}
		kind += fmt.Sprintf("%.32q", k)
	}
	return kind
}
