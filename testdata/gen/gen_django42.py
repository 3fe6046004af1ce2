#!/usr/bin/python3
"""Django 4.2's own hasher strings: scrypt_django (ScryptPasswordHasher,
"scrypt$<N>$<salt>$<r>$<p>$<base64 hash>", new in Django 4.0) and
bcrypt_django (BCryptPasswordHasher, "bcrypt$<bcrypt digest>").

Debian 12 ships Django 3.2, which has no ScryptPasswordHasher, so gen.sh
unpacks Debian's bookworm-backports python3-django (4.2) into a temporary
folder (fetch_django42.sh) and runs this script with that folder on
PYTHONPATH, under Debian's /usr/bin/python3. Every digest is checked with
Django's own verify and, independently, with hashlib.scrypt / pyca bcrypt.
"""

import base64
import hashlib
import sys
import warnings

import bcrypt

from common import COMMON, PASSWORDS, Emitter, bcrypt_salt, deb, rand_str, rng

warnings.filterwarnings("ignore", category=DeprecationWarning)
E = Emitter()


def check(ok, what):
    if not ok:
        sys.exit("gen_django42: producer did not verify its own output: %s" % what)


def setup():
    import django
    from django.conf import settings
    settings.configure(PASSWORD_HASHERS=[
        "django.contrib.auth.hashers.ScryptPasswordHasher",
        "django.contrib.auth.hashers.BCryptPasswordHasher",
    ])
    django.setup()
    if not django.get_version().startswith("4."):
        sys.exit("gen_django42: want Django 4.x on PYTHONPATH, got %s" % django.get_version())
    return django.get_version()


VERSION = setup()
SRC = "Django %s %%s (Debian bookworm-backports python3-django 3:4.2.21-1~bpo12+1)" % VERSION


def gen_scrypt():
    from django.contrib.auth.hashers import ScryptPasswordHasher
    r = rng("scrypt_django")
    src = SRC % "ScryptPasswordHasher"
    # Django's default is N=2^14, r=8, p=1; the others are what a site's
    # subclass may set (work_factor, block_size, parallelism).
    plan = [(1 << 14, 8, 1, k) for k in COMMON + ["empty"]] + [
        (1 << 12, 8, 1, "ascii"), (1 << 10, 4, 2, "latin"), (1 << 15, 8, 1, "ascii"),
        (1 << 11, 1, 3, "emoji"), (1 << 14, 8, 1, "nul"),
    ]
    for n, bs, p, key in plan:
        pw = PASSWORDS[key]

        class Hasher(ScryptPasswordHasher):
            pass
        Hasher.work_factor, Hasher.block_size, Hasher.parallelism = n, bs, p
        if 128 * n * bs * p > 16 << 20:
            Hasher.maxmem = 256 << 20  # OpenSSL's default cap is 32 MiB
        hs = Hasher()
        salt = rand_str(r, 22)
        h = hs.encode(pw, salt)
        check(hs.verify(pw, h), h)
        f = h.split("$")
        want = hashlib.scrypt(pw.encode(), salt=f[2].encode(), n=int(f[1]), r=int(f[3]),
                              p=int(f[4]), maxmem=0x7fffffff, dklen=64)
        check(base64.b64decode(f[5]) == want, "hashlib.scrypt cross-check " + h)
        note = None
        if (n, bs, p) != (1 << 14, 8, 1):
            note = "subclass with work_factor=%d block_size=%d parallelism=%d" % (n, bs, p)
            if Hasher.maxmem:
                note += ", maxmem=%d" % Hasher.maxmem
        E.emit("scrypt_django", h, pw, src, note)


def gen_bcrypt():
    from django.contrib.auth.hashers import BCryptPasswordHasher
    r = rng("bcrypt_django")
    src = SRC % "BCryptPasswordHasher"
    plan = [(5, "2b", k) for k in COMMON + ["empty", "e80", "split72"]] + [
        (4, "2a", "ascii"), (12, "2b", "ascii"),
    ]
    for rounds, ident, key in plan:
        pw = PASSWORDS[key]

        class Hasher(BCryptPasswordHasher):
            pass
        Hasher.rounds = rounds
        hs = Hasher()
        salt = ("$%s$%02d$%s" % (ident, rounds, bcrypt_salt(r))).encode()
        h = hs.encode(pw, salt)
        check(hs.verify(pw, h), h)
        check(bcrypt.checkpw(pw.encode(), h[len("bcrypt$"):].encode()), "pyca cross-check " + h)
        note = "rounds=%d (subclass of the hasher)" % rounds
        if len(pw.encode()) > 72:
            note += "; bcrypt hashes only the first 72 bytes"
        E.emit("bcrypt_django", h, pw, src, note)


gen_scrypt()
gen_bcrypt()
