package reminders

import (
	"context"
	"fmt"
	"strings"
	"time"

	"github.com/carebot/carebot"
)

// A campaign runs on ticks: one outbox item per campaign stands for its
// next occurrence W (a floating wall-clock time). It comes due at the
// first place on Earth where clocks read W (UTC+14, so 14 hours before W
// read as UTC), fans the occurrence out to every recipient at W on their
// own clock, and moves itself on to the next occurrence.
const (
	earliestZone = 14 * time.Hour // Kiribati, UTC+14
	latestZone   = 12 * time.Hour // Baker Island, UTC-12
)

func tickDue(wall time.Time) time.Time { return wall.Add(-earliestZone) }

// lastUseful is when the occurrence wall is too late everywhere.
func (c *Campaign) lastUseful(wall time.Time) time.Time {
	return wall.Add(latestZone + c.MaxLate)
}

// Schedule makes sure every campaign has its tick in the outbox, and that
// campaigns no longer configured have none. A campaign whose tick is there
// with the same rule keeps it (a restart changes nothing); a new or
// changed one starts at its first occurrence that no recipient has reached
// yet, so nothing it may already have sent is sent again.
func (cs *Campaigns) Schedule(ctx context.Context, out Outbox, now time.Time) error {
	have := map[string]carebot.OutboxItem{}
	err := out.Items(ctx, "tick/", func(it carebot.OutboxItem) error {
		have[it.Ref] = it
		return nil
	})
	if err != nil {
		return fmt.Errorf("schedule campaigns: %w", err)
	}
	var ticks []carebot.OutboxItem
	for _, c := range cs.List() {
		if t, ok := have[c.ID]; ok && t.Rule == c.Rule.String() {
			continue
		}
		wall, ok := c.Rule.After(now.UTC().Add(earliestZone - time.Second))
		if !ok {
			continue
		}
		ticks = append(ticks, carebot.OutboxItem{
			ID: tickID(c.ID), Kind: carebot.KindTick, Due: tickDue(wall), Wall: wall,
			Ref: c.ID, Rule: c.Rule.String(), Purpose: carebot.PurposeAwareness, Created: now,
		})
	}
	for id := range have {
		if cs.get(id) == nil {
			if _, err := out.Cancel(ctx, tickPrefix(id)); err != nil {
				return fmt.Errorf("schedule campaigns: %w", err)
			}
		}
	}
	if err := out.Schedule(ctx, ticks...); err != nil {
		return fmt.Errorf("schedule campaigns: %w", err)
	}
	return nil
}

// tick handles a campaign's occurrence it.Wall: it starts the fan-out if
// the occurrence is in season, within the cap and not too late
// everywhere, and moves on to the next occurrence.
func (d *Dispatcher) tick(ctx context.Context, it carebot.OutboxItem) carebot.OutboxDone {
	now := d.clock().Now()
	done := carebot.OutboxDone{ID: it.ID, Seq: it.Seq}
	c := d.Campaigns.get(it.Ref)
	if c == nil || c.Rule.String() != it.Rule {
		// Removed or changed since the tick was planned: Campaigns.Schedule
		// plants the new one.
		done.Outcome = &carebot.Outcome{ID: it.ID, Kind: it.Kind, Ref: it.Ref, Result: carebot.ResultDone, At: now, Reason: "the campaign changed"}
		return done
	}
	wall := it.Wall
	if !now.After(c.lastUseful(wall)) && c.Season.Contains(wall) && c.allows(wall) {
		done.Spawn = []carebot.OutboxItem{{
			ID: campaignFanID(c.ID, wall), Kind: carebot.KindFanOut, Due: now, Ref: c.ID,
			Wall: wall, Purpose: carebot.PurposeAwareness, Created: now,
		}}
	}
	next, ok := c.Rule.After(wall)
	if ok && now.After(c.lastUseful(next)) {
		// Downtime: jump to the first occurrence still useful somewhere.
		next, ok = c.Rule.After(now.UTC().Add(-latestZone - c.MaxLate - time.Second))
	}
	if !ok {
		done.Outcome = &carebot.Outcome{ID: it.ID, Kind: it.Kind, Ref: it.Ref, Result: carebot.ResultDone, At: now, Reason: "the schedule has ended"}
		return done
	}
	n := it
	n.Wall, n.Due, n.Attempts = next, tickDue(next), 0
	done.Next = &n
	return done
}

// isCampaignFan reports whether a fan-out item is a campaign's.
func isCampaignFan(id string) bool { return strings.HasPrefix(id, "fan/c/") }
