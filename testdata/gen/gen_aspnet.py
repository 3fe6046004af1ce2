#!/usr/bin/python3
"""ASP.NET producers: gen_aspnet.cs on Mono (compiled here with mcs into a
temporary folder), and npm aspnetcore-identity-password-hasher 1.0.1 (a
Node re-implementation of ASP.NET Core Identity's PasswordHasher, run by
gen_aspnet.js). Writes JSON lines (with a "file" key) to stdout. Mono's
digests use salts from a seeded RNG (reruns give the same lines); the npm
package draws its own. Every digest is recomputed here with hashlib before
it is written, the npm package's also by its own verify.
"""

import base64
import hashlib
import json
import os
import struct
import subprocess
import sys
import tempfile

from common import COMMON, PASSWORDS, Emitter, deb, rand_bytes, rng

E = Emitter()
HERE = os.path.dirname(os.path.abspath(__file__))
MONO = "Mono %s (Debian mono-runtime %s) Rfc2898DeriveBytes" % (
    deb("mono-runtime").split("+")[0], deb("mono-runtime"))
MONO_SHA1 = "Mono %s (Debian mono-runtime %s) SHA1 + Encoding.Unicode" % (
    deb("mono-runtime").split("+")[0], deb("mono-runtime"))
PRFS = ["sha1", "sha256", "sha512"]


def check(ok, what):
    if not ok:
        sys.exit("gen_aspnet: digest does not verify: %s" % what)


def hashlib_ok(digest, pw):
    raw = base64.b64decode(digest, validate=True)
    if raw[0] == 0:
        return len(raw) == 49 and hashlib.pbkdf2_hmac("sha1", pw.encode(), raw[1:17], 1000, 32) == raw[17:]
    prf, it, n = struct.unpack(">III", raw[1:13])
    salt, sub = raw[13:13 + n], raw[13 + n:]
    return hashlib.pbkdf2_hmac(PRFS[prf], pw.encode(), salt, it, len(sub)) == sub


def membership_ok(digest, pw):
    s, h = digest.split("$")
    return hashlib.sha1(base64.b64decode(s) + pw.encode("utf-16-le")).digest() == base64.b64decode(h)


def gen_mono():
    tmp = tempfile.mkdtemp()
    exe = os.path.join(tmp, "gen_aspnet.exe")
    subprocess.run(["mcs", "-nologo", "-out:" + exe, os.path.join(HERE, "gen_aspnet.cs")], check=True)
    tasks = []
    r = rng("aspnet")
    names = COMMON + ["empty", "e80"]
    for name in names:
        tasks.append(("aspnet_identity_v2", name, "v2 %s" % rand_bytes(r, 16).hex(), None))
    v3 = [(0, 1000, 16, 32), (1, 10000, 16, 32), (2, 100000, 16, 32), (1, 1, 16, 16),
          (2, 1000, 32, 64), (0, 2000, 24, 20), (1, 10000, 16, 32)]
    for i, name in enumerate(names):
        prf, it, sl, n = v3[i % len(v3)]
        note = "PRF %d (HMAC-%s), %d iterations, %d-byte salt, %d-byte subkey" % (prf, PRFS[prf].upper(), it, sl, n)
        if (prf, it) == (2, 100000):
            note += " (ASP.NET Core 7+'s defaults)"
        if (prf, it) == (1, 10000):
            note += " (ASP.NET Core 2-6's defaults)"
        tasks.append(("aspnet_identity_v3", name, "v3 %d %d %s %d" % (prf, it, rand_bytes(r, sl).hex(), n), note))
    for i, name in enumerate(names):
        tasks.append(("aspnet_membership_sha1", name, "mem %s" % rand_bytes(r, (16, 16, 8, 24)[i % 4]).hex(),
                      "SqlMembershipProvider hashed password, HashAlgorithmType SHA1, salt and hash columns joined with $"))
    lines = "".join("%s %s\n" % (t[2], PASSWORDS[t[1]].encode().hex() or "-") for t in tasks)
    out = subprocess.run(["mono", exe], input=lines.encode(), capture_output=True, check=True).stdout.decode().split()
    assert len(out) == len(tasks)
    for (file, name, _, note), d in zip(tasks, out):
        pw = PASSWORDS[name]
        if file == "aspnet_membership_sha1":
            check(membership_ok(d, pw), d)
            E.emit(file, d, pw, MONO_SHA1, note)
        else:
            check(hashlib_ok(d, pw), d)
            E.emit(file, d, pw, MONO + " in ASP.NET Core Identity's PasswordHasher layout", note)


def gen_node():
    out = subprocess.run(["node", os.path.join(HERE, "gen_aspnet.js")], capture_output=True, check=True,
                         cwd=HERE).stdout.decode()
    for line in out.splitlines():
        rec = json.loads(line)
        check(hashlib_ok(rec["digest"], rec["password"]), rec["digest"])
        E.emit(rec["file"], rec["digest"], rec["password"], rec["source"], rec.get("note"))


if __name__ == "__main__":
    gen_mono()
    gen_node()
    for f, n in sorted(E.count.items()):
        print("gen_aspnet: %-24s %3d" % (f, n), file=sys.stderr)
