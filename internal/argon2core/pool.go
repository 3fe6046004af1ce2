package argon2core

import "sync"

// defaultPoolLimit is how many bytes of block memory are kept for reuse
// between Key calls unless SetPoolLimit says otherwise.
const defaultPoolLimit = 256 << 20

// pool keeps freed block memory so that a burst of Key calls does not fault
// in fresh pages for every one. Blocks are not cleared: Key writes every
// block before it reads it.
var pool = blockPool{limit: defaultPoolLimit}

type blockPool struct {
	mu    sync.Mutex
	limit int64
	held  int64
	free  [][]block // oldest first
}

// SetPoolLimit sets how many bytes of block memory may be kept between Key
// calls (256 MiB unless set) and returns the previous limit. Zero or less
// disables the pool. Pooled memory still holds the blocks of earlier
// computations; it is not cleared.
func SetPoolLimit(bytes int64) int64 {
	pool.mu.Lock()
	defer pool.mu.Unlock()
	old := pool.limit
	pool.limit = max(bytes, 0)
	pool.trim()
	return old
}

// getBlocks returns n blocks of unspecified contents, to be handed back
// with putBlocks.
func getBlocks(n int) ([]block, error) {
	pool.mu.Lock()
	best := -1
	for i, b := range pool.free {
		// Best fit, and never more than twice the need, so that a small
		// computation does not pin a large buffer.
		if c := cap(b); c >= n && c/2 <= n && (best < 0 || c < cap(pool.free[best])) {
			best = i
		}
	}
	if best >= 0 {
		b := pool.free[best]
		pool.free = append(pool.free[:best], pool.free[best+1:]...)
		pool.held -= int64(cap(b)) * blockSize
		pool.mu.Unlock()
		return b[:n], nil
	}
	pool.mu.Unlock()
	return allocBlocks(n)
}

// putBlocks hands b back for reuse, dropping the oldest buffers if the pool
// would exceed its limit.
func putBlocks(b []block) {
	b = b[:cap(b)]
	size := int64(len(b)) * blockSize
	pool.mu.Lock()
	defer pool.mu.Unlock()
	if size > pool.limit {
		freeBlocks(b)
		return
	}
	pool.free = append(pool.free, b)
	pool.held += size
	pool.trim()
}

func (p *blockPool) trim() {
	n := 0
	for p.held > p.limit {
		p.held -= int64(cap(p.free[n])) * blockSize
		freeBlocks(p.free[n])
		p.free[n] = nil
		n++
	}
	if n > 0 {
		p.free = append(p.free[:0], p.free[n:]...)
		clear(p.free[len(p.free) : len(p.free)+n])
	}
}
