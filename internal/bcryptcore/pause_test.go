package bcryptcore

import (
	"testing"
	"time"

	"github.com/pwdigest/pwdigest/internal/coretest"
)

func pauseWork(cost int) func() {
	return func() {
		if _, err := Hash([]byte("correct horse battery staple"), []byte("0123456789abcdef"), cost, 'b'); err != nil {
			panic(err)
		}
	}
}

// TestPauses checks that four hashes in flight on two cores do not hold up
// the collector's stop-the-world phases: the assembly runs in short calls.
func TestPauses(t *testing.T) {
	if testing.Short() {
		t.Skip("timing test")
	}
	coretest.CheckPauses(t, 50*time.Millisecond, 4, pauseWork(10))
}

// BenchmarkPauses reports the worst stop-the-world pause while four cost-12
// hashes run on two cores next to an allocating goroutine.
func BenchmarkPauses(b *testing.B) {
	coretest.BenchmarkPauses(b, 4, pauseWork(12))
}
