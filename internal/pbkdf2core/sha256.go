package pbkdf2core

import (
	"math/bits"

	"github.com/pwdigest/pwdigest/internal/pbkdf2core/internal/consts"
)

// SHA-256 from FIPS 180-4, section 6.2. Constants: section 4.2.2 (in
// package consts) and 5.3.3.

var sha256Fn = &hashFn[uint32]{
	size: 32,
	iv: [8]uint32{
		0x6a09e667, 0xbb67ae85, 0x3c6ef372, 0xa54ff53a, 0x510e527f, 0x9b05688c, 0x1f83d9ab, 0x5be0cd19,
	},
	portable: portableKernels(compress256, 8),
}

// compress256 runs the SHA-256 compression function on one block given as
// message words.
func compress256(h *[8]uint32, m *[16]uint32) {
	var w [64]uint32
	copy(w[:], m[:])
	for t := 16; t < 64; t++ {
		v1, v2 := w[t-2], w[t-15]
		s1 := bits.RotateLeft32(v1, -17) ^ bits.RotateLeft32(v1, -19) ^ v1>>10
		s0 := bits.RotateLeft32(v2, -7) ^ bits.RotateLeft32(v2, -18) ^ v2>>3
		w[t] = s1 + w[t-7] + s0 + w[t-16]
	}
	a, b, c, d, e, f, g, hh := h[0], h[1], h[2], h[3], h[4], h[5], h[6], h[7]
	for t := range 64 {
		t1 := hh + (bits.RotateLeft32(e, -6) ^ bits.RotateLeft32(e, -11) ^ bits.RotateLeft32(e, -25)) +
			(e&f ^ ^e&g) + consts.K256[t] + w[t]
		t2 := (bits.RotateLeft32(a, -2) ^ bits.RotateLeft32(a, -13) ^ bits.RotateLeft32(a, -22)) +
			(a&b ^ a&c ^ b&c)
		hh, g, f, e, d, c, b, a = g, f, e, d+t1, c, b, a, t1+t2
	}
	h[0] += a
	h[1] += b
	h[2] += c
	h[3] += d
	h[4] += e
	h[5] += f
	h[6] += g
	h[7] += hh
}
