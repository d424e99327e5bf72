package main

import (
	"bufio"
	"encoding/json"
	"fmt"
	"os"
	"strings"
)

// query is one labelled message (see ../../shared/eval/README.md).
type query struct {
	Q    string
	Want []string // empty: out of scope
	Lang string
}

func loadQueries(path string) ([]query, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, fmt.Errorf("open queries: %w", err)
	}
	defer f.Close()
	var out []query
	sc := bufio.NewScanner(f)
	sc.Buffer(nil, 1<<20)
	for line := 1; sc.Scan(); line++ {
		if strings.TrimSpace(sc.Text()) == "" {
			continue
		}
		var raw struct {
			Q    string          `json:"q"`
			Want json.RawMessage `json:"want"`
			Lang string          `json:"lang"`
		}
		if err := json.Unmarshal(sc.Bytes(), &raw); err != nil {
			return nil, fmt.Errorf("%s:%d: %w", path, line, err)
		}
		q := query{Q: raw.Q, Lang: raw.Lang}
		var one string
		if err := json.Unmarshal(raw.Want, &one); err == nil {
			if one != "" {
				q.Want = []string{one}
			}
		} else if err := json.Unmarshal(raw.Want, &q.Want); err != nil {
			return nil, fmt.Errorf("%s:%d: want: %w", path, line, err)
		}
		if len(q.Want) > 0 && strings.HasPrefix(q.Want[0], "!") {
			continue // safety labels are the engine's, not the matcher's
		}
		out = append(out, q)
	}
	return out, sc.Err()
}

func (q query) right(id string) bool {
	for _, w := range q.Want {
		if w == id {
			return true
		}
	}
	return false
}
