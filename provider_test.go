package pwdigest

import (
	"path/filepath"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// The providers' vectors (testdata/vectors/{auth0_custom_password_hash,
// okta_password_hash,firebase_import}.jsonl) come from Node, Python and the
// providers' own examples; these tests pin the decisions the docs leave open.

var providerHashers = []string{"auth0_custom_password_hash", "okta_password_hash", "firebase_import"}

func TestProvidersInsecureNoHash(t *testing.T) {
	for _, name := range providerHashers {
		assert.True(t, Insecure(name), name)
		_, err := Hash(name, "pw")
		assert.Error(t, err, name)
	}
	// Even a bcrypt import object is upgraded: it is a migration format.
	d := `{"algorithm":"BCRYPT","workFactor":10,"salt":"qRRx8rli7Lvs2h2CNgCQ2O","value":"mVA2NDdomRGoGFrAXDZcno0OZ6CoOU2"}`
	weak, err := NeedsRehash("okta_password_hash", d)
	require.NoError(t, err)
	assert.True(t, weak)
}

func TestOktaWorkFactor(t *testing.T) {
	// Okta takes 1..20; bcrypt has no cost below 4.
	for wf, ok := range map[string]bool{"1": false, "3": false, "4": true, "16": true, "20": false, "21": false} {
		d := `{"algorithm":"BCRYPT","workFactor":` + wf + `,"salt":"qRRx8rli7Lvs2h2CNgCQ2O","value":"mVA2NDdomRGoGFrAXDZcno0OZ6CoOU2"}`
		err := Check("okta_password_hash", d)
		if ok {
			assert.NoError(t, err, wf)
		} else {
			assert.ErrorIs(t, err, ErrParamsOutOfRange, wf)
		}
	}
	// 20 is Okta's, within bcrypt's range: only the default limit refuses it.
	v := &Verifier{Limits: Limits{BcryptCost: 20}}
	assert.NoError(t, v.Check("okta_password_hash", `{"algorithm":"BCRYPT","workFactor":20,"salt":"qRRx8rli7Lvs2h2CNgCQ2O","value":"mVA2NDdomRGoGFrAXDZcno0OZ6CoOU2"}`))
}

func TestProvidersRecipeWorkLimit(t *testing.T) {
	// Firebase SHA512 with 8192 rounds: 8191 one-block steps after the
	// first hash, counted by the recipe engine.
	d := `{"hashAlgorithm":"SHA512","rounds":8192,"passwordHash":"` + strings.Repeat("A", 86) + `==","salt":"TmFDbA=="}`
	require.NoError(t, Check("firebase_import", d))
	tight := &Verifier{Limits: Limits{RecipeWork: 8000}}
	err := tight.Check("firebase_import", d)
	assert.ErrorIs(t, err, ErrParamsOutOfRange)
	assert.Contains(t, err.Error(), "recipe.work")
}

func TestFirebaseEmptySaltSeparator(t *testing.T) {
	// firebase-admin sends toWebSafeBase64(Buffer.from("")), "", for a
	// missing separator: no bytes, not an error.
	empty := ""
	b, err := firebaseBytes("saltSeparator", &empty)
	require.NoError(t, err)
	assert.NotNil(t, b)
	assert.Empty(t, b)
	bad := "="
	_, err = firebaseBytes("saltSeparator", &bad)
	assert.ErrorIs(t, err, ErrMalformedDigest)
}

func TestAuth0Latin1IsNodes(t *testing.T) {
	// Node 20: Buffer.from("密码", "latin1") is c6 01, the low bytes of the
	// UTF-16 units, and md5 of it 19f9a961...: the password matches
	// instead of failing as the recipe's latin1 would.
	d := `{"algorithm":"md5","hash":{"value":"19f9a961abc5f24be25b955883bf97e3","encoding":"hex"},"password":{"encoding":"latin1"}}`
	ok, err := Verify("auth0_custom_password_hash", d, "密码")
	require.NoError(t, err)
	assert.True(t, ok)
}

func TestProvidersDoNotCollide(t *testing.T) {
	for _, name := range providerHashers {
		for _, v := range loadVectors(t)[name] {
			assert.Equal(t, []string{name}, Identify(v.Digest), v.Digest)
		}
	}
}

// FuzzProviderObjects: whatever the object, the three parsers do not panic,
// refuse with exactly one sentinel, and a digest Check accepts verifies
// without an error.
func FuzzProviderObjects(f *testing.F) {
	vs := loadVectors(f)
	for _, name := range providerHashers {
		for _, v := range vs[name] {
			f.Add(v.Digest, v.Password)
		}
		mf := loadMalformed(f, filepath.Join("testdata", "malformed", name+".txt"))
		for _, c := range mf.cases {
			f.Add(c.digest, mf.password)
		}
	}
	lim := Limits{RecipeWork: 200_000}
	for p, n := range fuzzLimits {
		lim[p] = n
	}
	v := &Verifier{Limits: lim, Policy: fastPolicy}
	f.Fuzz(func(t *testing.T, digest, password string) {
		if len(password) > recipeMaxPassword {
			password = password[:recipeMaxPassword]
		}
		for _, name := range providerHashers {
			err := v.Check(name, digest)
			if err != nil {
				if n := countSentinels(err); n != 1 {
					t.Fatalf("%s %q: %v wraps %d sentinels", name, digest, err, n)
				}
				continue
			}
			if _, err := v.Verify(name, digest, password); err != nil {
				t.Fatalf("%s: Check accepted %q but Verify failed: %v", name, digest, err)
			}
		}
	})
}

func TestProvidersTakeJSONWhitespace(t *testing.T) {
	// An object as a pretty-printer writes it: whitespace between tokens
	// is JSON's, not a second form; around the object it is refused.
	d := "{\n  \"algorithm\": \"sha256\",\n  \"hash\": {\"value\": \"7054f76f832d2d4e244f73b3f3f4c3702cb60a573ed12441c90f159df560fcb5\", \"encoding\": \"hex\"},\n  \"salt\": {\"value\": \"keyboardcat\", \"position\": \"prefix\"}\n}"
	ok, err := Verify("auth0_custom_password_hash", d, "hello")
	require.NoError(t, err)
	assert.True(t, ok)
	assert.ErrorIs(t, Check("auth0_custom_password_hash", d+"\n"), ErrMalformedDigest)
}

func TestProvidersHintTheAPIsNames(t *testing.T) {
	// firebase-admin's UserImportOptions spell some fields otherwise.
	err := Check("firebase_import", `{"hashAlgorithm":"STANDARD_SCRYPT","cpuMemCost":1024,"derivedKeyLength":64,"blockSize":8,"parallelization":1,"passwordHash":"AAAA","salt":"AAAA"}`)
	assert.ErrorIs(t, err, ErrMalformedDigest)
	assert.Contains(t, err.Error(), `unknown field "derivedKeyLength" (the API's name is dkLen)`)
	err = Check("okta_password_hash", `{"algorithm":"PBKDF2","iterations":20000,"value":"AAAA"}`)
	assert.Contains(t, err.Error(), "iterationCount")
}
