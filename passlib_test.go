package pwdigest

import (
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// Written by passlib 1.7.4 (Debian python3-passlib, /usr/bin/python3 3.11.2):
//
//	passlib.hash.pbkdf2_sha256.using(**SETTINGS).hash(PASSWORD)   (and pbkdf2_sha512)
//
// each checked with .verify.
var passlibKATs = []kat{
	{"pbkdf2_sha256_passlib", "$pbkdf2-sha256$29000$aE0J4Zzzfs/5nxOCMAbAmA$V0F2kXBzvv2IloWQGEOUmyvAXW7es0iNa5fVLDeeETc", "password", "passlib 1.7.4 pbkdf2_sha256 defaults"},
	{"pbkdf2_sha256_passlib", "$pbkdf2-sha256$1000$WYsRYgwBYOz9f6/1HsP4nw$HY.Tk5aVv2mlfrHiH5JfD.hmH/mAri82uRuD7fT1vT8", "", "passlib 1.7.4 pbkdf2_sha256 rounds=1000"},
	{"pbkdf2_sha256_passlib", "$pbkdf2-sha256$2000$gdC6FwI$dmS3WsN.A9syM96Fn86Fa2.63f7hHqNhGSCKlu24bmU", "pässwörd 密码", "passlib 1.7.4 pbkdf2_sha256 rounds=2000 salt_size=5"},
	{"pbkdf2_sha256_passlib", "$pbkdf2-sha256$1000$gXAuxRiD8B4DQGit1ZrTuldqbe19j1FKyVlrzTnHWOs$eME6hqM/8cArqLX7LWnW/G9a26ET.FhfUaC2AOlwhmo", strings.Repeat("x", 100), "passlib 1.7.4 pbkdf2_sha256 rounds=1000 salt_size=32"},
	{"pbkdf2_sha256_passlib", "$pbkdf2-sha256$1000$$oDUwIi0TG0fZgsmBDvjjtrbGdmtrGhutVhusvMeWb.A", "pw", "passlib 1.7.4 pbkdf2_sha256 rounds=1000 salt=b''"},
	{"pbkdf2_sha256_passlib", "$pbkdf2-sha256$1000$.//.$gK6fiMkI/K5kINSyYr5/XiA8sItVSr6D.oQppcMazYQ", "pw", `passlib 1.7.4 pbkdf2_sha256 rounds=1000 salt=b'\xfb\xff\xfe'`},
	{"pbkdf2_sha512_passlib", "$pbkdf2-sha512$25000$AgBgTInxnnMupXRujTEGYA$3zgQiV3tkftiaCUsfzBC.MAdfIBOJ3bujWyMIr1JWTC/t.kBVoTGPls/s4y/dM9J5WLhlV0SQxC/BeL0H0NZ3A", "password", "passlib 1.7.4 pbkdf2_sha512 defaults"},
	{"pbkdf2_sha512_passlib", "$pbkdf2-sha512$1000$MSZkDAEgpBTCmJOSkpLSeg$CRNUAipnUu3UeZcB9wR6zjkCZu.xdJ00N8Jj3YA7ooj.iuKBGIacUmN2SOqMOiTWv8brCX9Ddj8O9EzWjEm7hw", "", "passlib 1.7.4 pbkdf2_sha512 rounds=1000"},
	{"pbkdf2_sha512_passlib", "$pbkdf2-sha512$2000$A.DcG8M$XBxdM2BxPuW3hvnhIuCZQRbzjEy/2XLdXPnAUPzh.Twt1zgmc/WruWJx5A5izB5eTedmbv5mZQSqJoBLDAFnhQ", "pässwörd 密码", "passlib 1.7.4 pbkdf2_sha512 rounds=2000 salt_size=5"},
	{"pbkdf2_sha512_passlib", "$pbkdf2-sha512$1000$htC6N6a0di7lPMe4V8r5fy9FiFHKuVfqXesdYyyF0Fo$g/Xoz62PNQxL4XsNYInMDPu5qyILlxjdrBw.s8OKy8yCs9Sumf7D1BbCeTLao08acJy2O0uX8qE9uz.AyA3lKQ", strings.Repeat("x", 100), "passlib 1.7.4 pbkdf2_sha512 rounds=1000 salt_size=32"},
	{"pbkdf2_sha512_passlib", "$pbkdf2-sha512$1000$$1sFcwr3SXUh2.eM0.YbgnUgZ.U/RGZ0hhDOeCt6lzN1QnjjX1UhJBWTAGlK7hz8doj1s7Nbzz2BcH598jOEXVg", "pw", "passlib 1.7.4 pbkdf2_sha512 rounds=1000 salt=b''"},
	{"pbkdf2_sha512_passlib", "$pbkdf2-sha512$1000$.//.$sWpj.vamQguxs.PKseYdI0EiDpDQsckDReannLAMJYaZ1vmX7wf3iXPiY74IHK9cMrtSlgaWiMFzUCIX9BO8Rw", "pw", `passlib 1.7.4 pbkdf2_sha512 rounds=1000 salt=b'\xfb\xff\xfe'`},
}

func TestPasslibKnownAnswers(t *testing.T) { checkKATs(t, passlibKATs) }

func TestPasslibParse(t *testing.T) {
	const salt, sum = "gdC6FwI", "dmS3WsN.A9syM96Fn86Fa2.63f7hHqNhGSCKlu24bmU"
	d := func(rounds, salt, sum string) string { return "$pbkdf2-sha256$" + rounds + "$" + salt + "$" + sum }
	checkErrors(t, Default, "pbkdf2_sha256_passlib", map[string]error{
		d("2000", salt, strings.ReplaceAll(sum, ".", "+")): ErrMalformedDigest, // ab64_decode takes "+", ab64_encode never writes it
		d("2000", salt, sum+"="):                           ErrMalformedDigest,
		d("2000", salt+"=", sum):                           ErrMalformedDigest,
		d("2000", salt, sum[:42]):                          ErrMalformedDigest,
		d("2000", salt, sum[:42]+"B"):                      ErrMalformedDigest, // unused bits set
		d("2000", "gdC6FwJ", sum):                          ErrMalformedDigest, // unused bits set
		d("2000", "g", sum):                                ErrMalformedDigest,
		d("2000", salt+"\n", sum):                          ErrMalformedDigest,
		d("2000", strings.Repeat("A", 1368), sum):          ErrMalformedDigest, // 1026 bytes
		d("02000", salt, sum):                              ErrMalformedDigest,
		d("", salt, sum):                                   ErrMalformedDigest,
		d("2000", salt, ""):                                ErrMalformedDigest,
		"$pbkdf2-sha256$2000$" + salt:                      ErrMalformedDigest, // a setting, no checksum
		"$pbkdf2-sha512$2000$" + salt + "$" + sum:          ErrMalformedDigest,
		"$pbkdf2$2000$" + salt + "$" + sum:                 ErrMalformedDigest,
		d("0", salt, sum):                                  ErrParamsOutOfRange,
		d("4294967296", salt, sum):                         ErrParamsOutOfRange, // passlib's max_rounds is 2^32-1
		d("3000001", salt, sum):                            ErrParamsOutOfRange, // above the default limit
	})
	require.NoError(t, Check("pbkdf2_sha256_passlib", d("2000", strings.Repeat("A", 1364), sum)), "1023 bytes")

	v := &Verifier{Policy: Policy{Costs: map[*Param]int64{PBKDF2SHA512Iterations: 2001}}}
	weak, err := v.NeedsRehash("pbkdf2_sha512_passlib", passlibKATs[8].digest)
	require.NoError(t, err)
	assert.True(t, weak)
	h, err := v.Hash("pbkdf2_sha512_passlib", "pw")
	require.NoError(t, err)
	assert.Regexp(t, `^\$pbkdf2-sha512\$2001\$[./0-9A-Za-z]{22}\$[./0-9A-Za-z]{86}$`, h)
}
