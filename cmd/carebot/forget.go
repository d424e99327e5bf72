package main

import (
	"context"
	"errors"
	"log/slog"
	"time"

	"github.com/carebot/carebot"
	"github.com/carebot/carebot/admin"
	"github.com/carebot/carebot/bolt"
	"github.com/carebot/carebot/bot"
	"github.com/carebot/carebot/reminders"
)

// eraser forgets a patient everywhere the running bot keeps them, for the
// patient ("delete my data", through the engine) and for staff (carebot
// patients forget, through the admin API): what the bot holds of them in
// memory, their pseudonym in the audit log, everything the store keeps of
// them; and then asks for the file to be scrubbed (see maintain), so that
// no copy lingers in its free pages.
type eraser struct {
	db *bolt.DB
	// secret keys the pseudonyms of reminders' IDs (db.LogSecret()), which
	// the audit log's reminders.add entries hold.
	secret []byte
	// memories hold something of people in memory: reminders.Patients (a
	// question waiting for an answer), bot.Engine (a "Delete my data?").
	memories []interface{ Forget(user string) }
	// scrub is told of every forget; a send never blocks.
	scrub chan<- struct{}
}

// forgottenPrefix stands for a forgotten person's pseudonym in the audit
// log's reminder IDs: "self/forgotten/<the reminder's own part>".
const forgottenPrefix = "self/forgotten/"

// Forget implements bot.Forgetter and admin.Forgetter.
func (e *eraser) Forget(ctx context.Context, user string) (carebot.Forgotten, error) {
	for _, m := range e.memories {
		m.Forget(user)
	}
	n, err := e.db.RedactAudit(ctx, reminders.PatientPrefix(e.secret, user), forgottenPrefix)
	if err != nil {
		return carebot.Forgotten{}, err
	}
	f, err := e.db.Forget(ctx, user)
	if err != nil {
		return carebot.Forgotten{}, err
	}
	f.AuditEntries = n
	select {
	case e.scrub <- struct{}{}:
	default: // one is already on its way
	}
	return f, nil
}

// scrubDelay is how long after a forget the running bot scrubs its file.
// Not at once: the answer to the patient waits in the Telegram adapter's
// outbox, in the file, until it is delivered (a second or so), and a scrub
// before that would leave it in a free page; and several forgets in a row
// (staff erasing a list of patients) then cost one scrub, which holds the
// store alone for a while (1.6 to 2.7 s for a 125 MB file: BenchmarkScrub).
const scrubDelay = time.Minute

// maintainEvery is how often maintain makes its round.
const maintainEvery = 6 * time.Hour

// maintain keeps the file free of what should be gone. At start and every
// six hours it deletes patients' unanswered questions older than
// retention; and whenever deleted data may linger in the file's free pages
// (after that expiry, after a forget, or left by a run that was killed
// before it could scrub) it scrubs the file: delay after a forget is
// announced on forgot, and at each round. So "nothing readable remains"
// does not wait for a restart.
func maintain(ctx context.Context, db *bolt.DB, retention time.Duration, forgot <-chan struct{}, delay time.Duration, logger *slog.Logger) error {
	tick := time.NewTicker(maintainEvery)
	defer tick.Stop()
	var soon <-chan time.Time // the scrub after a forget, once one is announced
	for round := true; ; {
		if round {
			n, err := db.ExpireFeedback(ctx, time.Now().Add(-retention))
			switch {
			case errors.Is(err, context.Canceled):
				return nil
			case err != nil:
				logger.Error("expire feedback", "err", err)
			case n > 0:
				logger.Info("expired unanswered questions", "count", n)
			}
			scrub(ctx, db, logger)
		}
		select {
		case <-ctx.Done():
			return nil
		case <-tick.C:
			round = true
		case <-forgot:
			round = false
			if soon == nil {
				soon = time.After(delay)
			}
		case <-soon:
			round, soon = false, nil
			scrub(ctx, db, logger)
		}
	}
}

// scrub rewrites the file if deleted data may linger in it, and logs how
// long the store was held.
func scrub(ctx context.Context, db *bolt.DB, logger *slog.Logger) {
	pending, err := db.ScrubPending(ctx)
	if err != nil || !pending {
		if err != nil && !errors.Is(err, context.Canceled) {
			logger.Error("scrub", "err", err)
		}
		return
	}
	start := time.Now()
	if err := db.Scrub(ctx); err != nil {
		if !errors.Is(err, context.Canceled) {
			logger.Error("scrub", "err", err)
		}
		return
	}
	logger.Info("scrubbed the database: no copy of deleted data is left in it", "took", time.Since(start).Round(time.Millisecond))
}

var (
	_ bot.Forgetter   = (*eraser)(nil)
	_ admin.Forgetter = (*eraser)(nil)
)
