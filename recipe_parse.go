package pwdigest

import (
	"encoding/base64"
	"encoding/hex"
	"strconv"
	"strings"
)

// The recipe text form (see recipe.go for what it computes):
//
//	<expression> [<field>=<value> ...]
//
// one expression without spaces, then space-separated fields salt, pepper,
// key and hash. A field's value is its bytes as written; "name.hex=",
// "name.b64=" (padded standard base64), "name.b64raw=", "name.b64url=" and
// "name.b64urlraw=" give it encoded. The grammar of the expression:
//
//	expr = term { "+" term }
//	term = "$password" | "$salt" | "$pepper" | "$key" | "$x"
//	     | '"' text '"'          (Go escapes: \" \\ \n \t \xNN)
//	     | 'x"' hex '"'          (literal bytes)
//	     | integer               (only where a function takes a count)
//	     | name "(" [ expr { "," expr } ] ")"

// Recipe limits that are part of the syntax, not costs: they keep parsing
// itself cheap whatever the input.
const (
	recipeMaxLen   = 8192 // characters of the whole digest
	recipeMaxDepth = 32   // nesting of calls and iterations
	recipeMaxNodes = 256  // terms and calls in the expression
)

// recipeError is a malformed-recipe error. Unlike the fixed formats' errors
// it names what is wrong where (a position, a function's name), so it is
// built per call; it never quotes a field value.
func recipeError(why string) error {
	return &digestError{ErrMalformedDigest, "pwdigest: malformed digest: recipe: " + why}
}

type recipeParser struct {
	s     string
	i     int
	depth int
	nodes int
	inIt  int // > 0 inside an iterate step, where $x is defined
}

func (p *recipeParser) fail(why string) error {
	return recipeError(why + " at character " + strconv.Itoa(p.i+1))
}

// parseRecipeText splits a recipe digest into its expression and fields and
// parses both. It checks shape only; costs are checked by the caller.
func parseRecipeText(digest string) (*recipe, error) {
	if digest == "" {
		return nil, recipeError("empty")
	}
	if len(digest) > recipeMaxLen {
		return nil, recipeError("longer than " + strconv.Itoa(recipeMaxLen) + " characters")
	}
	for i := 0; i < len(digest); i++ {
		if c := digest[i]; c < ' ' || c == 0x7f {
			return nil, recipeError("control character at character " + strconv.Itoa(i+1))
		}
	}
	parts := strings.Split(digest, " ")
	p := &recipeParser{s: parts[0]}
	root, err := p.expr()
	if err != nil {
		return nil, err
	}
	if p.i != len(p.s) {
		return nil, p.fail("unexpected " + strconv.Quote(p.s[p.i:p.i+1]))
	}
	r := &recipe{root: root, text: parts[0]}
	seen := map[string]bool{}
	for _, f := range parts[1:] {
		name, value, ok := strings.Cut(f, "=")
		if !ok || f == "" {
			return nil, recipeError("field " + strconv.Quote(truncate(name, 20)) + " without \"=\" (fields are separated by one space)")
		}
		name, enc, _ := strings.Cut(name, ".")
		if seen[name] {
			return nil, recipeError("field " + name + " given twice")
		}
		seen[name] = true
		b, err := decodeRecipeField(name, enc, value)
		if err != nil {
			return nil, err
		}
		switch name {
		case "salt":
			r.salt = b
		case "pepper":
			r.pepper = b
		case "key":
			r.key = b
		case "hash":
			r.hash, r.hashText = b, value
		default:
			return nil, recipeError("unknown field " + strconv.Quote(truncate(name, 20)) + ", want salt, pepper, key or hash")
		}
	}
	if !seen["hash"] {
		return nil, recipeError("no hash= field")
	}
	for _, v := range [...]struct {
		name string
		used bool
	}{{"salt", root.uses(varSalt)}, {"pepper", root.uses(varPepper)}, {"key", root.uses(varKey)}} {
		if v.used != seen[v.name] {
			if v.used {
				return nil, recipeError("the recipe uses $" + v.name + " but has no " + v.name + "= field")
			}
			return nil, recipeError("field " + v.name + "= given but the recipe does not use $" + v.name)
		}
	}
	if !root.uses(varPassword) {
		return nil, recipeError("the recipe does not use $password")
	}
	if err := checkNumbers(root); err != nil {
		return nil, err
	}
	return r, nil
}

// checkNumbers refuses a number anywhere but a count argument, where
// checkArgs has already placed them.
func checkNumbers(n *rnode) error {
	if n.op == opNumber {
		return recipeError("a number is only a count (iterate's first argument, pbkdf2's last two)")
	}
	for _, a := range n.args {
		if n.op == opCall && a.op == opNumber {
			continue // checkArgs allowed it here
		}
		if err := checkNumbers(a); err != nil {
			return err
		}
	}
	return nil
}

func decodeRecipeField(name, enc, v string) ([]byte, error) {
	var b []byte
	var err error
	switch enc {
	case "":
		return []byte(v), nil
	case "hex":
		b, err = hex.DecodeString(v)
	case "b64":
		b, err = base64.StdEncoding.Strict().DecodeString(v)
	case "b64raw":
		b, err = base64.RawStdEncoding.Strict().DecodeString(v)
	case "b64url":
		b, err = base64.URLEncoding.Strict().DecodeString(v)
	case "b64urlraw":
		b, err = base64.RawURLEncoding.Strict().DecodeString(v)
	default:
		return nil, recipeError("field " + name + ": unknown encoding " + strconv.Quote(truncate(enc, 20)) + ", want hex, b64, b64raw, b64url or b64urlraw")
	}
	if err != nil {
		return nil, recipeError("field " + name + " is not " + enc)
	}
	return b, nil
}

func (p *recipeParser) expr() (*rnode, error) {
	first, err := p.term()
	if err != nil {
		return nil, err
	}
	if p.i >= len(p.s) || p.s[p.i] != '+' {
		return first, nil
	}
	n := &rnode{op: opConcat, args: []*rnode{first}}
	for p.i < len(p.s) && p.s[p.i] == '+' {
		p.i++
		t, err := p.term()
		if err != nil {
			return nil, err
		}
		n.args = append(n.args, t)
	}
	return n, nil
}

func (p *recipeParser) term() (*rnode, error) {
	if p.nodes++; p.nodes > recipeMaxNodes {
		return nil, p.fail("more than " + strconv.Itoa(recipeMaxNodes) + " terms")
	}
	if p.i >= len(p.s) {
		return nil, p.fail("expression ends early")
	}
	switch c := p.s[p.i]; {
	case c == '$':
		j := p.i + 1
		for j < len(p.s) && isIdentByte(p.s[j]) {
			j++
		}
		name := p.s[p.i+1 : j]
		v, ok := recipeVars[name]
		if !ok {
			return nil, p.fail("unknown variable $" + truncate(name, 20) + ", want $password, $salt, $pepper, $key or $x")
		}
		if v == varX && p.inIt == 0 {
			return nil, p.fail("$x outside an iterate step")
		}
		p.i = j
		return &rnode{op: opVar, v: v}, nil
	case c == '"':
		return p.text()
	case c == 'x' && p.i+1 < len(p.s) && p.s[p.i+1] == '"':
		p.i++
		n, err := p.text()
		if err != nil {
			return nil, err
		}
		b, err := hex.DecodeString(string(n.lit))
		if err != nil {
			return nil, p.fail("x\"...\" is not hex")
		}
		n.lit = b
		return n, nil
	case c >= '0' && c <= '9':
		j := p.i
		for j < len(p.s) && p.s[j] >= '0' && p.s[j] <= '9' {
			j++
		}
		v, ok := parseDecimal(p.s[p.i:j], 1<<62)
		if !ok {
			return nil, p.fail("not a canonical decimal")
		}
		p.i = j
		return &rnode{op: opNumber, n: int64(v)}, nil
	case isIdentByte(c):
		return p.call()
	}
	return nil, p.fail("unexpected " + strconv.Quote(p.s[p.i:p.i+1]))
}

// text reads a double-quoted literal with Go's escapes.
func (p *recipeParser) text() (*rnode, error) {
	start := p.i
	p.i++
	for p.i < len(p.s) {
		switch p.s[p.i] {
		case '\\':
			p.i += 2
			continue
		case '"':
			p.i++
			lit, err := strconv.Unquote(p.s[start:p.i])
			if err != nil {
				p.i = start
				return nil, p.fail("bad string literal")
			}
			return &rnode{op: opLiteral, lit: []byte(lit)}, nil
		}
		p.i++
	}
	p.i = start
	return nil, p.fail("unterminated string")
}

func (p *recipeParser) call() (*rnode, error) {
	j := p.i
	for j < len(p.s) && isIdentByte(p.s[j]) {
		j++
	}
	name := p.s[p.i:j]
	p.i = j
	if p.i >= len(p.s) || p.s[p.i] != '(' {
		return nil, p.fail("want \"(\" after " + truncate(name, 20))
	}
	fn, ok := lookupRecipeFunc(name)
	if !ok {
		return nil, p.fail("unknown function " + strconv.Quote(truncate(name, 20)))
	}
	if p.depth++; p.depth > recipeMaxDepth {
		return nil, p.fail("nested deeper than " + strconv.Itoa(recipeMaxDepth))
	}
	defer func() { p.depth-- }()
	p.i++
	n := &rnode{op: opCall, fn: fn}
	for p.i < len(p.s) && p.s[p.i] != ')' {
		if len(n.args) > 0 {
			if p.s[p.i] != ',' {
				return nil, p.fail("want \",\" or \")\"")
			}
			p.i++
		}
		if fn.kind == fnIterate && len(n.args) == 2 {
			p.inIt++
		}
		a, err := p.expr()
		if fn.kind == fnIterate && len(n.args) == 2 {
			p.inIt--
		}
		if err != nil {
			return nil, err
		}
		n.args = append(n.args, a)
	}
	if p.i >= len(p.s) {
		return nil, p.fail("missing \")\" for " + name)
	}
	p.i++
	if err := fn.checkArgs(n); err != nil {
		return nil, recipeError(name + ": " + err.Error())
	}
	return n, nil
}

func isIdentByte(c byte) bool {
	return c == '_' || c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9'
}
