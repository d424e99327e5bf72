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
	// HTTP is the client for every call; nil: one with a 60 s timeout,
	// and for an import ImportTimeout.
	HTTP *http.Client
}

// callTimeout bounds every call but an import.
const callTimeout = 60 * time.Second

// ImportTimeout is how long the CLI waits for an import of n appointments
// to be answered: a minute, and 2 ms more for each appointment (160 s for
// the 50,000 one import may hold, which the bot stores in about 4 s).
// Should the CLI stop waiting, the bot finishes the import anyway.
func ImportTimeout(n int) time.Duration {
	return callTimeout + time.Duration(n)*2*time.Millisecond
}

// Do sends in (if not nil) as JSON with method to path and decodes the
// answer into out (if not nil). An error answer becomes an error carrying
// the API's message.
func (c *Client) Do(ctx context.Context, method, path string, in, out any) error {
	return c.do(ctx, method, path, in, out, callTimeout)
}

// unanswered is a call sent that got no answer: the connection broke, it
// timed out, or the caller stopped waiting. The bot may have acted on it.
type unanswered struct {
	err     error
	timeout time.Duration // the client's
}

func (e *unanswered) Error() string { return e.err.Error() }
func (e *unanswered) Unwrap() error { return e.err }

// why says in words why there was no answer from the bot at base.
func (e *unanswered) why(base string) string {
	var ne net.Error
	switch {
	case errors.Is(e.err, context.Canceled):
		return "stopped waiting for the bot at " + base
	case errors.Is(e.err, context.DeadlineExceeded), errors.As(e.err, &ne) && ne.Timeout():
		d := e.timeout
		if d >= time.Second {
			d = d.Round(time.Second)
		}
		return fmt.Sprintf("the bot at %s did not answer within %s", base, d)
	}
	return fmt.Sprintf("the connection to the bot at %s broke before it answered (%v)", base, e.err)
}

func (c *Client) do(ctx context.Context, method, path string, in, out any, timeout time.Duration) error {
	var body io.Reader
	if in != nil {
		// Without escaping <, > and & as \u003c...: six bytes for one
		// would take an import of a file at the limits over maxImportBody.
		var b bytes.Buffer
		enc := json.NewEncoder(&b)
		enc.SetEscapeHTML(false)
		if err := enc.Encode(in); err != nil {
			return err
		}
		body = &b
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
		hc = &http.Client{Timeout: timeout}
	}
	resp, err := hc.Do(req)
	if err != nil {
		if errors.Is(err, syscall.ECONNREFUSED) || isRefused(err) {
			return fmt.Errorf("no carebot is answering at %s: start it with 'carebot run' (or give --admin ADDR)", c.Base)
		}
		return &unanswered{err: err, timeout: hc.Timeout}
	}
	defer resp.Body.Close()
	data, err := io.ReadAll(io.LimitReader(resp.Body, 64<<20))
	if err != nil {
		return &unanswered{err: err, timeout: hc.Timeout}
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

// saidError is err told in other words.
type saidError struct {
	err error
	msg string
}

func (e *saidError) Error() string { return e.msg }
func (e *saidError) Unwrap() error { return e.err }

func isRefused(err error) bool {
	var op *net.OpError
	return errors.As(err, &op) && op.Op == "dial"
}

// Import sends appointments (with their source file and lines, for the
// report) and returns what became of each. An import with any problem
// stores nothing, and its error is a *Problems listing every one.
//
// An import that gets no answer (the connection broke, or ImportTimeout
// passed) may still be under way in the bot, which finishes it on its
// own: the error says so, and that importing the same file again is safe.
func (c *Client) Import(ctx context.Context, file string, appts []Appointment, lines []int) (ImportReport, error) {
	var rep ImportReport
	err := c.do(ctx, http.MethodPost, "/v1/appointments", map[string]any{"appointments": appts, "lines": lines, "file": file}, &rep, ImportTimeout(len(appts)))
	var un *unanswered
	if errors.As(err, &un) {
		return ImportReport{}, &saidError{err: un, msg: un.why(c.Base) + "; if it is still running it finishes the import on its own, " +
			"and 'carebot audit' shows how it went. Importing the same file again is safe: " +
			"what is already imported comes out unchanged"}
	}
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

// AddReminder schedules a one-off reminder and says its id, when it is due and whether the patient has not opted in.
func (c *Client) AddReminder(ctx context.Context, r Reminder) (ReminderAdded, error) {
	var out ReminderAdded
	err := c.Do(ctx, http.MethodPost, "/v1/reminders", r, &out)
	return out, err
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
