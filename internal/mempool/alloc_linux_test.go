package mempool

import (
	"errors"
	"testing"
	"unsafe"

	"golang.org/x/sys/unix"
)

// TestAllocPopulates checks that fresh memory is resident when alloc returns
// it, so that the cores' first writes do not fault (see populate).
func TestAllocPopulates(t *testing.T) {
	probe, _ := alloc[byte](4096)
	if err := unix.Madvise(probe, unix.MADV_POPULATE_WRITE); errors.Is(err, unix.EINVAL) {
		t.Skip("this kernel has no MADV_POPULATE_WRITE (Linux 5.14)")
	}
	release(probe)
	const size = 5<<20 + 12345 // a huge page and a part of one too
	b, err := alloc[byte](size)
	if err != nil {
		t.Fatal(err)
	}
	defer release(b)
	page := unix.Getpagesize()
	vec := make([]byte, (size+page-1)/page)
	// mincore wants a page-aligned start; mmap gives one.
	if _, _, e := unix.Syscall(unix.SYS_MINCORE, uintptr(unsafe.Pointer(&b[0])), size, uintptr(unsafe.Pointer(&vec[0]))); e != 0 {
		t.Fatal(e)
	}
	for i, v := range vec {
		if v&1 == 0 {
			t.Fatalf("page %d of %d is not resident after alloc", i, len(vec))
		}
	}
}
