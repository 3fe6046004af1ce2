package pwdigest

import (
	"crypto/md5"
	"crypto/sha1"
	"crypto/subtle"
	"encoding/hex"
	"hash"
	"strings"
)

// sha1_django, md5_django: Django's SHA1PasswordHasher and MD5PasswordHasher,
// "sha1$<salt>$<hex sha1(salt + password)>" and "md5$<salt>$<hex md5(...)>",
// salt and password as UTF-8. Insecure: one unstretched hash.
//
// Django compares the whole re-encoded string, so the hex must be lowercase
// and of the hash's length. The salt is any text without "$". An empty salt
// is accepted: "sha1$$<hex>" and "md5$$<hex>" are what Django's
// UnsaltedSHA1PasswordHasher and UnsaltedMD5PasswordHasher check, and they
// compute the same hash of the password alone.

var (
	sha1DjangoHasher = register(djangoSaltedScheme("sha1_django", "sha1$", sha1.New))
	md5DjangoHasher  = register(djangoSaltedScheme("md5_django", "md5$", md5.New))
)

func djangoSaltedScheme(name, prefix string, newHash func() hash.Hash) *scheme {
	size := newHash().Size()
	errShape := malformed(name, `want "`+prefix+`<salt>$<lowercase hex>"`)
	errHex := malformed(name, "hash is not lowercase hex of the hash's size")
	return &scheme{
		name:     name,
		insecure: true,
		parse: func(digest string, _ Limits) (parsed, error) {
			rest, ok := strings.CutPrefix(digest, prefix)
			var f [2]string
			if !ok || !splitN(rest, '$', f[:]) {
				return nil, errShape
			}
			sum, ok := lowerHexKey(f[1], size)
			if !ok {
				return nil, errHex
			}
			return &saltedHexDigest{newHash: newHash, salt: f[0], sum: sum}, nil
		},
		hash: func(password string, _ *Policy) (string, error) {
			salt := randomString(22, alnum) // Django's salt(): 128 bits of alphanumerics
			return prefix + salt + "$" + hex.EncodeToString(saltedSum(newHash, salt, password)), nil
		},
	}
}

type saltedHexDigest struct {
	newHash func() hash.Hash
	salt    string
	sum     []byte
}

func (d *saltedHexDigest) memory() int64       { return 0 }
func (d *saltedHexDigest) weaker(*Policy) bool { return true }
func (d *saltedHexDigest) verify(password string) (bool, error) {
	return subtle.ConstantTimeCompare(saltedSum(d.newHash, d.salt, password), d.sum) == 1, nil
}

func saltedSum(newHash func() hash.Hash, salt, password string) []byte {
	h := newHash()
	h.Write([]byte(salt))
	h.Write([]byte(password))
	return h.Sum(nil)
}
