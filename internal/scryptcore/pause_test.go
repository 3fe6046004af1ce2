package scryptcore

import (
	"testing"
	"time"

	"github.com/pwdigest/pwdigest/internal/coretest"
)

func pauseWork(N int) func() {
	return func() {
		if _, err := Key([]byte("pw"), []byte("salt"), N, 8, 1, 32); err != nil {
			panic(err)
		}
	}
}

// TestPauses checks that four keys in flight on two cores do not hold up
// the collector's stop-the-world phases.
func TestPauses(t *testing.T) {
	if testing.Short() {
		t.Skip("timing test")
	}
	coretest.CheckPauses(t, 50*time.Millisecond, 4, pauseWork(1<<14))
}

// BenchmarkPauses reports the worst stop-the-world pause while four keys at
// Werkzeug's costs (N=2^15, r=8, p=1) run on two cores next to an allocating
// goroutine.
func BenchmarkPauses(b *testing.B) {
	coretest.BenchmarkPauses(b, 4, pauseWork(1<<15))
}
