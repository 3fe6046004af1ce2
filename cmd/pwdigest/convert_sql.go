package main

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"io"
	"net/url"
	"strings"

	_ "github.com/go-sql-driver/mysql" // "mysql"
	_ "github.com/jackc/pgx/v5/stdlib" // "pgx"
	_ "modernc.org/sqlite"             // "sqlite", pure Go
)

// sqlSource is a product's users table: its default query and the names
// the id, email and password columns may have (in --query's result too).
type sqlSource struct {
	query     map[string]string // by driver; "" for any
	ids       []string
	emails    []string
	passwords []string
	conv      func(u *user, password string)
}

var (
	djangoSQL = &sqlSource{
		query: map[string]string{"": "SELECT id, email, password FROM auth_user ORDER BY id"},
		ids:   []string{"id"}, emails: []string{"email"}, passwords: []string{"password"}, conv: djangoConvert,
	}
	// wp_ is WordPress's default table prefix; --query for another.
	wordpressSQL = &sqlSource{
		query: map[string]string{"": "SELECT ID, user_email, user_pass FROM wp_users ORDER BY ID"},
		ids:   []string{"id"}, emails: []string{"user_email"}, passwords: []string{"user_pass"}, conv: wordpressConvert,
	}
	supabaseSQL = &sqlSource{
		query: map[string]string{"": "SELECT id, email, encrypted_password FROM auth.users ORDER BY created_at, id"},
		ids:   []string{"id"}, emails: []string{"email"}, passwords: []string{"encrypted_password"}, conv: supabaseConvert,
	}
)

// parseDSN picks the driver from the DSN's form and returns what
// sql.Open takes, opened read-only where the driver has a switch for it.
func parseDSN(dsn string) (driver, conn, name string, err error) {
	switch {
	case strings.HasPrefix(dsn, "postgres://"), strings.HasPrefix(dsn, "postgresql://"):
		u, err := url.Parse(dsn)
		if err != nil {
			return "", "", "", fmt.Errorf("--dsn: %v", redactErr(err, dsn))
		}
		return "pgx", dsn, "postgres " + u.Host + u.Path, nil
	case strings.Contains(dsn, "host=") || strings.Contains(dsn, "dbname="):
		return "pgx", dsn, "postgres", nil
	case strings.HasPrefix(dsn, "mysql://"):
		conn := strings.TrimPrefix(dsn, "mysql://")
		at := strings.LastIndexByte(conn, '@')
		return "mysql", conn, "mysql " + conn[at+1:], nil
	case strings.HasPrefix(dsn, "sqlite:"), strings.HasPrefix(dsn, "file:"):
		path := strings.TrimPrefix(strings.TrimPrefix(dsn, "sqlite:"), "file:")
		path, query, _ := strings.Cut(path, "?")
		if path == "" {
			return "", "", "", errors.New("--dsn sqlite: wants a path (sqlite:db.sqlite3)")
		}
		q, err := url.ParseQuery(query)
		if err != nil {
			return "", "", "", fmt.Errorf("--dsn: %v", err)
		}
		// Read-only twice over: the file is opened read-only, and the
		// connection refuses writes.
		q.Set("mode", "ro")
		q.Add("_pragma", "query_only(1)")
		return "sqlite", "file:" + path + "?" + q.Encode(), "sqlite " + path, nil
	}
	return "", "", "", errors.New("--dsn: want postgres://..., host=... dbname=..., mysql://user:pass@tcp(host:port)/db or sqlite:path")
}

// redactErr keeps a password in the DSN out of an error message.
func redactErr(err error, dsn string) error {
	msg := err.Error()
	if pw := dsnPassword(dsn); pw != "" {
		msg = strings.ReplaceAll(msg, pw, "xxxxx")
	}
	return errors.New(msg)
}

// dsnPassword finds the password of a DSN: "scheme://user:pass@...",
// MySQL's "user:pass@tcp(...)/db", or "password=..." of a key=value DSN.
func dsnPassword(dsn string) string {
	for _, f := range strings.Fields(dsn) {
		if v, ok := strings.CutPrefix(f, "password="); ok {
			return strings.Trim(v, "'")
		}
	}
	rest := dsn
	if i := strings.Index(rest, "://"); i >= 0 {
		rest = rest[i+3:]
	}
	at := strings.LastIndexByte(rest, '@')
	if at < 0 {
		return ""
	}
	_, pw, ok := strings.Cut(rest[:at], ":")
	if !ok {
		return ""
	}
	if u, err := url.PathUnescape(pw); err == nil {
		pw = u
	}
	return pw
}

// sqlUsers reads users from a query's rows, streamed.
type sqlUsers struct {
	db                  *sql.DB
	tx                  *sql.Tx
	rows                *sql.Rows
	id, email, password int
	vals                []sql.NullString
	ptrs                []any
	conv                func(*user, string)
	n                   int
	name                string
	dsn                 string
}

func openSQL(ctx context.Context, src *sqlSource, dsn, query string) (*sqlUsers, error) {
	driver, conn, name, err := parseDSN(dsn)
	if err != nil {
		return nil, err
	}
	if query == "" {
		query = src.query[driver]
		if query == "" {
			query = src.query[""]
		}
	}
	db, err := sql.Open(driver, conn)
	if err != nil {
		return nil, fmt.Errorf("%s: %v", name, redactErr(err, dsn))
	}
	s := &sqlUsers{db: db, conv: src.conv, name: name, dsn: dsn}
	fail := func(err error) (*sqlUsers, error) {
		s.close()
		return nil, fmt.Errorf("%s: %v", name, redactErr(err, dsn))
	}
	if driver == "sqlite" {
		// database/sql's ReadOnly option is not the driver's: the DSN
		// made the connection read-only.
		s.tx, err = db.BeginTx(ctx, nil)
	} else {
		// BEGIN READ ONLY (PostgreSQL), START TRANSACTION READ ONLY
		// (MySQL, MariaDB): the query cannot write.
		s.tx, err = db.BeginTx(ctx, &sql.TxOptions{ReadOnly: true})
	}
	if err != nil {
		return fail(err)
	}
	s.rows, err = s.tx.QueryContext(ctx, query)
	if err != nil {
		return fail(err)
	}
	cols, err := s.rows.Columns()
	if err != nil {
		return fail(err)
	}
	index := func(names []string) int {
		for _, n := range names {
			for i, c := range cols {
				if strings.EqualFold(c, n) {
					return i
				}
			}
		}
		return -1
	}
	s.id, s.email, s.password = index(src.ids), index(src.emails), index(src.passwords)
	if s.password < 0 {
		s.close()
		return nil, fmt.Errorf("%s: the query has no %s column (it has: %s)", name,
			strings.Join(src.passwords, " or "), strings.Join(cols, ", "))
	}
	s.vals = make([]sql.NullString, len(cols))
	s.ptrs = make([]any, len(cols))
	for i := range s.vals {
		s.ptrs[i] = &s.vals[i]
	}
	return s, nil
}

func (s *sqlUsers) next() (*user, error) {
	if !s.rows.Next() {
		if err := s.rows.Err(); err != nil {
			return nil, redactErr(err, s.dsn)
		}
		return nil, io.EOF
	}
	s.n++
	if err := s.rows.Scan(s.ptrs...); err != nil {
		return nil, redactErr(err, s.dsn)
	}
	u := &user{} // a row has no line; the id names it
	get := func(i int) string {
		if i < 0 {
			return ""
		}
		return s.vals[i].String
	}
	u.id, u.email = get(s.id), get(s.email)
	s.conv(u, get(s.password))
	return u, nil
}

func (s *sqlUsers) close() {
	if s.rows != nil {
		s.rows.Close()
	}
	if s.tx != nil {
		s.tx.Rollback() // read only: nothing to keep
	}
	s.db.Close()
}
