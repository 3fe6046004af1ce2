package pbkdf2core

import (
	"math"
	"runtime"
	"runtime/metrics"
	"slices"
	"sync"
	"testing"
	"time"
)

// pauseCases are the iteration counts of real stored digests: Django 4.2's
// PBKDF2-SHA-256 (600,000), OWASP's PBKDF2-SHA-512 (210,000) and the
// pbkdf2_sha1 export of the benchmark digests (1,300,000).
var pauseCases = []benchCase{
	{"sha256-600000-32", SHA256, 600000, 32},
	{"sha512-210000-64", SHA512, 210000, 64},
	{"sha1-1300000-20", SHA1, 1300000, 20},
}

const pauseMetric = "/sched/pauses/total/gc:seconds"

// worstGCPause runs four concurrent Key calls for c on two Ps, as a busy
// sign-in server would, while a goroutine allocates to keep the GC cycling.
// It returns the upper bound of the highest bucket of the runtime's
// stop-the-world pause histogram that gained a count, and how many pauses
// the run saw.
func worstGCPause(tb testing.TB, c benchCase) (time.Duration, uint64) {
	tb.Helper()
	defer runtime.GOMAXPROCS(runtime.GOMAXPROCS(2))
	stop := make(chan struct{})
	var alloc sync.WaitGroup
	alloc.Add(1)
	go func() {
		defer alloc.Done()
		var keep [16][]byte // a small live heap, so cycles are short and many
		for i := 0; ; i++ {
			select {
			case <-stop:
				return
			default:
			}
			keep[i%len(keep)] = make([]byte, 64<<10)
		}
	}()

	// Start the work once the allocator has the GC cycling.
	sample := []metrics.Sample{{Name: pauseMetric}, {Name: "/gc/cycles/total:gc-cycles"}}
	metrics.Read(sample)
	for start := sample[1].Value.Uint64(); sample[1].Value.Uint64() < start+2; {
		time.Sleep(time.Millisecond)
		metrics.Read(sample)
	}
	// Read reuses the histogram's memory: keep a copy.
	before := slices.Clone(sample[0].Value.Float64Histogram().Counts)
	var work sync.WaitGroup
	for range 4 {
		work.Add(1)
		go func() {
			defer work.Done()
			if _, err := Key(c.h, benchPassword, benchSalt, c.iter, c.keyLen); err != nil {
				tb.Error(err)
			}
		}()
	}
	work.Wait()
	metrics.Read(sample)
	after := sample[0].Value.Float64Histogram()
	close(stop)
	alloc.Wait()

	var n uint64
	worst := -1
	for i := range after.Counts {
		if d := after.Counts[i] - before[i]; d > 0 {
			n += d
			worst = i
		}
	}
	if worst < 0 {
		return 0, 0
	}
	upper := after.Buckets[worst+1]
	if math.IsInf(upper, 1) {
		upper = after.Buckets[worst]
	}
	return time.Duration(upper * float64(time.Second)), n
}

// TestGCPause checks that Key lets the runtime stop the world quickly: the
// iteration loops run in short calls. Before they did, a pause lasted as
// long as a whole Key (60-120 ms here). The bound is loose and a case gets
// three tries, for a loaded CI machine, where a thread may wait for a core
// whatever the code does; BenchmarkGCPause reports the figure itself
// (target: 5 ms).
func TestGCPause(t *testing.T) {
	if testing.Short() {
		t.Skip("runs real iteration counts")
	}
	const bound = 50 * time.Millisecond
	for _, c := range pauseCases {
		t.Run(c.name, func(t *testing.T) {
			if !Accelerated(c.h) {
				// The runtime preempts Go code anywhere; at these
				// counts the portable code would take seconds.
				t.Skip("portable code")
			}
			var tries []time.Duration
			for range 3 {
				worst, n := worstGCPause(t, c)
				if n == 0 {
					t.Fatal("no GC ran during the test")
				}
				t.Logf("%d pauses, worst %v", n, worst)
				if worst <= bound {
					return
				}
				tries = append(tries, worst)
			}
			t.Errorf("worst GC pauses %v, want one ≤ %v", tries, bound)
		})
	}
}

// BenchmarkGCPause reports the worst GC stop-the-world pause over b.N runs
// of worstGCPause, in milliseconds.
func BenchmarkGCPause(b *testing.B) {
	for _, c := range pauseCases {
		b.Run(c.name, func(b *testing.B) {
			var worst time.Duration
			var n uint64
			for b.Loop() {
				w, k := worstGCPause(b, c)
				worst, n = max(worst, w), n+k
			}
			if n == 0 {
				b.Fatal("no GC ran during the benchmark")
			}
			b.ReportMetric(float64(worst)/float64(time.Millisecond), "worst-pause-ms")
			b.ReportMetric(float64(n)/float64(b.N), "pauses/op")
		})
	}
}
