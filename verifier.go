package pwdigest

import (
	"context"
	"fmt"
	"sort"
)

// A Verifier verifies, checks and produces digests under its own Limits,
// Policy and MemoryBudget. The package-level functions use Default. A
// Verifier must not be changed while in use; make one per configuration:
//
//	v := &pwdigest.Verifier{
//		Limits: pwdigest.Limits{pwdigest.Argon2Memory: 256 << 10}, // others default
//		Budget: pwdigest.NewMemoryBudget(2 << 30),
//	}
//	ok, err := v.Verify("argon2id", digest, password)
type Verifier struct {
	// Limits caps the work a digest may ask for; missing keys take the
	// defaults.
	Limits Limits
	// Policy sets the parameters of new digests and NeedsRehash's floor;
	// missing keys take the defaults.
	Policy Policy
	// Budget bounds the memory of concurrent memory-hard verifies; nil means
	// no bound beyond Limits.
	Budget *MemoryBudget
}

// Default is the Verifier behind the package-level functions: default limits
// and policy, and a memory budget of a quarter of the machine's memory (at
// least 1 GiB).
var Default = &Verifier{Budget: NewMemoryBudget(defaultBudgetBytes())}

// builtin returns the scheme registered as hasher. A hasher registered from
// outside the package is returned as h with s nil.
func builtin(hasher string) (s *scheme, h Hasher, err error) {
	h, err = Lookup(hasher)
	if err != nil {
		return nil, nil, err
	}
	s, _ = h.(*scheme)
	return s, h, nil
}

// Verify reports whether password matches digest: (true, nil) on a match,
// (false, nil) for a well-formed digest that does not match. Otherwise the
// error wraps ErrUnknownHasher, ErrMalformedDigest or ErrParamsOutOfRange.
// Costs above v.Limits are refused before any hashing.
func (v *Verifier) Verify(hasher, digest, password string) (bool, error) {
	return v.VerifyContext(context.Background(), hasher, digest, password)
}

// VerifyContext is Verify with a context that bounds the wait for the memory
// budget. The hashing itself, once started, is not interrupted.
func (v *Verifier) VerifyContext(ctx context.Context, hasher, digest, password string) (bool, error) {
	s, h, err := builtin(hasher)
	if err != nil {
		return false, err
	}
	if s == nil {
		return h.Verify(digest, password)
	}
	return v.verifyScheme(ctx, s, digest, password)
}

func (v *Verifier) verifyScheme(ctx context.Context, s *scheme, digest, password string) (bool, error) {
	p, err := s.parse(digest, v.Limits)
	if err != nil {
		return false, err
	}
	mem := p.memory()
	if err := v.Budget.acquire(ctx, mem); err != nil {
		return false, err
	}
	defer v.Budget.release(mem)
	if c, ok := p.(contextVerifier); ok {
		return c.verifyContext(ctx, password)
	}
	return p.verify(password)
}

// Check validates digest (format and limits) without a password and without
// hashing: nil, or the error Verify would return before hashing.
func (v *Verifier) Check(hasher, digest string) error {
	_, _, err := v.check(hasher, digest)
	return err
}

func (v *Verifier) check(hasher, digest string) (*scheme, parsed, error) {
	s, _, err := builtin(hasher)
	if err != nil {
		return nil, nil, err
	}
	if s == nil {
		return nil, nil, fmt.Errorf("pwdigest: hasher %q is not built in and cannot be checked without a password", hasher)
	}
	p, err := s.parse(digest, v.Limits)
	return s, p, err
}

// NeedsRehash reports whether a valid digest should be replaced at the next
// successful sign-in: the hasher is insecure, or the digest's parameters are
// below v.Policy (bcrypt cost, PBKDF2 iterations, argon2 memory or passes,
// ...). A digest that does not pass Check returns its error.
func (v *Verifier) NeedsRehash(hasher, digest string) (bool, error) {
	s, p, err := v.check(hasher, digest)
	if err != nil {
		return false, err
	}
	if s.insecure {
		return true, nil
	}
	return p.weaker(&v.Policy), nil
}

// Hash returns a new digest of password in the named hasher's format, with
// v.Policy's parameters and a random salt. Digests of insecure hashers are
// for tests only. A policy value outside its Param's bounds or above
// v.Limits is refused with ErrParamsOutOfRange before any hashing, so that
// what Hash writes passes v.Check.
func (v *Verifier) Hash(hasher, password string) (string, error) {
	s, _, err := builtin(hasher)
	if err != nil {
		return "", err
	}
	if s == nil || s.hash == nil {
		return "", fmt.Errorf("pwdigest: hasher %q cannot produce digests", hasher)
	}
	if err := v.checkPolicy(s); err != nil {
		return "", err
	}
	return s.hash(password, &v.Policy)
}

// CheckPolicy reports, without hashing, whether Hash would refuse v.Policy
// for hasher: nil, or the error Hash would return before hashing (a value
// outside its Param's bounds, above v.Limits, or beyond what the format
// allows).
func (v *Verifier) CheckPolicy(hasher string) error {
	s, _, err := builtin(hasher)
	if err != nil {
		return err
	}
	if s == nil || s.hash == nil {
		return fmt.Errorf("pwdigest: hasher %q cannot produce digests", hasher)
	}
	return v.checkPolicy(s)
}

func (v *Verifier) checkPolicy(s *scheme) error {
	for _, p := range s.params {
		if err := v.Limits.check(p, "policy", p.Name, v.Policy.Get(p)); err != nil {
			return err
		}
	}
	if s.checkPolicy != nil {
		return s.checkPolicy(&v.Policy, v.Limits)
	}
	return nil
}

// VerifyAndUpgrade verifies like Verify. When the password matches and the
// hasher is insecure, upgraded is a fresh bcrypt digest of the password at
// v.Policy's BcryptCost (default 12), to store in place of the old digest;
// otherwise upgraded is empty.
//
// bcrypt takes at most 72 bytes of password. A matching password longer than
// that is not silently truncated into the new digest: VerifyAndUpgrade then
// returns ok = true with an error wrapping ErrPasswordTooLong, so the caller
// signs the user in and keeps the old digest. Likewise a password with a NUL
// byte, which bcrypt's producers cannot take: ok = true and an error wrapping
// ErrUnsupportedPassword. Whenever ok is true and err is not nil, keep the
// old digest.
func (v *Verifier) VerifyAndUpgrade(hasher, digest, password string) (ok bool, upgraded string, err error) {
	ok, err = v.Verify(hasher, digest, password)
	if err != nil || !ok || !Insecure(hasher) {
		return ok, "", err
	}
	if len(password) > bcryptMaxPassword {
		return true, "", fmt.Errorf("%w: %d bytes, bcrypt takes at most %d; keep the old digest", ErrPasswordTooLong, len(password), bcryptMaxPassword)
	}
	upgraded, err = v.Hash("bcrypt", password) // refuses a NUL byte
	if err != nil {
		return true, "", err
	}
	return true, upgraded, nil
}

// Identify returns the names of the built-in hashers whose format digest
// matches, most likely first. A digest matches when it parses, whatever its
// costs (a digest above the limits is still identified). Candidates are
// ordered by rank, highest first, then by registration order, never by map
// order. The only overlap among the built-ins is the "pbkdf2_sha256$" prefix
// of Keycloak (pbkdf2_sha256) and Django (pbkdf2_sha256_django): a salt with
// "=", "+" or "/", or a hash that is not 32 bytes, puts Keycloak first,
// otherwise Django. A 32-hex digest matches md5 only.
func (v *Verifier) Identify(digest string) []string {
	type cand struct {
		name string
		rank int
	}
	var cands []cand
	for _, h := range ordered() {
		s, ok := h.(*scheme)
		if !ok {
			continue
		}
		if _, err := s.parse(digest, unlimited); err != nil && !isOutOfRange(err) {
			continue
		}
		r := 0
		if s.rank != nil {
			r = s.rank(digest)
		}
		cands = append(cands, cand{s.name, r})
	}
	sort.SliceStable(cands, func(i, j int) bool { return cands[i].rank > cands[j].rank })
	names := make([]string, len(cands))
	for i, c := range cands {
		names[i] = c.name
	}
	return names
}
