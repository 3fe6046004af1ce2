package main

import (
	"bufio"
	"bytes"
	"encoding/base64"
	"encoding/csv"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"os"
	"strconv"
	"strings"
)

// ---------------------------------------------------------------- JSON

// jsonElements yields the objects of an export: the elements of a JSON
// array, of the array under key in a top-level object ({"users": [...]}),
// or the lines of JSON Lines. Other top-level keys are skipped.
type jsonElements struct {
	dec   *json.Decoder
	lines *lineCounter
	jsonl *jsonlSource // its readLine: a line over maxRecord is skipped
	line  int
	state int // 0: not started, 1: in the array, 2: done
	key   string
}

func newJSONElements(br *bufio.Reader, format, key string) *jsonElements {
	if format == "jsonl" {
		return &jsonElements{jsonl: &jsonlSource{r: br}}
	}
	lc := &lineCounter{r: br}
	return &jsonElements{dec: json.NewDecoder(lc), lines: lc, key: key}
}

// next returns the next object's text and its line, or io.EOF. A JSON
// Lines line too long to be a user comes back empty.
func (j *jsonElements) next() (json.RawMessage, int, error) {
	if j.jsonl != nil {
		for {
			line, tooLong, err := j.jsonl.readLine()
			if err != nil && err != io.EOF {
				return nil, 0, err
			}
			if line != nil || tooLong {
				j.line++
				if tooLong {
					return json.RawMessage{}, j.line, nil
				}
				if j.line == 1 {
					line = bytes.TrimPrefix(line, utf8BOM)
				}
				if t := bytes.TrimSpace(line); len(t) > 0 {
					return json.RawMessage(bytes.Clone(t)), j.line, nil
				}
			}
			if err == io.EOF {
				return nil, 0, io.EOF
			}
		}
	}
	if j.state == 2 {
		return nil, 0, io.EOF
	}
	if j.state == 0 {
		if err := j.start(); err != nil {
			j.state = 2
			return nil, 0, err
		}
		j.state = 1
	}
	if !j.dec.More() {
		j.state = 2
		if _, err := j.dec.Token(); err != nil { // "]"
			return nil, 0, j.syntax(err)
		}
		return nil, 0, io.EOF // what follows the array is not read
	}
	var raw json.RawMessage
	if err := j.dec.Decode(&raw); err != nil {
		j.state = 2
		return nil, 0, j.syntax(err)
	}
	return raw, j.lines.lineAt(j.dec.InputOffset() - int64(len(raw))), nil
}

// start reads up to the first element of the array.
func (j *jsonElements) start() error {
	tok, err := j.dec.Token()
	if err != nil {
		return j.syntax(err)
	}
	switch tok {
	case json.Delim('['):
		return nil
	case json.Delim('{'):
	default:
		return fmt.Errorf("line 1: want a JSON object or array, found %s", describeToken(tok))
	}
	if j.key == "" {
		return errors.New(`want a JSON array (or JSON Lines), found an object`)
	}
	for j.dec.More() {
		tok, err := j.dec.Token()
		if err != nil {
			return j.syntax(err)
		}
		if tok == j.key {
			tok, err := j.dec.Token()
			if err != nil {
				return j.syntax(err)
			}
			if tok != json.Delim('[') {
				return fmt.Errorf("%q is not an array", j.key)
			}
			return nil
		}
		var skip json.RawMessage
		if err := j.dec.Decode(&skip); err != nil {
			return j.syntax(err)
		}
	}
	return fmt.Errorf("no %q array in the JSON object", j.key)
}

func (j *jsonElements) syntax(err error) error {
	if err == io.EOF {
		return io.ErrUnexpectedEOF
	}
	var se *json.SyntaxError
	if errors.As(err, &se) {
		return fmt.Errorf("line %d: %v", j.lines.lineAt(se.Offset), err)
	}
	return err
}

// jsonUsers adapts jsonElements to a userReader with a per-object convert.
type jsonUsers struct {
	el   *jsonElements
	conv func(raw json.RawMessage, u *user) bool // false: not a user, skip silently
}

func (r *jsonUsers) next() (*user, error) {
	for {
		raw, line, err := r.el.next()
		if err != nil {
			return nil, err
		}
		u := &user{line: line}
		switch {
		case len(raw) == 0:
			u.skip = errRecordTooLong.Error()
			return u, nil
		case raw[0] != '{':
			u.skip = "not a JSON object"
			return u, nil
		}
		if r.conv(raw, u) {
			return u, nil
		}
	}
}

// jsonField decodes a field that may be a string or a number into text.
type jsonText string

func (t *jsonText) UnmarshalJSON(b []byte) error {
	if len(b) > 0 && b[0] == '"' {
		var s string
		if err := json.Unmarshal(b, &s); err != nil {
			return err
		}
		*t = jsonText(s)
		return nil
	}
	if string(b) == "null" {
		return nil
	}
	*t = jsonText(b)
	return nil
}

// ---------------------------------------------------------------- CSV

// csvTable reads a CSV with a header, giving fields by name.
type csvTable struct {
	r    *csv.Reader
	cols map[string]int // lower-case name -> index
}

func newCSVTable(r io.Reader) (*csvTable, error) {
	t := &csvTable{r: csv.NewReader(r), cols: map[string]int{}}
	t.r.FieldsPerRecord = -1
	t.r.LazyQuotes = false
	header, err := t.r.Read()
	if err == io.EOF {
		return t, nil // no users
	}
	if err != nil {
		return nil, err
	}
	for i, h := range header {
		if i == 0 {
			h = strings.TrimPrefix(h, string(utf8BOM))
		}
		t.cols[strings.ToLower(strings.TrimSpace(h))] = i
	}
	return t, nil
}

// col is the index of the first present name, or -1.
func (t *csvTable) col(names ...string) int {
	for _, n := range names {
		if i, ok := t.cols[n]; ok {
			return i
		}
	}
	return -1
}

func (t *csvTable) header() string {
	names := make([]string, len(t.cols))
	for n, i := range t.cols {
		if i < len(names) {
			names[i] = n
		}
	}
	return strings.Join(names, ", ")
}

// csvUsers reads users from a table with id, email and password columns.
type csvUsers struct {
	t                   *csvTable
	id, email, password int
	conv                func(u *user, password string)
}

func newCSVUsers(r io.Reader, ids, emails, passwords []string, conv func(*user, string)) (*csvUsers, error) {
	t, err := newCSVTable(r)
	if err != nil {
		return nil, err
	}
	c := &csvUsers{t: t, conv: conv, id: t.col(ids...), email: t.col(emails...), password: t.col(passwords...)}
	if len(t.cols) > 0 && c.password < 0 {
		return nil, fmt.Errorf("the CSV header has no %s column (it has: %s)", strings.Join(passwords, " or "), t.header())
	}
	return c, nil
}

func (c *csvUsers) next() (*user, error) {
	if len(c.t.cols) == 0 {
		return nil, io.EOF
	}
	rec, err := c.t.r.Read()
	if err != nil {
		var pe *csv.ParseError
		if errors.As(err, &pe) {
			return &user{line: pe.StartLine, skip: "bad CSV: " + pe.Err.Error()}, nil
		}
		return nil, err
	}
	line, _ := c.t.r.FieldPos(0)
	u := &user{line: line}
	get := func(i int) string {
		if i >= 0 && i < len(rec) {
			return rec[i]
		}
		return ""
	}
	u.id, u.email = get(c.id), get(c.email)
	if c.password >= len(rec) {
		u.skip = fmt.Sprintf("bad CSV: %d fields, the header has %d", len(rec), len(c.t.cols))
		return u, nil
	}
	c.conv(u, get(c.password))
	return u, nil
}

// noPassword marks u as a user without a password.
func noPassword(u *user, what string) {
	u.skip, u.noPassword = "no password ("+what+")", true
}

// ---------------------------------------------------------------- Firebase

// firebaseParams are a project's password hash parameters.
type firebaseParams struct {
	signerKey, saltSeparator string
	rounds, memCost          int
}

// load reads the console's block when path is set, then checks the
// parameters. A flag given too must agree with the file.
//
//	hash_config {
//	  algorithm: SCRYPT,
//	  base64_signer_key: jxspr8Ki0RYycVU8zykbdLGjFQ3McFUH0uiiTvC8pVMXAn210wjLNmdZJzxUECKbm0QsEmYUSDzZvpjeJ9WmXA==,
//	  base64_salt_separator: Bw==,
//	  rounds: 8,
//	  mem_cost: 14,
//	}
func (p *firebaseParams) load(path string) error {
	if path != "" {
		b, err := os.ReadFile(path)
		if err != nil {
			return fmt.Errorf("--hash-config: %v", err)
		}
		var f firebaseParams
		seen := map[string]bool{}
		for _, line := range strings.Split(string(b), "\n") {
			line = strings.TrimSpace(strings.TrimSuffix(strings.TrimSpace(line), ","))
			k, v, ok := strings.Cut(line, ":")
			if !ok {
				continue // "hash_config {", "}"
			}
			k, v = strings.TrimSpace(k), strings.Trim(strings.TrimSpace(v), `"`)
			seen[k] = true
			var err error
			switch k {
			case "algorithm":
				if v != "SCRYPT" {
					return fmt.Errorf("--hash-config: algorithm %s: only SCRYPT (Firebase's modified scrypt) is read; users imported with other algorithms keep them in their own export", v)
				}
			case "base64_signer_key":
				f.signerKey = v
			case "base64_salt_separator":
				f.saltSeparator = v
			case "rounds":
				f.rounds, err = strconv.Atoi(v)
			case "mem_cost":
				f.memCost, err = strconv.Atoi(v)
			}
			if err != nil {
				return fmt.Errorf("--hash-config: %s: %q is not a number", k, v)
			}
		}
		for _, k := range []string{"base64_signer_key", "rounds", "mem_cost"} {
			if !seen[k] {
				return fmt.Errorf("--hash-config: %s has no %s", path, k)
			}
		}
		merge := func(flag string, v *string, file string) error {
			if *v != "" && *v != file {
				return fmt.Errorf("--%s differs from --hash-config's", flag)
			}
			*v = file
			return nil
		}
		mergeInt := func(flag string, v *int, file int) error {
			if *v != 0 && *v != file {
				return fmt.Errorf("--%s differs from --hash-config's", flag)
			}
			*v = file
			return nil
		}
		if err := errors.Join(merge("signer-key", &p.signerKey, f.signerKey),
			merge("salt-separator", &p.saltSeparator, f.saltSeparator),
			mergeInt("rounds", &p.rounds, f.rounds), mergeInt("mem-cost", &p.memCost, f.memCost)); err != nil {
			return err
		}
	}
	switch {
	case p.signerKey == "":
		return errors.New("--from firebase needs the project's hash parameters: --hash-config FILE (the console's hash_config block) or --signer-key, --salt-separator, --rounds and --mem-cost")
	case !isBase64(p.signerKey):
		return errors.New("the signer key is not base64")
	case p.saltSeparator != "" && !isBase64(p.saltSeparator):
		return errors.New("the salt separator is not base64")
	case p.rounds < 1 || p.rounds > 8:
		return fmt.Errorf("rounds %d, want 1..8 (Firebase's range)", p.rounds)
	case p.memCost < 1 || p.memCost > 14:
		return fmt.Errorf("mem_cost %d, want 1..14 (Firebase's range)", p.memCost)
	}
	return nil
}

func isBase64(s string) bool {
	_, err := base64.StdEncoding.DecodeString(s)
	if err != nil {
		_, err = base64.URLEncoding.DecodeString(s)
	}
	return err == nil
}

// digest writes scrypt_firebase's "<hash>$<salt>$<signer key>$<salt
// separator>$<rounds>$<mem cost>".
func (p *firebaseParams) digest(hash, salt string) string {
	return hash + "$" + salt + "$" + p.signerKey + "$" + p.saltSeparator + "$" +
		strconv.Itoa(p.rounds) + "$" + strconv.Itoa(p.memCost)
}

func (p *firebaseParams) convert(u *user, hash, salt string) {
	switch {
	case hash == "":
		noPassword(u, "no passwordHash: a sign-in with a provider, a link or a phone")
	case salt == "":
		u.skip = "a passwordHash without a salt"
	case !isBase64(hash) || !isBase64(salt):
		u.skip = "passwordHash or salt is not base64"
	default:
		u.hasher, u.digest = "scrypt_firebase", p.digest(hash, salt)
	}
}

func openFirebase(in *input, o *convertOptions) (userReader, error) {
	format, br, err := inputFormat(in, o, true)
	if err != nil {
		return nil, err
	}
	p := &o.firebase
	if format == "csv" {
		return newFirebaseCSV(br, p), nil
	}
	return &jsonUsers{el: newJSONElements(br, format, "users"), conv: func(raw json.RawMessage, u *user) bool {
		var v struct {
			LocalID      jsonText `json:"localId"`
			Email        string   `json:"email"`
			PasswordHash string   `json:"passwordHash"`
			Salt         string   `json:"salt"`
		}
		if err := json.Unmarshal(raw, &v); err != nil {
			u.skip = "bad user object: " + err.Error()
			return true
		}
		u.id, u.email = string(v.LocalID), v.Email
		p.convert(u, v.PasswordHash, v.Salt)
		return true
	}}, nil
}

// firebaseCSV reads auth:export's CSV: no header, the columns in a fixed
// order (UID, Email, Email Verified, Password Hash, Password Salt, Name,
// ...), per firebase.google.com/docs/cli/auth#file_format.
type firebaseCSV struct {
	r     *csv.Reader
	p     *firebaseParams
	first bool
}

func newFirebaseCSV(r io.Reader, p *firebaseParams) *firebaseCSV {
	c := &firebaseCSV{r: csv.NewReader(r), p: p, first: true}
	c.r.FieldsPerRecord = -1
	return c
}

func (c *firebaseCSV) next() (*user, error) {
	for {
		rec, err := c.r.Read()
		if err != nil {
			var pe *csv.ParseError
			if errors.As(err, &pe) {
				return &user{line: pe.StartLine, skip: "bad CSV: " + pe.Err.Error()}, nil
			}
			return nil, err
		}
		line, _ := c.r.FieldPos(0)
		first := c.first
		c.first = false
		if first && len(rec) > 3 && strings.EqualFold(strings.TrimPrefix(rec[0], string(utf8BOM)), "UID") {
			continue // a header someone added
		}
		u := &user{line: line}
		if len(rec) < 5 {
			u.skip = fmt.Sprintf("bad CSV: %d fields, auth:export writes at least 5 (UID, Email, Email Verified, Password Hash, Password Salt)", len(rec))
			return u, nil
		}
		u.id, u.email = rec[0], rec[1]
		c.p.convert(u, rec[3], rec[4])
		return u, nil
	}
}

// ---------------------------------------------------------------- Keycloak

func openKeycloak(in *input, o *convertOptions) (userReader, error) {
	format, br, err := inputFormat(in, o, true)
	if err != nil {
		return nil, err
	}
	if format == "csv" {
		return nil, errors.New("a Keycloak export is JSON (kc.sh export --file, or realm-users-N.json)")
	}
	return &jsonUsers{el: newJSONElements(br, format, "users"), conv: convertKeycloakUser}, nil
}

// keycloakCredential is a CredentialRepresentation: Keycloak 11+ writes
// secretData and credentialData as JSON strings; earlier versions wrote
// the fields on the credential itself.
type keycloakCredential struct {
	Type           string `json:"type"`
	SecretData     string `json:"secretData"`
	CredentialData string `json:"credentialData"`
	// Keycloak before 11.
	HashedSaltedValue string `json:"hashedSaltedValue"`
	Salt              string `json:"salt"`
	HashIterations    int    `json:"hashIterations"`
	Algorithm         string `json:"algorithm"`
}

type keycloakSecret struct {
	Value string `json:"value"`
	Salt  string `json:"salt"`
}

type keycloakCredData struct {
	HashIterations int                 `json:"hashIterations"`
	Algorithm      string              `json:"algorithm"`
	Params         map[string][]string `json:"additionalParameters"`
}

func convertKeycloakUser(raw json.RawMessage, u *user) bool {
	var v struct {
		ID          string               `json:"id"`
		Username    string               `json:"username"`
		Email       string               `json:"email"`
		Credentials []keycloakCredential `json:"credentials"`
	}
	if err := json.Unmarshal(raw, &v); err != nil {
		u.skip = "bad user object: " + err.Error()
		return true
	}
	u.id, u.email = v.ID, v.Email
	if u.id == "" {
		u.id = v.Username
	}
	var cred *keycloakCredential
	for i := range v.Credentials {
		if v.Credentials[i].Type == "password" {
			cred = &v.Credentials[i]
			break
		}
	}
	if cred == nil {
		noPassword(u, "no password credential")
		return true
	}
	var secret keycloakSecret
	var data keycloakCredData
	if cred.SecretData != "" || cred.CredentialData != "" {
		if err := json.Unmarshal([]byte(cred.SecretData), &secret); err != nil {
			u.skip = "bad secretData: " + err.Error()
			return true
		}
		if err := json.Unmarshal([]byte(cred.CredentialData), &data); err != nil {
			u.skip = "bad credentialData: " + err.Error()
			return true
		}
	} else {
		secret = keycloakSecret{Value: cred.HashedSaltedValue, Salt: cred.Salt}
		data = keycloakCredData{HashIterations: cred.HashIterations, Algorithm: cred.Algorithm}
	}
	u.hasher, u.digest, u.skip = keycloakDigest(&secret, &data)
	return true
}

// keycloakDigest turns a password credential into one of our digests.
// Keycloak's PBKDF2 salts are random bytes, written in base64; its hash
// is as long as the derived key (512 bits by default).
func keycloakDigest(s *keycloakSecret, d *keycloakCredData) (hasher, digest, skip string) {
	if s.Value == "" {
		return "", "", "the password credential has no value"
	}
	iter := strconv.Itoa(d.HashIterations)
	b64 := func(what, v string) ([]byte, string) {
		b, err := base64.StdEncoding.DecodeString(v)
		if err != nil {
			return nil, what + " is not base64"
		}
		return b, ""
	}
	switch d.Algorithm {
	case "pbkdf2-sha256":
		// pbkdf2_sha256 is Keycloak's own layout: the salt and hash as
		// they are in the export.
		if _, bad := b64("salt", s.Salt); bad != "" {
			return "", "", bad
		}
		if _, bad := b64("value", s.Value); bad != "" {
			return "", "", bad
		}
		return "pbkdf2_sha256", "pbkdf2_sha256$" + iter + "$" + s.Salt + "$" + s.Value, ""
	case "pbkdf2-sha512", "pbkdf2":
		salt, bad := b64("salt", s.Salt)
		if bad != "" {
			return "", "", bad
		}
		hash, bad := b64("value", s.Value)
		if bad != "" {
			return "", "", bad
		}
		hs, hh := hex.EncodeToString(salt), hex.EncodeToString(hash)
		if d.Algorithm == "pbkdf2-sha512" {
			return "pbkdf2_sha512_hex", "pbkdf2_sha512_hex$" + iter + "$" + hs + "$" + hh, ""
		}
		// pbkdf2_sha1's form with a hex salt and the key length.
		return "pbkdf2_sha1", "pbkdf2_sha1$" + iter + "$" + hs + "$" + hh + "$" + strconv.Itoa(len(hash)), ""
	case "argon2":
		return keycloakArgon2(s, d)
	case "bcrypt":
		// The keycloak-bcrypt extension stores the whole bcrypt string.
		if !strings.HasPrefix(s.Value, "$2") {
			return "", "", "a bcrypt credential whose value is not a bcrypt digest"
		}
		return "bcrypt", s.Value, ""
	case "":
		return "", "", "the password credential names no algorithm"
	}
	return "", "", fmt.Sprintf("algorithm %q has no hasher here", d.Algorithm)
}

// keycloakArgon2 writes the PHC string of Keycloak's argon2 credential:
// additionalParameters type (id, i, d), version (1.3, 1.0), memory (KiB),
// parallelism, hashLength; hashIterations is t; the salt and hash base64.
func keycloakArgon2(s *keycloakSecret, d *keycloakCredData) (string, string, string) {
	first := func(k, def string) string {
		if v := d.Params[k]; len(v) > 0 {
			return v[0]
		}
		return def
	}
	// Keycloak's defaults, used when a parameter is missing.
	typ, version := first("type", "id"), first("version", "1.3")
	memory, par := first("memory", "7168"), first("parallelism", "1")
	var name string
	switch typ {
	case "id", "i", "d":
		name = "argon2" + typ
	default:
		return "", "", fmt.Sprintf("argon2 type %q", typ)
	}
	var v string
	switch version {
	case "1.3":
		v = "19"
	case "1.0":
		v = "16"
	default:
		return "", "", fmt.Sprintf("argon2 version %q", version)
	}
	for _, n := range []string{memory, par} {
		if _, err := strconv.ParseUint(n, 10, 32); err != nil {
			return "", "", fmt.Sprintf("argon2 parameter %q is not a number", n)
		}
	}
	salt, err := base64.StdEncoding.DecodeString(s.Salt)
	if err != nil {
		return "", "", "salt is not base64"
	}
	hash, err := base64.StdEncoding.DecodeString(s.Value)
	if err != nil {
		return "", "", "value is not base64"
	}
	raw := base64.RawStdEncoding.EncodeToString
	return name, fmt.Sprintf("$%s$v=%s$m=%s,t=%d,p=%s$%s$%s", name, v, memory, d.HashIterations, par, raw(salt), raw(hash)), ""
}

// ---------------------------------------------------------------- Django

func openDjango(in *input, o *convertOptions) (userReader, error) {
	format, br, err := inputFormat(in, o, false)
	if err != nil {
		return nil, err
	}
	if format == "csv" {
		return newCSVUsers(br, []string{"id"}, []string{"email"}, []string{"password"}, djangoConvert)
	}
	return &jsonUsers{el: newJSONElements(br, format, ""), conv: func(raw json.RawMessage, u *user) bool {
		var v struct {
			Model  string   `json:"model"`
			PK     jsonText `json:"pk"`
			Fields struct {
				Username string  `json:"username"`
				Email    string  `json:"email"`
				Password *string `json:"password"`
			} `json:"fields"`
		}
		if err := json.Unmarshal(raw, &v); err != nil {
			u.skip = "bad object: " + err.Error()
			return true
		}
		if v.Fields.Password == nil {
			return false // another model of a fuller dumpdata
		}
		u.id, u.email = string(v.PK), v.Fields.Email
		if u.id == "" {
			u.id = v.Fields.Username
		}
		djangoConvert(u, *v.Fields.Password)
		return true
	}}, nil
}

// djangoHashers maps the algorithm prefix of Django's password field
// (django.contrib.auth.hashers) to our hasher; the digest is the field.
var djangoHashers = map[string]string{
	"pbkdf2_sha256": "pbkdf2_sha256_django",
	"pbkdf2_sha1":   "pbkdf2_sha1", // its base64 20-byte hash is Django's
	"argon2":        "argon2_django",
	"bcrypt_sha256": "bcrypt_sha256_django",
	"bcrypt":        "bcrypt_django",
	"scrypt":        "scrypt_django",
	"sha1":          "sha1_django", // also UnsaltedSHA1's "sha1$$<hex>"
	"md5":           "md5_django",  // also UnsaltedMD5's "md5$$<hex>"
	"crypt":         "des_crypt",   // CryptPasswordHasher's "crypt$$<crypt>"
}

func djangoConvert(u *user, pw string) {
	switch {
	case pw == "":
		noPassword(u, "an empty password field")
		return
	case strings.HasPrefix(pw, "!"):
		// make_password(None) and set_unusable_password(): "!" and 40
		// random characters, which no password matches.
		noPassword(u, "an unusable password, set by set_unusable_password()")
		return
	}
	if isLowerHex(pw, 32) {
		u.hasher, u.digest = "md5", pw // UnsaltedMD5PasswordHasher: the bare hex
		return
	}
	algo, _, ok := strings.Cut(pw, "$")
	if !ok {
		u.skip = "the password field has no algorithm prefix"
		return
	}
	h, ok := djangoHashers[algo]
	if !ok {
		u.skip = fmt.Sprintf("Django algorithm %q has no hasher here", clean(algo, 40))
		return
	}
	u.hasher, u.digest = h, pw
}

func isLowerHex(s string, n int) bool {
	if len(s) != n {
		return false
	}
	for i := 0; i < len(s); i++ {
		if c := s[i]; (c < '0' || c > '9') && (c < 'a' || c > 'f') {
			return false
		}
	}
	return true
}

// ---------------------------------------------------------------- WordPress

func openWordPress(in *input, o *convertOptions) (userReader, error) {
	format, br, err := inputFormat(in, o, false)
	if err != nil {
		return nil, err
	}
	if format != "csv" {
		return nil, errors.New("want a CSV of wp_users (or --dsn to read the table)")
	}
	return newCSVUsers(br, []string{"id"}, []string{"user_email"}, []string{"user_pass"}, wordpressConvert)
}

// wordpressConvert reads user_pass: "$wp$" WordPress 6.8+, "$P$" phpass
// (WordPress before 6.8), a bcrypt digest (plugins that call
// password_hash), or the hex md5 of WordPress before 2.5, which
// wp_check_password still accepts.
func wordpressConvert(u *user, pw string) {
	switch {
	case pw == "":
		noPassword(u, "an empty user_pass")
	case strings.HasPrefix(pw, "$wp$"):
		u.hasher, u.digest = "bcrypt_sha384_wordpress", pw
	case strings.HasPrefix(pw, "$P$"), strings.HasPrefix(pw, "$H$"):
		u.hasher, u.digest = "phpass", pw
	case strings.HasPrefix(pw, "$2y$"), strings.HasPrefix(pw, "$2a$"), strings.HasPrefix(pw, "$2b$"):
		u.hasher, u.digest = "bcrypt", pw
	case len(pw) == 32 && isLowerHex(strings.ToLower(pw), 32):
		u.hasher, u.digest = "md5", strings.ToLower(pw)
	default:
		u.skip = "user_pass is none of $wp$, $P$, bcrypt or md5"
	}
}

// ---------------------------------------------------------------- Supabase

func openSupabase(in *input, o *convertOptions) (userReader, error) {
	format, br, err := inputFormat(in, o, false)
	if err != nil {
		return nil, err
	}
	if format != "csv" {
		return nil, errors.New("want a CSV of auth.users (or --dsn to read the table)")
	}
	return newCSVUsers(br, []string{"id"}, []string{"email"}, []string{"encrypted_password"}, supabaseConvert)
}

// supabaseConvert reads encrypted_password: Supabase Auth (GoTrue) stores
// bcrypt; it is empty for users who sign in with a provider, a magic link
// or a phone.
func supabaseConvert(u *user, pw string) {
	switch {
	case pw == "":
		noPassword(u, "an empty encrypted_password: a provider, magic link or phone sign-in")
	case strings.HasPrefix(pw, "$2a$"), strings.HasPrefix(pw, "$2b$"), strings.HasPrefix(pw, "$2y$"):
		u.hasher, u.digest = "bcrypt", pw
	case strings.HasPrefix(pw, "$argon2"):
		// Supabase Auth verifies argon2 digests of users it imported.
		u.hasher, u.digest = strings.SplitN(pw[1:], "$", 2)[0], pw
	default:
		u.skip = "encrypted_password is not a bcrypt digest"
	}
}

// ---------------------------------------------------------------- Auth0

func openAuth0(in *input, o *convertOptions) (userReader, error) {
	format, br, err := inputFormat(in, o, false)
	if err != nil {
		return nil, err
	}
	if format == "csv" {
		return nil, errors.New("want Auth0's JSON: the password export (JSON Lines) or a bulk-import array")
	}
	return &jsonUsers{el: newJSONElements(br, format, ""), conv: convertAuth0User}, nil
}

// convertAuth0User reads a user of Auth0's password export (one object a
// line: _id.$oid, email, passwordHash) or of the bulk user import schema
// (user_id, email, password_hash or custom_password_hash).
func convertAuth0User(raw json.RawMessage, u *user) bool {
	var v struct {
		UserID jsonText `json:"user_id"`
		OID    struct {
			OID string `json:"$oid"`
		} `json:"_id"`
		Email              string          `json:"email"`
		PasswordHash       string          `json:"password_hash"`
		PasswordHashExport string          `json:"passwordHash"`
		Custom             json.RawMessage `json:"custom_password_hash"`
	}
	if err := json.Unmarshal(raw, &v); err != nil {
		u.skip = "bad user object: " + err.Error()
		return true
	}
	u.id, u.email = string(v.UserID), v.Email
	if u.id == "" {
		u.id = v.OID.OID
	}
	hash := v.PasswordHash
	if hash == "" {
		hash = v.PasswordHashExport
	}
	custom := len(v.Custom) > 0 && string(v.Custom) != "null"
	switch {
	case hash != "" && custom:
		u.skip = "both password_hash and custom_password_hash"
	case hash != "":
		if !strings.HasPrefix(hash, "$2a$") && !strings.HasPrefix(hash, "$2b$") && !strings.HasPrefix(hash, "$2y$") {
			u.skip = "the password hash is not bcrypt, the only kind Auth0 keeps in it"
			return true
		}
		u.hasher, u.digest = "bcrypt", hash
	case custom:
		if v.Custom[0] != '{' {
			u.skip = "custom_password_hash is not an object"
			return true
		}
		var b bytes.Buffer
		json.Compact(&b, v.Custom) // valid: Unmarshal read it
		u.hasher, u.digest = "auth0_custom_password_hash", b.String()
	default:
		noPassword(u, "no password_hash or passwordHash: a social or passwordless user")
	}
	return true
}
