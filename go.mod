module github.com/pwdigest/pwdigest

go 1.24
