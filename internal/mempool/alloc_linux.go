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
// reads would miss the TLB. Then it faults the pages in (populate).
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
	mem := unsafe.Slice((*byte)(ptr), size)
	// Only advice: without THP it changes nothing.
	_ = unix.Madvise(mem, unix.MADV_HUGEPAGE)
	populate(mem)
	return unsafe.Slice((*T)(ptr), n), nil
}

// populateChunk is how much memory one populate system call faults in: one
// huge page, so that the kernel's memory-map lock, which other threads'
// mmap calls (the Go runtime's too) wait for, is held briefly each time.
const populateChunk = 2 << 20

// populate faults in fresh memory with madvise(MADV_POPULATE_WRITE), inside
// system calls. Left to the cores, the first write to each page faults, and
// a thread in a page fault cannot be stopped: the kernel zeroes a whole huge
// page there, and where its memory is not yet backed (a virtual machine's
// first touch) that took up to 10 ms per fault, during which a garbage
// collection waited. A goroutine in a system call does not hold the
// collector up. Kernels before 5.14 refuse the advice (EINVAL), and the
// pages are then faulted in by the first writes, as before.
func populate(mem []byte) {
	for len(mem) > 0 {
		n := min(len(mem), populateChunk)
		if unix.Madvise(mem[:n], unix.MADV_POPULATE_WRITE) != nil {
			return
		}
		mem = mem[n:]
	}
}

// releaseClears says that release leaves nothing of b readable: munmap hands
// the pages back to the kernel, which zeroes them before any other use, so
// Put need not clear a buffer it releases.
const releaseClears = true

// release unmaps memory from alloc.
func release[T any](b []T) {
	b = b[:cap(b)]
	_ = unix.MunmapPtr(unsafe.Pointer(unsafe.SliceData(b)), uintptr(bytesOf(b)))
}
