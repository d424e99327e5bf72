package telegram

import (
	"context"
	"fmt"
	"runtime/debug"
	"slices"
	"strconv"
	"strings"

	"github.com/carebot/carebot"
)

// handle takes one decoded update through the exactly-once path: skip it
// if the cursor says it was handled; run the Handler; commit the new cursor
// and the deliveries in one write; then queue the deliveries. polled says
// the update came from getUpdates (in order) rather than a webhook.
//
// It returns an error only when the update must be seen again: ctx ended
// before it was committed, or the commit failed. Nothing was sent then.
func (b *Bot) handle(ctx context.Context, in incoming, polled bool) error {
	if in.ID == 0 {
		b.log.Warn("skipped update", "reason", in.Skip)
		return nil // no id: it cannot be recorded, and Telegram never sends one
	}
	b.mu.Lock()
	defer b.mu.Unlock()
	if b.cur.Handled(in.ID) {
		b.log.Debug("duplicate update ignored", "update", in.ID)
		return nil
	}
	var replies []carebot.Reply
	if in.Skip != "" {
		b.log.Warn("skipped update", "update", in.ID, "reason", in.Skip)
	} else {
		replies = b.callHandler(ctx, in)
		if err := ctx.Err(); err != nil {
			// The Handler may have been cut short; its replies may say
			// so. Leave the update to the next run.
			return err
		}
	}
	jobs := b.plan(in, replies)
	out := make([]Outgoing, 0, len(jobs))
	ds := make([]delivery, 0, len(jobs))
	for i, j := range jobs {
		data, err := j.encode()
		if err != nil {
			return fmt.Errorf("telegram: update %d: %w", in.ID, err)
		}
		seq := seqOf(in.ID, i)
		out = append(out, Outgoing{Seq: seq, Data: data})
		ds = append(ds, delivery{seq, j})
	}
	next := b.cur.pushed(in.ID)
	if polled {
		next = b.cur.polled(in.ID)
	}
	if err := b.st.Commit(ctx, next, out); err != nil {
		return fmt.Errorf("telegram: commit update %d: %w", in.ID, err)
	}
	b.cur = next
	if d := b.out.Load(); d != nil {
		d.add(ds)
	}
	return nil
}

// callHandler runs the Handler on one message. A panic in it is logged and
// the message gets no reply: recovering keeps one bad message from
// crashing the bot again on every restart, and with it everyone's replies.
func (b *Bot) callHandler(ctx context.Context, in incoming) (replies []carebot.Reply) {
	defer func() {
		if p := recover(); p != nil {
			b.log.Error("handler panicked; the update gets no reply", "update", in.ID,
				"user", b.userLog(in.Msg.From.UserID), "panic_type", fmt.Sprintf("%T", p), "stack", string(debug.Stack()))
			replies = nil
		}
	}()
	return b.h.Handle(ctx, in.Msg)
}

// plan turns the Handler's replies to one update into deliveries, in the
// order they go out: the answer to a button press (so the spinner stops),
// the replies, each split into parts, then clearing the keyboard that was
// pressed.
func (b *Bot) plan(in incoming, replies []carebot.Reply) []job {
	var jobs []job
	if in.Query != "" {
		jobs = append(jobs, job{Kind: jobAnswer, Query: in.Query, At: b.now()})
	}
	if in.Skip != "" {
		return jobs
	}
	from := in.Msg.From
	user := b.userLog(from.UserID)
	chat, _ := strconv.ParseInt(from.ChatID, 10, 64) // the decoder made these
	thread, _ := strconv.Atoi(from.Thread)
	// noted is the group texts already planned for a member who cannot be
	// reached: two private replies to one message (a reminder set and a
	// question answered) would otherwise ask the group twice to open a chat.
	var noted []string
	note1 := func(text string) bool {
		if slices.Contains(noted, text) {
			return false
		}
		noted = append(noted, text)
		return true
	}
	for _, r := range replies {
		parts := split(r.Text, MaxText)
		if len(parts) == 0 {
			b.log.Error("handler returned a reply without text; not sent", "update", in.ID, "user", user)
			continue
		}
		base := job{Kind: jobSend, Chat: chat, Group: from.Group, ReplyTo: thread, At: b.now(), User: user, Safety: r.Safety}
		if r.Private && from.Group && from.UserID == "" {
			// No one to write to privately (an anonymous admin): the group
			// gets what it would if the member could not be reached.
			base.Text = b.unreachableText(r, in.Msg.Lang)
			if note1(base.Text) {
				jobs = append(jobs, base)
			}
			continue
		}
		if r.Private && from.Group {
			dm, _ := strconv.ParseInt(from.UserID, 10, 64)
			base = job{Kind: jobSend, Chat: dm, At: b.now(), User: user, Safety: r.Safety}
			if text := b.unreachableText(r, in.Msg.Lang); note1(text) {
				base.Note = &note{Chat: chat, ReplyTo: thread, Text: text}
			}
		}
		buttons := b.keyboard(r.Buttons)
		for k, p := range parts {
			j := base
			j.Text = p
			if k > 0 {
				j.Note = nil // one note per reply is enough
			}
			if k == len(parts)-1 {
				j.Buttons = buttons
			}
			jobs = append(jobs, j)
		}
	}
	if in.Keyboard != 0 {
		jobs = append(jobs, job{Kind: jobClear, Chat: chat, Group: from.Group, MsgID: in.Keyboard, At: b.now(), User: user})
	}
	if len(jobs) > maxJobsPerUpdate {
		b.log.Error("too many deliveries for one update; the rest are not sent", "update", in.ID, "count", len(jobs))
		jobs = jobs[:maxJobsPerUpdate]
	}
	return jobs
}

// unreachableText is what goes to the group instead of r, a private reply,
// when the member cannot be reached privately: r.IfUnreachable, else the
// note of Options.PrivateNote. It is one message: what is longer is cut
// at the end of its first part.
func (b *Bot) unreachableText(r carebot.Reply, lang string) string {
	text := r.IfUnreachable
	if strings.TrimSpace(text) == "" {
		text = b.opts.PrivateNote(lang)
	}
	if parts := split(text, MaxText); len(parts) > 1 {
		b.log.Error("the group's text for an unreachable member is longer than one message; only its first part is sent", "parts", len(parts))
		text = parts[0]
	}
	return text
}
