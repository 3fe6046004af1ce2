package main

import (
	"bytes"
	"embed"
	"encoding/hex"
	"encoding/json"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"time"
)

//go:embed refs/ref.py refs/ref.php refs/ref.js
var refScripts embed.FS

// tools names the reference programs; an empty or missing one is skipped.
type tools struct {
	python, php, node string
	nodePath          string // NODE_PATH holding firebase-scrypt
	argon2            string // the system argon2 CLI
	libargon2         string // an optimised argon2 CLI, from -libargon2
	dir               string // where the embedded scripts were written
	startup           map[string]cliTime
}

func (t *tools) writeScripts() error {
	dir, err := os.MkdirTemp("", "pwdigest-compare-")
	if err != nil {
		return err
	}
	t.dir = dir
	for _, name := range []string{"ref.py", "ref.php", "ref.js"} {
		b, err := refScripts.ReadFile("refs/" + name)
		if err != nil {
			return err
		}
		if err := os.WriteFile(filepath.Join(dir, name), b, 0o600); err != nil {
			return err
		}
	}
	return nil
}

// refJob is what a script runner gets: the implementation, the timing
// settings and the case's inputs (binary values as hex).
type refJob map[string]any

// scriptImpl is an implementation run by one of the scripts.
type scriptImpl struct {
	name string
	lang string // python, php, node
	job  refJob
}

// scriptImpls returns the script references that handle c.
func scriptImpls(c *benchCase) []scriptImpl {
	var out []scriptImpl
	add := func(name, lang, impl string, job refJob) {
		job = clone(job)
		job["impl"] = impl
		job["password"] = c.Password
		out = append(out, scriptImpl{name, lang, job})
	}
	digest := refJob{"digest": c.Digest}
	switch c.kind {
	case "bcrypt":
		add("Python pyca bcrypt.checkpw", "python", "bcrypt.checkpw", digest)
		add("PHP password_verify", "php", "password_verify", digest)
	case "pbkdf2":
		job := refJob{"prf": c.prf, "iter": c.iter, "salt": hex.EncodeToString(c.salt), "key": hex.EncodeToString(c.key)}
		add("Python hashlib.pbkdf2_hmac (OpenSSL)", "python", "hashlib.pbkdf2_hmac", job)
		add("PHP hash_pbkdf2", "php", "hash_pbkdf2", job)
	case "phpass":
		add("Python passlib phpass.verify", "python", "passlib.phpass", digest)
		add("PHP md5 loop (as WordPress's PasswordHash)", "php", "phpass", refJob{
			"salt": string(c.salt), "count": c.count, "sum": hex.EncodeToString(c.key)})
	case "scrypt":
		add("Python hashlib.scrypt (OpenSSL)", "python", "hashlib.scrypt", refJob{
			"salt": hex.EncodeToString(c.salt), "key": hex.EncodeToString(c.key),
			"n_cost": c.n, "r": c.r, "p": c.p})
	case "firebase":
		add("Python hashlib.scrypt + cryptography AES-CTR", "python", "hashlib.scrypt+AES-CTR", refJob{
			"salt": hex.EncodeToString(c.salt), "signer_key": hex.EncodeToString(c.signerKey),
			"hash": hex.EncodeToString(c.key), "n_cost": c.n, "r": c.r, "p": c.p})
		f := strings.Split(c.Digest, "$")
		rounds, _ := strconv.Atoi(f[4])
		memCost, _ := strconv.Atoi(f[5])
		add("Node firebase-scrypt verify (OpenSSL scrypt)", "node", "firebase-scrypt.verify", refJob{
			"hash": f[0], "salt": f[1], "params": map[string]any{
				"signerKey": f[2], "saltSeparator": f[3], "rounds": rounds, "memCost": memCost}})
	case "argon2":
		add("Python argon2-cffi verify_secret (libargon2)", "python", "argon2.verify_secret", digest)
		add("PHP password_verify", "php", "password_verify", digest)
	case "yescrypt":
		add("Python crypt.crypt (libxcrypt)", "python", "crypt.crypt", digest)
	}
	return out
}

func clone(j refJob) refJob {
	out := refJob{}
	for k, v := range j {
		out[k] = v
	}
	return out
}

// runScript runs one script reference; the script does the timing loop.
func (t *tools) runScript(si scriptImpl, s settings) (r result) {
	r.Impl, r.Method = si.name, "timing loop inside the "+si.lang+" process"
	defer r.finish()
	var cmd *exec.Cmd
	job := clone(si.job)
	job["n"], job["min_sample_ns"], job["budget_ns"] = s.n, s.minSample.Nanoseconds(), s.budget.Nanoseconds()
	arg, err := json.Marshal(job)
	if err != nil {
		r.Error = err.Error()
		return r
	}
	switch si.lang {
	case "python":
		cmd = t.command(t.python, "ref.py", string(arg))
	case "php":
		cmd = t.command(t.php, "ref.php", string(arg))
	case "node":
		cmd = t.command(t.node, "ref.js", string(arg))
		if cmd != nil {
			cmd.Env = append(os.Environ(), "NODE_PATH="+t.nodePath)
		}
	}
	if cmd == nil {
		r.Error = "skipped: " + si.lang + " not found"
		return r
	}
	var out struct {
		SamplesNs    []float64 `json:"samples_ns"`
		CPUSamplesNs []float64 `json:"cpu_samples_ns"`
		Inner        int       `json:"inner"`
		Error        string    `json:"error"`
	}
	if err := runJSON(cmd, &out); err != nil {
		r.Error = err.Error()
		return r
	}
	r.SamplesNs, r.CPUSamplesNs, r.Inner, r.Error = out.SamplesNs, out.CPUSamplesNs, out.Inner, out.Error
	return r
}

// command returns the command running script with bin, or nil without bin.
func (t *tools) command(bin, script string, args ...string) *exec.Cmd {
	if bin == "" {
		return nil
	}
	path, err := exec.LookPath(bin)
	if err != nil {
		return nil
	}
	return exec.Command(path, append([]string{filepath.Join(t.dir, script)}, args...)...)
}

func runJSON(cmd *exec.Cmd, v any) error {
	var stderr bytes.Buffer
	cmd.Stderr = &stderr
	b, err := cmd.Output()
	if err != nil {
		return fmt.Errorf("%v: %s", err, firstLine(stderr.String()))
	}
	if err := json.Unmarshal(b, v); err != nil {
		return fmt.Errorf("bad output %q: %v", firstLine(string(b)), err)
	}
	return nil
}

func firstLine(s string) string {
	s, _, _ = strings.Cut(strings.TrimSpace(s), "\n")
	return s
}

// versions asks each script for the versions of what it runs.
func (t *tools) versions() map[string]any {
	out := map[string]any{}
	for _, v := range []struct{ lang, bin, script string }{
		{"python", t.python, "ref.py"}, {"php", t.php, "ref.php"}, {"node", t.node, "ref.js"},
	} {
		cmd := t.command(v.bin, v.script, "versions")
		if cmd == nil {
			continue
		}
		if v.lang == "node" {
			cmd.Env = append(os.Environ(), "NODE_PATH="+t.nodePath)
		}
		var m map[string]any
		if err := runJSON(cmd, &m); err != nil {
			out[v.lang] = "error: " + err.Error()
			continue
		}
		out[v.lang] = m
	}
	return out
}

// The argon2 CLI (libargon2's run.c) prints its own timing from clock(),
// which is CPU time summed over threads, and to millisecond precision. So
// it is timed from outside instead: the wall time (and the child's CPU time)
// of runs at the case's parameters, minus the median of runs of a trivial
// call (t=1, 8 KiB), which is the process start-up.

// argon2CLIArgs is the command line for c; the password goes on stdin.
func argon2CLIArgs(c *benchCase) []string {
	typ := "-id"
	if c.variant == "argon2i" {
		typ = "-i"
	}
	return []string{string(c.salt), typ, "-v", "13", "-t", strconv.Itoa(int(c.t)),
		"-k", strconv.Itoa(int(c.m)), "-p", strconv.Itoa(int(c.lanes)),
		"-l", strconv.Itoa(len(c.key)), "-r"}
}

// cliTime is the wall and CPU time of one CLI run.
type cliTime struct{ wall, cpu time.Duration }

// runArgon2Once runs the CLI once and returns its times and output.
func runArgon2Once(bin string, args []string, password string) (cliTime, string, error) {
	cmd := exec.Command(bin, args...)
	cmd.Stdin = strings.NewReader(password)
	var stderr bytes.Buffer
	cmd.Stderr = &stderr
	start := time.Now()
	out, err := cmd.Output()
	d := time.Since(start)
	if err != nil {
		return cliTime{}, "", fmt.Errorf("%v: %s", err, firstLine(stderr.String()))
	}
	ps := cmd.ProcessState
	return cliTime{d, ps.UserTime() + ps.SystemTime()}, strings.TrimSpace(string(out)), nil
}

// cliStartup is the median times of a trivial argon2 CLI call.
func (t *tools) cliStartup(bin string, s settings) (cliTime, error) {
	if d, ok := t.startup[bin]; ok {
		return d, nil
	}
	args := []string{"startupsalt", "-id", "-t", "1", "-k", "8", "-p", "1", "-r"}
	var wall, cpu []float64
	for range max(s.n, 9) {
		d, _, err := runArgon2Once(bin, args, "x")
		if err != nil {
			return cliTime{}, err
		}
		wall, cpu = append(wall, float64(d.wall)), append(cpu, float64(d.cpu))
	}
	d := cliTime{time.Duration(median(wall)), time.Duration(median(cpu))}
	t.startup[bin] = d
	return d, nil
}

// runArgon2CLI times the argon2 CLI at bin on c.
func (t *tools) runArgon2CLI(name, bin string, c *benchCase, s settings) (r result) {
	r.Impl = name
	defer r.finish()
	path, err := exec.LookPath(bin)
	if err != nil {
		r.Error = "skipped: " + err.Error()
		return r
	}
	startup, err := t.cliStartup(path, s)
	if err != nil {
		r.Error = err.Error()
		return r
	}
	r.Method = fmt.Sprintf("one CLI run per sample minus the start-up of a trivial run (%.2f ms wall, %.2f ms CPU)",
		float64(startup.wall)/1e6, float64(startup.cpu)/1e6)
	args := argon2CLIArgs(c)
	want := hex.EncodeToString(c.key)
	d, out, err := runArgon2Once(path, args, c.Password)
	if err == nil && out != want {
		err = fmt.Errorf("did not verify the digest: got %q", firstLine(out))
	}
	if err != nil {
		r.Error = err.Error()
		return r
	}
	_, reps := s.plan(d.wall - startup.wall)
	r.Inner = 1
	for range reps {
		d, _, err := runArgon2Once(path, args, c.Password)
		if err != nil {
			r.Error = err.Error()
			return r
		}
		r.SamplesNs = append(r.SamplesNs, float64(d.wall-startup.wall))
		r.CPUSamplesNs = append(r.CPUSamplesNs, float64(d.cpu-startup.cpu))
	}
	return r
}
