package argon2core

import "github.com/pwdigest/pwdigest/internal/mempool"

// defaultPoolLimit is how many bytes of block memory are kept for reuse
// between Key calls unless SetPoolLimit says otherwise.
const defaultPoolLimit = 256 << 20

// pool keeps freed block memory between Key calls (see internal/mempool).
// Blocks are not cleared: Key writes every block before it reads it.
var pool = mempool.New[block](defaultPoolLimit)

// SetPoolLimit sets how many bytes of block memory may be kept between Key
// calls (256 MiB unless set) and returns the previous limit. Zero or less
// disables the pool. Pooled memory still holds the blocks of earlier
// computations; it is not cleared.
func SetPoolLimit(bytes int64) int64 { return pool.SetLimit(bytes) }

// getBlocks returns n blocks of unspecified contents, to be handed back
// with putBlocks.
func getBlocks(n int) ([]block, error) { return pool.Get(n) }

func putBlocks(b []block) { pool.Put(b) }
