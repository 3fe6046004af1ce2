// Package descrypt computes the traditional DES-based crypt(3) of Version 7
// Unix, as libxcrypt's crypt-des.c and passlib's des_crypt compute it: the
// key is the first 8 password bytes, each shifted left by one (so the high
// bit of each byte is lost), the 12-bit salt swaps pairs of bits of DES's
// expansion E, and a zero block is encrypted 25 times.
//
// The DES tables are those of FIPS 46-3. This is a plain bit-by-bit
// implementation: des_crypt is insecure and only verified, a verify is
// 400 DES rounds, and no table needs to be secret-independent beyond what
// its callers accept for an obsolete scheme (the S-box lookups depend on
// the password).
package descrypt

// Permutations and the expansion, 1-based bit numbers counted from the most
// significant bit, as FIPS 46-3 prints them.
var (
	ip = [64]uint8{
		58, 50, 42, 34, 26, 18, 10, 2, 60, 52, 44, 36, 28, 20, 12, 4,
		62, 54, 46, 38, 30, 22, 14, 6, 64, 56, 48, 40, 32, 24, 16, 8,
		57, 49, 41, 33, 25, 17, 9, 1, 59, 51, 43, 35, 27, 19, 11, 3,
		61, 53, 45, 37, 29, 21, 13, 5, 63, 55, 47, 39, 31, 23, 15, 7,
	}
	fp = [64]uint8{
		40, 8, 48, 16, 56, 24, 64, 32, 39, 7, 47, 15, 55, 23, 63, 31,
		38, 6, 46, 14, 54, 22, 62, 30, 37, 5, 45, 13, 53, 21, 61, 29,
		36, 4, 44, 12, 52, 20, 60, 28, 35, 3, 43, 11, 51, 19, 59, 27,
		34, 2, 42, 10, 50, 18, 58, 26, 33, 1, 41, 9, 49, 17, 57, 25,
	}
	expansion = [48]uint8{
		32, 1, 2, 3, 4, 5, 4, 5, 6, 7, 8, 9,
		8, 9, 10, 11, 12, 13, 12, 13, 14, 15, 16, 17,
		16, 17, 18, 19, 20, 21, 20, 21, 22, 23, 24, 25,
		24, 25, 26, 27, 28, 29, 28, 29, 30, 31, 32, 1,
	}
	pbox = [32]uint8{
		16, 7, 20, 21, 29, 12, 28, 17, 1, 15, 23, 26, 5, 18, 31, 10,
		2, 8, 24, 14, 32, 27, 3, 9, 19, 13, 30, 6, 22, 11, 4, 25,
	}
	pc1 = [56]uint8{
		57, 49, 41, 33, 25, 17, 9, 1, 58, 50, 42, 34, 26, 18,
		10, 2, 59, 51, 43, 35, 27, 19, 11, 3, 60, 52, 44, 36,
		63, 55, 47, 39, 31, 23, 15, 7, 62, 54, 46, 38, 30, 22,
		14, 6, 61, 53, 45, 37, 29, 21, 13, 5, 28, 20, 12, 4,
	}
	pc2 = [48]uint8{
		14, 17, 11, 24, 1, 5, 3, 28, 15, 6, 21, 10,
		23, 19, 12, 4, 26, 8, 16, 7, 27, 20, 13, 2,
		41, 52, 31, 37, 47, 55, 30, 40, 51, 45, 33, 48,
		44, 49, 39, 56, 34, 53, 46, 42, 50, 36, 29, 32,
	}
	shifts = [16]uint8{1, 1, 2, 2, 2, 2, 2, 2, 1, 2, 2, 2, 2, 2, 2, 1}

	sboxes = [8][64]uint8{
		{14, 4, 13, 1, 2, 15, 11, 8, 3, 10, 6, 12, 5, 9, 0, 7,
			0, 15, 7, 4, 14, 2, 13, 1, 10, 6, 12, 11, 9, 5, 3, 8,
			4, 1, 14, 8, 13, 6, 2, 11, 15, 12, 9, 7, 3, 10, 5, 0,
			15, 12, 8, 2, 4, 9, 1, 7, 5, 11, 3, 14, 10, 0, 6, 13},
		{15, 1, 8, 14, 6, 11, 3, 4, 9, 7, 2, 13, 12, 0, 5, 10,
			3, 13, 4, 7, 15, 2, 8, 14, 12, 0, 1, 10, 6, 9, 11, 5,
			0, 14, 7, 11, 10, 4, 13, 1, 5, 8, 12, 6, 9, 3, 2, 15,
			13, 8, 10, 1, 3, 15, 4, 2, 11, 6, 7, 12, 0, 5, 14, 9},
		{10, 0, 9, 14, 6, 3, 15, 5, 1, 13, 12, 7, 11, 4, 2, 8,
			13, 7, 0, 9, 3, 4, 6, 10, 2, 8, 5, 14, 12, 11, 15, 1,
			13, 6, 4, 9, 8, 15, 3, 0, 11, 1, 2, 12, 5, 10, 14, 7,
			1, 10, 13, 0, 6, 9, 8, 7, 4, 15, 14, 3, 11, 5, 2, 12},
		{7, 13, 14, 3, 0, 6, 9, 10, 1, 2, 8, 5, 11, 12, 4, 15,
			13, 8, 11, 5, 6, 15, 0, 3, 4, 7, 2, 12, 1, 10, 14, 9,
			10, 6, 9, 0, 12, 11, 7, 13, 15, 1, 3, 14, 5, 2, 8, 4,
			3, 15, 0, 6, 10, 1, 13, 8, 9, 4, 5, 11, 12, 7, 2, 14},
		{2, 12, 4, 1, 7, 10, 11, 6, 8, 5, 3, 15, 13, 0, 14, 9,
			14, 11, 2, 12, 4, 7, 13, 1, 5, 0, 15, 10, 3, 9, 8, 6,
			4, 2, 1, 11, 10, 13, 7, 8, 15, 9, 12, 5, 6, 3, 0, 14,
			11, 8, 12, 7, 1, 14, 2, 13, 6, 15, 0, 9, 10, 4, 5, 3},
		{12, 1, 10, 15, 9, 2, 6, 8, 0, 13, 3, 4, 14, 7, 5, 11,
			10, 15, 4, 2, 7, 12, 9, 5, 6, 1, 13, 14, 0, 11, 3, 8,
			9, 14, 15, 5, 2, 8, 12, 3, 7, 0, 4, 10, 1, 13, 11, 6,
			4, 3, 2, 12, 9, 5, 15, 10, 11, 14, 1, 7, 6, 0, 8, 13},
		{4, 11, 2, 14, 15, 0, 8, 13, 3, 12, 9, 7, 5, 10, 6, 1,
			13, 0, 11, 7, 4, 9, 1, 10, 14, 3, 5, 12, 2, 15, 8, 6,
			1, 4, 11, 13, 12, 3, 7, 14, 10, 15, 6, 8, 0, 5, 9, 2,
			6, 11, 13, 8, 1, 4, 10, 7, 9, 5, 0, 15, 14, 2, 3, 12},
		{13, 2, 8, 4, 6, 15, 11, 1, 10, 9, 3, 14, 5, 0, 12, 7,
			1, 15, 13, 8, 10, 3, 7, 4, 12, 5, 6, 11, 0, 14, 9, 2,
			7, 11, 4, 1, 9, 12, 14, 2, 0, 6, 10, 13, 15, 3, 5, 8,
			2, 1, 14, 7, 4, 10, 8, 13, 15, 12, 9, 0, 3, 5, 6, 11},
	}
)

// permute returns the bits of in (inBits wide) picked by table, the first
// entry becoming the most significant output bit.
func permute(in uint64, inBits int, table []uint8) uint64 {
	var out uint64
	for _, b := range table {
		out = out<<1 | (in>>(inBits-int(b)))&1
	}
	return out
}

// subkeys is DES's key schedule.
func subkeys(key uint64) [16]uint64 {
	var ks [16]uint64
	cd := permute(key, 64, pc1[:])
	c, d := cd>>28, cd&0xfffffff
	for i, s := range shifts {
		c = (c<<s | c>>(28-s)) & 0xfffffff
		d = (d<<s | d>>(28-s)) & 0xfffffff
		ks[i] = permute(c<<28|d, 56, pc2[:])
	}
	return ks
}

// feistel is DES's f(R, K) with the salted expansion e.
func feistel(r uint32, k uint64, e *[48]uint8) uint32 {
	x := permute(uint64(r), 32, e[:]) ^ k
	var s uint64
	for i := range 8 {
		six := (x >> (42 - 6*i)) & 0x3f
		row := six>>4&2 | six&1
		col := six >> 1 & 0xf
		s = s<<4 | uint64(sboxes[i][row*16+col])
	}
	return uint32(permute(s, 32, pbox[:]))
}

// encrypt is one DES encryption of block.
func encrypt(block uint64, ks *[16]uint64, e *[48]uint8) uint64 {
	x := permute(block, 64, ip[:])
	l, r := uint32(x>>32), uint32(x)
	for i := range 16 {
		l, r = r, l^feistel(r, ks[i], e)
	}
	return permute(uint64(r)<<32|uint64(l), 64, fp[:])
}

// Sum returns the 64-bit result of traditional crypt(3) for a password
// (only its first 8 bytes count; libxcrypt stops at a NUL) and the 12-bit
// salt (the value of the first salt character in the low 6 bits).
func Sum(password []byte, salt uint32) uint64 {
	var key uint64
	for i := range 8 {
		var b byte
		if i < len(password) {
			b = password[i]
		}
		if b == 0 {
			password = nil
		}
		key = key<<8 | uint64(b<<1)
	}
	// Salt bit j swaps the expansion's outputs j and j+24.
	e := expansion
	for j := range 12 {
		if salt>>j&1 != 0 {
			e[j], e[j+24] = e[j+24], e[j]
		}
	}
	ks := subkeys(key)
	var block uint64
	for range 25 {
		block = encrypt(block, &ks, &e)
	}
	clear(ks[:])
	return block
}
