package main

import (
	"bufio"
	"encoding/json"
	"os"
	"path/filepath"
	"testing"
	"time"
)

// cheap reports whether c is quick to verify, so the test can run the slower
// Go implementations on it.
func cheap(c *benchCase) bool {
	switch c.kind {
	case "bcrypt":
		return c.Digest[4:6] <= "06"
	case "pbkdf2":
		return c.iter <= 30000
	case "scrypt", "firebase":
		return c.n*c.r <= 1<<17
	case "argon2":
		return uint64(c.m)*uint64(c.t) <= 1<<16
	}
	return true
}

// TestGoImpls runs the in-process implementations other than pwdigest (tested
// in its own package), that is the parameters read here for x/crypto and the
// digests translated for go-crypt, on the fixtures made by real producers
// (testdata/vectors, see testdata/gen/README.md): each must accept the right
// password and reject a wrong one.
func TestGoImpls(t *testing.T) {
	hashers := []string{"bcrypt", "pbkdf2_sha256", "pbkdf2_sha256_django", "pbkdf2_sha512", "pbkdf2_sha1",
		"phpass", "scrypt_werkzeug", "scrypt_firebase", "argon2i", "argon2id"}
	for _, h := range hashers {
		f, err := os.Open(filepath.Join("..", "..", "testdata", "vectors", h+".jsonl"))
		if err != nil {
			t.Fatal(err)
		}
		sc := bufio.NewScanner(f)
		sc.Buffer(nil, 1<<20)
		n := 0
		for sc.Scan() && n < 2 {
			c := &benchCase{Hasher: h}
			var raw map[string]any
			if err := json.Unmarshal(sc.Bytes(), &raw); err != nil {
				t.Fatal(err)
			}
			if err := json.Unmarshal(sc.Bytes(), c); err != nil || raw["password"] == nil {
				continue // a password_hex line
			}
			if c.parse() != nil || !cheap(c) {
				continue // a shape or version the benchmark does not use, or slow
			}
			n++
			for _, wrong := range []bool{false, true} {
				wc := *c
				if wrong {
					wc.Password = "x" + wc.Password // bcrypt ignores bytes after 72
				}
				for _, g := range goImpls(&wc)[1:] {
					if g.bound {
						continue
					}
					ok, err := g.f()
					if err != nil || ok == wrong {
						t.Errorf("%s %q password %q (wrong=%v): %s = %v, %v",
							h, c.Digest, c.Password, wrong, g.name, ok, err)
					}
				}
			}
		}
		f.Close()
		if n == 0 {
			t.Errorf("%s: no usable vector", h)
		}
	}
}

func TestPlan(t *testing.T) {
	s := settings{n: 5, minSample: 50e6, budget: 2500e6}
	for _, tc := range []struct {
		t0          float64 // ms
		inner, reps int
	}{
		{1, 50, 5},   // fast: repeated within a sample
		{60, 1, 5},   // fits the budget
		{600, 1, 4},  // 2.5 s / 600 ms
		{2000, 1, 3}, // never below 3
	} {
		inner, reps := s.plan(time.Duration(tc.t0 * 1e6))
		if inner != tc.inner || reps != tc.reps {
			t.Errorf("plan(%v ms) = %d, %d; want %d, %d", tc.t0, inner, reps, tc.inner, tc.reps)
		}
	}
}
