package carebot

import (
	"errors"
	"fmt"
	"time"
)

// ErrUnreachable means the platform will never deliver to this address:
// the person blocked the bot, closed their DMs, or the chat is gone. Stop
// retrying and mark the address unreachable.
var ErrUnreachable = errors.New("recipient unreachable")

// ErrNotFound is returned by stores for a key that holds nothing.
var ErrNotFound = errors.New("not found")

// RateLimitError means the platform asked us to slow down: wait RetryAfter
// before the next send to it.
type RateLimitError struct {
	RetryAfter time.Duration
}

func (e *RateLimitError) Error() string {
	return fmt.Sprintf("rate limited: retry after %s", e.RetryAfter)
}
