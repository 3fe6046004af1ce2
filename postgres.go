package pwdigest

import (
	"crypto/hmac"
	"crypto/sha256"
	"crypto/subtle"
	"encoding/base64"
	"math"
	"strconv"
	"strings"

	"github.com/pwdigest/pwdigest/internal/saslprep"
)

// postgres_scram_sha256: PostgreSQL 10+'s SCRAM secret, as pg_authid.rolpassword
// keeps it (password_encryption = 'scram-sha-256', the default since 14):
//
//	SCRAM-SHA-256$<iterations>:<base64 salt>$<base64 StoredKey>:<base64 ServerKey>
//
// per RFC 5802 and RFC 7677: SaltedPassword = PBKDF2-HMAC-SHA256(password,
// salt, iterations, 32), StoredKey = SHA-256(HMAC(SaltedPassword, "Client
// Key")), ServerKey = HMAC(SaltedPassword, "Server Key"). The password is
// first prepared by SASLprep exactly as PostgreSQL's pg_saslprep does it
// (internal/saslprep); a password it refuses, invalid UTF-8 included, is
// used as its raw bytes, as PostgreSQL does. Verify checks both keys
// (PostgreSQL's plain-password check compares ServerKey; a digest whose
// StoredKey does not belong to it could not be used for SCRAM sign-in).
//
// Base64 is standard with padding, as PostgreSQL writes it; the salt is 1
// to 1024 bytes (PostgreSQL writes 16), the keys 32 bytes each. Iterations
// are a canonical decimal from 1 (PostgreSQL 15 writes 4096; 16+ take
// scram_iterations up to 2^31-1), capped by ScramIterations.

const scramKeyLen = sha256.Size

var (
	errScramShape = malformed("postgres_scram_sha256", `want "SCRAM-SHA-256$<iterations>:<salt>$<StoredKey>:<ServerKey>"`)
	errScramIter  = malformed("postgres_scram_sha256", "iterations are not a canonical decimal")
	errScramSalt  = malformed("postgres_scram_sha256", "salt is not padded standard base64 of at least one byte")
	errScramKey   = malformed("postgres_scram_sha256", "StoredKey or ServerKey is not padded standard base64 of 32 bytes")
)

// ScramIterations is the iteration count of postgres_scram_sha256.
var ScramIterations = newParam(Param{
	Name: "scram.iterations",
	Doc: "PostgreSQL SCRAM-SHA-256 iterations (PBKDF2-HMAC-SHA256); limit 3,000,000, as pbkdf2.sha256.iterations; " +
		"policy 4096, PostgreSQL's default (scram_iterations in 16+)",
	Min: 1, Max: math.MaxInt32, Limit: 3_000_000, Policy: 4096,
})

func init() {
	register(&scheme{name: "postgres_scram_sha256", params: []*Param{ScramIterations}, parse: parseScram, hash: hashScram})
}

type scramDigest struct {
	iter              int
	salt              []byte
	storedKey, server [scramKeyLen]byte
}

func parseScram(digest string, l Limits) (parsed, error) {
	rest, ok := strings.CutPrefix(digest, "SCRAM-SHA-256$")
	var f [2]string
	if !ok || !splitN(rest, '$', f[:]) {
		return nil, errScramShape
	}
	var a, b [2]string
	if !splitN(f[0], ':', a[:]) || !splitN(f[1], ':', b[:]) {
		return nil, errScramShape
	}
	iter, ok := parseDecimal(a[0], math.MaxUint64)
	if !ok {
		return nil, errScramIter
	}
	saltLen := base64.StdEncoding.DecodedLen(len(a[1]))
	if len(a[1]) == 0 || len(a[1])%4 != 0 || saltLen > 1024 {
		return nil, errScramSalt
	}
	var stored, server [scramKeyLen]byte
	if !decodeScramKey(&stored, b[0]) || !decodeScramKey(&server, b[1]) {
		return nil, errScramKey
	}
	// The salt is decoded onto the stack first, so that a malformed digest
	// allocates nothing.
	var buf [1024]byte
	n, err := base64.StdEncoding.Strict().Decode(buf[:], []byte(a[1]))
	if err != nil || n == 0 {
		return nil, errScramSalt
	}
	if iter > math.MaxInt32 {
		return nil, outOfRange("postgres_scram_sha256 iterations", iter, "1..2147483647")
	}
	if err := l.check(ScramIterations, "postgres_scram_sha256", "iterations", int64(iter)); err != nil {
		return nil, err
	}
	return &scramDigest{iter: int(iter), salt: append([]byte(nil), buf[:n]...), storedKey: stored, server: server}, nil
}

func decodeScramKey(dst *[scramKeyLen]byte, s string) bool {
	if len(s) != base64.StdEncoding.EncodedLen(scramKeyLen) {
		return false
	}
	var buf [scramKeyLen + 2]byte
	n, err := base64.StdEncoding.Strict().Decode(buf[:], []byte(s))
	copy(dst[:], buf[:scramKeyLen])
	return err == nil && n == scramKeyLen
}

// scramPassword is the password PostgreSQL derives the secret from.
func scramPassword(password string) string {
	if p, ok := saslprep.Prepare(password); ok {
		return p
	}
	return password
}

// scramKeys computes StoredKey and ServerKey.
func scramKeys(password string, salt []byte, iter int) (stored, server [scramKeyLen]byte, err error) {
	salted, err := pbkdf2Key(prfSHA256, scramPassword(password), salt, iter, scramKeyLen)
	if err != nil {
		return stored, server, err
	}
	defer clear(salted)
	mac := hmac.New(sha256.New, salted)
	mac.Write([]byte("Client Key"))
	client := mac.Sum(nil)
	defer clear(client)
	stored = sha256.Sum256(client)
	mac = hmac.New(sha256.New, salted)
	mac.Write([]byte("Server Key"))
	mac.Sum(server[:0])
	return stored, server, nil
}

func (d *scramDigest) memory() int64 { return 0 }

func (d *scramDigest) weaker(p *Policy) bool { return int64(d.iter) < p.Get(ScramIterations) }

func (d *scramDigest) verify(password string) (bool, error) {
	stored, server, err := scramKeys(password, d.salt, d.iter)
	if err != nil {
		return false, err
	}
	ok := subtle.ConstantTimeCompare(stored[:], d.storedKey[:]) & subtle.ConstantTimeCompare(server[:], d.server[:])
	clear(stored[:])
	clear(server[:])
	return ok == 1, nil
}

// hashScram writes what PostgreSQL writes: a 16-byte salt and the policy's
// iterations (PostgreSQL's default 4096).
func hashScram(password string, p *Policy) (string, error) {
	iter := int(p.Get(ScramIterations))
	salt := randomBytes(16)
	stored, server, err := scramKeys(password, salt, iter)
	if err != nil {
		return "", err
	}
	b64 := base64.StdEncoding
	return "SCRAM-SHA-256$" + strconv.Itoa(iter) + ":" + b64.EncodeToString(salt) + "$" +
		b64.EncodeToString(stored[:]) + ":" + b64.EncodeToString(server[:]), nil
}
