#!/usr/bin/python3
"""Benchmark digests from the real producers: this script (Django, passlib,
pyca bcrypt, hashlib, argon2-cffi, libxcrypt through the crypt module) runs gen_digests.php (PHP) and
gen_firebase.js (npm firebase-scrypt) in between, so the lines come out in
the benchmark order.

Writes one JSON object per line to stdout: case, hasher, digest, password,
source, note. Run with Debian's /usr/bin/python3 so the Debian packages
(python3-django, python3-passlib, python3-bcrypt, python3-argon2) are used.
Salts come from a seeded RNG, so reruns give the same lines.
"""

import base64
import hashlib
import json
import os
import platform
import random
import subprocess
import sys

PASSWORD = "correct horse battery staple"
ALNUM = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789"
BCRYPT64 = "./ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789"
PHPASS64 = "./0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz"
HERE = os.path.dirname(os.path.abspath(__file__))
R = random.Random("pwdigest-bench")


def deb(pkg):
    try:
        return subprocess.run(["dpkg-query", "-W", "-f=${Version}", pkg],
                              capture_output=True, text=True, check=True).stdout.strip()
    except (OSError, subprocess.CalledProcessError):
        return "unknown"


def pyver():
    return "Python %s (Debian python%d.%d %s)" % (
        platform.python_version(), sys.version_info[0], sys.version_info[1],
        deb("python%d.%d" % sys.version_info[:2]))


def rand_str(n, alphabet=ALNUM):
    return "".join(R.choice(alphabet) for _ in range(n))


def rand_salt(n):
    # No 0x00 byte: the argon2 CLI takes the salt as a command-line argument.
    return bytes(R.randrange(1, 256) for _ in range(n))


def emit(case, hasher, digest, source, note):
    rec = {"case": case, "hasher": hasher, "digest": digest, "password": PASSWORD,
           "source": source, "note": note}
    print(json.dumps(rec, ensure_ascii=True, separators=(",", ":")))


def check(ok, what):
    if not ok:
        sys.exit("gen_digests: producer did not verify its own output: %s" % what)


def django():
    import django as dj
    from django.conf import settings
    settings.configure(PASSWORD_HASHERS=[
        "django.contrib.auth.hashers.PBKDF2PasswordHasher",
        "django.contrib.auth.hashers.PBKDF2SHA1PasswordHasher",
    ])
    dj.setup()
    from django.contrib.auth.hashers import PBKDF2PasswordHasher, PBKDF2SHA1PasswordHasher
    src = "Django %s %%s (Debian python3-django %s)" % (dj.get_version(), deb("python3-django"))

    hs = PBKDF2PasswordHasher()
    h = hs.encode(PASSWORD, rand_str(22), 1200000)
    check(hs.verify(PASSWORD, h), h)
    emit("pbkdf2_sha256_django_1200000", "pbkdf2_sha256_django", h,
         src % "PBKDF2PasswordHasher.encode(password, salt, 1200000)",
         "1,200,000 iterations: Django 6.0's default; 22-character salt as Django makes")

    hs = PBKDF2SHA1PasswordHasher()
    h = hs.encode(PASSWORD, rand_str(22), 1300000)
    check(hs.verify(PASSWORD, h), h)
    emit("pbkdf2_sha1_1300000", "pbkdf2_sha1", h,
         src % "PBKDF2SHA1PasswordHasher.encode(password, salt, 1300000)",
         "1,300,000 iterations: OWASP's PBKDF2-HMAC-SHA1 figure and pwdigest's Policy default "
         "(Django 6.0 writes 1,200,000 for this hasher too)")


def pbkdf2_hashlib():
    salt = rand_salt(16)
    dk = hashlib.pbkdf2_hmac("sha256", PASSWORD.encode(), salt, 27500, 64)
    emit("pbkdf2_sha256_keycloak_27500", "pbkdf2_sha256",
         "pbkdf2_sha256$27500$%s$%s" % (base64.b64encode(salt).decode(), base64.b64encode(dk).decode()),
         pyver() + " hashlib.pbkdf2_hmac('sha256', password, salt, 27500, 64), Keycloak layout",
         "Keycloak pbkdf2-sha256 default before Keycloak 24 (27,500 iterations), 16-byte salt, 64-byte key as older Keycloak writes")

    salt = rand_str(16)
    dk = hashlib.pbkdf2_hmac("sha512", PASSWORD.encode(), salt.encode(), 210000, 64)
    emit("pbkdf2_sha512_210000", "pbkdf2_sha512", "pbkdf2_sha512$210000$%s$%s" % (salt, dk.hex()),
         pyver() + " hashlib.pbkdf2_hmac('sha512', password, salt, 210000, 64)",
         "210,000 iterations: OWASP's PBKDF2-HMAC-SHA512 figure; 64-byte key (one SHA-512 block)")


def phpass():
    import passlib
    from passlib.hash import phpass as ph
    h = ph.using(ident="P", rounds=13, salt=rand_str(8, PHPASS64)).hash(PASSWORD)
    check(ph.verify(PASSWORD, h) and h.startswith("$P$B"), h)
    emit("phpass_wordpress", "phpass", h,
         "passlib %s phpass.using(ident='P', rounds=13) (Debian python3-passlib %s)" % (
             passlib.__version__, deb("python3-passlib")),
         "$P$B: WordPress PasswordHash(8, true), 2^13 rounds (8193 MD5 calls)")


def scrypt_werkzeug():
    salt = rand_str(16)
    n, r, p = 32768, 8, 1
    dk = hashlib.scrypt(PASSWORD.encode(), salt=salt.encode(), n=n, r=r, p=p, maxmem=132 * n * r * p)
    emit("scrypt_werkzeug_32768_8_1", "scrypt_werkzeug",
         "scrypt:%d:%d:%d$%s$%s" % (n, r, p, salt, dk.hex()),
         pyver() + " hashlib.scrypt as in Werkzeug 3.1 generate_password_hash (64-byte key, hex)",
         "Werkzeug 3 default scrypt:32768:8:1, 16-character salt")


def argon2():
    import argon2 as a2
    import argon2.low_level as ll
    src = "argon2-cffi %s argon2.low_level.hash_secret (Debian python3-argon2 %s, libargon2 %s)" % (
        a2.__version__, deb("python3-argon2"), deb("libargon2-1"))
    for case, typ, m, t, p, note in [
        ("argon2id_19456_2_1", ll.Type.ID, 19456, 2, 1, "OWASP's first argon2id setting"),
        ("argon2id_65536_3_4", ll.Type.ID, 65536, 3, 4, "RFC 9106's second recommended setting"),
        ("argon2i_65536_3_4", ll.Type.I, 65536, 3, 4, "argon2i with RFC 9106's second setting"),
    ]:
        h = ll.hash_secret(PASSWORD.encode(), rand_salt(16), time_cost=t, memory_cost=m,
                           parallelism=p, hash_len=32, type=typ, version=19).decode()
        check(ll.verify_secret(h.encode(), PASSWORD.encode(), typ), h)
        emit(case, case.split("_")[0], h, src + " version=19",
             note + "; 16-byte salt (no 0x00 byte), 32-byte hash")


def bcrypt10():
    import bcrypt
    salt = ("$2b$10$" + rand_str(21, BCRYPT64) + R.choice(".Oeu")).encode()
    h = bcrypt.hashpw(PASSWORD.encode(), salt).decode()
    check(bcrypt.checkpw(PASSWORD.encode(), h.encode()), h)
    emit("bcrypt_cost10", "bcrypt", h,
         "pyca bcrypt %s hashpw (Debian python3-bcrypt %s)" % (bcrypt.__version__, deb("python3-bcrypt")),
         "cost 10: the default of pyca bcrypt, Django's BCryptSHA256 before 4.x, PHP before 8.4")


def yescrypt():
    import warnings
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", DeprecationWarning)
        import crypt
    # $y$j9T$: libxcrypt's default yescrypt cost (5: N=4096, r=32, 16 MiB).
    # 16 salt bytes as libxcrypt encodes them: 21 characters of 6 bits and
    # one of the last 2 bits.
    setting = "$y$j9T$" + rand_str(21, PHPASS64) + R.choice("./01")
    h = crypt.crypt(PASSWORD, setting)
    check(h and h.startswith(setting + "$") and crypt.crypt(PASSWORD, h) == h, h)
    emit("yescrypt_j9T", "yescrypt", h,
         "libxcrypt crypt() via %s crypt.crypt (Debian libcrypt1 %s)" % (pyver(), deb("libcrypt1")),
         "$y$j9T$: libxcrypt's default (cost 5: N=4096, r=32, 16 MiB), as Debian, Ubuntu and Fedora "
         "write /etc/shadow; 22-character salt as libxcrypt makes")


def other(cmd, env=None):
    """Runs another producer (PHP, Node) and passes its lines through."""
    out = subprocess.run(cmd, capture_output=True, text=True, check=True, env=env)
    sys.stdout.write(out.stdout)


def main():
    bcrypt10()
    other(["php", os.path.join(HERE, "gen_digests.php")])
    django()
    pbkdf2_hashlib()
    phpass()
    scrypt_werkzeug()
    other(["node", os.path.join(HERE, "gen_firebase.js")],
          dict(os.environ, NODE_PATH=os.path.join(HERE, "..", "gen", "node_modules")))
    argon2()
    yescrypt()


if __name__ == "__main__":
    main()
