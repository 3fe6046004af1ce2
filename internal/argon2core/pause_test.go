package argon2core

import (
	"testing"
	"time"

	"github.com/pwdigest/pwdigest/internal/coretest"
)

func pauseWork(p Params) func() {
	return func() {
		if _, err := Key([]byte("correct horse battery staple"), []byte("0123456789abcdef"), nil, nil, p); err != nil {
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
	p := Params{Type: Argon2id, Version: Version13, Memory: 16 << 10, Time: 1, Threads: 4, KeyLen: 32}
	coretest.CheckPauses(t, 50*time.Millisecond, 4, pauseWork(p))
}

// BenchmarkPauses reports the worst stop-the-world pause while four keys at
// m=64 MiB, t=3, p=4 run on two cores next to an allocating goroutine.
func BenchmarkPauses(b *testing.B) {
	p := Params{Type: Argon2id, Version: Version13, Memory: 64 << 10, Time: 3, Threads: 4, KeyLen: 32}
	coretest.BenchmarkPauses(b, 4, pauseWork(p))
}
