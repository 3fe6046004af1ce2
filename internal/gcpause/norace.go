//go:build !race

package gcpause

// Race reports whether the race detector is on: it slows code and the
// collector unevenly, so pause bounds mean little under it.
const Race = false
