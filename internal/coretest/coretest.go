// Package coretest holds what the hot cores' tests and benchmarks share: a
// CPU-time metric and a check of the stop-the-world pauses a computation
// causes (measured by internal/gcpause). It is imported by tests only.
package coretest

import (
	"testing"
	"time"

	"github.com/pwdigest/pwdigest/internal/gcpause"
)

// CPUStart returns a mark for ReportCPU: the process's CPU time now.
func CPUStart() int64 { return cpuTime() }

// ReportCPU reports the process CPU time per operation since start as
// cpu-ns/op, which is steadier than ns/op when other jobs share the machine.
func ReportCPU(b *testing.B, start int64) {
	if start >= 0 && b.N > 0 {
		b.ReportMetric(float64(cpuTime()-start)/float64(b.N), "cpu-ns/op")
	}
}

// CheckPauses fails t unless the worst stop-the-world pause while n calls
// of work run at once on two cores, next to an allocating goroutine, stays
// within bound in at least one of three tries: a busy machine can stretch
// one pause, a core without preemption points stretches them all.
func CheckPauses(t *testing.T, bound time.Duration, n int, work func()) {
	t.Helper()
	if gcpause.Race {
		t.Skip("the race detector slows the cores and the collector unevenly")
	}
	var seen []time.Duration
	for range 3 {
		r := gcpause.Measure(2, n, 1, work)
		if r.Pauses == 0 {
			t.Fatal("no collection ran during the computations")
		}
		if r.Worst <= bound {
			return
		}
		seen = append(seen, r.Worst)
	}
	t.Fatalf("worst stop-the-world pause %v in each of three tries, want <= %v", seen, bound)
}

// BenchmarkPauses runs n calls of work at once on two cores next to an
// allocating goroutine, b.N times, and reports the worst stop-the-world
// pause in milliseconds as worst-pause-ms.
func BenchmarkPauses(b *testing.B, n int, work func()) {
	var worst time.Duration
	for b.Loop() {
		worst = max(worst, gcpause.Measure(2, n, 1, work).Worst)
	}
	b.ReportMetric(float64(worst)/float64(time.Millisecond), "worst-pause-ms")
}
