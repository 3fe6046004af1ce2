package pwdigest

import (
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// Issue 13's formats: Identify's orders where formats overlap, Insecure,
// NeedsRehash and the delegation of ldap_crypt.

func TestIdentifyFormats(t *testing.T) {
	for _, c := range []struct {
		digest string
		want   []string
	}{
		// slappasswd {SSHA}, and the same value bare (Clerk's form).
		{"{SSHA}J4xECdZZXoUD4xDfxiVq5ri6Cq+iQ3FY", []string{"ldap_ssha"}},
		{"{ssha}J4xECdZZXoUD4xDfxiVq5ri6Cq+iQ3FY", []string{"ldap_ssha"}},
		{"J4xECdZZXoUD4xDfxiVq5ri6Cq+iQ3FY", []string{"ldap_ssha"}},
		// A hex md5 digest is never a bare SSHA value.
		{"8743b52063cd84097a65d1633f5c74f5", []string{"md5"}},
		{"{CRYPT}$1$CNrDfdAC$w9tkH6A9oitkS4evE4St30", []string{"ldap_crypt"}},
		{"{PBKDF2}10000$N53q/TYSSKyMvGwZD4W9Ow$tP5XiwBtOnFeIZ.6zlWSdnxZgls", []string{"ldap_pbkdf2_sha1"}},
		{"{PKCS5S2}kapQNhs9OuhVv+qUj7r6hNRMj7pYTSvw0K4xzzxdRfSagVHI1LOqLsI7ysA1dnhc", []string{"atlassian_pbkdf2_sha1"}},
		// ASP.NET Identity's blobs are base64 too: the bare ldap_ssha
		// reading comes last (npm aspnetcore-identity-password-hasher's
		// published vectors).
		{"ANuQywFHdT6GVuXGl4TXfmi5TUoR45Cizppo6FN3IqeGUzHoVXAL51x6GHiAWpavVQ==", []string{"aspnet_identity_v2", "ldap_ssha"}},
		{"AQAAAAEAACcQAAAAEFu4dWKdwFM0edzCkR9GmR8p6ICQ4x7B9sishNgunrQ82vocwJ6QBa0uhqGmNYOKrg==", []string{"aspnet_identity_v3", "ldap_ssha"}},
		{"4hCFMF1EIECMyp9DUnUX3g==$9ljmPLK8BMNSzZxA7yEMFpHSZas=", []string{"aspnet_membership_sha1"}},
	} {
		assert.Equal(t, c.want, Identify(c.digest), c.digest)
	}
}

func TestFormatsInsecure(t *testing.T) {
	for _, n := range []string{"ldap_ssha", "ldap_ssha256", "ldap_ssha512", "ldap_smd5", "ldap_sha", "ldap_md5",
		"aspnet_identity_v2", "aspnet_membership_sha1"} {
		assert.True(t, Insecure(n), n)
	}
	for _, n := range []string{"ldap_crypt", "ldap_pbkdf2_sha1", "ldap_pbkdf2_sha256", "ldap_pbkdf2_sha512", "atlassian_pbkdf2_sha1",
		"aspnet_identity_v3"} {
		assert.False(t, Insecure(n), n)
	}
}

func TestLDAPCryptDelegates(t *testing.T) {
	// The method's own verdicts: md5-crypt is insecure, sha512-crypt at
	// the policy's rounds is not weak, below them it is.
	weak, err := NeedsRehash("ldap_crypt", "{CRYPT}$1$CNrDfdAC$w9tkH6A9oitkS4evE4St30")
	require.NoError(t, err)
	assert.True(t, weak)
	v := &Verifier{Policy: Policy{Costs: map[*Param]int64{CryptRounds: 1000}}}
	d, err := v.Hash("ldap_crypt", "pässwörd")
	require.NoError(t, err)
	require.True(t, strings.HasPrefix(d, "{CRYPT}$6$rounds=1000$"), d)
	weak, err = v.NeedsRehash("ldap_crypt", d)
	require.NoError(t, err)
	assert.False(t, weak)
	weak, err = NeedsRehash("ldap_crypt", d)
	require.NoError(t, err)
	assert.True(t, weak, "1000 rounds is below the default policy")
	ok, err := v.Verify("ldap_crypt", d, "pässwörd")
	require.NoError(t, err)
	assert.True(t, ok)
	// A limit of the method applies through the prefix.
	_, err = (&Verifier{Limits: Limits{CryptRounds: 999}}).Verify("ldap_crypt", d, "x")
	assert.ErrorIs(t, err, ErrParamsOutOfRange)
}

func TestLDAPPBKDF2NeedsRehash(t *testing.T) {
	const d = "{PBKDF2-SHA256}10000$oq7etveFJvV2KZ72.ETN7g$u1IfSDDjD/FEgsVLwbLi85xLgCjKyuxnH.NeF8Tp0Hk"
	weak, err := NeedsRehash("ldap_pbkdf2_sha256", d)
	require.NoError(t, err)
	assert.True(t, weak, "pw-pbkdf2's 10000 iterations are below the default policy")
	weak, err = (&Verifier{Policy: Policy{Costs: map[*Param]int64{PBKDF2SHA256Iterations: 10000}}}).NeedsRehash("ldap_pbkdf2_sha256", d)
	require.NoError(t, err)
	assert.False(t, weak)
	_, err = (&Verifier{Limits: Limits{PBKDF2SHA256Iterations: 9999}}).Verify("ldap_pbkdf2_sha256", d, "password")
	assert.ErrorIs(t, err, ErrParamsOutOfRange)
}

func TestAspNetV3NeedsRehash(t *testing.T) {
	// HMAC-SHA256, 10000 iterations (ASP.NET Core 2 to 6).
	const d = "AQAAAAEAACcQAAAAEFu4dWKdwFM0edzCkR9GmR8p6ICQ4x7B9sishNgunrQ82vocwJ6QBa0uhqGmNYOKrg=="
	weak, err := NeedsRehash("aspnet_identity_v3", d)
	require.NoError(t, err)
	assert.True(t, weak)
	v := &Verifier{Policy: Policy{Costs: map[*Param]int64{PBKDF2SHA256Iterations: 10000}}}
	weak, err = v.NeedsRehash("aspnet_identity_v3", d)
	require.NoError(t, err)
	assert.False(t, weak)
	_, err = (&Verifier{Limits: Limits{PBKDF2SHA256Iterations: 9999}}).Verify("aspnet_identity_v3", d, "test123")
	assert.ErrorIs(t, err, ErrParamsOutOfRange)
}

func TestAspNetMembershipUTF8(t *testing.T) {
	// Two passwords that are not UTF-8 would both be U+FFFD in UTF-16.
	d, err := Hash("aspnet_membership_sha1", "\ufffd")
	require.NoError(t, err)
	ok, err := Verify("aspnet_membership_sha1", d, "\xff")
	require.NoError(t, err)
	assert.False(t, ok)
	_, err = Hash("aspnet_membership_sha1", "\xff")
	assert.ErrorIs(t, err, ErrUnsupportedPassword)
}

// springFixtures reads testdata/spring/<name>.jsonl: Spring Security's
// {noop} digests and its digests of the empty password (gen_spring.py).
func springFixtures(t *testing.T, name string) []vector {
	t.Helper()
	b, err := os.ReadFile(filepath.Join("testdata", "spring", name+".jsonl"))
	require.NoError(t, err)
	var out []vector
	for _, line := range strings.Split(strings.TrimSpace(string(b)), "\n") {
		var v vector
		require.NoError(t, json.Unmarshal([]byte(line), &v))
		out = append(out, v)
	}
	require.NotEmpty(t, out)
	return out
}

func TestSpringNoop(t *testing.T) {
	allow := &Verifier{Limits: Limits{SpringNoop: 1}}
	for _, v := range springFixtures(t, "noop") {
		_, err := Verify("spring_delegating", v.Digest, v.Password)
		checkSentinelError(t, err, ErrParamsOutOfRange, v.Digest)
		assert.Equal(t, []string{"spring_delegating"}, Identify(v.Digest))
		ok, err := allow.Verify("spring_delegating", v.Digest, v.Password)
		require.NoError(t, err)
		assert.True(t, ok, v.Digest)
		ok, err = allow.Verify("spring_delegating", v.Digest, v.Password+"!")
		require.NoError(t, err)
		assert.False(t, ok, v.Digest)
		ok, up, err := allow.VerifyAndUpgrade("spring_delegating", v.Digest, v.Password)
		require.NoError(t, err)
		assert.True(t, ok)
		assert.True(t, strings.HasPrefix(up, "$2b$"), "plain text is upgraded: %q", up)
	}
}

func TestSpringEmptyPassword(t *testing.T) {
	// Spring Security 7 matches no empty password, whatever the digest.
	for _, v := range springFixtures(t, "empty") {
		require.Empty(t, v.Password)
		ok, err := Verify("spring_delegating", v.Digest, "")
		require.NoError(t, err, v.Digest)
		assert.False(t, ok, v.Digest)
	}
}

func TestSpringUpgrade(t *testing.T) {
	v := &Verifier{Policy: Policy{Costs: map[*Param]int64{BcryptCost: 4}}}
	for _, c := range []struct {
		digest   string
		upgraded bool
	}{
		// Spring Security 7.1.1's encoders (testdata/vectors/spring_delegating.jsonl).
		{"{MD5}{rxI6BVQUl3qd01LcONbNH0Tua25CWZbKRAm3u04vDZc=}acbdd8cdc44bad6a8537f3a9ddd82f48", true},
		{"{ldap}{SSHA}P70Tc22u6YZC12RjHDx45B1QoO4mXmF7fKrzTA==", true},
		{"{sha256}ebe7ac58d0a27df18c0a69acd4a952133267f9492b011ab5cb941f23ec0e7d669e5a472043384a9e", true},
		{"{bcrypt}$2a$04$A1GNSIajalavnNfKq.81J.9.d5C13TxM7ZBhbkia4snjBz6zm6z1.", false},
		// Not a fast hash, but Spring upgrades every id but its encoder's.
		{"{pbkdf2}962ecfefe6449075dac5b790a8efb75965739470fa4566fed6af9c81e1104161ac6c0e78f3e87fac", true},
	} {
		ok, up, err := v.VerifyAndUpgrade("spring_delegating", c.digest, "password")
		require.NoError(t, err, c.digest)
		require.True(t, ok, c.digest)
		assert.Equal(t, c.upgraded, up != "", c.digest)
		// Spring's upgradeEncoding: every id but the one it encodes with.
		weak, err := v.NeedsRehash("spring_delegating", c.digest)
		require.NoError(t, err)
		assert.Equal(t, !strings.HasPrefix(c.digest, "{bcrypt}"), weak, c.digest)
	}
	d, err := v.Hash("spring_delegating", "pässwörd")
	require.NoError(t, err)
	assert.True(t, strings.HasPrefix(d, "{bcrypt}$2b$04$"), d)
	weak, err := NeedsRehash("spring_delegating", d)
	require.NoError(t, err)
	assert.True(t, weak, "cost 4 is below the default policy")
}

func TestAspNetV2Marker(t *testing.T) {
	// "A" then a character above "P" (or "+", "/", a digit) means a first
	// byte other than 0x00: not a v2 digest, whatever its length.
	const v2 = "ANuQywFHdT6GVuXGl4TXfmi5TUoR45Cizppo6FN3IqeGUzHoVXAL51x6GHiAWpavVQ=="
	require.NoError(t, Check("aspnet_identity_v2", v2))
	for _, c := range "Q+/9a" {
		d := "A" + string(c) + v2[2:]
		assert.ErrorIs(t, Check("aspnet_identity_v2", d), ErrMalformedDigest, d)
	}
}
