// Package faq loads and validates a clinic's faq.yaml and matches a
// patient's message to its entries.
//
// # Loading
//
// Parse and Load read faq.yaml schema version 1 (see ../README.md and
// testdata/heldout/kb.yaml) and report every problem at once, each with its
// file, line and entry (Errors). KB.Warnings lists what staff should fix
// although the file works, such as entries past their review date
// (reviewed_at + review_every, written 90d, 12w, 6m or 1y). Watch reloads
// the file when it changes.
//
// A KB is immutable once Parse returns it, so one KB serves any number of
// goroutines; a hot reload builds a new KB and the caller swaps the pointer
// atomically.
//
// # Matching
//
// KB.Match works in pure Go, with no model:
//
//   - the text is folded (NFKD, lower case, no accents, no apostrophes) and
//     split into words; its language (English or Spanish) is detected from
//     function words and Spanish spelling;
//   - each word is stemmed (Snowball), its stop words dropped (negations
//     kept), and looked up: as itself, as the concept of a synonym group
//     (the knowledge base's and a small built-in one), through related
//     words, a category ("aetna" → insurance), a patient-language lexicon
//     ("ran out" → refill), the Spanish-English lexicon (a Spanish message
//     finds an English-only entry), and, for a word no entry holds, typo
//     correction against the knowledge base's own words;
//   - entries are scored with BM25F over question, alternates, keywords and
//     answer, and each question variant with idf-weighted Dice;
//   - ten candidates are re-ranked by a conditional-logit model over match
//     features, and the best one's confidence comes from a second logistic
//     model (coverage, margin, unknown words, medical-advice wording). Both
//     are fitted by TestCalibrate; Result.Confident means the confidence
//     reached ConfidentAt.
//
// Every word the knowledge base and the built-in resources know is analysed
// at build time, so a typical message costs a few microseconds.
package faq
