//go:build amd64 && gc && !purego

package argon2core

import "golang.org/x/sys/cpu"

var useAVX2 = cpu.X86.HasAVX2

// compressAVX2 is compressGeneric in AVX2 assembly. It also prefetches the
// blocks the next call will need, as nr describes.
//
//go:noescape
func compressAVX2(out, x, y *block, withXor bool, nr *nextRef)

func (in *instance) compress(out, x, y *block, withXor bool, nr *nextRef) {
	if useAVX2 && !in.generic {
		compressAVX2(out, x, y, withXor, nr)
		return
	}
	compressGeneric(out, x, y, withXor)
}

func haveAsm() bool { return useAVX2 }
