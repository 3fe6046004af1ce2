//go:build amd64 && gc && !purego

package scryptcore

import "golang.org/x/sys/cpu"

// blockMixSSE2 and blockMixAVX are blockMixGeneric on raw pointers: out and
// in hold 32·r words, v is nil or holds 32·r words, r >= 1.
//
//go:noescape
func blockMixSSE2(out, in, v *uint32, r int)

//go:noescape
func blockMixAVX(out, in, v *uint32, r int)

var useAVX = cpu.X86.HasAVX

func blockMix(out, in, v []uint32, r int) {
	o, i, vp := blockMixArgs(out, in, v, r)
	if useAVX {
		blockMixAVX(o, i, vp, r)
	} else {
		blockMixSSE2(o, i, vp, r)
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
