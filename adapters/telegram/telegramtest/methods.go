package telegramtest

import (
	"bytes"
	"encoding/json"
	"net/http"
	"net/url"
	"slices"
	"strconv"
	"time"
	"unicode/utf16"

	tgbotapi "github.com/go-telegram-bot-api/telegram-bot-api/v5"
)

// getUpdates confirms every update below offset, then answers with the
// updates from offset on, waiting up to timeout seconds for one to be
// queued if there are none.
func (s *Server) getUpdates(w http.ResponseWriter, r *http.Request) {
	offset, _ := strconv.ParseInt(r.Form.Get("offset"), 10, 64)
	limit, _ := strconv.Atoi(r.Form.Get("limit"))
	if limit <= 0 || limit > 100 {
		limit = 100
	}
	timeout, _ := strconv.Atoi(r.Form.Get("timeout"))
	s.noteAllowed(r.Form)
	deadline := time.NewTimer(time.Duration(max(timeout, 0)) * time.Second)
	defer deadline.Stop()
	for {
		s.mu.Lock()
		if s.webhook.url != "" {
			s.mu.Unlock()
			writeError(w, 409, "Conflict: can't use getUpdates method while webhook is active; use deleteWebhook to delete the webhook first", 0)
			return
		}
		if offset > s.confirmed {
			s.confirmed = offset
			s.queue = slices.DeleteFunc(s.queue, func(q queued) bool { return q.id < offset })
			s.changedLocked()
		}
		var batch []json.RawMessage
		for _, q := range s.queue {
			if len(batch) == limit {
				break
			}
			batch = append(batch, q.raw)
		}
		if len(batch) > 0 {
			s.mu.Unlock()
			writeRaw(w, batch)
			return
		}
		s.waiting++
		s.changedLocked()
		changed := s.changed
		s.mu.Unlock()
		timedOut := false
		select {
		case <-changed:
		case <-deadline.C:
			timedOut = true
		case <-r.Context().Done():
		case <-s.closed:
		}
		s.mu.Lock()
		s.waiting--
		s.mu.Unlock()
		switch {
		case timedOut:
			writeRaw(w, nil)
			return
		case r.Context().Err() != nil:
			return
		}
		select {
		case <-s.closed:
			return
		default:
		}
	}
}

func writeRaw(w http.ResponseWriter, batch []json.RawMessage) {
	var b bytes.Buffer
	b.WriteString(`{"ok":true,"result":[`)
	for i, raw := range batch {
		if i > 0 {
			b.WriteByte(',')
		}
		b.Write(raw)
	}
	b.WriteString("]}")
	w.Header().Set("Content-Type", "application/json")
	w.Write(b.Bytes())
}

func (s *Server) sendMessage(w http.ResponseWriter, form url.Values) {
	c := Call{Method: "sendMessage", Params: form, Text: form.Get("text"), ParseMode: form.Get("parse_mode")}
	c.ChatID, _ = strconv.ParseInt(form.Get("chat_id"), 10, 64)
	c.ReplyTo, _ = strconv.Atoi(form.Get("reply_to_message_id"))
	kb, err := keyboard(form.Get("reply_markup"))
	switch {
	case c.ChatID == 0:
		s.reject(w, c, 400, "Bad Request: chat not found")
		return
	case c.Text == "":
		s.reject(w, c, 400, "Bad Request: message text is empty")
		return
	case len(utf16.Encode([]rune(c.Text))) > 4096:
		s.reject(w, c, 400, "Bad Request: message is too long")
		return
	case err != nil:
		s.reject(w, c, 400, "Bad Request: "+err.Error())
		return
	}
	c.Buttons = kb
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.refuseLocked(w, c) {
		return
	}
	s.nextMsg++
	c.MessageID = s.nextMsg
	if len(kb) > 0 {
		s.keyboards[[2]int64{c.ChatID, int64(c.MessageID)}] = kb
	}
	s.recordLocked(c, false)
	writeResult(w, tgbotapi.Message{
		MessageID: c.MessageID, Date: int(c.At.Unix()), Text: c.Text,
		From: &tgbotapi.User{ID: BotID, IsBot: true, FirstName: "Carebot", UserName: BotUsername},
		Chat: &tgbotapi.Chat{ID: c.ChatID, Type: chatType(c.ChatID)},
	})
}

func (s *Server) editReplyMarkup(w http.ResponseWriter, form url.Values) {
	c := Call{Method: "editMessageReplyMarkup", Params: form}
	c.ChatID, _ = strconv.ParseInt(form.Get("chat_id"), 10, 64)
	c.MessageID, _ = strconv.Atoi(form.Get("message_id"))
	kb, err := keyboard(form.Get("reply_markup"))
	if err != nil {
		s.reject(w, c, 400, "Bad Request: "+err.Error())
		return
	}
	c.Buttons = kb
	s.mu.Lock()
	defer s.mu.Unlock()
	key := [2]int64{c.ChatID, int64(c.MessageID)}
	if c.MessageID <= 0 || c.MessageID > s.nextMsg {
		s.rejectLocked(w, c, 400, "Bad Request: message to edit not found")
		return
	}
	if slices.Equal(s.keyboards[key], kb) {
		s.rejectLocked(w, c, 400, "Bad Request: message is not modified: specified new message content and reply markup are exactly the same as a current content and reply markup of the message")
		return
	}
	if s.refuseLocked(w, c) {
		return
	}
	if len(kb) == 0 {
		delete(s.keyboards, key)
	} else {
		s.keyboards[key] = kb
	}
	s.recordLocked(c, false)
	writeResult(w, tgbotapi.Message{MessageID: c.MessageID, Chat: &tgbotapi.Chat{ID: c.ChatID, Type: chatType(c.ChatID)}})
}

func (s *Server) answerCallback(w http.ResponseWriter, form url.Values) {
	c := Call{Method: "answerCallbackQuery", Params: form, QueryID: form.Get("callback_query_id"), Text: form.Get("text")}
	s.mu.Lock()
	defer s.mu.Unlock()
	if !s.queries[c.QueryID] {
		s.rejectLocked(w, c, 400, "Bad Request: query is too old and response timeout expired or query ID is invalid")
		return
	}
	delete(s.queries, c.QueryID)
	s.recordLocked(c, false)
	writeResult(w, true)
}

func (s *Server) setWebhook(w http.ResponseWriter, form url.Values) {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.webhook = webhook{url: form.Get("url"), secret: form.Get("secret_token"), params: form}
	s.noteAllowedLocked(form)
	s.recordLocked(Call{Method: "setWebhook", Params: form}, false)
	writeResult(w, true)
}

// noteAllowed keeps the allowed_updates of a getUpdates or setWebhook,
// which Telegram remembers until the next call that sets them.
func (s *Server) noteAllowed(form url.Values) {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.noteAllowedLocked(form)
}

func (s *Server) noteAllowedLocked(form url.Values) {
	var kinds []string
	if json.Unmarshal([]byte(form.Get("allowed_updates")), &kinds) == nil {
		s.allowed = kinds
	}
}

// AllowedUpdates returns the update kinds the bot last asked for
// (allowed_updates of getUpdates or setWebhook); nil if it never said. The
// fake delivers every queued update whatever they are, so that a test can
// send what Telegram would not; check this to see what Telegram would.
func (s *Server) AllowedUpdates() []string {
	s.mu.Lock()
	defer s.mu.Unlock()
	return slices.Clone(s.allowed)
}

func (s *Server) deleteWebhook(w http.ResponseWriter, form url.Values) {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.webhook = webhook{}
	if form.Get("drop_pending_updates") == "true" {
		s.queue = nil
	}
	s.recordLocked(Call{Method: "deleteWebhook", Params: form}, false)
	writeResult(w, true)
}

func (s *Server) reject(w http.ResponseWriter, c Call, code int, desc string) {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.rejectLocked(w, c, code, desc)
}

func (s *Server) rejectLocked(w http.ResponseWriter, c Call, code int, desc string) {
	c.Code = code
	s.recordLocked(c, true)
	writeError(w, code, desc, 0)
}

// refuseLocked answers a send to a refused chat, or one over the enforced
// rate limits, and reports whether it did.
func (s *Server) refuseLocked(w http.ResponseWriter, c Call) bool {
	if f, ok := s.refused[c.ChatID]; ok {
		c.Code = f.Code
		s.recordLocked(c, true)
		f.write(w)
		return true
	}
	if retry, over := s.overLimitLocked(c.ChatID); over {
		c.Code = 429
		s.recordLocked(c, true)
		writeError(w, 429, "Too Many Requests: retry after "+strconv.Itoa(retry), retry)
		return true
	}
	return false
}

// keyboard reads an inline keyboard parameter, as Telegram validates it.
func keyboard(param string) ([]Button, error) {
	if param == "" {
		return nil, nil
	}
	var m tgbotapi.InlineKeyboardMarkup
	if err := json.Unmarshal([]byte(param), &m); err != nil {
		return nil, errString("can't parse reply keyboard markup JSON object")
	}
	var out []Button
	for _, row := range m.InlineKeyboard {
		for _, b := range row {
			if b.CallbackData == nil || len(*b.CallbackData) == 0 || len(*b.CallbackData) > 64 {
				return nil, errString("BUTTON_DATA_INVALID")
			}
			out = append(out, Button{Label: b.Text, Data: *b.CallbackData})
		}
	}
	return out, nil
}

type errString string

func (e errString) Error() string { return string(e) }

func chatType(chat int64) string {
	if chat < 0 {
		return "supergroup"
	}
	return "private"
}
