package pwdigest

import "testing"

// BenchmarkSymfonyMillion: the cost of sha512_symfony's default iteration
// limit, 1,000,000, for the Param's doc.
func BenchmarkSymfonyMillion(b *testing.B) {
	for b.Loop() {
		symfonySum("correct horse battery staple", "x7j5rqqgtw4daziut45u4mds0srbs9z", 1_000_000)
	}
}

// BenchmarkPBKDF2SHA512Million is the same count of PBKDF2-HMAC-SHA512
// iterations, pbkdf2.sha512.iterations' limit: the two limits cost alike.
func BenchmarkPBKDF2SHA512Million(b *testing.B) {
	for b.Loop() {
		_, _ = pbkdf2Key(prfSHA512, "correct horse battery staple", []byte("x7j5rqqgtw4daziu"), 1_000_000, 64)
	}
}
