package pwdigest

import (
	"crypto/sha256"
	"encoding/hex"
	"strconv"
	"strings"
)

// Werkzeug's hashers (werkzeug.security): scrypt_werkzeug, its default
// since 3.0, and pbkdf2_werkzeug, its default before.

// scrypt_werkzeug: "scrypt:<N>:<r>:<p>$<salt>$<hash>" as Werkzeug's
// generate_password_hash writes it (Werkzeug 3 defaults to
// scrypt:32768:8:1): the salt is used as its UTF-8 bytes, the key is 64
// bytes, the hash lowercase hex. A hash field that is not hex is read as
// standard base64. An empty salt is accepted: Werkzeug's
// check_password_hash verifies it (RFC 7914's first vector has one).

func init() {
	register(&scheme{
		name:        "scrypt_werkzeug",
		params:      []*Param{ScryptN, ScryptR, ScryptP},
		parse:       parseWerkzeugScrypt,
		checkPolicy: scryptPolicy(werkzeugPolicy).check,
		hashMemory:  scryptPolicy(werkzeugPolicy).memory,
		hash: func(password string, p *Policy) (string, error) {
			sp, err := werkzeugPolicy(p, unlimited) // limits checked by checkPolicy
			if err != nil {
				return "", err
			}
			salt := randomString(16, alnum) // Werkzeug's gen_salt(16)
			key, err := sp.key([]byte(password), []byte(salt), 64)
			if err != nil {
				return "", err
			}
			return "scrypt:" + strconv.Itoa(sp.n) + ":" + strconv.Itoa(sp.r) + ":" + strconv.Itoa(sp.p) +
				"$" + salt + "$" + hex.EncodeToString(key), nil
		},
	})
}

// werkzeugPolicy is the scrypt costs of new digests.
var werkzeugPolicy = policyScrypt("scrypt_werkzeug")

var (
	errWerkzeugShape  = malformed("scrypt_werkzeug", `want "scrypt:<N>:<r>:<p>$<salt>$<hash>"`)
	errWerkzeugNumber = malformed("scrypt_werkzeug", "N, r or p is not a canonical decimal")
	errWerkzeugSalt   = malformed("scrypt_werkzeug", "salt has whitespace, control characters or invalid UTF-8")
	errWerkzeugHash   = malformed("scrypt_werkzeug", "hash is neither lowercase hex nor base64")
)

func parseWerkzeugScrypt(digest string, l Limits) (parsed, error) {
	var f [3]string
	method, ok := strings.CutPrefix(digest, "scrypt:")
	if !ok || !splitN(method, '$', f[:]) {
		return nil, errWerkzeugShape
	}
	var nrp [3]string
	if !splitN(f[0], ':', nrp[:]) {
		return nil, errWerkzeugShape
	}
	var v [3]int
	for i, s := range nrp {
		if v[i], ok = parseCount(s); !ok {
			return nil, errWerkzeugNumber
		}
	}
	if f[1] != "" && !validRawSalt(f[1]) { // empty is accepted, see above
		return nil, errWerkzeugSalt
	}
	hashLen, ok := werkzeugHashLen(f[2])
	if !ok {
		return nil, errWerkzeugHash
	}
	sp, err := checkScrypt("scrypt_werkzeug", v[0], v[1], v[2], scryptOwn, l)
	if err != nil {
		return nil, err
	}
	if err := checkHashLen("scrypt_werkzeug", hashLen, l); err != nil {
		return nil, err
	}
	return &scryptKeyDigest{sp, []byte(f[1]), werkzeugHash(f[2])}, nil
}

// werkzeugHashLen checks the hash field without allocating: lowercase hex as
// Werkzeug writes it, else base64. Upper-case hex never verifies in
// Werkzeug, which compares the hex strings, so it is refused rather than
// read as base64.
func werkzeugHashLen(s string) (int, bool) {
	if isHex(s) {
		return len(s) / 2, !strings.ContainsAny(s, "ABCDEF")
	}
	return b64Len(stdB64, s)
}

// werkzeugHash decodes a hash field that passed werkzeugHashLen.
func werkzeugHash(s string) []byte {
	if isHex(s) {
		b := make([]byte, len(s)/2)
		decodeHex(b, s)
		return b
	}
	b, _ := decodeB64(stdB64, s)
	return b
}

// pbkdf2_werkzeug: "pbkdf2:<hash>:<iterations>$<salt>$<hex>" as Werkzeug's
// generate_password_hash writes it (its default before Werkzeug 3.0, which
// moved to scrypt): hashlib.pbkdf2_hmac over the UTF-8 password and salt,
// key length = the hash's size, lowercase hex. <hash> is sha256 (the
// default), sha512 or sha1.
//
// Werkzeug also reads "pbkdf2:sha256$..." without iterations, taking its own
// DEFAULT_PBKDF2_ITERATIONS, which changes between releases (260,000 in
// 2.2, 600,000 in 2.3). It never writes that form itself (the method it
// writes always names the count), and the count cannot be known from the
// digest, so it is refused as malformed.
// So are a salt that is empty (Werkzeug raises), iterations that are not a
// canonical decimal or zero, and hex that is upper case or of the wrong
// length (Werkzeug compares the hex strings, so neither ever matches).

func init() {
	register(&scheme{
		name:    "pbkdf2_werkzeug",
		aliases: []string{"werkzeug_pbkdf2"},      // its name before the naming rule
		params:  []*Param{PBKDF2SHA256Iterations}, // Hash writes sha256
		parse:   parseWerkzeugPBKDF2,
		hash: func(password string, p *Policy) (string, error) {
			iter := int(p.Get(PBKDF2SHA256Iterations))
			salt := randomString(16, alnum) // gen_salt(16)
			key, err := pbkdf2Key(prfSHA256, password, []byte(salt), iter, sha256.Size)
			return "pbkdf2:sha256:" + strconv.Itoa(iter) + "$" + salt + "$" + hex.EncodeToString(key), err
		},
	})
}

var (
	errWerkzeugPBKDF2Shape = malformed("pbkdf2_werkzeug", `want "pbkdf2:<hash>:<iterations>$<salt>$<hex>"`)
	errWerkzeugPBKDF2Hash  = malformed("pbkdf2_werkzeug", "hash function is not sha256, sha512 or sha1")
	errWerkzeugPBKDF2Iter  = malformed("pbkdf2_werkzeug", "iterations missing (their default depends on the Werkzeug version) or not a canonical decimal")
	errWerkzeugPBKDF2Salt  = malformed("pbkdf2_werkzeug", "empty salt")
	errWerkzeugPBKDF2Hex   = malformed("pbkdf2_werkzeug", "hash is not lowercase hex of the hash function's size")
)

var werkzeugPRFs = map[string]prfHash{"sha256": prfSHA256, "sha512": prfSHA512, "sha1": prfSHA1}

func parseWerkzeugPBKDF2(digest string, l Limits) (parsed, error) {
	rest, ok := strings.CutPrefix(digest, "pbkdf2:")
	var f [3]string
	if !ok || !splitN(rest, '$', f[:]) {
		return nil, errWerkzeugPBKDF2Shape
	}
	name, count, ok := strings.Cut(f[0], ":")
	prf, known := werkzeugPRFs[name]
	if !known {
		return nil, errWerkzeugPBKDF2Hash
	}
	iter, iterOK := parseCount(count)
	if !ok || !iterOK {
		return nil, errWerkzeugPBKDF2Iter
	}
	if f[1] == "" {
		return nil, errWerkzeugPBKDF2Salt
	}
	key, ok := lowerHexKey(f[2], prf.Size())
	if !ok {
		return nil, errWerkzeugPBKDF2Hex
	}
	if err := l.check(pbkdf2Iterations(prf), "pbkdf2_werkzeug", "iterations", int64(iter)); err != nil {
		return nil, err
	}
	return &pbkdf2Digest{prf: prf, iter: iter, salt: []byte(f[1]), hash: key}, nil
}

// lowerHexKey decodes exactly n bytes of lowercase hex.
func lowerHexKey(s string, n int) ([]byte, bool) {
	// Checked without allocating before the key is.
	if len(s) != 2*n || !isHex(s) || strings.ContainsAny(s, "ABCDEF") {
		return nil, false
	}
	b := make([]byte, n)
	return b, decodeHex(b, s)
}
