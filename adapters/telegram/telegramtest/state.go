package telegramtest

import (
	"bytes"
	"context"
	"maps"
	"slices"
	"sync"
	"testing"

	"github.com/carebot/carebot/adapters/telegram"
)

// MemState is a telegram.State in memory, for tests: it survives a Bot
// being thrown away (a simulated crash) but not the process.
type MemState struct {
	mu      sync.Mutex
	cur     telegram.Cursor
	pending map[uint64][]byte
	fail    []error
	commits int
}

// NewMemState returns an empty MemState.
func NewMemState() *MemState {
	return &MemState{pending: make(map[uint64][]byte)}
}

// FailNextCommit makes the next Commit fail with err, storing nothing.
func (m *MemState) FailNextCommit(err error) {
	m.mu.Lock()
	defer m.mu.Unlock()
	m.fail = append(m.fail, err)
}

// Commits counts the successful Commits.
func (m *MemState) Commits() int {
	m.mu.Lock()
	defer m.mu.Unlock()
	return m.commits
}

// Load implements telegram.State.
func (m *MemState) Load(ctx context.Context) (telegram.Cursor, []telegram.Outgoing, error) {
	m.mu.Lock()
	defer m.mu.Unlock()
	out := make([]telegram.Outgoing, 0, len(m.pending))
	for _, seq := range slices.Sorted(maps.Keys(m.pending)) {
		out = append(out, telegram.Outgoing{Seq: seq, Data: bytes.Clone(m.pending[seq])})
	}
	return telegram.Cursor{Next: m.cur.Next, Above: slices.Clone(m.cur.Above)}, out, nil
}

// Commit implements telegram.State.
func (m *MemState) Commit(ctx context.Context, c telegram.Cursor, out []telegram.Outgoing) error {
	if err := ctx.Err(); err != nil {
		return err
	}
	m.mu.Lock()
	defer m.mu.Unlock()
	if len(m.fail) > 0 {
		err := m.fail[0]
		m.fail = m.fail[1:]
		return err
	}
	m.cur = telegram.Cursor{Next: c.Next, Above: slices.Clone(c.Above)}
	for _, o := range out {
		m.pending[o.Seq] = bytes.Clone(o.Data)
	}
	m.commits++
	return nil
}

// Done implements telegram.State.
func (m *MemState) Done(ctx context.Context, seq uint64) error {
	m.mu.Lock()
	defer m.mu.Unlock()
	delete(m.pending, seq)
	return nil
}

// Opener opens a State for TestState and returns it with a reopen that
// simulates a restart: it closes the store and opens the same storage
// again (for bbolt: the same file).
type Opener func(t *testing.T) (st telegram.State, reopen func() telegram.State)

// TestState checks that a telegram.State keeps the contract documented on
// the interface. Run it against every implementation:
//
//	func TestTelegramState(t *testing.T) {
//		telegramtest.TestState(t, func(t *testing.T) (telegram.State, func() telegram.State) { ... })
//	}
func TestState(t *testing.T, open Opener) {
	ctx := context.Background()
	out := func(seq uint64, data string) telegram.Outgoing {
		return telegram.Outgoing{Seq: seq, Data: []byte(data)}
	}

	t.Run("empty", func(t *testing.T) {
		st, _ := open(t)
		cur, pending := load(t, st)
		if cur.Next != 0 || len(cur.Above) != 0 || len(pending) != 0 {
			t.Errorf("fresh state: got cursor %+v and %d pending, want zero and none", cur, len(pending))
		}
	})

	t.Run("commit then load in seq order across restarts", func(t *testing.T) {
		st, reopen := open(t)
		// Seqs chosen so that any but a big-endian numeric order misorders them.
		must(t, st.Commit(ctx, telegram.Cursor{Next: 7, Above: []int64{9, 12}}, []telegram.Outgoing{out(1<<40, "d"), out(256, "c")}))
		must(t, st.Commit(ctx, telegram.Cursor{Next: 13}, []telegram.Outgoing{out(1, "a"), out(255, "b")}))
		// Check the open store, then the same storage after a restart
		// (reopen closes the first store, so it must come second).
		for _, restart := range []bool{false, true} {
			if restart {
				st = reopen()
			}
			cur, pending := load(t, st)
			if cur.Next != 13 || len(cur.Above) != 0 {
				t.Errorf("restart %v: got cursor %+v, want the last committed {Next:13}", restart, cur)
			}
			want := []telegram.Outgoing{out(1, "a"), out(255, "b"), out(256, "c"), out(1<<40, "d")}
			if !equalOut(pending, want) {
				t.Errorf("restart %v: got pending %v, want %v", restart, pending, want)
			}
		}
	})

	t.Run("cursor comes back exactly", func(t *testing.T) {
		st, reopen := open(t)
		want := telegram.Cursor{Next: 1 << 40, Above: []int64{1<<40 + 2, 1<<40 + 900}}
		must(t, st.Commit(ctx, want, nil))
		cur, _ := load(t, reopen())
		if cur.Next != want.Next || !slices.Equal(cur.Above, want.Above) {
			t.Errorf("got cursor %+v, want %+v", cur, want)
		}
	})

	t.Run("done removes durably and may repeat", func(t *testing.T) {
		st, reopen := open(t)
		must(t, st.Commit(ctx, telegram.Cursor{Next: 2}, []telegram.Outgoing{out(10, "x"), out(11, "y"), out(12, "z")}))
		must(t, st.Done(ctx, 11))
		must(t, st.Done(ctx, 11))
		must(t, st.Done(ctx, 99))
		st = reopen()
		_, pending := load(t, st)
		if want := []telegram.Outgoing{out(10, "x"), out(12, "z")}; !equalOut(pending, want) {
			t.Errorf("after Done(11): got pending %v, want %v", pending, want)
		}
	})

	t.Run("same seq replaces", func(t *testing.T) {
		st, _ := open(t)
		must(t, st.Commit(ctx, telegram.Cursor{Next: 2}, []telegram.Outgoing{out(5, "old")}))
		must(t, st.Commit(ctx, telegram.Cursor{Next: 3}, []telegram.Outgoing{out(5, "new")}))
		_, pending := load(t, st)
		if want := []telegram.Outgoing{out(5, "new")}; !equalOut(pending, want) {
			t.Errorf("got pending %v, want %v", pending, want)
		}
	})

	t.Run("stored data is a copy", func(t *testing.T) {
		st, _ := open(t)
		data := []byte("reply text")
		must(t, st.Commit(ctx, telegram.Cursor{Next: 2}, []telegram.Outgoing{{Seq: 1, Data: data}}))
		copy(data, "XXXXX")
		_, pending := load(t, st)
		if len(pending) != 1 || string(pending[0].Data) != "reply text" {
			t.Fatalf("after changing the caller's slice: got %v, want the committed bytes", pending)
		}
		copy(pending[0].Data, "YYYYY")
		if _, again := load(t, st); string(again[0].Data) != "reply text" {
			t.Errorf("after changing a loaded slice: got %q, want the committed bytes", again[0].Data)
		}
	})

	t.Run("done and commit concurrently", func(t *testing.T) {
		st, reopen := open(t)
		var first []telegram.Outgoing
		for i := range 50 {
			first = append(first, out(uint64(i+1), "p"))
		}
		must(t, st.Commit(ctx, telegram.Cursor{Next: 2}, first))
		var wg sync.WaitGroup
		errs := make(chan error, 100)
		for i := range 50 {
			wg.Go(func() { errs <- st.Done(ctx, uint64(i+1)) })
		}
		for i := range 20 {
			wg.Go(func() {
				errs <- st.Commit(ctx, telegram.Cursor{Next: int64(3 + i)}, []telegram.Outgoing{out(uint64(1000+i), "q")})
			})
		}
		wg.Wait()
		close(errs)
		for err := range errs {
			must(t, err)
		}
		_, pending := load(t, reopen())
		if len(pending) != 20 || pending[0].Seq != 1000 || pending[19].Seq != 1019 {
			t.Errorf("got %d pending (%v), want exactly seqs 1000..1019", len(pending), seqs(pending))
		}
	})
}

func load(t *testing.T, st telegram.State) (telegram.Cursor, []telegram.Outgoing) {
	t.Helper()
	cur, pending, err := st.Load(context.Background())
	if err != nil {
		t.Fatalf("Load: %v", err)
	}
	return cur, pending
}

func must(t *testing.T, err error) {
	t.Helper()
	if err != nil {
		t.Fatal(err)
	}
}

func equalOut(a, b []telegram.Outgoing) bool {
	return slices.EqualFunc(a, b, func(x, y telegram.Outgoing) bool { return x.Seq == y.Seq && bytes.Equal(x.Data, y.Data) })
}

func seqs(o []telegram.Outgoing) []uint64 {
	var s []uint64
	for _, x := range o {
		s = append(s, x.Seq)
	}
	return s
}

var _ telegram.State = (*MemState)(nil)
