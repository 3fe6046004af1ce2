package main

import (
	"bytes"
	"encoding/json"
	"fmt"
	"io"
	"slices"
	"sort"
	"strconv"
	"strings"
	"text/tabwriter"
	"unicode/utf8"
)

// counts is one line of the summary.
type counts struct {
	Hasher     string `json:"hasher,omitempty"`
	Rows       int64  `json:"rows"`
	OK         int64  `json:"ok"`
	Malformed  int64  `json:"malformed"`
	OutOfRange int64  `json:"out_of_range"`
	Unknown    int64  `json:"unknown_hasher"`
	Insecure   int64  `json:"insecure"`
	Rehash     int64  `json:"needs_rehash"`
	Verified   int64  `json:"verified"`
	Failed     int64  `json:"failed"`
	Warned     int64  `json:"warned"`
}

func (c *counts) add(r *result) {
	c.Rows++
	switch r.outcome {
	case outcomeMalformed:
		c.Malformed++
	case outcomeOutOfRange:
		c.OutOfRange++
	case outcomeUnknown:
		c.Unknown++
	}
	if r.usable() {
		c.OK++
	}
	if r.insecure {
		c.Insecure++
	}
	if r.rehash {
		c.Rehash++
	}
	switch r.pw {
	case pwVerified:
		c.Verified++
	case pwFailed:
		c.Failed++
	}
	if r.warning != "" && r.usable() {
		c.Warned++ // an unusable row says it in its problem
	}
}

// problem is a row that is not usable, as reported.
type problem struct {
	Line       int      `json:"line"`
	ID         string   `json:"id,omitempty"`
	Hasher     string   `json:"hasher,omitempty"`
	Digest     string   `json:"digest,omitempty"` // shortened
	Kind       string   `json:"kind"`
	Reason     string   `json:"reason"`
	Candidates []string `json:"candidates,omitempty"`
}

// report accumulates the summary. Problems are kept up to a limit for the
// text report, or streamed out as they come for --json, so memory stays
// flat however many rows are broken.
type report struct {
	input, format string
	groups        map[string]*counts
	total         counts
	problems      []problem
	maxProblems   int // text: problems kept; 0 keeps all
	nProblems     int64
	jsonOut       io.Writer // --json: where problems are streamed
	jsonErr       error
	jsonStarted   bool // an entry is in the JSON problem list
	wide          bool // every column in the text table
	arrayHint     bool // a JSON Lines input whose first row starts with '['
	warnings      []problem
	nWarnings     int64
}

// kindWarning marks a warning in the JSON report's problem list.
const kindWarning = "warning"

func newReport(input, format string, maxProblems int, jsonOut io.Writer) *report {
	rep := &report{input: input, format: format, groups: map[string]*counts{},
		maxProblems: maxProblems, jsonOut: jsonOut}
	if jsonOut != nil {
		_, rep.jsonErr = fmt.Fprintf(jsonOut, "{\n  \"input\": %s,\n  \"format\": %s,\n  \"problems\": [",
			jsonString(input), jsonString(format))
	}
	return rep
}

func (rep *report) add(rw *row) {
	r := &rw.res
	g := rep.groups[r.group]
	if g == nil {
		// Group names are registered names or constants, but r.group may
		// point into a batch's text: keep a copy.
		g = &counts{Hasher: strings.Clone(r.group)}
		rep.groups[g.Hasher] = g
	}
	g.add(r)
	rep.total.add(r)
	if rw.line == 1 && strings.HasPrefix(rw.raw, "[") {
		rep.arrayHint = true
	}
	if r.usable() {
		if r.warning != "" {
			rep.nWarnings++
			if rep.jsonOut != nil || rep.maxProblems == 0 || len(rep.warnings) < rep.maxProblems {
				rep.note(rw, kindWarning, r.warning)
			}
		}
		return
	}
	rep.nProblems++
	if rep.jsonOut == nil && rep.maxProblems > 0 && len(rep.problems) >= rep.maxProblems {
		return
	}
	rep.note(rw, r.kind, r.reason)
}

// note records a problem or a warning: kept for the text report, streamed
// for --json.
func (rep *report) note(rw *row, kind, reason string) {
	r := &rw.res
	p := problem{Line: rw.line, Kind: kind, Reason: clean(reason, 300), Candidates: r.candidates}
	if rw.err == nil {
		if rw.f.idRank > 0 {
			p.ID = clean(rw.f.id, 40)
		}
		if rw.f.hasHasher {
			p.Hasher = clean(rw.f.hasher, 40)
		}
		if rw.f.hasDigest {
			p.Digest = shortDigest(rw.f.digest)
		}
	}
	switch {
	case rep.jsonOut != nil:
		rep.writeJSONProblem(&p)
	case kind == kindWarning:
		rep.warnings = append(rep.warnings, p)
	default:
		rep.problems = append(rep.problems, p)
	}
}

func (rep *report) writeJSONProblem(p *problem) {
	if rep.jsonErr != nil {
		return
	}
	b := marshal(p)
	sep := ",\n    "
	if !rep.jsonStarted {
		sep = "\n    "
		rep.jsonStarted = true
	}
	_, rep.jsonErr = fmt.Fprintf(rep.jsonOut, "%s%s", sep, b)
}

// sortedGroups returns the groups: hashers by name, then unknown and bad rows.
func (rep *report) sortedGroups() []*counts {
	gs := make([]*counts, 0, len(rep.groups))
	for _, g := range rep.groups {
		gs = append(gs, g)
	}
	rank := func(name string) int {
		switch name {
		case groupUnknown:
			return 1
		case groupBadRow:
			return 2
		}
		return 0
	}
	sort.Slice(gs, func(i, j int) bool {
		ri, rj := rank(gs[i].Hasher), rank(gs[j].Hasher)
		if ri != rj {
			return ri < rj
		}
		return gs[i].Hasher < gs[j].Hasher
	})
	return gs
}

// status is the end of the run, for the last lines of the report.
type status struct {
	interrupted bool
	readErr     error // the input could not be read to its end
}

// writeText writes the summary table and the problem rows.
func (rep *report) writeText(w io.Writer, st status) error {
	t := &rep.total
	verb := "checked"
	if st.interrupted {
		verb = "interrupted after"
	} else if st.readErr != nil {
		verb = "read error after"
	}
	fmt.Fprintf(w, "%s %s of %s (%s): %s usable, %s not\n\n", verb, plural(t.Rows, "row"), rep.input,
		rep.format, commas(t.OK), commas(t.Rows-t.OK))

	cols := summaryColumns(rep.wide)
	groups := rep.sortedGroups()
	if !rep.wide {
		cols = fitColumns(cols, groups, t, 80)
	}
	header := make([]string, 0, len(cols)+1)
	header = append(header, "hasher")
	for _, c := range cols {
		header = append(header, c.name)
	}
	table := [][]string{header}
	line := func(c *counts, name string) []string {
		cells := make([]string, 0, len(cols)+1)
		cells = append(cells, name)
		for i, col := range cols {
			n := col.get(c)
			if n == 0 && i > 0 { // rows is always written
				cells = append(cells, "-")
			} else {
				cells = append(cells, commas(n))
			}
		}
		return cells
	}
	for _, g := range groups {
		table = append(table, line(g, g.Hasher))
	}
	table = append(table, line(t, "total"))
	writeTable(w, table)
	if !rep.wide && len(cols) < len(summaryColumns(true)) {
		fmt.Fprintln(w, "(--wide: every column)")
	}

	if rep.nProblems > 0 {
		fmt.Fprintf(w, "\nproblems (%s):\n", commas(rep.nProblems))
		writeNotes(w, rep.problems, rep.nProblems, "problem")
	}
	if rep.nWarnings > 0 {
		fmt.Fprintf(w, "\nwarnings (%s): usable, but check the hasher\n", commas(rep.nWarnings))
		writeNotes(w, rep.warnings, rep.nWarnings, "warning")
	}
	if st.interrupted {
		fmt.Fprintln(w, "\ninterrupted: the rows after these were not checked")
	}
	return nil
}

func writeNotes(w io.Writer, ps []problem, n int64, what string) {
	tw := tabwriter.NewWriter(w, 0, 0, 2, ' ', 0)
	fmt.Fprintln(tw, "line\tid\thasher\tdigest\t"+what)
	for _, p := range ps {
		fmt.Fprintf(tw, "%d\t%s\t%s\t%s\t%s\n", p.Line, dash(p.ID), dash(p.Hasher), dash(p.Digest), p.Reason)
	}
	tw.Flush()
	if more := n - int64(len(ps)); more > 0 {
		fmt.Fprintf(w, "... and %s more (--max-problems 0 lists all, --json writes all)\n", commas(more))
	}
}

// column is one number column of the summary table.
type column struct {
	name     string
	get      func(*counts) int64
	optional bool // left out when the total is 0 (narrow table only)
}

// summaryColumns are the narrow table's columns, or every column (wide),
// in order; the narrow table drops them from the right to fit.
func summaryColumns(wide bool) []column {
	rows := column{"rows", func(c *counts) int64 { return c.Rows }, false}
	ok := column{"ok", func(c *counts) int64 { return c.OK }, false}
	insecure := column{"insecure", func(c *counts) int64 { return c.Insecure }, false}
	verified := column{"pw ok", func(c *counts) int64 { return c.Verified }, true}
	failed := column{"pw bad", func(c *counts) int64 { return c.Failed }, true}
	warned := column{"warned", func(c *counts) int64 { return c.Warned }, true}
	if wide {
		verified.name, failed.name = "verified", "failed"
		return []column{rows, ok,
			{"malformed", func(c *counts) int64 { return c.Malformed }, false},
			{"out of range", func(c *counts) int64 { return c.OutOfRange }, false},
			{"unknown hasher", func(c *counts) int64 { return c.Unknown }, false},
			insecure,
			{"needs rehash", func(c *counts) int64 { return c.Rehash }, false},
			verified, failed, warned}
	}
	return []column{rows, ok,
		{"not ok", func(c *counts) int64 { return c.Rows - c.OK }, false},
		insecure,
		{"rehash", func(c *counts) int64 { return c.Rehash }, false},
		warned, verified, failed}
}

// fitColumns leaves out the optional columns whose total is 0, then drops
// columns from the right, down to rows, ok and not ok, until the table fits
// width.
func fitColumns(cols []column, groups []*counts, total *counts, width int) []column {
	cols = slices.DeleteFunc(slices.Clone(cols), func(c column) bool { return c.optional && c.get(total) == 0 })
	tableWidth := func(cols []column) int {
		w := len("total")
		for _, g := range groups {
			w = max(w, utf8.RuneCountInString(g.Hasher))
		}
		for _, c := range cols {
			// The total is each column's widest number.
			w += 2 + max(utf8.RuneCountInString(c.name), len(commas(c.get(total))))
		}
		return w
	}
	for len(cols) > 3 && tableWidth(cols) > width {
		cols = cols[:len(cols)-1]
	}
	return cols
}

// plural writes n and the noun, with an "s" unless n is 1.
func plural(n int64, noun string) string {
	if n == 1 {
		return "1 " + noun
	}
	return commas(n) + " " + noun + "s"
}

// writeTable writes rows with the first column left-aligned and the
// others right-aligned.
func writeTable(w io.Writer, rows [][]string) {
	widths := make([]int, len(rows[0]))
	for _, r := range rows {
		for i, c := range r {
			widths[i] = max(widths[i], utf8.RuneCountInString(c))
		}
	}
	var b strings.Builder
	for _, r := range rows {
		b.Reset()
		for i, c := range r {
			pad := strings.Repeat(" ", widths[i]-utf8.RuneCountInString(c))
			if i == 0 {
				b.WriteString(c + pad)
			} else {
				b.WriteString("  " + pad + c)
			}
		}
		fmt.Fprintln(w, b.String())
	}
}

// finishJSON closes the JSON report opened by newReport: the summary
// follows the problems, one object a line.
func (rep *report) finishJSON(st status) error {
	if rep.jsonErr != nil {
		return rep.jsonErr
	}
	var b strings.Builder
	if rep.jsonStarted {
		b.WriteString("\n  ")
	}
	b.WriteString("],\n  \"hashers\": [")
	for i, g := range rep.sortedGroups() {
		if i > 0 {
			b.WriteByte(',')
		}
		j := marshal(g)
		b.WriteString("\n    ")
		b.Write(j)
	}
	t := rep.total
	t.Hasher = ""
	j := marshal(t)
	fmt.Fprintf(&b, "\n  ],\n  \"total\": %s,\n  \"rows\": %d,\n  \"usable\": %d,\n  \"problem_count\": %d,\n  \"warning_count\": %d,\n  \"interrupted\": %t",
		j, t.Rows, t.OK, rep.nProblems, rep.nWarnings, st.interrupted)
	if st.readErr != nil {
		fmt.Fprintf(&b, ",\n  \"error\": %s", jsonString(st.readErr.Error()))
	}
	b.WriteString("\n}\n")
	_, err := io.WriteString(rep.jsonOut, b.String())
	return err
}

func jsonString(s string) string { return string(marshal(s)) }

// marshal is json.Marshal without HTML escaping, on one line.
func marshal(v any) []byte {
	var b bytes.Buffer
	enc := json.NewEncoder(&b)
	enc.SetEscapeHTML(false)
	enc.Encode(v)
	return bytes.TrimSuffix(b.Bytes(), []byte("\n"))
}

func dash(s string) string {
	if s == "" {
		return "-"
	}
	return s
}

// commas writes n with thousands separators.
func commas(n int64) string {
	s := strconv.FormatInt(n, 10)
	if n < 0 || len(s) <= 3 {
		return s
	}
	var b strings.Builder
	pre := len(s) % 3
	if pre > 0 {
		b.WriteString(s[:pre])
	}
	for i := pre; i < len(s); i += 3 {
		if b.Len() > 0 {
			b.WriteByte(',')
		}
		b.WriteString(s[i : i+3])
	}
	return b.String()
}

// clean makes untrusted text safe to print on a terminal: control
// characters and invalid UTF-8 become '?', and it is cut to max runes.
func clean(s string, max int) string {
	var b strings.Builder
	n := 0
	for _, r := range s {
		if n == max {
			b.WriteString("…")
			break
		}
		if r == utf8.RuneError || r < 0x20 || (r >= 0x7f && r < 0xa0) || r == 0x2028 || r == 0x2029 {
			r = '?'
		}
		b.WriteRune(r)
		n++
	}
	return b.String()
}

// shortDigest shows enough of a digest to find it and see its parameters:
// up to the last '$' in its first 36 bytes and 4 characters more, as in
// "$2b$12$abcd…"; 8 characters of a digest without '$' near its start.
func shortDigest(d string) string {
	keep := 8
	if i := strings.LastIndexByte(d[:min(len(d), 36)], '$'); i >= 0 {
		keep = i + 1 + 4
	}
	if len(d) <= keep+1 {
		return clean(d, 80)
	}
	// Cut on a rune boundary.
	for keep > 0 && !utf8.RuneStart(d[keep]) {
		keep--
	}
	return clean(d[:keep], 80) + "…"
}
