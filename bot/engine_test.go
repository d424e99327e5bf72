package bot

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"log/slog"
	"reflect"
	"regexp"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/carebot/carebot"
	"github.com/carebot/carebot/faq"
)

// memStore is the engine's users, consents and feedback in memory. fail
// makes every call fail, as a broken database would.
type memStore struct {
	mu       sync.Mutex
	users    map[string]carebot.User
	events   []carebot.ConsentEvent
	feedback []carebot.Feedback
	calls    int // reads and writes
	writes   int
	fail     bool
}

func newMemStore() *memStore { return &memStore{users: map[string]carebot.User{}} }

func (s *memStore) User(ctx context.Context, key string) (carebot.User, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.calls++
	if s.fail {
		return carebot.User{}, errors.New("disk on fire")
	}
	u, ok := s.users[key]
	if !ok {
		return carebot.User{}, fmt.Errorf("user: %w", carebot.ErrNotFound)
	}
	return u, nil
}

func (s *memStore) PutUser(ctx context.Context, u carebot.User) error {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.calls++
	s.writes++
	if s.fail {
		return errors.New("disk on fire")
	}
	s.users[u.Key] = u
	return nil
}

func (s *memStore) RecordConsent(ctx context.Context, evs ...carebot.ConsentEvent) error {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.calls++
	s.writes++
	if s.fail {
		return errors.New("disk on fire")
	}
	s.events = append(s.events, evs...)
	return nil
}

func (s *memStore) RecordFeedback(ctx context.Context, f carebot.Feedback) error {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.calls++
	s.writes++
	if s.fail {
		return errors.New("disk on fire")
	}
	s.feedback = append(s.feedback, f)
	return nil
}

var testNow = time.Date(2026, 11, 25, 10, 30, 0, 0, time.UTC)

func testKB(t testing.TB) *faq.KB {
	t.Helper()
	kb, err := faq.Load("testdata/faq.yaml")
	if err != nil {
		t.Fatal(err)
	}
	return kb
}

func newTestEngine(t testing.TB) (*Engine, *memStore) {
	t.Helper()
	e := New(testKB(t))
	st := newMemStore()
	e.Users, e.Consents, e.Feedback = st, st, st
	e.Now = func() time.Time { return testNow }
	return e, st
}

func dm(text string) carebot.Message {
	return carebot.Message{From: carebot.Address{Platform: "test", ChatID: "c1", UserID: "u1"}, Text: text, At: testNow}
}

func inGroup(text string, mentioned bool) carebot.Message {
	return carebot.Message{From: carebot.Address{Platform: "test", ChatID: "g1", UserID: "u1", Group: true}, Text: text, Mentioned: mentioned, At: testNow}
}

// A button's label is the bot's words: a follow-up titled like a crisis
// ("What if I want to end my life?") answers its entry when pressed, as
// it does on Telegram, where a press carries no text.
func TestPressedLabelIsNotScreened(t *testing.T) {
	e, _ := newTestEngine(t)
	m := press("faq:hours")
	m.Text = "What if I want to end my life?"
	if o := e.Respond(context.Background(), m); o.Route != RouteAnswer || o.Entry != "hours" {
		t.Errorf("got route %s entry %q, want the hours entry answered", o.Route, o.Entry)
	}
	if o := e.Respond(context.Background(), dm(m.Text)); o.Route != RouteCrisis {
		t.Errorf("typed: got route %s, want %s", o.Route, RouteCrisis)
	}
}

func press(payload string) carebot.Message {
	m := dm("")
	m.Payload = payload
	return m
}

// known makes the sender of dm a returning user, so no welcome is added.
func known(st *memStore, lang string) {
	st.users["test:u1"] = carebot.User{Key: "test:u1", Lang: lang}
}

func TestSafetyComesFirst(t *testing.T) {
	tests := []struct {
		name      string
		m         carebot.Message
		wantRoute Route
		wantIn    string // in the full reply
		wantReps  int
	}{
		{"crisis in a DM", dm("i want to end my life"), RouteCrisis, "988", 1},
		{"emergency in a DM", dm("my husband collapsed and is not breathing"), RouteEmergency, "911", 1},
		{"crisis that also says STOP", dm("stop. i want to kill myself"), RouteCrisis, "988", 1},
		{"crisis that opens like an opt-out", dm("ya no quiero vivir"), RouteCrisis, "988", 1},
		{"crisis that also says stop texting", dm("ya no me escriban, me quiero morir"), RouteCrisis, "988", 1},
		{"unaddressed crisis in a group", inGroup("i want to kill myself", false), RouteCrisis, "988", 2},
		{"emergency in Spanish", dm("mi bebé no respira"), RouteEmergency, "911", 1},
		// Abuse is a crisis with its own hotline, and 911 first.
		{"abuse in a DM", dm("my husband hits me and i am scared to go home"), RouteCrisis, "call 911. The National Domestic Violence Hotline", 1},
		{"abuse in Spanish", dm("mi esposo me pega"), RouteCrisis, "llame al 911. La Línea Nacional sobre la Violencia Doméstica", 1},
		// QA: too few words to tell the language, and none of them
		// votes: the crisis words say it.
		{"a bare me mato, in Spanish", dm("me mato"), RouteCrisis, "Siento mucho que esté pasando por esto", 1},
		{"a reminder made of it", dm("recuérdame matarme mañana a las 9"), RouteCrisis, "988", 1},
		{"unaddressed abuse in a group", inGroup("my boyfriend choked me last night", false), RouteCrisis, "1-800-799-7233", 2},
		// Pasted text carries invisible characters; they must not hide a crisis.
		{"crisis with a zero-width space in a word", dm("i want to k\u200bill myself"), RouteCrisis, "988", 1},
		{"crisis with a soft hyphen and a joiner", dm("i want to end my li\u00adf\u200de"), RouteCrisis, "988", 1},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			e, st := newTestEngine(t)
			st.fail = true // the database is down: safety must not care
			o := e.Respond(context.Background(), tt.m)
			if o.Route != tt.wantRoute {
				t.Fatalf("route: got %s, want %s", o.Route, tt.wantRoute)
			}
			if len(o.Replies) != tt.wantReps {
				t.Fatalf("got %d replies, want %d: %+v", len(o.Replies), tt.wantReps, o.Replies)
			}
			full := o.Replies[len(o.Replies)-1]
			if !strings.Contains(full.Text, tt.wantIn) {
				t.Errorf("reply %q does not contain %q", full.Text, tt.wantIn)
			}
			if st.writes != 0 {
				t.Errorf("safety reply wrote to the store %d times; the text must not be stored", st.writes)
			}
			for i, r := range o.Replies {
				if !r.Safety {
					t.Errorf("reply %d is not marked Safety, so it would wait behind a chat's other replies", i)
				}
			}
			if tt.m.From.Group {
				if !full.Private {
					t.Error("the full safety reply in a group is not private")
				}
				if o.Replies[0].Private || !strings.Contains(o.Replies[0].Text, "911") {
					t.Errorf("group note: got %+v, want a public line with 911", o.Replies[0])
				}
				// Whether a DM reaches the member is known only once it is
				// tried; if it cannot, the whole reply goes to the group.
				if strings.Contains(o.Replies[0].Text, "private") {
					t.Errorf("group line %q speaks of a private message before one was sent", o.Replies[0].Text)
				}
				if full.IfUnreachable != full.Text {
					t.Errorf("if the member cannot be reached the group gets %q, want the full reply", full.IfUnreachable)
				}
			}
		})
	}
}

func TestStopIsRecordedThenConfirmedOnce(t *testing.T) {
	e, st := newTestEngine(t)
	known(st, "en")
	o := e.Respond(context.Background(), dm("STOP"))
	if o.Route != RouteOptOut {
		t.Fatalf("route: got %s, want %s", o.Route, RouteOptOut)
	}
	if len(o.Replies) != 1 {
		t.Fatalf("got %d replies, want exactly one confirmation", len(o.Replies))
	}
	if len(st.events) != len(carebot.Purposes()) {
		t.Fatalf("got %d consent events, want one per purpose (%d)", len(st.events), len(carebot.Purposes()))
	}
	for _, ev := range st.events {
		want := carebot.ConsentEvent{User: "test:u1", Purpose: ev.Purpose, Action: carebot.OptOut, Method: "keyword:STOP", Wording: WordingVersion, At: testNow}
		if ev != want {
			t.Errorf("event: got %+v, want %+v", ev, want)
		}
	}
	// A direct reply is always allowed: the next question is answered.
	if o := e.Respond(context.Background(), dm("what are your opening hours?")); o.Route != RouteAnswer || o.Entry != "hours" {
		t.Errorf("question after STOP: got %s %q, want answer hours", o.Route, o.Entry)
	}
}

func TestConsentWording(t *testing.T) {
	all := carebot.Purposes()
	tests := []struct {
		text      string
		wantRoute Route
		want      []carebot.Purpose // the purposes recorded
	}{
		{"stop", RouteOptOut, all},
		{"Stop.", RouteOptOut, all},
		{"STOPALL", RouteOptOut, all},
		{"stop all", RouteOptOut, all},
		{"UNSUBSCRIBE", RouteOptOut, all},
		{"cancel", RouteOptOut, all},
		{"End", RouteOptOut, all},
		{"QUIT", RouteOptOut, all},
		{"revoke", RouteOptOut, all},
		{"opt out", RouteOptOut, all},
		{"opt-out", RouteOptOut, all},
		{"OPTOUT", RouteOptOut, all},
		{"stop texting me", RouteOptOut, all},
		{"please stop sending me messages", RouteOptOut, all},
		{"no more texts please", RouteOptOut, all},
		{"no más", RouteOptOut, all},
		{"ya no quiero mensajes", RouteOptOut, all},
		{"/stop", RouteOptOut, all},
		{"stop awareness", RouteOptOut, []carebot.Purpose{carebot.PurposeAwareness}},
		{"STOP ANNOUNCEMENTS", RouteOptOut, []carebot.Purpose{carebot.PurposeAnnouncements}},
		{"stop sending me health tips", RouteOptOut, []carebot.Purpose{carebot.PurposeAwareness}},
		{"start", RouteOptIn, all},
		{"UNSTOP", RouteOptIn, all},
		{"subscribe", RouteOptIn, all},
		{"subscribe to awareness", RouteOptIn, []carebot.Purpose{carebot.PurposeAwareness}},
		// Wishes said as sentences.
		{"i don't want these text reminders anymore", RouteOptOut, []carebot.Purpose{carebot.PurposeAppointments}},
		{"I do not want to get any more text messages", RouteOptOut, all},
		{"dont send me health tips", RouteOptOut, []carebot.Purpose{carebot.PurposeAwareness}},
		{"I'd like to unsubscribe from the newsletter", RouteOptOut, []carebot.Purpose{carebot.PurposeAnnouncements}},
		{"turn off reminders", RouteOptOut, []carebot.Purpose{carebot.PurposeAppointments}},
		{"turn my text reminders back on", RouteOptIn, []carebot.Purpose{carebot.PurposeAppointments}},
		{"i want to get texts again", RouteOptIn, all},
		{"ya no quiero recibir recordatorios", RouteOptOut, []carebot.Purpose{carebot.PurposeAppointments}},
		{"no me manden más mensajes de texto", RouteOptOut, all},
		{"ya no quiero que me manden mensajes de texto", RouteOptOut, all},
		{"quiero recibir los recordatorios", RouteOptIn, []carebot.Purpose{carebot.PurposeAppointments}},
		{"stop messaging me", RouteOptOut, all},
		{"ya no me escriban", RouteOptOut, all},
		{"Ya no me escriban más, por favor", RouteOptOut, all},
		{"no me escriban", RouteOptOut, all},
		{"no me escriba más", RouteOptOut, all},
		{"no me manden más mensajes", RouteOptOut, all},
		{"dejen de escribirme", RouteOptOut, all},
		{"dejen de escribirme por favor", RouteOptOut, all},
		// QA: a leading "por favor" hid the opt-out.
		{"por favor ya no me escriban", RouteOptOut, all},
		{"Por favor, dejen de escribirme", RouteOptOut, all},
		{"¡Por favor no me escriban más!", RouteOptOut, all},
		{"basta", RouteOptOut, all},
		{"suscribirme", RouteOptIn, all},
		// QA: a frustrated patient's opt-outs got the FAQ's "Reply STOP".
		{"STOP STOP", RouteOptOut, all},
		{"STOP STOP STOP", RouteOptOut, all},
		{"Stop. Stop. Stop.", RouteOptOut, all},
		{"STOP!!! stop texting me", RouteOptOut, all},
		{"stop stop appointments", RouteOptOut, []carebot.Purpose{carebot.PurposeAppointments}},
		{"i said stop", RouteOptOut, all},
		{"I SAID STOP TEXTING ME", RouteOptOut, all},
		{"i told you to stop", RouteOptOut, all},
		{"I asked you to stop texting me", RouteOptOut, all},
		{"stop fucking texting me", RouteOptOut, all},
		{"just stop", RouteOptOut, all},
		{"seriously, stop already", RouteOptOut, all},
		{"stop the damn reminders", RouteOptOut, []carebot.Purpose{carebot.PurposeAppointments}},
		{"i don't want your freaking texts", RouteOptOut, all},
		{"STOP SPAMMING ME", RouteOptOut, all},
		{"wrong number stop texting me", RouteOptOut, all},
		{"You have the wrong number. STOP", RouteOptOut, all},
		{"Stop texting me I am not your patient", RouteOptOut, all},
		{"I'm not the patient, stop texting me", RouteOptOut, all},
		{"this is not my number, please stop", RouteOptOut, all},
		{"please remove my number", RouteOptOut, all},
		{"remove my number from your list", RouteOptOut, all},
		{"quiten mi número de la lista", RouteOptOut, all},
		{"remove my number from my chart", "", nil}, // the record, not the list
		{"update my number", "", nil},
		{"no más mensajes por favor", RouteOptOut, all},
		{"STOP por favor", RouteOptOut, all},
		{"ya basta de mensajes", RouteOptOut, all},
		{"basta ya", RouteOptOut, all},
		{"basta de consejos", RouteOptOut, []carebot.Purpose{carebot.PurposeAwareness}},
		{"deja de escribirme", RouteOptOut, all},
		{"deje de mandarme mensajes", RouteOptOut, all},
		{"dejen de mandar mensajes", RouteOptOut, all},
		{"paren de enviarme recordatorios", RouteOptOut, []carebot.Purpose{carebot.PurposeAppointments}},
		{"no me mandes mas", RouteOptOut, all},
		{"no me manden nada", RouteOptOut, all},
		{"ya no me escribas", RouteOptOut, all},
		{"cancelar mensajes", RouteOptOut, all},
		{"cancel all texts", RouteOptOut, all},
		{"número equivocado, no me escriban", RouteOptOut, all},
		{"ya les dije que no me escriban", RouteOptOut, all},
		{"les dije que me escriban", "", nil}, // a wish for messages
		{"ayuda por favor", RouteHelp, nil},
		{"quiero recibir consejos", RouteOptIn, []carebot.Purpose{carebot.PurposeAwareness}},
		{"quiero recibir recordatorios", RouteOptIn, []carebot.Purpose{carebot.PurposeAppointments}},
		{"help", RouteHelp, nil},
		{"INFO", RouteHelp, nil},
		{"ayuda", RouteHelp, nil},
		{"/help", RouteHelp, nil},
		// QA: these got the fallback.
		{"help me", RouteHelp, nil},
		{"I need help!", RouteHelp, nil},
		{"can you help me?", RouteHelp, nil},
		{"ayúdame por favor", RouteHelp, nil},
		{"¿me puede ayudar?", RouteHelp, nil},
		// Questions, not keywords.
		{"cancel my appointment", RouteAnswer, nil},
		{"I need to cancel my appointment", RouteAnswer, nil},
		{"how do I stop getting text messages?", RouteAnswer, nil},
		{"can I stop my blood pressure pills?", "", nil},
		{"stop by the clinic saturday?", "", nil},
		{"i don't want my appointment", "", nil},    // names no kind of message
		{"no quiero cancelar mi cita", "", nil},     // the same
		{"i want my reminders in spanish", "", nil}, // a wish about something else
		{"i don't want texts, can you email me instead", "", nil},
		{"turn off", "", nil},                            // off what?
		{"i stopped getting my text reminders", "", nil}, // a problem, not a wish
		{"ya no me escriben", "", nil},                   // the same: "you don't write to me any more"
		{"¿por qué ya no me escriben?", "", nil},
		{"¿cómo dejo de recibir mensajes?", "", nil},
		{"como hago para que no me escriban", "", nil},
		{"no me escriban a este número, escríbanme al otro", "", nil},
		// Look-alikes of the new opt-outs.
		{"how do I stop messages?", RouteAnswer, nil},
		{"if I reply stop will I still get appointment reminders?", "", nil},
		{"can I stop just the health tips?", "", nil},
		{"wrong number", "", nil}, // who they are not, not what they want
		{"this is not my number", "", nil},
		{"i said", "", nil},
		{"i said start", "", nil},  // asides go only with an opt-out
		{"i said cancel", "", nil}, // may answer an appointment reminder
		{"just wondering when you open", "", nil},
		{"stop stop by the clinic", "", nil},
		{"start stop", "", nil},
		{"cancelar mi cita", "", nil},
		{"cancelar las citas", "", nil},
		{"ya no me mandan los recordatorios", "", nil}, // a problem, not a wish
		{"quiero mandar mensajes", "", nil},
		{"no me mande la receta", "", nil},
		{"ya cancelé mi cita", "", nil},
		// Reminders' own words, not consent.
		{"resume my reminders", "", nil},
		{"restart reminders", "", nil},
	}
	for _, tt := range tests {
		t.Run(tt.text, func(t *testing.T) {
			e, st := newTestEngine(t)
			known(st, "en")
			o := e.Respond(context.Background(), dm(tt.text))
			switch tt.wantRoute {
			case "":
				if o.Route == RouteOptOut || o.Route == RouteOptIn || o.Route == RouteHelp {
					t.Fatalf("route: got %s, want no consent route", o.Route)
				}
			default:
				if o.Route != tt.wantRoute {
					t.Fatalf("route: got %s, want %s", o.Route, tt.wantRoute)
				}
			}
			var got []carebot.Purpose
			for _, ev := range st.events {
				got = append(got, ev.Purpose)
			}
			if fmt.Sprint(got) != fmt.Sprint(tt.want) {
				t.Errorf("recorded purposes: got %v, want %v", got, tt.want)
			}
			if tt.want != nil && len(o.Replies) != 1 {
				t.Errorf("got %d replies, want exactly one confirmation", len(o.Replies))
			}
		})
	}
}

// A patient with no language recorded gets their consent confirmed in the
// language of the words they used, whatever their platform says: "stop
// consejos" in Spanish, "stop texting me" in English. Words both
// languages send (STOP, and the STOP AWARENESS the Spanish HELP teaches)
// leave it to the message, the platform and the clinic, as before.
func TestConsentInTheLanguageWritten(t *testing.T) {
	tests := []struct {
		text, hint string
		want       string // the confirmation's language
	}{
		{"stop consejos", "", "es"},
		{"STOP recordatorios", "", "es"},
		{"start consejos", "", "es"},
		{"unsubscribe avisos", "", "es"},
		{"stop noticias", "en-US", "es"},
		{"activar consejos", "", "es"},
		{"mandenme consejos", "", "es"},
		{"desactivar recordatorios", "en-US", "es"},
		{"no me envien consejos", "en-US", "es"},
		{"no mas", "en-US", "es"},
		{"ALTO", "en-US", "es"},
		{"quiero recibir consejos", "en", "es"},
		{"ya no quiero recibir recordatorios", "", "es"},
		{"ya no me escriban", "", "es"},
		{"dejen de escribirme por favor", "en-US", "es"},
		{"basta", "", "es"},
		{"necesito ayuda", "en", "es"},
		{"i need help", "es", "en"},
		{"help me", "es", "es"}, // HELP and "me" are both languages'
		// English stays English.
		{"stop texting me", "", "en"},
		{"stop texting me", "es-MX", "en"},
		{"stop sending me health tips", "es-MX", "en"},
		{"turn my text reminders back on", "es", "en"},
		{"i don't want these text reminders anymore", "", "en"},
		{"stop tips", "", "en"},
		// Words both languages send.
		{"STOP", "", "en"},
		{"STOP", "es-MX", "es"},
		{"STOP AWARENESS", "es-MX", "es"},
		{"START", "es", "es"},
	}
	for _, tt := range tests {
		t.Run(tt.text+"/"+tt.hint, func(t *testing.T) {
			e, _ := newTestEngine(t)
			m := dm(tt.text)
			m.Lang = tt.hint
			o := e.Respond(context.Background(), m)
			if o.Route != RouteOptOut && o.Route != RouteOptIn && o.Route != RouteHelp {
				t.Fatalf("route: got %s, want a consent route", o.Route)
			}
			reply := map[string]string{"en": "Reply ", "es": "Responda "}[tt.want]
			if o.Lang != tt.want || len(o.Replies) != 1 || !strings.Contains(o.Replies[0].Text, reply) {
				t.Errorf("got %q %+v, want one confirmation in %q", o.Lang, o.Replies, tt.want)
			}
		})
	}
}

// A patient's language moves only with words of the other language: STOP,
// HELP and the English purpose names, which Spanish speakers send too,
// keep the one recorded (QA: "stop appointments" moved a Spanish speaker
// to English for good, and their reminders with it), and a Spanish-only
// keyword answers in Spanish whatever the record says, unless they chose.
func TestConsentKeepsTheRecordedLanguage(t *testing.T) {
	tests := []struct {
		recorded string
		chosen   bool
		text     string
		want     string // the reply's language, and theirs after it
	}{
		{"es", false, "stop appointments", "es"},
		{"es", false, "STOP REMINDERS", "es"},
		{"es", false, "STOP APPOINTMENTS", "es"},
		{"es", false, "STOP AWARENESS", "es"},
		{"es", false, "STOP", "es"},
		{"es", false, "HELP", "es"},
		{"es", false, "START APPOINTMENTS", "es"},
		{"es", false, "STOP STOP", "es"},
		{"en", false, "ayuda", "es"},
		{"en", false, "ALTO", "es"},
		{"en", false, "stop consejos", "es"},
		{"en", false, "STOP", "en"},
		{"en", false, "stop appointments", "en"},
		{"es", false, "stop texting me", "en"}, // written in English
		{"en", true, "ayuda", "en"},            // chosen with ENGLISH: stays
		{"es", true, "stop texting me", "es"},
	}
	for _, tt := range tests {
		t.Run(tt.recorded+"/"+tt.text, func(t *testing.T) {
			e, st := newTestEngine(t)
			st.users["test:u1"] = carebot.User{Key: "test:u1", Lang: tt.recorded, LangChosen: tt.chosen}
			o := e.Respond(context.Background(), dm(tt.text))
			reply := map[string]string{"en": "Reply ", "es": "Responda "}[tt.want]
			if o.Lang != tt.want || len(o.Replies) != 1 || !strings.Contains(o.Replies[0].Text, reply) {
				t.Errorf("got %q %+v, want one reply in %q", o.Lang, o.Replies, tt.want)
			}
			if got := st.users["test:u1"].Lang; got != tt.want {
				t.Errorf("language saved: got %q, want %q", got, tt.want)
			}
		})
	}
}

// QA: STOP set a new patient's language to the clinic's, and AYUDA after
// it was answered in English.
func TestSpanishKeywordAfterStop(t *testing.T) {
	e, st := newTestEngine(t)
	ctx := context.Background()
	if o := e.Respond(ctx, dm("STOP")); o.Route != RouteOptOut || o.Lang != "en" {
		t.Fatalf("STOP: got %s in %q, want an opt-out in English", o.Route, o.Lang)
	}
	o := e.Respond(ctx, dm("ayuda"))
	if o.Route != RouteHelp || o.Lang != "es" || !strings.Contains(o.Replies[0].Text, "Responda ") {
		t.Errorf("ayuda after STOP: got %s in %q %+v, want HELP in Spanish", o.Route, o.Lang, o.Replies)
	}
	if got := st.users["test:u1"].Lang; got != "es" {
		t.Errorf("language saved: got %q, want es", got)
	}
}

// Opting out of appointment reminders alone says that the reminders the
// patient set themselves go on: only a full STOP holds those.
func TestOptOutOfAppointmentsSaysOwnRemindersGoOn(t *testing.T) {
	tests := []struct {
		text string
		want bool
	}{
		{"STOP APPOINTMENTS", true},
		{"turn off reminders", true},
		{"i don't want these text reminders anymore", true},
		{"ya no quiero recibir recordatorios", true},
		{"stop awareness", false},
		{"STOP", false},
	}
	for _, tt := range tests {
		e, st := newTestEngine(t)
		known(st, "en")
		o := e.Respond(context.Background(), dm(tt.text))
		if len(o.Replies) != 1 {
			t.Fatalf("%q: %d replies, want one confirmation", tt.text, len(o.Replies))
		}
		text := o.Replies[0].Text
		got := strings.Contains(text, "Reminders you set yourself still come") || strings.Contains(text, "usted mismo creó siguen llegando")
		if got != tt.want {
			t.Errorf("%q: confirmation %q; says own reminders go on: %v, want %v", tt.text, text, got, tt.want)
		}
	}
}

func TestHelpSaysWhatItIs(t *testing.T) {
	for _, lang := range []string{"en", "es"} {
		e, st := newTestEngine(t)
		known(st, lang)
		o := e.Respond(context.Background(), dm("HELP"))
		text := o.Replies[0].Text
		for _, want := range []string{"Test Valley Clinic", "+1 555 0199", "STOP", "START", "911", "988"} {
			if !strings.Contains(text, want) {
				t.Errorf("%s HELP does not mention %q: %s", lang, want, text)
			}
		}
		// Every "STOP <KIND>" HELP teaches stops that one kind, in the
		// words of its language (the Spanish taught English words).
		kinds := regexp.MustCompile(`STOP [A-Z]+`).FindAllString(text, -1)
		if len(kinds) != 3 {
			t.Errorf("%s HELP teaches %q, want three kinds", lang, kinds)
		}
		for _, k := range kinds {
			if in := parseConsent(k); in.kind != intentOptOut || len(in.purposes) != 1 {
				t.Errorf("%s HELP teaches %q, which reads as %+v", lang, k, in)
			}
			if l := consentLang(k); lang == "es" && l != "es" {
				t.Errorf("Spanish HELP teaches %q, which is not Spanish", k)
			}
		}
	}
}

func TestConsentNotConfirmedWhenNotRecorded(t *testing.T) {
	e, st := newTestEngine(t)
	st.fail = true
	o := e.Respond(context.Background(), dm("STOP"))
	if got := o.Replies[0].Text; strings.Contains(got, "unsubscribed") || !strings.Contains(got, "couldn't save") {
		t.Errorf("reply when the ledger is down: %q, want an apology, not a confirmation", got)
	}
	e.Consents = nil
	if got := e.Respond(context.Background(), dm("STOP")).Replies[0].Text; !strings.Contains(got, "couldn't save") {
		t.Errorf("reply with no ledger: %q, want an apology", got)
	}
}

func TestWelcomeOnFirstContactOnly(t *testing.T) {
	e, st := newTestEngine(t)
	o := e.Respond(context.Background(), dm("when are you open?"))
	if len(o.Replies) != 2 || !strings.Contains(o.Replies[0].Text, "not medical advice") {
		t.Fatalf("first contact: got %+v, want welcome (with the disclaimer) then the answer", o.Replies)
	}
	if o.Entry != "hours" {
		t.Errorf("first contact answered %q, want hours", o.Entry)
	}
	if _, ok := st.users["test:u1"]; !ok {
		t.Fatal("first contact did not save the user")
	}
	if o := e.Respond(context.Background(), dm("when are you open?")); len(o.Replies) != 1 {
		t.Errorf("second contact: got %d replies, want the answer alone", len(o.Replies))
	}
}

func TestGroups(t *testing.T) {
	e, st := newTestEngine(t)
	known(st, "en")
	if o := e.Respond(context.Background(), inGroup("when are you open", false)); o.Route != RouteIgnored || len(o.Replies) != 0 {
		t.Errorf("unaddressed group message: got %s %+v, want silence", o.Route, o.Replies)
	}
	o := e.Respond(context.Background(), inGroup("when are you open", true))
	if o.Route != RouteAnswer || o.Replies[0].Private {
		t.Errorf("addressed question: got %s private=%v, want a public answer", o.Route, o.Replies[0].Private)
	}
	o = e.Respond(context.Background(), inGroup("stop", true))
	if o.Route != RouteOptOut {
		t.Fatalf("STOP in a group: got %s", o.Route)
	}
	for _, r := range o.Replies {
		if !r.Private && strings.Contains(r.Text, "unsubscribed") {
			t.Errorf("consent confirmation posted in the group: %q", r.Text)
		}
		// The DM is not sent yet, and may never reach them: the group
		// is told it is coming, not that it came.
		if !r.Private && strings.Contains(r.Text, "I've answered") {
			t.Errorf("the group is told %q before the private answer was sent", r.Text)
		}
	}
}

// QA: someone who first asked in a group had no DM on record, and kept
// none after writing to the bot directly: no reminder, appointment
// reminder or broadcast ever reached them.
func TestFirstMetInAGroupThenDM(t *testing.T) {
	e, st := newTestEngine(t)
	e.Respond(context.Background(), inGroup("when are you open", true))
	if u := st.users["test:u1"]; u.DM != (carebot.Address{}) {
		t.Fatalf("after a group message, DM %+v, want none yet", u.DM)
	}
	e.Respond(context.Background(), dm("when are you open"))
	if u := st.users["test:u1"]; u.DM != dm("").From || u.Lang == "" {
		t.Errorf("after a DM, saved %+v, want the DM address and the language kept", u)
	}
}

// A member's first words to the bot in a group get no welcome: it would
// be posted for everyone, once per member, language buttons and all. A
// question gets its answer alone; a hello or /start@bot a short line on
// what the bot does in the group. The welcome waits for a private chat.
func TestGroupsGetNoWelcome(t *testing.T) {
	isWelcome := func(r carebot.Reply) bool {
		for _, b := range r.Buttons {
			if strings.HasPrefix(b.Payload, "lang:") {
				return true
			}
		}
		return strings.Contains(r.Text, "Reply HELP for help")
	}
	for _, text := range []string{"when are you open", "hi", "/start@clinic_bot", "/start", "thanks"} {
		t.Run(text, func(t *testing.T) {
			e, _ := newTestEngine(t)
			o := e.Respond(context.Background(), inGroup(text, true))
			if len(o.Replies) != 1 || isWelcome(o.Replies[0]) {
				t.Fatalf("%s: got %+v, want one reply and no welcome", o.Route, o.Replies)
			}
			if o.Replies[0].Private {
				t.Errorf("%s: the reply is private, want it in the group", o.Route)
			}
			if (text == "hi" || strings.HasPrefix(text, "/start")) && !strings.Contains(o.Replies[0].Text, "Mention me") {
				t.Errorf("%q: got %q, want what the bot does in the group", text, o.Replies[0].Text)
			}
			// The welcome still comes in a private chat.
			if o := e.Respond(context.Background(), dm("/start")); len(o.Replies) != 1 || !isWelcome(o.Replies[0]) {
				t.Errorf("/start in a DM: got %+v, want the welcome", o.Replies)
			}
		})
	}
}

// The bot's name alone in a group, or with a hello or a thumbs-up, gets a
// short line on what the bot does there, in the member's language; not
// "Sorry, I don't have an answer to that".
func TestBareMentionInAGroupGetsAHello(t *testing.T) {
	for _, tt := range []struct{ text, lang, want string }{
		{"", "", "Mention me with a question"},
		{"👍", "", "Mention me with a question"},
		{"👍🏽", "en", "Mention me with a question"},
		{"ok", "", "Mention me with a question"},
		{"", "es", "Mencióneme con una pregunta"},
		{"hola", "", "Mencióneme con una pregunta"},
	} {
		e, st := newTestEngine(t)
		known(st, "")
		m := inGroup(tt.text, true)
		m.Lang = tt.lang
		o := e.Respond(context.Background(), m)
		if o.Route != RouteSmallTalk || len(o.Replies) != 1 || !strings.Contains(o.Replies[0].Text, tt.want) {
			t.Errorf("%q (%s): got %s %+v, want a hello containing %q", tt.text, tt.lang, o.Route, o.Replies, tt.want)
		}
	}
}

// A private answer to a group message says what the group gets when it
// cannot reach the member: a note asking them to open a chat, in their
// language; the safety reply itself for a crisis.
func TestGroupPrivateRepliesSayWhatToPostIfUnreachable(t *testing.T) {
	tests := []struct {
		name, text, lang string
		want             string // in IfUnreachable
	}{
		{"STOP", "stop", "en", "open a chat with me"},
		{"STOP in Spanish", "ya no me escriban", "es", "Abra un chat conmigo"},
		{"crisis in Spanish", "quiero morir, ya no aguanto", "es", "988"},
		{"abuse", "my husband hits me and i am scared to go home", "en", "1-800-799-7233"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			e, _ := newTestEngine(t)
			m := inGroup(tt.text, true)
			m.Lang = tt.lang
			o := e.Respond(context.Background(), m)
			n := 0
			for _, r := range o.Replies {
				if !r.Private {
					if r.IfUnreachable != "" {
						t.Errorf("a public reply carries IfUnreachable %q", r.IfUnreachable)
					}
					continue
				}
				n++
				if !strings.Contains(r.IfUnreachable, tt.want) {
					t.Errorf("%s: IfUnreachable is %q, want it to contain %q", o.Route, r.IfUnreachable, tt.want)
				}
			}
			if n == 0 {
				t.Fatalf("%s: no private reply in %+v", o.Route, o.Replies)
			}
		})
	}
}

// An edited message was answered as first sent: only the safety check
// reads it again, so a message edited into a crisis gets the crisis reply,
// and an edited question or STOP is neither answered nor recorded twice.
func TestEditsAreOnlyCheckedForSafety(t *testing.T) {
	edited := func(m carebot.Message) carebot.Message { m.Edited = true; return m }
	tests := []struct {
		name  string
		m     carebot.Message
		route Route
	}{
		{"crisis in a DM", edited(dm("i want to kill myself")), RouteCrisis},
		{"emergency in a group, unaddressed", edited(inGroup("i took 30 of my sleeping pills", false)), RouteEmergency},
		{"abuse in a group", edited(inGroup("my husband hits me and i am scared to go home", true)), RouteCrisis},
		{"question", edited(dm("what are your opening hours")), RouteIgnored},
		{"STOP", edited(dm("STOP")), RouteIgnored},
		{"hi", edited(inGroup("hi", true)), RouteIgnored},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			e, st := newTestEngine(t)
			o := e.Respond(context.Background(), tt.m)
			if o.Route != tt.route {
				t.Errorf("got route %s with %d replies, want %s", o.Route, len(o.Replies), tt.route)
			}
			if tt.route == RouteIgnored && len(o.Replies) != 0 {
				t.Errorf("an edit got %d replies, want none", len(o.Replies))
			}
			if st.writes != 0 || len(st.events) != 0 {
				t.Errorf("an edit wrote %d times and recorded %d consent events, want nothing", st.writes, len(st.events))
			}
		})
	}
}

// A group's anonymous admin has no user id: a crisis gets the full reply
// in the group (there is no DM to use), anything else nothing.
func TestAnonymousGroupSenderIsOnlyCheckedForSafety(t *testing.T) {
	e, st := newTestEngine(t)
	anon := func(text string) carebot.Message {
		m := inGroup(text, true)
		m.From.UserID = ""
		return m
	}
	o := e.Respond(context.Background(), anon("i want to kill myself"))
	if o.Route != RouteCrisis || len(o.Replies) != 1 || o.Replies[0].Private || !o.Replies[0].Safety || !strings.Contains(o.Replies[0].Text, "988") {
		t.Errorf("crisis: got %s %+v, want the full crisis reply, public", o.Route, o.Replies)
	}
	for _, text := range []string{"what are your opening hours", "STOP", "remind me to take my meds every day at 8am"} {
		if o := e.Respond(context.Background(), anon(text)); o.Route != RouteIgnored || len(o.Replies) != 0 {
			t.Errorf("%q: got %s %+v, want nothing", text, o.Route, o.Replies)
		}
	}
	if st.writes != 0 || len(st.events) != 0 {
		t.Errorf("wrote %d times and recorded %d consent events for no one, want nothing", st.writes, len(st.events))
	}
}

func TestButtons(t *testing.T) {
	e, st := newTestEngine(t)
	known(st, "en")
	o := e.Respond(context.Background(), dm("what are your opening hours"))
	var follow, up string
	for _, b := range o.Replies[0].Buttons {
		if b.Payload == payloadEntry+"weekend" {
			follow = b.Payload
		}
		if b.Payload == payloadUp+"hours" {
			up = b.Payload
		}
	}
	if follow == "" || up == "" {
		t.Fatalf("answer buttons %+v lack the follow-up and the rating", o.Replies[0].Buttons)
	}
	if o := e.Respond(context.Background(), press(follow)); o.Entry != "weekend" {
		t.Errorf("pressed follow-up: got %s %q, want weekend", o.Route, o.Entry)
	}
	if o := e.Respond(context.Background(), press(up)); o.Route != RouteCommand {
		t.Errorf("pressed 👍: got %s", o.Route)
	}
	if o := e.Respond(context.Background(), press("faq:no-such-entry")); o.Route != RouteFallback {
		t.Errorf("button for a deleted entry: got %s, want fallback", o.Route)
	}
	var kinds []carebot.FeedbackKind
	for _, f := range st.feedback {
		kinds = append(kinds, f.Kind)
	}
	if fmt.Sprint(kinds) != fmt.Sprint([]carebot.FeedbackKind{carebot.FeedbackPressed, carebot.FeedbackUp}) {
		t.Errorf("feedback: got %v, want [pressed up]", kinds)
	}
}

func TestLanguage(t *testing.T) {
	e, st := newTestEngine(t)
	known(st, "en")
	o := e.Respond(context.Background(), dm("¿A qué hora abren?"))
	if o.Lang != "es" || !strings.Contains(o.Replies[0].Text, "Abrimos") {
		t.Errorf("Spanish question: got lang %s %q, want the Spanish answer", o.Lang, o.Replies[0].Text)
	}
	o = e.Respond(context.Background(), dm("¿Dónde me estaciono? ¿Hay estacionamiento?"))
	if o.Route == RouteAnswer && !strings.Contains(o.Replies[0].Text, "inglés") {
		t.Errorf("untranslated entry answered in Spanish conversation without saying so: %q", o.Replies[0].Text)
	}
	if o := e.Respond(context.Background(), dm("español")); o.Route != RouteCommand || st.users["test:u1"].Lang != "es" {
		t.Errorf("language switch: got %s, saved %q, want es", o.Route, st.users["test:u1"].Lang)
	}
}

type echoCommand struct{ err error }

func (c echoCommand) Handle(ctx context.Context, m carebot.Message, u carebot.User) ([]carebot.Reply, bool, error) {
	if !strings.HasPrefix(m.Text, "remind me") {
		return nil, false, nil
	}
	if c.err != nil {
		return nil, true, c.err
	}
	return []carebot.Reply{{Text: "ok " + u.Key}}, true, nil
}

func TestCommandsComeBeforeTheFAQ(t *testing.T) {
	e, st := newTestEngine(t)
	known(st, "en")
	e.Commands = []Command{echoCommand{}}
	if o := e.Respond(context.Background(), dm("remind me about my appointment friday 3pm")); o.Route != RouteCommand || o.Replies[0].Text != "ok test:u1" {
		t.Errorf("got %s %+v, want the command's reply", o.Route, o.Replies)
	}
	if o := e.Respond(context.Background(), dm("when are you open")); o.Route != RouteAnswer {
		t.Errorf("got %s, want the FAQ to answer what no command takes", o.Route)
	}
	e.Commands = []Command{echoCommand{err: errors.New("disk on fire")}}
	o := e.Respond(context.Background(), dm("remind me tomorrow"))
	if o.Route != RouteCommand || strings.Contains(o.Replies[0].Text, "disk") || !strings.Contains(o.Replies[0].Text, "+1 555 0199") {
		t.Errorf("failing command: got %s %q, want an apology in the engine's words with the clinic's phone", o.Route, o.Replies[0].Text)
	}
}

// langCommand answers "remind me", "recuérdame" and "C" (an answer to an
// appointment reminder) in the language the engine passes on, as the
// reminders do: the patient's recorded one, else the message's.
type langCommand struct{}

func (langCommand) Handle(ctx context.Context, m carebot.Message, u carebot.User) ([]carebot.Reply, bool, error) {
	if !strings.HasPrefix(m.Text, "remind me") && !strings.HasPrefix(m.Text, "recuérdame") && m.Text != "C" {
		return nil, false, nil
	}
	lang := u.Lang
	if lang == "" {
		lang = m.Lang
	}
	return []carebot.Reply{{Text: "lang " + baseLang(lang)}}, true, nil
}

// A new patient's command is answered in the language it is written in,
// which is then theirs: a Spanish reminder request, then STOP, gets a
// Spanish confirmation even on an English platform.
func TestCommandInTheLanguageWritten(t *testing.T) {
	tests := []struct {
		text, hint string
		told       string // the language the command is told
		want       string // the outcome's, saved as theirs
	}{
		{"recuérdame tomar la pastilla mañana a las 8", "", "es", "es"},
		{"recuérdame tomar la pastilla mañana a las 8", "en-US", "es", "es"},
		{"remind me to take my pills tomorrow at 8", "es-MX", "en", "en"},
		{"C", "es-MX", "es", "es"}, // nothing to tell by: the platform's
		{"C", "", "", "en"},        // nor that: the clinic's
	}
	for _, tt := range tests {
		t.Run(tt.text+"/"+tt.hint, func(t *testing.T) {
			e, st := newTestEngine(t)
			e.Commands = []Command{langCommand{}}
			m := dm(tt.text)
			m.Lang = tt.hint
			o := e.Respond(context.Background(), m)
			if o.Route != RouteCommand || o.Lang != tt.want || o.Replies[0].Text != "lang "+tt.told {
				t.Fatalf("got %s in %q %+v, want the command told %q, in %q", o.Route, o.Lang, o.Replies, tt.told, tt.want)
			}
			if got := st.users["test:u1"].Lang; got != tt.want {
				t.Errorf("saved language %q, want %q", got, tt.want)
			}
			m.Text = "STOP"
			if o := e.Respond(context.Background(), m); o.Lang != tt.want {
				t.Errorf("STOP next: confirmed in %q, want %q", o.Lang, tt.want)
			}
		})
	}
}

// A patient with a language recorded who writes a command surely in the
// other is answered in that one, as a question would be, and it becomes
// theirs: QA's "¿aceptan Medicaid?" then "remind me to take my meds every
// day at 8am" was confirmed in Spanish. Words that do not say ("C") keep
// the recorded language, and so does a language the patient chose.
func TestCommandInTheLanguageWrittenOverRecorded(t *testing.T) {
	tests := []struct {
		recorded string
		chosen   bool
		text     string
		want     string
	}{
		{"es", false, "remind me to take my meds every day at 8am", "en"},
		{"en", false, "recuérdame tomar la pastilla mañana a las 8", "es"},
		{"es", false, "C", "es"},
		{"en", false, "C", "en"},
		{"es", true, "remind me to take my meds every day at 8am", "es"},
	}
	for _, tt := range tests {
		t.Run(tt.recorded+"/"+tt.text, func(t *testing.T) {
			e, st := newTestEngine(t)
			st.users["test:u1"] = carebot.User{Key: "test:u1", Lang: tt.recorded, LangChosen: tt.chosen}
			e.Commands = []Command{langCommand{}}
			o := e.Respond(context.Background(), dm(tt.text))
			if o.Route != RouteCommand || o.Lang != tt.want || o.Replies[0].Text != "lang "+tt.want {
				t.Fatalf("got %s in %q %+v, want the command answered in %q", o.Route, o.Lang, o.Replies, tt.want)
			}
			if got := st.users["test:u1"]; got.Lang != tt.want || got.LangChosen != tt.chosen {
				t.Errorf("saved %q (chosen %v), want %q (chosen %v)", got.Lang, got.LangChosen, tt.want, tt.chosen)
			}
		})
	}
}

// zoneCommand saves the sender's time zone itself, as the reminders'
// "my time zone is …" does.
type zoneCommand struct{ users Users }

func (c zoneCommand) Handle(ctx context.Context, m carebot.Message, u carebot.User) ([]carebot.Reply, bool, error) {
	if m.Text != "my time zone is Chicago" {
		return nil, false, nil
	}
	u.TimeZone = "America/Chicago"
	return []carebot.Reply{{Text: "ok"}}, true, c.users.PutUser(ctx, u)
}

// privateCommand answers privately, as reminders' commands do.
type privateCommand struct{}

func (privateCommand) Handle(_ context.Context, m carebot.Message, _ carebot.User) ([]carebot.Reply, bool, error) {
	if m.Text != "list my reminders" {
		return nil, false, nil
	}
	return []carebot.Reply{{Text: "Your reminders: …", Private: true}}, true, nil
}

// Group QA: "@bot list my reminders" in a group was answered by DM and the
// group, who saw the request, saw nothing: a consent change there says
// where its answer went, and so does a command answered privately.
func TestCommandInAGroupSaysWhereTheAnswerWent(t *testing.T) {
	e, st := newTestEngine(t)
	known(st, "en")
	e.Commands = []Command{privateCommand{}}
	o := e.Respond(context.Background(), inGroup("list my reminders", true))
	if len(o.Replies) != 2 || o.Replies[0].Private || o.Replies[0].Text != "I'll answer you in a private message." || !o.Replies[1].Private {
		t.Errorf("in a group: got %+v, want the public note, then the private answer", o.Replies)
	}
	if o := e.Respond(context.Background(), dm("list my reminders")); len(o.Replies) != 1 {
		t.Errorf("in a DM: got %+v, want the answer alone", o.Replies)
	}
}

// A command that saves a new patient's record (their time zone, as their
// very first message) keeps what it saved: the engine, which saves a new
// patient with their language, must not write its older copy over it.
func TestCommandSavesNewPatient(t *testing.T) {
	e, st := newTestEngine(t)
	e.Commands = []Command{zoneCommand{st}}
	if o := e.Respond(context.Background(), dm("my time zone is Chicago")); o.Route != RouteCommand {
		t.Fatalf("got %s, want the command", o.Route)
	}
	u := st.users["test:u1"]
	if u.TimeZone != "America/Chicago" || u.Lang == "" {
		t.Errorf("saved %+v, want the command's time zone and the engine's language", u)
	}
}

// A number typed alone is a button the patient meant to press, not a
// question for "did you mean".
func TestBareNumber(t *testing.T) {
	e, st := newTestEngine(t)
	known(st, "en")
	for _, text := range []string{"4", " 12 ", "0", "9."} {
		o := e.Respond(context.Background(), dm(text))
		if o.Route != RouteFallback || !strings.Contains(o.Replies[0].Text, "press its button") {
			t.Errorf("%q: got %s %q, want the bare-number reply", text, o.Route, o.Replies[0].Text)
		}
	}
	if len(st.feedback) != 0 {
		t.Errorf("a bare number was logged as a miss: %+v", st.feedback)
	}
	if o := e.Respond(context.Background(), dm("4 pm on saturday?")); o.Route == RouteFallback && strings.Contains(o.Replies[0].Text, "press its button") {
		t.Errorf("a question with a number got the bare-number reply")
	}
}

func TestFallbackSaysHowToReachAPerson(t *testing.T) {
	e, st := newTestEngine(t)
	known(st, "en")
	o := e.Respond(context.Background(), dm("what's the weather on mars"))
	if o.Route != RouteFallback || !strings.Contains(o.Replies[0].Text, "+1 555 0199") {
		t.Errorf("got %s %q, want a fallback with the clinic's phone", o.Route, o.Replies[0].Text)
	}
	if len(st.feedback) != 1 || st.feedback[0].Kind != carebot.FeedbackFallback || st.feedback[0].Text == "" {
		t.Errorf("fallback feedback: got %+v, want one miss with its text", st.feedback)
	}
}

// The logs say who (hashed), which route and how long; never the words,
// names or ids.
func TestLogsCarryNoPersonalData(t *testing.T) {
	var buf bytes.Buffer
	e, st := newTestEngine(t)
	e.Logger = slog.New(slog.NewJSONHandler(&buf, &slog.HandlerOptions{Level: slog.LevelDebug}))
	e.LogSecret = []byte("secret")
	st.fail = true // error paths log too
	const canary = "Zebulon Quackenbush 555-0123"
	m := dm("my name is " + canary + ", when are you open?")
	m.From.UserID = "canary-user-id-4711"
	for _, text := range []string{m.Text, "STOP " + canary, "i want to die " + canary} {
		m.Text = text
		e.Respond(context.Background(), m)
	}
	// "Delete my data", confirmed, with a store that fails.
	e.Forgetter = &memForgetter{st: st, err: errors.New("disk on fire")}
	m.Text = "please delete my data"
	q := e.Respond(context.Background(), m)
	m.Text, m.Payload = "", q.Replies[0].Buttons[0].Payload
	if o := e.Respond(context.Background(), m); o.Route != RouteForget {
		t.Errorf("the press: got route %s", o.Route)
	}
	logs := buf.String()
	if logs == "" {
		t.Fatal("nothing was logged")
	}
	for _, secret := range []string{"Zebulon", "Quackenbush", "555-0123", "canary-user-id-4711", "want to die"} {
		if strings.Contains(logs, secret) {
			t.Errorf("logs contain %q:\n%s", secret, logs)
		}
	}
}

func FuzzEngine(f *testing.F) {
	for _, s := range []string{"", "hours?", "STOP", "\xff\xfe", "🤔🤔🤔", "\x00\x01\x02", strings.Repeat("a", 100<<10),
		"/start", "/help@bot", "stop awareness", "¿A qué hora abren?"} {
		f.Add(s, "", false)
	}
	f.Add("", "faq:hours", false)
	f.Add("", "rate:up:", true)
	e, _ := newTestEngine(f)
	f.Fuzz(func(t *testing.T, text, payload string, group bool) {
		m := dm(text)
		m.Payload = payload
		m.From.Group, m.Mentioned = group, true
		o := e.Respond(context.Background(), m)
		if o.Route == "" {
			t.Fatalf("no route for %q", text)
		}
		for _, r := range o.Replies {
			if r.Text == "" {
				t.Fatalf("empty reply for %q/%q", text, payload)
			}
		}
	})
}

// Nearly every message is not a consent keyword; finding that out must
// cost no allocation (the engine's budget is a few microseconds).
func TestConsentGateDoesNotAllocate(t *testing.T) {
	n := testing.AllocsPerRun(100, func() {
		parseConsent("what time do you open on saturday?")
		parseConsent("¿A qué hora abren el sábado?")
		parseConsent("my sitter bailed so i cant make it")
	})
	if n != 0 {
		t.Errorf("parseConsent of ordinary questions: %v allocations, want 0", n)
	}
}

func TestSmallTalkIsNotAQuestion(t *testing.T) {
	tests := []struct {
		text  string
		want  Route
		reply string
	}{
		{"hi", RouteSmallTalk, "What would you like to know"},
		{"Hello there!", RouteSmallTalk, "What would you like to know"},
		{"how are you today?", RouteSmallTalk, "What would you like to know"},
		{"thank you so much!!", RouteSmallTalk, "welcome"},
		{"ok thx bye", RouteSmallTalk, "Take care"},
		{"lol", RouteSmallTalk, "anything else"},
		{"are you a bot?", RouteSmallTalk, "not a person"},
		{"muchas gracias", RouteSmallTalk, "Con gusto"},
		{"muchas gracias, muy amable", RouteSmallTalk, "Con gusto"},
		{"thanks, very kind", RouteSmallTalk, "welcome"},
		{"hola, como estas?", RouteSmallTalk, "Hola"},
		{"thanks a lot, have a good one", RouteSmallTalk, "welcome"},
		{"hey whats up", RouteSmallTalk, "What would you like to know"},
		{"what's your name?", RouteSmallTalk, "not a person"},
		{"👍", RouteSmallTalk, "anything else"},
		{"🙏🏽", RouteSmallTalk, "welcome"},
		{"👍 ❤️", RouteSmallTalk, "welcome"},
		{"what can you do?", RouteSmallTalk, "not a person"},
		{"no thanks", RouteSmallTalk, "Take care"},
		{"that's all, thanks", RouteSmallTalk, "Take care"},
		{"Can I talk to a real person?", RouteSmallTalk, "call us at +1 555 0199"},
		{"representative please", RouteSmallTalk, "call us at +1 555 0199"},
		{"quiero hablar con una persona", RouteSmallTalk, "llámenos al +1 555 0199"},
		// QA: acknowledgements that were answered confidently ("de acuerdo"
		// got the controlled-substances entry) or not at all.
		{"de acuerdo", RouteSmallTalk, ""}, // too short to leave English, this patient's
		{"remove me from this list", RouteOptOut, ""},
		{"sáquenme de la lista", RouteOptOut, ""},
		{"en inglés por favor", RouteCommand, "in English"},
		{"háblame en español", RouteCommand, "español"},
		{"ok gracias, ahí estaré", RouteSmallTalk, "Con gusto"},
		{"entendido", RouteSmallTalk, ""},
		{"hasta luego", RouteSmallTalk, ""},
		{"deal", RouteSmallTalk, "anything else"},
		{"got it", RouteSmallTalk, "anything else"},
		{"will do", RouteSmallTalk, "anything else"},
		{"I agree", RouteSmallTalk, "anything else"},
		{"ok i'll be there", RouteSmallTalk, "anything else"},
		// Questions that happen to start or end politely.
		{"hi, when are you open?", RouteAnswer, ""},
		{"ok so how do i cancel my appointment", RouteAnswer, ""},
		{"thanks, where do I park?", RouteAnswer, ""},
		{"👍 where do I park?", RouteAnswer, ""},
		{"can i talk to someone about where to park?", "", ""}, // a question: whatever the FAQ makes of it
		{"no", "", ""}, // after "did you mean", none of these
	}
	for _, tt := range tests {
		e, st := newTestEngine(t)
		known(st, "en")
		o := e.Respond(context.Background(), dm(tt.text))
		if tt.want == "" {
			if o.Route == RouteSmallTalk {
				t.Errorf("%q: small talk, want it read as a question", tt.text)
			}
			continue
		}
		if o.Route != tt.want {
			t.Errorf("%q: route %s, want %s", tt.text, o.Route, tt.want)
			continue
		}
		if tt.reply != "" && !strings.Contains(o.Replies[0].Text, tt.reply) {
			t.Errorf("%q: reply %q, want it to contain %q", tt.text, o.Replies[0].Text, tt.reply)
		}
	}
	n := testing.AllocsPerRun(100, func() { smallTalk("what time do you open on saturday?") })
	if n != 0 {
		t.Errorf("smallTalk of a question: %v allocations, want 0", n)
	}
}

// A question the bot understood as asking for medical advice is told so,
// with the clinic's number, rather than "I'm not sure I understood".
func TestAdviceIsDeclinedNotMisunderstood(t *testing.T) {
	for _, tt := range []struct{ text, want string }{
		{"can i take ibuprofen with my lisinopril", "can't give medical advice"},
		{"is 150 over 95 high?", "can't give medical advice"},
		{"cuanto jarabe le doy a mi nino", "No puedo dar consejos médicos"},
		// A reading or a symptom told with no question: QA saw "my blood
		// sugar is 400" answered with chronic care, "I am in pain" with
		// the controlled-medicines policy.
		{"my blood sugar is 400", "can't give medical advice"},
		{"I am in pain", "can't give medical advice"},
		{"tengo mucho dolor", "No puedo dar consejos médicos"},
	} {
		e, st := newTestEngine(t)
		known(st, "en")
		o := e.Respond(context.Background(), dm(tt.text))
		if o.Route != RouteSuggest && o.Route != RouteFallback {
			t.Errorf("%q: route %s, want did-you-mean or fallback", tt.text, o.Route)
			continue
		}
		if r := o.Replies[0].Text; !strings.Contains(r, tt.want) || !strings.Contains(r, "+1 555 0199") || strings.Contains(r, "{") {
			t.Errorf("%q: reply %q, want %q and the clinic's number", tt.text, r, tt.want)
		}
	}
	e, st := newTestEngine(t)
	known(st, "en")
	if o := e.Respond(context.Background(), dm("do you sell gift cards for the spa")); strings.Contains(o.Replies[0].Text, "medical advice about") {
		t.Errorf("a question for the clinic: got %q, want no advice refusal", o.Replies[0].Text)
	}
}

// Small talk's one or two words choose the reply's language when nothing
// else does: a new patient's "adios" is answered in Spanish.
func TestSmallTalkInItsOwnLanguage(t *testing.T) {
	for _, tt := range []struct{ text, want string }{
		{"hola", "es"},
		{"adios", "es"},
		{"chao!", "es"},
		{"bye", "en"},
		{"representante", "es"},
	} {
		e, _ := newTestEngine(t)
		o := e.Respond(context.Background(), dm(tt.text))
		if o.Route != RouteSmallTalk || o.Lang != tt.want {
			t.Errorf("%q: got %s in %q, want small talk in %q", tt.text, o.Route, o.Lang, tt.want)
		}
	}
}

// Asking for a person on first contact gets the way to reach one, not the
// welcome that a first "hi" gets.
func TestFirstContactAskingForAPerson(t *testing.T) {
	e, _ := newTestEngine(t)
	o := e.Respond(context.Background(), dm("representative"))
	if o.Route != RouteSmallTalk || len(o.Replies) != 1 || !strings.Contains(o.Replies[0].Text, "call us at +1 555 0199") {
		t.Errorf("got %s %+v, want the way to reach a person", o.Route, o.Replies)
	}
	if !strings.Contains(o.Replies[0].Text, "988") || !strings.Contains(o.Replies[0].Text, "911") {
		t.Errorf("reply %q: want 911 and 988 beside the clinic's number", o.Replies[0].Text)
	}
}

// An answer offers its alternatives between its follow-ups and its
// rating buttons, each naming the answer; an alternative that is already a
// follow-up keeps its one button, which names nothing (a follow-up pressed
// passes over no answer), and both count as offered.
func TestAlternativesBesideAnAnswer(t *testing.T) {
	e, _ := newTestEngine(t)
	kb := e.KB()
	entry := func(id string) *faq.Entry {
		en, ok := kb.Entry(id)
		if !ok {
			t.Fatalf("no entry %s", id)
		}
		return en
	}
	o := e.answer(kb, entry("hours"), "en", 2)
	alts := []faq.Candidate{{Entry: entry("weekend")}, {Entry: entry("parking")}}
	got := e.offerAlternatives(kb, &o.Replies[0], entry("hours"), alts, "en", nil)
	if fmt.Sprint(got) != "[weekend parking]" {
		t.Errorf("offered: got %v, want [weekend parking]", got)
	}
	var payloads []string
	for _, b := range o.Replies[0].Buttons {
		payloads = append(payloads, b.Payload)
	}
	want := []string{"faq:weekend", "faq:parking^hours", "rate:up:hours", "rate:down:hours"}
	if fmt.Sprint(payloads) != fmt.Sprint(want) {
		t.Errorf("buttons: got %v, want %v", payloads, want)
	}
}

// A press of an alternative offered beside an answer names the answer the
// patient passed over, when it is an entry; a plain press names none.
func TestAlternativePressNamesTheAnswerPassedOver(t *testing.T) {
	e, st := newTestEngine(t)
	known(st, "en")
	for _, p := range []string{"faq:parking^hours", "faq:parking^no-such-entry", "faq:parking"} {
		if o := e.Respond(context.Background(), press(p)); o.Entry != "parking" {
			t.Errorf("%s: got %s %q, want parking answered", p, o.Route, o.Entry)
		}
	}
	var instead []string
	for _, f := range st.feedback {
		instead = append(instead, f.Instead)
	}
	if fmt.Sprintf("%q", instead) != `["hours" "" ""]` {
		t.Errorf("instead: got %q", instead)
	}
}

// A press of a "did you mean" button names the question it answers, so
// that staff learn which entry the patients who asked it meant; "none of
// these" is recorded too. A follow-up's press names none.
func TestSuggestionPressNamesItsQuestion(t *testing.T) {
	e, st := newTestEngine(t)
	known(st, "en")
	asked := testNow.Add(-time.Minute)
	e.Now = func() time.Time { return asked }
	o := e.Respond(context.Background(), dm("appointment"))
	if o.Route != RouteSuggest || len(st.feedback) != 1 {
		t.Fatalf("got route %s and feedback %v, want a suggestion recorded", o.Route, st.feedback)
	}
	b := o.Replies[0].Buttons
	if len(b) != 3 || !strings.HasPrefix(b[0].Payload, "faq:cancel-appointment~") || !strings.HasPrefix(b[2].Payload, "faq-none~") {
		t.Fatalf("buttons %+v: want the two suggestions and none of these, each with the moment", b)
	}
	e.Now = func() time.Time { return testNow }
	if o := e.Respond(context.Background(), press(b[0].Payload)); o.Route != RouteAnswer || o.Entry != "cancel-appointment" {
		t.Errorf("pressed suggestion: got %s %q, want the entry answered", o.Route, o.Entry)
	}
	if o := e.Respond(context.Background(), press(b[2].Payload)); o.Route != RouteFallback {
		t.Errorf("pressed none of these: got %s, want the fallback", o.Route)
	}
	e.Respond(context.Background(), press("faq:weekend")) // a follow-up
	e.Respond(context.Background(), press("faq:weekend~not-a-moment"))
	want := []carebot.Feedback{
		{Kind: carebot.FeedbackSuggest, At: asked, Lang: "en", Text: "appointment", Entries: []string{"cancel-appointment", "reschedule"}},
		{Kind: carebot.FeedbackPressed, At: testNow, Lang: "en", Entries: []string{"cancel-appointment"}, Asked: asked},
		{Kind: carebot.FeedbackNone, At: testNow, Lang: "en", Asked: asked},
		{Kind: carebot.FeedbackPressed, At: testNow, Lang: "en", Entries: []string{"weekend"}},
		{Kind: carebot.FeedbackPressed, At: testNow, Lang: "en", Entries: []string{"weekend"}},
	}
	if !reflect.DeepEqual(st.feedback, want) {
		t.Errorf("feedback:\n got %+v\nwant %+v", st.feedback, want)
	}
}

// Every button the engine makes fits the 64 bytes Telegram allows a
// payload, with ids as long as faq.MaxIDLen.
func TestPayloadsFitWithTheLongestIDs(t *testing.T) {
	long := func(c string) string { return strings.Repeat(c, faq.MaxIDLen) }
	kb, err := faq.Parse("faq.yaml", []byte(`version: 1
language: en
clinic: {name: Test, phone: "555 0100"}
entries:
  - id: `+long("a")+`
    question: How do I cancel my appointment?
    answer: Call us.
    follow_up: [`+long("b")+`]
  - id: `+long("b")+`
    question: How do I reschedule my appointment?
    answer: Use the portal.
`))
	if err != nil {
		t.Fatal(err)
	}
	e, st := newTestEngine(t)
	e.SetKB(kb)
	known(st, "en")
	n := 0
	for i, q := range []string{"How do I cancel my appointment?", "appointment"} {
		o := e.Respond(context.Background(), dm(q))
		if want := []Route{RouteAnswer, RouteSuggest}[i]; o.Route != want {
			t.Errorf("%q: got route %s, want %s", q, o.Route, want)
		}
		for _, r := range o.Replies {
			for _, b := range r.Buttons {
				n++
				if len(b.Payload) > 64 {
					t.Errorf("%q: payload %q is %d bytes", q, b.Payload, len(b.Payload))
				}
			}
		}
	}
	if n < 5 {
		t.Errorf("%d buttons: want an answer's and a suggestion's", n)
	}
}

// The language a patient chose stays theirs: an English question after
// ESPAÑOL is answered in Spanish, and so is a crisis, whose step reads
// only their language.
func TestChosenLanguageStays(t *testing.T) {
	e, st := newTestEngine(t)
	ctx := context.Background()
	e.Respond(ctx, dm("hi"))
	if o := e.Respond(ctx, dm("ESPAÑOL")); o.Lang != "es" || !st.users["test:u1"].LangChosen {
		t.Fatalf("ESPAÑOL: got %s, saved %+v", o.Lang, st.users["test:u1"])
	}
	if o := e.Respond(ctx, dm("where do i park my car")); o.Lang != "es" {
		t.Errorf("an English question after ESPAÑOL: answered in %q, want es", o.Lang)
	}
	if u := st.users["test:u1"]; u.Lang != "es" || !u.LangChosen {
		t.Errorf("after an English question: saved %+v, want es, chosen", u)
	}
	before := st.writes
	if o := e.Respond(ctx, dm("quiero morir")); o.Route != RouteCrisis || !strings.HasPrefix(o.Replies[0].Text, "Siento mucho") {
		t.Errorf("crisis after ESPAÑOL: got %s %q, want the Spanish crisis reply", o.Route, o.Replies[0].Text)
	}
	if st.writes != before {
		t.Error("the crisis step wrote to the store")
	}
	if o := e.Respond(ctx, dm("ENGLISH")); o.Lang != "en" || st.users["test:u1"].Lang != "en" {
		t.Errorf("ENGLISH: got %s, saved %q", o.Lang, st.users["test:u1"].Lang)
	}
}

// With nothing known of a new patient, the words of a message too short
// to be sure of still say its language: a crisis, AYUDA, ALTO.
func TestNewPatientShortSpanish(t *testing.T) {
	for _, text := range []string{"quiero morir", "me voy a suicidar", "AYUDA", "ALTO"} {
		e, _ := newTestEngine(t)
		if o := e.Respond(context.Background(), dm(text)); o.Lang != "es" {
			t.Errorf("%q from a new patient: answered in %q (%s), want es", text, o.Lang, o.Route)
		}
	}
	// A platform that says English still decides a short message.
	e, _ := newTestEngine(t)
	m := dm("quiero morir")
	m.Lang = "en-US"
	if o := e.Respond(context.Background(), m); o.Lang != "en" {
		t.Errorf("with an English platform: answered in %q, want en", o.Lang)
	}
}

// Tried by hand: "X" (cancel, under an appointment reminder) from a
// patient with no appointment on file was answered with the X-ray entry
// at 0.91, its "x" being the X-ray's. Letters alone are never a question:
// C, X and R say there is no appointment to answer, and how to reach the
// clinic; other letters ask for the question in words.
func TestLettersAloneAreNoQuestion(t *testing.T) {
	tests := []struct{ text, want string }{
		{"X", "I don't have an appointment of yours waiting for an answer."},
		{"c.", "I don't have an appointment of yours waiting for an answer."},
		{"r", "I don't have an appointment of yours waiting for an answer."},
		{"s x", "I'm not sure what you mean."},
		{"%s%n%x", "I'm not sure what you mean."},
		{"q", "I'm not sure what you mean."},
	}
	for _, tt := range tests {
		e, st := newTestEngine(t)
		known(st, "en")
		o := e.Respond(context.Background(), dm(tt.text))
		if o.Route != RouteFallback || len(o.Replies) != 1 || !strings.HasPrefix(o.Replies[0].Text, tt.want) {
			t.Errorf("%q: %s %+v, want %q", tt.text, o.Route, o.Replies, tt.want)
		}
		if strings.Contains(o.Replies[0].Text, "{phone}") {
			t.Errorf("%q: placeholders left in %q", tt.text, o.Replies[0].Text)
		}
	}
	e, st := newTestEngine(t)
	known(st, "es")
	if o := e.Respond(context.Background(), dm("X")); !strings.HasPrefix(o.Replies[0].Text, "No tengo ninguna cita suya") {
		t.Errorf("X in Spanish: %+v", o.Replies)
	}
	for _, q := range []string{"x-ray", "vitamin d", "hep b"} {
		if _, ok := lettersOnly(q); ok {
			t.Errorf("lettersOnly(%q): a word is not letters alone", q)
		}
	}
}

// awaiter is a Command that waits for an appointment answer, and takes
// "x" and "cancelo" as one, as the reminders do.
type awaiter struct{ waits bool }

func (a awaiter) AwaitsAnswer(context.Context, carebot.User) (bool, error) { return a.waits, nil }

func (a awaiter) Handle(_ context.Context, m carebot.Message, _ carebot.User) ([]carebot.Reply, bool, error) {
	if m.Text != "x" && m.Text != "cancelo" {
		return nil, false, nil
	}
	return []carebot.Reply{{Text: "cancelled " + m.Text, Private: true}}, true, nil
}

// QA: "cancelar", typed under an appointment reminder whose button says
// Cancelar, opted the patient out of everything and left the visit
// booked. While a reminded appointment waits for an answer, a bare
// CANCEL cancels it (and says how to stop messages instead); otherwise,
// and STOP always, it opts out. "cancel it" is never an opt-out.
func TestCancelAnswersAnAppointmentReminder(t *testing.T) {
	tests := []struct {
		text  string
		waits bool
		want  Route
		reply string
	}{
		{"cancel", true, RouteCommand, "cancelled x"},
		{"Cancel please", true, RouteCommand, "cancelled x"},
		{"please cancel", true, RouteCommand, "cancelled x"},
		{"cancelar", true, RouteCommand, "cancelled cancelo"},
		{"CANCEL", false, RouteOptOut, ""},
		{"cancelar", false, RouteOptOut, ""},
		{"STOP", true, RouteOptOut, ""},
		{"stop texting me", true, RouteOptOut, ""},
	}
	for _, tt := range tests {
		e, st := newTestEngine(t)
		known(st, "en")
		e.Commands = []Command{awaiter{tt.waits}}
		o := e.Respond(context.Background(), dm(tt.text))
		if o.Route != tt.want || tt.reply != "" && (len(o.Replies) != 2 || o.Replies[0].Text != tt.reply || !strings.Contains(o.Replies[1].Text, "reply STOP")) {
			t.Errorf("%q (waiting %v): %s %+v, want %s %q and how to STOP", tt.text, tt.waits, o.Route, o.Replies, tt.want, tt.reply)
		}
	}
	if in := parseConsent("cancel it"); in.kind != intentNone {
		t.Errorf(`"cancel it": %+v, want no consent: it points at what came before`, in)
	}
}
