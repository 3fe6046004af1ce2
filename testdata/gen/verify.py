#!/usr/bin/python3
"""Cross-check every committed vector with real implementations, preferably
one other than the producer: pyca bcrypt, passlib, Django, argon2-cffi,
hashlib, PHP (verify.php) and Node (verify_node.js).

Each line must pass every checker listed for its digest. Known, documented
disagreements between implementations are listed in EXPECTED_FAIL and must
really fail (so the note stays true).

usage: verify.py [VECTORS_DIR]
"""

import base64
import binascii
import glob
import hashlib
import json
import os
import subprocess
import sys
import warnings

import verify_crypt3

warnings.filterwarnings("ignore", category=DeprecationWarning)

HERE = os.path.dirname(os.path.abspath(__file__))

# (file, digest prefix, checker): implementations that are known to reject
# the vector. verify.py fails if any of them starts to accept it.
EXPECTED_FAIL = {
    ("bcrypt_bytes", "$2a$05$/OK.fbVrR/bpIqNJ5ianF.nqd1wy.pTMdcvrRWxyiGL2eMz.2a85.", "pyca-bcrypt"):
        "crypt_blowfish $2a$ safety countermeasure",
    ("bcrypt_bytes", "$2a$05$/OK.fbVrR/bpIqNJ5ianF.ZC1JEJ8Z4gPfpe1JOr/oyPXTWl9EFd.", "pyca-bcrypt"):
        "crypt_blowfish $2a$ safety countermeasure",
}


def pw_bytes(rec):
    if "password_hex" in rec:
        return bytes.fromhex(rec["password_hex"])
    return rec["password"].encode("utf-8")


class Checks:
    def __init__(self):
        self.php = []    # (key, task)
        self.node = []
        self.results = {}  # key -> {checker: ok}

    def put(self, key, checker, ok):
        self.results.setdefault(key, {})[checker] = bool(ok)

    def add_php(self, key, checker, task):
        self.php.append((key, checker, task))

    def add_node(self, key, checker, task):
        self.node.append((key, checker, task))

    def run_external(self):
        for cmd, tasks in ((["php", os.path.join(HERE, "verify.php")], self.php),
                           (["node", os.path.join(HERE, "verify_node.js")], self.node)):
            if not tasks:
                continue
            lines = []
            for i, (_, _, task) in enumerate(tasks):
                t = dict(task, id=i)
                lines.append(json.dumps(t))
            out = subprocess.run(cmd, input="\n".join(lines) + "\n", text=True,
                                 capture_output=True, cwd=HERE)
            if out.returncode != 0:
                sys.exit("verify: %s failed: %s" % (cmd[0], out.stderr))
            for line in out.stdout.splitlines():
                r = json.loads(line)
                key, checker, _ = tasks[r["id"]]
                self.put(key, checker, r["ok"])


def b64d(s):
    return base64.b64decode(s + "=" * (-len(s) % 4))


def check_file(name, recs, C):
    import bcrypt
    import argon2.low_level as ll
    from passlib.hash import phpass

    for i, rec in enumerate(recs):
        key = (name, i)
        d = rec["digest"]
        pw = pw_bytes(rec)
        hexpw = pw.hex()

        if name in ("bcrypt", "bcrypt_legacy", "bcrypt_bytes"):
            ident = d[1:d.index("$", 1)]
            if ident in ("2a", "2b", "2y"):
                try:
                    C.put(key, "pyca-bcrypt", bcrypt.checkpw(pw, d.encode()))
                except ValueError:
                    C.put(key, "pyca-bcrypt", False)
            if ident == "2":
                from passlib.hash import bcrypt as pl
                C.put(key, "passlib-builtin", pl.verify(pw, d))
            if ident != "2":  # crypt_blowfish has no $2$
                C.add_php(key, "php-crypt", {"kind": "crypt", "pw_hex": hexpw, "digest": d})
        elif name == "bcrypt_sha256_django":
            from django.contrib.auth.hashers import BCryptSHA256PasswordHasher
            C.put(key, "django", BCryptSHA256PasswordHasher().verify(pw.decode(), d))
            inner = d[len("bcrypt_sha256$"):]
            pre = binascii.hexlify(hashlib.sha256(pw).digest())
            C.put(key, "pyca-bcrypt(hex(sha256))", bcrypt.checkpw(pre, inner.encode()))
            C.add_php(key, "php(hex(sha256))", {"kind": "crypt", "pw_hex": pre.hex(), "digest": inner})
        elif name in ("md5", "sha256"):
            C.put(key, "hashlib", hashlib.new(name, pw).hexdigest() == d.lower())
        elif name == "pbkdf2_sha256":
            _, it, salt, h = d.split("$")
            salt, h = base64.b64decode(salt, validate=True), base64.b64decode(h, validate=True)
            C.put(key, "hashlib", hashlib.pbkdf2_hmac("sha256", pw, salt, int(it), len(h)) == h)
            C.add_php(key, "php-hash_pbkdf2", {"kind": "pbkdf2", "algo": "sha256", "pw_hex": hexpw,
                                                "salt_hex": salt.hex(), "iter": int(it), "want_hex": h.hex()})
        elif name in ("pbkdf2_sha512", "pbkdf2_sha1"):
            algo = name[len("pbkdf2_"):]
            _, it, salt, h = d.split("$")
            is_hex = algo == "sha512" or (len(h) == 40 and all(c in "0123456789abcdef" for c in h))
            if is_hex:
                hb = bytes.fromhex(h)
            else:
                hb = base64.b64decode(h, validate=True)
            salt = salt.encode()
            C.put(key, "hashlib", hashlib.pbkdf2_hmac(algo, pw, salt, int(it), len(hb)) == hb)
            C.add_php(key, "php-hash_pbkdf2", {"kind": "pbkdf2", "algo": algo, "pw_hex": hexpw,
                                                "salt_hex": salt.hex(), "iter": int(it), "want_hex": hb.hex()})
            if algo == "sha1" and not is_hex:
                from django.contrib.auth.hashers import PBKDF2SHA1PasswordHasher
                if len(hb) == 20:
                    C.put(key, "django", PBKDF2SHA1PasswordHasher().verify(pw.decode(), d))
        elif name == "pbkdf2_sha256_django":
            from django.contrib.auth.hashers import PBKDF2PasswordHasher
            C.put(key, "django", PBKDF2PasswordHasher().verify(pw.decode(), d))
            _, it, salt, h = d.split("$")
            hb = base64.b64decode(h, validate=True)
            C.add_php(key, "php-hash_pbkdf2", {"kind": "pbkdf2", "algo": "sha256", "pw_hex": hexpw,
                                                "salt_hex": salt.encode().hex(), "iter": int(it), "want_hex": hb.hex()})
        elif name == "phpass":
            C.put(key, "passlib", phpass.verify(pw, d))
        elif name == "scrypt_firebase":
            h, salt, skey, sep, rounds, mem = d.split("$")
            try:
                from cryptography.hazmat.primitives.ciphers import Cipher, algorithms, modes
            except ImportError:  # python3-cryptography is optional
                Cipher = None
            if Cipher is not None:
                dk = hashlib.scrypt(pw, salt=b64d(salt) + b64d(sep), n=1 << int(mem), r=int(rounds),
                                    p=1, dklen=32, maxmem=1 << 26)
                enc = Cipher(algorithms.AES(dk), modes.CTR(b"\0" * 16)).encryptor()
                C.put(key, "hashlib+cryptography", enc.update(b64d(skey)) + enc.finalize() == b64d(h))
            C.add_node(key, "npm-firebase-scrypt", {"kind": "firebase", "pw_hex": hexpw, "digest": d})
        elif name == "scrypt_werkzeug":
            params, salt, h = d.split("$", 2)
            _, n, r, p = params.split(":")
            n, r, p = int(n), int(r), int(p)
            hb = bytes.fromhex(h)
            C.put(key, "hashlib", hashlib.scrypt(pw, salt=salt.encode(), n=n, r=r, p=p, dklen=len(hb),
                                                 maxmem=132 * n * r * p + (1 << 20)) == hb)
            C.add_node(key, "node-crypto.scrypt", {"kind": "scrypt", "pw_hex": hexpw, "salt_hex": salt.encode().hex(),
                                                   "n": n, "r": r, "p": p, "want_hex": h})
        elif name in ("argon2i", "argon2id", "argon2d"):
            typ = {"argon2i": ll.Type.I, "argon2id": ll.Type.ID, "argon2d": ll.Type.D}[name]
            try:
                C.put(key, "argon2-cffi", ll.verify_secret(d.encode(), pw, typ))
            except Exception:
                C.put(key, "argon2-cffi", False)
            if name != "argon2d":
                C.add_php(key, "php-password_verify", {"kind": "password_verify", "pw_hex": hexpw, "digest": d})
        else:
            check_more(name, key, d, pw, rec, C)


def ab64d(s):
    return b64d(s.replace(".", "+"))


def drupal7_check(d, pw):
    """Drupal 7's user_check_password, written again from password.inc."""
    from passlib.hash import phpass
    if d.startswith("U$"):
        d, pw = d[1:], hashlib.md5(pw).hexdigest().encode()
    if d.startswith(("$P$", "$H$")):
        return phpass.verify(pw, d)
    if len(pw) > 512:
        return False
    itoa = "./0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz"
    salt, h = d[4:12].encode(), hashlib.sha512(d[4:12].encode() + pw).digest()
    for _ in range(1 << itoa.index(d[3])):
        h = hashlib.sha512(h + pw).digest()
    out, v, bits = "", 0, 0
    for b in h:  # phpass base64: low bits first
        v |= b << bits
        bits += 8
        while bits >= 6:
            out += itoa[v & 63]
            v >>= 6
            bits -= 6
    out += itoa[v & 63] if bits else ""
    return d == d[:12] + out[:43]


def recipe_php(d, pw, note):
    """Re-runs the PHP expression recorded in a recipe line's note with the
    salt, pepper or key of its fields; true when PHP's value equals the
    line's hash field."""
    expr = note.rsplit("PHP: ", 1)[1]
    fields = dict(f.split("=", 1) for f in d.split(" ")[1:])

    def val(name):
        for k, v in fields.items():
            n, _, enc = k.partition(".")
            if n == name:
                return {"": v.encode, "hex": lambda: bytes.fromhex(v), "b64": lambda: base64.b64decode(v)}[enc]()
        return b""
    s, k, h = val("salt"), val("key") or val("pepper"), val("hash")
    code = "$p = hex2bin('%s'); $s = hex2bin('%s'); $k = hex2bin('%s'); echo bin2hex(%s);" % (
        pw.hex(), s.hex(), k.hex(), expr)
    out = subprocess.run(["php", "-r", code], capture_output=True, text=True, check=True).stdout
    return bytes.fromhex(out) == h


def check_more(name, key, d, pw, rec, C):
    import bcrypt
    import hmac
    import argon2.low_level as ll
    hexpw = pw.hex()
    if name == "pbkdf2_werkzeug":
        from werkzeug.security import check_password_hash
        C.put(key, "werkzeug-2.2", check_password_hash(d, pw.decode()))
        method, salt, h = d.split("$", 2)
        _, algo, it = method.split(":")
        hb = bytes.fromhex(h)
        C.put(key, "hashlib", hashlib.pbkdf2_hmac(algo, pw, salt.encode(), int(it), len(hb)) == hb)
        C.add_php(key, "php-hash_pbkdf2", {"kind": "pbkdf2", "algo": algo, "pw_hex": hexpw,
                                            "salt_hex": salt.encode().hex(), "iter": int(it), "want_hex": h})
    elif name == "argon2_django":
        from django.contrib.auth.hashers import Argon2PasswordHasher
        C.put(key, "django", Argon2PasswordHasher().verify(pw.decode(), d))
        inner = d[len("argon2"):]
        typ = ll.Type.ID if inner.startswith("$argon2id$") else ll.Type.I
        try:
            C.put(key, "argon2-cffi", ll.verify_secret(inner.encode(), pw, typ))
        except Exception:
            C.put(key, "argon2-cffi", False)
        C.add_php(key, "php-password_verify", {"kind": "password_verify", "pw_hex": hexpw, "digest": inner})
    elif name in ("sha1_django", "md5_django"):
        from django.contrib.auth import hashers
        cls = hashers.SHA1PasswordHasher if name == "sha1_django" else hashers.MD5PasswordHasher
        C.put(key, "django", cls().verify(pw.decode(), d))
        algo, salt, h = d.split("$", 2)
        C.put(key, "hashlib", hashlib.new(algo, salt.encode() + pw).hexdigest() == h)
    elif name in ("pbkdf2_sha256_passlib", "pbkdf2_sha512_passlib"):
        from passlib.hash import pbkdf2_sha256, pbkdf2_sha512
        cls = pbkdf2_sha256 if "256" in name else pbkdf2_sha512
        C.put(key, "passlib", cls.verify(pw, d))
        _, ident, it, salt, h = d.split("$")
        algo = ident.split("-")[1]
        salt, hb = ab64d(salt), ab64d(h)
        C.put(key, "hashlib", hashlib.pbkdf2_hmac(algo, pw, salt, int(it), len(hb)) == hb)
        C.add_php(key, "php-hash_pbkdf2", {"kind": "pbkdf2", "algo": algo, "pw_hex": hexpw,
                                            "salt_hex": salt.hex(), "iter": int(it), "want_hex": hb.hex()})
    elif name in ("sha512_crypt", "sha256_crypt", "md5_crypt"):
        import crypt
        from passlib import hash as ph
        C.put(key, "libxcrypt", crypt.crypt(pw.decode(), d) == d)
        C.put(key, "passlib", getattr(ph, name).verify(pw, d))
        C.add_php(key, "php-crypt", {"kind": "crypt", "pw_hex": hexpw, "digest": d})
    elif name == "bcrypt_sha384_wordpress":
        pre = base64.b64encode(hmac.new(b"wp-sha384", pw, hashlib.sha384).digest())
        C.put(key, "pyca-bcrypt(hmac-sha384)", d.startswith("$wp") and bcrypt.checkpw(pre, d[3:].encode()))
        C.add_php(key, "php-wp_check_password", {"kind": "wordpress", "pw_hex": hexpw, "digest": d})
    elif name == "bcrypt_django":
        from django.contrib.auth.hashers import BCryptPasswordHasher
        C.put(key, "django-3.2", BCryptPasswordHasher().verify(pw.decode(), d))
        C.put(key, "pyca-bcrypt", bcrypt.checkpw(pw, d[len("bcrypt$"):].encode()))
    elif name == "scrypt_django":
        _, n, salt, r, p, h = d.split("$")
        C.put(key, "hashlib", hashlib.scrypt(pw, salt=salt.encode(), n=int(n), r=int(r), p=int(p),
                                             maxmem=0x7fffffff, dklen=64) == base64.b64decode(h))
    elif name == "bcrypt_sha256_passlib":
        from passlib.hash import bcrypt_sha256
        C.put(key, "passlib", bcrypt_sha256.verify(pw, d))
        f = d.split("$")
        if f[2].startswith("v=2,"):
            ident, cost = "2b", int(f[2].rsplit("=", 1)[1])
            k = base64.b64encode(hmac.new(f[3].encode(), pw, hashlib.sha256).digest())
        else:
            ident, cost = f[2].split(",")
            k = base64.b64encode(hashlib.sha256(pw).digest())
        C.put(key, "pyca-bcrypt", bcrypt.checkpw(k, ("$%s$%02d$%s%s" % (ident, int(cost), f[3], f[4])).encode()))
    elif name == "scrypt_passlib":
        f = d.split("$")
        kv = dict(x.split("=") for x in f[2].split(","))
        if "=" in f[3] + f[4] or int(kv["ln"]) > 31:  # Kratos' form
            n, salt, h = int(kv["ln"]), base64.b64decode(f[3]), base64.b64decode(f[4])
        else:
            from passlib.hash import scrypt
            C.put(key, "passlib", scrypt.verify(pw, d))
            n, salt, h = 1 << int(kv["ln"]), b64d(f[3]), b64d(f[4])
        C.put(key, "hashlib", hashlib.scrypt(pw, salt=salt, n=n, r=int(kv["r"]), p=int(kv["p"]),
                                             maxmem=0x7fffffff, dklen=len(h)) == h)
    elif name == "drupal7":
        C.put(key, "hashlib(drupal7)", drupal7_check(d, pw))
    elif name == "bcrypt_peppered":
        bc, pepper = d[:60], d[61:]
        full = pw if pepper.strip() == "" else pw + pepper.encode()  # Devise: pepper.present?
        C.put(key, "pyca-bcrypt(password+pepper)", bcrypt.checkpw(full, bc.encode()))
        C.add_php(key, "php-password_verify(password+pepper)", {"kind": "password_verify", "pw_hex": full.hex(), "digest": bc})
    elif name in ("md5_salted", "sha256_salted"):
        algo, n = ("md5", 32) if name == "md5_salted" else ("sha256", 64)
        cands = []
        salt, _, h = d.rpartition("$")
        if len(h) == n:
            cands.append((salt, h))
        h, _, salt = d.partition("$")
        if len(h) == n:
            cands.append((salt, h))
        C.put(key, "hashlib", any(hashlib.new(algo, x).hexdigest() == h.lower()
                                  for salt, h in cands for x in (salt.encode() + pw, pw + salt.encode())))
    elif name == "hmac_sha256_utf16_b64":
        _, h, k = d.split("$", 2)
        msg = pw.decode().encode("utf-16-le")
        reading = rec["note"].split("reading: ")[1]
        if reading.startswith("key bytes"):
            key_bytes = k.encode()
        elif reading.startswith("base64-decoded key"):
            key_bytes = base64.b64decode(k)
        else:  # ASP.NET Membership: the decoded salt repeated to fill 64 bytes, cut if longer
            salt = base64.b64decode(k)
            key_bytes = (salt * (64 // len(salt) + 1))[:64]
        C.put(key, "python-hmac(" + reading.split(" (")[0] + ")",
              hmac.new(key_bytes, msg, hashlib.sha256).digest() == base64.b64decode(h))
    elif name == "sha512_symfony":
        _, it, rest = d.split("$", 2)
        salt, _, h = rest.rpartition("$")
        salted = pw if salt in ("", "0") else pw + b"{" + salt.encode() + b"}"
        dig = hashlib.sha512(salted).digest()
        for _ in range(int(it) - 1):
            dig = hashlib.sha512(dig + salted).digest()
        C.put(key, "hashlib(MessageDigestPasswordHasher formula)", base64.b64encode(dig).decode() == h)
    elif name == "pbkdf2_sha512_hex":
        _, it, salt, h = d.split("$")
        hb = bytes.fromhex(h)
        C.put(key, "hashlib", hashlib.pbkdf2_hmac("sha512", pw, bytes.fromhex(salt), int(it), len(hb)) == hb)
    elif name == "pbkdf2_sha1_forms":
        f = d.split("$")
        it, salt, h = int(f[1]), f[2], f[3]
        hb = bytes.fromhex(h)
        if len(f) == 5:
            salts = [bytes.fromhex(salt)]
            assert int(f[4]) == len(hb)
        else:  # a hex salt is tried decoded and as its text
            salts = [salt.encode()]
            try:
                salts.append(bytes.fromhex(salt))
            except ValueError:
                pass
        C.put(key, "hashlib", any(hashlib.pbkdf2_hmac("sha1", pw, s, it, len(hb)) == hb for s in salts))
    elif name == "md5_phpass":
        from passlib.hash import phpass as pl_phpass
        C.put(key, "passlib", pl_phpass.verify(pw, d))
    elif name == "recipe":
        C.put(key, "php(recipe note)", recipe_php(d, pw, rec["note"]))
    elif name in ("auth0_custom_password_hash", "okta_password_hash", "firebase_import"):
        import check_providers
        checker, ok = check_providers.check(name, d, pw)
        if ok is None:
            C.add_node(key, "npm-firebase-scrypt", {"kind": "firebase", "pw_hex": hexpw,
                                                    "digest": check_providers.node_task(name, d)})
        else:
            C.put(key, checker, ok)
    elif name in verify_crypt3.NAMES:
        verify_crypt3.check(name, key, d, pw, C)
    else:
        import verify_formats  # issue 13's formats: LDAP, ASP.NET, Atlassian, Spring
        if not verify_formats.check(name, key, d, pw, rec, C):
            sys.exit("verify: no checker for %s" % name)


def main():
    import django
    from django.conf import settings
    settings.configure()
    django.setup()
    vdir = sys.argv[1] if len(sys.argv) > 1 else os.path.join(HERE, "..", "vectors")
    C = Checks()
    files = {}
    for path in sorted(glob.glob(os.path.join(vdir, "*.jsonl"))):
        name = os.path.basename(path)[:-len(".jsonl")]
        with open(path, encoding="ascii") as f:
            recs = [json.loads(line) for line in f if line.strip()]
        files[name] = recs
        check_file(name, recs, C)
    C.run_external()

    bad = 0
    for name, recs in files.items():
        per = {}
        for i, rec in enumerate(recs):
            res = C.results.get((name, i), {})
            if not res:
                print("verify: %s:%d: no checker ran" % (name, i + 1))
                bad += 1
            for checker, ok in res.items():
                exp = EXPECTED_FAIL.get((name, rec["digest"], checker))
                per.setdefault(checker, [0, 0])
                if exp:
                    if ok:
                        print("verify: %s:%d: %s now ACCEPTS (expected reject: %s)" % (name, i + 1, checker, exp))
                        bad += 1
                    else:
                        per[checker][1] += 1
                    continue
                if ok:
                    per[checker][0] += 1
                else:
                    print("verify: %s:%d: %s rejects %s" % (name, i + 1, checker, rec["digest"]))
                    bad += 1
        summary = ", ".join("%s %d/%d%s" % (c, v[0], v[0] + v[1], " (+%d known rejects)" % v[1] if v[1] else "")
                            for c, v in sorted(per.items()))
        print("verify: %-22s %3d lines: %s" % (name, len(recs), summary))
    if bad:
        sys.exit("verify: %d problems" % bad)
    print("verify: all vectors confirmed")


if __name__ == "__main__":
    main()
