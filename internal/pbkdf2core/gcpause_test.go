package pbkdf2core

import (
	"testing"
	"time"

	"github.com/pwdigest/pwdigest/internal/gcpause"
)

// pauseCases are the iteration counts of real stored digests, those of the
// benchmark digests (testdata/bench): Django PBKDF2-SHA-256 (1,200,000),
// OWASP's PBKDF2-SHA-512 (210,000) and pbkdf2_sha1 (1,300,000). A call
// takes 80-100 ms, so a core that cannot be preempted fails the bound.
var pauseCases = []benchCase{
	{"sha256-1200000-32", SHA256, 1200000, 32},
	{"sha512-210000-64", SHA512, 210000, 64},
	{"sha1-1300000-20", SHA1, 1300000, 20},
}

func (c benchCase) key(tb testing.TB) func() {
	return func() {
		if _, err := Key(c.h, benchPassword, benchSalt, c.iter, c.keyLen); err != nil {
			tb.Error(err)
		}
	}
}

// TestGCPause checks that Key lets the runtime stop the world quickly: four
// concurrent calls on two Ps, as in a busy sign-in server, while a goroutine
// allocates (gcpause.Measure). Before the iteration loops ran in short
// calls, a pause lasted as long as a whole Key (100-300 ms here). The bound
// is loose and a case gets three tries, for a loaded CI machine, where a
// thread may wait for a core whatever the code does; BenchmarkGCPause
// reports the figure itself (target: 5 ms).
func TestGCPause(t *testing.T) {
	if testing.Short() {
		t.Skip("runs real iteration counts")
	}
	if gcpause.Race {
		t.Skip("the race detector slows the code and the collector unevenly")
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
				r := gcpause.Measure(2, 4, 1, c.key(t))
				if r.Pauses == 0 {
					t.Fatal("no GC ran during the test")
				}
				t.Logf("%d pauses, worst %v", r.Pauses, r.Worst)
				if r.Worst <= bound {
					return
				}
				tries = append(tries, r.Worst)
			}
			t.Errorf("worst GC pauses %v, want one ≤ %v", tries, bound)
		})
	}
}

// BenchmarkGCPause reports the worst GC stop-the-world pause while rounds of
// four concurrent Key calls run on two Ps beside an allocating goroutine.
func BenchmarkGCPause(b *testing.B) {
	for _, c := range pauseCases {
		b.Run(c.name, func(b *testing.B) {
			key := c.key(b)
			l := gcpause.Start(2)
			for b.Loop() {
				l.Concurrent(4, key)
			}
			r := l.Stop()
			if r.Pauses == 0 {
				b.Fatal("no GC ran during the benchmark")
			}
			b.ReportMetric(float64(r.Worst)/1e6, "max-pause-ms")
			b.ReportMetric(float64(r.Pauses), "gcs")
		})
	}
}
