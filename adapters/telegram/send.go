package telegram

import (
	"context"
	"errors"
	"fmt"
	"strconv"
	"strings"
	"time"

	tgbotapi "github.com/go-telegram-bot-api/telegram-bot-api/v5"

	"github.com/carebot/carebot"
	"github.com/carebot/carebot/pace"
)

// MaxPayload is the most bytes a button's Payload may have: Telegram's
// limit for callback_data. A longer (or empty) payload is not sent: its
// button is left out of the keyboard and the omission is logged as an
// error. The engine must keep payloads short (an id, not a sentence);
// mapping long ones to tokens would need durable storage for a button that
// may be pressed days later, for no gain.
const MaxPayload = 64

// sendAttempts is how many times Send tries a message Telegram answered
// with 429 before it gives the caller the *carebot.RateLimitError.
const sendAttempts = 3

// requestTimeout bounds one Bot API call other than the long poll, so one
// hung connection cannot stall a chat's deliveries.
const requestTimeout = 30 * time.Second

// Send delivers r to an address, as carebot.Sender. The text is sent as
// plain text (no parse mode: a clinic's wording is never misread as markup
// and never rejected for it), split into parts of at most MaxText UTF-16
// units at paragraph, sentence or word boundaries, with the buttons under
// the last part. A Private reply to a group address goes to to.UserID by
// DM; a group reply answers under to.Thread.
//
// Every send is paced (30/s overall, 1/s per chat, 20/min per group). A
// 429 pauses sends to that chat (or all sends, see throttled) for its
// retry_after and Send tries again, up to 3 times; after that it returns
// the *carebot.RateLimitError and the caller should retry later. A recipient who blocked the bot, never started it,
// deleted their account, or a chat that is gone gives an error wrapping
// carebot.ErrUnreachable. A part already sent is not taken back when a
// later one fails, so a retried multi-part reply may repeat its first
// parts.
func (b *Bot) Send(ctx context.Context, to carebot.Address, r carebot.Reply) error {
	if to.Platform != "" && to.Platform != Platform {
		return fmt.Errorf("telegram: cannot send to a %q address", to.Platform)
	}
	t, err := target(to, r.Private)
	if err != nil {
		return err
	}
	parts := split(r.Text, MaxText)
	if len(parts) == 0 {
		return errors.New("telegram: send: reply has no text")
	}
	buttons := b.keyboard(r.Buttons)
	for i, p := range parts {
		var kb []carebot.Button
		if i == len(parts)-1 {
			kb = buttons
		}
		for attempt := 1; ; attempt++ {
			_, err = b.sendText(ctx, t, p, kb)
			var rl *carebot.RateLimitError
			if errors.As(err, &rl) && attempt < sendAttempts {
				continue // the pacer waits out the pause
			}
			break
		}
		if err != nil {
			return fmt.Errorf("telegram: send part %d of %d: %w", i+1, len(parts), err)
		}
	}
	return nil
}

// dest is a chat to send to.
type dest struct {
	chat    int64
	group   bool
	replyTo int
}

// target resolves where a reply to address a goes.
func target(a carebot.Address, private bool) (dest, error) {
	if private && a.Group {
		user, err := strconv.ParseInt(a.UserID, 10, 64)
		if err != nil || user <= 0 {
			return dest{}, errors.New("telegram: private reply to a group address without a user id")
		}
		return dest{chat: user}, nil // a user's DM chat has the user's id
	}
	chat, err := strconv.ParseInt(a.ChatID, 10, 64)
	if err != nil || chat == 0 {
		return dest{}, errors.New("telegram: chat id is not a number")
	}
	if private && chat < 0 {
		// A group's id: whatever the address says, a private message
		// (a reminder, an answer about the patient) is never posted there.
		return dest{}, errors.New("telegram: a private message to a group chat")
	}
	d := dest{chat: chat, group: a.Group}
	if a.Group && a.Thread != "" {
		if id, err := strconv.Atoi(a.Thread); err == nil && id > 0 {
			d.replyTo = id
		}
	}
	return d, nil
}

// sendText sends one message part, paced, following a group's migration
// to a supergroup once. It returns the chat it finally went to.
func (b *Bot) sendText(ctx context.Context, d dest, text string, buttons []carebot.Button) (int64, error) {
	msg := tgbotapi.NewMessage(d.chat, text)
	msg.ReplyToMessageID = d.replyTo
	msg.AllowSendingWithoutReply = true // the question may have been deleted
	if len(buttons) > 0 {
		rows := make([][]tgbotapi.InlineKeyboardButton, len(buttons))
		for i, bt := range buttons {
			rows[i] = tgbotapi.NewInlineKeyboardRow(tgbotapi.NewInlineKeyboardButtonData(bt.Label, bt.Payload))
		}
		kb := tgbotapi.NewInlineKeyboardMarkup(rows...)
		msg.ReplyMarkup = kb
	}
	_, err := b.call(ctx, d.chat, d.group, msg)
	var mig migrated
	if errors.As(err, &mig) {
		b.log.Info("group became a supergroup; sending there", "chat", b.chatLog(d.chat), "to", b.chatLog(int64(mig)))
		msg.ChatID = int64(mig)
		_, err = b.call(ctx, int64(mig), true, msg)
		return int64(mig), err
	}
	return d.chat, err
}

// keyboard keeps the buttons Telegram can carry (see MaxPayload).
func (b *Bot) keyboard(buttons []carebot.Button) []carebot.Button {
	var ok []carebot.Button
	for i, bt := range buttons {
		if bt.Payload == "" || len(bt.Payload) > MaxPayload || strings.TrimSpace(bt.Label) == "" {
			b.log.Error("button left out: Telegram needs a label and a payload of 1 to 64 bytes",
				"button", i, "payload_bytes", len(bt.Payload), "label_bytes", len(bt.Label))
			continue
		}
		ok = append(ok, bt)
	}
	return ok
}

// call makes one paced Bot API request to chat (0: not to a chat, paced
// only globally) and returns its error classified. A 429 pauses the chat,
// or everyone (see throttled), before it is returned.
func (b *Bot) call(ctx context.Context, chat int64, group bool, c tgbotapi.Chattable) (*tgbotapi.APIResponse, error) {
	key, per := "", pace.Rate{}
	if chat != 0 {
		key, per = strconv.FormatInt(chat, 10), rateFor(group)
	}
	if err := b.pacer.Wait(ctx, key, per); err != nil {
		return nil, err
	}
	rctx, cancel := onTheWire(ctx)
	defer cancel()
	resp, err := b.api(rctx).Request(c)
	if err == nil {
		return resp, nil
	}
	err = classify(err)
	var rl *carebot.RateLimitError
	if errors.As(err, &rl) {
		if b.throttled(key, per, rl.RetryAfter) {
			b.log.Warn("Telegram asked us to slow down; pausing every send", "retry_after", rl.RetryAfter)
		} else {
			b.log.Warn("Telegram asked us to slow down in one chat; pausing it", "chat", b.chatLog(chat), "retry_after", rl.RetryAfter)
		}
	}
	return nil, err
}

// floodWindow is how close together 429s for two different chats must be
// to mean that the bot as a whole, not each chat, is over its limit.
const floodWindow = time.Second

// throttled applies a 429's retry-after and reports whether it paused
// every send. Telegram's flood control counts per chat (about 1 message a
// second, 20 a minute in a group) and per bot (about 30 a second), and a
// 429 does not say which it was. The pacer keeps us under the bot's limit,
// so a 429 for a send to a chat is taken as that chat's flood control and
// pauses that chat only: a busy group's 40 s does not hold up a crisis
// reply to anyone else. A 429 for a request to no chat, or 429s for two
// different chats within floodWindow (what a bot over its own limit sees,
// sending to many chats), pause everything, as the platform means then.
func (b *Bot) throttled(key string, per pace.Rate, d time.Duration) (all bool) {
	b.flood.mu.Lock()
	now := b.now()
	all = key == "" || b.flood.key != "" && b.flood.key != key && now.Sub(b.flood.at) < floodWindow
	b.flood.key, b.flood.at = key, now
	b.flood.mu.Unlock()
	if all {
		b.pacer.Pause(d)
	} else {
		b.pacer.PauseKey(key, per, d)
	}
	return all
}

// rateFor is the pace of one chat: a group's, or any other chat's.
func rateFor(group bool) pace.Rate {
	if group {
		return groupRate
	}
	return chatRate
}

// shutdownGrace is how long a request already on the wire may finish
// after its context ends.
const shutdownGrace = 500 * time.Millisecond

// onTheWire returns the context for one request: it ends requestTimeout
// after the start, or shutdownGrace after ctx ends. Cutting a send off the
// instant shutdown begins would leave it sent but not marked done, and the
// patient would get it again after the restart.
func onTheWire(ctx context.Context) (context.Context, context.CancelFunc) {
	rctx, cancel := context.WithTimeout(context.WithoutCancel(ctx), requestTimeout)
	stop := context.AfterFunc(ctx, func() {
		t := time.NewTimer(shutdownGrace)
		defer t.Stop()
		select {
		case <-t.C:
			cancel()
		case <-rctx.Done():
		}
	})
	return rctx, func() {
		stop()
		cancel()
	}
}

// migrated is the supergroup a group became; Telegram answers a send to
// the old group id with it.
type migrated int64

func (m migrated) Error() string { return "group migrated to a supergroup" }

// permanent is an answer that will not change if the request is repeated
// (a malformed request, a message that no longer exists).
type permanent struct {
	code int
	desc string
}

func (p permanent) Error() string { return fmt.Sprintf("%d %s", p.code, p.desc) }

// classify turns an SDK error into one callers branch on: a
// *carebot.RateLimitError, an error wrapping carebot.ErrUnreachable,
// migrated, permanent, or (anything else: network, 5xx, garbage) a
// transient error to retry.
func classify(err error) error {
	var te *tgbotapi.Error
	if !errors.As(err, &te) {
		return err
	}
	desc := strings.ToLower(te.Message)
	switch {
	case te.Code == 429 || te.RetryAfter > 0:
		return &carebot.RateLimitError{RetryAfter: time.Duration(max(1, te.RetryAfter)) * time.Second}
	case te.MigrateToChatID != 0:
		return migrated(te.MigrateToChatID)
	case te.Code == 403, te.Code == 400 && unreachable(desc):
		return fmt.Errorf("%d %s: %w", te.Code, te.Message, carebot.ErrUnreachable)
	case te.Code >= 500 || te.Code == 0:
		return fmt.Errorf("bot API error %d %s", te.Code, te.Message)
	default:
		return permanent{te.Code, te.Message}
	}
}

// unreachable reports whether a 400's description says the recipient can
// never be reached this way.
func unreachable(desc string) bool {
	for _, s := range []string{"chat not found", "user not found", "peer_id_invalid", "user is deactivated",
		"bot was blocked", "bot can't initiate", "not enough rights to send", "have no rights to send",
		"bot was kicked", "chat_write_forbidden"} {
		if strings.Contains(desc, s) {
			return true
		}
	}
	return false
}

// fatal reports whether err means the token itself is rejected, so no
// request will ever succeed.
func fatal(err error) bool {
	var p permanent
	return errors.As(err, &p) && (p.code == 401 || p.code == 404)
}
