module github.com/pwdigest/pwdigest/bench/compare

go 1.26.0

replace github.com/pwdigest/pwdigest => ../..

require (
	github.com/go-crypt/crypt v0.14.15
	github.com/pwdigest/pwdigest v0.0.0-00010101000000-000000000000
	golang.org/x/crypto v0.59.0
)

require (
	github.com/go-crypt/x v0.4.16 // indirect
	golang.org/x/sync v0.25.0 // indirect
	golang.org/x/sys v0.50.0 // indirect
	golang.org/x/text v0.44.0 // indirect
)
