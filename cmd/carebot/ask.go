package main

import (
	"context"
	"encoding/json"
	"fmt"
	"io"
	"strings"

	"github.com/carebot/carebot"
	"github.com/carebot/carebot/bot"
)

// runAsk puts one message through the engine, as a stranger in a DM, and
// prints what the bot would say. Nothing is stored.
func runAsk(ctx context.Context, args []string, getenv func(string) string, stdout, stderr io.Writer) error {
	fs := newFlags("ask", "carebot ask [--config FILE] [--faq FILE] [--lang LANG] [--json] MESSAGE", stdout, stderr)
	faqPath := fs.String("faq", "", "the knowledge base (default: the one the bot would serve: $CAREBOT_FAQ, else faq: in the config, else the bundled demo clinic)")
	find := faqConfigFlag(fs, getenv)
	lang := fs.String("lang", "", "the language hint a platform would send, e.g. es")
	asJSON := fs.Bool("json", false, "print the route, entry id and confidence with the replies, as JSON")
	if help, err := parseFlags(fs, args); help || err != nil {
		return err
	}
	text := strings.TrimSpace(strings.Join(fs.Args(), " "))
	if text == "" {
		return usageError{"ask: no MESSAGE given"}
	}
	src, err := find(*faqPath, "--faq")
	if err != nil {
		return err
	}
	src.note(stderr, "ask") // stderr: --json stays JSON
	kb, err := loadKB(src.Path)
	if err != nil {
		return err
	}
	e := bot.New(kb)
	e.Consents = previewConsents{}
	o := e.Respond(ctx, carebot.Message{
		From: carebot.Address{Platform: "ask", ChatID: "ask", UserID: "ask"},
		Text: text,
		Lang: *lang,
	})
	if *asJSON {
		return writeOutcomeJSON(stdout, o)
	}
	for _, r := range o.Replies {
		fmt.Fprintln(stdout, r.Text)
		for i, b := range r.Buttons {
			fmt.Fprintf(stdout, "  [%d] %s\n", i+1, b.Label)
		}
	}
	return nil
}

// previewConsents accepts a consent change and keeps nothing: ask shows
// the reply a patient gets to STOP or START, where an engine without a
// ledger could only say it failed to save the change.
type previewConsents struct{}

func (previewConsents) RecordConsent(context.Context, ...carebot.ConsentEvent) error { return nil }

type buttonJSON struct {
	Label   string `json:"label"`
	Payload string `json:"payload"`
}

type replyJSON struct {
	Text    string       `json:"text"`
	Buttons []buttonJSON `json:"buttons,omitempty"`
	Private bool         `json:"private,omitempty"`
}

func writeOutcomeJSON(w io.Writer, o bot.Outcome) error {
	out := struct {
		Route       bot.Route   `json:"route"`
		Entry       string      `json:"entry,omitempty"`
		Also        []string    `json:"also,omitempty"`
		Confidence  float64     `json:"confidence"`
		Lang        string      `json:"lang"`
		Suggestions []string    `json:"suggestions,omitempty"`
		Replies     []replyJSON `json:"replies"`
	}{Route: o.Route, Entry: o.Entry, Also: o.Also, Confidence: o.Confidence, Lang: o.Lang, Suggestions: o.Suggestions}
	for _, r := range o.Replies {
		rj := replyJSON{Text: r.Text, Private: r.Private}
		for _, b := range r.Buttons {
			rj.Buttons = append(rj.Buttons, buttonJSON{b.Label, b.Payload})
		}
		out.Replies = append(out.Replies, rj)
	}
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	return enc.Encode(out)
}
