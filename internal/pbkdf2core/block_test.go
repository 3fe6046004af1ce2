package pbkdf2core

import (
	"crypto/sha1"
	"crypto/sha256"
	"crypto/sha512"
	"math/rand/v2"
	"testing"

	"github.com/stretchr/testify/require"
)

// The compression functions are checked through a tiny hash built on them
// (hash1, hash256, hash512: padding plus block calls) against the standard
// library, for the assembly and the portable code.

func TestCompressAgainstStdlib(t *testing.T) {
	r := rand.New(rand.NewPCG(3, 4))
	var lens []int
	for n := range 300 {
		lens = append(lens, n)
	}
	lens = append(lens, 1000, 4096, 10000, 65536+17)
	for _, port := range []bool{false, true} {
		name := "default"
		if port {
			name = "portable"
		}
		t.Run(name, func(t *testing.T) {
			defer func(old bool) { portable = old }(portable)
			portable = port
			for _, n := range lens {
				msg := randBytes(r, n)

				h1 := hash1(iv1, 0, msg)
				var d1 [20]byte
				put1(d1[:], &h1)
				require.Equal(t, sha1.Sum(msg), d1, "sha1 len %d", n)

				h256 := hash256(iv256, 0, msg)
				var d256 [32]byte
				put256(d256[:], &h256)
				require.Equal(t, sha256.Sum256(msg), d256, "sha256 len %d", n)

				h512 := hash512(iv512, 0, msg)
				var d512 [64]byte
				put512(d512[:], &h512)
				require.Equal(t, sha512.Sum512(msg), d512, "sha512 len %d", n)

				h384 := hash512(iv384, 0, msg)
				var d384 [48]byte
				put512(d384[:], &h384)
				require.Equal(t, sha512.Sum384(msg), d384, "sha384 len %d", n)
			}
		})
	}
}

// TestLoopsAgree runs the iteration loops of the default build (assembly
// where available) and the portable code from the same random states.
func TestLoopsAgree(t *testing.T) {
	r := rand.New(rand.NewPCG(5, 6))
	run := func(port bool, f func()) {
		defer func(old bool) { portable = old }(portable)
		portable = port
		f()
	}
	fill32 := func(w []uint32) {
		for i := range w {
			w[i] = r.Uint32()
		}
	}
	fill64 := func(w []uint64) {
		for i := range w {
			w[i] = r.Uint64()
		}
	}
	for _, n := range []int{0, 1, 2, 3, 17, 100} {
		var s1, t1 iter1
		for _, s := range []*iter1{&s1, &t1} {
			fill32(s.is[:])
			fill32(s.os[:])
			fill32(s.u[:])
			fill32(s.acc[:])
		}
		var s256, t256 iter256
		for _, s := range []*iter256{&s256, &t256} {
			fill32(s.is[:])
			fill32(s.os[:])
			fill32(s.u[:])
			fill32(s.acc[:])
		}
		var s512 iter512
		fill64(s512.is[:])
		fill64(s512.os[:])
		fill64(s512.u[:])
		fill64(s512.acc[:])

		// One lane, and two lanes (with a different second state), against
		// the portable code one lane at a time.
		a1, b1, c1, d1 := s1, s1, t1, t1
		run(false, func() { loop1(&a1, n) })
		run(true, func() { loop1(&b1, n) })
		require.Equal(t, b1, a1, "sha1 n=%d", n)
		a1 = s1
		run(false, func() { loop1x2(&a1, &c1, n) })
		run(true, func() { loop1(&d1, n) })
		require.Equal(t, b1, a1, "sha1 x2 lane A n=%d", n)
		require.Equal(t, d1, c1, "sha1 x2 lane B n=%d", n)

		a256, b256, c256, d256 := s256, s256, t256, t256
		run(false, func() { loop256(&a256, n) })
		run(true, func() { loop256(&b256, n) })
		require.Equal(t, b256, a256, "sha256 n=%d", n)
		a256 = s256
		run(false, func() { loop256x2(&a256, &c256, n) })
		run(true, func() { loop256(&d256, n) })
		require.Equal(t, b256, a256, "sha256 x2 lane A n=%d", n)
		require.Equal(t, d256, c256, "sha256 x2 lane B n=%d", n)

		for _, words := range []int{6, 8} {
			a512, b512 := s512, s512
			run(false, func() { loop512(&a512, n, words) })
			run(true, func() { loop512(&b512, n, words) })
			require.Equal(t, b512.u[:words], a512.u[:words], "sha512 words=%d n=%d", words, n)
			require.Equal(t, b512.acc[:words], a512.acc[:words], "sha512 words=%d n=%d", words, n)
		}
	}
}
