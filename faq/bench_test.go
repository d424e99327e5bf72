package faq

import (
	"path/filepath"
	"runtime"
	"sort"
	"testing"
	"time"
)

// benchMessages are the messages a benchmark sends: the clinic queries
// when the shared set is there, else the held-out ones.
func benchMessages(b *testing.B, path string) []string {
	b.Helper()
	var out []string
	for _, q := range loadQueries(b, path) {
		out = append(out, q.Q)
	}
	return out
}

// matchLatency runs every message through Match b.N times in all and
// reports the per-message p50 and p99 latency as custom metrics.
func matchLatency(b *testing.B, kb *KB, msgs []string) {
	for _, m := range msgs { // warm the scratch pool
		kb.Match(m, "")
	}
	lat := make([]time.Duration, 0, b.N)
	b.ReportAllocs()
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		m := msgs[i%len(msgs)]
		start := time.Now()
		kb.Match(m, "")
		lat = append(lat, time.Since(start))
	}
	b.StopTimer()
	sort.Slice(lat, func(i, j int) bool { return lat[i] < lat[j] })
	b.ReportMetric(float64(lat[len(lat)/2].Nanoseconds())/1e3, "p50-µs")
	b.ReportMetric(float64(lat[len(lat)*99/100].Nanoseconds())/1e3, "p99-µs")
}

// BenchmarkMatchClinic measures Match on the clinic knowledge base with
// its dev messages.
func BenchmarkMatchClinic(b *testing.B) {
	matchEvalSet(b, "clinic/kb.yaml", "clinic/queries-dev.jsonl")
}

// BenchmarkMatchCovid measures Match on the public covid-jhu set: 68
// entries of one phrasing each and long answers, with real users' tweets.
func BenchmarkMatchCovid(b *testing.B) {
	matchEvalSet(b, "public/covid-jhu/kb.yaml", "public/covid-jhu/queries.jsonl")
}

// matchEvalSet runs matchLatency on a knowledge base of the evaluation
// data with its messages (paths under evalDir).
func matchEvalSet(b *testing.B, kbPath, queriesPath string) {
	needEval(b)
	kb, err := Load(filepath.Join(evalDir, kbPath))
	if err != nil {
		b.Fatal(err)
	}
	matchLatency(b, kb, benchMessages(b, filepath.Join(evalDir, queriesPath)))
}

// BenchmarkMatchHeldout measures Match on our own knowledge base.
func BenchmarkMatchHeldout(b *testing.B) {
	kb, err := Load("testdata/heldout/kb.yaml")
	if err != nil {
		b.Fatal(err)
	}
	matchLatency(b, kb, benchMessages(b, "testdata/heldout/queries.jsonl"))
}

// BenchmarkMatchMedquad measures Match on 10,000 entries, with the clinic
// and covid messages (what matters is the size of the index).
func BenchmarkMatchMedquad(b *testing.B) {
	needEval(b)
	kb, err := Load(filepath.Join(evalDir, "public/medquad-10k/kb.yaml"))
	if err != nil {
		b.Fatal(err)
	}
	msgs := benchMessages(b, filepath.Join(evalDir, "public/covid-jhu/queries.jsonl"))
	msgs = append(msgs, benchMessages(b, filepath.Join(evalDir, "clinic/queries-dev.jsonl"))...)
	matchLatency(b, kb, msgs)
}

// BenchmarkBuildMedquad measures building the index of 10,000 entries
// (parsing the YAML excluded), and reports the live heap it keeps.
func BenchmarkBuildMedquad(b *testing.B) {
	needEval(b)
	kb, err := Load(filepath.Join(evalDir, "public/medquad-10k/kb.yaml"))
	if err != nil {
		b.Fatal(err)
	}
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		kb.index()
	}
	b.StopTimer()
	b.ReportMetric(liveHeapMB(kb), "heap-MB")
}

// BenchmarkParseMedquad measures Parse (YAML, validation and index) of
// 10,000 entries.
func BenchmarkParseMedquad(b *testing.B) {
	needEval(b)
	data := readFile(b, filepath.Join(evalDir, "public/medquad-10k/kb.yaml"))
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		if _, err := Parse("kb.yaml", data); err != nil {
			b.Fatal(err)
		}
	}
}

// liveHeapMB is the heap still in use with kb alive, after a full GC.
func liveHeapMB(kb *KB) float64 {
	runtime.GC()
	runtime.GC()
	var m runtime.MemStats
	runtime.ReadMemStats(&m)
	runtime.KeepAlive(kb)
	return float64(m.HeapAlloc) / (1 << 20)
}
