package main

import (
	"bufio"
	"errors"
	"fmt"
	"io"
	"os"
	"strings"

	"golang.org/x/term"
)

func osEnv() *env {
	return &env{
		stdin:      os.Stdin,
		stdout:     os.Stdout,
		stderr:     os.Stderr,
		stdinTerm:  term.IsTerminal(int(os.Stdin.Fd())),
		stderrTerm: term.IsTerminal(int(os.Stderr.Fd())),
		stdinFd:    int(os.Stdin.Fd()),
	}
}

// maxPasswordLine bounds the password line read from stdin.
const maxPasswordLine = 64 << 10

var errNoPassword = errors.New("no password on standard input (pipe it in: printf '%s\\n' \"$PW\" | pwdigest ...)")

// readPassword returns the password: the first line of stdin without its
// line ending, or, when stdin is a terminal, typed at a prompt without
// echo (twice when confirm is set).
func readPassword(e *env, confirm bool) (string, error) {
	if e.stdinTerm {
		pw, err := prompt(e, "Password: ")
		if err != nil || !confirm {
			return pw, err
		}
		again, err := prompt(e, "Password again: ")
		if err != nil {
			return "", err
		}
		if again != pw {
			return "", errors.New("the passwords differ")
		}
		return pw, nil
	}
	r := bufio.NewReader(io.LimitReader(e.stdin, maxPasswordLine+2))
	line, err := r.ReadString('\n')
	if err != nil && err != io.EOF {
		return "", fmt.Errorf("reading the password: %w", err)
	}
	if line == "" && err == io.EOF {
		return "", errNoPassword
	}
	line = strings.TrimSuffix(line, "\n")
	line = strings.TrimSuffix(line, "\r")
	if len(line) > maxPasswordLine {
		return "", fmt.Errorf("the password line is longer than %d bytes", maxPasswordLine)
	}
	return line, nil
}

func prompt(e *env, p string) (string, error) {
	fmt.Fprint(e.stderr, p)
	b, err := term.ReadPassword(e.stdinFd)
	fmt.Fprintln(e.stderr)
	if err != nil {
		return "", fmt.Errorf("reading the password: %w", err)
	}
	return string(b), nil
}
