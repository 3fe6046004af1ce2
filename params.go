package pwdigest

import (
	"slices"
	"strconv"
)

// A Param is one cost parameter of a scheme, declared once, next to the
// scheme's parser. Limits and Policy are keyed by it, NeedsRehash compares
// with its policy value, and the CLI's hash flags and the README's limits
// table are made from it.
type Param struct {
	// Name is "<scheme>.<parameter>", e.g. "bcrypt.cost"; the part after
	// the last dot is the CLI's hash flag.
	Name string
	// Doc says in one line what the parameter is and why its defaults are
	// what they are.
	Doc string
	// Min and Max are what the format itself allows (some formats allow
	// less, and say so); a digest outside is refused with
	// ErrParamsOutOfRange.
	Min, Max int64
	// Limit is the default limit: the largest value Verify accepts, or for a
	// floor (MinHashBytes) the smallest.
	Limit int64
	// Policy is the default value for new digests and NeedsRehash's floor;
	// 0 for a parameter that is only limited.
	Policy int64

	floor bool // Limit is a lower bound
}

// params holds every declared Param, in declaration order.
var params []*Param

// newParam declares a Param; call it at package level only.
func newParam(p Param) *Param {
	q := &p
	params = append(params, q)
	return q
}

// Params returns every cost parameter, in declaration order.
func Params() []*Param { return slices.Clone(params) }

// String returns the parameter's name.
func (p *Param) String() string { return p.Name }

// Limits caps the work factors a digest may ask for, one value per Param: a
// missing key (and a nil Limits) takes the Param's default Limit, a present
// one is used as given. For example
//
//	pwdigest.Limits{pwdigest.BcryptCost: 14, pwdigest.Argon2Memory: 256 << 10}
//
// A digest is attacker-controlled data: one argon2 digest with m=4294967295
// or a PBKDF2 digest with 2^31 iterations would turn a sign-in into an
// out-of-memory crash or hours of CPU. Verify refuses a digest above a limit
// before any hashing, with an error wrapping ErrParamsOutOfRange that names
// the parameter. The defaults accept the strongest settings that real
// producers write today, with headroom, and refuse more; see Params for each
// one.
type Limits map[*Param]int64

// Get returns the limit for p.
func (l Limits) Get(p *Param) int64 {
	if v, ok := l[p]; ok {
		return v
	}
	return p.Limit
}

// check refuses v, the value of p in a digest of the hasher name (what
// names the field in errors: "bcrypt" "cost"), outside p's bounds, then
// beyond l's limit. The two strings are joined only for an error, so that a
// digest that passes costs no allocation.
func (l Limits) check(p *Param, name, what string, v int64) error {
	if v < p.Min || v > p.Max {
		return outOfRange(name+" "+what, v, strconv.FormatInt(p.Min, 10)+".."+strconv.FormatInt(p.Max, 10))
	}
	return l.limit(p, name, what, v)
}

// limit refuses v beyond l's limit for p, a value already within p's bounds.
func (l Limits) limit(p *Param, name, what string, v int64) error {
	lim := l.Get(p)
	if p.floor && v < lim {
		return belowFloor(p, name+" "+what, v, lim)
	}
	if !p.floor && v > lim {
		return overLimit(p, name+" "+what, v, lim)
	}
	return nil
}

// unlimited lets Identify parse a digest whatever its costs: every Param at
// the widest its format allows. Built in init, once every Param is
// declared; shared and read-only.
var unlimited Limits

func init() {
	unlimited = make(Limits, len(params))
	for _, p := range params {
		unlimited[p] = p.Max
		if p.floor {
			unlimited[p] = p.Min
		}
	}
}

// Policy holds the parameters Hash uses for new digests, and the floor below
// which NeedsRehash reports an existing digest as weak (as passlib's
// CryptContext does).
type Policy struct {
	// Costs maps a Param to its value for new digests; a missing key takes
	// the Param's default Policy value. For example
	// map[*pwdigest.Param]int64{pwdigest.BcryptCost: 13}.
	Costs map[*Param]int64
	// Upgrade names the hasher VerifyAndUpgrade writes new digests with;
	// "" means "bcrypt".
	Upgrade string
}

// Get returns the policy value for c.
func (p *Policy) Get(c *Param) int64 {
	if v, ok := p.Costs[c]; ok {
		return v
	}
	return c.Policy
}

// HasherParams returns the cost parameters of the named built-in hasher's
// new digests, which Hash takes from the Policy and NeedsRehash compares
// with, and which Limits bound on Verify. The hash-length bounds
// (MinHashBytes, MaxHashBytes) apply too where the format's length varies,
// and are not listed. nil for an insecure hasher, one without parameters, or
// a name that is not built in.
func HasherParams(name string) []*Param {
	s, _, err := builtin(name)
	if err != nil || s == nil {
		return nil
	}
	return slices.Clone(s.params)
}
