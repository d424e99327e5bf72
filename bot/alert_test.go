package bot

import (
	"context"
	"sync"
	"testing"

	"github.com/carebot/carebot"
)

// alertLog is the moderators' end of the engine, in memory.
type alertLog struct {
	mu  sync.Mutex
	got []carebot.Alert
}

func (l *alertLog) Alert(_ context.Context, a carebot.Alert) {
	l.mu.Lock()
	defer l.mu.Unlock()
	l.got = append(l.got, a)
}

// A crisis, an emergency or abuse in a group, addressed to the bot or
// not, edited or anonymous, is told to the moderators: what, where, when
// and where the reply went, never the words; a DM, a group's ordinary
// message and a store that is down change nothing of it.
func TestGroupSafetyAlertsModerators(t *testing.T) {
	withDM := func(st *memStore) {
		st.users["test:u1"] = carebot.User{Key: "test:u1", Lang: "en", DM: carebot.Address{Platform: "test", ChatID: "c1", UserID: "u1"}}
	}
	groupOnly := func(st *memStore) { st.users["test:u1"] = carebot.User{Key: "test:u1", Lang: "en"} }
	down := func(st *memStore) { st.fail = true }
	edited := func(m carebot.Message) carebot.Message { m.Edited = true; return m }
	anon := func(m carebot.Message) carebot.Message { m.From.UserID = ""; return m }
	titled := func(m carebot.Message) carebot.Message { m.ID, m.ChatTitle = "4521", "Peer support"; return m }
	tests := []struct {
		name  string
		store func(*memStore)
		m     carebot.Message
		want  *carebot.Alert // nil: no alert
	}{
		{"crisis, unaddressed, member with a DM", withDM, titled(inGroup("i want to kill myself", false)),
			&carebot.Alert{Kind: carebot.AlertCrisis, Title: "Peer support", Message: "4521", Reply: carebot.AlertPrivate}},
		{"crisis, member never met", nil, inGroup("i want to kill myself", true),
			&carebot.Alert{Kind: carebot.AlertCrisis, Reply: carebot.AlertNoChat}},
		{"emergency, member met only in the group", groupOnly, inGroup("i took 30 of my sleeping pills", false),
			&carebot.Alert{Kind: carebot.AlertEmergency, Reply: carebot.AlertNoChat}},
		{"abuse, store down", down, inGroup("my husband hits me and i am scared to go home", false),
			&carebot.Alert{Kind: carebot.AlertAbuse, Reply: carebot.AlertPrivate}},
		{"edited into a crisis", withDM, edited(inGroup("i want to kill myself", false)),
			&carebot.Alert{Kind: carebot.AlertCrisis, Edited: true, Reply: carebot.AlertPrivate}},
		{"anonymous admin", nil, anon(inGroup("i want to kill myself", false)),
			&carebot.Alert{Kind: carebot.AlertCrisis, Reply: carebot.AlertInGroup}},
		{"crisis in a DM", withDM, dm("i want to kill myself"), nil},
		{"a question in a group", withDM, inGroup("when are you open", true), nil},
		{"a crisis phrase as a pressed button", withDM, func() carebot.Message {
			m := inGroup("What if I want to end my life?", true)
			m.Payload = "faq:hours"
			return m
		}(), nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			e, st := newTestEngine(t)
			if tt.store != nil {
				tt.store(st)
			}
			alerts := &alertLog{}
			e.Alerts = alerts
			o := e.Respond(context.Background(), tt.m)
			if tt.want == nil {
				if len(alerts.got) != 0 {
					t.Fatalf("route %s alerted %+v, want no alert", o.Route, alerts.got)
				}
				return
			}
			if len(alerts.got) != 1 {
				t.Fatalf("route %s gave %d alerts, want 1", o.Route, len(alerts.got))
			}
			want := *tt.want
			want.Group, want.At, want.Crisis, want.Emergency = tt.m.From, testNow, "988", "911"
			if got := alerts.got[0]; got != want {
				t.Errorf("got  %+v\nwant %+v", got, want)
			}
			if len(o.Replies) == 0 || !o.Replies[0].Safety {
				t.Errorf("the member's replies %+v are not the safety reply", o.Replies)
			}
		})
	}
}
