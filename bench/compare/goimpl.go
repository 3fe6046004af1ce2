package main

import (
	"crypto/aes"
	"crypto/cipher"
	"crypto/md5"
	"crypto/sha1"
	"crypto/sha256"
	"crypto/sha512"
	"crypto/subtle"
	"encoding/base64"
	"fmt"
	"hash"
	"math/bits"

	"github.com/go-crypt/crypt"
	"github.com/pwdigest/pwdigest"
	"golang.org/x/crypto/argon2"
	"golang.org/x/crypto/bcrypt"
	"golang.org/x/crypto/pbkdf2"
	"golang.org/x/crypto/scrypt"
)

// verifyFunc does one verification: true when the password matched.
type verifyFunc func() (bool, error)

// goImpl is an implementation run in this process.
type goImpl struct {
	name  string
	bound bool // a lower bound, not a competitor
	f     verifyFunc
}

// goImpls returns the Go implementations that handle c, pwdigest first.
func goImpls(c *benchCase) []goImpl {
	pw := []byte(c.Password)
	impls := []goImpl{{name: "pwdigest Verify", f: func() (bool, error) {
		return pwdigest.Verify(c.Hasher, c.Digest, c.Password)
	}}}
	add := func(name string, f verifyFunc) { impls = append(impls, goImpl{name: name, f: f}) }

	switch c.kind {
	case "bcrypt":
		add("x/crypto bcrypt.CompareHashAndPassword", func() (bool, error) {
			err := bcrypt.CompareHashAndPassword([]byte(c.Digest), pw)
			return err == nil, ignoreMismatch(err)
		})
		add("go-crypt/crypt", goCrypt(c.Digest, c.Password))
	case "pbkdf2":
		h := prfNew(c.prf)
		add("x/crypto pbkdf2.Key (= crypto/pbkdf2)", func() (bool, error) {
			return equal(pbkdf2.Key(pw, c.salt, c.iter, len(c.key), h), c.key), nil
		})
		// go-crypt reads passlib's "$pbkdf2-sha256$<iter>$<ab64 salt>$<ab64 key>";
		// the work is the same, only the encoding differs.
		id := "pbkdf2-" + c.prf
		if c.prf == "sha1" {
			id = "pbkdf2"
		}
		add("go-crypt/crypt ("+id+")", goCrypt(fmt.Sprintf("$%s$%d$%s$%s", id, c.iter,
			ab64.EncodeToString(c.salt), ab64.EncodeToString(c.key)), c.Password))
		blocks := 2 * c.iter * ((len(c.key) + h().Size() - 1) / h().Size())
		impls = append(impls, goImpl{
			name:  fmt.Sprintf("BOUND crypto/%s bulk, %s blocks", c.prf, thousands(blocks)),
			bound: true,
			f:     bulkHash(h, blocks),
		})
	case "phpass":
		add("Go crypto/md5 loop", func() (bool, error) {
			buf := make([]byte, 0, md5.Size+len(pw))
			sum := md5.Sum(append(append(buf, c.salt...), pw...))
			for range c.count {
				sum = md5.Sum(append(append(buf[:0], sum[:]...), pw...))
			}
			return equal(sum[:], c.key), nil
		})
	case "scrypt":
		add("x/crypto scrypt.Key", func() (bool, error) {
			k, err := scrypt.Key(pw, c.salt, c.n, c.r, c.p, len(c.key))
			return err == nil && equal(k, c.key), err
		})
		// go-crypt reads "$scrypt$ln=<log2 N>,r=<r>,p=<p>$<salt>$<key>".
		add("go-crypt/crypt (scrypt)", goCrypt(fmt.Sprintf("$scrypt$ln=%d,r=%d,p=%d$%s$%s",
			bits.TrailingZeros(uint(c.n)), c.r, c.p,
			base64.RawStdEncoding.EncodeToString(c.salt), base64.RawStdEncoding.EncodeToString(c.key)),
			c.Password))
	case "firebase":
		add("x/crypto scrypt.Key + crypto/aes CTR", func() (bool, error) {
			k, err := scrypt.Key(pw, c.salt, c.n, c.r, c.p, 32)
			if err != nil {
				return false, err
			}
			block, err := aes.NewCipher(k)
			if err != nil {
				return false, err
			}
			out := make([]byte, len(c.signerKey))
			cipher.NewCTR(block, make([]byte, aes.BlockSize)).XORKeyStream(out, c.signerKey)
			return equal(out, c.key), nil
		})
	case "argon2":
		kdf, name := argon2.IDKey, "x/crypto argon2.IDKey"
		if c.variant == "argon2i" {
			kdf, name = argon2.Key, "x/crypto argon2.Key"
		}
		add(name, func() (bool, error) {
			return equal(kdf(pw, c.salt, c.t, c.m, c.lanes, uint32(len(c.key))), c.key), nil
		})
		add("go-crypt/crypt", goCrypt(c.Digest, c.Password))
	}
	return impls
}

// goCrypt verifies with github.com/go-crypt/crypt, decoding as its
// CheckPassword does on every call.
func goCrypt(digest, password string) verifyFunc {
	dec, err := crypt.NewDefaultDecoder()
	return func() (bool, error) {
		if err != nil {
			return false, err
		}
		d, err := dec.Decode(digest)
		if err != nil {
			return false, err
		}
		return d.MatchAdvanced(password)
	}
}

// ab64 is passlib's "adapted" base64: "." for "+", no padding.
var ab64 = base64.NewEncoding("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789./").
	WithPadding(base64.NoPadding)

func prfNew(name string) func() hash.Hash {
	switch name {
	case "sha1":
		return sha1.New
	case "sha256":
		return sha256.New
	}
	return sha512.New
}

// bulkHash hashes blocks compression-function blocks of one long message: the
// time of the raw compressions PBKDF2 must do, without HMAC's per-iteration
// overhead (PBKDF2 does 2 per iteration per output block).
func bulkHash(h func() hash.Hash, blocks int) verifyFunc {
	buf := make([]byte, 64<<10)
	return func() (bool, error) {
		d := h()
		total := blocks * d.BlockSize()
		for total > 0 {
			n := min(total, len(buf))
			d.Write(buf[:n])
			total -= n
		}
		d.Sum(nil)
		return true, nil
	}
}

func equal(a, b []byte) bool { return subtle.ConstantTimeCompare(a, b) == 1 }

func ignoreMismatch(err error) error {
	if err == bcrypt.ErrMismatchedHashAndPassword {
		return nil
	}
	return err
}
