#!/usr/bin/python3
"""crypt(3) producers beyond glibc's: libxcrypt (through Python's crypt
module and Debian whois' mkpasswd) for yescrypt ($y$), scrypt ($7$) and
traditional DES crypt; Django 3.2's CryptPasswordHasher (crypt$$...);
slapd's slappasswd -h {CRYPT} (DES);
passlib's des_crypt and apr_md5_crypt; Debian apache2-utils' htpasswd ($apr1$).

Writes JSON lines (with a "file" key) to stdout. Salts come from a seeded
RNG except mkpasswd's and htpasswd's, which pick their own. Every digest is
checked with its producer before it is written.
"""

import subprocess
import sys
import warnings

warnings.filterwarnings("ignore", category=DeprecationWarning)
import crypt  # noqa: E402 (deprecated in 3.11, removed in 3.13)

from common import COMMON, PASSWORDS, Emitter, deb, pyver, rand_bytes, rand_str, rng  # noqa: E402

E = Emitter()
ITOA64 = "./0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz"


def check(ok, what):
    if not ok:
        sys.exit("gen_crypt3: producer did not verify its own output: %s" % what)


def libxcrypt_src():
    return "libxcrypt %s crypt() via %s crypt module" % (deb("libcrypt1"), pyver())


def yescrypt_b64(b):
    """yescrypt's encode64: little-endian groups of 3 bytes, low 6 bits first."""
    out = []
    for i in range(0, len(b), 3):
        chunk = b[i:i + 3]
        v = int.from_bytes(chunk, "little")
        for _ in range((len(chunk) * 8 + 5) // 6):
            out.append(ITOA64[v & 63])
            v >>= 6
    return "".join(out)


def libxcrypt(pw, setting):
    h = crypt.crypt(pw, setting)
    if not h or h.startswith("*"):
        sys.exit("gen_crypt3: libxcrypt refused %r" % setting)
    check(crypt.crypt(pw, h) == h, h)
    return h


# --------------------------------------------------------------------------
# yescrypt, $y$
# --------------------------------------------------------------------------

def gen_yescrypt():
    r = rng("yescrypt")
    src = libxcrypt_src()
    # (params, salt bytes, password key, note). libxcrypt's gensalt writes
    # $y$j + N + r with cost 1..11 (mkpasswd -R); the rest are settings
    # libxcrypt's crypt() computes: p (have bit 1), t (bit 2), the WORM
    # ("/") and classic scrypt (".") flavors, other salt lengths.
    plan = [("j9T", 16, k, "libxcrypt's default: cost 5, N=4096, r=32 (16 MiB)") for k in COMMON]
    plan += [
        ("j9T", 16, "empty", "empty password"),
        ("j9T", 16, "e80", None),
        ("j75", 16, "ascii", "cost 1: N=1024, r=8"),
        ("j85", 16, "latin", "cost 2: N=2048, r=8"),
        ("j7T", 16, "cjk", "cost 3: N=1024, r=32"),
        ("j8T", 16, "emoji", "cost 4: N=2048, r=32"),
        ("jAT", 16, "ascii", "cost 6: N=8192, r=32 (32 MiB)"),
        ("j9T..", 16, "ascii", "p=2"),
        ("j9T.0", 16, "latin", "p=4"),
        ("j9T/.", 16, "ascii", "t=1"),
        ("j9T//", 16, "spaces", "t=2"),
        ("j9T0..", 16, "dollar", "p=2, t=1"),
        ("jC5.4", 16, "ascii", "N=16384, r=8, p=6: prehash at N/64"),
        ("j6/", 16, "cjk", "N=128, r=1"),
        ("/9T", 16, "ascii", "YESCRYPT_WORM flavor"),
        ("/9T/0", 16, "latin", "YESCRYPT_WORM flavor, t=3"),
        ("/75..", 16, "one", "YESCRYPT_WORM flavor, p=2"),
        ("/9T", 16, "empty", "YESCRYPT_WORM flavor, empty password"),
        (".9T", 16, "ascii", "classic scrypt flavor, binary salt"),
        (".75.0", 16, "latin", "classic scrypt flavor, p=4"),
        ("j9T", 8, "ascii", "8-byte salt"),
        ("j9T", 1, "latin", "1-byte salt"),
        ("j9T", 32, "ascii", "32-byte salt"),
        ("j9T", 64, "cjk", "64-byte salt, libxcrypt's largest"),
        ("j9T", 0, "ascii", "empty salt"),
    ]
    for params, n, key, note in plan:
        pw = PASSWORDS[key]
        setting = "$y$%s$%s" % (params, yescrypt_b64(rand_bytes(r, n)))
        E.emit("yescrypt", libxcrypt(pw, setting), pw, src, note)
    mk = "mkpasswd -m yescrypt (Debian whois %s, libxcrypt %s)" % (deb("whois"), deb("libcrypt1"))
    for cost, key in [(None, "ascii"), (1, "latin"), (5, "spaces"), (3, "ascii")]:
        pw = PASSWORDS[key]
        cmd = ["mkpasswd", "-m", "yescrypt"] + (["-R", str(cost)] if cost else []) + ["--stdin"]
        h = subprocess.run(cmd, input=pw.encode(), capture_output=True, check=True).stdout.decode().strip()
        check(crypt.crypt(pw, h) == h, h)
        E.emit("yescrypt", h, pw, mk + (" -R %d" % cost if cost else ""),
               "random salt: this line changes on every run")


# --------------------------------------------------------------------------
# scrypt, $7$
# --------------------------------------------------------------------------

def fixed30(v):
    return "".join(ITOA64[(v >> (6 * i)) & 63] for i in range(5))


def gen_scrypt_crypt():
    r = rng("scrypt_crypt")
    src = libxcrypt_src()
    plan = [(10, 8, 1, k, None) for k in COMMON] + [
        (10, 8, 1, "empty", None),
        (14, 32, 1, "ascii", "libxcrypt's default: cost 7, N=16384, r=32 (64 MiB)"),
        (12, 8, 2, "latin", "p=2"),
        (8, 1, 3, "cjk", "r=1, p=3"),
        (2, 8, 1, "ascii", "N=4, libxcrypt's smallest"),
    ]
    for nlog, rr, p, key, note in plan:
        pw = PASSWORDS[key]
        setting = "$7$%s%s%s%s" % (ITOA64[nlog], fixed30(rr), fixed30(p), rand_str(r, 22, ITOA64))
        E.emit("scrypt_crypt", libxcrypt(pw, setting), pw, src, note)
    pw = PASSWORDS["ascii"]
    h = subprocess.run(["mkpasswd", "-m", "scrypt", "--stdin"], input=pw.encode(),
                       capture_output=True, check=True).stdout.decode().strip()
    check(crypt.crypt(pw, h) == h, h)
    E.emit("scrypt_crypt", h, pw, "mkpasswd -m scrypt (Debian whois %s, libxcrypt %s)" % (
        deb("whois"), deb("libcrypt1")), "random salt: this line changes on every run")


# --------------------------------------------------------------------------
# DES crypt and Django's crypt$$
# --------------------------------------------------------------------------

def gen_des_crypt():
    import django
    import passlib
    from django.conf import settings
    from passlib.hash import des_crypt
    if not settings.configured:
        settings.configure()
    django.setup()
    from django.contrib.auth.hashers import CryptPasswordHasher
    r = rng("des_crypt")
    src = libxcrypt_src()
    keys = COMMON + ["empty", "e80"]
    for key in keys:
        pw = PASSWORDS[key]
        h = libxcrypt(pw, rand_str(r, 2, ITOA64))
        note = "only the first 8 bytes count" if len(pw.encode()) > 8 else None
        if any(ord(c) > 127 for c in pw):
            note = (note + "; " if note else "") + "the high bit of each byte is dropped"
        E.emit("des_crypt", h, pw, src, note)
    pl = "passlib %s des_crypt, backend %s (Debian python3-passlib %s)" % (
        passlib.__version__, des_crypt.get_backend(), deb("python3-passlib"))
    for key in ["ascii", "spaces", "quotes", "one"]:
        pw = PASSWORDS[key]
        h = des_crypt.using(salt=rand_str(r, 2, ITOA64)).hash(pw)
        check(des_crypt.verify(pw, h), h)
        E.emit("des_crypt", h, pw, pl)
    sl = "slappasswd -h {CRYPT} (Debian slapd %s, libxcrypt %s), the {CRYPT} prefix removed" % (
        deb("slapd"), deb("libcrypt1"))
    # slappasswd passes a long salt, so libxcrypt computes bigcrypt: for a
    # password of up to 8 bytes that is DES crypt itself.
    for key in ["ascii", "one", "e80", "spaces", "dollar"]:
        pw = PASSWORDS[key]
        out = subprocess.run(["slappasswd", "-h", "{CRYPT}", "-s", pw], capture_output=True, check=True)
        h = out.stdout.decode().strip()
        check(h.startswith("{CRYPT}") and crypt.crypt(pw, h[7:]) == h[7:], h)
        E.emit("des_crypt" if len(h) == 7 + 13 else "bigcrypt", h[7:], pw, sl,
               "random salt: this line changes on every run")
    dj = "Django %s CryptPasswordHasher (Debian python3-django %s), libxcrypt %s" % (
        django.get_version(), deb("python3-django"), deb("libcrypt1"))
    hs = CryptPasswordHasher()
    for key in ["ascii", "latin", "spaces", "dollar", "one", "empty"]:
        pw = PASSWORDS[key]
        h = hs.encode(pw, rand_str(r, 2, ITOA64))
        check(hs.verify(pw, h), h)
        E.emit("des_crypt", h, pw, dj, "Django's crypt$$ form")


# --------------------------------------------------------------------------
# Apache $apr1$
# --------------------------------------------------------------------------

def gen_apr1():
    import passlib
    from passlib.hash import apr_md5_crypt
    r = rng("apr1_md5_crypt")
    pl = "passlib %s apr_md5_crypt (Debian python3-passlib %s)" % (passlib.__version__, deb("python3-passlib"))
    for key in COMMON + ["empty", "e80"]:
        pw = PASSWORDS[key]
        h = apr_md5_crypt.using(salt=rand_str(r, 8, ITOA64)).hash(pw)
        check(apr_md5_crypt.verify(pw, h), h)
        E.emit("apr1_md5_crypt", h, pw, pl)
    for key in ["ascii", "short", "latin", "spaces"]:
        n = 4 if key == "short" else 8
        key = "ascii" if key == "short" else key
        pw = PASSWORDS[key]
        h = apr_md5_crypt.using(salt=rand_str(r, n, ITOA64)).hash(pw)
        check(apr_md5_crypt.verify(pw, h), h)
        E.emit("apr1_md5_crypt", h, pw, pl, "%d-character salt" % n if n != 8 else None)
    ht = "htpasswd -nbm (Debian apache2-utils %s)" % deb("apache2-utils")
    for key in ["ascii", "latin", "cjk", "spaces", "dollar", "emoji"]:
        pw = PASSWORDS[key]
        out = subprocess.run(["htpasswd", "-nbm", "user", pw], capture_output=True, check=True)
        h = out.stdout.decode().strip().split(":", 1)[1]
        check(apr_md5_crypt.verify(pw, h), h)
        E.emit("apr1_md5_crypt", h, pw, ht, "random salt: this line changes on every run")


def gen_bigcrypt():
    import passlib
    from passlib.hash import bigcrypt
    r = rng("bigcrypt")
    src = libxcrypt_src() + ", with a setting longer than 13 characters"
    pl = "passlib %s bigcrypt (Debian python3-passlib %s)" % (passlib.__version__, deb("python3-passlib"))
    for key in COMMON + ["e80"]:
        pw = PASSWORDS[key]
        if len(pw.encode()) <= 8:
            continue
        h = libxcrypt(pw, rand_str(r, 2, ITOA64) + "." * 11 + "x")
        note = "only the first 128 bytes count" if len(pw.encode()) > 128 else None
        if any(ord(c) > 127 for c in pw):
            note = "the high bit of each byte is dropped"
        E.emit("bigcrypt", h, pw, src, note)
    for key in ["spaces", "long100", "quotes"]:
        pw = PASSWORDS[key]
        h = bigcrypt.using(salt=rand_str(r, 2, ITOA64)).hash(pw)
        check(bigcrypt.verify(pw, h), h)
        E.emit("bigcrypt", h, pw, pl)


def main():
    gen_yescrypt()
    gen_bigcrypt()
    gen_scrypt_crypt()
    gen_des_crypt()
    gen_apr1()
    for name, n in sorted(E.count.items()):
        print("gen_crypt3: %-16s %3d" % (name, n), file=sys.stderr)


if __name__ == "__main__":
    main()
