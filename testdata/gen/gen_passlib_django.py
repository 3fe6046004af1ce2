#!/usr/bin/python3
"""passlib's and Django 3.2's own strings not covered by gen_python.py:
bcrypt_sha256_passlib ("$bcrypt-sha256$v=2,t=2b,r=12$<salt>$<hash>" and the
v1 form "$bcrypt-sha256$2b,12$<salt>$<hash>"), scrypt_passlib
("$scrypt$ln=<log2 N>,r=<r>,p=<p>$<ab64 salt>$<ab64 hash>"; Ory Kratos'
import form "$scrypt$ln=<N>,...$<base64 salt>$<base64 hash>" from hashlib,
following Kratos' hash_comparator.go, and Kratos' own published test vector)
and bcrypt_django (Django 3.2's BCryptPasswordHasher).

Run with Debian's /usr/bin/python3. Every digest is checked with its
producer's own verify and with an independent computation (pyca bcrypt,
hashlib) before it is written.
"""

import base64
import hashlib
import hmac
import sys
import warnings

warnings.filterwarnings("ignore", category=DeprecationWarning)

import bcrypt  # noqa: E402

from common import (COMMON, PASSWORDS, Emitter, bcrypt_salt, deb,  # noqa: E402
                    pyver, rand_bytes, rand_str, rng)

E = Emitter()


def check(ok, what):
    if not ok:
        sys.exit("gen_passlib_django: producer did not verify its own output: %s" % what)


def passlib_src(handler):
    import passlib
    return "passlib %s %s (Debian python3-passlib %s)" % (
        passlib.__version__, handler, deb("python3-passlib"))


def ab64d(s):
    s = s.replace(".", "+")
    return base64.b64decode(s + "=" * (-len(s) % 4))


def gen_bcrypt_sha256():
    from passlib.hash import bcrypt_sha256
    src = passlib_src("bcrypt_sha256")
    plan = [(2, "2b", 5, k) for k in COMMON + ["empty", "e80"]] + [
        (2, "2b", 4, "nul"), (2, "2b", 12, "ascii"),
        (1, "2b", 5, "ascii"), (1, "2a", 4, "latin"), (1, "2b", 4, "emoji"),
        (1, "2b", 5, "long100"), (1, "2b", 4, "empty"),
    ]
    r = rng("bcrypt_sha256_passlib")
    for version, ident, rounds, key in plan:
        pw = PASSWORDS[key]
        h = bcrypt_sha256.using(version=version, ident=ident, rounds=rounds,
                                salt=bcrypt_salt(r)).hash(pw)
        check(bcrypt_sha256.verify(pw, h), h)
        # Independent: the key passlib feeds bcrypt, then pyca bcrypt.
        f = h.split("$")
        if version == 2:
            salt = f[3]
            key_b = base64.b64encode(hmac.new(salt.encode(), pw.encode(), hashlib.sha256).digest())
            inner = "$%s$%02d$%s%s" % (ident, rounds, salt, f[4])
        else:
            salt = f[3]
            key_b = base64.b64encode(hashlib.sha256(pw.encode()).digest())
            inner = "$%s$%02d$%s%s" % (ident, rounds, salt, f[4])
        check(bcrypt.checkpw(key_b, inner.encode()), "pyca cross-check " + h)
        E.emit("bcrypt_sha256_passlib", h, pw, src, "v=%d" % version)


def gen_scrypt():
    from passlib.hash import scrypt
    src = passlib_src("scrypt (hashlib backend)")
    plan = [(14, 8, 1, 16, k) for k in COMMON + ["empty"]] + [
        (10, 8, 1, 0, "ascii"), (12, 4, 2, 32, "latin"), (16, 8, 1, 16, "ascii"),
        (11, 1, 3, 5, "cjk"),
    ]
    r = rng("scrypt_passlib")
    for ln, bs, p, saltlen, key in plan:
        pw = PASSWORDS[key]
        h = scrypt.using(rounds=ln, block_size=bs, parallelism=p,
                         salt=rand_bytes(r, saltlen)).hash(pw)
        check(scrypt.verify(pw, h), h)
        f = h.split("$")
        want = hashlib.scrypt(pw.encode(), salt=ab64d(f[3]), n=1 << ln, r=bs, p=p,
                              maxmem=0x7fffffff, dklen=32)
        check(ab64d(f[4]) == want, "hashlib cross-check " + h)
        note = "empty salt" if saltlen == 0 else None
        E.emit("scrypt_passlib", h, pw, src, note)
    # Ory Kratos' import form: ln is N itself, salt and hash standard base64.
    ksrc = pyver() + " hashlib.scrypt, as Ory Kratos' hash_comparator.go CompareScrypt reads the form"
    for n, bs, p, key in [(16384, 8, 1, "ascii"), (16384, 8, 1, "latin"),
                          (1024, 8, 2, "emoji"), (32768, 8, 1, "spaces")]:
        pw = PASSWORDS[key]
        salt = rand_bytes(r, 32)
        dk = hashlib.scrypt(pw.encode(), salt=salt, n=n, r=bs, p=p, maxmem=0x7fffffff, dklen=32)
        h = "$scrypt$ln=%d,r=%d,p=%d$%s$%s" % (n, bs, p, base64.b64encode(salt).decode(),
                                               base64.b64encode(dk).decode())
        E.emit("scrypt_passlib", h, pw, ksrc, "Kratos import form (ln = N)")


def gen_bcrypt_django32():
    import django
    from django.conf import settings
    settings.configure(PASSWORD_HASHERS=["django.contrib.auth.hashers.BCryptPasswordHasher"])
    django.setup()
    from django.contrib.auth.hashers import BCryptPasswordHasher
    src = "Django %s BCryptPasswordHasher (Debian python3-django %s)" % (
        django.get_version(), deb("python3-django"))
    r = rng("bcrypt_django32")
    for rounds, ident, key in [(5, "2b", "ascii"), (4, "2b", "latin"), (4, "2b", "emoji"),
                               (5, "2b", "long100"), (4, "2a", "dollar")]:
        pw = PASSWORDS[key]

        class Hasher(BCryptPasswordHasher):
            pass
        Hasher.rounds = rounds
        hs = Hasher()
        h = hs.encode(pw, ("$%s$%02d$%s" % (ident, rounds, bcrypt_salt(r))).encode())
        check(hs.verify(pw, h), h)
        check(bcrypt.checkpw(pw.encode(), h[len("bcrypt$"):].encode()), "pyca cross-check " + h)
        E.emit("bcrypt_django", h, pw, src, "rounds=%d (subclass of the hasher)" % rounds)


gen_bcrypt_sha256()
gen_scrypt()
gen_bcrypt_django32()
