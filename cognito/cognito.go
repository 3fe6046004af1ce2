// Package cognito verifies pwdigest's awscognito rows by calling AWS
// Cognito, as Clerk does: Cognito exports no password hashes, so a row
// "awscognito#<user pool id>#<client id>#<identifier>" is checked by signing
// the user in (InitiateAuth with USER_PASSWORD_AUTH against a public app
// client of the pool, in the region that prefixes the pool id). On a match,
// pwdigest.VerifyAndUpgrade returns a bcrypt digest to store, and Cognito is
// not asked again for that user.
//
// It is a package of its own so that programs that do not import it do not
// build the AWS SDK in. Enable it once at start-up:
//
//	cognito.Enable(cognito.Config{Timeout: 5 * time.Second})
//	ok, upgraded, err := pwdigest.VerifyAndUpgrade("awscognito", row, password)
//
// The app client must be public (no client secret) and allow
// ALLOW_USER_PASSWORD_AUTH. No AWS credentials are needed: InitiateAuth is
// an unauthenticated call.
//
// Results: (true, nil) when Cognito signs the user in, or answers with a
// challenge (NEW_PASSWORD_REQUIRED, MFA), which it sends only after the
// password was right; (false, nil) for NotAuthorizedException "Incorrect
// username or password." (also what Cognito answers for an unknown user
// when the pool prevents user existence errors, its default). Anything
// else is an error wrapping pwdigest.ErrRemote and one of this package's
// sentinels, never holding the password.
package cognito

import (
	"context"
	"errors"
	"fmt"
	"net/http"
	"strings"
	"time"
	"unicode/utf8"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/aws/retry"
	cip "github.com/aws/aws-sdk-go-v2/service/cognitoidentityprovider"
	"github.com/aws/aws-sdk-go-v2/service/cognitoidentityprovider/types"
	"github.com/aws/smithy-go"

	"github.com/pwdigest/pwdigest"
)

// The sentinels. Each error also wraps pwdigest.ErrRemote.
var (
	// ErrUserNotFound: Cognito says the identifier names no user of the pool
	// (pools that reveal it: PreventUserExistenceErrors off).
	ErrUserNotFound = errors.New("cognito: user not found")
	// ErrThrottled: Cognito refused the call for its rate (TooManyRequests,
	// LimitExceeded, or too many failed attempts for the user). Retry later.
	ErrThrottled = errors.New("cognito: throttled")
	// ErrUnreachable: no answer: network error, timeout, cancelled context,
	// or a server error (5xx).
	ErrUnreachable = errors.New("cognito: unreachable")
	// ErrRefused: Cognito answered with an error that says the password
	// could not be checked: the pool or app client does not exist or does
	// not allow USER_PASSWORD_AUTH, the user is disabled, unconfirmed or must
	// reset the password, or the client needs a secret.
	ErrRefused = errors.New("cognito: refused")
)

// MaxPassword is Cognito's longest password, in characters; a longer one is
// refused with pwdigest.ErrPasswordTooLong before any call.
const MaxPassword = 256

// Config configures the calls. The zero value calls AWS's regional
// endpoints with a 10-second timeout.
type Config struct {
	// Endpoint replaces AWS's https://cognito-idp.<region>.amazonaws.com,
	// e.g. "http://127.0.0.1:9229" for cognito-local, or a VPC endpoint.
	Endpoint string
	// HTTPClient sends the requests; nil means a new http.Client.
	HTTPClient *http.Client
	// Timeout bounds one verification, retries included; 0 means 10 s.
	Timeout time.Duration
	// MaxAttempts is the number of tries for a throttled or failed call;
	// 0 means 1: a sign-in waits for no back-off, the caller decides.
	MaxAttempts int
}

// Verifier calls Cognito. Make one with New; it is safe for concurrent use.
type Verifier struct {
	cfg Config
}

// New returns a Verifier for cfg.
func New(cfg Config) *Verifier {
	if cfg.Timeout <= 0 {
		cfg.Timeout = 10 * time.Second
	}
	if cfg.MaxAttempts <= 0 {
		cfg.MaxAttempts = 1
	}
	if cfg.HTTPClient == nil {
		cfg.HTTPClient = &http.Client{}
	}
	return &Verifier{cfg: cfg}
}

// Enable makes pwdigest's awscognito rows verify through a Verifier for
// cfg, and returns it.
func Enable(cfg Config) *Verifier {
	v := New(cfg)
	pwdigest.EnableCognito(v)
	return v
}

// client returns a Cognito client for region.
func (v *Verifier) client(region string) *cip.Client {
	o := cip.Options{
		Region:      region,
		HTTPClient:  v.cfg.HTTPClient,
		Credentials: aws.AnonymousCredentials{},
		Retryer:     retry.NewStandard(func(o *retry.StandardOptions) { o.MaxAttempts = v.cfg.MaxAttempts }),
	}
	if v.cfg.Endpoint != "" {
		o.BaseEndpoint = aws.String(v.cfg.Endpoint)
	}
	return cip.New(o)
}

// VerifyCognito signs identifier in with password through the public app
// client clientID of the pool. See the package doc for the results.
func (v *Verifier) VerifyCognito(ctx context.Context, region, userPoolID, clientID, identifier, password string) (bool, error) {
	if n := utf8.RuneCountInString(password); n > MaxPassword {
		return false, fmt.Errorf("%w: %d characters, Cognito takes at most %d", pwdigest.ErrPasswordTooLong, n, MaxPassword)
	}
	ctx, cancel := context.WithTimeout(ctx, v.cfg.Timeout)
	defer cancel()
	out, err := v.client(region).InitiateAuth(ctx, &cip.InitiateAuthInput{
		AuthFlow:       types.AuthFlowTypeUserPasswordAuth,
		ClientId:       aws.String(clientID),
		AuthParameters: map[string]string{"USERNAME": identifier, "PASSWORD": password},
	})
	if err != nil {
		return classify(err, userPoolID, password)
	}
	if out.AuthenticationResult != nil || out.ChallengeName != "" {
		return true, nil
	}
	return false, remote(ErrRefused, userPoolID, "InitiateAuth answered neither tokens nor a challenge")
}

// classify turns an InitiateAuth error into the package's results.
func classify(err error, pool, password string) (bool, error) {
	var api smithy.APIError
	if !errors.As(err, &api) {
		// No answer from Cognito: the network, the timeout or the context.
		return false, remote(ErrUnreachable, pool, scrub(err.Error(), password))
	}
	code, msg := api.ErrorCode(), scrub(api.ErrorMessage(), password)
	switch code {
	case "NotAuthorizedException":
		lower := strings.ToLower(msg)
		switch {
		case strings.Contains(lower, "attempts exceeded"):
			return false, remote(ErrThrottled, pool, code+": "+msg)
		case strings.Contains(lower, "incorrect username or password"), msg == "", strings.Contains(lower, "not authorized"):
			return false, nil // the wrong password
		}
		return false, remote(ErrRefused, pool, code+": "+msg) // disabled user, flow not enabled, secret needed
	case "InvalidPasswordException":
		// cognito-local's answer to a wrong password (Cognito itself sends
		// it only where a new password breaks the pool's policy).
		return false, nil
	case "UserNotFoundException":
		return false, remote(ErrUserNotFound, pool, code)
	case "TooManyRequestsException", "LimitExceededException", "TooManyFailedAttemptsException":
		return false, remote(ErrThrottled, pool, code)
	case "InternalErrorException", "ServiceUnavailable", "InternalFailure":
		return false, remote(ErrUnreachable, pool, code)
	}
	var re interface{ HTTPStatusCode() int }
	if errors.As(err, &re) && re.HTTPStatusCode() >= 500 {
		return false, remote(ErrUnreachable, pool, code)
	}
	return false, remote(ErrRefused, pool, code+": "+msg)
}

func remote(kind error, pool, detail string) error {
	return fmt.Errorf("pwdigest: awscognito pool %s: %w: %w: %s", pool, pwdigest.ErrRemote, kind, detail)
}

// scrub removes the password from a message that should never hold it
// (an SDK or server error text), to be safe.
func scrub(s, password string) string {
	if password != "" {
		s = strings.ReplaceAll(s, password, "[password]")
	}
	return s
}
