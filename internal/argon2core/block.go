package argon2core

// compressGeneric is the compression function G of RFC 9106 section 3.5:
// R = x XOR y; Q = P on each row of R; Z = P on each column of Q;
// out = Z XOR R, XORed into the old out when withXor is set (version 0x13
// after the first pass). out may alias x or y.
func compressGeneric(out, x, y *block, withXor bool) {
	var r, q block
	for i := range r {
		r[i] = x[i] ^ y[i]
	}
	q = r
	// The block is an 8x8 matrix of 16-byte registers; row i is words
	// 16i..16i+15, column j the words 2j, 2j+1 of every row.
	for i := 0; i < 128; i += 16 {
		permute(&q, i, i+1, i+2, i+3, i+4, i+5, i+6, i+7,
			i+8, i+9, i+10, i+11, i+12, i+13, i+14, i+15)
	}
	for j := 0; j < 16; j += 2 {
		permute(&q, j, j+1, j+16, j+17, j+32, j+33, j+48, j+49,
			j+64, j+65, j+80, j+81, j+96, j+97, j+112, j+113)
	}
	if withXor {
		for i := range out {
			out[i] ^= q[i] ^ r[i]
		}
	} else {
		for i := range out {
			out[i] = q[i] ^ r[i]
		}
	}
}

// permute is the permutation P of section 3.6 on the 16 words of b at the
// given indices: G on the columns, then on the diagonals, of the 4x4 matrix
// they form.
func permute(b *block, i0, i1, i2, i3, i4, i5, i6, i7, i8, i9, i10, i11, i12, i13, i14, i15 int) {
	v0, v1, v2, v3 := b[i0], b[i1], b[i2], b[i3]
	v4, v5, v6, v7 := b[i4], b[i5], b[i6], b[i7]
	v8, v9, v10, v11 := b[i8], b[i9], b[i10], b[i11]
	v12, v13, v14, v15 := b[i12], b[i13], b[i14], b[i15]

	v0, v4, v8, v12 = gMix(v0, v4, v8, v12)
	v1, v5, v9, v13 = gMix(v1, v5, v9, v13)
	v2, v6, v10, v14 = gMix(v2, v6, v10, v14)
	v3, v7, v11, v15 = gMix(v3, v7, v11, v15)
	v0, v5, v10, v15 = gMix(v0, v5, v10, v15)
	v1, v6, v11, v12 = gMix(v1, v6, v11, v12)
	v2, v7, v8, v13 = gMix(v2, v7, v8, v13)
	v3, v4, v9, v14 = gMix(v3, v4, v9, v14)

	b[i0], b[i1], b[i2], b[i3] = v0, v1, v2, v3
	b[i4], b[i5], b[i6], b[i7] = v4, v5, v6, v7
	b[i8], b[i9], b[i10], b[i11] = v8, v9, v10, v11
	b[i12], b[i13], b[i14], b[i15] = v12, v13, v14, v15
}
