//go:build amd64 && gc && !purego

package scryptcore

import "testing"

// addArchImpls adds each assembly BlockMix twice: in one call, and one pair
// per call, which exercises the hand-over between chunks.
func addArchImpls(m map[string]blockMixFunc) {
	asm := map[string]func(out, in, v *uint32, r, from, to int){"sse2": blockMixSSE2}
	if useAVX {
		asm["avx"] = blockMixAVX
	}
	for name, f := range asm {
		m[name] = func(out, in, v []uint32, r int) {
			o, i, vp := blockMixArgs(out, in, v, r)
			f(o, i, vp, r, 0, r)
		}
		m[name+"/pairs"] = func(out, in, v []uint32, r int) {
			o, i, vp := blockMixArgs(out, in, v, r)
			for j := range r {
				f(o, i, vp, r, j, j+1)
			}
		}
	}
}

// TestKeySSE2 runs Key on the SSE2 path where AVX would be chosen.
func TestKeySSE2(t *testing.T) {
	old := useAVX
	useAVX = false
	t.Cleanup(func() { useAVX = old })
	TestAgainstXCrypto(t)
	TestRFC7914(t)
}
