package main

import (
	"errors"
	"flag"
	"fmt"
	"net"
	"net/url"
	"os"
	"path/filepath"
	"strings"

	"github.com/carebot/carebot/admin"
	"github.com/carebot/carebot/bolt"
)

// adminFlags adds the flags every staff command shares and returns a
// function that makes the client once flags are parsed. The data directory
// is found as `run` finds it (--data, $CAREBOT_DATA, the config's data:,
// the default), and the address is the one the bot for it wrote there.
// Nothing falls back to a default address: the data directory's token
// would go to whatever listens there, perhaps another clinic's bot.
func adminFlags(fs *flag.FlagSet, getenv func(string) string) func() (*admin.Client, error) {
	addr := fs.String("admin", "", "the running bot's admin API address ($CAREBOT_ADMIN; default: what the bot wrote in DIR/admin.addr)")
	data := fs.String("data", "", "the bot's data directory, where its admin address and token are ($CAREBOT_DATA; default: as 'carebot run' finds it)")
	config := fs.String("config", "", "the bot's config file, for its data: ($CAREBOT_CONFIG)")
	return func() (*admin.Client, error) {
		base := *addr
		if base == "" && *data == "" { // --data names its own bot: it wins over $CAREBOT_ADMIN
			base = getenv("CAREBOT_ADMIN")
		}
		cfg, err := loadConfig(first(*config, getenv("CAREBOT_CONFIG")))
		if err != nil {
			return nil, err
		}
		dir := dataDir(*data, getenv, cfg)
		named := base == "" // the data directory names the address
		if named {
			if base, err = runningAddr(dir); err != nil {
				return nil, err
			}
		}
		if !strings.Contains(base, "://") {
			base = "http://" + base
		}
		if !named {
			if err := checkAdminURL(base); err != nil {
				return nil, err
			}
		}
		token, err := admin.ReadToken(getenv, filepath.Join(dir, "admin.token"))
		switch {
		case errors.Is(err, os.ErrNotExist) && named:
			return nil, fmt.Errorf("the bot for %s keeps its admin token in $%s, not in %s: set it here too", dir, admin.TokenEnv, filepath.Join(dir, "admin.token"))
		case errors.Is(err, os.ErrNotExist):
			return nil, fmt.Errorf("no admin token for %s: set $%s to that bot's token (or give --data DIR, its data directory)", base, admin.TokenEnv)
		case err != nil:
			if inner := errors.Unwrap(err); inner != nil {
				err = inner // without ReadToken's hint, which the cases above replace
			}
			return nil, err
		}
		return &admin.Client{Base: base, Token: token}, nil
	}
}

// checkAdminURL refuses an admin address given by hand that would carry
// the token in clear beyond this machine: plain http to a host that is not
// loopback. The bot's own admin.addr is on this machine, whatever address
// it listens on.
func checkAdminURL(base string) error {
	u, err := url.Parse(base)
	if err != nil || u.Host == "" || u.Scheme != "http" && u.Scheme != "https" {
		return usageError{fmt.Sprintf("the admin address %q (--admin or $CAREBOT_ADMIN) is not one: give HOST:PORT, or https://HOST[:PORT] for a bot behind a TLS proxy", base)}
	}
	h := u.Hostname()
	if ip := net.ParseIP(h); u.Scheme == "https" || h == "localhost" || ip != nil && ip.IsLoopback() {
		return nil
	}
	return fmt.Errorf("not sending the admin token in clear to %s: give https://%s behind a TLS proxy, or reach the bot through an SSH tunnel to 127.0.0.1", u.Host, u.Host)
}

// runningAddr is the admin address the bot for dir wrote when it started
// (it removes the file when it stops). A bot killed (kill -9, a crash, a
// power cut) cannot remove it, and whatever listens on its port later
// must never get the token: so the file counts only while a carebot has
// dir's database open, which its lock on the file proves (see bolt.InUse;
// the kernel drops the lock when the process dies). The lock is checked
// first: a bot takes it before it removes an earlier run's file, and
// writes its own only after.
func runningAddr(dir string) (string, error) {
	if _, err := os.Stat(dir); errors.Is(err, os.ErrNotExist) {
		return "", fmt.Errorf("no carebot data directory %s: give the bot's with --data DIR (or give --admin ADDR)", dir)
	}
	running, err := bolt.InUse(filepath.Join(dir, "carebot.db"))
	if err != nil {
		return "", fmt.Errorf("cannot tell whether the bot for %s is running: %w", dir, err)
	}
	b, err := os.ReadFile(filepath.Join(dir, "admin.addr"))
	if err != nil && !errors.Is(err, os.ErrNotExist) {
		return "", fmt.Errorf("the bot's admin address: %w", err)
	}
	addr := strings.TrimSpace(string(b))
	switch {
	case !running && addr != "":
		return "", fmt.Errorf("carebot is not running for %s (its admin.addr is left from an earlier run that did not stop cleanly; "+
			"carebot replaces it when it starts): start it, or give --admin ADDR", dir)
	case !running:
		return "", fmt.Errorf("the bot for %s is not running (start it, or give --admin ADDR)", dir)
	case addr == "":
		return "", fmt.Errorf("the bot for %s has its database open but its admin API is not up: if it is starting, try again in a moment", dir)
	}
	return addr, nil
}
