package pwdigest

import (
	"encoding/base64"
	"encoding/hex"
	"encoding/json"
	"errors"
	"io"
	"reflect"
	"slices"
	"strconv"
	"strings"
)

// Shared by the identity providers' import objects (auth0.go, okta.go,
// firebase.go): strict decoding of one JSON object, and its translation into
// a recipe (recipe.go), so that every construction is verified, and its work
// limited, by the recipe engine.

// providerMaxLen bounds an import object before it is decoded.
const providerMaxLen = 8192

// providerError is a malformed import object. It names fields and
// algorithms, never a field's value.
func providerError(name, why string) error {
	return &digestError{ErrMalformedDigest, "pwdigest: malformed digest: " + name + ": " + why}
}

// isObject is the free first test of an import object, so that Identify
// refuses every other format without allocating: decoding JSON does.
func isObject(digest string) bool {
	return len(digest) >= 2 && digest[0] == '{' && digest[len(digest)-1] == '}'
}

// objectHints name, for a field an SDK or a forum spells otherwise, the
// field the import API takes.
var objectHints = map[string]map[string]string{
	firebaseImportName: {
		"hash": "give the hash options as the API takes them: hashAlgorithm, signerKey, rounds...", "algorithm": "the API's name is hashAlgorithm",
		"key": "the API's name is signerKey", "derivedKeyLength": "the API's name is dkLen", "passwordSalt": "the API's name is salt",
	},
	oktaName: {
		"iterations": "Okta's name is iterationCount", "byteSize": "Okta's name is keySize", "encryption": "Okta's name is digestAlgorithm",
		"hash": "give the credentials.password.hash object itself",
	},
	auth0Name: {"custom_password_hash": "give the custom_password_hash object itself"},
}

// objectShape lists the fields each (nested) object may hold, by path: ""
// for the top level, "hash.key" for {"hash":{"key":{...}}}. A path listed
// here is an object; every other field is a string, number or boolean.
type objectShape map[string][]string

// decodeObject decodes digest, one JSON object and nothing around it, into v:
// fields matched exactly (encoding/json alone matches them case-insensitively
// and lets duplicates through), no unknown or repeated field, no null, no
// array, nesting only where shape says. Every check runs before
// encoding/json allocates anything for v.
func decodeObject(name, digest string, shape objectShape, v any) error {
	if len(digest) > providerMaxLen {
		return providerError(name, "longer than "+strconv.Itoa(providerMaxLen)+" characters")
	}
	if len(digest) < 2 || digest[0] != '{' || digest[len(digest)-1] != '}' {
		return providerError(name, "want one JSON object, from { to }")
	}
	dec := json.NewDecoder(strings.NewReader(digest))
	dec.UseNumber()
	if _, err := dec.Token(); err != nil {
		return providerError(name, "not valid JSON")
	}
	if err := walkObject(name, dec, shape, ""); err != nil {
		return err
	}
	if _, err := dec.Token(); err != io.EOF {
		return providerError(name, "data after the object")
	}
	strict := json.NewDecoder(strings.NewReader(digest))
	strict.DisallowUnknownFields()
	if err := strict.Decode(v); err != nil {
		var te *json.UnmarshalTypeError
		if errors.As(err, &te) {
			what := "a string"
			if te.Type.Kind() != reflect.String {
				what = "an integer"
			}
			return providerError(name, "field "+strconv.Quote(truncate(te.Field, 40))+" is not "+what)
		}
		return providerError(name, "not valid JSON")
	}
	return nil
}

// walkObject checks the fields of the object whose "{" dec has just read.
func walkObject(name string, dec *json.Decoder, shape objectShape, path string) error {
	allowed := shape[path]
	var seen []string
	for dec.More() {
		t, err := dec.Token()
		if err != nil {
			return providerError(name, "not valid JSON")
		}
		key, _ := t.(string)
		full := key
		if path != "" {
			full = path + "." + key
		}
		if !slices.Contains(allowed, key) {
			why := "unknown field " + strconv.Quote(truncate(full, 40))
			if h, ok := objectHints[name][full]; ok {
				why += " (" + h + ")"
			}
			return providerError(name, why)
		}
		if slices.Contains(seen, key) {
			return providerError(name, "field "+strconv.Quote(full)+" given twice")
		}
		seen = append(seen, key)
		t, err = dec.Token()
		if err != nil {
			return providerError(name, "not valid JSON")
		}
		_, nested := shape[full]
		switch t {
		case json.Delim('{'):
			if !nested {
				return providerError(name, "field "+strconv.Quote(full)+" is not an object")
			}
			if err := walkObject(name, dec, shape, full); err != nil {
				return err
			}
		case json.Delim('['):
			return providerError(name, "field "+strconv.Quote(full)+" is an array")
		case nil:
			return providerError(name, "field "+strconv.Quote(full)+" is null: leave it out")
		default:
			if nested {
				return providerError(name, "field "+strconv.Quote(full)+" is not an object")
			}
		}
	}
	if _, err := dec.Token(); err != nil { // the closing "}"
		return providerError(name, "not valid JSON")
	}
	return nil
}

// A recipeBuilder writes the recipe text of an import object: an expression
// and its fields, the fields' bytes in hex so that no value can break the
// text form.
type recipeBuilder struct {
	expr   string
	fields []string
}

func (b *recipeBuilder) field(name string, v []byte) {
	b.fields = append(b.fields, name+".hex="+hex.EncodeToString(v))
}

// scheme ends the recipe in a registered hasher whose digest is inner.
func (b *recipeBuilder) scheme(name, hasher, inner string) error {
	for i := 0; i < len(inner); i++ {
		if c := inner[i]; c <= ' ' || c == 0x7f {
			return providerError(name, "the "+hasher+" digest holds a space or control character")
		}
	}
	b.expr = hasher + "(" + b.expr + ")"
	b.fields = append(b.fields, "hash="+inner)
	return nil
}

func (b *recipeBuilder) text() string {
	return b.expr + " " + strings.Join(b.fields, " ")
}

// parse parses and prepares the recipe under l. A malformed recipe here is
// the object's fault (a hash of the wrong length): its error names the
// hasher.
func (b *recipeBuilder) parse(name string, l Limits) (parsed, error) {
	p, err := parseRecipe(b.text(), l)
	var de *digestError
	if errors.As(err, &de) && de.kind == ErrMalformedDigest {
		return nil, providerError(name, strings.TrimPrefix(de.msg, "pwdigest: malformed digest: "))
	}
	return p, err
}

// concat joins recipe terms, salt first or password first.
func concat(saltFirst bool, password, salt string) string {
	if salt == "" {
		return password
	}
	if saltFirst {
		return salt + "+" + password
	}
	return password + "+" + salt
}

// decodeField decodes s in Auth0's encoding names: hex, padded standard
// base64, or utf8 (the text's bytes).
func decodeField(enc, s string) ([]byte, bool) {
	switch enc {
	case "hex":
		b, err := hex.DecodeString(s)
		return b, err == nil
	case "base64":
		b, err := base64.StdEncoding.Strict().DecodeString(s)
		return b, err == nil
	case "utf8", "":
		return []byte(s), true
	}
	return nil, false
}
