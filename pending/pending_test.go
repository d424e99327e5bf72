package pending

import (
	"fmt"
	"testing"
	"time"
)

// TestMap: a question is read once, fresh only within For, replaced by the
// next asked, and the map holds at most Max: the expired go first, then
// the oldest.
func TestMap(t *testing.T) {
	t0 := time.Date(2026, 11, 26, 9, 0, 0, 0, time.UTC)
	p := Map[string]{For: 10 * time.Minute, Max: 3}
	p.Put("a", t0, "until when?")
	p.Put("a", t0.Add(time.Minute), "when?")
	if q, waits, fresh := p.Take("a", t0.Add(11*time.Minute)); q != "when?" || !waits || !fresh {
		t.Errorf("Take = %q %v %v, want the later question, fresh", q, waits, fresh)
	}
	if _, waits, _ := p.Take("a", t0); waits {
		t.Error("a question was read twice")
	}
	p.Put("b", t0, "when?")
	if _, waits, fresh := p.Take("b", t0.Add(10*time.Minute+time.Second)); !waits || fresh {
		t.Errorf("past For: waits %v fresh %v, want it there and stale", waits, fresh)
	}
	p.Put("c", t0, "x")
	if _, _, fresh := p.Take("c", t0.Add(-time.Second)); fresh {
		t.Error("a question asked after now is not fresh")
	}

	reads := 0
	clock := func() time.Time { reads++; return t0 }
	if _, waits, _ := p.Update("nobody", clock, func(*string) {}); waits || reads != 0 {
		t.Errorf("Update of no question: waits %v, clock read %d times; want neither", waits, reads)
	}
	p.Put("d", t0, "q")
	if q, waits, fresh := p.Update("d", clock, func(q *string) { *q += "!" }); q != "q!" || !waits || !fresh {
		t.Errorf("Update = %q %v %v", q, waits, fresh)
	}
	if q, _, _ := p.Take("d", t0); q != "q!" {
		t.Errorf("Update did not keep %q", q)
	}
	p.Put("e", t0, "q")
	p.Drop("e")
	if _, waits, _ := p.Take("e", t0); waits {
		t.Error("Drop left the question")
	}

	// The bound: an expired question goes first, else the oldest.
	b := Map[int]{For: 10 * time.Minute, Max: 3}
	b.Put("old", t0, 0)
	b.Put("u1", t0.Add(5*time.Minute), 1)
	b.Put("u2", t0.Add(6*time.Minute), 2)
	b.Put("u3", t0.Add(12*time.Minute), 3) // "old" has expired
	if _, waits, _ := b.Take("old", t0); waits || b.Len() != 3 {
		t.Errorf("the expired one was kept, or others went: %d left", b.Len())
	}
	b.Put("u4", t0.Add(13*time.Minute), 4) // none expired: u1, the oldest, goes
	if _, waits, _ := b.Take("u1", t0); waits || b.Len() != 3 {
		t.Errorf("the oldest was kept, or others went: %d left", b.Len())
	}
	for i := range 100 {
		b.Put(fmt.Sprint(i), t0.Add(time.Duration(14+i)*time.Minute), i)
	}
	if b.Len() > 3 {
		t.Errorf("%d wait, want at most 3", b.Len())
	}
}
