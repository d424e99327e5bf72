package main

import (
	"errors"
	"fmt"
	"io"
	"os"
	"time"

	"github.com/carebot/carebot/reminders"
)

// runCampaigns: carebot campaigns check [--config FILE] FILE.
func runCampaigns(args []string, getenv func(string) string, stdout, stderr io.Writer) error {
	sub, args, err := subcommand(args, "Usage:\n  carebot campaigns check [--config FILE] FILE   validate a campaigns.yaml\n", stdout, stderr)
	switch sub {
	case "":
		return err
	case "check":
	default:
		return usageError{fmt.Sprintf("campaigns: unknown subcommand %q", sub)}
	}
	fs := newFlags("campaigns check", "carebot campaigns check [--config FILE] FILE\n\n"+
		"Validate a campaigns.yaml: every problem with its line and campaign, including a campaign that can\n"+
		"never send (its schedule has ended, or quiet hours hold every one of its times past its max_late);\n"+
		"exit status 1 on any. Warnings (a file of no campaigns) do not fail it.", stdout, stderr)
	configFlag := fs.String("config", "", "the bot's config file, for its reminders.quiet_hours ($CAREBOT_CONFIG; default: quiet from 21:00 to 08:00)")
	if help, err := parseFlags(fs, args); help || err != nil {
		return err
	}
	if fs.NArg() == 0 {
		return usageError{"campaigns check: give one FILE"}
	}
	if err := refuseExtra(fs, 1, quoteHint); err != nil {
		return err
	}
	cfg, err := loadConfig(first(*configFlag, getenv("CAREBOT_CONFIG")))
	if err != nil {
		return err
	}
	hours, err := cfg.allowedHours()
	if err != nil {
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
	// What depends on the day and the clinic's hours: the running bot
	// logs these and runs on; the check fails on the errors.
	errs, warnings := cs.Check(time.Now(), hours)
	for _, e := range errs {
		fmt.Fprintln(stderr, e)
	}
	for _, w := range warnings {
		fmt.Fprintln(stderr, w) // CampaignWarning.String says "warning:" after the place
	}
	if len(errs) > 0 {
		fmt.Fprintf(stderr, "%s: %d problem(s), %d warning(s)\n", file, len(errs), len(warnings))
		return errFailed
	}
	fmt.Fprintf(stdout, "%s: ok: %d campaign(s), %d warning(s)\n", file, len(cs.List()), len(warnings))
	return nil
}
