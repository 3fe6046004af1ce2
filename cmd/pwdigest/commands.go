package main

import (
	"flag"
	"fmt"
	"maps"
	"slices"
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

Each flag sets one cost parameter of the hasher's new digests; values
outside the format's bounds or above the default limits are refused, since
check and verify would refuse the digest:
%s
Example:
  printf '%%s\n' 'hunter2' | pwdigest hash --cost 10 bcrypt
  pwdigest hash argon2id --memory 65536 --time 3
`

// policyFlag is a hash flag, made from the cost parameters of the hashers'
// new digests (pwdigest.HasherParams): its name is the part of a Param's
// name after the last dot, and it may set a different Param per hasher
// (--rounds sets phpass.rounds, crypt.rounds or scrypt_firebase.rounds).
type policyFlag struct {
	name   string
	params map[string]*pwdigest.Param // by hasher
	value  int64
}

func flagName(p *pwdigest.Param) string {
	return p.Name[strings.LastIndexByte(p.Name, '.')+1:]
}

// policyFlags returns the hash flags in the order their Params are
// declared.
func policyFlags() []*policyFlag {
	byName := map[string]*policyFlag{}
	for _, h := range pwdigest.Hashers() {
		for _, p := range pwdigest.HasherParams(h) {
			pf := byName[flagName(p)]
			if pf == nil {
				pf = &policyFlag{name: flagName(p), params: map[string]*pwdigest.Param{}}
				byName[pf.name] = pf
			}
			pf.params[h] = p
		}
	}
	var flags []*policyFlag
	for _, p := range pwdigest.Params() {
		if pf := byName[flagName(p)]; pf != nil && !slices.Contains(flags, pf) && slices.Contains(slices.Collect(maps.Values(pf.params)), p) {
			flags = append(flags, pf)
		}
	}
	return flags
}

// hashers returns the hashers the flag applies to, sorted.
func (pf *policyFlag) hashers() []string {
	return slices.Sorted(maps.Keys(pf.params))
}

// bounds are the values the flag takes for hasher: within its Param's
// bounds and default limit, so that the digest passes check.
func (pf *policyFlag) bounds(hasher string) (lo, hi int64) {
	p := pf.params[hasher]
	return p.Min, min(p.Max, p.Limit)
}

// help describes the flag: for each Param it sets, its bounds, default and
// hashers.
func (pf *policyFlag) help() string {
	var b strings.Builder
	for i, p := range distinctParams(pf) {
		var hs []string
		for _, h := range pf.hashers() {
			if pf.params[h] == p {
				hs = append(hs, h)
			}
		}
		lead := "  --" + pf.name
		if i > 0 {
			lead = ""
		}
		lo, hi := pf.bounds(hs[0])
		fmt.Fprintf(&b, "%-16s %s %d..%d, default %d\n", lead, p.Name, lo, hi, p.Policy)
		line := strings.Repeat(" ", 19) + "for"
		for i, h := range hs {
			if i > 0 {
				line += ","
			}
			if len(line)+1+len(h) > 78 {
				b.WriteString(line + "\n")
				line = strings.Repeat(" ", 19) + h
				continue
			}
			line += " " + h
		}
		b.WriteString(line + "\n")
	}
	return b.String()
}

// distinctParams returns the Params pf sets, in declaration order.
func distinctParams(pf *policyFlag) []*pwdigest.Param {
	var ps []*pwdigest.Param
	for _, p := range pwdigest.Params() {
		for _, q := range pf.params {
			if p == q {
				ps = append(ps, p)
				break
			}
		}
	}
	return ps
}

func hashHelpText(flags []*policyFlag) string {
	var b strings.Builder
	for _, pf := range flags {
		b.WriteString(pf.help())
	}
	return fmt.Sprintf(hashHelp, b.String())
}

func runHash(e *env, args []string) int {
	pflags := policyFlags()
	fs := newFlags(e, "hash", "[flags] <hasher>", hashHelpText(pflags))
	for _, pf := range pflags {
		usage := make([]string, 0, len(pf.params))
		for _, p := range distinctParams(pf) {
			usage = append(usage, p.Name)
		}
		fs.Int64Var(&pf.value, pf.name, 0, "sets "+strings.Join(usage, ", ")+" (default: the policy's)")
	}
	pos, code, ok := parseFlags(e, fs, args)
	if !ok {
		return code
	}
	if len(pos) != 1 {
		return usageError(e, fs, "want a hasher, got %d arguments", len(pos))
	}
	h, err := pwdigest.Lookup(pos[0])
	if err != nil {
		return fail(e, fs, err)
	}
	hasher := h.Name() // an alias's flags are its hasher's
	v := &pwdigest.Verifier{Policy: pwdigest.Policy{Costs: map[*pwdigest.Param]int64{}}}
	var bad error
	fs.Visit(func(f *flag.Flag) {
		for _, pf := range pflags {
			if pf.name != f.Name || bad != nil {
				continue
			}
			p, applies := pf.params[hasher]
			if !applies {
				bad = fmt.Errorf("--%s does not apply to %s (it does to %s)", pf.name, hasher, strings.Join(pf.hashers(), ", "))
				return
			}
			if lo, hi := pf.bounds(hasher); pf.value < lo || pf.value > hi {
				bad = fmt.Errorf("--%s %d is outside %d..%d for %s", pf.name, pf.value, lo, hi, hasher)
				return
			}
			v.Policy.Costs[p] = pf.value
		}
	})
	if bad == nil {
		// What depends on several flags or on the format (scrypt's memory).
		bad = v.CheckPolicy(hasher)
	}
	if bad != nil {
		return usageError(e, fs, "%s", errText(bad))
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

const identifyHelp = `
Identify prints the hashers whose format the digest matches, most likely
first, one a line. It exits 1 when none does. A digest matches whatever its
parameters; check it against the limits with verify or check.

Example:
  pwdigest identify 'pbkdf2_sha256$260000$3h29BAupB1JdFQrQM7lIue$rRYHAdTByn+3Jkvy6HAa0Sm1nxlQKu3HCn1xOEQ8G2w='
`

func runIdentify(e *env, args []string) int {
	fs := newFlags(e, "identify", "[--password PW [--salt S]] <digest>", identifyHelp+identifyRecipeHelp)
	var rf identifyFlags
	rf.add(fs)
	pos, code, ok := parseFlags(e, fs, args)
	if !ok {
		return code
	}
	if len(pos) != 1 {
		return usageError(e, fs, "want a digest, got %d arguments", len(pos))
	}
	fs.Visit(func(f *flag.Flag) { rf.set = rf.set || f.Name == "password" })
	if rf.salt != "" && !rf.set {
		return usageError(e, fs, "--salt needs --password")
	}
	if rf.set {
		return rf.run(e, pos[0])
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
