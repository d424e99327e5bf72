package telegram

import (
	"io"
	"log/slog"
	"testing"
	"time"

	"github.com/carebot/carebot"
)

// TestPlanNotesTheGroupOnce: two private replies to one group message (a
// reminder set and a question answered) give the group one note if the
// member cannot be reached, not one per reply; a reply with its own text
// for that case (a crisis reply, posted whole) keeps it. An anonymous
// admin, whom no one can write to privately, gets the note once too.
func TestPlanNotesTheGroupOnce(t *testing.T) {
	at := time.Date(2026, 11, 26, 9, 0, 0, 0, time.UTC)
	b := &Bot{log: slog.New(slog.NewTextHandler(io.Discard, nil)),
		opts: Options{Now: func() time.Time { return at }, PrivateNote: func(string) string { return "open a chat with me" }}}
	replies := []carebot.Reply{
		{Text: "I'll remind you at 8pm.", Private: true},
		{Text: "We open at 8am.", Private: true},
		{Text: "Call 988.", Private: true, IfUnreachable: "Call 988."},
	}
	notes := func(jobs []job) (n []string) {
		for _, j := range jobs {
			switch {
			case j.Note != nil:
				n = append(n, j.Note.Text)
			case j.Group:
				n = append(n, j.Text)
			}
		}
		return n
	}
	member := incoming{ID: 1, Msg: carebot.Message{From: carebot.Address{Platform: Platform, ChatID: "-100", UserID: "42", Group: true}}}
	if got := notes(b.plan(member, replies)); len(got) != 2 || got[0] != "open a chat with me" || got[1] != "Call 988." {
		t.Errorf("a member's group notes: %q, want the note once, then the crisis reply's own", got)
	}
	admin := incoming{ID: 2, Msg: carebot.Message{From: carebot.Address{Platform: Platform, ChatID: "-100", Group: true}}}
	if got := notes(b.plan(admin, replies)); len(got) != 2 || got[0] != "open a chat with me" || got[1] != "Call 988." {
		t.Errorf("an anonymous admin's group posts: %q, want the note once, then the crisis reply", got)
	}
}
