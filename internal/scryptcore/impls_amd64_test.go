//go:build amd64 && gc && !purego

package scryptcore

import "testing"

func addArchImpls(m map[string]blockMixFunc) {
	m["sse2"] = func(out, in, v []uint32, r int) {
		o, i, vp := blockMixArgs(out, in, v, r)
		blockMixSSE2(o, i, vp, r)
	}
	if useAVX {
		m["avx"] = func(out, in, v []uint32, r int) {
			o, i, vp := blockMixArgs(out, in, v, r)
			blockMixAVX(o, i, vp, r)
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
