package main

import "github.com/carebot/carebot/evalset"

// query is one labelled message (see ../../shared/eval/README.md).
type query = evalset.Query

// loadQueries reads a queries file, leaving out the safety lines: they
// are the engine's business, not the matcher's.
func loadQueries(path string) ([]query, error) {
	qs, err := evalset.Read(path)
	if err != nil {
		return nil, err
	}
	out := qs[:0]
	for _, q := range qs {
		if q.Label == "" {
			out = append(out, q)
		}
	}
	return out, nil
}
