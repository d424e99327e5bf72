package bolt

import (
	"errors"
	"testing"
	"time"

	"github.com/carebot/carebot"
)

func TestUserRoundTrip(t *testing.T) {
	d, path := openTemp(t)
	tests := []carebot.User{
		{Key: "telegram:12345", DM: carebot.Address{Platform: "telegram", ChatID: "12345", UserID: "12345"},
			Lang: "es", LangChosen: true, TimeZone: "America/Chicago", Staff: true, Created: t0.Add(-time.Hour)},
		{Key: "slack:U0G9QF9C6", DM: carebot.Address{Platform: "slack", ChatID: "D1", UserID: "U0G9QF9C6", Thread: "1700000000.1"},
			Lang: "en", Created: time.Date(2024, 11, 3, 1, 30, 0, 0, time.FixedZone("CDT", -5*3600))},
		{Key: "console:local"}, // Created left to the store's clock
		{Key: "discord:ñandú 🦤", Lang: "es", Created: t0},
	}
	for _, u := range tests {
		if err := d.PutUser(t.Context(), u); err != nil {
			t.Fatalf("PutUser(%q): %v", u.Key, err)
		}
	}
	check := func(d *DB) {
		t.Helper()
		for _, want := range tests {
			if want.Created.IsZero() {
				want.Created = t0
			}
			got, err := d.User(t.Context(), want.Key)
			if err != nil {
				t.Fatalf("User(%q): %v", want.Key, err)
			}
			if !got.Created.Equal(want.Created) {
				t.Errorf("User(%q).Created: got %v, want %v", want.Key, got.Created, want.Created)
			}
			got.Created, want.Created = time.Time{}, time.Time{}
			if got != want {
				t.Errorf("User(%q): got %+v, want %+v", want.Key, got, want)
			}
		}
	}
	check(d)
	d.Close()
	check(reopen(t, path))
}

func TestUserNotFound(t *testing.T) {
	d, _ := openTemp(t)
	if err := d.PutUser(t.Context(), carebot.User{Key: "telegram:1"}); err != nil {
		t.Fatal(err)
	}
	for _, key := range []string{"telegram:2", "", "Telegram:1"} {
		if _, err := d.User(t.Context(), key); !errors.Is(err, carebot.ErrNotFound) {
			t.Errorf("User(%q): got %v, want ErrNotFound", key, err)
		}
	}
}

func TestPutUserKeepsCreated(t *testing.T) {
	d, _ := openTemp(t)
	first := carebot.User{Key: "telegram:1", Lang: "en", Created: t0.Add(-48 * time.Hour)}
	if err := d.PutUser(t.Context(), first); err != nil {
		t.Fatal(err)
	}
	// A later write that does not know Created must not reset it.
	if err := d.PutUser(t.Context(), carebot.User{Key: "telegram:1", Lang: "es"}); err != nil {
		t.Fatal(err)
	}
	got, err := d.User(t.Context(), "telegram:1")
	if err != nil || got.Lang != "es" || !got.Created.Equal(first.Created) {
		t.Errorf("got %+v, %v; want Lang es and Created %v", got, err, first.Created)
	}
}

func TestPutUserInvalid(t *testing.T) {
	d, _ := openTemp(t)
	for _, u := range []carebot.User{
		{},
		{Key: "telegram:1", Created: time.Date(3000, 1, 1, 0, 0, 0, 0, time.UTC)},
	} {
		if err := d.PutUser(t.Context(), u); err == nil {
			t.Errorf("PutUser(%+v) succeeded", u)
		}
	}
}

func TestPutUsersIsAllOrNothing(t *testing.T) {
	d, _ := openTemp(t)
	ctx := t.Context()
	users := []carebot.User{{Key: "telegram:1", Lang: "en"}, {Key: "telegram:2", Lang: "es"}}
	if err := d.PutUsers(ctx, users...); err != nil {
		t.Fatal(err)
	}
	for _, u := range users {
		got, err := d.User(ctx, u.Key)
		if err != nil || got.Lang != u.Lang || !got.Created.Equal(t0) {
			t.Errorf("%s: got %+v, %v", u.Key, got, err)
		}
	}
	if err := d.PutUsers(ctx, carebot.User{Key: "telegram:3"}, carebot.User{}); err == nil {
		t.Fatal("a batch with an empty key was stored")
	}
	if _, err := d.User(ctx, "telegram:3"); !errors.Is(err, carebot.ErrNotFound) {
		t.Errorf("telegram:3 after a failed batch: %v, want not found", err)
	}
}
