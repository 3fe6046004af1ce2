package pwdigest

import (
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// Written by Werkzeug 2.2.2 (Debian python3-werkzeug, /usr/bin/python3 3.11.2):
//
//	werkzeug.security.generate_password_hash(PASSWORD, method=METHOD, salt_length=16)
//
// each checked with check_password_hash.
var werkzeugPBKDF2KATs = []kat{
	{"pbkdf2_werkzeug", "pbkdf2:sha256:260000$28Im4oboaHbln2e7$352347d786bb23e3d65304e83b0cd590c5809cdd091e626499713afc7a5abe49", "password", "werkzeug 2.2.2 method='pbkdf2:sha256' (default count 260000)"},
	{"pbkdf2_werkzeug", "pbkdf2:sha256:1000$SPMr9Xju$8da35371199a865d7b5cf95f636cdfd5f1e39dcec1faafb66b6873a322657176", "", "werkzeug 2.2.2 method='pbkdf2:sha256:1000', salt_length=8"},
	{"pbkdf2_werkzeug", "pbkdf2:sha512:2000$S89JLh8xjr5fkpl3$7b0359ec64ef78c9b712b2ff88c994481e77987f1dc190c6decf944b7fd9ce111260d05d2cc5d9243e3a78736698f47c4cd9ea7953d84671c00ae58e193003e1", "pässwörd 密码", "werkzeug 2.2.2 method='pbkdf2:sha512:2000'"},
	{"pbkdf2_werkzeug", "pbkdf2:sha1:3000$h2sy63jRlgkOaxIV$1b7df1314b342f5c847c19f69190bf993602b09b", "a$b:c", "werkzeug 2.2.2 method='pbkdf2:sha1:3000'"},
	{"pbkdf2_werkzeug", "pbkdf2:sha256:5000$HUqHQlU3MCw1nBlx$30846668f8d14b9540406d913d45639c29cf4d70320503b003088564d2698e2b", strings.Repeat("x", 100), "werkzeug 2.2.2 method='pbkdf2:sha256:5000'"},
	{"pbkdf2_werkzeug", "pbkdf2:sha512:260000$S92zVqFZD69vd2MV$7a012bd7bb9e481ec27b75bca46b55756546e7fd7d20440cb3057f8beeebc711f4fa6e6ab12d01e71e0766730195fdf94658d115abfa35fa813afeae3f540659", "secret", "werkzeug 2.2.2 method='pbkdf2:sha512'"},
}

func TestWerkzeugPBKDF2KnownAnswers(t *testing.T) { checkKATs(t, werkzeugPBKDF2KATs) }

func TestWerkzeugPBKDF2Parse(t *testing.T) {
	const salt, sum = "SPMr9Xju", "8da35371199a865d7b5cf95f636cdfd5f1e39dcec1faafb66b6873a322657176"
	checkErrors(t, Default, "pbkdf2_werkzeug", map[string]error{
		// Werkzeug reads this with its version's default count: ambiguous.
		"pbkdf2:sha256$" + salt + "$" + sum:                       ErrMalformedDigest,
		"pbkdf2:sha256:$" + salt + "$" + sum:                      ErrMalformedDigest,
		"pbkdf2:sha256:01000$" + salt + "$" + sum:                 ErrMalformedDigest,
		"pbkdf2:sha256:1_000$" + salt + "$" + sum:                 ErrMalformedDigest, // Python's int() takes it
		"pbkdf2:sha256:1000:1$" + salt + "$" + sum:                ErrMalformedDigest,
		"pbkdf2:md5:1000$" + salt + "$" + sum[:32]:                ErrMalformedDigest,
		"pbkdf2:SHA256:1000$" + salt + "$" + sum:                  ErrMalformedDigest,
		"pbkdf2:sha256:1000$$" + sum:                              ErrMalformedDigest,
		"pbkdf2:sha256:1000$" + salt + "$" + sum[:62]:             ErrMalformedDigest,
		"pbkdf2:sha512:1000$" + salt + "$" + sum:                  ErrMalformedDigest, // 32 bytes for sha512
		"pbkdf2:sha256:1000$" + salt + "$" + strings.ToUpper(sum): ErrMalformedDigest,
		"pbkdf2:sha256:1000$" + salt + "$" + sum + "$":            ErrMalformedDigest,
		"sha256$" + salt + "$" + sum:                              ErrMalformedDigest,
		"pbkdf2:sha256:0$" + salt + "$" + sum:                     ErrParamsOutOfRange,
		"pbkdf2:sha256:3000001$" + salt + "$" + sum:               ErrParamsOutOfRange, // above the default limit
	})
	strict := &Verifier{Limits: Limits{PBKDF2SHA512Iterations: 1999}}
	checkErrors(t, strict, "pbkdf2_werkzeug", map[string]error{werkzeugPBKDF2KATs[2].digest: ErrParamsOutOfRange})

	weak, err := (&Verifier{Policy: Policy{Costs: map[*Param]int64{PBKDF2SHA256Iterations: 1001}}}).NeedsRehash("pbkdf2_werkzeug", "pbkdf2:sha256:1000$"+salt+"$"+sum)
	require.NoError(t, err)
	assert.True(t, weak)
	d, err := (&Verifier{Policy: Policy{Costs: map[*Param]int64{PBKDF2SHA256Iterations: 1234}}}).Hash("pbkdf2_werkzeug", "pw")
	require.NoError(t, err)
	assert.Regexp(t, `^pbkdf2:sha256:1234\$[0-9A-Za-z]{16}\$[0-9a-f]{64}$`, d)
}
