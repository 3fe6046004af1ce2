package pwdigest

import (
	"context"
	"fmt"
	"sort"
)

// A Verifier verifies, checks and produces digests under its own Limits,
// Policy and MemoryBudget. The package-level functions use Default. The
// zero Verifier{} is ready to use and is the package defaults: default
// limits and policy, and the package default memory budget. A Verifier must
// not be changed while in use; make one per configuration:
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
	// Budget bounds the memory of concurrent memory-hard verifies. nil means
	// the package default budget, one MemoryBudget shared by every Verifier
	// whose Budget is nil (Default among them), sized from the process's
	// memory limit when first needed, not at import. To share no budget,
	// give each Verifier its own NewMemoryBudget.
	Budget *MemoryBudget
	// Gate, if not nil, bounds how many of v's verifies and Hash calls hash
	// at once (see Gate); nil means no bound beyond the budget's.
	Gate *Gate
}

// Default is the Verifier behind the package-level functions: the zero
// Verifier, so default limits, policy and budget.
var Default = &Verifier{}

// budget returns the budget v's verifies take memory from.
func (v *Verifier) budget() *MemoryBudget {
	if v.Budget != nil {
		return v.Budget
	}
	return defaultBudget()
}

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
// error wraps ErrUnknownHasher, ErrMalformedDigest, ErrParamsOutOfRange (the
// digest's costs are above v.Limits or need more memory than v's whole
// budget; refused before any hashing) or ErrPasswordTooLong (a password
// longer than the scheme takes).
//
// A hasher registered from outside the package (Register) is called as
// h.Verify(digest, password) and nothing else: v's Limits, Policy and Budget
// do not apply to it, nor does VerifyContext's context.
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
	_, ok, err := v.verifyParsed(ctx, s, digest, password)
	return ok, err
}

// verifyParsed verifies and returns the parsed digest too.
func (v *Verifier) verifyParsed(ctx context.Context, s *scheme, digest, password string) (parsed, bool, error) {
	p, err := v.parse(s, digest)
	if err != nil {
		return nil, false, err
	}
	if err := v.Gate.enter(ctx); err != nil {
		return nil, false, err
	}
	defer v.Gate.leave()
	b, mem := v.budget(), p.memory()
	if err := b.acquire(ctx, mem); err != nil {
		return nil, false, err
	}
	defer b.release(mem)
	if c, remote := p.(contextVerifier); remote {
		ok, err := c.verifyContext(ctx, password)
		return p, ok, err
	}
	ok, err := p.verify(password)
	return p, ok, err
}

// parse parses digest under v.Limits and refuses a digest whose memory, the
// one figure the budget charges, the whole of v's budget could never grant:
// Check and Verify refuse the same digests for cost.
func (v *Verifier) parse(s *scheme, digest string) (parsed, error) {
	p, err := s.parse(digest, v.Limits)
	if err != nil {
		return nil, err
	}
	if err := v.budget().fits(s.name, p.memory()); err != nil {
		return nil, err
	}
	return p, nil
}

// Check validates digest (format, v.Limits, and the memory v's budget can
// grant) without a password and without hashing: nil, or the error Verify
// would return before hashing. Whatever Check accepts, Verify on the same
// Verifier does not refuse for cost. A hasher registered from outside cannot
// be checked: Check returns an error wrapping no sentinel.
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
	p, err := v.parse(s, digest)
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
// what Hash writes passes v.Check; a memory-hard hash waits for its memory
// in v's budget, as a verify does.
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
	return v.hash(context.Background(), s, password)
}

// hash makes a digest of a checked policy, its working memory taken from
// v's budget like a verify's.
func (v *Verifier) hash(ctx context.Context, s *scheme, password string) (string, error) {
	var mem int64
	if s.hashMemory != nil {
		mem = s.hashMemory(&v.Policy)
	}
	b := v.budget()
	if err := b.fits(s.name, mem); err != nil {
		return "", err
	}
	if err := v.Gate.enter(ctx); err != nil {
		return "", err
	}
	defer v.Gate.leave()
	if err := b.acquire(ctx, mem); err != nil {
		return "", err
	}
	defer b.release(mem)
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

// VerifyAndUpgrade verifies like Verify and, when the password matches a
// digest that should be replaced (its hasher is insecure, or NeedsRehash
// finds it weaker than v.Policy), returns a fresh digest of the password in
// upgraded, made by the hasher v.Policy.UpgradeHasher names (bcrypt at the
// policy's BcryptCost by default, as Clerk does; argon2id has no 72-byte
// limit), to store in place of the old one with that hasher's name.
// Otherwise upgraded is empty.
//
// err is nil whenever ok is true: a sign-in with the right password always
// succeeds. When the new digest cannot be made (a password over bcrypt's 72
// bytes, which would be silently truncated, or with a NUL byte, which
// bcrypt's producers cannot take), VerifyAndUpgrade returns ok = true,
// upgraded = "" and err = nil: keep the old digest, and the next sign-in
// tries again.
//
// A Policy.Upgrade that names no built-in hasher able to hash, an insecure
// one, or a policy that Hash would refuse for it (see CheckPolicy) is a
// configuration error: it is returned, with ok = false, before any verify.
func (v *Verifier) VerifyAndUpgrade(hasher, digest, password string) (ok bool, upgraded string, err error) {
	return v.VerifyAndUpgradeContext(context.Background(), hasher, digest, password)
}

// VerifyAndUpgradeContext is VerifyAndUpgrade with a context that bounds the
// waits for the memory budget, the verify's and the new digest's. If the
// context ends before the new digest's turn, the old digest is kept: ok =
// true, upgraded = "", err = nil.
func (v *Verifier) VerifyAndUpgradeContext(ctx context.Context, hasher, digest, password string) (ok bool, upgraded string, err error) {
	target, err := v.upgradeTarget()
	if err != nil {
		return false, "", err
	}
	s, h, err := builtin(hasher)
	if err != nil {
		return false, "", err
	}
	if s == nil { // registered from outside: verified, never upgraded
		ok, err = h.Verify(digest, password)
		if !ok {
			return false, "", err
		}
		return true, "", nil
	}
	p, ok, err := v.verifyParsed(ctx, s, digest, password)
	if err != nil || !ok {
		return false, "", err
	}
	if !s.insecure && !p.weaker(&v.Policy) {
		return true, "", nil
	}
	upgraded, err = v.hash(ctx, target, password)
	if err != nil {
		return true, "", nil // keep the old digest, see above
	}
	return true, upgraded, nil
}

// UpgradeHasher is the hasher VerifyAndUpgrade writes new digests with:
// p.Upgrade, or "bcrypt" when that is empty.
func (p *Policy) UpgradeHasher() string {
	if p.Upgrade == "" {
		return "bcrypt"
	}
	return p.Upgrade
}

// upgradeTarget is the scheme of v.Policy.UpgradeHasher, checked.
func (v *Verifier) upgradeTarget() (*scheme, error) {
	name := v.Policy.UpgradeHasher()
	s, _, err := builtin(name)
	if err != nil {
		return nil, fmt.Errorf("pwdigest: Policy.Upgrade: %w", err)
	}
	if s == nil || s.hash == nil || s.insecure {
		return nil, fmt.Errorf("pwdigest: Policy.Upgrade %q: not a built-in hasher that makes secure digests", name)
	}
	if err := v.checkPolicy(s); err != nil {
		return nil, fmt.Errorf("pwdigest: Policy.Upgrade %q: %w", name, err)
	}
	return s, nil
}

// Identify returns the names of the built-in hashers whose format digest
// matches, most likely first. A digest matches when it parses, whatever its
// costs (a digest above the limits is still identified). Candidates are
// ordered by rank, highest first, then by registration order, never by map
// order. Where formats overlap, every candidate is named, likeliest first
// (the README's hasher section lists the overlaps): Keycloak's and Django's
// "pbkdf2_sha256$" (a salt with "=", "+" or "/", or a hash that is not 32
// bytes, puts Keycloak first), phpass's "$P$"/"$H$" (phpass, then
// md5_phpass and drupal7), a 13-character crypt string (des_crypt, then
// bigcrypt), md5_salted and sha256_salted, which any "<salt>$<hex>" shape
// parses as (last), and ldap_ssha without its prefix, any padded base64 of
// 21 bytes or more (after aspnet_identity_v2/v3). A 32-hex digest matches
// md5 only.
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
