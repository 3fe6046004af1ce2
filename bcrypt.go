package pwdigest

import (
	"bytes"
	"fmt"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/pwdigest/pwdigest/internal/bcryptcore"
)

// bcrypt: "$2b$" + two-digit cost + "$" + 22 characters of salt + 31 of
// hash, in bcrypt's base64 alphabet "./A-Za-z0-9". The minor versions $2a$
// (passlib, older PHP), $2b$ (OpenBSD, pyca bcrypt) and $2y$ (PHP
// password_hash) compute the same function; $2$ (no NUL after the password)
// and $2x$ (crypt_blowfish's sign-extension bug) are legacy, computed as
// their producers did. The computation is internal/bcryptcore.

const bcryptMaxPassword = 72 // bytes of password bcrypt uses

// BcryptCost is the cost of bcrypt and the schemes built on it
// (bcrypt_sha256_django, wordpress).
var BcryptCost = newParam(Param{
	Name: "bcrypt.cost",
	Doc: "bcrypt's log2 rounds; limit 16 (about 4 s), producers default to 10..12; " +
		"policy 12, what OWASP and Clerk use",
	Min: 4, Max: 31, Limit: 16, Policy: 12,
})

func init() {
	register(&scheme{
		name:   "bcrypt",
		params: []*Param{BcryptCost},
		parse:  parseBcrypt,
		hash: func(password string, p *Policy) (string, error) {
			return hashBcrypt([]byte(password), int(p.Get(BcryptCost)))
		},
	})
}

var (
	errBcryptShape = malformed("bcrypt", `want "$2b$" + 2-digit cost + "$" + 53 characters`)
	errBcryptMinor = malformed("bcrypt", "unknown version, want $2$, $2a$, $2b$, $2x$ or $2y$")
	errBcryptCost  = malformed("bcrypt", "cost is not two digits")
	errBcryptChars = malformed("bcrypt", "salt or hash has a character outside bcrypt's base64")
	errBcryptBits  = malformed("bcrypt", "salt or hash has non-zero trailing bits")
)

type bcryptDigest struct {
	minor byte // 0 for "$2$"
	cost  int
	salt  string // 22 characters
	hash  string // 31 characters
}

func parseBcrypt(digest string, l Limits) (parsed, error) {
	if len(digest) < 4 || digest[0] != '$' || digest[1] != '2' {
		return nil, errBcryptShape
	}
	var minor byte
	rest := digest[2:]
	switch rest[0] {
	case '$':
		rest = rest[1:]
	case 'a', 'b', 'x', 'y':
		if rest[1] != '$' {
			return nil, errBcryptMinor
		}
		minor, rest = rest[0], rest[2:]
	default:
		return nil, errBcryptMinor
	}
	if len(rest) != 2+1+53 || rest[2] != '$' {
		return nil, errBcryptShape
	}
	if rest[0] < '0' || rest[0] > '9' || rest[1] < '0' || rest[1] > '9' {
		return nil, errBcryptCost
	}
	cost := int(rest[0]-'0')*10 + int(rest[1]-'0')
	salt, hash := rest[3:25], rest[25:]
	if err := checkBcryptB64(salt, 4); err != nil {
		return nil, err
	}
	if err := checkBcryptB64(hash, 2); err != nil {
		return nil, err
	}
	if err := l.check(BcryptCost, "bcrypt", "cost", int64(cost)); err != nil {
		return nil, err
	}
	// Allocated only once every check has passed.
	return &bcryptDigest{minor: minor, cost: cost, salt: salt, hash: hash}, nil
}

// checkBcryptB64 checks s is in bcrypt's alphabet and that its last
// character carries no bits beyond the encoded bytes (unused is the number
// of low bits it must leave zero: 4 for the 16-byte salt, 2 for the 23-byte
// hash). Producers always write those bits as zero, and re-encode on
// verify, so a digest with them set never verifies anywhere.
func checkBcryptB64(s string, unused uint) error {
	for i := 0; i < len(s); i++ {
		if bcryptIndex(s[i]) < 0 {
			return errBcryptChars
		}
	}
	if bcryptIndex(s[len(s)-1])&(1<<unused-1) != 0 {
		return errBcryptBits
	}
	return nil
}

func bcryptIndex(c byte) int {
	switch {
	case c == '.':
		return 0
	case c == '/':
		return 1
	case c >= 'A' && c <= 'Z':
		return int(c-'A') + 2
	case c >= 'a' && c <= 'z':
		return int(c-'a') + 28
	case c >= '0' && c <= '9':
		return int(c-'0') + 54
	}
	return -1
}

func (d *bcryptDigest) memory() int64         { return 0 }
func (d *bcryptDigest) weaker(p *Policy) bool { return int64(d.cost) < p.Get(BcryptCost) }

func (d *bcryptDigest) verify(password string) (bool, error) {
	pw := passwordCopy(password)
	defer clear(pw)
	return d.verifyBytes(pw)
}

func (d *bcryptDigest) verifyBytes(password []byte) (bool, error) {
	salt, err1 := bcryptcore.Decode(d.salt, bcryptcore.SaltSize)
	want, err2 := bcryptcore.Decode(d.hash, bcryptcore.Size)
	if err1 != nil || err2 != nil {
		return false, errBcryptChars // parse checked both: unreachable
	}
	// Every producer uses only the first 72 bytes.
	if len(password) > bcryptMaxPassword {
		password = password[:bcryptMaxPassword]
	}
	got, err := bcryptcore.Hash(password, salt, d.cost, d.minor)
	if ok, err := equalKey(got, err, want); ok || err != nil {
		return ok, err
	}
	// "$2a$" has two meanings for a few non-UTF-8 passwords (bytes 0xff then
	// >= 0x80): OpenBSD's and pyca's, above, and PHP's crypt_blowfish, which
	// applies a countermeasure. Both producers' digests verify.
	if d.minor == 'a' && bcryptcore.PHPSafetyApplies(password) {
		got, err = bcryptcore.Hash(password, salt, d.cost, bcryptcore.MinorPHP2a)
		return equalKey(got, err, want)
	}
	return false, nil
}

// hashBcrypt writes a "$2b$" digest, as OpenBSD and pyca bcrypt do.
func hashBcrypt(password []byte, cost int) (string, error) {
	if len(password) > bcryptMaxPassword {
		return "", fmt.Errorf("%w: %d bytes, bcrypt takes at most %d", ErrPasswordTooLong, len(password), bcryptMaxPassword)
	}
	if bytes.IndexByte(password, 0) >= 0 {
		return "", fmt.Errorf("%w: bcrypt's producers stop at or refuse a NUL byte", ErrUnsupportedPassword)
	}
	if cost < bcryptcore.MinCost || cost > bcryptcore.MaxCost {
		return "", outOfRange("bcrypt cost", cost, "04..31")
	}
	salt := randomBytes(bcryptcore.SaltSize)
	sum, err := bcryptcore.Hash(password, salt, cost, 'b')
	if err != nil {
		return "", err
	}
	return fmt.Sprintf("$2b$%02d$%s%s", cost, bcryptcore.Encoding.EncodeToString(salt), bcryptcore.Encoding.EncodeToString(sum)), nil
}

// bcrypt_peppered: Devise's bcrypt with a pepper, as Clerk takes it: the
// 60-character bcrypt digest ("$2a$", "$2b$" or "$2y$" only), "$", then the
// pepper, which is everything after that "$" and may hold "$" itself.
// Devise::Encryptor.digest hashes password + pepper when the pepper is
// present? (ActiveSupport: not empty, not only whitespace), else the
// password alone; ruby-bcrypt uses the first 72 bytes of that, as bcrypt
// does. Hash writes a blank pepper (the digest ends in "$"): the pepper is
// the application's secret, which pwdigest does not have, and such a digest
// verifies in a Devise app without one. Store new digests as plain bcrypt.

func init() {
	register(&scheme{
		name: "bcrypt_peppered", params: []*Param{BcryptCost}, parse: parseBcryptPeppered,
		hash: func(password string, p *Policy) (string, error) {
			d, err := hashBcrypt([]byte(password), int(p.Get(BcryptCost)))
			return d + "$", err
		},
	})
}

const bcryptLen = 60 // "$2b$" + 2-digit cost + "$" + 53

var (
	errPepperedShape  = malformed("bcrypt_peppered", `want a "$2a$", "$2b$" or "$2y$" bcrypt digest, "$", then the pepper`)
	errPepperedMinor  = malformed("bcrypt_peppered", "bcrypt version is not $2a$, $2b$ or $2y$")
	errPepperedPepper = malformed("bcrypt_peppered", "pepper is not UTF-8 or holds a NUL or line break")
)

type bcryptPepperedDigest struct {
	*bcryptDigest
	pepper string // "" when blank: not appended
}

func parseBcryptPeppered(digest string, l Limits) (parsed, error) {
	if len(digest) < bcryptLen+1 || digest[bcryptLen] != '$' {
		return nil, errPepperedShape
	}
	if digest[0] != '$' || digest[1] != '2' || digest[3] != '$' {
		return nil, errPepperedShape
	}
	if m := digest[2]; m != 'a' && m != 'b' && m != 'y' {
		return nil, errPepperedMinor
	}
	pepper := digest[bcryptLen+1:]
	if !utf8.ValidString(pepper) || strings.ContainsAny(pepper, "\x00\r\n") {
		return nil, errPepperedPepper
	}
	p, err := parseBcrypt(digest[:bcryptLen], l)
	if err != nil {
		return nil, err
	}
	if isBlank(pepper) {
		pepper = ""
	}
	return &bcryptPepperedDigest{p.(*bcryptDigest), pepper}, nil
}

// isBlank is ActiveSupport's String#blank?: empty or only whitespace
// (/\A[[:space:]]*\z/, Unicode White_Space, which unicode.IsSpace follows).
func isBlank(s string) bool {
	return strings.TrimFunc(s, unicode.IsSpace) == ""
}

func (d *bcryptPepperedDigest) verify(password string) (bool, error) {
	// password + pepper, cut to bcrypt's 72 bytes before it is copied, so a
	// long password costs no more than a short one.
	n := min(len(password)+len(d.pepper), bcryptMaxPassword)
	buf := make([]byte, 0, n)
	buf = append(buf, password[:min(len(password), n)]...)
	buf = append(buf, d.pepper[:n-len(buf)]...)
	ok, err := d.verifyBytes(buf)
	clear(buf)
	return ok, err
}
