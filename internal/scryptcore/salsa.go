package scryptcore

import "math/bits"

// blockMixGeneric sets out to scryptBlockMix (RFC 7914 section 4) of in, or
// of in XOR v when v is not nil. in, v and out hold 2·r blocks of 16 words
// in diagonal order; out must not overlap in or v.
func blockMixGeneric(out, in, v []uint32, r int) {
	n := 32 * r
	in, out = in[:n], out[:n]
	var x [16]uint32
	copy(x[:], in[n-16:])
	if v != nil {
		v = v[:n]
		for i, w := range v[n-16:] {
			x[i] ^= w
		}
	}
	for i := 0; i < 2*r; i++ {
		b := (*[16]uint32)(in[16*i:])
		if v != nil {
			c := (*[16]uint32)(v[16*i:])
			for k := range x {
				x[k] ^= b[k] ^ c[k]
			}
		} else {
			for k := range x {
				x[k] ^= b[k]
			}
		}
		salsa208(&x)
		// Even blocks go to the first half of out, odd ones to the second.
		copy(out[16*(i/2+(i&1)*r):][:16], x[:])
	}
}

// salsa208 replaces s with Salsa20/8(s) (RFC 7914 section 3); s is in
// diagonal order.
func salsa208(s *[16]uint32) {
	x0, x5, x10, x15 := s[0], s[1], s[2], s[3]
	x4, x9, x14, x3 := s[4], s[5], s[6], s[7]
	x8, x13, x2, x7 := s[8], s[9], s[10], s[11]
	x12, x1, x6, x11 := s[12], s[13], s[14], s[15]
	for range 4 {
		// Columns.
		x4 ^= bits.RotateLeft32(x0+x12, 7)
		x8 ^= bits.RotateLeft32(x4+x0, 9)
		x12 ^= bits.RotateLeft32(x8+x4, 13)
		x0 ^= bits.RotateLeft32(x12+x8, 18)

		x9 ^= bits.RotateLeft32(x5+x1, 7)
		x13 ^= bits.RotateLeft32(x9+x5, 9)
		x1 ^= bits.RotateLeft32(x13+x9, 13)
		x5 ^= bits.RotateLeft32(x1+x13, 18)

		x14 ^= bits.RotateLeft32(x10+x6, 7)
		x2 ^= bits.RotateLeft32(x14+x10, 9)
		x6 ^= bits.RotateLeft32(x2+x14, 13)
		x10 ^= bits.RotateLeft32(x6+x2, 18)

		x3 ^= bits.RotateLeft32(x15+x11, 7)
		x7 ^= bits.RotateLeft32(x3+x15, 9)
		x11 ^= bits.RotateLeft32(x7+x3, 13)
		x15 ^= bits.RotateLeft32(x11+x7, 18)

		// Rows.
		x1 ^= bits.RotateLeft32(x0+x3, 7)
		x2 ^= bits.RotateLeft32(x1+x0, 9)
		x3 ^= bits.RotateLeft32(x2+x1, 13)
		x0 ^= bits.RotateLeft32(x3+x2, 18)

		x6 ^= bits.RotateLeft32(x5+x4, 7)
		x7 ^= bits.RotateLeft32(x6+x5, 9)
		x4 ^= bits.RotateLeft32(x7+x6, 13)
		x5 ^= bits.RotateLeft32(x4+x7, 18)

		x11 ^= bits.RotateLeft32(x10+x9, 7)
		x8 ^= bits.RotateLeft32(x11+x10, 9)
		x9 ^= bits.RotateLeft32(x8+x11, 13)
		x10 ^= bits.RotateLeft32(x9+x8, 18)

		x12 ^= bits.RotateLeft32(x15+x14, 7)
		x13 ^= bits.RotateLeft32(x12+x15, 9)
		x14 ^= bits.RotateLeft32(x13+x12, 13)
		x15 ^= bits.RotateLeft32(x14+x13, 18)
	}
	s[0] += x0
	s[1] += x5
	s[2] += x10
	s[3] += x15
	s[4] += x4
	s[5] += x9
	s[6] += x14
	s[7] += x3
	s[8] += x8
	s[9] += x13
	s[10] += x2
	s[11] += x7
	s[12] += x12
	s[13] += x1
	s[14] += x6
	s[15] += x11
}
