package pwdigest

import "encoding/base64"

// atlassian_pbkdf2_sha1: Atlassian's (Jira, Confluence, Crowd, Bitbucket)
// "{PKCS5S2}" + base64(salt‖key): a 16-byte salt, then the 32-byte
// PBKDF2-HMAC-SHA1 key of the UTF-8 password with 10000 iterations, fixed by
// the format, so NeedsRehash is true under any policy asking for more
// SHA-1 iterations (the default asks 1,300,000). base64 is standard and padded (64 characters), the prefix
// exactly as Atlassian and passlib write it.

const (
	atlassianIterations = 10000
	atlassianSalt       = 16
	atlassianKey        = 32
)

var errAtlassianShape = malformed("atlassian_pbkdf2_sha1", `want "{PKCS5S2}" + base64 of 48 bytes`)

func parseAtlassian(digest string, l Limits) (parsed, error) {
	const prefix = "{PKCS5S2}"
	if len(digest) < len(prefix) || digest[:len(prefix)] != prefix {
		return nil, errAtlassianShape
	}
	v := digest[len(prefix):]
	if n, ok := b64Len(stdB64, v); !ok || n != atlassianSalt+atlassianKey {
		return nil, errAtlassianShape
	}
	if err := l.limit(PBKDF2SHA1Iterations, "atlassian_pbkdf2_sha1", "iterations", atlassianIterations); err != nil {
		return nil, err
	}
	raw, _ := decodeB64(stdB64, v)
	return &pbkdf2Digest{prf: prfSHA1, iter: atlassianIterations, salt: raw[:atlassianSalt], hash: raw[atlassianSalt:]}, nil
}

func init() {
	register(&scheme{
		name:  "atlassian_pbkdf2_sha1",
		parse: parseAtlassian,
		hash: func(password string, _ *Policy) (string, error) {
			salt := randomBytes(atlassianSalt)
			key, err := pbkdf2Key(prfSHA1, password, salt, atlassianIterations, atlassianKey)
			return "{PKCS5S2}" + base64.StdEncoding.EncodeToString(append(salt, key...)), err
		},
	})
}
