package pwdigest

import (
	"context"
	"fmt"
	"os"
	"strconv"
	"strings"
	"sync"

	"golang.org/x/sync/semaphore"
)

// A MemoryBudget bounds the working memory of concurrent memory-hard verifies
// (scrypt, Firebase scrypt, argon2). Each verify waits for its share of the
// budget before it allocates, so a sign-in storm of 64 MiB argon2 digests
// queues instead of exhausting the machine. A verify whose own need exceeds
// the whole budget is refused with ErrParamsOutOfRange. Waiters are served
// in order of arrival.
type MemoryBudget struct {
	total int64
	sem   *semaphore.Weighted
}

// NewMemoryBudget returns a budget of total bytes.
func NewMemoryBudget(total int64) *MemoryBudget {
	if total <= 0 {
		panic("pwdigest: NewMemoryBudget total must be positive")
	}
	return &MemoryBudget{total: total, sem: semaphore.NewWeighted(total)}
}

// Total returns the budget's size in bytes.
func (b *MemoryBudget) Total() int64 { return b.total }

// fits refuses n bytes for a digest of hasher when they exceed the whole
// budget, which could never grant them.
func (b *MemoryBudget) fits(hasher string, n int64) error {
	if n > b.total {
		return fmt.Errorf("%w: %s needs %d bytes of memory, more than the whole budget of %d", ErrParamsOutOfRange, hasher, n, b.total)
	}
	return nil
}

// acquire waits for n bytes, which fits has allowed. A nil budget grants
// everything.
func (b *MemoryBudget) acquire(ctx context.Context, n int64) error {
	if b == nil || n <= 0 {
		return nil
	}
	if n > b.total {
		return fmt.Errorf("%w: needs %d bytes of memory, more than the whole budget of %d", ErrParamsOutOfRange, n, b.total)
	}
	if err := b.sem.Acquire(ctx, n); err != nil {
		return fmt.Errorf("pwdigest: waiting for memory budget: %w", err)
	}
	return nil
}

func (b *MemoryBudget) release(n int64) {
	if b == nil || n <= 0 {
		return
	}
	b.sem.Release(n)
}

// defaultBudget is the budget of every Verifier whose Budget is nil, sized
// on first use so that importing the package reads no file. (The default
// size itself is defaultBudgetBytes'.)
var defaultBudget = sync.OnceValue(func() *MemoryBudget { return NewMemoryBudget(defaultBudgetBytes()) })

// defaultBudgetBytes is a quarter of the memory this process may use: the
// smallest of physical memory, the cgroup limit and GOMEMLIMIT. 1 GiB
// where none of them can be read, and never less than 1 GiB so that the
// default limits' largest argon2 digest still fits.
func defaultBudgetBytes() int64 {
	var avail int64
	lower := func(v int64) {
		if v > 0 && (avail == 0 || v < avail) {
			avail = v
		}
	}
	lower(physicalMemory())
	lower(cgroupLimit())
	if s := os.Getenv("GOMEMLIMIT"); s != "" {
		lower(parseByteSize(s))
	}
	b := avail / 4
	if b < 1<<30 {
		b = 1 << 30
	}
	return b
}

// physicalMemory reads MemTotal from /proc/meminfo (0 where unavailable).
func physicalMemory() int64 {
	data, err := os.ReadFile("/proc/meminfo")
	if err != nil {
		return 0
	}
	for _, line := range strings.Split(string(data), "\n") {
		if rest, ok := strings.CutPrefix(line, "MemTotal:"); ok {
			f := strings.Fields(rest)
			if len(f) == 2 && f[1] == "kB" {
				n, err := strconv.ParseInt(f[0], 10, 64)
				if err == nil {
					return n * 1024
				}
			}
		}
	}
	return 0
}

// cgroupLimit reads the cgroup v2 memory limit (0 where none).
func cgroupLimit() int64 {
	data, err := os.ReadFile("/sys/fs/cgroup/memory.max")
	if err != nil {
		return 0
	}
	n, err := strconv.ParseInt(strings.TrimSpace(string(data)), 10, 64)
	if err != nil {
		return 0 // "max"
	}
	return n
}

// parseByteSize parses GOMEMLIMIT's syntax: a number with an optional
// B, KiB, MiB, GiB or TiB suffix.
func parseByteSize(s string) int64 {
	mult := int64(1)
	for _, u := range []struct {
		suffix string
		mult   int64
	}{{"TiB", 1 << 40}, {"GiB", 1 << 30}, {"MiB", 1 << 20}, {"KiB", 1 << 10}, {"B", 1}} {
		if rest, ok := strings.CutSuffix(s, u.suffix); ok {
			s, mult = rest, u.mult
			break
		}
	}
	n, err := strconv.ParseInt(s, 10, 64)
	if err != nil || n <= 0 {
		return 0
	}
	return n * mult
}
