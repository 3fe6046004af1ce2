# Writes testdata/malformed/<hasher>.txt for the hashers of issue 13
# (yescrypt, scrypt_crypt, des_crypt, apr1_md5_crypt, mysql_native,
# postgres_scram_sha256), in the format of gen_malformed.py: hand-chosen
# damage to one real producer's digest each, taken from
# testdata/vectors/<hasher>.jsonl. Run from the repository root:
# /usr/bin/python3 testdata/malformed/gen_malformed_crypt3.py
import json

M, O = "malformed", "out_of_range"


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


def base(name, digest):
    """The vector line of testdata/vectors/<name>.jsonl with this digest, or
    (digest None, for producers with random salts) the first one of the
    password "password"."""
    with open("testdata/vectors/%s.jsonl" % name) as f:
        for line in f:
            rec = json.loads(line)
            if rec["digest"] == digest or digest is None and rec["password"] == "password":
                return rec["digest"], rec["password"], rec["source"] + ", from testdata/vectors/%s.jsonl" % name
    raise SystemExit("no vector %s %s" % (name, digest))


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


BASES = {}
CASES = {}


def hasher(name, digest=None):
    def deco(f):
        BASES[name] = base(name, digest)
        CASES[name] = f
        return f
    return deco


Y = "$y$j9T$Gws5qHlfvUwnYdgLH.g8M/$Q1Vxwc0iMO6Ej0WNq.PbPII7.PFIYurAlHcujobvpv5"


@hasher("yescrypt", Y)
def yescrypt(d):
    salt, h = "Gws5qHlfvUwnYdgLH.g8M/", "Q1Vxwc0iMO6Ej0WNq.PbPII7.PFIYurAlHcujobvpv5"
    def j(p="j9T", s=salt, hh=h): return "$y$%s$%s$%s" % (p, s, hh)
    return [
        (M, "$y$j9T$" + salt, "setting without a hash"),
        (M, "$y$j9T$" + salt + "$", "empty hash"),
        (M, "y$j9T$" + salt + "$" + h, "missing leading $"),
        (M, "$Y$j9T$" + salt + "$" + h, "upper-case Y"),
        (M, j(p=""), "no parameters"),
        (M, j(p="j9"), "no r"),
        (M, j(p="j9T!"), "character outside the alphabet after r"),
        (M, j(p="j9Tz"), "have field promises more characters than follow"),
        (M, j(p="j9TV."), "have field with bits libxcrypt does not know"),
        (M, j(p="j9T."), "have says p follows, none does"),
        (M, j(s=salt[:-1] + "z"), "salt's last character has non-zero unused bits"),
        (M, j(s=salt[:-2] + "!" + salt[-1]), "salt character outside the alphabet"),
        (M, j(s="a"), "one-character salt group"),
        (M, j(s="." * 88), "salt of more than 64 bytes"),
        (M, j(hh=h[:-1] + "z"), "hash's last character has non-zero unused bits"),
        (M, j(hh=h + "$"), "trailing $"),
        (M, j(s=salt + "$" + salt), "two salts"),
        (O, j(p="o.9T"), "flavor 304, beyond the RW flavors"),
        (O, j(p="i9T"), "RW flavor other than YESCRYPT_DEFAULTS"),
        (O, j(p="09T"), "RW with no pwxform flags"),
        (O, j(p="j9T1."), "g (hash upgrades) present"),
        (O, j(p="j9T5."), "NROM present: crypt(3) has no ROM"),
        (O, j(p="j/T.."), "N=4, p=2 with RW: N/p must be above 3"),
        (O, j(p="j.T"), "N=2, below libxcrypt's minimum"),
        (O, j(p="jkCT"), "N=2^63 (two-character N)"),
        (O, j(p=".9T/."), "classic scrypt with t"),
        (O, j(p="jHT"), "N=2^19, r=32: 2 GiB, above the default memory limit"),
        (O, j(p="j9T/E"), "t=17, above the default limit 16"),
        (O, j(p="j9T.F"), "p=19, above the default limit 16"),
    ]


S7 = "$7$86..../....ThK0O.KvQTtPz/ufomAauL$kzELw2LQXpgukqbgimV/HSZOrOGpu37EX7zAmojBbH7"


@hasher("scrypt_crypt", S7)
def scrypt_crypt(d):
    salt, h = "ThK0O.KvQTtPz/ufomAauL", "kzELw2LQXpgukqbgimV/HSZOrOGpu37EX7zAmojBbH7"
    def j(p="86..../....", s=salt, hh=h): return "$7$%s%s$%s" % (p, s, hh)
    return [
        (M, "$7$86..../....", "parameters only"),
        (M, "$7$86..", "parameters cut short"),
        (M, j(s=salt[:5] + "!" + salt[6:]), "salt character outside crypt's alphabet"),
        (M, j(s="a" * 87), "salt longer than 86 characters"),
        (M, j(hh=h[:-1] + "z"), "hash's last character has non-zero unused bits"),
        (M, j(p="!6..../...."), "N character outside the alphabet"),
        (M, j(p="86..!/...."), "r character outside the alphabet"),
        (M, "$7$" + "86..../...." + salt + h, "no $ before the hash"),
        (O, j(p="/6..../...."), "N=2, below libxcrypt's minimum 4"),
        (O, j(p="z6..../...."), "N=2^61"),
        (O, j(p="8...../...."), "r=0"),
        (O, j(p="86..../zzzzz"), "r·p above 2^30"),
        (O, j(p="86..../I...."), "p=20, above the default limit 16"),
        (O, j(p="Hz..../...."), "N=2^19, r=61: above the default memory limit"),
    ]

DES = "Cn1c3KfBVgHXI"


@hasher("des_crypt", DES)
def des_crypt(d):
    return [
        (M, d[:-1] + "D", "last character has non-zero unused bits"),
        (M, d[:5] + "!" + d[6:], "character outside crypt's alphabet"),
        (M, d[:5] + "+" + d[6:], "standard base64's +"),
        (M, "_" + d[:8], "BSDi extended DES marker"),
        (M, "crypt$" + d, "Django form without the salt field"),
        (M, "crypt$$" + d[:-1], "Django form, 12 characters"),
        (M, "crypt$xy$" + d, "Django form, a salt field other than the digest's salt"),
        (M, "crypt$Cn1$" + d, "Django form, a 3-character salt field"),
        (M, "crypt$$" + d + "$", "Django form, trailing $"),
        (M, "CRYPT$$" + d, "upper-case Django prefix"),
        (M, "{CRYPT}" + d, "LDAP's {CRYPT} prefix (ldap_crypt's)"),
        (M, "$1$" + d, "md5_crypt prefix"),
        (M, d[:6] + " " + d[7:], "space inside"),
    ]


@hasher("bigcrypt", "suanQd1ydo1ps5Wf239LKOEQ6kzqFrik3KUCixRaSOe9yg")
def bigcrypt(d):
    return [
        (M, d[:-6], "a segment cut in the middle"),
        (M, d[:2], "salt only"),
        (M, d[:12], "one character short of a segment"),
        (M, d[:12] + "z" + d[13:], "first segment's last character has non-zero unused bits"),
        (M, d[:-1] + "z", "last segment's last character has non-zero unused bits"),
        (M, d[:5] + "!" + d[6:], "character outside crypt's alphabet"),
        (M, d[:13] + "$" + d[13:], "$ between segments"),
        (M, "{CRYPT}" + d, "LDAP's {CRYPT} prefix (ldap_crypt's)"),
        (M, d[:2] + (d[2:13] * 17), "17 segments, above libxcrypt's 16"),
    ]


APR = "$apr1$sTP4Vp3J$ftp/Tdu9i4upWc4rBK2kW."


@hasher("apr1_md5_crypt", APR)
def apr1(d):
    salt, h = "sTP4Vp3J", "ftp/Tdu9i4upWc4rBK2kW."
    return [
        (M, "$1$" + salt + "$" + h, "md5_crypt's magic"),
        (M, "$APR1$" + salt + "$" + h, "upper-case magic"),
        (M, "$apr1$" + salt + h, "no $ before the checksum"),
        (M, "$apr1$" + salt + "x$" + h, "salt longer than 8"),
        (M, "$apr1$" + salt + "$" + h[:-1] + "z", "checksum's last character has non-zero unused bits"),
        (M, "$apr1$" + salt + "$" + h[:5] + "!" + h[6:], "checksum character outside crypt's alphabet"),
        (M, "$apr1$" + salt + "$" + h + "$", "trailing $"),
        (M, "$apr1$" + salt[:3] + ":" + salt[4:] + "$" + h, "colon in the salt"),
        (M, "user:$apr1$" + salt + "$" + h, "htpasswd line with the user name"),
    ]


@hasher("mysql_native", "*2470C0C06DEE42FD1618BB99005ADCA2EC9D1E19")
def mysql_native(d):
    h = d[1:]
    return [
        (M, h, "hex without the *"),
        (M, "*" + h.lower(), "lower-case hex"),
        (M, "*" + h[:-2], "19 bytes"),
        (M, "*" + h + "00", "21 bytes"),
        (M, "*" + h[:-1] + "G", "G is not hex"),
        (M, "**" + h, "two stars"),
        (M, "*" + h[:10] + " " + h[11:], "space inside"),
        (M, "*" + h[:16], "MySQL 3.23's 16-hex OLD_PASSWORD() with a star"),
        (M, h[:16], "MySQL 3.23's OLD_PASSWORD()"),
        (M, "$A$005$" + h, "caching_sha2_password prefix"),
    ]


@hasher("postgres_scram_sha256")
def postgres_scram(d):
    head, keys = d[len("SCRAM-SHA-256$"):].split("$")
    it, salt = head.split(":")
    stored, server = keys.split(":")
    def j(i=it, s=salt, k1=stored, k2=server, pre="SCRAM-SHA-256$"):
        return "%s%s:%s$%s:%s" % (pre, i, s, k1, k2)
    return [
        (M, j(pre="SCRAM-SHA-1$"), "SCRAM-SHA-1"),
        (M, j(pre="scram-sha-256$"), "lower-case mechanism"),
        (M, j(pre="md5$"), "md5 prefix"),
        (M, j(i="04096"), "leading zero in iterations"),
        (M, j(i="+4096"), "signed iterations"),
        (M, j(i=""), "empty iterations"),
        (M, j(i="4096.0"), "iterations not an integer"),
        (M, j(s=""), "empty salt"),
        (M, j(s=salt.rstrip("=")), "salt without its padding"),
        (M, j(s=salt[:-3] + "!=="), "salt character outside base64"),
        (M, j(s=salt.replace("+", "-").replace("/", "_")[:-3] + "-=="), "URL-safe base64 salt"),
        (M, j(k1=stored[:-2] + "="), "StoredKey of 31 bytes"),
        (M, j(k1=stored.rstrip("=")), "StoredKey without padding"),
        (M, j(k2=server + "AAAA"), "ServerKey of 35 bytes"),
        (M, j(k1=stored[:-2] + "B="), "StoredKey with non-zero padding bits"),
        (M, "SCRAM-SHA-256$%s:%s$%s" % (it, salt, stored), "no ServerKey"),
        (M, "SCRAM-SHA-256$%s:%s:%s$%s:%s" % (it, salt, salt, stored, server), "extra field"),
        (M, "SCRAM-SHA-256$%s$%s:%s" % (salt, stored, server), "no iterations"),
        (M, "md5" + "0" * 32, "PostgreSQL's md5 secret"),
        (O, j(i="0"), "zero iterations"),
        (O, j(i="2147483648"), "iterations beyond PostgreSQL's int range"),
        (O, j(i="3000001"), "iterations one above the default limit"),
    ]


HEADER = """hasher: {name}
valid: {valid}
password: {pw}
source: {source}
expect: valid verifies with password; each line below is refused by Check and by Verify with password, with an error wrapping its sentinel (malformed: ErrMalformedDigest, out_of_range: ErrParamsOutOfRange) under the default Limits; never (true, nil) or (false, nil), never a panic
format: sentinel, the digest as a Go string literal, the reason

"""

for name, (d, pw, src) in BASES.items():
    lines = [HEADER.format(name=name, valid=q(d), pw=q(pw), source=src)]
    seen = set()
    for kind, digest, why in common(d) + CASES[name](d):
        if digest in seen:
            raise SystemExit("duplicate %s %r" % (name, digest))
        seen.add(digest)
        lines.append("%s %s %s\n" % (kind, q(digest), why))
    open("testdata/malformed/%s.txt" % name, "w").write("".join(lines))
