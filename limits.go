package pwdigest

import "fmt"

// Limits caps the work factors a digest may ask for. A digest is
// attacker-controlled data: one argon2 digest with m=4294967295 or a PBKDF2
// digest with 2^31 iterations would turn a sign-in into an out-of-memory crash
// or hours of CPU. Verify refuses a digest above a limit before any hashing,
// with an error wrapping ErrParamsOutOfRange that names the parameter.
//
// A zero field means "use the default". The defaults accept the strongest
// settings that real producers write today, with headroom, and refuse more.
type Limits struct {
	// BcryptCost is the largest bcrypt cost (log2 rounds). Default 16:
	// producers default to 10..12, cost 16 takes about 4 s.
	BcryptCost int
	// PBKDF2 iterations per hash function. Defaults: SHA-1 3,000,000
	// (OWASP asks 1,300,000), SHA-256 3,000,000 (Django 6.0 writes 1,200,000,
	// Werkzeug 3 1,000,000), SHA-512 1,000,000 (OWASP asks 210,000).
	PBKDF2SHA1Iterations   int
	PBKDF2SHA256Iterations int
	PBKDF2SHA512Iterations int
	// PBKDF2KeyLen is the largest derived key in bytes. Default 1024.
	PBKDF2KeyLen int
	// ScryptMemory caps 128·N·r·p bytes. Default 1 GiB (Werkzeug's default
	// scrypt:32768:8:1 is 32 MiB, Firebase's 14/8 is 16 MiB).
	ScryptMemory int64
	// ScryptP is the largest scrypt parallelism. Default 16.
	ScryptP int
	// FirebaseMemCost is the largest Firebase memory cost (log2 N). Default 20;
	// Firebase writes 14. ScryptMemory applies too.
	FirebaseMemCost int
	// Argon2Memory is the largest argon2 memory in KiB. Default 1 GiB
	// (OWASP's strongest argon2id setting is 46 MiB; 1 GiB covers RFC 9106's
	// first recommendation, 2 GiB is refused).
	Argon2Memory uint32
	// Argon2Time is the largest number of argon2 passes. Default 16.
	Argon2Time uint32
	// Argon2Threads is the largest argon2 parallelism (lanes). Default 16.
	Argon2Threads uint32
	// PhpassRounds is the largest phpass round count as log2. Default 18:
	// WordPress writes 13 ("$P$B"), phpBB 11 ("$H$9"); the format allows 30.
	PhpassRounds int
	// CryptRounds is the largest rounds= of sha256_crypt and sha512_crypt.
	// Default 2,000,000; glibc's default is 5000, passlib's 656,000.
	CryptRounds int
	// YescryptMemory caps the bytes yescrypt ($y$) and scrypt_crypt ($7$)
	// hold: V, B, the working blocks and the S-boxes, the same figure the
	// budget is charged. Default 1 GiB + 1 MiB: libxcrypt's costliest
	// setting (cost 11, N=2^18, r=32) needs 1 GiB for V; its default j9T
	// 16 MiB.
	YescryptMemory int64
	// YescryptP is the largest yescrypt or $7$ parallelism. Default 16:
	// libxcrypt writes 1, and classic and WORM yescrypt repeat all the
	// work per lane.
	YescryptP int
	// YescryptT is the largest yescrypt time cost t. Default 16; libxcrypt
	// writes 0.
	YescryptT int
}

// DefaultLimits returns the default limits, all fields set.
func DefaultLimits() Limits {
	return Limits{
		BcryptCost:             16,
		PBKDF2SHA1Iterations:   3_000_000,
		PBKDF2SHA256Iterations: 3_000_000,
		PBKDF2SHA512Iterations: 1_000_000,
		PBKDF2KeyLen:           1024,
		ScryptMemory:           1 << 30,
		ScryptP:                16,
		FirebaseMemCost:        20,
		Argon2Memory:           1 << 20,
		Argon2Time:             16,
		Argon2Threads:          16,
		PhpassRounds:           18,
		CryptRounds:            2_000_000,
		YescryptMemory:         1<<30 + 1<<20,
		YescryptP:              16,
		YescryptT:              16,
	}
}

// withDefaults fills zero fields from DefaultLimits.
func (l Limits) withDefaults() Limits {
	d := DefaultLimits()
	setDefault(&l.BcryptCost, d.BcryptCost)
	setDefault(&l.PBKDF2SHA1Iterations, d.PBKDF2SHA1Iterations)
	setDefault(&l.PBKDF2SHA256Iterations, d.PBKDF2SHA256Iterations)
	setDefault(&l.PBKDF2SHA512Iterations, d.PBKDF2SHA512Iterations)
	setDefault(&l.PBKDF2KeyLen, d.PBKDF2KeyLen)
	setDefault(&l.ScryptMemory, d.ScryptMemory)
	setDefault(&l.ScryptP, d.ScryptP)
	setDefault(&l.FirebaseMemCost, d.FirebaseMemCost)
	setDefault(&l.Argon2Memory, d.Argon2Memory)
	setDefault(&l.Argon2Time, d.Argon2Time)
	setDefault(&l.Argon2Threads, d.Argon2Threads)
	setDefault(&l.PhpassRounds, d.PhpassRounds)
	setDefault(&l.CryptRounds, d.CryptRounds)
	setDefault(&l.YescryptMemory, d.YescryptMemory)
	setDefault(&l.YescryptP, d.YescryptP)
	setDefault(&l.YescryptT, d.YescryptT)
	return l
}

func setDefault[T int | int64 | uint32](v *T, d T) {
	if *v == 0 {
		*v = d
	}
}

// Policy holds the parameters Hash uses for new digests, and the floor below
// which NeedsRehash reports an existing digest as weak (as passlib's
// CryptContext does). A zero field means "use the default".
type Policy struct {
	// BcryptCost for new bcrypt digests, including VerifyAndUpgrade's. Default 12.
	BcryptCost int
	// PBKDF2 iterations per hash function. Defaults: SHA-1 1,300,000,
	// SHA-256 1,200,000 (Django 6.0), SHA-512 210,000 (OWASP).
	PBKDF2SHA1Iterations   int
	PBKDF2SHA256Iterations int
	PBKDF2SHA512Iterations int
	// Argon2 parameters. Defaults: OWASP's m=19 MiB (19456 KiB), t=2, p=1.
	Argon2Memory  uint32
	Argon2Time    uint32
	Argon2Threads uint32
	// Scrypt parameters. Defaults: Werkzeug 3's N=32768, r=8, p=1.
	ScryptN, ScryptR, ScryptP int
	// FirebaseMemCost and FirebaseRounds. Defaults 14 and 8, Firebase's own.
	FirebaseMemCost, FirebaseRounds int
	// PhpassRounds as log2. Default 13, WordPress's.
	PhpassRounds int
	// CryptRounds for sha256_crypt and sha512_crypt. Default 656,000 (passlib).
	CryptRounds int
	// YescryptCost is libxcrypt's yescrypt cost (1..11, as mkpasswd -R
	// takes it) for new $y$ digests; a digest with less memory (N·r) is
	// weak. Default 5, libxcrypt's (j9T: N=4096, r=32, 16 MiB).
	YescryptCost int
	// ScramIterations for new postgres_scram_sha256 digests and its
	// floor. Default 4096, PostgreSQL's.
	ScramIterations int
}

// DefaultPolicy returns the default policy, all fields set.
func DefaultPolicy() Policy {
	return Policy{
		BcryptCost:             12,
		PBKDF2SHA1Iterations:   1_300_000,
		PBKDF2SHA256Iterations: 1_200_000,
		PBKDF2SHA512Iterations: 210_000,
		Argon2Memory:           19456,
		Argon2Time:             2,
		Argon2Threads:          1,
		ScryptN:                32768,
		ScryptR:                8,
		ScryptP:                1,
		FirebaseMemCost:        14,
		FirebaseRounds:         8,
		PhpassRounds:           13,
		CryptRounds:            656_000,
		YescryptCost:           5,
		ScramIterations:        4096,
	}
}

func (p Policy) withDefaults() Policy {
	d := DefaultPolicy()
	setDefault(&p.BcryptCost, d.BcryptCost)
	setDefault(&p.PBKDF2SHA1Iterations, d.PBKDF2SHA1Iterations)
	setDefault(&p.PBKDF2SHA256Iterations, d.PBKDF2SHA256Iterations)
	setDefault(&p.PBKDF2SHA512Iterations, d.PBKDF2SHA512Iterations)
	setDefault(&p.Argon2Memory, d.Argon2Memory)
	setDefault(&p.Argon2Time, d.Argon2Time)
	setDefault(&p.Argon2Threads, d.Argon2Threads)
	setDefault(&p.ScryptN, d.ScryptN)
	setDefault(&p.ScryptR, d.ScryptR)
	setDefault(&p.ScryptP, d.ScryptP)
	setDefault(&p.FirebaseMemCost, d.FirebaseMemCost)
	setDefault(&p.FirebaseRounds, d.FirebaseRounds)
	setDefault(&p.PhpassRounds, d.PhpassRounds)
	setDefault(&p.CryptRounds, d.CryptRounds)
	setDefault(&p.YescryptCost, d.YescryptCost)
	setDefault(&p.ScramIterations, d.ScramIterations)
	return p
}

// overLimit is the error for a parameter above a configured limit.
func overLimit(param string, got, limit any) error {
	return fmt.Errorf("%w: %s %v is above the limit %v", ErrParamsOutOfRange, param, got, limit)
}

// outOfRange is the error for a parameter outside what the scheme allows.
func outOfRange(param string, got any, allowed string) error {
	return fmt.Errorf("%w: %s %v is outside %s", ErrParamsOutOfRange, param, got, allowed)
}

// digestError is a fixed error wrapping a sentinel. Parse errors are
// package-level values of it, so rejecting a malformed digest allocates
// nothing.
type digestError struct {
	kind error
	msg  string
}

func (e *digestError) Error() string { return e.msg }
func (e *digestError) Unwrap() error { return e.kind }

// malformed makes the error for a digest that does not parse. Call it at
// package level only.
func malformed(hasher, why string) error {
	return &digestError{ErrMalformedDigest, "pwdigest: malformed digest: " + hasher + ": " + why}
}
