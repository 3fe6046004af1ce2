package pwdigest

import (
	"crypto/pbkdf2"
	"crypto/sha1"
	"crypto/sha256"
	"crypto/sha512"
	"crypto/subtle"
	"encoding/base64"
	"encoding/hex"
	"hash"
	"math"
	"strconv"
	"strings"

	"github.com/pwdigest/pwdigest/internal/pbkdf2core"
)

// The PBKDF2 family: "<prefix>$<iterations>$<salt>$<hash>". The schemes
// differ in how the salt and hash are written and how long the key is:
//
//	pbkdf2_sha256         Keycloak: salt and hash standard base64, salt used decoded, key = hash length
//	pbkdf2_sha256_django  Django:   raw salt, base64 32-byte hash
//	pbkdf2_sha512         raw salt, hex hash, key = hex length / 2, iterations < 420000
//	pbkdf2_sha1           raw salt, 40 hex characters, or Django's base64 20-byte hash

// prfHash names a PBKDF2 pseudo-random function: HMAC with that hash.
type prfHash = pbkdf2core.Hash

const (
	prfSHA1   = pbkdf2core.SHA1
	prfSHA256 = pbkdf2core.SHA256
	prfSHA512 = pbkdf2core.SHA512
)

// The iteration counts, one Param per hash function. Max is the widest any
// format allows (passlib's 2^32-1); most formats refuse counts above 2^31-1
// as malformed, and pbkdf2_sha512 allows less than 420000.
var (
	PBKDF2SHA1Iterations = newParam(Param{
		Name: "pbkdf2.sha1.iterations",
		Doc:  "PBKDF2-HMAC-SHA1 iterations; limit 3,000,000; policy 1,300,000, OWASP's",
		Min:  1, Max: math.MaxUint32, Limit: 3_000_000, Policy: 1_300_000,
	})
	PBKDF2SHA256Iterations = newParam(Param{
		Name: "pbkdf2.sha256.iterations",
		Doc: "PBKDF2-HMAC-SHA256 iterations; limit 3,000,000 (Werkzeug 3 writes 1,000,000); " +
			"policy 1,200,000, Django 6.0's",
		Min: 1, Max: math.MaxUint32, Limit: 3_000_000, Policy: 1_200_000,
	})
	PBKDF2SHA512Iterations = newParam(Param{
		Name: "pbkdf2.sha512.iterations",
		Doc:  "PBKDF2-HMAC-SHA512 iterations; limit 1,000,000; policy 210,000, OWASP's",
		Min:  1, Max: math.MaxUint32, Limit: 1_000_000, Policy: 210_000,
	})
)

// pbkdf2Iterations is the Param of h's iteration count.
func pbkdf2Iterations(h prfHash) *Param {
	switch h {
	case prfSHA1:
		return PBKDF2SHA1Iterations
	case prfSHA256:
		return PBKDF2SHA256Iterations
	}
	return PBKDF2SHA512Iterations
}

// pbkdf2Key derives the key; parse has already bounded iter and keyLen.
// internal/pbkdf2core runs near the compression bound where it has assembly
// (amd64 with the SHA extensions, AVX and BMI2); elsewhere the standard
// library's crypto/pbkdf2 is the faster of the two.
func pbkdf2Key(h prfHash, password string, salt []byte, iter, keyLen int) ([]byte, error) {
	if !pbkdf2core.Accelerated(h) {
		return pbkdf2.Key(stdHash(h), password, salt, iter, keyLen)
	}
	pw := passwordCopy(password)
	defer clear(pw)
	return pbkdf2core.Key(h, pw, salt, iter, keyLen)
}

func stdHash(h prfHash) func() hash.Hash {
	switch h {
	case prfSHA1:
		return sha1.New
	case prfSHA256:
		return sha256.New
	}
	return sha512.New
}

// pbkdf2Digest is a parsed PBKDF2 digest of any of the formats.
type pbkdf2Digest struct {
	prf  prfHash
	iter int
	salt []byte
	hash []byte // expected key
	// altSalt, where not nil, is a second reading of the salt, tried too
	// (pbkdf2_sha1's hex salts: decoded, and as their text).
	altSalt []byte
}

func (d *pbkdf2Digest) memory() int64 { return 0 }
func (d *pbkdf2Digest) weaker(p *Policy) bool {
	return int64(d.iter) < p.Get(pbkdf2Iterations(d.prf))
}
func (d *pbkdf2Digest) verify(password string) (bool, error) {
	key, err := pbkdf2Key(d.prf, password, d.salt, d.iter, len(d.hash))
	if err != nil {
		return false, err
	}
	match := subtle.ConstantTimeCompare(key, d.hash)
	clear(key)
	if d.altSalt != nil {
		// Both salts are always tried: the order cannot change the result.
		if key, err = pbkdf2Key(d.prf, password, d.altSalt, d.iter, len(d.hash)); err != nil {
			return false, err
		}
		match |= subtle.ConstantTimeCompare(key, d.hash)
		clear(key)
	}
	return match == 1, nil
}

// pbkdf2Format describes one PBKDF2 digest format.
type pbkdf2Format struct {
	name    string
	prefix  string // up to and including the first "$"
	prf     prfHash
	maxIter int // the format's own bound (exclusive), 0 for none
	// salt turns the salt field into the salt bytes, hash the hash field
	// into the expected key.
	salt, hash fieldCodec
	errs       pbkdf2Errors
}

// A fieldCodec reads one field. check validates it without allocating and
// returns the decoded length; decode is called only once every field of the
// digest has passed its check.
type fieldCodec struct {
	check  func(string) (int, bool)
	decode func(string) []byte
}

type pbkdf2Errors struct{ shape, iter, salt, hash error }

func newPBKDF2Format(f pbkdf2Format, hashWant string) *pbkdf2Format {
	f.errs = pbkdf2Errors{
		shape: malformed(f.name, `want "`+f.prefix+`<iterations>$<salt>$<hash>"`),
		iter:  malformed(f.name, "iterations are not a canonical decimal"),
		salt:  malformed(f.name, "bad salt"),
		hash:  malformed(f.name, "bad hash, want "+hashWant),
	}
	return &f
}

func (f *pbkdf2Format) parse(digest string, l Limits) (parsed, error) {
	rest, ok := strings.CutPrefix(digest, f.prefix)
	var fields [3]string
	if !ok || !splitN(rest, '$', fields[:]) {
		return nil, f.errs.shape
	}
	iter, ok := parseCount(fields[0])
	if !ok {
		return nil, f.errs.iter
	}
	if _, ok := f.salt.check(fields[1]); !ok {
		return nil, f.errs.salt
	}
	keyLen, ok := f.hash.check(fields[2])
	if !ok {
		return nil, f.errs.hash
	}
	if f.maxIter > 0 && iter >= f.maxIter {
		return nil, outOfRange(f.name+" iterations", iter, "1.."+strconv.Itoa(f.maxIter-1))
	}
	if err := l.check(pbkdf2Iterations(f.prf), f.name, "iterations", int64(iter)); err != nil {
		return nil, err
	}
	if err := checkHashLen(f.name, keyLen, l); err != nil {
		return nil, err
	}
	return &pbkdf2Digest{prf: f.prf, iter: iter, salt: f.salt.decode(fields[1]), hash: f.hash.decode(fields[2])}, nil
}

// rawSalt is a salt used as its UTF-8 bytes, see validRawSalt.
var rawSalt = fieldCodec{
	check:  func(s string) (int, bool) { return len(s), validRawSalt(s) },
	decode: func(s string) []byte { return []byte(s) },
}

// b64Salt is a padded standard base64 salt.
var b64Salt = b64Key(0)

// hexKey is a hex hash of one case, n bytes long (0: any length below 1024
// bytes).
func hexKey(n int) fieldCodec {
	return fieldCodec{
		check: func(s string) (int, bool) {
			if !isHex(s) || (n > 0 && len(s) != 2*n) || len(s) >= 2048 {
				return 0, false
			}
			return len(s) / 2, true
		},
		decode: func(s string) []byte {
			b := make([]byte, len(s)/2)
			decodeHex(b, s)
			return b
		},
	}
}

// b64Key is a padded standard base64 hash, n bytes long (0: any).
func b64Key(n int) fieldCodec {
	return fieldCodec{
		check: func(s string) (int, bool) {
			m, ok := b64Len(stdB64, s)
			return m, ok && (n == 0 || m == n)
		},
		decode: func(s string) []byte {
			b, _ := decodeB64(stdB64, s)
			return b
		},
	}
}

var (
	keycloakFormat = newPBKDF2Format(pbkdf2Format{
		name: "pbkdf2_sha256", prefix: "pbkdf2_sha256$", prf: prfSHA256,
		salt: b64Salt, hash: b64Key(0),
	}, "standard base64")
	pbkdf2SHA512Format = newPBKDF2Format(pbkdf2Format{
		name: "pbkdf2_sha512", prefix: "pbkdf2_sha512$", prf: prfSHA512, maxIter: 420000,
		salt: rawSalt, hash: hexKey(0),
	}, "hex shorter than 2048 characters")
	pbkdf2SHA1Format = newPBKDF2Format(pbkdf2Format{
		name: "pbkdf2_sha1", prefix: "pbkdf2_sha1$", prf: prfSHA1,
		salt: rawSalt,
		// 40 hex characters, or Django's base64 (28 characters): the two
		// never collide, base64 of 20 bytes ends in "=".
		hash: hexOrB64Key(sha1.Size),
	}, "40 hex characters or base64 of 20 bytes")
	pbkdf2SHA512HexFormat = newPBKDF2Format(pbkdf2Format{
		name: "pbkdf2_sha512_hex", prefix: "pbkdf2_sha512_hex$", prf: prfSHA512,
		salt: hexSalt, hash: hexKey(0),
	}, "hex shorter than 2048 characters")
)

// hexSalt is a salt written as hex of one case, used decoded.
var hexSalt = fieldCodec{
	check: func(s string) (int, bool) { return len(s) / 2, isHex(s) },
	decode: func(s string) []byte {
		b := make([]byte, len(s)/2)
		decodeHex(b, s)
		return b
	},
}

func init() {
	register(&scheme{
		name: "pbkdf2_sha256", parse: keycloakFormat.parse, params: []*Param{PBKDF2SHA256Iterations},
		hash: func(password string, p *Policy) (string, error) {
			// Keycloak: 16-byte salt, 64-byte key.
			iter := int(p.Get(PBKDF2SHA256Iterations))
			salt := randomBytes(16)
			key, err := pbkdf2Key(prfSHA256, password, salt, iter, 64)
			return joinPBKDF2("pbkdf2_sha256$", iter,
				base64.StdEncoding.EncodeToString(salt), base64.StdEncoding.EncodeToString(key)), err
		},
		rank: rankKeycloak,
	})
	register(&scheme{
		name: "pbkdf2_sha512", parse: pbkdf2SHA512Format.parse, params: []*Param{PBKDF2SHA512Iterations},
		checkPolicy: func(p *Policy, _ Limits) error {
			if iter := p.Get(PBKDF2SHA512Iterations); iter >= int64(pbkdf2SHA512Format.maxIter) {
				return outOfRange("pbkdf2_sha512 iterations", iter, "1.."+strconv.Itoa(pbkdf2SHA512Format.maxIter-1))
			}
			return nil
		},
		hash: func(password string, p *Policy) (string, error) {
			iter := int(p.Get(PBKDF2SHA512Iterations))
			salt := randomString(16, alnum)
			key, err := pbkdf2Key(prfSHA512, password, []byte(salt), iter, sha512.Size)
			return joinPBKDF2("pbkdf2_sha512$", iter, salt, hex.EncodeToString(key)), err
		},
	})
	register(&scheme{
		name: "pbkdf2_sha1", parse: parsePBKDF2SHA1, params: []*Param{PBKDF2SHA1Iterations},
		hash: func(password string, p *Policy) (string, error) {
			iter := int(p.Get(PBKDF2SHA1Iterations))
			salt := randomString(22, alnum)
			key, err := pbkdf2Key(prfSHA1, password, []byte(salt), iter, sha1.Size)
			return joinPBKDF2("pbkdf2_sha1$", iter, salt, hex.EncodeToString(key)), err
		},
	})
}

// hexOrB64Key is a hash of n bytes in hex (2n characters) or padded
// standard base64.
func hexOrB64Key(n int) fieldCodec {
	hexC, b64C := hexKey(n), b64Key(n)
	pick := func(s string) fieldCodec {
		if len(s) == 2*n {
			return hexC
		}
		return b64C
	}
	return fieldCodec{
		check:  func(s string) (int, bool) { return pick(s).check(s) },
		decode: func(s string) []byte { return pick(s).decode(s) },
	}
}

func joinPBKDF2(prefix string, iter int, salt, key string) string {
	return prefix + strconv.Itoa(iter) + "$" + salt + "$" + key
}

// rankKeycloak tells Keycloak's pbkdf2_sha256 from Django's, which share the
// prefix: Keycloak writes a padded base64 salt and a 64-byte hash, Django an
// alphanumeric salt and a 32-byte hash. Positive: Keycloak is likelier.
func rankKeycloak(digest string) int {
	var f [4]string
	if !splitN(digest, '$', f[:]) {
		return 0
	}
	r := 0
	if strings.ContainsAny(f[2], "=+/") {
		r++ // Django's salts are alphanumeric
	}
	if len(f[3]) != base64.StdEncoding.EncodedLen(sha256.Size) {
		r++ // Django's hash is always 32 bytes
	}
	if r == 0 {
		return -1
	}
	return r
}

// pbkdf2_sha512_hex: Keycloak's pbkdf2-sha512 credential as Clerk takes it,
// "pbkdf2_sha512_hex$<iterations>$<hex salt>$<hex hash>": the salt used
// hex-decoded (Keycloak's salts are random bytes), the key as long as the
// decoded hash, within MinHashBytes and MaxHashBytes.

func init() {
	register(&scheme{
		name: "pbkdf2_sha512_hex", parse: pbkdf2SHA512HexFormat.parse, params: []*Param{PBKDF2SHA512Iterations},
		hash: func(password string, p *Policy) (string, error) {
			// Keycloak: 16-byte salt; a 64-byte key, SHA-512's size.
			iter := int(p.Get(PBKDF2SHA512Iterations))
			salt := randomBytes(16)
			key, err := pbkdf2Key(prfSHA512, password, salt, iter, sha512.Size)
			return joinPBKDF2("pbkdf2_sha512_hex$", iter, hex.EncodeToString(salt), hex.EncodeToString(key)), err
		},
	})
}

var (
	errPBKDF2SHA1KeyLen  = malformed("pbkdf2_sha1", "key length is not a canonical decimal equal to the hash's length in bytes")
	errPBKDF2SHA1HexSalt = malformed("pbkdf2_sha1", "salt of the key-length form is not hex")
	errPBKDF2SHA1HexHash = malformed("pbkdf2_sha1", "hash of the key-length form is not hex shorter than 2048 characters")
)

// parsePBKDF2SHA1 reads pbkdf2_sha1's three forms:
//
//	pbkdf2_sha1$<iterations>$<salt>$<40 hex or base64 20-byte hash>
//	pbkdf2_sha1$<iterations>$<hex salt>$<hex hash>$<key length>
//
// In the first, with a hex hash, a salt that is hex (one case, even
// length) is tried both hex-decoded and as its text: Clerk's exports write
// both. In the second the salt is used decoded and the key length must be
// the hash's length in bytes, within MinHashBytes and MaxHashBytes.
func parsePBKDF2SHA1(digest string, l Limits) (parsed, error) {
	f := pbkdf2SHA1Format
	rest, ok := strings.CutPrefix(digest, f.prefix)
	if !ok || strings.Count(rest, "$") != 3 {
		p, err := f.parse(digest, l)
		if err != nil {
			return nil, err
		}
		d := p.(*pbkdf2Digest)
		if fields := strings.Split(rest, "$"); len(fields[2]) == 2*sha1.Size && isHex(fields[1]) {
			d.altSalt = hexSalt.decode(fields[1])
		}
		return d, nil
	}
	var fields [4]string
	splitN(rest, '$', fields[:])
	iter, ok := parseCount(fields[0])
	if !ok {
		return nil, f.errs.iter
	}
	if !isHex(fields[1]) {
		return nil, errPBKDF2SHA1HexSalt
	}
	keyLen, ok := hexKey(0).check(fields[2])
	if !ok {
		return nil, errPBKDF2SHA1HexHash
	}
	if n, ok := parseCount(fields[3]); !ok || n != keyLen {
		return nil, errPBKDF2SHA1KeyLen
	}
	if err := l.check(PBKDF2SHA1Iterations, f.name, "iterations", int64(iter)); err != nil {
		return nil, err
	}
	if err := checkHashLen(f.name, keyLen, l); err != nil {
		return nil, err
	}
	return &pbkdf2Digest{prf: f.prf, iter: iter, salt: hexSalt.decode(fields[1]), hash: hexKey(0).decode(fields[2])}, nil
}
