// Command pwdigest checks exports of password digests before a migration,
// and verifies, hashes and identifies digests by hand.
//
//	pwdigest check export.jsonl        pre-flight a whole export
//	pwdigest verify bcrypt '$2b$12$…'  password on stdin: match or no match
//	pwdigest hash argon2id             password on stdin: a new digest
//	pwdigest identify '$2b$12$…'       which hashers write such digests
//	pwdigest hashers                   the registered hashers
//
// Exit status: 0 success (check: every row usable; verify: match), 1 a
// negative answer (check: some rows are not usable; verify: no match;
// identify: no candidate), 2 bad usage or unreadable input, 130 check
// interrupted by Ctrl-C (the summary so far is printed).
//
// Speed of check on a generated export (see internal/genexport):
//
//	go run ./cmd/pwdigest/internal/cmd/genexport -rows 1000000 -o /tmp/export.jsonl
//	go build -o /tmp/pwdigest ./cmd/pwdigest
//	/usr/bin/time -v /tmp/pwdigest check /tmp/export.jsonl >/dev/null
//	go test ./cmd/pwdigest -run '^$' -bench Check -benchtime 3x
package main

import (
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"strings"
)

// Exit codes.
const (
	exitOK          = 0
	exitNegative    = 1
	exitUsage       = 2
	exitInterrupted = 130 // 128 + SIGINT, as a shell reports it
)

// env is a command's standard streams, so tests can run commands in-process.
type env struct {
	stdin  io.Reader
	stdout io.Writer
	stderr io.Writer
	// stdinTerm and stderrTerm report whether the streams are terminals:
	// the password prompt and the progress bar depend on them.
	stdinTerm, stderrTerm bool
	// stdinFd is stdin's descriptor for reading a password without echo.
	stdinFd int
}

type command struct {
	name    string
	summary string
	run     func(e *env, args []string) int
}

var commands []command

func init() {
	// Assigned here: the commands' help refers to the list.
	commands = []command{
		{"check", "pre-flight an export: which digests will work", runCheck},
		{"verify", "verify a password (from stdin) against a digest", runVerify},
		{"hash", "make a digest of a password (from stdin)", runHash},
		{"identify", "name the hashers whose format a digest matches", runIdentify},
		{"hashers", "list the registered hashers", runHashers},
	}
}

func main() {
	os.Exit(run(osEnv(), os.Args[1:]))
}

func run(e *env, args []string) int {
	if len(args) == 0 {
		usage(e.stderr)
		return exitUsage
	}
	name := args[0]
	switch name {
	case "-h", "-help", "--help", "help":
		if name == "help" && len(args) > 1 {
			return run(e, []string{args[1], "--help"})
		}
		usage(e.stdout)
		return exitOK
	}
	for _, c := range commands {
		if c.name == name {
			return c.run(e, args[1:])
		}
	}
	fmt.Fprintf(e.stderr, "pwdigest: unknown command %q\n\n", name)
	usage(e.stderr)
	return exitUsage
}

func usage(w io.Writer) {
	fmt.Fprint(w, `pwdigest checks, verifies, hashes and identifies password digests
exported from other systems (Django, Werkzeug, WordPress/phpBB, Firebase, Keycloak, PHP, ...).

Usage:
  pwdigest <command> [flags] [arguments]

Commands:
`)
	for _, c := range commands {
		fmt.Fprintf(w, "  %-9s %s\n", c.name, c.summary)
	}
	fmt.Fprint(w, `
Run "pwdigest <command> --help" for a command's flags and an example.

Exit status: 0 success, 1 a negative answer (rows not usable, no match,
no candidate), 2 bad usage or unreadable input, 130 interrupted check.
`)
}

// newFlags returns a flag set whose --help prints the command's usage to
// stdout and whose errors go to stderr.
func newFlags(e *env, name, argsUsage, help string) *flag.FlagSet {
	fs := flag.NewFlagSet(name, flag.ContinueOnError)
	fs.SetOutput(e.stderr)
	fs.Usage = func() {
		w := fs.Output()
		fmt.Fprintf(w, "Usage: pwdigest %s %s\n\n%s\n", name, argsUsage, strings.TrimSpace(help))
		hasFlags := false
		fs.VisitAll(func(*flag.Flag) { hasFlags = true })
		if hasFlags {
			fmt.Fprintf(w, "\nFlags:\n")
			fs.PrintDefaults()
		}
	}
	return fs
}

// parseFlags parses args, allowing flags after positional arguments
// ("check export.jsonl --json") as well as before. "--" ends the flags. It
// returns the positional arguments, or an exit code when parsing ends the
// command (--help: 0, a bad flag: 2).
func parseFlags(e *env, fs *flag.FlagSet, args []string) ([]string, int, bool) {
	var pos []string
	for {
		err := fs.Parse(args)
		if errors.Is(err, flag.ErrHelp) {
			fs.SetOutput(e.stdout)
			fs.Usage()
			return nil, exitOK, false
		}
		if err != nil {
			return nil, exitUsage, false
		}
		rest := fs.Args()
		if len(rest) == 0 {
			return pos, 0, true
		}
		// fs.Parse stops at the first non-flag, or after "--".
		if len(args) > len(rest) && args[len(args)-len(rest)-1] == "--" {
			return append(pos, rest...), 0, true
		}
		pos = append(pos, rest[0])
		args = rest[1:]
	}
}

// usageError prints msg and the command's usage line to stderr.
func usageError(e *env, fs *flag.FlagSet, format string, a ...any) int {
	fmt.Fprintf(e.stderr, "pwdigest %s: %s\n", fs.Name(), fmt.Sprintf(format, a...))
	fmt.Fprintf(e.stderr, "Run \"pwdigest %s --help\" for usage.\n", fs.Name())
	return exitUsage
}
