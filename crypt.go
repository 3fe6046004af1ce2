package pwdigest

import (
	"crypto/md5"
	"crypto/sha256"
	"crypto/sha512"
	"fmt"
	"hash"
	"math"
	"strconv"
	"strings"
)

// The crypt(3) schemes of glibc, libxcrypt, PHP's crypt() and passlib,
// implemented from their published descriptions:
//
//	sha512_crypt  "$6$[rounds=<N>$]<salt>$<86 characters>"  Drepper, "Unix crypt using SHA-256 and SHA-512"
//	sha256_crypt  "$5$[rounds=<N>$]<salt>$<43 characters>"  (same specification)
//	md5_crypt     "$1$<salt>$<22 characters>"               Kamp's FreeBSD md5crypt, 1000 fixed rounds
//
// The checksum is in crypt's base64 ("./0-9A-Za-z", low bits first, bytes
// in a scheme-specific order).
//
// Parsing is strict, accepting what these producers write and nothing they
// would rewrite:
//   - rounds: N is a canonical decimal in 1000..999999999. Without
//     "rounds=" N is 5000; "rounds=5000$" written out is accepted too, as
//     glibc and libxcrypt keep an explicit rounds field as given. glibc
//     clamps an out-of-range N to the range and writes the clamped value,
//     libxcrypt and PHP 8 refuse it, so no producer's digest carries one:
//     it is refused with ErrParamsOutOfRange, as is N above the CryptRounds
//     limit.
//   - salt: at most 16 bytes (8 for md5_crypt), possibly empty, without
//     "$", ":", newline or NUL (libxcrypt refuses ":" and newline). Longer
//     salts are truncated by the producers before they are written, so a
//     longer one is refused, not truncated.
//   - checksum: exact length, crypt's alphabet, unused bits of the last
//     character zero.
//
// The work grows with the password's length (quadratically for the SHA
// schemes), so passwords longer than cryptMaxPassword bytes are refused by
// Verify and Hash with ErrPasswordTooLong (the password's fault, not the
// digest's); libxcrypt takes at most 511 bytes, passlib 4096.

const (
	cryptMaxPassword     = 4096
	shaCryptDefaultRound = 5000
	md5CryptRounds       = 1000
)

// CryptRounds is the rounds= of sha256_crypt and sha512_crypt.
var CryptRounds = newParam(Param{
	Name: "crypt.rounds",
	Doc: "sha256_crypt and sha512_crypt rounds; limit 2,000,000 (glibc writes 5000 by default); " +
		"policy 656,000, passlib's",
	Min: 1000, Max: 999_999_999, Limit: 2_000_000, Policy: 656_000,
})

// cryptOrder lists, for each group of up to 4 output characters, the three
// byte indices (B2, B1, B0) packed low bits first; -1 is a zero byte.
type cryptOrder [][3]int

// From the specification's final encoding steps.
var (
	sha256CryptOrder = cryptOrder{
		{0, 10, 20}, {21, 1, 11}, {12, 22, 2}, {3, 13, 23}, {24, 4, 14},
		{15, 25, 5}, {6, 16, 26}, {27, 7, 17}, {18, 28, 8}, {9, 19, 29},
		{-1, 31, 30},
	}
	sha512CryptOrder = cryptOrder{
		{0, 21, 42}, {22, 43, 1}, {44, 2, 23}, {3, 24, 45}, {25, 46, 4},
		{47, 5, 26}, {6, 27, 48}, {28, 49, 7}, {50, 8, 29}, {9, 30, 51},
		{31, 52, 10}, {53, 11, 32}, {12, 33, 54}, {34, 55, 13}, {56, 14, 35},
		{15, 36, 57}, {37, 58, 16}, {59, 17, 38}, {18, 39, 60}, {40, 61, 19},
		{62, 20, 41}, {-1, -1, 63},
	}
	md5CryptOrder = cryptOrder{
		{0, 6, 12}, {1, 7, 13}, {2, 8, 14}, {3, 9, 15}, {4, 10, 5}, {-1, -1, 11},
	}
)

// encodedLen is the checksum length: 4 characters a full group, and for the
// last group one character more than its non-zero bytes.
func (o cryptOrder) encodedLen() int {
	return 4*(len(o)-1) + o.lastBytes() + 1
}

func (o cryptOrder) lastBytes() int {
	n := 0
	for _, i := range o[len(o)-1] {
		if i >= 0 {
			n++
		}
	}
	return n
}

// lastBits is the number of bits the checksum's last character carries:
// the last group's 8·n bits less 6 for each of its n other characters.
func (o cryptOrder) lastBits() int {
	return 2 * o.lastBytes()
}

// encode appends sum in crypt's base64 with o's byte order.
func (o cryptOrder) encode(dst, sum []byte) []byte {
	for g, t := range o {
		var w uint32
		for _, i := range t {
			w <<= 8
			if i >= 0 {
				w |= uint32(sum[i])
			}
		}
		n := 4
		if g == len(o)-1 {
			n = o.lastBytes() + 1
		}
		for range n {
			dst = append(dst, itoa64[w&63])
			w >>= 6
		}
	}
	return dst
}

// validChecksum reports whether s is an exact, canonical checksum for o.
func (o cryptOrder) validChecksum(s string) bool {
	if len(s) != o.encodedLen() {
		return false
	}
	for i := 0; i < len(s); i++ {
		if itoa64Index(s[i]) < 0 {
			return false
		}
	}
	return itoa64Index(s[len(s)-1]) < 1<<o.lastBits()
}

// validCryptSalt applies libxcrypt's salt rule (plus NUL, which C strings
// cannot hold) and the length cap.
func validCryptSalt(s string, max int) bool {
	return len(s) <= max && !strings.ContainsAny(s, "$:\n\x00")
}

// shaCrypt is sha256_crypt or sha512_crypt.
type shaCrypt struct {
	name    string
	prefix  string // "$5$" or "$6$"
	newHash func() hash.Hash
	order   cryptOrder

	errShape, errRounds, errSalt, errSum error
}

func newSHACrypt(name, prefix string, newHash func() hash.Hash, order cryptOrder) *shaCrypt {
	want := strconv.Itoa(order.encodedLen())
	return &shaCrypt{
		name: name, prefix: prefix, newHash: newHash, order: order,
		errShape:  malformed(name, `want "`+prefix+`[rounds=<N>$]<salt>$<checksum>"`),
		errRounds: malformed(name, "rounds is not a canonical decimal"),
		errSalt:   malformed(name, `salt is longer than 16 bytes or holds "$", ":", newline or NUL`),
		errSum:    malformed(name, "checksum is not "+want+" characters of crypt's base64 with zero unused bits"),
	}
}

var (
	sha512Crypt = newSHACrypt("sha512_crypt", "$6$", sha512.New, sha512CryptOrder)
	sha256Crypt = newSHACrypt("sha256_crypt", "$5$", sha256.New, sha256CryptOrder)
)

func init() {
	register(sha512Crypt.scheme())
	register(sha256Crypt.scheme())
}

func (c *shaCrypt) scheme() *scheme {
	return &scheme{name: c.name, params: []*Param{CryptRounds}, parse: c.parse, hash: c.hash}
}

type shaCryptDigest struct {
	c        *shaCrypt
	rounds   int
	explicit bool // "rounds=" was written
	salt     string
	sum      string
}

func (c *shaCrypt) parse(digest string, l Limits) (parsed, error) {
	rest, ok := strings.CutPrefix(digest, c.prefix)
	if !ok {
		return nil, c.errShape
	}
	// Checked on the stack; the digest is allocated once it is valid.
	d := shaCryptDigest{c: c, rounds: shaCryptDefaultRound}
	if r, ok := strings.CutPrefix(rest, "rounds="); ok {
		i := strings.IndexByte(r, '$')
		if i < 0 {
			return nil, c.errShape
		}
		n, ok := parseDecimal(r[:i], math.MaxUint64)
		if !ok {
			return nil, c.errRounds
		}
		// Out of range whatever the clamp: checked below, after the shape.
		d.rounds, d.explicit, rest = int(min(n, math.MaxInt64)), true, r[i+1:]
	}
	var f [2]string
	if !splitN(rest, '$', f[:]) {
		return nil, c.errShape
	}
	if !validCryptSalt(f[0], 16) {
		return nil, c.errSalt
	}
	if !c.order.validChecksum(f[1]) {
		return nil, c.errSum
	}
	// Ranges after shape: "$6$rounds=1$not a salt" is malformed.
	if err := l.check(CryptRounds, c.name, "rounds", int64(d.rounds)); err != nil {
		return nil, err
	}
	d.salt, d.sum = f[0], f[1]
	out := d
	return &out, nil
}

func (d *shaCryptDigest) memory() int64         { return 0 }
func (d *shaCryptDigest) weaker(p *Policy) bool { return int64(d.rounds) < p.Get(CryptRounds) }

func (d *shaCryptDigest) verify(password string) (bool, error) {
	password, err := cryptVerifyPassword(d.c.name, password)
	if err != nil {
		return false, err
	}
	pw := passwordCopy(password)
	defer clear(pw)
	sum := shaCryptSum(d.c.newHash, pw, []byte(d.salt), d.rounds)
	got := d.c.order.encode(make([]byte, 0, 86), sum)
	clear(sum)
	return equalKey(got, nil, []byte(d.sum))
}

// hash writes rounds= only when it is not the default, as glibc and
// libxcrypt do for a setting without it; the salt is 16 characters of
// crypt's alphabet, as their gensalt makes.
func (c *shaCrypt) hash(password string, p *Policy) (string, error) {
	if err := checkCryptPassword(c.name, password); err != nil {
		return "", err
	}
	rounds := int(p.Get(CryptRounds))
	salt := randomString(16, itoa64)
	out := []byte(c.prefix)
	if rounds != shaCryptDefaultRound {
		out = append(strconv.AppendInt(append(out, "rounds="...), int64(rounds), 10), '$')
	}
	out = append(append(out, salt...), '$')
	return string(c.order.encode(out, shaCryptSum(c.newHash, []byte(password), []byte(salt), rounds))), nil
}

func checkCryptPassword(name, password string) error {
	if len(password) > cryptMaxPassword {
		return fmt.Errorf("%w: %s takes at most %d bytes, got %d", ErrPasswordTooLong, name, cryptMaxPassword, len(password))
	}
	if strings.IndexByte(password, 0) >= 0 {
		return fmt.Errorf("%w: crypt(3) stops at a NUL byte", ErrUnsupportedPassword)
	}
	return nil
}

// cryptVerifyPassword is the password crypt(3) would see: C strings end at
// the first NUL, so the rest is ignored, as glibc, libxcrypt and PHP do. The
// work grows with the square of the length, so a password over
// cryptMaxPassword bytes is refused before any hashing.
func cryptVerifyPassword(name, password string) (string, error) {
	if len(password) > cryptMaxPassword {
		return "", fmt.Errorf("%w: %s takes at most %d bytes, got %d", ErrPasswordTooLong, name, cryptMaxPassword, len(password))
	}
	if i := strings.IndexByte(password, 0); i >= 0 {
		password = password[:i]
	}
	return password, nil
}

// writeCycled writes n bytes of block repeated over and over.
func writeCycled(h hash.Hash, block []byte, n int) {
	for ; n > len(block); n -= len(block) {
		h.Write(block)
	}
	h.Write(block[:n])
}

// cycled returns n bytes of block repeated over and over.
func cycled(block []byte, n int) []byte {
	out := make([]byte, 0, n)
	for len(out) < n {
		out = append(out, block[:min(len(block), n-len(out))]...)
	}
	return out
}

// shaCryptSum is the specification's algorithm, steps 1 to 21.
func shaCryptSum(newHash func() hash.Hash, password, salt []byte, rounds int) []byte {
	h := newHash()
	// Digest B: password, salt, password.
	h.Write(password)
	h.Write(salt)
	h.Write(password)
	b := h.Sum(nil)

	// Digest A: password, salt, B cycled to the password's length, then
	// B or the password for each bit of that length, lowest first.
	h.Reset()
	h.Write(password)
	h.Write(salt)
	writeCycled(h, b, len(password))
	for n := len(password); n > 0; n >>= 1 {
		if n&1 != 0 {
			h.Write(b)
		} else {
			h.Write(password)
		}
	}
	a := h.Sum(nil)

	// P: the digest of the password repeated once per byte, cycled to the
	// password's length.
	h.Reset()
	for range len(password) {
		h.Write(password)
	}
	p := cycled(h.Sum(nil), len(password))

	// S: the digest of the salt repeated 16 + A[0] times, cycled to the
	// salt's length.
	h.Reset()
	for range 16 + int(a[0]) {
		h.Write(salt)
	}
	s := cycled(h.Sum(nil), len(salt))

	sum := cryptRounds(h, a, p, s, rounds)
	clear(b)
	clear(p) // a is sum's storage
	return sum
}

// cryptRounds is the main loop md5crypt introduced and SHA-crypt kept: each
// round hashes the previous sum with the password (p) and salt (s) in an
// order set by the round number's parity and divisibility by 3 and 7.
func cryptRounds(h hash.Hash, sum, p, s []byte, rounds int) []byte {
	for i := range rounds {
		h.Reset()
		if i&1 != 0 {
			h.Write(p)
		} else {
			h.Write(sum)
		}
		if i%3 != 0 {
			h.Write(s)
		}
		if i%7 != 0 {
			h.Write(p)
		}
		if i&1 != 0 {
			h.Write(sum)
		} else {
			h.Write(p)
		}
		sum = h.Sum(sum[:0])
	}
	return sum
}

// md5_crypt: "$1$<salt>$<22 characters>". Insecure: 1000 MD5 rounds.

func init() {
	register(&scheme{
		name:     "md5_crypt",
		insecure: true,
		parse:    parseMD5Crypt,
		hash: func(password string, _ *Policy) (string, error) {
			if err := checkCryptPassword("md5_crypt", password); err != nil {
				return "", err
			}
			salt := randomString(8, itoa64)
			out := append([]byte("$1$"+salt), '$')
			return string(md5CryptOrder.encode(out, md5CryptSum([]byte(password), []byte(salt)))), nil
		},
	})
}

var (
	errMD5CryptShape = malformed("md5_crypt", `want "$1$<salt>$<22 characters>"`)
	errMD5CryptSalt  = malformed("md5_crypt", `salt is longer than 8 bytes or holds ":", newline or NUL`)
	errMD5CryptSum   = malformed("md5_crypt", "checksum is not 22 characters of crypt's base64 with zero unused bits")
)

type md5CryptDigest struct{ salt, sum string }

func parseMD5Crypt(digest string, _ Limits) (parsed, error) {
	rest, ok := strings.CutPrefix(digest, "$1$")
	var f [2]string
	if !ok || !splitN(rest, '$', f[:]) {
		return nil, errMD5CryptShape
	}
	if !validCryptSalt(f[0], 8) {
		return nil, errMD5CryptSalt
	}
	if !md5CryptOrder.validChecksum(f[1]) {
		return nil, errMD5CryptSum
	}
	return &md5CryptDigest{f[0], f[1]}, nil
}

func (d *md5CryptDigest) memory() int64       { return 0 }
func (d *md5CryptDigest) weaker(*Policy) bool { return true }

func (d *md5CryptDigest) verify(password string) (bool, error) {
	password, err := cryptVerifyPassword("md5_crypt", password)
	if err != nil {
		return false, err
	}
	pw := passwordCopy(password)
	defer clear(pw)
	sum := md5CryptSum(pw, []byte(d.salt))
	got := md5CryptOrder.encode(make([]byte, 0, 22), sum)
	clear(sum)
	return equalKey(got, nil, []byte(d.sum))
}

// md5CryptSum is FreeBSD's md5crypt.
func md5CryptSum(password, salt []byte) []byte {
	h := md5.New()
	h.Write(password)
	h.Write(salt)
	h.Write(password)
	alt := h.Sum(nil)

	h.Reset()
	h.Write(password)
	h.Write([]byte("$1$"))
	h.Write(salt)
	writeCycled(h, alt, len(password))
	// For each bit of the length, lowest first: a zero byte for a 1, the
	// password's first byte for a 0.
	for n := len(password); n > 0; n >>= 1 {
		if n&1 != 0 {
			h.Write([]byte{0})
		} else {
			h.Write(password[:1])
		}
	}
	sum := h.Sum(nil)
	clear(alt)

	return cryptRounds(h, sum, password, salt, md5CryptRounds)
}
