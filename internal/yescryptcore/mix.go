package yescryptcore

import "math/bits"

// pwxform is one lane's pwxform state: its S-boxes (S0, S1, S2 as offsets
// into s, rotated after each call) and S2's write position w.
type pwxform struct {
	s          []uint64
	s0, s1, s2 int
	w          int
}

// transform is pwxform on one 64-byte block: 4 gather lanes of 2 simple
// 64-bit words, 6 rounds of a 32×32 multiply, an add and a xor of two S-box
// words picked by the lane's first word; rounds 1 to 4 write S2. The block
// is kept in locals, the first and last rounds apart: they write nothing.
func (c *pwxform) transform(b *[8]uint64) {
	s0 := (*[sboxWords]uint64)(c.s[c.s0:])
	s1 := (*[sboxWords]uint64)(c.s[c.s1:])
	s2 := (*[sboxWords]uint64)(c.s[c.s2:])
	x0, x1, x2, x3, x4, x5, x6, x7 := b[0], b[1], b[2], b[3], b[4], b[5], b[6], b[7]
	// lane is one gather lane's step: both words from the S-box pair that
	// the first word's low and high halves pick.
	lane := func(a, b uint64) (uint64, uint64) {
		p0 := (uint32(a) & smask) >> 3
		p1 := (uint32(a>>32) & smask) >> 3
		a = ((a>>32)*(a&0xffffffff) + s0[p0]) ^ s1[p1]
		b = ((b>>32)*(b&0xffffffff) + s0[p0+1]) ^ s1[p1+1]
		return a, b
	}
	x0, x1 = lane(x0, x1)
	x2, x3 = lane(x2, x3)
	x4, x5 = lane(x4, x5)
	x6, x7 = lane(x6, x7)
	w := c.w
	for range 4 {
		x0, x1 = lane(x0, x1)
		x2, x3 = lane(x2, x3)
		x4, x5 = lane(x4, x5)
		x6, x7 = lane(x6, x7)
		d := (*[8]uint64)(s2[w&(sboxWords-8):])
		d[0], d[1], d[2], d[3], d[4], d[5], d[6], d[7] = x0, x1, x2, x3, x4, x5, x6, x7
		w += 8
	}
	x0, x1 = lane(x0, x1)
	x2, x3 = lane(x2, x3)
	x4, x5 = lane(x4, x5)
	x6, x7 = lane(x6, x7)
	b[0], b[1], b[2], b[3], b[4], b[5], b[6], b[7] = x0, x1, x2, x3, x4, x5, x6, x7
	c.s0, c.s1, c.s2 = c.s2, c.s0, c.s1
	c.w = w & (sboxWords - 1)
}

// blockMixPwxform is BlockMix_pwxform on x (2r sub-blocks): each 64-byte
// block is xored with the previous result and transformed, then the last
// one goes through Salsa20/2.
func blockMixPwxform(x []uint64, c *pwxform, r int) {
	n := 16 * r
	x = x[:n]
	var t [8]uint64
	copy(t[:], x[n-8:])
	for i := 0; i < n; i += 8 {
		blk := (*[8]uint64)(x[i:])
		for k := range t {
			t[k] ^= blk[k]
		}
		c.transform(&t)
		*blk = t
	}
	salsa((*[8]uint64)(x[n-8:]), 1)
}

// blockMixSalsa8 is scrypt's BlockMix with Salsa20/8 on x, with y as
// scratch: even results to the first half, odd ones to the second.
func blockMixSalsa8(x, y []uint64, r int) {
	n := 16 * r
	x, y = x[:n], y[:n]
	var t [8]uint64
	copy(t[:], x[n-8:])
	for i := 0; i < 2*r; i++ {
		blk := (*[8]uint64)(x[8*i:])
		for k := range t {
			t[k] ^= blk[k]
		}
		salsa(&t, 4)
		copy(y[8*(i/2+(i&1)*r):][:8], t[:])
	}
	copy(x, y)
}

// salsa replaces b, one sub-block in shuffled order, with Salsa20 of
// 2·doubleRounds rounds.
func salsa(b *[8]uint64, doubleRounds int) {
	x0, x5 := uint32(b[0]), uint32(b[0]>>32)
	x10, x15 := uint32(b[1]), uint32(b[1]>>32)
	x4, x9 := uint32(b[2]), uint32(b[2]>>32)
	x14, x3 := uint32(b[3]), uint32(b[3]>>32)
	x8, x13 := uint32(b[4]), uint32(b[4]>>32)
	x2, x7 := uint32(b[5]), uint32(b[5]>>32)
	x12, x1 := uint32(b[6]), uint32(b[6]>>32)
	x6, x11 := uint32(b[7]), uint32(b[7]>>32)
	y0, y1, y2, y3, y4, y5, y6, y7 := x0, x1, x2, x3, x4, x5, x6, x7
	y8, y9, y10, y11, y12, y13, y14, y15 := x8, x9, x10, x11, x12, x13, x14, x15
	for range doubleRounds {
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
	pack := func(lo, hi uint32) uint64 { return uint64(lo) | uint64(hi)<<32 }
	b[0] = pack(x0+y0, x5+y5)
	b[1] = pack(x10+y10, x15+y15)
	b[2] = pack(x4+y4, x9+y9)
	b[3] = pack(x14+y14, x3+y3)
	b[4] = pack(x8+y8, x13+y13)
	b[5] = pack(x2+y2, x7+y7)
	b[6] = pack(x12+y12, x1+y1)
	b[7] = pack(x6+y6, x11+y11)
}
