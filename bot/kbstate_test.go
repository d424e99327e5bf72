package bot

import (
	"strings"
	"testing"

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
		o := e.answer(tt.kb, entry, "en")
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
	if got, want := e.says(newKB, en), e.cur.Load().says[en]; got != want {
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
