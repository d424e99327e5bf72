package telegramtest

import (
	"bytes"
	"context"
	"fmt"
	"io"
	"net/http"
	"net/url"
	"slices"
)

// Calls returns every call the fake accepted other than getMe and
// getUpdates, in order.
func (s *Server) Calls() []Call {
	s.mu.Lock()
	defer s.mu.Unlock()
	return slices.Clone(s.calls)
}

// Messages returns the messages the bot sent (accepted sendMessage
// calls), in order.
func (s *Server) Messages() []Call {
	return filter(s.Calls(), "sendMessage")
}

// Rejected returns the calls the fake refused (faults, refused chats, rate
// limits, invalid requests), in order.
func (s *Server) Rejected() []Call {
	s.mu.Lock()
	defer s.mu.Unlock()
	return slices.Clone(s.rejected)
}

// Throttled counts the 429s the fake answered, deliberate ones included.
func (s *Server) Throttled() int {
	n := 0
	for _, c := range s.Rejected() {
		if c.Code == 429 {
			n++
		}
	}
	return n
}

// Confirmed is the highest offset the bot has polled with: Telegram
// considers every update below it handled and never sends it again.
func (s *Server) Confirmed() int64 {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.confirmed
}

// Polling counts the getUpdates calls blocked waiting for an update: a bot
// with nothing left to do sits in one.
func (s *Server) Polling() int {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.waiting
}

// Pending counts the queued updates not yet confirmed.
func (s *Server) Pending() int {
	s.mu.Lock()
	defer s.mu.Unlock()
	return len(s.queue)
}

// Snapshot is the fake's state as Wait's condition sees it.
type Snapshot struct {
	Calls     []Call // accepted calls, as Calls returns them
	Rejected  []Call // refused calls, as Rejected returns them
	Confirmed int64  // as Confirmed
	Polling   int    // as Polling
	Pending   int    // as Pending
}

// Wait blocks until done reports true or ctx ends. done is called with
// the fake locked, at once and whenever its state changes; it must not
// call the Server's methods.
func (s *Server) Wait(ctx context.Context, done func(Snapshot) bool) error {
	for {
		s.mu.Lock()
		ok := done(Snapshot{Calls: s.calls, Rejected: s.rejected, Confirmed: s.confirmed, Polling: s.waiting, Pending: len(s.queue)})
		changed := s.changed
		s.mu.Unlock()
		if ok {
			return nil
		}
		select {
		case <-changed:
		case <-ctx.Done():
			return fmt.Errorf("telegramtest: waiting: %w", ctx.Err())
		}
	}
}

// WaitMessages waits until the bot has sent at least n messages and
// returns them all.
func (s *Server) WaitMessages(ctx context.Context, n int) ([]Call, error) {
	err := s.Wait(ctx, func(st Snapshot) bool { return len(filter(st.Calls, "sendMessage")) >= n })
	return s.Messages(), err
}

// WaitConfirmed waits until the bot has confirmed update id (polled past
// it).
func (s *Server) WaitConfirmed(ctx context.Context, id int64) error {
	return s.Wait(ctx, func(st Snapshot) bool { return st.Confirmed > id })
}

// Webhook returns the webhook the bot set (empty url if none) and the
// parameters it was set with.
func (s *Server) Webhook() (string, url.Values) {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.webhook.url, s.webhook.params
}

// DeliverWebhook posts the queued updates, oldest first, to the webhook
// the bot set, with its secret token, as Telegram does. An update is
// removed once answered 2xx; on any other answer DeliverWebhook stops and
// returns an error, leaving it queued (Telegram retries it later). It
// returns how many it delivered.
func (s *Server) DeliverWebhook(ctx context.Context, client *http.Client) (int, error) {
	n := 0
	for {
		s.mu.Lock()
		wh := s.webhook
		if len(s.queue) == 0 || wh.url == "" {
			s.mu.Unlock()
			if wh.url == "" {
				return n, fmt.Errorf("telegramtest: no webhook set")
			}
			return n, nil
		}
		next := s.queue[0]
		s.mu.Unlock()
		req, err := http.NewRequestWithContext(ctx, http.MethodPost, wh.url, bytes.NewReader(next.raw))
		if err != nil {
			return n, err
		}
		req.Header.Set("Content-Type", "application/json")
		if wh.secret != "" {
			req.Header.Set("X-Telegram-Bot-Api-Secret-Token", wh.secret)
		}
		resp, err := client.Do(req)
		if err != nil {
			return n, err
		}
		io.Copy(io.Discard, resp.Body)
		resp.Body.Close()
		if resp.StatusCode/100 != 2 {
			return n, fmt.Errorf("telegramtest: webhook answered %s", resp.Status)
		}
		s.mu.Lock()
		s.queue = slices.DeleteFunc(s.queue, func(q queued) bool { return q.id == next.id })
		s.changedLocked()
		s.mu.Unlock()
		n++
	}
}

func filter(calls []Call, method string) []Call {
	var out []Call
	for _, c := range calls {
		if c.Method == method {
			out = append(out, c)
		}
	}
	return out
}
