package main

import (
	"bufio"
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
	"time"

	"github.com/pwdigest/pwdigest"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// sampleWant is the summary of testdata/sample-export.jsonl per hasher, as
// cmd/pwdigest/testdata/make-sample.py built it (see the comment on each
// add there). The policy floors that decide "needs rehash" are the
// package's defaults: bcrypt cost 12 (wordpress too), PBKDF2-SHA256
// 1,200,000, PBKDF2-SHA1 1,300,000 and PBKDF2-SHA512 210,000 iterations
// (werkzeug_pbkdf2 and the passlib ones too, by their hash), phpass 2^13,
// argon2 m=19456 KiB t=2 v=19, sha256_crypt and sha512_crypt 656,000
// rounds; insecure hashers always need a rehash.
var sampleWant = map[string]counts{
	// argon2 v=16 m=128 (verified).
	"argon2_django": {Rows: 1, OK: 1, Rehash: 1, Verified: 1},
	// argon2-cffi's m=65536 t=1.
	"argon2d": {Rows: 1, OK: 1, Rehash: 1},
	// $argon2i$ m=19456,t=2: at the floor.
	"argon2i": {Rows: 1, OK: 1},
	// argon2-cffi's and PHP's defaults, and the 4 GiB one over the limit.
	"argon2id": {Rows: 3, OK: 2, OutOfRange: 1},
	// $2b$12, $2y$10 (rehash, its password verified), $2a$12, $2x$05
	// (rehash, verified), a truncated one, $2b$10 (rehash), and the row
	// with no hasher that is a $2b$12.
	"bcrypt":               {Rows: 7, OK: 5, Malformed: 1, Unknown: 1, Rehash: 3, Verified: 2},
	"bcrypt_sha256_django": {Rows: 1, OK: 1},
	// letmein (verified) and another.
	"md5": {Rows: 2, OK: 2, Insecure: 2, Rehash: 2, Verified: 1},
	// Verified.
	"md5_crypt":  {Rows: 1, OK: 1, Insecure: 1, Rehash: 1, Verified: 1},
	"md5_django": {Rows: 1, OK: 1, Insecure: 1, Rehash: 1},
	// Django's 260000 (rehash) and 1,300,000 in hex.
	// ... and PHP's 2000 in Clerk's key-length form (rehash).
	"pbkdf2_sha1": {Rows: 3, OK: 3, Rehash: 2},
	// Keycloak at 27500 and 600000: both below 1,200,000.
	"pbkdf2_sha256": {Rows: 2, OK: 2, Rehash: 2},
	// Django 3.2's 260000 (verified), 1,200,000, and the row with an empty
	// hasher whose digest is Django's 260000.
	"pbkdf2_sha256_django": {Rows: 3, OK: 2, Unknown: 1, Rehash: 2, Verified: 1},
	// 29000.
	"pbkdf2_sha256_passlib": {Rows: 1, OK: 1, Rehash: 1},
	"pbkdf2_sha512":         {Rows: 1, OK: 1},
	// 29000.
	"pbkdf2_sha512_passlib": {Rows: 1, OK: 1, Rehash: 1},
	// WordPress $P$B (verified) and phpBB $H$9 (2^11: rehash).
	"phpass":          {Rows: 2, OK: 2, Rehash: 1, Verified: 1},
	"scrypt_firebase": {Rows: 1, OK: 1},
	"scrypt_werkzeug": {Rows: 1, OK: 1},
	"sha1_django":     {Rows: 1, OK: 1, Insecure: 1, Rehash: 1},
	// One with a wrong test password.
	"sha256": {Rows: 2, OK: 1, Insecure: 2, Rehash: 2, Failed: 1},
	// glibc's default 5000 rounds (verified).
	"sha256_crypt": {Rows: 1, OK: 1, Rehash: 1, Verified: 1},
	// passlib's 656,000 rounds: at the floor.
	"sha512_crypt": {Rows: 1, OK: 1},
	// Werkzeug 2.2's 260000.
	"werkzeug_pbkdf2": {Rows: 1, OK: 1, Rehash: 1},
	// WordPress 6.8's cost 10.
	"wordpress": {Rows: 1, OK: 1, Rehash: 1},
	// Appended later, from testdata/vectors: Django 4.2's bcrypt (cost 5),
	// passlib's bcrypt_sha256 (cost 5), Drupal 7 ($S$5: 2^7 rounds, below
	// the policy's), Django 4.2's and passlib's scrypt (N = 16384).
	"bcrypt_django":         {Rows: 1, OK: 1, Rehash: 1},
	"bcrypt_sha256_passlib": {Rows: 1, OK: 1, Rehash: 1},
	"drupal7":               {Rows: 1, OK: 1, Rehash: 1},
	"scrypt_django":         {Rows: 1, OK: 1, Rehash: 1},
	"scrypt_passlib":        {Rows: 1, OK: 1, Rehash: 1},
	// A home-grown md5 recipe: insecure.
	"recipe":                     {Rows: 1, OK: 1, Insecure: 1, Rehash: 1},
	"auth0_custom_password_hash": {Rows: 1, OK: 1, Insecure: 1, Rehash: 1},
	"okta_password_hash":         {Rows: 1, OK: 1, Insecure: 1, Rehash: 1},
	"firebase_import":            {Rows: 1, OK: 1, Insecure: 1, Rehash: 1},
	// Issue 13's (make-sample.py's last rows): the one-round LDAP schemes,
	// ASP.NET v2 and Membership are insecure; slappasswd's {CRYPT}$6$ at
	// 5000 rounds, pw-pbkdf2's and Atlassian's 10000 iterations, ASP.NET
	// Core 7's 100,000 HMAC-SHA512 iterations and Spring's {bcrypt} cost 10
	// are below the default policy.
	"ldap_ssha":              {Rows: 1, OK: 1, Insecure: 1, Rehash: 1},
	"ldap_ssha256":           {Rows: 1, OK: 1, Insecure: 1, Rehash: 1},
	"ldap_ssha512":           {Rows: 1, OK: 1, Insecure: 1, Rehash: 1},
	"ldap_smd5":              {Rows: 1, OK: 1, Insecure: 1, Rehash: 1},
	"ldap_sha":               {Rows: 1, OK: 1, Insecure: 1, Rehash: 1},
	"ldap_md5":               {Rows: 1, OK: 1, Insecure: 1, Rehash: 1},
	"ldap_crypt":             {Rows: 1, OK: 1, Rehash: 1},
	"ldap_pbkdf2_sha1":       {Rows: 1, OK: 1, Rehash: 1},
	"ldap_pbkdf2_sha256":     {Rows: 1, OK: 1, Rehash: 1},
	"ldap_pbkdf2_sha512":     {Rows: 1, OK: 1, Rehash: 1},
	"atlassian_pbkdf2_sha1":  {Rows: 1, OK: 1, Rehash: 1},
	"aspnet_identity_v2":     {Rows: 1, OK: 1, Insecure: 1, Rehash: 1},
	"aspnet_identity_v3":     {Rows: 1, OK: 1, Rehash: 1},
	"aspnet_membership_sha1": {Rows: 1, OK: 1, Insecure: 1, Rehash: 1},
	"spring_delegating":      {Rows: 1, OK: 1, Rehash: 1},
	// "md6".
	groupUnknown: {Rows: 1, Unknown: 1},
	// Clerk's newer names, the rows added last: Devise at cost 10, WordPress
	// class-phpass.php (verified), PHP's PBKDF2 at Keycloak's 27500, PHP's
	// salted hashes, ASP.NET Membership via Mono (verified), Symfony, and
	// an awscognito row (its shape only: no password to send to Cognito).
	"bcrypt_peppered":       {Rows: 1, OK: 1, Rehash: 1},
	"md5_phpass":            {Rows: 1, OK: 1, Verified: 1},
	"pbkdf2_sha512_hex":     {Rows: 1, OK: 1, Rehash: 1},
	"md5_salted":            {Rows: 1, OK: 1, Insecure: 1, Rehash: 1},
	"sha256_salted":         {Rows: 1, OK: 1, Insecure: 1, Rehash: 1},
	"hmac_sha256_utf16_b64": {Rows: 1, OK: 1, Insecure: 1, Rehash: 1, Verified: 1},
	"sha512_symfony":        {Rows: 1, OK: 1, Insecure: 1, Rehash: 1},
	"awscognito":            {Rows: 1, OK: 1, Insecure: 1, Rehash: 1},
	// The line cut short.
	groupBadRow: {Rows: 1, Malformed: 1},
	// Added with issue 13: Debian's yescrypt j9T (verified), libxcrypt's
	// $7$ default, and four insecure ones (verified): Django's crypt$$,
	// htpasswd's $apr1$, MariaDB's PASSWORD(), libxcrypt's bigcrypt;
	// PostgreSQL's SCRAM at its 4096 (verified).
	"yescrypt":              {Rows: 1, OK: 1, Verified: 1},
	"scrypt_crypt":          {Rows: 1, OK: 1},
	"des_crypt":             {Rows: 1, OK: 1, Insecure: 1, Rehash: 1, Verified: 1},
	"apr1_md5_crypt":        {Rows: 1, OK: 1, Insecure: 1, Rehash: 1, Verified: 1},
	"mysql_native":          {Rows: 1, OK: 1, Insecure: 1, Rehash: 1, Verified: 1},
	"postgres_scram_sha256": {Rows: 1, OK: 1, Verified: 1},
	"bigcrypt":              {Rows: 1, OK: 1, Insecure: 1, Rehash: 1, Verified: 1},
}

// runCheckJSON runs check --json on path and decodes the report.
func runCheckJSON(t *testing.T, path string, args ...string) (jsonReport, int) {
	t.Helper()
	var out, errOut bytes.Buffer
	e := &env{stdin: strings.NewReader(""), stdout: &out, stderr: &errOut}
	code := run(e, append(append([]string{"check", "--json"}, args...), path))
	var rep jsonReport
	require.NoError(t, json.Unmarshal(out.Bytes(), &rep), "stdout: %s\nstderr: %s", out.String(), errOut.String())
	return rep, code
}

type jsonReport struct {
	Input    string    `json:"input"`
	Format   string    `json:"format"`
	Problems []problem `json:"problems"`
	Hashers  []counts  `json:"hashers"`
	Total    counts    `json:"total"`
	Rows     int64     `json:"rows"`
	Usable   int64     `json:"usable"`
	Count    int64     `json:"problem_count"`
	Interr   bool      `json:"interrupted"`
	Error    string    `json:"error"`
}

func (r *jsonReport) byHasher() map[string]counts {
	m := map[string]counts{}
	for _, c := range r.Hashers {
		h := c.Hasher
		c.Hasher = ""
		m[h] = c
	}
	return m
}

func sumCounts(m map[string]counts) counts {
	var t counts
	for _, c := range m {
		t.Rows += c.Rows
		t.OK += c.OK
		t.Malformed += c.Malformed
		t.OutOfRange += c.OutOfRange
		t.Unknown += c.Unknown
		t.Insecure += c.Insecure
		t.Rehash += c.Rehash
		t.Verified += c.Verified
		t.Failed += c.Failed
	}
	return t
}

func TestSampleSummary(t *testing.T) {
	noBadRow := map[string]counts{}
	for k, v := range sampleWant {
		if k != groupBadRow {
			noBadRow[k] = v
		}
	}
	for _, tc := range []struct {
		path string
		want map[string]counts
	}{
		{"../../testdata/sample-export.jsonl", sampleWant},
		{"../../testdata/sample-export.csv", sampleWant},
		// The JSON array has every row but the broken line.
		{"testdata/sample-export.json", noBadRow},
	} {
		t.Run(filepath.Base(tc.path), func(t *testing.T) {
			rep, code := runCheckJSON(t, tc.path)
			assert.Equal(t, exitNegative, code)
			assert.Equal(t, tc.want, rep.byHasher())
			assert.Equal(t, sumCounts(tc.want), rep.Total)
			assert.Equal(t, rep.Total.Rows-rep.Total.OK, rep.Count)
			assert.Len(t, rep.Problems, int(rep.Count))
			assert.False(t, rep.Interr)
			assert.Empty(t, rep.Error)
		})
	}
}

// TestSampleCoversEveryHasher: the README's sample shows every registered
// hasher. A new hasher needs rows in make-sample.py.
func TestSampleCoversEveryHasher(t *testing.T) {
	f, err := os.Open("../../testdata/sample-export.jsonl")
	require.NoError(t, err)
	defer f.Close()
	seen := map[string]bool{}
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		var r struct {
			Hasher string `json:"password_hasher"`
		}
		if json.Unmarshal(sc.Bytes(), &r) == nil {
			// Some rows carry an old name (an alias): count its hasher.
			if h, err := pwdigest.Lookup(r.Hasher); err == nil {
				seen[h.Name()] = true
			}
		}
	}
	require.NoError(t, sc.Err())
	for _, h := range pwdigest.Hashers() {
		assert.True(t, seen[h], "no row of hasher %s in the sample", h)
	}
}

func TestReadPassword(t *testing.T) {
	for _, tc := range []struct {
		in, want string
		err      bool
	}{
		{in: "hunter2\n", want: "hunter2"},
		{in: "hunter2\r\n", want: "hunter2"},
		{in: "hunter2", want: "hunter2"},
		{in: " two  spaces \n", want: " two  spaces "},
		{in: "first\nsecond\n", want: "first"},
		{in: "\n", want: ""},
		{in: "", err: true},
		{in: strings.Repeat("x", maxPasswordLine+1) + "\n", err: true},
		{in: strings.Repeat("x", maxPasswordLine) + "\n", want: strings.Repeat("x", maxPasswordLine)},
	} {
		got, err := readPassword(&env{stdin: strings.NewReader(tc.in)}, false)
		if tc.err {
			assert.Error(t, err, "%.20q", tc.in)
			continue
		}
		assert.NoError(t, err, "%.20q", tc.in)
		assert.Equal(t, tc.want, got, "%.20q", tc.in)
	}
}

func TestShortDigest(t *testing.T) {
	for _, tc := range []struct{ in, want string }{
		{"$2b$12$abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0", "$2b$12$abcd…"},
		{"0d107d09f5bbe40cade3de5c71e9e9b7", "0d107d09…"},
		{"pbkdf2_sha256$260000$JNYkjguz0bz3eME4xPchWn$FIWh=", "pbkdf2_sha256$260000$JNYk…"},
		{"$argon2id$v=19$m=65536,t=4,p=1$VWF6U2xtdzF5SGVBRTZQLg$2LPx", "$argon2id$v=19$m=65536,t=4,p=1$VWF6…"},
		{"short", "short"},
		{"123456789", "123456789"},
		{"", ""},
		{"$$$$$$$$$$$$$$$$$$$$$$$$$$$$$$$$$$$$$$$$$$$$", "$$$$$$$$$$$$$$$$$$$$$$$$$$$$$$$$$$$$$$$$…"},
		{"\x1b[2J0123456789abcdef", "?[2J0123…"},
		{"ééééééééé", "éééé…"}, // cut on a rune boundary
	} {
		assert.Equal(t, tc.want, shortDigest(tc.in), "%q", tc.in)
	}
}

func TestCommas(t *testing.T) {
	for n, want := range map[int64]string{0: "0", 7: "7", 999: "999", 1000: "1,000", 22222: "22,222",
		1000000: "1,000,000", 123456789: "123,456,789"} {
		assert.Equal(t, want, commas(n))
	}
}

// TestParseObject: the fast scan and encoding/json agree, and the fast
// scan takes the common rows.
func TestParseObject(t *testing.T) {
	n := &fieldNames{ids: []string{"id", "external_id"}, digest: "d", hasher: "h", password: "p"}
	for _, tc := range []struct {
		in   string
		want fields
		fast bool // the fast scan handles it
		err  string
	}{
		{in: `{"id": "u1", "d": "x", "h": "md5"}`, fast: true,
			want: fields{id: "u1", idRank: 1, digest: "x", hasDigest: true, hasher: "md5", hasHasher: true}},
		{in: ` { "external_id" : 7 , "d":"x","p":"pw" , "n": [1]} `,
			want: fields{id: "7", idRank: 2, digest: "x", hasDigest: true, password: "pw", hasPassword: true}},
		{in: `{"external_id": 7, "id": -1.5e3}`, fast: true, want: fields{id: "-1.5e3", idRank: 1}},
		{in: `{"id": null, "external_id": "e"}`, fast: true, want: fields{id: "e", idRank: 2}},
		{in: `{"d": null, "h": 5, "p": true}`, fast: true, want: fields{notString: fieldHasher | fieldPassword}},
		{in: `{"d": "a\"b", "h": "\u006dd5"}`, want: fields{digest: `a"b`, hasDigest: true, hasher: "md5", hasHasher: true}},
		{in: `{"d": "first", "d": "last"}`, want: fields{digest: "last", hasDigest: true}},
		{in: `{"d": "Zoë"}`, fast: true, want: fields{digest: "Zoë", hasDigest: true}},
		{in: "{\"d\": \"\xff\"}", want: fields{digest: "\ufffd", hasDigest: true}},
		{in: `{}`, fast: true},
		{in: `{"d": "x",}`, err: "bad JSON: invalid character '}'"},
		{in: `{"d": "x"`, err: "bad JSON: unexpected end of JSON input"},
		{in: `{"d": 01}`, err: "bad JSON: invalid character '1' after object key:value pair"},
		{in: "{\"d\": \"a\tb\"}", err: "bad JSON: invalid character '\\t' in string literal"},
		{in: `[]`, err: "bad row: not a JSON object"},
		{in: `"str"`, err: "bad row: not a JSON object"},
		{in: `null`, err: "bad row: not a JSON object"},
		{in: `{"a": 1} x`, err: "bad JSON: invalid character 'x' after top-level value"},
		{in: ``, err: "bad JSON: unexpected end of JSON input"},
	} {
		var f fields
		err := parseObject(tc.in, n, &f)
		if tc.err != "" {
			if assert.Error(t, err, "%q", tc.in) {
				assert.Contains(t, err.Error(), tc.err, "%q", tc.in)
			}
			continue
		}
		require.NoError(t, err, "%q", tc.in)
		assert.Equal(t, tc.want, f, "%q", tc.in)
		var fast fields
		assert.Equal(t, tc.fast, scanObject(tc.in, n, &fast), "fast path for %q", tc.in)
	}
}

// FuzzParseObject: whenever the fast scan accepts a line, encoding/json
// accepts it too and extracts the same fields.
func FuzzParseObject(f *testing.F) {
	for _, s := range []string{
		`{"id": "u1", "password_digest": "$2b$12$x", "password_hasher": "bcrypt"}`,
		`{"external_id": 12, "password_digest": null, "password": "pw", "x": true, "y": false}`,
		`{"id": -0.5e-7, "id": 1}`, `{"a":{"b":[1,2]}}`, `{"password_digest": "\u0041"}`,
		`{ }`, `{"x": 1}}`, `[1]`, `{"id": 1e}`, `{"id": 01}`, `{"id": tru}`,
	} {
		f.Add(s)
	}
	n := &fieldNames{ids: []string{"id", "external_id"}, digest: "password_digest",
		hasher: "password_hasher", password: "password"}
	f.Fuzz(func(t *testing.T, s string) {
		var fast, slow fields
		if !scanObject(s, n, &fast) {
			return
		}
		if err := decodeObject(s, n, &slow); err != nil {
			t.Fatalf("fast scan took %q, encoding/json says %v", s, err)
		}
		if fast != slow {
			t.Fatalf("%q: fast %+v, encoding/json %+v", s, fast, slow)
		}
	})
}

// TestOrderAndEndings: rows come back in input order whatever the workers
// and batches; CRLF endings and a missing final newline are read; a line
// over the size limit is a bad row that does not stop the check.
func TestOrderAndEndings(t *testing.T) {
	var b strings.Builder
	const rows = 3000
	for i := 1; i <= rows; i++ {
		fmt.Fprintf(&b, `{"id": %d, "password_digest": "0d107d09f5bbe40cade3de5c71e9e9b7", "password_hasher": "md%d"}`, i, 5+i%2)
		if i == 1500 {
			b.WriteString("\r\n{\"id\": \"long\", \"pad\": \"" + strings.Repeat("x", maxRecord) + "\"}")
		}
		if i < rows {
			b.WriteString("\r\n")
		}
	}
	for _, workers := range []int{1, 3} {
		src := newJSONLSource(strings.NewReader(b.String()))
		names := &defaultCheckOptions().names
		var lines []int
		var bad []string
		complete := pipeline(context.Background(), src, workers, func() *rowChecker { return newRowChecker(names, false, "") }, func(r *row) {
			lines = append(lines, r.line)
			if r.res.kind == kindBadRow {
				bad = append(bad, r.res.reason)
			}
			// Odd ids are md6: unknown.
			if r.err == nil {
				odd := strings.HasSuffix(r.f.hasher, "6")
				assert.Equal(t, odd, r.res.kind == kindUnknown, "line %d", r.line)
			}
		}, func(int64) {})
		require.True(t, complete)
		require.NoError(t, src.err())
		require.Len(t, lines, rows+1)
		for i, l := range lines {
			require.Equal(t, i+1, l, "workers %d", workers)
		}
		assert.Equal(t, []string{errRecordTooLong.Error()}, bad)
	}
}

// blockingReader gives its data, then blocks until closed, as a terminal
// or a pipe does.
type blockingReader struct {
	data   io.Reader
	closed chan struct{}
}

func (r *blockingReader) Read(p []byte) (int, error) {
	if n, err := r.data.Read(p); n > 0 || err != io.EOF {
		return n, err
	}
	<-r.closed
	return 0, io.EOF
}

// TestCheckInterrupted: an interrupt while the input is still open stops
// the check at once, and the report shows the rows checked so far.
func TestCheckInterrupted(t *testing.T) {
	var b strings.Builder
	for i := range 2 * batchRows {
		fmt.Fprintf(&b, `{"id": %d, "password_digest": "0d107d09f5bbe40cade3de5c71e9e9b7", "password_hasher": "md5"}`+"\n", i)
	}
	for _, jsonOut := range []bool{false, true} {
		in := &blockingReader{strings.NewReader(b.String()), make(chan struct{})}
		var out, errOut bytes.Buffer
		e := &env{stdin: in, stdout: &out, stderr: &errOut}
		o := defaultCheckOptions()
		o.format, o.jsonOut = "jsonl", jsonOut
		ctx, cancel := context.WithCancel(context.Background())
		done := make(chan int)
		go func() { done <- checkExport(ctx, e, "-", o) }()
		time.Sleep(100 * time.Millisecond) // let it read what there is
		cancel()
		var code int
		select {
		case code = <-done:
		case <-time.After(10 * time.Second):
			t.Fatal("check did not stop after the interrupt")
		}
		close(in.closed)
		assert.Equal(t, exitInterrupted, code)
		assert.Equal(t, "pwdigest check: interrupted\n", errOut.String())
		if jsonOut {
			require.NoError(t, validJSON(out.String()), out.String())
			assert.Contains(t, out.String(), `"interrupted": true`)
			continue
		}
		// Rows go to the workers in batches; a whole batch or two is done.
		m := regexp.MustCompile(`^interrupted after ([0-9,]+) rows of standard input \(jsonl\): ([0-9,]+) usable, 0 not\n`).
			FindStringSubmatch(out.String())
		require.NotNil(t, m, out.String())
		assert.Equal(t, m[1], m[2])
		assert.Contains(t, []string{"512", "1,024"}, m[1])
		assert.Contains(t, out.String(), "\ninterrupted: the rows after these were not checked\n")
	}
}

// validJSON reports whether s is exactly one JSON value.
func validJSON(s string) error {
	dec := json.NewDecoder(strings.NewReader(s))
	var v any
	if err := dec.Decode(&v); err != nil {
		return err
	}
	if _, err := dec.Token(); !errors.Is(err, io.EOF) {
		return errors.New("data after the JSON value")
	}
	return nil
}

// TestHasSpecialByte compares the 8-bytes-at-a-time scan with the table,
// for every byte value at every position of strings of plain bytes.
func TestHasSpecialByte(t *testing.T) {
	plain := []byte("abcdefghijklmnopqrstuvw ~!#$%&'()*+,-./0123456789:;<=>?@[]^_`{|}")
	for n := 0; n <= 24; n++ {
		for pos := 0; pos < n; pos++ {
			for c := range 256 {
				b := append([]byte(nil), plain[:n]...)
				b[pos] = byte(c)
				want := special[c]
				if got := hasSpecialByte(string(b)); got != want {
					t.Fatalf("hasSpecialByte(%q) = %v, want %v", b, got, want)
				}
			}
		}
		if hasSpecialByte(string(plain[:n])) {
			t.Fatalf("hasSpecialByte(%q) = true", plain[:n])
		}
	}
	var all []byte // every plain byte, at every alignment
	for c := 0x20; c < 0x80; c++ {
		if c != '\\' {
			all = append(all, byte(c))
		}
	}
	for i := range 8 {
		if hasSpecialByte(string(all[i:])) {
			t.Fatalf("hasSpecialByte(%q) = true", all[i:])
		}
	}
}

// TestNoWarningOnProducerDigests: every digest in testdata/vectors, made by
// its hasher's producer and labelled with that hasher, passes without the
// "looks like another hasher" warning.
func TestNoWarningOnProducerDigests(t *testing.T) {
	files, err := filepath.Glob("../../testdata/vectors/*.jsonl")
	require.NoError(t, err)
	require.NotEmpty(t, files)
	for _, f := range files {
		h, err := pwdigest.Lookup(strings.TrimSuffix(filepath.Base(f), ".jsonl"))
		if err != nil {
			continue // bcrypt_bytes, bcrypt_legacy: bcrypt's, under other file names
		}
		b, err := os.ReadFile(f)
		require.NoError(t, err)
		for _, line := range strings.Split(strings.TrimSpace(string(b)), "\n") {
			var v struct{ Digest string }
			require.NoError(t, json.Unmarshal([]byte(line), &v))
			assert.Empty(t, likelierHasher(h.Name(), v.Digest), "%s: %s", h.Name(), v.Digest)
		}
	}
	// The trap itself still warns.
	assert.Equal(t, "labelled pbkdf2_sha256, but the digest looks like pbkdf2_sha256_django",
		likelierHasher("pbkdf2_sha256", "pbkdf2_sha256$36000$Z5pBfLx2Qw8k$F5g5GvoKJ2ZAjck49CC8kwEm4HVWuQyEyTK9U78Q0FI="))
}
