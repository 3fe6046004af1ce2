package pbkdf2core

import "math/bits"

// SHA-1 from FIPS 180-4, section 6.1. Constants: section 4.2.1 and 5.3.1.

var sha1Fn = &hashFn[uint32]{
	size:     20,
	iv:       [8]uint32{0x67452301, 0xefcdab89, 0x98badcfe, 0x10325476, 0xc3d2e1f0},
	portable: portableKernels(compress1, 5),
}

// compress1 runs the SHA-1 compression function on one block given as
// message words.
func compress1(h *[8]uint32, m *[16]uint32) {
	var w [80]uint32
	copy(w[:], m[:])
	for t := 16; t < 80; t++ {
		w[t] = bits.RotateLeft32(w[t-3]^w[t-8]^w[t-14]^w[t-16], 1)
	}
	a, b, c, d, e := h[0], h[1], h[2], h[3], h[4]
	for t := range 80 {
		var f, k uint32
		switch {
		case t < 20:
			f, k = b&c|^b&d, 0x5a827999
		case t < 40:
			f, k = b^c^d, 0x6ed9eba1
		case t < 60:
			f, k = b&c|b&d|c&d, 0x8f1bbcdc
		default:
			f, k = b^c^d, 0xca62c1d6
		}
		t1 := bits.RotateLeft32(a, 5) + f + e + k + w[t]
		e, d, c, b, a = d, c, bits.RotateLeft32(b, 30), a, t1
	}
	h[0] += a
	h[1] += b
	h[2] += c
	h[3] += d
	h[4] += e
}
