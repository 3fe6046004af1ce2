package pwdigest

import (
	"crypto/hmac"
	"crypto/sha256"
	"crypto/sha512"
	"encoding/base64"
	"math"
	"strconv"
	"strings"

	"github.com/pwdigest/pwdigest/internal/bcryptcore"
)

// pbkdf2_sha256_passlib, pbkdf2_sha512_passlib: passlib's
// "$pbkdf2-sha256$<rounds>$<salt>$<checksum>" and "$pbkdf2-sha512$...":
// PBKDF2-HMAC over the UTF-8 password and the raw salt bytes, key length =
// the hash's size, salt and checksum in passlib's "adapted base64"
// (ab64_encode: standard base64 with "." for "+", unpadded).
//
// Strictly what ab64_encode writes: its alphabet only ("+" and padding,
// which ab64_decode would also take, are refused), zero unused bits, a
// checksum of exactly the hash's size, a salt of 0..1024 bytes (passlib's
// bounds; it writes an empty salt when asked). Rounds are a canonical
// decimal in passlib's 1..2^32-1, then bounded by Limits.

func init() {
	register(passlibPBKDF2Scheme("pbkdf2_sha256_passlib", "$pbkdf2-sha256$", prfSHA256, sha256.Size))
	register(passlibPBKDF2Scheme("pbkdf2_sha512_passlib", "$pbkdf2-sha512$", prfSHA512, sha512.Size))
}

const passlibMaxSalt = 1024

var ab64 = base64.NewEncoding("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789./").WithPadding(base64.NoPadding).Strict()

func passlibPBKDF2Scheme(name, prefix string, prf prfHash, size int) *scheme {
	errShape := malformed(name, `want "`+prefix+`<rounds>$<salt>$<checksum>"`)
	errRounds := malformed(name, "rounds are not a canonical decimal")
	errSalt := malformed(name, "salt is not adapted base64 of at most 1024 bytes")
	errSum := malformed(name, "checksum is not adapted base64 of "+strconv.Itoa(size)+" bytes")
	return &scheme{
		name:   name,
		params: []*Param{pbkdf2Iterations(prf)},
		parse: func(digest string, l Limits) (parsed, error) {
			rest, ok := strings.CutPrefix(digest, prefix)
			var f [3]string
			if !ok || !splitN(rest, '$', f[:]) {
				return nil, errShape
			}
			rounds, ok := parseDecimal(f[0], math.MaxUint64)
			if !ok {
				return nil, errRounds
			}
			// Both fields are checked before either is decoded.
			saltLen, ok := ab64Len(f[1], true)
			if !ok || saltLen > passlibMaxSalt {
				return nil, errSalt
			}
			sumLen, ok := ab64Len(f[2], false)
			if !ok || sumLen != size {
				return nil, errSum
			}
			if rounds > math.MaxUint32 {
				return nil, outOfRange(name+" rounds", rounds, "1..4294967295")
			}
			if err := l.check(pbkdf2Iterations(prf), name, "rounds", int64(rounds)); err != nil {
				return nil, err
			}
			salt, _ := decodeAB64(f[1], true)
			sum, _ := decodeAB64(f[2], false)
			return &pbkdf2Digest{prf: prf, iter: int(rounds), salt: salt, hash: sum}, nil
		},
		hash: func(password string, p *Policy) (string, error) {
			iter := int(p.Get(pbkdf2Iterations(prf)))
			salt := randomBytes(16) // passlib's default_salt_size
			key, err := pbkdf2Key(prf, password, salt, iter, size)
			return prefix + strconv.Itoa(iter) + "$" + ab64.EncodeToString(salt) + "$" + ab64.EncodeToString(key), err
		},
	}
}

// ab64Len checks a field for decodeAB64 without allocating and returns its
// decoded length.
func ab64Len(s string, emptyOK bool) (int, bool) {
	if s == "" {
		return 0, emptyOK
	}
	return b64Len(ab64, s)
}

// decodeAB64 decodes passlib's adapted base64 strictly.
func decodeAB64(s string, emptyOK bool) ([]byte, bool) {
	if s == "" {
		return []byte{}, emptyOK
	}
	return decodeB64(ab64, s)
}

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
	register(bcryptSHA256PasslibHasher)
	register(scryptPasslibHasher)
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
	name:        "scrypt_passlib",
	params:      []*Param{ScryptN, ScryptR, ScryptP},
	parse:       parseScryptPasslib,
	checkPolicy: scryptPolicy(passlibScryptPolicy).check,
	hashMemory:  scryptPolicy(passlibScryptPolicy).memory,
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

var passlibScryptPolicy = policyScrypt("scrypt_passlib")

var (
	errScryptPasslibShape  = malformed("scrypt_passlib", `want "$scrypt$ln=<log2 N>,r=<r>,p=<p>$<salt>$<hash>"`)
	errScryptPasslibNumber = malformed("scrypt_passlib", "ln, r or p is not a canonical decimal")
	errScryptPasslibB64    = malformed("scrypt_passlib", "salt or hash is not base64 (unpadded as passlib writes it, or padded as Kratos does)")
	errScryptPasslibHash   = malformed("scrypt_passlib", "passlib's hash is 32 bytes")
)

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
	return &scryptKeyDigest{sp, salt, hash}, nil
}
