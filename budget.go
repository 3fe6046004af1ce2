package pwdigest

import (
	"bufio"
	"bytes"
	"context"
	"fmt"
	"math"
	"os"
	"path"
	"path/filepath"
	"runtime/debug"
	"strconv"
	"strings"
	"sync"
	"sync/atomic"

	"golang.org/x/sync/semaphore"
)

// A MemoryBudget bounds the working memory of concurrent memory-hard verifies
// (scrypt, Firebase scrypt, argon2). Each verify waits for its share of the
// budget before it allocates, so a sign-in storm of 64 MiB argon2 digests
// queues instead of exhausting the machine. A verify whose own need exceeds
// the whole budget is refused with ErrParamsOutOfRange. Waiters are served
// in order of arrival.
//
// A Verifier with a nil Budget uses the package default budget: a quarter
// of the memory the process may use, read on first use from the smallest of
// the cgroup memory limit (v2 memory.max or v1 memory.limit_in_bytes), the
// Go runtime's memory limit (GOMEMLIMIT or debug.SetMemoryLimit) and the
// physical memory; a quarter of 4 GiB where none of them can be read. There
// is no floor: under a 256 MiB limit the default budget is 64 MiB, and a
// digest that needs more is refused. A quarter, because on Linux this
// memory is mapped outside the Go heap, where the runtime's limit does not
// see it: the Go heap may still grow to the whole limit, and the budget
// keeps the sum within about 1.25 times it.
type MemoryBudget struct {
	total int64
	sem   *semaphore.Weighted
}

// NewMemoryBudget returns a budget of total bytes. NewMemoryBudget(math.MaxInt64)
// bounds nothing beyond the Limits.
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

// defaultBudget returns the package default budget, computed on first use
// (no file is read at import).
func defaultBudget() *MemoryBudget { return defaultBudgetOnce() }

var defaultBudgetOnce = sync.OnceValue(func() *MemoryBudget {
	return NewMemoryBudget(defaultBudgetBytes(memoryLimit("/", debug.SetMemoryLimit(-1))))
})

// unknownMemory is what the default budget assumes the process may use where
// no limit can be read.
const unknownMemory = 4 << 30

// defaultBudgetBytes is a quarter of limit (see MemoryBudget), at least 1
// byte; limit 0 means unknown.
func defaultBudgetBytes(limit int64) int64 {
	if limit <= 0 {
		limit = unknownMemory
	}
	return max(limit/4, 1)
}

// memoryLimit returns the least of the cgroup limit and the physical memory
// found below root (a fake tree in tests), and runtimeLimit, the Go
// runtime's memory limit (math.MaxInt64 when unset); 0 when none is known.
func memoryLimit(root string, runtimeLimit int64) int64 {
	var limit int64
	for _, v := range []int64{physicalMemory(root), cgroupMemoryLimit(root), runtimeLimit} {
		if v > 0 && v < math.MaxInt64 && (limit == 0 || v < limit) {
			limit = v
		}
	}
	return limit
}

// sysReads counts the files read for the default budget, so that a test can
// tell that nothing is read at import.
var sysReads atomic.Int64

func readSys(root, name string) ([]byte, error) {
	sysReads.Add(1)
	return os.ReadFile(filepath.Join(root, filepath.FromSlash(name)))
}

// physicalMemory reads MemTotal from /proc/meminfo (0 where unavailable).
func physicalMemory(root string) int64 {
	data, err := readSys(root, "/proc/meminfo")
	if err != nil {
		return 0
	}
	for line := range strings.Lines(string(data)) {
		if rest, ok := strings.CutPrefix(line, "MemTotal:"); ok {
			f := strings.Fields(rest)
			if len(f) == 2 && f[1] == "kB" {
				if n, err := strconv.ParseInt(f[0], 10, 64); err == nil && n < math.MaxInt64/1024 {
					return n * 1024
				}
			}
		}
	}
	return 0
}

// cgroupMemoryLimit returns the smallest memory limit of this process's
// cgroup and its ancestors, v2 (memory.max) and v1 (memory.limit_in_bytes)
// alike, 0 where there is none. The cgroup comes from /proc/self/cgroup, its
// directory from the cgroup file systems in /proc/self/mountinfo.
func cgroupMemoryLimit(root string) int64 {
	data, err := readSys(root, "/proc/self/cgroup")
	if err != nil {
		return 0
	}
	// Lines are "hierarchy-ID:controllers:path"; v2's is "0::path".
	var v1Path, v2Path string
	for line := range strings.Lines(string(data)) {
		f := strings.SplitN(strings.TrimSpace(line), ":", 3)
		if len(f) != 3 {
			continue
		}
		switch {
		case f[0] == "0" && f[1] == "":
			v2Path = f[2]
		case hasField(f[1], ',', "memory"):
			v1Path = f[2]
		}
	}
	if v1Path == "" && v2Path == "" {
		return 0
	}
	mounts, err := readSys(root, "/proc/self/mountinfo")
	if err != nil {
		return 0
	}
	var limit int64
	lower := func(v int64) {
		if v > 0 && (limit == 0 || v < limit) {
			limit = v
		}
	}
	sc := bufio.NewScanner(bytes.NewReader(mounts))
	for sc.Scan() {
		// "id parent major:minor root mount-point options... - fstype source super-options"
		pre, post, ok := strings.Cut(sc.Text(), " - ")
		if !ok {
			continue
		}
		pf, qf := strings.Fields(pre), strings.Fields(post)
		if len(pf) < 5 || len(qf) < 3 {
			continue
		}
		mountRoot, mountPoint := pf[3], pf[4]
		switch {
		case qf[0] == "cgroup2" && v2Path != "":
			lower(cgroupLimitUp(root, mountRoot, mountPoint, v2Path, "memory.max"))
		case qf[0] == "cgroup" && v1Path != "" && hasField(qf[2], ',', "memory"):
			lower(cgroupLimitUp(root, mountRoot, mountPoint, v1Path, "memory.limit_in_bytes"))
		}
	}
	return limit
}

// cgroupLimitUp reads file in the directory of cgroup (mounted from
// mountRoot at mountPoint) and in each parent up to the mount point, and
// returns the smallest limit, 0 where none is set ("max", or v1's huge
// default, which exceeds any physical memory and so does not matter).
func cgroupLimitUp(root, mountRoot, mountPoint, cgroup, file string) int64 {
	rel, ok := strings.CutPrefix(cgroup, mountRoot)
	if !ok || (rel != "" && rel[0] != '/' && mountRoot != "/") {
		rel = "" // the cgroup is outside this mount (a namespace): use the mount's own
	}
	var limit int64
	for dir := path.Join(mountPoint, rel); ; dir = path.Dir(dir) {
		if data, err := readSys(root, path.Join(dir, file)); err == nil {
			n, err := strconv.ParseInt(strings.TrimSpace(string(data)), 10, 64)
			if err == nil && n > 0 && (limit == 0 || n < limit) {
				limit = n
			}
		}
		if dir == path.Clean(mountPoint) || dir == "/" || dir == "." {
			return limit
		}
	}
}

// hasField reports whether the sep-separated list s has the field f.
func hasField(s string, sep byte, f string) bool {
	for p := range strings.SplitSeq(s, string(sep)) {
		if p == f {
			return true
		}
	}
	return false
}
