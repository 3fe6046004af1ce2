package pwdigest

import (
	"crypto/md5"
	"crypto/sha1"
	"crypto/sha256"
	"crypto/sha512"
	"encoding/base64"
	"errors"
	"hash"
	"math"
	"strconv"
	"strings"
)

// The RFC 2307 userPassword schemes of OpenLDAP (slappasswd, slapd-contrib's
// pw-sha2 and pw-pbkdf2 modules) and passlib's ldap_* handlers: a "{SCHEME}"
// prefix, matched in any case as OpenLDAP matches it, then the scheme's
// value.
//
//	ldap_ssha     {SSHA}    base64(SHA-1(password‖salt)‖salt), salt ≥ 1 byte; also without the prefix
//	                        (Clerk), unless the bare value is all hex digits (then it is md5 or sha256)
//	ldap_ssha256  {SSHA256} base64(SHA-256(password‖salt)‖salt)
//	ldap_ssha512  {SSHA512} base64(SHA-512(password‖salt)‖salt)
//	ldap_smd5     {SMD5}    base64(MD5(password‖salt)‖salt)
//	ldap_sha      {SHA}     base64(SHA-1(password))
//	ldap_md5      {MD5}     base64(MD5(password))
//	ldap_crypt    {CRYPT}   a crypt(3) digest of a registered crypt scheme
//	ldap_pbkdf2_* {PBKDF2}, {PBKDF2-SHA1}, {PBKDF2-SHA256}, {PBKDF2-SHA512}
//	              <iterations>$<ab64 salt>$<ab64 hash>
//
// base64 is standard and padded, as both producers write it. slappasswd
// writes 4-byte salts for {SSHA} and {SMD5} and 8-byte ones for
// {SSHA256}/{SSHA512}, passlib 4 to 16 bytes; any salt of 1 byte or more
// is accepted. The hash part is the hash function's full size: a shorter
// value is a cut digest and is refused. All but the PBKDF2 and crypt forms
// are one round of a fast hash and insecure. Dovecot's `doveadm pw` uses
// some of the same prefixes for other layouts ({MD5} is md5-crypt there,
// {PBKDF2} "$1$salt$rounds$hex"): those are not these hashers.

// hasPrefixFold reports whether s starts with prefix in any ASCII case.
func hasPrefixFold(s, prefix string) bool {
	return len(s) >= len(prefix) && strings.EqualFold(s[:len(prefix)], prefix)
}

// ldapDigest is one of the plain and salted digest schemes.
type ldapDigest struct {
	name    string
	prefix  string // "{SSHA}"
	newHash func() hash.Hash
	size    int
	salted  bool
	bare    bool // also accepted without the prefix (ldap_ssha, for Clerk)

	errShape, errB64, errLen error
}

func newLDAPDigest(name, prefix string, newHash func() hash.Hash, size int, salted, bare bool) *ldapDigest {
	d := &ldapDigest{name: name, prefix: prefix, newHash: newHash, size: size, salted: salted, bare: bare}
	d.errShape = malformed(name, `want "`+prefix+`<base64>"`)
	d.errB64 = malformed(name, "value is not padded standard base64")
	if salted {
		d.errLen = malformed(name, "value is not the "+strconv.Itoa(size)+"-byte hash and a salt of 1 byte or more")
	} else {
		d.errLen = malformed(name, "value is not the "+strconv.Itoa(size)+"-byte hash")
	}
	return d
}

var (
	ldapSSHA    = newLDAPDigest("ldap_ssha", "{SSHA}", sha1.New, sha1.Size, true, true)
	ldapSSHA256 = newLDAPDigest("ldap_ssha256", "{SSHA256}", sha256.New, sha256.Size, true, false)
	ldapSSHA512 = newLDAPDigest("ldap_ssha512", "{SSHA512}", sha512.New, sha512.Size, true, false)
	ldapSMD5    = newLDAPDigest("ldap_smd5", "{SMD5}", md5.New, md5.Size, true, false)
	ldapSHA     = newLDAPDigest("ldap_sha", "{SHA}", sha1.New, sha1.Size, false, false)
	ldapMD5     = newLDAPDigest("ldap_md5", "{MD5}", md5.New, md5.Size, false, false)
)

func (d *ldapDigest) scheme() *scheme {
	s := &scheme{name: d.name, insecure: true, parse: d.parse, hash: d.hash}
	if d.bare {
		s.rank = func(digest string) int {
			if hasPrefixFold(digest, d.prefix) {
				return 0
			}
			return -1 // base64 alone: other formats are likelier
		}
	}
	return s
}

var errLDAPBareHex = malformed("ldap_ssha", "bare value is all hex digits: a hex digest, not base64")

func (d *ldapDigest) parse(digest string, _ Limits) (parsed, error) {
	if hasPrefixFold(digest, d.prefix) {
		return d.parseValue(digest[len(d.prefix):])
	}
	if !d.bare {
		return nil, d.errShape
	}
	// Bare base64 could be a hex md5 or sha256 digest; real base64 of 21
	// bytes or more is all hex digits with odds below 10^-14, so such a
	// value is refused and hex digests stay md5's and sha256's alone.
	if onlyHexDigits(digest) {
		return nil, errLDAPBareHex
	}
	return d.parseValue(digest)
}

func onlyHexDigits(s string) bool {
	for i := 0; i < len(s); i++ {
		if unhex(s[i]) < 0 {
			return false
		}
	}
	return true
}

// parseValue parses the base64 after the prefix.
func (d *ldapDigest) parseValue(v string) (parsed, error) {
	n, ok := b64Len(stdB64, v)
	if !ok {
		return nil, d.errB64
	}
	if n < d.size || (d.salted && n == d.size) || (!d.salted && n != d.size) {
		return nil, d.errLen
	}
	raw, _ := decodeB64(stdB64, v)
	return &saltedDigest{newHash: d.newHash, sum: raw[:d.size], salt: raw[d.size:]}, nil
}

func (d *ldapDigest) hash(password string, _ *Policy) (string, error) {
	var salt []byte
	if d.salted {
		salt = randomBytes(8)
	}
	h := d.newHash()
	h.Write([]byte(password))
	h.Write(salt)
	return d.prefix + base64.StdEncoding.EncodeToString(append(h.Sum(nil), salt...)), nil
}

// saltedDigest is hash(password‖salt) with a possibly empty salt.
type saltedDigest struct {
	newHash   func() hash.Hash
	sum, salt []byte
}

func (p *saltedDigest) memory() int64       { return 0 }
func (p *saltedDigest) weaker(*Policy) bool { return true }
func (p *saltedDigest) verify(password string) (bool, error) {
	h := p.newHash()
	h.Write([]byte(password))
	h.Write(p.salt)
	return equalKey(h.Sum(nil), nil, p.sum)
}

// ldap_pbkdf2_sha1, _sha256, _sha512: OpenLDAP's pw-pbkdf2 and passlib's
// ldap_pbkdf2_*: PBKDF2-HMAC over the UTF-8 password and the raw salt,
// written "<iterations>$<salt>$<hash>" in passlib's adapted base64 ("." for
// "+", no padding). pw-pbkdf2 writes 10000 iterations and 16-byte salts,
// passlib 0 to 1024-byte salts; the hash is the PRF's full size in both.
// ldap_pbkdf2_sha1 takes "{PBKDF2}" (both producers) and "{PBKDF2-SHA1}"
// (pw-pbkdf2 only); Hash writes "{PBKDF2}" with a 16-byte salt, which both
// read. slapd itself reads only 16-byte salts (its binds fail for passlib's
// other lengths, testdata/gen/verify_slapd.py), passlib and pwdigest any.

type ldapPBKDF2 struct {
	name     string
	prefixes []string
	prf      prfHash
	size     int

	errShape, errIter, errSalt, errSum error
}

func newLDAPPBKDF2(name string, prf prfHash, size int, prefixes ...string) *ldapPBKDF2 {
	return &ldapPBKDF2{
		name: name, prefixes: prefixes, prf: prf, size: size,
		errShape: malformed(name, `want "`+prefixes[0]+`<iterations>$<salt>$<hash>"`),
		errIter:  malformed(name, "iterations are not a canonical decimal"),
		errSalt:  malformed(name, "salt is not adapted base64 of at most 1024 bytes"),
		errSum:   malformed(name, "hash is not adapted base64 of "+strconv.Itoa(size)+" bytes"),
	}
}

var (
	ldapPBKDF2SHA1   = newLDAPPBKDF2("ldap_pbkdf2_sha1", prfSHA1, sha1.Size, "{PBKDF2}", "{PBKDF2-SHA1}")
	ldapPBKDF2SHA256 = newLDAPPBKDF2("ldap_pbkdf2_sha256", prfSHA256, sha256.Size, "{PBKDF2-SHA256}")
	ldapPBKDF2SHA512 = newLDAPPBKDF2("ldap_pbkdf2_sha512", prfSHA512, sha512.Size, "{PBKDF2-SHA512}")
)

func (f *ldapPBKDF2) scheme() *scheme {
	return &scheme{name: f.name, params: []*Param{pbkdf2Iterations(f.prf)}, parse: f.parse, hash: f.hash}
}

func (f *ldapPBKDF2) parse(digest string, l Limits) (parsed, error) {
	rest, ok := "", false
	for _, p := range f.prefixes {
		if hasPrefixFold(digest, p) {
			rest, ok = digest[len(p):], true
			break
		}
	}
	var fl [3]string
	if !ok || !splitN(rest, '$', fl[:]) {
		return nil, f.errShape
	}
	iter, ok := parseDecimal(fl[0], math.MaxUint64)
	if !ok {
		return nil, f.errIter
	}
	if n, ok := ab64Len(fl[1], true); !ok || n > passlibMaxSalt {
		return nil, f.errSalt
	}
	if n, ok := ab64Len(fl[2], false); !ok || n != f.size {
		return nil, f.errSum
	}
	if iter > math.MaxUint32 {
		return nil, outOfRange(f.name+" iterations", iter, "1..4294967295")
	}
	if err := l.check(pbkdf2Iterations(f.prf), f.name, "iterations", int64(iter)); err != nil {
		return nil, err
	}
	salt, _ := decodeAB64(fl[1], true)
	sum, _ := decodeAB64(fl[2], false)
	return &pbkdf2Digest{prf: f.prf, iter: int(iter), salt: salt, hash: sum}, nil
}

func (f *ldapPBKDF2) hash(password string, p *Policy) (string, error) {
	iter := int(p.Get(pbkdf2Iterations(f.prf)))
	salt := randomBytes(16)
	key, err := pbkdf2Key(f.prf, password, salt, iter, f.size)
	return f.prefixes[0] + strconv.Itoa(iter) + "$" + ab64.EncodeToString(salt) + "$" + ab64.EncodeToString(key), err
}

// ldap_crypt: "{CRYPT}" + a crypt(3) digest, which slapd checks with the
// system's crypt(3) (libxcrypt on Debian). It is verified by whichever of
// the crypt(3) schemes below is registered and parses the rest, so a
// crypt(3) scheme added later joins by its name alone. Formats are
// disjoint (each method has its own "$id$", DES crypt none), so at most one
// parses. A digest's strength is its method's: NeedsRehash is true for an
// insecure method (md5_crypt, DES) or parameters below the policy. Hash
// writes "{CRYPT}" + sha512_crypt, as `slappasswd -h {CRYPT} -c '$6$%.16s'`.
// Plain `slappasswd -h {CRYPT}` writes DES crypt for a password of up to 8
// bytes and libxcrypt's bigcrypt for a longer one. The two overlap in one
// place: a 13-character value is DES crypt, which is bigcrypt's first block,
// so des_crypt is tried first. Django's "crypt$$" form is not crypt(3)'s
// and is refused here.
var ldapCryptMethods = []string{
	"sha512_crypt", "sha256_crypt", "md5_crypt", "bcrypt",
	"yescrypt", "gost_yescrypt", "scrypt_crypt", "des_crypt", "bigcrypt",
}

var (
	errLDAPCryptShape  = malformed("ldap_crypt", `want "{CRYPT}<crypt(3) digest>"`)
	errLDAPCryptMethod = malformed("ldap_crypt", "not a digest of a registered crypt(3) method")
)

func parseLDAPCrypt(digest string, l Limits) (parsed, error) {
	if !hasPrefixFold(digest, "{CRYPT}") {
		return nil, errLDAPCryptShape
	}
	rest := digest[len("{CRYPT}"):]
	if strings.HasPrefix(rest, "crypt$") {
		return nil, errLDAPCryptMethod // Django's wrapper, not a crypt(3) string
	}
	for _, name := range ldapCryptMethods {
		s := lookupScheme(name)
		if s == nil {
			continue // not registered (yet), or not built in
		}
		p, err := s.parse(rest, l)
		if err == nil {
			return &ldapCryptDigest{p, s.insecure}, nil
		}
		if !isMalformed(err) {
			return nil, err // its format, refused for a cost or a range
		}
	}
	return nil, errLDAPCryptMethod
}

// ldapCryptDigest is the method's parsed digest.
type ldapCryptDigest struct {
	parsed
	insecure bool
}

func (d *ldapCryptDigest) weaker(p *Policy) bool { return d.insecure || d.parsed.weaker(p) }

func init() {
	for _, d := range []*ldapDigest{ldapSSHA, ldapSSHA256, ldapSSHA512, ldapSMD5, ldapSHA, ldapMD5} {
		register(d.scheme())
	}
	register(&scheme{
		name:   "ldap_crypt",
		params: []*Param{CryptRounds},
		parse:  parseLDAPCrypt,
		hash: func(password string, p *Policy) (string, error) {
			d, err := sha512Crypt.hash(password, p)
			return "{CRYPT}" + d, err
		},
	})
	for _, f := range []*ldapPBKDF2{ldapPBKDF2SHA1, ldapPBKDF2SHA256, ldapPBKDF2SHA512} {
		register(f.scheme())
	}
}

func isMalformed(err error) bool { return errors.Is(err, ErrMalformedDigest) }

// lookupScheme returns the built-in scheme registered as name, or nil;
// unlike Lookup it makes no error, so refusing a digest stays free of
// allocations.
func lookupScheme(name string) *scheme {
	registry.mu.RLock()
	h := registry.byName[name]
	registry.mu.RUnlock()
	s, _ := h.(*scheme)
	return s
}
