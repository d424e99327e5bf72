package main

import (
	"flag"
	"fmt"
	"io"
	"os"
)

// faqFile is the knowledge base the bot serves, found the same way by `run`
// and by the commands that check or try it (faq check, ask, eval): the
// --faq flag (or their FILE), $CAREBOT_FAQ, the config's faq:, else "" for
// the bundled demo clinic. A relative faq: is read from the working
// directory, not the config's, so each command reads the file the bot
// started in the same directory reads.
func faqFile(flagValue string, getenv func(string) string, cfg fileConfig) string {
	return first(flagValue, getenv("CAREBOT_FAQ"), cfg.FAQ)
}

// servedFAQ is the faq file a command uses when none is given, and why.
type servedFAQ struct {
	Path string // "" for the bundled demo clinic
	From string // where the path came from, in words for staff; "" when given
}

// faqConfigFlag adds --config to a command that reads the bot's config only
// for its faq:. It returns the function that finds the faq file once the
// flags are parsed: explicit (a FILE or --faq) if not "", else the one the
// bot would serve (see faqFile). The config is read only when the choice
// comes down to it, so a file given outright is checked or tried whatever
// state the config is in; one that is named and cannot be read is an error
// naming it, never a quiet fall back to the demo clinic.
func faqConfigFlag(fs *flag.FlagSet, getenv func(string) string) func(explicit, named string) (servedFAQ, error) {
	config := fs.String("config", "", "the bot's config file, for its faq: ($CAREBOT_CONFIG)")
	return func(explicit, named string) (servedFAQ, error) {
		if explicit != "" {
			return servedFAQ{Path: explicit}, nil
		}
		if p := getenv("CAREBOT_FAQ"); p != "" {
			return servedFAQ{Path: p, From: "$CAREBOT_FAQ"}, nil
		}
		path, how := *config, "given with --config"
		if path == "" {
			path, how = getenv("CAREBOT_CONFIG"), "from $CAREBOT_CONFIG"
		}
		cfg, err := loadConfig(path)
		if err != nil {
			return servedFAQ{}, err
		}
		s := servedFAQ{Path: cfg.FAQ} // what faqFile comes to with no flag or $CAREBOT_FAQ
		switch {
		case s.Path != "":
			s.From = fmt.Sprintf("faq: in the config %s, %s", path, how)
		case path != "":
			s.From = fmt.Sprintf("its default: no %s or $CAREBOT_FAQ names a file, and the config %s, %s, has no faq:", named, path, how)
		default:
			s.From = fmt.Sprintf("its default: no %s, $CAREBOT_FAQ, --config or $CAREBOT_CONFIG names a file", named)
		}
		return s, nil
	}
}

// name is the file as staff read it in the output.
func (s servedFAQ) name() string {
	if s.Path == "" {
		return bundledFAQName
	}
	return s.Path
}

// note tells staff which file a command used when they did not name it,
// so that no one checks or tries one file while the bot serves another.
func (s servedFAQ) note(w io.Writer, cmd string) {
	if s.From == "" {
		return
	}
	fmt.Fprintf(w, "%s: %s, the file the bot would serve (%s)\n", cmd, s.name(), s.From)
}

// hintLocalFAQ is for faq check, whose default was ./faq.yaml: when the
// bot's default is the bundled demo and a faq.yaml sits here, say that it
// was not checked, and how to check it.
func hintLocalFAQ(w io.Writer, s servedFAQ) {
	if s.Path != "" || s.From == "" {
		return
	}
	if _, err := os.Stat("faq.yaml"); err != nil {
		return
	}
	fmt.Fprintln(w, "faq check: ./faq.yaml was not checked: the bot serves it only when --faq, $CAREBOT_FAQ or faq: in its config names it; to check it, run: carebot faq check faq.yaml")
}
