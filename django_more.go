package pwdigest

import (
	"crypto/subtle"
	"encoding/base64"
	"strconv"
	"strings"
)

// scrypt_django: Django 4.0+'s ScryptPasswordHasher,
// "scrypt$<N>$<salt>$<r>$<p>$<hash>": scrypt of the UTF-8 password with the
// salt's own bytes, a 64-byte key in padded standard base64. Django's
// defaults are N=2^14, r=8, p=1; a site may subclass the hasher with other
// costs, which the digest records. Django's salt is never empty and never
// holds "$" (its _check_encode_args refuses both).
//
// bcrypt_django: Django's BCryptPasswordHasher, "bcrypt$" + a bcrypt digest
// of the raw password (bcrypt's 72-byte truncation applies; Django prefers
// bcrypt_sha256_django, which avoids it).

func init() {
	Register(scryptDjangoHasher)
	Register(bcryptDjangoHasher)
}

// djangoScryptMaxMemory is what hashlib.scrypt takes with Django's maxmem=0:
// OpenSSL's default cap of 32 MiB, which 128·r·(N+2) plus 128·r·p must fit.
// Hash stays under it so that stock Django verifies our digests.
const djangoScryptMaxMemory = 32 << 20

var scryptDjangoHasher = &scheme{
	name:   "scrypt_django",
	params: []*Param{ScryptN, ScryptR, ScryptP},
	parse:  parseScryptDjango,
	checkPolicy: func(p *Policy, l Limits) error {
		_, err := djangoScryptPolicy(p, l)
		return err
	},
	hash: func(password string, p *Policy) (string, error) {
		sp, err := djangoScryptPolicy(p, unlimited) // limits checked by checkPolicy
		if err != nil {
			return "", err
		}
		salt := randomString(22, alnum) // Django's salt: 22 alphanumerics
		key, err := sp.key([]byte(password), []byte(salt), 64)
		if err != nil {
			return "", err
		}
		defer clear(key)
		return "scrypt$" + strconv.Itoa(sp.n) + "$" + salt + "$" + strconv.Itoa(sp.r) + "$" +
			strconv.Itoa(sp.p) + "$" + base64.StdEncoding.EncodeToString(key), nil
	},
}

// djangoScryptPolicy is the policy's scrypt costs, N halved until stock
// Django can verify the digest.
func djangoScryptPolicy(p *Policy, l Limits) (scryptParams, error) {
	n, r, pp := int(p.Get(ScryptN)), int(p.Get(ScryptR)), int(p.Get(ScryptP))
	for n > 2 && 128*int64(r)*int64(n+2)+128*int64(r)*int64(pp) > djangoScryptMaxMemory {
		n /= 2
	}
	return checkScrypt("scrypt_django policy", n, r, pp, scryptOwn, l)
}

var (
	errScryptDjangoShape  = malformed("scrypt_django", `want "scrypt$<N>$<salt>$<r>$<p>$<hash>"`)
	errScryptDjangoNumber = malformed("scrypt_django", "N, r or p is not a canonical decimal")
	errScryptDjangoSalt   = malformed("scrypt_django", "salt is empty or has whitespace, control characters or invalid UTF-8")
	errScryptDjangoHash   = malformed("scrypt_django", "hash is not padded standard base64 of 64 bytes")
)

type scryptDjangoDigest struct {
	scryptParams
	salt string
	hash []byte
}

func parseScryptDjango(digest string, l Limits) (parsed, error) {
	rest, ok := strings.CutPrefix(digest, "scrypt$")
	var f [5]string
	if !ok || !splitN(rest, '$', f[:]) {
		return nil, errScryptDjangoShape
	}
	var v [3]int
	for i, s := range [3]string{f[0], f[2], f[3]} {
		if v[i], ok = parseCount(s); !ok {
			return nil, errScryptDjangoNumber
		}
	}
	if !validRawSalt(f[1]) {
		return nil, errScryptDjangoSalt
	}
	if n, ok := b64Len(stdB64, f[4]); !ok || n != 64 {
		return nil, errScryptDjangoHash
	}
	sp, err := checkScrypt("scrypt_django", v[0], v[1], v[2], scryptOwn, l)
	if err != nil {
		return nil, err
	}
	hash, _ := decodeB64(stdB64, f[4])
	return &scryptDjangoDigest{sp, f[1], hash}, nil
}

func (d *scryptDjangoDigest) weaker(p *Policy) bool {
	return d.scryptParams.weaker(p.Get(ScryptN), p.Get(ScryptR), p.Get(ScryptP))
}

func (d *scryptDjangoDigest) verify(password string) (bool, error) {
	key, err := d.key([]byte(password), []byte(d.salt), len(d.hash))
	if err != nil {
		return false, err
	}
	defer clear(key)
	return subtle.ConstantTimeCompare(key, d.hash) == 1, nil
}

var errBcryptDjangoPrefix = malformed("bcrypt_django", `want "bcrypt$" + a bcrypt digest`)

var bcryptDjangoHasher = &scheme{
	name:   "bcrypt_django",
	params: []*Param{BcryptCost},
	parse: func(digest string, l Limits) (parsed, error) {
		inner, ok := strings.CutPrefix(digest, "bcrypt$")
		if !ok {
			return nil, errBcryptDjangoPrefix
		}
		return parseBcrypt(inner, l)
	},
	hash: func(password string, p *Policy) (string, error) {
		b, err := hashBcrypt([]byte(password), int(p.Get(BcryptCost)))
		return "bcrypt$" + b, err
	},
}
