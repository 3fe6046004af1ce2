package pwdigest

import (
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// Written by Django 3.2.25 (Debian python3-django, /usr/bin/python3 3.11.2):
//
//	django.contrib.auth.hashers.make_password(PASSWORD, salt=SALT, hasher=ALGORITHM)
//
// each checked with check_password. SALT None is Django's random salt.
var djangoLegacyKATs = []kat{
	{"sha1_django", "sha1$aYWBKWSze4i6Hm9luzL5TP$7c1129eeaeed51a06ec51478bb04266ea76673b3", "password", "django 3.2.25 make_password(hasher='sha1')"},
	{"sha1_django", "sha1$5bzmtEqMNn0aQwTG0iD7sb$a8ebc1a03facc9772f84d537726c5ef5c9862d4d", "", "django 3.2.25 make_password(hasher='sha1')"},
	{"sha1_django", "sha1$sälz$67aeeb7bb1694f362eb867ba5ec87d5edaa838f3", "pässwörd 密码", "django 3.2.25 make_password(salt='sälz', hasher='sha1')"},
	{"sha1_django", "sha1$x$4b57ce74af071ff8d5a12a8ba4c056c9e7c393e8", "a$b:c", "django 3.2.25 make_password(salt='x', hasher='sha1')"},
	{"sha1_django", "sha1$3fuf05mtHo0hvHULQ3jfUR$89cbd7fc52ecf82c2cd44a4f40c516deb29dea29", strings.Repeat("x", 100), "django 3.2.25 make_password(hasher='sha1')"},
	{"sha1_django", "sha1$$5baa61e4c9b93f3f0682250b6cf8331b7ee68fd8", "password", "django 3.2.25 make_password(hasher='unsalted_sha1')"},
	{"md5_django", "md5$1kAXNws0aqxCqhRONrXJ1q$97a50e6a518f8014facfc9c972a6a78d", "password", "django 3.2.25 make_password(hasher='md5')"},
	{"md5_django", "md5$EWNjnCqFaZDYo2ja8PhKyI$dc73a22695f92c9f3335dd3a48dd3908", "", "django 3.2.25 make_password(hasher='md5')"},
	{"md5_django", "md5$sälz$1e430588cb665b34b112f026c54fdb19", "pässwörd 密码", "django 3.2.25 make_password(salt='sälz', hasher='md5')"},
	{"md5_django", "md5$x$2eff4059060fe05cd67745d5cb788637", "a$b:c", "django 3.2.25 make_password(salt='x', hasher='md5')"},
	{"md5_django", "md5$zncEgsaX7LSvsPMn7LvN3m$de15cc0cb81e1fe47c477101c12464ba", strings.Repeat("x", 100), "django 3.2.25 make_password(hasher='md5')"},
	{"md5_django", "md5$$5f4dcc3b5aa765d61d8327deb882cf99", "password", "django 3.2.25 check_password accepts 'md5$$' + hashlib.md5(b'password').hexdigest() (UnsaltedMD5PasswordHasher)"},
}

func TestDjangoLegacyKnownAnswers(t *testing.T) { checkKATs(t, djangoLegacyKATs) }

func TestDjangoLegacyParse(t *testing.T) {
	const sha1Sum, md5Sum = "7c1129eeaeed51a06ec51478bb04266ea76673b3", "97a50e6a518f8014facfc9c972a6a78d"
	checkErrors(t, Default, "sha1_django", map[string]error{
		"sha1$salt$" + strings.ToUpper(sha1Sum): ErrMalformedDigest, // Django compares strings
		"sha1$salt$" + sha1Sum[:38]:             ErrMalformedDigest,
		"sha1$salt$" + md5Sum:                   ErrMalformedDigest,
		"sha1$salt$" + sha1Sum + "$":            ErrMalformedDigest,
		"sha1$a$b$" + sha1Sum:                   ErrMalformedDigest,
		"SHA1$salt$" + sha1Sum:                  ErrMalformedDigest,
		sha1Sum:                                 ErrMalformedDigest,
	})
	checkErrors(t, Default, "md5_django", map[string]error{
		"md5$salt$" + strings.ToUpper(md5Sum): ErrMalformedDigest,
		"md5$salt$" + sha1Sum:                 ErrMalformedDigest,
		md5Sum:                                ErrMalformedDigest, // the md5 hasher's
		"md5$salt":                            ErrMalformedDigest,
	})
	for _, name := range []string{"sha1_django", "md5_django"} {
		assert.True(t, Insecure(name), name)
		d, err := Hash(name, "pw")
		require.NoError(t, err)
		assert.Regexp(t, `^(sha1|md5)\$[0-9A-Za-z]{22}\$[0-9a-f]+$`, d)
		rehash, err := NeedsRehash(name, d)
		require.NoError(t, err)
		assert.True(t, rehash)
	}
}
