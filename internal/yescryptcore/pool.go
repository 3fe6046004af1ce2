package yescryptcore

import "github.com/pwdigest/pwdigest/internal/mempool"

// defaultPoolLimit is how many bytes of working memory are kept for reuse
// between Key calls unless SetPoolLimit says otherwise: four verifies at
// libxcrypt's default cost (16 MiB each) and room to spare.
const defaultPoolLimit = 128 << 20

// pool keeps working memory between Key calls (see internal/mempool), which
// clears it when it comes back: V holds blocks derived from the password.
var pool = mempool.New[uint64](defaultPoolLimit)

// SetPoolLimit sets how many bytes of working memory may be kept between Key
// calls (128 MiB unless set) and returns the previous limit. Zero or less
// disables the pool.
func SetPoolLimit(bytes int64) int64 { return pool.SetLimit(bytes) }
