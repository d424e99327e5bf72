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
// KB.Match works in pure Go, with no model download and no outside data:
//
//   - the text is folded (NFKD, lower case, no accents, no apostrophes) and
//     split into words; its language (English or Spanish) is detected from
//     function words and Spanish spelling;
//   - each word is stemmed (Snowball), stop words are dropped (negations
//     kept), and it is looked up as itself and as the concept of its
//     synonym groups (the knowledge base's replace the word, the built-in
//     ones count 0.9), and through related words, categories ("aetna" is
//     insurance), a patient-language lexicon ("ran out" is a refill), the
//     Spanish-English lexicon (a Spanish message finds an English-only
//     entry), and, for a word no entry holds, typo correction against the
//     knowledge base's own words;
//   - every entry gets a BM25F score over its question, alternates,
//     keywords and answer (at a fifth of a question's weight), the coverage
//     of the message's informative weight, and the Dice similarity of its
//     closest phrasing (the question, an alternate or a translation); a
//     multinomial logistic regression trained on the knowledge base's own
//     phrasings and answers when the index is built scores the ten best
//     (knowledge bases of at most 600 entries with two phrasings or more
//     per entry on average);
//   - a conditional logit over those features orders the candidates, and
//     the best one's confidence is the chance the message is in scope
//     (how much of it the entry explains, whether its weightiest word is
//     matched, unknown words) times the chance it is the right entry (its
//     lead over the others, whether the three rankings agree). All features
//     are shares and similarities, not raw scores, so the same thresholds
//     hold on any knowledge base. TestCalibrate fits the weights on the
//     clinic dev set with 2-fold cross-validation and checks them on the
//     held-out sets in testdata;
//   - fifteen boosted decision trees (rerank_model.go) reorder the best
//     three candidates of the conditional logit: they add to each one's
//     score what the sum missed, from its features read against the best
//     of the candidates';
//   - forty more (confidence_model.go) read the linear estimate with
//     every feature and the runner-up's, and give the confidence
//     ConfidentAt is compared with. A knowledge base without a classifier
//     (fewer than two phrasings per entry, or too many entries) has its
//     own forty (confidence_bare_model.go) and threshold,
//     ConfidentBareAt: without alternates the features read differently.
//     TestTrainedModels trains all three models: the first two on the dev
//     set, eight blind sets and two other knowledge bases' sets, the
//     reranker also on two more knowledge bases unlike the clinic's, and
//     the bare confidence on those two and on the first sets asked of
//     their knowledge bases stripped of alternates;
//   - a message that is one of an entry's phrasings (modulo case and
//     punctuation) is always a confident answer; a message asking for
//     individual medical advice (dosing, drug interactions, "is X normal",
//     "do I have X") never is, unless the entry's closest phrasing asks
//     that kind of question and names the same medicines and illnesses;
//     nor is one about another business (others.go) or a general-knowledge
//     question the entry's closest phrasing does not ask (knowledge.go).
//
// Every word the knowledge base and the built-in resources know is analysed
// at build time, and the analysis of other words is remembered (up to a
// bound), so a typical message costs a few microseconds and one allocation.
package faq
