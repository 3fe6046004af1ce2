package pwdigest

import (
	"crypto/md5"
	"crypto/subtle"
	"strings"
)

// phpass: "$P$" (WordPress before 6.8, phpass) or "$H$" (phpBB3), one
// character giving log2 of the round count, 8 salt characters and 22
// characters of checksum, all in the alphabet "./0-9A-Za-z". The checksum is
// md5(salt+password), then count times md5(previous+password).

const itoa64 = "./0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz"

// PhpassRounds is log2 of phpass's round count.
var PhpassRounds = newParam(Param{
	Name: "phpass.rounds",
	Doc: "phpass's log2 rounds; limit 18 (WordPress writes 13, \"$P$B\", phpBB 11, \"$H$9\"); " +
		"policy 13, WordPress's",
	Min: 7, Max: 30, Limit: 18, Policy: 13,
})

func init() {
	register(&scheme{
		name:   "phpass",
		params: []*Param{PhpassRounds},
		parse:  parsePhpass,
		hash:   hashPhpass,
	})
}

// md5_phpass is Clerk's other name for the same hashes (WordPress's
// class-phpass.php): the same function under both names.
func init() {
	register(&scheme{name: "md5_phpass", params: []*Param{PhpassRounds}, parse: parsePhpass, hash: hashPhpass})
}

func hashPhpass(password string, p *Policy) (string, error) {
	salt := encode64(randomBytes(6)) // 8 characters, as phpass makes them
	d := &phpassDigest{ident: 'P', log2: int(p.Get(PhpassRounds)), salt: salt}
	return d.compute(password), nil
}

var (
	errPhpassShape = malformed("phpass", `want "$P$" or "$H$" + rounds + 8 salt + 22 checksum characters`)
	errPhpassChars = malformed("phpass", "character outside phpass's alphabet")
	errPhpassBits  = malformed("phpass", "checksum has non-zero trailing bits")
)

type phpassDigest struct {
	ident byte
	log2  int
	salt  string
	sum   string
}

func itoa64Index(c byte) int { return strings.IndexByte(itoa64, c) }

func parsePhpass(digest string, l Limits) (parsed, error) {
	if len(digest) != 34 || digest[0] != '$' || (digest[1] != 'P' && digest[1] != 'H') || digest[2] != '$' {
		return nil, errPhpassShape
	}
	for i := 3; i < len(digest); i++ {
		if itoa64Index(digest[i]) < 0 {
			return nil, errPhpassChars
		}
	}
	// 16 bytes fill 21 characters and 2 bits of the 22nd.
	if itoa64Index(digest[33]) >= 4 {
		return nil, errPhpassBits
	}
	d := &phpassDigest{ident: digest[1], log2: itoa64Index(digest[3]), salt: digest[4:12], sum: digest[12:]}
	if err := l.check(PhpassRounds, "phpass", "rounds (log2)", int64(d.log2)); err != nil {
		return nil, err
	}
	return d, nil
}

func (d *phpassDigest) memory() int64         { return 0 }
func (d *phpassDigest) weaker(p *Policy) bool { return int64(d.log2) < p.Get(PhpassRounds) }

func (d *phpassDigest) verify(password string) (bool, error) {
	got := d.compute(password)
	return subtle.ConstantTimeCompare([]byte(got[12:]), []byte(d.sum)) == 1, nil
}

// compute returns the whole digest for password with d's settings.
func (d *phpassDigest) compute(password string) string {
	buf := make([]byte, 0, md5.Size+len(password))
	buf = append(append(buf, d.salt...), password...)
	sum := md5.Sum(buf)
	for n := 1 << d.log2; n > 0; n-- {
		buf = append(append(buf[:0], sum[:]...), password...)
		sum = md5.Sum(buf)
	}
	clear(buf)
	return "$" + string(d.ident) + "$" + string(itoa64[d.log2]) + d.salt + encode64(sum[:])
}

// encode64 is phpass's base64: little-endian groups of 3 bytes, 6 bits a
// character, low bits first.
func encode64(src []byte) string {
	var out []byte
	for i := 0; i < len(src); i += 3 {
		v := uint(src[i])
		n := 2
		if i+1 < len(src) {
			v |= uint(src[i+1]) << 8
			n++
		}
		if i+2 < len(src) {
			v |= uint(src[i+2]) << 16
			n++
		}
		for j := 0; j < n; j++ {
			out = append(out, itoa64[v&63])
			v >>= 6
		}
	}
	return string(out)
}
