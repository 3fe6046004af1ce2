package pwdigest

import (
	"fmt"
	"go/ast"
	"go/parser"
	"go/token"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// README blocks made from the code are kept between these markers; run the
// test with PWDIGEST_UPDATE_README=1 to rewrite them.
const (
	limitsBegin = "<!-- limits table: made from Params() by TestReadmeLimitsTable -->\n"
	limitsEnd   = "<!-- end of limits table -->\n"
)

// paramDecls finds each newParam call of the package's non-test files: the
// Go variable it is assigned to and its file, by Param name.
func paramDecls(t *testing.T) map[string][2]string {
	t.Helper()
	fset := token.NewFileSet()
	files, err := filepath.Glob("*.go")
	require.NoError(t, err)
	decls := map[string][2]string{}
	for _, file := range files {
		if strings.HasSuffix(file, "_test.go") {
			continue
		}
		f, err := parser.ParseFile(fset, file, nil, 0)
		require.NoError(t, err)
		ast.Inspect(f, func(n ast.Node) bool {
			vs, ok := n.(*ast.ValueSpec)
			if !ok || len(vs.Values) != 1 {
				return true
			}
			call, ok := vs.Values[0].(*ast.CallExpr)
			if !ok || fmt.Sprint(call.Fun) != "newParam" {
				return true
			}
			lit := call.Args[0].(*ast.CompositeLit)
			for _, e := range lit.Elts {
				kv := e.(*ast.KeyValueExpr)
				if fmt.Sprint(kv.Key) == "Name" {
					name, err := strconv.Unquote(kv.Value.(*ast.BasicLit).Value)
					require.NoError(t, err)
					decls[name] = [2]string{vs.Names[0].Name, file}
				}
			}
			return true
		})
	}
	return decls
}

func limitsTable(t *testing.T) string {
	decls := paramDecls(t)
	var b strings.Builder
	b.WriteString("| key | name | format allows | default limit | default policy | file | why |\n|---|---|---|---|---|---|---|\n")
	for _, p := range Params() {
		d, ok := decls[p.Name]
		require.True(t, ok, "%s is not declared with newParam", p.Name)
		policy := "–"
		if p.Policy != 0 {
			policy = commas(p.Policy)
		}
		limit := "≤ " + commas(p.Limit)
		if p.floor {
			limit = "≥ " + commas(p.Limit)
		}
		fmt.Fprintf(&b, "| `%s` | `%s` | %s..%s | %s | %s | %s | %s |\n",
			d[0], p.Name, commas(p.Min), commas(p.Max), limit, policy, d[1], p.Doc)
	}
	return b.String()
}

// commas writes n with thousands separators.
func commas(n int64) string {
	s := strconv.FormatInt(n, 10)
	for i := len(s) - 3; i > 0; i -= 3 {
		s = s[:i] + "," + s[i:]
	}
	return s
}

// TestReadmeLimitsTable: the README's limits table is what Params declare.
func TestReadmeLimitsTable(t *testing.T) {
	checkReadmeBlock(t, limitsBegin, limitsEnd, limitsTable(t))
}

// checkReadmeBlock compares the README between begin and end with want,
// rewriting it when PWDIGEST_UPDATE_README is set.
func checkReadmeBlock(t *testing.T, begin, end, want string) {
	t.Helper()
	b, err := os.ReadFile("README.md")
	require.NoError(t, err)
	readme := string(b)
	i := strings.Index(readme, begin)
	j := strings.Index(readme, end)
	require.True(t, i >= 0 && j > i, "README.md has no block %q", begin)
	got := readme[i+len(begin) : j]
	if os.Getenv("PWDIGEST_UPDATE_README") != "" && got != want {
		readme = readme[:i+len(begin)] + want + readme[j:]
		require.NoError(t, os.WriteFile("README.md", []byte(readme), 0o644))
		return
	}
	assert.Equal(t, want, got, "README.md is stale: run PWDIGEST_UPDATE_README=1 go test -run %s", t.Name())
}

// TestReadmeHasherTable: every hasher has a row in the README's table, and
// the file the row names holds the hasher's name (where it is registered).
func TestReadmeHasherTable(t *testing.T) {
	b, err := os.ReadFile("README.md")
	require.NoError(t, err)
	files := map[string]string{} // hasher → file, from the table
	for _, line := range strings.Split(string(b), "\n") {
		cells := strings.Split(line, "|")
		if len(cells) < 4 || !strings.HasSuffix(strings.TrimSpace(cells[2]), ".go") {
			continue
		}
		for _, f := range strings.Split(cells[1], "`") {
			if f != "" && strings.Trim(f, "abcdefghijklmnopqrstuvwxyz0123456789_") == "" {
				files[f] = strings.TrimSpace(cells[2])
			}
		}
	}
	for _, h := range Hashers() {
		if s, _, _ := builtin(h); s == nil {
			continue // registered by a test
		}
		file, ok := files[h]
		if !assert.True(t, ok, "README's hasher table has no row for %s", h) {
			continue
		}
		src, err := os.ReadFile(file)
		require.NoError(t, err)
		assert.Contains(t, string(src), strconv.Quote(h), "%s is not in %s", h, file)
	}
	for alias, name := range map[string]string{"wordpress": "bcrypt_sha384_wordpress", "werkzeug_pbkdf2": "pbkdf2_werkzeug"} {
		assert.Contains(t, string(b), "`"+name+"` (alias `"+alias+"`)")
	}
}

const (
	signInBegin = "<!-- sign-in example: the body of ExampleVerifyAndUpgrade -->\n```go\n"
	signInEnd   = "```\n<!-- end of sign-in example -->\n"
)

// TestReadmeSignInExample: the README's sign-in code is the body of
// ExampleVerifyAndUpgrade, which go test compiles and runs against its
// Output, so the two cannot drift.
func TestReadmeSignInExample(t *testing.T) {
	src, err := os.ReadFile("example_test.go")
	require.NoError(t, err)
	fset := token.NewFileSet()
	f, err := parser.ParseFile(fset, "example_test.go", src, parser.ParseComments)
	require.NoError(t, err)
	var body string
	for _, d := range f.Decls {
		fn, ok := d.(*ast.FuncDecl)
		if !ok || fn.Name.Name != "ExampleVerifyAndUpgrade" {
			continue
		}
		text := string(src[fset.Position(fn.Body.Lbrace).Offset+2 : fset.Position(fn.Body.Rbrace).Offset])
		text, _, _ = strings.Cut(text, "\t// Output:")
		var b strings.Builder
		for _, line := range strings.SplitAfter(text, "\n") {
			b.WriteString(strings.TrimPrefix(line, "\t"))
		}
		body = b.String()
	}
	require.NotEmpty(t, body, "no ExampleVerifyAndUpgrade")
	checkReadmeBlock(t, signInBegin, signInEnd, body)
}
