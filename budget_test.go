package pwdigest

import (
	"context"
	"errors"
	"fmt"
	"math"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"runtime/debug"
	"runtime/metrics"
	"strconv"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// argon2id64MiB is a 64 MiB argon2id digest of "budget-right", made with
// argon2-cffi 21.1.0 (Debian 12):
//
//	/usr/bin/python3 -c "import argon2; print(argon2.PasswordHasher(time_cost=1,
//	    memory_cost=65536, parallelism=1, type=argon2.Type.ID).hash('budget-right'))"
const argon2id64MiB = "$argon2id$v=19$m=65536,t=1,p=1$jCB1DOWXP8zQmr8xQXNslQ$XGKKSxC5CUu20LOv6Rb5Zg"

// memSampler records the peaks of the process's resident memory (Linux
// /proc/self/statm; argon2's block memory is mapped outside the Go heap
// there) and of the Go heap's object bytes (live objects and dead ones not
// yet swept, from runtime/metrics, without stopping the world).
type memSampler struct {
	rss, heap atomic.Uint64
	stop      chan struct{}
	done      sync.WaitGroup
}

// residentBytes is the process's resident set size, 0 where /proc is
// missing.
func residentBytes() uint64 {
	b, err := os.ReadFile("/proc/self/statm")
	if err != nil {
		return 0
	}
	f := strings.Fields(string(b))
	if len(f) < 2 {
		return 0
	}
	pages, err := strconv.ParseUint(f[1], 10, 64)
	if err != nil {
		return 0
	}
	return pages * uint64(os.Getpagesize())
}

func startMemSampler(every time.Duration) *memSampler {
	m := &memSampler{stop: make(chan struct{})}
	m.done.Add(1)
	go func() {
		defer m.done.Done()
		s := []metrics.Sample{{Name: "/memory/classes/heap/objects:bytes"}}
		tick := time.NewTicker(every)
		defer tick.Stop()
		for {
			metrics.Read(s)
			if v := s[0].Value.Uint64(); v > m.heap.Load() {
				m.heap.Store(v)
			}
			if v := residentBytes(); v > m.rss.Load() {
				m.rss.Store(v)
			}
			select {
			case <-m.stop:
				return
			case <-tick.C:
			}
		}
	}()
	return m
}

func (m *memSampler) Stop() (rss, heap uint64) {
	close(m.stop)
	m.done.Wait()
	return m.rss.Load(), m.heap.Load()
}

// TestMemoryBudgetLoad: 200 concurrent 64 MiB argon2id verifies under a
// 512 MiB budget run at most 8 at a time, so the memory the process gains
// stays under the budget plus a margin, and every call returns the right
// answer.
//
// The memory is measured as resident memory where /proc is available
// (argon2's blocks live outside the Go heap on Linux), else as Go heap
// objects. A soft memory limit of budget + 64 MiB makes the heap track live
// memory where blocks are on the heap. Without the budget, 200 verifies
// would hold 12.5 GiB.
func TestMemoryBudgetLoad(t *testing.T) {
	if testing.Short() {
		t.Skip("200 argon2id verifies of 64 MiB: about 20 s on 2 cores")
	}
	const (
		budget = 512 << 20
		calls  = 200
		// Room for the rest of the process: goroutine stacks, Go heap
		// garbage, the race detector's shadow of it.
		margin = 128 << 20
	)
	defer debug.SetMemoryLimit(debug.SetMemoryLimit(budget + 64<<20))

	v := &Verifier{Budget: NewMemoryBudget(budget)}
	runtime.GC()
	baseRSS := residentBytes()
	sampler := startMemSampler(time.Millisecond)
	start := time.Now()
	var wg sync.WaitGroup
	results := make([]error, calls)
	for i := range calls {
		wg.Add(1)
		go func() {
			defer wg.Done()
			right := i%2 == 0
			pw := "budget-wrong"
			if right {
				pw = "budget-right"
			}
			ok, err := v.VerifyContext(context.Background(), "argon2id", argon2id64MiB, pw)
			if err == nil && ok != right {
				err = errors.New("wrong answer")
			}
			results[i] = err
		}()
	}
	wg.Wait()
	peakRSS, peakHeap := sampler.Stop()
	t.Logf("%d verifies in %v; resident %d MiB before, peak %d MiB; peak Go heap objects %d MiB (budget %d MiB)",
		calls, time.Since(start).Round(time.Millisecond), baseRSS>>20, peakRSS>>20, peakHeap>>20, budget>>20)

	for i, err := range results {
		assert.NoError(t, err, "call %d", i)
	}
	if baseRSS > 0 {
		assert.LessOrEqual(t, peakRSS-baseRSS, uint64(budget+margin), "resident memory gained: %d MiB", (peakRSS-baseRSS)>>20)
	} else {
		assert.LessOrEqual(t, peakHeap, uint64(budget+margin), "peak heap %d MiB", peakHeap>>20)
	}
	// Every reservation was returned.
	require.True(t, v.Budget.sem.TryAcquire(budget), "budget not fully released")
	v.Budget.sem.Release(budget)
}

// TestVerifyContextCancelWhileWaiting: a verify queued behind a full budget
// returns when its context is cancelled, with an error wrapping
// context.Canceled, and leaves the budget intact.
func TestVerifyContextCancelWhileWaiting(t *testing.T) {
	digest, password := fixtureDigest(t, "argon2id") // m=64 KiB
	const need = 64 << 10
	v := &Verifier{Budget: NewMemoryBudget(need)}
	require.NoError(t, v.Budget.acquire(context.Background(), need)) // someone else's verify

	ctx, cancel := context.WithCancel(context.Background())
	type result struct {
		ok  bool
		err error
	}
	done := make(chan result, 1)
	go func() {
		ok, err := v.VerifyContext(ctx, "argon2id", digest, password)
		done <- result{ok, err}
	}()
	select {
	case r := <-done:
		t.Fatalf("verify did not wait for the budget: %v, %v", r.ok, r.err)
	case <-time.After(20 * time.Millisecond):
	}
	cancel()
	var r result
	select {
	case r = <-done:
	case <-time.After(10 * time.Second): // a hang guard, not a timing
		t.Fatal("VerifyContext did not return after cancel")
	}
	assert.False(t, r.ok)
	require.ErrorIs(t, r.err, context.Canceled)
	assert.True(t, strings.HasPrefix(r.err.Error(), "pwdigest: "), "%q", r.err)

	// The cancelled waiter took nothing: once the holder releases, a verify
	// gets the whole budget.
	v.Budget.release(need)
	ok, err := v.VerifyContext(context.Background(), "argon2id", digest, password)
	require.NoError(t, err)
	assert.True(t, ok)

	// A context cancelled before the call is refused too, without waiting.
	ok, err = v.VerifyContext(ctx, "argon2id", digest, password)
	assert.False(t, ok)
	assert.ErrorIs(t, err, context.Canceled)
}

// TestVerifyWaitsForBudget: a queued verify proceeds when the budget frees.
func TestVerifyWaitsForBudget(t *testing.T) {
	digest, password := fixtureDigest(t, "argon2i") // m=64 KiB
	v := &Verifier{Budget: NewMemoryBudget(64 << 10)}
	require.NoError(t, v.Budget.acquire(context.Background(), 64<<10))
	done := make(chan error, 1)
	go func() {
		ok, err := v.Verify("argon2i", digest, password)
		if err == nil && !ok {
			err = errors.New("no match")
		}
		done <- err
	}()
	select {
	case err := <-done:
		t.Fatalf("verify did not wait for the budget: %v", err)
	case <-time.After(20 * time.Millisecond):
	}
	v.Budget.release(64 << 10)
	select {
	case err := <-done:
		require.NoError(t, err)
	case <-time.After(10 * time.Second): // a hang guard, not a timing
		t.Fatal("verify did not proceed once the budget was free")
	}
}

// TestBudgetTooSmall: a verify needing more than the whole budget is refused
// with ErrParamsOutOfRange at once instead of waiting forever, and Check on
// the same Verifier refuses it too.
func TestBudgetTooSmall(t *testing.T) {
	argon2, _ := fixtureDigest(t, "argon2id") // m=64 KiB
	werkzeug, _ := fixtureDigest(t, "scrypt_werkzeug")
	for _, c := range []struct{ hasher, digest string }{
		{"argon2id", strings.Replace(argon2, "m=64,", "m=2048,", 1)}, // 2 MiB
		{"scrypt_werkzeug", werkzeug},                                // N=1024, r=8: just over 1 MiB
	} {
		v := &Verifier{Budget: NewMemoryBudget(1 << 20)}
		require.NoError(t, Check(c.hasher, c.digest), "the default limits and budget take it")
		cerr := v.Check(c.hasher, c.digest)
		checkSentinelError(t, cerr, ErrParamsOutOfRange, c.hasher)
		ok, err := v.VerifyContext(context.Background(), c.hasher, c.digest, "x")
		assert.False(t, ok)
		assert.Equal(t, cerr, err, "Check refuses what Verify would")
		assert.Contains(t, err.Error(), c.hasher+" needs")
		assert.Contains(t, err.Error(), "whole budget of 1048576")
		require.True(t, v.Budget.sem.TryAcquire(1<<20), "budget untouched")
	}
}

// TestZeroVerifier: the zero Verifier is the package defaults, Default is
// one, and a nil Budget means the one package default budget, the same
// object for every such Verifier.
func TestZeroVerifier(t *testing.T) {
	assert.Nil(t, Default.Budget, "computed on first use, not at import")
	var v Verifier
	assert.Same(t, defaultBudget(), v.budget())
	assert.Same(t, defaultBudget(), Default.budget())
	own := NewMemoryBudget(1 << 20)
	assert.Same(t, own, (&Verifier{Budget: own}).budget())
	digest, password := fixtureDigest(t, "argon2id")
	ok, err := v.Verify("argon2id", digest, password)
	assert.True(t, ok)
	assert.NoError(t, err)
	assert.NoError(t, v.Check("argon2id", digest))
	// The default budget is no smaller than a digest the default limits
	// accept at the policy's memory.
	assert.GreaterOrEqual(t, defaultBudget().Total(), Argon2Memory.Policy<<10)
}

// TestEqualKeyClears: the derived key is cleared after the comparison.
func TestEqualKeyClears(t *testing.T) {
	got := []byte("derived")
	ok, err := equalKey(got, nil, []byte("derived"))
	assert.True(t, ok)
	assert.NoError(t, err)
	assert.Equal(t, make([]byte, 7), got)
	ok, err = equalKey(nil, ErrParamsOutOfRange, []byte("x"))
	assert.False(t, ok)
	assert.ErrorIs(t, err, ErrParamsOutOfRange)
}

// TestCgroupMemoryLimit reads the limits from the fake roots in
// testdata/cgroup (see its README).
func TestCgroupMemoryLimit(t *testing.T) {
	for _, c := range []struct {
		root             string
		cgroup, physical int64
	}{
		{"v1", 512 << 20, 24683652 << 10},
		{"v1-docker", 128 << 20, 16000000 << 10},
		{"v2-container", 256 << 20, 65536000 << 10},
		{"v2-slice", 1 << 30, 8000000 << 10},
		{"v2-unlimited", 0, 2 << 30},
		{"hybrid", 768 << 20, 16000000 << 10},
		{"missing", 0, 0},
	} {
		t.Run(c.root, func(t *testing.T) {
			root := filepath.Join("testdata", "cgroup", c.root)
			assert.Equal(t, c.cgroup, cgroupMemoryLimit(root), "cgroup limit")
			assert.Equal(t, c.physical, physicalMemory(root), "physical memory")
			want := c.physical
			if c.cgroup > 0 {
				want = min(c.cgroup, c.physical)
			}
			assert.Equal(t, want, memoryLimit(root, math.MaxInt64), "no runtime limit")
			assert.Equal(t, int64(100<<20), memoryLimit(root, 100<<20), "runtime limit the smallest")
		})
	}
}

// TestDefaultBudgetBytes: a quarter of the limit, with no floor above it.
func TestDefaultBudgetBytes(t *testing.T) {
	assert.Equal(t, int64(64<<20), defaultBudgetBytes(256<<20))
	assert.Equal(t, int64(4<<30), defaultBudgetBytes(16<<30))
	assert.Equal(t, int64(1<<30), defaultBudgetBytes(0), "unknown: a quarter of 4 GiB")
	assert.Equal(t, int64(1), defaultBudgetBytes(3), "never zero")
}

// childEnv names the test a child process runs (see inChild).
const childEnv = "PWDIGEST_TEST_CHILD"

// inChild reports whether this process is the child running t; otherwise it
// runs t again in a child process with env added, fails t if the child
// fails, and returns false.
func inChild(t *testing.T, env ...string) bool {
	t.Helper()
	if os.Getenv(childEnv) == t.Name() {
		return true
	}
	cmd := exec.Command(os.Args[0], "-test.run=^"+t.Name()+"$", "-test.v", "-test.count=1")
	cmd.Env = append(append(os.Environ(), childEnv+"="+t.Name()), env...)
	out, err := cmd.CombinedOutput()
	t.Logf("child (%s):\n%s", strings.Join(env, " "), out)
	if err != nil {
		t.Fatalf("child: %v", err)
	}
	if !strings.Contains(string(out), "--- PASS: "+t.Name()) {
		t.Fatal("child did not run the test")
	}
	return false
}

// TestDefaultBudgetLazy: importing the package reads no file; the first
// verify without a Budget computes the default, once.
func TestDefaultBudgetLazy(t *testing.T) {
	if !inChild(t) {
		return
	}
	require.Zero(t, sysReads.Load(), "files read before first use")
	var v Verifier // the zero Verifier uses the default budget
	digest, password := fixtureDigest(t, "argon2id")
	ok, err := v.Verify("argon2id", digest, password)
	require.NoError(t, err)
	require.True(t, ok)
	n := sysReads.Load()
	require.NotZero(t, n, "the default budget was not computed")
	assert.Same(t, defaultBudget(), v.budget())
	assert.Same(t, defaultBudget(), Default.budget())
	assert.Equal(t, n, sysReads.Load(), "computed again")
	assert.Equal(t, defaultBudgetBytes(memoryLimit("/", debug.SetMemoryLimit(-1))), defaultBudget().Total())
}

// TestDefaultBudgetGOMEMLIMIT: the runtime's memory limit, set by
// GOMEMLIMIT, bounds the default budget.
func TestDefaultBudgetGOMEMLIMIT(t *testing.T) {
	if !inChild(t, "GOMEMLIMIT=256MiB") {
		return
	}
	require.Equal(t, int64(256<<20), debug.SetMemoryLimit(-1))
	want := defaultBudgetBytes(min(256<<20, memoryLimit("/", math.MaxInt64)))
	assert.Equal(t, want, defaultBudget().Total())
	assert.LessOrEqual(t, defaultBudget().Total(), int64(64<<20))
}

// TestDefaultBudgetUnderGOMEMLIMIT: under GOMEMLIMIT=256MiB, 60 concurrent
// 19 MiB argon2id verifies (OWASP's parameters) through the zero Verifier
// all answer right and the process's peak resident memory stays within
// 256 + 64 MiB.
func TestDefaultBudgetUnderGOMEMLIMIT(t *testing.T) {
	if runtime.GOOS != "linux" {
		t.Skip("reads the peak resident memory from /proc/self/status")
	}
	if testing.Short() {
		t.Skip("60 argon2id verifies of 19 MiB")
	}
	if !inChild(t, "GOMEMLIMIT=256MiB") {
		return
	}
	const (
		digest   = "$argon2id$v=19$m=19456,t=2,p=1$D7SxFzMvvW4UmJZJTK+deQ$6HpeJJrBwDnyp+OqfK8exfgzcQ+DB4ICC0f+EZJ/eu8" // testdata/bench/digests.jsonl, argon2-cffi
		password = "correct horse battery staple"
		calls    = 60
		maxPeak  = (256 + 64) << 20
	)
	var v Verifier
	start := time.Now()
	var wg sync.WaitGroup
	errs := make([]error, calls)
	for i := range calls {
		wg.Go(func() {
			right := i%2 == 0
			pw := password
			if !right {
				pw += "!"
			}
			ok, err := v.Verify("argon2id", digest, pw)
			if err == nil && ok != right {
				err = fmt.Errorf("ok = %v, want %v", ok, right)
			}
			errs[i] = err
		})
	}
	wg.Wait()
	peak := peakResident(t)
	t.Logf("%d verifies in %v, default budget %d MiB, peak resident %d MiB", calls, time.Since(start).Round(time.Millisecond), defaultBudget().Total()>>20, peak>>20)
	for i, err := range errs {
		assert.NoError(t, err, "call %d", i)
	}
	assert.LessOrEqual(t, peak, int64(maxPeak), "peak resident memory (VmHWM)")
}

// peakResident reads VmHWM, the process's peak resident memory.
func peakResident(t *testing.T) int64 {
	data, err := os.ReadFile("/proc/self/status")
	require.NoError(t, err)
	for line := range strings.Lines(string(data)) {
		if rest, ok := strings.CutPrefix(line, "VmHWM:"); ok {
			f := strings.Fields(rest)
			require.Len(t, f, 2)
			require.Equal(t, "kB", f[1])
			n, err := strconv.ParseInt(f[0], 10, 64)
			require.NoError(t, err)
			return n << 10
		}
	}
	t.Fatal("no VmHWM in /proc/self/status")
	return 0
}
