package main

import (
	"fmt"
	"os"
	"sort"
	"time"

	"github.com/carebot/carebot/faq"
)

// result is what one system achieved on one set.
type result struct {
	build       time.Duration
	p1          float64
	top1, wrong float64 // carebot only: it says when it is sure
	hasConf     bool
	p50, p99    time.Duration
	n           int
}

// matcher returns the ranked entry ids for a message; confident tells
// whether the first may be given as the answer.
type matcher func(msg, lang string) (ids []string, confident bool)

// score computes the accuracy of m on qs.
func score(m matcher, qs []query, hasConf bool) result {
	var in, p1, top1, wrong, n int
	for _, q := range qs {
		ids, conf := m(q.Q, q.Lang)
		n++
		if len(q.Want) == 0 {
			if conf && len(ids) > 0 {
				wrong++
			}
			continue
		}
		in++
		if len(ids) > 0 && q.Right(ids[0]) {
			p1++
			if conf {
				top1++
			}
		} else if conf && len(ids) > 0 {
			wrong++
		}
	}
	r := result{n: n, hasConf: hasConf}
	if in > 0 {
		r.p1, r.top1 = float64(p1)/float64(in), float64(top1)/float64(in)
	}
	if n > 0 {
		r.wrong = float64(wrong) / float64(n)
	}
	return r
}

// latency matches every message rounds times after a warm-up and returns
// the p50 and p99 of one match.
func latency(m matcher, qs []query, rounds int) (p50, p99 time.Duration) {
	for _, q := range qs {
		m(q.Q, q.Lang)
	}
	lat := make([]time.Duration, 0, rounds*len(qs))
	for range rounds {
		for _, q := range qs {
			start := time.Now()
			m(q.Q, q.Lang)
			lat = append(lat, time.Since(start))
		}
	}
	if len(lat) == 0 {
		return 0, 0
	}
	sort.Slice(lat, func(i, j int) bool { return lat[i] < lat[j] })
	return lat[len(lat)/2], lat[len(lat)*99/100]
}

func measureCarebot(path string, qs []query, rounds int) (result, error) {
	data, err := os.ReadFile(path)
	if err != nil {
		return result{}, fmt.Errorf("read kb: %w", err)
	}
	start := time.Now()
	kb, err := faq.Parse(path, data)
	build := time.Since(start)
	if err != nil {
		return result{}, err
	}
	m := func(msg, lang string) ([]string, bool) {
		r := kb.Match(msg, lang)
		ids := make([]string, len(r.Candidates))
		for i, c := range r.Candidates {
			ids[i] = c.Entry.ID
		}
		return ids, r.Confident
	}
	res := score(m, qs, true)
	res.build = build
	res.p50, res.p99 = latency(m, qs, rounds)
	return res, nil
}
