// Package mempool keeps large working buffers between the computations of
// the memory-hard cores (argon2core's blocks, scryptcore's and yescryptcore's
// V arrays), so that a burst of verifies does not fault in fresh pages for
// each one.
//
// A Pool holds at most its limit in bytes, hands out the best-fitting buffer
// no more than twice the size asked for (a small computation does not pin a
// large buffer), drops the oldest buffers first, and releases a buffer that
// no Get has taken for IdleRelease, so that an idle process gives its memory
// back. Put clears the part of a buffer that was used, so that what a
// computation derived from a password does not outlive it in the pool
// (scrypt's V[0] alone is a one-iteration test for guesses); every buffer Get
// returns is therefore zero. On Linux buffers are mapped outside the Go heap
// and faulted in by system calls (see alloc), elsewhere they are ordinary
// slices.
package mempool

import (
	"sync"
	"time"
	"unsafe"
)

// IdleRelease is how long a pooled buffer may go unused before the pool
// releases it. A var for tests.
var IdleRelease = time.Minute

// A Pool keeps buffers of T. Its methods are safe for concurrent use.
type Pool[T any] struct {
	mu    sync.Mutex
	limit int64
	held  int64
	free  []pooled[T] // oldest first
	timer *time.Timer // releases idle buffers; nil when none is armed
}

type pooled[T any] struct {
	buf []T
	put time.Time // when it came back
}

// New returns a pool that keeps at most limit bytes.
func New[T any](limit int64) *Pool[T] {
	return &Pool[T]{limit: max(limit, 0)}
}

func bytesOf[T any](b []T) int64 {
	var zero T
	return int64(cap(b)) * int64(unsafe.Sizeof(zero))
}

// SetLimit sets how many bytes the pool may keep and returns the previous
// limit. Zero or less disables the pool.
func (p *Pool[T]) SetLimit(bytes int64) int64 {
	p.mu.Lock()
	defer p.mu.Unlock()
	old := p.limit
	p.limit = max(bytes, 0)
	p.trim()
	return old
}

// Held returns the bytes and the number of buffers the pool keeps now.
func (p *Pool[T]) Held() (bytes int64, buffers int) {
	p.mu.Lock()
	defer p.mu.Unlock()
	return p.held, len(p.free)
}

// Get returns n zero elements, to be handed back with Put.
func (p *Pool[T]) Get(n int) ([]T, error) {
	p.mu.Lock()
	best := -1
	for i, e := range p.free {
		if c := cap(e.buf); c >= n && c/2 <= n && (best < 0 || c < cap(p.free[best].buf)) {
			best = i
		}
	}
	if best >= 0 {
		b := p.free[best].buf
		p.free = append(p.free[:best], p.free[best+1:]...)
		clear(p.free[len(p.free) : len(p.free)+1])
		p.held -= bytesOf(b)
		p.mu.Unlock()
		return b[:n], nil
	}
	p.mu.Unlock()
	return alloc[T](n)
}

// Put clears b, the part of a buffer from Get that was used, and hands the
// buffer back for reuse, dropping the oldest buffers if the pool would exceed
// its limit. Clearing is one write pass over b, made without the lock; a
// buffer larger than the limit is released instead, uncleared where release
// leaves nothing readable (releaseClears).
func (p *Pool[T]) Put(b []T) {
	whole := b[:cap(b)]
	size := bytesOf(whole)
	p.mu.Lock()
	keep := size <= p.limit
	p.mu.Unlock()
	if !keep && releaseClears {
		release(whole)
		return
	}
	clearChunked(b)
	p.mu.Lock()
	defer p.mu.Unlock()
	if size > p.limit {
		release(whole)
		return
	}
	p.free = append(p.free, pooled[T]{whole, time.Now()})
	p.held += size
	p.trim()
	if p.timer == nil && len(p.free) > 0 {
		p.timer = time.AfterFunc(IdleRelease, p.releaseIdle)
	}
}

// trim drops the oldest buffers while the pool holds more than its limit.
func (p *Pool[T]) trim() {
	n := 0
	for p.held > p.limit {
		p.drop(n)
		n++
	}
	p.cut(n)
}

// releaseIdle drops the buffers that came back IdleRelease ago or more and
// arms the timer again for the oldest of the rest.
func (p *Pool[T]) releaseIdle() {
	p.mu.Lock()
	defer p.mu.Unlock()
	now := time.Now()
	n := 0
	for n < len(p.free) && now.Sub(p.free[n].put) >= IdleRelease {
		p.drop(n)
		n++
	}
	p.cut(n)
	p.timer = nil
	if len(p.free) > 0 {
		p.timer = time.AfterFunc(IdleRelease-now.Sub(p.free[0].put), p.releaseIdle)
	}
}

// drop releases buffer i, which stays in free until cut.
func (p *Pool[T]) drop(i int) {
	p.held -= bytesOf(p.free[i].buf)
	release(p.free[i].buf)
	p.free[i] = pooled[T]{}
}

// cut removes the first n entries of free.
func (p *Pool[T]) cut(n int) {
	if n > 0 {
		p.free = append(p.free[:0], p.free[n:]...)
		clear(p.free[len(p.free) : len(p.free)+n])
	}
}

// clearChunk is how many bytes clearChunked clears per call, about 6 µs
// with non-temporal stores, 15 µs without: one call to assembly cannot be
// stopped by the runtime, and a buffer can be hundreds of MiB.
const clearChunk = 256 << 10

// clearChunked clears b in calls of at most clearChunk bytes. T holds no
// pointers (the cores' blocks and words), so b may be cleared as bytes.
func clearChunked[T any](b []T) {
	var zero T
	raw := unsafe.Slice((*byte)(unsafe.Pointer(unsafe.SliceData(b))), uintptr(len(b))*unsafe.Sizeof(zero))
	for len(raw) > clearChunk {
		clearPart(raw[:clearChunk])
		raw = raw[clearChunk:]
	}
	clearPart(raw)
}

// ntMin is the least clearPart hands to clearNT: below it the alignment
// work is not worth it.
const ntMin = 4 << 10

// clearPart is a function of its own so that its prologue, between two
// chunks, is where the runtime can stop the goroutine. Its 16-byte aligned
// middle, a multiple of 128 bytes, goes to clearNT: a pooled buffer waits
// for its next computation, usually longer than it would stay in the
// caches, so nothing is lost by writing around them.
//
//go:noinline
func clearPart(b []byte) {
	if !haveClearNT || len(b) < ntMin {
		clear(b)
		return
	}
	head := int(-uintptr(unsafe.Pointer(unsafe.SliceData(b))) & 15)
	clear(b[:head])
	b = b[head:]
	n := len(b) &^ 127
	clearNT(unsafe.SliceData(b), uintptr(n))
	clear(b[n:])
}
