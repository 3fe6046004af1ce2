#!/usr/bin/python3
"""hmac_sha256_utf16_b64 vectors from ASP.NET Membership's keyed path,
computed under Mono by gen_membership.cs (compiled here with mcs into a
temporary folder). Writes JSON lines with a "file" key, like gen_python.py.

usage: gen_membership.py > membership.jsonl
"""

import base64
import json
import os
import random
import subprocess
import sys
import tempfile

from common import PASSWORDS, deb

HERE = os.path.dirname(os.path.abspath(__file__))


def membership(pairs):
    """pairs: [(password, salt bytes)] -> [base64 hash], from Mono."""
    with tempfile.TemporaryDirectory() as tmp:
        exe = os.path.join(tmp, "membership.exe")
        subprocess.run(["mcs", "-nologo", "-out:" + exe, os.path.join(HERE, "gen_membership.cs")],
                       check=True, capture_output=True)
        stdin = "".join("%s %s\n" % (pw.encode().hex(), base64.b64encode(s).decode()) for pw, s in pairs)
        out = subprocess.run(["mono", exe], input=stdin, text=True, capture_output=True, check=True)
    return out.stdout.split()


def main():
    rnd = random.Random(1207)
    plan = [("ascii", 16), ("latin", 16), ("cjk", 16), ("emoji", 16), ("long100", 16), ("empty", 16),
            ("spaces", 8), ("dollar", 1), ("quotes", 64), ("tabs", 100), ("padded", 20), ("one", 16)]
    pairs = [(PASSWORDS[k], bytes(rnd.randrange(256) for _ in range(n))) for k, n in plan]
    hashes = membership(pairs)
    assert len(hashes) == len(pairs)
    src = ("Mono %s (Debian mono-runtime %s, mono-mcs %s) System.Security.Cryptography.HMACSHA256, "
           "key filled as SqlMembershipProvider.EncodePassword does (gen_membership.cs)") % (
        deb("mono-runtime").split("+")[0], deb("mono-runtime"), deb("mono-mcs"))
    for (pw, salt), h in zip(pairs, hashes):
        how = ("%d-byte salt repeated to fill the 64-byte key" % len(salt) if len(salt) < 64 else
               "64-byte salt used as the key" if len(salt) == 64 else
               "%d-byte salt cut to the 64-byte key" % len(salt))
        print(json.dumps({"file": "hmac_sha256_utf16_b64",
                          "digest": "hmac_sha256_utf16_b64$%s$%s" % (h, base64.b64encode(salt).decode()),
                          "password": pw, "source": src,
                          "note": "reading: ASP.NET Membership (%s)" % how}))
    print("gen_membership: %-24s %3d" % ("hmac_sha256_utf16_b64", len(pairs)), file=sys.stderr)


if __name__ == "__main__":
    main()
