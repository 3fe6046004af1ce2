package scryptcore

import (
	"math/rand/v2"
	"testing"

	"github.com/stretchr/testify/require"
)

type blockMixFunc func(out, in, v []uint32, r int)

// blockMixImpls lists the BlockMix implementations this build can run.
func blockMixImpls() map[string]blockMixFunc {
	m := map[string]blockMixFunc{"generic": blockMixGeneric}
	addArchImpls(m)
	return m
}

// TestBlockMixImpls checks each implementation against the generic one on
// random blocks, with and without the XOR operand.
func TestBlockMixImpls(t *testing.T) {
	rng := rand.New(rand.NewPCG(3, 4))
	for name, f := range blockMixImpls() {
		t.Run(name, func(t *testing.T) {
			for r := 1; r <= 17; r++ {
				n := 32 * r
				in, v := make([]uint32, n), make([]uint32, n)
				for i := range in {
					in[i], v[i] = rng.Uint32(), rng.Uint32()
				}
				for _, vv := range [][]uint32{nil, v} {
					want, got := make([]uint32, n), make([]uint32, n+16)
					guard := []uint32{0x5a5a5a5a, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15}
					copy(got[n:], guard)
					blockMixGeneric(want, in, vv, r)
					f(got, in, vv, r)
					require.Equal(t, want, got[:n], "r=%d xor=%v", r, vv != nil)
					require.Equal(t, guard, got[n:], "wrote past 32·r words")
				}
			}
		})
	}
}
