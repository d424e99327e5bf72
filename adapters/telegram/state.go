package telegram

import (
	"context"
	"slices"
)

// State is the adapter's durable memory: how far it has handled Telegram's
// updates, and the replies it has promised but not yet delivered. main hands
// the bolt store to New; tests use telegramtest.MemState. The conformance
// test telegramtest.TestState checks an implementation against this
// contract.
//
// The adapter uses it like this, one update at a time: skip the update if
// the cursor says it was handled; run the Handler; Commit the new cursor
// and the replies in one durable write; deliver the replies; Done each one
// delivered. On start it Loads, delivers whatever is still pending, and
// polls from the cursor. So a crash (even SIGKILL) at any instant neither
// loses a patient's message nor answers it twice: before Commit nothing was
// sent and Telegram still holds the update; after Commit the replies are
// on record and only the one in flight can be sent again.
//
// An implementation must be safe for concurrent use: Done is called from
// several delivery goroutines while Commit runs.
type State interface {
	// Load returns the last committed cursor (the zero Cursor if nothing
	// was ever committed) and every Outgoing added by Commit and not yet
	// removed by Done, in ascending Seq order.
	Load(ctx context.Context) (Cursor, []Outgoing, error)
	// Commit durably and atomically replaces the stored cursor with c and
	// adds out to the pending outbox: when it returns nil, all of it
	// survives a crash; when it returns an error, none of it may be stored.
	// Adding an Outgoing whose Seq is already pending replaces it. The
	// cursor is opaque to the store: it must come back from Load exactly as
	// given (a nil and an empty Above are the same).
	Commit(ctx context.Context, c Cursor, out []Outgoing) error
	// Done durably removes the pending Outgoing with this Seq. Removing one
	// that is not pending is not an error (a Done may be repeated after a
	// crash).
	Done(ctx context.Context, seq uint64) error
}

// Outgoing is one delivery the adapter has promised: a message part, a
// callback answer, or a keyboard to clear.
type Outgoing struct {
	// Seq orders deliveries and names this one. It is unique across the
	// store's life and ascending in the order the deliveries were promised,
	// so a big-endian Seq is a good key.
	Seq uint64
	// Data is the adapter's encoding of the delivery (versioned JSON). It
	// holds personal data (reply text, chat and user ids): encrypt it at
	// rest. The store must return it byte for byte.
	Data []byte
}

// Window is how far below Cursor.Next an update id is still remembered as
// handled. Telegram only ever redelivers updates it has not seen confirmed,
// and polling confirms them in order, so a duplicate is never more than a
// batch (at most 100 updates) or a webhook's concurrent deliveries (at most
// 100 connections) behind the newest. An id further below is not a
// duplicate but a new sequence: Telegram picks a random next id after a
// week without updates.
const Window = 1024

// Cursor is how far updates have been handled. It is the whole dedupe
// memory, bounded by Window: ids increase, so everything handled below
// Next needs no entry of its own.
type Cursor struct {
	// Next is the lowest update id not yet handled, and the offset
	// getUpdates polls from. Every id in [Next-Window, Next) is handled.
	Next int64
	// Above lists handled ids above Next, ascending. It stays empty when
	// polling (updates come in order); a webhook with several connections
	// can deliver out of order, and then it holds the ones that overtook a
	// gap. It never holds more than Window ids.
	Above []int64
}

// Handled reports whether update id was handled.
func (c Cursor) Handled(id int64) bool {
	if id < c.Next {
		return id >= c.Next-Window
	}
	_, found := slices.BinarySearch(c.Above, id)
	return found
}

// polled returns c after handling id from getUpdates: Telegram returns
// updates in order, so every id up to id is done.
func (c Cursor) polled(id int64) Cursor {
	n := Cursor{Next: id + 1}
	for _, a := range c.Above {
		if a > id {
			n.Above = append(n.Above, a)
		}
	}
	return n.settle()
}

// pushed returns c after handling id from a webhook, where ids may arrive
// out of order.
func (c Cursor) pushed(id int64) Cursor {
	if c.Handled(id) {
		return c
	}
	if id < c.Next {
		// Below the window: a new id sequence (see Window), not a
		// straggler of the old one.
		return Cursor{Next: id + 1}
	}
	n := Cursor{Next: c.Next, Above: slices.Clone(c.Above)}
	i, _ := slices.BinarySearch(n.Above, id)
	n.Above = slices.Insert(n.Above, i, id)
	return n.settle()
}

// settle folds the ids contiguous with Next into it and gives up waiting
// for a gap further than Window below the newest id.
func (c Cursor) settle() Cursor {
	if len(c.Above) > 0 {
		if top := c.Above[len(c.Above)-1]; top-c.Next >= Window {
			c.Next = top - Window + 1
		}
	}
	i := 0
	for i < len(c.Above) && c.Above[i] <= c.Next {
		if c.Above[i] == c.Next {
			c.Next++
		}
		i++
	}
	c.Above = c.Above[i:]
	if len(c.Above) == 0 {
		c.Above = nil
	}
	return c
}
