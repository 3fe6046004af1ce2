package pwdigest

import (
	"fmt"
	"math"
)

// The limits on stored hash lengths, shared by every format whose hash (or
// derived key) length is variable: pbkdf2_sha256, pbkdf2_sha512,
// pbkdf2_sha1's hex form, scrypt_werkzeug, scrypt_firebase's signer key and
// the argon2 hashers. The length is the decoded hash in bytes.
var (
	MinHashBytes = newParam(Param{
		Name: "hash.min-bytes",
		Doc: "the shortest stored hash in bytes; default 16: producers write 16 to 64, " +
			"a shorter one is a digest cut by a VARCHAR column or an export and lets wrong passwords in",
		Min: 0, Max: math.MaxInt32, Limit: 16, floor: true,
	})
	MaxHashBytes = newParam(Param{
		Name: "hash.max-bytes",
		Doc: "the longest stored hash in bytes; default 1024: producers write at most 64, " +
			"and every extra block of a PBKDF2 key costs its iterations again",
		Min: 1, Max: math.MaxInt32, Limit: 1024,
	})
)

// checkHashLen applies MinHashBytes and MaxHashBytes to a stored hash of n
// bytes in a digest of the hasher name.
func checkHashLen(name string, n int, l Limits) error {
	if err := l.limit(MinHashBytes, name, "hash length", int64(n)); err != nil {
		return err
	}
	return l.limit(MaxHashBytes, name, "hash length", int64(n))
}

// overLimit is the error for a parameter above a configured limit.
func overLimit(p *Param, what string, got, limit int64) error {
	return fmt.Errorf("%w: %s %d is above the limit %d (%s)", ErrParamsOutOfRange, what, got, limit, p.Name)
}

// belowFloor is the error for a value below a floor: a hash shorter than
// MinHashBytes.
func belowFloor(p *Param, what string, got, limit int64) error {
	return fmt.Errorf("%w: %s %d is below the limit %d (%s): the digest looks truncated", ErrParamsOutOfRange, what, got, limit, p.Name)
}

// outOfRange is the error for a parameter outside what the scheme allows.
func outOfRange(what string, got any, allowed string) error {
	return fmt.Errorf("%w: %s %v is outside %s", ErrParamsOutOfRange, what, got, allowed)
}

// digestError is a fixed error wrapping a sentinel. Parse errors are
// package-level values of it, so rejecting a malformed digest allocates
// nothing.
type digestError struct {
	kind error
	msg  string
}

func (e *digestError) Error() string { return e.msg }
func (e *digestError) Unwrap() error { return e.kind }

// malformed makes the error for a digest that does not parse. Call it at
// package level only.
func malformed(hasher, why string) error {
	return &digestError{ErrMalformedDigest, "pwdigest: malformed digest: " + hasher + ": " + why}
}
