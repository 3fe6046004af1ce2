package pwdigest

import (
	"encoding/base64"
	"fmt"
	"strings"

	"github.com/pwdigest/pwdigest/internal/argon2core"
)

// argon2d, argon2i, argon2id: the PHC string format that libargon2,
// argon2-cffi, PHP and libsodium write:
//
//	$argon2id$v=19$m=<memory KiB>,t=<passes>,p=<lanes>$<salt>$<hash>
//
// salt and hash in unpadded standard base64, key length = hash length.
// Version 19 (0x13) is current; v=16 (0x10) exists in the wild, and a digest
// without "v=" is version 16, as libargon2 reads it. argon2_django is
// Django's Argon2PasswordHasher: "argon2" followed by such a string (argon2id
// since Django 3.2, argon2i before), checked by argon2-cffi whatever its type.
//
// The computation is internal/argon2core (AVX2 on amd64), which unlike
// x/crypto/argon2 does Argon2d and version 16.

type argon2Type = argon2core.Type

const (
	argon2d  = argon2core.Argon2d
	argon2i  = argon2core.Argon2i
	argon2id = argon2core.Argon2id
)

// The argon2 costs, shared by argon2d, argon2i, argon2id and argon2_django.
var (
	Argon2Memory = newParam(Param{
		Name: "argon2.memory",
		Doc: "argon2 memory in KiB (m=); limit 1 GiB (OWASP's strongest argon2id setting is 46 MiB; " +
			"RFC 9106's first recommendation, 2 GiB, is refused); policy 19456 (19 MiB), OWASP's",
		Min: 8, Max: 1<<32 - 1, Limit: 1 << 20, Policy: 19456,
	})
	Argon2Time = newParam(Param{
		Name: "argon2.time",
		Doc:  "argon2 passes (t=); limit 16; policy 2, OWASP's",
		Min:  1, Max: 1<<32 - 1, Limit: 16, Policy: 2,
	})
	Argon2Threads = newParam(Param{
		Name: "argon2.parallelism",
		Doc:  "argon2 lanes (p=); limit 16; policy 1, OWASP's",
		Min:  1, Max: 1<<24 - 1, Limit: 16, Policy: 1,
	})
)

var argon2Params = []*Param{Argon2Memory, Argon2Time, Argon2Threads}

var argon2Names = [...]string{argon2d: "argon2d", argon2i: "argon2i", argon2id: "argon2id"}

var argon2Formats = [...]*argon2Format{
	argon2d:  newArgon2Format(argon2d, ""),
	argon2i:  newArgon2Format(argon2i, ""),
	argon2id: newArgon2Format(argon2id, ""),
}

func init() {
	register(argon2Scheme(argon2d))
	register(argon2Scheme(argon2i))
	register(argon2Scheme(argon2id))
}

func argon2Scheme(t argon2Type) *scheme {
	return &scheme{
		name:       argon2Names[t],
		params:     argon2Params,
		hashMemory: argon2PolicyMemory,
		parse:      argon2Formats[t].parse,
		hash: func(password string, p *Policy) (string, error) {
			return hashArgon2(t, password, p)
		},
	}
}

// argon2PolicyMemory is the block memory of a new digest.
func argon2PolicyMemory(p *Policy) int64 {
	return int64(argon2core.MemoryBytes(argon2core.Params{
		Memory: uint32(p.Get(Argon2Memory)), Time: uint32(p.Get(Argon2Time)), Threads: uint32(p.Get(Argon2Threads)), KeyLen: 32,
	}))
}

func hashArgon2(t argon2Type, password string, p *Policy) (string, error) {
	d := &argon2Digest{typ: t, version: 0x13,
		m: uint32(p.Get(Argon2Memory)), t: uint32(p.Get(Argon2Time)), p: uint32(p.Get(Argon2Threads)),
		salt: randomBytes(16), hash: make([]byte, 32)}
	key, err := d.key(password)
	if err != nil {
		return "", err
	}
	d.hash = key
	return d.encode(), nil
}

// argon2Format parses one type's PHC strings, after an optional outer prefix
// (Django's "argon2").
type argon2Format struct {
	typ                         argon2Type
	name, prefix                string
	errShape, errNumber, errB64 error
}

func newArgon2Format(t argon2Type, outer string) *argon2Format {
	name := argon2Names[t]
	if outer != "" {
		name = outer + "_django"
	}
	f := &argon2Format{typ: t, name: name, prefix: outer + "$" + argon2Names[t] + "$"}
	f.errShape = malformed(name, `want "`+f.prefix+`v=19$m=<KiB>,t=<passes>,p=<lanes>$<salt>$<hash>"`)
	f.errNumber = malformed(name, "version, m, t or p is not a canonical decimal")
	f.errB64 = malformed(name, "salt or hash is not unpadded base64")
	return f
}

type argon2Digest struct {
	typ        argon2Type
	version    uint32
	m, t, p    uint32
	salt, hash []byte
}

func (f *argon2Format) parse(digest string, l Limits) (parsed, error) {
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
func (d *argon2Digest) check(name string, saltLen, hashLen int, l Limits) error {
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
	}
	for _, c := range [...]struct {
		p    *Param
		what string
		v    uint32
	}{{Argon2Memory, "m (KiB)", d.m}, {Argon2Time, "t", d.t}, {Argon2Threads, "p", d.p}} {
		if err := l.limit(c.p, name, c.what, int64(c.v)); err != nil {
			return err
		}
	}
	return checkHashLen(name, hashLen, l)
}

func (d *argon2Digest) params() argon2core.Params {
	return argon2core.Params{Type: d.typ, Version: d.version, Memory: d.m, Time: d.t, Threads: d.p, KeyLen: uint32(len(d.hash))}
}

// memory is the block memory the core holds.
func (d *argon2Digest) memory() int64 { return int64(argon2core.MemoryBytes(d.params())) }

func (d *argon2Digest) weaker(p *Policy) bool {
	return d.version < 0x13 || int64(d.m) < p.Get(Argon2Memory) || int64(d.t) < p.Get(Argon2Time)
}

func (d *argon2Digest) key(password string) ([]byte, error) {
	pw := passwordCopy(password)
	defer clear(pw)
	key, err := argon2core.Key(pw, d.salt, nil, nil, d.params())
	if err != nil {
		// parse applied the same bounds; what is left is the core failing
		// to get its memory.
		return nil, fmt.Errorf("pwdigest: %s: %w", argon2Names[d.typ], err)
	}
	return key, nil
}

func (d *argon2Digest) verify(password string) (bool, error) {
	key, err := d.key(password)
	return equalKey(key, err, d.hash)
}

func (d *argon2Digest) encode() string {
	var b strings.Builder
	b.WriteString("$" + argon2Names[d.typ] + "$")
	fmt.Fprintf(&b, "v=%d$m=%d,t=%d,p=%d$", d.version, d.m, d.t, d.p)
	b.WriteString(base64.RawStdEncoding.EncodeToString(d.salt) + "$" + base64.RawStdEncoding.EncodeToString(d.hash))
	return b.String()
}
