// Package telegram connects carebot to Telegram through the Bot API: it
// turns updates into carebot.Messages for the engine and delivers the
// replies, with buttons as inline keyboards, replies in group threads,
// private replies by DM, and every send paced to Telegram's limits.
//
// It is the only package that imports the Telegram SDK. Updates are read by
// its own getUpdates loop (or a webhook), never the SDK's update channel,
// and every update goes through State, so that a crash neither loses a
// patient's message nor answers it twice.
package telegram

import (
	"context"
	"crypto/rand"
	"errors"
	"fmt"
	"log/slog"
	"net/http"
	"net/url"
	"strconv"
	"strings"
	"sync"
	"sync/atomic"
	"time"

	tgbotapi "github.com/go-telegram-bot-api/telegram-bot-api/v5"

	"github.com/carebot/carebot"
	"github.com/carebot/carebot/pace"
)

// Platform is the name of this platform in carebot.Address.
const Platform = "telegram"

// DefaultEndpoint is the Bot API's base URL.
const DefaultEndpoint = "https://api.telegram.org"

// Options are the adapter's optional settings; the zero value of each
// field is a useful default.
type Options struct {
	// Endpoint is the Bot API's base URL; the adapter appends
	// /bot<token>/<method>. Default DefaultEndpoint. Point it at a
	// self-hosted Bot API server or at telegramtest.Server.
	Endpoint string
	// HTTPClient makes the requests. Default: a client of its own, whose
	// idle connections are closed when Run returns. Its Timeout, if set,
	// must exceed PollTimeout.
	HTTPClient *http.Client
	// Logger receives what the adapter does; default slog.Default().
	// It never receives message text, names or platform ids.
	Logger *slog.Logger
	// LogSecret keys carebot.LogID for the ids in logs. Default: a random
	// secret per process (logs cannot then be correlated across restarts).
	LogSecret []byte
	// Webhook, if set, receives updates by webhook instead of polling.
	Webhook *Webhook
	// PollTimeout is how long one getUpdates waits for an update; default
	// 30 s. Shutdown never waits for it.
	PollTimeout time.Duration
	// Workers is how many deliveries run at once; default 16. Deliveries to
	// one chat are always sent one at a time, in order.
	Workers int
	// MaxReplyAge drops a promised reply still undelivered this long after
	// the patient wrote (after a long outage a late answer confuses more
	// than it helps); default 24 h.
	MaxReplyAge time.Duration
	// PrivateNote is the text posted in a group when a private reply cannot
	// reach the member because they never started a chat with the bot, and
	// the reply has no IfUnreachable of its own (the engine always gives
	// one, in the member's language). It must say nothing of the reply.
	// lang is the member's language hint. Default: an English note.
	PrivateNote func(lang string) string
	// PerSecond is the most messages sent per second over all chats;
	// default 30, Telegram's limit for most bots. Raise it only when
	// Telegram allows your bot more (paid broadcasts reach 1,000/s), or
	// against a test server. A 429 still pauses sending for retry_after:
	// to its chat, or to all when the whole bot is over its limit.
	PerSecond int
	// Now and Sleep are the clock for pacing, backoff and reply age; tests
	// replace them. Sleep must return ctx.Err() when ctx ends first.
	Now   func() time.Time
	Sleep func(ctx context.Context, d time.Duration) error
}

// Telegram's documented limits (core.telegram.org/bots/faq), with a margin.
// Bursts are 1: Telegram counts in sliding windows, and a token bucket with
// a larger burst lets more than the limit through in one window. The margin
// is for the network: two sends scheduled exactly 1 s apart reach Telegram
// less than 1 s apart whenever the first was delayed more on the way (seen
// on a loaded machine against the enforcing fake), and Telegram answers 429.
// 2-5% slower is far cheaper than a 429 and its retry-after.
const defaultPerSecond = 30

var (
	chatRate  = pace.Rate{Count: 1, Per: 1050 * time.Millisecond}
	groupRate = pace.Rate{Count: 20, Per: 61 * time.Second}
)

// Bot is a running connection to Telegram for one bot token. It is a
// carebot.Sender; Run receives updates.
type Bot struct {
	h      carebot.Handler
	st     State
	opts   Options
	log    *slog.Logger
	pacer  *pace.Pacer
	client *http.Client
	ownsHC bool
	base   *tgbotapi.BotAPI // never used directly: see api
	me     self

	running atomic.Bool
	out     atomic.Pointer[deliverer] // set while Run is running

	mu  sync.Mutex // serializes handling, so the cursor moves in order
	cur Cursor

	flood struct { // the last 429 for a chat (see throttled)
		mu  sync.Mutex
		key string
		at  time.Time
	}
}

// New connects to the Bot API with token (it calls getMe, so the endpoint
// must answer) and returns a Bot that hands each incoming message to h and
// keeps its progress in st.
func New(ctx context.Context, token string, h carebot.Handler, st State, opts Options) (*Bot, error) {
	switch {
	case token == "":
		return nil, errors.New("telegram: no bot token")
	case h == nil:
		return nil, errors.New("telegram: no handler")
	case st == nil:
		return nil, errors.New("telegram: no state")
	}
	if err := opts.defaults(); err != nil {
		return nil, err
	}
	format, err := endpointFormat(opts.Endpoint)
	if err != nil {
		return nil, err
	}
	b := &Bot{h: h, st: st, opts: opts, client: opts.HTTPClient}
	if b.client == nil {
		b.client = &http.Client{Transport: http.DefaultTransport.(*http.Transport).Clone()}
		b.ownsHC = true
	}
	b.log = opts.Logger.With("platform", Platform)
	perSecond := b.opts.PerSecond
	if perSecond <= 0 {
		perSecond = defaultPerSecond
	}
	// 2% under the limit: see the margin above.
	b.pacer = pace.New(pace.Rate{Count: perSecond, Per: 1020 * time.Millisecond})
	b.pacer.Now, b.pacer.Sleep = opts.Now, opts.Sleep
	base, err := tgbotapi.NewBotAPIWithClient(token, format, ctxClient{ctx, b.client})
	if err != nil {
		return nil, fmt.Errorf("telegram: getMe: %w", classify(err))
	}
	b.base = base
	b.me = self{ID: base.Self.ID, Username: base.Self.UserName, readsGroups: base.Self.CanReadAllGroupMessages}
	return b, nil
}

func (o *Options) defaults() error {
	if o.Endpoint == "" {
		o.Endpoint = DefaultEndpoint
	}
	if o.Logger == nil {
		o.Logger = slog.Default()
	}
	if len(o.LogSecret) == 0 {
		o.LogSecret = make([]byte, 32)
		rand.Read(o.LogSecret)
	}
	if o.PollTimeout <= 0 {
		o.PollTimeout = 30 * time.Second
	}
	if o.Workers <= 0 {
		o.Workers = 16
	}
	if o.MaxReplyAge <= 0 {
		o.MaxReplyAge = 24 * time.Hour
	}
	if o.PrivateNote == nil {
		o.PrivateNote = defaultPrivateNote
	}
	if o.Now == nil {
		o.Now = time.Now
	}
	if o.Sleep == nil {
		o.Sleep = pace.Sleep
	}
	if o.Webhook != nil {
		return o.Webhook.validate()
	}
	return nil
}

func defaultPrivateNote(string) string {
	return "I have a private answer for you. Please open a chat with me and press Start, then ask again there."
}

// endpointFormat turns a base URL into the SDK's Sprintf format.
func endpointFormat(base string) (string, error) {
	u, err := url.Parse(base)
	if err != nil || (u.Scheme != "http" && u.Scheme != "https") || u.Host == "" {
		return "", fmt.Errorf("telegram: endpoint %q is not an http(s) base URL", base)
	}
	base = strings.TrimRight(base, "/")
	return strings.ReplaceAll(base, "%", "%%") + "/bot%s/%s", nil
}

// Username is the bot's @username, as getMe reported it.
func (b *Bot) Username() string { return b.me.Username }

// ReadsGroups reports whether BotFather's privacy mode is off, as getMe
// reported it: with it on, Telegram hands the bot only the group messages
// addressed to it (and all of them only in groups where it is an admin), so
// the safety check cannot see a crisis posted to the group.
func (b *Bot) ReadsGroups() bool { return b.me.readsGroups }

// Run receives updates until ctx ends, then returns nil once every
// goroutine it started has stopped (in-flight requests are cancelled, not
// waited for). First it delivers the replies a previous run promised and
// did not deliver. It returns an error if the state cannot be loaded or
// Telegram rejects the token. Run may not be called twice at once.
func (b *Bot) Run(ctx context.Context) error {
	if !b.running.CompareAndSwap(false, true) {
		return errors.New("telegram: Run called twice")
	}
	defer b.running.Store(false)
	cur, pending, err := b.st.Load(ctx)
	if err != nil {
		return fmt.Errorf("telegram: load state: %w", err)
	}
	b.mu.Lock()
	b.cur = cur
	b.mu.Unlock()

	runCtx, cancel := context.WithCancel(ctx)
	defer cancel()
	var wg sync.WaitGroup
	d := newDeliverer(b)
	d.start(runCtx, &wg, b.opts.Workers)
	d.restore(runCtx, pending)
	b.out.Store(d)
	if b.opts.Webhook != nil {
		err = b.runWebhook(runCtx)
	} else {
		err = b.poll(runCtx)
	}
	b.out.Store(nil)
	cancel()
	wg.Wait()
	if b.ownsHC {
		b.client.CloseIdleConnections()
	}
	if ctx.Err() != nil {
		return nil
	}
	return err
}

// api returns the SDK bound to ctx. The SDK builds its requests without a
// context; a shallow copy whose client attaches ctx makes every call
// cancellable without touching the shared instance.
func (b *Bot) api(ctx context.Context) *tgbotapi.BotAPI {
	a := *b.base
	a.Client = ctxClient{ctx, b.client}
	return &a
}

func (b *Bot) now() time.Time { return b.opts.Now() }

func (b *Bot) userLog(userID string) string {
	return carebot.LogID(b.opts.LogSecret, carebot.UserKey(Platform, userID))
}

func (b *Bot) chatLog(chat int64) string {
	return carebot.LogID(b.opts.LogSecret, Platform+":chat:"+strconv.FormatInt(chat, 10))
}
