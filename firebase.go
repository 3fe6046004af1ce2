package pwdigest

import (
	"crypto/aes"
	"crypto/cipher"
	"encoding/base64"
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
