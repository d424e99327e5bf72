package carebot_test

import (
	"testing"

	"github.com/carebot/carebot"
)

func TestMessageLink(t *testing.T) {
	tests := []struct {
		platform, chat, msg, want string
	}{
		{"telegram", "-1001234567890", "4521", "https://t.me/c/1234567890/4521"},
		{"telegram", "-1001234567890", "", ""},    // no message id
		{"telegram", "-1001234567890", "0", ""},   // not a message
		{"telegram", "-1001234567890", "45a", ""}, // not a number
		{"telegram", "-123456789", "4521", ""},    // a basic group: no links
		{"telegram", "-100", "4521", ""},          // no chat number
		{"telegram", "555", "4521", ""},           // a person's chat
		{"telegram", "-100123/../x", "4521", ""},  // not a chat id
		{"slack", "-1001234567890", "4521", ""},   // another platform
		{"console", "local", "1", ""},
	}
	for _, tt := range tests {
		if got := carebot.MessageLink(tt.platform, tt.chat, tt.msg); got != tt.want {
			t.Errorf("MessageLink(%q, %q, %q): got %q, want %q", tt.platform, tt.chat, tt.msg, got, tt.want)
		}
	}
}
