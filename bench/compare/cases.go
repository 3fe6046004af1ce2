package main

import (
	"bufio"
	"encoding/base64"
	"encoding/hex"
	"encoding/json"
	"fmt"
	"os"
	"strconv"
	"strings"
)

// benchCase is one line of testdata/bench/digests.jsonl plus the parameters
// the direct implementations need, read from the digest here so that every
// implementation gets the same inputs.
type benchCase struct {
	Case     string `json:"case"`
	Hasher   string `json:"hasher"`
	Digest   string `json:"digest"`
	Password string `json:"password"`
	Source   string `json:"source"`
	Note     string `json:"note"`

	kind string // bcrypt, pbkdf2, phpass, scrypt, firebase, argon2, yescrypt
	desc string // the parameters, for the table heading

	// pbkdf2
	prf  string // sha1, sha256, sha512 (hashlib and PHP names)
	iter int
	// pbkdf2, scrypt, firebase (salt || separator), argon2, phpass
	salt []byte
	key  []byte // expected derived key; phpass checksum; firebase hash
	// scrypt, firebase
	n, r, p int
	// firebase
	signerKey, separator []byte
	// phpass
	count int
	// argon2
	variant string // argon2i, argon2id
	version int
	m, t    uint32
	lanes   uint8
}

func loadCases(path string) ([]*benchCase, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	var cs []*benchCase
	sc := bufio.NewScanner(f)
	sc.Buffer(nil, 1<<20)
	for line := 1; sc.Scan(); line++ {
		c := new(benchCase)
		if err := json.Unmarshal(sc.Bytes(), c); err != nil {
			return nil, fmt.Errorf("%s:%d: %v", path, line, err)
		}
		if err := c.parse(); err != nil {
			return nil, fmt.Errorf("%s:%d: case %s: %v", path, line, c.Case, err)
		}
		cs = append(cs, c)
	}
	return cs, sc.Err()
}

// parse fills the parameters from the digest. It only needs to understand
// the shapes in digests.jsonl; pwdigest does the strict parsing.
func (c *benchCase) parse() error {
	var err error
	switch c.Hasher {
	case "bcrypt":
		c.kind = "bcrypt"
		if len(c.Digest) < 7 {
			return fmt.Errorf("short bcrypt digest")
		}
		c.desc = "cost " + c.Digest[4:6]
	case "pbkdf2_sha256", "pbkdf2_sha256_django", "pbkdf2_sha512", "pbkdf2_sha1":
		err = c.parsePBKDF2()
	case "phpass":
		err = c.parsePhpass()
	case "scrypt_werkzeug":
		err = c.parseWerkzeug()
	case "scrypt_firebase":
		err = c.parseFirebase()
	case "argon2i", "argon2id":
		err = c.parseArgon2()
	case "yescrypt":
		c.kind = "yescrypt"
		c.desc = "libxcrypt " + strings.Join(strings.Split(c.Digest, "$")[:3], "$") + "$"
	default:
		err = fmt.Errorf("no direct implementations for hasher %q", c.Hasher)
	}
	return err
}

func (c *benchCase) parsePBKDF2() error {
	f := strings.Split(c.Digest, "$")
	if len(f) != 4 {
		return fmt.Errorf("want 4 fields")
	}
	c.kind = "pbkdf2"
	c.prf = strings.TrimPrefix(f[0], "pbkdf2_")
	var err error
	if c.iter, err = strconv.Atoi(f[1]); err != nil {
		return err
	}
	c.salt = []byte(f[2])
	switch {
	case c.Hasher == "pbkdf2_sha256": // Keycloak: base64 salt, used decoded
		if c.salt, err = base64.StdEncoding.DecodeString(f[2]); err == nil {
			c.key, err = base64.StdEncoding.DecodeString(f[3])
		}
	case c.Hasher == "pbkdf2_sha512" || len(f[3]) == 40:
		c.key, err = hex.DecodeString(f[3])
	default: // Django: base64
		c.key, err = base64.StdEncoding.DecodeString(f[3])
	}
	c.desc = fmt.Sprintf("PBKDF2-HMAC-%s, %s iterations, %d-byte key",
		strings.ToUpper(c.prf), thousands(c.iter), len(c.key))
	return err
}

const itoa64 = "./0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz"

func (c *benchCase) parsePhpass() error {
	if len(c.Digest) != 34 {
		return fmt.Errorf("want 34 characters")
	}
	c.kind = "phpass"
	c.count = 1 << strings.IndexByte(itoa64, c.Digest[3])
	c.salt = []byte(c.Digest[4:12])
	// phpass's base64: 6 bits per character, least significant first.
	var acc, bits uint
	for i := 12; i < 34; i++ {
		acc |= uint(strings.IndexByte(itoa64, c.Digest[i])) << bits
		for bits += 6; bits >= 8; bits -= 8 {
			c.key = append(c.key, byte(acc))
			acc >>= 8
		}
	}
	c.desc = fmt.Sprintf("%s, 2^%d rounds", c.Digest[:4], strings.IndexByte(itoa64, c.Digest[3]))
	return nil
}

func (c *benchCase) parseWerkzeug() error {
	var params, salt, key string
	f := strings.Split(c.Digest, "$")
	if len(f) != 3 {
		return fmt.Errorf("want 3 fields")
	}
	params, salt, key = f[0], f[1], f[2]
	c.kind = "scrypt"
	if _, err := fmt.Sscanf(params, "scrypt:%d:%d:%d", &c.n, &c.r, &c.p); err != nil {
		return err
	}
	c.salt = []byte(salt)
	var err error
	c.key, err = hex.DecodeString(key)
	c.desc = fmt.Sprintf("scrypt N=%d r=%d p=%d, %d-byte key", c.n, c.r, c.p, len(c.key))
	return err
}

func (c *benchCase) parseFirebase() error {
	f := strings.Split(c.Digest, "$")
	if len(f) != 6 {
		return fmt.Errorf("want 6 fields")
	}
	c.kind = "firebase"
	var b [4][]byte
	for i := range b {
		var err error
		if b[i], err = base64.StdEncoding.DecodeString(f[i]); err != nil {
			return err
		}
	}
	c.key, c.signerKey, c.separator = b[0], b[2], b[3]
	c.salt = append(b[1], b[3]...)
	rounds, err1 := strconv.Atoi(f[4])
	memCost, err2 := strconv.Atoi(f[5])
	if err1 != nil || err2 != nil {
		return fmt.Errorf("bad rounds or mem cost")
	}
	c.n, c.r, c.p = 1<<memCost, rounds, 1
	c.desc = fmt.Sprintf("scrypt N=2^%d r=%d p=1 + AES-256-CTR", memCost, rounds)
	return nil
}

func (c *benchCase) parseArgon2() error {
	f := strings.Split(c.Digest, "$")
	if len(f) != 6 {
		return fmt.Errorf("want 6 fields")
	}
	c.kind, c.variant = "argon2", f[1]
	var lanes int
	if _, err := fmt.Sscanf(f[2]+","+f[3], "v=%d,m=%d,t=%d,p=%d", &c.version, &c.m, &c.t, &lanes); err != nil {
		return err
	}
	if c.version != 19 || lanes < 1 || lanes > 255 {
		return fmt.Errorf("only version 19 with 1..255 lanes is benchmarked")
	}
	c.lanes = uint8(lanes)
	var err error
	if c.salt, err = base64.RawStdEncoding.DecodeString(f[4]); err == nil {
		c.key, err = base64.RawStdEncoding.DecodeString(f[5])
	}
	c.desc = fmt.Sprintf("%s v=19 m=%d KiB t=%d p=%d", c.variant, c.m, c.t, lanes)
	return err
}

// thousands writes n with comma separators.
func thousands(n int) string {
	s := strconv.Itoa(n)
	for i := len(s) - 3; i > 0; i -= 3 {
		s = s[:i] + "," + s[i:]
	}
	return s
}
