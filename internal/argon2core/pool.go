package argon2core

import "github.com/pwdigest/pwdigest/internal/mempool"

// defaultPoolLimit is how many bytes of block memory are kept for reuse
// between Key calls unless SetPoolLimit says otherwise.
const defaultPoolLimit = 256 << 20

// pool keeps freed block memory between Key calls (see internal/mempool),
// which clears it when it comes back.
var pool = mempool.New[block](defaultPoolLimit)

// SetPoolLimit sets how many bytes of block memory may be kept between Key
// calls (256 MiB unless set) and returns the previous limit. Zero or less
// disables the pool. Pooled memory is cleared when a computation returns it.
func SetPoolLimit(bytes int64) int64 { return pool.SetLimit(bytes) }

// getBlocks returns n zero blocks, to be handed back with putBlocks, which
// clears them.
func getBlocks(n int) ([]block, error) { return pool.Get(n) }

func putBlocks(b []block) { pool.Put(b) }
