package pwdigest

import (
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// Written by PHP 8.2.36 running the bcrypt branch of WordPress 6.8's
// wp_hash_password (wp-includes/pluggable.php) verbatim:
//
//	'$wp' . password_hash(base64_encode(hash_hmac('sha384', trim($password), 'wp-sha384', true)),
//	                      PASSWORD_BCRYPT, ['cost' => COST])
//
// and each checked with wp_check_password's "$wp" branch, password_verify of
// the same HMAC (untrimmed) against substr($hash, 3).
var wordpressKATs = []kat{
	{"bcrypt_sha384_wordpress", "$wp$2y$10$WgcuI057UqlOUct8YK7KjuFP.nHLOM9mH2u.fuZh6YRHpRgpcwg.6", "password", "php 8.2 wp_hash_password, cost 10"},
	{"bcrypt_sha384_wordpress", "$wp$2y$04$TcxtA/mDXdBmLhizUI5PmO041/w7tZGREmg/zKJKwTxirsDwN1QP2", "", "php 8.2 wp_hash_password, cost 4, empty password"},
	{"bcrypt_sha384_wordpress", "$wp$2y$10$4jknq/i9z7eBh1i5Vo99PuMQW2pp6ZnTol4hwsvgRi3h9ymow2Pj6", "pässwörd 密码", "php 8.2 wp_hash_password, cost 10, UTF-8"},
	{"bcrypt_sha384_wordpress", "$wp$2y$04$swS9HZccetKNx3yjWv6MiOvTAp2EARTBQ72p6Nf/6XmKgfRfsUwbm", strings.Repeat("a", 100), "php 8.2 wp_hash_password, cost 4, 100 bytes"},
	{"bcrypt_sha384_wordpress", "$wp$2y$10$KTmfEW9/Q2bkhLOBDRaDx.tFMDepd0knQFdWKDA0EM1qS31gJWz5a", "padded", "php 8.2 wp_hash_password(' padded '), cost 10: stored trimmed"},
	{"bcrypt_sha384_wordpress", "$wp$2y$04$kN.5sMemcTeLWY5UvparRuiGcNZi4aQIDHl95f5DBB6nYiXZip8me", "tab\tinside", "php 8.2 wp_hash_password, cost 4"},
}

func TestWordPressKnownAnswers(t *testing.T) { checkKATs(t, wordpressKATs) }

func TestWordPressSemantics(t *testing.T) {
	long := wordpressKATs[3]
	// The HMAC keeps bytes past bcrypt's 72: only the last byte differs.
	ok, err := Verify("bcrypt_sha384_wordpress", long.digest, strings.Repeat("a", 99)+"b")
	require.NoError(t, err)
	assert.False(t, ok)

	// wp_check_password does not trim: PHP's check of ' padded ' was false.
	padded := wordpressKATs[4]
	ok, err = Verify("bcrypt_sha384_wordpress", padded.digest, " padded ")
	require.NoError(t, err)
	assert.False(t, ok)

	// Hash trims as wp_hash_password does.
	v := &Verifier{Policy: Policy{Costs: map[*Param]int64{BcryptCost: 4}}}
	d, err := v.Hash("bcrypt_sha384_wordpress", " \tsecret\n\x00\x0b")
	require.NoError(t, err)
	assert.True(t, strings.HasPrefix(d, "$wp$2y$04$"), d)
	ok, err = v.Verify("bcrypt_sha384_wordpress", d, "secret")
	require.NoError(t, err)
	assert.True(t, ok)

	// Over 4096 bytes: wp_check_password returns false, wp_hash_password
	// '*'; both refused as too long, the digest is not at fault.
	tooLong := strings.Repeat("p", 4097)
	ok, err = Verify("bcrypt_sha384_wordpress", padded.digest, tooLong)
	assert.ErrorIs(t, err, ErrPasswordTooLong)
	assert.False(t, ok)
	ok, err = Verify("bcrypt_sha384_wordpress", padded.digest, tooLong[:4096])
	assert.NoError(t, err, "4096 bytes are taken")
	assert.False(t, ok)
	_, err = Hash("bcrypt_sha384_wordpress", tooLong)
	assert.ErrorIs(t, err, ErrPasswordTooLong)

	weak, err := (&Verifier{Policy: Policy{Costs: map[*Param]int64{BcryptCost: 11}}}).NeedsRehash("bcrypt_sha384_wordpress", padded.digest)
	require.NoError(t, err)
	assert.True(t, weak)
	assert.False(t, Insecure("bcrypt_sha384_wordpress"))
}

func TestWordPressParse(t *testing.T) {
	const inner = "$2y$10$WgcuI057UqlOUct8YK7KjuFP.nHLOM9mH2u.fuZh6YRHpRgpcwg.6"
	checkErrors(t, Default, "bcrypt_sha384_wordpress", map[string]error{
		inner:                                   ErrMalformedDigest, // plain bcrypt is the bcrypt hasher's
		"$wp" + inner[:len(inner)-1]:            ErrMalformedDigest,
		"$wp$2x" + inner[3:]:                    ErrMalformedDigest,
		"$wp$2$" + inner[4:]:                    ErrMalformedDigest,
		"$WP" + inner:                           ErrMalformedDigest,
		"$wp$" + inner:                          ErrMalformedDigest,
		"$wp$2y$03" + inner[6:]:                 ErrParamsOutOfRange,
		"$wp$2y$17" + inner[6:]:                 ErrParamsOutOfRange, // above the default bcrypt limit
		"$wp$argon2id$v=19$m=65536,t=4,p=1$x$y": ErrMalformedDigest,
	})
	// PHP's password_verify computes $2a$ and $2b$ as $2y$.
	for _, minor := range []string{"a", "b"} {
		d := "$wp$2" + minor + wordpressKATs[0].digest[6:]
		ok, err := Verify("bcrypt_sha384_wordpress", d, "password")
		require.NoError(t, err)
		assert.True(t, ok, d)
	}
}
