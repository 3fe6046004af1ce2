package pwdigest

import (
	"crypto/md5"
	"crypto/sha256"
	"crypto/subtle"
	"encoding/hex"
	"hash"
	"strconv"
)

// md5 and sha256: an unsalted hex digest of the password, as home-grown PHP
// and Node apps stored them (PHP md5(), hash('sha256', ...)). Both case
// spellings of hex are accepted. Insecure: upgrade on sign-in.

var (
	md5Hasher    = register(hexScheme("md5", md5.New, md5.Size))
	sha256Hasher = register(hexScheme("sha256", sha256.New, sha256.Size))
)

func hexScheme(name string, newHash func() hash.Hash, size int) *scheme {
	errShape := malformed(name, "want "+strconv.Itoa(2*size)+" hex characters")
	return &scheme{
		name:     name,
		insecure: true,
		parse: func(digest string, _ Limits) (parsed, error) {
			if len(digest) != 2*size || !isHex(digest) {
				return nil, errShape
			}
			p := &hexDigest{newHash: newHash, sum: make([]byte, size)}
			decodeHex(p.sum, digest)
			return p, nil
		},
		hash: func(password string, _ *Policy) (string, error) {
			h := newHash()
			h.Write([]byte(password))
			return hex.EncodeToString(h.Sum(nil)), nil
		},
	}
}

type hexDigest struct {
	newHash func() hash.Hash
	sum     []byte
}

func (p *hexDigest) memory() int64       { return 0 }
func (p *hexDigest) weaker(*Policy) bool { return true }
func (p *hexDigest) verify(password string) (bool, error) {
	h := p.newHash()
	h.Write([]byte(password))
	return subtle.ConstantTimeCompare(h.Sum(nil), p.sum) == 1, nil
}
