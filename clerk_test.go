package pwdigest

import (
	"crypto/hmac"
	"crypto/sha256"
	"crypto/subtle"
	"errors"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// hmacReadings names the readings of hmac_sha256_utf16_b64's key, in the
// order of hmacUTF16Digest.keys.
var hmacReadings = [3]string{"key bytes", "base64-decoded key", "ASP.NET Membership"}

// matchingReadings returns the readings of the key under which password
// matches d.
func matchingReadings(t *testing.T, digest, password string) []string {
	p, err := parseHMACUTF16(digest, nil)
	require.NoError(t, err)
	d := p.(*hmacUTF16Digest)
	var out []string
	for i, k := range d.keys {
		if k == nil {
			continue
		}
		m := hmac.New(sha256.New, k)
		m.Write(utf16LE(password))
		if subtle.ConstantTimeCompare(m.Sum(nil), d.sum) == 1 {
			out = append(out, hmacReadings[i])
		}
	}
	return out
}

// TestHMACUTF16Readings: each producer's vector matches under the reading
// its producer uses (the note says which), and the readings overlap only
// where their keys are the same bytes: a 64-byte Membership salt is both
// the base64-decoded key and the filled key (with PHP's 64-byte keys too).
// Otherwise no vector of one producer matches another producer's reading.
func TestHMACUTF16Readings(t *testing.T) {
	seen := map[string]int{}
	for _, v := range loadVectors(t)["hmac_sha256_utf16_b64"] {
		_, want, ok := strings.Cut(v.Note, "reading: ")
		require.True(t, ok, "vector without a reading note: %s", v.Digest)
		want, _, _ = strings.Cut(want, " (")
		got := matchingReadings(t, v.Digest, v.Password)
		assert.Contains(t, got, want, v.Digest)
		seen[want]++
		_, key, _ := strings.Cut(strings.TrimPrefix(v.Digest, hmacUTF16Prefix), "$")
		if dec, ok := decodeB64(stdB64, key); ok && len(dec) == 64 {
			assert.Equal(t, []string{"base64-decoded key", "ASP.NET Membership"}, got, v.Digest)
		} else {
			assert.Equal(t, []string{want}, got, "%s: only its own producer's reading", v.Digest)
		}
	}
	for _, r := range hmacReadings {
		assert.GreaterOrEqual(t, seen[r], 3, "too few vectors for the reading %q", r)
	}
}

func TestBcryptPepperedBlank(t *testing.T) {
	// From testdata/vectors/bcrypt_peppered.jsonl: Devise with an empty
	// pepper, and with "   ", hashes the password alone.
	for _, v := range loadVectors(t)["bcrypt_peppered"] {
		if !strings.Contains(v.Note, "not appended") {
			continue
		}
		plain := v.Digest[:bcryptLen]
		ok, err := Verify("bcrypt", plain, v.Password)
		require.NoError(t, err)
		assert.True(t, ok, "blank pepper: the bcrypt part is bcrypt of the password alone: %s", v.Digest)
	}
	// A present pepper is appended: the bcrypt part alone does not verify.
	d := "$2a$04$FF8l03OGXPABUWnxlQHkAekIKzwuBSchkRsIimYEEuGjU2rx2LCaW$pepper"
	ok, err := Verify("bcrypt", d[:bcryptLen], "password")
	require.NoError(t, err)
	assert.False(t, ok)
	ok, err = Verify("bcrypt", d[:bcryptLen], "passwordpepper")
	require.NoError(t, err)
	assert.True(t, ok)
	// Hash writes a blank pepper: bcrypt of the password alone.
	d, err = (&Verifier{Policy: fastPolicy}).Hash("bcrypt_peppered", "password")
	require.NoError(t, err)
	assert.True(t, strings.HasSuffix(d, "$") && len(d) == bcryptLen+1, d)
	ok, err = Verify("bcrypt", d[:bcryptLen], "password")
	require.NoError(t, err)
	assert.True(t, ok)
}

func TestSymfonyPasswordTooLong(t *testing.T) {
	d := "sha512_symfony$5000$x7j5rqqgtw4daziut45u4mds0srbs9z$VhX688WCZ2FBOwdJEjvfvlbARoW6kkpMH3gAtgIHIUnyR3/F15FYHE6pz6hnFb0PfS30K+fglQnLHaFoSrxM1w=="
	ok, err := Verify("sha512_symfony", d, strings.Repeat("a", 4096))
	assert.NoError(t, err, "4096 bytes is Symfony's maximum")
	assert.False(t, ok)
	long := strings.Repeat("a", 4097)
	ok, err = Verify("sha512_symfony", d, long)
	assert.False(t, ok)
	checkSentinelError(t, err, ErrPasswordTooLong)
	assert.NotContains(t, err.Error(), long)
	_, err = Hash("sha512_symfony", long)
	assert.True(t, errors.Is(err, ErrPasswordTooLong), "%v", err)
}

func TestSaltedBothSplits(t *testing.T) {
	// From the vectors: a hex salt as long as the hash, "hash$salt" shape.
	for _, name := range []string{"md5_salted", "sha256_salted"} {
		n := 0
		for _, v := range loadVectors(t)[name] {
			if !strings.Contains(v.Note, "both splits") {
				continue
			}
			n++
			p, err := Default.limitsParse(name, v.Digest)
			require.NoError(t, err)
			assert.Equal(t, 2, p.(*clerkSaltedDigest).n, "both fields can be the hash: %s", v.Digest)
			ok, err := Verify(name, v.Digest, v.Password)
			require.NoError(t, err)
			assert.True(t, ok)
		}
		assert.Equal(t, 1, n, name)
	}
}

// limitsParse parses digest as hasher under v's limits.
func (v *Verifier) limitsParse(hasher, digest string) (parsed, error) {
	_, p, err := v.check(hasher, digest)
	return p, err
}

// TestClerkNames: every password_hasher name Clerk accepts (its SDKs'
// UserPasswordHashingParams, the migration tool's types) is registered.
func TestClerkNames(t *testing.T) {
	names := []string{
		"argon2i", "argon2id", "awscognito", "bcrypt", "bcrypt_peppered", "bcrypt_sha256_django",
		"hmac_sha256_utf16_b64", "ldap_ssha", "md5", "md5_phpass", "md5_salted", "phpass", "pbkdf2_sha1",
		"pbkdf2_sha256", "pbkdf2_sha256_django", "pbkdf2_sha512", "pbkdf2_sha512_hex", "scrypt_firebase",
		"scrypt_werkzeug", "sha256", "sha256_salted", "sha512_symfony",
	}
	assert.Len(t, names, 22)
	for _, n := range names {
		_, err := Lookup(n)
		assert.NoError(t, err, n)
	}
	for n, insecure := range map[string]bool{
		"bcrypt_peppered": false, "md5_phpass": false, "pbkdf2_sha512_hex": false,
		"md5_salted": true, "sha256_salted": true, "hmac_sha256_utf16_b64": true, "sha512_symfony": true,
		"awscognito": true,
	} {
		assert.Equal(t, insecure, Insecure(n), n)
	}
}

func TestCognitoNotEnabled(t *testing.T) {
	row := "awscognito#us-east-1_AbCdEf123#1example23456789abcdefghij#alice@example.com"
	require.NoError(t, Check("awscognito", row))
	ok, err := Verify("awscognito", row, "password")
	assert.False(t, ok)
	checkSentinelError(t, err, ErrRemote)
	assert.Contains(t, err.Error(), "cognito.Enable", "the error says how to enable it")
	weak, err := NeedsRehash("awscognito", row)
	assert.NoError(t, err)
	assert.True(t, weak)
	assert.Equal(t, []string{"awscognito"}, Identify(row))
	_, err = Hash("awscognito", "password")
	assert.Error(t, err)
}

// TestHMACUTF16OrderFree: the readings are tried in any order with the same
// result, for the right and a wrong password of every vector.
func TestHMACUTF16OrderFree(t *testing.T) {
	perms := [][3]int{{0, 1, 2}, {0, 2, 1}, {1, 0, 2}, {1, 2, 0}, {2, 0, 1}, {2, 1, 0}}
	for _, v := range loadVectors(t)["hmac_sha256_utf16_b64"] {
		p, err := parseHMACUTF16(v.Digest, nil)
		require.NoError(t, err)
		d := p.(*hmacUTF16Digest)
		for _, pw := range []string{v.Password, v.Password + "!"} {
			want, err := d.verify(pw)
			require.NoError(t, err)
			assert.Equal(t, pw == v.Password, want)
			for _, perm := range perms {
				q := &hmacUTF16Digest{sum: d.sum}
				for i, j := range perm {
					q.keys[i] = d.keys[j]
				}
				got, err := q.verify(pw)
				require.NoError(t, err)
				assert.Equal(t, want, got, "%s, order %v", v.Digest, perm)
			}
		}
	}
}
