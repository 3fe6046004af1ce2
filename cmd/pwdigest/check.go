package main

import (
	"context"
	"flag"
	"fmt"
	"io"
	"os"
	"os/signal"
	"path/filepath"
	"runtime"
	"slices"
	"strings"
)

const checkHelp = `
Check reads an export of password digests and reports, for each hasher,
which digests are usable before a migration: the hasher is registered, the
digest parses and is within the limits (no hashing is done), whether the
hasher is insecure or the digest needs a rehash. A row without a hasher is
matched against the known formats and reported with the candidates. A row
that also has a password (a test account) is verified.

The export is JSON Lines (.jsonl, .ndjson), a JSON array of objects (.json)
or CSV with a header row (.csv); the extension decides unless --format is
given. FILE "-" or no FILE reads JSON Lines from standard input. The export
is streamed: memory does not grow with its size.

The report is a table per hasher, a total line, then the rows that are not
usable (line, id, a shortened digest, and why); --json writes it as JSON.
Columns: ok = usable; malformed = the digest does not parse (or the row is
broken); out of range = parameters outside the scheme or above the limits;
unknown hasher = not registered, or not named (such a row is counted
under the hasher its digest looks like); insecure and needs rehash count
digests that pass the check but should be upgraded at the next sign-in;
verified and failed count the test passwords.

Exit status: 0 every row usable, 1 some rows not usable, 2 bad usage or
unreadable input, 130 interrupted (Ctrl-C; the summary so far is printed).

Example:
  pwdigest check users.jsonl
  pwdigest check --format csv --digest-field hash --hasher-field algo - < users.txt
`

type checkOptions struct {
	format      string
	jsonOut     bool
	names       fieldNames
	workers     int
	maxProblems int
	noPasswords bool
	noProgress  bool
	idSet       bool // --id-field given: the field must exist in a CSV header
	hasherSet   bool // --hasher-field given: likewise
}

// defaultCheckOptions are the options with no flags given.
func defaultCheckOptions() *checkOptions {
	return &checkOptions{
		names: fieldNames{ids: []string{"id", "external_id"}, digest: "password_digest",
			hasher: "password_hasher", password: "password"},
		workers:     runtime.GOMAXPROCS(0),
		maxProblems: 50,
	}
}

func runCheck(e *env, args []string) int {
	fs := newFlags(e, "check", "[flags] [FILE|-]", checkHelp)
	o := defaultCheckOptions()
	var idField string
	fs.StringVar(&o.format, "format", "", "input format: jsonl, json or csv (default: from the extension; jsonl for stdin)")
	fs.BoolVar(&o.jsonOut, "json", false, "write the report as JSON")
	fs.StringVar(&idField, "id-field", "", "field naming each row (default: id, else external_id)")
	fs.StringVar(&o.names.digest, "digest-field", o.names.digest, "field holding the digest")
	fs.StringVar(&o.names.hasher, "hasher-field", o.names.hasher, "field holding the hasher name")
	fs.StringVar(&o.names.password, "password-field", o.names.password, "field holding a test account's password")
	fs.BoolVar(&o.noPasswords, "skip-passwords", false, "do not verify test passwords")
	fs.IntVar(&o.workers, "workers", o.workers, "rows checked in parallel")
	fs.IntVar(&o.maxProblems, "max-problems", o.maxProblems, "problem rows listed in the text report (0: all)")
	fs.BoolVar(&o.noProgress, "no-progress", false, "no progress bar (it is shown only when stderr is a terminal)")
	pos, code, ok := parseFlags(e, fs, args)
	if !ok {
		return code
	}
	fs.Visit(func(f *flag.Flag) {
		switch f.Name {
		case "id-field":
			o.idSet = true
		case "hasher-field":
			o.hasherSet = true
		}
	})
	if o.idSet {
		o.names.ids = []string{idField}
	}
	if len(pos) > 1 {
		return usageError(e, fs, "want one FILE, got %d arguments", len(pos))
	}
	if err := o.validate(); err != nil {
		return usageError(e, fs, "%v", err)
	}
	path := "-"
	if len(pos) == 1 {
		path = pos[0]
	} else if e.stdinTerm {
		// Most likely a forgotten FILE; "-" reads the terminal on purpose.
		return usageError(e, fs, "want a FILE (or \"-\" for standard input)")
	}
	if o.format == "" {
		f, err := formatOf(path)
		if err != nil {
			return usageError(e, fs, "%v", err)
		}
		o.format = f
	}

	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt)
	defer stop()
	go func() {
		<-ctx.Done()
		stop() // a second Ctrl-C kills at once
	}()
	return checkExport(ctx, e, path, o)
}

func (o *checkOptions) validate() error {
	switch o.format {
	case "", "jsonl", "json", "csv":
	case "ndjson":
		o.format = "jsonl"
	default:
		return fmt.Errorf("unknown format %q, want jsonl, json or csv", o.format)
	}
	type named struct{ flag, name string }
	given := []named{{"--digest-field", o.names.digest}, {"--hasher-field", o.names.hasher},
		{"--password-field", o.names.password}}
	if o.idSet {
		given = append(given, named{"--id-field", o.names.ids[0]})
	}
	for i, f := range given {
		if f.name == "" {
			return fmt.Errorf("%s is empty", f.flag)
		}
		for _, g := range given[:i] {
			if g.name == f.name {
				return fmt.Errorf("%s and %s are both %q", g.flag, f.flag, f.name)
			}
		}
	}
	if !o.idSet {
		// The default id fields give way to the others.
		o.names.ids = slices.DeleteFunc(o.names.ids, func(id string) bool {
			return id == o.names.digest || id == o.names.hasher || id == o.names.password
		})
	}
	if o.workers < 1 {
		return fmt.Errorf("--workers %d, want 1 or more", o.workers)
	}
	if o.maxProblems < 0 {
		return fmt.Errorf("--max-problems %d, want 0 or more", o.maxProblems)
	}
	return nil
}

// formatOf decides the format from a file name's extension.
func formatOf(path string) (string, error) {
	if path == "-" {
		return "jsonl", nil
	}
	switch ext := strings.ToLower(filepath.Ext(path)); ext {
	case ".jsonl", ".ndjson":
		return "jsonl", nil
	case ".json":
		return "json", nil
	case ".csv":
		return "csv", nil
	default:
		return "", fmt.Errorf("cannot tell the format of %s from its extension; use --format jsonl, json or csv", path)
	}
}

// checkExport runs the check and writes the report; it returns the exit code.
func checkExport(ctx context.Context, e *env, path string, o *checkOptions) int {
	var (
		in   io.Reader = e.stdin
		size int64     = -1
		name           = "standard input"
	)
	if path != "-" {
		f, err := os.Open(path)
		if err != nil {
			fmt.Fprintf(e.stderr, "pwdigest check: %v\n", err)
			return exitUsage
		}
		defer f.Close()
		fi, err := f.Stat()
		if err == nil && fi.IsDir() {
			fmt.Fprintf(e.stderr, "pwdigest check: %s is a directory\n", path)
			return exitUsage
		}
		if err == nil && fi.Mode().IsRegular() {
			size = fi.Size()
		}
		in, name = f, path
	}

	var src batchSource
	switch o.format {
	case "jsonl":
		src = newJSONLSource(in)
	case "json":
		src = newJSONArraySource(in)
	case "csv":
		required := []string{o.names.digest}
		if o.hasherSet {
			required = append(required, o.names.hasher)
		}
		if o.idSet {
			required = append(required, o.names.ids[0])
		}
		s, err := newCSVSource(in, &o.names, required)
		if err != nil {
			fmt.Fprintf(e.stderr, "pwdigest check: %s: %v\n", name, err)
			return exitUsage
		}
		if s.cols.hasher < 0 {
			fmt.Fprintf(e.stderr, "pwdigest check: %s: no %s column; each row's hasher is guessed from its digest\n",
				name, o.names.hasher)
		}
		src = s
	}

	var jsonOut io.Writer
	if o.jsonOut {
		jsonOut = e.stdout
	}
	rep := newReport(name, o.format, o.maxProblems, jsonOut)
	bar := newProgress(e, o.noProgress, size)
	complete := pipeline(ctx, src, o.workers, &o.names, !o.noPasswords,
		func(r *row) { rep.add(r); bar.row() },
		bar.offset)
	bar.finish()

	st := status{interrupted: !complete && ctx.Err() != nil, readErr: src.err()}
	var err error
	switch {
	case o.jsonOut:
		err = rep.finishJSON(st)
	case st.readErr != nil && rep.total.Rows == 0:
		// Nothing was read: the error below says it all.
	default:
		err = rep.writeText(e.stdout, st)
	}
	if err != nil {
		fmt.Fprintf(e.stderr, "pwdigest check: writing the report: %v\n", err)
		return exitUsage
	}
	switch {
	case st.readErr != nil:
		fmt.Fprintf(e.stderr, "pwdigest check: %s: %v\n", name, st.readErr)
		return exitUsage
	case st.interrupted:
		fmt.Fprintln(e.stderr, "pwdigest check: interrupted")
		return exitInterrupted
	case rep.total.Rows != rep.total.OK:
		return exitNegative
	}
	return exitOK
}
