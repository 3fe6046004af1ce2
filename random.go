package pwdigest

import "crypto/rand"

// randomBytes returns n bytes from crypto/rand, which never fails on
// supported platforms (Go 1.24+ crashes the program rather than return an
// error).
func randomBytes(n int) []byte {
	b := make([]byte, n)
	rand.Read(b)
	return b
}

const alnum = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789"

// randomString returns n characters drawn uniformly from alphabet (at most
// 256 characters), as Django's get_random_string and Werkzeug's gen_salt do.
func randomString(n int, alphabet string) string {
	out := make([]byte, 0, n)
	limit := 256 - 256%len(alphabet) // rejection sampling keeps it uniform
	for len(out) < n {
		for _, c := range randomBytes(n) {
			if int(c) < limit && len(out) < n {
				out = append(out, alphabet[int(c)%len(alphabet)])
			}
		}
	}
	return string(out)
}
