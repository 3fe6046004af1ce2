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


# --------------------------------------------------------------------------
# Second group: legacy bcrypt, Werkzeug, Django extras, passlib PBKDF2, crypt(3)
# --------------------------------------------------------------------------

def gen_bcrypt_legacy():
    """$2$ from passlib's builtin backend (pyca bcrypt has no $2$)."""
    import passlib
    os.environ["PASSLIB_BUILTIN_BCRYPT"] = "enabled"
    from passlib.hash import bcrypt as pl_bcrypt
    pl_bcrypt.set_backend("builtin")
    r = rng("bcrypt_legacy")
    src = "passlib %s bcrypt ident '2', builtin backend (PASSLIB_BUILTIN_BCRYPT=enabled; Debian python3-passlib %s)" % (
        passlib.__version__, deb("python3-passlib"))
    for cost, key in [(4, "ascii"), (4, "one"), (5, "latin"), (4, "cjk"), (4, "spaces"),
                      (4, "dollar"), (4, "long100"), (5, "emoji")]:
        pw = PASSWORDS[key]
        h = pl_bcrypt.using(ident="2", rounds=cost, salt=bcrypt_salt(r)).hash(pw)
        check(pl_bcrypt.verify(pw, h), h)
        note = "$2$: key without the trailing NUL"
        if len(pw.encode()) > 72:
            note += "; only the first 72 bytes count"
        E.emit("bcrypt_legacy", h, pw, src, note)
    pl_bcrypt.set_backend("bcrypt")


def gen_werkzeug_pbkdf2():
    import werkzeug
    from werkzeug.security import _hash_internal, check_password_hash, generate_password_hash
    r = rng("pbkdf2_werkzeug")
    ver = "Werkzeug %s (Debian python3-werkzeug %s)" % (werkzeug.__version__, deb("python3-werkzeug"))
    plan = [("pbkdf2:sha256:1000", k) for k in COMMON] + [
        ("pbkdf2:sha256:1000", "empty"), ("pbkdf2:sha256:50000", "latin"),
        ("pbkdf2:sha256:1", "nul"),
        ("pbkdf2:sha512:1000", "ascii"), ("pbkdf2:sha512:1000", "cjk"),
        ("pbkdf2:sha512:2000", "emoji"), ("pbkdf2:sha512:1000", "long100"),
        ("pbkdf2:sha512:1000", "empty"),
    ]
    for method, key in plan:
        pw = PASSWORDS[key]
        salt = rand_str(r, 16 if r.random() < 0.7 else 8)
        # _hash_internal is what generate_password_hash calls after picking a
        # random salt; calling it directly keeps the salt reproducible.
        hv, actual = _hash_internal(method, salt, pw)
        h = "%s$%s$%s" % (actual, salt, hv)
        check(check_password_hash(h, pw), h)
        E.emit("pbkdf2_werkzeug", h, pw,
               ver + " security._hash_internal(%r) with a fixed salt" % method)
    for method, key in [("pbkdf2:sha256:1000", "dollar"), ("pbkdf2:sha512:1000", "latin"),
                        ("pbkdf2:sha256", "ascii")]:
        pw = PASSWORDS[key]
        h = generate_password_hash(pw, method=method)
        check(check_password_hash(h, pw), h)
        note = "Werkzeug 2.2 default iterations" if method == "pbkdf2:sha256" else None
        E.emit("pbkdf2_werkzeug", h, pw, ver + " generate_password_hash(method=%r)" % method, note)


def gen_argon2_django():
    import argon2
    import argon2.low_level as ll
    from django.contrib.auth.hashers import Argon2PasswordHasher
    r = rng("argon2_django")
    src = django_src("Argon2PasswordHasher") + " with argon2-cffi %s" % argon2.__version__
    plan = [(1, 64, 1, k) for k in COMMON] + [
        (2, 256, 2, "empty"), (2, 512, 2, "nul"), (1, 8, 1, "ascii"), (3, 1024, 4, "latin"),
    ]
    for t, m, p, key in plan:
        pw = PASSWORDS[key]

        class Hasher(Argon2PasswordHasher):
            time_cost, memory_cost, parallelism = t, m, p
        hs = Hasher()
        h = hs.encode(pw, rand_str(r, 22))
        check(hs.verify(pw, h), h)
        E.emit("argon2_django", h, pw, src,
               "Django 3.2 writes argon2id; time_cost=%d memory_cost=%d parallelism=%d (subclass)" % (t, m, p))
    # Django 1.10-3.1 wrote argon2i. Same shape, built with argon2-cffi as
    # those Django versions did (hash_secret, salt = the ASCII salt string).
    src = "argon2-cffi %s argon2.low_level.hash_secret type I in Django's 'argon2' + encoded shape (as Django 1.10-3.1 wrote it); verified with %s" % (
        argon2.__version__, django_src("Argon2PasswordHasher"))
    hs = Argon2PasswordHasher()
    for t, m, p, key, ver in [(2, 512, 2, "ascii", 19), (2, 512, 2, "latin", 19), (1, 64, 1, "cjk", 19),
                              (2, 128, 2, "spaces", 16)]:
        pw = PASSWORDS[key]
        enc = ll.hash_secret(pw.encode(), rand_str(r, 12).encode(), time_cost=t, memory_cost=m,
                             parallelism=p, hash_len=16, type=ll.Type.I, version=ver).decode()
        h = "argon2" + enc
        check(hs.verify(pw, h), h)
        E.emit("argon2_django", h, pw, src, "argon2i, version %d, 16-byte hash, t=%d m=%d p=%d (Django 1.10-3.1 defaults were t=2 m=512 p=2)" % (ver, t, m, p))
        if ver == 16:
            nov = h.replace("$v=16$", "$", 1)
            check(hs.verify(pw, nov), nov)
            E.emit("argon2_django", nov, pw, src + ", v=16$ removed",
                   "argon2i with no v= field (read as version 16); Django's verify accepts it")


def gen_django_salted(name, cls_name):
    from django.contrib.auth import hashers
    cls = getattr(hashers, cls_name)
    r = rng(name)
    hs = cls()
    src = django_src(cls_name)
    for key in COMMON + ["empty", "nul"]:
        pw = PASSWORDS[key]
        h = hs.encode(pw, rand_str(r, 5 if r.random() < 0.5 else 12))
        check(hs.verify(pw, h), h)
        E.emit(name, h, pw, src)


def gen_passlib_pbkdf2():
    import passlib
    from passlib.hash import pbkdf2_sha256, pbkdf2_sha512
    src = "passlib %s %%s (Debian python3-passlib %s)" % (passlib.__version__, deb("python3-passlib"))
    for name, h_cls in (("pbkdf2_sha256_passlib", pbkdf2_sha256), ("pbkdf2_sha512_passlib", pbkdf2_sha512)):
        r = rng(name)
        plan = [(1000, 16, k) for k in COMMON] + [(1000, 16, "empty"), (2000, 8, "nul"),
                                                  (29000, 16, "ascii"), (1, 0, "one")]
        for rounds, slen, key in plan:
            pw = PASSWORDS[key]
            h = h_cls.using(rounds=rounds, salt=rand_bytes(r, slen)).hash(pw)
            check(h_cls.verify(pw, h), h)
            note = "adapted base64 ('.' for '+', no padding)"
            if slen == 0:
                note += "; empty salt"
            if rounds == 29000 and name.endswith("256_passlib"):
                note += "; passlib 1.7 default rounds"
            E.emit(name, h, pw, src % h_cls.name, note)


def gen_sha_crypt():
    import crypt
    import passlib
    from passlib.hash import md5_crypt, sha256_crypt, sha512_crypt
    r = rng("sha_crypt")
    libc = "Python %s crypt.crypt (Debian libcrypt1 %s, libxcrypt)" % (
        __import__("platform").python_version(), deb("libcrypt1"))
    pl = "passlib %s %%s (Debian python3-passlib %s)" % (passlib.__version__, deb("python3-passlib"))
    SALT = "./0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz"
    for name, ident, pcls in (("sha512_crypt", "6", sha512_crypt), ("sha256_crypt", "5", sha256_crypt)):
        plan = [(None, 16, k) for k in ("ascii", "latin", "cjk", "spaces", "emoji")] + [
            (1000, 16, "dollar"), (1000, 8, "long100"), (5000, 16, "quotes"), (1000, 2, "one"),
            (None, 16, "empty"), (2000, 16, "tabs"), (1000, 16, "padded"),
        ]
        for rounds, slen, key in plan:
            pw = PASSWORDS[key]
            salt = rand_str(r, slen, SALT)
            setting = "$%s$%s%s" % (ident, "" if rounds is None else "rounds=%d$" % rounds, salt)
            h = crypt.crypt(pw, setting)
            check(h and h[0] == "$" and crypt.crypt(pw, h) == h and pcls.verify(pw, h), setting)
            notes = {None: "default 5000 rounds, implicit", 5000: "rounds=5000 written explicitly",
                     1000: "rounds=1000 (the minimum)"}
            note = notes[rounds] if rounds in notes else "rounds=%d" % rounds
            E.emit(name, h, pw, libc, note)
        for rounds, key in [(None, "ascii"), (1000, "latin"), (5000, "cjk"), (1500, "padded")]:
            pw = PASSWORDS[key]
            kw = {"salt": rand_str(r, 16, SALT)}
            if rounds:
                kw["rounds"] = rounds
            h = pcls.using(**kw).hash(pw)
            check(crypt.crypt(pw, h) == h, h)
            E.emit(name, h, pw, pl % pcls.name,
                   "passlib default rounds (%d)" % pcls.default_rounds if not rounds else None)
        # A salt longer than 16 characters is cut to 16.
        pw = PASSWORDS["ascii"]
        h = crypt.crypt(pw, "$%s$%s" % (ident, "saltsaltsaltsaltsalt"))
        check(crypt.crypt(pw, h) == h, h)
        E.emit(name, h, pw, libc, "setting salt 'saltsaltsaltsaltsalt' (20 chars) was cut to 16")
    for key in COMMON + ["empty"]:
        pw = PASSWORDS[key]
        h = crypt.crypt(pw, "$1$" + rand_str(r, 8, SALT))
        check(crypt.crypt(pw, h) == h and md5_crypt.verify(pw, h), h)
        E.emit("md5_crypt", h, pw, libc)
    for key, slen in [("ascii", 4), ("latin", 8), ("cjk", 0)]:
        pw = PASSWORDS[key]
        h = md5_crypt.using(salt=rand_str(r, slen, SALT)).hash(pw)
        check(crypt.crypt(pw, h) == h, h)
        E.emit("md5_crypt", h, pw, pl % "md5_crypt", "empty salt" if slen == 0 else "%d-char salt" % slen)


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
    if want("argon2d"):
        gen_argon2("argon2d")
    if want("bcrypt_legacy"):
        gen_bcrypt_legacy()
    if want("pbkdf2_werkzeug"):
        gen_werkzeug_pbkdf2()
    if want("argon2_django"):
        gen_argon2_django()
    if want("django_salted"):
        gen_django_salted("sha1_django", "SHA1PasswordHasher")
        gen_django_salted("md5_django", "MD5PasswordHasher")
    if want("passlib_pbkdf2"):
        gen_passlib_pbkdf2()
    if want("crypt"):
        gen_sha_crypt()
    for f, n in sorted(E.count.items()):
        print("gen_python: %-24s %3d" % (f, n), file=sys.stderr)


if __name__ == "__main__":
    main()
