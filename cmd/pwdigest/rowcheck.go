package main

import (
	"errors"
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
}

func (r *result) usable() bool { return r.kind == "" }

// hasherInfo caches a hasher name's registry facts.
type hasherInfo struct {
	known    bool
	insecure bool
	err      error // Lookup's error for an unknown name
}

// rowChecker checks rows; one per worker, as its cache is not shared.
type rowChecker struct {
	names  *fieldNames
	verify bool // verify test passwords
	cache  map[string]hasherInfo
}

// maxCachedNames bounds the cache against exports full of distinct
// unknown hasher names.
const maxCachedNames = 256

func newRowChecker(names *fieldNames, verify bool) *rowChecker {
	return &rowChecker{names: names, verify: verify, cache: make(map[string]hasherInfo)}
}

func (c *rowChecker) lookup(name string) hasherInfo {
	if hi, ok := c.cache[name]; ok {
		return hi
	}
	var hi hasherInfo
	if _, err := pwdigest.Lookup(name); err != nil {
		hi.err = err
	} else {
		hi.known, hi.insecure = true, pwdigest.Insecure(name)
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
	}
}
