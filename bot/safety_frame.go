package bot

// Time frames. The time marks (far past, recent, acute, habitual, over)
// once held for a whole sentence, and a story told in one breath lost its
// present to its past: in "di a luz hace 5 dias y estoy sangrando" the
// birth's "5 days ago" cancelled the bleeding, and in "back pain for years,
// but for the last hour crushing pain in my chest" the years cancelled the
// chest. A sentence is now cut into frames where the time changes: at a
// contrast ("but", "pero", "though"), a present anchor ("now", "today",
// "suddenly", "ahora", "hoy") or "and"/"y" then a present "im"/"estoy".
//
// A mark holds in its own frame, and in the frames before it in the
// sentence that have no time of their own: "i had a seizure, but that was
// years ago" and "i took too many, but i'm fine now" still read as the
// past and the resolved. It never carries forward past a change of time.
// Laughter is not about time: it marks its sentence and the one before.
type safetyFrames struct {
	frame [safetyChunk]uint8      // the frame of token i
	sent  [safetyChunk + 1]uint16 // the sentence of frame f
	marks [safetyChunk + 1]uint8  // the safetyS* time marks of frame f
	jokes [safetyChunk + 1]bool   // sentence s is laughed at
	n     int                     // frames in the chunk
}

// safetySTime is every time mark: a frame with none takes the next frame's.
const safetySTime = safetySPast | safetySRecent | safetySAcute | safetySChronic | safetySResolved

// split cuts the chunk's sentences into frames and clears every mark.
func (fr *safetyFrames) split(lx *safetyLexicon, toks []safetyTok) {
	f := 0
	for i := range toks {
		if i > 0 && (toks[i].sent != toks[i-1].sent || lx.shifts(toks, i)) {
			f++
		}
		fr.frame[i] = uint8(f)
		fr.sent[f] = toks[i].sent
	}
	fr.n = f + 1
	clear(fr.marks[:fr.n])
	clear(fr.jokes[:])
}

// shifts reports whether toks[i] starts a new time frame in its sentence.
func (lx *safetyLexicon) shifts(toks []safetyTok, i int) bool {
	c := lx.wclass[toks[i].id]
	if c&(safetyWBut|safetyWShift) != 0 {
		return true
	}
	return c&safetyWThen != 0 && (toks[i-1].id == lx.and || toks[i-1].id == lx.y)
}

// mark sets a time mark on the frame of toks[i], or laughter on its
// sentence and the one before.
func (fr *safetyFrames) mark(toks []safetyTok, i int, m uint8) {
	if m == safetySJoke {
		s := toks[i].sent
		fr.jokes[s] = true
		if s > 0 {
			fr.jokes[s-1] = true
		}
		return
	}
	fr.marks[fr.frame[i]] |= m
}

// of returns the marks that hold for toks[i]: its frame's time marks, or
// those of the first later frame of its sentence that has any, and laughter.
func (fr *safetyFrames) of(toks []safetyTok, i int) uint8 {
	var m uint8
	for f := int(fr.frame[i]); f < fr.n && fr.sent[f] == toks[i].sent; f++ {
		if m = fr.marks[f] & safetySTime; m != 0 {
			break
		}
	}
	if fr.jokes[toks[i].sent] {
		m |= safetySJoke
	}
	return m
}
