package main

import (
	"bufio"
	"database/sql"
	"encoding/csv"
	"encoding/json"
	"fmt"
	"os"
	"os/exec"
	osuser "os/user"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// The --dsn tests load the real exports of testdata/convert (Django's
// auth_user, WordPress's wp_users, Supabase's auth.users) into real
// databases, started here on private sockets and stopped afterwards:
// SQLite (pure Go, always), PostgreSQL 15 and MariaDB (skipped, saying
// why, only where their binaries are missing). Then convert --dsn must
// give the rows the files give, and refuse to write.

// sqlTable is a fixture CSV loaded into a table.
type sqlTable struct {
	source, csvPath, table string
	pgTable                string // PostgreSQL's name, if another (auth.users)
	cols                   []string
	want                   map[string]string
	skipped                int
}

var sqlTables = []sqlTable{
	{source: "django", csvPath: "testdata/convert/django/auth_user.csv", table: "auth_user",
		cols: []string{"id", "password", "username", "email"}, want: djangoWant, skipped: 1},
	{source: "wordpress", csvPath: "testdata/convert/wordpress/wp_users.csv", table: "wp_users",
		cols: []string{"ID", "user_login", "user_pass", "user_email"},
		want: map[string]string{"1": "phpass", "2": "bcrypt_sha384_wordpress", "3": "bcrypt", "4": "md5"}, skipped: 1},
	{source: "supabase", csvPath: "testdata/convert/supabase/auth_users.csv", table: "users", pgTable: "auth.users",
		cols:    []string{"id", "email", "encrypted_password", "created_at"},
		want:    map[string]string{"0b7a3c2e-3f4d-4e5a-9b6c-7d8e9f0a1b21": "bcrypt", "0b7a3c2e-3f4d-4e5a-9b6c-7d8e9f0a1b22": "bcrypt"},
		skipped: 1},
}

// load creates the table with text columns (the products' own types do
// not matter to a SELECT of these columns) and inserts the CSV's rows.
func (tb *sqlTable) load(t *testing.T, db *sql.DB, dialect string) {
	f, err := os.Open(tb.csvPath)
	require.NoError(t, err)
	defer f.Close()
	r := csv.NewReader(f)
	header, err := r.Read()
	require.NoError(t, err)
	idx := make([]int, len(tb.cols))
	for i, c := range tb.cols {
		idx[i] = -1
		for j, h := range header {
			if strings.EqualFold(h, c) {
				idx[i] = j
			}
		}
		require.GreaterOrEqual(t, idx[i], 0, "%s has no %s", tb.csvPath, c)
	}
	name := tb.table
	if dialect == "postgres" && tb.pgTable != "" {
		name = tb.pgTable
		_, err := db.Exec("CREATE SCHEMA IF NOT EXISTS auth")
		require.NoError(t, err)
	}
	var defs, marks []string
	for i, c := range tb.cols {
		defs = append(defs, c+" VARCHAR(255)")
		if dialect == "postgres" {
			marks = append(marks, "$"+strconv.Itoa(i+1))
		} else {
			marks = append(marks, "?")
		}
	}
	_, err = db.Exec(fmt.Sprintf("CREATE TABLE %s (%s)", name, strings.Join(defs, ", ")))
	require.NoError(t, err)
	for {
		rec, err := r.Read()
		if err != nil {
			break
		}
		vals := make([]any, len(idx))
		for i, j := range idx {
			vals[i] = rec[j]
		}
		_, err = db.Exec(fmt.Sprintf("INSERT INTO %s (%s) VALUES (%s)", name, strings.Join(tb.cols, ", "), strings.Join(marks, ", ")), vals...)
		require.NoError(t, err)
	}
}

// checkDSN runs convert --dsn for each table and compares with the file's
// rows; then a query that writes must fail and leave the table as it was.
func checkDSN(t *testing.T, db *sql.DB, dsn, dialect string) {
	for _, tb := range sqlTables {
		if tb.source == "supabase" && dialect != "postgres" {
			continue // Supabase is PostgreSQL
		}
		t.Run(tb.source, func(t *testing.T) {
			code, out, errs := runCommand(t, "convert", "--from", tb.source, "--dsn", dsn)
			require.Equal(t, exitNegative, code, errs) // one user without a password
			assert.Contains(t, errs, fmt.Sprintf("%s converted, %d not", commas(int64(len(tb.want))), tb.skipped))
			got := map[string]string{}
			sc := bufio.NewScanner(strings.NewReader(out))
			for sc.Scan() {
				var r convertedRow
				require.NoError(t, json.Unmarshal(sc.Bytes(), &r))
				got[r.ID] = r.Hasher
			}
			assert.Equal(t, tb.want, got)
		})
	}
	t.Run("read-only", func(t *testing.T) {
		var n int
		require.NoError(t, db.QueryRow("SELECT COUNT(*) FROM auth_user").Scan(&n))
		// PostgreSQL, SQLite and MariaDB (10.0.5+) have DELETE ... RETURNING.
		query := "DELETE FROM auth_user RETURNING id, password"
		code, _, errs := runCommand(t, "convert", "--from", "django", "--dsn", dsn, "--query", query)
		assert.Equal(t, exitUsage, code, errs)
		assert.Regexp(t, `read.only|READ ONLY|readonly`, errs)
		var after int
		require.NoError(t, db.QueryRow("SELECT COUNT(*) FROM auth_user").Scan(&after))
		assert.Equal(t, n, after, "the table changed")
	})
	t.Run("query", func(t *testing.T) {
		code, out, errs := runCommand(t, "convert", "--from", "django", "--dsn", dsn,
			"--query", "SELECT id, password FROM auth_user WHERE id = '1'")
		require.Equal(t, exitOK, code, errs)
		assert.Contains(t, out, `"id":"1",`)
		assert.Contains(t, out, `"password_hasher":"pbkdf2_sha256_django"`)
		code, _, errs = runCommand(t, "convert", "--from", "django", "--dsn", dsn, "--query", "SELECT id FROM auth_user")
		assert.Equal(t, exitUsage, code)
		assert.Contains(t, errs, "the query has no password column (it has: id)")
	})
}

func TestConvertDSNSQLite(t *testing.T) {
	path := filepath.Join(t.TempDir(), "db.sqlite3")
	db, err := sql.Open("sqlite", path)
	require.NoError(t, err)
	defer db.Close()
	for _, tb := range sqlTables {
		tb.load(t, db, "sqlite")
	}
	checkDSN(t, db, "sqlite:"+path, "sqlite")
}

func TestConvertDSNPostgres(t *testing.T) {
	bin := "/usr/lib/postgresql/15/bin"
	if out, err := exec.Command("pg_config", "--bindir").Output(); err == nil {
		bin = strings.TrimSpace(string(out))
	}
	if _, err := os.Stat(filepath.Join(bin, "initdb")); err != nil {
		t.Skipf("PostgreSQL is not installed (no %s/initdb): apt-get install -y postgresql", bin)
	}
	// initdb and postgres refuse to run as root: run them as postgres.
	var asUser []string
	dir, err := os.MkdirTemp("", "pwdigest-pg-")
	require.NoError(t, err)
	t.Cleanup(func() { os.RemoveAll(dir) })
	if os.Geteuid() == 0 {
		u, err := osuser.Lookup("postgres")
		if err != nil {
			t.Skip("running as root and there is no postgres user to run PostgreSQL as")
		}
		uid, _ := strconv.Atoi(u.Uid)
		gid, _ := strconv.Atoi(u.Gid)
		require.NoError(t, os.Chown(dir, uid, gid))
		asUser = []string{"runuser", "-u", "postgres", "--"}
	}
	run := func(name string, args ...string) {
		full := append(append([]string{}, asUser...), append([]string{filepath.Join(bin, name)}, args...)...)
		c := exec.Command(full[0], full[1:]...)
		out, err := c.CombinedOutput()
		require.NoError(t, err, "%s: %s", name, out)
	}
	data := filepath.Join(dir, "data")
	run("initdb", "-D", data, "-U", "postgres", "--auth=trust", "-E", "UTF8", "--no-sync")
	run("pg_ctl", "-D", data, "-w", "-t", "60", "-l", filepath.Join(dir, "log"),
		"-o", "-k "+dir+" -c listen_addresses='' -c fsync=off", "start")
	t.Cleanup(func() {
		full := append(append([]string{}, asUser...), filepath.Join(bin, "pg_ctl"), "-D", data, "-m", "immediate", "stop")
		exec.Command(full[0], full[1:]...).Run()
	})
	dsn := "host=" + dir + " user=postgres dbname=postgres sslmode=disable"
	db, err := sql.Open("pgx", dsn)
	require.NoError(t, err)
	defer db.Close()
	for _, tb := range sqlTables {
		tb.load(t, db, "postgres")
	}
	checkDSN(t, db, dsn, "postgres")
	// The URL form too.
	code, _, errs := runCommand(t, "convert", "--from", "supabase", "--dsn",
		"postgres://postgres@/postgres?host="+dir+"&sslmode=disable")
	assert.Equal(t, exitNegative, code, errs)
	assert.Contains(t, errs, "2 converted, 1 not")
}

func TestConvertDSNMariaDB(t *testing.T) {
	mysqld, err := exec.LookPath("mariadbd")
	if err != nil {
		mysqld = "/usr/sbin/mysqld"
	}
	installDB, err := exec.LookPath("mariadb-install-db")
	if _, serr := os.Stat(mysqld); serr != nil || err != nil {
		t.Skip("MariaDB is not installed (no mariadbd or mariadb-install-db): apt-get install -y mariadb-server")
	}
	dir, err := os.MkdirTemp("", "pwdigest-my-")
	require.NoError(t, err)
	t.Cleanup(func() { os.RemoveAll(dir) })
	data, sock := filepath.Join(dir, "data"), filepath.Join(dir, "sock")
	userArgs := []string{}
	if os.Geteuid() == 0 {
		userArgs = []string{"--user=root"}
	}
	args := append([]string{"--no-defaults", "--datadir=" + data, "--auth-root-authentication-method=normal",
		"--skip-test-db"}, userArgs...)
	out, err := exec.Command(installDB, args...).CombinedOutput()
	require.NoError(t, err, "mariadb-install-db: %s", out)
	srv := exec.Command(mysqld, append([]string{"--no-defaults", "--datadir=" + data, "--socket=" + sock,
		"--skip-networking", "--pid-file=" + filepath.Join(dir, "pid"), "--log-error=" + filepath.Join(dir, "log"),
		"--innodb-buffer-pool-size=16M"}, userArgs...)...)
	require.NoError(t, srv.Start())
	t.Cleanup(func() {
		srv.Process.Kill()
		srv.Wait()
	})
	dsn := "mysql://root@unix(" + sock + ")/pwdigest"
	var db *sql.DB
	for deadline := time.Now().Add(60 * time.Second); ; {
		root, err := sql.Open("mysql", "root@unix("+sock+")/")
		require.NoError(t, err)
		if err = root.Ping(); err == nil {
			_, err = root.Exec("CREATE DATABASE pwdigest")
			root.Close()
			require.NoError(t, err)
			break
		}
		root.Close()
		if time.Now().After(deadline) {
			log, _ := os.ReadFile(filepath.Join(dir, "log"))
			t.Fatalf("MariaDB did not start: %v\n%s", err, log)
		}
		time.Sleep(200 * time.Millisecond)
	}
	db, err = sql.Open("mysql", "root@unix("+sock+")/pwdigest")
	require.NoError(t, err)
	defer db.Close()
	for _, tb := range sqlTables {
		if tb.source != "supabase" {
			tb.load(t, db, "mysql")
		}
	}
	checkDSN(t, db, dsn, "mysql")
}
