package admin

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"net"
	"net/http"
	"net/url"
	"strings"
	"syscall"
	"time"
)

// Client calls a running bot's admin API.
type Client struct {
	// Base is the API's address: "http://127.0.0.1:8089".
	Base  string
	Token string
	HTTP  *http.Client // nil: a client with a 60 s timeout
}

// Do sends in (if not nil) as JSON with method to path and decodes the
// answer into out (if not nil). An error answer becomes an error carrying
// the API's message.
func (c *Client) Do(ctx context.Context, method, path string, in, out any) error {
	var body io.Reader
	if in != nil {
		b, err := json.Marshal(in)
		if err != nil {
			return err
		}
		body = bytes.NewReader(b)
	}
	req, err := http.NewRequestWithContext(ctx, method, strings.TrimSuffix(c.Base, "/")+path, body)
	if err != nil {
		return err
	}
	req.Header.Set("Authorization", "Bearer "+c.Token)
	if in != nil {
		req.Header.Set("Content-Type", "application/json")
	}
	hc := c.HTTP
	if hc == nil {
		hc = &http.Client{Timeout: 60 * time.Second}
	}
	resp, err := hc.Do(req)
	if err != nil {
		if errors.Is(err, syscall.ECONNREFUSED) || isRefused(err) {
			return fmt.Errorf("no carebot is answering at %s: start it with 'carebot run' (or give --admin ADDR)", c.Base)
		}
		return err
	}
	defer resp.Body.Close()
	data, err := io.ReadAll(io.LimitReader(resp.Body, 64<<20))
	if err != nil {
		return err
	}
	if resp.StatusCode >= 300 {
		var e apiError
		if json.Unmarshal(data, &e) == nil && e.Error != "" {
			if resp.StatusCode == http.StatusUnauthorized {
				// Most often a bot other than the one whose token this is.
				return fmt.Errorf("the carebot at %s refused the admin token: it is not the bot the token is for (check --data, --admin and $%s)", c.Base, TokenEnv)
			}
			return &statusError{code: resp.StatusCode, msg: e.Error, body: data}
		}
		// Not a carebot's error: something else answers at Base.
		return &statusError{code: resp.StatusCode, msg: fmt.Sprintf("%s %s: %s, not an answer of a carebot admin API: is %s a carebot's? (check --data, --admin and $CAREBOT_ADMIN)",
			method, path, resp.Status, c.Base), body: data}
	}
	if out == nil {
		return nil
	}
	if err := json.Unmarshal(data, out); err != nil {
		return fmt.Errorf("%s %s: unreadable answer: %w", method, path, err)
	}
	return nil
}

// statusError is an error answer: its message, and the whole body for a
// caller that expects more.
type statusError struct {
	code int
	msg  string
	body []byte
}

func (e *statusError) Error() string { return e.msg }

func isRefused(err error) bool {
	var op *net.OpError
	return errors.As(err, &op) && op.Op == "dial"
}

// Import sends appointments (with their source file and lines, for the
// report) and returns what became of each. An import with any problem
// stores nothing, and its error is a *Problems listing every one.
func (c *Client) Import(ctx context.Context, file string, appts []Appointment, lines []int) (ImportReport, error) {
	var rep ImportReport
	err := c.Do(ctx, http.MethodPost, "/v1/appointments", map[string]any{"appointments": appts, "lines": lines, "file": file}, &rep)
	var se *statusError
	if errors.As(err, &se) && se.code == http.StatusUnprocessableEntity {
		var refused importRefused
		if json.Unmarshal(se.body, &refused) == nil && len(refused.Problems) > 0 {
			return ImportReport{}, &Problems{File: file, List: refused.Problems}
		}
	}
	return rep, err
}

// Appointments lists appointments, of one patient if patient is not "".
func (c *Client) Appointments(ctx context.Context, patient string) ([]Appointment, error) {
	var out struct{ Appointments []Appointment }
	path := "/v1/appointments"
	if patient != "" {
		path += "?patient=" + url.QueryEscape(patient)
	}
	err := c.Do(ctx, http.MethodGet, path, nil, &out)
	return out.Appointments, err
}

// Cancel cancels appointment id and its pending reminders.
func (c *Client) Cancel(ctx context.Context, id string) error {
	return c.Do(ctx, http.MethodPost, "/v1/appointments/"+url.PathEscape(id)+"/cancel", nil, nil)
}

// AddReminder schedules a one-off reminder and returns its id.
func (c *Client) AddReminder(ctx context.Context, r Reminder) (string, error) {
	var out struct{ ID string }
	err := c.Do(ctx, http.MethodPost, "/v1/reminders", r, &out)
	return out.ID, err
}

// Broadcast starts a broadcast and returns its id.
func (c *Client) Broadcast(ctx context.Context, b Broadcast) (string, error) {
	var out struct{ ID string }
	err := c.Do(ctx, http.MethodPost, "/v1/broadcasts", b, &out)
	return out.ID, err
}

// Report returns broadcast id's delivery report.
func (c *Client) Report(ctx context.Context, id string) (BroadcastReport, error) {
	var out BroadcastReport
	err := c.Do(ctx, http.MethodGet, "/v1/broadcasts/"+url.PathEscape(id), nil, &out)
	return out, err
}

// Misses returns the unanswered questions since (RFC 3339 or "30d").
func (c *Client) Misses(ctx context.Context, since string) (Misses, error) {
	var out Misses
	err := c.Do(ctx, http.MethodGet, "/v1/faq/misses?since="+url.QueryEscape(since), nil, &out)
	return out, err
}

// Audit returns the audit log since (RFC 3339 or "7d").
func (c *Client) Audit(ctx context.Context, since string) ([]AuditEntry, error) {
	var out struct{ Entries []AuditEntry }
	err := c.Do(ctx, http.MethodGet, "/v1/audit?since="+url.QueryEscape(since), nil, &out)
	return out.Entries, err
}
