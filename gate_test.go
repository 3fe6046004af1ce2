package pwdigest

import (
	"context"
	"errors"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// TestGateBoundsConcurrentVerifies: with a gate of 2, no more than two
// verifies hash at once, whatever the callers do, and every answer is right.
func TestGateBoundsConcurrentVerifies(t *testing.T) {
	var inside, most atomic.Int32
	name := "gate-test-hasher"
	d, err := (&Verifier{Policy: fastPolicy}).Hash("bcrypt", "pw")
	require.NoError(t, err)
	s := &scheme{name: name, parse: func(digest string, l Limits) (parsed, error) {
		p, err := parseBcrypt(digest, l)
		if err != nil {
			return nil, err
		}
		return &countingDigest{p, &inside, &most}, nil
	}}
	v := &Verifier{Gate: NewGate(2)}
	var wg sync.WaitGroup
	for range 8 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			ok, err := v.verifyScheme(context.Background(), s, d, "pw")
			assert.NoError(t, err)
			assert.True(t, ok)
		}()
	}
	wg.Wait()
	assert.Equal(t, int32(2), most.Load(), "at most the gate's size at once, and that many")
}

type countingDigest struct {
	parsed
	inside, most *atomic.Int32
}

func (d *countingDigest) verify(password string) (bool, error) {
	n := d.inside.Add(1)
	defer d.inside.Add(-1)
	for m := d.most.Load(); n > m && !d.most.CompareAndSwap(m, n); m = d.most.Load() {
	}
	time.Sleep(5 * time.Millisecond) // overlap the callers
	return d.parsed.verify(password)
}

func TestGateWaitHonoursContext(t *testing.T) {
	g := NewGate(1)
	require.NoError(t, g.enter(context.Background()))
	defer g.leave()
	v := &Verifier{Gate: g}
	d, err := (&Verifier{Policy: fastPolicy}).Hash("bcrypt", "pw")
	require.NoError(t, err)
	ctx, cancel := context.WithTimeout(context.Background(), 20*time.Millisecond)
	defer cancel()
	_, err = v.VerifyContext(ctx, "bcrypt", d, "pw")
	assert.True(t, errors.Is(err, context.DeadlineExceeded), "%v", err)
}

func TestNewGatePanicsOnZero(t *testing.T) {
	assert.Panics(t, func() { NewGate(0) })
	assert.Equal(t, 3, NewGate(3).Size())
}
