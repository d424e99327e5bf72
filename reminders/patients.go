package reminders

import (
	"context"
	"errors"
	"fmt"
	"math/rand/v2"
	"strings"
	"time"

	"github.com/carebot/carebot"
	"github.com/carebot/carebot/pending"
)

// Patients is the self-service a patient reaches by chat: reminders they
// ask for ("remind me to take my meds every day at 8am"), listing,
// deleting, pausing and snoozing them, their time zone, and their answers
// to appointment reminders (the buttons, or C, X, R). The engine calls
// Handle with each message that no earlier step (safety, consent) took.
type Patients struct {
	Clock Clock // nil: the system clock
	// Zone is assumed, and the patient told so once, when they have no
	// time zone yet; nil: UTC.
	Zone *time.Location
	// Clinic is named when a patient cancels or asks to reschedule;
	// ClinicNow, if set, is read instead, as Dispatcher.ClinicNow is.
	Clinic    Clinic
	ClinicNow func() Clinic
	Wake      func() // Dispatcher.Notify; may be nil
	// Secret keys the pseudonyms in outbox IDs; the Dispatcher's.
	Secret []byte
	// Consents, if set, shows in "list my reminders" which reminders the
	// patient's opt-outs hold back, as the Dispatcher will at send time.
	Consents Consents

	out   Outbox
	users UserWriter
	appts *Appointments
	asks  pending.Map[ask] // the questions the bot asked, waiting for an answer
}

// NewPatients returns the self-service over out, changing time zones
// through users. appts may be nil: then appointment answers are not
// handled.
func NewPatients(out Outbox, users UserWriter, appts *Appointments) *Patients {
	return &Patients{out: out, users: users, appts: appts, asks: pending.Map[ask]{For: askFor, Max: maxAsks}}
}

// maxPatientReminders is the most reminders one patient may keep.
const maxPatientReminders = 50

// Handle answers m from u if it is a reminder command or an answer to a
// reminder; handled is false when it is not (the engine goes on to the
// FAQ). Replies are private and in the patient's language. An error means
// the store failed; the engine words it for the patient.
func (p *Patients) Handle(ctx context.Context, m carebot.Message, u carebot.User) (replies []carebot.Reply, handled bool, err error) {
	if u.Key == "" {
		u.Key = m.From.UserKey()
	}
	lang := u.Lang
	if lang == "" {
		lang = m.Lang
	}
	lang = baseLang(lang)
	var reply carebot.Reply
	switch {
	case strings.HasPrefix(m.Payload, "appt:"):
		reply, handled, err = p.answerPayload(ctx, m.Payload, u, lang)
	case strings.HasPrefix(m.Payload, payloadSnooze):
		// "rem:snooze:1h:<the reminder's own part of its ID>"; buttons
		// sent before carry no ID, and snooze the latest reminder.
		length, ref, _ := strings.Cut(strings.TrimPrefix(m.Payload, payloadSnooze), ":")
		var d time.Duration
		if d, err = time.ParseDuration(length); err != nil || d <= 0 || d > 24*time.Hour {
			d, err = time.Hour, nil
		}
		reply.Text, handled, err = p.snooze(ctx, u, lang, d, true, ref)
	case m.Payload != "":
		return nil, false, nil
	default:
		ws := words(m.Text)
		ns := norms(ws)
		whole := strings.Join(ns, " ")
		// A question the bot asked is answered by this message or not at
		// all; a command asked now may ask one again.
		q, _, waits := p.asks.Take(u.Key, p.now())
		r, es, answers := appointmentAnswer(whole)
		switch {
		case waits && q.kind == askAppointment && answers:
			reply, handled, err = p.answerCard(ctx, u, q, langIf(u, es, lang), r)
		case waits && q.kind != askAppointment && dropsAsk(whole):
			reply.Text, handled = say(q.lang, askDropped[q.kind]), true
		case answers:
			reply, handled, err = p.answerText(ctx, u, langIf(u, es, lang), r)
		default:
			if es, day, ok := apptsQuestion(ns[politeOpener(ns):]); ok {
				reply, handled, err = p.myAppointments(ctx, u, langIf(u, es, lang), day)
				break
			}
			reply.Text, handled, err = p.command(ctx, ws, u, lang)
			if waits && !handled && err == nil && q.kind != askAppointment {
				reply.Text, handled, err = p.answerAsk(ctx, u, q, ws)
			}
		}
	}
	if err != nil || !handled {
		return nil, handled, err
	}
	reply.Private = true
	return []carebot.Reply{reply}, true, nil
}

// Requests reports whether text, one piece of a longer message, is on its
// own a request for a reminder that says when ("remind me to take my pill
// at 8pm" in "remind me to take my pill at 8pm. what are your hours?"):
// the engine then runs it as a command and answers the rest of the
// message as a question, where the whole message would have been read as
// one reminder whose text was a question. A time that has passed, or is
// too far, still counts: Handle says so. Nothing is changed.
func (p *Patients) Requests(text string) bool {
	ws := words(text)
	ns := norms(ws)
	if len(ws) == 0 || len(ws) > 40 {
		return false
	}
	n, es, _, ok := remindCommand(ns)
	if !ok || n >= len(ns) {
		return false
	}
	lang := langEN
	if es {
		lang = langES
	}
	_, _, err := splitWhen(lang, ws[n:], p.now(), time.UTC)
	var noDate noDateError
	return err == nil || errors.Is(err, errPastTime) || errors.Is(err, errTooFar) || errors.As(err, &noDate)
}

// command recognises a typed command and runs it.
func (p *Patients) command(ctx context.Context, ws []word, u carebot.User, lang string) (string, bool, error) {
	ns := norms(ws)
	whole := strings.Join(ns, " ")
	if len(ws) == 0 || len(ws) > 40 {
		return "", false, nil
	}
	if rest, es, ok := snoozeCommand(ns); ok {
		return p.snoozeText(ctx, u, langIf(u, es, lang), rest)
	}
	if rest, es, weak, ok := zoneCommand(ns); ok {
		return p.setZone(ctx, u, langIf(u, es, lang), joinOrig(ws[len(ws)-len(rest):]), weak)
	}
	if n, es, ask, ok := remindCommand(ns); ok {
		return p.remind(ctx, u, langIf(u, es, lang), ws[n:], ask)
	}
	// "please list my reminders", "can you pause my reminders until
	// monday": the managing commands after a polite opener.
	if k := politeOpener(ns); k < len(ns) {
		ns = ns[k:]
		whole = strings.Join(ns, " ")
	}
	if es, ok := listCommand(whole); ok {
		return p.list(ctx, u, langIf(u, es, lang))
	}
	if targets, all, es, ok := deleteCommand(ns); ok {
		return p.remove(ctx, u, langIf(u, es, lang), targets, all)
	}
	if rest, es, ok := pauseCommand(ns); ok {
		return p.pause(ctx, u, langIf(u, es, lang), rest)
	}
	if es, ok := resumeCommand(ns); ok {
		return p.resume(ctx, u, langIf(u, es, lang))
	}
	return "", false, nil
}

// langIf returns Spanish when the command was Spanish, else the
// patient's language; a language the patient chose (ESPAÑOL, ENGLISH)
// stays theirs whatever the command's words.
func langIf(u carebot.User, es bool, lang string) string {
	if es && !u.LangChosen {
		return langES
	}
	return lang
}

// zone returns the patient's time zone, and whether it was assumed.
func (p *Patients) zone(u carebot.User) (*time.Location, bool) {
	fallback := p.Zone
	if fallback == nil {
		fallback = time.UTC
	}
	if u.TimeZone == "" {
		return fallback, true
	}
	return u.Location(fallback), false
}

// assumeZone records the zone a patient without one was given, so that
// they are told only once.
func (p *Patients) assumeZone(ctx context.Context, u carebot.User, loc *time.Location) error {
	u.TimeZone = loc.String()
	if err := p.users.PutUser(ctx, u); err != nil {
		return fmt.Errorf("remember time zone: %w", err)
	}
	return nil
}

// newID names a patient's new reminder: unique, and every ID has the same
// length, so no one is a prefix of another.
func (p *Patients) newID(user string, now time.Time) string {
	return fmt.Sprintf("%s%016x%08x", PatientPrefix(p.Secret, user), now.UnixNano(), rand.Uint32())
}

func (p *Patients) now() time.Time { return clockOr(p.Clock).Now() }

func (p *Patients) wake() {
	if p.Wake != nil {
		p.Wake()
	}
}

// mine lists a patient's reminders still to come, soonest first (not the
// sent ones kept for snoozing).
func (p *Patients) mine(ctx context.Context, user string) ([]carebot.OutboxItem, error) {
	var list []carebot.OutboxItem
	err := p.out.Items(ctx, PatientPrefix(p.Secret, user), func(it carebot.OutboxItem) error {
		if it.User == user && (it.Rule != "" || it.Sent.IsZero()) {
			list = append(list, it)
		}
		return nil
	})
	if err != nil {
		return nil, fmt.Errorf("list reminders: %w", err)
	}
	sortByDue(list)
	return list, nil
}
