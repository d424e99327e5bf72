package telegram

import (
	"encoding/json"
	"fmt"
	"strconv"
	"strings"
	"testing"
	"time"
	"unicode/utf8"

	"github.com/carebot/carebot"
)

var testSelf = self{ID: 999, Username: "ClinicBot"}

var testNow = time.Date(2026, 3, 2, 9, 0, 0, 0, time.UTC)

// dm and group build message updates the way Telegram sends them.
func dm(text string, entities string) string {
	return fmt.Sprintf(`{"update_id":10,"message":{"message_id":7,"date":1772442000,"from":{"id":42,"is_bot":false,"first_name":"P","language_code":"es"},"chat":{"id":42,"type":"private"},"text":%q,"entities":[%s]}}`, text, entities)
}

func group(text, entities, extra string) string {
	return fmt.Sprintf(`{"update_id":11,"message":{"message_id":8,"date":1772442000,"from":{"id":43,"first_name":"Q"},"chat":{"id":-1005,"type":"supergroup"},"text":%q,"entities":[%s]%s}}`, text, entities, extra)
}

func mention(offset, length int) string {
	return fmt.Sprintf(`{"type":"mention","offset":%d,"length":%d}`, offset, length)
}

func TestDecodeUpdate(t *testing.T) {
	dmFrom := carebot.Address{Platform: "telegram", ChatID: "42", UserID: "42"}
	groupFrom := carebot.Address{Platform: "telegram", ChatID: "-1005", UserID: "43", Group: true, Thread: "8"}
	tests := []struct {
		name string
		raw  string
		want carebot.Message // compared on From, Text, Mentioned, Payload, Lang, ID, Edited, ChatTitle
		skip string          // a substring of the skip reason; "" if passed on
	}{
		{"dm", dm("what time do you open?", ""), carebot.Message{ID: "7", From: dmFrom, Text: "what time do you open?", Lang: "es", Mentioned: true}, ""},
		{"dm /start", dm("/start", `{"type":"bot_command","offset":0,"length":6}`), carebot.Message{ID: "7", From: dmFrom, Text: "/start", Lang: "es", Mentioned: true}, ""},
		{"dm /start deep link dropped", dm("/start appt-123", ""), carebot.Message{ID: "7", From: dmFrom, Text: "/start", Lang: "es", Mentioned: true}, ""},
		{"dm /help", dm("/help", ""), carebot.Message{ID: "7", From: dmFrom, Text: "HELP", Lang: "es", Mentioned: true}, ""},
		{"dm /STOP", dm("/STOP", ""), carebot.Message{ID: "7", From: dmFrom, Text: "STOP", Lang: "es", Mentioned: true}, ""},
		{"dm /stop with words", dm("/stop awareness", ""), carebot.Message{ID: "7", From: dmFrom, Text: "STOP awareness", Lang: "es", Mentioned: true}, ""},
		{"dm other command", dm("/Remind tomorrow 9am", ""), carebot.Message{ID: "7", From: dmFrom, Text: "/remind tomorrow 9am", Lang: "es", Mentioned: true}, ""},
		{"dm path is not a command", dm("/usr/bin is not a command", ""), carebot.Message{ID: "7", From: dmFrom, Text: "/usr/bin is not a command", Lang: "es", Mentioned: true}, ""},
		{"group unaddressed", group("see you all tomorrow", "", ""), carebot.Message{ID: "8", From: groupFrom, Text: "see you all tomorrow"}, ""},
		{"group mention first", group("@ClinicBot when is the flu clinic?", mention(0, 10), ""), carebot.Message{ID: "8", From: groupFrom, Text: "when is the flu clinic?", Mentioned: true}, ""},
		{"group mention any case, mid text", group("hey @clinicbot, open today?", mention(4, 10), ""), carebot.Message{ID: "8", From: groupFrom, Text: "hey, open today?", Mentioned: true}, ""},
		{"group mention after emoji", group("😀 @ClinicBot hi", mention(3, 10), ""), carebot.Message{ID: "8", From: groupFrom, Text: "😀 hi", Mentioned: true}, ""},
		{"group mention of someone else", group("@alice can you come?", mention(0, 6), ""), carebot.Message{ID: "8", From: groupFrom, Text: "@alice can you come?"}, ""},
		{"group text_mention of the bot", group("Clinic help me", `{"type":"text_mention","offset":0,"length":6,"user":{"id":999}}`, ""), carebot.Message{ID: "8", From: groupFrom, Text: "help me", Mentioned: true}, ""},
		{"group mention with bad offsets ignored", group("@ClinicBot hi", mention(5, 400), ""), carebot.Message{ID: "8", From: groupFrom, Text: "@ClinicBot hi"}, ""},
		{"group reply to the bot", group("thanks, and on sunday?", "", `,"reply_to_message":{"message_id":3,"from":{"id":999,"is_bot":true}}`), carebot.Message{ID: "8", From: groupFrom, Text: "thanks, and on sunday?", Mentioned: true}, ""},
		{"group reply to someone else", group("me too", "", `,"reply_to_message":{"message_id":3,"from":{"id":44}}`), carebot.Message{ID: "8", From: groupFrom, Text: "me too"}, ""},
		{"group command for us", group("/help@ClinicBot", "", ""), carebot.Message{ID: "8", From: groupFrom, Text: "HELP", Mentioned: true}, ""},
		{"group bare command", group("/stop", "", ""), carebot.Message{ID: "8", From: groupFrom, Text: "STOP"}, ""},
		{"group bare command of another bot", group("/roll", "", ""), carebot.Message{ID: "8", From: groupFrom, Text: "/roll"}, ""},
		{"group bare command replying to the bot", group("/stop", "", `,"reply_to_message":{"message_id":3,"from":{"id":999,"is_bot":true}}`), carebot.Message{ID: "8", From: groupFrom, Text: "STOP", Mentioned: true}, ""},
		{"group mention then bare command", group("@ClinicBot /help", mention(0, 10), ""), carebot.Message{ID: "8", From: groupFrom, Text: "HELP", Mentioned: true}, ""},
		{"group command for another bot", group("/help@OtherBot", "", ""), carebot.Message{ID: "8", From: groupFrom, Text: "/help@OtherBot"}, ""},
		{"caption", `{"update_id":12,"message":{"message_id":9,"date":1,"from":{"id":42},"chat":{"id":42,"type":"private"},"photo":[{"file_id":"x"}],"caption":"is this rash ok?"}}`,
			carebot.Message{ID: "9", From: dmFrom, Text: "is this rash ok?", Mentioned: true}, ""},
		{"press", `{"update_id":13,"callback_query":{"id":"q1","from":{"id":42,"language_code":"en"},"message":{"message_id":5,"chat":{"id":42,"type":"private"}},"chat_instance":"c","data":"confirm:yes"}}`,
			carebot.Message{ID: "5", From: dmFrom, Payload: "confirm:yes", Lang: "en", Mentioned: true}, ""},
		{"press in group", `{"update_id":13,"callback_query":{"id":"q1","from":{"id":43},"message":{"message_id":5,"chat":{"id":-1005,"type":"group"}},"data":"faq:hours"}}`,
			carebot.Message{ID: "5", From: carebot.Address{Platform: "telegram", ChatID: "-1005", UserID: "43", Group: true, Thread: "5"}, Payload: "faq:hours", Mentioned: true}, ""},

		{"not json", `{"update_id":1,`, carebot.Message{}, "not a JSON object"},
		{"array", `[1,2]`, carebot.Message{}, "not a JSON object"},
		{"no update_id", `{"message":{"text":"hi"}}`, carebot.Message{}, "update_id missing"},
		{"string update_id", `{"update_id":"12"}`, carebot.Message{}, "update_id missing"},
		{"negative update_id", `{"update_id":-4}`, carebot.Message{}, "update_id missing"},
		{"text is a number", `{"update_id":14,"message":{"message_id":1,"from":{"id":42},"chat":{"id":42,"type":"private"},"text":5}}`, carebot.Message{}, "field message.text is a JSON number"},
		{"message is a string", `{"update_id":14,"message":"hello"}`, carebot.Message{}, "malformed update"},
		{"no chat", `{"update_id":14,"message":{"message_id":1,"from":{"id":42},"text":"hi"}}`, carebot.Message{}, "no chat"},
		{"no sender", `{"update_id":14,"message":{"message_id":1,"chat":{"id":-5,"type":"group"},"sender_chat":{"id":-5},"text":"hi"}}`, carebot.Message{}, "no sender"},
		{"from a bot", `{"update_id":14,"message":{"message_id":1,"from":{"id":7,"is_bot":true},"chat":{"id":-5,"type":"group"},"text":"hi"}}`, carebot.Message{}, "sent by a bot"},
		{"channel", `{"update_id":14,"message":{"message_id":1,"from":{"id":7},"chat":{"id":-5,"type":"channel"},"text":"hi"}}`, carebot.Message{}, "unsupported chat type"},
		{"no message id", `{"update_id":14,"message":{"from":{"id":7},"chat":{"id":7,"type":"private"},"text":"hi"}}`, carebot.Message{}, "message_id"},
		{"sticker", `{"update_id":14,"message":{"message_id":1,"from":{"id":7},"chat":{"id":7,"type":"private"},"sticker":{"file_id":"s"}}}`, carebot.Message{}, "without text"},
		{"1 MB text", dm(strings.Repeat("a", 1<<20), ""), carebot.Message{}, "over Telegram's 4096"},
		{"edited message without a chat", `{"update_id":14,"edited_message":{"message_id":1}}`, carebot.Message{}, "no chat"},
		{"edited message", `{"update_id":14,"edited_message":{"message_id":7,"date":1772442000,"edit_date":1772442060,"from":{"id":42,"language_code":"es"},"chat":{"id":42,"type":"private"},"text":"i want to end it"}}`,
			carebot.Message{ID: "7", From: dmFrom, Text: "i want to end it", Lang: "es", Mentioned: true, Edited: true}, ""},
		{"edited message in a group", `{"update_id":14,"edited_message":{"message_id":8,"date":1772442000,"edit_date":1772442060,"from":{"id":43},"chat":{"id":-1005,"type":"supergroup"},"text":"i want to end it"}}`,
			carebot.Message{ID: "8", From: groupFrom, Text: "i want to end it", Edited: true}, ""},
		{"anonymous admin", `{"update_id":14,"message":{"message_id":8,"date":1772442000,"from":{"id":1087968824,"is_bot":true,"username":"GroupAnonymousBot","language_code":"en"},"sender_chat":{"id":-1005,"type":"supergroup"},"chat":{"id":-1005,"type":"supergroup"},"text":"i want to end it"}}`,
			carebot.Message{ID: "8", From: carebot.Address{Platform: "telegram", ChatID: "-1005", Group: true, Thread: "8"}, Text: "i want to end it"}, ""},
		{"a group's title", `{"update_id":14,"message":{"message_id":8,"date":1772442000,"from":{"id":43},"chat":{"id":-1005,"type":"supergroup","title":"Peer support"},"text":"hi all"}}`,
			carebot.Message{ID: "8", From: groupFrom, Text: "hi all", ChatTitle: "Peer support"}, ""},
		{"no title read in a private chat", `{"update_id":14,"message":{"message_id":7,"date":1772442000,"from":{"id":42,"language_code":"es"},"chat":{"id":42,"type":"private","title":"Ana"},"text":"hi"}}`,
			carebot.Message{ID: "7", From: dmFrom, Text: "hi", Lang: "es", Mentioned: true}, ""},
		{"a channel's bot in a group", `{"update_id":14,"message":{"message_id":8,"from":{"id":136817688,"is_bot":true},"sender_chat":{"id":-1009,"type":"channel"},"chat":{"id":-1005,"type":"supergroup"},"text":"hi"}}`, carebot.Message{}, "sent by a bot"},
		{"a bot naming its own chat", `{"update_id":14,"message":{"message_id":8,"from":{"id":7,"is_bot":true},"sender_chat":{"id":7,"type":"private"},"chat":{"id":7,"type":"private"},"text":"hi"}}`, carebot.Message{}, "sent by a bot"},
		{"empty update", `{"update_id":14}`, carebot.Message{}, "unsupported update kind (empty)"},
		{"press without message", `{"update_id":15,"callback_query":{"id":"q2","from":{"id":42},"inline_message_id":"x","data":"a"}}`, carebot.Message{}, "cannot see"},
		{"press with long data", `{"update_id":15,"callback_query":{"id":"q2","from":{"id":42},"message":{"message_id":5,"chat":{"id":42,"type":"private"}},"data":"` + strings.Repeat("x", 65) + `"}}`, carebot.Message{}, "65 bytes"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			in := decodeUpdate([]byte(tt.raw), testSelf, testNow)
			if tt.skip != "" {
				if !strings.Contains(in.Skip, tt.skip) {
					t.Fatalf("got skip reason %q, want one containing %q", in.Skip, tt.skip)
				}
				return
			}
			if in.Skip != "" {
				t.Fatalf("skipped: %s", in.Skip)
			}
			got := in.Msg
			if got.From != tt.want.From || got.Text != tt.want.Text || got.Mentioned != tt.want.Mentioned ||
				got.Payload != tt.want.Payload || got.Lang != tt.want.Lang || got.ID != tt.want.ID || got.Edited != tt.want.Edited || got.ChatTitle != tt.want.ChatTitle {
				t.Errorf("got  %+v\nwant %+v", got, tt.want)
			}
			if got.At.IsZero() {
				t.Errorf("got zero At")
			}
		})
	}
}

func TestDecodeUpdateKeepsIDAndQueryWhenSkipping(t *testing.T) {
	in := decodeUpdate([]byte(`{"update_id":77,"callback_query":{"id":"q9","from":{"id":"not a number"},"data":"x"}}`), testSelf, testNow)
	if in.ID != 77 || in.Query != "q9" || in.Skip == "" {
		t.Errorf("got ID %d Query %q Skip %q, want 77, q9 and a reason (the press is still answered)", in.ID, in.Query, in.Skip)
	}
}

// FuzzDecodeUpdate feeds the decoder arbitrary bytes: it must never
// panic, must give a reason for everything it skips, and must only pass on
// messages the rest of the adapter can answer.
func FuzzDecodeUpdate(f *testing.F) {
	for _, s := range []string{
		dm("hello", ""), dm("/start x", ""), group("@ClinicBot hi 😀", mention(0, 10), ""),
		group("Clinic hi", `{"type":"text_mention","offset":0,"length":6,"user":{"id":999}}`, ""),
		`{"update_id":13,"callback_query":{"id":"q1","from":{"id":42},"message":{"message_id":5,"chat":{"id":42,"type":"private"}},"data":"a"}}`,
		`{"update_id":14,"message":"x"}`, `{}`, `null`, `[]`, `{"update_id":1e3}`,
	} {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, raw []byte) {
		in := decodeUpdate(raw, testSelf, testNow)
		if in.ID == 0 && in.Skip == "" {
			t.Fatal("passed on an update without an id")
		}
		if in.Skip != "" {
			if !utf8.ValidString(in.Skip) || len(in.Skip) > 200 {
				t.Fatalf("skip reason not fit for a log: %q", in.Skip)
			}
			return
		}
		m := in.Msg
		chat, err := strconv.ParseInt(m.From.ChatID, 10, 64)
		if err != nil || chat == 0 || m.From.Platform != Platform {
			t.Fatalf("passed on an unanswerable address %+v", m.From)
		}
		if user, err := strconv.ParseInt(m.From.UserID, 10, 64); (err != nil || user == 0) && !(m.From.UserID == "" && m.From.Group) {
			t.Fatalf("passed on a message without a user outside a group: %+v", m.From)
		}
		if utf16Len(m.Text) > MaxText || len(m.Payload) > MaxPayload {
			t.Fatalf("passed on %d UTF-16 units of text and %d bytes of payload", utf16Len(m.Text), len(m.Payload))
		}
		if m.Text == "" && m.Payload == "" && !m.Mentioned {
			t.Fatal("passed on an empty message")
		}
		if _, err := json.Marshal(m); err != nil {
			t.Fatal(err)
		}
	})
}
