// Command bench compares carebot's FAQ matcher with bleve v2 (BM25 scoring,
// English analyzer, the same fields) on the same knowledge bases and
// messages, and prints a Markdown table of accuracy and latency.
//
//	cd bench && go run . -shared ../../shared
//
// It is a separate module so that the main module never depends on bleve.
package main

import (
	"context"
	"flag"
	"fmt"
	"io"
	"os"
	"path/filepath"
)

func main() {
	if err := run(context.Background(), os.Args[1:], os.Stdout, os.Stderr); err != nil {
		fmt.Fprintln(os.Stderr, "bench:", err)
		os.Exit(1)
	}
}

// set is one knowledge base and its labelled messages.
type set struct {
	name    string
	kb      string // path of kb.yaml
	queries string // path of queries.jsonl, "" for build-only sets
}

func run(ctx context.Context, args []string, stdout, stderr io.Writer) error {
	fs := flag.NewFlagSet("bench", flag.ContinueOnError)
	fs.SetOutput(stderr)
	shared := fs.String("shared", "../../shared", "the shared directory holding eval/")
	rounds := fs.Int("rounds", 20, "times each message is matched when measuring latency")
	if err := fs.Parse(args); err != nil {
		return err
	}
	eval := filepath.Join(*shared, "eval")
	sets := []set{
		{"clinic", filepath.Join(eval, "clinic/kb.yaml"), filepath.Join(eval, "clinic/queries-dev.jsonl")},
		{"covid-jhu", filepath.Join(eval, "public/covid-jhu/kb.yaml"), filepath.Join(eval, "public/covid-jhu/queries.jsonl")},
		{"deepset-covid", filepath.Join(eval, "public/deepset-covid/kb.yaml"), filepath.Join(eval, "public/deepset-covid/queries.jsonl")},
		{"medquad-10k", filepath.Join(eval, "public/medquad-10k/kb.yaml"), ""},
	}
	// medquad has no labelled messages: time it with the clinic and
	// covid-jhu messages.
	var allMsgs []query
	var rows []row
	for _, s := range sets {
		if err := ctx.Err(); err != nil {
			return err
		}
		var qs []query
		if s.queries != "" {
			var err error
			if qs, err = loadQueries(s.queries); err != nil {
				return err
			}
			if s.name != "deepset-covid" {
				allMsgs = append(allMsgs, qs...)
			}
		} else {
			qs = allMsgs
		}
		fmt.Fprintf(stderr, "%s: carebot...\n", s.name)
		cb, err := measureCarebot(s.kb, qs, *rounds)
		if err != nil {
			return fmt.Errorf("%s: carebot: %w", s.name, err)
		}
		fmt.Fprintf(stderr, "%s: bleve...\n", s.name)
		bl, err := measureBleve(s.kb, qs, *rounds)
		if err != nil {
			return fmt.Errorf("%s: bleve: %w", s.name, err)
		}
		rows = append(rows, row{set: s.name, labelled: s.queries != "", carebot: cb, bleve: bl})
	}
	printTable(stdout, rows)
	return nil
}
