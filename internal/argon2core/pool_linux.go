package argon2core

import (
	"errors"
	"unsafe"

	"golang.org/x/sys/unix"
)

var errAlloc = errors.New("argon2core: cannot map block memory")

// allocBlocks maps block memory outside the Go heap, so that the pool
// decides its lifetime and a request larger than the machine can back
// fails with an error rather than a fatal out-of-memory. It asks for
// transparent huge pages: references land anywhere in memory, and with 4 KiB
// pages most of them would miss the TLB.
func allocBlocks(n int) ([]block, error) {
	size := uintptr(n) * blockSize
	p, err := unix.MmapPtr(-1, 0, nil, size, unix.PROT_READ|unix.PROT_WRITE, unix.MAP_PRIVATE|unix.MAP_ANONYMOUS)
	if err != nil {
		return nil, errAlloc
	}
	// Only advice: without THP it changes nothing.
	_ = unix.Madvise(unsafe.Slice((*byte)(p), size), unix.MADV_HUGEPAGE)
	return unsafe.Slice((*block)(p), n), nil
}

// freeBlocks unmaps memory from allocBlocks.
func freeBlocks(b []block) {
	b = b[:cap(b)]
	_ = unix.MunmapPtr(unsafe.Pointer(unsafe.SliceData(b)), uintptr(len(b))*blockSize)
}
