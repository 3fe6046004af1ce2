package main

import (
	"errors"
	"slices"
	"strings"

	"github.com/pwdigest/pwdigest"
)

// outcome is what check concluded about a row's digest. Each row has one.
type outcome uint8

const (
	outcomeOK         outcome = iota // known hasher, digest passes Check
	outcomeMalformed                 // ErrMalformedDigest, a missing digest, or a broken line
	outcomeOutOfRange                // ErrParamsOutOfRange
	outcomeUnknown                   // ErrUnknownHasher, or no hasher named
)

// pwState is the result of verifying a row's test password.
type pwState uint8

const (
	pwNone     pwState = iota // no password in the row
	pwVerified                // matched
	pwFailed                  // did not match, or verify failed
)

// Problem kinds, as --json writes them.
const (
	kindBadRow       = "bad_row"
	kindMalformed    = "malformed"
	kindOutOfRange   = "out_of_range"
	kindUnknown      = "unknown_hasher"
	kindNoHasher     = "no_hasher"
	kindNoMatch      = "password_mismatch"
	kindVerifyFailed = "verify_error"
)

// Group names for rows without a registered hasher.
const (
	groupUnknown = "(unknown)"
	groupBadRow  = "(bad row)"
)

// result is the verdict on one row.
type result struct {
	group      string // the hasher (named or identified), or groupUnknown/groupBadRow
	outcome    outcome
	insecure   bool
	rehash     bool
	pw         pwState
	kind       string // problem kind; "" for a usable row
	reason     string // problem text; never holds the password
	candidates []string
	// warning: the row names a hasher whose format the digest matches,
	// but Identify ranks another first (Keycloak's pbkdf2_sha256 on a
	// Django digest). The row stays usable.
	warning string
}

func (r *result) usable() bool { return r.kind == "" }

// hasherInfo caches a hasher name's registry facts.
type hasherInfo struct {
	known    bool
	insecure bool
	name     string // the hasher's own name, for an alias
	err      error  // Lookup's error for an unknown name
}

// rowChecker checks rows; one per worker, as its cache is not shared.
type rowChecker struct {
	names  *fieldNames
	verify bool           // verify test passwords
	fixed  string         // --hasher: every row's hasher; "" reads it from the row
	recipe *recipeColumns // --recipe: every row's digest is built (recipe.go)
	cache  map[string]hasherInfo
	// warnings caches likelierHasher by the hasher and the digest's shape.
	warnings map[uint64]string
}

// maxCachedNames bounds the cache against exports full of distinct
// unknown hasher names.
const maxCachedNames = 256

func newRowChecker(names *fieldNames, verify bool, fixed string) *rowChecker {
	return &rowChecker{names: names, verify: verify, fixed: fixed, cache: make(map[string]hasherInfo),
		warnings: make(map[uint64]string)}
}

func (c *rowChecker) lookup(name string) hasherInfo {
	if hi, ok := c.cache[name]; ok {
		return hi
	}
	var hi hasherInfo
	if h, err := pwdigest.Lookup(name); err != nil {
		hi.err = err
	} else {
		hi.known, hi.insecure, hi.name = true, pwdigest.Insecure(name), h.Name()
	}
	if len(c.cache) < maxCachedNames {
		// Clone: name may point into a batch's text.
		c.cache[strings.Clone(name)] = hi
	}
	return hi
}

// check fills r from the row's fields.
func (c *rowChecker) check(f *fields, r *result) {
	*r = result{}
	n := c.names
	if c.fixed != "" {
		f.hasher, f.hasHasher, f.notString = c.fixed, true, f.notString&^fieldHasher
	}
	if c.recipe != nil {
		if why := c.recipe.apply(f); why != "" {
			r.group, r.outcome, r.kind, r.reason = "recipe", outcomeMalformed, kindMalformed, why
			return
		}
	}
	if f.notString&fieldHasher != 0 {
		r.group, r.outcome = groupUnknown, outcomeUnknown
		r.kind, r.reason = kindUnknown, n.hasher+" is not a string"
		return
	}
	hasher := f.hasher
	named := f.hasHasher && hasher != ""
	if !named {
		// No hasher: check as the likeliest candidate, and report the row.
		if f.hasDigest && f.notString&fieldDigest == 0 {
			r.candidates = pwdigest.Identify(f.digest)
		}
		if len(r.candidates) == 0 {
			r.group, r.outcome = groupUnknown, outcomeUnknown
			r.kind, r.reason = kindNoHasher, "no "+n.hasher+" and no hasher's format matches the digest"
			if !f.hasDigest {
				r.reason = "no " + n.hasher + " and no " + n.digest
			}
			return
		}
		hasher = r.candidates[0]
	}
	hi := c.lookup(hasher)
	if !hi.known {
		r.group, r.outcome = groupUnknown, outcomeUnknown
		r.kind, r.reason = kindUnknown, hi.err.Error()
		return
	}
	r.group = hasher
	var checkErr error
	switch {
	case f.notString&fieldDigest != 0:
		r.outcome, r.kind, r.reason = outcomeMalformed, kindMalformed, n.digest+" is not a string"
	case !f.hasDigest || f.digest == "":
		r.outcome, r.kind, r.reason = outcomeMalformed, kindMalformed, "no "+n.digest
	default:
		// NeedsRehash runs Check first and returns its error: one parse.
		r.rehash, checkErr = pwdigest.NeedsRehash(hasher, f.digest)
	}
	switch {
	case checkErr == nil:
	case errors.Is(checkErr, pwdigest.ErrParamsOutOfRange):
		r.outcome, r.kind, r.reason = outcomeOutOfRange, kindOutOfRange, checkErr.Error()
	case errors.Is(checkErr, pwdigest.ErrUnknownHasher):
		r.outcome, r.kind, r.reason = outcomeUnknown, kindUnknown, checkErr.Error()
	default:
		r.outcome, r.kind, r.reason = outcomeMalformed, kindMalformed, checkErr.Error()
	}
	if r.outcome == outcomeOK {
		if named {
			r.warning = c.likelierHasher(hi.name, f.digest)
		}
		r.insecure = hi.insecure
		switch {
		case !c.verify:
		case f.notString&fieldPassword != 0:
			r.pw, r.kind, r.reason = pwFailed, kindVerifyFailed, n.password+" is not a string"
		case f.hasPassword && f.password != "":
			c.verifyPassword(hasher, f, r)
		}
	}
	if !named {
		// The row is reported whatever its digest: the export must name
		// the hasher for the migration.
		why := r.reason
		r.outcome, r.kind = outcomeUnknown, kindNoHasher
		r.reason = "no " + n.hasher + "; the digest looks like " + strings.Join(r.candidates, " or ")
		if len(r.candidates) > 1 {
			r.reason += " (checked as " + hasher + ")"
		}
		if why != "" {
			r.reason += ": " + why
		}
	}
}

func (c *rowChecker) verifyPassword(hasher string, f *fields, r *result) {
	ok, err := pwdigest.Verify(hasher, f.digest, f.password)
	switch {
	case err != nil:
		r.pw, r.kind, r.reason = pwFailed, kindVerifyFailed, err.Error()
	case ok:
		r.pw = pwVerified
	default:
		r.pw, r.kind, r.reason = pwFailed, kindNoMatch, "the test password does not match"
		if r.warning != "" {
			r.reason += "; " + r.warning
		}
	}
}

// sameFunction lists hashers that verify the digests they share alike, so
// naming either is right: phpass's $P$ and $H$ under Clerk's md5_phpass, and
// under drupal7, which accepts them as Drupal 7 does.
var sameFunction = [][]string{{"phpass", "md5_phpass", "drupal7"}}

// maxCachedShapes bounds the warnings cache.
const maxCachedShapes = 4096

// likelierHasher is the package function, cached by digest shape: Identify
// tries every format, which costs more than the rest of the row's check,
// and an export has few shapes. Two digests of one shape (the same fields,
// each of the same length and the same kinds of characters) are formats
// of the same hashers, so the answer is the same.
func (c *rowChecker) likelierHasher(named, digest string) string {
	k := shapeKey(named, digest)
	if w, ok := c.warnings[k]; ok {
		return w
	}
	w := likelierHasher(named, digest)
	if len(c.warnings) < maxCachedShapes {
		c.warnings[k] = w
	}
	return w
}

// shapeKey hashes the hasher name and the digest's shape. The digest is
// cut at each '$'; a field's text up to its last byte outside the base64
// and crypt alphabets ([A-Za-z0-9+/=.]) is kept as it is (a prefix such as
// "pbkdf2_sha256" or "{SSHA}"), the rest is reduced to its length and the
// kinds of characters in it (digits, lower, upper, each of "+/=.").
func shapeKey(named, digest string) uint64 {
	const prime = 0x100000001b3
	h := uint64(0xcbf29ce484222325)
	mix := func(v uint64) { h = (h ^ v) * prime }
	for i := 0; i < len(named); i++ {
		mix(uint64(named[i]))
	}
	start := 0 // of the current field
	lit, kinds := 0, uint64(0)
	for i := 0; i <= len(digest); i++ {
		if i == len(digest) || digest[i] == '$' {
			for j := start; j < lit; j++ {
				mix(uint64(digest[j]))
			}
			mix(1<<63 | kinds<<32 | uint64(i-lit))
			start, lit, kinds = i+1, i+1, 0
			continue
		}
		k := b64Kind[digest[i]]
		if k == 0 {
			lit, kinds = i+1, 0
		} else {
			kinds |= uint64(k)
		}
	}
	return h
}

// b64Kind is the kind bit of each byte of the base64 and crypt alphabets,
// 0 for the others.
var b64Kind = func() (t [256]byte) {
	for c := '0'; c <= '9'; c++ {
		t[c] = 1
	}
	for c := 'a'; c <= 'z'; c++ {
		t[c] = 2
	}
	for c := 'A'; c <= 'Z'; c++ {
		t[c] = 4
	}
	t['+'], t['/'], t['='], t['.'] = 8, 16, 32, 64
	return t
}()

// likelierHasher returns a warning when Identify ranks another hasher
// before the one named: the format matches both, but the digest looks like
// the other's (a Django "pbkdf2_sha256$" digest labelled with Keycloak's
// pbkdf2_sha256 passes Check and never verifies).
func likelierHasher(named, digest string) string {
	cands := pwdigest.Identify(digest)
	if len(cands) < 2 || cands[0] == named || !slices.Contains(cands, named) {
		// One candidate, or the named one first; a hasher Identify does
		// not know (registered from outside) has nothing to compare.
		return ""
	}
	for _, g := range sameFunction {
		if slices.Contains(g, named) && slices.Contains(g, cands[0]) {
			return ""
		}
	}
	return "labelled " + named + ", but the digest looks like " + cands[0]
}
