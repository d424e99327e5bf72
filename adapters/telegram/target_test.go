package telegram

import (
	"testing"

	"github.com/carebot/carebot"
)

// TestTargetNeverPostsPrivateToAGroup: a private message goes to the
// person's own chat, and never to a group's id, whatever the address says
// (group QA: an appointment reminder imported with a group's chat as its
// "to" was posted in the group, buttons and all).
func TestTargetNeverPostsPrivateToAGroup(t *testing.T) {
	for _, tc := range []struct {
		name    string
		a       carebot.Address
		private bool
		chat    int64 // 0: an error
	}{
		{"a DM", carebot.Address{Platform: "telegram", ChatID: "42", UserID: "42"}, true, 42},
		{"a member, privately", carebot.Address{Platform: "telegram", ChatID: "-100", UserID: "42", Group: true}, true, 42},
		{"a group, publicly", carebot.Address{Platform: "telegram", ChatID: "-100", UserID: "42", Group: true}, false, -100},
		{"a group's id not marked as one, privately", carebot.Address{Platform: "telegram", ChatID: "-5000"}, true, 0},
	} {
		d, err := target(tc.a, tc.private)
		switch {
		case tc.chat == 0 && err == nil:
			t.Errorf("%s: sent to %d, want an error", tc.name, d.chat)
		case tc.chat != 0 && (err != nil || d.chat != tc.chat):
			t.Errorf("%s: got %d, %v; want %d", tc.name, d.chat, err, tc.chat)
		}
	}
}
