package pwdigest

import (
	"crypto/aes"
	"crypto/cipher"
	"encoding/base64"
	"slices"
	"strconv"
	"strings"
)

// scrypt_firebase: Firebase Auth's modified scrypt, exported as
// "<hash>$<salt>$<signer key>$<salt separator>$<rounds>$<mem cost>", the
// first four standard base64 (URL-safe accepted too). The project's signer
// key, salt separator, rounds and memory cost come from the Firebase
// console's "password hash parameters".
//
//	key  = scrypt(password, salt || separator, N = 2^memcost, r = rounds, p = 1, 32 bytes)
//	hash = AES-256-CTR(key, IV = 0) applied to the signer key

// Firebase's scrypt costs: the project's "mem_cost" (log2 N) and "rounds"
// (scrypt's r); p is 1. ScryptMemory bounds both.
var (
	FirebaseMemCost = newParam(Param{
		Name: "scrypt_firebase.mem-cost",
		Doc:  "Firebase's memory cost, log2 of scrypt's N; limit 20; policy 14, Firebase's",
		Min:  1, Max: 31, Limit: 20, Policy: 14,
	})
	FirebaseRounds = newParam(Param{
		Name: "scrypt_firebase.rounds",
		Doc:  "Firebase's rounds, scrypt's r; limited by scrypt.memory; policy 8, Firebase's",
		Min:  1, Max: 1<<30 - 1, Limit: 1<<30 - 1, Policy: 8,
	})
)

// firebaseOwn limits scrypt's r by FirebaseRounds; N's limit, on its log,
// is checked first.
var firebaseOwn = [3]*Param{nil, FirebaseRounds, nil}

func init() {
	register(&scheme{
		name:        "scrypt_firebase",
		params:      []*Param{FirebaseMemCost, FirebaseRounds},
		parse:       parseFirebase,
		checkPolicy: scryptPolicy(firebasePolicy).check,
		hashMemory:  scryptPolicy(firebasePolicy).memory,
		hash: func(password string, p *Policy) (string, error) {
			memCost, rounds := p.Get(FirebaseMemCost), p.Get(FirebaseRounds)
			sp, err := firebasePolicy(p, unlimited) // limits checked by checkPolicy
			if err != nil {
				return "", err
			}
			// A random signer key and separator: such digests are for tests.
			d := &firebaseDigest{
				scryptParams: sp,
				salt:         randomBytes(12), separator: randomBytes(1), signerKey: randomBytes(64),
			}
			h, err := d.compute(password)
			if err != nil {
				return "", err
			}
			enc := base64.StdEncoding.EncodeToString
			return enc(h) + "$" + enc(d.salt) + "$" + enc(d.signerKey) + "$" + enc(d.separator) +
				"$" + strconv.FormatInt(rounds, 10) + "$" + strconv.FormatInt(memCost, 10), nil
		},
	})
}

// firebasePolicy is the scrypt costs of new digests.
func firebasePolicy(p *Policy, l Limits) (scryptParams, error) {
	return checkScrypt("scrypt_firebase policy", 1<<p.Get(FirebaseMemCost), int(p.Get(FirebaseRounds)), 1, firebaseOwn, l)
}

var (
	errFirebaseShape  = malformed("scrypt_firebase", `want "<hash>$<salt>$<signer key>$<salt separator>$<rounds>$<mem cost>"`)
	errFirebaseB64    = malformed("scrypt_firebase", "hash, salt, signer key or separator is not base64")
	errFirebaseNumber = malformed("scrypt_firebase", "rounds or memory cost is not a canonical decimal")
	errFirebaseLength = malformed("scrypt_firebase", "hash and signer key differ in length")
)

type firebaseDigest struct {
	scryptParams
	hash, salt, signerKey, separator []byte
}

// firebaseB64 picks the field's encoding: standard base64, or URL-safe
// where the field uses its alphabet; both padded, as exports write them.
func firebaseB64(s string) *base64.Encoding {
	if strings.ContainsAny(s, "-_") {
		return urlB64
	}
	return stdB64
}

func parseFirebase(digest string, l Limits) (parsed, error) {
	var f [6]string
	if !splitN(digest, '$', f[:]) {
		return nil, errFirebaseShape
	}
	rounds, ok1 := parseCount(f[4])
	memCost, ok2 := parseCount(f[5])
	if !ok1 || !ok2 {
		return nil, errFirebaseNumber
	}
	// Every field is checked before anything is decoded.
	var n [4]int
	for i := range n {
		var ok bool
		if n[i], ok = b64Len(firebaseB64(f[i]), f[i]); !ok {
			return nil, errFirebaseB64
		}
	}
	hashLen, signerKeyLen := n[0], n[2]
	if hashLen != signerKeyLen {
		return nil, errFirebaseLength
	}
	// Every range, then every limit.
	if err := unlimited.check(FirebaseMemCost, "scrypt_firebase", "memory cost", int64(memCost)); err != nil {
		return nil, err
	}
	sp, err := scryptRanges("scrypt_firebase", 1<<memCost, rounds, 1)
	if err != nil {
		return nil, err
	}
	if err := l.limit(FirebaseMemCost, "scrypt_firebase", "memory cost", int64(memCost)); err != nil {
		return nil, err
	}
	if err := sp.limits("scrypt_firebase", firebaseOwn, l); err != nil {
		return nil, err
	}
	if err := checkHashLen("scrypt_firebase", signerKeyLen, l); err != nil {
		return nil, err
	}
	var b [4][]byte
	for i := range b {
		b[i], _ = decodeB64(firebaseB64(f[i]), f[i])
	}
	return &firebaseDigest{scryptParams: sp, hash: b[0], salt: b[1], signerKey: b[2], separator: b[3]}, nil
}

func (d *firebaseDigest) weaker(p *Policy) bool {
	return d.scryptParams.weaker(1<<p.Get(FirebaseMemCost), p.Get(FirebaseRounds), 1)
}

func (d *firebaseDigest) compute(password string) ([]byte, error) {
	salt := append(append([]byte{}, d.salt...), d.separator...)
	pw := passwordCopy(password)
	defer clear(pw)
	key, err := d.key(pw, salt, 32)
	if err != nil {
		return nil, err
	}
	defer clear(key)
	block, err := aes.NewCipher(key)
	if err != nil {
		return nil, err
	}
	out := make([]byte, len(d.signerKey))
	cipher.NewCTR(block, make([]byte, aes.BlockSize)).XORKeyStream(out, d.signerKey)
	return out, nil
}

func (d *firebaseDigest) verify(password string) (bool, error) {
	got, err := d.compute(password)
	return equalKey(got, err, d.hash)
}

// firebase_import: Firebase Auth's import hash options and one user's
// passwordHash and salt, merged into one JSON object with the field names of
// the Identity Toolkit API (accounts:batchCreate), as firebase-admin sends
// them; the bytes fields in base64 (standard or URL-safe, padded):
//
//	{"hashAlgorithm":"HMAC_SHA256","signerKey":"c2VjcmV0","passwordHash":"...","salt":"TmFDbA=="}
//
// SCRYPT becomes a scrypt_firebase digest, BCRYPT and ARGON2 the bcrypt
// and argon2 hashers' digests, STANDARD_SCRYPT runs scrypt itself, the rest
// become recipes (recipe.go). doc.go says what firebase-admin's code and
// integration test pin, and what is inferred.

const firebaseImportName = "firebase_import"

func init() {
	register(&scheme{name: firebaseImportName, insecure: true, parse: parseFirebaseImport})
}

type firebaseImportObject struct {
	HashAlgorithm     string  `json:"hashAlgorithm"`
	SignerKey         *string `json:"signerKey"`
	SaltSeparator     *string `json:"saltSeparator"`
	Rounds            *int64  `json:"rounds"`
	MemoryCost        *int64  `json:"memoryCost"`
	CPUMemCost        *int64  `json:"cpuMemCost"`
	DKLen             *int64  `json:"dkLen"`
	BlockSize         *int64  `json:"blockSize"`
	Parallelization   *int64  `json:"parallelization"`
	PasswordHashOrder string  `json:"passwordHashOrder"`
	Argon2Parameters  *struct {
		HashLengthBytes *int64  `json:"hashLengthBytes"`
		HashType        string  `json:"hashType"`
		Parallelism     *int64  `json:"parallelism"`
		Iterations      *int64  `json:"iterations"`
		MemoryCostKib   *int64  `json:"memoryCostKib"`
		Version         string  `json:"version"`
		AssociatedData  *string `json:"associatedData"`
	} `json:"argon2Parameters"`
	PasswordHash *string `json:"passwordHash"`
	Salt         *string `json:"salt"`
}

var firebaseImportShape = objectShape{
	"": {"hashAlgorithm", "signerKey", "saltSeparator", "rounds", "memoryCost", "cpuMemCost", "dkLen",
		"blockSize", "parallelization", "passwordHashOrder", "argon2Parameters", "passwordHash", "salt"},
	"argon2Parameters": {"hashLengthBytes", "hashType", "parallelism", "iterations", "memoryCostKib", "version", "associatedData"},
}

// firebaseImportFields are the option fields each algorithm takes (every
// algorithm takes passwordHash and salt, but BCRYPT takes no salt).
var firebaseImportFields = map[string]string{
	"HMAC_SHA512": "signerKey passwordHashOrder", "HMAC_SHA256": "signerKey passwordHashOrder",
	"HMAC_SHA1": "signerKey passwordHashOrder", "HMAC_MD5": "signerKey passwordHashOrder",
	"MD5": "rounds passwordHashOrder", "SHA1": "rounds passwordHashOrder",
	"SHA256": "rounds passwordHashOrder", "SHA512": "rounds passwordHashOrder",
	"PBKDF_SHA1": "rounds", "PBKDF2_SHA256": "rounds",
	"SCRYPT":          "signerKey saltSeparator rounds memoryCost",
	"STANDARD_SCRYPT": "cpuMemCost dkLen blockSize parallelization",
	"BCRYPT":          "",
	"ARGON2":          "argon2Parameters",
}

var firebaseImportHashes = map[string]string{
	"HMAC_SHA512": "sha512", "HMAC_SHA256": "sha256", "HMAC_SHA1": "sha1", "HMAC_MD5": "md5",
	"MD5": "md5", "SHA1": "sha1", "SHA256": "sha256", "SHA512": "sha512",
	"PBKDF_SHA1": "sha1", "PBKDF2_SHA256": "sha256",
}

var errFirebaseImportShape = malformed(firebaseImportName, `want a JSON object {"hashAlgorithm":...,"passwordHash":...}`)

func firebaseImportErr(why string) error { return providerError(firebaseImportName, why) }

// firebaseBytes decodes a bytes field: padded base64, standard or URL-safe.
func firebaseBytes(field string, s *string) ([]byte, error) {
	if s == nil {
		return nil, nil
	}
	if *s == "" {
		return []byte{}, nil // firebase-admin sends "" for no salt separator
	}
	b, ok := decodeB64(firebaseB64(*s), *s)
	if !ok {
		return nil, firebaseImportErr(field + " is not padded base64")
	}
	return b, nil
}

func parseFirebaseImport(digest string, l Limits) (parsed, error) {
	if !isObject(digest) {
		return nil, errFirebaseImportShape
	}
	var o firebaseImportObject
	if err := decodeObject(firebaseImportName, digest, firebaseImportShape, &o); err != nil {
		return nil, err
	}
	alg := o.HashAlgorithm
	takes, ok := firebaseImportFields[alg]
	if !ok {
		if alg == "" {
			return nil, firebaseImportErr("no hashAlgorithm")
		}
		return nil, firebaseImportErr("unknown hashAlgorithm " + strconv.Quote(truncate(alg, 24)) +
			", want SCRYPT, STANDARD_SCRYPT, HMAC_SHA512, HMAC_SHA256, HMAC_SHA1, HMAC_MD5, MD5, SHA1, SHA256, SHA512, PBKDF_SHA1, PBKDF2_SHA256, BCRYPT or ARGON2")
	}
	for _, f := range [...]struct {
		name string
		set  bool
	}{
		{"signerKey", o.SignerKey != nil}, {"saltSeparator", o.SaltSeparator != nil}, {"rounds", o.Rounds != nil},
		{"memoryCost", o.MemoryCost != nil}, {"cpuMemCost", o.CPUMemCost != nil}, {"dkLen", o.DKLen != nil},
		{"blockSize", o.BlockSize != nil}, {"parallelization", o.Parallelization != nil},
		{"passwordHashOrder", o.PasswordHashOrder != ""}, {"argon2Parameters", o.Argon2Parameters != nil},
		{"salt", o.Salt != nil && alg == "BCRYPT"},
	} {
		if f.set && !slices.Contains(strings.Fields(takes), f.name) {
			return nil, firebaseImportErr(alg + " takes no " + f.name)
		}
	}
	if o.PasswordHash == nil {
		return nil, firebaseImportErr("no passwordHash")
	}
	hash, err := firebaseBytes("passwordHash", o.PasswordHash)
	if err != nil {
		return nil, err
	}
	salt, err := firebaseBytes("salt", o.Salt)
	if err != nil {
		return nil, err
	}
	key, err := firebaseBytes("signerKey", o.SignerKey)
	if err != nil {
		return nil, err
	}
	b := &recipeBuilder{expr: "$password"}
	switch alg {
	case "SCRYPT":
		return firebaseImportScrypt(&o, hash, salt, key, l)
	case "STANDARD_SCRYPT":
		return firebaseImportStandardScrypt(&o, hash, salt, l)
	case "BCRYPT":
		// The passwordHash is the bcrypt string itself (firebase-admin's
		// integration test imports Buffer.from(bcrypt.hashSync(pw, 10))).
		if err := b.scheme(firebaseImportName, "bcrypt", string(hash)); err != nil {
			return nil, err
		}
		return b.parse(firebaseImportName, l)
	case "ARGON2":
		if err := firebaseImportArgon2(b, &o, hash, salt); err != nil {
			return nil, err
		}
		return b.parse(firebaseImportName, l)
	}
	h := firebaseImportHashes[alg]
	in := "$password"
	if len(salt) > 0 {
		b.field("salt", salt)
		// HMAC hashes password‖salt unless told otherwise, the plain hashes
		// salt‖password (firebase-admin's integration test).
		saltFirst := !strings.HasPrefix(alg, "HMAC_")
		switch o.PasswordHashOrder {
		case "SALT_AND_PASSWORD":
			saltFirst = true
		case "PASSWORD_AND_SALT":
			saltFirst = false
		case "", "UNSPECIFIED_ORDER":
		default:
			return nil, firebaseImportErr("passwordHashOrder must be SALT_AND_PASSWORD, PASSWORD_AND_SALT or UNSPECIFIED_ORDER")
		}
		in = concat(saltFirst, "$password", "$salt")
	}
	switch {
	case strings.HasPrefix(alg, "HMAC_"):
		if len(key) == 0 {
			return nil, firebaseImportErr(alg + " needs a non-empty signerKey")
		}
		b.field("key", key)
		b.expr = "hmac_" + h + "_raw($key," + in + ")"
		b.field("hash", hash)
	case strings.HasPrefix(alg, "PBKDF"):
		if o.Rounds == nil {
			return nil, firebaseImportErr(alg + " needs rounds")
		}
		// The SDKs take 0..120000; PBKDF2 has no 0-iteration form.
		if r := *o.Rounds; r < 1 || r > 120000 {
			return nil, outOfRange(firebaseImportName+" "+alg+" rounds", r, "1..120000")
		}
		s := "$salt"
		if len(salt) == 0 {
			s = `""`
		}
		b.expr = "pbkdf2_" + h + "_raw($password," + s + "," + strconv.FormatInt(*o.Rounds, 10) + "," + strconv.Itoa(len(hash)) + ")"
		b.field("hash", hash)
	default: // MD5, SHA1, SHA256, SHA512
		if o.Rounds == nil {
			return nil, firebaseImportErr(alg + " needs rounds")
		}
		lo := int64(1)
		if alg == "MD5" {
			lo = 0
		}
		r := *o.Rounds
		if r < lo || r > 8192 {
			return nil, outOfRange(firebaseImportName+" "+alg+" rounds", r, strconv.FormatInt(lo, 10)+"..8192")
		}
		switch {
		case r == 0:
			// MD5 with rounds 0: the stored hash is the hex text of
			// md5(salt‖password) (firebase-admin's integration test).
			b.expr = "md5(" + in + ")"
		case r == 1:
			b.expr = h + "_raw(" + in + ")"
		default:
			b.expr = "iterate(" + strconv.FormatInt(r-1, 10) + "," + h + "_raw(" + in + ")," + h + "_raw($x))"
		}
		b.field("hash", hash)
	}
	return b.parse(firebaseImportName, l)
}

// firebaseImportScrypt checks Firebase's ranges (rounds 1..8, memoryCost
// 1..14, firebase-admin's validation), then hands a scrypt_firebase digest
// to the recipe engine.
func firebaseImportScrypt(o *firebaseImportObject, hash, salt, key []byte, l Limits) (parsed, error) {
	if o.Rounds == nil || o.MemoryCost == nil || len(key) == 0 {
		return nil, firebaseImportErr("SCRYPT needs signerKey, rounds and memoryCost")
	}
	if r := *o.Rounds; r < 1 || r > 8 {
		return nil, outOfRange(firebaseImportName+" SCRYPT rounds", r, "1..8")
	}
	if m := *o.MemoryCost; m < 1 || m > 14 {
		return nil, outOfRange(firebaseImportName+" SCRYPT memoryCost", m, "1..14")
	}
	sep, err := firebaseBytes("saltSeparator", o.SaltSeparator)
	if err != nil {
		return nil, err
	}
	enc := base64.StdEncoding.EncodeToString
	inner := enc(hash) + "$" + enc(salt) + "$" + enc(key) + "$" + enc(sep) + "$" +
		strconv.FormatInt(*o.Rounds, 10) + "$" + strconv.FormatInt(*o.MemoryCost, 10)
	b := &recipeBuilder{expr: "$password"}
	if err := b.scheme(firebaseImportName, "scrypt_firebase", inner); err != nil {
		return nil, err
	}
	return b.parse(firebaseImportName, l)
}

// firebaseImportArgon2 writes the PHC string of argon2Parameters.
func firebaseImportArgon2(b *recipeBuilder, o *firebaseImportObject, hash, salt []byte) error {
	a := o.Argon2Parameters
	if a == nil || a.Iterations == nil || a.MemoryCostKib == nil || a.Parallelism == nil {
		return firebaseImportErr("ARGON2 needs argon2Parameters with hashType, iterations, memoryCostKib and parallelism")
	}
	t, ok := map[string]string{"ARGON2_D": "argon2d", "ARGON2_I": "argon2i", "ARGON2_ID": "argon2id"}[a.HashType]
	if !ok {
		return firebaseImportErr("argon2Parameters.hashType must be ARGON2_D, ARGON2_I or ARGON2_ID")
	}
	v, ok := map[string]string{"": "19", "VERSION_UNSPECIFIED": "19", "VERSION_13": "19", "VERSION_10": "16"}[a.Version]
	if !ok {
		return firebaseImportErr("argon2Parameters.version must be VERSION_10 or VERSION_13")
	}
	if a.AssociatedData != nil && *a.AssociatedData != "" {
		return firebaseImportErr("argon2Parameters.associatedData is not supported")
	}
	if a.HashLengthBytes != nil && *a.HashLengthBytes != int64(len(hash)) {
		return firebaseImportErr("passwordHash is not argon2Parameters.hashLengthBytes long")
	}
	for _, n := range [...]int64{*a.Iterations, *a.MemoryCostKib, *a.Parallelism} {
		if n < 0 || n > 1<<32-1 {
			return outOfRange(firebaseImportName+" argon2Parameters", n, "0..2^32-1")
		}
	}
	enc := base64.RawStdEncoding.EncodeToString
	inner := "$" + t + "$v=" + v + "$m=" + strconv.FormatInt(*a.MemoryCostKib, 10) + ",t=" +
		strconv.FormatInt(*a.Iterations, 10) + ",p=" + strconv.FormatInt(*a.Parallelism, 10) + "$" + enc(salt) + "$" + enc(hash)
	return b.scheme(firebaseImportName, t, inner)
}

// firebaseImportStandardScrypt is scrypt(password, salt, N = cpuMemCost, r =
// blockSize, p = parallelization, dkLen), the key compared with the
// passwordHash; scrypt's Params and ScryptMemory limit it.
func firebaseImportStandardScrypt(o *firebaseImportObject, hash, salt []byte, l Limits) (parsed, error) {
	if o.CPUMemCost == nil || o.BlockSize == nil || o.Parallelization == nil || o.DKLen == nil {
		return nil, firebaseImportErr("STANDARD_SCRYPT needs cpuMemCost, blockSize, parallelization and dkLen")
	}
	if *o.DKLen != int64(len(hash)) {
		return nil, firebaseImportErr("passwordHash is not dkLen bytes long")
	}
	n, r, p := *o.CPUMemCost, *o.BlockSize, *o.Parallelization
	if n < 0 || n > 1<<30 || r < 0 || r > 1<<30 || p < 0 || p > 1<<30 {
		return nil, outOfRange(firebaseImportName+" STANDARD_SCRYPT N, r or p", max(n, r, p), "scrypt's bounds")
	}
	sp, err := checkScrypt(firebaseImportName+" STANDARD_SCRYPT", int(n), int(r), int(p), scryptOwn, l)
	if err != nil {
		return nil, err
	}
	if err := checkHashLen(firebaseImportName, len(hash), l); err != nil {
		return nil, err
	}
	return &standardScryptDigest{scryptParams: sp, salt: salt, hash: hash}, nil
}

type standardScryptDigest struct {
	scryptParams
	salt, hash []byte
}

func (d *standardScryptDigest) weaker(*Policy) bool { return true }

func (d *standardScryptDigest) verify(password string) (bool, error) {
	pw := passwordCopy(password)
	defer clear(pw)
	key, err := d.key(pw, d.salt, len(d.hash))
	return equalKey(key, err, d.hash)
}
