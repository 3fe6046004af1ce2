package main

import (
	"flag"
	"fmt"
	"strings"

	"github.com/pwdigest/pwdigest"
)

const verifyHelp = `
Verify reads a password and reports whether it matches the digest: "match"
(exit 0) or "no match" (exit 1). An unknown hasher, a malformed digest or
parameters above the limits are errors (exit 2). The password is the first
line of standard input without its line ending; when standard input is a
terminal it is typed at a prompt without echo.

Quote the digest in single quotes: it holds '$'.

Example:
  printf '%s\n' 'Tr0ub4dor&3' | pwdigest verify bcrypt '$2y$10$FUZ6fp8znbc/MZXsqimSl.ZeW4Xv7RiieycxEx/Iza9LfPy0zXGDC'
`

func runVerify(e *env, args []string) int {
	fs := newFlags(e, "verify", "<hasher> <digest>", verifyHelp)
	pos, code, ok := parseFlags(e, fs, args)
	if !ok {
		return code
	}
	if len(pos) != 2 {
		return usageError(e, fs, "want a hasher and a digest, got %d arguments", len(pos))
	}
	hasher, digest := pos[0], pos[1]
	// Refuse a bad digest before asking for the password.
	if _, err := pwdigest.Lookup(hasher); err != nil {
		return fail(e, fs, err)
	}
	if err := pwdigest.Check(hasher, digest); err != nil {
		return fail(e, fs, err)
	}
	pw, err := readPassword(e, false)
	if err != nil {
		return fail(e, fs, err)
	}
	match, err := pwdigest.Verify(hasher, digest, pw)
	if err != nil {
		return fail(e, fs, err)
	}
	if !match {
		fmt.Fprintln(e.stdout, "no match")
		return exitNegative
	}
	fmt.Fprintln(e.stdout, "match")
	return exitOK
}

// fail prints err after the command's name. The library's errors start
// with "pwdigest: ", which the command's prefix already says.
func fail(e *env, fs *flagSet, err error) int {
	fmt.Fprintf(e.stderr, "pwdigest %s: %s\n", fs.Name(), errText(err))
	return exitUsage
}

// errText is err's message without the library's "pwdigest: " prefix.
func errText(err error) string {
	return strings.TrimPrefix(err.Error(), "pwdigest: ")
}

const hashHelp = `
Hash reads a password and prints a new digest of it in the hasher's format,
with a random salt and the default policy's parameters, or those given by
flags. The password is read as by verify; at a terminal it is asked twice.
Digests of insecure hashers (md5, sha256, md5_crypt, md5_django,
sha1_django) are for tests only; they take no flags.

Each flag applies to some hashers only; values above the default limits
are refused, since check and verify would refuse the digest:
  --cost           bcrypt, bcrypt_sha256_django, wordpress (4..16)
  --iterations     pbkdf2_sha1, pbkdf2_sha256, pbkdf2_sha256_django,
                   pbkdf2_sha512 (below 420000), pbkdf2_sha256_passlib,
                   pbkdf2_sha512_passlib, werkzeug_pbkdf2 (its sha256 form)
  --rounds         phpass (log2, 7..18), scrypt_firebase,
                   sha256_crypt and sha512_crypt (1000..2000000)
  --memory, --time, --parallelism
                   argon2d, argon2i, argon2id, argon2_django (memory in KiB)
  --n, --r, --p    scrypt_werkzeug
  --mem-cost       scrypt_firebase (log2 N)

Example:
  printf '%s\n' 'hunter2' | pwdigest hash --cost 10 bcrypt
  pwdigest hash argon2id --memory 65536 --time 3
`

// policyFlag is a hash flag: the hashers it applies to, its bounds for a
// hasher (within the scheme and the default limits, so the digest passes
// Check) and how it sets the policy.
type policyFlag struct {
	name    string
	usage   string
	hashers []string
	bounds  func(hasher string) (lo, hi int)
	set     func(p *pwdigest.Policy, hasher string, v int)
	value   int
}

// pbkdf2Hashers lists the PBKDF2 hashers with the hash function of their
// new digests, which picks the policy's and the limits' iterations field.
var pbkdf2Hashers = []struct{ name, prf string }{
	{"pbkdf2_sha1", "sha1"},
	{"pbkdf2_sha256", "sha256"},
	{"pbkdf2_sha256_django", "sha256"},
	{"pbkdf2_sha512", "sha512"},
	{"pbkdf2_sha256_passlib", "sha256"},
	{"pbkdf2_sha512_passlib", "sha512"},
	{"werkzeug_pbkdf2", "sha256"}, // Hash writes pbkdf2:sha256
}

func pbkdf2PRF(hasher string) string {
	for _, h := range pbkdf2Hashers {
		if h.name == hasher {
			return h.prf
		}
	}
	return ""
}

func policyFlags() []*policyFlag {
	lim := pwdigest.DefaultLimits()
	var pbkdf2 []string
	for _, h := range pbkdf2Hashers {
		pbkdf2 = append(pbkdf2, h.name)
	}
	argon2 := []string{"argon2d", "argon2i", "argon2id", "argon2_django"}
	shaCrypt := []string{"sha256_crypt", "sha512_crypt"}
	fixed := func(lo, hi int) func(string) (int, int) {
		return func(string) (int, int) { return lo, hi }
	}
	return []*policyFlag{
		{name: "cost", usage: "bcrypt cost (log2 rounds)", hashers: []string{"bcrypt", "bcrypt_sha256_django", "wordpress"},
			bounds: fixed(4, lim.BcryptCost),
			set:    func(p *pwdigest.Policy, _ string, v int) { p.BcryptCost = v }},
		{name: "iterations", usage: "PBKDF2 iterations", hashers: pbkdf2,
			bounds: func(h string) (int, int) {
				switch {
				case h == "pbkdf2_sha512":
					return 1, min(lim.PBKDF2SHA512Iterations, 419_999) // the format's own bound
				case pbkdf2PRF(h) == "sha1":
					return 1, lim.PBKDF2SHA1Iterations
				case pbkdf2PRF(h) == "sha512":
					return 1, lim.PBKDF2SHA512Iterations
				}
				return 1, lim.PBKDF2SHA256Iterations
			},
			set: func(p *pwdigest.Policy, h string, v int) {
				switch pbkdf2PRF(h) {
				case "sha1":
					p.PBKDF2SHA1Iterations = v
				case "sha512":
					p.PBKDF2SHA512Iterations = v
				default:
					p.PBKDF2SHA256Iterations = v
				}
			}},
		{name: "rounds", usage: "phpass rounds (log2), scrypt_firebase rounds, or sha256_crypt and sha512_crypt rounds",
			hashers: append([]string{"phpass", "scrypt_firebase"}, shaCrypt...),
			bounds: func(h string) (int, int) {
				switch {
				case h == "phpass":
					return 7, lim.PhpassRounds
				case contains(shaCrypt, h):
					return 1000, min(lim.CryptRounds, 999_999_999) // the format's own bounds
				}
				return 1, 32
			},
			set: func(p *pwdigest.Policy, h string, v int) {
				switch {
				case h == "phpass":
					p.PhpassRounds = v
				case contains(shaCrypt, h):
					p.CryptRounds = v
				default:
					p.FirebaseRounds = v
				}
			}},
		{name: "memory", usage: "argon2 memory in KiB", hashers: argon2, bounds: fixed(8, int(lim.Argon2Memory)),
			set: func(p *pwdigest.Policy, _ string, v int) { p.Argon2Memory = uint32(v) }},
		{name: "time", usage: "argon2 passes", hashers: argon2, bounds: fixed(1, int(lim.Argon2Time)),
			set: func(p *pwdigest.Policy, _ string, v int) { p.Argon2Time = uint32(v) }},
		{name: "parallelism", usage: "argon2 lanes", hashers: argon2, bounds: fixed(1, min(int(lim.Argon2Threads), 255)),
			set: func(p *pwdigest.Policy, _ string, v int) { p.Argon2Threads = uint32(v) }},
		{name: "n", usage: "scrypt N, a power of two", hashers: []string{"scrypt_werkzeug"}, bounds: fixed(2, 1<<24),
			set: func(p *pwdigest.Policy, _ string, v int) { p.ScryptN = v }},
		{name: "r", usage: "scrypt r", hashers: []string{"scrypt_werkzeug"}, bounds: fixed(1, 1024),
			set: func(p *pwdigest.Policy, _ string, v int) { p.ScryptR = v }},
		{name: "p", usage: "scrypt p", hashers: []string{"scrypt_werkzeug"}, bounds: fixed(1, lim.ScryptP),
			set: func(p *pwdigest.Policy, _ string, v int) { p.ScryptP = v }},
		{name: "mem-cost", usage: "scrypt_firebase memory cost (log2 N)", hashers: []string{"scrypt_firebase"},
			bounds: fixed(1, lim.FirebaseMemCost),
			set:    func(p *pwdigest.Policy, _ string, v int) { p.FirebaseMemCost = v }},
	}
}

func runHash(e *env, args []string) int {
	fs := newFlags(e, "hash", "[flags] <hasher>", hashHelp)
	pflags := policyFlags()
	for _, pf := range pflags {
		fs.IntVar(&pf.value, pf.name, 0, pf.usage+" (default: the policy's)")
	}
	pos, code, ok := parseFlags(e, fs, args)
	if !ok {
		return code
	}
	if len(pos) != 1 {
		return usageError(e, fs, "want a hasher, got %d arguments", len(pos))
	}
	hasher := pos[0]
	if _, err := pwdigest.Lookup(hasher); err != nil {
		return fail(e, fs, err)
	}
	v := &pwdigest.Verifier{}
	var bad error
	fs.Visit(func(f *flag.Flag) {
		for _, pf := range pflags {
			if pf.name != f.Name || bad != nil {
				continue
			}
			if !contains(pf.hashers, hasher) {
				bad = fmt.Errorf("--%s does not apply to %s (it does to %s)", pf.name, hasher, strings.Join(pf.hashers, ", "))
				return
			}
			if lo, hi := pf.bounds(hasher); pf.value < lo || pf.value > hi {
				bad = fmt.Errorf("--%s %d is outside %d..%d for %s", pf.name, pf.value, lo, hi, hasher)
				return
			}
			pf.set(&v.Policy, hasher, pf.value)
		}
	})
	if bad != nil {
		return usageError(e, fs, "%v", bad)
	}
	if pwdigest.Insecure(hasher) {
		fmt.Fprintf(e.stderr, "pwdigest hash: warning: %s is insecure; use its digests for tests only\n", hasher)
	}
	pw, err := readPassword(e, true)
	if err != nil {
		return fail(e, fs, err)
	}
	digest, err := v.Hash(hasher, pw)
	if err != nil {
		return fail(e, fs, err)
	}
	// A digest the default limits refuse would be useless: say so.
	if err := pwdigest.Check(hasher, digest); err != nil {
		return fail(e, fs, fmt.Errorf("the new digest does not pass check: %s", errText(err)))
	}
	fmt.Fprintln(e.stdout, digest)
	return exitOK
}

func contains(list []string, s string) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}

const identifyHelp = `
Identify prints the hashers whose format the digest matches, most likely
first, one a line. It exits 1 when none does. A digest matches whatever its
parameters; check it against the limits with verify or check.

Example:
  pwdigest identify 'pbkdf2_sha256$260000$3h29BAupB1JdFQrQM7lIue$rRYHAdTByn+3Jkvy6HAa0Sm1nxlQKu3HCn1xOEQ8G2w='
`

func runIdentify(e *env, args []string) int {
	fs := newFlags(e, "identify", "<digest>", identifyHelp)
	pos, code, ok := parseFlags(e, fs, args)
	if !ok {
		return code
	}
	if len(pos) != 1 {
		return usageError(e, fs, "want a digest, got %d arguments", len(pos))
	}
	cands := pwdigest.Identify(pos[0])
	if len(cands) == 0 {
		fmt.Fprintln(e.stderr, "pwdigest identify: no registered hasher's format matches the digest")
		return exitNegative
	}
	for _, c := range cands {
		fmt.Fprintln(e.stdout, c)
	}
	return exitOK
}

const hashersHelp = `
Hashers lists the registered hashers, one a line; insecure ones are marked
(unsalted or single-round: upgrade them at the next sign-in).

Example:
  pwdigest hashers
`

func runHashers(e *env, args []string) int {
	fs := newFlags(e, "hashers", "", hashersHelp)
	pos, code, ok := parseFlags(e, fs, args)
	if !ok {
		return code
	}
	if len(pos) != 0 {
		return usageError(e, fs, "takes no arguments")
	}
	for _, h := range pwdigest.Hashers() {
		if pwdigest.Insecure(h) {
			fmt.Fprintf(e.stdout, "%s (insecure)\n", h)
		} else {
			fmt.Fprintln(e.stdout, h)
		}
	}
	return exitOK
}
