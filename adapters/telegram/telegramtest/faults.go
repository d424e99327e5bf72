package telegramtest

import (
	tgbotapi "github.com/go-telegram-bot-api/telegram-bot-api/v5"
	"math"
	"net/http"
	"strconv"
	"time"
)

// Fault is a failure the fake answers with instead of doing the call.
type Fault struct {
	Code        int    // error_code and HTTP status, e.g. 429, 403, 502
	Description string // Telegram's description
	RetryAfter  int    // seconds, for a 429
	// MigrateTo is the supergroup a group became (with Code 400).
	MigrateTo int64
	// Drop closes the connection without answering.
	Drop bool
	// Body, if set, is answered raw with status 200 (garbage JSON).
	Body string
}

// The refusals Telegram answers for recipients who cannot be reached.
var (
	Blocked      = Fault{Code: 403, Description: "Forbidden: bot was blocked by the user"}
	NotStarted   = Fault{Code: 403, Description: "Forbidden: bot can't initiate conversation with a user"}
	Deactivated  = Fault{Code: 403, Description: "Forbidden: user is deactivated"}
	ChatNotFound = Fault{Code: 400, Description: "Bad Request: chat not found"}
)

// Migrated is Telegram's answer to a send to a group that became the
// supergroup to.
func Migrated(to int64) Fault {
	return Fault{Code: 400, Description: "Bad Request: group chat was upgraded to a supergroup chat", MigrateTo: to}
}

// TooManyRequests is a 429 asking to wait retryAfter seconds.
func TooManyRequests(retryAfter int) Fault {
	return Fault{Code: 429, Description: "Too Many Requests: retry after " + strconv.Itoa(retryAfter), RetryAfter: retryAfter}
}

// ServerError is a 5xx as Telegram's front end answers when it is down.
func ServerError() Fault {
	return Fault{Code: 502, Description: "Bad Gateway"}
}

// FailNext makes the next call to method (e.g. "sendMessage",
// "getUpdates") answer f. Faults queue: each is used once, in order.
func (s *Server) FailNext(method string, f Fault) {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.faults[method] = append(s.faults[method], f)
}

// Refuse makes every send to chat (sendMessage, editMessageReplyMarkup)
// answer f, e.g. Blocked, until Refuse(chat, Fault{}).
func (s *Server) Refuse(chat int64, f Fault) {
	s.mu.Lock()
	defer s.mu.Unlock()
	if f.Code == 0 {
		delete(s.refused, chat)
		return
	}
	s.refused[chat] = f
}

func (s *Server) takeFault(method string) (Fault, bool) {
	s.mu.Lock()
	defer s.mu.Unlock()
	q := s.faults[method]
	if len(q) == 0 {
		return Fault{}, false
	}
	s.faults[method] = q[1:]
	return q[0], true
}

func (f Fault) write(w http.ResponseWriter) {
	switch {
	case f.Drop:
		if hj, ok := w.(http.Hijacker); ok {
			if conn, _, err := hj.Hijack(); err == nil {
				conn.Close()
				return
			}
		}
		panic(http.ErrAbortHandler)
	case f.Body != "":
		w.Header().Set("Content-Type", "application/json")
		w.Write([]byte(f.Body))
	default:
		writeErrorParams(w, f.Code, f.Description, tgbotapi.ResponseParameters{RetryAfter: f.RetryAfter, MigrateToChatID: f.MigrateTo})
	}
}

// Window is at most Count sends in any span of Per.
type Window struct {
	Count int
	Per   time.Duration
}

// Limits are the rate limits the fake enforces on sends (sendMessage and
// editMessageReplyMarkup). Zero windows are not enforced.
type Limits struct {
	Global Window // all chats together
	Chat   Window // one chat, private or group
	Group  Window // one group (chat id < 0), on top of Chat
	// Slack shortens every window, forgiving sends that land a hair early
	// (rounding in a pacer's arithmetic, network jitter on a real clock).
	Slack time.Duration
}

// TelegramLimits are Telegram's documented limits: 30 messages/s overall,
// 1/s in one chat, 20/min in one group.
var TelegramLimits = Limits{
	Global: Window{30, time.Second},
	Chat:   Window{1, time.Second},
	Group:  Window{20, time.Minute},
	Slack:  time.Millisecond,
}

// Enforce makes the fake answer 429 to a send that would exceed l, as
// Telegram does. Pass Limits{} to stop enforcing.
func (s *Server) Enforce(l Limits) {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.limits = &l
	s.sends = sendLog{}
}

// sendLog is when recent sends were accepted, all and per chat.
type sendLog struct {
	all    []time.Time
	byChat map[int64][]time.Time
}

// overLimitLocked checks a send to chat now against the limits; if it is
// within them it is logged, else it returns the seconds to wait.
func (s *Server) overLimitLocked(chat int64) (int, bool) {
	if s.limits == nil {
		return 0, false
	}
	now, l := s.now(), s.limits
	if s.sends.byChat == nil {
		s.sends.byChat = make(map[int64][]time.Time)
	}
	worst := time.Duration(0)
	check := func(times []time.Time, w Window) {
		if w.Count <= 0 {
			return
		}
		span := w.Per - l.Slack
		n, oldest := 0, now
		for i := len(times) - 1; i >= 0 && now.Sub(times[i]) < span; i-- {
			n, oldest = n+1, times[i]
		}
		if n >= w.Count {
			worst = max(worst, span-now.Sub(oldest))
		}
	}
	check(s.sends.all, l.Global)
	check(s.sends.byChat[chat], l.Chat)
	if chat < 0 {
		check(s.sends.byChat[chat], l.Group)
	}
	if worst > 0 {
		return int(math.Ceil(worst.Seconds())), true
	}
	keep := max(l.Global.Per, l.Chat.Per, l.Group.Per)
	s.sends.all = append(trim(s.sends.all, now, keep), now)
	s.sends.byChat[chat] = append(trim(s.sends.byChat[chat], now, keep), now)
	return 0, false
}

func trim(times []time.Time, now time.Time, keep time.Duration) []time.Time {
	i := 0
	for i < len(times) && now.Sub(times[i]) >= keep {
		i++
	}
	return times[i:]
}
