#!/usr/bin/python3
"""Python producers: Django, passlib, pyca bcrypt, hashlib, argon2-cffi,
the argon2 CLI (driven from here), Werkzeug 2.2.2 and the crypt module.

Writes JSON lines (with a "file" key naming the output file) to stdout.
Salts come from a seeded RNG, so the output is the same on every run.
Every produced digest is checked with the producer's own verify function
before it is written.
"""

import base64
import hashlib
import os
import subprocess
import sys
import warnings

from common import (ALNUM, COMMON, PASSWORDS, BCRYPT64, Emitter, bcrypt_salt,
                    deb, pyver, rand_bytes, rand_str, rng)

warnings.filterwarnings("ignore", category=DeprecationWarning)

E = Emitter()


def check(ok, what):
    if not ok:
        sys.exit("gen_python: producer did not verify its own output: %s" % what)


# --------------------------------------------------------------------------
# Django
# --------------------------------------------------------------------------

def django_setup():
    import django
    from django.conf import settings
    if not settings.configured:
        settings.configure(PASSWORD_HASHERS=[
            "django.contrib.auth.hashers.PBKDF2PasswordHasher",
            "django.contrib.auth.hashers.PBKDF2SHA1PasswordHasher",
            "django.contrib.auth.hashers.BCryptSHA256PasswordHasher",
            "django.contrib.auth.hashers.Argon2PasswordHasher",
            "django.contrib.auth.hashers.SHA1PasswordHasher",
            "django.contrib.auth.hashers.MD5PasswordHasher",
        ])
    django.setup()
    return django.get_version()


def django_src(cls):
    return "Django %s %s (Debian python3-django %s)" % (
        DJANGO_VERSION, cls, deb("python3-django"))


# --------------------------------------------------------------------------
# bcrypt
# --------------------------------------------------------------------------

def gen_bcrypt():
    import bcrypt
    from passlib.hash import bcrypt as pl_bcrypt
    r = rng("bcrypt")
    src = "pyca bcrypt %s hashpw (Debian python3-bcrypt %s)" % (
        bcrypt.__version__, deb("python3-bcrypt"))
    trunc = "producer hashes only the first 72 bytes"
    plan = [
        ("2b", 4, "ascii"), ("2b", 5, "one"), ("2b", 6, "latin"),
        ("2b", 4, "cjk"), ("2b", 5, "spaces"), ("2b", 4, "dollar"),
        ("2b", 5, "quotes"), ("2b", 4, "emoji"), ("2b", 5, "padded"),
        ("2b", 4, "tabs"), ("2b", 4, "empty"),
        ("2b", 5, "long100"), ("2b", 4, "e80"), ("2b", 4, "split72"),
        ("2b", 10, "ascii"),
        ("2a", 4, "ascii"), ("2a", 5, "latin"), ("2a", 6, "long100"),
        ("2a", 4, "emoji"),
        ("2y", 4, "cjk"), ("2y", 5, "dollar"),
    ]
    for ident, cost, key in plan:
        pw = PASSWORDS[key]
        salt = ("$%s$%02d$%s" % (ident, cost, bcrypt_salt(r))).encode()
        h = bcrypt.hashpw(pw.encode(), salt).decode()
        check(bcrypt.checkpw(pw.encode(), h.encode()), h)
        note = trunc if len(pw.encode()) > 72 else None
        if key == "split72":
            note = trunc + "; the cut splits the 2-byte 'é' after its first byte"
        E.emit("bcrypt", h, pw, src, note)

    import passlib
    src = "passlib %s bcrypt, backend %s (Debian python3-passlib %s)" % (
        passlib.__version__, pl_bcrypt.get_backend(), deb("python3-passlib"))
    for ident, cost, key in [("2a", 4, "spaces"), ("2b", 5, "cjk"),
                             ("2y", 4, "ascii"), ("2a", 5, "tabs")]:
        pw = PASSWORDS[key]
        h = pl_bcrypt.using(ident=ident, rounds=cost, salt=bcrypt_salt(r)).hash(pw)
        check(pl_bcrypt.verify(pw, h), h)
        E.emit("bcrypt", h, pw, src)


def gen_bcrypt_sha256_django():
    from django.contrib.auth.hashers import BCryptSHA256PasswordHasher
    r = rng("bcrypt_sha256_django")
    src = django_src("BCryptSHA256PasswordHasher")
    plan = [(5, "2b", k) for k in COMMON] + [
        (4, "2b", "empty"), (4, "2b", "e80"), (6, "2b", "nul"),
        (4, "2a", "ascii"), (5, "2a", "latin"), (10, "2b", "ascii"),
    ]
    for rounds, ident, key in plan:
        pw = PASSWORDS[key]

        class Hasher(BCryptSHA256PasswordHasher):
            pass
        Hasher.rounds = rounds
        hs = Hasher()
        salt = ("$%s$%02d$%s" % (ident, rounds, bcrypt_salt(r))).encode()
        h = hs.encode(pw, salt)
        check(hs.verify(pw, h), h)
        note = "rounds=%d (subclass of the hasher)" % rounds
        if ident == "2a":
            note += "; $2a$ salt passed to encode()"
        E.emit("bcrypt_sha256_django", h, pw, src, note)


# --------------------------------------------------------------------------
# Plain hex digests
# --------------------------------------------------------------------------

def gen_plain():
    src = pyver()
    for name in ("md5", "sha256"):
        for key in COMMON + ["empty", "nul", "e80"]:
            pw = PASSWORDS[key]
            h = hashlib.new(name, pw.encode()).hexdigest()
            E.emit(name, h, pw, src + " hashlib.%s().hexdigest()" % name)
        for key in ("ascii", "latin"):
            pw = PASSWORDS[key]
            h = hashlib.new(name, pw.encode()).hexdigest().upper()
            E.emit(name, h, pw, src + " hashlib.%s().hexdigest().upper()" % name,
                   "upper-case hex")


# --------------------------------------------------------------------------
# PBKDF2 families
# --------------------------------------------------------------------------

def gen_pbkdf2_sha256_keycloak():
    r = rng("pbkdf2_sha256")
    src = pyver() + " hashlib.pbkdf2_hmac('sha256'), Keycloak layout"
    plan = [
        # iterations, salt bytes, key bytes, password
        (27500, 16, 64, "ascii"), (1000, 16, 64, "one"), (2000, 16, 64, "latin"),
        (5000, 16, 64, "cjk"), (1000, 16, 64, "spaces"), (1500, 16, 64, "dollar"),
        (1000, 16, 64, "quotes"), (3000, 16, 64, "emoji"), (1000, 16, 64, "long100"),
        (1000, 16, 64, "padded"), (1000, 16, 64, "tabs"), (1000, 16, 64, "empty"),
        (1000, 16, 32, "ascii"), (10000, 16, 32, "latin"), (1000, 8, 64, "cjk"),
        (1000, 32, 64, "spaces"), (1, 16, 64, "nul"), (27500, 16, 32, "emoji"),
    ]
    for it, slen, klen, key in plan:
        pw = PASSWORDS[key]
        salt = rand_bytes(r, slen)
        dk = hashlib.pbkdf2_hmac("sha256", pw.encode(), salt, it, klen)
        h = "pbkdf2_sha256$%d$%s$%s" % (it, base64.b64encode(salt).decode(),
                                        base64.b64encode(dk).decode())
        note = "%d-byte salt, %d-byte hash" % (slen, klen)
        if klen == 32:
            note += " (newer Keycloak 256-bit key size)"
        elif klen == 64:
            note += " (older Keycloak 512-bit key size)"
        E.emit("pbkdf2_sha256", h, pw, src, note)


def gen_pbkdf2_sha512():
    r = rng("pbkdf2_sha512")
    src = pyver() + " hashlib.pbkdf2_hmac('sha512')"
    plan = [
        (1000, 16, 64, "ascii"), (2000, 12, 64, "one"), (1000, 16, 64, "latin"),
        (5000, 16, 64, "cjk"), (1000, 8, 64, "spaces"), (1000, 16, 64, "dollar"),
        (1000, 16, 64, "quotes"), (1000, 20, 32, "emoji"), (1000, 16, 64, "long100"),
        (1000, 16, 64, "padded"), (1000, 16, 32, "tabs"), (1000, 16, 64, "empty"),
        (10000, 16, 64, "ascii"), (100000, 16, 64, "latin"), (1, 16, 16, "nul"),
    ]
    for it, slen, klen, key in plan:
        pw = PASSWORDS[key]
        salt = rand_str(r, slen)
        dk = hashlib.pbkdf2_hmac("sha512", pw.encode(), salt.encode(), it, klen)
        E.emit("pbkdf2_sha512", "pbkdf2_sha512$%d$%s$%s" % (it, salt, dk.hex()),
               pw, src, "salt used as its raw characters; %d-byte key" % klen)
    # Salts that look encoded must still be used raw.
    for salt, key in (("c2FsdHNhbHRzYWx0", "ascii"), ("a+b/c=d.e-f_g", "latin"),
                      ("sälzchen", "cjk")):
        pw = PASSWORDS[key]
        dk = hashlib.pbkdf2_hmac("sha512", pw.encode(), salt.encode(), 1000, 64)
        E.emit("pbkdf2_sha512", "pbkdf2_sha512$1000$%s$%s" % (salt, dk.hex()),
               pw, src, "salt used as raw UTF-8, not decoded")


def gen_pbkdf2_sha256_django():
    from django.contrib.auth.hashers import PBKDF2PasswordHasher
    r = rng("pbkdf2_sha256_django")
    hs = PBKDF2PasswordHasher()
    src = django_src("PBKDF2PasswordHasher")
    plan = [(1000, 12, k) for k in COMMON] + [
        (1000, 22, "empty"), (2000, 22, "nul"), (20000, 12, "ascii"),
        (36000, 12, "latin"), (260000, 22, "ascii"), (1, 1, "one"),
    ]
    for it, slen, key in plan:
        pw = PASSWORDS[key]
        h = hs.encode(pw, rand_str(r, slen), it)
        check(hs.verify(pw, h), h)
        note = "Django 3.2 default iterations" if it == 260000 else None
        E.emit("pbkdf2_sha256_django", h, pw, src, note)


def gen_pbkdf2_sha1():
    from django.contrib.auth.hashers import PBKDF2SHA1PasswordHasher
    r = rng("pbkdf2_sha1")
    src = pyver() + " hashlib.pbkdf2_hmac('sha1'), 20-byte key as hex"
    for it, key in [(1000, "ascii"), (2000, "one"), (1000, "latin"), (1000, "cjk"),
                    (5000, "spaces"), (1000, "dollar"), (1000, "long100"),
                    (1000, "emoji"), (1000, "empty"), (1, "tabs")]:
        pw = PASSWORDS[key]
        salt = rand_str(r, 12)
        dk = hashlib.pbkdf2_hmac("sha1", pw.encode(), salt.encode(), it, 20)
        E.emit("pbkdf2_sha1", "pbkdf2_sha1$%d$%s$%s" % (it, salt, dk.hex()), pw, src,
               "hex hash")
    hs = PBKDF2SHA1PasswordHasher()
    src = django_src("PBKDF2SHA1PasswordHasher")
    for it, key in [(1000, "ascii"), (1000, "latin"), (2000, "cjk"),
                    (1000, "quotes"), (1000, "padded"), (260000, "ascii"),
                    (1000, "empty")]:
        pw = PASSWORDS[key]
        h = hs.encode(pw, rand_str(r, 12), it)
        check(hs.verify(pw, h), h)
        E.emit("pbkdf2_sha1", h, pw, src, "base64 hash (20 bytes)")


# --------------------------------------------------------------------------
# phpass
# --------------------------------------------------------------------------

PHPASS64 = "./0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz"


def gen_phpass():
    import passlib
    from passlib.hash import phpass
    r = rng("phpass")
    src = "passlib %s phpass (Debian python3-passlib %s)" % (
        passlib.__version__, deb("python3-passlib"))
    plan = [("P", 8, k) for k in COMMON] + [
        ("P", 7, "empty"), ("P", 9, "e80"), ("P", 10, "ascii"), ("P", 13, "latin"),
        ("H", 7, "ascii"), ("H", 8, "latin"), ("H", 11, "cjk"), ("H", 9, "long100"),
    ]
    for ident, rounds, key in plan:
        pw = PASSWORDS[key]
        h = phpass.using(ident=ident, rounds=rounds,
                         salt=rand_str(r, 8, PHPASS64)).hash(pw)
        check(phpass.verify(pw, h), h)
        note = "2^%d rounds" % rounds
        if ident == "P" and rounds == 8:
            note += " (WordPress PasswordHash(8, true) shape)"
        E.emit("phpass", h, pw, src, note)


# --------------------------------------------------------------------------
# scrypt, Werkzeug 3 layout
# --------------------------------------------------------------------------

WERKZEUG3 = ("hashlib.scrypt as in Werkzeug 3.1.8 src/werkzeug/security.py "
             "_hash_internal (commit c1a26b45f)")


def werkzeug3_scrypt(pw, salt, n, r, p):
    # Same call as Werkzeug 3.x: UTF-8 password and salt, default dklen=64.
    maxmem = 132 * n * r * p
    h = hashlib.scrypt(pw.encode(), salt=salt.encode(), n=n, r=r, p=p,
                       maxmem=maxmem).hex()
    return "scrypt:%d:%d:%d$%s$%s" % (n, r, p, salt, h)


def gen_scrypt_werkzeug():
    r = rng("scrypt_werkzeug")
    src = pyver() + " " + WERKZEUG3
    urlsafe = ALNUM + "-_"
    plan = [
        (1024, 8, 1, "ascii"), (1024, 8, 1, "one"), (1024, 8, 1, "latin"),
        (1024, 8, 1, "cjk"), (1024, 8, 1, "spaces"), (1024, 8, 1, "dollar"),
        (1024, 8, 1, "quotes"), (1024, 8, 1, "emoji"), (1024, 8, 1, "long100"),
        (1024, 8, 1, "padded"), (1024, 8, 1, "tabs"), (1024, 8, 1, "empty"),
        (16384, 8, 1, "ascii"), (2048, 4, 2, "latin"), (4096, 1, 1, "cjk"),
        (32768, 8, 1, "ascii"), (32768, 8, 1, "emoji"),
    ]
    for i, (n, rr, p, key) in enumerate(plan):
        pw = PASSWORDS[key]
        # Werkzeug 3.0/3.1 salts are 16 alphanumerics; newer main uses
        # secrets.token_urlsafe(16) (22 chars with - and _).
        salt = rand_str(r, 16) if i % 3 else rand_str(r, 22, urlsafe)
        E.emit("scrypt_werkzeug", werkzeug3_scrypt(pw, salt, n, rr, p), pw, src,
               "Werkzeug 3 default parameters" if (n, rr, p) == (32768, 8, 1) else None)


# --------------------------------------------------------------------------
# Argon2: argon2-cffi and the argon2 CLI
# --------------------------------------------------------------------------

def argon2_cli(pw, salt, kind, t, m, p, length, version):
    # The CLI reads the password from stdin verbatim: no trailing newline.
    cmd = ["argon2", salt, "-" + kind, "-t", str(t), "-k", str(m), "-p", str(p),
           "-l", str(length), "-e"]
    if version == 16:
        cmd += ["-v", "10"]
    out = subprocess.run(cmd, input=pw.encode(), capture_output=True, check=True)
    return out.stdout.decode().strip()


def gen_argon2(variety):
    import argon2
    import argon2.low_level as ll
    r = rng(variety)
    typ = {"argon2i": ll.Type.I, "argon2id": ll.Type.ID, "argon2d": ll.Type.D}[variety]
    src = "argon2-cffi %s argon2.low_level.hash_secret (Debian python3-argon2 %s, libargon2 %s)" % (
        argon2.__version__, deb("python3-argon2"), deb("libargon2-1"))
    plan = [
        # version, t, m KiB, p, salt len, hash len, password
        (19, 2, 256, 1, 16, 32, "ascii"), (19, 1, 64, 1, 16, 32, "one"),
        (19, 3, 512, 2, 16, 32, "latin"), (19, 2, 1024, 4, 16, 32, "cjk"),
        (19, 1, 8, 1, 8, 16, "spaces"), (19, 4, 128, 1, 32, 64, "dollar"),
        (19, 2, 256, 3, 12, 24, "quotes"), (19, 1, 4096, 1, 16, 32, "emoji"),
        (19, 2, 64, 1, 16, 32, "long100"), (19, 1, 32, 2, 16, 48, "padded"),
        (19, 2, 128, 1, 16, 32, "tabs"), (19, 1, 64, 1, 16, 32, "empty"),
        (19, 1, 65536, 1, 16, 32, "ascii"), (19, 2, 64, 1, 16, 32, "nul"),
        (16, 2, 256, 1, 16, 32, "ascii"), (16, 1, 64, 2, 16, 32, "latin"),
        (16, 3, 128, 1, 8, 16, "cjk"), (16, 1, 32, 4, 16, 64, "emoji"),
    ]
    for ver, t, m, p, slen, hlen, key in plan:
        pw = PASSWORDS[key]
        h = ll.hash_secret(pw.encode(), rand_bytes(r, slen), time_cost=t,
                           memory_cost=m, parallelism=p, hash_len=hlen, type=typ,
                           version=ver).decode()
        check(ll.verify_secret(h.encode(), pw.encode(), typ), h)
        E.emit(variety, h, pw, src + " version=%d" % ver)
        if ver == 16:
            # libargon2 reads a digest without v= as version 16 (0x10).
            nov = h.replace("$v=16$", "$", 1)
            check(ll.verify_secret(nov.encode(), pw.encode(), typ), nov)
            E.emit(variety, nov, pw, src + " version=16, then v=16$ removed",
                   "no v= field: read as version 16; argon2-cffi verify_secret accepts it")

    cli = "argon2 CLI (Debian argon2 %s)" % deb("argon2")
    kind = {"argon2i": "i", "argon2id": "id", "argon2d": "d"}[variety]
    plan = [
        (19, 2, 1024, 1, 32, "ascii"), (19, 1, 256, 2, 16, "latin"),
        (19, 3, 64, 1, 64, "cjk"), (19, 2, 512, 4, 32, "dollar"),
        (19, 1, 128, 1, 32, "long100"),
        (16, 2, 1024, 1, 32, "ascii"), (16, 1, 64, 1, 24, "emoji"),
    ]
    for ver, t, m, p, hlen, key in plan:
        pw = PASSWORDS[key]
        salt = rand_str(r, 8 + r.randrange(9))
        h = argon2_cli(pw, salt, kind, t, m, p, hlen, ver)
        check(ll.verify_secret(h.encode(), pw.encode(), typ), h)
        args = "argon2 %s -%s -t %d -k %d -p %d -l %d -e%s" % (
            salt, kind, t, m, p, hlen, " -v 10" if ver == 16 else "")
        E.emit(variety, h, pw, cli, "command: " + args)


def main():
    global DJANGO_VERSION
    DJANGO_VERSION = django_setup()
    only = set(sys.argv[1:])

    def want(name):
        return not only or name in only

    if want("bcrypt"):
        gen_bcrypt()
    if want("bcrypt_sha256_django"):
        gen_bcrypt_sha256_django()
    if want("plain"):
        gen_plain()
    if want("pbkdf2"):
        gen_pbkdf2_sha256_keycloak()
        gen_pbkdf2_sha512()
        gen_pbkdf2_sha256_django()
        gen_pbkdf2_sha1()
    if want("phpass"):
        gen_phpass()
    if want("scrypt_werkzeug"):
        gen_scrypt_werkzeug()
    if want("argon2"):
        gen_argon2("argon2i")
        gen_argon2("argon2id")
    for f, n in sorted(E.count.items()):
        print("gen_python: %-24s %3d" % (f, n), file=sys.stderr)


if __name__ == "__main__":
    main()
