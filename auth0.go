package pwdigest

import (
	"slices"
	"strconv"
	"strings"
)

// auth0_custom_password_hash: the custom_password_hash object of Auth0's
// bulk user import (auth0.com/docs/manage-users/user-migration/
// bulk-user-import-database-schema-and-examples), exactly as the import file
// carries it:
//
//	{"algorithm":"sha256","hash":{"value":"7054f7...","encoding":"hex"},"salt":{"value":"keyboardcat","position":"prefix"}}
//
// Each object is translated into a recipe (recipe.go) and verified by it;
// doc.go says which rules are Auth0's and which are inferred.

func init() {
	register(&scheme{name: "auth0_custom_password_hash", insecure: true, parse: parseAuth0})
}

type auth0Object struct {
	Algorithm string `json:"algorithm"`
	Hash      *struct {
		Value    *string `json:"value"`
		Encoding string  `json:"encoding"`
		Digest   string  `json:"digest"`
		Key      *struct {
			Value    *string `json:"value"`
			Encoding string  `json:"encoding"`
		} `json:"key"`
	} `json:"hash"`
	Salt *struct {
		Value    *string `json:"value"`
		Encoding string  `json:"encoding"`
		Position string  `json:"position"`
	} `json:"salt"`
	Password *struct {
		Encoding string `json:"encoding"`
	} `json:"password"`
}

var auth0Shape = objectShape{
	"":         {"algorithm", "hash", "salt", "password"},
	"hash":     {"value", "encoding", "digest", "key"},
	"hash.key": {"value", "encoding"},
	"salt":     {"value", "encoding", "position"},
	"password": {"encoding"},
}

const auth0Name = "auth0_custom_password_hash"

// auth0Digests are the hash functions of Auth0's "hmac" (hash.digest) and
// "pbkdf2" (the PHC identifier's suffix), named as the recipe names them.
var auth0Digests = []string{"md4", "md5", "ripemd160", "sha1", "sha224", "sha256", "sha384", "sha512"}

// auth0Password is the recipe term for the password in Auth0's
// password.encoding, Node's Buffer encodings.
var auth0Password = map[string]string{
	"":        "$password",
	"utf8":    "$password",
	"utf16le": "utf16le($password)",
	"ucs2":    "utf16le($password)",
	"latin1":  "latin1low($password)",
	"binary":  "latin1low($password)",
	"ascii":   "latin1low($password)",
}

func auth0Err(why string) error { return providerError(auth0Name, why) }

func parseAuth0(digest string, l Limits) (parsed, error) {
	if !isObject(digest) {
		return nil, errAuth0Shape
	}
	var o auth0Object
	if err := decodeObject(auth0Name, digest, auth0Shape, &o); err != nil {
		return nil, err
	}
	if o.Hash == nil || o.Hash.Value == nil {
		return nil, auth0Err("no hash.value")
	}
	pw := "$password"
	if o.Password != nil {
		var ok bool
		if pw, ok = auth0Password[o.Password.Encoding]; !ok {
			return nil, auth0Err("unknown password.encoding " + strconv.Quote(truncate(o.Password.Encoding, 20)) +
				", want utf8, utf16le, ucs2, latin1, binary or ascii")
		}
	}
	h := o.Hash
	value := *h.Value
	b := &recipeBuilder{expr: pw}
	switch o.Algorithm {
	case "argon2", "bcrypt", "ldap", "pbkdf2", "scrypt":
		// The hash is a whole digest string.
		if h.Encoding != "" && h.Encoding != "utf8" {
			return nil, auth0Err(o.Algorithm + ": hash.encoding must be utf8")
		}
		if h.Digest != "" || h.Key != nil || o.Salt != nil {
			return nil, auth0Err(o.Algorithm + ": hash.digest, hash.key and salt are not used (the salt is in hash.value)")
		}
		if err := auth0String(b, o.Algorithm, value); err != nil {
			return nil, err
		}
	case "md4", "md5", "sha1", "sha256", "sha512", "hmac":
		if err := auth0Hash(b, &o, pw); err != nil {
			return nil, err
		}
	case "":
		return nil, auth0Err("no algorithm")
	default:
		return nil, auth0Err("unknown algorithm " + strconv.Quote(truncate(o.Algorithm, 20)) +
			", want argon2, bcrypt, hmac, ldap, md4, md5, sha1, sha256, sha512, pbkdf2 or scrypt")
	}
	return b.parse(auth0Name, l)
}

var errAuth0Shape = malformed(auth0Name, `want a JSON object {"algorithm":...,"hash":{"value":...}}`)

// auth0Hash builds H(salt‖password), or HMAC(key, salt‖password), salt on
// the side salt.position says; the hash is raw bytes in hash.encoding.
func auth0Hash(b *recipeBuilder, o *auth0Object, pw string) error {
	h := o.Hash
	if h.Encoding != "hex" && h.Encoding != "base64" {
		return auth0Err(o.Algorithm + ": hash.encoding must be hex or base64")
	}
	hash, ok := decodeField(h.Encoding, *h.Value)
	if !ok {
		return auth0Err("hash.value is not " + h.Encoding)
	}
	fn := o.Algorithm
	if o.Algorithm == "hmac" {
		switch {
		case h.Digest == "whirlpool":
			return auth0Err("hmac: hash.digest whirlpool is not supported (no well-kept Go implementation)")
		case h.Digest == "":
			return auth0Err("hmac: no hash.digest")
		case !slices.Contains(auth0Digests, h.Digest):
			return auth0Err("hmac: unknown hash.digest " + strconv.Quote(truncate(h.Digest, 20)))
		}
		if h.Key == nil || h.Key.Value == nil {
			return auth0Err("hmac: no hash.key.value")
		}
		key, ok := decodeField(h.Key.Encoding, *h.Key.Value)
		if !ok {
			return auth0Err("hash.key: unknown encoding or value not in it (want utf8, hex or base64)")
		}
		b.field("key", key)
		fn = "hmac_" + h.Digest
	} else if h.Digest != "" || h.Key != nil {
		return auth0Err(o.Algorithm + ": hash.digest and hash.key are for hmac")
	}
	input := pw
	if s := o.Salt; s != nil {
		if s.Value == nil || *s.Value == "" {
			return auth0Err("salt without a value")
		}
		salt, ok := decodeField(s.Encoding, *s.Value)
		if !ok {
			return auth0Err("salt: unknown encoding or value not in it (want utf8, hex or base64)")
		}
		if s.Position != "prefix" && s.Position != "suffix" {
			return auth0Err("salt.position must be prefix or suffix")
		}
		b.field("salt", salt)
		input = concat(s.Position == "prefix", pw, "$salt")
	}
	if fn == o.Algorithm {
		b.expr = fn + "_raw(" + input + ")"
	} else {
		b.expr = fn + "_raw($key," + input + ")"
	}
	b.field("hash", hash)
	return nil
}

// auth0String ends the recipe in the registered hasher of a digest string.
func auth0String(b *recipeBuilder, alg, value string) error {
	switch alg {
	case "bcrypt":
		return b.scheme(auth0Name, "bcrypt", value)
	case "argon2":
		// Auth0 verifies with libsodium (auth0/magic), which reads argon2i
		// and argon2id.
		for _, t := range []string{"argon2id", "argon2i"} {
			if strings.HasPrefix(value, "$"+t+"$") {
				return b.scheme(auth0Name, t, value)
			}
		}
		return auth0Err(`argon2: hash.value must be a PHC string "$argon2id$..." or "$argon2i$..."`)
	case "scrypt":
		if !strings.HasPrefix(value, "$scrypt$") {
			return auth0Err(`scrypt: hash.value must be a PHC string "$scrypt$ln=<log2 N>,r=<r>,p=<p>$<salt>$<hash>"`)
		}
		return b.scheme(auth0Name, "scrypt_passlib", value)
	case "pbkdf2":
		return auth0PBKDF2(b, value)
	}
	return auth0LDAP(b, value)
}

// auth0PBKDF2 reads "$pbkdf2-<digest>$i=<iterations>,l=<key bytes>$<salt>$<hash>",
// salt and hash in unpadded standard base64 (the PHC string format).
func auth0PBKDF2(b *recipeBuilder, value string) error {
	var f [5]string
	if !splitN(value, '$', f[:]) || f[0] != "" {
		return auth0Err(`pbkdf2: hash.value must be "$pbkdf2-<digest>$i=<iterations>,l=<key bytes>$<salt>$<hash>"`)
	}
	d, ok := strings.CutPrefix(f[1], "pbkdf2-")
	if !ok || !slices.Contains(auth0Digests, d) {
		return auth0Err("pbkdf2: unknown PHC identifier " + strconv.Quote(truncate(f[1], 20)))
	}
	is, ls, ok := strings.Cut(f[2], ",")
	is, ok1 := strings.CutPrefix(is, "i=")
	ls, ok2 := strings.CutPrefix(ls, "l=")
	iter, ok3 := parseDecimal(is, 1<<31-1)
	keyLen, ok4 := parseDecimal(ls, 1<<20)
	if !ok || !ok1 || !ok2 || !ok3 || !ok4 {
		return auth0Err(`pbkdf2: want the parameters "i=<iterations>,l=<key bytes>", canonical decimals`)
	}
	if iter < 1 || keyLen < 1 {
		return outOfRange(auth0Name+" pbkdf2 iterations and key length", min(iter, keyLen), "1 and above")
	}
	salt, ok1 := decodeB64(rawStdB64, f[3])
	hash, ok2 := decodeB64(rawStdB64, f[4])
	if !ok1 || !ok2 {
		return auth0Err("pbkdf2: salt or hash is not unpadded base64")
	}
	if uint64(len(hash)) != keyLen {
		return auth0Err("pbkdf2: the hash is not l bytes long")
	}
	b.expr = "pbkdf2_" + d + "_raw(" + b.expr + ",$salt," + strconv.FormatUint(iter, 10) + "," + ls + ")"
	b.field("salt", salt)
	b.field("hash", hash)
	return nil
}

// auth0LDAP reads an RFC 2307 userPassword value: "{SCHEME}" and the
// standard base64 of the hash, followed by the salt for the salted schemes
// (OpenLDAP's slappasswd, and its pw-sha2 module for the SHA-2 ones).
func auth0LDAP(b *recipeBuilder, value string) error {
	end := strings.IndexByte(value, '}')
	if !strings.HasPrefix(value, "{") || end < 0 {
		return auth0Err(`ldap: hash.value must be "{SCHEME}<base64>" (RFC 2307)`)
	}
	scheme, body := value[1:end], value[end+1:]
	ls, ok := auth0LDAPSchemes[scheme]
	if !ok {
		return auth0Err("ldap: unknown scheme " + strconv.Quote(truncate(scheme, 20)) +
			", want MD5, SMD5, SHA, SSHA, SHA256, SSHA256, SHA384, SSHA384, SHA512 or SSHA512")
	}
	fn, salted := ls.fn, ls.salted
	raw, ok := decodeB64(stdB64, body)
	if !ok {
		return auth0Err("ldap: the value after {" + scheme + "} is not padded base64")
	}
	size := recipeHashes[fn].size
	switch {
	case !salted && len(raw) != size:
		return auth0Err("ldap: {" + scheme + "} holds " + strconv.Itoa(len(raw)) + " bytes, want " + strconv.Itoa(size))
	case salted && len(raw) <= size:
		return auth0Err("ldap: {" + scheme + "} holds no salt after its " + strconv.Itoa(size) + "-byte hash")
	}
	b.expr = fn + "_raw(" + b.expr
	if salted {
		b.expr += "+$salt"
		b.field("salt", raw[size:])
	}
	b.expr += ")"
	b.field("hash", raw[:size])
	return nil
}

var auth0LDAPSchemes = map[string]struct {
	fn     string
	salted bool
}{
	"MD5": {"md5", false}, "SMD5": {"md5", true}, "SHA": {"sha1", false}, "SSHA": {"sha1", true},
	"SHA256": {"sha256", false}, "SSHA256": {"sha256", true}, "SHA384": {"sha384", false},
	"SSHA384": {"sha384", true}, "SHA512": {"sha512", false}, "SSHA512": {"sha512", true},
}
