package mempool

import (
	"slices"
	"testing"
	"time"
)

// TestPutClears checks that a buffer comes back from the pool all zero when
// its previous user wrote the part it handed back, small or spanning
// several clearing chunks.
func TestPutClears(t *testing.T) {
	for _, used := range []int{700, 3*clearChunk/8 + 5} {
		p := New[uint64](1 << 30)
		b, err := p.Get(used + 300)
		if err != nil {
			t.Fatal(err)
		}
		for i := range b[:used] {
			b[i] = ^uint64(i)
		}
		p.Put(b[:used])
		if _, n := p.Held(); n != 1 {
			t.Fatalf("pool holds %d buffers, want 1", n)
		}
		c, err := p.Get(used)
		if err != nil {
			t.Fatal(err)
		}
		if &c[0] != &b[0] {
			t.Fatal("Get did not reuse the pooled buffer")
		}
		c = c[:cap(c)]
		if i := slices.IndexFunc(c, func(w uint64) bool { return w != 0 }); i >= 0 {
			t.Fatalf("used %d: word %d of a reused buffer is %#x, want 0", used, i, c[i])
		}
	}
}

// TestIdleRelease checks that buffers nobody takes are released after
// IdleRelease, and that one taken and put back again is kept for a new
// period.
func TestIdleRelease(t *testing.T) {
	old := IdleRelease
	IdleRelease = 50 * time.Millisecond
	t.Cleanup(func() { IdleRelease = old })
	p := New[uint64](1 << 30)
	a, _ := p.Get(1000)
	b, _ := p.Get(3000)
	p.Put(a)
	time.Sleep(30 * time.Millisecond)
	p.Put(b)
	if _, n := p.Held(); n != 2 {
		t.Fatalf("pool holds %d buffers, want 2", n)
	}
	// a goes first; b, put back 30 ms later, stays for a while.
	waitHeld(t, p, 1)
	if c, _ := p.Get(3000); &c[0] != &b[0] {
		t.Fatal("the pool released the newer buffer first")
	} else {
		p.Put(c)
	}
	waitHeld(t, p, 0)
}

// waitHeld waits up to 2 s for p to hold n buffers.
func waitHeld[T any](t *testing.T, p *Pool[T], n int) {
	t.Helper()
	for start := time.Now(); time.Since(start) < 2*time.Second; time.Sleep(5 * time.Millisecond) {
		if _, got := p.Held(); got == n {
			return
		}
	}
	_, got := p.Held()
	t.Fatalf("pool holds %d buffers after 2 s, want %d", got, n)
}

// TestPutOverLimit checks that a buffer larger than the limit is not kept,
// and that trimming drops the oldest buffers first.
func TestPutOverLimit(t *testing.T) {
	p := New[byte](10 << 10)
	big, _ := p.Get(20 << 10)
	p.Put(big)
	if bytes, n := p.Held(); n != 0 || bytes != 0 {
		t.Fatalf("pool holds %d buffers (%d bytes) after a put over its limit, want none", n, bytes)
	}
	a, _ := p.Get(6 << 10)
	b, _ := p.Get(6 << 10)
	p.Put(a)
	p.Put(b)
	if bytes, n := p.Held(); n != 1 || bytes != 6<<10 {
		t.Fatalf("pool holds %d buffers (%d bytes), want 1 (6 KiB)", n, bytes)
	}
	if c, _ := p.Get(6 << 10); &c[0] != &b[0] {
		t.Fatal("trimming kept the older buffer")
	}
}

// TestClearPart checks clearPart at every alignment and at lengths around
// the non-temporal path's multiples: the range is zero, the bytes around it
// untouched.
func TestClearPart(t *testing.T) {
	buf := make([]byte, 3*ntMin+512)
	for off := range 33 {
		for _, n := range []int{0, 1, ntMin - 1, ntMin, ntMin + 1, ntMin + 127, ntMin + 128, 2*ntMin + 77, 3 * ntMin} {
			for i := range buf {
				buf[i] = byte(i) | 1
			}
			clearPart(buf[off : off+n])
			for i, v := range buf {
				inside := i >= off && i < off+n
				if inside && v != 0 || !inside && v != byte(i)|1 {
					t.Fatalf("offset %d, length %d: byte %d is %#x", off, n, i, v)
				}
			}
		}
	}
}
