//go:build amd64 && gc && !purego

package argon2core

import (
	"math/rand/v2"
	"testing"
	"unsafe"
)

// The assembly's early fetch of the next data-dependent reference block
// must hit the block that refIndex then picks, in every kind of segment.
func TestPrefetchAddress(t *testing.T) {
	if !asmAvailable {
		t.Skip("no assembly here")
	}
	rng := rand.New(rand.NewPCG(5, 6))
	checked := 0
	for _, p := range []Params{
		{Type: Argon2d, Version: Version13, Memory: 64, Time: 2, Threads: 1},
		{Type: Argon2d, Version: Version10, Memory: 1000, Time: 3, Threads: 3},
		{Type: Argon2id, Version: Version13, Memory: 4096, Time: 2, Threads: 4},
		{Type: Argon2d, Version: Version13, Memory: 1 << 10, Time: 2, Threads: 7},
	} {
		laneLen := uint32(memoryBlocks(p)) / p.Threads
		in := instance{
			mem: make([]block, memoryBlocks(p)), lanes: p.Threads, laneLen: laneLen,
			segLen: laneLen / syncPoints, passes: p.Time, typ: p.Type, version: p.Version,
		}
		var x, y, out block
		for pass := range p.Time {
			for slice := range uint32(syncPoints) {
				for lane := range p.Threads {
					s, nr := in.segmentRefs(pass, slice, lane)
					// As in fillSegment: next follows a computed block,
					// and the first two of each lane come from H0.
					first := uint32(1)
					if pass == 0 && slice == 0 {
						first = 3
					}
					for next := first; next < in.segLen; next++ {
						for i := range x {
							x[i], y[i] = rng.Uint64(), rng.Uint64()
						}
						nr.computeNext(&s, next)
						compressAVX2(&out, &x, &y, pass > 0, &nr)
						want := &in.mem[s.refIndex(out[0], next)]
						if nr.got != uintptr(unsafe.Pointer(want)) {
							t.Fatalf("%+v pass %d slice %d lane %d block %d: prefetched %#x, want %p",
								p, pass, slice, lane, next, nr.got, want)
						}
						checked++
					}
				}
			}
		}
	}
	if checked < 5000 {
		t.Fatalf("checked %d prefetches, want at least 5000", checked)
	}
}
