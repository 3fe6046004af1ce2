package gcpause

import (
	"runtime"
	"testing"
	"time"
)

// TestDuring: a forced collection is seen, with a pause above zero.
func TestDuring(t *testing.T) {
	s := Take()
	if worst := During(runtime.GC); worst <= 0 {
		t.Fatalf("During(runtime.GC) = %v, want > 0", worst)
	}
	if n, _ := s.Since(); n < 2 { // runtime.GC stops the world twice
		t.Fatalf("Since = %d pauses, want ≥ 2", n)
	}
	if worst := During(func() {}); worst != 0 {
		t.Logf("a collection ran meanwhile: %v", worst) // possible, not an error
	}
}

// TestLoadRestoresProcs: the load's allocator makes the collector run, and
// GOMAXPROCS is back as it was afterwards.
func TestLoadRestoresProcs(t *testing.T) {
	before := runtime.GOMAXPROCS(0)
	r := Measure(1, 2, 3, func() { time.Sleep(5 * time.Millisecond) })
	if got := runtime.GOMAXPROCS(0); got != before {
		t.Errorf("GOMAXPROCS = %d after the load, want %d", got, before)
	}
	if r.Pauses == 0 {
		t.Error("no collection during 15 ms of steady allocation")
	}
	if r.Stopping <= 0 {
		t.Errorf("stopping latency %v, want a positive figure", r.Stopping)
	}
	if r.Worst <= 0 || r.Worst > time.Second {
		t.Errorf("worst pause %v, want a positive figure", r.Worst)
	}
}
