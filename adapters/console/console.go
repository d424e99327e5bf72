// Package console is the terminal adapter: one local person chatting with
// the bot on stdin and stdout. It is the default adapter (no platform, no
// token) and the harness of the end-to-end tests: `printf 'hours?\nSTOP\n'
// | carebot` runs a whole conversation and exits at end of input.
package console

import (
	"bufio"
	"context"
	"errors"
	"fmt"
	"io"
	"strconv"
	"strings"
	"sync"
	"time"

	"github.com/carebot/carebot"
)

// Platform is the platform name of the console's one user.
const Platform = "console"

// maxLine is the longest line kept; the rest of a longer line is read
// and dropped, so a pasted novel cannot exhaust memory.
const maxLine = 64 << 10

// Console chats with one local user, "console:local".
type Console struct {
	in  io.Reader
	out io.Writer
	// Prompt, when set, is printed before each line is read (for a person
	// at a terminal; scripts leave it empty).
	Prompt string
	// Lang is the language hint sent with every message (from $LANG).
	Lang string
	// Now is the clock; nil means time.Now.
	Now func() time.Time

	mu      sync.Mutex // serialises writes to out; guards buttons
	buttons []carebot.Button
}

// New returns a console reading in and writing out.
func New(in io.Reader, out io.Writer) *Console {
	return &Console{in: in, out: out}
}

// Address is where the console's one user is.
func Address() carebot.Address {
	return carebot.Address{Platform: Platform, ChatID: "local", UserID: "local"}
}

// Run reads lines until end of input or ctx ends, hands each to h, and
// prints the replies. A line that is just the number of a button shown in
// the last replies presses that button. Run returns nil at end of input.
func (c *Console) Run(ctx context.Context, h carebot.Handler) error {
	lines := make(chan string)
	errc := make(chan error, 1)
	// Reading a terminal cannot be interrupted; this goroutine ends at end
	// of input, or with the process when ctx ends first.
	go func() {
		errc <- readLines(c.in, lines)
		close(lines)
	}()
	for {
		c.prompt()
		select {
		case <-ctx.Done():
			return nil
		case line, ok := <-lines:
			if !ok {
				return <-errc
			}
			m := c.message(line)
			if m.Text == "" && m.Payload == "" {
				continue
			}
			replies := h.Handle(ctx, m)
			// Numbers refer to the buttons of the latest replies.
			c.mu.Lock()
			c.buttons = nil
			c.mu.Unlock()
			for _, r := range replies {
				c.print(r)
			}
		}
	}
}

// Send prints a message the bot sends unprompted (a reminder, an
// announcement). Only the console's own user is reachable.
func (c *Console) Send(ctx context.Context, to carebot.Address, r carebot.Reply) error {
	if to.Platform != Platform || to.ChatID != "local" {
		return fmt.Errorf("console cannot reach %s chat: %w", to.Platform, carebot.ErrUnreachable)
	}
	if err := ctx.Err(); err != nil {
		return err
	}
	c.print(r)
	return nil
}

func (c *Console) message(line string) carebot.Message {
	now := time.Now
	if c.Now != nil {
		now = c.Now
	}
	m := carebot.Message{From: Address(), Lang: c.Lang, At: now()}
	text := strings.TrimSpace(line)
	c.mu.Lock()
	if n, err := strconv.Atoi(text); err == nil && n >= 1 && n <= len(c.buttons) {
		b := c.buttons[n-1]
		m.Payload, m.Text = b.Payload, b.Label
	} else {
		m.Text = text
	}
	c.mu.Unlock()
	return m
}

// print writes a reply and numbers its buttons after those of earlier
// replies still on screen.
func (c *Console) print(r carebot.Reply) {
	c.mu.Lock()
	defer c.mu.Unlock()
	var b strings.Builder
	b.WriteString(r.Text)
	b.WriteByte('\n')
	if len(r.Buttons) > 0 {
		for _, btn := range r.Buttons {
			c.buttons = append(c.buttons, btn)
			fmt.Fprintf(&b, "  [%d] %s\n", len(c.buttons), btn.Label)
		}
	}
	b.WriteByte('\n')
	io.WriteString(c.out, b.String())
}

func (c *Console) prompt() {
	if c.Prompt == "" {
		return
	}
	c.mu.Lock()
	io.WriteString(c.out, c.Prompt)
	c.mu.Unlock()
}

// readLines sends each line of in, cut to maxLine bytes, until end of
// input.
func readLines(in io.Reader, lines chan<- string) error {
	r := bufio.NewReaderSize(in, 4096)
	var line []byte
	for {
		chunk, isPrefix, err := r.ReadLine()
		if len(line) < maxLine {
			line = append(line, chunk[:min(len(chunk), maxLine-len(line))]...)
		}
		if err != nil {
			if errors.Is(err, io.EOF) {
				if len(line) > 0 {
					lines <- string(line)
				}
				return nil
			}
			return fmt.Errorf("read input: %w", err)
		}
		if !isPrefix {
			lines <- string(line)
			line = line[:0]
		}
	}
}
