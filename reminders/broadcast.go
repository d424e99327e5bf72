package reminders

import (
	"context"
	"crypto/rand"
	"encoding/hex"
	"errors"
	"fmt"
	"regexp"
	"time"

	"github.com/carebot/carebot"
)

// Broadcasts starts staff announcements and reports on them. A broadcast
// is one fan-out item: the Dispatcher resolves its audience from current
// consent a page at a time, each page committed with the cursor that
// follows it, so a crash resumes where it stopped.
type Broadcasts struct {
	Clock Clock  // nil: the system clock
	Wake  func() // called after starting one (Dispatcher.Notify); may be nil
	// TTL is how long a broadcast's messages may wait (quiet hours, a slow
	// platform) before they are dropped as stale; 0 means 24 h.
	TTL time.Duration

	out Outbox
}

// NewBroadcasts returns Broadcasts writing to out.
func NewBroadcasts(out Outbox) *Broadcasts { return &Broadcasts{out: out} }

// Broadcast is what staff send.
type Broadcast struct {
	ID      string // "" makes one up; reusing one is an error
	Purpose carebot.Purpose
	Text    string
}

// MaxBroadcastID is the longest broadcast id. Staff type it and read it
// back (carebot report ID); every outbox key made from it, the longest
// "bcast/ID/" and a 32-digit pseudonym, stays far within the 1,024 bytes
// the store allows a key.
const MaxBroadcastID = 64

// broadcastID is what a broadcast id may look like: the characters of
// faq.yaml's entry ids, which escape to themselves in outbox keys (so the
// length above is the key's), and no leading '-' that `carebot report`
// would read as a flag.
var broadcastID = regexp.MustCompile(`^[A-Za-z0-9][A-Za-z0-9._-]*$`)

// CheckBroadcastID says what is wrong with id as a broadcast id, or nil.
// Start refuses such an id; the CLI refuses it before asking the bot.
func CheckBroadcastID(id string) error {
	switch {
	case !broadcastID.MatchString(id):
		return fmt.Errorf("id %q: use only ASCII letters (a-z, A-Z, no accents), digits, '.', '_' and '-', starting with a letter or digit, at most %d (such as closed-2026-12-26)", id, MaxBroadcastID)
	case len(id) > MaxBroadcastID:
		return fmt.Errorf("id %q is %d characters long: at most %d", id, len(id), MaxBroadcastID)
	}
	return nil
}

// ErrBroadcastExists is returned by Start for an ID already used:
// starting it again would send it again to everyone.
var ErrBroadcastExists = errors.New("a broadcast with this ID exists")

// Start queues b for everyone opted in to its purpose (announcements or
// awareness; appointment reminders are not broadcast) and returns its ID.
func (bs *Broadcasts) Start(ctx context.Context, b Broadcast) (string, error) {
	if b.Purpose != carebot.PurposeAnnouncements && b.Purpose != carebot.PurposeAwareness {
		return "", fmt.Errorf("broadcast: purpose %q: want announcements or awareness", b.Purpose)
	}
	// Spaces alone would reach every patient as a blank message.
	if p := TextProblem(b.Text); p != "" {
		return "", errors.New("broadcast: the text " + p)
	}
	now := clockOr(bs.Clock).Now()
	if b.ID == "" {
		var r [3]byte
		rand.Read(r[:])
		b.ID = now.UTC().Format("20060102T150405") + "-" + hex.EncodeToString(r[:])
	} else if err := CheckBroadcastID(b.ID); err != nil {
		return "", fmt.Errorf("broadcast: %w", err)
	}
	fanID, used := broadcastFanID(b.ID), false
	if err := bs.out.Items(ctx, fanID, func(it carebot.OutboxItem) error {
		used = used || it.ID == fanID
		return nil
	}); err != nil {
		return "", fmt.Errorf("broadcast: %w", err)
	}
	if err := bs.out.Outcomes(ctx, fanID, func(o carebot.Outcome) error {
		used = used || o.ID == fanID
		return nil
	}); err != nil {
		return "", fmt.Errorf("broadcast: %w", err)
	}
	if used {
		return "", fmt.Errorf("broadcast %s: %w", b.ID, ErrBroadcastExists)
	}
	ttl := bs.TTL
	if ttl <= 0 {
		ttl = 24 * time.Hour
	}
	fan := carebot.OutboxItem{ID: broadcastFanID(b.ID), Kind: carebot.KindFanOut, Due: now, Expires: now.Add(ttl),
		Purpose: b.Purpose, Text: b.Text, Ref: b.ID, Created: now}
	if err := bs.out.Schedule(ctx, fan); err != nil {
		return "", fmt.Errorf("broadcast: %w", err)
	}
	if bs.Wake != nil {
		bs.Wake()
	}
	return b.ID, nil
}

// Report is how a broadcast went.
type Report struct {
	ID string
	// Resolved is true once the whole audience has been queued.
	Resolved bool
	// Pending counts messages not yet settled.
	Pending int
	// Counts holds the settled messages by result.
	Counts map[carebot.Result]int
	// Unreachable lists the user keys the platform could not deliver to
	// (personal data: for the staff API, never for logs).
	Unreachable []string
}

// Report reads how broadcast id went so far.
func (bs *Broadcasts) Report(ctx context.Context, id string) (Report, error) {
	r := Report{ID: id, Counts: map[carebot.Result]int{}}
	found := false
	err := bs.out.Outcomes(ctx, broadcastFanID(id), func(o carebot.Outcome) error {
		if o.ID == broadcastFanID(id) {
			found, r.Resolved = true, o.Result == carebot.ResultDone
		}
		return nil
	})
	if err == nil {
		err = bs.out.Items(ctx, broadcastFanID(id), func(it carebot.OutboxItem) error {
			found = found || it.ID == broadcastFanID(id)
			return nil
		})
	}
	if err == nil {
		err = bs.out.Items(ctx, BroadcastPrefix(id), func(carebot.OutboxItem) error { r.Pending++; return nil })
	}
	if err == nil {
		err = bs.out.Outcomes(ctx, BroadcastPrefix(id), func(o carebot.Outcome) error {
			r.Counts[o.Result]++
			if o.Result == carebot.ResultUnreachable {
				r.Unreachable = append(r.Unreachable, o.User)
			}
			return nil
		})
	}
	if err != nil {
		return Report{}, fmt.Errorf("broadcast report: %w", err)
	}
	if !found {
		return Report{}, fmt.Errorf("broadcast %q: %w", id, carebot.ErrNotFound)
	}
	return r, nil
}

func clockOr(c Clock) Clock {
	if c == nil {
		return SystemClock()
	}
	return c
}
