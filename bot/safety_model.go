package bot

import (
	_ "embed"
	"encoding/binary"
	"errors"
	"math"
	"sync"
)

// The safety model: a second reader behind the rules. The rules are
// precise, but a crisis told in words no rule has ("i've started counting
// pills again", "the life insurance would cover the farm if it looked like
// an accident") passes them by, and rules written from the misses of one
// set of messages catch few of the next set's. The model is a multinomial
// logistic regression (none, crisis, emergency) over a message's words and
// pairs of neighbouring words, trained on the labelled safety sets and on
// the clinic's FAQ questions as messages that are neither (see
// safety_model_test.go, which trains it and writes safety_model.bin).
// It is read only when the rules find nothing, and it speaks only when it
// is sure: the message must be at least safetyModelThreshold likely to be
// a crisis or an emergency.
//
// Its features are the scanner's own: each word as folded (hashed), "#"
// for a number, each pair of neighbouring words, and a constant. The
// scores are summed and divided by the square root of how many features
// the message has, so a long message is not alarming for being long.

//go:embed safety_model.bin
var safetyModelBlob []byte

// safetyModelThreshold is how likely a crisis or an emergency must be, by
// the model, for it to give the safety reply. It was chosen on a blind set
// the model had not been trained on (see safety_model_test.go).
const safetyModelThreshold = 0.8

// safetyModelFloor is ln(θ/(1-θ)/2): below it, even two classes at the
// larger of the two scores cannot reach the threshold.
var safetyModelFloor = math.Log(safetyModelThreshold / (1 - safetyModelThreshold) / 2)

// Feature hashes that no word has.
const (
	safetyFeatBias uint32 = 0x9e3779b9
	safetyFeatNum  uint32 = 0x85ebca6b
)

// safetyPair is the feature of two neighbouring words.
func safetyPair(a, b uint32) uint32 {
	h := a*0x9e3779b1 ^ b
	h ^= h >> 15
	h *= 0x2c1b3c6d
	h ^= h >> 12
	return h
}

// safetyModel is an open-addressed table from feature hash to the
// feature's three weights.
type safetyModel struct {
	slots []safetyModelSlot
	mask  uint32
	// has is a one-hash Bloom filter of the features, small enough to
	// stay in the cache: most pairs of words are in no model, and the
	// filter turns them away before the table is read.
	has [1 << 16 / 64]uint64
}

// safetyFilterBit is where feature key k sits in the filter.
func safetyFilterBit(k uint32) uint32 { return (k * 0x9e3779b1) >> 16 }

type safetyModelSlot struct {
	key uint32 // the feature's hash; 0 marks an empty slot
	w   [3]float32
}

// safetyModelKey is the key a feature is filed under: never 0.
func safetyModelKey(f uint32) uint32 {
	if f == 0 {
		return 1
	}
	return f
}

func (m *safetyModel) weights(f uint32) *[3]float32 {
	if len(m.slots) == 0 {
		return nil
	}
	k := safetyModelKey(f)
	if b := safetyFilterBit(k); m.has[b/64]&(1<<(b%64)) == 0 {
		return nil
	}
	for i := k & m.mask; ; i = (i + 1) & m.mask {
		s := &m.slots[i]
		if s.key == k {
			return &s.w
		}
		if s.key == 0 {
			return nil
		}
	}
}

// The file: "CBSM", a version byte, the feature count (uint32), then per
// feature its hash (uint32) and three float32 weights, little-endian.
const safetyModelMagic = "CBSM\x01"

func encodeSafetyModel(feats []uint32, w [][3]float32) []byte {
	b := append([]byte(nil), safetyModelMagic...)
	b = binary.LittleEndian.AppendUint32(b, uint32(len(feats)))
	for i, f := range feats {
		b = binary.LittleEndian.AppendUint32(b, f)
		for _, x := range w[i] {
			b = binary.LittleEndian.AppendUint32(b, math.Float32bits(x))
		}
	}
	return b
}

func decodeSafetyModel(b []byte) (*safetyModel, error) {
	if len(b) < len(safetyModelMagic)+4 || string(b[:len(safetyModelMagic)]) != safetyModelMagic {
		return nil, errors.New("safety model: not a model file")
	}
	b = b[len(safetyModelMagic):]
	n := binary.LittleEndian.Uint32(b)
	b = b[4:]
	if uint64(len(b)) != uint64(n)*16 {
		return nil, errors.New("safety model: wrong length")
	}
	size := uint32(1)
	for size < 2*n {
		size <<= 1
	}
	m := &safetyModel{slots: make([]safetyModelSlot, size), mask: size - 1}
	for j := uint32(0); j < n; j++ {
		r := b[16*j:]
		k := safetyModelKey(binary.LittleEndian.Uint32(r))
		var w [3]float32
		for c := range w {
			w[c] = math.Float32frombits(binary.LittleEndian.Uint32(r[4+4*c:]))
		}
		i := k & m.mask
		for m.slots[i].key != 0 && m.slots[i].key != k {
			i = (i + 1) & m.mask
		}
		m.slots[i] = safetyModelSlot{key: k, w: w}
		b := safetyFilterBit(k)
		m.has[b/64] |= 1 << (b % 64)
	}
	return m, nil
}

// safetyModelOnce decodes the embedded model on first use. A model that
// does not decode is an empty one, which finds nothing: the rules still
// run. TestSafetyModelFile requires that it decodes.
var safetyModelOnce = sync.OnceValue(func() *safetyModel {
	m, err := decodeSafetyModel(safetyModelBlob)
	if err != nil {
		return &safetyModel{}
	}
	return m
})

// safetyReading is what the model has read of a message so far.
type safetyReading struct {
	z    [3]float32 // summed weights: none, crisis, emergency
	n    int32      // features read
	prev uint32     // the feature of the word before, 0 at the start
	// feats, when not nil, collects the features instead (for training).
	feats *[]uint32
}

// word reads one word's feature and its pair with the word before.
// The scanner calls it only with a model or a training list.
func (r *safetyReading) word(m *safetyModel, f uint32) {
	r.add(m, f)
	if r.prev != 0 {
		r.add(m, safetyPair(r.prev, f))
	}
	r.prev = f
}

func (r *safetyReading) add(m *safetyModel, f uint32) {
	r.n++
	if r.feats != nil {
		*r.feats = append(*r.feats, f)
		return
	}
	if w := m.weights(f); w != nil {
		r.z[0] += w[0]
		r.z[1] += w[1]
		r.z[2] += w[2]
	}
}

// scores returns the model's scores of none, crisis and emergency: the
// weights of the features read and of the constant, over the square
// root of how many there are.
func (r *safetyReading) scores(m *safetyModel) [3]float64 {
	z := r.z
	if w := m.weights(safetyFeatBias); w != nil {
		z[0] += w[0]
		z[1] += w[1]
		z[2] += w[2]
	}
	norm := 1 / math.Sqrt(float64(r.n+1))
	return [3]float64{float64(z[0]) * norm, float64(z[1]) * norm, float64(z[2]) * norm}
}

// safetySoftmax turns scores into probabilities.
func safetySoftmax(z [3]float64) [3]float64 {
	top := max(z[0], z[1], z[2])
	sum := 0.0
	for c := range z {
		z[c] = math.Exp(z[c] - top)
		sum += z[c]
	}
	for c := range z {
		z[c] /= sum
	}
	return z
}

// kind is the model's finding: a crisis or an emergency when it is sure
// enough that the message is one of them, else none.
func (r *safetyReading) kind(m *safetyModel) SafetyKind {
	if len(m.slots) == 0 {
		return SafetyNone
	}
	// 1 - p(none) ≥ θ is e^a + e^b ≥ θ/(1-θ), with a and b the crisis's
	// and the emergency's scores less none's: most messages are far below,
	// and are ruled out without an exponential.
	z := r.scores(m)
	if max(z[1], z[2])-z[0] < safetyModelFloor {
		return SafetyNone
	}
	p := safetySoftmax(z)
	if 1-p[0] < safetyModelThreshold {
		return SafetyNone
	}
	if p[2] > p[1] {
		return SafetyEmergency
	}
	return SafetyCrisis
}
