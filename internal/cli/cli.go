// Package cli is the skyledger command line: one file per verb, each thin over a pipeline package.
package cli

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"log/slog"
	"sort"
	"strings"
)

// Stdio is where a command reads and writes; tests pass buffers.
type Stdio struct {
	In  io.Reader
	Out io.Writer
	Err io.Writer
}

// Exit codes: 0 all went well, 1 the command failed, 2 bad usage, 3 some input was skipped.
const (
	exitOK      = 0
	exitFailed  = 1
	exitUsage   = 2
	exitSkipped = 3
)

type command struct {
	summary string
	run     func(ctx context.Context, args []string, stdio Stdio) int
}

// commands lists every verb; each lives in its own file.
func commands() map[string]command {
	return map[string]command{
		"help":    {"list the commands, or explain one: skyledger help VERB", runHelp},
		"demo":    {"run the pipeline on the bundled sample reports and show each stage", runDemo},
		"extract": {"extract incidents from JSONL documents (stdin or files)", runExtract},
		"stories": {"group documents that report the same story", runStories},
		"events":  {"reconcile incidents of all documents into events (JSONL)", runEvents},
		"nightly": {"print the nightly ledger per region (table, --json, --csv)", runNightly},
		"place":   {"look a place name up in the gazetteer (en/ru/uk, inflected; --json)", runPlace},
	}
}

// Run executes one command line and returns the process exit code.
func Run(ctx context.Context, args []string, stdio Stdio) int {
	if len(args) == 0 {
		usage(stdio.Err)
		return exitUsage
	}
	name := args[0]
	if name == "-h" || name == "--help" {
		name = "help"
	}
	cmd, ok := commands()[name]
	if !ok {
		fmt.Fprintf(stdio.Err, "skyledger: unknown command %q; run 'skyledger help' for the list.\n", name)
		return exitUsage
	}
	return cmd.run(ctx, args[1:], stdio)
}

func usage(w io.Writer) {
	fmt.Fprintln(w, "skyledger turns public drone-incident reports into a checked, reconciled ledger.")
	fmt.Fprintln(w, "\nUsage: skyledger COMMAND [OPTIONS] [ARGS]\n\nCommands:")
	cmds := commands()
	names := make([]string, 0, len(cmds))
	for n := range cmds {
		names = append(names, n)
	}
	sort.Strings(names)
	for _, n := range names {
		fmt.Fprintf(w, "  %-10s %s\n", n, cmds[n].summary)
	}
	fmt.Fprintln(w, "\nRun 'skyledger COMMAND -h' for a command's options.")
}

func runHelp(ctx context.Context, args []string, stdio Stdio) int {
	if len(args) == 0 {
		usage(stdio.Out)
		return exitOK
	}
	if _, ok := commands()[args[0]]; !ok || args[0] == "help" {
		fmt.Fprintf(stdio.Err, "skyledger: unknown command %q; run 'skyledger help' for the list.\n", args[0])
		return exitUsage
	}
	return Run(ctx, []string{args[0], "-h"}, Stdio{In: stdio.In, Out: stdio.Out, Err: stdio.Out})
}

// newFlags makes a verb's flag set that reports errors to stdio.Err instead of exiting.
func newFlags(name, synopsis string, stdio Stdio) *flag.FlagSet {
	fs := flag.NewFlagSet(name, flag.ContinueOnError)
	fs.SetOutput(stdio.Err)
	fs.Usage = func() {
		fmt.Fprintf(fs.Output(), "Usage: skyledger %s %s\n", name, synopsis)
		fs.PrintDefaults()
	}
	return fs
}

// parseFlags parses args; ok is false when the command should return code.
func parseFlags(fs *flag.FlagSet, args []string) (code int, ok bool) {
	if err := fs.Parse(args); err != nil {
		if errors.Is(err, flag.ErrHelp) {
			return exitOK, false
		}
		return exitUsage, false
	}
	return 0, true
}

// newLogger logs to stderr in plain text; --verbose lowers the level to debug.
func newLogger(w io.Writer, verbose bool) *slog.Logger {
	level := slog.LevelInfo
	if verbose {
		level = slog.LevelDebug
	}
	return slog.New(slog.NewTextHandler(w, &slog.HandlerOptions{Level: level}))
}

// oneSentence makes an error fit the "one clear sentence" rule for users.
func oneSentence(err error) string {
	s := strings.TrimSpace(err.Error())
	if s == "" {
		return "unknown error."
	}
	if !strings.HasSuffix(s, ".") {
		s += "."
	}
	return s
}
