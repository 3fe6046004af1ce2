package scryptcore

import (
	"fmt"
	"sync"
	"testing"

	"github.com/stretchr/testify/require"
	"golang.org/x/crypto/scrypt"
)

func TestPoolReuse(t *testing.T) {
	old := SetPoolLimit(64 << 20)
	t.Cleanup(func() { SetPoolLimit(old) })
	SetPoolLimit(0)
	SetPoolLimit(64 << 20)

	k1, err := Key([]byte("pw"), []byte("salt"), 1024, 8, 1, 32)
	require.NoError(t, err)
	held, n := pooled()
	require.Equal(t, 1, n)
	require.Equal(t, MemoryBytes(1024, 8, 1), held)

	// The buffer came back cleared: nothing derived from the password (V,
	// X, Y, B) stays in the pool.
	buf, err := getBuf(int(held / 4))
	require.NoError(t, err)
	require.Equal(t, make([]uint32, len(buf)), buf, "pooled memory holds the computation's state")
	putBuf(buf)
	k2, err := Key([]byte("pw"), []byte("salt"), 1024, 8, 1, 32)
	require.NoError(t, err)
	require.Equal(t, k1, k2)
	held2, n2 := pooled()
	require.Equal(t, 1, n2)
	require.Equal(t, held, held2)

	// A smaller computation does not take a buffer over twice its size.
	_, err = Key([]byte("pw"), []byte("salt"), 16, 8, 1, 32)
	require.NoError(t, err)
	_, n3 := pooled()
	require.Equal(t, 2, n3)
}

func TestPoolLimit(t *testing.T) {
	old := SetPoolLimit(0)
	t.Cleanup(func() { SetPoolLimit(old) })
	held, n := pooled()
	require.Zero(t, held)
	require.Zero(t, n)

	// With the pool off nothing is kept.
	_, err := Key([]byte("pw"), []byte("salt"), 256, 4, 1, 32)
	require.NoError(t, err)
	held, n = pooled()
	require.Zero(t, held)
	require.Zero(t, n)

	// A limit that fits two buffers of these costs keeps two.
	one := MemoryBytes(256, 4, 1)
	require.Equal(t, int64(0), SetPoolLimit(2*one+one/2))
	var bufs [][]uint32
	for range 3 {
		b, err := getBuf(int(one / 4))
		require.NoError(t, err)
		bufs = append(bufs, b)
	}
	for _, b := range bufs {
		putBuf(b)
	}
	held, n = pooled()
	require.Equal(t, 2, n)
	require.Equal(t, 2*one, held)
	require.LessOrEqual(t, held, 2*one+one/2)

	// Lowering the limit drops buffers at once.
	require.Equal(t, 2*one+one/2, SetPoolLimit(one))
	held, n = pooled()
	require.Equal(t, 1, n)
	require.Equal(t, one, held)

	// A buffer larger than the limit is not kept.
	SetPoolLimit(one - 1)
	held, n = pooled()
	require.Zero(t, held)
	require.Zero(t, n)
	_, err = Key([]byte("pw"), []byte("salt"), 256, 4, 1, 32)
	require.NoError(t, err)
	held, n = pooled()
	require.Zero(t, held)
	require.Zero(t, n)
}

// TestConcurrent runs Key from several goroutines, each of which must get a
// buffer of its own.
func TestConcurrent(t *testing.T) {
	want := make(map[int][]byte)
	for _, N := range []int{64, 128, 256, 512} {
		k, err := scrypt.Key([]byte("pw"), []byte("salt"), N, 4, 1, 32)
		require.NoError(t, err)
		want[N] = k
	}
	var wg sync.WaitGroup
	errs := make(chan error, 8)
	for g := range 8 {
		wg.Go(func() {
			for i := range 20 {
				N := 64 << ((g + i) % 4)
				k, err := Key([]byte("pw"), []byte("salt"), N, 4, 1, 32)
				if err == nil && string(k) != string(want[N]) {
					err = fmt.Errorf("N=%d: got %x, want %x", N, k, want[N])
				}
				if err != nil {
					errs <- err
					return
				}
			}
		})
	}
	wg.Wait()
	close(errs)
	for err := range errs {
		t.Error(err)
	}
}
