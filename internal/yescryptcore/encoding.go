package yescryptcore

// The encodings of yescrypt's crypt(3) strings (alg-yescrypt-common.c): the
// crypt alphabet "./0-9A-Za-z", bytes taken in little-endian groups of three
// and written low 6 bits first, and a variable-length code for the
// parameters of "$y$".

const alphabet = "./0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz"

var decodeMap = func() (m [256]byte) {
	for i := range m {
		m[i] = 0xff
	}
	for i := range len(alphabet) {
		m[alphabet[i]] = byte(i)
	}
	return m
}()

// Char returns the value of one character of the alphabet, or -1.
func Char(c byte) int {
	v := decodeMap[c]
	if v == 0xff {
		return -1
	}
	return int(v)
}

// EncodedLen is the length of the encoding of n bytes.
func EncodedLen(n int) int { return (8*n + 5) / 6 }

// AppendEncode appends the encoding of src to dst.
func AppendEncode(dst, src []byte) []byte {
	for len(src) > 0 {
		var v uint32
		n := min(len(src), 3)
		for i := range n {
			v |= uint32(src[i]) << (8 * i)
		}
		for range (8*n + 5) / 6 {
			dst = append(dst, alphabet[v&0x3f])
			v >>= 6
		}
		src = src[n:]
	}
	return dst
}

// Decode decodes s into dst, which must hold the canonical encoding of at
// most len(dst) bytes: every character in the alphabet, no group of one
// character and no bits set beyond the last byte (libxcrypt's decode64
// refuses those too). It returns the number of bytes written.
func Decode(dst []byte, s string) (int, bool) {
	if len(s)%4 == 1 || EncodedLen(len(dst)) < len(s) {
		return 0, false
	}
	n := 0
	for len(s) > 0 {
		k := min(len(s), 4)
		var v uint32
		for i := range k {
			c := decodeMap[s[i]]
			if c == 0xff {
				return 0, false
			}
			v |= uint32(c) << (6 * i)
		}
		nb := 6 * k / 8
		if v>>(8*nb) != 0 || n+nb > len(dst) {
			return 0, false
		}
		for range nb {
			dst[n] = byte(v)
			n++
			v >>= 8
		}
		s = s[k:]
	}
	return n, true
}

// DecodeUint32 decodes a variable-length parameter of "$y$" at the start of
// s (decode64_uint32): a first character that says how many follow, values
// from min up. It returns the value and the rest of s.
func DecodeUint32(s string, min uint32) (v uint32, rest string, ok bool) {
	if s == "" {
		return 0, s, false
	}
	c := uint32(decodeMap[s[0]])
	if c > 63 {
		return 0, s, false
	}
	start, end, chars, shift := uint32(0), uint32(47), 1, uint32(0)
	v = min
	for c > end {
		v += (end + 1 - start) << shift
		start = end + 1
		end = start + (62-end)/2
		chars++
		shift += 6
	}
	v += (c - start) << shift
	if len(s) < chars {
		return 0, s, false
	}
	for i := 1; i < chars; i++ {
		d := uint32(decodeMap[s[i]])
		if d > 63 {
			return 0, s, false
		}
		shift -= 6
		v += d << shift
	}
	return v, s[chars:], true
}

// AppendUint32 appends the variable-length code of v ≥ min
// (encode64_uint32); false if v is below min or beyond what six characters
// hold (about 2^30 above min).
func AppendUint32(dst []byte, v, min uint32) ([]byte, bool) {
	if v < min {
		return dst, false
	}
	v -= min
	start, end, chars, shift := uint32(0), uint32(47), 1, uint32(0)
	for {
		count := (end + 1 - start) << shift
		if v < count {
			break
		}
		if start >= 63 {
			return dst, false
		}
		start = end + 1
		end = start + (62-end)/2
		v -= count
		chars++
		shift += 6
	}
	dst = append(dst, alphabet[start+(v>>shift)])
	for range chars - 1 {
		shift -= 6
		dst = append(dst, alphabet[(v>>shift)&0x3f])
	}
	return dst, true
}

// DecodeFixed decodes the fixed-width little-endian field of "$7$": chars
// characters, low 6 bits first.
func DecodeFixed(s string) (uint32, bool) {
	var v uint32
	for i := range len(s) {
		c := uint32(decodeMap[s[i]])
		if c > 63 {
			return 0, false
		}
		v |= c << (6 * i)
	}
	return v, true
}

// AppendFixed appends v as chars characters, low 6 bits first.
func AppendFixed(dst []byte, v uint32, chars int) []byte {
	for range chars {
		dst = append(dst, alphabet[v&0x3f])
		v >>= 6
	}
	return dst
}
