package pwdigest

import (
	"crypto/sha512"
	"crypto/subtle"
	"encoding/base64"
	"fmt"
	"math"
	"strconv"
	"strings"
)

// sha512_symfony: "sha512_symfony$<iterations>$<salt>$<base64 hash>",
// Symfony's legacy MessageDigestPasswordEncoder / MessageDigestPasswordHasher
// with sha512 and base64 output (FOSUserBundle's default). The input is
// "password{salt}", or the password alone when the salt is one PHP treats as
// false ("" or "0": mergePasswordAndSalt starts with `if (!$salt)`); the
// digest is sha512(input), then iterations-1 more times
// sha512(digest + input). The salt is everything between the iterations and
// the last "$"; Symfony refuses a salt with "{" or "}", so such digests are
// malformed. Symfony refuses passwords over 4096 bytes
// (PasswordHasherInterface::MAX_PASSWORD_LENGTH): so does Verify, with
// ErrPasswordTooLong. Insecure: upgrade on sign-in.

const (
	symfonyPrefix      = "sha512_symfony$"
	symfonyMaxPassword = 4096
)

// SymfonyIterations is sha512_symfony's iteration count.
var SymfonyIterations = newParam(Param{
	Name: "sha512_symfony.iterations",
	Doc: "Symfony MessageDigestPasswordHasher's sha512 iterations; limit 1,000,000 (Symfony and " +
		"FOSUserBundle write 5000; a million cost about what PBKDF2-SHA512's limit does, 1 to 2 s)",
	Min: 1, Max: math.MaxInt32, Limit: 1_000_000,
})

// symfonyHashIterations is what Hash writes: Symfony's default. Insecure
// digests are for tests only, so it is no Policy value.
const symfonyHashIterations = 5000

func init() {
	register(&scheme{name: "sha512_symfony", insecure: true, parse: parseSymfony, hash: hashSymfony})
}

var (
	errSymfonyShape = malformed("sha512_symfony", `want "sha512_symfony$<iterations>$<salt>$<base64 hash>"`)
	errSymfonyIter  = malformed("sha512_symfony", "iterations are not a canonical decimal")
	errSymfonySalt  = malformed("sha512_symfony", `salt holds "{" or "}" (Symfony refuses it), a control character or is not UTF-8`)
	errSymfonyHash  = malformed("sha512_symfony", "hash is not padded standard base64 of 64 bytes")
)

type symfonyDigest struct {
	iter int
	salt string
	sum  []byte
}

func parseSymfony(digest string, l Limits) (parsed, error) {
	rest, ok := strings.CutPrefix(digest, symfonyPrefix)
	i, j := strings.IndexByte(rest, '$'), strings.LastIndexByte(rest, '$')
	if !ok || i < 0 || i == j {
		return nil, errSymfonyShape
	}
	iter, ok := parseCount(rest[:i])
	if !ok {
		return nil, errSymfonyIter
	}
	salt, sum := rest[i+1:j], rest[j+1:]
	if !validSaltText(salt) || strings.ContainsAny(salt, "{}") {
		return nil, errSymfonySalt
	}
	if n, ok := b64Len(stdB64, sum); !ok || n != sha512.Size {
		return nil, errSymfonyHash
	}
	if err := l.check(SymfonyIterations, "sha512_symfony", "iterations", int64(iter)); err != nil {
		return nil, err
	}
	d := &symfonyDigest{iter: iter, salt: salt}
	d.sum, _ = decodeB64(stdB64, sum)
	return d, nil
}

func (d *symfonyDigest) memory() int64       { return 0 }
func (d *symfonyDigest) weaker(*Policy) bool { return true }

func (d *symfonyDigest) verify(password string) (bool, error) {
	if len(password) > symfonyMaxPassword {
		return false, symfonyTooLong(len(password))
	}
	got := symfonySum(password, d.salt, d.iter)
	ok := subtle.ConstantTimeCompare(got[:], d.sum) == 1
	clear(got[:])
	return ok, nil
}

func symfonyTooLong(n int) error {
	return fmt.Errorf("%w: %d bytes, Symfony takes at most %d", ErrPasswordTooLong, n, symfonyMaxPassword)
}

// symfonySum is MessageDigestPasswordHasher::hash for sha512.
func symfonySum(password, salt string, iter int) [sha512.Size]byte {
	// buf holds digest + input; the input is password{salt} or the password.
	buf := make([]byte, sha512.Size, sha512.Size+len(password)+len(salt)+2)
	buf = append(buf, password...)
	if salt != "" && salt != "0" {
		buf = append(append(append(buf, '{'), salt...), '}')
	}
	sum := sha512.Sum512(buf[sha512.Size:])
	for i := 1; i < iter; i++ {
		copy(buf, sum[:])
		sum = sha512.Sum512(buf)
	}
	clear(buf)
	return sum
}

// hashSymfony writes a digest with Symfony's default 5000 iterations and a
// salt like FOSUserBundle's: 31 characters of base 36.
func hashSymfony(password string, _ *Policy) (string, error) {
	if len(password) > symfonyMaxPassword {
		return "", symfonyTooLong(len(password))
	}
	iter := symfonyHashIterations
	salt := randomString(31, "0123456789abcdefghijklmnopqrstuvwxyz")
	sum := symfonySum(password, salt, iter)
	return symfonyPrefix + strconv.Itoa(iter) + "$" + salt + "$" + base64.StdEncoding.EncodeToString(sum[:]), nil
}
