package scryptcore

import "sync"

// defaultPoolLimit is how many bytes of working memory are kept for reuse
// between Key calls unless SetPoolLimit says otherwise.
const defaultPoolLimit = 128 << 20

// pool keeps freed working memory so that a burst of Key calls does not
// fault in fresh pages for each one. Buffers are not cleared: Key writes
// every word before reading it.
var pool = bufPool{limit: defaultPoolLimit}

type bufPool struct {
	mu    sync.Mutex
	limit int64
	held  int64
	free  [][]uint32 // oldest first
}

// SetPoolLimit sets how many bytes of working memory may be kept between Key
// calls (128 MiB unless set) and returns the previous limit. Zero or less
// disables the pool. Kept memory still holds the state of earlier
// computations; it is not cleared.
func SetPoolLimit(bytes int64) int64 {
	pool.mu.Lock()
	defer pool.mu.Unlock()
	old := pool.limit
	pool.limit = max(bytes, 0)
	pool.trim()
	return old
}

// pooled returns the bytes the pool holds now (for tests).
func pooled() (bytes int64, buffers int) {
	pool.mu.Lock()
	defer pool.mu.Unlock()
	return pool.held, len(pool.free)
}

// getBuf returns n words of unspecified contents, to be handed back with
// putBuf.
func getBuf(n int) ([]uint32, error) {
	pool.mu.Lock()
	best := -1
	for i, b := range pool.free {
		// Best fit, never more than twice the need, so that a small
		// computation does not pin a large buffer.
		if c := cap(b); c >= n && c/2 <= n && (best < 0 || c < cap(pool.free[best])) {
			best = i
		}
	}
	if best >= 0 {
		b := pool.free[best]
		pool.free = append(pool.free[:best], pool.free[best+1:]...)
		pool.held -= 4 * int64(cap(b))
		pool.mu.Unlock()
		return b[:n], nil
	}
	pool.mu.Unlock()
	return allocBuf(n)
}

// putBuf hands b back for reuse, dropping the oldest buffers if the pool
// would exceed its limit.
func putBuf(b []uint32) {
	b = b[:cap(b)]
	size := 4 * int64(len(b))
	pool.mu.Lock()
	defer pool.mu.Unlock()
	if size > pool.limit {
		freeBuf(b)
		return
	}
	pool.free = append(pool.free, b)
	pool.held += size
	pool.trim()
}

func (p *bufPool) trim() {
	n := 0
	for p.held > p.limit {
		p.held -= 4 * int64(cap(p.free[n]))
		freeBuf(p.free[n])
		p.free[n] = nil
		n++
	}
	if n > 0 {
		p.free = append(p.free[:0], p.free[n:]...)
		clear(p.free[len(p.free) : len(p.free)+n])
	}
}
