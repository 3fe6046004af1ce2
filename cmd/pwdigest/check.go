package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"os/signal"
	"runtime"
	"slices"

	"github.com/pwdigest/pwdigest"
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
given. FILE "-" or no FILE reads JSON Lines from standard input. A gzip or
zstd file is decompressed, whatever its name (export.jsonl.gz is JSON
Lines). The export is streamed: memory does not grow with its size. An
export without a single row is an error (exit 1): a failed dump should not
pass.

--hasher NAME names the hasher of every row, for an export with only a
digest column. A row whose digest Identify ranks another hasher first for
(Django's "pbkdf2_sha256$" digests labelled with Keycloak's pbkdf2_sha256)
is usable but warned about, and counted under "warned".

The report is a table per hasher, a total line, then the rows that are not
usable (line, id, a shortened digest, and why) and the warnings; --json
writes it as JSON. The table fits 80 columns: ok = usable; not ok = not
usable; insecure and rehash count digests that pass the check but should be
upgraded at the next sign-in; pw ok and pw bad count the test passwords.
--wide splits "not ok" into malformed (the digest does not parse, or the
row is broken), out of range (parameters outside the scheme or above the
limits) and unknown hasher (not registered, or not named: such a row is
counted under the hasher its digest looks like).

Exit status: 0 every row usable, 1 some rows not usable, 2 bad usage or
unreadable input, 130 interrupted (Ctrl-C; the summary so far is printed).

Example:
  pwdigest check users.jsonl
  pwdigest check --format csv --digest-field hash --hasher-field algo - < users.txt
  pwdigest check --hasher bcrypt --digest-field encrypted_password users.csv.gz
`

type checkOptions struct {
	format      string
	jsonOut     bool
	names       fieldNames
	workers     int
	maxProblems int
	noPasswords bool
	noProgress  bool
	hasher      string // --hasher: every row's hasher
	wide        bool
	idSet       bool // --id-field given: the field must exist in a CSV header
	hasherSet   bool // --hasher-field given: likewise
	recipe      recipeFlags
	columns     *recipeColumns // from --recipe (recipe.go)
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
	fs := newFlags(e, "check", "[flags] [FILE|-]", checkHelp+checkRecipeHelp)
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
	fs.StringVar(&o.hasher, "hasher", "", "the hasher of every row (for an export with only a digest column)")
	fs.BoolVar(&o.wide, "wide", false, "every column in the summary table (default: what fits 80 columns)")
	o.recipe.add(fs)
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
	var err error
	if o.columns, err = o.recipe.validate(fs.FlagSet, o); err != nil {
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
	if o.hasher != "" {
		if o.hasherSet {
			return errors.New("--hasher and --hasher-field exclude each other")
		}
		if _, err := pwdigest.Lookup(o.hasher); err != nil {
			return fmt.Errorf("--hasher: %s", errText(err))
		}
	}
	if o.workers < 1 {
		return fmt.Errorf("--workers %d, want 1 or more", o.workers)
	}
	if o.maxProblems < 0 {
		return fmt.Errorf("--max-problems %d, want 0 or more", o.maxProblems)
	}
	return nil
}

// checkExport runs the check and writes the report; it returns the exit code.
func checkExport(ctx context.Context, e *env, path string, o *checkOptions) int {
	in, err := openInput(e, path)
	if err != nil {
		fmt.Fprintf(e.stderr, "pwdigest check: %v\n", err)
		return exitUsage
	}
	defer in.close()
	name := in.name

	var src batchSource
	switch o.format {
	case "jsonl":
		src = newJSONLSource(in.r)
	case "json":
		src = newJSONArraySource(in.r)
	case "csv":
		required := []string{o.names.digest}
		if o.hasherSet {
			required = append(required, o.names.hasher)
		}
		if o.idSet {
			required = append(required, o.names.ids[0])
		}
		if o.names.salt != "" {
			required = append(required, o.names.salt)
		}
		s, err := newCSVSource(in.r, &o.names, required)
		if errors.Is(err, errNoRows) {
			fmt.Fprintf(e.stderr, "pwdigest check: %s: no rows: the input is empty\n", name)
			return exitNegative
		}
		if err != nil {
			fmt.Fprintf(e.stderr, "pwdigest check: %s: %v\n", name, err)
			return exitUsage
		}
		if s.cols.hasher < 0 && o.hasher == "" && o.columns == nil {
			fmt.Fprintf(e.stderr, "pwdigest check: %s: no %s column; each row's hasher is guessed from its digest (--hasher names one for every row)\n",
				name, o.names.hasher)
		}
		src = s
	}
	src = &countedSource{src, in.read}

	var jsonOut io.Writer
	if o.jsonOut {
		jsonOut = e.stdout
	}
	rep := newReport(name, o.format, o.maxProblems, jsonOut)
	rep.wide = o.wide
	bar := newProgress(e, o.noProgress, in.size, "checked")
	complete := pipeline(ctx, src, o.workers,
		func() *rowChecker {
			c := newRowChecker(&o.names, !o.noPasswords, o.hasher)
			c.recipe = o.columns
			return c
		},
		func(r *row) { rep.add(r); bar.row() },
		bar.offset)
	bar.finish()

	st := status{interrupted: !complete && ctx.Err() != nil, readErr: src.err()}
	if errors.Is(st.readErr, errNoRows) {
		st.readErr = nil
	}
	if st.readErr != nil && in.compression != "" {
		st.readErr = fmt.Errorf("%s: %w", in.compression, st.readErr)
	}
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
	if rep.arrayHint && o.format == "jsonl" {
		fmt.Fprintf(e.stderr, "pwdigest check: %s starts with '[': if it is a JSON array, use --format json\n", name)
	}
	switch {
	case st.readErr != nil:
		fmt.Fprintf(e.stderr, "pwdigest check: %s: %v\n", name, st.readErr)
		return exitUsage
	case st.interrupted:
		fmt.Fprintln(e.stderr, "pwdigest check: interrupted")
		return exitInterrupted
	case rep.total.Rows == 0:
		fmt.Fprintf(e.stderr, "pwdigest check: %s: no rows: %s\n", name, noRowsWhy(o.format, in.read.n))
		return exitNegative
	case rep.total.Rows != rep.total.OK:
		return exitNegative
	}
	return exitOK
}

// noRowsWhy words an input without rows: a failed dump should not pass.
func noRowsWhy(format string, read int64) string {
	switch {
	case read == 0:
		return "the input is empty"
	case format == "jsonl":
		return "only blank lines"
	case format == "csv":
		return "a header and no rows"
	}
	return "an empty JSON array"
}

// countedSource sets each batch's offset to the bytes read from the file,
// which for a compressed file is not the offset in the text.
type countedSource struct {
	batchSource
	read *countingReader
}

func (s *countedSource) next(b *batch) bool {
	more := s.batchSource.next(b)
	b.offset = s.read.n
	return more
}
