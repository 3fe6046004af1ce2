package pbkdf2core

import (
	"crypto/sha1"
	"crypto/sha256"
	"crypto/sha512"
	"fmt"
	"math/rand/v2"
	"testing"

	"github.com/stretchr/testify/require"
)

// The compression functions are checked through a tiny hash built on them
// (prfOf.sum: padding plus block calls) against the standard library, for
// the assembly and the portable code.

// digest hashes msg with f's kernels (the assembly unless forceGeneric).
func digest[W word](f *hashFn[W], msg []byte) []byte {
	p := &prfOf[W]{f: f, k: f.kernels()}
	h := p.sum(new(scratch[W]), f.iv, 0, msg)
	d := make([]byte, f.size)
	putWords(d, &h)
	return d
}

func TestCompressAgainstStdlib(t *testing.T) {
	r := rand.New(rand.NewPCG(3, 4))
	var lens []int
	for n := range 300 {
		lens = append(lens, n)
	}
	// Beyond maxBlockBytes, block is called in pieces.
	lens = append(lens, 1000, 4096, 10000, 65536+17, 3*maxBlockBytes+129)
	for _, generic := range []bool{false, true} {
		name := "default"
		if generic {
			name = "generic"
		}
		t.Run(name, func(t *testing.T) {
			defer func(old bool) { forceGeneric = old }(forceGeneric)
			forceGeneric = generic
			for _, n := range lens {
				msg := randBytes(r, n)
				d1 := sha1.Sum(msg)
				require.Equal(t, d1[:], digest(sha1Fn, msg), "sha1 len %d", n)
				d256 := sha256.Sum256(msg)
				require.Equal(t, d256[:], digest(sha256Fn, msg), "sha256 len %d", n)
				d512 := sha512.Sum512(msg)
				require.Equal(t, d512[:], digest(sha512Fn, msg), "sha512 len %d", n)
				d384 := sha512.Sum384(msg)
				require.Equal(t, d384[:], digest(sha384Fn, msg), "sha384 len %d", n)
			}
		})
	}
}

// TestLoopsAgree runs the iteration loops of the assembly, one lane and two,
// and the portable code from the same random states.
func TestLoopsAgree(t *testing.T) {
	r := rand.New(rand.NewPCG(5, 6))
	rand32 := func() uint32 { return r.Uint32() }
	t.Run("sha1", func(t *testing.T) { loopsAgree(t, sha1Fn, 5, rand32) })
	t.Run("sha256", func(t *testing.T) { loopsAgree(t, sha256Fn, 8, rand32) })
	t.Run("sha384", func(t *testing.T) { loopsAgree(t, sha384Fn, 6, r.Uint64) })
	t.Run("sha512", func(t *testing.T) { loopsAgree(t, sha512Fn, 8, r.Uint64) })
}

func loopsAgree[W word](t *testing.T, f *hashFn[W], words int, rnd func() W) {
	if f.asm == nil {
		t.Skip("no assembly in this build")
	}
	random := func() iter[W] {
		var s iter[W]
		for _, a := range []*[8]W{&s.is, &s.os, &s.u, &s.acc} {
			for i := range words {
				a[i] = rnd()
			}
		}
		return s
	}
	for _, n := range []int{0, 1, 2, 3, 17, 100} {
		s, s2 := random(), random()
		want, want2 := s, s2
		f.portable.loop(&want, n)
		f.portable.loop(&want2, n)

		// Beyond the output words, u holds the portable code's last
		// state, which the assembly need not store.
		same := func(want, got iter[W], msg string) {
			t.Helper()
			require.Equal(t, want.is, got.is, msg)
			require.Equal(t, want.os, got.os, msg)
			require.Equal(t, want.u[:words], got.u[:words], msg)
			require.Equal(t, want.acc, got.acc, msg)
		}
		got := s
		f.asm.loop(&got, n)
		same(want, got, fmt.Sprintf("n=%d", n))
		if f.asm.loop2 != nil {
			got, got2 := s, s2
			f.asm.loop2(&got, &got2, n)
			same(want, got, fmt.Sprintf("lane A n=%d", n))
			same(want2, got2, fmt.Sprintf("lane B n=%d", n))
		}
	}
}
