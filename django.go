package pwdigest

import (
	"crypto/md5"
	"crypto/sha1"
	"crypto/sha256"
	"encoding/base64"
	"encoding/hex"
	"hash"
	"strconv"
	"strings"
)

// Every Django hasher (django.contrib.auth.hashers). pbkdf2_sha1 also reads
// Django's PBKDF2SHA1PasswordHasher digests; it lives in pbkdf2.go, having
// no producer in its name.

func init() {
	register(&scheme{
		name: "pbkdf2_sha256_django", parse: djangoPBKDF2Format.parse, params: []*Param{PBKDF2SHA256Iterations},
		hash: func(password string, p *Policy) (string, error) {
			iter := int(p.Get(PBKDF2SHA256Iterations))
			salt := randomString(22, alnum) // Django's salt: 22 alphanumerics
			key, err := pbkdf2Key(prfSHA256, password, []byte(salt), iter, sha256.Size)
			return joinPBKDF2("pbkdf2_sha256$", iter, salt, base64.StdEncoding.EncodeToString(key)), err
		},
		rank: func(digest string) int { return -rankKeycloak(digest) },
	})
	register(&scheme{
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
	register(&scheme{
		name:       "argon2_django",
		params:     argon2Params,
		hashMemory: argon2PolicyMemory,
		parse: func(digest string, l Limits) (parsed, error) {
			for _, f := range argon2DjangoFormats {
				if strings.HasPrefix(digest, f.prefix) {
					return f.parse(digest, l)
				}
			}
			return nil, errArgon2DjangoPrefix
		},
		hash: func(password string, p *Policy) (string, error) {
			d, err := hashArgon2(argon2id, password, p)
			return "argon2" + d, err
		},
	})
	register(djangoSaltedScheme("sha1_django", "sha1$", sha1.New))
	register(djangoSaltedScheme("md5_django", "md5$", md5.New))
}

// pbkdf2_sha256_django: Django's PBKDF2PasswordHasher,
// "pbkdf2_sha256$<iterations>$<salt>$<base64 32-byte hash>", the salt used
// as its UTF-8 bytes. Keycloak's pbkdf2_sha256 shares the prefix; see
// rankKeycloak.
var djangoPBKDF2Format = newPBKDF2Format(pbkdf2Format{
	name: "pbkdf2_sha256_django", prefix: "pbkdf2_sha256$", prf: prfSHA256,
	salt: rawSalt, hash: b64Key(sha256.Size),
}, "base64 of 32 bytes")

// bcrypt_sha256_django: "bcrypt_sha256$" + a bcrypt digest of the lowercase
// hex SHA-256 of the password (Django's BCryptSHA256PasswordHasher), which
// sidesteps bcrypt's 72-byte limit.

var errBcryptSHA256Prefix = malformed("bcrypt_sha256_django", `want "bcrypt_sha256$" + a bcrypt digest`)

type bcryptSHA256Digest struct{ *bcryptDigest }

func (d *bcryptSHA256Digest) verify(password string) (bool, error) {
	pre := sha256Hex(password)
	defer clear(pre)
	return d.verifyBytes(pre)
}

func sha256Hex(password string) []byte {
	sum := sha256.Sum256([]byte(password))
	out := make([]byte, hex.EncodedLen(len(sum)))
	hex.Encode(out, sum[:])
	clear(sum[:])
	return out
}

// argon2_django: Django's Argon2PasswordHasher, "argon2" followed by an
// argon2 PHC string (argon2id since Django 3.2, argon2i before), checked by
// argon2-cffi whatever its type.

var (
	argon2DjangoFormats = [...]*argon2Format{
		newArgon2Format(argon2id, "argon2"),
		newArgon2Format(argon2i, "argon2"),
		newArgon2Format(argon2d, "argon2"),
	}
	errArgon2DjangoPrefix = malformed("argon2_django", `want "argon2$argon2id$..." or "argon2$argon2i$..."`)
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
	return equalKey(saltedSum(d.newHash, d.salt, password), nil, d.sum)
}

func saltedSum(newHash func() hash.Hash, salt, password string) []byte {
	h := newHash()
	h.Write([]byte(salt))
	h.Write([]byte(password))
	return h.Sum(nil)
}

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
	register(scryptDjangoHasher)
	register(bcryptDjangoHasher)
}

// djangoScryptMaxMemory is what hashlib.scrypt takes with Django's maxmem=0:
// OpenSSL's default cap of 32 MiB, which 128·r·(N+2) plus 128·r·p must fit.
// Hash stays under it so that stock Django verifies our digests.
const djangoScryptMaxMemory = 32 << 20

var scryptDjangoHasher = &scheme{
	name:        "scrypt_django",
	params:      []*Param{ScryptN, ScryptR, ScryptP},
	parse:       parseScryptDjango,
	checkPolicy: scryptPolicy(djangoScryptPolicy).check,
	hashMemory:  scryptPolicy(djangoScryptPolicy).memory,
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
	return &scryptKeyDigest{sp, []byte(f[1]), hash}, nil
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
