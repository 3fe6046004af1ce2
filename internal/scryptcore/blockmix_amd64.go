//go:build amd64 && gc && !purego

package scryptcore

import "golang.org/x/sys/cpu"

//go:generate go run -C _asm . -out ../blockmix_amd64.s -pkg scryptcore

// blockMixSSE2 and blockMixAVX compute pairs from..to-1 of blockMixGeneric
// on raw pointers: out and in hold 32·r words, v is nil or holds 32·r
// words, 0 <= from < to <= r, and the pairs before from are already in out.
//
//go:noescape
func blockMixSSE2(out, in, v *uint32, r, from, to int)

//go:noescape
func blockMixAVX(out, in, v *uint32, r, from, to int)

// useAVX chooses the AVX encoding over SSE2 (which every amd64 has); tests
// clear it to run the SSE2 one.
var useAVX = cpu.X86.HasAVX

// chunkPairs bounds the work of one assembly call: 1024 pairs of Salsa20/8
// blocks take about 0.2 ms.
const chunkPairs = 1024

func blockMix(out, in, v []uint32, r int) {
	o, i, vp := blockMixArgs(out, in, v, r)
	for from := 0; from < r; from += chunkPairs {
		blockMixChunk(o, i, vp, r, from, min(r, from+chunkPairs))
	}
}

// blockMixChunk calls the assembly from a function of its own: its prologue
// is where the runtime can stop this goroutine for a collection, which it
// cannot do inside assembly.
//
//go:noinline
func blockMixChunk(out, in, v *uint32, r, from, to int) {
	if useAVX {
		blockMixAVX(out, in, v, r, from, to)
	} else {
		blockMixSSE2(out, in, v, r, from, to)
	}
}

// blockMixArgs checks the bounds the assembly relies on, never false for
// romix's slices, and returns the pointers it takes.
func blockMixArgs(out, in, v []uint32, r int) (*uint32, *uint32, *uint32) {
	n := 32 * r
	if r < 1 || len(out) < n || len(in) < n || (v != nil && len(v) < n) {
		panic("scryptcore: short BlockMix buffer")
	}
	var vp *uint32
	if v != nil {
		vp = &v[0]
	}
	return &out[0], &in[0], vp
}
