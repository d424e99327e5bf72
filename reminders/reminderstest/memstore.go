// Package reminderstest helps test code that uses package reminders: an
// in-memory Store, fakes of the people (users, consent, audience) and the
// clock, and TestStore, the contract every reminders.Store must pass.
package reminderstest

import (
	"container/heap"
	"context"
	"errors"
	"fmt"
	"sort"
	"strings"
	"sync"
	"time"

	"github.com/carebot/carebot"
	"github.com/carebot/carebot/reminders"
)

// MemStore is a reminders.Store in memory. Its due index is a heap, so
// Claim and NextDue stay cheap with a million items pending; prefix reads
// and Cancel scan every item, which is fine for tests. It is safe for
// concurrent use.
type MemStore struct {
	mu       sync.Mutex
	seq      uint64
	items    map[string]*memItem
	due      dueHeap // pending items; an entry is stale when its Seq moved on
	outcomes map[string]carebot.Outcome
	appts    map[string]carebot.Appointment
	unreach  map[string]time.Time
}

type memItem struct {
	it      carebot.OutboxItem
	claimed bool
}

var _ reminders.Store = (*MemStore)(nil)

// NewMemStore returns an empty MemStore.
func NewMemStore() *MemStore {
	return &MemStore{
		items:    make(map[string]*memItem),
		outcomes: make(map[string]carebot.Outcome),
		appts:    make(map[string]carebot.Appointment),
		unreach:  make(map[string]time.Time),
	}
}

func (s *MemStore) put(it carebot.OutboxItem) {
	s.seq++
	it.Seq = s.seq
	s.items[it.ID] = &memItem{it: it}
	heap.Push(&s.due, dueEntry{due: it.Due, id: it.ID, seq: it.Seq})
}

func checkItem(it carebot.OutboxItem) error {
	if it.ID == "" {
		return errors.New("outbox item without an ID")
	}
	if it.Due.IsZero() {
		return fmt.Errorf("outbox item without a due time (kind %s)", it.Kind)
	}
	return nil
}

// Schedule implements reminders.Outbox.
func (s *MemStore) Schedule(ctx context.Context, items ...carebot.OutboxItem) error {
	if err := ctx.Err(); err != nil {
		return err
	}
	for _, it := range items {
		if err := checkItem(it); err != nil {
			return fmt.Errorf("schedule: %w", err)
		}
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	for _, it := range items {
		s.put(it)
	}
	return nil
}

// Cancel implements reminders.Outbox.
func (s *MemStore) Cancel(ctx context.Context, prefix string) (int, error) {
	if err := ctx.Err(); err != nil {
		return 0, err
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.cancel(prefix), nil
}

func (s *MemStore) cancel(prefix string) int {
	n := 0
	for id := range s.items {
		if strings.HasPrefix(id, prefix) {
			delete(s.items, id)
			n++
		}
	}
	return n
}

// Items implements reminders.Outbox.
func (s *MemStore) Items(ctx context.Context, prefix string, fn func(carebot.OutboxItem) error) error {
	if err := ctx.Err(); err != nil {
		return err
	}
	s.mu.Lock()
	var list []carebot.OutboxItem
	for id, m := range s.items {
		if strings.HasPrefix(id, prefix) {
			list = append(list, m.it)
		}
	}
	s.mu.Unlock()
	sort.Slice(list, func(i, j int) bool { return list[i].ID < list[j].ID })
	for _, it := range list {
		if err := fn(it); err != nil {
			return err
		}
	}
	return nil
}

// NextDue implements reminders.Outbox.
func (s *MemStore) NextDue(ctx context.Context) (time.Time, bool, error) {
	if err := ctx.Err(); err != nil {
		return time.Time{}, false, err
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	for len(s.due) > 0 {
		if e := s.due[0]; s.live(e) {
			return e.due, true, nil
		}
		heap.Pop(&s.due)
	}
	return time.Time{}, false, nil
}

// live reports whether a heap entry still stands for a pending item.
func (s *MemStore) live(e dueEntry) bool {
	m := s.items[e.id]
	return m != nil && !m.claimed && m.it.Seq == e.seq
}

// Claim implements reminders.Outbox.
func (s *MemStore) Claim(ctx context.Context, now time.Time, limit int) ([]carebot.OutboxItem, error) {
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	var out []carebot.OutboxItem
	for len(s.due) > 0 && len(out) < limit {
		e := s.due[0]
		if !s.live(e) {
			heap.Pop(&s.due)
			continue
		}
		if e.due.After(now) {
			break
		}
		heap.Pop(&s.due)
		m := s.items[e.id]
		m.claimed = true
		out = append(out, m.it)
	}
	return out, nil
}

// Finish implements reminders.Outbox.
func (s *MemStore) Finish(ctx context.Context, done ...carebot.OutboxDone) error {
	if err := ctx.Err(); err != nil {
		return err
	}
	for _, d := range done {
		if d.Next != nil && d.Next.ID != d.ID {
			return fmt.Errorf("finish: next item has another ID than the claimed one")
		}
		if d.Next != nil {
			if err := checkItem(*d.Next); err != nil {
				return fmt.Errorf("finish: %w", err)
			}
		}
		for _, it := range d.Spawn {
			if err := checkItem(it); err != nil {
				return fmt.Errorf("finish: %w", err)
			}
		}
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	for _, d := range done {
		if d.Outcome != nil {
			s.outcomes[d.Outcome.ID] = *d.Outcome
		}
		m := s.items[d.ID]
		if m == nil || !m.claimed || m.it.Seq != d.Seq {
			continue // the claim no longer holds
		}
		delete(s.items, d.ID)
		if d.Next != nil {
			s.put(*d.Next)
		}
		for _, it := range d.Spawn {
			s.put(it)
		}
	}
	return nil
}

// Recover implements reminders.Outbox.
func (s *MemStore) Recover(ctx context.Context) (int, error) {
	if err := ctx.Err(); err != nil {
		return 0, err
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	n := 0
	for _, m := range s.items {
		if m.claimed {
			m.claimed = false
			heap.Push(&s.due, dueEntry{due: m.it.Due, id: m.it.ID, seq: m.it.Seq})
			n++
		}
	}
	return n, nil
}

// Outcomes implements reminders.Outbox.
func (s *MemStore) Outcomes(ctx context.Context, prefix string, fn func(carebot.Outcome) error) error {
	if err := ctx.Err(); err != nil {
		return err
	}
	s.mu.Lock()
	var list []carebot.Outcome
	for id, o := range s.outcomes {
		if strings.HasPrefix(id, prefix) {
			list = append(list, o)
		}
	}
	s.mu.Unlock()
	sort.Slice(list, func(i, j int) bool { return list[i].ID < list[j].ID })
	for _, o := range list {
		if err := fn(o); err != nil {
			return err
		}
	}
	return nil
}

// Claimed reports how many items are claimed: the sends that would be
// in flight if the process died now (for tests).
func (s *MemStore) Claimed() int {
	s.mu.Lock()
	defer s.mu.Unlock()
	n := 0
	for _, m := range s.items {
		if m.claimed {
			n++
		}
	}
	return n
}

// Pending reports how many items are stored, pending or claimed (for tests).
func (s *MemStore) Pending() int {
	s.mu.Lock()
	defer s.mu.Unlock()
	return len(s.items)
}

type dueEntry struct {
	due time.Time
	id  string
	seq uint64
}

type dueHeap []dueEntry

func (h dueHeap) Len() int { return len(h) }
func (h dueHeap) Less(i, j int) bool {
	if !h[i].due.Equal(h[j].due) {
		return h[i].due.Before(h[j].due)
	}
	return h[i].id < h[j].id
}
func (h dueHeap) Swap(i, j int) { h[i], h[j] = h[j], h[i] }
func (h *dueHeap) Push(x any)   { *h = append(*h, x.(dueEntry)) }
func (h *dueHeap) Pop() any {
	old := *h
	e := old[len(old)-1]
	*h = old[:len(old)-1]
	return e
}
