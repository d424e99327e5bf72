// Package bot is the dialogue engine: one incoming carebot.Message in, the
// replies out. It decides what to say; adapters decide how it looks on each
// platform, and stores keep what must outlive the process.
//
// Every message goes through the same steps, in this order, stopping at the
// first that applies:
//
//  1. safety: crisis or emergency wording gets the crisis line or 911 first,
//     in DMs and groups, even when the database is down; the text is never
//     stored or logged;
//  2. consent: STOP, START, HELP and their phrasings, recorded durably
//     before they are confirmed, with exactly one confirmation; and "delete
//     my data", erased only once confirmed (forget.go);
//  3. commands and buttons: language, pressed suggestions and ratings, and
//     the features plugged in as Commands (reminders, staff);
//  4. the FAQ: a confident answer, a "did you mean", or a fallback that
//     says how to reach a person.
package bot

import (
	"context"
	"errors"
	"log/slog"
	"strings"
	"sync/atomic"
	"time"
	"unicode"
	"unicode/utf8"

	"github.com/carebot/carebot"
	"github.com/carebot/carebot/faq"
	"github.com/carebot/carebot/pending"
)

// maxText is how much of a message the engine reads beyond the safety
// check. Nobody asks a clinic question in more than a few kilobytes; the
// cap keeps a hostile 1 MB message from costing more than an ordinary one.
const maxText = 4096

// Engine is the dialogue engine. Set its optional fields before the first
// Handle and do not change them after; SetKB may be called at any time.
type Engine struct {
	Users    Users    // optional: who we talked to; nil keeps nothing
	Consents Consents // optional: the consent ledger; nil cannot record
	Feedback Feedback // optional: misses and ratings for staff
	Commands []Command
	// Alerts, if set, is told of every crisis, emergency and abuse the
	// safety check finds in a group chat, for the moderators; nil tells
	// no one.
	Alerts Alerts
	// Forgetter erases a patient who asks ("delete my data") and
	// confirms; nil: the engine says it cannot, and to call the clinic.
	Forgetter Forgetter
	// Now is the clock; nil means time.Now.
	Now func() time.Time
	// Logger gets one line per message: platform, hashed user, route,
	// timing. Never the text. Nil logs nothing.
	Logger    *slog.Logger
	LogSecret []byte // the key of carebot.LogID

	cur     atomic.Pointer[kbState]
	forgets pending.Map[forgetAsk] // "Delete my data?" waiting for an answer (forget.go)
}

// kbState is the knowledge base in use with what the engine derives from
// it once, not per message: its texts with the clinic details filled in,
// and what the engine shows of each entry.
type kbState struct {
	kb      *faq.KB
	fill    [len(textsLangs)]*strings.Replacer // by textsSlot
	says    [len(textsLangs)]*texts
	entries map[*faq.Entry]*entryParts
}

func newKBState(kb *faq.KB) *kbState {
	st := &kbState{kb: kb, entries: newEntryParts(kb)}
	for i, lang := range textsLangs {
		t := textsByLang[lang]
		st.fill[i] = t.replacer(kb.Clinic)
		st.says[i] = t.filled(st.fill[i])
	}
	return st
}

// slot returns the place of t among textsLangs, or -1.
func (t *texts) slot() int {
	switch t {
	case textsEN:
		return 0
	case textsES:
		return 1
	}
	return -1
}

// New returns an engine answering from kb.
func New(kb *faq.KB) *Engine {
	e := &Engine{}
	e.forgets.For, e.forgets.Max = forgetFor, maxForgetAsks
	e.SetKB(kb)
	return e
}

// SetKB swaps in a new knowledge base. Messages being handled finish with
// the old one; the next ones use kb.
func (e *Engine) SetKB(kb *faq.KB) { e.cur.Store(newKBState(kb)) }

// KB returns the knowledge base in use.
func (e *Engine) KB() *faq.KB { return e.cur.Load().kb }

// fill puts kb's clinic details into s, a text made from one of t's
// templates. The fixed texts come filled in from says.
func (e *Engine) fill(kb *faq.KB, t *texts, s string) string {
	if st, i := e.cur.Load(), t.slot(); i >= 0 && st.kb == kb {
		return st.fill[i].Replace(s)
	}
	return t.replacer(kb.Clinic).Replace(s) // kb was swapped out mid-message
}

// says returns t with kb's clinic details filled in, made once per
// knowledge base rather than per message.
func (e *Engine) says(kb *faq.KB, t *texts) *texts {
	if st, i := e.cur.Load(), t.slot(); i >= 0 && st.kb == kb {
		return st.says[i]
	}
	return t.filled(t.replacer(kb.Clinic)) // kb was swapped out mid-message
}

// Route says which step of the engine answered a message.
type Route string

// The routes.
const (
	RouteCrisis    Route = "crisis"    // the crisis-line reply
	RouteEmergency Route = "emergency" // the 911 reply
	RouteOptOut    Route = "opt-out"
	RouteOptIn     Route = "opt-in"
	RouteHelp      Route = "help"
	RouteSmallTalk Route = "smalltalk" // a greeting, thanks, goodbye, "are you a bot"
	RouteWelcome   Route = "welcome"   // /start: the welcome alone
	RouteCommand   Route = "command"   // a plugged-in Command or a built-in one
	RouteForget    Route = "forget"    // "delete my data", its question and its answer
	RouteAnswer    Route = "answer"    // a confident FAQ answer
	RouteSuggest   Route = "suggest"   // "did you mean"
	RouteFallback  Route = "fallback"
	RouteIgnored   Route = "ignored" // not addressed to the bot, an edit, or an unnamed sender: only safety is checked
)

// Outcome is what the engine did with one message: the replies, and how it
// got there (for carebot ask --json, carebot eval and the logs).
type Outcome struct {
	Route   Route
	Lang    string
	Replies []carebot.Reply
	// Entry is the answered entry's id (RouteAnswer).
	Entry string
	// Also are the entries answered besides Entry, when the message asked
	// more than one question, in the order asked.
	Also []string
	// Missed counts the questions of the message that no entry answers,
	// when others were answered: the reply says so after the answers.
	Missed     int
	Confidence float64
	// Ranked are the matcher's best entries, best first, whatever the
	// route; Suggestions are the ones offered as "did you mean", or
	// beside a confident answer as its alternatives (see
	// faq.Result.Alternatives).
	Ranked      []string
	Suggestions []string
}

// Handle answers m. It implements carebot.Handler.
func (e *Engine) Handle(ctx context.Context, m carebot.Message) []carebot.Reply {
	return e.Respond(ctx, m).Replies
}

// Respond answers m and says how.
func (e *Engine) Respond(ctx context.Context, m carebot.Message) Outcome {
	var start time.Time
	if e.Logger != nil { // the clock is read only when a log line will show it
		start = time.Now()
	}
	kb := e.KB()
	text := clean(m.Text)
	o := e.respond(ctx, kb, m, text)
	if m.From.Group {
		e.noteUnreachable(&o)
	}
	if e.Logger != nil {
		e.Logger.LogAttrs(ctx, slog.LevelInfo, "message",
			slog.String("platform", m.From.Platform),
			slog.String("user", carebot.LogID(e.LogSecret, m.From.UserKey())),
			slog.Bool("group", m.From.Group),
			slog.String("route", string(o.Route)),
			slog.String("lang", o.Lang),
			slog.Int("replies", len(o.Replies)),
			slog.Duration("took", time.Since(start)))
	}
	return o
}

func (e *Engine) respond(ctx context.Context, kb *faq.KB, m carebot.Message, text string) Outcome {
	// 1. Safety, before anything is stored: the message never is, and
	// only the sender's language is read. A pressed button's label,
	// which the terminal passes as the text, is the bot's own words, not
	// the person's.
	if text != "" && m.Payload == "" {
		if k := CheckSafety(text); k != SafetyNone {
			u, read := e.safetyUser(ctx, m)
			o := e.safety(kb, m, k, e.safetyLang(kb, m, text, u))
			if m.From.Group && e.Alerts != nil {
				e.Alerts.Alert(ctx, e.groupAlert(kb, m, k, u, read))
			}
			return o
		}
	}
	if m.From.Group && !m.Mentioned {
		return Outcome{Route: RouteIgnored}
	}
	// An edit was answered as first sent, and a sender the platform does
	// not name has no record, consent or DM to keep: safety is all.
	if m.Edited || m.From.UserID == "" {
		return Outcome{Route: RouteIgnored}
	}
	if len(text) > maxText {
		text = truncate(text, maxText)
	}
	u, first := e.user(ctx, m)
	saved := u // as stored: remember saves what changed
	// The language they used before (or their platform's, or the KB's).
	// What this message is written in is found only where it matters: the
	// FAQ's matcher finds it anyway.
	known := e.knownLang(kb, m.Lang, u.Lang)

	// 2. Consent keywords, and the platform commands that mean them.
	cmd, isSlash := slashCommand(text)
	if isSlash && cmd == "start" {
		e.remember(ctx, u, saved, first, known)
		if m.From.Group { // the welcome is for a private chat (see groupHello)
			return Outcome{Route: RouteWelcome, Lang: known, Replies: []carebot.Reply{{Text: e.says(kb, textsFor(known)).groupHello}}}
		}
		return Outcome{Route: RouteWelcome, Lang: known, Replies: []carebot.Reply{e.welcome(kb, textsFor(known))}}
	}
	if isSlash {
		text = cmd
	}
	// "Delete my data", and the answer to its question: before consent,
	// whose CANCEL would otherwise take the answer "cancel". Nothing of
	// the sender is saved for it (see forgetNow).
	if o, ok := e.forget(ctx, kb, m, u, text); ok {
		return o
	}
	cancelAnswers, cancelES := false, false // a bare CANCEL answers an appointment reminder
	if m.Payload == "" {
		in := parseConsent(text)
		cancelAnswers = isBareCancel(in) && e.awaitsAnswer(ctx, u)
		cancelES = in.method == "keyword:CANCELAR"
		if in.kind != intentNone && !cancelAnswers {
			lang := e.consentReplyLang(kb, m, u, text)
			o := e.consent(ctx, kb, m, u, in, lang)
			e.remember(ctx, u, saved, first, lang)
			return o
		}
	}

	// Small talk is not a question: answered kindly, never by the FAQ,
	// whose matcher would find the one clinic word in "how are you today".
	if m.Payload == "" {
		k := smallTalk(text)
		if text == "" { // the bot's name alone ("@bot"): a hello
			k = talkGreeting
		}
		if k != talkNone {
			lang := e.userLang(kb, text, m.Lang, u)
			// Small talk is a word or two, too few for replyLang to be
			// sure of, but its words are one language's: with nothing
			// else to go on, a first "hola" is answered in Spanish.
			if l := talkLang(text); u.Lang == "" && m.Lang == "" && speaks(l) != nil {
				lang = l
			}
			t := textsFor(lang)
			e.remember(ctx, u, saved, first, lang)
			switch {
			case m.From.Group && (k == talkGreeting || k == talkOK): // "@bot", "@bot hi", "@bot 👍"
				return Outcome{Route: RouteSmallTalk, Lang: lang, Replies: []carebot.Reply{{Text: e.says(kb, t).groupHello}}}
			case first && k < talkWho && !m.From.Group: // the welcome says hello and what the bot does
				return Outcome{Route: RouteSmallTalk, Lang: lang, Replies: []carebot.Reply{e.welcome(kb, t)}}
			}
			return Outcome{Route: RouteSmallTalk, Lang: lang, Replies: []carebot.Reply{{Text: e.says(kb, t).talk[k]}}}
		}
	}

	// 3. Buttons and commands.
	if cancelAnswers {
		// Not taken as an opt-out: the appointment's answer, in the
		// words the reminders read ("cancel" is "X", "cancelar" is
		// "cancelo").
		text = "x"
		if cancelES {
			text = "cancelo"
		}
		m.Text = text
	}
	var o Outcome
	ok := false
	if !cancelAnswers {
		o, ok = e.requestsApart(ctx, kb, m, &u, text, known)
	}
	if !ok {
		o, ok = e.command(ctx, kb, m, &u, text, known)
		if ok && cancelAnswers {
			// CANCEL is also the keyword to stop every message: say how.
			o.Replies = append(o.Replies, carebot.Reply{Text: textsFor(o.Lang).cancelNotStop, Private: true})
		}
	}
	if !ok {
		// 4. The FAQ; but a number alone is a button typed, not a
		// question, unless an entry is sure of it ("911").
		if isBareNumber(text) && !kb.Match(text, known).Confident {
			o = Outcome{Route: RouteFallback, Lang: known, Replies: []carebot.Reply{{Text: textsFor(known).bareNumber}}}
		} else if l, ok := lettersOnly(text); ok {
			// Letters alone are no question: "X" got the X-ray entry
			// at 0.91. C, X and R answer an appointment reminder, and
			// the commands found none of theirs to answer.
			t := e.says(kb, textsFor(known))
			reply := t.bareLetter
			if l == "c" || l == "x" || l == "r" {
				reply = t.noApptToAnswer
			}
			o = Outcome{Route: RouteFallback, Lang: known, Replies: []carebot.Reply{{Text: reply}}}
		} else {
			o = e.answerText(ctx, kb, text, known, u.LangChosen)
		}
	}
	e.remember(ctx, u, saved, first, o.Lang)
	// The welcome is for a private chat. In a group it would be posted
	// for everyone, once for each member who speaks to the bot, language
	// buttons and all (see groupHello).
	if first && o.Route != RouteCommand && !m.From.Group {
		o.Replies = append([]carebot.Reply{e.welcome(kb, textsFor(o.Lang))}, o.Replies...)
	}
	return o
}

// safety answers a crisis or an emergency. In a group the member gets the
// full reply privately, and the group a short line that names no one; a
// group's anonymous admin gets the full reply in the group.
func (e *Engine) safety(kb *faq.KB, m carebot.Message, k SafetyKind, lang string) Outcome {
	t := e.says(kb, textsFor(lang))
	o := Outcome{Route: RouteCrisis, Lang: lang}
	body := t.crisis
	switch k {
	case SafetyEmergency:
		o.Route, body = RouteEmergency, t.emergency
	case SafetyAbuse: // a crisis: the same route, its own hotline
		body = t.abuse
	}
	full := carebot.Reply{Text: body, Safety: true}
	if m.From.Group && m.From.UserID == "" {
		// A group's anonymous admin: no one to write to privately, and
		// the full reply names no one either.
		o.Replies = []carebot.Reply{full}
		return o
	}
	if m.From.Group {
		// The group line says nothing of a private message: whether the
		// member can be reached privately is known only once it is tried.
		// If they cannot, the full reply is posted in the group after all,
		// as a reply to their message: it holds hotline numbers and advice,
		// nothing they did not post there themselves, and asking someone in
		// a crisis to open a chat and say it again would lose them.
		full.Private, full.IfUnreachable = true, body
		o.Replies = []carebot.Reply{{Text: t.groupSafety, Safety: true}, full}
		return o
	}
	o.Replies = []carebot.Reply{full}
	return o
}

// noteUnreachable gives each private reply to a group message that has
// none the note the group gets if the member cannot be reached privately,
// in the reply's language.
func (e *Engine) noteUnreachable(o *Outcome) {
	for i := range o.Replies {
		if r := &o.Replies[i]; r.Private && r.IfUnreachable == "" {
			r.IfUnreachable = textsFor(o.Lang).privateNote
		}
	}
}

// user loads the sender, or makes them up if they are new (first) or the
// store is missing or failing: answering matters more than remembering.
//
// The clock is read only for a user made up here, and only when something
// will see when: the store, or a Command. Reading it costs about as much
// as the rest of this function, and most messages come from known users.
func (e *Engine) user(ctx context.Context, m carebot.Message) (u carebot.User, first bool) {
	u = carebot.User{Key: m.From.UserKey()}
	if !m.From.Group {
		u.DM = m.From
	}
	if e.Users == nil {
		if len(e.Commands) > 0 {
			u.Created = e.now()
		}
		return u, false
	}
	got, err := e.Users.User(ctx, u.Key)
	switch {
	case err == nil:
		// Someone first met in a group has no DM on record: their first
		// DM gives it, or nothing private (a reminder, an appointment
		// reminder, a broadcast) could ever reach them.
		if !m.From.Group && (got.DM.Platform != m.From.Platform || got.DM.ChatID != m.From.ChatID) {
			got.DM = m.From
			if err := e.Users.PutUser(ctx, got); err != nil {
				e.logError(ctx, "save user", err)
			}
		}
		return got, false
	case errors.Is(err, carebot.ErrNotFound):
		u.Created = e.now()
		return u, true
	default:
		e.logError(ctx, "load user", err)
		u.Created = e.now()
		return u, false
	}
}

// remember saves a new user, or a known one whose language changed (to
// lang, the language of the reply, unless they chose theirs) or who chose
// one; saved is their record as it was loaded.
func (e *Engine) remember(ctx context.Context, u, saved carebot.User, first bool, lang string) {
	if e.Users == nil {
		return
	}
	if !u.LangChosen && lang != "" {
		u.Lang = lang
	}
	if u.Lang == "" || (!first && u.Lang == saved.Lang && u.LangChosen == saved.LangChosen) {
		return
	}
	if err := e.Users.PutUser(ctx, u); err != nil {
		e.logError(ctx, "save user", err)
	}
}

func (e *Engine) welcome(kb *faq.KB, t *texts) carebot.Reply {
	return carebot.Reply{
		Text:    e.says(kb, t).welcome,
		Buttons: []carebot.Button{{Label: "English", Payload: "lang:en"}, {Label: "Español", Payload: "lang:es"}},
	}
}

// replyLang picks the language to answer in: what the message is clearly
// written in, else what the person used before, else what their platform
// says, else what the message seems to be written in ("quiero morir" is
// too short to be sure of), else the knowledge base's language.
func (e *Engine) replyLang(kb *faq.KB, text, hint, known string) string {
	l, sure := faq.DetectLang(text)
	if sure && speaks(l) != nil {
		return l
	}
	if known == "" && l != "" && speaks(l) != nil && speaks(baseLang(hint)) == nil {
		return l
	}
	return e.knownLang(kb, hint, known)
}

// userLang is replyLang for u: the language they chose, if they did.
func (e *Engine) userLang(kb *faq.KB, text, hint string, u carebot.User) string {
	if u.LangChosen && speaks(u.Lang) != nil {
		return u.Lang
	}
	return e.replyLang(kb, text, hint, u.Lang)
}

// safetyUser is the sender's record, read for a crisis or emergency reply
// only for its language (and for a group's alert, whether they have a
// private chat with the bot): read is false when there was no record to
// read or the store failed, which costs only those.
func (e *Engine) safetyUser(ctx context.Context, m carebot.Message) (u carebot.User, read bool) {
	if e.Users == nil || m.From.UserID == "" {
		return u, false
	}
	got, err := e.Users.User(ctx, m.From.UserKey())
	switch {
	case err == nil:
		return got, true
	case errors.Is(err, carebot.ErrNotFound):
		return u, true
	}
	return u, false
}

// safetyLang is the language of a crisis or emergency reply: userLang
// for u, the sender's record as safetyUser read it.
func (e *Engine) safetyLang(kb *faq.KB, m carebot.Message, text string, u carebot.User) string {
	return e.userLang(kb, text, m.Lang, u)
}

// baseLang is the language of a platform's hint: "es" for "es-MX".
func baseLang(hint string) string {
	base, _, _ := strings.Cut(strings.ToLower(hint), "-")
	return base
}

// knownLang is replyLang without looking at the message.
func (e *Engine) knownLang(kb *faq.KB, hint, known string) string {
	if known != "" {
		return known
	}
	if base := baseLang(hint); speaks(base) != nil {
		return base
	}
	return kb.Language
}

func (e *Engine) now() time.Time {
	if e.Now != nil {
		return e.Now()
	}
	return time.Now()
}

func (e *Engine) logError(ctx context.Context, what string, err error) {
	if e.Logger != nil {
		e.Logger.LogAttrs(ctx, slog.LevelError, what, slog.String("err", err.Error()))
	}
}

// isBareNumber reports a message of one to three digits and nothing else
// but spaces and a final period.
func isBareNumber(text string) bool {
	t := strings.TrimSuffix(strings.TrimSpace(text), ".")
	if len(t) == 0 || len(t) > 3 {
		return false
	}
	for i := 0; i < len(t); i++ {
		if t[i] < '0' || t[i] > '9' {
			return false
		}
	}
	return true
}

// isBareCancel reports CANCEL or CANCELAR alone (give or take "please"),
// the opt-out keyword that is also an appointment reminder's answer.
func isBareCancel(in consentIntent) bool {
	return in.method == "keyword:CANCEL" || in.method == "keyword:CANCELAR"
}

// awaitsAnswer reports whether a command waits for u's answer to an
// appointment reminder (see AnswerAwaiter). A store failure counts as
// not: CANCEL then opts out, as it always did.
func (e *Engine) awaitsAnswer(ctx context.Context, u carebot.User) bool {
	for _, c := range e.Commands {
		if a, ok := c.(AnswerAwaiter); ok {
			if waits, err := a.AwaitsAnswer(ctx, u); err != nil {
				e.logError(ctx, "appointment answer", err)
			} else if waits {
				return true
			}
		}
	}
	return false
}

// lettersOnly reports a message whose words are single letters and
// nothing else but punctuation ("X", "x.", "s x", "%x"), and the letters,
// folded.
// It allocates only for such a message: every question passes here.
func lettersOnly(text string) (letters string, ok bool) {
	var buf [32]byte
	b := buf[:0]
	prev := false // the rune before was a letter
	for _, r := range text {
		switch {
		case unicode.IsLetter(r):
			if prev || len(b) > len(buf)-utf8.UTFMax {
				return "", false
			}
			b = utf8.AppendRune(b, unicode.ToLower(r))
			prev = true
		case unicode.IsDigit(r):
			return "", false
		default:
			prev = false
		}
	}
	return string(b), len(b) > 0
}

// slashCommand reads "/stop" and "/help@clinic_bot" as the command name.
func slashCommand(text string) (string, bool) {
	if !strings.HasPrefix(text, "/") || strings.ContainsAny(text, " \n") {
		return "", false
	}
	cmd, _, _ := strings.Cut(strings.ToLower(text[1:]), "@")
	return cmd, cmd != ""
}
