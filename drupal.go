package pwdigest

import (
	"crypto/md5"
	"crypto/sha512"
	"crypto/subtle"
	"encoding/hex"
	"fmt"
	"strings"
)

// drupal7: Drupal 7's includes/password.inc. Its own form is "$S$", one
// character giving log2 of the round count (7..30), 8 salt characters and
// the first 43 characters of the checksum, 55 in all (DRUPAL_HASH_LENGTH):
//
//	hash = sha512(salt ‖ password), then 2^n times hash = sha512(hash ‖ password)
//
// written in phpass's base64 and cut to 55 characters. Drupal 7 also
// accepts the phpass forms "$P$" and "$H$" (md5, imported or from Drupal 6
// sites), and user_update_7000's "U" forms: "U$S$..." and "U$P$..." are the
// same over the lowercase hex md5 of the password (a Drupal 6 md5 hashed
// again). The "$P$"/"$H$" forms are phpass digests, so phpass's limits and
// policy apply to them. Drupal refuses a password over 512 bytes
// (ErrPasswordTooLong here); the "U" forms hash its md5, so they take any.

const drupalMaxPassword = 512

// DrupalRounds is log2 of the "$S$" round count.
var DrupalRounds = newParam(Param{
	Name: "drupal7.rounds",
	Doc: "drupal7 $S$ rounds as log2 (7..30); limit 20 (about 0.5 s), policy 15, " +
		"Drupal 7's DRUPAL_HASH_COUNT",
	Min: 7, Max: 30, Limit: 20, Policy: 15,
})

var drupalHasher = &scheme{
	name:   "drupal7",
	params: []*Param{DrupalRounds},
	parse:  parseDrupal,
	hash: func(password string, p *Policy) (string, error) {
		if len(password) > drupalMaxPassword {
			return "", drupalTooLong(len(password))
		}
		d := &drupalDigest{log2: int(p.Get(DrupalRounds)), salt: encode64(randomBytes(6))}
		return "$S$" + string(itoa64[d.log2]) + d.salt + d.compute(password), nil
	},
	// A "$P$"/"$H$" digest is phpass first: Drupal only reads such imports.
	rank: func(digest string) int {
		if strings.HasPrefix(digest, "$P$") || strings.HasPrefix(digest, "$H$") {
			return -1
		}
		return 0
	},
}

func init() { register(drupalHasher) }

var (
	errDrupalShape = malformed("drupal7", `want "$S$" + rounds + 8 salt + 43 checksum characters, "$P$"/"$H$" phpass, or "U" + either`)
	errDrupalChars = malformed("drupal7", "character outside phpass's alphabet")
)

// drupalDigest is a "$S$" digest; upgraded marks the "U$S$" form.
type drupalDigest struct {
	upgraded bool
	log2     int
	salt     string
	sum      string // 43 characters
}

// drupalPhpass is a "$P$"/"$H$" digest read by Drupal, "U$P$" if upgraded.
type drupalPhpass struct {
	*phpassDigest
	upgraded bool
}

func parseDrupal(digest string, l Limits) (parsed, error) {
	body, upgraded := strings.CutPrefix(digest, "U")
	if strings.HasPrefix(body, "$P$") || strings.HasPrefix(body, "$H$") {
		p, err := parsePhpass(body, l)
		if err != nil {
			return nil, err
		}
		return &drupalPhpass{p.(*phpassDigest), upgraded}, nil
	}
	if len(body) != 55 || !strings.HasPrefix(body, "$S$") {
		return nil, errDrupalShape
	}
	for i := 3; i < len(body); i++ {
		if itoa64Index(body[i]) < 0 {
			return nil, errDrupalChars
		}
	}
	// The checksum is cut mid-stream, so its last character has no unused bits.
	d := &drupalDigest{upgraded: upgraded, log2: itoa64Index(body[3]), salt: body[4:12], sum: body[12:]}
	if err := l.check(DrupalRounds, "drupal7", "rounds (log2)", int64(d.log2)); err != nil {
		return nil, err
	}
	return d, nil
}

func drupalTooLong(n int) error {
	return fmt.Errorf("%w: %d bytes, Drupal 7 hashes at most %d", ErrPasswordTooLong, n, drupalMaxPassword)
}

// drupalInput is the password as Drupal hashes it: its md5 in hex for the
// "U" forms.
func drupalInput(password string, upgraded bool) (string, error) {
	if upgraded {
		sum := md5.Sum([]byte(password))
		return hex.EncodeToString(sum[:]), nil
	}
	if len(password) > drupalMaxPassword {
		return "", drupalTooLong(len(password))
	}
	return password, nil
}

func (d *drupalDigest) memory() int64 { return 0 }

// weaker: the "U" form is a Drupal 6 md5 underneath; user_needs_new_hash
// replaces it too.
func (d *drupalDigest) weaker(p *Policy) bool {
	return d.upgraded || int64(d.log2) < p.Get(DrupalRounds)
}

func (d *drupalDigest) verify(password string) (bool, error) {
	in, err := drupalInput(password, d.upgraded)
	if err != nil {
		return false, err
	}
	return subtle.ConstantTimeCompare([]byte(d.compute(in)), []byte(d.sum)) == 1, nil
}

// compute returns the 43 checksum characters of password with d's settings.
func (d *drupalDigest) compute(password string) string {
	buf := make([]byte, sha512.Size+len(password))
	defer clear(buf)
	first := append([]byte(d.salt), password...)
	sum := sha512.Sum512(first)
	clear(first)
	copy(buf[sha512.Size:], password)
	for n := 1 << d.log2; n > 0; n-- {
		copy(buf, sum[:])
		sum = sha512.Sum512(buf)
	}
	defer clear(sum[:])
	return encode64(sum[:])[:55-12]
}

func (d *drupalPhpass) weaker(*Policy) bool { return true } // md5: Drupal rehashes it

func (d *drupalPhpass) verify(password string) (bool, error) {
	in, err := drupalInput(password, d.upgraded)
	if err != nil {
		return false, err
	}
	return d.phpassDigest.verify(in)
}
