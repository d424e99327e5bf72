package bot

import (
	"slices"
	"strings"
)

// safetyGate decides, before any rule is read, whether some trigger rule
// could match a chunk: whether the chunk holds a word of every required
// slot of some trigger rule. A match needs that, so a closed gate loses no
// alarm, and the judge stops there; that is nearly every ordinary question.
//
// Each trigger rule is filed under the words of its anchor slot (anchor),
// with a block that lists the ids of each of its other required slots. The
// chunk's words are on the scanner's stack (its tokens and their bloom),
// so the check is exact and reads only the gate's three arrays: an anchor
// word's start, its blocks' offsets and the blocks, which lie together.
// The index (safetyIndex) ruled rules out through folded blooms and read
// each rule that passed, its needs, its slots and its ids: in the engine,
// where all of them are cold when a message comes, the gate reads about a
// third of those lines on a question that matches nothing.
type safetyGate struct {
	start  []uint32 // the rules anchored on id have their blocks at offset[start[id]:start[id+1]]
	offset []uint32 // a block's place in checks
	checks []uint16 // per rule: its slot count, then per slot its id count and its ids
}

// open reports whether a trigger rule anchored on a word of toks has a
// word of each of its other required slots in toks. chunk is the bloom of
// toks' ids.
func (g *safetyGate) open(toks []safetyTok, chunk *safetyBloom) bool {
	for i := range toks {
		if toks[i].class&safetyWAnchor == 0 {
			continue
		}
		id := toks[i].id
		for _, off := range g.offset[g.start[id]:g.start[id+1]] {
			if safetyComplete(g.checks[off:], toks, chunk) {
				return true
			}
		}
	}
	return false
}

// safetyComplete reports whether every slot of the block that starts block
// has an id in toks.
func safetyComplete(block []uint16, toks []safetyTok, chunk *safetyBloom) bool {
	n, c := int(block[0]), block[1:]
	for range n {
		k := int(c[0])
		found := false
		for _, id := range c[1 : 1+k] {
			if safetyHas(toks, chunk, id) {
				found = true
				break
			}
		}
		if !found {
			return false
		}
		c = c[1+k:]
	}
	return true
}

// safetyHas reports whether a token of toks has id. The chunk's bloom
// says no for most ids in one test; the tokens, on the stack, tell the
// rest exactly. A bitset of all ids would be exact at once, but clearing
// it for each chunk wrote more cold stack lines than the gate saved.
func safetyHas(toks []safetyTok, chunk *safetyBloom, id uint16) bool {
	if chunk[id>>6&3]&(1<<(id&63)) == 0 {
		return false
	}
	for i := range toks {
		if toks[i].id == id {
			return true
		}
	}
	return false
}

// gate builds the gate and marks the anchor words. It files each trigger
// rule under the words of its anchor slot, with the rule's other required
// slots rarest first, so that a block that fails fails on its first slot.
// A rule's block is written once, where the first of its anchor words
// comes, so the blocks of the rules one word anchors mostly lie together.
func (b *safetyBuilder) gate() {
	lx := b.lx
	byID := make([][]int, len(lx.names))
	blocks := make([][]uint16, len(lx.rules))
	for ri := range lx.rules {
		r := &lx.rules[ri]
		if r.effect >= safetyMTopic {
			continue
		}
		a := b.anchor(r)
		for _, id := range safetySlotIDs(&r.slots[a]) {
			byID[id] = append(byID[id], ri)
		}
		var slots [][]uint16
		for k := range r.slots {
			if k != a && !r.slots[k].opt {
				slots = append(slots, safetySlotIDs(&r.slots[k]))
			}
		}
		slices.SortStableFunc(slots, func(x, y []uint16) int { return b.cost(x) - b.cost(y) })
		block := []uint16{uint16(len(slots))}
		for _, s := range slots {
			block = append(append(block, uint16(len(s))), s...)
		}
		blocks[ri] = block
	}
	g := &lx.gate
	g.start = make([]uint32, len(lx.names)+1)
	placed := make([]uint32, len(lx.rules))
	for id, ris := range byID {
		g.start[id] = uint32(len(g.offset))
		for _, ri := range ris {
			if blocks[ri] != nil {
				placed[ri] = uint32(len(g.checks))
				g.checks = append(g.checks, blocks[ri]...)
				blocks[ri] = nil
			}
			g.offset = append(g.offset, placed[ri])
		}
	}
	g.start[len(lx.names)] = uint32(len(g.offset))
}

// safetySlotIDs returns the ids a token of slot s may have: its words, and
// the number id if it takes numbers.
func safetySlotIDs(s *safetySlot) []uint16 {
	if !s.hasNum {
		return s.ids
	}
	return append(s.ids[:len(s.ids):len(s.ids)], safetyNumID)
}

// anchor marks the words of one required slot of trigger rule r, the one
// made of the rarest words, with safetyWAnchor, and returns its place. A
// match needs a word of every required slot, so a chunk with no anchor
// word matches no trigger, and the scanner does not judge it: that is
// most messages, whatever slot is chosen, as long as it is not made of
// words every message has.
func (b *safetyBuilder) anchor(r *safetyRule) int {
	best, bestCost := -1, 0
	for k, s := range r.slots {
		if s.opt {
			continue
		}
		if c := b.cost(safetySlotIDs(&s)); best < 0 || c < bestCost {
			best, bestCost = k, c
		}
	}
	for _, id := range safetySlotIDs(&r.slots[best]) {
		b.lx.wclass[id] |= safetyWAnchor
	}
	return best
}

// cost estimates how often ordinary messages hold a word of ids: each of
// the most frequent words counts 1000; the number (dates, times, ages),
// other short words and common words 100; other words 1.
func (b *safetyBuilder) cost(ids []uint16) int {
	if b.common == nil {
		b.common = map[string]int{}
		for _, w := range strings.Fields(safetyCommonWords) {
			b.common[w] = 100
		}
		for _, w := range strings.Fields(safetyFrequentWords) {
			b.common[w] = 1000
		}
	}
	cost := 0
	for _, id := range ids {
		w := b.lx.names[id]
		switch {
		case b.common[w] > 0:
			cost += b.common[w]
		case id == safetyNumID || len(w) <= 3:
			cost += 100
		default:
			cost++
		}
	}
	return cost
}
