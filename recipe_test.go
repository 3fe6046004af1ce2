package pwdigest

import (
	"crypto/sha256"
	"encoding/hex"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// The recipe vectors (testdata/vectors/recipe.jsonl) come from PHP and
// Python agreeing; these tests cover what the language itself promises.

func TestRecipeSchemeAtTheTop(t *testing.T) {
	// bcrypt over the hex sha256 of the password: the expression is the
	// bcrypt digest's password, bcrypt's own checks and limits apply.
	sum := sha256.Sum256([]byte("s3cret"))
	inner, err := hashBcrypt([]byte(hex.EncodeToString(sum[:])), 4)
	require.NoError(t, err)
	d := "bcrypt(sha256($password)) hash=" + inner
	ok, err := Verify("recipe", d, "s3cret")
	require.NoError(t, err)
	assert.True(t, ok)
	ok, err = Verify("recipe", d, "s3cret!")
	require.NoError(t, err)
	assert.False(t, ok)

	v := &Verifier{Limits: Limits{BcryptCost: 4}}
	require.NoError(t, v.Check("recipe", d))
	tight := &Verifier{Limits: Limits{BcryptCost: 4}}
	require.NoError(t, tight.Check("recipe", d))
	d5 := strings.Replace(d, "$2b$04$", "$2b$05$", 1)
	assert.ErrorIs(t, tight.Check("recipe", d5), ErrParamsOutOfRange, "bcrypt's limit inside a recipe")
}

func TestRecipeWorkLimit(t *testing.T) {
	// iterate(n, md5_raw($password), md5_raw($x)): the first md5 reads a
	// 256-byte password (5 compressions), each round one block.
	d := "iterate(1000,md5_raw($password),md5_raw($x)) hash.hex=" + strings.Repeat("00", 16)
	var work int64 = 5 + 1000
	at := &Verifier{Limits: Limits{RecipeWork: work}}
	below := &Verifier{Limits: Limits{RecipeWork: work - 1}}
	assert.NoError(t, at.Check("recipe", d))
	err := below.Check("recipe", d)
	assert.ErrorIs(t, err, ErrParamsOutOfRange)
	assert.Contains(t, err.Error(), "recipe.work")
}

func TestRecipePasswordTooLong(t *testing.T) {
	d := "md5($password) hash=5f4dcc3b5aa765d61d8327deb882cf99"
	_, err := Verify("recipe", d, strings.Repeat("p", recipeMaxPassword+1))
	assert.ErrorIs(t, err, ErrPasswordTooLong)
	_, err = Verify("recipe", d, strings.Repeat("p", recipeMaxPassword))
	assert.NoError(t, err)
}

func TestRecipeEncodingCannotRepresent(t *testing.T) {
	// A CJK password has no Latin-1 form: no match, no error.
	d := "md5(latin1($password)) hash=5f4dcc3b5aa765d61d8327deb882cf99"
	ok, err := Verify("recipe", d, "密码")
	require.NoError(t, err)
	assert.False(t, ok)
	ok, err = Verify("recipe", d, "password")
	require.NoError(t, err)
	assert.True(t, ok)
}

func TestRecipeIterateKeepsScratchBounded(t *testing.T) {
	d := "iterate(100000,sha256_raw($password),sha256_raw($x+$salt)) salt=ab hash.hex=" + strings.Repeat("00", 32)
	r, err := parseRecipe(d, nil)
	require.NoError(t, err)
	e := &recipeEnv{r: r.(*recipe), password: []byte("pw")}
	e.eval(r.(*recipe).root, nil)
	assert.Less(t, len(e.bufs), 10, "iterate drops each round's buffers")
	e.clear()
	for _, b := range e.bufs {
		assert.Equal(t, make([]byte, len(b)), b, "cleared")
	}
}

func TestRecipeIsInsecureAndNeverHashed(t *testing.T) {
	assert.True(t, Insecure("recipe"))
	_, err := Hash("recipe", "pw")
	assert.Error(t, err)
	up, err := NeedsRehash("recipe", "md5($password) hash=5f4dcc3b5aa765d61d8327deb882cf99")
	require.NoError(t, err)
	assert.True(t, up)
}

func FuzzRecipeParse(f *testing.F) {
	for _, v := range loadVectors(f)["recipe"] {
		f.Add(v.Digest, v.Password)
	}
	f.Add("iterate(3,md5($password),md5($x)) hash=00", "x")
	f.Fuzz(func(t *testing.T, digest, password string) {
		v := &Verifier{Limits: Limits{RecipeWork: 100_000, BcryptCost: 4}}
		if err := v.Check("recipe", digest); err != nil {
			return
		}
		if len(password) > recipeMaxPassword {
			password = password[:recipeMaxPassword]
		}
		if _, err := v.Verify("recipe", digest, password); err != nil {
			t.Fatalf("Check accepted %q but Verify failed: %v", digest, err)
		}
	})
}
