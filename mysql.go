package pwdigest

import (
	"crypto/sha1"
	"encoding/hex"
	"strings"
)

// mysql_native: MySQL 4.1+'s mysql_native_password, "*" and the upper-case
// hex of SHA-1(SHA-1(password)), as PASSWORD() in MariaDB and MySQL before
// 8.0 returns it and mysql.user keeps it. Insecure: unsalted, two SHA-1s.
// PASSWORD('') is the empty string, which is not a digest here. Only the
// upper-case hex the servers write is accepted.

var (
	errMySQLShape = malformed("mysql_native", `want "*" and 40 upper-case hex characters`)
)

func init() {
	register(&scheme{
		name:     "mysql_native",
		insecure: true,
		parse:    parseMySQLNative,
		hash: func(password string, _ *Policy) (string, error) {
			sum := mysqlNativeSum(password)
			return "*" + strings.ToUpper(hex.EncodeToString(sum[:])), nil
		},
	})
}

type mysqlNativeDigest struct{ sum [sha1.Size]byte }

func parseMySQLNative(digest string, _ Limits) (parsed, error) {
	h, ok := strings.CutPrefix(digest, "*")
	if !ok || len(h) != 2*sha1.Size {
		return nil, errMySQLShape
	}
	for i := 0; i < len(h); i++ {
		if c := h[i]; (c < '0' || c > '9') && (c < 'A' || c > 'F') {
			return nil, errMySQLShape
		}
	}
	d := &mysqlNativeDigest{}
	decodeHex(d.sum[:], h)
	return d, nil
}

func mysqlNativeSum(password string) [sha1.Size]byte {
	pw := passwordCopy(password)
	defer clear(pw)
	inner := sha1.Sum(pw)
	defer clear(inner[:])
	return sha1.Sum(inner[:])
}

func (d *mysqlNativeDigest) memory() int64       { return 0 }
func (d *mysqlNativeDigest) weaker(*Policy) bool { return true }

func (d *mysqlNativeDigest) verify(password string) (bool, error) {
	sum := mysqlNativeSum(password)
	return equalKey(sum[:], nil, d.sum[:])
}
