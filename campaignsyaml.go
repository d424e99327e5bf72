package carebot

import _ "embed"

// DefaultCampaigns is the bundled campaigns.yaml of the demo clinic: used
// with the bundled faq.yaml only, never with a clinic's own.
//
//go:embed campaigns.yaml
var DefaultCampaigns []byte
