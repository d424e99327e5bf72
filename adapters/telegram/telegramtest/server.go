// Package telegramtest is a fake Telegram Bot API on 127.0.0.1, for
// testing the telegram adapter (and the whole carebot binary) with the real
// SDK and no network or token.
//
// The fake keeps a queue of updates that getUpdates serves (honouring
// offset and really blocking up to timeout) or that DeliverWebhook posts,
// records every call the bot makes, and can be told to fail: answer 429,
// 5xx or 403, drop the connection, answer garbage, refuse a chat, or
// enforce Telegram's rate limits and answer 429 when they are exceeded.
//
// From another process: start a Server in the test process and point the
// binary at it with TELEGRAM_API_ENDPOINT=<Server.URL> and
// TELEGRAM_TOKEN=<Server.Token>.
package telegramtest

import (
	"encoding/json"
	"errors"
	"net/http"
	"net/http/httptest"
	"net/url"
	"strings"
	"sync"
	"time"

	tgbotapi "github.com/go-telegram-bot-api/telegram-bot-api/v5"
)

// The bot the fake answers getMe with.
const (
	Token       = "123456:TEST-token"
	BotID       = 123456
	BotUsername = "carebot_test_bot"
)

// Call is one request the bot made that the fake accepted (or, in
// Rejected, refused).
type Call struct {
	Method string
	ChatID int64
	// MessageID is the id the fake gave a sent message, or the message an
	// edit targeted.
	MessageID int
	ReplyTo   int
	Text      string
	ParseMode string
	// Buttons is the inline keyboard sent, one row per button as the
	// adapter sends them, flattened; nil for none.
	Buttons []Button
	QueryID string
	At      time.Time
	// Code is the error code answered, for a rejected call.
	Code int
	// Params are the request's raw parameters.
	Params url.Values
}

// Button is one inline keyboard button.
type Button struct {
	Label string
	Data  string
}

// Server is the fake. Its methods are safe for concurrent use.
type Server struct {
	// URL is the base URL to give the bot: it appends /bot<token>/<method>.
	URL string
	// Token is the only token the fake accepts; others get 401.
	Token string
	// Privacy is BotFather's privacy mode, as getMe reports it
	// (can_read_all_group_messages false). The fake delivers every group
	// message whatever it says; set it before the bot connects.
	Privacy bool

	srv    *httptest.Server
	closed chan struct{}

	mu         sync.Mutex
	changed    chan struct{} // closed and replaced on every change
	now        func() time.Time
	nextUpdate int64
	nextMsg    int
	nextQuery  int
	queue      []queued
	confirmed  int64
	waiting    int // getUpdates calls blocked waiting for an update
	calls      []Call
	rejected   []Call
	faults     map[string][]Fault
	refused    map[int64]Fault
	keyboards  map[[2]int64][]Button // (chat, message) -> keyboard shown
	queries    map[string]bool       // callback queries not yet answered
	limits     *Limits
	sends      sendLog
	webhook    webhook
	allowed    []string // the allowed_updates the bot last asked for
}

type queued struct {
	id  int64
	raw json.RawMessage
}

type webhook struct {
	url, secret string
	params      url.Values
}

// NewServer starts a fake on 127.0.0.1. Close it when done.
func NewServer() *Server {
	s := newServer()
	s.srv = httptest.NewServer(http.HandlerFunc(s.serve))
	s.URL = s.srv.URL
	return s
}

// NewLocal returns a fake that listens on no socket: reach it with
// Client(), whose requests it serves in the caller's goroutine. Inside a
// testing/synctest bubble everything it does then runs on the bubble's
// clock (a socket would stop that clock from advancing), so a test of
// concurrent pacing sees exact times. Close it when done.
func NewLocal() *Server {
	s := newServer()
	s.URL = "http://telegram.local"
	return s
}

// Client returns an HTTP client that reaches the fake.
func (s *Server) Client() *http.Client {
	if s.srv != nil {
		return s.srv.Client()
	}
	return &http.Client{Transport: inProcess{s}}
}

func newServer() *Server {
	return &Server{
		Token:      Token,
		closed:     make(chan struct{}),
		changed:    make(chan struct{}),
		now:        time.Now,
		nextUpdate: 1000,
		nextMsg:    100,
		faults:     make(map[string][]Fault),
		refused:    make(map[int64]Fault),
		keyboards:  make(map[[2]int64][]Button),
		queries:    make(map[string]bool),
	}
}

// Close stops the server, ending any poll in progress.
func (s *Server) Close() {
	select {
	case <-s.closed:
	default:
		close(s.closed)
	}
	if s.srv != nil {
		s.srv.Close()
	}
}

// inProcess serves a request by calling the fake's handler directly.
type inProcess struct{ s *Server }

func (t inProcess) RoundTrip(req *http.Request) (resp *http.Response, err error) {
	defer func() {
		if p := recover(); p != nil {
			if p != http.ErrAbortHandler {
				panic(p)
			}
			resp, err = nil, errors.New("telegramtest: connection dropped")
		}
	}()
	if req.Body != nil {
		defer req.Body.Close()
	}
	rec := httptest.NewRecorder()
	t.s.serve(rec, req.Clone(req.Context()))
	if req.Context().Err() != nil {
		return nil, req.Context().Err()
	}
	return rec.Result(), nil
}

// SetClock makes the fake read time from now: the times it records and
// the windows of Enforce. Give it the clock the bot paces with.
func (s *Server) SetClock(now func() time.Time) {
	s.mu.Lock()
	s.now = now
	s.mu.Unlock()
}

// Bot is the bot the fake says it is.
func (s *Server) Bot() tgbotapi.User {
	return tgbotapi.User{ID: BotID, IsBot: true, FirstName: "Carebot", UserName: BotUsername, CanReadAllGroupMessages: !s.Privacy}
}

// changedLocked wakes everyone waiting for the fake's state to change.
func (s *Server) changedLocked() {
	close(s.changed)
	s.changed = make(chan struct{})
}

func (s *Server) serve(w http.ResponseWriter, r *http.Request) {
	rest, ok := strings.CutPrefix(r.URL.Path, "/bot")
	i := strings.LastIndex(rest, "/")
	if !ok || i < 0 {
		writeError(w, 404, "Not Found", 0)
		return
	}
	token, method := rest[:i], rest[i+1:]
	if token != s.Token {
		writeError(w, 401, "Unauthorized", 0)
		return
	}
	if err := r.ParseMultipartForm(1 << 20); err != nil && err != http.ErrNotMultipart {
		writeError(w, 400, "Bad Request: unreadable parameters", 0)
		return
	}
	if f, ok := s.takeFault(method); ok {
		s.record(Call{Method: method, Code: f.Code, Params: r.Form}, true)
		f.write(w)
		return
	}
	switch method {
	case "getMe":
		writeResult(w, s.Bot())
	case "getUpdates":
		s.getUpdates(w, r)
	case "sendMessage":
		s.sendMessage(w, r.Form)
	case "editMessageReplyMarkup":
		s.editReplyMarkup(w, r.Form)
	case "answerCallbackQuery":
		s.answerCallback(w, r.Form)
	case "setWebhook":
		s.setWebhook(w, r.Form)
	case "deleteWebhook":
		s.deleteWebhook(w, r.Form)
	default:
		writeError(w, 404, "Not Found: method not found", 0)
	}
}

// record stores a call, as accepted or rejected, and wakes waiters.
func (s *Server) record(c Call, rejected bool) {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.recordLocked(c, rejected)
}

func (s *Server) recordLocked(c Call, rejected bool) {
	if c.At.IsZero() {
		c.At = s.now()
	}
	if rejected {
		s.rejected = append(s.rejected, c)
	} else {
		s.calls = append(s.calls, c)
	}
	s.changedLocked()
}

func writeResult(w http.ResponseWriter, result any) {
	b, err := json.Marshal(result)
	if err != nil {
		writeError(w, 500, "Internal Server Error: "+err.Error(), 0)
		return
	}
	w.Header().Set("Content-Type", "application/json")
	json.NewEncoder(w).Encode(tgbotapi.APIResponse{Ok: true, Result: b})
}

func writeError(w http.ResponseWriter, code int, desc string, retryAfter int) {
	writeErrorParams(w, code, desc, tgbotapi.ResponseParameters{RetryAfter: retryAfter})
}

func writeErrorParams(w http.ResponseWriter, code int, desc string, p tgbotapi.ResponseParameters) {
	resp := tgbotapi.APIResponse{ErrorCode: code, Description: desc}
	if p != (tgbotapi.ResponseParameters{}) {
		resp.Parameters = &p
	}
	w.Header().Set("Content-Type", "application/json")
	w.WriteHeader(code)
	json.NewEncoder(w).Encode(resp)
}
