package carebot

import (
	"errors"
	"testing"
)

// ParseAddress takes what carebot can deliver to, as carebot keys it, and
// nothing it could never deliver to.
func TestParseAddress(t *testing.T) {
	good := []struct {
		in   string
		want Address
	}{
		{"telegram:1001", Address{Platform: "telegram", ChatID: "1001"}},
		{"Telegram:1001", Address{Platform: "telegram", ChatID: "1001"}},
		{" telegram : +1001 ", Address{Platform: "telegram", ChatID: "1001"}},
		{"telegram:-1001234567890", Address{Platform: "telegram", ChatID: "-1001234567890", Group: true}},
		{"console:local", Address{Platform: "console", ChatID: "local"}},
	}
	for _, tt := range good {
		if got, err := ParseAddress(tt.in); err != nil || got != tt.want {
			t.Errorf("ParseAddress(%q) = %+v, %v; want %+v", tt.in, got, err, tt.want)
		}
	}
	bad := []struct {
		in, platform string
		kind         error
	}{
		{"", "", ErrNotAddress},
		{"1001", "", ErrNotAddress},
		{"telegram:", "", ErrNotAddress},
		{":1001", "", ErrNotAddress},
		{"whatsapp:1", "whatsapp", ErrUnknownPlatform},
		{"slack:C0123", "slack", ErrUnknownPlatform},
		{"telegram:abc", "telegram", ErrBadID},
		{"telegram:@clinic", "telegram", ErrBadID},
		{"telegram:0", "telegram", ErrBadID},
		{"telegram:12.5", "telegram", ErrBadID},
		{"console:bob", "console", ErrBadID},
	}
	for _, tt := range bad {
		got, err := ParseAddress(tt.in)
		var ae *AddressError
		if !errors.Is(err, tt.kind) || !errors.As(err, &ae) || ae.Msg == "" || got.Platform != tt.platform || got.ChatID != "" {
			t.Errorf("ParseAddress(%q) = %+v, %v; want %v, platform %q", tt.in, got, err, tt.kind, tt.platform)
		}
	}
}
