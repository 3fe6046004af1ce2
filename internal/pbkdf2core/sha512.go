package pbkdf2core

import (
	"math/bits"

	"github.com/pwdigest/pwdigest/internal/pbkdf2core/internal/consts"
)

// SHA-512 and SHA-384 from FIPS 180-4, section 6.4 and 6.5. Constants:
// section 4.2.3 (in package consts), 5.3.4 and 5.3.5.

var sha512Fn = &hashFn[uint64]{
	size: 64,
	iv: [8]uint64{
		0x6a09e667f3bcc908, 0xbb67ae8584caa73b, 0x3c6ef372fe94f82b, 0xa54ff53a5f1d36f1,
		0x510e527fade682d1, 0x9b05688c2b3e6c1f, 0x1f83d9abfb41bd6b, 0x5be0cd19137e2179,
	},
	portable: portableKernels(compress512, 8),
}

var sha384Fn = &hashFn[uint64]{
	size: 48,
	iv: [8]uint64{
		0xcbbb9d5dc1059ed8, 0x629a292a367cd507, 0x9159015a3070dd17, 0x152fecd8f70e5939,
		0x67332667ffc00b31, 0x8eb44a8768581511, 0xdb0c2e0d64f98fa7, 0x47b5481dbefa4fa4,
	},
	portable: portableKernels(compress512, 6),
}

// compress512 runs the SHA-512 compression function on one block given as
// message words.
func compress512(h *[8]uint64, m *[16]uint64) {
	var w [80]uint64
	copy(w[:], m[:])
	for t := 16; t < 80; t++ {
		v1, v2 := w[t-2], w[t-15]
		s1 := bits.RotateLeft64(v1, -19) ^ bits.RotateLeft64(v1, -61) ^ v1>>6
		s0 := bits.RotateLeft64(v2, -1) ^ bits.RotateLeft64(v2, -8) ^ v2>>7
		w[t] = s1 + w[t-7] + s0 + w[t-16]
	}
	a, b, c, d, e, f, g, hh := h[0], h[1], h[2], h[3], h[4], h[5], h[6], h[7]
	for t := range 80 {
		t1 := hh + (bits.RotateLeft64(e, -14) ^ bits.RotateLeft64(e, -18) ^ bits.RotateLeft64(e, -41)) +
			(e&f ^ ^e&g) + consts.K512[t] + w[t]
		t2 := (bits.RotateLeft64(a, -28) ^ bits.RotateLeft64(a, -34) ^ bits.RotateLeft64(a, -39)) +
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
