package pwdigest

import (
	"crypto/sha256"
	"encoding/hex"
	"strconv"
	"strings"
)

// werkzeug_pbkdf2: "pbkdf2:<hash>:<iterations>$<salt>$<hex>" as Werkzeug's
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

var werkzeugPBKDF2Hasher = register(&scheme{
	name:   "werkzeug_pbkdf2",
	params: []*Param{PBKDF2SHA256Iterations}, // Hash writes sha256
	parse:  parseWerkzeugPBKDF2,
	hash: func(password string, p *Policy) (string, error) {
		iter := int(p.Get(PBKDF2SHA256Iterations))
		salt := randomString(16, alnum) // gen_salt(16)
		key, err := pbkdf2Key(prfSHA256, password, []byte(salt), iter, sha256.Size)
		return "pbkdf2:sha256:" + strconv.Itoa(iter) + "$" + salt + "$" + hex.EncodeToString(key), err
	},
})

var (
	errWerkzeugPBKDF2Shape = malformed("werkzeug_pbkdf2", `want "pbkdf2:<hash>:<iterations>$<salt>$<hex>"`)
	errWerkzeugPBKDF2Hash  = malformed("werkzeug_pbkdf2", "hash function is not sha256, sha512 or sha1")
	errWerkzeugPBKDF2Iter  = malformed("werkzeug_pbkdf2", "iterations missing (their default depends on the Werkzeug version) or not a canonical decimal")
	errWerkzeugPBKDF2Salt  = malformed("werkzeug_pbkdf2", "empty salt")
	errWerkzeugPBKDF2Hex   = malformed("werkzeug_pbkdf2", "hash is not lowercase hex of the hash function's size")
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
	if err := l.check(pbkdf2Iterations(prf), "werkzeug_pbkdf2", "iterations", int64(iter)); err != nil {
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
