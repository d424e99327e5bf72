package carebot

import _ "embed"

// DefaultFAQ is the bundled faq.yaml: the knowledge base of a fictional
// demo clinic, used when no --faq file is given, so that `carebot` works on
// a fresh machine with no configuration.
//
//go:embed faq.yaml
var DefaultFAQ []byte
