package main

import (
	"context"
	"fmt"
	"io"
	"strings"

	"github.com/carebot/carebot/admin"
)

// runPatients: carebot patients forget PLATFORM:USER.
func runPatients(ctx context.Context, args []string, getenv func(string) string, stdout, stderr io.Writer) error {
	sub, args, err := subcommand(args, `Usage:
  carebot patients forget PLATFORM:USER   erase everything carebot keeps about a patient (right to erasure)
Run 'carebot patients forget --help' for flags.
`, stdout, stderr)
	switch sub {
	case "":
		return err
	case "forget":
	default:
		return usageError{fmt.Sprintf("patients: unknown subcommand %q (want 'patients forget')", sub)}
	}
	fs := newFlags("patients forget", "carebot patients forget [--admin ADDR] [--data DIR] PLATFORM:USER", stdout, stderr)
	client := adminFlags(fs, getenv)
	if help, err := parseFlags(fs, args); help || err != nil {
		return err
	}
	if fs.NArg() == 0 || strings.TrimSpace(fs.Arg(0)) == "" { // "$PATIENT" unset
		return usageError{"patients forget: give the patient, PLATFORM:USER (such as telegram:12345)"}
	}
	if err := refuseExtra(fs, 1, "forget one patient at a time"); err != nil {
		return err
	}
	// Checked before the bot is asked: a typo must erase no one else.
	patient, err := admin.PatientKey("patient", fs.Arg(0))
	if err != nil {
		return usageError{"patients forget: " + err.Error()}
	}
	c, err := client()
	if err != nil {
		return err
	}
	f, err := c.Forget(ctx, patient)
	if err != nil {
		return err
	}
	if f.Nothing() {
		fmt.Fprintf(stdout, "carebot had nothing stored for %s\n", patient)
		return nil
	}
	fmt.Fprintf(stdout, "forgot %s: %s\n", patient, f.Summary())
	return nil
}
