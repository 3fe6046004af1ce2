// Package gcpause measures the runtime's garbage-collector stop-the-world
// pauses while code runs. A pause lasts from the moment the collector asks
// every goroutine to stop until the world runs again, so a call the runtime
// cannot preempt (a long assembly loop) shows up here as a long pause, and
// every other goroutine of the process stalls for it.
//
// The figures come from runtime/metrics' /sched/pauses/total/gc:seconds, a
// histogram: the worst pause is the upper bound of the largest bucket that
// gained a count, so it is exact to the bucket width (a few percent).
package gcpause

import (
	"math"
	"runtime"
	"runtime/metrics"
	"sync"
	"sync/atomic"
	"time"
)

const pauses = "/sched/pauses/total/gc:seconds"

// A Snapshot is the pause histogram at one moment.
type Snapshot struct {
	counts  []uint64
	buckets []float64
}

// Take reads the pause histogram now.
func Take() Snapshot {
	s := []metrics.Sample{{Name: pauses}}
	metrics.Read(s)
	h := s[0].Value.Float64Histogram()
	return Snapshot{counts: append([]uint64(nil), h.Counts...), buckets: h.Buckets}
}

// Since returns the number of GC pauses since s and the worst of them (0
// when there was none).
func (s Snapshot) Since() (n uint64, worst time.Duration) {
	now := Take()
	for i := range now.counts {
		d := now.counts[i]
		if i < len(s.counts) {
			d -= s.counts[i]
		}
		if d == 0 {
			continue
		}
		n += d
		// Bucket i spans buckets[i] to buckets[i+1]; the last may end at +Inf.
		hi := now.buckets[i+1]
		if math.IsInf(hi, 1) {
			hi = now.buckets[i]
		}
		worst = time.Duration(hi * float64(time.Second))
	}
	return n, worst
}

// During runs fn and returns the worst GC pause while it ran.
func During(fn func()) time.Duration {
	s := Take()
	fn()
	_, worst := s.Since()
	return worst
}

// A Result is what a Load saw.
type Result struct {
	Pauses     uint64        // GC stop-the-world pauses
	Worst      time.Duration // the longest of them
	AllocStall time.Duration // the longest gap between two allocations of the allocating goroutine
}

// A Load imitates a busy server: GOMAXPROCS lowered, and one goroutine that
// allocates steadily, so the collector runs often, while the caller runs
// its work (Concurrent) alongside.
type Load struct {
	procs int
	snap  Snapshot
	stop  chan struct{}
	done  sync.WaitGroup
	stall atomic.Int64
}

// Start sets GOMAXPROCS to procs, starts the allocating goroutine and
// begins measuring. Stop ends it.
func Start(procs int) *Load {
	l := &Load{procs: runtime.GOMAXPROCS(procs), stop: make(chan struct{})}
	runtime.GC()
	l.snap = Take()
	l.done.Add(1)
	go l.allocate()
	return l
}

// allocate keeps about 4 MiB live and replaces 64 KiB of it at a time, so
// the heap goal is small and the collector starts a cycle every few
// milliseconds.
func (l *Load) allocate() {
	defer l.done.Done()
	var ring [64][]byte
	last := time.Now()
	for i := 0; ; i++ {
		select {
		case <-l.stop:
			return
		default:
		}
		ring[i%len(ring)] = make([]byte, 64<<10)
		now := time.Now()
		if gap := int64(now.Sub(last)); gap > l.stall.Load() {
			l.stall.Store(gap)
		}
		last = now
	}
}

// Pauses returns the number of GC pauses since Start.
func (l *Load) Pauses() uint64 {
	n, _ := l.snap.Since()
	return n
}

// Concurrent calls fn on n goroutines at once and waits for them.
func (l *Load) Concurrent(n int, fn func()) {
	var wg sync.WaitGroup
	for range n {
		wg.Add(1)
		go func() {
			defer wg.Done()
			fn()
		}()
	}
	wg.Wait()
}

// Stop ends the load, restores GOMAXPROCS and returns what it saw.
func (l *Load) Stop() Result {
	n, worst := l.snap.Since()
	close(l.stop)
	l.done.Wait()
	runtime.GOMAXPROCS(l.procs)
	return Result{Pauses: n, Worst: worst, AllocStall: time.Duration(l.stall.Load())}
}

// Measure runs rounds of workers concurrent calls of fn under a Load of
// procs, as a sign-in server with workers verifies in flight would: the
// issue 11 setting is Measure(2, 4, rounds, verify).
func Measure(procs, workers, rounds int, fn func()) Result {
	l := Start(procs)
	for range rounds {
		l.Concurrent(workers, fn)
	}
	return l.Stop()
}
