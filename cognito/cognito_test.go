package cognito

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"net"
	"net/http"
	"net/http/httptest"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/aws/aws-sdk-go-v2/aws"
	cip "github.com/aws/aws-sdk-go-v2/service/cognitoidentityprovider"
	"github.com/aws/aws-sdk-go-v2/service/cognitoidentityprovider/types"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/pwdigest/pwdigest"
)

// The emulator: npm cognito-local, pinned by testdata/emulator's
// package-lock.json, started by TestMain on a free loopback port with its
// data in a temporary folder, and killed after the tests.
var (
	emulatorURL  string // "" when it is not running
	emulatorSkip string // why not
)

const installHint = "(cd cognito/testdata/emulator && npm ci --no-audit --no-fund)"

func TestMain(m *testing.M) {
	stop, err := startEmulator()
	if err != nil {
		fmt.Fprintln(os.Stderr, "cognito: emulator:", err)
		os.Exit(1)
	}
	code := m.Run()
	stop()
	os.Exit(code)
}

// startEmulator starts cognito-local, or records why it cannot be run (no
// node, package not installed): then the tests that need it skip. An
// emulator that is installed but does not start is an error.
func startEmulator() (stop func(), err error) {
	stop = func() {}
	node, err := exec.LookPath("node")
	if err != nil {
		emulatorSkip = "node is not installed (Debian: apt-get install nodejs npm), then " + installHint
		return stop, nil
	}
	start, _ := filepath.Abs(filepath.Join("testdata", "emulator", "node_modules", "cognito-local", "lib", "bin", "start.js"))
	if _, err := os.Stat(start); err != nil {
		emulatorSkip = "npm package cognito-local is not installed: run " + installHint
		return stop, nil
	}
	port, err := freePort()
	if err != nil {
		return stop, err
	}
	dir, err := os.MkdirTemp("", "cognito-local-")
	if err != nil {
		return stop, err
	}
	var logs bytes.Buffer
	cmd := exec.Command(node, start)
	cmd.Dir = dir // cognito-local keeps its pools in ./.cognito
	cmd.Env = append(os.Environ(), "HOST=127.0.0.1", "PORT="+strconv.Itoa(port))
	cmd.Stdout, cmd.Stderr = &logs, &logs
	if err := cmd.Start(); err != nil {
		os.RemoveAll(dir)
		return stop, err
	}
	stop = func() {
		_ = cmd.Process.Kill()
		_ = cmd.Wait()
		os.RemoveAll(dir)
	}
	url := "http://127.0.0.1:" + strconv.Itoa(port)
	for deadline := time.Now().Add(30 * time.Second); ; {
		resp, err := http.Post(url, "application/x-amz-json-1.1", strings.NewReader("{}"))
		if err == nil {
			resp.Body.Close()
			break
		}
		if time.Now().After(deadline) {
			stop()
			return func() {}, fmt.Errorf("cognito-local did not answer on %s within 30 s: %v\n%s", url, err, logs.String())
		}
		time.Sleep(100 * time.Millisecond)
	}
	emulatorURL = url
	return stop, nil
}

func freePort() (int, error) {
	l, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		return 0, err
	}
	defer l.Close()
	return l.Addr().(*net.TCPAddr).Port, nil
}

func needEmulator(t *testing.T) {
	t.Helper()
	if emulatorURL == "" {
		t.Skip("cognito-local not available: " + emulatorSkip)
	}
}

// admin is a client for the emulator's admin API (it checks no signature).
func admin() *cip.Client {
	return cip.New(cip.Options{
		Region:       "local",
		BaseEndpoint: aws.String(emulatorURL),
		Credentials: aws.CredentialsProviderFunc(func(context.Context) (aws.Credentials, error) {
			return aws.Credentials{AccessKeyID: "local", SecretAccessKey: "local"}, nil
		}),
	})
}

type pool struct{ id, client string }

// newPool creates a user pool, a public app client allowing
// USER_PASSWORD_AUTH, and users with permanent passwords.
func newPool(t *testing.T, users map[string]string) pool {
	t.Helper()
	ctx := context.Background()
	c := admin()
	p, err := c.CreateUserPool(ctx, &cip.CreateUserPoolInput{PoolName: aws.String("pwdigest-" + t.Name())})
	require.NoError(t, err)
	cl, err := c.CreateUserPoolClient(ctx, &cip.CreateUserPoolClientInput{
		UserPoolId:        p.UserPool.Id,
		ClientName:        aws.String("public"),
		ExplicitAuthFlows: []types.ExplicitAuthFlowsType{types.ExplicitAuthFlowsTypeAllowUserPasswordAuth},
	})
	require.NoError(t, err)
	for name, pw := range users {
		_, err := c.AdminCreateUser(ctx, &cip.AdminCreateUserInput{
			UserPoolId: p.UserPool.Id, Username: aws.String(name), MessageAction: types.MessageActionTypeSuppress,
		})
		require.NoError(t, err)
		_, err = c.AdminSetUserPassword(ctx, &cip.AdminSetUserPasswordInput{
			UserPoolId: p.UserPool.Id, Username: aws.String(name), Password: aws.String(pw), Permanent: true,
		})
		require.NoError(t, err)
	}
	return pool{aws.ToString(p.UserPool.Id), aws.ToString(cl.UserPoolClient.ClientId)}
}

func (p pool) row(user string) string {
	return "awscognito#" + p.id + "#" + p.client + "#" + user
}

func TestEmulator(t *testing.T) {
	needEmulator(t)
	p := newPool(t, map[string]string{
		"alice@example.com": "correct horse battery staple",
		"bob@example.org":   "pässwörd 密码 🔑",
	})
	Enable(Config{Endpoint: emulatorURL, Timeout: 5 * time.Second})
	t.Cleanup(func() { pwdigest.EnableCognito(nil) })

	for _, c := range []struct {
		user, password string
		want           bool
	}{
		{"alice@example.com", "correct horse battery staple", true},
		{"alice@example.com", "correct horse battery stapl", false},
		{"alice@example.com", "", false},
		{"bob@example.org", "pässwörd 密码 🔑", true},
		{"bob@example.org", "passwort", false},
		// cognito-local answers an unknown user as Cognito does with
		// PreventUserExistenceErrors (the default): NotAuthorized.
		{"nobody@example.com", "correct horse battery staple", false},
	} {
		ok, err := pwdigest.Verify("awscognito", p.row(c.user), c.password)
		require.NoError(t, err, "%s", c.user)
		assert.Equal(t, c.want, ok, "%s %q", c.user, c.password)
	}

	// VerifyContext passes the caller's context through.
	ok, err := pwdigest.VerifyContext(context.Background(), "awscognito", p.row("bob@example.org"), "pässwörd 密码 🔑")
	require.NoError(t, err)
	assert.True(t, ok)
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	_, err = pwdigest.VerifyContext(ctx, "awscognito", p.row("bob@example.org"), "pässwörd 密码 🔑")
	assert.ErrorIs(t, err, ErrUnreachable)

	// A match upgrades to bcrypt, as Clerk stores it.
	v := &pwdigest.Verifier{Policy: pwdigest.Policy{Costs: map[*pwdigest.Param]int64{pwdigest.BcryptCost: 4}}}
	ok, up, err := v.VerifyAndUpgrade("awscognito", p.row("alice@example.com"), "correct horse battery staple")
	require.NoError(t, err)
	require.True(t, ok)
	ok, err = pwdigest.Verify("bcrypt", up, "correct horse battery staple")
	require.NoError(t, err)
	assert.True(t, ok, up)
	ok, up, err = v.VerifyAndUpgrade("awscognito", p.row("alice@example.com"), "wrong")
	assert.NoError(t, err)
	assert.False(t, ok)
	assert.Empty(t, up)

	// An app client the emulator does not know is refused, not a mismatch.
	bad := "awscognito#" + p.id + "#nosuchclient123#alice@example.com"
	ok, err = pwdigest.Verify("awscognito", bad, "correct horse battery staple")
	assert.False(t, ok)
	assert.ErrorIs(t, err, pwdigest.ErrRemote)
	assert.NotContains(t, err.Error(), "correct horse")
}

// stub answers every call with one Cognito error, as AWS's JSON protocol
// writes it.
func stub(t *testing.T, status int, code, message string, delay time.Duration) string {
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if delay > 0 {
			select {
			case <-time.After(delay):
			case <-r.Context().Done():
				return
			}
		}
		w.Header().Set("Content-Type", "application/x-amz-json-1.1")
		w.Header().Set("X-Amzn-ErrorType", code)
		w.WriteHeader(status)
		fmt.Fprintf(w, `{"__type":%q,"message":%q}`, code, message)
	}))
	t.Cleanup(srv.Close)
	return srv.URL
}

const secret = "s3cret-Passw0rd-never-echoed"

func TestErrors(t *testing.T) {
	closed, err := freePort()
	require.NoError(t, err)
	for _, c := range []struct {
		name    string
		url     string
		timeout time.Duration
		want    error // nil: (false, nil)
	}{
		{"wrong password", stub(t, 400, "NotAuthorizedException", "Incorrect username or password.", 0), 0, nil},
		{"user not found", stub(t, 400, "UserNotFoundException", "User does not exist.", 0), 0, ErrUserNotFound},
		{"throttled", stub(t, 400, "TooManyRequestsException", "Rate exceeded", 0), 0, ErrThrottled},
		{"attempts exceeded", stub(t, 400, "NotAuthorizedException", "Password attempts exceeded", 0), 0, ErrThrottled},
		{"disabled", stub(t, 400, "NotAuthorizedException", "User is disabled.", 0), 0, ErrRefused},
		{"flow not enabled", stub(t, 400, "InvalidParameterException", "USER_PASSWORD_AUTH flow not enabled for this client", 0), 0, ErrRefused},
		{"reset required", stub(t, 400, "PasswordResetRequiredException", "Password reset required for the user", 0), 0, ErrRefused},
		{"pool gone", stub(t, 400, "ResourceNotFoundException", "User pool client does not exist.", 0), 0, ErrRefused},
		{"server error", stub(t, 500, "InternalErrorException", "oops", 0), 0, ErrUnreachable},
		{"echoing server", stub(t, 400, "InvalidParameterException", "bad password "+secret, 0), 0, ErrRefused},
		{"timeout", stub(t, 400, "NotAuthorizedException", "late", 2*time.Second), 200 * time.Millisecond, ErrUnreachable},
		{"connection refused", "http://127.0.0.1:" + strconv.Itoa(closed), 0, ErrUnreachable},
	} {
		t.Run(c.name, func(t *testing.T) {
			v := New(Config{Endpoint: c.url, Timeout: c.timeout})
			start := time.Now()
			ok, err := v.VerifyCognito(context.Background(), "us-east-1", "us-east-1_AbCdEf123", "1example23456789", "alice", secret)
			assert.False(t, ok)
			if c.want == nil {
				assert.NoError(t, err)
				return
			}
			require.Error(t, err)
			assert.ErrorIs(t, err, c.want)
			assert.ErrorIs(t, err, pwdigest.ErrRemote)
			assert.True(t, strings.HasPrefix(err.Error(), "pwdigest: "), err.Error())
			assert.NotContains(t, err.Error(), secret)
			if c.timeout > 0 {
				assert.Less(t, time.Since(start), 2*time.Second, "the timeout bounds the call")
			}
		})
	}
}

func TestPasswordTooLong(t *testing.T) {
	v := New(Config{Endpoint: "http://127.0.0.1:1"}) // never called
	_, err := v.VerifyCognito(context.Background(), "us-east-1", "us-east-1_AbCdEf123", "1example23456789", "alice", strings.Repeat("é", MaxPassword+1))
	assert.ErrorIs(t, err, pwdigest.ErrPasswordTooLong)
	assert.False(t, errors.Is(err, pwdigest.ErrRemote))
}

func TestHTTPClientFromCaller(t *testing.T) {
	calls := 0
	url := stub(t, 400, "NotAuthorizedException", "Incorrect username or password.", 0)
	hc := &http.Client{Transport: roundTripFunc(func(r *http.Request) (*http.Response, error) {
		calls++
		return http.DefaultTransport.RoundTrip(r)
	})}
	v := New(Config{Endpoint: url, HTTPClient: hc})
	ok, err := v.VerifyCognito(context.Background(), "us-east-1", "us-east-1_AbCdEf123", "1example23456789", "alice", "pw")
	assert.NoError(t, err)
	assert.False(t, ok)
	assert.Equal(t, 1, calls)
}

type roundTripFunc func(*http.Request) (*http.Response, error)

func (f roundTripFunc) RoundTrip(r *http.Request) (*http.Response, error) { return f(r) }
