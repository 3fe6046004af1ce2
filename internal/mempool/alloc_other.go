//go:build !linux

package mempool

func alloc[T any](n int) ([]T, error) { return make([]T, n), nil }

// releaseClears is false: a dropped slice stays in the Go heap, readable,
// until the collector reuses its memory, so Put clears it first.
const releaseClears = false

func release[T any]([]T) {}
