package pwdigest

import (
	"crypto/hmac"
	"crypto/sha256"
	"crypto/subtle"
	"encoding/base64"
	"strconv"
	"strings"

	"github.com/pwdigest/pwdigest/internal/bcryptcore"
)

// bcrypt_sha256_passlib: passlib's bcrypt_sha256, bcrypt over a digest of
// the password so that its 72-byte limit does not truncate it:
//
//	v2: "$bcrypt-sha256$v=2,t=2b,r=<cost>$<22 salt>$<31 hash>"
//	    key = base64(HMAC-SHA256(key = the 22 salt characters, password))
//	v1: "$bcrypt-sha256$<2a|2b>,<cost>$<22 salt>$<31 hash>"
//	    key = base64(SHA-256(password))
//
// then bcrypt("$2b$<cost>$<salt>", key) with the standard base64 key (44
// bytes, padded). passlib writes the cost without leading zeros; version 2
// allows only $2b$.
//
// scrypt_passlib: passlib's scrypt, "$scrypt$ln=<log2 N>,r=<r>,p=<p>$<salt>$<hash>",
// salt and 32-byte hash in unpadded standard base64 (an empty salt is
// allowed, passlib writes 16 bytes). Ory Kratos imports the same prefix with
// other rules (its hash_comparator.go): "ln" is N itself, salt and hash are
// padded standard base64, the hash any length. A digest whose fields are
// padded, or whose ln is above 31 (no passlib N), is read as Kratos'.

func init() {
	Register(bcryptSHA256PasslibHasher)
	Register(scryptPasslibHasher)
}

var bcryptSHA256PasslibHasher = &scheme{
	name:   "bcrypt_sha256_passlib",
	params: []*Param{BcryptCost},
	parse:  parseBcryptSHA256Passlib,
	hash: func(password string, p *Policy) (string, error) {
		cost := int(p.Get(BcryptCost))
		if cost < bcryptcore.MinCost || cost > bcryptcore.MaxCost {
			return "", outOfRange("bcrypt cost", cost, "04..31")
		}
		raw := randomBytes(bcryptcore.SaltSize)
		salt := bcryptcore.Encoding.EncodeToString(raw)
		key := passlibBcryptKey(password, salt)
		defer clear(key)
		sum, err := bcryptcore.Hash(key, raw, cost, 'b')
		if err != nil {
			return "", err
		}
		return "$bcrypt-sha256$v=2,t=2b,r=" + strconv.Itoa(cost) + "$" + salt + "$" + bcryptcore.Encoding.EncodeToString(sum), nil
	},
}

var (
	errBcryptSHA256PasslibShape = malformed("bcrypt_sha256_passlib", `want "$bcrypt-sha256$v=2,t=2b,r=<cost>$<salt>$<hash>" or "$bcrypt-sha256$<2a|2b>,<cost>$<salt>$<hash>"`)
	errBcryptSHA256PasslibCost  = malformed("bcrypt_sha256_passlib", "cost is not a canonical decimal")
)

type bcryptSHA256PasslibDigest struct {
	*bcryptDigest
	v1 bool
}

func parseBcryptSHA256Passlib(digest string, l Limits) (parsed, error) {
	rest, ok := strings.CutPrefix(digest, "$bcrypt-sha256$")
	var f [3]string
	if !ok || !splitN(rest, '$', f[:]) {
		return nil, errBcryptSHA256PasslibShape
	}
	var ident, cost string
	v1 := false
	if c, ok := strings.CutPrefix(f[0], "v=2,t=2b,r="); ok {
		ident, cost = "2b", c
	} else if i, c, ok := strings.Cut(f[0], ","); ok && (i == "2a" || i == "2b") {
		ident, cost, v1 = i, c, true
	} else {
		return nil, errBcryptSHA256PasslibShape
	}
	n, ok := parseCount(cost)
	if !ok || n > 99 {
		return nil, errBcryptSHA256PasslibCost
	}
	if len(f[1]) != 22 || len(f[2]) != 31 {
		return nil, errBcryptSHA256PasslibShape
	}
	// The bcrypt digest passlib hands to bcrypt: bcrypt's checks apply.
	if err := checkBcryptB64(f[1], 4); err != nil {
		return nil, err
	}
	if err := checkBcryptB64(f[2], 2); err != nil {
		return nil, err
	}
	if err := l.check(BcryptCost, "bcrypt_sha256_passlib", "cost", int64(n)); err != nil {
		return nil, err
	}
	d := &bcryptDigest{minor: ident[1], cost: n, salt: f[1], hash: f[2]}
	return &bcryptSHA256PasslibDigest{d, v1}, nil
}

func (d *bcryptSHA256PasslibDigest) verify(password string) (bool, error) {
	var key []byte
	if d.v1 {
		sum := sha256.Sum256([]byte(password))
		key = []byte(base64.StdEncoding.EncodeToString(sum[:]))
		clear(sum[:])
	} else {
		key = passlibBcryptKey(password, d.salt)
	}
	defer clear(key)
	return d.verifyBytes(key)
}

// passlibBcryptKey is bcrypt_sha256 v2's bcrypt input.
func passlibBcryptKey(password, salt string) []byte {
	m := hmac.New(sha256.New, []byte(salt))
	m.Write([]byte(password))
	sum := m.Sum(nil)
	defer clear(sum)
	return []byte(base64.StdEncoding.EncodeToString(sum))
}

// passlibScryptMaxSalt is passlib's scrypt max_salt_size.
const passlibScryptMaxSalt = 1024

var scryptPasslibHasher = &scheme{
	name:   "scrypt_passlib",
	params: []*Param{ScryptN, ScryptR, ScryptP},
	parse:  parseScryptPasslib,
	checkPolicy: func(p *Policy, l Limits) error {
		_, err := passlibScryptPolicy(p, l)
		return err
	},
	hash: func(password string, p *Policy) (string, error) {
		sp, err := passlibScryptPolicy(p, unlimited) // limits checked by checkPolicy
		if err != nil {
			return "", err
		}
		salt := randomBytes(16) // passlib's default_salt_size
		key, err := sp.key([]byte(password), salt, 32)
		if err != nil {
			return "", err
		}
		defer clear(key)
		ln := 0
		for 1<<ln < sp.n {
			ln++
		}
		enc := base64.RawStdEncoding.EncodeToString
		return "$scrypt$ln=" + strconv.Itoa(ln) + ",r=" + strconv.Itoa(sp.r) + ",p=" + strconv.Itoa(sp.p) +
			"$" + enc(salt) + "$" + enc(key), nil
	},
}

func passlibScryptPolicy(p *Policy, l Limits) (scryptParams, error) {
	return checkScrypt("scrypt_passlib policy", int(p.Get(ScryptN)), int(p.Get(ScryptR)), int(p.Get(ScryptP)), scryptOwn, l)
}

var (
	errScryptPasslibShape  = malformed("scrypt_passlib", `want "$scrypt$ln=<log2 N>,r=<r>,p=<p>$<salt>$<hash>"`)
	errScryptPasslibNumber = malformed("scrypt_passlib", "ln, r or p is not a canonical decimal")
	errScryptPasslibB64    = malformed("scrypt_passlib", "salt or hash is not base64 (unpadded as passlib writes it, or padded as Kratos does)")
	errScryptPasslibHash   = malformed("scrypt_passlib", "passlib's hash is 32 bytes")
)

type scryptPasslibDigest struct {
	scryptParams
	salt, hash []byte
}

func parseScryptPasslib(digest string, l Limits) (parsed, error) {
	rest, ok := strings.CutPrefix(digest, "$scrypt$")
	var f [3]string
	if !ok || !splitN(rest, '$', f[:]) {
		return nil, errScryptPasslibShape
	}
	var kv [3]string
	if !splitN(f[0], ',', kv[:]) {
		return nil, errScryptPasslibShape
	}
	var v [3]int
	for i, key := range [3]string{"ln=", "r=", "p="} {
		s, ok := strings.CutPrefix(kv[i], key)
		if !ok {
			return nil, errScryptPasslibShape
		}
		if v[i], ok = parseCount(s); !ok {
			return nil, errScryptPasslibNumber
		}
	}
	padded := strings.HasSuffix(f[1], "=") || strings.HasSuffix(f[2], "=")
	kratos := padded || v[0] > 31
	enc := rawStdB64
	if kratos {
		enc = stdB64
	}
	saltLen, ok1 := b64Len(enc, f[1])
	hashLen, ok2 := b64Len(enc, f[2])
	if (!ok1 && f[1] != "") || !ok2 || saltLen > passlibScryptMaxSalt || (kratos && f[1] == "") {
		return nil, errScryptPasslibB64
	}
	n := v[0]
	if kratos {
		if err := checkHashLen("scrypt_passlib", hashLen, l); err != nil {
			return nil, err
		}
	} else {
		if hashLen != 32 {
			return nil, errScryptPasslibHash
		}
		if n < 1 {
			return nil, outOfRange("scrypt_passlib ln", n, "1..31")
		}
		n = 1 << n
	}
	sp, err := checkScrypt("scrypt_passlib", n, v[1], v[2], scryptOwn, l)
	if err != nil {
		return nil, err
	}
	salt := []byte{}
	if f[1] != "" {
		salt, _ = decodeB64(enc, f[1])
	}
	hash, _ := decodeB64(enc, f[2])
	return &scryptPasslibDigest{sp, salt, hash}, nil
}

func (d *scryptPasslibDigest) weaker(p *Policy) bool {
	return d.scryptParams.weaker(p.Get(ScryptN), p.Get(ScryptR), p.Get(ScryptP))
}

func (d *scryptPasslibDigest) verify(password string) (bool, error) {
	key, err := d.key([]byte(password), d.salt, len(d.hash))
	if err != nil {
		return false, err
	}
	defer clear(key)
	return subtle.ConstantTimeCompare(key, d.hash) == 1, nil
}
