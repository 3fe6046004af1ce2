package pwdigest_test

import (
	"errors"
	"fmt"

	"github.com/pwdigest/pwdigest"
)

// A Django user signs in: verify the digest Django exported.
func ExampleVerify() {
	// Made by Django 3.2.25's PBKDF2PasswordHasher.
	const digest = "pbkdf2_sha256$260000$seasalt2026abcdefghijk$WNdZ9DQ5nAW5uHIyUG3fx7OwVcYxfn6c2olSQ3CSJsU="
	ok, err := pwdigest.Verify("pbkdf2_sha256_django", digest, "correct horse battery staple")
	fmt.Println(ok, err)
	ok, err = pwdigest.Verify("pbkdf2_sha256_django", digest, "Tr0ub4dor&3")
	fmt.Println(ok, err)
	// Output:
	// true <nil>
	// false <nil>
}

// A broken digest is an error, never a silent false.
func ExampleVerify_malformed() {
	_, err := pwdigest.Verify("bcrypt", "$2b$10$tooshort", "password")
	fmt.Println(errors.Is(err, pwdigest.ErrMalformedDigest))
	_, err = pwdigest.Verify("argon2id", "$argon2id$v=19$m=4294967295,t=1,p=1$c29tZXNhbHQ$aGFzaGhhc2g", "password")
	fmt.Println(errors.Is(err, pwdigest.ErrParamsOutOfRange))
	// Output:
	// true
	// true
}

// A plain md5 from a PHP app is verified once and replaced by bcrypt.
func ExampleVerifyAndUpgrade() {
	const digest = "9cc2ae8a1ba7a93da39b46fc1019c481" // PHP 8.2 md5()
	ok, upgraded, err := pwdigest.VerifyAndUpgrade("md5", digest, "correct horse battery staple")
	fmt.Println(ok, err, len(upgraded) > 0)
	ok, _ = pwdigest.Verify("bcrypt", upgraded, "correct horse battery staple")
	fmt.Println(ok)
	// Output:
	// true <nil> true
	// true
}

// A digest whose hasher name was lost: ask which formats it has.
func ExampleIdentify() {
	fmt.Println(pwdigest.Identify("$2b$10$abcdefghijklmnopqrstuuGGgFFcYeueaAql8Z7U7CnCTRw4DR77W"))
	fmt.Println(pwdigest.Identify("9cc2ae8a1ba7a93da39b46fc1019c481"))
	// Output:
	// [bcrypt]
	// [md5]
}

// Limits of your own: a Verifier refuses digests costlier than it allows.
func ExampleVerifier() {
	v := &pwdigest.Verifier{Limits: pwdigest.Limits{pwdigest.BcryptCost: 8}}
	// Made by pyca bcrypt 3.2.2.
	_, err := v.Verify("bcrypt", "$2b$10$abcdefghijklmnopqrstuuGGgFFcYeueaAql8Z7U7CnCTRw4DR77W", "x")
	fmt.Println(err)
	// Output:
	// pwdigest: parameters out of range: bcrypt cost 10 is above the limit 8 (bcrypt.cost)
}

// A policy of your own: new digests at bcrypt cost 13, and digests below
// it reported for rehashing.
func ExamplePolicy() {
	v := &pwdigest.Verifier{Policy: pwdigest.Policy{Costs: map[*pwdigest.Param]int64{pwdigest.BcryptCost: 13}}}
	// Made by pyca bcrypt 3.2.2 at cost 10.
	weak, err := v.NeedsRehash("bcrypt", "$2b$10$abcdefghijklmnopqrstuuGGgFFcYeueaAql8Z7U7CnCTRw4DR77W")
	fmt.Println(weak, err)
	fmt.Println(pwdigest.BcryptCost.Name, pwdigest.BcryptCost.Limit, pwdigest.BcryptCost.Policy)
	// Output:
	// true <nil>
	// bcrypt.cost 16 12
}
