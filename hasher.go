package pwdigest

import (
	"context"
	"crypto/subtle"
	"errors"
	"fmt"
	"slices"
	"sort"
	"sync"
)

// The sentinel errors. Every error about a hasher name, a digest or a
// password wraps exactly one of them; test with errors.Is. (VerifyContext's
// cancelled wait for the memory budget wraps the context's error instead, and
// Check of a hasher registered from outside, which cannot be checked without
// a password, wraps none.)
var (
	// ErrUnknownHasher: no hasher is registered under that name.
	ErrUnknownHasher = errors.New("pwdigest: unknown hasher")
	// ErrMalformedDigest: the digest does not parse as the hasher's format.
	ErrMalformedDigest = errors.New("pwdigest: malformed digest")
	// ErrParamsOutOfRange: the digest parses, but a parameter is outside what
	// the scheme allows or above the configured Limits.
	ErrParamsOutOfRange = errors.New("pwdigest: parameters out of range")
	// ErrPasswordTooLong: the password cannot be hashed by the target scheme
	// without truncation (bcrypt takes at most 72 bytes).
	ErrPasswordTooLong = errors.New("pwdigest: password too long")
	// ErrUnsupportedPassword: Hash refuses a password the scheme's producers
	// cannot take, so that its digest would not verify there: a NUL byte for
	// bcrypt and crypt(3), where C implementations stop at it or refuse it.
	ErrUnsupportedPassword = errors.New("pwdigest: password not supported by the scheme")
)

// A Hasher verifies digests of one format. Built-in hashers are registered
// at init; others can be added with Register.
type Hasher interface {
	// Name is the registry key, e.g. "pbkdf2_sha256_django".
	Name() string
	// Verify reports whether password matches digest: (true, nil) on a
	// match, (false, nil) for a well-formed digest that does not match, and
	// an error wrapping one of the package's sentinels otherwise.
	Verify(digest, password string) (bool, error)
}

// scheme is a built-in hasher. Verification is split so that limits and the
// memory budget are applied between parsing and hashing: parse checks the
// format and refuses costs above the limits before any work is done.
type scheme struct {
	name     string
	insecure bool
	// remote: the password is checked by a remote service (awscognito),
	// not against a digest: there are no producer vectors to verify offline.
	remote bool
	// aliases are older names this package gave the scheme, still
	// registered: Lookup, Verify, Check, Hash and the rest take them and
	// behave as under name; Hashers lists name only.
	aliases []string
	// params are the cost parameters of new digests, see HasherParams.
	params []*Param
	// parse validates digest and returns the prepared verification.
	parse func(digest string, l Limits) (parsed, error)
	// hash produces a digest of password with the policy's parameters,
	// which the caller has checked (see Verifier.CheckPolicy).
	hash func(password string, p *Policy) (string, error)
	// checkPolicy, if not nil, refuses what the Params' bounds and l do not
	// catch alone: scrypt's memory, a format's narrower bound.
	checkPolicy func(p *Policy, l Limits) error
	// hashMemory, if not nil, is the working memory hash needs for a
	// checked policy, taken from the budget.
	hashMemory func(p *Policy) int64
	// rank orders Identify's candidates for a digest this scheme parses:
	// higher first. nil means 0.
	rank func(digest string) int
}

// parsed is a digest that passed parsing and the limits.
type parsed interface {
	// memory is the working memory in bytes that verify will allocate; it
	// is taken from the Verifier's budget first. 0 for cheap schemes.
	memory() int64
	// verify hashes password with the digest's parameters and compares in
	// constant time.
	verify(password string) (bool, error)
	// weaker reports whether the digest's parameters are below the policy.
	weaker(p *Policy) bool
}

// equalKey reports whether got, a hash or key derived from a password,
// equals want, in constant time, and clears got: nothing derived from a
// password outlives the verify.
func equalKey(got []byte, err error, want []byte) (bool, error) {
	if err != nil {
		return false, err
	}
	ok := subtle.ConstantTimeCompare(got, want) == 1
	clear(got)
	return ok, nil
}

// passwordCopy copies password for a core that takes bytes; clear the copy
// after use.
func passwordCopy(password string) []byte { return []byte(password) }

func (s *scheme) Name() string { return s.name }

// Verify verifies with the default limits and budget.
func (s *scheme) Verify(digest, password string) (bool, error) {
	return Default.verifyScheme(context.Background(), s, digest, password)
}

var registry struct {
	mu     sync.RWMutex
	byName map[string]Hasher // names and aliases
	order  []Hasher          // registration order: Identify's tie-break
}

// Register makes a hasher available by its name. It panics if h is nil, its
// name is empty, or the name is already registered, as database/sql.Register
// does: a clash is a programming error found at init.
//
// A registered hasher is trusted code: Verify and VerifyContext call its
// Verify method and nothing else, so no Verifier's Limits, Policy or memory
// Budget applies to it, nor a context. It is refused by Check (which cannot
// check it without a password), NeedsRehash, Hash and HasherParams, and
// left out by Identify. Bound its work inside its Verify.
func Register(h Hasher) {
	if h == nil {
		panic("pwdigest: Register hasher is nil")
	}
	name := h.Name()
	if name == "" {
		panic("pwdigest: Register hasher with an empty name")
	}
	registry.mu.Lock()
	defer registry.mu.Unlock()
	if registry.byName == nil {
		registry.byName = make(map[string]Hasher)
	}
	if _, dup := registry.byName[name]; dup {
		panic("pwdigest: Register called twice for hasher " + name)
	}
	registry.byName[name] = h
	registry.order = append(registry.order, h)
}

// register adds a built-in scheme, from an init function, under its name
// and its aliases.
func register(s *scheme) {
	Register(s)
	registry.mu.Lock()
	defer registry.mu.Unlock()
	for _, a := range s.aliases {
		if _, dup := registry.byName[a]; dup {
			panic("pwdigest: alias " + a + " is already registered")
		}
		registry.byName[a] = s
	}
}

// Lookup returns the hasher registered under name, or under an alias of its
// name: Lookup("wordpress").Name() is "bcrypt_sha384_wordpress".
func Lookup(name string) (Hasher, error) {
	registry.mu.RLock()
	h, ok := registry.byName[name]
	registry.mu.RUnlock()
	if !ok {
		return nil, fmt.Errorf("%w %q", ErrUnknownHasher, truncate(name, 40))
	}
	return h, nil
}

// Hashers returns the registered hasher names, sorted, each once: not the
// aliases, which are listed in the README's hasher table and in each
// hasher's file.
func Hashers() []string {
	registry.mu.RLock()
	names := make([]string, 0, len(registry.order))
	for _, h := range registry.order {
		names = append(names, h.Name())
	}
	registry.mu.RUnlock()
	sort.Strings(names)
	return names
}

// ordered returns the registered hashers in registration order.
func ordered() []Hasher {
	registry.mu.RLock()
	defer registry.mu.RUnlock()
	return slices.Clone(registry.order)
}

// Insecure reports whether hasher names a scheme too weak to keep (plain
// md5 and sha256, and the other unsalted or single-round schemes): after a
// successful verify such digests should be replaced, see VerifyAndUpgrade.
func Insecure(hasher string) bool {
	h, err := Lookup(hasher)
	if err != nil {
		return false
	}
	s, ok := h.(*scheme)
	return ok && s.insecure
}

// Verify reports whether password matches digest, a digest made by the named
// hasher, using the default Verifier. See Verifier.Verify.
func Verify(hasher, digest, password string) (bool, error) {
	return Default.Verify(hasher, digest, password)
}

// VerifyContext is Verify with a context that bounds the wait for the memory
// budget.
func VerifyContext(ctx context.Context, hasher, digest, password string) (bool, error) {
	return Default.VerifyContext(ctx, hasher, digest, password)
}

// VerifyAndUpgrade verifies like Verify and, when the password matches a
// digest that is insecure or weaker than the default policy, returns a fresh
// bcrypt digest of it to store instead. err is nil whenever ok is true. See
// Verifier.VerifyAndUpgrade.
func VerifyAndUpgrade(hasher, digest, password string) (ok bool, upgraded string, err error) {
	return Default.VerifyAndUpgrade(hasher, digest, password)
}

// VerifyAndUpgradeContext is VerifyAndUpgrade with a context that bounds the
// waits for the memory budget. See Verifier.VerifyAndUpgradeContext.
func VerifyAndUpgradeContext(ctx context.Context, hasher, digest, password string) (ok bool, upgraded string, err error) {
	return Default.VerifyAndUpgradeContext(ctx, hasher, digest, password)
}

// Check validates digest for hasher (format and limits) without a password
// and without hashing. It returns nil or the error Verify would return before
// hashing.
func Check(hasher, digest string) error {
	return Default.Check(hasher, digest)
}

// Hash returns a new digest of password in the named hasher's format, with
// the default policy's parameters and a random salt.
func Hash(hasher, password string) (string, error) {
	return Default.Hash(hasher, password)
}

// NeedsRehash reports whether a valid digest should be replaced at the next
// successful sign-in: its hasher is insecure, or its parameters are weaker
// than the default policy.
func NeedsRehash(hasher, digest string) (bool, error) {
	return Default.NeedsRehash(hasher, digest)
}

// Identify returns the names of the built-in hashers whose format digest
// matches, most likely first. See Verifier.Identify.
func Identify(digest string) []string {
	return Default.Identify(digest)
}

// truncate shortens s for use in an error message.
func truncate(s string, n int) string {
	if len(s) <= n {
		return s
	}
	return s[:n] + "..."
}
