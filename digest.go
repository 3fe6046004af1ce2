package pwdigest

import (
	"crypto/hmac"
	"crypto/md5"
	"crypto/sha256"
	"crypto/subtle"
	"encoding/base64"
	"encoding/hex"
	"fmt"
	"hash"
	"strconv"
	"strings"
	"unicode/utf8"
)

// md5 and sha256: an unsalted hex digest of the password, as home-grown PHP
// and Node apps stored them (PHP md5(), hash('sha256', ...)). Both case
// spellings of hex are accepted. Insecure: upgrade on sign-in.

func init() {
	register(hexScheme("md5", md5.New, md5.Size))
	register(hexScheme("sha256", sha256.New, sha256.Size))
}

func hexScheme(name string, newHash func() hash.Hash, size int) *scheme {
	errShape := malformed(name, "want "+strconv.Itoa(2*size)+" hex characters")
	return &scheme{
		name:     name,
		insecure: true,
		parse: func(digest string, _ Limits) (parsed, error) {
			if len(digest) != 2*size || !isHex(digest) {
				return nil, errShape
			}
			p := &hexDigest{newHash: newHash, sum: make([]byte, size)}
			decodeHex(p.sum, digest)
			return p, nil
		},
		hash: func(password string, _ *Policy) (string, error) {
			h := newHash()
			h.Write([]byte(password))
			return hex.EncodeToString(h.Sum(nil)), nil
		},
	}
}

type hexDigest struct {
	newHash func() hash.Hash
	sum     []byte
}

func (p *hexDigest) memory() int64       { return 0 }
func (p *hexDigest) weaker(*Policy) bool { return true }
func (p *hexDigest) verify(password string) (bool, error) {
	h := p.newHash()
	h.Write([]byte(password))
	return equalKey(h.Sum(nil), nil, p.sum)
}

// md5_salted and sha256_salted: a hex digest of the password with a salt,
// as home-grown apps stored them: "salt$hash", or "hash$salt" (Clerk's older
// sha256_salted docs). The hex field of the hash's length tells the shapes
// apart; the salt may hold "$" (the split is at the hash's side) and may be
// empty. When both fields could be the hash (a hex salt of the same length),
// both splits are tried. Clerk does not say on which side of the password
// the salt goes, so hash(salt + password) and hash(password + salt) both
// match. Insecure: upgrade on sign-in.

func init() {
	register(saltedScheme("md5_salted", md5.New, md5.Size))
	register(saltedScheme("sha256_salted", sha256.New, sha256.Size))
	register(&scheme{name: "hmac_sha256_utf16_b64", insecure: true, parse: parseHMACUTF16, hash: hashHMACUTF16})
}

func saltedScheme(name string, newHash func() hash.Hash, size int) *scheme {
	errShape := malformed(name, `want "<salt>$<`+strconv.Itoa(2*size)+` hex>" or "<`+strconv.Itoa(2*size)+` hex>$<salt>"`)
	errSalt := malformed(name, "salt is not UTF-8 or holds a control character")
	return &scheme{
		name:     name,
		insecure: true,
		parse: func(digest string, _ Limits) (parsed, error) {
			var cands [2]clerkSaltedCandidate
			n := 0
			// salt$hash: the hash after the last "$".
			if i := strings.LastIndexByte(digest, '$'); i >= 0 && len(digest)-i-1 == 2*size && isHex(digest[i+1:]) {
				cands[n] = clerkSaltedCandidate{salt: digest[:i], hex: digest[i+1:]}
				n++
			}
			// hash$salt: the hash before the first "$".
			if i := strings.IndexByte(digest, '$'); i == 2*size && isHex(digest[:i]) {
				cands[n] = clerkSaltedCandidate{salt: digest[i+1:], hex: digest[:i]}
				n++
			}
			if n == 0 {
				return nil, errShape
			}
			for _, c := range cands[:n] {
				if !validSaltText(c.salt) {
					return nil, errSalt
				}
			}
			return &clerkSaltedDigest{newHash: newHash, cands: cands, n: n}, nil
		},
		hash: func(password string, _ *Policy) (string, error) {
			salt := randomString(16, alnum)
			h := newHash()
			h.Write([]byte(salt))
			h.Write([]byte(password))
			return salt + "$" + hex.EncodeToString(h.Sum(nil)), nil
		},
		// Below the formats that merely end in a hex field of that length
		// (md5_django, pbkdf2_werkzeug, pbkdf2_sha512 ...): those are likelier.
		rank: func(string) int { return -1 },
	}
}

// validSaltText reports whether s can be a salt stored as text: UTF-8
// without control characters (a line break or NUL in one is a damaged
// import line). Empty is allowed.
func validSaltText(s string) bool {
	if !utf8.ValidString(s) {
		return false
	}
	for i := 0; i < len(s); i++ {
		if c := s[i]; c < ' ' || c == 0x7f {
			return false
		}
	}
	return true
}

type clerkSaltedCandidate struct{ salt, hex string }

type clerkSaltedDigest struct {
	newHash func() hash.Hash
	cands   [2]clerkSaltedCandidate
	n       int
}

func (p *clerkSaltedDigest) memory() int64       { return 0 }
func (p *clerkSaltedDigest) weaker(*Policy) bool { return true }

// verify tries every split and both salt positions, all of them whatever
// matches, so the order of trying cannot change the result or the time.
func (p *clerkSaltedDigest) verify(password string) (bool, error) {
	h := p.newHash()
	want := make([]byte, h.Size())
	got := make([]byte, 0, h.Size())
	match := 0
	for _, c := range p.cands[:p.n] {
		decodeHex(want, c.hex)
		for _, saltFirst := range [2]bool{true, false} {
			h.Reset()
			if saltFirst {
				h.Write([]byte(c.salt))
				h.Write([]byte(password))
			} else {
				h.Write([]byte(password))
				h.Write([]byte(c.salt))
			}
			match |= subtle.ConstantTimeCompare(h.Sum(got[:0]), want)
		}
	}
	clear(got[:cap(got)])
	return match == 1, nil
}

// hmac_sha256_utf16_b64: "hmac_sha256_utf16_b64$<base64 hash>$<key>",
// HMAC-SHA256 over the UTF-16LE bytes of the password, the 32-byte hash in
// padded standard base64. The key is everything after the second "$" (it may
// hold "$"). Clerk does not document how the key is used; three readings
// that real producers use are tried, each a match:
//
//   - the key's own bytes (hash_hmac, Node's createHmac with a string key);
//   - the key base64-decoded, where it is padded standard base64;
//   - ASP.NET Membership's keyed path (SqlMembershipProvider with
//     HMACSHA256): the base64-decoded key repeated to fill HMACSHA256's
//     64-byte key, cut if longer. An empty decoded key is skipped: .NET
//     loops forever on it.
//
// All readings are computed for every verify, so the order of trying cannot
// change the result. A password that is not UTF-8 never matches (no .NET
// string encodes to it), and Hash refuses it with ErrUnsupportedPassword.
// Insecure: upgrade on sign-in.

var (
	errHMACShape = malformed("hmac_sha256_utf16_b64", `want "hmac_sha256_utf16_b64$<base64 32-byte hash>$<key>"`)
	errHMACHash  = malformed("hmac_sha256_utf16_b64", "hash is not padded standard base64 of 32 bytes")
	errHMACKey   = malformed("hmac_sha256_utf16_b64", "key is empty, not UTF-8 or holds a control character")
)

const hmacUTF16Prefix = "hmac_sha256_utf16_b64$"

type hmacUTF16Digest struct {
	keys [3][]byte // the readings; nil where one does not apply
	sum  []byte
}

func parseHMACUTF16(digest string, _ Limits) (parsed, error) {
	rest, ok := strings.CutPrefix(digest, hmacUTF16Prefix)
	if !ok {
		return nil, errHMACShape
	}
	sum, key, ok := strings.Cut(rest, "$")
	if !ok {
		return nil, errHMACShape
	}
	if n, ok := b64Len(stdB64, sum); !ok || n != sha256.Size {
		return nil, errHMACHash
	}
	if key == "" || !validSaltText(key) {
		return nil, errHMACKey
	}
	d := &hmacUTF16Digest{}
	d.sum, _ = decodeB64(stdB64, sum)
	d.keys[0] = []byte(key)
	if dec, ok := decodeB64(stdB64, key); ok {
		d.keys[1] = dec
		d.keys[2] = membershipKey(dec)
	}
	return d, nil
}

// membershipKey fills HMACSHA256's 64-byte key with salt as
// SqlMembershipProvider.EncodePassword does: salt itself when it is 64
// bytes, its first 64 when longer, repeated when shorter.
func membershipKey(salt []byte) []byte {
	if len(salt) == 0 {
		return nil
	}
	key := make([]byte, 64)
	for i := 0; i < len(key); i += copy(key[i:], salt) {
	}
	return key
}

func (d *hmacUTF16Digest) memory() int64       { return 0 }
func (d *hmacUTF16Digest) weaker(*Policy) bool { return true }

func (d *hmacUTF16Digest) verify(password string) (bool, error) {
	if !utf8.ValidString(password) {
		return false, nil // no .NET string encodes to it: it cannot match
	}
	msg := utf16LE(password)
	match := 0
	for _, k := range d.keys {
		if k == nil {
			continue
		}
		m := hmac.New(sha256.New, k)
		m.Write(msg)
		sum := m.Sum(nil)
		match |= subtle.ConstantTimeCompare(sum, d.sum)
		clear(sum)
	}
	clear(msg)
	return match == 1, nil
}

// hashHMACUTF16 writes a digest of ASP.NET Membership's shape: a 16-byte
// random salt (Membership's size) in base64, the keyed HMAC under it.
func hashHMACUTF16(password string, _ *Policy) (string, error) {
	if !utf8.ValidString(password) {
		return "", fmt.Errorf("%w: hmac_sha256_utf16_b64 hashes UTF-16 text, and the password is not UTF-8", ErrUnsupportedPassword)
	}
	salt := randomBytes(16)
	m := hmac.New(sha256.New, membershipKey(salt))
	msg := utf16LE(password)
	m.Write(msg)
	clear(msg)
	return hmacUTF16Prefix + base64.StdEncoding.EncodeToString(m.Sum(nil)) + "$" + base64.StdEncoding.EncodeToString(salt), nil
}
