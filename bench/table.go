package main

import (
	"fmt"
	"io"
	"time"
)

type row struct {
	set            string
	labelled       bool
	carebot, bleve result
}

func us(d time.Duration) string { return fmt.Sprintf("%.1f µs", float64(d.Nanoseconds())/1e3) }
func ms(d time.Duration) string { return fmt.Sprintf("%.0f ms", float64(d.Nanoseconds())/1e6) }

// printTable writes the comparison as Markdown.
func printTable(w io.Writer, rows []row) {
	fmt.Fprintln(w, "| set | system | p1 | top1 | wrong | match p50 | match p99 | build |")
	fmt.Fprintln(w, "|---|---|---|---|---|---|---|---|")
	for _, r := range rows {
		for _, s := range []struct {
			name string
			res  result
		}{{"carebot", r.carebot}, {"bleve (BM25, en)", r.bleve}} {
			p1, top1, wrong := "—", "—", "—"
			if r.labelled {
				p1 = fmt.Sprintf("%.3f", s.res.p1)
				if s.res.hasConf {
					top1, wrong = fmt.Sprintf("%.3f", s.res.top1), fmt.Sprintf("%.3f", s.res.wrong)
				}
			}
			fmt.Fprintf(w, "| %s | %s | %s | %s | %s | %s | %s | %s |\n", r.set, s.name, p1, top1, wrong, us(s.res.p50), us(s.res.p99), ms(s.res.build))
		}
	}
	fmt.Fprintln(w)
	fmt.Fprintln(w, "p1: the best-ranked entry is right; top1: answered confidently and right; wrong: answered")
	fmt.Fprintln(w, "confidently and wrong, over all messages (bleve has no confidence, so it never answers)")
	fmt.Fprintln(w, "medquad-10k has no labels: its latency uses the clinic and covid-jhu messages. build: parse and index for carebot, index for bleve.")
}
