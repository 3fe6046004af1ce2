package main

import (
	"context"
	"fmt"
	"strings"
)

// The check pipeline: one reader goroutine cuts the input into batches of
// rows, workers check batches in parallel, and the consumer takes them back
// in input order. The order channel holds at most window batches, so the
// rows in flight, and so memory, do not grow with the input.

// row is one record of the export.
type row struct {
	line int    // 1-based line of the record's start
	raw  string // the JSON object's text; "" when f was filled by the reader
	f    fields
	err  error // the record could not be read (bad JSON, CSV field count)
	res  result
}

type batch struct {
	rows []row
	buf  []byte // JSON Lines text of the rows, before it becomes one string
	// offset is the input offset after the batch, for the progress bar.
	offset int64
	// done is closed by the worker; cut is how many rows it checked when
	// it stopped early for an interrupt (len(rows) otherwise).
	done chan struct{}
	cut  int
}

const (
	batchRows  = 512
	batchBytes = 256 << 10
)

// batchSource is a reader of one format. next fills b with up to batchRows
// rows and reports false at the end of the input or on a fatal error,
// which err then returns. A batch may be returned with rows and false.
type batchSource interface {
	next(b *batch) bool
	err() error
}

// pipeline runs src through workers and hands each checked row to consume,
// in input order, from the calling goroutine. It stops early when ctx is
// done and reports whether every row was consumed. Interrupted, it returns
// without waiting for the reader and workers, which stop on their own.
func pipeline(ctx context.Context, src batchSource, workers int, newChecker func() *rowChecker,
	consume func(r *row), progress func(offset int64)) (complete bool) {
	window := 4 * workers
	work := make(chan *batch)
	order := make(chan *batch, window)
	free := make(chan *batch, window+2)

	// reachedEnd is written before order is closed, read after.
	reachedEnd := false
	go func() {
		defer close(order)
		defer close(work)
		for more := true; more; {
			if ctx.Err() != nil {
				return
			}
			var b *batch
			select {
			case b = <-free:
			default:
				b = &batch{rows: make([]row, 0, batchRows)}
			}
			b.rows, b.buf = b.rows[:0], b.buf[:0]
			b.done = make(chan struct{})
			more = src.next(b)
			if len(b.rows) == 0 {
				continue
			}
			// Handed to a worker before it is queued, so each batch the
			// consumer waits on has one.
			select {
			case work <- b:
			case <-ctx.Done():
				return
			}
			select {
			case order <- b:
			case <-ctx.Done():
				return
			}
		}
		reachedEnd = true
	}()

	for range workers {
		go func() {
			c := newChecker()
			for b := range work {
				checkBatch(ctx, c, b)
				close(b.done)
			}
		}()
	}

	// After an interrupt the reader may be stuck in a read (a terminal,
	// a pipe): take only the batches already queued, and leave.
	for {
		var (
			b  *batch
			ok bool
		)
		select {
		case b, ok = <-order:
		case <-ctx.Done():
			select {
			case b, ok = <-order:
			default:
				return false
			}
		}
		if !ok {
			return reachedEnd
		}
		<-b.done
		for i := range b.rows[:b.cut] {
			consume(&b.rows[i])
		}
		if b.cut < len(b.rows) {
			return false
		}
		progress(b.offset)
		select {
		case free <- b:
		default:
		}
	}
}

func checkBatch(ctx context.Context, c *rowChecker, b *batch) {
	b.cut = len(b.rows)
	for i := range b.rows {
		if ctx.Err() != nil { // an atomic load
			b.cut = i
			return
		}
		r := &b.rows[i]
		if r.err == nil && r.raw != "" {
			r.err = parseObject(r.raw, c.names, &r.f)
		}
		if r.err != nil && r.line == 1 && strings.HasPrefix(r.raw, "[") {
			r.err = fmt.Errorf("%w; the input starts with '[': a JSON array? (use --format json)", r.err)
		}
		if r.err != nil {
			r.res = result{group: groupBadRow, outcome: outcomeMalformed, kind: kindBadRow, reason: r.err.Error()}
			continue
		}
		c.check(&r.f, &r.res)
	}
}
