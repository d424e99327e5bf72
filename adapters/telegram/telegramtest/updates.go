package telegramtest

import (
	"encoding/json"
	"errors"
	"fmt"
	"strconv"
	"strings"
	"unicode/utf16"

	tgbotapi "github.com/go-telegram-bot-api/telegram-bot-api/v5"
)

// Message is an incoming message to queue, as a patient would send it.
type Message struct {
	// Chat is where it is sent: the sender's id for a private chat, or a
	// negative group id.
	Chat int64
	From int64
	Lang string // the sender's language_code
	Text string
	// Mention puts "@<bot username> " before Text, with its mention entity.
	Mention bool
	// ReplyTo is the id of a message of the bot's this one replies to.
	ReplyTo int
	// Title is a group's name; ignored for a private chat.
	Title string
}

// QueueDM queues a private message from user and returns its update id.
func (s *Server) QueueDM(user int64, text string) int64 {
	return s.QueueMessage(Message{Chat: user, From: user, Text: text})
}

// QueueGroup queues a message from user in group chat (a negative id),
// mentioning the bot if mention is set, and returns its update id.
func (s *Server) QueueGroup(chat, user int64, text string, mention bool) int64 {
	return s.QueueMessage(Message{Chat: chat, From: user, Text: text, Mention: mention})
}

// QueueMessage queues m as Telegram would deliver it, with the entities a
// client sets (mention, bot_command), and returns its update id.
func (s *Server) QueueMessage(m Message) int64 {
	text := m.Text
	var entities []tgbotapi.MessageEntity
	if m.Mention {
		at := "@" + BotUsername
		entities = append(entities, tgbotapi.MessageEntity{Type: "mention", Offset: 0, Length: units(at)})
		text = at + " " + text
	}
	body := strings.TrimPrefix(text, "@"+BotUsername+" ")
	if strings.HasPrefix(body, "/") {
		cmd, _, _ := strings.Cut(body, " ")
		entities = append(entities, tgbotapi.MessageEntity{Type: "bot_command", Offset: units(text) - units(body), Length: units(cmd)})
	}
	s.mu.Lock()
	s.nextMsg++
	msg := &tgbotapi.Message{
		MessageID: s.nextMsg,
		From:      &tgbotapi.User{ID: m.From, FirstName: "Patient", LanguageCode: m.Lang},
		Date:      int(s.now().Unix()),
		Chat:      &tgbotapi.Chat{ID: m.Chat, Type: chatType(m.Chat)},
		Text:      text,
		Entities:  entities,
	}
	if m.Chat < 0 {
		msg.Chat.Title = m.Title
	}
	s.mu.Unlock()
	if m.ReplyTo != 0 {
		msg.ReplyToMessage = &tgbotapi.Message{MessageID: m.ReplyTo, From: &tgbotapi.User{ID: BotID, IsBot: true, FirstName: "Carebot", UserName: BotUsername}, Chat: msg.Chat}
	}
	return s.queueUpdate(tgbotapi.Update{Message: msg})
}

// QueuePress queues user pressing the button labelled label under message
// sent (one the bot sent, from Messages) and returns its update id. It
// fails if that message no longer shows such a button (the keyboard was
// cleared).
func (s *Server) QueuePress(user int64, sent Call, label string) (int64, error) {
	s.mu.Lock()
	var data string
	found := false
	for _, b := range s.keyboards[[2]int64{sent.ChatID, int64(sent.MessageID)}] {
		if b.Label == label {
			data, found = b.Data, true
			break
		}
	}
	if !found {
		s.mu.Unlock()
		return 0, fmt.Errorf("message %d in chat %d shows no button %q", sent.MessageID, sent.ChatID, label)
	}
	s.nextQuery++
	id := "q" + strconv.Itoa(s.nextQuery)
	s.queries[id] = true
	s.mu.Unlock()
	return s.queueUpdate(tgbotapi.Update{CallbackQuery: &tgbotapi.CallbackQuery{
		ID:           id,
		From:         &tgbotapi.User{ID: user, FirstName: "Patient"},
		Message:      &tgbotapi.Message{MessageID: sent.MessageID, Chat: &tgbotapi.Chat{ID: sent.ChatID, Type: chatType(sent.ChatID)}, Text: sent.Text},
		ChatInstance: "ci" + strconv.FormatInt(sent.ChatID, 10),
		Data:         data,
	}}), nil
}

// QueueRaw queues an update whose JSON build returns for the id the fake
// assigns it, so a test can send what Telegram never would (wrong types,
// missing fields, unknown kinds). The JSON must be well formed: a
// getUpdates answer must stay parseable (use FailNext with Fault.Body for a
// garbage answer).
func (s *Server) QueueRaw(build func(id int64) string) (int64, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.nextUpdate++
	raw := build(s.nextUpdate)
	if !json.Valid([]byte(raw)) {
		s.nextUpdate--
		return 0, errors.New("QueueRaw: not well-formed JSON")
	}
	s.queue = append(s.queue, queued{s.nextUpdate, json.RawMessage(raw)})
	s.changedLocked()
	return s.nextUpdate, nil
}

// NextUpdateID is the id the next queued update will get.
func (s *Server) NextUpdateID() int64 {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.nextUpdate + 1
}

func (s *Server) queueUpdate(u tgbotapi.Update) int64 {
	id, err := s.QueueRaw(func(id int64) string {
		u.UpdateID = int(id)
		b, err := json.Marshal(u)
		if err != nil {
			panic(err) // the SDK's own types always marshal
		}
		return string(b)
	})
	if err != nil {
		panic(err)
	}
	return id
}

func units(s string) int { return len(utf16.Encode([]rune(s))) }
