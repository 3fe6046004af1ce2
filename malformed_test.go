package pwdigest

import (
	"bufio"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// A malformedFile is testdata/malformed/<hasher>.txt, in the style of
// filippo.io/age's testkit: a header of "key: value" lines saying what must
// happen, a blank line, then one case a line:
//
//	<sentinel> <digest as a Go string literal> <reason>
//
// The header's valid digest comes from a real producer (named in source)
// and verifies with password; the cases are damaged copies of it.
type malformedFile struct {
	hasher, valid, password, source string
	cases                           []malformedCase
}

type malformedCase struct {
	line     int
	sentinel string // "malformed" or "out_of_range"
	digest   string
	reason   string
}

var sentinels = map[string]error{
	"malformed":    ErrMalformedDigest,
	"out_of_range": ErrParamsOutOfRange,
}

func loadMalformed(t testing.TB, path string) malformedFile {
	t.Helper()
	f, err := os.Open(path)
	require.NoError(t, err)
	defer f.Close()
	var mf malformedFile
	unquote := func(line int, s string) string {
		u, err := strconv.Unquote(s)
		require.NoError(t, err, "%s:%d: %s", path, line, s)
		return u
	}
	sc := bufio.NewScanner(f)
	sc.Buffer(make([]byte, 1<<16), 1<<20)
	header := true
	for line := 1; sc.Scan(); line++ {
		text := sc.Text()
		if header {
			if text == "" {
				header = false
				continue
			}
			key, value, ok := strings.Cut(text, ": ")
			require.True(t, ok, "%s:%d: header line without \": \"", path, line)
			switch key {
			case "hasher":
				mf.hasher = value
			case "valid":
				mf.valid = unquote(line, value)
			case "password":
				mf.password = unquote(line, value)
			case "source":
				mf.source = value
			}
			continue
		}
		if text == "" || strings.HasPrefix(text, "#") {
			continue
		}
		kind, rest, _ := strings.Cut(text, " ")
		require.Contains(t, sentinels, kind, "%s:%d: unknown sentinel", path, line)
		lit, err := strconv.QuotedPrefix(rest)
		require.NoError(t, err, "%s:%d", path, line)
		reason := strings.TrimSpace(rest[len(lit):])
		require.NotEmpty(t, reason, "%s:%d: no reason", path, line)
		mf.cases = append(mf.cases, malformedCase{line, kind, unquote(line, lit), reason})
	}
	require.NoError(t, sc.Err())
	require.NotEmpty(t, mf.hasher, "%s: no hasher header", path)
	require.NotEmpty(t, mf.source, "%s: no source header", path)
	return mf
}

// checkSentinelError asserts err is a well-formed error of this package that
// wraps want and no other sentinel.
func checkSentinelError(t *testing.T, err, want error, msgAndArgs ...any) {
	t.Helper()
	if !assert.Error(t, err, msgAndArgs...) {
		return
	}
	assert.ErrorIs(t, err, want, msgAndArgs...)
	assert.Equal(t, 1, countSentinels(err), "%v wraps several sentinels", err)
	assert.True(t, strings.HasPrefix(err.Error(), "pwdigest: "), "%q", err)
}

func countSentinels(err error) int {
	n := 0
	for _, s := range []error{ErrUnknownHasher, ErrMalformedDigest, ErrParamsOutOfRange, ErrPasswordTooLong, ErrUnsupportedPassword, ErrRemote} {
		if errors.Is(err, s) {
			n++
		}
	}
	return n
}

// builtinHashers are the registered hashers of this package (tests may
// register others).
func builtinHashers(t testing.TB) []string {
	var names []string
	for _, n := range Hashers() {
		h, err := Lookup(n)
		require.NoError(t, err)
		if _, ok := h.(*scheme); ok {
			names = append(names, n)
		}
	}
	return names
}

// noPanic runs f and turns a panic into an error.
func noPanic(f func()) (err error) {
	defer func() {
		if r := recover(); r != nil {
			err = fmt.Errorf("panic: %v", r)
		}
	}()
	f()
	return nil
}

func TestMalformedFixtures(t *testing.T) {
	for _, name := range builtinHashers(t) {
		t.Run(name, func(t *testing.T) {
			path := filepath.Join("testdata", "malformed", name+".txt")
			if _, err := os.Stat(path); err != nil {
				t.Fatalf("every hasher needs negative fixtures: %v", err)
			}
			mf := loadMalformed(t, path)
			require.Equal(t, name, mf.hasher, "%s: hasher header", path)
			require.GreaterOrEqual(t, len(mf.cases), 8, "%s: too few cases", path)

			// The undamaged digest verifies: the damage is what is refused.
			// (A remote hasher's is only checked: package cognito's tests
			// verify against the emulator.)
			require.NoError(t, Check(name, mf.valid), "%s: valid digest (%s)", path, mf.source)
			if s, _, _ := builtin(name); !s.remote {
				ok, err := Verify(name, mf.valid, mf.password)
				require.NoError(t, err)
				require.True(t, ok, "%s: valid digest does not verify (%s)", path, mf.source)
			}

			for _, c := range mf.cases {
				where := fmt.Sprintf("%s:%d (%s): %q", path, c.line, c.reason, c.digest)
				want := sentinels[c.sentinel]
				var checkErr, verifyErr error
				var ok bool
				require.NoError(t, noPanic(func() { checkErr = Check(name, c.digest) }), where)
				require.NoError(t, noPanic(func() { ok, verifyErr = Verify(name, c.digest, mf.password) }), where)
				checkSentinelError(t, checkErr, want, "Check %s", where)
				checkSentinelError(t, verifyErr, want, "Verify %s", where)
				assert.False(t, ok, where)
				if verifyErr != nil && checkErr != nil {
					assert.Equal(t, checkErr.Error(), verifyErr.Error(), "Check and Verify disagree: %s", where)
				}
			}
		})
	}
}

// TestMalformedAllocs: refusing a malformed digest allocates nothing, so a
// flood of garbage costs no garbage collection (errors are package-level
// values, fields are decoded only after all are valid). The recipe hasher's
// errors name the place and function at fault, so they are built per call:
// only its refusal of a digest that is no recipe at all (what Identify
// meets on every other format) must be free. Likewise the import objects
// (auth0_custom_password_hash, okta_password_hash, firebase_import): JSON
// decoding allocates, so only a digest that is no JSON object is free.
func TestMalformedAllocs(t *testing.T) {
	for _, name := range builtinHashers(t) {
		path := filepath.Join("testdata", "malformed", name+".txt")
		if _, err := os.Stat(path); err != nil {
			continue // TestMalformedFixtures reports it
		}
		mf := loadMalformed(t, path)
		t.Run(name, func(t *testing.T) {
			for _, c := range mf.cases {
				if c.sentinel != "malformed" || name == "recipe" && strings.Contains(c.digest, "$password") && strings.Contains(c.digest, " hash") ||
					isObject(c.digest) && strings.Contains("auth0_custom_password_hash okta_password_hash firebase_import", name) {
					continue
				}
				allocs := testing.AllocsPerRun(20, func() { _ = Check(name, c.digest) })
				assert.Zero(t, allocs, "%s:%d (%s): %q", path, c.line, c.reason, c.digest)
			}
		})
	}
}
