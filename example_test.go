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

// The sign-in: verify the digest from the export and store the new digest
// VerifyAndUpgrade returns for an insecure or weak one. The README shows
// this function's body.
func ExampleVerifyAndUpgrade() {
	type user struct{ name, hasher, digest string }

	signIn := func(u *user, password string) bool {
		ok, upgraded, err := pwdigest.VerifyAndUpgrade(u.hasher, u.digest, password)
		if err != nil {
			// Unknown hasher, malformed digest, a cost above the limits, or a
			// password longer than the scheme takes: log it, refuse.
			fmt.Println(u.name, "refused:", err)
			return false
		}
		if !ok {
			fmt.Println(u.name, "refused: wrong password")
			return false
		}
		if upgraded != "" {
			// Insecure, or weaker than the policy: store the new digest.
			u.hasher, u.digest = pwdigest.Default.Policy.UpgradeHasher(), upgraded
			fmt.Println(u.name, "signed in, new digest stored:", u.hasher)
			return true
		}
		// Strong enough, or it could not be upgraded (a password over
		// bcrypt's 72 bytes): keep the old digest; err is nil all the same.
		fmt.Println(u.name, "signed in, digest kept:", u.hasher)
		return true
	}

	// PHP 8.2 md5(), and Django 3.2.25's PBKDF2PasswordHasher at 260000
	// iterations, below the policy's 1200000.
	alice := &user{"alice", "md5", "9cc2ae8a1ba7a93da39b46fc1019c481"}
	carol := &user{"carol", "pbkdf2_sha256_django", "pbkdf2_sha256$260000$seasalt2026abcdefghijk$WNdZ9DQ5nAW5uHIyUG3fx7OwVcYxfn6c2olSQ3CSJsU="}
	signIn(alice, "correct horse battery staple")
	signIn(alice, "correct horse battery staple") // bcrypt at the policy now
	signIn(carol, "correct horse battery staple")
	signIn(carol, "Tr0ub4dor&3")

	// An 88-byte password (md5 from Python's hashlib): bcrypt would cut it.
	long := "correct horse battery staple, correct horse battery staple, correct horse battery staple"
	bob := &user{"bob", "md5", "5951878637c5dfa321b97630199d4671"}
	signIn(bob, long)

	dave := &user{"dave", "bcrypt", "$2b$10$tooshort"}
	signIn(dave, "x")
	// Output:
	// alice signed in, new digest stored: bcrypt
	// alice signed in, digest kept: bcrypt
	// carol signed in, new digest stored: bcrypt
	// carol refused: wrong password
	// bob signed in, digest kept: md5
	// dave refused: pwdigest: malformed digest: bcrypt: want "$2b$" + 2-digit cost + "$" + 53 characters
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
