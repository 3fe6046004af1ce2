#!/usr/bin/python3
"""LDAP (RFC 2307 userPassword) and Atlassian producers: OpenLDAP's
slappasswd (Debian slapd, with slapd-contrib's pw-sha2 and pw-pbkdf2
modules) and passlib 1.7.4's ldap_* and atlassian_pbkdf2_sha1 handlers.

Writes JSON lines (with a "file" key naming the output file) to stdout.
passlib salts come from a seeded RNG (reruns give the same lines);
slappasswd draws its own random salts, so its lines change on every run
(they stay valid). slappasswd cannot verify, so each of its digests is
checked here with passlib where passlib reads the form, else with hashlib
recomputing the documented layout, before it is written. passlib digests
are checked with passlib's own verify.
"""

import base64
import hashlib
import subprocess
import sys
import warnings

from common import BCRYPT64, COMMON, PASSWORDS, Emitter, deb, rand_bytes, rand_str, rng

warnings.filterwarnings("ignore", category=DeprecationWarning)

from passlib import hash as ph  # noqa: E402
import passlib  # noqa: E402

E = Emitter()
MODULES = "/usr/lib/ldap"
SLAP = "slappasswd (OpenLDAP %s, Debian slapd %s)" % (
    deb("slapd").split("+")[0], deb("slapd"))
SLAP_CONTRIB = "slappasswd (Debian slapd %s) with slapd-contrib %s module %s" % (
    deb("slapd"), deb("slapd-contrib"), "%s")
PASSLIB = "passlib %s %s (Debian python3-passlib %s)" % (
    passlib.__version__, "%s", deb("python3-passlib"))

# slappasswd takes the password as an argument: no NUL; an empty one makes
# it prompt instead, so it is left out.
SLAP_PASSWORDS = COMMON
PASSLIB_PASSWORDS = COMMON + ["empty", "e80", "nul"]


def check(ok, what):
    if not ok:
        sys.exit("gen_ldap: digest does not verify: %s" % what)


def slappasswd(scheme, password, module=None, crypt_format=None):
    cmd = ["slappasswd"]
    if module:
        cmd += ["-o", "module-path=" + MODULES, "-o", "module-load=" + module]
    cmd += ["-h", scheme]
    if crypt_format:
        cmd += ["-c", crypt_format]
    cmd += ["-s", password]
    out = subprocess.run(cmd, capture_output=True, check=True)
    return out.stdout.decode("ascii").strip()


def salted_ok(digest, prefix, h, password):
    raw = base64.b64decode(digest[len(prefix):], validate=True)
    n = h().digest_size
    return hashlib.new(h().name, password.encode() + raw[n:]).digest() == raw[:n]


def pbkdf2_ok(digest, prf, password):
    rounds, salt, dk = digest.split("}", 1)[1].split("$")
    ab64 = lambda s: base64.b64decode(s.replace(".", "+") + "=" * (-len(s) % 4))
    want = ab64(dk)
    return hashlib.pbkdf2_hmac(prf, password.encode(), ab64(salt), int(rounds), len(want)) == want


def gen_slappasswd():
    salted = [
        ("ldap_ssha", "{SSHA}", None, hashlib.sha1, ph.ldap_salted_sha1),
        ("ldap_smd5", "{SMD5}", None, hashlib.md5, ph.ldap_salted_md5),
        ("ldap_ssha256", "{SSHA256}", "pw-sha2.la", hashlib.sha256, ph.ldap_salted_sha256),
        ("ldap_ssha512", "{SSHA512}", "pw-sha2.la", hashlib.sha512, ph.ldap_salted_sha512),
    ]
    for file, scheme, module, h, handler in salted:
        src = SLAP if module is None else SLAP_CONTRIB % module
        for name in SLAP_PASSWORDS:
            pw = PASSWORDS[name]
            d = slappasswd(scheme, pw, module)
            check(handler.verify(pw, d) and salted_ok(d, scheme, h, pw), d)
            raw = base64.b64decode(d[len(scheme):])
            E.emit(file, d, pw, src, "%d-byte salt" % (len(raw) - h().digest_size))
    for file, scheme, handler in [("ldap_sha", "{SHA}", ph.ldap_sha1), ("ldap_md5", "{MD5}", ph.ldap_md5)]:
        for name in SLAP_PASSWORDS:
            pw = PASSWORDS[name]
            d = slappasswd(scheme, pw)
            check(handler.verify(pw, d), d)
            E.emit(file, d, pw, SLAP)
    for scheme, file, prf in [("{PBKDF2}", "ldap_pbkdf2_sha1", "sha1"),
                              ("{PBKDF2-SHA1}", "ldap_pbkdf2_sha1", "sha1"),
                              ("{PBKDF2-SHA256}", "ldap_pbkdf2_sha256", "sha256"),
                              ("{PBKDF2-SHA512}", "ldap_pbkdf2_sha512", "sha512")]:
        for name in SLAP_PASSWORDS[:6]:
            pw = PASSWORDS[name]
            d = slappasswd(scheme, pw, "pw-pbkdf2.la")
            check(pbkdf2_ok(d, prf, pw), d)
            if scheme != "{PBKDF2-SHA1}":
                handler = {"sha1": ph.ldap_pbkdf2_sha1, "sha256": ph.ldap_pbkdf2_sha256,
                           "sha512": ph.ldap_pbkdf2_sha512}[prf]
                check(handler.verify(pw, d), d)
            E.emit(file, d, pw, SLAP_CONTRIB % "pw-pbkdf2.la",
                   "10000 iterations, 16-byte salt (pw-pbkdf2's fixed settings)")
    # {CRYPT}: slappasswd's default crypt salt format is DES ("%.2s");
    # -c picks libxcrypt's other methods. Checked with Python's crypt module
    # (the same libxcrypt) and passlib.
    import crypt
    for fmt, note, file in [("$1$%.8s", "md5-crypt", "ldap_crypt"),
                            ("$5$%.16s", "sha256-crypt", "ldap_crypt"),
                            ("$6$%.16s", "sha512-crypt", "ldap_crypt"),
                            ("$5$rounds=1000$%.16s", "sha256-crypt rounds=1000", "ldap_crypt"),
                            ("$2b$05$%.22s", "bcrypt cost 5", "ldap_crypt"),
                            (None, "DES crypt (slappasswd's default -c %.2s)", "ldap_crypt_des")]:
        for name in (["ascii", "latin", "cjk"] if fmt else ["ascii", "one", "latin", "spaces", "dollar"]):
            pw = PASSWORDS[name]
            d = slappasswd("{CRYPT}", pw, crypt_format=fmt)
            check(crypt.crypt(pw, d[7:]) == d[7:], d)
            if fmt is None and len(d) > len("{CRYPT}") + 13:
                # slappasswd's own salt is longer than DES's 2 characters, and
                # libxcrypt then writes bigcrypt for a password over 8 bytes.
                file, note = "ldap_crypt_bigcrypt", "bigcrypt: slappasswd's default {CRYPT} for a password over 8 bytes"
            E.emit(file, d, pw, SLAP + " with libxcrypt (Debian libcrypt1 %s)" % deb("libcrypt1"), note)
            file = "ldap_crypt_des" if fmt is None else file


CASE_NOTE = ("prefix case changed from the producer's: OpenLDAP matches it case-insensitively "
             "(libraries/liblutil/passwd.c passwd_scheme() uses strncasecmp)")


def variants(E0):
    """Lines derived from the slappasswd ones above: the prefix in another
    case (OpenLDAP reads it so), and ldap_ssha without its prefix (Clerk's
    bare form)."""
    seen = set()
    for rec in list(E0):
        f, d = rec["file"], rec["digest"]
        if f in seen:
            continue
        seen.add(f)
        i = d.index("}") + 1
        for pre in (d[:i].lower(), d[:i][:2] + d[:i][2:].lower()):
            E.emit(f, pre + d[i:], rec["password"], rec["source"], CASE_NOTE)
        if f == "ldap_ssha":
            for r in [x for x in E0 if x["file"] == "ldap_ssha"][:4]:
                E.emit(f, r["digest"][len("{SSHA}"):], r["password"], r["source"],
                       "prefix removed: Clerk's ldap_ssha takes the bare base64 too")


def gen_yescrypt():
    # slappasswd's -c fills a setting with its own salt characters, which
    # are not yescrypt's; mkpasswd (Debian whois) draws a proper one. The
    # "{CRYPT}" prefix is how slapd stores any crypt(3) value.
    import crypt
    for name in ["ascii", "latin", "cjk", "spaces"]:
        pw = PASSWORDS[name]
        out = subprocess.run(["mkpasswd", "-m", "yescrypt", "--stdin"], input=pw.encode(),
                             capture_output=True, check=True).stdout.decode().strip()
        check(crypt.crypt(pw, out) == out, out)
        E.emit("ldap_crypt_yescrypt", "{CRYPT}" + out, pw,
               "mkpasswd -m yescrypt (Debian whois %s, libxcrypt %s) with the {CRYPT} prefix" % (deb("whois"), deb("libcrypt1")))


def gen_passlib():
    salted = [
        ("ldap_ssha", ph.ldap_salted_sha1, "ldap_salted_sha1"),
        ("ldap_smd5", ph.ldap_salted_md5, "ldap_salted_md5"),
        ("ldap_ssha256", ph.ldap_salted_sha256, "ldap_salted_sha256"),
        ("ldap_ssha512", ph.ldap_salted_sha512, "ldap_salted_sha512"),
    ]
    for file, handler, hname in salted:
        r = rng(file)
        for i, name in enumerate(PASSLIB_PASSWORDS):
            pw = PASSWORDS[name]
            size = (4, 8, 16, 5, 12)[i % 5]
            d = handler.using(salt=rand_bytes(r, size)).hash(pw)
            check(handler.verify(pw, d), d)
            E.emit(file, d, pw, PASSLIB % hname, "%d-byte salt" % size)
    for file, handler, hname in [("ldap_sha", ph.ldap_sha1, "ldap_sha1"), ("ldap_md5", ph.ldap_md5, "ldap_md5")]:
        for name in PASSLIB_PASSWORDS:
            pw = PASSWORDS[name]
            d = handler.hash(pw)
            check(handler.verify(pw, d), d)
            E.emit(file, d, pw, PASSLIB % hname)
    for file, handler, hname in [("ldap_pbkdf2_sha1", ph.ldap_pbkdf2_sha1, "ldap_pbkdf2_sha1"),
                                 ("ldap_pbkdf2_sha256", ph.ldap_pbkdf2_sha256, "ldap_pbkdf2_sha256"),
                                 ("ldap_pbkdf2_sha512", ph.ldap_pbkdf2_sha512, "ldap_pbkdf2_sha512")]:
        r = rng(file)
        for i, name in enumerate(PASSLIB_PASSWORDS):
            pw = PASSWORDS[name]
            size, rounds = [(16, 1000), (8, 1), (0, 2000), (32, 1000), (3, 1500)][i % 5]
            d = handler.using(salt=rand_bytes(r, size), rounds=rounds).hash(pw)
            check(handler.verify(pw, d), d)
            E.emit(file, d, pw, PASSLIB % hname, "%d-byte salt, %d rounds" % (size, rounds))
    crypts = [(ph.ldap_md5_crypt, "ldap_md5_crypt", {}),
              (ph.ldap_sha256_crypt, "ldap_sha256_crypt", {"rounds": 1000}),
              (ph.ldap_sha512_crypt, "ldap_sha512_crypt", {"rounds": 5000}),
              (ph.ldap_sha512_crypt, "ldap_sha512_crypt", {"rounds": 1200}),
              (ph.ldap_bcrypt, "ldap_bcrypt", {"rounds": 4})]
    r = rng("ldap_crypt")
    for handler, hname, kw in crypts:
        for name in ["ascii", "latin", "emoji", "empty"]:
            pw = PASSWORDS[name]
            d = handler.using(**kw).hash(pw)
            check(handler.verify(pw, d), d)
            E.emit("ldap_crypt", d, pw, PASSLIB % hname, ", ".join("%s=%s" % kv for kv in kw.items()) or None)
    for name in ["ascii", "one", "latin", "empty"]:
        pw = PASSWORDS[name]
        d = ph.ldap_des_crypt.using(salt=rand_str(r, 2, BCRYPT64)).hash(pw)
        check(ph.ldap_des_crypt.verify(pw, d), d)
        E.emit("ldap_crypt_des", d, pw, PASSLIB % "ldap_des_crypt")


def gen_atlassian():
    r = rng("atlassian_pbkdf2_sha1")
    for name in PASSLIB_PASSWORDS:
        pw = PASSWORDS[name]
        d = ph.atlassian_pbkdf2_sha1.using(salt=rand_bytes(r, 16)).hash(pw)
        check(ph.atlassian_pbkdf2_sha1.verify(pw, d), d)
        raw = base64.b64decode(d[len("{PKCS5S2}"):])
        check(hashlib.pbkdf2_hmac("sha1", pw.encode(), raw[:16], 10000, 32) == raw[16:], d)
        E.emit("atlassian_pbkdf2_sha1", d, pw, PASSLIB % "atlassian_pbkdf2_sha1")


class Recorder(Emitter):
    """An Emitter that also keeps what it wrote."""

    def __init__(self):
        super().__init__()
        self.recs = []

    def emit(self, file, digest, password, source, note=None, password_hex=None):
        super().emit(file, digest, password, source, note, password_hex)
        self.recs.append({"file": file, "digest": digest, "password": password, "source": source})


if __name__ == "__main__":
    E = Recorder()
    gen_slappasswd()
    variants(E.recs)
    gen_yescrypt()
    gen_passlib()
    gen_atlassian()
    for f, n in sorted(E.count.items()):
        print("gen_ldap: %-24s %3d" % (f, n), file=sys.stderr)
