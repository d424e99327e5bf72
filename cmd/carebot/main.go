// Command carebot is a self-hosted chat bot for clinics.
//
// Run with no arguments it opens a chat in the terminal on the bundled demo
// clinic's faq.yaml. See `carebot help` for every command.
package main

import (
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"os/signal"
	"strings"
	"syscall"

	// Patients' time zones must load on hosts without a zone database
	// (minimal containers): carry one in the binary.
	_ "time/tzdata"
)

func main() {
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	err := run(ctx, os.Args[1:], os.Getenv, os.Stdin, os.Stdout, os.Stderr)
	stop()
	os.Exit(exitCode(err, os.Stderr))
}

// usageError is a mistake in how carebot was called: exit status 2.
type usageError struct{ msg string }

func (e usageError) Error() string { return e.msg }

// failed means the command already told the user what went wrong (faq
// check listing problems): exit status 1, nothing more to print.
var errFailed = errors.New("failed")

// errUsage means the command printed its usage for a call it cannot take
// (a command without its subcommand): exit status 2, nothing more to print.
var errUsage = errors.New("usage")

func exitCode(err error, stderr io.Writer) int {
	var ue usageError
	switch {
	case err == nil:
		return 0
	case errors.Is(err, errFailed):
		return 1
	case errors.Is(err, errUsage):
		return 2
	case errors.As(err, &ue):
		fmt.Fprintf(stderr, "carebot: %s\nRun 'carebot help' for usage.\n", ue.msg)
		return 2
	default:
		// Several problems (a config file's), one line each.
		errs := []error{err}
		if m, ok := err.(interface{ Unwrap() []error }); ok && len(m.Unwrap()) > 0 {
			errs = m.Unwrap()
		}
		for _, e := range errs {
			fmt.Fprintf(stderr, "carebot: %v\n", e)
		}
		return 1
	}
}

const usage = `carebot is a self-hosted chat bot for clinics.

Usage:
  carebot [run] [flags]              run the bot (a terminal chat unless a platform is configured)
  carebot ask [flags] MESSAGE        put one message through the engine and print the reply
  carebot eval [flags] FILE...       measure answer quality on labelled messages
  carebot faq check [FILE]           validate a faq.yaml (default: the one the bot would serve)
  carebot campaigns check [--config FILE] FILE   validate a campaigns.yaml
  carebot version                    print the version

Staff commands (they talk to the running bot):
  carebot appointments import FILE   add, move or cancel appointments from a CSV or JSON file
  carebot appointments list|cancel   see appointments and patients' answers; cancel one
  carebot remind add --to P:U --at T --text X   schedule a reminder for a patient
  carebot patients forget P:U        erase everything carebot keeps about a patient
  carebot broadcast --purpose P --text X        send an announcement to everyone opted in
  carebot report BROADCAST_ID        a broadcast's delivery report
  carebot faq misses [--since 30d]   questions the bot could not answer, grouped
  carebot audit [--since 7d]         changes made through the admin API

Run 'carebot COMMAND --help' for a command's flags.
`

func isHelpFlag(a string) bool { return a == "-h" || a == "-help" || a == "--help" }

// runFlagsHelp prints the flags of run, the command carebot runs when it
// is given none, below the list of commands.
func runFlagsHelp(ctx context.Context, getenv func(string) string, stdout io.Writer) error {
	var b strings.Builder
	if err := runBot(ctx, []string{"--help"}, getenv, strings.NewReader(""), &b, io.Discard); err != nil {
		return err
	}
	if _, flags, ok := strings.Cut(b.String(), "\nFlags:\n"); ok {
		fmt.Fprintf(stdout, "\nFlags of run, the command carebot runs when given none:\n%s", flags)
	}
	return nil
}

// run is the whole program: main only calls it. Everything it needs from
// the outside world is an argument, so tests can run it in-process.
func run(ctx context.Context, args []string, getenv func(string) string, stdin io.Reader, stdout, stderr io.Writer) error {
	cmd, rest := "run", args
	if len(args) > 0 && (len(args[0]) == 0 || args[0][0] != '-' || isHelpFlag(args[0])) {
		cmd, rest = args[0], args[1:]
	}
	switch cmd {
	case "run":
		return runBot(ctx, rest, getenv, stdin, stdout, stderr)
	case "ask":
		return runAsk(ctx, rest, getenv, stdout, stderr)
	case "eval":
		return runEval(ctx, rest, getenv, stdout, stderr)
	case "faq":
		return runFAQ(ctx, rest, getenv, stdout, stderr)
	case "campaigns":
		return runCampaigns(rest, getenv, stdout, stderr)
	case "appointments":
		return runAppointments(ctx, rest, getenv, stdout, stderr)
	case "remind":
		return runRemind(ctx, rest, getenv, stdout, stderr)
	case "patients":
		return runPatients(ctx, rest, getenv, stdout, stderr)
	case "broadcast":
		return runBroadcast(ctx, rest, getenv, stdout, stderr)
	case "report":
		return runReport(ctx, rest, getenv, stdout, stderr)
	case "audit":
		return runAudit(ctx, rest, getenv, stdout, stderr)
	case "version":
		fs := newFlags("version", "carebot version", stdout, stderr)
		if help, err := parseFlags(fs, rest); help || err != nil {
			return err
		}
		if err := refuseExtra(fs, 0, "it takes none"); err != nil {
			return err
		}
		fmt.Fprintln(stdout, "carebot", version())
		return nil
	case "help", "-h", "-help", "--help":
		if len(rest) > 0 && rest[0] != "help" && !isHelpFlag(rest[0]) {
			// help COMMAND [SUBCOMMAND]: that command's own help.
			return run(ctx, append(append([]string(nil), rest...), "--help"), getenv, stdin, stdout, stderr)
		}
		fmt.Fprint(stdout, usage)
		return runFlagsHelp(ctx, getenv, stdout)
	default:
		return usageError{fmt.Sprintf("unknown command %q", cmd)}
	}
}
