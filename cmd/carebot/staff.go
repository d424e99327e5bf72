package main

import (
	"context"
	"encoding/json"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"text/tabwriter"
	"time"

	"github.com/carebot/carebot"
	"github.com/carebot/carebot/admin"
	"github.com/carebot/carebot/reminders"
)

// The staff commands talk to the running bot's admin API: bbolt lets one
// process hold the database, and that process is the bot.

// runAppointments: carebot appointments import|list|cancel.
func runAppointments(ctx context.Context, args []string, getenv func(string) string, stdout, stderr io.Writer) error {
	sub, args, err := subcommand(args, `Usage:
  carebot appointments import FILE.csv|FILE.json   add, move or cancel appointments (by id)
  carebot appointments list [--patient P] [--json]  list them, with patients' answers
  carebot appointments cancel ID                    cancel one and its reminders
Run 'carebot appointments SUBCOMMAND --help' for flags.
`, stdout, stderr)
	switch sub {
	case "":
		return err
	case "import":
		fs := newFlags("appointments import", "carebot appointments import [--admin ADDR] [--data DIR] FILE.csv|FILE.json", stdout, stderr)
		client := adminFlags(fs, getenv)
		if help, err := parseFlags(fs, args); help || err != nil {
			return err
		}
		if fs.NArg() == 0 {
			return usageError{"appointments import: give one FILE"}
		}
		if err := refuseExtra(fs, 1, quoteHint); err != nil {
			return err
		}
		f, err := os.Open(fs.Arg(0))
		if err != nil {
			return err
		}
		defer f.Close()
		appts, lines, err := admin.ReadAppointments(fs.Arg(0), f)
		if err != nil {
			return err
		}
		c, err := client()
		if err != nil {
			return err
		}
		rep, err := c.Import(ctx, filepath.Base(fs.Arg(0)), appts, lines)
		if err != nil {
			return err
		}
		for _, r := range rep.Results {
			if r.Result == "error" {
				fmt.Fprintf(stderr, "%s:%d: appointment %q: %s\n", fs.Arg(0), r.Line, r.ID, r.Error)
			}
		}
		if rep.Failed > 0 {
			fmt.Fprintf(stdout, "%s, %d failed\n", rep.Summary(), rep.Failed)
			return errFailed
		}
		fmt.Fprintln(stdout, rep.Summary())
		printKept(stdout, fs.Arg(0), rep)
		return nil
	case "list":
		fs := newFlags("appointments list", "carebot appointments list [--admin ADDR] [--data DIR] [--patient P] [--json]", stdout, stderr)
		client := adminFlags(fs, getenv)
		patient := fs.String("patient", "", "only this patient's (PLATFORM:USER)")
		asJSON := fs.Bool("json", false, "print JSON")
		if help, err := parseFlags(fs, args); help || err != nil {
			return err
		}
		if err := refuseExtra(fs, 0, quoteHint); err != nil {
			return err
		}
		// A mistyped patient ("12345") would list nothing, and look like
		// one with no appointments on file.
		if *patient != "" {
			p, err := admin.PatientKey("--patient", *patient)
			if err != nil {
				return usageError{"appointments list: " + err.Error()}
			}
			*patient = p
		}
		c, err := client()
		if err != nil {
			return err
		}
		list, err := c.Appointments(ctx, *patient)
		if err != nil {
			return err
		}
		if *asJSON {
			return printJSON(stdout, list)
		}
		tw := tabwriter.NewWriter(stdout, 0, 4, 2, ' ', 0)
		fmt.Fprintln(tw, "ID\tPATIENT\tAT\tLOCATION\tSTATUS\tANSWER")
		for _, a := range list {
			fmt.Fprintf(tw, "%s\t%s\t%s\t%s\t%s\t%s\n", a.ID, a.Patient, a.At, a.Location, a.Status, dash(a.Response))
		}
		return tw.Flush()
	case "cancel":
		fs := newFlags("appointments cancel", "carebot appointments cancel [--admin ADDR] [--data DIR] ID", stdout, stderr)
		client := adminFlags(fs, getenv)
		if help, err := parseFlags(fs, args); help || err != nil {
			return err
		}
		if fs.NArg() == 0 {
			return usageError{"appointments cancel: give one ID"}
		}
		if err := refuseExtra(fs, 1, "cancel one ID at a time, or import a file with status cancelled; quote an ID with spaces"); err != nil {
			return err
		}
		if strings.TrimSpace(fs.Arg(0)) == "" { // "$ID" unset
			return usageError{"appointments cancel: ID is empty; give one"}
		}
		c, err := client()
		if err != nil {
			return err
		}
		if err := c.Cancel(ctx, fs.Arg(0)); err != nil {
			return err
		}
		fmt.Fprintf(stdout, "cancelled %s and its pending reminders\n", fs.Arg(0))
		return nil
	}
	return usageError{fmt.Sprintf("appointments: unknown subcommand %q", sub)}
}

// printKept names the appointments the file lists as booked that stay
// cancelled, up to ten, with their lines: staff may want the clinic's
// system to cancel them too.
func printKept(w io.Writer, file string, rep admin.ImportReport) {
	if rep.KeptCancelled == 0 {
		return
	}
	fmt.Fprintf(w, "kept cancelled: cancelled in carebot (by staff or the patient), though %s lists them as booked at that time; a new time books one again:\n", file)
	n := 0
	for _, r := range rep.Results {
		if r.Result != string(reminders.ImportKeptCancelled) {
			continue
		}
		if n++; n > 10 {
			fmt.Fprintf(w, "  and %d more\n", rep.KeptCancelled-10)
			return
		}
		if r.Line > 0 {
			fmt.Fprintf(w, "  %s (line %d)\n", r.ID, r.Line)
		} else {
			fmt.Fprintf(w, "  %s\n", r.ID)
		}
	}
}

// runRemind: carebot remind add --to PLATFORM:USER --at TIME --text T.
func runRemind(ctx context.Context, args []string, getenv func(string) string, stdout, stderr io.Writer) error {
	sub, args, err := subcommand(args, `Usage:
  carebot remind add --to PLATFORM:USER --at TIME [--tz ZONE] --text TEXT   schedule a reminder for a patient
Run 'carebot remind add --help' for flags.
`, stdout, stderr)
	switch sub {
	case "":
		return err
	case "add":
	default:
		return usageError{fmt.Sprintf("remind: unknown subcommand %q (want 'remind add')", sub)}
	}
	fs := newFlags("remind add", "carebot remind add [--admin ADDR] [--data DIR] --to PLATFORM:USER --at TIME [--tz ZONE] --text TEXT", stdout, stderr)
	client := adminFlags(fs, getenv)
	to := fs.String("to", "", "the patient: PLATFORM:USER (console:local in the terminal chat)")
	at := fs.String("at", "", "when: 2026-12-01 14:30 (in --tz) or RFC 3339 (2026-12-01T14:30:00-05:00)")
	// No zone is sent without --tz: the bot reads the time in the clinic's.
	tz := fs.String("tz", "", "the IANA time zone of a local --at, such as America/Chicago (default: the clinic's, reminders.timezone in the bot's config)")
	text := fs.String("text", "", "the reminder")
	if help, err := parseFlags(fs, args); help || err != nil {
		return err
	}
	if err := refuseExtra(fs, 0, quoteHint); err != nil {
		return err
	}
	if *to == "" || *at == "" || *text == "" {
		return usageError{"remind add: --to, --at and --text are required"}
	}
	if strings.TrimSpace(*text) == "" { // it would arrive blank
		return usageError{"remind add: --text is blank: give the reminder"}
	}
	if err := textFits("remind add", *text); err != nil {
		return err
	}
	if _, err := time.LoadLocation(*tz); err != nil || *tz == "Local" {
		return usageError{fmt.Sprintf("remind add: --tz: %q is not an IANA time zone (such as America/Chicago)", *tz)}
	}
	// A patient carebot cannot reach would be scheduled and never reminded.
	patient, err := admin.PatientKey("--to", *to)
	if err != nil {
		return usageError{"remind add: " + err.Error()}
	}
	c, err := client()
	if err != nil {
		return err
	}
	added, err := c.AddReminder(ctx, admin.Reminder{To: patient, At: *at, TimeZone: *tz, Text: *text})
	if err != nil {
		return err
	}
	fmt.Fprintf(stdout, "reminder %s scheduled\n", added.ID)
	if added.NotOptedIn {
		fmt.Fprintf(stderr, "carebot: warning: %s has not opted in to appointment reminders: this one is sent only if they opt in (START) before it is due\n", patient)
	}
	return nil
}

// runBroadcast: carebot broadcast --purpose P --text T.
func runBroadcast(ctx context.Context, args []string, getenv func(string) string, stdout, stderr io.Writer) error {
	fs := newFlags("broadcast", "carebot broadcast [--admin ADDR] [--data DIR] --purpose announcements|awareness --text TEXT [--id ID]", stdout, stderr)
	client := adminFlags(fs, getenv)
	purpose := fs.String("purpose", "announcements", "who gets it: everyone opted in to announcements, or to awareness")
	text := fs.String("text", "", "the message")
	id := fs.String("id", "", fmt.Sprintf("a name for it: ASCII letters, digits, '.', '_' and '-', at most %d (default: made up); the same id is never sent twice", reminders.MaxBroadcastID))
	if help, err := parseFlags(fs, args); help || err != nil {
		return err
	}
	if err := refuseExtra(fs, 0, quoteHint); err != nil {
		return err
	}
	if *text == "" {
		return usageError{"broadcast: --text is required"}
	}
	if strings.TrimSpace(*text) == "" { // every patient would get a blank message
		return usageError{"broadcast: --text is blank: give the message"}
	}
	if err := textFits("broadcast", *text); err != nil {
		return err
	}
	// Appointment reminders are a patient's own, never broadcast: name only
	// the purposes a broadcast may have.
	if p, err := carebot.ParsePurpose(*purpose); err != nil || p == carebot.PurposeAppointments {
		return usageError{fmt.Sprintf("broadcast: --purpose: want announcements or awareness, got %q", *purpose)}
	}
	if *id != "" { // "" makes one up
		if err := reminders.CheckBroadcastID(*id); err != nil {
			return usageError{"broadcast: --" + err.Error()}
		}
	}
	c, err := client()
	if err != nil {
		return err
	}
	got, err := c.Broadcast(ctx, admin.Broadcast{ID: *id, Purpose: *purpose, Text: *text})
	if err != nil {
		return err
	}
	fmt.Fprintf(stdout, "broadcast %s started; see its progress with: carebot report %s\n", got, got)
	return nil
}

// runReport: carebot report BROADCAST_ID.
func runReport(ctx context.Context, args []string, getenv func(string) string, stdout, stderr io.Writer) error {
	fs := newFlags("report", "carebot report [--admin ADDR] [--data DIR] [--json] BROADCAST_ID", stdout, stderr)
	client := adminFlags(fs, getenv)
	asJSON := fs.Bool("json", false, "print JSON, with the unreachable patients' keys")
	if help, err := parseFlags(fs, args); help || err != nil {
		return err
	}
	if fs.NArg() == 0 {
		return usageError{"report: give one BROADCAST_ID"}
	}
	if err := refuseExtra(fs, 1, "one BROADCAST_ID at a time"); err != nil {
		return err
	}
	if strings.TrimSpace(fs.Arg(0)) == "" { // "$ID" unset
		return usageError{"report: BROADCAST_ID is empty; give one"}
	}
	c, err := client()
	if err != nil {
		return err
	}
	rep, err := c.Report(ctx, fs.Arg(0))
	if err != nil {
		return err
	}
	if *asJSON {
		return printJSON(stdout, rep)
	}
	state := "still resolving its audience"
	if rep.Resolved {
		state = "audience resolved"
	}
	fmt.Fprintf(stdout, "broadcast %s: %s, %d pending\n", rep.ID, state, rep.Pending)
	// In staff's words, in this order; a result this CLI does not know (a
	// newer bot's) as the bot names it, after.
	results := make([]string, 0, len(rep.Counts))
	for r := range rep.Counts {
		results = append(results, r)
	}
	sort.SliceStable(results, func(i, j int) bool {
		a, b := resultOrder(results[i]), resultOrder(results[j])
		if a != b {
			return a < b
		}
		return results[i] < results[j]
	})
	tw := tabwriter.NewWriter(stdout, 0, 4, 2, ' ', 0)
	for _, r := range results {
		fmt.Fprintf(tw, "  %s\t%d\n", resultWords(r), rep.Counts[r])
	}
	if err := tw.Flush(); err != nil {
		return err
	}
	if n := len(rep.Unreachable); n > 0 {
		fmt.Fprintf(stdout, "%d unreachable (blocked the bot or closed their messages); --json lists them\n", n)
	}
	return nil
}

// textFits refuses, as a mistake in the call, a --text the bot would
// refuse after the call: too long for one message, invisible, or with a
// control character.
func textFits(cmd, text string) error {
	if p := reminders.TextProblem(text); p != "" {
		return usageError{fmt.Sprintf("%s: --text %s", cmd, p)}
	}
	return nil
}

// reportResults are a broadcast's results as `carebot report` words them
// for staff, in the order it lists them (--json keeps the bot's keys).
var reportResults = []struct {
	result carebot.Result
	words  string
}{
	{carebot.ResultSent, "sent"},
	{carebot.ResultOptedOut, "not sent: opted out before their turn"},
	{carebot.ResultUnreachable, "not sent: unreachable (blocked the bot or closed their messages)"},
	{carebot.ResultQuietHours, "not sent: held by quiet hours until too late"},
	{carebot.ResultExpired, "not sent: too late to be useful"},
	{carebot.ResultCancelled, "not sent: cancelled"},
	{carebot.ResultFailed, "failed (every try)"},
}

func resultOrder(r string) int {
	for i, rr := range reportResults {
		if string(rr.result) == r {
			return i
		}
	}
	return len(reportResults)
}

func resultWords(r string) string {
	if i := resultOrder(r); i < len(reportResults) {
		return reportResults[i].words
	}
	return r
}

// sinceHelp is the help of every --since flag.
const sinceHelp = "from when: a number of days (30d), a date (2026-11-01) or an RFC 3339 time"

// sinceHint is the likely mistake behind an argument of a command that
// takes only --since: "faq misses 7d".
const sinceHint = "did you mean --since?"

// checkSince refuses a --since the running bot would refuse, before
// asking it: the mistake is the flag's, whether or not a bot is running.
//
// An empty --since ("--since=", a variable unset in a script) is refused
// rather than read as the default, and a moment still to come, which
// would list nothing as if nothing had happened, too.
func checkSince(cmd, since string) error {
	if strings.TrimSpace(since) == "" {
		return usageError{fmt.Sprintf("%s: --since is empty: give a number of days such as 30d, a date such as 2026-11-01, or an RFC 3339 time", cmd)}
	}
	now := time.Now()
	t, err := admin.ParseSince(since, now, 0)
	if err != nil {
		return usageError{fmt.Sprintf("%s: --since: %v", cmd, err)}
	}
	if t.After(now) {
		return usageError{fmt.Sprintf("%s: --since %s is in the future: nothing can have happened since then", cmd, since)}
	}
	return nil
}

// runAudit: carebot audit [--since 7d].
func runAudit(ctx context.Context, args []string, getenv func(string) string, stdout, stderr io.Writer) error {
	fs := newFlags("audit", "carebot audit [--admin ADDR] [--data DIR] [--since 7d]", stdout, stderr)
	client := adminFlags(fs, getenv)
	since := fs.String("since", "7d", sinceHelp)
	if help, err := parseFlags(fs, args); help || err != nil {
		return err
	}
	if err := refuseExtra(fs, 0, sinceHint); err != nil { // "audit 30d" means --since 30d
		return err
	}
	if err := checkSince("audit", *since); err != nil {
		return err
	}
	c, err := client()
	if err != nil {
		return err
	}
	entries, err := c.Audit(ctx, *since)
	if err != nil {
		return err
	}
	tw := tabwriter.NewWriter(stdout, 0, 4, 2, ' ', 0)
	fmt.Fprintln(tw, "AT\tACTION\tTARGET\tRESULT\tDETAIL\tFROM")
	for _, e := range entries {
		fmt.Fprintf(tw, "%s\t%s\t%s\t%s\t%s\t%s\n", e.At, e.Action, dash(e.Target), e.Result, e.Detail, e.Remote)
	}
	return tw.Flush()
}

func printJSON(w io.Writer, v any) error {
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	return enc.Encode(v)
}

func dash(s string) string {
	if s == "" {
		return "-"
	}
	return s
}
