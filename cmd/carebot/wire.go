package main

import (
	"context"
	"errors"
	"fmt"
	"log/slog"
	"net"
	"net/http"
	"os"
	"path/filepath"
	"strings"
	"time"

	"github.com/carebot/carebot"
	"github.com/carebot/carebot/admin"
	"github.com/carebot/carebot/bolt"
	"github.com/carebot/carebot/bot"
	"github.com/carebot/carebot/faq"
	"github.com/carebot/carebot/reminders"
)

// defaultAdminListen is where the admin API listens unless configured.
const defaultAdminListen = "127.0.0.1:8089"

// reminderParts are the reminders services, built from the config.
type reminderParts struct {
	// zone is the clinic's: reminders.timezone, else the host's.
	zone       *time.Location
	appts      *reminders.Appointments
	broadcasts *reminders.Broadcasts
	patients   *reminders.Patients
	campaigns  *reminders.Campaigns
	dispatcher *reminders.Dispatcher
}

// buildReminders makes the reminders services over db. Platforms are
// added to the returned map before the dispatcher runs.
func buildReminders(cfg fileConfig, getenv func(string) string, kb *faq.KB, db *bolt.DB, campaigns *reminders.Campaigns, logger *slog.Logger) (reminderParts, map[string]reminders.Platform, error) {
	zone := hostZone(getenv)
	if cfg.Reminders.TimeZone != "" {
		z, err := time.LoadLocation(cfg.Reminders.TimeZone)
		if err != nil {
			return reminderParts{}, nil, fmt.Errorf("config: reminders.timezone %q is not an IANA time zone", cfg.Reminders.TimeZone)
		}
		zone = z
	}
	logger.Info("the clinic's time zone, for patients who have not given theirs", "zone", zone.String())
	hours, err := cfg.allowedHours()
	if err != nil {
		return reminderParts{}, nil, err
	}
	clinic := clinicOf(kb)
	platforms := map[string]reminders.Platform{}
	p := reminderParts{zone: zone, campaigns: campaigns}
	p.dispatcher = reminders.NewDispatcher(db, db, db, platforms)
	d := p.dispatcher
	d.Hours, d.Zone, d.Clinic, d.Secret, d.Audience, d.Campaigns = hours, zone, clinic, db.LogSecret(), db, campaigns
	d.Log = logger.With("component", "dispatcher")

	p.appts = reminders.NewAppointments(db, db)
	p.appts.Hours, p.appts.Zone, p.appts.Wake = hours, zone, d.Notify
	for _, o := range cfg.Reminders.Offsets {
		p.appts.Offsets = append(p.appts.Offsets, time.Duration(o))
	}
	p.broadcasts = reminders.NewBroadcasts(db)
	p.broadcasts.Wake = d.Notify
	p.patients = reminders.NewPatients(db, db, p.appts)
	p.patients.Zone, p.patients.Clinic, p.patients.Wake, p.patients.Secret = zone, clinic, d.Notify, db.LogSecret()
	p.patients.Consents = db
	return p, platforms, nil
}

// clinicOf is what reminders say of the clinic of kb.
func clinicOf(kb *faq.KB) reminders.Clinic {
	return reminders.Clinic{Name: kb.Clinic.Name, Phone: kb.Clinic.Phone}
}

// buildAlerts makes the moderator alerts of safety.alerts, written to
// db's outbox and sent by the dispatcher, in lang (the clinic's, faq.yaml's
// language); nil when none are configured.
func buildAlerts(cfg fileConfig, db *bolt.DB, rem reminderParts, lang string, logger *slog.Logger) *reminders.Alerts {
	if len(cfg.Safety.Alerts) == 0 {
		logger.Info("no moderator alerts configured (safety.alerts): a crisis in a group gets the safety reply, and no moderator is told")
		return nil
	}
	a := reminders.NewAlerts(db, cfg.Safety.Alerts)
	a.Zone, a.Lang, a.Secret, a.Wake = rem.zone, lang, db.LogSecret(), rem.dispatcher.Notify
	a.Log = logger.With("component", "alerts")
	return a
}

// checkAlertPlatforms warns of alert addresses on a platform that is not
// running (no token): their alerts would fail, and no one be told.
func checkAlertPlatforms(cfg fileConfig, platforms map[string]reminders.Platform, logger *slog.Logger) {
	for _, to := range cfg.Safety.Alerts {
		if _, ok := platforms[to.Platform]; !ok {
			logger.Warn("safety.alerts names a chat on a platform that is not connected: moderator alerts to it cannot be sent",
				"platform", to.Platform, "to", to.Platform+":"+to.ChatID)
		}
	}
}

// hostZone is the machine's time zone by its IANA name ("America/Chicago"),
// which patients are told when it is assumed for them: $TZ, else what
// /etc/localtime links to, else UTC. Go's time.Local is only called
// "Local", which tells a patient nothing.
func hostZone(getenv func(string) string) *time.Location {
	if tz := strings.TrimPrefix(getenv("TZ"), ":"); tz != "" {
		if z, err := time.LoadLocation(tz); err == nil {
			return z
		}
	}
	if target, err := os.Readlink("/etc/localtime"); err == nil {
		if _, name, ok := strings.Cut(target, "zoneinfo/"); ok {
			if z, err := time.LoadLocation(name); err == nil {
				return z
			}
		}
	}
	return time.UTC
}

// loadCampaigns reads the campaigns file; with none configured, the demo
// clinic's bundled campaigns go with the bundled faq.yaml, and a clinic's
// own faq.yaml gets none (never the demo clinic's texts).
func loadCampaigns(path string, bundledFAQ bool) (*reminders.Campaigns, error) {
	if path == "" {
		if !bundledFAQ {
			return reminders.NewCampaigns()
		}
		return reminders.LoadCampaigns("campaigns.yaml (bundled)", carebot.DefaultCampaigns)
	}
	data, err := os.ReadFile(path)
	if err != nil {
		return nil, fmt.Errorf("campaigns: %w", err)
	}
	return reminders.LoadCampaigns(path, data)
}

// logCampaignProblems logs what `carebot campaigns check` finds beyond
// the loader: campaigns that can never send (their schedule has ended,
// quiet hours drop every message), and a campaigns file of none. The bot
// runs on: a campaign that has run its course is no reason to stop
// answering patients. The lines name the clinic's file, never a patient.
func logCampaignProblems(logger *slog.Logger, cs *reminders.Campaigns, hours reminders.Hours, now time.Time) {
	errs, warnings := cs.Check(now, hours)
	for _, e := range errs {
		logger.Warn("campaign will never send", campaignAttrs(e.File, e.Line, e.Campaign, "problem", e.Msg)...)
	}
	for _, w := range warnings {
		logger.Warn("campaigns warning", campaignAttrs(w.File, w.Line, w.Campaign, "warning", w.Msg)...)
	}
}

func campaignAttrs(file string, line int, campaign, key, msg string) []any {
	attrs := []any{"file", file}
	if line > 0 {
		attrs = append(attrs, "line", line)
	}
	if campaign != "" {
		attrs = append(attrs, "campaign", campaign)
	}
	return append(attrs, key, msg)
}

// serveAdmin runs the admin API until ctx ends. It writes the address it
// listens on to DATA/admin.addr, so the CLI finds it (and tests may ask
// for port 0).
func serveAdmin(ctx context.Context, listen, dataDir string, srv *admin.Server, logger *slog.Logger) (func() error, error) {
	ln, err := net.Listen("tcp", listen)
	if err != nil {
		return nil, fmt.Errorf("admin API: %w (set admin.listen in the config, or stop what holds the port)", err)
	}
	if host, _, _ := net.SplitHostPort(listen); host != "127.0.0.1" && host != "localhost" && host != "::1" {
		logger.Warn("the admin API listens beyond loopback; put a TLS proxy in front of it", "listen", listen)
	}
	addrFile := filepath.Join(dataDir, "admin.addr")
	if err := os.WriteFile(addrFile, []byte(ln.Addr().String()+"\n"), 0o600); err != nil {
		ln.Close()
		return nil, fmt.Errorf("admin API: %w", err)
	}
	logger.Info("admin API listening", "addr", ln.Addr().String())
	hs := &http.Server{Handler: srv.Handler(), ReadHeaderTimeout: 10 * time.Second, ErrorLog: slog.NewLogLogger(logger.Handler(), slog.LevelWarn)}
	return func() error {
		done := make(chan error, 1)
		go func() { done <- hs.Serve(ln) }()
		<-ctx.Done()
		sctx, cancel := context.WithTimeout(context.WithoutCancel(ctx), 5*time.Second)
		defer cancel()
		hs.Shutdown(sctx)
		os.Remove(addrFile)
		if err := <-done; !errors.Is(err, http.ErrServerClosed) {
			return err
		}
		return nil
	}, nil
}

// clearUnreachable forgets that a person could not be reached as soon as
// they write to us directly again: they unblocked the bot or opened their
// DMs. A post in a group proves neither (a member who blocked the bot can
// still post there), so it leaves the mark, or every group post would cost
// another refused send.
type clearUnreachable struct {
	next  carebot.Handler
	store reminders.Reachability
	log   *slog.Logger
}

// Handle answers first: the engine's safety check must never wait on the
// store.
func (c clearUnreachable) Handle(ctx context.Context, m carebot.Message) []carebot.Reply {
	replies := c.next.Handle(ctx, m)
	if m.From.Group {
		return replies
	}
	key := m.From.UserKey()
	if since, err := c.store.Unreachable(ctx, key); err == nil && !since.IsZero() {
		if err := c.store.SetUnreachable(ctx, key, time.Time{}); err != nil {
			c.log.Error("clear unreachable", "err", err)
		}
	}
	return replies
}

var _ bot.Command = (*reminders.Patients)(nil)
