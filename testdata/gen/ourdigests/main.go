// Command ourdigests writes digests made by pwdigest's own Hash, one file per
// registered hasher, for roundtrip.py to verify with the real producers'
// verifiers (Django, passlib, pyca bcrypt, PHP, argon2-cffi, Werkzeug,
// firebase-scrypt, crypt(3), hashlib). It is the reverse of
// testdata/vectors: our digest, their verifier.
//
// Each line is {"digest", "password", "policy"}: every password of
// passwords.json under the "fast" policy (low costs), two passwords under
// "odd" (other parameter shapes: sha-crypt's implicit 5000 rounds, argon2
// with 4 lanes, scrypt p=2, ...), and one under "default" (the default
// policy). A password Hash refuses (bcrypt over 72 bytes, a NUL byte for bcrypt and
// crypt(3)) is skipped and
// listed on stderr.
//
//	go run ./testdata/gen/ourdigests [-passwords FILE] [-out DIR]
package main

import (
	"bytes"
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"
	"unicode/utf16"

	"github.com/pwdigest/pwdigest"
)

type policy struct {
	name      string
	p         pwdigest.Policy
	passwords []string // names in passwords.json; nil means all
}

var policies = []policy{
	{name: "fast", p: pwdigest.Policy{Costs: map[*pwdigest.Param]int64{
		pwdigest.BcryptCost:           4,
		pwdigest.PBKDF2SHA1Iterations: 1000, pwdigest.PBKDF2SHA256Iterations: 1000, pwdigest.PBKDF2SHA512Iterations: 1000,
		pwdigest.Argon2Memory: 256, pwdigest.Argon2Time: 1, pwdigest.Argon2Threads: 2,
		pwdigest.ScryptN: 1024, pwdigest.ScryptR: 8, pwdigest.ScryptP: 1,
		pwdigest.FirebaseMemCost: 10, pwdigest.FirebaseRounds: 8,
		pwdigest.PhpassRounds:    7,    // passlib's minimum
		pwdigest.CryptRounds:     1000, // the sha-crypt minimum, written as rounds=1000
		pwdigest.YescryptCost:    1,    // mkpasswd -R 1: N=1024, r=8
		pwdigest.ScryptCryptCost: 6, pwdigest.ScramIterations: 4096,
	}}},
	{name: "odd", passwords: []string{"ascii", "emoji"}, p: pwdigest.Policy{Costs: map[*pwdigest.Param]int64{
		pwdigest.BcryptCost:           5,
		pwdigest.PBKDF2SHA1Iterations: 1001, pwdigest.PBKDF2SHA256Iterations: 999, pwdigest.PBKDF2SHA512Iterations: 1234,
		pwdigest.Argon2Memory: 100, pwdigest.Argon2Time: 3, pwdigest.Argon2Threads: 4,
		pwdigest.ScryptN: 2048, pwdigest.ScryptR: 4, pwdigest.ScryptP: 2,
		pwdigest.FirebaseMemCost: 11, pwdigest.FirebaseRounds: 2,
		pwdigest.PhpassRounds:    8,    // WordPress's PasswordHash(8, true)
		pwdigest.CryptRounds:     5000, // the implicit default: no rounds= field
		pwdigest.YescryptCost:    3,    // r=32 from cost 3
		pwdigest.ScryptCryptCost: 6, pwdigest.ScramIterations: 1000,
	}}},
	{name: "default", passwords: []string{"latin"}},
}

// WordPress trims the password when hashing (wp_hash_password) and when
// signing in (wp_authenticate), but not in wp_check_password; pwdigest's
// Hash trims, its Verify does not. Such lines keep the password given to
// Hash and are checked trimmed.
const (
	phpTrimSet        = " \t\n\r\x00\x0b" // PHP trim()'s default set
	wordpressTrimNote = "Hash trims like wp_hash_password; checked with the trimmed password, as wp_authenticate trims before wp_check_password"
)

func main() {
	pwFile := flag.String("passwords", "testdata/gen/passwords.json", "password list (JSON object, name -> password)")
	outDir := flag.String("out", "testdata/roundtrip", "output folder for <hasher>.jsonl")
	flag.Parse()
	if err := run(*pwFile, *outDir, os.Stderr); err != nil {
		fmt.Fprintln(os.Stderr, "ourdigests:", err)
		os.Exit(1)
	}
}

func run(pwFile, outDir string, log io.Writer) error {
	names, passwords, err := readPasswords(pwFile)
	if err != nil {
		return err
	}
	if err := os.MkdirAll(outDir, 0o755); err != nil {
		return err
	}
	old, _ := filepath.Glob(filepath.Join(outDir, "*.jsonl"))
	for _, f := range old {
		if err := os.Remove(f); err != nil {
			return err
		}
	}
	for _, hasher := range pwdigest.Hashers() {
		if hasher == "awscognito" {
			fmt.Fprintf(log, "ourdigests: %s: skip: not a digest (package cognito's tests call cognito-local)\n", hasher)
			continue
		}
		var buf bytes.Buffer
		n := 0
		for _, pol := range policies {
			v := &pwdigest.Verifier{Policy: pol.p}
			use := pol.passwords
			if use == nil {
				use = names
			}
			for _, name := range use {
				pw, ok := passwords[name]
				if !ok {
					return fmt.Errorf("password %q not in %s", name, pwFile)
				}
				d, err := v.Hash(hasher, pw)
				if errors.Is(err, pwdigest.ErrPasswordTooLong) || errors.Is(err, pwdigest.ErrUnsupportedPassword) {
					fmt.Fprintf(log, "ourdigests: %s: skip %s/%s (%d bytes): %v\n", hasher, pol.name, name, len(pw), err)
					continue
				}
				if err != nil {
					return fmt.Errorf("%s: %s/%s: %w", hasher, pol.name, name, err)
				}
				// Our own verifier must agree before a producer is asked.
				check, note := pw, ""
				if hasher == "bcrypt_sha384_wordpress" && strings.Trim(pw, phpTrimSet) != pw {
					check, note = strings.Trim(pw, phpTrimSet), wordpressTrimNote
				}
				if ok, err := v.Verify(hasher, d, check); !ok || err != nil {
					return fmt.Errorf("%s: %s/%s: own digest does not verify: %v", hasher, pol.name, name, err)
				}
				fmt.Fprintf(&buf, `{"digest": %s, "password": %s, "policy": %s`,
					quoteASCII(d), quoteASCII(pw), quoteASCII(pol.name))
				if note != "" {
					fmt.Fprintf(&buf, `, "note": %s`, quoteASCII(note))
				}
				buf.WriteString("}\n")
				n++
			}
		}
		if err := os.WriteFile(filepath.Join(outDir, hasher+".jsonl"), buf.Bytes(), 0o644); err != nil {
			return err
		}
		fmt.Fprintf(log, "ourdigests: %s: %d lines\n", hasher, n)
	}
	return nil
}

// readPasswords reads the JSON object keeping its order, so the output
// files list the passwords as passwords.json does.
func readPasswords(file string) (names []string, pw map[string]string, err error) {
	data, err := os.ReadFile(file)
	if err != nil {
		return nil, nil, err
	}
	dec := json.NewDecoder(bytes.NewReader(data))
	if t, err := dec.Token(); err != nil || t != json.Delim('{') {
		return nil, nil, fmt.Errorf("%s: want a JSON object", file)
	}
	pw = make(map[string]string)
	for dec.More() {
		var k, v string
		t, err := dec.Token()
		if err != nil {
			return nil, nil, fmt.Errorf("%s: %w", file, err)
		}
		k, _ = t.(string)
		if err := dec.Decode(&v); err != nil {
			return nil, nil, fmt.Errorf("%s: %s: %w", file, k, err)
		}
		names = append(names, k)
		pw[k] = v
	}
	return names, pw, nil
}

// quoteASCII writes s as a JSON string with every non-ASCII character
// escaped as \uXXXX (surrogate pairs above U+FFFF), as testdata/vectors
// does, so the files stay byte-stable and readable in any editor. s comes
// from JSON, so it is valid UTF-8.
func quoteASCII(s string) string {
	var b strings.Builder
	b.WriteByte('"')
	for _, r := range s {
		switch {
		case r == '"' || r == '\\':
			b.WriteByte('\\')
			b.WriteRune(r)
		case r == '\n':
			b.WriteString(`\n`)
		case r == '\t':
			b.WriteString(`\t`)
		case r < 0x20 || r == 0x7f:
			fmt.Fprintf(&b, `\u%04x`, r)
		case r < 0x80:
			b.WriteRune(r)
		case r > 0xffff:
			r1, r2 := utf16.EncodeRune(r)
			fmt.Fprintf(&b, `\u%04x\u%04x`, r1, r2)
		default:
			fmt.Fprintf(&b, `\u%04x`, r)
		}
	}
	b.WriteByte('"')
	return b.String()
}
