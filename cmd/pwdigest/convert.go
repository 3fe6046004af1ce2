package main

import (
	"bufio"
	"context"
	"encoding/csv"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"os/signal"
	"sort"
	"strings"
)

const convertHelp = `
Convert reads a source system's own export and writes one row per user,
with id, email, password_hasher and password_digest, as JSON Lines (the
default) or CSV: what "pwdigest check" reads and what Clerk-style import
APIs take. Users it cannot convert (no password, an unusable password, an
algorithm without a hasher) are listed on stderr with a count; the summary
goes to stderr too, so the rows can go to stdout. The input is streamed, and
may be gzip or zstd compressed.

Sources (--from):
  firebase   "firebase auth:export" JSON ({"users": [...]}) or CSV; the
             project's hash parameters from --hash-config (the console's
             hash_config block, saved to a file) or --signer-key,
             --salt-separator, --rounds and --mem-cost -> scrypt_firebase
  keycloak   a realm export (kc.sh export, or realm-users-N.json): each
             user's password credential, pbkdf2-sha256 -> pbkdf2_sha256,
             pbkdf2-sha512 -> pbkdf2_sha512_hex, pbkdf2 -> pbkdf2_sha1,
             argon2 -> argon2id/argon2i/argon2d, bcrypt -> bcrypt
  django     "manage.py dumpdata auth.user" JSON (or JSON Lines), or a CSV
             of the auth_user table; the algorithm prefix of the password
             picks the hasher (pbkdf2_sha256 -> pbkdf2_sha256_django, ...)
  wordpress  a CSV of wp_users: $P$ -> phpass, $wp$ ->
             bcrypt_sha384_wordpress, bcrypt, 32 hex -> md5
  supabase   a CSV of auth.users: encrypted_password -> bcrypt
  auth0      Auth0's password export (JSON Lines with passwordHash) or a
             bulk-import JSON array: password_hash -> bcrypt,
             custom_password_hash -> auth0_custom_password_hash (the
             object, as JSON, is the digest)
  ldif       slapcat or ldapsearch LDIF: userPassword's {SCHEME} picks the
             hasher ({SSHA} -> ldap_ssha, {CRYPT} -> ldap_crypt, ...); the
             dn is the id

For django, wordpress and supabase, --dsn reads the users straight from the
database instead of a FILE, read-only (a READ ONLY transaction; SQLite is
opened read-only), with the product's default table and columns or --query
(whose columns must have the default's names):
  postgres://user:pass@host:5432/db?sslmode=disable  (or "host=... dbname=...")
  mysql://user:pass@tcp(host:3306)/db                 (MySQL, MariaDB)
  mysql://user:pass@unix(/run/mysqld/mysqld.sock)/db
  sqlite:path/to/db.sqlite3                           (Django's default)

Exit status: 0 every user converted, 1 some users not converted, 2 bad
usage or unreadable input, 130 interrupted.

Example:
  firebase auth:export users.json --format=json
  pwdigest convert --from firebase --hash-config params.txt users.json >rows.jsonl
  pwdigest check rows.jsonl
  pwdigest convert --from django --dsn sqlite:db.sqlite3 --out users.csv
  pwdigest convert --from supabase --dsn "$SUPABASE_DB_URL" > users.jsonl
`

// convertOptions are convert's flags.
type convertOptions struct {
	from, out, format, inFormat string
	dsn, query                  string
	maxProblems                 int
	noProgress                  bool
	firebase                    firebaseParams
	hashConfig                  string
}

func runConvert(e *env, args []string) int {
	fs := newFlags(e, "convert", "--from SOURCE [flags] [FILE|-]", convertHelp)
	o := &convertOptions{maxProblems: 50}
	fs.StringVar(&o.from, "from", "", "the source: "+strings.Join(sourceNames(), ", "))
	fs.StringVar(&o.out, "out", "-", "output file (default: standard output)")
	fs.StringVar(&o.format, "format", "", "output format: jsonl or csv (default: from --out's extension, else jsonl)")
	fs.StringVar(&o.inFormat, "input-format", "", "input format: json, jsonl or csv (default: the extension, else the first byte)")
	fs.StringVar(&o.dsn, "dsn", "", "read from this database (django, wordpress, supabase) instead of a FILE")
	fs.StringVar(&o.query, "query", "", "the SQL query that --dsn runs (default: the product's users table)")
	fs.IntVar(&o.maxProblems, "max-problems", o.maxProblems, "users not converted listed on stderr (0: all)")
	fs.BoolVar(&o.noProgress, "no-progress", false, "no progress bar (it is shown only when stderr is a terminal)")
	fs.StringVar(&o.hashConfig, "hash-config", "", "firebase: a file with the console's hash_config block")
	fs.StringVar(&o.firebase.signerKey, "signer-key", "", "firebase: base64_signer_key")
	fs.StringVar(&o.firebase.saltSeparator, "salt-separator", "", "firebase: base64_salt_separator")
	fs.IntVar(&o.firebase.rounds, "rounds", 0, "firebase: rounds")
	fs.IntVar(&o.firebase.memCost, "mem-cost", 0, "firebase: mem_cost")
	pos, code, ok := parseFlags(e, fs, args)
	if !ok {
		return code
	}
	src, found := sources[o.from]
	switch {
	case o.from == "":
		return usageError(e, fs, "want --from SOURCE (%s)", strings.Join(sourceNames(), ", "))
	case !found:
		return usageError(e, fs, "unknown source %q, want one of %s", o.from, strings.Join(sourceNames(), ", "))
	case len(pos) > 1:
		return usageError(e, fs, "want one FILE, got %d arguments", len(pos))
	case o.dsn != "" && len(pos) == 1:
		return usageError(e, fs, "--dsn and a FILE exclude each other")
	case o.dsn != "" && src.sql == nil:
		return usageError(e, fs, "--dsn is for django, wordpress and supabase; %s is read from its export file", o.from)
	case o.query != "" && o.dsn == "":
		return usageError(e, fs, "--query needs --dsn")
	case o.maxProblems < 0:
		return usageError(e, fs, "--max-problems %d, want 0 or more", o.maxProblems)
	case len(pos) == 1 && o.out != "-" && sameFile(pos[0], o.out):
		return usageError(e, fs, "--out %s is the input", o.out)
	}
	if o.format == "" {
		o.format = "jsonl"
		if strings.HasSuffix(strings.ToLower(o.out), ".csv") {
			o.format = "csv"
		}
	}
	if o.format == "ndjson" {
		o.format = "jsonl"
	}
	if o.format != "jsonl" && o.format != "csv" {
		return usageError(e, fs, "unknown output format %q, want jsonl or csv", o.format)
	}
	switch o.inFormat {
	case "", "json", "jsonl", "csv":
	case "ndjson":
		o.inFormat = "jsonl"
	default:
		return usageError(e, fs, "unknown input format %q, want json, jsonl or csv", o.inFormat)
	}
	firebaseSet := false
	fs.Visit(func(f *flag.Flag) {
		switch f.Name {
		case "hash-config", "signer-key", "salt-separator", "rounds", "mem-cost":
			firebaseSet = true
		}
	})
	if firebaseSet && o.from != "firebase" {
		return usageError(e, fs, "--hash-config, --signer-key, --salt-separator, --rounds and --mem-cost are for --from firebase")
	}
	if o.from == "firebase" {
		if err := o.firebase.load(o.hashConfig); err != nil {
			return usageError(e, fs, "%v", err)
		}
	}
	path := "-"
	if len(pos) == 1 {
		path = pos[0]
	} else if o.dsn == "" && e.stdinTerm {
		return usageError(e, fs, "want a FILE (or \"-\" for standard input)")
	}

	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt)
	defer stop()
	go func() {
		<-ctx.Done()
		stop()
	}()
	return convert(ctx, e, src, path, o)
}

// A user is one account of the source, converted or not.
type user struct {
	line           int // the line (or record) of the input where it starts
	id, email      string
	hasher, digest string
	// skip says why the user cannot be converted; "" when it is.
	skip       string
	noPassword bool // skip is "no password": a social or passwordless account
}

// A userReader yields the users of one export in order; io.EOF ends it.
type userReader interface {
	next() (*user, error)
}

// source is one --from.
type source struct {
	// open returns the reader for an export file.
	open func(in *input, o *convertOptions) (userReader, error)
	// sql is the source's table, for --dsn; nil: no database.
	sql *sqlSource
}

var sources = map[string]source{
	"firebase":  {open: openFirebase},
	"keycloak":  {open: openKeycloak},
	"django":    {open: openDjango, sql: djangoSQL},
	"wordpress": {open: openWordPress, sql: wordpressSQL},
	"supabase":  {open: openSupabase, sql: supabaseSQL},
	"auth0":     {open: openAuth0},
	"ldif":      {open: openLDIF},
}

func sourceNames() []string {
	names := make([]string, 0, len(sources))
	for n := range sources {
		names = append(names, n)
	}
	sort.Strings(names)
	return names
}

func convert(ctx context.Context, e *env, src source, path string, o *convertOptions) int {
	var (
		r    userReader
		name string
		bar  *progress
		read func() int64
	)
	if o.dsn != "" {
		sr, err := openSQL(ctx, src.sql, o.dsn, o.query)
		if err != nil {
			fmt.Fprintf(e.stderr, "pwdigest convert: %v\n", err)
			return exitUsage
		}
		defer sr.close()
		r, name = sr, sr.name
		bar = newProgress(e, o.noProgress, -1, "converted")
		read = func() int64 { return 0 }
	} else {
		in, err := openInput(e, path)
		if err != nil {
			fmt.Fprintf(e.stderr, "pwdigest convert: %v\n", err)
			return exitUsage
		}
		defer in.close()
		r, err = src.open(in, o)
		if err != nil {
			fmt.Fprintf(e.stderr, "pwdigest convert: %s: %v\n", in.name, err)
			return exitUsage
		}
		name = in.name
		bar = newProgress(e, o.noProgress, in.size, "converted")
		read = func() int64 { return in.read.n }
	}

	var out io.Writer = e.stdout
	var outFile *os.File
	if o.out != "-" {
		f, err := os.Create(o.out)
		if err != nil {
			fmt.Fprintf(e.stderr, "pwdigest convert: %v\n", err)
			return exitUsage
		}
		outFile, out = f, f
	}
	w := newRowWriter(out, o.format)

	var converted, skipped, noPassword, listed int64
	var readErr error
	interrupted := false
	// The reader runs on its own goroutine, so an interrupt stops the
	// conversion even while a read blocks (a pipe, a terminal).
	type item struct {
		u    *user
		read int64
		err  error
	}
	items := make(chan item, 256)
	go func() {
		defer close(items)
		for {
			u, err := r.next()
			select {
			case items <- item{u, read(), err}:
			case <-ctx.Done():
				return
			}
			if err != nil {
				return
			}
		}
	}()
loop:
	for {
		var it item
		select {
		case <-ctx.Done():
			interrupted = true
			break loop
		case it = <-items:
		}
		if it.err == io.EOF {
			break
		}
		if it.err != nil {
			readErr = it.err
			break
		}
		u := it.u
		bar.row()
		bar.offset(it.read)
		if u.skip != "" {
			skipped++
			if u.noPassword {
				noPassword++
			}
			if o.maxProblems == 0 || listed < int64(o.maxProblems) {
				listed++
				bar.clearLine()
				fmt.Fprintf(e.stderr, "pwdigest convert: %s: not converted: %s\n", where(name, u), clean(u.skip, 300))
			}
			continue
		}
		if err := w.write(u); err != nil {
			readErr = fmt.Errorf("writing: %w", err)
			break
		}
		converted++
	}
	bar.finish()
	werr := w.flush()
	if outFile != nil {
		if err := outFile.Close(); werr == nil {
			werr = err
		}
	}
	if werr != nil {
		fmt.Fprintf(e.stderr, "pwdigest convert: writing %s: %v\n", o.out, werr)
		return exitUsage
	}
	if more := skipped - listed; more > 0 {
		fmt.Fprintf(e.stderr, "pwdigest convert: ... and %s more not converted (--max-problems 0 lists all)\n", commas(more))
	}
	total := converted + skipped
	verb := "read"
	if interrupted {
		verb = "interrupted after"
	}
	msg := fmt.Sprintf("pwdigest convert: %s %s of %s (%s): %s converted, %s not",
		verb, plural(total, "user"), name, o.from, commas(converted), commas(skipped))
	if noPassword > 0 {
		msg += fmt.Sprintf(" (%s without a password)", commas(noPassword))
	}
	fmt.Fprintln(e.stderr, msg)
	switch {
	case readErr != nil:
		fmt.Fprintf(e.stderr, "pwdigest convert: %s: %v\n", name, readErr)
		return exitUsage
	case interrupted:
		fmt.Fprintln(e.stderr, "pwdigest convert: interrupted")
		return exitInterrupted
	case total == 0:
		fmt.Fprintf(e.stderr, "pwdigest convert: %s: no users\n", name)
		return exitNegative
	case skipped > 0:
		return exitNegative
	}
	return exitOK
}

// where names a user in a message: line and id.
func where(name string, u *user) string {
	s := name
	if u.line > 0 {
		s += fmt.Sprintf(": line %d", u.line)
	}
	if u.id != "" {
		s += ", id " + clean(u.id, 60)
	}
	return s
}

// rowWriter writes converted users as JSON Lines or CSV.
type rowWriter struct {
	bw     *bufio.Writer
	csv    *csv.Writer
	header bool
}

func newRowWriter(w io.Writer, format string) *rowWriter {
	rw := &rowWriter{bw: bufio.NewWriterSize(w, 64<<10)}
	if format == "csv" {
		rw.csv = csv.NewWriter(rw.bw)
	}
	return rw
}

func (w *rowWriter) write(u *user) error {
	if w.csv != nil {
		if !w.header {
			w.header = true
			if err := w.csv.Write([]string{"id", "email", "password_hasher", "password_digest"}); err != nil {
				return err
			}
		}
		return w.csv.Write([]string{u.id, u.email, u.hasher, u.digest})
	}
	type out struct {
		ID     string `json:"id"`
		Email  string `json:"email,omitempty"`
		Hasher string `json:"password_hasher"`
		Digest string `json:"password_digest"`
	}
	b := marshal(out{u.id, u.email, u.hasher, u.digest})
	b = append(b, '\n')
	_, err := w.bw.Write(b)
	return err
}

func (w *rowWriter) flush() error {
	if w.csv != nil {
		if !w.header {
			// No rows: still a CSV that check reads as "no rows".
			w.csv.Write([]string{"id", "email", "password_hasher", "password_digest"})
		}
		w.csv.Flush()
		if err := w.csv.Error(); err != nil {
			return err
		}
	}
	return w.bw.Flush()
}

// inputFormat picks a source's input format: --input-format, else the
// file's extension, else its first byte. wrapped says the source's JSON is
// one object holding the users ({"users": [...]}), so a first '{' is JSON,
// not JSON Lines.
func inputFormat(in *input, o *convertOptions, wrapped bool) (string, *bufio.Reader, error) {
	br := bufio.NewReaderSize(in.r, 64<<10)
	if o.inFormat != "" {
		return o.inFormat, br, nil
	}
	if in.name != "standard input" {
		if f, err := formatOf(in.name); err == nil {
			if f == "json" && !wrapped {
				// A .json file may hold JSON Lines (Auth0, dumpdata
				// --format jsonl): the first byte decides.
				if b, _ := firstByte(br); b == '{' {
					return "jsonl", br, nil
				}
			}
			return f, br, nil
		}
	}
	b, err := firstByte(br)
	switch {
	case err == io.EOF:
		return "jsonl", br, nil // empty: no users, whatever the format
	case err != nil:
		return "", nil, err
	case b == '[':
		return "json", br, nil
	case b == '{' && wrapped:
		return "json", br, nil
	case b == '{':
		return "jsonl", br, nil
	}
	return "csv", br, nil
}

// firstByte peeks at the first byte that is not white space or a BOM.
func firstByte(br *bufio.Reader) (byte, error) {
	for n := 1; n <= 4096; n++ {
		b, err := br.Peek(n)
		if len(b) < n {
			if err == nil {
				err = io.EOF
			}
			return 0, err
		}
		c := b[n-1]
		switch {
		case c == ' ' || c == '\t' || c == '\r' || c == '\n':
		case c == 0xef || c == 0xbb || c == 0xbf: // a UTF-8 byte order mark
		default:
			return c, nil
		}
	}
	return 0, errors.New("only white space in the first 4096 bytes")
}

// sameFile reports whether a and b name one existing file.
func sameFile(a, b string) bool {
	fa, err := os.Stat(a)
	if err != nil {
		return false
	}
	fb, err := os.Stat(b)
	return err == nil && os.SameFile(fa, fb)
}
