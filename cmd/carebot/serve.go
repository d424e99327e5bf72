package main

import (
	"context"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"log/slog"
	"os"
	"path/filepath"
	"strings"
	"time"

	"golang.org/x/sync/errgroup"

	"github.com/carebot/carebot/adapters/console"
	"github.com/carebot/carebot/adapters/telegram"
	"github.com/carebot/carebot/admin"
	"github.com/carebot/carebot/bolt"
	"github.com/carebot/carebot/bot"
	"github.com/carebot/carebot/faq"
	"github.com/carebot/carebot/reminders"
)

// defaultRetention is how long a patient's unanswered question is kept for
// staff to learn from.
const defaultRetention = 30 * 24 * time.Hour

// runBot runs the bot until it is told to stop, or, when the terminal chat
// is its only adapter, until the terminal's input ends.
func runBot(ctx context.Context, args []string, getenv func(string) string, stdin io.Reader, stdout, stderr io.Writer) error {
	fs := newFlags("run", "carebot [run] [--config FILE] [--faq FILE] [--data DIR] [--console] [--log-level LEVEL]", stdout, stderr)
	configFlag := fs.String("config", "", "the config file, carebot.yaml ($CAREBOT_CONFIG)")
	faqFlag := fs.String("faq", "", "the knowledge base, reloaded when it changes ($CAREBOT_FAQ; default: the bundled demo clinic)")
	dataFlag := fs.String("data", "", "where the database and its key file live ($CAREBOT_DATA; default ~/.local/share/carebot)")
	keyFlag := fs.String("key-file", "", "the key file, when not DIR/carebot.key ($CAREBOT_KEY_FILE); $CAREBOT_KEY overrides it")
	logFlag := fs.String("log-level", "", "debug, info, warn or error (default: warn in the terminal chat, else info)")
	consoleFlag := fs.Bool("console", false, "chat in the terminal even when a platform is configured")
	if help, err := parseFlags(fs, args); help || err != nil {
		return err
	}
	if fs.NArg() > 0 {
		return usageError{fmt.Sprintf("run: unexpected argument %q", fs.Arg(0))}
	}
	cfg, err := loadConfig(first(*configFlag, getenv("CAREBOT_CONFIG")))
	if err != nil {
		return err
	}
	token := getenv("TELEGRAM_TOKEN")
	useConsole := token == "" || *consoleFlag
	// The terminal chat shares the terminal with the logs: keep them quiet.
	defaultLevel := "info"
	if token == "" {
		defaultLevel = "warn"
	}
	level, from := *logFlag, "--log-level"
	if level == "" {
		level, from = getenv("CAREBOT_LOG_LEVEL"), "$CAREBOT_LOG_LEVEL"
	}
	if level == "" {
		level, from = cfg.LogLevel, "log_level"
	}
	logger, err := newLogger(stderr, level, defaultLevel, from)
	if err != nil {
		return err
	}

	faqPath := faqFile(*faqFlag, getenv, cfg)
	kb, err := loadKB(faqPath)
	if err != nil {
		return err
	}
	logFAQWarnings(logger, kb, time.Now())
	dataDir := first(*dataFlag, getenv("CAREBOT_DATA"), cfg.Data, defaultDataDir(getenv))
	if err := os.MkdirAll(dataDir, 0o700); err != nil {
		return fmt.Errorf("create data directory: %w", err)
	}
	keyFile := first(*keyFlag, getenv("CAREBOT_KEY_FILE"), filepath.Join(dataDir, "carebot.key"))
	dbFile := filepath.Join(dataDir, "carebot.db")
	if err := keyForDatabase(getenv, keyFile, dbFile); err != nil {
		return err
	}
	key, created, err := bolt.LoadKey(getenv, keyFile)
	if err != nil {
		return err
	}
	if created {
		logger.Warn("created a new encryption key; back it up: without it the database cannot be read", "file", keyFile)
	}
	db, err := bolt.Open(dbFile, key, bolt.Options{})
	if err != nil {
		return err
	}
	defer db.Close()
	// An admin.addr here is from a run that could not remove it (killed):
	// its port may be anyone's now. Holding the database, this process is
	// the only one that writes the file, so staff commands never read the
	// old one from now on (see runningAddr).
	if err := os.Remove(filepath.Join(dataDir, "admin.addr")); err != nil && !errors.Is(err, os.ErrNotExist) {
		return fmt.Errorf("remove the admin address of an earlier run: %w", err)
	}
	if n, err := db.Damaged(ctx); err == nil && n > 0 {
		logger.Warn("outbox items were set aside because they no longer open (disk damage?); they will not be sent", "count", n)
	}

	campaigns, err := loadCampaigns(cfg.Campaigns, faqPath == "")
	if err != nil {
		return err
	}
	rem, platforms, err := buildReminders(cfg, getenv, kb, db, campaigns, logger)
	if err != nil {
		return err
	}
	logCampaignProblems(logger, campaigns, rem.dispatcher.Hours, time.Now())
	eng := bot.New(kb)
	eng.Users, eng.Consents, eng.Feedback = db, db, db
	// Reminders name the clinic of the faq.yaml being served: a reload
	// that changes its phone number reaches them too.
	clinicNow := func() reminders.Clinic { return clinicOf(eng.KB()) }
	rem.dispatcher.ClinicNow, rem.patients.ClinicNow = clinicNow, clinicNow
	eng.Commands = []bot.Command{rem.patients}
	eng.Logger, eng.LogSecret = logger, db.LogSecret()
	handler := clearUnreachable{next: eng, store: db, log: logger}

	ctx, cancel := context.WithCancel(ctx)
	defer cancel()
	g, ctx := errgroup.WithContext(ctx)
	if alerts := buildAlerts(cfg, db, rem, kb.Language, logger); alerts != nil {
		eng.Alerts = alerts
		// Before any adapter: an alert is queued from the first message.
		g.Go(func() error { return alerts.Run(ctx) })
	}
	if faqPath != "" {
		g.Go(func() error { return watchFAQ(ctx, faqPath, eng, logger) })
		g.Go(func() error { return remindFAQWarnings(ctx, eng, logger) })
	}
	retention := defaultRetention
	if cfg.Feedback.Retention > 0 { // 0: not set (the config refuses a zero)
		retention = time.Duration(cfg.Feedback.Retention)
	}
	// "Delete my data" (the patient's) and carebot patients forget
	// (staff's) erase alike, and the file is scrubbed soon after.
	forgot := make(chan struct{}, 1)
	forget := &eraser{db: db, secret: db.LogSecret(), memories: []interface{ Forget(string) }{rem.patients, eng}, scrub: forgot}
	eng.Forgetter = forget
	g.Go(func() error { return maintain(ctx, db, retention, forgot, scrubDelay, logger) })

	if token != "" {
		opts := telegram.Options{Endpoint: getenv("TELEGRAM_API_ENDPOINT"), Logger: logger.With("adapter", "telegram"),
			LogSecret: db.LogSecret(), PerSecond: cfg.Telegram.MessagesPerSecond}
		if w := cfg.Telegram.Webhook; w != nil {
			opts.Webhook = &telegram.Webhook{URL: w.URL, Listen: w.Listen, MaxConnections: w.MaxConnections, Secret: getenv("TELEGRAM_WEBHOOK_SECRET")}
			if opts.Webhook.Secret == "" {
				return errors.New("telegram.webhook is set in the config file but TELEGRAM_WEBHOOK_SECRET is not")
			}
		}
		tg, err := telegram.New(ctx, token, handler, telegramState{db.AdapterState(telegram.Platform)}, opts)
		if err != nil {
			return fmt.Errorf("telegram: %w", err)
		}
		logger.Info("telegram connected", "bot", tg.Username())
		if !tg.ReadsGroups() {
			logger.Warn("telegram privacy mode is on: in a group the bot sees only messages addressed to it, " +
				"so the safety check cannot see a crisis posted there; turn it off (BotFather: /setprivacy, Disable) " +
				"and add the bot to its groups again, or make it an admin of each group")
		}
		// The adapter paces every send itself, per chat and overall.
		platforms[telegram.Platform] = reminders.Platform{Sender: tg}
		g.Go(func() error { return tg.Run(ctx) })
	}
	var term *console.Console
	if useConsole {
		term = console.New(stdin, stdout)
		term.Lang = langFromLocale(getenv)
		platforms[console.Platform] = reminders.Platform{Sender: term}
	}

	adminToken, created, err := admin.LoadToken(getenv, filepath.Join(dataDir, "admin.token"))
	if err != nil {
		return err
	}
	if created {
		logger.Info("created the admin API token", "file", filepath.Join(dataDir, "admin.token"))
	}
	// Staff's local times without a zone are the clinic's, as the
	// reminders take them.
	api := &admin.Server{Token: adminToken, Version: version(), Appointments: rem.appts, List: db, Reminders: rem.patients, Consent: db,
		Broadcasts: rem.broadcasts, Feedback: db, Retention: retention, Audit: db, Forget: forget, Zone: rem.zone, Log: logger.With("component", "admin")}
	serve, err := serveAdmin(ctx, first(getenv("CAREBOT_ADMIN_LISTEN"), cfg.Admin.Listen, defaultAdminListen), dataDir, api, logger)
	if err != nil {
		return err
	}
	g.Go(serve)
	checkAlertPlatforms(cfg, platforms, logger)
	if err := campaigns.Schedule(ctx, db, time.Now()); err != nil {
		return fmt.Errorf("schedule campaigns: %w", err)
	}
	g.Go(func() error { return rem.dispatcher.Run(ctx) })

	if term != nil {
		if isTerminal(stdin) {
			term.Prompt = "> "
			fmt.Fprintf(stdout, "carebot %s: chatting as %s. Type a question; Ctrl-D to quit.\n\n", version(), kb.Clinic.Name)
		}
		g.Go(func() error {
			err := term.Run(ctx, handler)
			if token == "" { // the terminal was the only adapter
				cancel()
			}
			return err
		})
	}
	if err := g.Wait(); err != nil && !errors.Is(err, context.Canceled) {
		return err
	}
	return nil
}

// keyForDatabase refuses to go on when dbFile holds a database and its
// key is nowhere: LoadKey would make a new key, which can never open it
// (QA: a restore that forgot carebot.key, or a mistyped --key-file, was
// told to back up a useless new key, left on disk where the real one
// belongs). A key is made only with a new database.
func keyForDatabase(getenv func(string) string, keyFile, dbFile string) error {
	if getenv(bolt.KeyEnv) != "" {
		return nil
	}
	if _, err := os.Stat(keyFile); !errors.Is(err, fs.ErrNotExist) {
		return nil // there, or unreadable: LoadKey says which
	}
	if fi, err := os.Stat(dbFile); err != nil || fi.Size() == 0 {
		return nil
	}
	return fmt.Errorf("%s holds a database, but its key file %s does not exist: restore the key from the backup made with the database, "+
		"or point --key-file, $CAREBOT_KEY_FILE or $%s at it (a new key could never open this database, so none is made)", dbFile, keyFile, bolt.KeyEnv)
}

// watchFAQ swaps in faq.yaml whenever it changes on disk and still
// validates; a broken edit is reported and the previous version keeps
// answering.
func watchFAQ(ctx context.Context, path string, eng *bot.Engine, logger *slog.Logger) error {
	faq.Watch(ctx, path, func(kb *faq.KB) {
		eng.SetKB(kb)
		logger.Info("faq reloaded", "file", path, "entries", len(kb.Entries))
		logFAQWarnings(logger, kb, time.Now())
	}, func(err error) {
		logger.Error("faq not reloaded; the previous version is still answering", "err", err)
	})
	return nil
}

// logFAQWarnings logs what `carebot faq check` warns about (entries due for
// review, too few alternates, no clinic phone), so that staff who read the
// bot's logs learn of it without running the check. The warnings name
// entries and lines of the clinic's own file, never a patient's words.
func logFAQWarnings(logger *slog.Logger, kb *faq.KB, now time.Time) {
	for _, w := range kb.Warnings(now) {
		attrs := []any{"file", w.File}
		if w.Line > 0 {
			attrs = append(attrs, "line", w.Line)
		}
		if w.Entry != "" {
			attrs = append(attrs, "entry", w.Entry)
		}
		logger.Warn("faq warning", append(attrs, "warning", w.Msg)...)
	}
}

// remindFAQWarnings logs the serving knowledge base's warnings again once a
// day: review dates fall due while the bot runs, and a file that does not
// change is not reloaded.
func remindFAQWarnings(ctx context.Context, eng *bot.Engine, logger *slog.Logger) error {
	tick := time.NewTicker(24 * time.Hour)
	defer tick.Stop()
	for {
		select {
		case <-ctx.Done():
			return nil
		case <-tick.C:
			logFAQWarnings(logger, eng.KB(), time.Now())
		}
	}
}

// newLogger writes structured logs to w at the named level, which came
// from where (a flag, a variable or a config key, for the error).
func newLogger(w io.Writer, level, def, from string) (*slog.Logger, error) {
	if level == "" {
		level = def
	}
	var l slog.Level
	if err := l.UnmarshalText([]byte(strings.ToUpper(level))); err != nil {
		return nil, usageError{fmt.Sprintf("%s: %q is not one of debug, info, warn, error", from, level)}
	}
	return slog.New(slog.NewTextHandler(w, &slog.HandlerOptions{Level: l})), nil
}
