package pwdigest

import (
	"context"
	"fmt"

	"golang.org/x/sync/semaphore"
)

// A Gate bounds how many verifies (and Hash calls) hash at once, for the
// Verifiers that share it; the others wait their turn in order of arrival.
// A sign-in storm then queues instead of taking every core from the rest of
// a server's requests: in bench/loadtest (GOMAXPROCS 2, six clients signing
// in), one verify at a time cut a cheap endpoint's p99 latency from 275 ms
// to 33 ms and raised sign-ins per second from 6.1 to 9.7. GOMAXPROCS − 1 is
// a good size for a server that does other work; VerifyContext's context
// bounds the wait.
type Gate struct {
	n   int
	sem *semaphore.Weighted
}

// NewGate returns a gate that lets n hashings run at once.
func NewGate(n int) *Gate {
	if n < 1 {
		panic("pwdigest: NewGate n must be at least 1")
	}
	return &Gate{n: n, sem: semaphore.NewWeighted(int64(n))}
}

// Size returns how many hashings the gate lets run at once.
func (g *Gate) Size() int { return g.n }

// enter waits for a place; a nil gate lets everyone in.
func (g *Gate) enter(ctx context.Context) error {
	if g == nil {
		return nil
	}
	if err := g.sem.Acquire(ctx, 1); err != nil {
		return fmt.Errorf("pwdigest: waiting for the verify gate: %w", err)
	}
	return nil
}

func (g *Gate) leave() {
	if g != nil {
		g.sem.Release(1)
	}
}
