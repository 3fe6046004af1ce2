package pwdigest

import (
	"crypto/md5"
	"crypto/sha256"
	"crypto/sha512"
	"encoding/binary"
	"fmt"
	"hash"
	"math"
	"strconv"
	"strings"

	"github.com/pwdigest/pwdigest/internal/descrypt"
	"github.com/pwdigest/pwdigest/internal/yescryptcore"
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

func init() { register(newMD5CryptFormat("md5_crypt", "$1$").scheme()) }

// An md5CryptFormat is md5crypt under one magic: FreeBSD's "$1$"
// (md5_crypt) or Apache's "$apr1$" (apr1_md5_crypt), which differ in nothing
// else.
type md5CryptFormat struct {
	name, magic               string
	errShape, errSalt, errSum error
}

func newMD5CryptFormat(name, magic string) *md5CryptFormat {
	return &md5CryptFormat{
		name: name, magic: magic,
		errShape: malformed(name, `want "`+magic+`<salt>$<22 characters>"`),
		errSalt:  malformed(name, `salt is longer than 8 bytes or holds ":", newline or NUL`),
		errSum:   malformed(name, "checksum is not 22 characters of crypt's base64 with zero unused bits"),
	}
}

func (f *md5CryptFormat) scheme() *scheme {
	return &scheme{
		name:     f.name,
		insecure: true,
		parse:    f.parse,
		hash: func(password string, _ *Policy) (string, error) {
			if err := checkCryptPassword(f.name, password); err != nil {
				return "", err
			}
			salt := randomString(8, itoa64)
			out := append([]byte(f.magic+salt), '$')
			return string(md5CryptOrder.encode(out, md5CryptSum([]byte(password), []byte(salt), f.magic))), nil
		},
	}
}

type md5CryptDigest struct {
	f         *md5CryptFormat
	salt, sum string
}

func (f *md5CryptFormat) parse(digest string, _ Limits) (parsed, error) {
	rest, ok := strings.CutPrefix(digest, f.magic)
	var p [2]string
	if !ok || !splitN(rest, '$', p[:]) {
		return nil, f.errShape
	}
	if !validCryptSalt(p[0], 8) {
		return nil, f.errSalt
	}
	if !md5CryptOrder.validChecksum(p[1]) {
		return nil, f.errSum
	}
	return &md5CryptDigest{f, p[0], p[1]}, nil
}

func (d *md5CryptDigest) memory() int64       { return 0 }
func (d *md5CryptDigest) weaker(*Policy) bool { return true }

// verify: crypt(3) and htpasswd (apr_md5_encode) both take the password as
// a C string, so it ends at a NUL.
func (d *md5CryptDigest) verify(password string) (bool, error) {
	password, err := cryptVerifyPassword(d.f.name, password)
	if err != nil {
		return false, err
	}
	pw := passwordCopy(password)
	defer clear(pw)
	sum := md5CryptSum(pw, []byte(d.salt), d.f.magic)
	got := md5CryptOrder.encode(make([]byte, 0, 22), sum)
	clear(sum)
	return equalKey(got, nil, []byte(d.sum))
}

// md5CryptSum is FreeBSD's md5crypt; Apache's apr1 is the same with the
// magic "$apr1$".
func md5CryptSum(password, salt []byte, magic string) []byte {
	h := md5.New()
	h.Write(password)
	h.Write(salt)
	h.Write(password)
	alt := h.Sum(nil)

	h.Reset()
	h.Write(password)
	h.Write([]byte(magic))
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

// scrypt_crypt: libxcrypt's "$7$", classic scrypt with the salt used as
// written, on yescrypt's machinery (yescrypt.go). Memory and p are capped by
// YescryptMemory and YescryptP, as for "$y$".

// ScryptCryptCost is libxcrypt's "$7$" cost for new digests.
var ScryptCryptCost = newParam(Param{
	Name: "scrypt_crypt.cost",
	Doc: "libxcrypt's scrypt cost (mkpasswd -m scrypt -R) for new $7$ digests: N=2^(cost+7), r=32, p=1; " +
		"a digest with less N·r is weak; policy 7, libxcrypt's default (64 MiB)",
	Min: 6, Max: 11, Limit: 11, Policy: 7,
})

var (
	errScryptCShape = malformed("scrypt_crypt", `want "$7$<N><r><p><salt>$<43 characters>"`)
	errScryptCSalt  = malformed("scrypt_crypt", "salt holds characters outside crypt's alphabet or is longer than 86")
	errScryptCSum   = malformed("scrypt_crypt", "hash is not 43 characters of yescrypt's base64 with zero unused bits")
)

func init() {
	register(&scheme{
		name: "scrypt_crypt", params: []*Param{ScryptCryptCost}, parse: parseScryptCrypt, hash: hashScryptCrypt,
		checkPolicy: func(p *Policy, l Limits) error {
			return checkYescrypt("policy scrypt_crypt", scryptCryptCostParams(int(p.Get(ScryptCryptCost))), l)
		},
		hashMemory: func(p *Policy) int64 { return scryptCryptCostParams(int(p.Get(ScryptCryptCost))).MemoryBytes() },
	})
}

// parseScryptCrypt reads "$7$" as libxcrypt's crypt_scrypt_rn does: one
// character log2 N, r and p as 30-bit fields of 5 characters, low first,
// then the salt as written (crypt's alphabet; mkpasswd writes 22
// characters, libxcrypt at most 86).
func parseScryptCrypt(digest string, l Limits) (parsed, error) {
	rest, ok := strings.CutPrefix(digest, "$7$")
	var f [2]string
	if !ok || len(rest) < 11 || !splitN(rest[11:], '$', f[:]) {
		return nil, errScryptCShape
	}
	nlog := yescryptcore.Char(rest[0])
	r, okr := yescryptcore.DecodeFixed(rest[1:6])
	p, okp := yescryptcore.DecodeFixed(rest[6:11])
	if nlog < 0 || !okr || !okp {
		return nil, errScryptCShape
	}
	if len(f[0]) > 86 {
		return nil, errScryptCSalt
	}
	for i := 0; i < len(f[0]); i++ {
		if yescryptcore.Char(f[0][i]) < 0 {
			return nil, errScryptCSalt
		}
	}
	var sum [32]byte
	if !decodeYescryptSum(&sum, f[1]) {
		return nil, errScryptCSum
	}
	if nlog < 2 || nlog > 31 {
		return nil, outOfRange("scrypt_crypt N log2", nlog, "2..31")
	}
	params := yescryptcore.Params{Flags: yescryptcore.Scrypt, N: 1 << nlog, R: r, P: p}
	if err := checkYescrypt("scrypt_crypt", params, l); err != nil {
		return nil, err
	}
	d := &yescryptDigest{name: "scrypt_crypt", params: params, saltLen: len(f[0]), sum: sum}
	copy(d.salt[:], f[0])
	return d, nil
}

// scryptCryptCostParams is libxcrypt's gensalt_scrypt_rn: N=2^(cost+7),
// r=32, p=1, cost clamped to 6..11.
func scryptCryptCostParams(cost int) yescryptcore.Params {
	cost = min(max(cost, 6), 11)
	return yescryptcore.Params{Flags: yescryptcore.Scrypt, N: 1 << (cost + 7), R: 32, P: 1}
}

// hashScryptCrypt writes what mkpasswd -m scrypt -R <cost> writes: N from
// the cost, r=32, p=1 and 22 salt characters.
func hashScryptCrypt(password string, pol *Policy) (string, error) {
	if err := checkCryptPassword("scrypt_crypt", password); err != nil {
		return "", err
	}
	params := scryptCryptCostParams(int(pol.Get(ScryptCryptCost)))
	salt := randomString(22, itoa64)
	pw := passwordCopy(password)
	defer clear(pw)
	sum, err := yescryptcore.Key(pw, []byte(salt), params, 32)
	if err != nil {
		return "", err
	}
	defer clear(sum)
	nlog := 0
	for n := params.N; n > 1; n >>= 1 {
		nlog++
	}
	out := []byte("$7$")
	out = append(out, itoa64[nlog])
	out = yescryptcore.AppendFixed(out, 32, 5)
	out = yescryptcore.AppendFixed(out, 1, 5)
	out = append(append(out, salt...), '$')
	return string(yescryptcore.AppendEncode(out, sum)), nil
}

// apr1_md5_crypt: Apache's "$apr1$<salt>$<22 characters>" (htpasswd -m),
// md5crypt with the magic "$apr1$". Insecure: 1000 MD5 rounds.

func init() { register(newMD5CryptFormat("apr1_md5_crypt", "$apr1$").scheme()) }

// des_crypt: the traditional DES-based crypt(3) of Version 7 Unix, 13
// characters of crypt's alphabet: a 2-character salt and 11 characters for
// the 64-bit result (internal/descrypt). Also Django's CryptPasswordHasher
// form "crypt$$<13 characters>" (Django 1.4+; passlib's django_des_crypt and
// Django 1.0 wrote the salt into the middle field too: "crypt$ab$ab...", or 5
// characters starting with it). Insecure: 56-bit DES, 25 rounds.
//
// As every producer does, only the first 8 bytes of the password count and
// the high bit of each byte is dropped: "password" and "password123" match
// the same digest. Hash refuses such passwords (ErrPasswordTooLong over 8
// bytes, ErrUnsupportedPassword for a byte above 0x7f) so that a new digest
// does not silently stand for other passwords.

const desCryptLen = 13

var (
	errDESShape  = malformed("des_crypt", `want 13 characters of crypt's alphabet, or "crypt$$" and them`)
	errDESSum    = malformed("des_crypt", "last character has non-zero unused bits")
	errDESDjango = malformed("des_crypt", `Django's salt field is not empty or the digest's own salt`)
)

func init() {
	register(&scheme{
		name:     "des_crypt",
		insecure: true,
		parse:    parseDESCrypt,
		hash:     hashDESCrypt,
		rank: func(digest string) int {
			if strings.HasPrefix(digest, "crypt$") {
				return 0
			}
			return -1 // 13 characters alone are weak evidence
		},
	})
}

type desCryptDigest struct {
	salt uint32
	sum  uint64
}

func parseDESCrypt(digest string, _ Limits) (parsed, error) {
	s := digest
	if rest, ok := strings.CutPrefix(digest, "crypt$"); ok {
		var f [2]string
		if !splitN(rest, '$', f[:]) || len(f[1]) != desCryptLen {
			return nil, errDESShape
		}
		// Empty (Django 1.4+), the digest's salt (passlib), or 5
		// characters starting with it (Django 1.0).
		if n := len(f[0]); n != 0 && n != 2 && n != 5 || n != 0 && f[0][:2] != f[1][:2] || !isCryptAlphabet(f[0]) {
			return nil, errDESDjango
		}
		s = f[1]
	}
	if len(s) != desCryptLen || !isCryptAlphabet(s) {
		return nil, errDESShape
	}
	// 10 characters of 6 bits, then 4 bits and two zero bits.
	var sum uint64
	for i := 2; i < desCryptLen-1; i++ {
		sum = sum<<6 | uint64(itoa64Index(s[i]))
	}
	last := uint64(itoa64Index(s[desCryptLen-1]))
	if last&3 != 0 {
		return nil, errDESSum
	}
	salt := uint32(itoa64Index(s[0])) | uint32(itoa64Index(s[1]))<<6
	return &desCryptDigest{salt: salt, sum: sum<<4 | last>>2}, nil
}

func isASCII(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] > 0x7f {
			return false
		}
	}
	return true
}

func isCryptAlphabet(s string) bool {
	for i := 0; i < len(s); i++ {
		if itoa64Index(s[i]) < 0 {
			return false
		}
	}
	return true
}

func (d *desCryptDigest) memory() int64       { return 0 }
func (d *desCryptDigest) weaker(*Policy) bool { return true }

func (d *desCryptDigest) verify(password string) (bool, error) {
	password, err := cryptVerifyPassword("des_crypt", password)
	if err != nil {
		return false, err
	}
	pw := passwordCopy(password)
	defer clear(pw)
	var got, want [8]byte
	binary.BigEndian.PutUint64(got[:], descrypt.Sum(pw, d.salt))
	binary.BigEndian.PutUint64(want[:], d.sum)
	return equalKey(got[:], nil, want[:])
}

func hashDESCrypt(password string, _ *Policy) (string, error) {
	if len(password) > 8 {
		return "", fmt.Errorf("%w: des_crypt takes at most 8 bytes, got %d", ErrPasswordTooLong, len(password))
	}
	if !isASCII(password) || strings.IndexByte(password, 0) >= 0 {
		return "", fmt.Errorf("%w: des_crypt drops the high bit of each byte and stops at a NUL", ErrUnsupportedPassword)
	}
	salt := []byte(randomString(2, itoa64))
	return string(appendDESSum(salt, descrypt.Sum([]byte(password), desSalt(salt)))), nil
}

// desSalt is the 12-bit salt of two characters of crypt's alphabet.
func desSalt(s []byte) uint32 {
	return uint32(itoa64Index(s[0])) | uint32(itoa64Index(s[1]))<<6
}

// appendDESSum appends the 11 characters of a DES crypt result: 64 bits and
// two zero bits, 6 at a time from the top.
func appendDESSum(out []byte, sum uint64) []byte {
	for i := range 10 {
		out = append(out, itoa64[sum>>(58-6*i)&63])
	}
	return append(out, itoa64[sum<<2&63])
}

// bigcrypt: HP-UX's and Tru64's extension of DES crypt (insecure), which
// libxcrypt computes for a setting longer than 13 characters, and so what
// slappasswd -h {CRYPT} writes for a password over 8 bytes: the salt, then
// 11 characters for each 8-byte piece of the password (up to 16 pieces, 128
// bytes), each piece's DES crypt salted with the first two characters of
// the previous piece's. A 13-character digest parses as both des_crypt and
// bigcrypt (one piece: the same DES crypt); as bigcrypt it matches only a
// password of at most 8 bytes, as passlib's bigcrypt reads it, where
// libxcrypt's crypt() with a 13-character setting is des_crypt and ignores
// the bytes after the 8th. Identify ranks des_crypt first for those.

const bigcryptMaxSegments = 16

var (
	errBigcryptShape = malformed("bigcrypt", "want 2 + 11·k characters of crypt's alphabet, k from 1 to 16")
	errBigcryptSum   = malformed("bigcrypt", "a segment's last character has non-zero unused bits")
)

func init() {
	register(&scheme{
		name:     "bigcrypt",
		insecure: true,
		parse:    parseBigcrypt,
		hash: func(password string, _ *Policy) (string, error) {
			if len(password) > 8*bigcryptMaxSegments { // libxcrypt stops after 16 pieces
				return "", fmt.Errorf("%w: bigcrypt takes at most %d bytes, got %d", ErrPasswordTooLong, 8*bigcryptMaxSegments, len(password))
			}
			if !isASCII(password) || strings.IndexByte(password, 0) >= 0 {
				return "", fmt.Errorf("%w: bigcrypt drops the high bit of each byte and stops at a NUL", ErrUnsupportedPassword)
			}
			return string(bigcryptSum(password, randomString(2, itoa64))), nil
		},
		// A bare string of crypt's alphabet; at 13 characters, des_crypt's.
		rank: func(digest string) int {
			if len(digest) == desCryptLen {
				return -2
			}
			return -1
		},
	})
}

type bigcryptDigest struct{ digest string }

func parseBigcrypt(digest string, _ Limits) (parsed, error) {
	n := len(digest) - 2
	if n < 11 || n%11 != 0 || n/11 > bigcryptMaxSegments || !isCryptAlphabet(digest) {
		return nil, errBigcryptShape
	}
	for i := 12; i < len(digest); i += 11 {
		if itoa64Index(digest[i])&3 != 0 {
			return nil, errBigcryptSum
		}
	}
	return &bigcryptDigest{digest}, nil
}

func (d *bigcryptDigest) memory() int64       { return 0 }
func (d *bigcryptDigest) weaker(*Policy) bool { return true }

// verify recomputes the whole string, as libxcrypt's crypt() does: a
// password with more or fewer pieces than the digest does not match.
func (d *bigcryptDigest) verify(password string) (bool, error) {
	password, err := cryptVerifyPassword("bigcrypt", password)
	if err != nil {
		return false, err
	}
	return equalKey(bigcryptSum(password, d.digest[:2]), nil, []byte(d.digest))
}

// bigcryptSum is libxcrypt's crypt_bigcrypt_rn for a password without NUL.
func bigcryptSum(password, salt string) []byte {
	out := []byte(salt)
	prev := out[:2]
	for seg := 0; seg < bigcryptMaxSegments; seg++ {
		var piece [8]byte
		copy(piece[:], password[min(8*seg, len(password)):min(8*seg+8, len(password))])
		start := len(out)
		out = appendDESSum(out, descrypt.Sum(piece[:], desSalt(prev)))
		clear(piece[:])
		if len(password) <= 8*(seg+1) {
			break
		}
		prev = out[start : start+2]
	}
	return out
}
