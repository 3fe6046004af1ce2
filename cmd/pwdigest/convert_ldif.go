package main

import (
	"bufio"
	"bytes"
	"encoding/base64"
	"fmt"
	"io"
	"strings"
	"unicode/utf8"
)

// LDIF (RFC 2849), as slapcat and ldapsearch write it: entries separated
// by blank lines, "attr: value" or "attr:: base64", a line starting with
// one space continuing the one before, "#" comments.

func openLDIF(in *input, _ *convertOptions) (userReader, error) {
	return &ldifUsers{r: bufio.NewReaderSize(in.r, 64<<10)}, nil
}

type ldifUsers struct {
	r    *bufio.Reader
	line int
	// pending is a line read ahead to see whether the next continues it.
	pending    []byte
	hasPending bool
	eof        bool
}

type ldifAttr struct {
	name  string // lower case, options cut ("userpassword")
	value []byte
	line  int
}

// readLine returns the next physical line without its line ending.
func (l *ldifUsers) readLine() ([]byte, bool) {
	if l.hasPending {
		l.hasPending = false
		return l.pending, true
	}
	if l.eof {
		return nil, false
	}
	b, err := l.r.ReadBytes('\n')
	if err != nil {
		l.eof = true
		if len(b) == 0 {
			return nil, false
		}
	}
	l.line++
	if l.line == 1 {
		b = bytes.TrimPrefix(b, utf8BOM)
	}
	b = bytes.TrimSuffix(b, []byte("\n"))
	b = bytes.TrimSuffix(b, []byte("\r"))
	return append([]byte(nil), b...), true
}

// logical returns the next unfolded line and its first line number.
func (l *ldifUsers) logical() ([]byte, int, bool) {
	b, ok := l.readLine()
	if !ok {
		return nil, 0, false
	}
	start := l.line
	for {
		next, ok := l.readLine()
		if !ok {
			return b, start, true
		}
		if len(next) > 0 && next[0] == ' ' {
			b = append(b, next[1:]...)
			continue
		}
		l.pending, l.hasPending = next, true
		return b, start, true
	}
}

// entry reads the next entry's attributes; io.EOF at the end.
func (l *ldifUsers) entry() ([]ldifAttr, error) {
	var attrs []ldifAttr
	for {
		b, line, ok := l.logical()
		if !ok {
			if len(attrs) == 0 {
				return nil, io.EOF
			}
			return attrs, nil
		}
		if len(b) == 0 {
			if len(attrs) == 0 {
				continue
			}
			return attrs, nil
		}
		if b[0] == '#' {
			continue
		}
		i := bytes.IndexByte(b, ':')
		if i <= 0 {
			return nil, fmt.Errorf("line %d: not an LDIF line (want \"attribute: value\")", line)
		}
		name := strings.ToLower(string(b[:i]))
		if j := strings.IndexByte(name, ';'); j >= 0 {
			name = name[:j] // userPassword;binary
		}
		if len(attrs) == 0 && name == "version" {
			continue
		}
		rest := b[i+1:]
		var value []byte
		switch {
		case len(rest) > 0 && rest[0] == ':':
			v, err := base64.StdEncoding.DecodeString(string(bytes.TrimSpace(rest[1:])))
			if err != nil {
				return nil, fmt.Errorf("line %d: %s:: is not base64", line, name)
			}
			value = v
		case len(rest) > 0 && rest[0] == '<':
			value = nil // a URL: not read
			name = "<url>" + name
		default:
			value = bytes.TrimLeft(rest, " ")
		}
		attrs = append(attrs, ldifAttr{name: name, value: value, line: line})
	}
}

// ldapSchemes maps a userPassword {SCHEME} to our hasher; the digest is the
// whole value, scheme included.
var ldapSchemes = map[string]string{
	"SSHA":          "ldap_ssha",
	"SSHA256":       "ldap_ssha256",
	"SSHA512":       "ldap_ssha512",
	"SMD5":          "ldap_smd5",
	"SHA":           "ldap_sha",
	"MD5":           "ldap_md5",
	"CRYPT":         "ldap_crypt",
	"PBKDF2":        "ldap_pbkdf2_sha1",
	"PBKDF2-SHA1":   "ldap_pbkdf2_sha1",
	"PBKDF2-SHA256": "ldap_pbkdf2_sha256",
	"PBKDF2-SHA512": "ldap_pbkdf2_sha512",
	"PKCS5S2":       "atlassian_pbkdf2_sha1", // Atlassian Crowd's directory
}

// ldapsearchTrailer are the first attributes of the records ldapsearch
// writes after the entries when not given -LLL.
var ldapsearchTrailer = map[string]bool{"search": true, "result": true, "ref": true, "matcheddn": true, "text": true}

// userClasses are the object classes of entries that are accounts: such an
// entry without a userPassword is reported, other entries (ou, groups)
// are not users.
var userClasses = map[string]bool{
	"person": true, "organizationalperson": true, "inetorgperson": true,
	"posixaccount": true, "shadowaccount": true, "account": true,
}

func (l *ldifUsers) next() (*user, error) {
	for {
		attrs, err := l.entry()
		if err != nil {
			return nil, err
		}
		u := &user{line: attrs[0].line}
		var (
			passwords [][]byte
			isUser    bool
		)
		for _, a := range attrs {
			switch a.name {
			case "dn":
				u.id = string(a.value)
			case "mail":
				if u.email == "" {
					u.email = string(a.value)
				}
			case "objectclass":
				isUser = isUser || userClasses[strings.ToLower(string(a.value))]
			case "userpassword":
				passwords = append(passwords, a.value)
			case "<url>userpassword":
				u.skip = "userPassword is given by a URL (:<), which is not read"
				return u, nil
			}
		}
		if attrs[0].name != "dn" {
			if ldapsearchTrailer[attrs[0].name] {
				continue // ldapsearch -L's "search: 2", "result: 0 Success"
			}
			return nil, fmt.Errorf("line %d: an entry must start with its dn", attrs[0].line)
		}
		if len(passwords) == 0 {
			if !isUser {
				continue
			}
			noPassword(u, "no userPassword")
			return u, nil
		}
		ldapConvert(u, passwords[0])
		return u, nil
	}
}

func ldapConvert(u *user, v []byte) {
	if !utf8.Valid(v) {
		u.skip = "userPassword is not text"
		return
	}
	s := string(v)
	end := strings.IndexByte(s, '}')
	if !strings.HasPrefix(s, "{") || end < 0 {
		// Never shown: a value without a scheme is the password itself.
		u.skip = "userPassword has no {SCHEME}: a cleartext password (not shown, not converted)"
		return
	}
	scheme := strings.ToUpper(s[1:end])
	switch {
	case scheme == "ARGON2":
		// OpenLDAP's argon2 module: "{ARGON2}" + a PHC string.
		phc := s[end+1:]
		for _, t := range []string{"argon2id", "argon2i", "argon2d"} {
			if strings.HasPrefix(phc, "$"+t+"$") {
				u.hasher, u.digest = t, phc
				return
			}
		}
		u.skip = "{ARGON2} without an argon2 PHC string"
	case scheme == "CLEARTEXT":
		u.skip = "userPassword is {CLEARTEXT} (not shown, not converted)"
	case ldapSchemes[scheme] != "":
		u.hasher, u.digest = ldapSchemes[scheme], s
	default:
		u.skip = fmt.Sprintf("userPassword scheme {%s} has no hasher here", clean(scheme, 30))
	}
}
