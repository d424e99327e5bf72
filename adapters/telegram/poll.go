package telegram

import (
	"context"
	"encoding/json"
	"fmt"
	"strconv"
	"time"

	tgbotapi "github.com/go-telegram-bot-api/telegram-bot-api/v5"
)

// allowedUpdates are the update kinds the bot asks for; others are skipped
// if they come anyway. An edited message is only checked for safety (see
// carebot.Message.Edited): without it, a message edited into a crisis
// would never be seen.
const allowedUpdates = `["message","edited_message","callback_query"]`

// poll reads updates with getUpdates until ctx ends. It never uses the
// SDK's GetUpdatesChan, which confirms updates to Telegram before they are
// handled (a crash loses them) and cannot be cancelled.
func (b *Bot) poll(ctx context.Context) error {
	wait := backoff{next: time.Second, min: time.Second, max: 30 * time.Second}
	// A webhook left set by an earlier run makes getUpdates fail with 409.
	for {
		// Not a message: no pacing, just a bound on the wait.
		rctx, cancel := context.WithTimeout(ctx, requestTimeout)
		_, err := b.api(rctx).Request(tgbotapi.DeleteWebhookConfig{})
		cancel()
		if err == nil {
			break
		}
		if err := b.retryable(ctx, "deleteWebhook", classify(err), &wait); err != nil {
			return err
		}
	}
	wait.reset()
	b.mu.Lock()
	offset := b.cur.Next
	b.mu.Unlock()
	for {
		raws, err := b.getUpdates(ctx, offset)
		if err != nil {
			if err := b.retryable(ctx, "getUpdates", err, &wait); err != nil {
				return err
			}
			continue
		}
		next, err := b.handleBatch(ctx, raws, offset)
		if err != nil {
			if err := b.retryable(ctx, "handling updates", err, &wait); err != nil {
				return err
			}
		} else if len(raws) > 0 && next == offset {
			// Nothing in the batch moved us on: polling again at once
			// would spin on the same garbage.
			if err := b.retryable(ctx, "getUpdates", fmt.Errorf("%d updates without a usable update_id", len(raws)), &wait); err != nil {
				return err
			}
		} else {
			wait.reset()
		}
		offset = next
	}
}

// handleBatch handles one getUpdates batch in order and returns the offset
// to poll from next. It stops at the first update it could not commit, so
// that update is polled again.
func (b *Bot) handleBatch(ctx context.Context, raws []json.RawMessage, offset int64) (int64, error) {
	for _, raw := range raws {
		in := decodeUpdate(raw, b.me, b.now())
		if err := b.handle(ctx, in, true); err != nil {
			return offset, err
		}
		if in.ID != 0 {
			offset = max(offset, in.ID+1)
		}
	}
	return offset, nil
}

// getUpdates long-polls once. The request carries ctx, so shutdown
// cancels it instead of waiting out the poll.
func (b *Bot) getUpdates(ctx context.Context, offset int64) ([]json.RawMessage, error) {
	secs := int(b.opts.PollTimeout / time.Second)
	ctx, cancel := context.WithTimeout(ctx, b.opts.PollTimeout+15*time.Second)
	defer cancel()
	params := tgbotapi.Params{
		"limit":           "100",
		"timeout":         strconv.Itoa(max(secs, 1)),
		"allowed_updates": allowedUpdates,
	}
	params.AddNonZero64("offset", offset)
	resp, err := b.api(ctx).MakeRequest("getUpdates", params)
	if err != nil {
		return nil, classify(err)
	}
	var raws []json.RawMessage
	if err := json.Unmarshal(resp.Result, &raws); err != nil {
		return nil, fmt.Errorf("getUpdates result: %s", jsonReason(err))
	}
	return raws, nil
}

// retryable logs a failed step and waits before it is tried again. It
// returns an error when the step must not be retried: ctx ended, or
// Telegram rejects the token.
func (b *Bot) retryable(ctx context.Context, step string, err error, wait *backoff) error {
	if ctx.Err() != nil {
		return ctx.Err()
	}
	if fatal(err) {
		return fmt.Errorf("telegram: %s: token rejected: %w", step, err)
	}
	b.log.Warn(step+" failed; retrying", "err", err, "in", wait.next)
	return wait.sleep(ctx, b.opts.Sleep)
}
