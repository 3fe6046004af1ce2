# Writes testdata/malformed/<hasher>.txt for issue 13's formats (LDAP,
# Atlassian, ASP.NET, Spring), in the layout of gen_malformed.py: damage to
# one real producer's digest per hasher, taken from testdata/vectors (the
# producer is named in each file's source header). Run from the repository
# root: /usr/bin/python3 testdata/malformed/gen_malformed_formats.py
import base64

M, O = "malformed", "out_of_range"
SLAP = "slappasswd (OpenLDAP 2.5.13, Debian slapd 2.5.13+dfsg-5)"
SLAP2 = "slappasswd (Debian slapd 2.5.13+dfsg-5) with slapd-contrib module %s"
BASES = {
 "ldap_ssha": ("{SSHA}J4xECdZZXoUD4xDfxiVq5ri6Cq+iQ3FY", "password", SLAP),
 "ldap_ssha256": ("{SSHA256}IATf6/cYpLX2t1Z1+lbeq+vzgJlrfPpI7U8axIeAYWcvl0suQBJSxA==", "password", SLAP2 % "pw-sha2"),
 "ldap_ssha512": ("{SSHA512}vuVUqsa3SYdwRknUwNUoJ3eLJucVuD/LDGpgbj2Qi6wTKwaWmycpRQlhpO0QorOOWV8W77JW8qvN2C9zUKAgHORjhypqWWFc", "password", SLAP2 % "pw-sha2"),
 "ldap_smd5": ("{SMD5}3cgTbHKDqSf+ymCZe1YQTPQQQis=", "password", SLAP),
 "ldap_sha": ("{SHA}W6ph5Mm5Pz8GgiULbPgzG37mj9g=", "password", SLAP),
 "ldap_md5": ("{MD5}X03MO1qnZdYdgyfeuILPmQ==", "password", SLAP),
 "ldap_crypt": ("{CRYPT}$1$CNrDfdAC$w9tkH6A9oitkS4evE4St30", "password", SLAP + " -h {CRYPT} -c '$1$%.8s' (libxcrypt 4.4.33)"),
 "ldap_pbkdf2_sha1": ("{PBKDF2}10000$N53q/TYSSKyMvGwZD4W9Ow$tP5XiwBtOnFeIZ.6zlWSdnxZgls", "password", SLAP2 % "pw-pbkdf2"),
 "ldap_pbkdf2_sha256": ("{PBKDF2-SHA256}10000$oq7etveFJvV2KZ72.ETN7g$u1IfSDDjD/FEgsVLwbLi85xLgCjKyuxnH.NeF8Tp0Hk", "password", SLAP2 % "pw-pbkdf2"),
 "ldap_pbkdf2_sha512": ("{PBKDF2-SHA512}10000$bNCHpCO7kPffb4dBkfrYvA$tvTSbvBAMw2qrLerCcgHTLaG8RAayx9RyCKKra6QnTvNsGmePL0jb/vwkvC7XNyfS6WhLU2LhT7m.cjTx2A7sw", "password", SLAP2 % "pw-pbkdf2"),
 "atlassian_pbkdf2_sha1": ("{PKCS5S2}kapQNhs9OuhVv+qUj7r6hNRMj7pYTSvw0K4xzzxdRfSagVHI1LOqLsI7ysA1dnhc", "password", "passlib 1.7.4 atlassian_pbkdf2_sha1 (Debian python3-passlib 1.7.4-3)"),
}
EXTRA = {}  # filled below by the other families
MEMBERSHIP = "4hCFMF1EIECMyp9DUnUX3g==$9ljmPLK8BMNSzZxA7yEMFpHSZas="
NPM = "npm aspnetcore-identity-password-hasher 1.0.1 tests/index.test.ts (published vector)"
SPRING = "Spring Security 7.1.1 BCryptPasswordEncoder(4) in DelegatingPasswordEncoder (testdata/gen/gen_spring.py)"
BASES["spring_delegating"] = ("{bcrypt}$2a$04$A1GNSIajalavnNfKq.81J.9.d5C13TxM7ZBhbkia4snjBz6zm6z1.", "password", SPRING)
BASES.update({
 "aspnet_identity_v2": ("ANuQywFHdT6GVuXGl4TXfmi5TUoR45Cizppo6FN3IqeGUzHoVXAL51x6GHiAWpavVQ==", "test123", NPM),
 "aspnet_identity_v3": ("AQAAAAEAACcQAAAAEFu4dWKdwFM0edzCkR9GmR8p6ICQ4x7B9sishNgunrQ82vocwJ6QBa0uhqGmNYOKrg==", "test123", NPM),
 "aspnet_membership_sha1": (MEMBERSHIP, "password", "Mono 6.8.0.105 SHA1 + Encoding.Unicode, SqlMembershipProvider layout (testdata/gen/gen_aspnet.cs)"),
})


def q(s):
    out = '"'
    for b in s.encode("utf-8", "surrogateescape"):
        if b == 34: out += '\\"'
        elif b == 92: out += '\\\\'
        elif b == 10: out += '\\n'
        elif b == 13: out += '\\r'
        elif b == 9: out += '\\t'
        elif 32 <= b < 127: out += chr(b)
        else: out += '\\x%02x' % b
    return out + '"'


def common(d):
    return [
        (M, "", "empty"),
        (M, d[:-1], "truncated by one character"),
        (M, d + "A", "one character too many"),
        (M, " " + d, "leading space"),
        (M, d + "\n", "trailing newline"),
        (M, d + "\r", "trailing carriage return (CRLF file)"),
        (M, d + "\x00", "trailing NUL"),
    ]


def b64(b): return base64.b64encode(b).decode()
def ab64(b): return base64.b64encode(b).decode().rstrip("=").replace("+", ".")


def cases(name, d):
    c = common(d)
    if name in ("ldap_ssha", "ldap_ssha256", "ldap_ssha512", "ldap_smd5", "ldap_sha", "ldap_md5"):
        i = d.index("}") + 1
        pre, v = d[:i], d[i:]
        raw = base64.b64decode(v)
        size = {"ldap_ssha": 20, "ldap_ssha256": 32, "ldap_ssha512": 64, "ldap_smd5": 16,
                "ldap_sha": 20, "ldap_md5": 16}[name]
        c += [
            (M, pre[:-1] + " }" + v, "space inside the prefix"),
            (M, pre + v + "=", "extra padding") if v.endswith("=") else
            (M, pre + b64(raw[:-1]).rstrip("="), "unpadded base64"),
            (M, pre + v.replace("/", "_").replace("+", "-") if ("/" in v or "+" in v) else pre + "*" + v[1:], "URL-safe or foreign alphabet"),
            (M, pre + b64(raw[:size - 1]), "hash cut to %d bytes" % (size - 1)),
            (M, pre + " " + v, "space after the prefix"),
            (M, "{X" + pre[1:] + v, "unknown scheme"),
        ]
        if size < len(raw):
            c.append((M, pre + b64(raw[:size]), "salt removed (a salted scheme needs 1 byte or more)"))
        else:
            c.append((M, pre + b64(raw + b"s"), "a salt appended to an unsalted scheme"))
        if name != "ldap_ssha":
            c.append((M, v, "prefix missing"))
        else:
            c.append((M, "{SHA}" + v, "{SHA} prefix on a salted value"))
            c.append((M, "8743b52063cd84097a65d1633f5c74f5", "bare value of hex digits only (an md5 digest)"))
    elif name.startswith("ldap_pbkdf2_") or name == "atlassian_pbkdf2_sha1":
        if name == "atlassian_pbkdf2_sha1":
            v = d[len("{PKCS5S2}"):]
            raw = base64.b64decode(v)
            c += [
                (M, "{pkcs5s2}" + v, "lowercase prefix (Atlassian writes it upper-case only)"),
                (M, "{PKCS5S2}" + v + "==", "extra padding"),
                (M, "{PKCS5S2}" + b64(raw[:47]), "key cut to 31 bytes"),
                (M, "{PKCS5S2}" + b64(raw + b"\0"), "49 bytes"),
                (M, "{PKCS5S2}" + b64(raw[:16]), "salt only"),
                (M, v, "prefix missing"),
                (M, "{PKCS5S2} " + v, "space after the prefix"),
            ]
        else:
            pre, rest = d.split("}", 1)
            pre += "}"
            it, salt, h = rest.split("$")
            hb = base64.b64decode(h.replace(".", "+") + "=" * (-len(h) % 4))
            def j(i=it, s=salt, hh=h, p=pre): return p + "$".join((i, s, hh))
            c += [
                (M, j(i="+" + it), "signed iterations"),
                (M, j(i="0" + it), "leading zero in iterations"),
                (M, j(i="1e4"), "iterations in exponent notation"),
                (M, j(i=""), "empty iterations"),
                (M, j(s=salt + "="), "padded salt"),
                (M, j(s=salt.replace(".", "+") if "." in salt else salt[:-1] + "+"), "'+' in the salt (ab64 writes '.')"),
                (M, j(hh=ab64(hb[:-1])), "hash cut by one byte"),
                (M, j(hh=ab64(hb[:16])), "hash cut to 16 bytes"),
                (M, j(hh=ab64(hb + b"\xff")), "hash one byte too long"),
                (M, j() + "$", "extra field"),
                (M, j(p="{PBKDF2-MD5}"), "unknown PRF"),
                (M, pre + it + "$" + salt, "hash missing"),
                (O, j(i="0"), "zero iterations"),
                (O, j(i="4294967296"), "iterations above 2^32-1"),
                (O, j(i="3000001" if "512" not in name else "1000001"), "iterations above the default limit"),
            ]
    elif name == "ldap_crypt":
        v = d[len("{CRYPT}"):]
        c += [
            (M, v, "prefix missing"),
            (M, "{CRYPT} " + v, "space after the prefix"),
            (M, "{CRYPT}", "nothing after the prefix"),
            (M, "{CRYPT}$2x$05$" + "a" * 53, "crypt(3) method ($2x$) with a bad body"),
            (M, "{CRYPT}$7$abc", "unknown method"),
            (M, "{CRYPT}$1$CNrDfdAC$w9tkH6A9oitkS4evE4St3!", "md5-crypt checksum with a foreign character"),
            (M, "{CRYPT}$6$rounds=5000$salt", "sha512-crypt without checksum"),
            (O, "{CRYPT}$6$rounds=999$saltstring$" + "a" * 85 + ".", "sha512-crypt rounds below 1000"),
            (O, "{CRYPT}$2b$32$wfIORYtJDFwT3CMAKR49YeNraD/kwDTTJBS/OFefyMTPUes39DB0m", "bcrypt cost above 31"),
            (O, "{CRYPT}$2b$17$wfIORYtJDFwT3CMAKR49YeNraD/kwDTTJBS/OFefyMTPUes39DB0m", "bcrypt cost 17, above the default limit 16"),
        ]
    elif name in ("aspnet_identity_v2", "aspnet_identity_v3"):
        import struct
        raw = base64.b64decode(d)
        c += [
            (M, d.rstrip("="), "padding removed"),
            (M, d[:10] + "\n" + d[10:], "newline inside (.NET's decoder skips it)"),
            (M, b64(raw[:-1]), "subkey cut by one byte"),
            (M, b64(raw + b"\0"), "one byte too many" if name.endswith("v2") else "one byte longer subkey, but a different subkey"),
            (M, b64(b"\x02" + raw[1:]), "unknown format marker 0x02"),
            (M, b64(bytes([1 - raw[0]]) + raw[1:]), "the other version's marker"),
            (M, d.replace("+", "-").replace("/", "_") if ("+" in d or "/" in d) else "*" + d[1:], "URL-safe or foreign alphabet"),
        ]
        if name == "aspnet_identity_v3":
            # v3's subkey is "the rest": 31 or 33 bytes are well-formed.
            c = [x for x in c if not x[2].startswith("one byte longer") and x[2] != "subkey cut by one byte"]
            def v3(prf=1, it=10000, sl=None, salt=raw[13:29], sub=raw[29:]):
                return b64(b"\x01" + struct.pack(">III", prf, it, len(salt) if sl is None else sl) + salt + sub)
            c += [
                (M, v3(sl=100), "salt length runs past the end"),
                (M, b64(raw[:13]), "header only"),
                (O, v3(prf=3), "PRF 3"),
                (O, v3(it=0), "zero iterations"),
                (O, v3(it=2**31), "iterations above 2^31-1"),
                (O, v3(it=3000001), "iterations above the default limit for SHA-256"),
                (O, v3(salt=raw[13:28], sub=raw[28:]), "15-byte salt (ASP.NET wants 16 or more)"),
                (O, v3(sub=raw[29:44]), "subkey cut to 15 bytes"),
            ]
    elif name == "aspnet_membership_sha1":
        s_, h = d.split("$")
        hb = base64.b64decode(h)
        c += [
            (M, h + "$" + s_, "columns swapped"),
            (M, s_ + "$" + b64(hb[:19]), "hash cut to 19 bytes"),
            (M, s_ + "$" + b64(hb) + "$", "extra field"),
            (M, s_.rstrip("=") + "$" + h, "salt without padding"),
            (M, "$" + h, "empty salt"),
            (M, s_ + "$", "empty hash"),
            (M, s_ + "$" + hb.hex(), "hex hash"),
            (M, s_ + ":" + h, "':' separator"),
        ]
    elif name == "spring_delegating":
        pb = "962ecfefe6449075dac5b790a8efb75965739470fa4566fed6af9c81e1104161ac6c0e78f3e87fac"
        sc = ("$8JzL2vH/wmfu4hhf/JBaW1aIvwfehiuVunhildRow0mGTvcNNCiZkIJfvXlLRnNpNd/iM+OfegtX2j8EzTxxPw==$"
              "uDbjgM2RRpi8B9l5n5DOAxB9DOR2usiqzgxd/Y9sXHw=")
        ar = "$v=19$m=4096,t=3,p=1$Pp8wooNUnhnir1y69r4ibw$92k5C3aPpTO5OLq6PA4PGSyV9PvkB5uZPTrL7QXf+Hc"
        md = "{rxI6BVQUl3qd01LcONbNH0Tua25CWZbKRAm3u04vDZc=}acbdd8cdc44bad6a8537f3a9ddd82f48"
        c += [
            (M, d[len("{bcrypt}"):], "id missing"),
            (M, "{BCRYPT}" + d[8:], "id in another case (Spring's map is case-sensitive)"),
            (M, "{argon}" + d[8:], "unknown id"),
            (M, "{bcrypt" + d[8:], "no closing brace"),
            (M, "{bcrypt}", "empty encoded part"),
            (M, "{}" + d[8:], "empty id"),
            (M, "{bcrypt}$2x$04$" + d[15:], "$2x$ (Spring's BCrypt pattern has no x)"),
            (M, "{pbkdf2}" + pb[:-2], "hash cut by one byte"),
            (M, "{pbkdf2}" + pb + "00", "one byte too many"),
            (M, "{pbkdf2}" + pb[:10] + pb[10:].upper(), "mixed-case hex"),
            (M, "{pbkdf2@SpringSecurity_v5_8}" + pb, "v5.5-sized value under the v5.8 id"),
            (M, "{scrypt}$0e0801" + sc, "scrypt params with a leading zero"),
            (M, "{scrypt}$E0801" + sc, "upper-case scrypt params"),
            (M, "{scrypt}$e0801" + sc[:-4] + "AAA=", "scrypt key of 31 bytes... is 32: changed key"[:0] + "scrypt key re-padded"),
            (M, "{scrypt}e0801" + sc, "scrypt without the leading $"),
            (M, "{scrypt}$e0801" + sc.rsplit("$", 1)[0] + "$" + "uDbjgM2RRpi8B9l5n5DOAxB9DOR2usiqzgxd/Y9sXA==", "scrypt key cut to 31 bytes"),
            (M, "{argon2}$argon2x" + ar, "unknown argon2 type"),
            (M, "{argon2}" + ar, "argon2 PHC string without its type"),
            (M, "{MD5}" + md[:-1], "MD5 hex cut by one digit"),
            (M, "{MD5}" + md.upper(), "upper-case MD5 hex (Spring compares the text)"),
            (M, "{MD5}{rxI6BVQUl3qd01LcONbNH0Tua25CWZbKRAm3u04vDZc=acbdd8cdc44bad6a8537f3a9ddd82f48", "MessageDigest salt without its closing brace"),
            (M, "{ldap}{Ssha}P70Tc22u6YZC12RjHDx45B1QoO4mXmF7fKrzTA==", "{Ssha} (LdapShaPasswordEncoder knows {SSHA} and {ssha} only)"),
            (M, "{ldap}P70Tc22u6YZC12RjHDx45B1QoO4mXmF7fKrzTA==", "{ldap} without {SSHA}"),
            (M, "{sha256}ebe7ac58d0a27df18c0a69acd4a952133267f9492b011ab5cb941f23ec0e7d669e5a472043384a9", "StandardPasswordEncoder hex of odd length"),
            (O, "{noop}password", "{noop} plain text, refused under the default Limits"),
            (O, "{scrypt}$1f0801" + sc, "scrypt log2(N) 31"),
            (O, "{scrypt}$e0811" + sc, "scrypt p 17, above the default limit 16"),
            (O, "{scrypt}$140801" + sc, "scrypt N 2^20 at r 8: 1 GiB, above the default memory limit"),
            (O, "{argon2}$argon2id$v=19$m=2097152,t=3,p=1$Pp8wooNUnhnir1y69r4ibw$92k5C3aPpTO5OLq6PA4PGSyV9PvkB5uZPTrL7QXf+Hc", "argon2 m 2 GiB, above the default limit"),
            (O, "{bcrypt}$2a$17$" + d[15:], "bcrypt cost 17, above the default limit"),
        ]
        c = [x for x in c if x[2] != "scrypt key re-padded"]
    c += EXTRA.get(name, [])
    return c


HEADER = """hasher: {name}
valid: {valid}
password: {pw}
source: {source}
expect: valid verifies with password; each line below is refused by Check and by Verify with password, with an error wrapping its sentinel (malformed: ErrMalformedDigest, out_of_range: ErrParamsOutOfRange) under the default Limits; never (true, nil) or (false, nil), never a panic
format: sentinel, the digest as a Go string literal, the reason

"""

if __name__ == "__main__":
    for name, (d, pw, src) in BASES.items():
        lines = [HEADER.format(name=name, valid=q(d), pw=q(pw), source=src)]
        seen = set()
        for kind, digest, why in cases(name, d):
            if digest in seen:
                raise SystemExit("duplicate %s %r" % (name, digest))
            seen.add(digest)
            lines.append("%s %s %s\n" % (kind, q(digest), why))
        open("testdata/malformed/%s.txt" % name, "w").write("".join(lines))
