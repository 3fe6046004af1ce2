module github.com/pwdigest/pwdigest/internal/mempool/_asm

go 1.26.0

require (
	github.com/mmcloughlin/avo v0.5.0
	github.com/pwdigest/pwdigest v0.0.0-00010101000000-000000000000
)

require (
	golang.org/x/mod v0.42.0 // indirect
	golang.org/x/sync v0.25.0 // indirect
	golang.org/x/sys v0.50.0 // indirect
	golang.org/x/tools v0.52.0 // indirect
)

replace github.com/pwdigest/pwdigest => ../../..
