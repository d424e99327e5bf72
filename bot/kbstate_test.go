package bot

import (
	"context"
	"reflect"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/carebot/carebot"
	"github.com/carebot/carebot/faq"
)

// The engine fills in the clinic details and the button payloads once per
// knowledge base. A message that started with the old knowledge base and
// finishes after SetKB must still get the details of the one it used.
func TestTextsAndButtonsFollowTheKBOfTheMessage(t *testing.T) {
	parse := func(name, phone, followUp string) *faq.KB {
		t.Helper()
		kb, err := faq.Parse(name+".yaml", []byte(`version: 1
language: en
clinic:
  name: `+name+`
  phone: "`+phone+`"
entries:
  - id: hours
    question: What are your hours?
    answer: Nine to five.
    follow_up: [`+followUp+`]
  - id: `+followUp+`
    question: Question about `+followUp+`?
    answer: An answer.
`))
		if err != nil {
			t.Fatal(err)
		}
		return kb
	}
	oldKB, newKB := parse("Alpha Clinic", "555 0100", "parking"), parse("Beta Clinic", "555 0200", "billing")
	e := New(oldKB)
	en := textsFor("en")

	for _, tt := range []struct {
		kb                *faq.KB
		name, phone, next string
	}{{oldKB, "Alpha Clinic", "555 0100", "parking"}, {newKB, "Beta Clinic", "555 0200", "billing"}} {
		if got := e.says(tt.kb, en).fallback; !strings.Contains(got, tt.phone) {
			t.Errorf("fallback for %s: got %q, want the clinic's phone", tt.name, got)
		}
		if got := e.says(tt.kb, en).talk[talkWho]; !strings.Contains(got, tt.name) {
			t.Errorf("who-are-you for %s: got %q, want it to name the clinic", tt.name, got)
		}
		entry, _ := tt.kb.Entry("hours")
		o := e.answer(tt.kb, entry, "en", 0)
		b := o.Replies[0].Buttons
		if len(b) != 3 || b[0].Payload != "faq:"+tt.next || b[0].Label != "Question about "+tt.next+"?" ||
			b[1].Payload != "rate:up:hours" || b[2].Payload != "rate:down:hours" {
			t.Errorf("answer buttons for %s: got %+v, want the follow-up %q and the ratings", tt.name, b, tt.next)
		}
	}
	// The cache belongs to the knowledge base: after SetKB the new one is
	// served from it, and the old one is still answered correctly.
	e.SetKB(newKB)
	if got := e.says(oldKB, en).fallback; !strings.Contains(got, "555 0100") {
		t.Errorf("after SetKB, the old KB's fallback: got %q", got)
	}
	if got, want := e.says(newKB, en), e.cur.Load().says[en.slot()]; got != want {
		t.Errorf("after SetKB, the new KB's texts were not served from its cache")
	}
}

// Filling the texts once must give what filling them per message gave,
// including for a clinic whose details contain a "%" or a placeholder.
func TestFilledTextsMatchTheReplacer(t *testing.T) {
	for _, c := range []faq.Clinic{
		{},
		{Name: "100% Care {phone}", Phone: "%s", Website: "https://x.example/%d", EmergencyNumber: "112", CrisisLine: "024"},
	} {
		for lang, tx := range textsByLang {
			r := tx.replacer(c)
			f := tx.filled(r)
			for name, pair := range map[string][2]string{
				"welcome": {f.welcome, tx.welcome}, "help": {f.help, tx.help}, "optOutAll": {f.optOutAll, tx.optOutAll},
				"optInAll": {f.optInAll, tx.optInAll}, "consentFail": {f.consentFail, tx.consentFail},
				"storeFail": {f.storeFail, tx.storeFail}, "crisis": {f.crisis, tx.crisis}, "emergency": {f.emergency, tx.emergency},
				"groupSafety": {f.groupSafety, tx.groupSafety}, "fallback": {f.fallback, tx.fallback},
			} {
				if want := r.Replace(pair[1]); pair[0] != want {
					t.Errorf("%s %s with %+v: got %q, want %q", lang, name, c, pair[0], want)
				}
				if strings.Contains(pair[0], "{") && !strings.Contains(c.Name, "{") {
					t.Errorf("%s %s: a placeholder is left in %q", lang, name, pair[0])
				}
			}
			for k, s := range tx.talk {
				if want := r.Replace(s); f.talk[k] != want {
					t.Errorf("%s talk %d: got %q, want %q", lang, k, f.talk[k], want)
				}
			}
			if f.optOutOne != tx.optOutOne || f.optInOne != tx.optInOne {
				t.Errorf("%s: the templates with an argument must stay unfilled", lang)
			}
		}
	}
}

func TestSpeaksIsTheMap(t *testing.T) {
	langs := []string{"", "EN", "es-MX", "fr", "e", "ess"}
	for l := range textsByLang {
		langs = append(langs, l)
	}
	for _, l := range langs {
		if got, want := speaks(l), textsByLang[l]; got != want {
			t.Errorf("speaks(%q): got %p, want %p", l, got, want)
		}
		if i := textsSlot(l); (i >= 0) != (l == langEN || l == langES) || (i >= 0 && textsLangs[i] != l) {
			t.Errorf("textsSlot(%q): got %d", l, i)
		}
	}
	// The engine keeps per-KB texts for the languages of textsLangs, and
	// fills the others in per message: they must be all of them.
	for i, l := range textsLangs {
		if textsByLang[l] == nil || textsByLang[l].slot() != i {
			t.Errorf("textsLangs has %q at %d, which has no texts there", l, i)
		}
	}
	if len(textsByLang) != len(textsLangs) {
		t.Errorf("%d languages have texts, textsLangs has %d: add the new one to textsLangs and texts.slot", len(textsByLang), len(textsLangs))
	}
}

// What the engine keeps of each entry is what faq.Entry gives, in every
// language, kept or not, and whichever knowledge base it comes from.
func TestEntryPartsAreWhatTheEntrySays(t *testing.T) {
	kbs := []*faq.KB{testKB(t)}
	if kb, err := faq.Load("../../shared/eval/clinic/kb.yaml"); err == nil {
		kbs = append(kbs, kb)
	}
	for _, kb := range kbs {
		e := New(kb)
		for _, entry := range kb.Entries {
			p := e.entryParts(kb, entry)
			if p.self != "faq:"+entry.ID || p.up != "rate:up:"+entry.ID || p.down != "rate:down:"+entry.ID {
				t.Errorf("%s: payloads %q %q %q", entry.ID, p.self, p.up, p.down)
			}
			var want []string
			for _, id := range entry.FollowUp {
				if _, ok := kb.Entry(id); ok {
					want = append(want, id)
				}
			}
			var got []string
			for _, f := range p.followUps {
				got = append(got, f.entry.ID)
			}
			if strings.Join(got, ",") != strings.Join(want, ",") {
				t.Errorf("%s: follow-ups %v, want %v", entry.ID, got, want)
			}
			for _, lang := range []string{"en", "es", "es-MX", "EN", "fr", ""} {
				q, a, g := p.localized(lang)
				wq, wa, wg := entry.Localized(lang)
				if q != wq || a != wa || g != wg {
					t.Errorf("%s in %q: got %q %q %q, want %q %q %q", entry.ID, lang, q, a, g, wq, wa, wg)
				}
			}
		}
	}
}

// The slices of an outcome share allocations; appending to one must never
// change another.
func TestOutcomeSlicesDoNotAlias(t *testing.T) {
	for _, n := range []int{0, 1, replyButtonsMax, replyButtonsMax + 1} {
		rs := newReply("x", n)
		if len(rs) != 1 || cap(rs) != 1 || len(rs[0].Buttons) != 0 || cap(rs[0].Buttons) != n || rs[0].Text != "x" {
			t.Errorf("newReply(%d): got %d replies (cap %d), %d buttons (cap %d)", n, len(rs), cap(rs), len(rs[0].Buttons), cap(rs[0].Buttons))
		}
	}
	// Every route that builds those slices, on the clinic knowledge base
	// and its questions, read at run time.
	kb, msgs := benchMessages(t)
	e := New(kb)
	routes := map[Route]int{}
	for _, m := range msgs {
		o := e.answerText(t.Context(), kb, m.Text, "en", false)
		routes[o.Route]++
		sugg := slices.Clone(o.Suggestions)
		_ = append(o.Ranked, "appended")
		if !slices.Equal(o.Suggestions, sugg) {
			t.Errorf("%q: appending to Ranked changed Suggestions to %v", m.Text, o.Suggestions)
		}
		ranked := slices.Clone(o.Ranked)
		_ = append(o.Suggestions, "appended")
		if !slices.Equal(o.Ranked, ranked) {
			t.Errorf("%q: appending to Suggestions changed Ranked to %v", m.Text, o.Ranked)
		}
		for _, r := range o.Replies {
			_ = append(r.Buttons, carebot.Button{Label: "appended"})
		}
		if got := e.answerText(t.Context(), kb, m.Text, "en", false); !reflect.DeepEqual(got, o) {
			t.Errorf("%q: the outcome changed after appending to its slices", m.Text)
		}
	}
	if routes[RouteSuggest] == 0 || routes[RouteAnswer] == 0 {
		t.Errorf("routes %v: want answers and suggestions among them", routes)
	}
}

// commandFunc is a Command from a function.
type commandFunc func(ctx context.Context, m carebot.Message, u carebot.User) ([]carebot.Reply, bool, error)

func (f commandFunc) Handle(ctx context.Context, m carebot.Message, u carebot.User) ([]carebot.Reply, bool, error) {
	return f(ctx, m, u)
}

// A user made up for a message is created at the engine's clock, whether
// the store keeps them or a Command sees them; a known user keeps their
// own creation time, and costs no clock read.
func TestUserCreatedAtTheClock(t *testing.T) {
	e, st := newTestEngine(t)
	reads := 0
	e.Now = func() time.Time { reads++; return testNow }
	e.Respond(t.Context(), dm("when are you open?"))
	if got := st.users["test:u1"].Created; !got.Equal(testNow) {
		t.Errorf("a new user stored with Created %v, want %v", got, testNow)
	}
	old := testNow.Add(-48 * time.Hour)
	st.users["test:u1"] = carebot.User{Key: "test:u1", Lang: "en", Created: old}
	reads = 0
	e.Respond(t.Context(), dm("when are you open?"))
	if got := st.users["test:u1"].Created; !got.Equal(old) {
		t.Errorf("a known user's Created became %v, want %v", got, old)
	}
	if reads != 0 {
		t.Errorf("a known user's question read the clock %d times, want 0", reads)
	}

	// Without a store, a Command still sees the user made up at the clock.
	e = New(testKB(t))
	e.Now = func() time.Time { return testNow }
	var seen carebot.User
	e.Commands = []Command{commandFunc(func(ctx context.Context, m carebot.Message, u carebot.User) ([]carebot.Reply, bool, error) {
		seen = u
		return nil, false, nil
	})}
	e.Respond(t.Context(), dm("when are you open?"))
	if seen.Key != "test:u1" || !seen.Created.Equal(testNow) {
		t.Errorf("the Command saw %+v, want key test:u1 created %v", seen, testNow)
	}
}
