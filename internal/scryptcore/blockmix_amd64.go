//go:build amd64 && gc && !purego

package scryptcore

// blockMixSSE2 is blockMixGeneric in SSE2 on raw pointers: out and in hold
// 32·r words, v is nil or holds 32·r words, r >= 1.
//
//go:noescape
func blockMixSSE2(out, in, v *uint32, r int)

func blockMix(out, in, v []uint32, r int) {
	n := 32 * r
	// Bounds the assembly relies on; never false for romix's slices.
	if r < 1 || len(out) < n || len(in) < n || (v != nil && len(v) < n) {
		panic("scryptcore: short BlockMix buffer")
	}
	var vp *uint32
	if v != nil {
		vp = &v[0]
	}
	blockMixSSE2(&out[0], &in[0], vp, r)
}
