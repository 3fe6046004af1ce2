// Command pwdigest checks exports of password digests before a migration,
// and verifies, hashes and identifies digests by hand.
//
//	pwdigest convert --from django users.json > export.jsonl
//	                                   a source system's export as rows
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
	"runtime/debug"
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
		{"convert", "turn a Firebase, Keycloak, Django, ... export into check's rows", runConvert},
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
	case "-version", "--version", "version":
		fmt.Fprintln(e.stdout, versionString())
		return exitOK
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
	if strings.HasPrefix(name, "-") {
		fmt.Fprintf(e.stderr, "pwdigest: unknown flag %q (flags follow the command)\n\n", name)
	} else {
		fmt.Fprintf(e.stderr, "pwdigest: unknown command %q\n\n", name)
	}
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
Run "pwdigest <command> --help" for a command's flags and an example,
"pwdigest --version" for the version.

Exit status: 0 success, 1 a negative answer (rows not usable, no match,
no candidate), 2 bad usage or unreadable input, 130 interrupted check.
`)
}

// flagSet is a command's flags and its help text.
type flagSet struct {
	*flag.FlagSet
	argsUsage, help string
}

// newFlags returns a command's flag set. Its --help prints the usage to
// stdout; a bad flag prints the error and the usage to stderr; each once.
func newFlags(e *env, name, argsUsage, help string) *flagSet {
	fs := &flagSet{flag.NewFlagSet(name, flag.ContinueOnError), argsUsage, help}
	fs.SetOutput(e.stderr)
	// The flag package calls Usage itself on -h and on a bad flag; what
	// is printed then is decided in parseFlags, which knows which it was.
	fs.Usage = func() {}
	return fs
}

// printUsage writes the command's whole help to w.
func (fs *flagSet) printUsage(w io.Writer) {
	fmt.Fprintf(w, "Usage: pwdigest %s %s\n\n%s\n", fs.Name(), fs.argsUsage, strings.TrimSpace(fs.help))
	hasFlags := false
	fs.VisitAll(func(*flag.Flag) { hasFlags = true })
	if hasFlags {
		fmt.Fprintf(w, "\nFlags:\n")
		out := fs.Output()
		fs.SetOutput(w)
		fs.PrintDefaults()
		fs.SetOutput(out)
	}
}

// parseFlags parses args, allowing flags after positional arguments
// ("check export.jsonl --json") as well as before. "--" ends the flags. It
// returns the positional arguments, or an exit code when parsing ends the
// command (--help: 0, a bad flag: 2).
func parseFlags(e *env, fs *flagSet, args []string) ([]string, int, bool) {
	var pos []string
	for {
		err := fs.Parse(args)
		if errors.Is(err, flag.ErrHelp) {
			fs.printUsage(e.stdout)
			return nil, exitOK, false
		}
		if err != nil {
			// The flag package has printed the error; the usage follows.
			fmt.Fprintln(e.stderr)
			fs.printUsage(e.stderr)
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
func usageError(e *env, fs *flagSet, format string, a ...any) int {
	fmt.Fprintf(e.stderr, "pwdigest %s: %s\n", fs.Name(), fmt.Sprintf(format, a...))
	fmt.Fprintf(e.stderr, "Run \"pwdigest %s --help\" for usage.\n", fs.Name())
	return exitUsage
}

// versionString is the module's version and the VCS revision the binary
// was built from, as the Go toolchain recorded them: "(devel)" for a build
// from a checkout, a tag for "go install ...@version".
func versionString() string {
	info, ok := debug.ReadBuildInfo()
	if !ok {
		return "pwdigest (no build information)"
	}
	return formatVersion(info)
}

func formatVersion(info *debug.BuildInfo) string {
	v := info.Main.Version
	if v == "" {
		v = "(devel)"
	}
	s := "pwdigest " + v
	var rev, at string
	dirty := false
	for _, kv := range info.Settings {
		switch kv.Key {
		case "vcs.revision":
			rev = kv.Value
		case "vcs.time":
			at = kv.Value
		case "vcs.modified":
			dirty = kv.Value == "true"
		}
	}
	if rev != "" {
		s += " revision " + rev
		if dirty {
			s += " (modified)"
		}
		if at != "" {
			s += " " + at
		}
	}
	return s + " " + info.GoVersion
}
