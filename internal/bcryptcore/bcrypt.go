// Package bcryptcore computes bcrypt's raw checksum for every variant that
// real producers emit ("$2$", "$2a$", "$2b$", "$2x$", "$2y$"), bit for bit.
//
// The variants differ only in how the password becomes Blowfish's 18 key words.
// The key is a byte stream repeated until 72 bytes are taken, four bytes per
// big-endian word:
//
//   - "$2a$", "$2b$", "$2y$": the password followed by one NUL byte, so a
//     password of 72 bytes or more contributes exactly its first 72 bytes.
//     (OpenBSD bcrypt.c, crypt_blowfish, pyca/bcrypt, passlib, jBCrypt and
//     x/crypto/bcrypt all agree.)
//   - "$2$" (the original 1997 OpenBSD format, still accepted by passlib and
//     jBCrypt): the password alone, without the NUL, so "ab" and "abab" are
//     the same key; an empty password is the all-zero key (old OpenBSD
//     bcrypt.c read the C string's terminator, passlib returns zero words).
//   - "$2x$" (crypt_blowfish): emulates the sign-extension bug of
//     crypt_blowfish before 1.1 / PHP before 5.3.7: every byte is sign-extended
//     to 32 bits before it is ORed into the word, so a byte >= 0x80 overwrites
//     the bytes already in that word with ones.
//
// "$2a$" follows OpenBSD, not crypt_blowfish (PHP crypt, libxcrypt). For a
// password where the sign-extension bug would have been harmless but some
// byte >= 0x80 sits after the first byte of a key word (only possible when the
// bytes before it in that word are 0xff, so never in UTF-8),
// crypt_blowfish's "$2a$" flips bit 16 of the first P-array word of the
// initial key setup as a collision countermeasure; OpenBSD, pyca/bcrypt,
// passlib, jBCrypt (and Spring Security's copy) and x/crypto/bcrypt do not. We follow the
// majority: most "$2a$" digests come from those, PHP's own password_hash
// writes "$2y$", and the countermeasure touches only passwords containing
// 0xff. MinorPHP2a computes crypt_blowfish's meaning, so that a verifier
// can accept the digests of both (the root package does). Known answer: "\xff\xff\xa3" gives ...CE5elHaaO4EbggVDjb8P19RukzXSM3e
// here and in pyca, ...nqd1wy.pTMdcvrRWxyiGL2eMz.2a85. in PHP.
//
// Not emulated: the wraparound bug of OpenBSD libc's "$2a$" before "$2b$"
// (2014; passwords of 255 bytes or more, key length kept in a uint8_t); old
// OpenBSD's "$2$" likewise used the password length modulo 256, which
// matters only for passwords of 256 bytes or more. Password bytes are used as
// given, NUL bytes included (as x/crypto/bcrypt and jBCrypt do; C producers
// stop at the first NUL, so callers that want that must cut the password
// there).
package bcryptcore

import (
	"encoding/base64"
	"encoding/binary"
	"errors"
)

const (
	// SaltSize is the length of bcrypt's raw salt.
	SaltSize = 16
	// Size is the length of the raw checksum: the 24-byte ciphertext less its
	// last byte, which bcrypt has never encoded.
	Size = 23
	// MinCost and MaxCost bound the log2 of the iteration count.
	MinCost = 4
	MaxCost = 31
)

// alphabet is bcrypt's base64 alphabet, in bcrypt's (not RFC 4648's) order.
const alphabet = "./ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789"

// Encoding is bcrypt's base64: its own alphabet, no padding, and strict, so
// the unused low bits of the last character must be zero. A 22-character salt
// must therefore end in one of ".Oeu" and a 31-character checksum in a
// character whose index is a multiple of 4. OpenBSD and crypt_blowfish decode
// leniently but always re-encode the salt canonically in their output (and
// crypt_blowfish masks the last salt character with 0x30), so no producer
// writes a non-canonical digest, and pyca's checkpw and PHP's password_verify,
// which compare whole strings, reject one. Use Decode rather than
// Encoding.DecodeString, which (like every base64.Encoding) skips \r and \n.
var Encoding = base64.NewEncoding(alphabet).WithPadding(base64.NoPadding).Strict()

var (
	errMinor    = errors.New("bcryptcore: unknown minor version")
	errSaltSize = errors.New("bcryptcore: salt must be 16 bytes")
	errCost     = errors.New("bcryptcore: cost out of range 4..31")
	errEncoding = errors.New("bcryptcore: malformed bcrypt base64")
)

// Decode decodes s, which must be exactly the canonical encoding of n bytes
// (22 characters for a salt, 31 for a checksum).
func Decode(s string, n int) ([]byte, error) {
	if n < 0 || len(s) != Encoding.EncodedLen(n) {
		return nil, errEncoding
	}
	b, err := Encoding.DecodeString(s)
	if err != nil || len(b) != n {
		return nil, errEncoding
	}
	return b, nil
}

// magic is "OrpheanBeholderScryDoubt" as big-endian words: the plaintext that
// bcrypt enciphers 64 times with the expensive key schedule.
var magic = [6]uint32{0x4f727068, 0x65616e42, 0x65686f6c, 0x64657253, 0x63727944, 0x6f756274}

// Hash returns bcrypt's 23-byte raw checksum (the part encoded as the last 31
// characters of a digest) of password for the variant minor: 0 for "$2$", or
// 'a', 'b', 'x', 'y'. salt is the 16 raw salt bytes and cost is 4..31.
func Hash(password, salt []byte, cost int, minor byte) ([]byte, error) {
	switch minor {
	case 0, 'a', 'b', 'x', 'y', MinorPHP2a:
	default:
		return nil, errMinor
	}
	if len(salt) != SaltSize {
		return nil, errSaltSize
	}
	if cost < MinCost || cost > MaxCost {
		return nil, errCost
	}

	key := keyWords(password, minor)
	var saltWords [4]uint32
	for i := range saltWords {
		saltWords[i] = binary.BigEndian.Uint32(salt[4*i:])
	}
	// ExpandKey(state, 0, salt) uses the 16-byte salt as a cyclic key.
	var saltKey [18]uint32
	for i := range saltKey {
		saltKey[i] = saltWords[i%4]
	}

	st := initState
	if minor == MinorPHP2a && phpSafety(password) {
		// crypt_blowfish flips bit 16 of P[0] ^ key[0] only, not of the
		// key word reused in the expensive loop.
		st[0] ^= 0x10000
	}
	st.expandSalted(&key, &saltWords)
	st.expensive(&key, &saltKey, uint64(1)<<cost)

	var out [24]byte
	for i := 0; i < len(magic); i += 2 {
		l, r := magic[i], magic[i+1]
		for range 64 {
			l, r = st.encrypt(l, r)
		}
		binary.BigEndian.PutUint32(out[4*i:], l)
		binary.BigEndian.PutUint32(out[4*i+4:], r)
	}
	sum := make([]byte, Size)
	copy(sum, out[:])
	// The key words and the key schedule are derived from the password.
	clear(key[:])
	clear(st[:])
	return sum, nil
}

// MinorPHP2a selects crypt_blowfish's "$2a$" (PHP crypt, libxcrypt) for Hash:
// "$2a$" plus the collision countermeasure described in the package comment.
// It differs from 'a' only for passwords where PHPSafetyApplies is true.
const MinorPHP2a = 'A'

// PHPSafetyApplies reports whether crypt_blowfish's "$2a$" countermeasure
// changes the hash of password: some byte >= 0x80 sits after the first byte
// of a key word, while sign extension would not have changed the key (the
// bytes before it in the word are 0xff). Written from crypt_blowfish 1.3's
// BF_set_key description: sign collects bit 7 of bytes 2..4 of each word,
// diff the words where the buggy and correct keys differ.
func PHPSafetyApplies(password []byte) bool { return phpSafety(password) }

func phpSafety(password []byte) bool {
	n := len(password)
	period := n + 1
	var sign, diff uint32
	j := 0
	for range 18 {
		var correct, buggy uint32
		for k := range 4 {
			var b byte
			if j < n {
				b = password[j]
			}
			correct = correct<<8 | uint32(b)
			buggy = buggy<<8 | uint32(int32(int8(b)))
			if k > 0 {
				sign |= buggy & 0x80
			}
			if j++; j == period {
				j = 0
			}
		}
		diff |= correct ^ buggy
	}
	diff |= diff >> 16
	diff &= 0xffff
	diff <<= 16
	sign <<= 9
	return sign&^diff&0x10000 != 0
}

// keyWords packs the variant's cyclic key stream into 18 key words.
func keyWords(password []byte, minor byte) [18]uint32 {
	var key [18]uint32
	n := len(password)
	period := n + 1 // the password and its NUL terminator
	if minor == 0 {
		period = n
	}
	if period == 0 {
		return key // "$2$" with an empty password
	}
	j := 0
	for i := range key {
		var w uint32
		for range 4 {
			var b byte // the NUL terminator when j == n
			if j < n {
				b = password[j]
			}
			if minor == 'x' {
				w = w<<8 | uint32(int32(int8(b)))
			} else {
				w = w<<8 | uint32(b)
			}
			if j++; j == period {
				j = 0
			}
		}
		key[i] = w
	}
	return key
}
