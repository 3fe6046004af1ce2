package mempool

import (
	"slices"
	"testing"
)

// TestPutClears checks that a buffer comes back from the pool all zero when
// its previous user wrote the part it handed back.
func TestPutClears(t *testing.T) {
	p := New[uint64](1 << 20)
	b, err := p.Get(1000)
	if err != nil {
		t.Fatal(err)
	}
	used := b[:700]
	for i := range used {
		used[i] = ^uint64(i)
	}
	p.Put(used)
	if _, n := p.Held(); n != 1 {
		t.Fatalf("pool holds %d buffers, want 1", n)
	}
	c, err := p.Get(600)
	if err != nil {
		t.Fatal(err)
	}
	if &c[0] != &b[0] {
		t.Fatal("Get did not reuse the pooled buffer")
	}
	c = c[:cap(c)]
	if i := slices.IndexFunc(c, func(w uint64) bool { return w != 0 }); i >= 0 {
		t.Fatalf("word %d of a reused buffer is %#x, want 0", i, c[i])
	}
}
