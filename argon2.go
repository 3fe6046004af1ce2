package pwdigest

import (
	"crypto/subtle"
	"encoding/base64"
	"fmt"
	"strings"

	"golang.org/x/crypto/argon2"
)

// argon2i, argon2id: the PHC string format that libargon2, argon2-cffi, PHP
// and libsodium write:
//
//	$argon2id$v=19$m=<memory KiB>,t=<passes>,p=<lanes>$<salt>$<hash>
//
// salt and hash in unpadded standard base64, key length = hash length.
// Version 19 (0x13) is current; v=16 (0x10) exists in the wild, and a digest
// without "v=" is version 16, as libargon2 reads it.

type argon2Type int

const (
	argon2d argon2Type = iota
	argon2i
	argon2id
)

var argon2Names = [...]string{argon2d: "argon2d", argon2i: "argon2i", argon2id: "argon2id"}

var (
	argon2iHasher  = register(argon2Scheme(argon2i))
	argon2idHasher = register(argon2Scheme(argon2id))
)

func argon2Scheme(t argon2Type) *scheme {
	name := argon2Names[t]
	f := &argon2Format{typ: t, name: name, prefix: "$" + name + "$"}
	f.errShape = malformed(name, `want "`+f.prefix+`v=19$m=<KiB>,t=<passes>,p=<lanes>$<salt>$<hash>"`)
	f.errNumber = malformed(name, "version, m, t or p is not a canonical decimal")
	f.errB64 = malformed(name, "salt or hash is not unpadded base64")
	return &scheme{
		name:  name,
		parse: f.parse,
		hash: func(password string, p *Policy) (string, error) {
			d := &argon2Digest{typ: t, version: 0x13, m: p.Argon2Memory, t: p.Argon2Time, p: p.Argon2Threads,
				salt: randomBytes(16), hash: make([]byte, 32)}
			key, err := d.key(password)
			if err != nil {
				return "", err
			}
			d.hash = key
			return d.encode(), nil
		},
	}
}

type argon2Format struct {
	typ                         argon2Type
	name, prefix                string
	errShape, errNumber, errB64 error
}

type argon2Digest struct {
	typ        argon2Type
	version    uint32
	m, t, p    uint32
	salt, hash []byte
}

func (f *argon2Format) parse(digest string, l *Limits) (parsed, error) {
	rest, ok := strings.CutPrefix(digest, f.prefix)
	if !ok {
		return nil, f.errShape
	}
	// Everything is checked on the stack; the digest is allocated last.
	d := argon2Digest{typ: f.typ, version: 0x10}
	if v, ok := strings.CutPrefix(rest, "v="); ok {
		i := strings.IndexByte(v, '$')
		if i < 0 {
			return nil, f.errShape
		}
		n, ok := parseDecimal(v[:i], 1<<32-1)
		if !ok {
			return nil, f.errNumber
		}
		d.version, rest = uint32(n), v[i+1:]
	}
	var fields [3]string
	if !splitN(rest, '$', fields[:]) {
		return nil, f.errShape
	}
	var kv [3]string
	if !splitN(fields[0], ',', kv[:]) {
		return nil, f.errShape
	}
	for i, key := range [3]string{"m=", "t=", "p="} {
		s, ok := strings.CutPrefix(kv[i], key)
		if !ok {
			return nil, f.errShape
		}
		n, ok := parseDecimal(s, 1<<32-1)
		if !ok {
			return nil, f.errNumber
		}
		*[3]*uint32{&d.m, &d.t, &d.p}[i] = uint32(n)
	}
	saltLen, ok1 := b64Len(rawStdB64, fields[1])
	hashLen, ok2 := b64Len(rawStdB64, fields[2])
	if !ok1 || !ok2 {
		return nil, f.errB64
	}
	if err := d.check(f.name, saltLen, hashLen, l); err != nil {
		return nil, err
	}
	out := d
	out.salt, _ = decodeB64(rawStdB64, fields[1])
	out.hash, _ = decodeB64(rawStdB64, fields[2])
	return &out, nil
}

// check applies libargon2's own bounds, then l.
func (d *argon2Digest) check(name string, saltLen, hashLen int, l *Limits) error {
	switch {
	case d.version != 0x10 && d.version != 0x13:
		return outOfRange(name+" version", d.version, "16 and 19")
	case d.p < 1 || d.p > 1<<24-1:
		return outOfRange(name+" p", d.p, "1..16777215")
	case d.t < 1:
		return outOfRange(name+" t", d.t, "1 and more")
	case uint64(d.m) < 8*uint64(d.p):
		return outOfRange(name+" m", d.m, "8·p KiB and more")
	case saltLen < 8:
		return outOfRange(name+" salt length", saltLen, "8 bytes and more")
	case hashLen < 4:
		return outOfRange(name+" hash length", hashLen, "4 bytes and more")
	case d.m > l.Argon2Memory:
		return overLimit(name+" m (KiB)", d.m, l.Argon2Memory)
	case d.t > l.Argon2Time:
		return overLimit(name+" t", d.t, l.Argon2Time)
	case d.p > l.Argon2Threads:
		return overLimit(name+" p", d.p, l.Argon2Threads)
	case hashLen > l.PBKDF2KeyLen:
		return overLimit(name+" hash length", hashLen, l.PBKDF2KeyLen)
	}
	return nil
}

// memory is the block memory: m rounded down to a multiple of 4·p KiB.
func (d *argon2Digest) memory() int64 {
	return int64(d.m/(4*d.p)) * int64(4*d.p) * 1024
}

func (d *argon2Digest) weaker(p *Policy) bool {
	return d.version < 0x13 || d.m < p.Argon2Memory || d.t < p.Argon2Time
}

func (d *argon2Digest) key(password string) ([]byte, error) {
	if d.version != 0x13 || d.typ == argon2d || d.p > 255 {
		return nil, fmt.Errorf("pwdigest: %s version %d is not supported yet", argon2Names[d.typ], d.version)
	}
	if d.typ == argon2i {
		return argon2.Key([]byte(password), d.salt, d.t, d.m, uint8(d.p), uint32(len(d.hash))), nil
	}
	return argon2.IDKey([]byte(password), d.salt, d.t, d.m, uint8(d.p), uint32(len(d.hash))), nil
}

func (d *argon2Digest) verify(password string) (bool, error) {
	key, err := d.key(password)
	if err != nil {
		return false, err
	}
	return subtle.ConstantTimeCompare(key, d.hash) == 1, nil
}

func (d *argon2Digest) encode() string {
	var b strings.Builder
	b.WriteString("$" + argon2Names[d.typ] + "$")
	fmt.Fprintf(&b, "v=%d$m=%d,t=%d,p=%d$", d.version, d.m, d.t, d.p)
	b.WriteString(base64.RawStdEncoding.EncodeToString(d.salt) + "$" + base64.RawStdEncoding.EncodeToString(d.hash))
	return b.String()
}
