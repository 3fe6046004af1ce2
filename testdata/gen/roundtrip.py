#!/usr/bin/python3
"""Verify pwdigest's own digests with the real producers' verifiers.

testdata/roundtrip/<hasher>.jsonl is written by `go run ./testdata/gen/ourdigests`
(pwdigest's Hash). Each line is checked by every checker listed for its
hasher in CHECKERS (Django, passlib, pyca bcrypt, argon2-cffi, crypt(3),
Werkzeug 2.2.2, hashlib, PHP via roundtrip.php, Node via roundtrip_node.js):
the password must verify and a wrong one ("x" + password) must not.

EXPECTED_FAIL lists (hasher, checker, condition) where the producer is known
to refuse the line; such checks must not verify (so the note stays true).
NOT_APPLICABLE lists inputs a checker cannot take at all; such lines need
another checker. Every line needs at least one passing checker unless all
of its checks are expected failures.

usage: roundtrip.py [ROUNDTRIP_DIR]
Run with Debian's /usr/bin/python3 (see README.md).
"""

import base64
import glob
import hashlib
import hmac
import json
import os
import subprocess
import sys
import warnings

warnings.filterwarnings("ignore", category=DeprecationWarning)

import crypt  # noqa: E402  (deprecated in 3.11, still Debian 12's libcrypt binding)

import argon2  # noqa: E402
import bcrypt  # noqa: E402
import passlib.hash as ph  # noqa: E402
from argon2 import low_level as a2  # noqa: E402
from django.conf import settings  # noqa: E402
from werkzeug import security as wz  # noqa: E402

import verify_crypt3  # noqa: E402

settings.configure(PASSWORD_HASHERS=[
    "django.contrib.auth.hashers.PBKDF2PasswordHasher",
    "django.contrib.auth.hashers.PBKDF2SHA1PasswordHasher",
    "django.contrib.auth.hashers.Argon2PasswordHasher",
    "django.contrib.auth.hashers.BCryptSHA256PasswordHasher",
    "django.contrib.auth.hashers.BCryptPasswordHasher",
    "django.contrib.auth.hashers.SHA1PasswordHasher",
    "django.contrib.auth.hashers.MD5PasswordHasher",
])
from django.contrib.auth import hashers as dj  # noqa: E402

try:
    from cryptography.hazmat.primitives.ciphers import Cipher, algorithms, modes
except ImportError:  # python3-cryptography is optional
    Cipher = None

HERE = os.path.dirname(os.path.abspath(__file__))


class Mismatch(Exception):
    """A verifier's "no" that it signals by raising."""


# --- in-process checkers: f(digest, password) -> bool ----------------------

def django(cls):
    def check(d, pw):
        got = type(dj.identify_hasher(d)).__name__
        if got != cls:
            raise AssertionError("Django identifies the digest as %s, not %s" % (got, cls))
        return dj.check_password(pw, d)
    return check


def django_scrypt_formula(d, pw):
    """Django 4.2's ScryptPasswordHasher.verify: re-encode and compare."""
    _, n, salt, r, p, h = d.split("$")
    key = hashlib.scrypt(pw.encode(), salt=salt.encode(), n=int(n), r=int(r), p=int(p), maxmem=0, dklen=64)
    return base64.b64encode(key).decode() == h


def passlib(name):
    return lambda d, pw: getattr(ph, name).verify(pw, d)


def pyca_bcrypt(d, pw):
    return bcrypt.checkpw(pw.encode(), d.encode())


def libcrypt(d, pw):
    return hmac.compare_digest(crypt.crypt(pw, d) or "", d)


def argon2_low_level(t):
    def check(d, pw):
        try:
            return a2.verify_secret(d.encode(), pw.encode(), t)
        except argon2.exceptions.VerifyMismatchError:
            return False
    return check


def argon2_password_hasher(d, pw):
    # Type agility: the type comes from the digest's header.
    try:
        return argon2.PasswordHasher().verify(d, pw)
    except argon2.exceptions.VerifyMismatchError:
        return False


def werkzeug2(d, pw):
    return wz.check_password_hash(d, pw)


def hex_hash(name):
    return lambda d, pw: hmac.compare_digest(hashlib.new(name, pw.encode()).hexdigest(), d)


def b64d(s):
    return base64.b64decode(s, validate=True)


def pbkdf2_fields(hasher, d):
    """(prf, iterations, salt bytes, key bytes) of a '<prefix>$iter$salt$hash' digest."""
    prefix, it, salt, key = d.split("$")
    if hasher == "pbkdf2_sha256":  # Keycloak: base64 salt, used decoded; base64 key
        return "sha256", int(it), b64d(salt), b64d(key)
    if hasher == "pbkdf2_sha512_hex":  # Keycloak's pbkdf2-sha512 for Clerk: hex salt, used decoded
        return "sha512", int(it), bytes.fromhex(salt), bytes.fromhex(key)
    # pbkdf2_sha1, pbkdf2_sha512: salt used as its UTF-8 characters, hex key
    return prefix[len("pbkdf2_"):], int(it), salt.encode(), bytes.fromhex(key)


def hashlib_pbkdf2(hasher):
    def check(d, pw):
        prf, it, salt, key = pbkdf2_fields(hasher, d)
        return hmac.compare_digest(hashlib.pbkdf2_hmac(prf, pw.encode(), salt, it, len(key)), key)
    return check


def werkzeug3_scrypt(d, pw):
    # Werkzeug 3's check_password_hash / _hash_internal for "scrypt:n:r:p"
    # (src/werkzeug/security.py, unchanged since 2.3.0).
    method, salt, hashval = d.split("$", 2)
    _, n, r, p = method.split(":")
    n, r, p = int(n), int(r), int(p)
    got = hashlib.scrypt(pw.encode(), salt=salt.encode(), n=n, r=r, p=p,
                         maxmem=132 * n * r * p).hex()
    return hmac.compare_digest(got, hashval)


def firebase_formula(d, pw):
    # Firebase's documented algorithm (as firebase-scrypt computes it):
    # AES-256-CTR(scrypt(pw, salt||sep, 2^mem, rounds, 1, 32), IV 0) over the signer key.
    h, salt, key, sep, rounds, mem = d.split("$")
    n, r = 1 << int(mem), int(rounds)
    derived = hashlib.scrypt(pw.encode(), salt=b64d(salt) + b64d(sep), n=n, r=r, p=1,
                             dklen=32, maxmem=132 * n * r + (1 << 20))
    enc = Cipher(algorithms.AES(derived), modes.CTR(bytes(16))).encryptor()
    return hmac.compare_digest(enc.update(b64d(key)) + enc.finalize(), b64d(h))


# --- PHP and Node checkers: task(digest) -> dict ---------------------------

def php(kind, **kw):
    return ("php", lambda hasher, d: dict(kw, kind=kind, digest=d))


def php_pbkdf2(hasher, d):
    prf, it, salt, key = pbkdf2_fields(hasher, d)
    return {"kind": "pbkdf2", "digest": d, "algo": prf, "iter": it,
            "salt_hex": salt.hex(), "want_hex": key.hex()}


def node_scrypt(hasher, d):
    method, salt, hashval = d.split("$", 2)
    _, n, r, p = method.split(":")
    return {"kind": "scrypt", "digest": d, "n": int(n), "r": int(r), "p": int(p),
            "salt_hex": salt.encode().hex(), "want_hex": hashval}


def devise(hasher, d):
    return {"digest": d}


def membership(hasher, d):
    # gen_membership.cs computes the hash for the digest's key (the salt).
    _, h, key = d.split("$", 2)
    return {"salt": key, "want": h}


def pyca_bcrypt_blank_pepper(d, pw):
    # A blank pepper is not appended: the bcrypt part is bcrypt(password).
    return d[60:] == "$" and bcrypt.checkpw(pw.encode(), d[:60].encode())


DJ = "Django %s" % __import__("django").get_version()
PL = "passlib %s" % __import__("passlib").__version__
PYCA = "pyca bcrypt %s" % bcrypt.__version__
A2 = "argon2-cffi %s" % argon2.__version__
PHP = "PHP"
CRYPT = "crypt.crypt (libxcrypt)"
HL = "hashlib"
WZ = "Werkzeug %s" % __import__("werkzeug").__version__

# hasher -> [(checker name, ("py", f) | ("php", task) | ("node", task))]
CHECKERS = {
    "argon2_django": [(DJ + " Argon2PasswordHasher", ("py", django("Argon2PasswordHasher"))),
                      (PL + " django_argon2", ("py", passlib("django_argon2")))],
    "argon2d": [(A2 + " verify_secret(D)", ("py", argon2_low_level(a2.Type.D))),
                (A2 + " PasswordHasher", ("py", argon2_password_hasher))],
    "argon2i": [(A2 + " verify_secret(I)", ("py", argon2_low_level(a2.Type.I))),
                (A2 + " PasswordHasher", ("py", argon2_password_hasher)),
                (PHP + " password_verify", php("password_verify"))],
    "argon2id": [(A2 + " verify_secret(ID)", ("py", argon2_low_level(a2.Type.ID))),
                 (A2 + " PasswordHasher", ("py", argon2_password_hasher)),
                 (PHP + " password_verify", php("password_verify"))],
    "bcrypt": [(PYCA + " checkpw", ("py", pyca_bcrypt)),
               (PHP + " password_verify", php("password_verify")),
               (PL + " bcrypt", ("py", passlib("bcrypt")))],
    "bcrypt_peppered": [("Devise Devise::Encryptor.compare (ruby-devise, ruby-bcrypt)", ("ruby", devise)),
                        (PYCA + " checkpw of the bcrypt part (blank pepper)", ("py", pyca_bcrypt_blank_pepper))],
    "hmac_sha256_utf16_b64": [("Mono HMACSHA256 as SqlMembershipProvider", ("mono", membership))],
    "md5_phpass": [(PHP + " WordPress class-phpass.php CheckPassword", php("wp_phpass")),
                   (PL + " phpass", ("py", passlib("phpass")))],
    "md5_salted": [(PHP + " hash('md5', $salt . $password)", php("salted", algo="md5"))],
    "pbkdf2_sha512_hex": [(HL + " pbkdf2_hmac (hex salt decoded)", ("py", hashlib_pbkdf2("pbkdf2_sha512_hex"))),
                          (PHP + " hash_pbkdf2", ("php", php_pbkdf2))],
    "sha256_salted": [(PHP + " hash('sha256', $salt . $password)", php("salted", algo="sha256"))],
    "sha512_symfony": [(PHP + " Symfony MessageDigestPasswordHasher('sha512', true, N)->verify", php("symfony"))],
    "bcrypt_sha256_django": [(DJ + " BCryptSHA256PasswordHasher", ("py", django("BCryptSHA256PasswordHasher"))),
                             (PL + " django_bcrypt_sha256", ("py", passlib("django_bcrypt_sha256")))],
    "md5": [(HL + " md5", ("py", hex_hash("md5"))),
            (PHP + " hash('md5')", php("hash", algo="md5"))],
    "md5_crypt": [(CRYPT, ("py", libcrypt)),
                  (PL + " md5_crypt", ("py", passlib("md5_crypt"))),
                  (PHP + " password_verify", php("password_verify"))],
    "md5_django": [(DJ + " MD5PasswordHasher", ("py", django("MD5PasswordHasher"))),
                   (PL + " django_salted_md5", ("py", passlib("django_salted_md5")))],
    "pbkdf2_sha1": [(HL + " pbkdf2_hmac", ("py", hashlib_pbkdf2("pbkdf2_sha1"))),
                    (PHP + " hash_pbkdf2", ("php", php_pbkdf2)),
                    (DJ + " PBKDF2SHA1PasswordHasher", ("py", django("PBKDF2SHA1PasswordHasher"))),
                    (PL + " django_pbkdf2_sha1", ("py", passlib("django_pbkdf2_sha1")))],
    "pbkdf2_sha256": [(HL + " pbkdf2_hmac (Keycloak layout)", ("py", hashlib_pbkdf2("pbkdf2_sha256"))),
                      (PHP + " hash_pbkdf2", ("php", php_pbkdf2))],
    "pbkdf2_sha256_django": [(DJ + " PBKDF2PasswordHasher", ("py", django("PBKDF2PasswordHasher"))),
                             (PL + " django_pbkdf2_sha256", ("py", passlib("django_pbkdf2_sha256")))],
    "pbkdf2_sha256_passlib": [(PL + " pbkdf2_sha256", ("py", passlib("pbkdf2_sha256")))],
    "pbkdf2_sha512": [(HL + " pbkdf2_hmac", ("py", hashlib_pbkdf2("pbkdf2_sha512"))),
                      (PHP + " hash_pbkdf2", ("php", php_pbkdf2))],
    "pbkdf2_sha512_passlib": [(PL + " pbkdf2_sha512", ("py", passlib("pbkdf2_sha512")))],
    "phpass": [(PL + " phpass", ("py", passlib("phpass")))],
    "scrypt_firebase": [("npm firebase-scrypt", ("node", lambda hasher, d: {"kind": "firebase", "digest": d}))] +
                       ([(HL + ".scrypt + cryptography AES-CTR", ("py", firebase_formula))] if Cipher else []),
    "scrypt_werkzeug": [(HL + ".scrypt as Werkzeug 3", ("py", werkzeug3_scrypt)),
                        ("Node crypto.scrypt", ("node", node_scrypt))],
    "sha1_django": [(DJ + " SHA1PasswordHasher", ("py", django("SHA1PasswordHasher"))),
                    (PL + " django_salted_sha1", ("py", passlib("django_salted_sha1")))],
    "sha256": [(HL + " sha256", ("py", hex_hash("sha256"))),
               (PHP + " hash('sha256')", php("hash", algo="sha256"))],
    "sha256_crypt": [(CRYPT, ("py", libcrypt)),
                     (PL + " sha256_crypt", ("py", passlib("sha256_crypt"))),
                     (PHP + " password_verify", php("password_verify"))],
    "sha512_crypt": [(CRYPT, ("py", libcrypt)),
                     (PL + " sha512_crypt", ("py", passlib("sha512_crypt"))),
                     (PHP + " password_verify", php("password_verify"))],
    "pbkdf2_werkzeug": [(WZ + " check_password_hash", ("py", werkzeug2))],
    "bcrypt_sha384_wordpress": [(PHP + " wp_check_password (WordPress 6.8 formula)", php("wordpress"))],
    "bcrypt_django": [(DJ + " BCryptPasswordHasher", ("py", django("BCryptPasswordHasher"))),
                      (PL + " django_bcrypt", ("py", passlib("django_bcrypt")))],
    "scrypt_django": [(HL + ".scrypt as Django 4.2's ScryptPasswordHasher", ("py", django_scrypt_formula))],
    "bcrypt_sha256_passlib": [(PL + " bcrypt_sha256", ("py", passlib("bcrypt_sha256")))],
    "scrypt_passlib": [(PL + " scrypt", ("py", passlib("scrypt")))],
    "drupal7": [("npm drupal-hash", ("node", lambda hasher, d: {"kind": "drupal7", "digest": d}))],
    "yescrypt": [(CRYPT, ("py", libcrypt))],
    "scrypt_crypt": [(CRYPT, ("py", libcrypt))],
    "des_crypt": [(CRYPT, ("py", libcrypt)), (PL + " des_crypt", ("py", passlib("des_crypt")))],
    "bigcrypt": [(CRYPT, ("py", libcrypt)), (PL + " bigcrypt", ("py", passlib("bigcrypt")))],
    "apr1_md5_crypt": [(PL + " apr_md5_crypt", ("py", passlib("apr_md5_crypt"))),
                       ("htpasswd -vb", ("py", lambda d, pw: verify_crypt3.htpasswd_ok(d, pw)))],
    "mysql_native": [(HL + " sha1(sha1)", ("py", lambda d, pw: d == "*" + hashlib.sha1(
        hashlib.sha1(pw.encode()).digest()).hexdigest().upper()))],
    "postgres_scram_sha256": [(HL + " pbkdf2_hmac + pg_saslprep in Python", ("py", lambda d, pw: verify_crypt3.scram_ok(d, pw.encode())))],
}

import roundtrip_formats  # noqa: E402  issue 13's hashers
CHECKERS.update(roundtrip_formats.CHECKERS)


# (hasher, checker prefix, condition, why): the producer refuses these lines.
# They must not verify; if one starts to, the note is stale.
EXPECTED_FAIL = [
    ("pbkdf2_sha1", DJ, lambda rec: True, "pwdigest writes a hex hash; Django's PBKDF2SHA1PasswordHasher writes and compares base64"),
    ("pbkdf2_sha1", PL, lambda rec: True, "pwdigest writes a hex hash; passlib django_pbkdf2_sha1 reads base64"),
]

# (hasher, checker prefix, condition, why): the checker cannot take the input.
NOT_APPLICABLE = [
    ("scrypt_firebase", "npm firebase-scrypt", lambda rec: rec["password"] == "",
     "firebase-scrypt throws on an empty password"),
]


def lookup(table, hasher, checker, rec):
    for h, prefix, cond, why in table:
        if h == hasher and checker.startswith(prefix) and cond(rec):
            return why
    return None


def wrong(pw):
    return "x" + pw


def checked_password(hasher, rec):
    # WordPress trims at sign-in (wp_authenticate) before wp_check_password;
    # pwdigest's Hash trims like wp_hash_password (see the line's note).
    if hasher == "bcrypt_sha384_wordpress" and "note" in rec:
        return rec["password"].strip(" \t\n\r\0\x0b")
    return rec["password"]


def run_external(cmd, tasks):
    """tasks: [(slot, task)] -> {slot: result}"""
    if not tasks:
        return {}
    lines = [json.dumps(dict(t, id=i)) for i, (_, t) in enumerate(tasks)]
    out = subprocess.run(cmd, input="\n".join(lines) + "\n", text=True,
                         capture_output=True, cwd=HERE)
    if out.returncode != 0:
        sys.exit("roundtrip: %s failed: %s" % (cmd[0], out.stderr))
    res = {}
    for line in out.stdout.splitlines():
        r = json.loads(line)
        res[tasks[r["id"]][0]] = r["ok"] if r["ok"] or "err" not in r else "error: " + r["err"]
    if len(res) != len(tasks):
        sys.exit("roundtrip: %s answered %d of %d checks" % (cmd[0], len(res), len(tasks)))
    return res


def run_mono(tasks):
    """ASP.NET Membership's keyed HMAC under Mono (gen_membership.cs): the
    digest matches when Mono's hash for its key and the password is the
    digest's hash."""
    if not tasks:
        return {}
    import gen_membership
    pairs = [(bytes.fromhex(t["pw_hex"]).decode(), b64d(t["salt"])) for _, t in tasks]
    got = gen_membership.membership(pairs)
    return {slot: hmac.compare_digest(g, t["want"]) for (slot, t), g in zip(tasks, got)}


def main():
    root = sys.argv[1] if len(sys.argv) > 1 else os.path.join(HERE, "..", "roundtrip")
    files = sorted(glob.glob(os.path.join(root, "*.jsonl")))
    if not files:
        sys.exit("roundtrip: no *.jsonl in %s (run go run ./testdata/gen/ourdigests first)" % root)
    records = {}
    for f in files:
        hasher = os.path.basename(f)[:-len(".jsonl")]
        if hasher not in CHECKERS:
            sys.exit("roundtrip: no producer checks for hasher %r: add it to CHECKERS" % hasher)
        with open(f, encoding="utf-8") as fh:
            records[hasher] = [json.loads(line) for line in fh if line.strip()]

    # results[(hasher, i, checker, "right"|"wrong")] = True | False | "error: ..."
    results = {}
    external = {"php": [], "node": [], "ruby": [], "mono": []}
    for hasher, recs in records.items():
        for i, rec in enumerate(recs):
            pw = checked_password(hasher, rec)
            for checker, (where, f) in CHECKERS[hasher]:
                if lookup(NOT_APPLICABLE, hasher, checker, rec):
                    continue
                for which, p in (("right", pw), ("wrong", wrong(pw))):
                    slot = (hasher, i, checker, which)
                    if where == "py":
                        try:
                            results[slot] = bool(f(rec["digest"], p))
                        except Exception as e:  # a producer's refusal is a result
                            results[slot] = "error: %s: %s" % (type(e).__name__, e)
                    else:
                        external[where].append((slot, dict(f(hasher, rec["digest"]), pw_hex=p.encode().hex())))
    results.update(run_external(["php", os.path.join(HERE, "roundtrip.php")], external["php"]))
    results.update(run_external(["node", os.path.join(HERE, "roundtrip_node.js")], external["node"]))
    results.update(run_external(["ruby", os.path.join(HERE, "gen_devise.rb"), "--roundtrip"], external["ruby"]))
    results.update(run_mono(external["mono"]))

    bad = unverifiable = 0
    table = []
    for hasher, recs in records.items():
        per = {c: [0, 0] for c, _ in CHECKERS[hasher]}  # checker -> [verified, expected fails]
        na = {}
        for i, rec in enumerate(recs):
            verified_by = 0
            only_expected = True
            for checker, _ in CHECKERS[hasher]:
                why_na = lookup(NOT_APPLICABLE, hasher, checker, rec)
                if why_na:
                    na[checker] = na.get(checker, 0) + 1
                    continue
                right = results[(hasher, i, checker, "right")]
                wrong_ = results[(hasher, i, checker, "wrong")]
                exp = lookup(EXPECTED_FAIL, hasher, checker, rec)
                where = "%s:%d (%s) %s" % (hasher, i + 1, rec.get("policy"), checker)
                if exp:
                    if right is True:
                        print("roundtrip: %s now VERIFIES (expected to fail: %s)\n  digest %s password %r"
                              % (where, exp, rec["digest"], rec["password"]))
                        bad += 1
                    else:
                        per[checker][1] += 1
                    continue
                only_expected = False
                if right is True and wrong_ is False:
                    per[checker][0] += 1
                    verified_by += 1
                    continue
                bad += 1
                print("roundtrip: FAIL %s\n  digest   %s\n  password %r\n  right password -> %r, wrong password -> %r"
                      % (where, rec["digest"], rec["password"], right, wrong_))
            if only_expected:
                unverifiable += 1
            elif verified_by == 0:
                print("roundtrip: %s:%d: no producer verified this line" % (hasher, i + 1))
                bad += 1
        table.append((hasher, len(recs), per, na))

    print("%-22s %5s  %s" % ("hasher", "lines", "verified by (lines passed; expected failures; not applicable)"))
    for hasher, n, per, na in table:
        parts = []
        for checker, (ok, exp) in per.items():
            s = "%s %d" % (checker, ok)
            if exp:
                s += ", %d expected fail" % exp
            if na.get(checker):
                s += ", %d n/a" % na[checker]
            parts.append(s)
        print("%-22s %5d  %s" % (hasher, n, "; ".join(parts)))
    print("\nexpected failures:")
    for h, prefix, _, why in EXPECTED_FAIL + NOT_APPLICABLE:
        print("  %s %s: %s" % (h, prefix or "(all checkers)", why))
    if bad:
        sys.exit("roundtrip: %d problem(s)" % bad)
    total = sum(n for _, n, _, _ in table)
    print("roundtrip: %d of %d lines verified by their producers, wrong passwords rejected; "
          "%d lines refused by every producer as expected" % (total - unverifiable, total, unverifiable))


if __name__ == "__main__":
    main()
