package reminders

import (
	"fmt"
	"strings"

	"github.com/carebot/carebot/yamlwalk"
)

// CampaignError is one problem in a campaigns.yaml, located so that staff
// can find it: `campaigns.yaml:12: campaign "flu-shots": cap: want "2/month"`.
type CampaignError struct {
	File     string
	Line     int    // 1-based; 0 for the whole file
	Campaign string // the campaign's id, or "" outside one
	Msg      string
}

func (e *CampaignError) Error() string {
	var b strings.Builder
	b.WriteString(e.File)
	if e.Line > 0 {
		fmt.Fprintf(&b, ":%d", e.Line)
	}
	b.WriteString(": ")
	if e.Campaign != "" {
		fmt.Fprintf(&b, "campaign %q: ", e.Campaign)
	}
	b.WriteString(e.Msg)
	return b.String()
}

// CampaignErrors is every problem LoadCampaigns found, by line.
type CampaignErrors = yamlwalk.Errors[*CampaignError]

// yamlDecoder walks a yaml.Node tree against the campaigns.yaml schema,
// collecting every problem with its line instead of stopping at the first.
type yamlDecoder struct {
	file string
	w    yamlwalk.Walker
}

// errs is every problem found, as CampaignErrors naming the file, in the
// order found.
func (d *yamlDecoder) errs() (errs CampaignErrors) {
	for _, p := range d.w.Problems() {
		errs = append(errs, &CampaignError{File: d.file, Line: p.Line, Campaign: p.Scope, Msg: p.Msg})
	}
	return errs
}
