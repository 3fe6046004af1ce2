package scryptcore

import (
	"errors"
	"unsafe"

	"golang.org/x/sys/unix"
)

var errAlloc = errors.New("scryptcore: cannot map working memory")

// allocBuf maps n words outside the Go heap, so that the pool decides their
// lifetime and a request larger than the machine can back fails with an
// error. ROMix reads V at random, so it asks for transparent huge pages; on
// the development machine the difference was within noise.
func allocBuf(n int) ([]uint32, error) {
	size := uintptr(n) * 4
	p, err := unix.MmapPtr(-1, 0, nil, size, unix.PROT_READ|unix.PROT_WRITE, unix.MAP_PRIVATE|unix.MAP_ANONYMOUS)
	if err != nil {
		return nil, errAlloc
	}
	// Only advice: without THP it changes nothing.
	_ = unix.Madvise(unsafe.Slice((*byte)(p), size), unix.MADV_HUGEPAGE)
	return unsafe.Slice((*uint32)(p), n), nil
}

// freeBuf unmaps memory from allocBuf.
func freeBuf(b []uint32) {
	b = b[:cap(b)]
	_ = unix.MunmapPtr(unsafe.Pointer(unsafe.SliceData(b)), uintptr(len(b))*4)
}
