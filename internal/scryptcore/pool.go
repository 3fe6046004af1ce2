package scryptcore

import "github.com/pwdigest/pwdigest/internal/mempool"

// defaultPoolLimit is how many bytes of working memory are kept for reuse
// between Key calls unless SetPoolLimit says otherwise: four verifies at
// Werkzeug's default cost (N=32768, r=8: 32 MiB each) and room to spare.
const defaultPoolLimit = 256 << 20

// pool keeps freed working memory between Key calls (see internal/mempool),
// which clears it when it comes back.
var pool = mempool.New[uint32](defaultPoolLimit)

// SetPoolLimit sets how many bytes of working memory may be kept between Key
// calls (256 MiB unless set) and returns the previous limit. Zero or less
// disables the pool. Kept memory is cleared when a computation returns it.
func SetPoolLimit(bytes int64) int64 { return pool.SetLimit(bytes) }

// pooled returns the bytes the pool holds now (for tests).
func pooled() (bytes int64, buffers int) { return pool.Held() }

// getBuf returns n zero words, to be handed back with putBuf, which clears
// them.
func getBuf(n int) ([]uint32, error) { return pool.Get(n) }

func putBuf(b []uint32) { pool.Put(b) }
