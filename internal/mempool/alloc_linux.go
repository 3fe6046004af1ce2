package mempool

import (
	"errors"
	"unsafe"

	"golang.org/x/sys/unix"
)

var errAlloc = errors.New("mempool: cannot map working memory")

// alloc maps n elements outside the Go heap, so that the pool decides their
// lifetime and a request larger than the machine can back fails with an
// error rather than a fatal out-of-memory. It asks for transparent huge
// pages: argon2 and scrypt read memory at random, and with 4 KiB pages most
// reads would miss the TLB.
func alloc[T any](n int) ([]T, error) {
	var zero T
	size := uintptr(n) * unsafe.Sizeof(zero)
	if n <= 0 || size/unsafe.Sizeof(zero) != uintptr(n) {
		return nil, errAlloc
	}
	ptr, err := unix.MmapPtr(-1, 0, nil, size, unix.PROT_READ|unix.PROT_WRITE, unix.MAP_PRIVATE|unix.MAP_ANONYMOUS)
	if err != nil {
		return nil, errAlloc
	}
	// Only advice: without THP it changes nothing.
	_ = unix.Madvise(unsafe.Slice((*byte)(ptr), size), unix.MADV_HUGEPAGE)
	return unsafe.Slice((*T)(ptr), n), nil
}

// release unmaps memory from alloc.
func release[T any](b []T) {
	b = b[:cap(b)]
	_ = unix.MunmapPtr(unsafe.Pointer(unsafe.SliceData(b)), uintptr(bytesOf(b)))
}
