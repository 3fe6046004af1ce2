package pwdigest

import (
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// kat is a known answer: a digest written by a real producer for password.
type kat struct {
	hasher, digest, password, source string
}

// Producers and the commands that wrote these digests:
//
//	drepper:   Ulrich Drepper, "Unix crypt using SHA-256 and SHA-512" (sha-crypt.txt), test vectors
//	libxcrypt: libxcrypt 4.4.33 (Debian libcrypt1 1:4.4.33-2) via Debian python3 3.11.2:
//	           /usr/bin/python3 -c 'import crypt; print(crypt.crypt(PASSWORD, SETTING))'
//	php:       PHP 8.2.36 cli: php -r 'echo crypt(PASSWORD, SETTING);' (PHP's own sha/md5 crypt)
//	passlib:   passlib 1.7.4 (python3-passlib), builtin backend:
//	           h.set_backend("builtin"); h.using(salt=SALT, rounds=N).hash(PASSWORD)
var cryptKATs = []kat{
	// sha256_crypt, Drepper's vectors. Salts over 16 characters were
	// truncated by crypt; rounds=10 was clamped to 1000 in the output.
	{"sha256_crypt", "$5$saltstring$5B8vYYiY.CVt1RlTTf8KbXBH3hsxY/GNooZaBBGWEc5", "Hello world!", "drepper"},
	{"sha256_crypt", "$5$rounds=10000$saltstringsaltst$3xv.VbSHBb41AL9AvLeujZkZRBAwqFMz2.opqey6IcA", "Hello world!", "drepper"},
	{"sha256_crypt", "$5$rounds=5000$toolongsaltstrin$Un/5jzAHMgOGZ5.mWJpuVolil07guHPvOW8mGRcvxa5", "This is just a test", "drepper"},
	{"sha256_crypt", "$5$rounds=1400$anotherlongsalts$Rx.j8H.h8HjEDGomFU8bDkXm3XIUnzyxf12oP84Bnq1", "a very much longer text to encrypt.  This one even stretches over morethan one line.", "drepper"},
	{"sha256_crypt", "$5$rounds=77777$short$JiO1O3ZpDAxGJeaDIuqCoEFysAe1mZNJRs3pw0KQRd/", "we have a short salt string but not a short password", "drepper"},
	{"sha256_crypt", "$5$rounds=123456$asaltof16chars..$gP3VQ/6X7UUEW3HkBn2w1/Ptq2jxPyzV/cZKmF/wJvD", "a short string", "drepper"},
	{"sha256_crypt", "$5$rounds=1000$roundstoolow$yfvwcWrQ8l/K0DAWyuPMDNHpIVlTQebY9l/gL972bIC", "the minimum number is still observed", "drepper"},
	{"sha256_crypt", "$5$saltsalt$09agN5RZ2meWdEdnEusqsq5G7RwwghB8jCKoWWADxW/", "", "libxcrypt: crypt('', '$5$saltsalt')"},
	{"sha256_crypt", "$5$$V0edGK/GfSrNwzYCrbML4V/gvkNuNTfvn.Pt/LMSAf8", "password", "libxcrypt: crypt('password', '$5$')"},
	{"sha256_crypt", "$5$rounds=1000$Zz9./aB$h/1s7X7BZB7F/nrPce0qC4jYpDxfe/seBarW/unx0V2", "pässwörd 密码", "libxcrypt: crypt('pässwörd 密码', '$5$rounds=1000$Zz9./aB')"},
	{"sha256_crypt", "$5$rounds=5000$abcdefghijklmnop$XsxN2lTyk.x6loyz0Cq4YgePWasNLhwl4Sb9XKe9td.", strings.Repeat("y", 129), "libxcrypt: crypt('y'*129, '$5$rounds=5000$abcdefghijklmnop')"},
	{"sha256_crypt", "$5$rounds=12345$s$rysHHx7wXwP15AwMRJ2KoODQgxAVCCHSeP4buqc2fsA", "tab\there", "libxcrypt: crypt('tab\\there', '$5$rounds=12345$s')"},
	{"sha256_crypt", "$5$rounds=2000$phpsalt16chars..$pYq9snJGQgz/kvo6HNzWJaNJgdFxyr96VzPtOi2LEF1", "php crypt 8.2", "php: crypt('php crypt 8.2', '$5$rounds=2000$phpsalt16chars..')"},
	{"sha256_crypt", "$5$rounds=5000$usesomesillystri$KqJWpanXZHKq2BOB43TSaYhEWsQ1Lr5QNyPCDH/Tp.6", "rasmuslerdorf", "php: crypt('rasmuslerdorf', '$5$rounds=5000$usesomesillystri')"},
	{"sha256_crypt", "$5$rounds=535000$PassLibSalt$uGZDEPqWPNOHWgjjMbWCSURBGVndMwO8k87ZX7V0KUB", "passlib ünïcode", "passlib: sha256_crypt salt='PassLibSalt' rounds=535000"},
	{"sha256_crypt", "$5$abc$1Zl8JWwnpDmTO0JxEqP2bLGIGwWX0I65VQxEQQA/x0D", "Hello", "passlib: sha256_crypt salt='abc' rounds=5000 (passlib omits rounds=5000)"},

	// sha512_crypt, Drepper's vectors.
	{"sha512_crypt", "$6$saltstring$svn8UoSVapNtMuq1ukKS4tPQd8iKwSMHWjl/O817G3uBnIFNjnQJuesI68u4OTLiBFdcbYEdFCoEOfaS35inz1", "Hello world!", "drepper"},
	{"sha512_crypt", "$6$rounds=10000$saltstringsaltst$OW1/O6BYHV6BcXZu8QVeXbDWra3Oeqh0sbHbbMCVNSnCM/UrjmM0Dp8vOuZeHBy/YTBmSK6H9qs/y3RnOaw5v.", "Hello world!", "drepper"},
	{"sha512_crypt", "$6$rounds=5000$toolongsaltstrin$lQ8jolhgVRVhY4b5pZKaysCLi0QBxGoNeKQzQ3glMhwllF7oGDZxUhx1yxdYcz/e1JSbq3y6JMxxl8audkUEm0", "This is just a test", "drepper"},
	{"sha512_crypt", "$6$rounds=1400$anotherlongsalts$POfYwTEok97VWcjxIiSOjiykti.o/pQs.wPvMxQ6Fm7I6IoYN3CmLs66x9t0oSwbtEW7o7UmJEiDwGqd8p4ur1", "a very much longer text to encrypt.  This one even stretches over morethan one line.", "drepper"},
	{"sha512_crypt", "$6$rounds=77777$short$WuQyW2YR.hBNpjjRhpYD/ifIw05xdfeEyQoMxIXbkvr0gge1a1x3yRULJ5CCaUeOxFmtlcGZelFl5CxtgfiAc0", "we have a short salt string but not a short password", "drepper"},
	{"sha512_crypt", "$6$rounds=123456$asaltof16chars..$BtCwjqMJGx5hrJhZywWvt0RLE8uZ4oPwcelCjmw2kSYu.Ec6ycULevoBK25fs2xXgMNrCzIMVcgEJAstJeonj1", "a short string", "drepper"},
	{"sha512_crypt", "$6$rounds=1000$roundstoolow$kUMsbe306n21p9R.FRkW3IGn.S9NPN0x50YhH1xhLsPuWGsUSklZt58jaTfF4ZEQpyUNGc0dqbpBYYBaHHrsX.", "the minimum number is still observed", "drepper"},
	{"sha512_crypt", "$6$saltsalt$qkTgsCrWMTAS9gBGcf9W60sFfH.hU0oTCAOJjhbz5tSp/sU3/xXZK4OFwCtq8lIIdpJ6CatVdOTSHKp97TPkt/", "", "libxcrypt: crypt('', '$6$saltsalt')"},
	{"sha512_crypt", "$6$$bLTg4cpho8PIUrjfsE7qlU08Qx2UEfw..xOc6I1wpGVtyVYToGrr7BzRdAAnEr5lYFr1Z9WcCf1xNZ1HG9qFW1", "password", "libxcrypt: crypt('password', '$6$')"},
	{"sha512_crypt", "$6$rounds=1000$Zz9./aB$KQ1RSq6f581BAEg6B5QtZjyeKQjb.aCiXruIxRVzYuagcWz1C1JZh/wJj0pS5IBme776QbSBLjeZ.tp3S8m040", "pässwörd 密码", "libxcrypt: crypt('pässwörd 密码', '$6$rounds=1000$Zz9./aB')"},
	{"sha512_crypt", "$6$rounds=5000$abcdefghijklmnop$NQmdZYyTZiBzxauWT51pbz4CykfZ5QuZjUyYs6SQHccQfiPrjNLaM6yE6kW1wImO/6eb0E1euwuEI0mUEI7IE0", strings.Repeat("x", 200), "libxcrypt: crypt('x'*200, '$6$rounds=5000$abcdefghijklmnop')"},
	{"sha512_crypt", "$6$rounds=12345$s$e1EnoBGHfVTBlP3RpUxCLSoVYza2rOLJCVWGTj9Oxw9jlXRSFMhJtm.PURZTwQ5Elabo6UVHDH4QAxdXvuWWA/", "tab\there", "libxcrypt: crypt('tab\\there', '$6$rounds=12345$s')"},
	{"sha512_crypt", "$6$rounds=2000$phpsalt16chars..$f9tC581.cDfK7fFikQ6ZhxFeInNBarkNPR06R6mkhc6kDNpCVM1ZSi2Z91d7tnPZa0F.yuINNV.ys9GFHfBzk/", "php crypt 8.2", "php: crypt('php crypt 8.2', '$6$rounds=2000$phpsalt16chars..')"},
	{"sha512_crypt", "$6$rounds=5000$usesomesillystri$D4IrlXatmP7rx3P3InaxBeoomnAihCKRVQP22JZ6EY47Wc6BkroIuUUBOov1i.S5KPgErtP/EN5mcO.ChWQW21", "rasmuslerdorf", "php: crypt('rasmuslerdorf', '$6$rounds=5000$usesomesillystringforsalt$') (the PHP manual's example)"},
	{"sha512_crypt", "$6$$/chiBau24cE26QQVW3IfIe68Xu5.JQ4E8Ie7lcRLwqxO5cxGuBhqF2HmTL.zWJ9zjChg3yJYFXeGBQ2y3Ba1d1", "", "php: crypt('', '$6$')"},
	{"sha512_crypt", "$6$rounds=656000$PassLibSalt$2EUa4CKhFIo91whLNgEPVO9kpzU1UH/sg91jrkvg.N6d/pCumm32Ds4Bzdao2gZNqQEMcAjmeX26mXPrF8zX41", "passlib ünïcode", "passlib: sha512_crypt salt='PassLibSalt' rounds=656000"},
	{"sha512_crypt", "$6$abc$jO99lS.i8dO1dsMZGmYcNGmtf/ui1dD2EmgtnQzkG8E3AoaWWLmSg8E2o6/s1PRFBUaxC1I5d7SdRsCNRsggj0", "Hello", "passlib: sha512_crypt salt='abc' rounds=5000"},

	// md5_crypt.
	{"md5_crypt", "$1$saltsalt$5Jhcit4zN9UlGiA0txPkO0", "", "libxcrypt: crypt('', '$1$saltsalt')"},
	{"md5_crypt", "$1$$I2o9Z7NcvQAKp7wyCTlia0", "password", "libxcrypt: crypt('password', '$1$')"},
	{"md5_crypt", "$1$Zz9./aB$x0vk.YvILDTnfrgfJJo6E1", "pässwörd 密码", "libxcrypt: crypt('pässwörd 密码', '$1$Zz9./aB')"},
	{"md5_crypt", "$1$abcdefgh$TBvtcIs55IxXBdgFGMpHP1", strings.Repeat("z", 70), "libxcrypt: crypt('z'*70, '$1$abcdefgh')"},
	{"md5_crypt", "$1$s$TnTS2d.76xCjLeeIhMx3L0", "a", "libxcrypt: crypt('a', '$1$s')"},
	{"md5_crypt", "$1$phpsalt1$Q31FXd3pIE0LM37UAG8o5.", "php crypt 8.2", "php: crypt('php crypt 8.2', '$1$phpsalt1$')"},
	{"md5_crypt", "$1$rasmusle$rISCgZzpwk3UhDidwXvin0", "rasmuslerdorf", "php: crypt('rasmuslerdorf', '$1$rasmusle$') (the PHP manual's example)"},
	{"md5_crypt", "$1$PassLib.$F9dyu3k/lVH0eLH1LBWSP/", "passlib ünïcode", "passlib: md5_crypt salt='PassLib.'"},
}

// checkKATs verifies each answer with its password and with a wrong one.
func checkKATs(t *testing.T, kats []kat) {
	t.Helper()
	for _, k := range kats {
		t.Run(k.hasher+"/"+k.source, func(t *testing.T) {
			ok, err := Verify(k.hasher, k.digest, k.password)
			require.NoError(t, err, k.digest)
			assert.True(t, ok, k.digest)
			for _, wrong := range wrongPasswords(k.hasher, k.digest, k.password) {
				ok, err = Verify(k.hasher, k.digest, wrong)
				require.NoError(t, err)
				assert.False(t, ok)
			}
			assert.Equal(t, k.hasher, Identify(k.digest)[0], k.digest)
		})
	}
}

func TestCryptKnownAnswers(t *testing.T) { checkKATs(t, cryptKATs) }

// crypt(3) reads the password as a C string, so Verify ignores what follows
// a NUL, as glibc, libxcrypt and PHP do.
func TestCryptVerifyNUL(t *testing.T) {
	v := &Verifier{Policy: fastPolicy}
	for _, name := range []string{"sha512_crypt", "sha256_crypt", "md5_crypt"} {
		d, err := v.Hash(name, "secret")
		require.NoError(t, err)
		ok, err := v.Verify(name, d, "secret\x00tail")
		assert.NoError(t, err, name)
		assert.True(t, ok, name)
		ok, err = v.Verify(name, d, "\x00")
		assert.NoError(t, err, name)
		assert.False(t, ok, name)
	}
}

// checkErrors asserts each digest is refused by hasher with the sentinel.
func checkErrors(t *testing.T, v *Verifier, hasher string, cases map[string]error) {
	t.Helper()
	for digest, want := range cases {
		ok, err := v.Verify(hasher, digest, "x")
		assert.ErrorIs(t, err, want, "%s: %q", hasher, digest)
		assert.False(t, ok)
		assert.ErrorIs(t, v.Check(hasher, digest), want, "%s: %q", hasher, digest)
	}
}

func TestSHACryptParse(t *testing.T) {
	const sum256 = "5B8vYYiY.CVt1RlTTf8KbXBH3hsxY/GNooZaBBGWEc5"
	const sum512 = "svn8UoSVapNtMuq1ukKS4tPQd8iKwSMHWjl/O817G3uBnIFNjnQJuesI68u4OTLiBFdcbYEdFCoEOfaS35inz1"
	checkErrors(t, Default, "sha256_crypt", map[string]error{
		"":                                           ErrMalformedDigest,
		"$5$":                                        ErrMalformedDigest,
		"$5$saltstring":                              ErrMalformedDigest, // a setting, no checksum
		"$5$saltstring$":                             ErrMalformedDigest,
		"$6$saltstring$" + sum256:                    ErrMalformedDigest,
		"$5$saltstring$" + sum256 + "$":              ErrMalformedDigest,
		"$5$saltstring$" + sum256[:42]:               ErrMalformedDigest,
		"$5$saltstring$" + sum256 + ".":              ErrMalformedDigest,
		"$5$saltstring$" + sum256[:42] + "G":         ErrMalformedDigest, // unused bits set
		"$5$saltstring$" + sum256[:42] + "-":         ErrMalformedDigest,
		"$5$saltstringsaltstr$" + sum256:             ErrMalformedDigest, // 17-byte salt
		"$5$salt:str$" + sum256:                      ErrMalformedDigest,
		"$5$salt\nstr$" + sum256:                     ErrMalformedDigest,
		"$5$rounds=$saltstring$" + sum256:            ErrMalformedDigest,
		"$5$rounds=05000$saltstring$" + sum256:       ErrMalformedDigest,
		"$5$rounds=+5000$saltstring$" + sum256:       ErrMalformedDigest,
		"$5$rounds=5000x$saltstring$" + sum256:       ErrMalformedDigest,
		"$5$rounds=5000":                             ErrMalformedDigest,
		"$5$rounds=abc$" + sum256:                    ErrMalformedDigest,
		"$5$rounds=10$roundstoolow$" + sum256:        ErrParamsOutOfRange, // glibc would clamp it
		"$5$rounds=999$saltstring$" + sum256:         ErrParamsOutOfRange,
		"$5$rounds=1000000000$salt$" + sum256:        ErrParamsOutOfRange,
		"$5$rounds=99999999999999999999$s$" + sum256: ErrMalformedDigest,  // overflows
		"$5$rounds=2000001$saltstring$" + sum256:     ErrParamsOutOfRange, // above the default limit
	})
	checkErrors(t, Default, "sha512_crypt", map[string]error{
		"$6$saltstring$" + sum512[:85] + "A": ErrMalformedDigest, // unused bits set
		"$6$saltstring$" + sum512[:85]:       ErrMalformedDigest,
		"$6$saltstring$" + sum256:            ErrMalformedDigest,
		"$6$rounds=0$saltstring$" + sum512:   ErrParamsOutOfRange,
	})
	strict := &Verifier{Limits: Limits{CryptRounds: 10000}}
	checkErrors(t, strict, "sha256_crypt", map[string]error{
		"$5$rounds=10001$saltstring$" + sum256: ErrParamsOutOfRange,
	})
	assert.NoError(t, strict.Check("sha256_crypt", "$5$rounds=10000$saltstring$"+sum256))
	// The default 5000 rounds, implicit or written out.
	assert.NoError(t, Check("sha256_crypt", "$5$saltstring$"+sum256))
	assert.NoError(t, Check("sha256_crypt", "$5$rounds=5000$saltstring$"+sum256))
}

func TestMD5CryptParse(t *testing.T) {
	const sum = "rISCgZzpwk3UhDidwXvin0"
	checkErrors(t, Default, "md5_crypt", map[string]error{
		"$1$rasmusle":                    ErrMalformedDigest,
		"$1$rasmusle$" + sum[:21]:        ErrMalformedDigest,
		"$1$rasmusle$" + sum[:21] + "4":  ErrMalformedDigest, // unused bits set
		"$1$rasmusler$" + sum:            ErrMalformedDigest, // 9-byte salt
		"$1$rounds=1000$rasmusle$" + sum: ErrMalformedDigest,
		"$apr1$rasmusle$" + sum:          ErrMalformedDigest,
	})
	assert.True(t, Insecure("md5_crypt"))
	rehash, err := NeedsRehash("md5_crypt", "$1$rasmusle$"+sum)
	require.NoError(t, err)
	assert.True(t, rehash)
}

func TestCryptPasswordTooLong(t *testing.T) {
	long := strings.Repeat("p", cryptMaxPassword+1)
	for _, name := range []string{"sha256_crypt", "sha512_crypt", "md5_crypt"} {
		k := firstKAT(t, cryptKATs, name)
		ok, err := Verify(k.hasher, k.digest, long)
		assert.ErrorIs(t, err, ErrPasswordTooLong, k.hasher)
		assert.False(t, ok)
		assert.NotContains(t, err.Error(), long)
		_, err = Hash(k.hasher, long)
		assert.ErrorIs(t, err, ErrPasswordTooLong, k.hasher)
	}
}

// TestLongPasswordNeverBlamesTheDigest: a valid digest and a long password
// give a match, a non-match or ErrPasswordTooLong, for every hasher: never
// an error that marks the digest as broken or too costly.
func TestLongPasswordNeverBlamesTheDigest(t *testing.T) {
	for _, h := range Hashers() {
		if s, _, _ := builtin(h); s == nil || s.remote {
			continue // awscognito: package cognito tests its ErrPasswordTooLong
		}
		digest, _ := fixtureDigest(t, h)
		for _, n := range []int{73, 4097, 5000} {
			ok, err := Verify(h, digest, strings.Repeat("p", n))
			assert.False(t, ok, "%s, %d bytes", h, n)
			if err != nil {
				assert.ErrorIs(t, err, ErrPasswordTooLong, "%s, %d bytes", h, n)
				assert.NotErrorIs(t, err, ErrParamsOutOfRange, h)
				assert.NotErrorIs(t, err, ErrMalformedDigest, h)
			}
		}
	}
}

func firstKAT(t *testing.T, kats []kat, hasher string) kat {
	for _, k := range kats {
		if k.hasher == hasher {
			return k
		}
	}
	t.Fatalf("no known answer for %s", hasher)
	return kat{}
}

func TestSHACryptHashForm(t *testing.T) {
	v := &Verifier{Policy: Policy{Costs: map[*Param]int64{CryptRounds: 5000}}}
	d, err := v.Hash("sha512_crypt", "pw")
	require.NoError(t, err)
	assert.Regexp(t, `^\$6\$[./0-9A-Za-z]{16}\$[./0-9A-Za-z]{86}$`, d, "rounds=5000 is left out")
	v.Policy.Costs[CryptRounds] = 1000
	d, err = v.Hash("sha256_crypt", "pw")
	require.NoError(t, err)
	assert.Regexp(t, `^\$5\$rounds=1000\$[./0-9A-Za-z]{16}\$[./0-9A-Za-z]{43}$`, d)

	weak, err := (&Verifier{Policy: Policy{Costs: map[*Param]int64{CryptRounds: 1001}}}).NeedsRehash("sha256_crypt", d)
	require.NoError(t, err)
	assert.True(t, weak)
	weak, err = v.NeedsRehash("sha256_crypt", d)
	require.NoError(t, err)
	assert.False(t, weak)
}

func BenchmarkSHA512Crypt(b *testing.B) {
	// Drepper's 5000-round vector: glibc's default cost.
	const d = "$6$saltstring$svn8UoSVapNtMuq1ukKS4tPQd8iKwSMHWjl/O817G3uBnIFNjnQJuesI68u4OTLiBFdcbYEdFCoEOfaS35inz1"
	b.ReportAllocs()
	for b.Loop() {
		if ok, _ := Verify("sha512_crypt", d, "Hello world!"); !ok {
			b.Fatal("no match")
		}
	}
}

func BenchmarkSHA256Crypt(b *testing.B) {
	const d = "$5$saltstring$5B8vYYiY.CVt1RlTTf8KbXBH3hsxY/GNooZaBBGWEc5"
	b.ReportAllocs()
	for b.Loop() {
		if ok, _ := Verify("sha256_crypt", d, "Hello world!"); !ok {
			b.Fatal("no match")
		}
	}
}

func BenchmarkMD5Crypt(b *testing.B) {
	const d = "$1$rasmusle$rISCgZzpwk3UhDidwXvin0"
	b.ReportAllocs()
	for b.Loop() {
		if ok, _ := Verify("md5_crypt", d, "rasmuslerdorf"); !ok {
			b.Fatal("no match")
		}
	}
}
