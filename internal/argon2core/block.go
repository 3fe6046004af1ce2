package argon2core

import "math/bits"

// compressGeneric is the compression function G of RFC 9106 section 3.5:
// R = x XOR y; Q = P on each row of R; Z = P on each column of Q;
// out = Z XOR R, XORed into the old out when withXor is set (version 0x13
// after the first pass). out may alias x or y.
func compressGeneric(out, x, y *block, withXor bool) {
	var q block
	for i := range q {
		q[i] = x[i] ^ y[i]
	}
	// The block is an 8x8 matrix of 16-byte registers: row i is words
	// 16i..16i+15, column j the words 2j and 2j+1 of every row.
	for i := 0; i < 128; i += 16 {
		permute((*[16]uint64)(q[i : i+16]))
	}
	for j := 0; j < 16; j += 2 {
		var v [16]uint64
		for k := 0; k < 8; k++ {
			v[2*k], v[2*k+1] = q[16*k+j], q[16*k+j+1]
		}
		permute(&v)
		for k := 0; k < 8; k++ {
			q[16*k+j], q[16*k+j+1] = v[2*k], v[2*k+1]
		}
	}
	// R is recomputed rather than kept; out may be y.
	if withXor {
		for i := range out {
			out[i] ^= q[i] ^ x[i] ^ y[i]
		}
	} else {
		for i := range out {
			out[i] = q[i] ^ x[i] ^ y[i]
		}
	}
}

// permute is the permutation P of section 3.6: G on the columns, then on
// the diagonals, of the 4x4 matrix of words v.
func permute(v *[16]uint64) {
	v0, v1, v2, v3 := v[0], v[1], v[2], v[3]
	v4, v5, v6, v7 := v[4], v[5], v[6], v[7]
	v8, v9, v10, v11 := v[8], v[9], v[10], v[11]
	v12, v13, v14, v15 := v[12], v[13], v[14], v[15]

	v0, v4, v8, v12 = gHalf(v0, v4, v8, v12, 32, 24)
	v0, v4, v8, v12 = gHalf(v0, v4, v8, v12, 16, 63)
	v1, v5, v9, v13 = gHalf(v1, v5, v9, v13, 32, 24)
	v1, v5, v9, v13 = gHalf(v1, v5, v9, v13, 16, 63)
	v2, v6, v10, v14 = gHalf(v2, v6, v10, v14, 32, 24)
	v2, v6, v10, v14 = gHalf(v2, v6, v10, v14, 16, 63)
	v3, v7, v11, v15 = gHalf(v3, v7, v11, v15, 32, 24)
	v3, v7, v11, v15 = gHalf(v3, v7, v11, v15, 16, 63)

	v0, v5, v10, v15 = gHalf(v0, v5, v10, v15, 32, 24)
	v0, v5, v10, v15 = gHalf(v0, v5, v10, v15, 16, 63)
	v1, v6, v11, v12 = gHalf(v1, v6, v11, v12, 32, 24)
	v1, v6, v11, v12 = gHalf(v1, v6, v11, v12, 16, 63)
	v2, v7, v8, v13 = gHalf(v2, v7, v8, v13, 32, 24)
	v2, v7, v8, v13 = gHalf(v2, v7, v8, v13, 16, 63)
	v3, v4, v9, v14 = gHalf(v3, v4, v9, v14, 32, 24)
	v3, v4, v9, v14 = gHalf(v3, v4, v9, v14, 16, 63)

	v[0], v[1], v[2], v[3] = v0, v1, v2, v3
	v[4], v[5], v[6], v[7] = v4, v5, v6, v7
	v[8], v[9], v[10], v[11] = v8, v9, v10, v11
	v[12], v[13], v[14], v[15] = v12, v13, v14, v15
}

// gHalf is half of the G function of section 3.6; G is gHalf with
// rotations 32 and 24, then again with 16 and 63.
func gHalf(a, b, c, d uint64, r1, r2 int) (uint64, uint64, uint64, uint64) {
	a = fBlaMka(a, b)
	d = bits.RotateLeft64(d^a, -r1)
	c = fBlaMka(c, d)
	b = bits.RotateLeft64(b^c, -r2)
	return a, b, c, d
}

// fBlaMka is the multiply-hardened addition of section 3.6:
// x + y + 2*lo32(x)*lo32(y).
func fBlaMka(x, y uint64) uint64 {
	return x + y + 2*uint64(uint32(x))*uint64(uint32(y))
}
