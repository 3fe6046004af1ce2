package pwdigest

import (
	"slices"
	"testing"

	"github.com/stretchr/testify/assert"
)

// identifyCollisions lists the hashers whose formats overlap: a digest of
// one may parse as the others. Identify returns them all, ordered by rank.
var identifyCollisions = [][]string{
	// Keycloak's and Django's "pbkdf2_sha256$<iter>$<salt>$<hash>";
	// rankKeycloak looks at the salt's alphabet and the hash's length.
	{"pbkdf2_sha256", "pbkdf2_sha256_django"},
	// ldap_ssha without its "{SSHA}" prefix is any padded base64 of 21
	// bytes or more (but not all hex digits): ASP.NET Identity's base64
	// blobs are such strings too. The bare form ranks last
	// (TestIdentifyFormats checks the orders).
	{"ldap_ssha", "aspnet_identity_v2", "aspnet_identity_v3"},
	// phpass's "$P$"/"$H$", which Drupal 7 also reads, and Clerk's second
	// name for it; phpass ranks first.
	{"phpass", "md5_phpass", "drupal7"},
	// 13 characters of crypt's alphabet: DES crypt, and bigcrypt of one
	// piece; des_crypt ranks first.
	{"des_crypt", "bigcrypt"},
	// "<salt>$<hex>" and "<hex>$<salt>" take any salt, so every format
	// that ends in (or starts with) a hex field of 32 or 64 characters
	// parses as md5_salted or sha256_salted too; they rank last.
	{"md5_django", "md5_salted"},
	{"pbkdf2_werkzeug", "sha256_salted"},
	{"pbkdf2_sha512", "sha256_salted", "md5_salted"},
	{"pbkdf2_sha512_hex", "sha256_salted", "md5_salted"},
	{"bcrypt_peppered", "sha256_salted", "md5_salted"},
}

// collisionGroup returns the hashers a digest of hasher may also parse as,
// hasher included: the union of its groups.
func collisionGroup(hasher string) []string {
	group := []string{hasher}
	for _, g := range identifyCollisions {
		if slices.Contains(g, hasher) {
			for _, n := range g {
				if !slices.Contains(group, n) {
					group = append(group, n)
				}
			}
		}
	}
	return group
}

// TestIdentifyVectors: for every producer vector, Identify puts the
// vector's hasher first, and names no hasher outside its collision group.
// Where formats collide the hasher need only be among the candidates.
func TestIdentifyVectors(t *testing.T) {
	for file, vs := range loadVectors(t) {
		t.Run(file, func(t *testing.T) {
			for i, v := range vs {
				if _, err := Lookup(v.Hasher); err != nil {
					continue // TestVectorsCoverEveryHasher's concern
				}
				got := Identify(v.Digest)
				group := collisionGroup(v.Hasher)
				assert.Subset(t, group, got, "vector %d: %s", i, v.Digest)
				if len(group) == 1 {
					assert.Equal(t, []string{v.Hasher}, got, "vector %d: %s", i, v.Digest)
				} else {
					assert.Contains(t, got, v.Hasher, "vector %d: %s", i, v.Digest)
				}
			}
		})
	}
}

// TestIdentifyKnownAnswers covers the known-answer tables of the formats
// added with Identify's test, which hold digests the vector files may lack
// (Drepper's, explicit rounds=5000, empty salts).
func TestIdentifyKnownAnswers(t *testing.T) {
	for _, kats := range [][]kat{cryptKATs, wordpressKATs, werkzeugPBKDF2KATs, djangoLegacyKATs, passlibKATs} {
		for _, k := range kats {
			got := Identify(k.digest)
			if assert.NotEmpty(t, got, k.digest) {
				assert.Equal(t, k.hasher, got[0], k.digest)
			}
			assert.Subset(t, collisionGroup(k.hasher), got, k.digest)
		}
	}
}

func TestIdentifyOrder(t *testing.T) {
	// From the vector files: Keycloak's layout by Python's hashlib (padded
	// base64 salt), and Django 3.2.25's PBKDF2PasswordHasher (alphanumeric salt).
	keycloak := "pbkdf2_sha256$27500$oTggzybru33YBAX5U9pqoA==$O4+mH5USOJdcnB/rL9nDskPndauTP4gfJO7ZDNyKLXQ="
	django := "pbkdf2_sha256$1000$vNInx06q1SeB$8L/Gd5+zmv2P+PeKN92YDP4Y75Btz1AdqURLB7NS7c0="
	assert.Equal(t, []string{"pbkdf2_sha256", "pbkdf2_sha256_django"}, Identify(keycloak))
	assert.Equal(t, []string{"pbkdf2_sha256_django", "pbkdf2_sha256"}, Identify(django))
	// libxcrypt's DES crypt of "password" (13 characters) and its bigcrypt
	// of "correct horse battery staple" (4 pieces).
	assert.Equal(t, []string{"des_crypt", "bigcrypt"}, Identify("Cn1c3KfBVgHXI"))
	assert.Equal(t, []string{"bigcrypt"}, Identify("suanQd1ydo1ps5Wf239LKOEQ6kzqFrik3KUCixRaSOe9yg"))

	for _, s := range []string{"", "$", "$$", "hello", "$1$", "$5$", "$wp$", "pbkdf2:", "md5$", "$pbkdf2-sha256$"} {
		assert.Empty(t, Identify(s), "%q", s)
	}
}

// FuzzIdentify: no digest makes a parser panic, and Identify names only
// hashers whose Check accepts the digest (or refuses it only for its costs).
func FuzzIdentify(f *testing.F) {
	for _, kats := range [][]kat{cryptKATs, wordpressKATs, werkzeugPBKDF2KATs, djangoLegacyKATs, passlibKATs} {
		for _, k := range kats {
			f.Add(k.digest)
		}
	}
	f.Fuzz(func(t *testing.T, digest string) {
		for _, name := range Identify(digest) {
			if err := Check(name, digest); err != nil {
				assert.ErrorIs(t, err, ErrParamsOutOfRange, "%s: %q", name, digest)
			}
		}
	})
}
