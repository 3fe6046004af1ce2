package pwdigest

import (
	"crypto/md5"
	"crypto/sha1"
	"crypto/sha256"
	"fmt"
	"hash"
	"strings"

	//lint:ignore SA1019 Md4PasswordEncoder digests exist in Spring apps; verifying them needs MD4
	"golang.org/x/crypto/md4"
)

// spring_delegating: Spring Security's DelegatingPasswordEncoder,
// "{id}encoded", with the encoders PasswordEncoderFactories
// .createDelegatingPasswordEncoder() maps (Spring Security 5.8 to 7.x). The
// digest carries only the id, so each id is read with the factory's
// settings; an application that mapped an id to other settings writes
// digests these do not verify.
//
//	{bcrypt}                      BCryptPasswordEncoder: $2a$, $2b$, $2y$ or $2$ bcrypt
//	{pbkdf2}                      Pbkdf2PasswordEncoder, Spring 5.5's defaults: hex(salt‖hash), 8-byte
//	                              salt, HMAC-SHA1, 185000 iterations, 32-byte hash, no secret
//	{pbkdf2@SpringSecurity_v5_8}  16-byte salt, HMAC-SHA256, 310000 iterations, 32-byte hash
//	{scrypt}                      SCryptPasswordEncoder: "$<hex log2(N)<<16|r<<8|p>$<base64 salt>$<base64
//	                              key>", the costs from the digest, a 32-byte key (both the v4.1 and
//	{scrypt@SpringSecurity_v5_8}  the v5.8 defaults: they differ in N and the salt, which the digest holds)
//	{argon2}, {argon2@SpringSecurity_v5_8}
//	                              Argon2PasswordEncoder: a PHC string, argon2id/i/d, costs from the digest
//	{sha256}                      StandardPasswordEncoder: hex(salt‖digest), 8-byte salt, digest =
//	                              SHA-256 applied 1024 times to salt‖password, no secret
//	{SHA-256} {SHA-1} {MD5}       MessageDigestPasswordEncoder: "{salt}" + lower-case hex of
//	                              hash(password + "{salt}") (the braces are hashed), or hex alone
//	{MD4}                         Md4PasswordEncoder: the same with MD4
//	{ldap}                        LdapShaPasswordEncoder: "{SSHA}" or "{ssha}" + base64(SHA-1(password‖
//	                              salt)‖salt), "{SHA}" or "{sha}" + base64(SHA-1(password))
//	{noop}                        NoOpPasswordEncoder: the password in plain text
//
// {noop} is refused with ErrParamsOutOfRange unless Limits[SpringNoop] is
// 1: a plain-text password in an export is a leak to fix, not a digest to
// keep. Hex is one case; the MessageDigest forms are lower case only, as
// Spring compares their text. Spring Security 7 never matches an empty
// password (AbstractValidatingPasswordEncoder), so Verify reports no match
// for one. NeedsRehash is true for every id but {bcrypt} (Spring's
// upgradeEncoding says so too) and for {bcrypt} below the policy's cost, so
// VerifyAndUpgrade replaces all of them. Hash writes "{bcrypt}" + bcrypt,
// Spring's encoder for new passwords.

// SpringNoop allows spring_delegating's {noop} (plain-text) digests.
var SpringNoop = newParam(Param{
	Name: "spring.noop",
	Doc:  "1 lets spring_delegating verify {noop} plain-text passwords; limit 0: refused, a plain-text export is a leak",
	Min:  0, Max: 1, Limit: 0,
})

var (
	errSpringShape   = malformed("spring_delegating", `want "{id}encoded"`)
	errSpringID      = malformed("spring_delegating", "no encoder for the id in PasswordEncoderFactories")
	errSpringBcrypt  = malformed("spring_delegating", "{bcrypt} wants $2a$, $2b$, $2y$ or $2$ (not $2x$)")
	errSpringHex     = malformed("spring_delegating", "not hex of the salt and hash lengths the id's encoder writes")
	errSpringDigest  = malformed("spring_delegating", `want "{salt}" and lower-case hex of the hash, or the hex alone`)
	errSpringScrypt  = malformed("spring_delegating", `{scrypt} wants "$<lower-case hex params>$<base64 salt>$<base64 32-byte key>"`)
	errSpringArgon2  = malformed("spring_delegating", "{argon2} wants $argon2id$, $argon2i$ or $argon2d$")
	errSpringLDAP    = malformed("spring_delegating", "{ldap} wants {SSHA}, {ssha}, {SHA} or {sha}")
	errSpringNoEmpty = malformed("spring_delegating", "empty encoded part")
)

// springPBKDF2 are Pbkdf2PasswordEncoder's settings for one id.
type springPBKDF2 struct {
	prf                 prfHash
	saltLen, iterations int
}

var (
	springPBKDF2v55 = springPBKDF2{prfSHA1, 8, 185000}
	springPBKDF2v58 = springPBKDF2{prfSHA256, 16, 310000}
)

const springHashLen = 32 // Pbkdf2PasswordEncoder's and SCryptPasswordEncoder's 256 bits

func parseSpring(digest string, l Limits) (parsed, error) {
	end := strings.IndexByte(digest, '}')
	if len(digest) == 0 || digest[0] != '{' || end < 0 {
		return nil, errSpringShape
	}
	id, enc := digest[1:end], digest[end+1:]
	if enc == "" {
		return nil, errSpringNoEmpty
	}
	var (
		p   parsed
		err error
	)
	switch id {
	case "bcrypt":
		if len(enc) > 3 && enc[2] == 'x' {
			return nil, errSpringBcrypt
		}
		p, err = parseBcrypt(enc, l)
	case "pbkdf2":
		p, err = parseSpringPBKDF2(enc, springPBKDF2v55, l)
	case "pbkdf2@SpringSecurity_v5_8":
		p, err = parseSpringPBKDF2(enc, springPBKDF2v58, l)
	case "scrypt", "scrypt@SpringSecurity_v5_8":
		p, err = parseSpringScrypt(enc, l)
	case "argon2", "argon2@SpringSecurity_v5_8":
		p, err = parseSpringArgon2(enc, l)
	case "sha256":
		p, err = parseSpringStandard(enc)
	case "SHA-256":
		p, err = parseSpringMessageDigest(enc, sha256.New, sha256.Size)
	case "SHA-1":
		p, err = parseSpringMessageDigest(enc, sha1.New, sha1.Size)
	case "MD5":
		p, err = parseSpringMessageDigest(enc, md5.New, md5.Size)
	case "MD4":
		p, err = parseSpringMessageDigest(enc, md4.New, md4.Size)
	case "ldap":
		switch {
		case strings.HasPrefix(enc, "{SSHA}"), strings.HasPrefix(enc, "{ssha}"):
			p, err = ldapSSHA.parseValue(enc[len("{SSHA}"):])
		case strings.HasPrefix(enc, "{SHA}"), strings.HasPrefix(enc, "{sha}"):
			p, err = ldapSHA.parseValue(enc[len("{SHA}"):])
		default:
			return nil, errSpringLDAP
		}
	case "noop":
		if l.Get(SpringNoop) < 1 {
			return nil, errSpringNoop
		}
		p = &noopDigest{enc}
	default:
		return nil, errSpringID
	}
	if err != nil {
		return nil, err
	}
	return &springDigest{parsed: p, bcrypt: id == "bcrypt"}, nil
}

var errSpringEmpty = fmt.Errorf("%w: Spring Security 7 matches no empty password", ErrUnsupportedPassword)

var errSpringNoop = fmt.Errorf("%w: spring_delegating {noop} is a plain-text password, refused unless Limits[SpringNoop] (%s) is 1",
	ErrParamsOutOfRange, SpringNoop.Name)

// springDigest is the id's parsed digest.
type springDigest struct {
	parsed
	bcrypt bool
}

func (d *springDigest) weaker(p *Policy) bool { return !d.bcrypt || d.parsed.weaker(p) }
func (d *springDigest) verify(password string) (bool, error) {
	if password == "" {
		return false, nil // Spring Security 7 matches no empty password
	}
	return d.parsed.verify(password)
}

func parseSpringPBKDF2(enc string, s springPBKDF2, l Limits) (parsed, error) {
	if len(enc) != 2*(s.saltLen+springHashLen) || !isHex(enc) {
		return nil, errSpringHex
	}
	if err := l.limit(pbkdf2Iterations(s.prf), "spring_delegating", "iterations", int64(s.iterations)); err != nil {
		return nil, err
	}
	raw := make([]byte, len(enc)/2)
	decodeHex(raw, enc)
	return &pbkdf2Digest{prf: s.prf, iter: s.iterations, salt: raw[:s.saltLen], hash: raw[s.saltLen:]}, nil
}

func parseSpringScrypt(enc string, l Limits) (parsed, error) {
	var f [4]string
	if !splitN(enc, '$', f[:]) || f[0] != "" || !validLowerHex(f[1]) {
		return nil, errSpringScrypt
	}
	if _, ok := b64Len(stdB64, f[2]); !ok {
		return nil, errSpringScrypt
	}
	if n, ok := b64Len(stdB64, f[3]); !ok || n != springHashLen {
		return nil, errSpringScrypt
	}
	var params uint64
	for i := 0; i < len(f[1]); i++ {
		params = params<<4 | uint64(unhex(f[1][i]))
	}
	// Spring reads log2(N) from bits 16..31, r from 8..15, p from 0..7.
	ln, r, p := params>>16, int(params>>8&0xff), int(params&0xff)
	if ln < 1 || ln > 30 {
		return nil, outOfRange("spring_delegating scrypt log2(N)", ln, "1..30")
	}
	sp, err := checkScrypt("spring_delegating scrypt", 1<<ln, r, p, scryptOwn, l)
	if err != nil {
		return nil, err
	}
	salt, _ := decodeB64(stdB64, f[2])
	key, _ := decodeB64(stdB64, f[3])
	return &springScryptDigest{sp, salt, key}, nil
}

// validLowerHex is 1 to 8 lower-case hex digits without a leading zero, as
// Java's Long.toString(params, 16) writes params below 2^32.
func validLowerHex(s string) bool {
	if len(s) == 0 || len(s) > 8 || s[0] == '0' {
		return false
	}
	for i := 0; i < len(s); i++ {
		if c := s[i]; !(c >= '0' && c <= '9' || c >= 'a' && c <= 'f') {
			return false
		}
	}
	return true
}

type springScryptDigest struct {
	sp        scryptParams
	salt, key []byte
}

func (d *springScryptDigest) memory() int64       { return d.sp.memory() }
func (d *springScryptDigest) weaker(*Policy) bool { return true }
func (d *springScryptDigest) verify(password string) (bool, error) {
	pw := passwordCopy(password)
	defer clear(pw)
	key, err := d.sp.key(pw, d.salt, len(d.key))
	return equalKey(key, err, d.key)
}

func parseSpringArgon2(enc string, l Limits) (parsed, error) {
	for _, t := range [...]argon2Type{argon2id, argon2i, argon2d} {
		if strings.HasPrefix(enc, argon2Formats[t].prefix) {
			return argon2Formats[t].parse(enc, l)
		}
	}
	return nil, errSpringArgon2
}

// StandardPasswordEncoder: hex(8-byte salt ‖ SHA-256^1024(salt ‖ password)).
const (
	springStandardSalt   = 8
	springStandardRounds = 1024
)

func parseSpringStandard(enc string) (parsed, error) {
	if len(enc) != 2*(springStandardSalt+sha256.Size) || !isHex(enc) {
		return nil, errSpringHex
	}
	raw := make([]byte, len(enc)/2)
	decodeHex(raw, enc)
	return &springStandardDigest{salt: raw[:springStandardSalt], sum: raw[springStandardSalt:]}, nil
}

type springStandardDigest struct{ salt, sum []byte }

func (d *springStandardDigest) memory() int64       { return 0 }
func (d *springStandardDigest) weaker(*Policy) bool { return true }
func (d *springStandardDigest) verify(password string) (bool, error) {
	in := append(append([]byte{}, d.salt...), password...)
	defer clear(in)
	sum := sha256.Sum256(in)
	for range springStandardRounds - 1 {
		sum = sha256.Sum256(sum[:])
	}
	return equalKey(sum[:], nil, d.sum)
}

// MessageDigestPasswordEncoder and Md4PasswordEncoder: the salt is
// everything from a leading "{" to the first "}", braces included, and is
// appended to the password before hashing.
func parseSpringMessageDigest(enc string, newHash func() hash.Hash, size int) (parsed, error) {
	salt, sum := "", enc
	if enc[0] == '{' {
		i := strings.IndexByte(enc, '}')
		if i < 0 {
			return nil, errSpringDigest
		}
		salt, sum = enc[:i+1], enc[i+1:]
	}
	if len(sum) != 2*size || !isHex(sum) || strings.ContainsAny(sum, "ABCDEF") {
		return nil, errSpringDigest
	}
	d := &saltedDigest{newHash: newHash, sum: make([]byte, size), salt: []byte(salt)}
	decodeHex(d.sum, sum)
	return d, nil
}

// noopDigest is NoOpPasswordEncoder's plain text.
type noopDigest struct{ plain string }

func (d *noopDigest) memory() int64       { return 0 }
func (d *noopDigest) weaker(*Policy) bool { return true }
func (d *noopDigest) verify(password string) (bool, error) {
	return equalKey(passwordCopy(password), nil, []byte(d.plain))
}

func init() {
	register(&scheme{
		name:   "spring_delegating",
		params: []*Param{BcryptCost},
		parse:  parseSpring,
		hash: func(password string, p *Policy) (string, error) {
			if password == "" {
				return "", errSpringEmpty
			}
			d, err := hashBcrypt([]byte(password), int(p.Get(BcryptCost)))
			return "{bcrypt}" + d, err
		},
	})
}
