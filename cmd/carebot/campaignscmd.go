package main

import (
	"errors"
	"fmt"
	"io"
	"os"

	"github.com/carebot/carebot/reminders"
)

// runCampaigns: carebot campaigns check FILE.
func runCampaigns(args []string, stdout, stderr io.Writer) error {
	sub, args, err := subcommand(args, "Usage:\n  carebot campaigns check FILE   validate a campaigns.yaml\n", stdout, stderr)
	switch sub {
	case "":
		return err
	case "check":
	default:
		return usageError{fmt.Sprintf("campaigns: unknown subcommand %q", sub)}
	}
	fs := newFlags("campaigns check", "carebot campaigns check FILE\n\nValidate a campaigns.yaml: every problem with its line and campaign; exit status 1 on any.", stdout, stderr)
	if help, err := parseFlags(fs, args); help || err != nil {
		return err
	}
	if fs.NArg() == 0 {
		return usageError{"campaigns check: give one FILE"}
	}
	if err := refuseExtra(fs, 1, quoteHint); err != nil {
		return err
	}
	file := fs.Arg(0)
	data, err := os.ReadFile(file)
	if err != nil {
		return err
	}
	cs, err := reminders.LoadCampaigns(file, data)
	var errs reminders.CampaignErrors
	if errors.As(err, &errs) {
		return reportProblems(stderr, file, errs)
	}
	if err != nil {
		return err
	}
	fmt.Fprintf(stdout, "%s: ok: %d campaign(s)\n", file, len(cs.List()))
	return nil
}
