package main

import (
	"slices"
	"testing"

	"github.com/carebot/carebot"
	"github.com/carebot/carebot/adapters/console"
	"github.com/carebot/carebot/adapters/telegram"
)

// carebot.Platforms, which staff's addresses are checked against, are
// the adapters carebot runs: a patient on a new one would be refused, and
// one on a platform dropped would import and never be reminded.
func TestPlatformsAreTheAdapters(t *testing.T) {
	want := []string{console.Platform, telegram.Platform}
	if got := slices.Sorted(slices.Values(carebot.Platforms)); !slices.Equal(got, want) {
		t.Errorf("carebot.Platforms = %v, want the adapters' %v", got, want)
	}
	for _, p := range alertPlatforms {
		if !slices.Contains(carebot.Platforms, p) {
			t.Errorf("alert platform %q is not one carebot runs", p)
		}
	}
}
