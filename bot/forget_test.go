package bot

import (
	"context"
	"errors"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/carebot/carebot"
)

// memForgetter forgets a person from a memStore, as the bolt store does,
// and counts its calls.
type memForgetter struct {
	st    *memStore
	calls []string
	err   error
}

func (f *memForgetter) Forget(ctx context.Context, user string) (carebot.Forgotten, error) {
	f.calls = append(f.calls, user)
	if f.err != nil {
		return carebot.Forgotten{}, f.err
	}
	f.st.mu.Lock()
	defer f.st.mu.Unlock()
	var got carebot.Forgotten
	if _, ok := f.st.users[user]; ok {
		got.User = true
		delete(f.st.users, user)
	}
	f.st.events = slices.DeleteFunc(f.st.events, func(e carebot.ConsentEvent) bool {
		if e.User == user {
			got.ConsentEvents++
			return true
		}
		return false
	})
	return got, nil
}

func newForgetEngine(t *testing.T) (*Engine, *memStore, *memForgetter, *time.Time) {
	t.Helper()
	e, st := newTestEngine(t)
	f := &memForgetter{st: st}
	e.Forgetter = f
	now := testNow
	e.Now = func() time.Time { return now }
	return e, st, f, &now
}

// askForget sends text and returns the question's reply, failing unless it
// is the "Delete my data?" question with its two buttons.
func askForget(t *testing.T, e *Engine, m carebot.Message) carebot.Reply {
	t.Helper()
	o := e.Respond(t.Context(), m)
	if o.Route != RouteForget || len(o.Replies) == 0 {
		t.Fatalf("%q: got route %s, %+v; want the forget question", m.Text, o.Route, o.Replies)
	}
	r := o.Replies[len(o.Replies)-1]
	if len(r.Buttons) != 2 || !strings.HasPrefix(r.Buttons[0].Payload, "forget:yes:") || !strings.HasPrefix(r.Buttons[1].Payload, "forget:no:") {
		t.Fatalf("%q: buttons %+v, want Delete and Keep", m.Text, r.Buttons)
	}
	for _, b := range r.Buttons {
		if len(b.Payload) > maxPayload {
			t.Errorf("payload %q is %d bytes, more than %d", b.Payload, len(b.Payload), maxPayload)
		}
	}
	return r
}

// The requests, in English and Spanish, and the questions about data that
// are the FAQ's.
func TestForgetPhrases(t *testing.T) {
	for _, tt := range []struct{ text, lang string }{
		{"delete my data", "en"}, {"Delete my information.", "en"}, {"delete my account", "en"}, {"forget me", "en"},
		{"erase my data", "en"}, {"remove my data", "en"}, {"please delete all my data", "en"}, {"can you delete my data?", "en"},
		{"DELETE MY DATA", "en"}, {"hi, please delete my personal information thanks", "en"}, {"I want you to delete my data", "en"},
		{"i'd like to delete my account", "en"}, {"can I delete my data?", "en"}, {"delete all my data and my account", "en"}, {"delete all of my data", "en"},
		{"please erase everything you have on me", "en"}, {"delete my data from your system", "en"}, {"I want my data deleted", "en"},
		{"forget about me", "en"}, {"Delete my data now!", "en"},
		{"borra mis datos", "es"}, {"borrar mis datos", "es"}, {"elimina mis datos", "es"}, {"olvídame", "es"}, {"Olvídenme", "es"},
		{"¿Pueden borrar mis datos, por favor?", "es"}, {"por favor borren todos mis datos", "es"}, {"quiero que eliminen mi información", "es"},
		{"quiero borrar mi cuenta", "es"}, {"me pueden eliminar mis datos personales", "es"}, {"borra mis datos y mi cuenta ya", "es"},
	} {
		e, _, _, _ := newForgetEngine(t)
		askForget(t, e, dm(tt.text))
		if o := e.Respond(t.Context(), dm(tt.text)); o.Lang != tt.lang {
			t.Errorf("%q: got lang %s, want %s", tt.text, o.Lang, tt.lang)
		}
	}
	// Questions about data, and other things said with these words.
	for _, text := range []string{"how do you store my data?", "do you delete my data?", "how do I delete my data?",
		"when do you delete my data", "is my data safe?", "what data do you keep about me?", "¿borran mis datos?",
		"¿cómo borro mis datos?", "¿guardan mis datos?", "delete my reminders", "delete reminder 2", "forget it",
		"delete my data?? how long do you keep it", "remove me", "I forgot my password", "delete", "my data",
		"delete my appointment", "can you delete my appointment", "olvidé mi cita"} {
		e, _, f, _ := newForgetEngine(t)
		if o := e.Respond(t.Context(), dm(text)); o.Route == RouteForget {
			t.Errorf("%q: got the forget question, want it read as something else", text)
		}
		if len(f.calls) > 0 {
			t.Errorf("%q: forgot someone", text)
		}
	}
}

// Every phrase the bot's own texts tell a patient to send to be forgotten
// (HELP, an expired question) is one, in that text's language: a patient
// who types what they were told must not get the fallback.
func TestForgetPhrasesTheBotTeaches(t *testing.T) {
	for lang, says := range textsByLang {
		for name, text := range map[string]string{"help": says.help, "expired": forgetTextsFor(lang).expired} {
			n := 0
			for i, part := range strings.Split(text, "\"") {
				if i%2 == 0 || !strings.Contains(strings.ToLower(part), "dat") {
					continue
				}
				n++
				if got, ok := forgetRequest(part); !ok || got != lang {
					t.Errorf("%s %s tells the patient to send %q: forgetRequest says %q, %v", lang, name, part, got, ok)
				}
			}
			if n == 0 {
				t.Errorf("%s %s names no phrase to send to have one's data deleted", lang, name)
			}
		}
	}
}

// A press of "Delete my data" under a fresh question erases the patient;
// the reply is the last thing stored of them: nothing.
func TestForgetConfirmedByButton(t *testing.T) {
	e, st, f, _ := newForgetEngine(t)
	known(st, "en")
	st.events = append(st.events, carebot.ConsentEvent{User: "test:u1", Purpose: carebot.PurposeAwareness, Action: carebot.OptIn})
	q := askForget(t, e, dm("delete my data"))
	for _, want := range []string{"language and time zone", "consent history", "reminders", "appointments stay booked",
		"medical records", "+1 555 0199", "10 minutes"} {
		if !strings.Contains(q.Text, want) {
			t.Errorf("the question %q does not say %q", q.Text, want)
		}
	}
	if len(f.calls) != 0 {
		t.Fatal("erased on the request, before any confirmation")
	}
	writes := st.writes
	o := e.Respond(t.Context(), press(q.Buttons[0].Payload))
	if o.Route != RouteForget || len(o.Replies) != 1 || !strings.HasPrefix(o.Replies[0].Text, "Your data has been deleted") {
		t.Fatalf("after the press: got %s %+v, want the deletion confirmed", o.Route, o.Replies)
	}
	if !slices.Equal(f.calls, []string{"test:u1"}) {
		t.Errorf("Forget calls: got %q, want one of test:u1", f.calls)
	}
	if st.writes != writes || len(st.users) != 0 || len(st.events) != 0 {
		t.Errorf("after the forget: %d writes, users %v, events %v; want nothing stored again", st.writes-writes, st.users, st.events)
	}
	// The same button again: the question was answered.
	if o := e.Respond(t.Context(), press(q.Buttons[0].Payload)); !strings.Contains(o.Replies[0].Text, "expired") || len(f.calls) != 1 {
		t.Errorf("the button pressed twice: got %q, %d forgets; want expired and no second forget", o.Replies[0].Text, len(f.calls))
	}
	// Writing again starts afresh: a new user, welcomed.
	o = e.Respond(t.Context(), dm("hi"))
	if len(o.Replies) == 0 || !strings.Contains(o.Replies[0].Text, "virtual assistant") {
		t.Errorf("a hello after the forget: got %+v, want the welcome", o.Replies)
	}
}

// Only a fresh question's own button erases: one pressed after ten
// minutes, or one of an earlier question, or after a restart, does not.
func TestForgetStaleButtons(t *testing.T) {
	e, st, f, now := newForgetEngine(t)
	known(st, "en")
	old := askForget(t, e, dm("delete my data"))
	*now = now.Add(forgetFor + time.Second)
	if o := e.Respond(t.Context(), press(old.Buttons[0].Payload)); !strings.Contains(o.Replies[0].Text, "expired") {
		t.Errorf("a press after %s: got %q, want expired", forgetFor, o.Replies[0].Text)
	}
	newer := askForget(t, e, dm("delete my data"))
	if o := e.Respond(t.Context(), press(old.Buttons[0].Payload)); !strings.Contains(o.Replies[0].Text, "expired") {
		t.Errorf("the older question's button: got %q, want expired", o.Replies[0].Text)
	}
	restarted := New(e.KB())
	restarted.Users, restarted.Forgetter, restarted.Now = st, f, e.Now
	if o := restarted.Respond(t.Context(), press(newer.Buttons[0].Payload)); !strings.Contains(o.Replies[0].Text, "expired") {
		t.Errorf("a press after a restart: got %q, want expired", o.Replies[0].Text)
	}
	// Staff forgot them meanwhile: the question went with them.
	e.Forget("test:u1")
	if o := e.Respond(t.Context(), press(newer.Buttons[0].Payload)); !strings.Contains(o.Replies[0].Text, "expired") {
		t.Errorf("a press after Engine.Forget: got %q, want expired", o.Replies[0].Text)
	}
	if len(f.calls) != 0 || st.users["test:u1"].Key == "" {
		t.Errorf("a stale press erased: %q", f.calls)
	}
	// A payload made up, or from a group.
	for _, m := range []carebot.Message{press("forget:yes:"), press("forget:yes"), press("forget:maybe:x")} {
		if o := e.Respond(t.Context(), m); o.Route != RouteForget || len(f.calls) != 0 {
			t.Errorf("%q: got %s, %d forgets; want the forget route and none", m.Payload, o.Route, len(f.calls))
		}
	}
}

// The very next message may answer by typing; "no" and "cancel" keep the
// data (CANCEL is not taken as an opt-out then); a later "yes" answers
// nothing, while the buttons still work.
func TestForgetTypedAnswers(t *testing.T) {
	for _, tt := range []struct {
		answer string
		forgot bool
		lang   string
	}{
		{"yes", true, "en"}, {"Yes, delete it", true, "en"}, {"YES please", true, "en"},
		{"no", false, "en"}, {"No thanks", false, "en"}, {"cancel", false, "en"}, {"keep it", false, "en"},
	} {
		e, st, f, _ := newForgetEngine(t)
		known(st, "en")
		askForget(t, e, dm("delete my data"))
		o := e.Respond(t.Context(), dm(tt.answer))
		if o.Route != RouteForget || (len(f.calls) == 1) != tt.forgot {
			t.Errorf("%q: got route %s, %d forgets; want forgot %v", tt.answer, o.Route, len(f.calls), tt.forgot)
		}
		if len(st.events) != 0 {
			t.Errorf("%q: recorded consent %+v, want none", tt.answer, st.events)
		}
	}
	e, st, f, _ := newForgetEngine(t)
	known(st, "en")
	q := askForget(t, e, dm("delete my data"))
	e.Respond(t.Context(), dm("what are your hours?"))
	if o := e.Respond(t.Context(), dm("yes")); o.Route == RouteForget || len(f.calls) != 0 {
		t.Errorf("\"yes\" two messages after the question: got %s, %d forgets; want it read as usual", o.Route, len(f.calls))
	}
	if o := e.Respond(t.Context(), press(q.Buttons[0].Payload)); !strings.HasPrefix(o.Replies[0].Text, "Your data has been deleted") {
		t.Errorf("the button after other messages: got %q, want the data deleted", o.Replies[0].Text)
	}
	if o := e.Respond(t.Context(), dm("cancel")); o.Route != RouteOptOut {
		t.Errorf("CANCEL with no question waiting: got %s, want the opt-out", o.Route)
	}
	// A "yes" too late is told so.
	e, st, f, now := newForgetEngine(t)
	known(st, "en")
	askForget(t, e, dm("delete my data"))
	*now = now.Add(forgetFor + time.Minute)
	if o := e.Respond(t.Context(), dm("yes")); !strings.Contains(o.Replies[0].Text, "expired") || len(f.calls) != 0 {
		t.Errorf("\"yes\" %s late: got %q, %d forgets; want expired", forgetFor+time.Minute, o.Replies[0].Text, len(f.calls))
	}
}

// In Spanish throughout: the question, its buttons, "sí", the answer.
func TestForgetSpanish(t *testing.T) {
	e, st, f, _ := newForgetEngine(t)
	q := askForget(t, e, dm("borra mis datos, por favor"))
	if !strings.HasPrefix(q.Text, "¿Quiere que borre sus datos?") || q.Buttons[0].Label != "Borrar mis datos" || q.Buttons[1].Label != "Conservarlos" {
		t.Errorf("the Spanish question: %q, %+v", q.Text, q.Buttons)
	}
	o := e.Respond(t.Context(), dm("sí"))
	if len(f.calls) != 1 || !strings.HasPrefix(o.Replies[0].Text, "No tenía nada guardado") {
		t.Errorf("after \"sí\": %d forgets, %q; want the nothing-stored answer in Spanish", len(f.calls), o.Replies[0].Text)
	}
	if len(st.users) != 0 {
		t.Errorf("a stranger who asked to be forgotten was stored: %+v", st.users)
	}
}

// In a group the question goes to the member privately, and the group is
// told so; a "yes" typed in the group confirms nothing.
func TestForgetInAGroup(t *testing.T) {
	e, st, f, _ := newForgetEngine(t)
	known(st, "en")
	o := e.Respond(t.Context(), inGroup("forget me", true))
	if o.Route != RouteForget || len(o.Replies) != 2 || o.Replies[0].Private || !o.Replies[1].Private || len(o.Replies[1].Buttons) != 2 {
		t.Fatalf("in a group: got %+v, want a line for the group and the question privately", o.Replies)
	}
	if o.Replies[1].IfUnreachable == "" {
		t.Error("the private question has no note for a member who cannot be reached privately")
	}
	if o := e.Respond(t.Context(), inGroup("yes", true)); o.Route == RouteForget || len(f.calls) != 0 {
		t.Errorf("\"yes\" in the group: got %s, %d forgets; want it read as usual", o.Route, len(f.calls))
	}
	if o := e.Respond(t.Context(), inGroup("forget me", false)); o.Route != RouteIgnored {
		t.Errorf("not addressed to the bot: got %s, want ignored", o.Route)
	}
	if o := e.Respond(t.Context(), press(o.Replies[1].Buttons[0].Payload)); !strings.HasPrefix(o.Replies[0].Text, "Your data has been deleted") {
		t.Errorf("the private button: got %q", o.Replies[0].Text)
	}
}

// A store that fails: the patient is told, and may ask again.
func TestForgetFails(t *testing.T) {
	e, st, f, _ := newForgetEngine(t)
	known(st, "en")
	f.err = errors.New("disk on fire")
	q := askForget(t, e, dm("delete my data"))
	if o := e.Respond(t.Context(), press(q.Buttons[0].Payload)); !strings.Contains(o.Replies[0].Text, "couldn't delete your data") {
		t.Errorf("a failing store: got %q", o.Replies[0].Text)
	}
	e.Forgetter = nil
	if o := e.Respond(t.Context(), dm("delete my data")); o.Route != RouteForget || len(o.Replies[0].Buttons) != 0 || !strings.Contains(o.Replies[0].Text, "+1 555 0199") {
		t.Errorf("no Forgetter: got %+v, want the clinic's number and no buttons", o.Replies)
	}
}

// Safety still comes first.
func TestForgetAfterSafety(t *testing.T) {
	e, _, f, _ := newForgetEngine(t)
	if o := e.Respond(t.Context(), dm("forget me, I want to kill myself")); o.Route != RouteCrisis || len(f.calls) != 0 {
		t.Errorf("got %s, want the crisis reply", o.Route)
	}
}

// Every typed message asks whether it answers a "Delete my data?"; for the
// patient with none waiting (nearly all) that costs no allocation. Reading
// the question by pointer once made every message allocate it.
func TestNoQuestionWaitingDoesNotAllocate(t *testing.T) {
	e, _, _, _ := newForgetEngine(t)
	n := testing.AllocsPerRun(100, func() {
		e.typedAnswer("test:nobody")
		e.pressedAnswer("test:nobody", "nonce")
	})
	if n != 0 {
		t.Errorf("a message with no question waiting: %v allocations, want 0", n)
	}
}
