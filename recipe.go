package pwdigest

import (
	"crypto/hmac"
	"crypto/md5"
	"crypto/pbkdf2"
	"crypto/sha1"
	"crypto/sha256"
	"crypto/sha3"
	"crypto/sha512"
	"crypto/subtle"
	"encoding/base64"
	"encoding/hex"
	"errors"
	"hash"
	"math"
	"strconv"
	"strings"
	"unicode/utf16"
	"unicode/utf8"

	"golang.org/x/crypto/md4"       //lint:ignore SA1019 legacy producers (NT hashes, Auth0's md4) are why recipes exist
	"golang.org/x/crypto/ripemd160" //lint:ignore SA1019 legacy producers are why recipes exist
)

// recipe: a home-grown digest construction written out, with its salt and
// hash, in one line (the syntax is in recipe_parse.go):
//
//	md5(md5($salt)+md5($password)) salt=h3Kx hash=0f27c6c3a1b2...
//
// is PHP's md5(md5($salt) . md5($password)) (MyBB, IPB). Values are byte
// strings. A function named after a hash returns its lowercase hex, as PHP's
// md5() and Node's digest('hex') do; the "_raw" form returns the bytes:
//
//	md4 md5 sha1 sha224 sha256 sha384 sha512 sha512_224 sha512_256
//	sha3_224 sha3_256 sha3_384 sha3_512 ripemd160     H(x), H_raw(x)
//	hmac_H(key, message), hmac_H_raw(key, message)
//	pbkdf2_H(password, salt, iterations, key bytes), pbkdf2_H_raw(...)
//	iterate(n, first, step)   x = first, then n times x = step, where step reads $x
//	hex upper lower b64 b64raw b64url b64urlraw unhex unb64   encodings
//	utf16le latin1            the UTF-8 text re-encoded (Auth0's "utf16le", "latin1")
//	latin1low                 the low byte of each UTF-16 unit: Node's "latin1"
//
// (Whirlpool is not offered: no well-kept Go module implements it.) The
// expression's value is compared in constant time with the hash field: its
// bytes as written for "hash=", decoded for "hash.hex=", "hash.b64=" and the
// other encodings. A recipe may instead end in a registered hasher, as
// bcrypt(sha256($password)) with a bcrypt digest as the hash: the
// expression is then that digest's password, and the hasher's own limits
// and memory budget apply.
//
// Costs are checked before any work: the recipe's work, counted in hash
// compressions (block function calls) with a password of recipeMaxPassword
// bytes, is limited by RecipeWork; an iterate step must end in a hash, so
// that no value grows with the rounds. Home-grown schemes are insecure:
// VerifyAndUpgrade replaces them.

// recipeMaxPassword is the longest password a recipe takes; the work is
// bounded with it before any hashing.
const recipeMaxPassword = 256

// RecipeWork limits a recipe's work in hash compressions.
var RecipeWork = newParam(Param{
	Name: "recipe.work",
	Doc: "a recipe's work in hash compressions, counted for a 256-byte password; limit 10,000,000 " +
		"(about a second; PBKDF2-SHA256 at 1,200,000 iterations is 2,400,000)",
	Min: 0, Max: math.MaxInt64, Limit: 10_000_000,
})

func init() {
	register(&scheme{name: "recipe", insecure: true, parse: parseRecipe})
}

var errNotRecipe = malformed("recipe", `want "<expression using $password> hash=<value>", e.g. "md5($salt+$password) salt=ab hash=..."`)

func parseRecipe(digest string, l Limits) (parsed, error) {
	// Every recipe reads the password: other formats are refused here
	// without allocating (Identify tries every format on every digest).
	if !strings.Contains(digest, "$password") || !strings.Contains(digest, " hash") {
		return nil, errNotRecipe
	}
	r, err := parseRecipeText(digest)
	if err != nil {
		return nil, err
	}
	if err := r.prepare(l); err != nil {
		return nil, err
	}
	return r, nil
}

// A recipe is a parsed recipe digest.
type recipe struct {
	root         *rnode
	text         string // the expression as written
	salt, pepper []byte
	key          []byte
	hash         []byte // the stored hash, decoded
	hashText     string // as written
	inner        parsed // for a recipe that ends in a registered hasher
	innerName    string
	work         int64
}

type rop uint8

const (
	opVar rop = iota
	opLiteral
	opNumber
	opConcat
	opCall
)

type rvar uint8

const (
	varPassword rvar = iota
	varSalt
	varPepper
	varKey
	varX
)

var recipeVars = map[string]rvar{"password": varPassword, "salt": varSalt, "pepper": varPepper, "key": varKey, "x": varX}

type rnode struct {
	op   rop
	v    rvar
	lit  []byte
	n    int64
	fn   *recipeFunc
	args []*rnode
}

func (n *rnode) uses(v rvar) bool {
	if n.op == opVar {
		return n.v == v
	}
	for _, a := range n.args {
		if a.uses(v) {
			return true
		}
	}
	return false
}

type fnKind uint8

const (
	fnHash fnKind = iota
	fnHMAC
	fnPBKDF2
	fnIterate
	fnEncode
	fnScheme // a registered hasher, at the top only
)

// A recipeFunc is one function of the recipe language.
type recipeFunc struct {
	name  string
	kind  fnKind
	raw   bool // hash, HMAC, PBKDF2: bytes rather than hex
	h     *recipeHash
	enc   func([]byte) ([]byte, bool)
	grow  func(int64) int64 // enc: the longest output for an input length
	nargs int
}

type recipeHash struct {
	new             func() hash.Hash
	size, blockSize int
}

var recipeHashes = map[string]*recipeHash{
	"md4":        {md4.New, md4.Size, md4.BlockSize},
	"md5":        {md5.New, md5.Size, md5.BlockSize},
	"sha1":       {sha1.New, sha1.Size, sha1.BlockSize},
	"sha224":     {sha256.New224, sha256.Size224, sha256.BlockSize},
	"sha256":     {sha256.New, sha256.Size, sha256.BlockSize},
	"sha384":     {sha512.New384, sha512.Size384, sha512.BlockSize},
	"sha512":     {sha512.New, sha512.Size, sha512.BlockSize},
	"sha512_224": {sha512.New512_224, sha512.Size224, sha512.BlockSize},
	"sha512_256": {sha512.New512_256, sha512.Size256, sha512.BlockSize},
	"sha3_224":   {func() hash.Hash { return sha3.New224() }, 28, 144},
	"sha3_256":   {func() hash.Hash { return sha3.New256() }, 32, 136},
	"sha3_384":   {func() hash.Hash { return sha3.New384() }, 48, 104},
	"sha3_512":   {func() hash.Hash { return sha3.New512() }, 64, 72},
	"ripemd160":  {ripemd160.New, ripemd160.Size, ripemd160.BlockSize},
}

var recipeEncodings = map[string]*recipeFunc{
	"hex":       {enc: encodeWith(hex.EncodeToString), grow: func(n int64) int64 { return 2 * n }},
	"upper":     {enc: asciiCase(true), grow: same},
	"lower":     {enc: asciiCase(false), grow: same},
	"b64":       {enc: encodeWith(base64.StdEncoding.EncodeToString), grow: b64Grow},
	"b64raw":    {enc: encodeWith(base64.RawStdEncoding.EncodeToString), grow: b64Grow},
	"b64url":    {enc: encodeWith(base64.URLEncoding.EncodeToString), grow: b64Grow},
	"b64urlraw": {enc: encodeWith(base64.RawURLEncoding.EncodeToString), grow: b64Grow},
	"unhex":     {enc: unhexValue, grow: same},
	"unb64":     {enc: unb64Value, grow: same},
	"utf16le":   {enc: utf16leValue, grow: func(n int64) int64 { return 2 * n }},
	"latin1":    {enc: latin1Value, grow: same},
	"latin1low": {enc: latin1LowValue, grow: same},
}

func same(n int64) int64    { return n }
func b64Grow(n int64) int64 { return (n + 2) / 3 * 4 }

// lookupRecipeFunc finds a function by name; a registered hasher's name
// (not a function's) is the fixed-scheme form.
func lookupRecipeFunc(name string) (*recipeFunc, bool) {
	if f, ok := recipeEncodings[name]; ok {
		g := *f
		g.name, g.kind, g.nargs = name, fnEncode, 1
		return &g, true
	}
	if name == "iterate" {
		return &recipeFunc{name: name, kind: fnIterate, nargs: 3}, true
	}
	base, raw := strings.CutSuffix(name, "_raw")
	kind, nargs := fnHash, 1
	if b, ok := strings.CutPrefix(base, "hmac_"); ok {
		base, kind, nargs = b, fnHMAC, 2
	} else if b, ok := strings.CutPrefix(base, "pbkdf2_"); ok {
		base, kind, nargs = b, fnPBKDF2, 4
	}
	if h, ok := recipeHashes[base]; ok {
		return &recipeFunc{name: name, kind: kind, raw: raw, h: h, nargs: nargs}, true
	}
	if s, _, err := builtin(name); err == nil && s != nil && s.name != "recipe" {
		return &recipeFunc{name: s.name, kind: fnScheme, nargs: 1}, true
	}
	return nil, false
}

func (f *recipeFunc) checkArgs(n *rnode) error {
	if len(n.args) != f.nargs {
		return errors.New("takes " + strconv.Itoa(f.nargs) + " arguments, got " + strconv.Itoa(len(n.args)))
	}
	for i, a := range n.args {
		count := f.kind == fnIterate && i == 0 || f.kind == fnPBKDF2 && i >= 2
		if count != (a.op == opNumber) {
			if count {
				return errors.New("argument " + strconv.Itoa(i+1) + " must be a number")
			}
			return errors.New("a number is only a count (iterate's first argument, pbkdf2's last two)")
		}
	}
	if f.kind == fnPBKDF2 && (n.args[2].n < 1 || n.args[3].n < 1) {
		return errors.New("iterations and key length must be at least 1")
	}
	return nil
}

// sizes are a value's longest length, whether that length is fixed, and
// whether it depends on $x.
type sizes struct {
	max   int64
	exact bool
	onX   bool
}

// analyse returns n's sizes and adds its work to *work, with $x of length
// x. It refuses a step whose length grows with $x.
func (r *recipe) analyse(n *rnode, x sizes, work *int64) (sizes, error) {
	switch n.op {
	case opVar:
		switch n.v {
		case varPassword:
			return sizes{max: recipeMaxPassword}, nil
		case varSalt:
			return sizes{max: int64(len(r.salt)), exact: true}, nil
		case varPepper:
			return sizes{max: int64(len(r.pepper)), exact: true}, nil
		case varKey:
			return sizes{max: int64(len(r.key)), exact: true}, nil
		}
		return x, nil
	case opLiteral:
		return sizes{max: int64(len(n.lit)), exact: true}, nil
	case opConcat:
		out := sizes{exact: true}
		for _, a := range n.args {
			s, err := r.analyse(a, x, work)
			if err != nil {
				return sizes{}, err
			}
			out.max = satAdd(out.max, s.max)
			out.exact = out.exact && s.exact
			out.onX = out.onX || s.onX
		}
		return out, nil
	}
	f := n.fn
	var in []sizes
	for i, a := range n.args {
		if f.kind == fnIterate && i == 2 {
			break // analysed below with $x bound
		}
		if a.op == opNumber {
			in = append(in, sizes{})
			continue
		}
		s, err := r.analyse(a, x, work)
		if err != nil {
			return sizes{}, err
		}
		in = append(in, s)
	}
	switch f.kind {
	case fnHash:
		*work = satAdd(*work, compressions(in[0].max, f.h.blockSize))
		return f.outSizes(int64(f.h.size)), nil
	case fnHMAC:
		c := compressions(satAdd(int64(f.h.blockSize), in[1].max), f.h.blockSize) +
			compressions(int64(f.h.blockSize+f.h.size), f.h.blockSize)
		if in[0].max > int64(f.h.blockSize) {
			c += compressions(in[0].max, f.h.blockSize)
		}
		*work = satAdd(*work, c)
		return f.outSizes(int64(f.h.size)), nil
	case fnPBKDF2:
		iter, keyLen := n.args[2].n, n.args[3].n
		if keyLen > 1<<20 {
			return sizes{}, recipeError(f.name + ": key length above 1 MiB")
		}
		blocks := (keyLen + int64(f.h.size) - 1) / int64(f.h.size)
		*work = satAdd(*work, satMul(satMul(iter, blocks), 2))
		return f.outSizes(keyLen), nil
	case fnEncode:
		s := in[0]
		s.max = f.grow(s.max)
		s.exact = s.exact && (n.fn.name == "hex" || n.fn.name == "upper" || n.fn.name == "lower" ||
			strings.HasPrefix(n.fn.name, "b64") && !strings.HasPrefix(n.fn.name, "unb64"))
		return s, nil
	case fnIterate:
		rounds := n.args[0].n
		first := in[1]
		step, err := r.analyse(n.args[2], sizes{max: first.max, exact: first.exact, onX: true}, work)
		if err != nil {
			return sizes{}, err
		}
		if step.onX {
			return sizes{}, recipeError("iterate: the step's length grows with $x: end it in a hash")
		}
		if rounds == 0 {
			return first, nil
		}
		var one int64
		if _, err := r.analyse(n.args[2], sizes{max: step.max, exact: step.exact, onX: true}, &one); err != nil {
			return sizes{}, err
		}
		*work = satAdd(*work, satMul(rounds-1, one))
		return step, nil
	}
	return sizes{}, recipeError(f.name + " must be the whole recipe")
}

func (f *recipeFunc) outSizes(size int64) sizes {
	if !f.raw {
		size *= 2
	}
	return sizes{max: size, exact: true}
}

// compressions is how many block function calls hashing n bytes takes at
// most (padding included).
func compressions(n int64, block int) int64 {
	return satAdd(n, 17)/int64(block) + 1
}

func satAdd(a, b int64) int64 {
	if a > math.MaxInt64-b {
		return math.MaxInt64
	}
	return a + b
}

func satMul(a, b int64) int64 {
	if a != 0 && b > math.MaxInt64/a {
		return math.MaxInt64
	}
	return a * b
}

// prepare checks the recipe's shape against its hash field, then its costs.
func (r *recipe) prepare(l Limits) error {
	top := r.root
	if top.op == opCall && top.fn.kind == fnScheme {
		r.innerName = top.fn.name
		top = top.args[0]
	}
	if err := checkNoScheme(top); err != nil {
		return err
	}
	s, err := r.analyse(top, sizes{}, &r.work)
	if err != nil {
		return err
	}
	if r.innerName == "" {
		got := int64(len(r.hash))
		if s.exact && got != s.max {
			why := "hash is " + strconv.FormatInt(got, 10) + " bytes, the recipe makes " + strconv.FormatInt(s.max, 10)
			if got < s.max {
				why += ": it looks truncated"
			}
			return recipeError(why)
		}
	}
	if err := l.limit(RecipeWork, "recipe", "work (hash compressions)", r.work); err != nil {
		return err
	}
	if r.innerName != "" {
		inner, _, _ := builtin(r.innerName)
		p, err := inner.parse(r.hashText, l)
		if err != nil {
			return err
		}
		r.inner = p
		return nil
	}
	return checkHashLen("recipe", len(r.hash), l)
}

func checkNoScheme(n *rnode) error {
	if n.op == opCall && n.fn.kind == fnScheme {
		return recipeError(n.fn.name + "(...) must be the whole recipe")
	}
	for _, a := range n.args {
		if err := checkNoScheme(a); err != nil {
			return err
		}
	}
	return nil
}

func (r *recipe) memory() int64 {
	if r.inner != nil {
		return r.inner.memory()
	}
	return 0
}

func (r *recipe) weaker(*Policy) bool { return true }

func (r *recipe) verify(password string) (bool, error) {
	if len(password) > recipeMaxPassword {
		return false, errRecipeTooLong
	}
	e := &recipeEnv{r: r, password: []byte(password)}
	defer e.clear()
	top := r.root
	if r.inner != nil {
		top = top.args[0]
	}
	v, ok := e.eval(top, nil)
	if !ok {
		// The password cannot be written in the recipe's encoding
		// (latin1 of a CJK password): it cannot match.
		return false, nil
	}
	if r.inner != nil {
		return r.inner.verify(string(v))
	}
	return subtle.ConstantTimeCompare(v, r.hash) == 1, nil
}

var errRecipeTooLong = &digestError{ErrPasswordTooLong, "pwdigest: password too long: a recipe takes at most 256 bytes"}

// recipeEnv evaluates a recipe for one password and remembers every buffer
// it made, to clear them all afterwards.
type recipeEnv struct {
	r        *recipe
	password []byte
	bufs     [][]byte
}

func (e *recipeEnv) keep(b []byte) []byte {
	e.bufs = append(e.bufs, b)
	return b
}

func (e *recipeEnv) clear() {
	for _, b := range e.bufs {
		clear(b)
	}
	clear(e.password)
}

// eval returns n's value; ok is false when an encoding cannot represent its
// input.
func (e *recipeEnv) eval(n *rnode, x []byte) ([]byte, bool) {
	switch n.op {
	case opVar:
		switch n.v {
		case varPassword:
			return e.password, true
		case varSalt:
			return e.r.salt, true
		case varPepper:
			return e.r.pepper, true
		case varKey:
			return e.r.key, true
		}
		return x, true
	case opLiteral:
		return n.lit, true
	case opConcat:
		var out []byte
		for _, a := range n.args {
			v, ok := e.eval(a, x)
			if !ok {
				return nil, false
			}
			out = append(out, v...)
		}
		return e.keep(out), true
	}
	f := n.fn
	args := make([][]byte, 0, 2)
	for i, a := range n.args {
		if a.op == opNumber || f.kind == fnIterate && i == 2 {
			continue
		}
		v, ok := e.eval(a, x)
		if !ok {
			return nil, false
		}
		args = append(args, v)
	}
	var out []byte
	switch f.kind {
	case fnHash:
		h := f.h.new()
		h.Write(args[0])
		out = h.Sum(nil)
	case fnHMAC:
		m := hmac.New(f.h.new, args[0])
		m.Write(args[1])
		out = m.Sum(nil)
	case fnPBKDF2:
		k, err := pbkdf2.Key(f.h.new, string(args[0]), args[1], int(n.args[2].n), int(n.args[3].n))
		if err != nil {
			return nil, false
		}
		out = k
	case fnEncode:
		v, ok := f.enc(args[0])
		return e.keep(v), ok
	case fnIterate:
		// The step's length is fixed (analyse checked it), so one buffer
		// carries $x from round to round and each round's scratch is
		// cleared and dropped at once.
		cur := args[0]
		var acc []byte
		for range n.args[0].n {
			mark := len(e.bufs)
			next, ok := e.eval(n.args[2], cur)
			if !ok {
				return nil, false
			}
			fresh := acc == nil
			if fresh {
				acc = make([]byte, len(next))
			}
			copy(acc, next)
			for _, b := range e.bufs[mark:] {
				clear(b)
			}
			e.bufs = e.bufs[:mark]
			if fresh {
				e.keep(acc)
			}
			cur = acc
		}
		return cur, true
	}
	e.keep(out)
	if !f.raw {
		out = e.keep([]byte(hex.EncodeToString(out)))
	}
	return out, true
}

func encodeWith(enc func([]byte) string) func([]byte) ([]byte, bool) {
	return func(b []byte) ([]byte, bool) { return []byte(enc(b)), true }
}

func asciiCase(upper bool) func([]byte) ([]byte, bool) {
	return func(b []byte) ([]byte, bool) {
		out := make([]byte, len(b))
		for i, c := range b {
			switch {
			case upper && c >= 'a' && c <= 'z':
				c -= 'a' - 'A'
			case !upper && c >= 'A' && c <= 'Z':
				c += 'a' - 'A'
			}
			out[i] = c
		}
		return out, true
	}
}

func unhexValue(b []byte) ([]byte, bool) {
	out := make([]byte, len(b)/2)
	_, err := hex.Decode(out, b)
	return out, err == nil && len(b)%2 == 0
}

func unb64Value(b []byte) ([]byte, bool) {
	out := make([]byte, base64.StdEncoding.DecodedLen(len(b)))
	n, err := base64.StdEncoding.Strict().Decode(out, b)
	return out[:n], err == nil
}

// utf16leValue re-encodes UTF-8 text as UTF-16LE (.NET's Encoding.Unicode).
func utf16leValue(b []byte) ([]byte, bool) {
	if !utf8.Valid(b) {
		return nil, false
	}
	units := utf16.Encode([]rune(string(b)))
	out := make([]byte, 2*len(units))
	for i, u := range units {
		out[2*i], out[2*i+1] = byte(u), byte(u>>8)
	}
	return out, true
}

// latin1LowValue is Node's Buffer.from(text, "latin1") (and "binary",
// "ascii"): the low byte of each UTF-16 code unit, so that a character
// beyond U+00FF loses its high bits instead of failing.
func latin1LowValue(b []byte) ([]byte, bool) {
	if !utf8.Valid(b) {
		return nil, false
	}
	units := utf16.Encode([]rune(string(b)))
	out := make([]byte, len(units))
	for i, u := range units {
		out[i] = byte(u)
	}
	return out, true
}

// latin1Value re-encodes UTF-8 text as ISO-8859-1; text with a character
// beyond U+00FF has no Latin-1 form.
func latin1Value(b []byte) ([]byte, bool) {
	if !utf8.Valid(b) {
		return nil, false
	}
	out := make([]byte, 0, len(b))
	for _, r := range string(b) {
		if r > 0xff {
			return nil, false
		}
		out = append(out, byte(r))
	}
	return out, true
}
