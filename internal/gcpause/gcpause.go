// Package gcpause measures the runtime's garbage-collector stop-the-world
// pauses while code runs. A pause lasts from the moment the collector asks
// every goroutine to stop until the world runs again, so a call the runtime
// cannot preempt (a long assembly loop, a page fault inside one) shows up
// here as a long pause, and every other goroutine of the process stalls for
// it.
//
// Two sources: runtime/metrics' /sched/pauses/total/gc:seconds and
// /sched/pauses/stopping/gc:seconds, histograms (Snapshot; a worst figure
// from them is the upper bound of the largest bucket that gained a count,
// about 25 % wide above 1 ms), and, in a Load, the runtime's exact pause of
// every collection (debug.ReadGCStats, both pauses of a cycle together).
package gcpause

import (
	"math"
	"runtime"
	"runtime/debug"
	"runtime/metrics"
	"sync"
	"sync/atomic"
	"time"
)

const (
	pauses   = "/sched/pauses/total/gc:seconds"
	stopping = "/sched/pauses/stopping/gc:seconds"
)

// A Snapshot is the pause histograms at one moment.
type Snapshot struct {
	total, stopping histogram
}

type histogram struct {
	counts  []uint64
	buckets []float64
}

// Take reads the pause histograms now.
func Take() Snapshot {
	s := []metrics.Sample{{Name: pauses}, {Name: stopping}}
	metrics.Read(s)
	read := func(v metrics.Value) histogram {
		h := v.Float64Histogram()
		return histogram{append([]uint64(nil), h.Counts...), h.Buckets}
	}
	return Snapshot{read(s[0].Value), read(s[1].Value)}
}

// Since returns the number of GC pauses since s and the worst of them (0
// when there was none).
func (s Snapshot) Since() (n uint64, worst time.Duration) {
	return Take().total.since(s.total)
}

func (h histogram) since(old histogram) (n uint64, worst time.Duration) {
	for i := range h.counts {
		d := h.counts[i]
		if i < len(old.counts) {
			d -= old.counts[i]
		}
		if d == 0 {
			continue
		}
		n += d
		// Bucket i spans buckets[i] to buckets[i+1]; the last may end at +Inf.
		hi := h.buckets[i+1]
		if math.IsInf(hi, 1) {
			hi = h.buckets[i]
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
	Worst      time.Duration // the longest stop-the-world time of one collection (exact; see Load)
	Stopping   time.Duration // the longest wait for every goroutine to stop (histogram bound)
	AllocStall time.Duration // the longest gap between two allocations of the allocating goroutine
	Steal      time.Duration // CPU time the hypervisor gave to others meanwhile, all CPUs (Linux, 10 ms ticks)
}

// A Load imitates a busy server: GOMAXPROCS lowered, and one goroutine that
// allocates steadily, so the collector runs often, while the caller runs
// its work (Concurrent) alongside. Another goroutine reads the runtime's
// pause of each collection every 10 ms (it keeps the last 256): Worst is the
// longest of them, both stop-the-world pauses of a cycle added, so exact and
// never below the longest single pause. Where a poll came too late for some
// cycles, Worst takes the histogram's bound instead if that is larger.
type Load struct {
	procs  int
	snap   Snapshot
	stop   chan struct{}
	done   sync.WaitGroup
	stall  atomic.Int64
	worst  time.Duration // set by poll
	missed bool          // set by poll
	steal  time.Duration // at Start
}

// Start sets GOMAXPROCS to procs, starts the allocating goroutine and
// begins measuring. Stop ends it.
func Start(procs int) *Load {
	l := &Load{procs: runtime.GOMAXPROCS(procs), stop: make(chan struct{})}
	runtime.GC()
	var st debug.GCStats
	debug.ReadGCStats(&st)
	l.snap = Take()
	l.steal = steal()
	l.done.Add(2)
	go l.allocate()
	go l.poll(st.NumGC)
	return l
}

// poll reads the pause of every collection after the first seen cycles.
func (l *Load) poll(seen int64) {
	defer l.done.Done()
	var st debug.GCStats
	tick := time.NewTicker(10 * time.Millisecond)
	defer tick.Stop()
	for stopped := false; !stopped; {
		select {
		case <-l.stop:
			stopped = true // one last read
		case <-tick.C:
		}
		debug.ReadGCStats(&st)
		n := st.NumGC - seen
		if n > int64(len(st.Pause)) {
			l.missed = true
			n = int64(len(st.Pause))
		}
		for _, p := range st.Pause[:n] { // most recent first
			l.worst = max(l.worst, p)
		}
		seen = st.NumGC
	}
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
func (l *Load) Concurrent(n int, fn func()) { Concurrent(n, fn) }

// Concurrent calls fn on n goroutines at once and waits for them, with or
// without a Load (a warm-up round, say).
func Concurrent(n int, fn func()) {
	var wg sync.WaitGroup
	for range n {
		wg.Go(fn)
	}
	wg.Wait()
}

// Stop ends the load, restores GOMAXPROCS and returns what it saw. It first
// lets the collection under way finish (the allocating goroutine keeps it
// going, for a second at most): the runtime records a cycle's pause when the
// cycle ends.
func (l *Load) Stop() Result {
	var st debug.GCStats
	debug.ReadGCStats(&st)
	for end, n := time.Now().Add(time.Second), st.NumGC; st.NumGC <= n && time.Now().Before(end); {
		time.Sleep(time.Millisecond)
		debug.ReadGCStats(&st)
	}
	close(l.stop)
	l.done.Wait()
	now := Take()
	n, bound := now.total.since(l.snap.total)
	_, stopping := now.stopping.since(l.snap.stopping)
	r := Result{Pauses: n, Worst: l.worst, Stopping: stopping,
		AllocStall: time.Duration(l.stall.Load()), Steal: steal() - l.steal}
	if l.missed {
		r.Worst = max(r.Worst, bound)
	}
	runtime.GOMAXPROCS(l.procs)
	return r
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
