package pwdigest

import (
	"context"
	"errors"
	"fmt"
	"strings"
	"sync/atomic"
	"unicode"
	"unicode/utf8"
)

// awscognito: "awscognito#<user pool id>#<client id>#<identifier>" is not a
// digest. Cognito exports no password hashes; Clerk checks the password by
// calling Cognito (InitiateAuth, USER_PASSWORD_AUTH, against a public app
// client of the pool; the region is the pool id's prefix) and then stores a
// bcrypt digest. This file only registers the name and validates the shape:
// the call lives in package github.com/pwdigest/pwdigest/cognito, so that
// programs that do not need it do not build the AWS SDK in. Until
// cognito.Enable is called, Verify of an awscognito row returns an error
// wrapping ErrRemote that says so. Insecure: a successful verify upgrades
// to bcrypt through VerifyAndUpgrade, as Clerk does.

// ErrRemote: the hasher checks passwords by calling a remote service
// (awscognito) and the check could not be made: the service is not
// configured, could not be reached, throttled the call, or refused it (the
// user does not exist, the app client is not usable). The digest may be
// fine; retry later or fix the configuration.
var ErrRemote = errors.New("pwdigest: remote verification failed")

// A CognitoVerifier checks a password against an AWS Cognito user pool.
// Package cognito provides one; cognito.Enable installs it with
// EnableCognito.
type CognitoVerifier interface {
	// VerifyCognito reports whether password is the password of the user
	// named identifier in the pool, signing in through the public app
	// client clientID in region. (false, nil) is a wrong password; an
	// error wraps ErrRemote (or ErrPasswordTooLong) and never holds the
	// password.
	VerifyCognito(ctx context.Context, region, userPoolID, clientID, identifier, password string) (bool, error)
}

var cognitoVerifier atomic.Pointer[CognitoVerifier]

// EnableCognito makes awscognito rows verify through v (nil disables them
// again). Call cognito.Enable rather than this.
func EnableCognito(v CognitoVerifier) {
	if v == nil {
		cognitoVerifier.Store(nil)
		return
	}
	cognitoVerifier.Store(&v)
}

var errCognitoDisabled = fmt.Errorf("%w: awscognito is not enabled: import github.com/pwdigest/pwdigest/cognito and call cognito.Enable(cognito.Config{...}) at start-up", ErrRemote)

func init() {
	register(&scheme{name: "awscognito", insecure: true, remote: true, parse: parseCognito})
}

var (
	errCognitoShape  = malformed("awscognito", `want "awscognito#<user pool id>#<client id>#<identifier>"`)
	errCognitoPool   = malformed("awscognito", `user pool id is not "<region>_<id>"`)
	errCognitoClient = malformed("awscognito", "client id is not 1 to 128 letters, digits, _ or +")
	errCognitoUser   = malformed("awscognito", "identifier is not 1 to 128 characters without whitespace or control characters")
)

type cognitoDigest struct {
	region, pool, client, user string
}

func parseCognito(digest string, _ Limits) (parsed, error) {
	rest, ok := strings.CutPrefix(digest, "awscognito#")
	var f [3]string
	if !ok {
		return nil, errCognitoShape
	}
	// The identifier is last and may hold "#"; the ids never do.
	i := strings.IndexByte(rest, '#')
	if i < 0 {
		return nil, errCognitoShape
	}
	j := strings.IndexByte(rest[i+1:], '#')
	if j < 0 {
		return nil, errCognitoShape
	}
	f[0], f[1], f[2] = rest[:i], rest[i+1:i+1+j], rest[i+2+j:]
	region, ok := cognitoRegion(f[0])
	if !ok {
		return nil, errCognitoPool
	}
	if !cognitoClientID(f[1]) {
		return nil, errCognitoClient
	}
	if !cognitoIdentifier(f[2]) {
		return nil, errCognitoUser
	}
	return &cognitoDigest{region: region, pool: f[0], client: f[1], user: f[2]}, nil
}

// cognitoRegion checks a user pool id, "<region>_<id>" (Cognito's pattern
// [\w-]+_[0-9a-zA-Z]+, at most 55 characters; the region in lower case,
// e.g. "us-east-1", or "local" for cognito-local), and returns the region.
func cognitoRegion(pool string) (string, bool) {
	region, id, ok := strings.Cut(pool, "_")
	if !ok || len(pool) > 55 || region == "" || id == "" {
		return "", false
	}
	for k := 0; k < len(region); k++ {
		if c := region[k]; !(c >= 'a' && c <= 'z' || c >= '0' && c <= '9' || c == '-') {
			return "", false
		}
	}
	for k := 0; k < len(id); k++ {
		if c := id[k]; !(c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9') {
			return "", false
		}
	}
	return region, true
}

// cognitoClientID checks an app client id: Cognito's [\w+]+, 1 to 128.
func cognitoClientID(s string) bool {
	if s == "" || len(s) > 128 {
		return false
	}
	for k := 0; k < len(s); k++ {
		if c := s[k]; !(c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '_' || c == '+') {
			return false
		}
	}
	return true
}

// cognitoIdentifier checks a username, email or phone number as Cognito
// takes it: 1 to 128 characters of letters, marks, symbols, numbers and
// punctuation (its pattern [\p{L}\p{M}\p{S}\p{N}\p{P}]+).
func cognitoIdentifier(s string) bool {
	if s == "" || !utf8.ValidString(s) || utf8.RuneCountInString(s) > 128 {
		return false
	}
	for _, r := range s {
		if !unicode.In(r, unicode.L, unicode.M, unicode.S, unicode.N, unicode.P) {
			return false
		}
	}
	return true
}

func (d *cognitoDigest) memory() int64       { return 0 }
func (d *cognitoDigest) weaker(*Policy) bool { return true }

func (d *cognitoDigest) verify(password string) (bool, error) {
	return d.verifyContext(context.Background(), password)
}

// verifyContext calls Cognito under ctx (verifyScheme passes the caller's).
func (d *cognitoDigest) verifyContext(ctx context.Context, password string) (bool, error) {
	v := cognitoVerifier.Load()
	if v == nil {
		return false, errCognitoDisabled
	}
	return (*v).VerifyCognito(ctx, d.region, d.pool, d.client, d.user, password)
}

// A contextVerifier is a parsed digest whose verify needs the caller's
// context (a remote call): verifyScheme calls verifyContext instead.
type contextVerifier interface {
	verifyContext(ctx context.Context, password string) (bool, error)
}
