package pwdigest

import (
	"testing"
)

// BenchmarkParse measures Check (parse and limits, no hashing) per hasher on
// a valid digest and on one whose last character is broken, so that every
// field before it has been read when parsing fails. A malformed digest must
// be refused without allocating.
func BenchmarkParse(b *testing.B) {
	v := &Verifier{Policy: fastPolicy}
	for _, name := range Hashers() {
		if h, _ := Lookup(name); !isBuiltin(h) {
			continue
		}
		valid, err := v.Hash(name, "correct horse battery staple")
		if err != nil {
			b.Fatal(err)
		}
		bad := valid[:len(valid)-1] + "!"
		for _, c := range []struct{ kind, digest string }{{"valid", valid}, {"malformed", bad}} {
			b.Run(name+"/"+c.kind, func(b *testing.B) {
				want := c.kind == "valid"
				b.ReportAllocs()
				for b.Loop() {
					if err := Check(name, c.digest); (err == nil) != want {
						b.Fatal(err)
					}
				}
			})
		}
	}
}

func isBuiltin(h Hasher) bool {
	_, ok := h.(*scheme)
	return ok
}
