package pwdigest

import (
	"strconv"
	"strings"
)

// okta_password_hash: the credentials.password.hash object of Okta's Users
// API (Create User with Imported Hashed Password), exactly as the API takes
// it:
//
//	{"algorithm":"SHA-512","saltOrder":"POSTFIX","salt":"JipHQUgq...","value":"Zz6KwLGD..."}
//
// translated into a recipe (recipe.go); doc.go says which rules are Okta's
// and which are inferred.

func init() {
	register(&scheme{name: "okta_password_hash", insecure: true, parse: parseOkta})
}

const oktaName = "okta_password_hash"

type oktaObject struct {
	Algorithm       string  `json:"algorithm"`
	Value           *string `json:"value"`
	Salt            *string `json:"salt"`
	SaltOrder       string  `json:"saltOrder"`
	WorkFactor      *int64  `json:"workFactor"`
	DigestAlgorithm string  `json:"digestAlgorithm"`
	IterationCount  *int64  `json:"iterationCount"`
	KeySize         *int64  `json:"keySize"`
}

var oktaShape = objectShape{
	"": {"algorithm", "value", "salt", "saltOrder", "workFactor", "digestAlgorithm", "iterationCount", "keySize"},
}

// oktaDigests are Okta's plain digests, by algorithm name.
var oktaDigests = map[string]string{"SHA-512": "sha512", "SHA-256": "sha256", "SHA-1": "sha1", "MD5": "md5"}

// oktaPBKDF2 are Okta's digestAlgorithm values.
var oktaPBKDF2 = map[string]string{"SHA256_HMAC": "sha256", "SHA512_HMAC": "sha512"}

var errOktaShape = malformed(oktaName, `want a JSON object {"algorithm":...,"value":...}`)

func oktaErr(why string) error { return providerError(oktaName, why) }

func parseOkta(digest string, l Limits) (parsed, error) {
	if !isObject(digest) {
		return nil, errOktaShape
	}
	var o oktaObject
	if err := decodeObject(oktaName, digest, oktaShape, &o); err != nil {
		return nil, err
	}
	if o.Value == nil {
		return nil, oktaErr("no value")
	}
	// Each algorithm's fields, and no other.
	var want string
	fn, plain := oktaDigests[o.Algorithm]
	switch {
	case o.Algorithm == "BCRYPT":
		want = "algorithm value salt workFactor"
	case plain:
		want = "algorithm value salt saltOrder"
	case o.Algorithm == "PBKDF2":
		want = "algorithm value salt digestAlgorithm iterationCount keySize"
	case o.Algorithm == "":
		return nil, oktaErr("no algorithm")
	default:
		return nil, oktaErr("unknown algorithm " + strconv.Quote(truncate(o.Algorithm, 20)) +
			", want BCRYPT, SHA-512, SHA-256, SHA-1, MD5 or PBKDF2")
	}
	for _, f := range [...]struct {
		name string
		set  bool
	}{
		{"salt", o.Salt != nil}, {"saltOrder", o.SaltOrder != ""}, {"workFactor", o.WorkFactor != nil},
		{"digestAlgorithm", o.DigestAlgorithm != ""}, {"iterationCount", o.IterationCount != nil}, {"keySize", o.KeySize != nil},
	} {
		if f.set && !strings.Contains(want, f.name) {
			return nil, oktaErr(o.Algorithm + " takes no " + f.name)
		}
	}
	b := &recipeBuilder{expr: "$password"}
	switch {
	case o.Algorithm == "BCRYPT":
		if o.WorkFactor == nil || o.Salt == nil {
			return nil, oktaErr("BCRYPT needs workFactor and salt")
		}
		// Okta takes work factors 1 to 20, but no bcrypt computes a cost
		// below 4 (OpenBSD, pyca and PHP refuse it): such an object was not
		// made by bcrypt. Above 20, Okta refuses it; BcryptCost limits it
		// first.
		if w := *o.WorkFactor; w < 4 || w > 20 {
			return nil, outOfRange(oktaName+" BCRYPT workFactor", w, "4..20 (Okta takes 1..20, bcrypt 4 and above)")
		}
		if len(*o.Salt) != 22 || len(*o.Value) != 31 {
			return nil, oktaErr("BCRYPT: salt must be 22 characters and value 31, bcrypt's base64")
		}
		inner := "$2b$" + twoDigits(*o.WorkFactor) + "$" + *o.Salt + *o.Value
		if err := b.scheme(oktaName, "bcrypt", inner); err != nil {
			return nil, err
		}
	case plain:
		hash, ok := decodeB64(stdB64, *o.Value)
		if !ok {
			return nil, oktaErr("value is not padded base64")
		}
		input := "$password"
		if o.Salt != nil {
			salt, ok := decodeB64(stdB64, *o.Salt)
			if !ok || len(salt) == 0 {
				return nil, oktaErr("salt is not padded base64, or empty")
			}
			if o.SaltOrder != "PREFIX" && o.SaltOrder != "POSTFIX" {
				return nil, oktaErr("saltOrder must be PREFIX or POSTFIX")
			}
			b.field("salt", salt)
			input = concat(o.SaltOrder == "PREFIX", "$password", "$salt")
		} else if o.SaltOrder != "" {
			return nil, oktaErr("saltOrder without a salt")
		}
		b.expr = fn + "_raw(" + input + ")"
		b.field("hash", hash)
	default: // PBKDF2
		h, ok := oktaPBKDF2[o.DigestAlgorithm]
		if !ok {
			return nil, oktaErr("PBKDF2: digestAlgorithm must be SHA256_HMAC or SHA512_HMAC")
		}
		if o.Salt == nil || o.IterationCount == nil || o.KeySize == nil {
			return nil, oktaErr("PBKDF2 needs salt, iterationCount and keySize")
		}
		// Okta: "Must be >= 4096". The work limit (RecipeWork) bounds it
		// from above.
		if n := *o.IterationCount; n < 4096 {
			return nil, outOfRange(oktaName+" PBKDF2 iterationCount", n, "4096 and above")
		}
		salt, ok1 := decodeB64(stdB64, *o.Salt)
		hash, ok2 := decodeB64(stdB64, *o.Value)
		if !ok1 || !ok2 {
			return nil, oktaErr("salt or value is not padded base64")
		}
		if int64(len(hash)) != *o.KeySize {
			return nil, oktaErr("PBKDF2: value is not keySize bytes long")
		}
		b.expr = "pbkdf2_" + h + "_raw($password,$salt," + strconv.FormatInt(*o.IterationCount, 10) + "," +
			strconv.FormatInt(*o.KeySize, 10) + ")"
		b.field("salt", salt)
		b.field("hash", hash)
	}
	return b.parse(oktaName, l)
}

func twoDigits(n int64) string {
	if n < 10 {
		return "0" + strconv.FormatInt(n, 10)
	}
	return strconv.FormatInt(n, 10)
}
