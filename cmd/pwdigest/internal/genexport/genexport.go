// Package genexport writes large synthetic exports for measuring
// "pwdigest check": JSON Lines rows with a mix of every registered hasher,
// and a small share of broken rows.
//
// The digests are made by pwdigest.Hash at the lowest costs, since check
// parses digests without hashing and its speed does not depend on their
// costs; a pool of them is reused across rows.
package genexport

import (
	"bufio"
	"fmt"
	"io"
	"math/rand/v2"
	"strconv"

	"github.com/pwdigest/pwdigest"
)

// Options shape the export.
type Options struct {
	Rows int
	Seed uint64
	// Broken is the share of rows in thousandths that are not usable
	// (malformed digest, unknown hasher, no hasher), spread at random.
	Broken int
	// PoolSize is the number of distinct digests per hasher (default 16).
	PoolSize int
}

// cheap is the lowest-cost policy: digests made quickly.
var cheap = &pwdigest.Verifier{Policy: pwdigest.Policy{Costs: map[*pwdigest.Param]int64{
	pwdigest.BcryptCost:             4,
	pwdigest.PBKDF2SHA1Iterations:   1000,
	pwdigest.PBKDF2SHA256Iterations: 1000,
	pwdigest.PBKDF2SHA512Iterations: 1000,
	pwdigest.Argon2Memory:           64,
	pwdigest.Argon2Time:             1,
	pwdigest.Argon2Threads:          1,
	pwdigest.ScryptN:                16,
	pwdigest.ScryptR:                8,
	pwdigest.ScryptP:                1,
	pwdigest.FirebaseMemCost:        4,
	pwdigest.FirebaseRounds:         1,
	pwdigest.PhpassRounds:           7,
	pwdigest.CryptRounds:            1000,
}}}

type entry struct{ hasher, digest string }

// pool makes n digests for each registered hasher that can make them.
func pool(n int, rng *rand.Rand) ([]entry, error) {
	var out []entry
	for _, h := range pwdigest.Hashers() {
		for i := range n {
			d, err := cheap.Hash(h, "password-"+strconv.Itoa(rng.IntN(1<<30))+"-"+strconv.Itoa(i))
			if err != nil {
				break // a hasher that cannot make digests is left out
			}
			out = append(out, entry{h, d})
		}
	}
	if len(out) == 0 {
		return nil, fmt.Errorf("genexport: no hasher made a digest")
	}
	return out, nil
}

// Write writes o.Rows rows of JSON Lines to w.
func Write(w io.Writer, o Options) error {
	if o.PoolSize <= 0 {
		o.PoolSize = 16
	}
	rng := rand.New(rand.NewPCG(o.Seed, o.Seed^0x9e3779b97f4a7c15))
	digests, err := pool(o.PoolSize, rng)
	if err != nil {
		return err
	}
	bw := bufio.NewWriterSize(w, 1<<20)
	var line []byte
	for i := range o.Rows {
		e := digests[rng.IntN(len(digests))]
		hasher, digest := e.hasher, e.digest
		omitHasher := false
		if o.Broken > 0 && rng.IntN(1000) < o.Broken {
			switch rng.IntN(3) {
			case 0:
				digest = digest[:len(digest)/2]
			case 1:
				hasher = "md6"
			case 2:
				omitHasher = true
			}
		}
		id := 100000 + i
		line = append(line[:0], `{"id": `...)
		line = strconv.AppendInt(line, int64(id), 10)
		line = append(line, `, "email": "user`...)
		line = strconv.AppendInt(line, int64(id), 10)
		line = append(line, `@example.com", "password_digest": `...)
		line = strconv.AppendQuote(line, digest)
		if !omitHasher {
			line = append(line, `, "password_hasher": `...)
			line = strconv.AppendQuote(line, hasher)
		}
		line = fmt.Appendf(line, `, "created_at": "20%02d-%02d-%02dT%02d:%02d:00Z", "active": %t}`+"\n",
			15+rng.IntN(10), 1+rng.IntN(12), 1+rng.IntN(28), rng.IntN(24), rng.IntN(60), rng.IntN(4) != 0)
		if _, err := bw.Write(line); err != nil {
			return err
		}
	}
	return bw.Flush()
}
