package main

import (
	"fmt"
	"os"
	"path/filepath"
	"time"

	"github.com/blevesearch/bleve/v2"
	"github.com/blevesearch/bleve/v2/analysis/lang/en"
	"github.com/blevesearch/bleve/v2/index/scorch"
	"github.com/blevesearch/bleve/v2/mapping"
	bquery "github.com/blevesearch/bleve/v2/search/query"
	index "github.com/blevesearch/bleve_index_api"

	"github.com/carebot/carebot/faq"
)

// doc is an entry as bleve indexes it: the fields carebot matches, with
// translations folded into the same fields.
type doc struct {
	Question   string   `json:"question"`
	Alternates []string `json:"alternates"`
	Keywords   []string `json:"keywords"`
	Answer     string   `json:"answer"`
}

// fieldBoost weighs the fields as carebot does: the answer counts less.
var fieldBoost = map[string]float64{"question": 1, "alternates": 1, "keywords": 1, "answer": 0.3}

func bleveMapping() mapping.IndexMapping {
	m := bleve.NewIndexMapping()
	m.ScoringModel = index.BM25Scoring
	m.DefaultAnalyzer = en.AnalyzerName
	dm := bleve.NewDocumentMapping()
	for f := range fieldBoost {
		fm := bleve.NewTextFieldMapping()
		fm.Analyzer = en.AnalyzerName
		fm.Store = false
		fm.IncludeTermVectors = false
		dm.AddFieldMappingsAt(f, fm)
	}
	m.DefaultMapping = dm
	return m
}

func measureBleve(path string, qs []query, rounds int) (result, error) {
	data, err := os.ReadFile(path)
	if err != nil {
		return result{}, fmt.Errorf("read kb: %w", err)
	}
	kb, err := faq.Parse(path, data) // the loader only reads the file for bleve
	if err != nil {
		return result{}, err
	}
	dir, err := os.MkdirTemp("", "bench-bleve-")
	if err != nil {
		return result{}, err
	}
	defer os.RemoveAll(dir)
	start := time.Now()
	// scorch, bleve's default index, on a temporary directory: bleve's
	// memory-only index is the older upsidedown one and much slower.
	idx, err := bleve.NewUsing(filepath.Join(dir, "idx"), bleveMapping(), scorch.Name, scorch.Name, nil)
	if err != nil {
		return result{}, fmt.Errorf("new index: %w", err)
	}
	defer idx.Close()
	b := idx.NewBatch()
	for _, e := range kb.Entries {
		d := doc{Question: e.Question, Alternates: e.Alternates, Keywords: e.Keywords, Answer: e.Answer}
		for _, t := range e.Translations {
			d.Question += "\n" + t.Question
			d.Alternates = append(d.Alternates, t.Alternates...)
			d.Answer += "\n" + t.Answer
		}
		if err := b.Index(e.ID, d); err != nil {
			return result{}, fmt.Errorf("index %s: %w", e.ID, err)
		}
		if b.Size() >= 5000 {
			if err := idx.Batch(b); err != nil {
				return result{}, fmt.Errorf("batch: %w", err)
			}
			b = idx.NewBatch()
		}
	}
	if err := idx.Batch(b); err != nil {
		return result{}, fmt.Errorf("batch: %w", err)
	}
	build := time.Since(start)
	var searchErr error
	m := func(msg, _ string) ([]string, bool) {
		var qs []bquery.Query
		for f, boost := range fieldBoost {
			mq := bleve.NewMatchQuery(msg)
			mq.SetField(f)
			mq.SetBoost(boost)
			qs = append(qs, mq)
		}
		req := bleve.NewSearchRequestOptions(bleve.NewDisjunctionQuery(qs...), 5, 0, false)
		res, err := idx.Search(req)
		if err != nil {
			searchErr = err
			return nil, false
		}
		ids := make([]string, len(res.Hits))
		for i, h := range res.Hits {
			ids[i] = h.ID
		}
		return ids, false
	}
	res := score(m, qs, false)
	res.build = build
	res.p50, res.p99 = latency(m, qs, rounds)
	if searchErr != nil {
		return result{}, fmt.Errorf("search: %w", searchErr)
	}
	return res, nil
}
