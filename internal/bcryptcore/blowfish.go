package bcryptcore

// state is a Blowfish key schedule. It is a plain value so that Hash can keep
// it on its stack: no allocation, and the S-boxes are addressed off the stack
// pointer without an extra base register.
type state struct {
	p [18]uint32
	s [4][256]uint32
}

// f is Blowfish's round function. The uint8 and >>24 indexes into [256]uint32
// arrays let the compiler drop every bounds check.
func (c *state) f(x uint32) uint32 {
	return ((c.s[0][x>>24] + c.s[1][uint8(x>>16)]) ^ c.s[2][uint8(x>>8)]) + c.s[3][uint8(x)]
}

// encrypt enciphers one block. The P-array word is XORed in before f's result
// so that it stays off the round's critical path.
func (c *state) encrypt(l, r uint32) (uint32, uint32) {
	l ^= c.p[0]
	r = r ^ c.p[1] ^ c.f(l)
	l = l ^ c.p[2] ^ c.f(r)
	r = r ^ c.p[3] ^ c.f(l)
	l = l ^ c.p[4] ^ c.f(r)
	r = r ^ c.p[5] ^ c.f(l)
	l = l ^ c.p[6] ^ c.f(r)
	r = r ^ c.p[7] ^ c.f(l)
	l = l ^ c.p[8] ^ c.f(r)
	r = r ^ c.p[9] ^ c.f(l)
	l = l ^ c.p[10] ^ c.f(r)
	r = r ^ c.p[11] ^ c.f(l)
	l = l ^ c.p[12] ^ c.f(r)
	r = r ^ c.p[13] ^ c.f(l)
	l = l ^ c.p[14] ^ c.f(r)
	r = r ^ c.p[15] ^ c.f(l)
	l = l ^ c.p[16] ^ c.f(r)
	return r ^ c.p[17], l
}

// expandSalted is the first, salted ExpandKey(state, salt, key) of eksblowfish:
// the key is XORed into P, then P and the S-boxes are replaced by a chain of
// encryptions, each block first XORed with the next two salt words (cycling
// through the four).
func (c *state) expandSalted(key *[18]uint32, salt *[4]uint32) {
	for i := range c.p {
		c.p[i] ^= key[i]
	}
	var l, r uint32
	k := 0
	for i := 0; i < len(c.p); i += 2 {
		l, r = c.encrypt(l^salt[k], r^salt[k+1])
		c.p[i], c.p[i+1] = l, r
		k ^= 2
	}
	for b := range c.s {
		box := &c.s[b]
		for i := 0; i < len(box); i += 2 {
			l, r = c.encrypt(l^salt[k], r^salt[k+1])
			box[i], box[i+1] = l, r
			k ^= 2
		}
	}
}

// expand0 is ExpandKey(state, 0, key), the unsalted expansion repeated 2^cost
// times with the password's and then the salt's key words.
func (c *state) expand0(key *[18]uint32) {
	for i := range c.p {
		c.p[i] ^= key[i]
	}
	var l, r uint32
	for i := 0; i < len(c.p); i += 2 {
		l, r = c.encrypt(l, r)
		c.p[i], c.p[i+1] = l, r
	}
	for b := range c.s {
		box := &c.s[b]
		for i := 0; i < len(box); i += 2 {
			l, r = c.encrypt(l, r)
			box[i], box[i+1] = l, r
		}
	}
}

// expensive is eksblowfish's main loop.
func (c *state) expensiveGeneric(key, saltKey *[18]uint32, rounds uint64) {
	for ; rounds > 0; rounds-- {
		c.expand0(key)
		c.expand0(saltKey)
	}
}
