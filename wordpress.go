package pwdigest

import (
	"crypto/hmac"
	"crypto/sha512"
	"encoding/base64"
	"fmt"
	"strings"
)

// bcrypt_sha384_wordpress (alias wordpress, its name before the naming
// rule): WordPress 6.8+ "$wp$2y$10$...": "$wp" followed by a bcrypt
// digest of base64(HMAC-SHA384(key "wp-sha384", password)), which keeps the
// entropy of passwords beyond bcrypt's 72 bytes (wp-includes/pluggable.php,
// wp_hash_password and wp_check_password).
//
// Verify follows wp_check_password: the password is used as given, and one
// longer than 4096 bytes, which wp_check_password never matches, is refused
// with ErrPasswordTooLong, as by Hash. The inner digest is checked by PHP's
// password_verify, so the bcrypt minors PHP computes alike ($2y$, which
// WordPress writes, $2a$ and $2b$) are accepted.
//
// WordPress trims the password (PHP's trim: space, \t, \n, \r, \0, \x0B)
// when hashing, and wp_authenticate trims it again before checking, but
// wp_check_password itself does not. So a password with surrounding
// whitespace only matches here once the caller trims it, as WordPress's
// sign-in does; Hash trims like wp_hash_password, so its digests are what
// WordPress would write.

const wordpressMaxPassword = 4096

func init() {
	register(&scheme{
		name:    "bcrypt_sha384_wordpress",
		aliases: []string{"wordpress"},
		params:  []*Param{BcryptCost},
		parse:   parseWordPress,
		hash: func(password string, p *Policy) (string, error) {
			if err := wordpressPassword(password); err != nil {
				return "", err
			}
			b, err := hashBcrypt(wordpressPrehash(strings.Trim(password, phpTrimSet)), int(p.Get(BcryptCost)))
			if err != nil {
				return "", err
			}
			return "$wp$2y" + b[3:], nil // password_hash writes $2y$
		},
	})
}

// wordpressPassword refuses a password longer than WordPress takes.
func wordpressPassword(password string) error {
	if len(password) > wordpressMaxPassword {
		return fmt.Errorf("%w: bcrypt_sha384_wordpress takes at most %d bytes, got %d", ErrPasswordTooLong, wordpressMaxPassword, len(password))
	}
	return nil
}

// phpTrimSet is what PHP's trim() strips by default.
const phpTrimSet = " \t\n\r\x00\x0b"

var errWordPressShape = malformed("bcrypt_sha384_wordpress", `want "$wp" + a bcrypt digest "$2y$..."`)

type wordpressDigest struct{ *bcryptDigest }

func parseWordPress(digest string, l Limits) (parsed, error) {
	inner, ok := strings.CutPrefix(digest, "$wp")
	if !ok || len(inner) < 4 || inner[:2] != "$2" || !strings.ContainsRune("aby", rune(inner[2])) || inner[3] != '$' {
		return nil, errWordPressShape
	}
	p, err := parseBcrypt(inner, l)
	if err != nil {
		return nil, err
	}
	return &wordpressDigest{p.(*bcryptDigest)}, nil
}

func (d *wordpressDigest) verify(password string) (bool, error) {
	if err := wordpressPassword(password); err != nil {
		return false, err
	}
	pre := wordpressPrehash(password)
	defer clear(pre)
	return d.verifyBytes(pre)
}

// wordpressPrehash is base64_encode(hash_hmac('sha384', password,
// 'wp-sha384', true)): 64 characters, within bcrypt's 72 bytes.
func wordpressPrehash(password string) []byte {
	m := hmac.New(sha512.New384, []byte("wp-sha384"))
	m.Write([]byte(password))
	sum := m.Sum(nil)
	out := make([]byte, base64.StdEncoding.EncodedLen(len(sum)))
	base64.StdEncoding.Encode(out, sum)
	clear(sum)
	return out
}
