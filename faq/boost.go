package faq

import "math"

// boostModel is an ensemble of gradient-boosted decision trees, all of
// the same depth and complete: tree t's internal node i (heap order, root
// 0) tests x[feat[t*inner+i]] > thr[t*inner+i] and goes right if so; its
// leaves are leaf[t*2^depth:]. The chance is the sigmoid of base plus
// one leaf of every tree. A node that had nothing worth splitting has an
// infinite threshold: everything goes left.
//
// Two stages of the matcher are such trees. The reranker (rerankModel,
// see rank.go) adds to the linear ranking's scores of the best candidates
// what a sum of features misses; the confidence (confModel, see
// confidenceOf) decides whether the best one answers the message at all,
// which hangs on how the features combine (a short message whose one
// rare word the entry misses is out of scope; a long one with the same
// miss may not be): trees can learn that and a sum cannot. Either model's
// input is a [boostDim]float64.
type boostModel struct {
	depth int
	base  float64
	feat  []uint8
	thr   []float64
	leaf  []float64
}

// margin is base plus the sum of the leaves x falls in: the log odds.
// The way down is computed without branches: which way x goes is data
// the branch predictor cannot guess, and a branch per node cost more than
// the rest of the walk.
func (m *boostModel) margin(x *[boostDim]float64) float64 {
	inner := 1<<m.depth - 1
	feat, thr, leaf := m.feat, m.thr, m.leaf
	z := m.base
	for l, t := 0, 0; t+inner < len(leaf); l, t = l+inner, t+inner+1 {
		i := 0
		for range m.depth {
			k := l + i
			right := 0
			if x[feat[k]] > thr[k] {
				right = 1
			}
			i = 2*i + 1 + right
		}
		z += leaf[t+i-inner]
	}
	return z
}

// prob is the model's chance for x.
func (m *boostModel) prob(x *[boostDim]float64) float64 { return sigmoid(m.margin(x)) }

// inf is the threshold of a node that does not split.
var inf = math.Inf(1)
