package telegram

import (
	"context"
	"errors"
	"slices"
	"strconv"
	"sync"
	"time"

	tgbotapi "github.com/go-telegram-bot-api/telegram-bot-api/v5"

	"github.com/carebot/carebot"
)

// delivery is a job with its place in the outbox.
type delivery struct {
	seq uint64
	job job
}

// deliverer sends the outbox. Jobs wait in lines (one per chat, see
// job.queue): a line is worked by one worker at a time, front first, so a
// chat's messages arrive in order, while a fixed pool of workers takes
// lines round-robin, so one slow chat never holds up the others.
//
// A safety job (a crisis, emergency or abuse reply) jumps its line: it
// waits only behind the job on its way and the safety jobs queued before
// it. A busy group is paced at 20 messages a minute, and a crisis line
// behind 24 answers would go out 76 seconds late. A worker waits for its
// chat's pacing before it picks the job to send, so a safety job that came
// meanwhile takes that slot; and a line whose next job is a safety job is
// taken before the other ready lines. The pacer still spaces every send.
type deliverer struct {
	b    *Bot
	wake chan struct{} // a line became ready

	mu      sync.Mutex
	lines   map[string][]delivery // pending jobs; the front one is in progress or next
	ready   []string              // lines with jobs and no worker: safety first, then oldest first
	taken   map[string]bool       // lines a worker holds
	sending map[string]bool       // lines whose front job a worker is delivering
}

func newDeliverer(b *Bot) *deliverer {
	return &deliverer{b: b, wake: make(chan struct{}, 1), lines: make(map[string][]delivery),
		taken: make(map[string]bool), sending: make(map[string]bool)}
}

// start runs n workers until ctx ends.
func (d *deliverer) start(ctx context.Context, wg *sync.WaitGroup, n int) {
	for range n {
		wg.Go(func() { d.work(ctx) })
	}
}

// restore queues the outbox a previous run left behind. An entry that
// cannot be decoded can never be delivered: it is dropped.
func (d *deliverer) restore(ctx context.Context, pending []Outgoing) {
	ds := make([]delivery, 0, len(pending))
	for _, o := range pending {
		j, err := decodeJob(o.Data)
		if err != nil {
			d.b.log.Error("dropping undecodable delivery", "seq", o.Seq, "err", err)
			d.b.done(ctx, o.Seq)
			continue
		}
		ds = append(ds, delivery{o.Seq, j})
	}
	if len(ds) > 0 {
		d.b.log.Info("delivering replies promised before restart", "count", len(ds))
	}
	d.add(ds)
}

// add queues deliveries behind those already waiting in their lines; a
// safety job only behind the job in progress and the other safety jobs.
func (d *deliverer) add(ds []delivery) {
	d.mu.Lock()
	for _, dl := range ds {
		key := dl.job.queue()
		line := d.lines[key]
		at := len(line)
		if dl.job.Safety {
			at = 0
			if d.sending[key] {
				at = 1
			}
			for at < len(line) && line[at].job.Safety {
				at++
			}
		}
		d.lines[key] = slices.Insert(line, at, dl)
		switch {
		case d.taken[key]: // its worker picks the front when the chat is ready
		case len(line) == 0:
			d.markReady(key)
		case at == 0: // a waiting line has a new front: it may move up
			d.ready = slices.DeleteFunc(d.ready, func(k string) bool { return k == key })
			d.markReady(key)
		}
	}
	d.mu.Unlock()
	d.signal()
}

// markReady puts key, a line with jobs and no worker, in the ready list:
// behind the lines whose next job is a safety job if its next job is one,
// else at the end. Called with d.mu held.
func (d *deliverer) markReady(key string) {
	if !d.lines[key][0].job.Safety {
		d.ready = append(d.ready, key)
		return
	}
	i := 0
	for i < len(d.ready) && d.lines[d.ready[i]][0].job.Safety {
		i++
	}
	d.ready = slices.Insert(d.ready, i, key)
}

func (d *deliverer) signal() {
	select {
	case d.wake <- struct{}{}:
	default:
	}
}

func (d *deliverer) work(ctx context.Context) {
	for {
		key, ok := d.take(ctx)
		if !ok {
			return
		}
		if d.b.ready(ctx, d.front(key, false).job) != nil {
			return // ctx ended
		}
		dl := d.front(key, true)
		next, ok := d.b.deliver(ctx, dl)
		if !ok {
			return // ctx ended: the job stays in the outbox for next time
		}
		d.finish(key)
		if next != nil {
			d.add([]delivery{*next})
		}
	}
}

// take waits for a ready line and holds it.
func (d *deliverer) take(ctx context.Context) (string, bool) {
	for {
		d.mu.Lock()
		if len(d.ready) > 0 {
			key := d.ready[0]
			d.ready = d.ready[1:]
			d.taken[key] = true
			more := len(d.ready) > 0
			d.mu.Unlock()
			if more {
				d.signal() // pass the wake-up on to another worker
			}
			return key, true
		}
		d.mu.Unlock()
		select {
		case <-d.wake:
		case <-ctx.Done():
			return "", false
		}
	}
}

// front returns the front job of key, a line the caller holds; send says
// it is the one the caller delivers now, which nothing may jump.
func (d *deliverer) front(key string, send bool) delivery {
	d.mu.Lock()
	defer d.mu.Unlock()
	if send {
		d.sending[key] = true
	}
	return d.lines[key][0]
}

// finish removes a line's front job and puts the line back at the end of
// the ready list if more wait in it.
func (d *deliverer) finish(key string) {
	d.mu.Lock()
	delete(d.taken, key)
	delete(d.sending, key)
	rest := d.lines[key][1:]
	if len(rest) == 0 {
		delete(d.lines, key)
	} else {
		d.lines[key] = rest
		d.markReady(key)
	}
	d.mu.Unlock()
	if len(rest) > 0 {
		d.signal()
	}
}

// deliver makes one job happen, retrying what can succeed later, and
// removes it from the outbox once it is sent or can never be. It returns
// false, leaving the job in the outbox, only when ctx ended first.
//
// A private reply that cannot reach the member is not done yet: deliver
// returns its note as the next delivery, under the same seq, to wait in
// the group's line behind what the group was promised before it (the
// group's safety line comes before the reply posted there in its stead).
// The outbox keeps the private reply until the note is delivered; a
// restart tries the member again, and then the group.
func (b *Bot) deliver(ctx context.Context, dl delivery) (next *delivery, ok bool) {
	j := dl.job
	log := b.log.With("seq", dl.seq, "kind", j.Kind, "user", j.User)
	wait := backoff{next: time.Second, min: time.Second, max: time.Minute}
	for {
		if age := b.now().Sub(j.At); !j.At.IsZero() && age > b.opts.MaxReplyAge {
			log.Warn("dropping a reply too old to deliver", "age", age.Round(time.Second))
			break
		}
		err := b.attempt(ctx, j)
		if err != nil && ctx.Err() != nil {
			return nil, false // a success just before shutdown must still be marked done
		}
		var rl *carebot.RateLimitError
		var p permanent
		switch {
		case err == nil:
		case errors.As(err, &rl):
			continue // the pacer holds the chat (or everyone); wait in line
		case errors.Is(err, carebot.ErrUnreachable):
			log.Info("recipient unreachable", "chat", b.chatLog(j.Chat), "err", err)
			if j.Note != nil {
				return &delivery{dl.seq, j.noteJob()}, true
			}
		case errors.As(err, &p) && j.Kind != jobSend && p.code == 400:
			// An answer to a query that expired while we were down, a
			// keyboard already cleared: nothing is lost.
			log.Info("callback answer or keyboard no longer needed", "err", err)
		case errors.As(err, &p):
			log.Error("Telegram refused a delivery; dropping it", "err", err)
		default:
			log.Warn("delivery failed; will retry", "err", err, "in", wait.next)
			if wait.sleep(ctx, b.opts.Sleep) != nil {
				return nil, false
			}
			continue
		}
		break
	}
	b.done(ctx, dl.seq)
	return nil, true
}

// ready waits until j's chat could take a send now: until its own rate
// and any pause allow one. It reserves nothing (see pace.Pacer.Ready).
func (b *Bot) ready(ctx context.Context, j job) error {
	if j.Kind == jobAnswer || j.Chat == 0 {
		return ctx.Err()
	}
	return b.pacer.Ready(ctx, strconv.FormatInt(j.Chat, 10), rateFor(j.Group))
}

// attempt makes one try at a job.
func (b *Bot) attempt(ctx context.Context, j job) error {
	switch j.Kind {
	case jobAnswer:
		_, err := b.call(ctx, 0, false, tgbotapi.NewCallback(j.Query, ""))
		return err
	case jobClear:
		empty := tgbotapi.InlineKeyboardMarkup{InlineKeyboard: [][]tgbotapi.InlineKeyboardButton{}}
		_, err := b.call(ctx, j.Chat, j.Group, tgbotapi.NewEditMessageReplyMarkup(j.Chat, j.MsgID, empty))
		return err
	default:
		_, err := b.sendText(ctx, dest{chat: j.Chat, group: j.Group, replyTo: j.ReplyTo}, j.Text, j.Buttons)
		return err
	}
}

// done removes a delivered job from the outbox, even if ctx has just
// ended: the message went out, and forgetting that would send it again.
func (b *Bot) done(ctx context.Context, seq uint64) {
	ctx, cancel := context.WithTimeout(context.WithoutCancel(ctx), 5*time.Second)
	defer cancel()
	if err := b.st.Done(ctx, seq); err != nil {
		b.log.Error("could not mark a delivery done; it may be sent again after a restart", "seq", seq, "err", err)
	}
}

// backoff is an exponential wait between retries.
type backoff struct{ next, min, max time.Duration }

func (w *backoff) sleep(ctx context.Context, sleep func(context.Context, time.Duration) error) error {
	if w.next < w.min {
		w.next = w.min
	}
	d := w.next
	w.next = min(2*d, w.max)
	return sleep(ctx, d)
}

func (w *backoff) reset() { w.next = w.min }
