package pwdigest

import (
	"crypto/sha256"
	"encoding/hex"
	"strings"
)

// Django's hashers that are not plain PBKDF2 (see pbkdf2.go for those).

// bcrypt_sha256_django: "bcrypt_sha256$" + a bcrypt digest of the lowercase
// hex SHA-256 of the password (Django's BCryptSHA256PasswordHasher), which
// sidesteps bcrypt's 72-byte limit.
var bcryptSHA256Django = register(&scheme{
	name:   "bcrypt_sha256_django",
	params: []*Param{BcryptCost},
	parse: func(digest string, l Limits) (parsed, error) {
		inner, ok := strings.CutPrefix(digest, "bcrypt_sha256$")
		if !ok {
			return nil, errBcryptSHA256Prefix
		}
		p, err := parseBcrypt(inner, l)
		if err != nil {
			return nil, err
		}
		return &bcryptSHA256Digest{p.(*bcryptDigest)}, nil
	},
	hash: func(password string, p *Policy) (string, error) {
		b, err := hashBcrypt(sha256Hex(password), int(p.Get(BcryptCost)))
		return "bcrypt_sha256$" + b, err
	},
})

var errBcryptSHA256Prefix = malformed("bcrypt_sha256_django", `want "bcrypt_sha256$" + a bcrypt digest`)

type bcryptSHA256Digest struct{ *bcryptDigest }

func (d *bcryptSHA256Digest) verify(password string) (bool, error) {
	return d.verifyBytes(sha256Hex(password))
}

func sha256Hex(password string) []byte {
	sum := sha256.Sum256([]byte(password))
	out := make([]byte, hex.EncodedLen(len(sum)))
	hex.Encode(out, sum[:])
	return out
}
