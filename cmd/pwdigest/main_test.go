package main

import (
	"github.com/stretchr/testify/require"
	"runtime/debug"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/stretchr/testify/assert"
)

// TestFormatVersion: the module version, the revision and whether the tree
// was modified, as go build records them.
func TestFormatVersion(t *testing.T) {
	info := &debug.BuildInfo{GoVersion: "go1.26.8", Main: debug.Module{Path: "github.com/pwdigest/pwdigest", Version: "v1.2.3"}}
	assert.Equal(t, "pwdigest v1.2.3 go1.26.8", formatVersion(info))

	info.Main.Version = "(devel)"
	info.Settings = []debug.BuildSetting{{Key: "vcs.revision", Value: "2c1084c0ffee"},
		{Key: "vcs.time", Value: "2026-12-01T09:00:00Z"}, {Key: "vcs.modified", Value: "true"}}
	assert.Equal(t, "pwdigest (devel) revision 2c1084c0ffee (modified) 2026-12-01T09:00:00Z go1.26.8", formatVersion(info))

	info.Main.Version = ""
	info.Settings = nil
	assert.Equal(t, "pwdigest (devel) go1.26.8", formatVersion(info))
}

// TestSummaryFits80Columns: with counts in the millions and the longest
// hasher names the narrow table still fits 80 columns, dropping columns
// from the right; --wide keeps them all.
func TestSummaryFits80Columns(t *testing.T) {
	rep := newReport("export.jsonl", "jsonl", 10, nil)
	for _, name := range []string{"pbkdf2_sha256_passlib", "bcrypt_sha256_django", "md5"} {
		g := &counts{Hasher: name, Rows: 12_345_678, OK: 12_000_000, Insecure: 12_000_000, Rehash: 11_000_000,
			Verified: 1_000_000, Failed: 1_000_000, Warned: 1_000_000}
		rep.groups[name] = g
		rep.total.Rows += g.Rows
		rep.total.OK += g.OK
		rep.total.Insecure += g.Insecure
		rep.total.Rehash += g.Rehash
		rep.total.Verified += g.Verified
		rep.total.Failed += g.Failed
		rep.total.Warned += g.Warned
	}
	var b strings.Builder
	require.NoError(t, rep.writeText(&b, status{}))
	lines := strings.Split(b.String(), "\n")
	for _, l := range lines[2:] {
		assert.LessOrEqual(t, utf8.RuneCountInString(l), 80, "%q", l)
	}
	assert.Contains(t, b.String(), "(--wide: every column)")
	assert.Regexp(t, `(?m)^hasher +rows +ok +not ok`, b.String())

	rep.wide = true
	b.Reset()
	require.NoError(t, rep.writeText(&b, status{}))
	assert.Regexp(t, `(?m)^hasher +rows +ok +malformed +out of range +unknown hasher +insecure +needs rehash +verified +failed +warned$`, b.String())
}

// TestProgressSaysBytes: the bar's percentage is of the bytes read, and the
// description says so next to the rows.
func TestProgressSaysBytes(t *testing.T) {
	var b strings.Builder
	e := &env{stderr: &b, stderrTerm: true}
	p := newProgress(e, false, 1000, "checked")
	for range 3 {
		p.row()
	}
	p.offset(500)
	assert.Regexp(t, `checked 3 rows \([\d,]+/s\); read +\d+%`, b.String())
	assert.InDelta(t, 0.5, p.bar.State().CurrentPercent, 1e-9)
	p.finish()
	assert.Nil(t, newProgress(&env{stderrTerm: false}, false, 1000, "checked"))
}
