package pwdigest

import (
	"crypto/sha1"
	"encoding/base64"
	"encoding/binary"
	"fmt"
	"math"
	"unicode/utf16"
	"unicode/utf8"
)

// aspnet_identity_v2, aspnet_identity_v3: ASP.NET Identity's PasswordHasher
// (dotnet/aspnetcore src/Identity/Extensions.Core/src/PasswordHasher.cs),
// padded standard base64 of
//
//	v2: 0x00 ‖ 16-byte salt ‖ 32-byte subkey, PBKDF2-HMAC-SHA1, 1000 iterations
//	v3: 0x01 ‖ PRF ‖ iterations ‖ salt length ‖ salt ‖ subkey
//
// v3's three numbers are big-endian uint32; PRF 0 is HMAC-SHA1, 1
// HMAC-SHA256 (ASP.NET Core 2 to 6: 10000 iterations), 2 HMAC-SHA512 (ASP.NET
// Core 7 and later: 100000 iterations); the subkey is the rest. PBKDF2 runs
// over the UTF-8 password. As ASP.NET's VerifyHashedPasswordV3 does, a salt
// or subkey under 16 bytes is refused (ASP.NET returns Failed; here it is
// ErrParamsOutOfRange, the digest looks truncated), and so is an iteration
// count of 0 or above 2^31-1, which ASP.NET cannot run. The subkey's length
// is bounded by MinHashBytes and MaxHashBytes too. v2 is insecure
// (1000 SHA-1 iterations); v3 is weak when below the policy's iterations
// for its PRF.

var (
	errAspNetB64   = malformed("aspnet_identity", "not padded standard base64")
	errAspNetV2    = malformed("aspnet_identity_v2", "want base64 of 0x00, a 16-byte salt and a 32-byte subkey (49 bytes)")
	errAspNetV3    = malformed("aspnet_identity_v3", "want base64 of 0x01, PRF, iterations, salt length, salt and subkey")
	errAspNetV3Len = malformed("aspnet_identity_v3", "salt length runs past the end")
)

const aspnetV2Iterations = 1000

func parseAspNetV2(digest string, l Limits) (parsed, error) {
	if n, ok := b64Len(stdB64, digest); !ok || n != 49 || digest[0] != 'A' || digest[1] < 'A' || digest[1] > 'P' {
		// 0x00 ‖ s: the first character is 'A' and the second carries the
		// salt's top 4 bits only ('A'..'P').
		if !ok {
			return nil, errAspNetB64
		}
		return nil, errAspNetV2
	}
	if err := l.limit(PBKDF2SHA1Iterations, "aspnet_identity_v2", "iterations", aspnetV2Iterations); err != nil {
		return nil, err
	}
	raw, _ := decodeB64(stdB64, digest)
	return &pbkdf2Digest{prf: prfSHA1, iter: aspnetV2Iterations, salt: raw[1:17], hash: raw[17:]}, nil
}

var aspnetPRFs = [...]prfHash{prfSHA1, prfSHA256, prfSHA512}

func parseAspNetV3(digest string, l Limits) (parsed, error) {
	n, ok := b64Len(stdB64, digest)
	if !ok {
		return nil, errAspNetB64
	}
	// 0x01 and a PRF below 2^24 start "AQ". The 13-byte header is in the
	// first 20 characters (15 bytes); the shortest digest ASP.NET accepts
	// is 45 bytes.
	if len(digest) < 20 || digest[0] != 'A' || digest[1] != 'Q' {
		return nil, errAspNetV3
	}
	var head [15]byte
	var chars [20]byte
	copy(chars[:], digest)
	if _, err := stdB64.Decode(head[:], chars[:]); err != nil {
		return nil, errAspNetV3
	}
	prf := binary.BigEndian.Uint32(head[1:])
	iter := binary.BigEndian.Uint32(head[5:])
	saltLen := binary.BigEndian.Uint32(head[9:])
	if uint64(saltLen) > uint64(n-13) {
		return nil, errAspNetV3Len
	}
	subLen := n - 13 - int(saltLen)
	switch {
	case prf >= uint32(len(aspnetPRFs)):
		return nil, outOfRange("aspnet_identity_v3 PRF", prf, "0 (HMAC-SHA1), 1 (HMAC-SHA256) and 2 (HMAC-SHA512)")
	case iter < 1 || iter > math.MaxInt32:
		return nil, outOfRange("aspnet_identity_v3 iterations", iter, "1..2147483647")
	case saltLen < 16:
		return nil, outOfRange("aspnet_identity_v3 salt length", saltLen, "16 bytes and more (ASP.NET's minimum)")
	case subLen < 16:
		return nil, outOfRange("aspnet_identity_v3 subkey length", subLen, "16 bytes and more (ASP.NET's minimum): the digest looks truncated")
	}
	h := aspnetPRFs[prf]
	if err := l.limit(pbkdf2Iterations(h), "aspnet_identity_v3", "iterations", int64(iter)); err != nil {
		return nil, err
	}
	if err := checkHashLen("aspnet_identity_v3", subLen, l); err != nil {
		return nil, err
	}
	raw, _ := decodeB64(stdB64, digest)
	return &pbkdf2Digest{prf: h, iter: int(iter), salt: raw[13 : 13+saltLen], hash: raw[13+saltLen:]}, nil
}

func hashAspNetV3(password string, p *Policy) (string, error) {
	// ASP.NET Core 7+: HMAC-SHA512, 16-byte salt, 32-byte subkey; the
	// iterations are the policy's for SHA-512 (default 210,000; ASP.NET
	// writes 100,000).
	iter := int(p.Get(PBKDF2SHA512Iterations))
	salt := randomBytes(16)
	key, err := pbkdf2Key(prfSHA512, password, salt, iter, 32)
	if err != nil {
		return "", err
	}
	out := make([]byte, 13, 13+16+32)
	out[0] = 1
	binary.BigEndian.PutUint32(out[1:], 2)
	binary.BigEndian.PutUint32(out[5:], uint32(iter))
	binary.BigEndian.PutUint32(out[9:], 16)
	return base64.StdEncoding.EncodeToString(append(append(out, salt...), key...)), nil
}

// aspnet_membership_sha1: the ASP.NET (Framework 2.0 to 4.x)
// SqlMembershipProvider's hashed passwords with HashAlgorithmType SHA1, kept
// in two columns (PasswordSalt, Password) and written here as
// "<base64 salt>$<base64 hash>", like Clerk's salted forms: hash =
// SHA-1(base64-decoded salt ‖ UTF-16LE password). Membership writes 16-byte
// salts; any non-empty salt is accepted. Insecure: one SHA-1.

var (
	errMembershipShape = malformed("aspnet_membership_sha1", `want "<base64 salt>$<base64 hash>"`)
	errMembershipSalt  = malformed("aspnet_membership_sha1", "salt is not padded standard base64")
	errMembershipHash  = malformed("aspnet_membership_sha1", "hash is not padded standard base64 of 20 bytes")
	errMembershipUTF8  = fmt.Errorf("%w: aspnet_membership_sha1 takes UTF-8 passwords (a .NET string)", ErrUnsupportedPassword)
)

func parseMembership(digest string, _ Limits) (parsed, error) {
	var f [2]string
	if !splitN(digest, '$', f[:]) {
		return nil, errMembershipShape
	}
	if _, ok := b64Len(stdB64, f[0]); !ok {
		return nil, errMembershipSalt
	}
	if n, ok := b64Len(stdB64, f[1]); !ok || n != sha1.Size {
		return nil, errMembershipHash
	}
	salt, _ := decodeB64(stdB64, f[0])
	sum, _ := decodeB64(stdB64, f[1])
	return &membershipDigest{salt: salt, sum: sum}, nil
}

type membershipDigest struct{ salt, sum []byte }

func (d *membershipDigest) memory() int64       { return 0 }
func (d *membershipDigest) weaker(*Policy) bool { return true }
func (d *membershipDigest) verify(password string) (bool, error) {
	if !utf8.ValidString(password) {
		return false, nil // no .NET string; see utf16LE
	}
	pw := utf16LE(password)
	defer clear(pw)
	h := sha1.New()
	h.Write(d.salt)
	h.Write(pw)
	return equalKey(h.Sum(nil), nil, d.sum)
}

// utf16LE is password as .NET's Encoding.Unicode writes it. A password that
// is not UTF-8 is no .NET string: it would turn into U+FFFD and match any
// other such password, so Verify reports no match and Hash refuses it.
func utf16LE(s string) []byte {
	out := make([]byte, 0, 2*len(s))
	for _, u := range utf16.Encode([]rune(s)) {
		out = append(out, byte(u), byte(u>>8))
	}
	return out
}

func init() {
	register(&scheme{
		name: "aspnet_identity_v2", insecure: true, parse: parseAspNetV2,
		hash: func(password string, _ *Policy) (string, error) {
			salt := randomBytes(16)
			key, err := pbkdf2Key(prfSHA1, password, salt, aspnetV2Iterations, 32)
			return base64.StdEncoding.EncodeToString(append(append([]byte{0}, salt...), key...)), err
		},
		rank: func(string) int { return 1 }, // above the bare ldap_ssha
	})
	register(&scheme{
		name: "aspnet_identity_v3", params: []*Param{PBKDF2SHA512Iterations},
		parse: parseAspNetV3, hash: hashAspNetV3,
		rank: func(string) int { return 1 },
	})
	register(&scheme{
		name: "aspnet_membership_sha1", insecure: true, parse: parseMembership,
		hash: func(password string, _ *Policy) (string, error) {
			if !utf8.ValidString(password) {
				return "", errMembershipUTF8
			}
			salt, pw := randomBytes(16), utf16LE(password)
			defer clear(pw)
			h := sha1.New()
			h.Write(salt)
			h.Write(pw)
			return base64.StdEncoding.EncodeToString(salt) + "$" + base64.StdEncoding.EncodeToString(h.Sum(nil)), nil
		},
	})
}
