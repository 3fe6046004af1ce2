package main

import (
	"encoding/base64"
	"encoding/hex"
	"errors"
	"flag"
	"fmt"
	"strings"

	"github.com/pwdigest/pwdigest"
)

// The recipe hooks of check and identify: `check --recipe` builds each row's
// recipe digest from one expression and the row's salt and hash columns;
// `identify --password` tries a fixed list of home-grown constructions on a
// bare hex or base64 digest.

const checkRecipeHelp = `
--recipe EXPR checks an export that has only hash and salt columns, of one
home-grown construction: each row's digest is the recipe hasher's
"EXPR salt=<the row's salt> hash=<the row's hash>", the hash read from
--digest-field and the salt from --salt-field (needed when EXPR reads
$salt). --salt-encoding and --hash-encoding say how the columns hold the
bytes: raw (the text as written, the default), hex, b64, b64raw, b64url or
b64urlraw. A hash function in EXPR returns lowercase hex text (PHP's md5()),
its _raw form bytes: "md5($salt+$password)" matches a raw column of
lowercase hex, "md5_raw($salt+$password)" with --hash-encoding hex any
case. --recipe excludes --hasher and --hasher-field. See the package
documentation for the expression language.

  pwdigest check --recipe 'md5(md5($password)+$salt)' --digest-field hash --salt-field salt users.csv
`

// recipeFlags are check's recipe flags.
type recipeFlags struct {
	expr, saltField, saltEnc, hashEnc string
}

func (rf *recipeFlags) add(fs *flagSet) {
	fs.StringVar(&rf.expr, "recipe", "", "the recipe expression of every row (see --help)")
	fs.StringVar(&rf.saltField, "salt-field", "", "with --recipe: the field holding each row's salt")
	fs.StringVar(&rf.saltEnc, "salt-encoding", "raw", "with --recipe: how the salt field holds its bytes: raw, hex, b64, b64raw, b64url, b64urlraw")
	fs.StringVar(&rf.hashEnc, "hash-encoding", "raw", "with --recipe: how the digest field holds the hash: raw, hex, b64, b64raw, b64url, b64urlraw")
}

var recipeEncodings = map[string]func(string) ([]byte, error){
	"raw":       func(s string) ([]byte, error) { return []byte(s), nil },
	"hex":       hex.DecodeString,
	"b64":       base64.StdEncoding.Strict().DecodeString,
	"b64raw":    base64.RawStdEncoding.Strict().DecodeString,
	"b64url":    base64.URLEncoding.Strict().DecodeString,
	"b64urlraw": base64.RawURLEncoding.Strict().DecodeString,
}

// validate checks the recipe flags against the rest of check's options and
// returns the columns to build each row's digest from (nil without --recipe).
func (rf *recipeFlags) validate(fs *flag.FlagSet, o *checkOptions) (*recipeColumns, error) {
	set := map[string]bool{}
	fs.Visit(func(f *flag.Flag) { set[f.Name] = true })
	if rf.expr == "" {
		for _, name := range []string{"salt-field", "salt-encoding", "hash-encoding"} {
			if set[name] {
				return nil, fmt.Errorf("--%s needs --recipe", name)
			}
		}
		if set["recipe"] {
			return nil, errors.New("--recipe is empty")
		}
		return nil, nil
	}
	if o.hasher != "" || o.hasherSet {
		return nil, errors.New("--recipe excludes --hasher and --hasher-field")
	}
	if strings.ContainsAny(rf.expr, " \t\r\n") || !strings.Contains(rf.expr, "$password") {
		return nil, errors.New("--recipe: want one expression without spaces that reads $password")
	}
	c := &recipeColumns{expr: rf.expr, useSalt: strings.Contains(rf.expr, "$salt")}
	for _, e := range []struct {
		flag, name string
		dec        *func(string) ([]byte, error)
	}{{"--salt-encoding", rf.saltEnc, &c.saltDec}, {"--hash-encoding", rf.hashEnc, &c.hashDec}} {
		d, ok := recipeEncodings[e.name]
		if !ok {
			return nil, fmt.Errorf("%s %q, want raw, hex, b64, b64raw, b64url or b64urlraw", e.flag, e.name)
		}
		*e.dec = d
	}
	switch {
	case c.useSalt && rf.saltField == "":
		return nil, errors.New("--recipe reads $salt: name its column with --salt-field")
	case !c.useSalt && rf.saltField != "":
		return nil, errors.New("--salt-field given but the recipe does not read $salt")
	}
	for _, other := range []string{o.names.digest, o.names.password} {
		if rf.saltField != "" && rf.saltField == other {
			return nil, fmt.Errorf("--salt-field is %q, a field given another role", other)
		}
	}
	o.names.salt = rf.saltField
	c.saltField, c.hashField = rf.saltField, o.names.digest
	return c, nil
}

// recipeColumns builds a row's recipe digest.
type recipeColumns struct {
	expr                 string
	useSalt              bool
	saltField, hashField string
	saltDec, hashDec     func(string) ([]byte, error)
}

// apply makes the row's digest the recipe digest of its salt and hash,
// always written in hex so that no byte of a column can change the recipe
// text; it returns why the row cannot be one, or "".
func (c *recipeColumns) apply(f *fields) string {
	f.hasher, f.hasHasher, f.notString = "recipe", true, f.notString&^fieldHasher
	if f.notString&fieldDigest != 0 || !f.hasDigest || f.digest == "" {
		return "" // check reports the missing or odd digest
	}
	hash, err := c.hashDec(f.digest)
	if err != nil {
		return c.hashField + " is not in the --hash-encoding"
	}
	d := c.expr
	if c.useSalt {
		switch {
		case f.notString&fieldSalt != 0:
			return c.saltField + " is not a string"
		case !f.hasSalt:
			return "no " + c.saltField
		}
		salt, err := c.saltDec(f.salt)
		if err != nil {
			return c.saltField + " is not in the --salt-encoding"
		}
		d += " salt.hex=" + hex.EncodeToString(salt)
	}
	f.digest = d + " hash.hex=" + hex.EncodeToString(hash)
	return ""
}

const identifyRecipeHelp = `
With --password PW (a test account's password) and a bare digest, hex or
base64 of 16, 20, 28, 32, 48 or 64 bytes, identify tries the common
home-grown constructions instead and prints each that matches, as a recipe
digest (for the recipe hasher, or check --recipe). --salt gives the row's
salt, for the salted ones. H is each hash of the digest's length (16 bytes:
md5, md4; 20: sha1, ripemd160; 28: sha224; 32: sha256; 48: sha384; 64:
sha512); H() is lowercase hex, as PHP's md5() and sha1() return:

  H($password)                  plain (PHP md5(), sha1(), hash())
  H(H($password))               double
  md4(utf16le($password))       NTLM (16 bytes)
  sha1(sha1_raw($password))     MySQL 4.1 PASSWORD() without its "*" (20)
  with --salt:
  H($salt+$password)            salt first (osCommerce, Django's legacy)
  H($password+$salt)            salt last (Joomla 1.5-3)
  H(H($password)+$salt)         vBulletin 3-4
  H($salt+H($password))         PunBB, salted double
  H(H($salt)+H($password))      MyBB, IPB 2-3
  hmac_H($salt,$password)       HMAC keyed by the salt
  hmac_H($password,$salt)       HMAC of the salt keyed by the password

Example:
  pwdigest identify --password hunter2 --salt Xy7k 8082868aa2ae736d1377cb2ea7f407ad
`

// identifyRecipes are the constructions identify --password tries: the
// outer function (H or hmac_H) and its arguments, H standing for each hash
// of the digest's length.
var identifyRecipes = []struct {
	outer, args string
	salted      bool
	size        int // only for digests of this length; 0: any
}{
	{"H", "$password", false, 0},
	{"H", "H($password)", false, 0},
	{"md4", "utf16le($password)", false, 16},
	{"sha1", "sha1_raw($password)", false, 20},
	{"H", "$salt+$password", true, 0},
	{"H", "$password+$salt", true, 0},
	{"H", "H($password)+$salt", true, 0},
	{"H", "$salt+H($password)", true, 0},
	{"H", "H($salt)+H($password)", true, 0},
	{"hmac_H", "$salt,$password", true, 0},
	{"hmac_H", "$password,$salt", true, 0},
}

var identifyHashes = map[int][]string{16: {"md5", "md4"}, 20: {"sha1", "ripemd160"}, 28: {"sha224"},
	32: {"sha256"}, 48: {"sha384"}, 64: {"sha512"}}

// identifyFlags are identify's recipe flags.
type identifyFlags struct {
	password, salt string
	set            bool
}

func (f *identifyFlags) add(fs *flagSet) {
	fs.StringVar(&f.password, "password", "", "a test password: try the common home-grown constructions (see --help)")
	fs.StringVar(&f.salt, "salt", "", "with --password: the digest's salt")
}

// decodeBare reads a bare digest: hex of either case, or base64 (standard
// or URL-safe, padded or not); field is its recipe field.
func decodeBare(s string) (raw []byte, field string, lowerHex bool, ok bool) {
	if b, err := hex.DecodeString(s); err == nil && identifyHashes[len(b)] != nil {
		return b, "hash.hex=" + s, s == strings.ToLower(s), true
	}
	for _, e := range []struct {
		enc  *base64.Encoding
		name string
	}{{base64.StdEncoding, "b64"}, {base64.RawStdEncoding, "b64raw"}, {base64.URLEncoding, "b64url"}, {base64.RawURLEncoding, "b64urlraw"}} {
		if b, err := e.enc.Strict().DecodeString(s); err == nil && identifyHashes[len(b)] != nil {
			return b, "hash." + e.name + "=" + s, false, true
		}
	}
	return nil, "", false, false
}

// run prints the constructions that match; it returns the exit
// code.
func (f *identifyFlags) run(e *env, digest string) int {
	raw, hashField, lowerHex, ok := decodeBare(digest)
	if !ok {
		fmt.Fprintln(e.stderr, "pwdigest identify: --password wants a hex or base64 digest of 16, 20, 28, 32, 48 or 64 bytes")
		return exitNegative
	}
	saltField := ""
	if f.salt != "" {
		saltField = " salt.hex=" + hex.EncodeToString([]byte(f.salt))
		if !strings.ContainsAny(f.salt, " =\t\r\n\x00") && !strings.ContainsFunc(f.salt, func(r rune) bool { return r < ' ' || r == 0x7f }) {
			saltField = " salt=" + f.salt
		}
	}
	found := 0
	for _, c := range identifyRecipes {
		if c.salted != (f.salt != "") && c.salted || c.size != 0 && c.size != len(raw) {
			continue
		}
		for _, h := range identifyHashes[len(raw)] {
			if c.size != 0 && !strings.HasPrefix(c.outer, "H") && c.outer != h {
				continue
			}
			outer := strings.ReplaceAll(c.outer, "H", h)
			args := strings.ReplaceAll(c.args, "H(", h+"(")
			// The outer hash compares bytes (any case of hex, any base64)
			// but for lowercase hex, where PHP's own form reads best.
			expr := outer + "_raw(" + args + ")"
			field := hashField
			if lowerHex {
				expr = outer + "(" + args + ")"
				field = "hash=" + digest
			}
			d := expr
			if c.salted {
				d += saltField
			}
			d += " " + field
			if ok, err := pwdigest.Verify("recipe", d, f.password); err == nil && ok {
				fmt.Fprintln(e.stdout, d)
				found++
			}
		}
	}
	if found == 0 {
		fmt.Fprintln(e.stderr, "pwdigest identify: none of the common constructions matches (see --help)")
		return exitNegative
	}
	return exitOK
}
