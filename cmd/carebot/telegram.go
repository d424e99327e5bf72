package main

import (
	"context"
	"encoding/json"
	"fmt"

	"github.com/carebot/carebot/adapters/telegram"
	"github.com/carebot/carebot/bolt"
)

// telegramState keeps the Telegram adapter's durable state in the bolt
// store: bolt knows no adapter's types, so the cursor travels as JSON.
type telegramState struct{ s *bolt.AdapterState }

func (t telegramState) Load(ctx context.Context) (telegram.Cursor, []telegram.Outgoing, error) {
	raw, pending, err := t.s.Load(ctx)
	if err != nil {
		return telegram.Cursor{}, nil, err
	}
	var c telegram.Cursor
	if raw != nil {
		if err := json.Unmarshal(raw, &c); err != nil {
			return telegram.Cursor{}, nil, fmt.Errorf("telegram cursor: %w", err)
		}
	}
	out := make([]telegram.Outgoing, len(pending))
	for i, p := range pending {
		out[i] = telegram.Outgoing{Seq: p.Seq, Data: p.Data}
	}
	return c, out, nil
}

func (t telegramState) Commit(ctx context.Context, c telegram.Cursor, out []telegram.Outgoing) error {
	raw, err := json.Marshal(c)
	if err != nil {
		return fmt.Errorf("telegram cursor: %w", err)
	}
	pending := make([]bolt.Pending, len(out))
	for i, o := range out {
		pending[i] = bolt.Pending{Seq: o.Seq, Data: o.Data}
	}
	return t.s.Commit(ctx, raw, pending)
}

func (t telegramState) Done(ctx context.Context, seq uint64) error { return t.s.Done(ctx, seq) }
