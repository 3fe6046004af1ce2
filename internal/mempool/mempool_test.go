package mempool

import (
	"slices"
	"testing"
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
