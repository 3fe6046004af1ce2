package bcryptcore

// state is a Blowfish key schedule: the P-array followed by the four S-boxes,
// in one array because ExpandKey overwrites them in that order as one chain.
// It is a plain value so that Hash keeps it on its stack.
type state [18 + 4*256]uint32

// Offsets of the S-boxes in state.
const (
	s0 = 18
	s1 = s0 + 256
	s2 = s1 + 256
	s3 = s2 + 256
)

// f is Blowfish's round function. Indexes built from >>24 and uint8 let the
// compiler drop every bounds check.
func (c *state) f(x uint32) uint32 {
	return ((c[s0+int(x>>24)] + c[s1+int(uint8(x>>16))]) ^ c[s2+int(uint8(x>>8))]) + c[s3+int(uint8(x))]
}

// encrypt enciphers one block. The P-array word is XORed in before f's result
// so that it stays off the round's critical path.
func (c *state) encrypt(l, r uint32) (uint32, uint32) {
	l ^= c[0]
	r = r ^ c[1] ^ c.f(l)
	l = l ^ c[2] ^ c.f(r)
	r = r ^ c[3] ^ c.f(l)
	l = l ^ c[4] ^ c.f(r)
	r = r ^ c[5] ^ c.f(l)
	l = l ^ c[6] ^ c.f(r)
	r = r ^ c[7] ^ c.f(l)
	l = l ^ c[8] ^ c.f(r)
	r = r ^ c[9] ^ c.f(l)
	l = l ^ c[10] ^ c.f(r)
	r = r ^ c[11] ^ c.f(l)
	l = l ^ c[12] ^ c.f(r)
	r = r ^ c[13] ^ c.f(l)
	l = l ^ c[14] ^ c.f(r)
	r = r ^ c[15] ^ c.f(l)
	l = l ^ c[16] ^ c.f(r)
	return r ^ c[17], l
}

// expandSalted is the first, salted ExpandKey(state, salt, key) of eksblowfish:
// the key is XORed into P, then P and the S-boxes are replaced by a chain of
// encryptions, each block first XORed with the next two salt words (cycling
// through the four).
func (c *state) expandSalted(key *[18]uint32, salt *[4]uint32) {
	for i, k := range key {
		c[i] ^= k
	}
	var l, r uint32
	for i := 1; i < len(c); i += 2 {
		k := (i - 1) & 2
		l, r = c.encrypt(l^salt[k], r^salt[k+1])
		c[i-1], c[i] = l, r
	}
}

// expand0 is ExpandKey(state, 0, key), the unsalted expansion repeated 2^cost
// times with the password's and then the salt's key words. The encryption is
// written out again rather than called: about 4% faster (AMD Zen 3).
func (c *state) expand0(key *[18]uint32) {
	for i, k := range key {
		c[i] ^= k
	}
	var l, r uint32
	for i := 1; i < len(c); i += 2 {
		l ^= c[0]
		r = r ^ c[1] ^ c.f(l)
		l = l ^ c[2] ^ c.f(r)
		r = r ^ c[3] ^ c.f(l)
		l = l ^ c[4] ^ c.f(r)
		r = r ^ c[5] ^ c.f(l)
		l = l ^ c[6] ^ c.f(r)
		r = r ^ c[7] ^ c.f(l)
		l = l ^ c[8] ^ c.f(r)
		r = r ^ c[9] ^ c.f(l)
		l = l ^ c[10] ^ c.f(r)
		r = r ^ c[11] ^ c.f(l)
		l = l ^ c[12] ^ c.f(r)
		r = r ^ c[13] ^ c.f(l)
		l = l ^ c[14] ^ c.f(r)
		r = r ^ c[15] ^ c.f(l)
		l = l ^ c[16] ^ c.f(r)
		l, r = r^c[17], l
		c[i-1], c[i] = l, r
	}
}

// expensiveGeneric is eksblowfish's main loop in portable Go.
func (c *state) expensiveGeneric(key, saltKey *[18]uint32, rounds uint64) {
	for ; rounds > 0; rounds-- {
		c.expand0(key)
		c.expand0(saltKey)
	}
}
