//go:build tools

// The generators load the package they write assembly for (gen.Start) but
// do not import it: they must build while its assembly is missing or stale.
// This import keeps it in go.mod for go mod tidy.
package asm

import _ "github.com/pwdigest/pwdigest/internal/pbkdf2core"
