//go:build amd64 && gc && !purego

package argon2core

import "golang.org/x/sys/cpu"

//go:generate go run -C _asm . -out ../compress_amd64.s -pkg argon2core

// compressAVX2 is compressGeneric in AVX2 assembly. It also prefetches the
// blocks the next call will need, as nr describes. Its frame is larger than
// a leaf's may be, so it has a prologue: each call, about a microsecond of
// work, is a point where the runtime can stop the goroutine.
//
//go:noescape
func compressAVX2(out, x, y *block, withXor bool, nr *nextRef)

// useAsm selects the assembly; tests clear it to run the portable code.
var useAsm = cpu.X86.HasAVX2

func compress(out, x, y *block, withXor bool, nr *nextRef) {
	if useAsm {
		compressAVX2(out, x, y, withXor, nr)
		return
	}
	compressGeneric(out, x, y, withXor)
}
