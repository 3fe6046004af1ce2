package yescryptcore

import "github.com/pwdigest/pwdigest/internal/mempool"

// pool keeps working memory between Key calls (see internal/mempool). Key
// clears what it hands back: V holds blocks derived from the password.
var pool = mempool.New[uint64](64 << 20)

// SetPoolLimit sets how many bytes of working memory may be kept between Key
// calls (64 MiB unless set) and returns the previous limit. Zero or less
// disables the pool.
func SetPoolLimit(bytes int64) int64 { return pool.SetLimit(bytes) }
