package telegram

import (
	"encoding/json"
	"fmt"
	"time"

	"github.com/carebot/carebot"
)

// The kinds of delivery a job makes.
const (
	jobSend   = "send"   // sendMessage
	jobAnswer = "answer" // answerCallbackQuery
	jobClear  = "clear"  // editMessageReplyMarkup with an empty keyboard
)

// job is one promised delivery, stored as Outgoing.Data. Field names are
// short because every pending reply is written to disk; V lets the format
// change without misreading old outboxes.
type job struct {
	V     int    `json:"v"`
	Kind  string `json:"k"`
	Chat  int64  `json:"c,omitempty"`
	Group bool   `json:"g,omitempty"` // Chat is a group: paced at the group rate
	// ReplyTo is the message to answer under (groups), MsgID the message
	// whose keyboard to clear.
	ReplyTo int              `json:"r,omitempty"`
	MsgID   int              `json:"m,omitempty"`
	Text    string           `json:"t,omitempty"`
	Buttons []carebot.Button `json:"b,omitempty"`
	Query   string           `json:"q,omitempty"` // callback query id
	// Note is posted in the group the question came from, in its line,
	// when this private reply cannot reach the member (they never started
	// the bot).
	Note *note     `json:"n,omitempty"`
	At   time.Time `json:"at"` // when it was promised, to drop stale ones
	// User is the log id of the person, so delivery logs can follow them.
	User string `json:"u,omitempty"`
	// Safety is a crisis, emergency or abuse reply: it goes ahead of the
	// other jobs waiting in its line.
	Safety bool `json:"s,omitempty"`
}

type note struct {
	Chat    int64  `json:"c"`
	ReplyTo int    `json:"r,omitempty"`
	Text    string `json:"t"`
}

// noteJob is the delivery of j's note to the group, in j's stead.
func (j job) noteJob() job {
	return job{Kind: jobSend, Chat: j.Note.Chat, Group: true, ReplyTo: j.Note.ReplyTo, Text: j.Note.Text, At: j.At, User: j.User, Safety: j.Safety}
}

const jobVersion = 1

func (j job) encode() ([]byte, error) {
	j.V = jobVersion
	b, err := json.Marshal(j)
	if err != nil {
		return nil, fmt.Errorf("encode delivery: %w", err)
	}
	return b, nil
}

func decodeJob(data []byte) (job, error) {
	var j job
	if err := json.Unmarshal(data, &j); err != nil {
		return job{}, fmt.Errorf("decode delivery: %w", err)
	}
	if j.V != jobVersion {
		return job{}, fmt.Errorf("decode delivery: unknown version %d", j.V)
	}
	switch j.Kind {
	case jobSend, jobClear:
		if j.Chat == 0 {
			return job{}, fmt.Errorf("decode delivery: %s without chat", j.Kind)
		}
	case jobAnswer:
		if j.Query == "" {
			return job{}, fmt.Errorf("decode delivery: answer without query")
		}
	default:
		return job{}, fmt.Errorf("decode delivery: unknown kind %q", j.Kind)
	}
	return j, nil
}

// queue names the line a job waits in: jobs to one chat go out in order,
// one at a time; callback answers go out independently of everything.
func (j job) queue() string {
	if j.Kind == jobAnswer {
		return "q" + j.Query
	}
	return fmt.Sprint(j.Chat)
}

// seqOf numbers the i-th delivery promised for update id. Update ids
// increase, so Seq does too; 16 bits leave room for far more deliveries
// per update than a reply ever needs (plan caps it).
func seqOf(updateID int64, i int) uint64 {
	return uint64(updateID)<<16 | uint64(i)
}

const maxJobsPerUpdate = 1<<16 - 1
