package pwdigest

import (
	"crypto/sha256"
	"crypto/sha512"
	"encoding/base64"
	"math"
	"strconv"
	"strings"
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

var (
	passlibSHA256Hasher = register(passlibPBKDF2Scheme("pbkdf2_sha256_passlib", "$pbkdf2-sha256$", prfSHA256, sha256.Size))
	passlibSHA512Hasher = register(passlibPBKDF2Scheme("pbkdf2_sha512_passlib", "$pbkdf2-sha512$", prfSHA512, sha512.Size))
)

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
