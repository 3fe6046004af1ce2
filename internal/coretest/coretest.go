// Package coretest holds what the hot cores' tests and benchmarks share: a
// CPU-time metric and a measure of the worst stop-the-world pause a
// computation causes. It is imported by tests only.
package coretest

import (
	"math"
	"runtime"
	"runtime/metrics"
	"sync"
	"testing"
	"time"
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

const pauseMetric = "/sched/pauses/total/gc:seconds"

// WorstPause runs work in n goroutines at once, with GOMAXPROCS set to 2 and
// one more goroutine allocating garbage so that the collector runs
// throughout, as in a busy sign-in server. It returns the upper bound of the
// largest bucket of the runtime's stop-the-world pause histogram that
// gained a pause meanwhile (0 if none did), and how many pauses it saw.
func WorstPause(n int, work func()) (time.Duration, uint64) {
	defer runtime.GOMAXPROCS(runtime.GOMAXPROCS(2))
	runtime.GC()
	before := readPauses()

	done := make(chan struct{})
	var alloc sync.WaitGroup
	alloc.Go(func() {
		// Keep 4 MiB live and replace it 64 KiB at a time: a collection
		// every few milliseconds.
		var keep [64][]byte
		for i := 0; ; i++ {
			select {
			case <-done:
				return
			default:
			}
			keep[i%len(keep)] = make([]byte, 64<<10)
		}
	})
	var wg sync.WaitGroup
	for range n {
		wg.Go(work)
	}
	wg.Wait()
	close(done)
	alloc.Wait()

	after := readPauses()
	var worst time.Duration
	var count uint64
	for i := range after.Counts {
		d := after.Counts[i] - before.Counts[i]
		if d == 0 {
			continue
		}
		count += d
		hi := after.Buckets[i+1]
		if math.IsInf(hi, 1) {
			hi = after.Buckets[i]
		}
		worst = max(worst, time.Duration(hi*float64(time.Second)))
	}
	return worst, count
}

func readPauses() *metrics.Float64Histogram {
	s := []metrics.Sample{{Name: pauseMetric}}
	metrics.Read(s)
	return s[0].Value.Float64Histogram()
}

// CheckPauses fails t unless the worst pause of WorstPause(n, work) stays
// within bound in at least one of three tries: a loaded machine can
// stretch one pause, a core without preemption points stretches them all.
func CheckPauses(t *testing.T, bound time.Duration, n int, work func()) {
	t.Helper()
	var seen []time.Duration
	for range 3 {
		worst, count := WorstPause(n, work)
		if count == 0 {
			t.Fatal("no collection ran during the computations")
		}
		if worst <= bound {
			return
		}
		seen = append(seen, worst)
	}
	t.Fatalf("worst stop-the-world pause %v in each of three tries, want <= %v", seen, bound)
}

// BenchmarkPauses runs WorstPause(n, work) b.N times and reports the worst
// pause in milliseconds as worst-pause-ms.
func BenchmarkPauses(b *testing.B, n int, work func()) {
	var worst time.Duration
	for b.Loop() {
		w, _ := WorstPause(n, work)
		worst = max(worst, w)
	}
	b.ReportMetric(float64(worst)/float64(time.Millisecond), "worst-pause-ms")
}
