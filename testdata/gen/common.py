"""Shared helpers for the Python vector producers.

Run with Debian's /usr/bin/python3 so that the Debian packages
(python3-django, python3-passlib, python3-bcrypt, python3-argon2,
python3-werkzeug) are the ones imported.
"""

import json
import os
import platform
import random
import subprocess
import sys

# Passwords used across hashers (passwords.json is shared with gen_php.php
# and gen_firebase.js). Each producer picks the ones it accepts.
with open(os.path.join(os.path.dirname(os.path.abspath(__file__)), "passwords.json"),
          encoding="utf-8") as _f:
    PASSWORDS = json.load(_f)
assert len(PASSWORDS["long100"]) == 100
assert len(PASSWORDS["e80"].encode()) == 80 and len(PASSWORDS["split72"].encode()) == 73

# Passwords almost every producer accepts (no empty, no NUL).
COMMON = ["ascii", "one", "latin", "cjk", "spaces", "dollar", "quotes",
          "emoji", "long100", "padded", "tabs"]

_deb_cache = {}


def deb(pkg):
    """Version of an installed Debian package, for the source field."""
    if pkg not in _deb_cache:
        try:
            out = subprocess.run(["dpkg-query", "-W", "-f=${Version}", pkg],
                                 capture_output=True, text=True, check=True)
            _deb_cache[pkg] = out.stdout.strip()
        except (OSError, subprocess.CalledProcessError):
            _deb_cache[pkg] = "unknown"
    return _deb_cache[pkg]


def pyver():
    return "Python %s (Debian python%d.%d %s)" % (
        platform.python_version(), sys.version_info[0], sys.version_info[1],
        deb("python%d.%d" % sys.version_info[:2]))


class Emitter:
    """Writes one JSON object per line: file, digest, password, source, note."""

    def __init__(self, out=sys.stdout):
        self.out = out
        self.count = {}

    def emit(self, file, digest, password, source, note=None, password_hex=None):
        rec = {"file": file, "digest": digest}
        if password_hex is not None:
            rec["password_hex"] = password_hex
        else:
            rec["password"] = password
        rec["source"] = source
        if note:
            rec["note"] = note
        self.out.write(json.dumps(rec, ensure_ascii=True) + "\n")
        self.count[file] = self.count.get(file, 0) + 1


def rng(name):
    """A deterministic random source per hasher, so reruns give the same salts."""
    return random.Random("pwdigest-" + name)


ALNUM = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789"
BCRYPT64 = "./ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789"


def rand_str(r, n, alphabet=ALNUM):
    return "".join(r.choice(alphabet) for _ in range(n))


def rand_bytes(r, n):
    return bytes(r.randrange(256) for _ in range(n))


def bcrypt_salt(r):
    """22 bcrypt-base64 chars whose last char carries no stray bits."""
    s = rand_str(r, 21, BCRYPT64)
    return s + r.choice(".Oeu")
