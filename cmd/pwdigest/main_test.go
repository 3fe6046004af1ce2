package main

import (
	"runtime/debug"
	"testing"

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
