"""A second reading of the providers' import objects, for verify.py: each
object interpreted from the providers' documentation in Python (hashlib,
hmac, pyca bcrypt, argon2-cffi, passlib's md4 and scrypt), independently of
the Node producer (gen_providers.js) and of pwdigest.

check(name, digest, password_bytes) returns (checker, ok), or (checker,
None) where it hands the line to Node (Firebase's SCRYPT, checked by
firebase-scrypt in verify_node.js, see node_task).
"""

import base64
import hashlib
import hmac
import json

import argon2.low_level as ll
import bcrypt
from passlib.crypto._md4 import md4
from passlib.hash import scrypt as pl_scrypt


def H(name):
    return md4 if name == "md4" else (lambda d=b"": hashlib.new(name, d))


def digest(name, data):
    return H(name)(data).digest()


def b64d(s):
    return base64.b64decode(s + "=" * (-len(s) % 4), altchars=b"-_" if ("-" in s or "_" in s) else None)


def node_encode(pw, enc):
    """Node's Buffer.from(string, enc) for Auth0's password.encoding."""
    s = pw.decode("utf-8")
    if enc in (None, "utf8"):
        return pw
    units = s.encode("utf-16-le")
    if enc in ("utf16le", "ucs2"):
        return units
    # latin1, binary, ascii: the low byte of each UTF-16 code unit.
    return units[0::2]


def field(v, enc):
    if enc == "hex":
        return bytes.fromhex(v)
    if enc == "base64":
        return base64.b64decode(v, validate=True)
    return v.encode()


LDAP = {"MD5": ("md5", False), "SMD5": ("md5", True), "SHA": ("sha1", False), "SSHA": ("sha1", True),
        "SHA256": ("sha256", False), "SSHA256": ("sha256", True), "SHA384": ("sha384", False),
        "SSHA384": ("sha384", True), "SHA512": ("sha512", False), "SSHA512": ("sha512", True)}


def auth0(o, pw):
    alg = o["algorithm"]
    h = o["hash"]
    p = node_encode(pw, o.get("password", {}).get("encoding"))
    v = h["value"]
    if alg == "bcrypt":
        return bcrypt.checkpw(p, v.encode())
    if alg == "argon2":
        typ = ll.Type.ID if v.startswith("$argon2id$") else ll.Type.I
        return ll.verify_secret(v.encode(), p, typ)
    if alg == "scrypt":
        return pl_scrypt.verify(p, v)
    if alg == "pbkdf2":
        _, ident, params, salt, dk = v.split("$")
        kv = dict(x.split("=") for x in params.split(","))
        dk = b64d(dk)
        return hashlib.pbkdf2_hmac(ident.split("-", 1)[1], p, b64d(salt), int(kv["i"]), int(kv["l"])) == dk
    if alg == "ldap":
        scheme, body = v[1:].split("}", 1)
        name, salted = LDAP[scheme]
        raw = base64.b64decode(body)
        n = hashlib.new(name).digest_size
        return digest(name, p + raw[n:]) == raw[:n] if salted else digest(name, p) == raw
    want = field(v, h["encoding"])
    data = p
    if "salt" in o:
        s = field(o["salt"]["value"], o["salt"].get("encoding"))
        data = s + p if o["salt"]["position"] == "prefix" else p + s
    if alg == "hmac":
        k = field(h["key"]["value"], h["key"].get("encoding"))
        return hmac.new(k, data, H(h["digest"])).digest() == want
    return digest(alg, data) == want


def okta(o, pw):
    alg = o["algorithm"]
    if alg == "BCRYPT":
        return bcrypt.checkpw(pw, ("$2a$%02d$%s%s" % (o["workFactor"], o["salt"], o["value"])).encode())
    want = base64.b64decode(o["value"], validate=True)
    salt = base64.b64decode(o.get("salt", ""), validate=True)
    if alg == "PBKDF2":
        name = {"SHA256_HMAC": "sha256", "SHA512_HMAC": "sha512"}[o["digestAlgorithm"]]
        return hashlib.pbkdf2_hmac(name, pw, salt, o["iterationCount"], o["keySize"]) == want
    name = {"SHA-512": "sha512", "SHA-256": "sha256", "SHA-1": "sha1", "MD5": "md5"}[alg]
    data = salt + pw if o.get("saltOrder") == "PREFIX" else pw + salt
    return digest(name, data) == want


def firebase(o, pw):
    alg = o["hashAlgorithm"]
    want = b64d(o["passwordHash"])
    salt = b64d(o.get("salt", ""))
    if alg == "BCRYPT":
        return bcrypt.checkpw(pw, want)
    if alg == "ARGON2":
        a = o["argon2Parameters"]
        typ = {"ARGON2_ID": ll.Type.ID, "ARGON2_I": ll.Type.I, "ARGON2_D": ll.Type.D}[a["hashType"]]
        ver = 16 if a.get("version") == "VERSION_10" else 19
        return ll.hash_secret_raw(pw, salt, time_cost=a["iterations"], memory_cost=a["memoryCostKib"],
                                  parallelism=a["parallelism"], hash_len=len(want), type=typ, version=ver) == want
    if alg == "STANDARD_SCRYPT":
        n, r, p = o["cpuMemCost"], o["blockSize"], o["parallelization"]
        return hashlib.scrypt(pw, salt=salt, n=n, r=r, p=p, dklen=o["dkLen"], maxmem=256 * n * r * p + (1 << 20)) == want
    name = {"HMAC_SHA512": "sha512", "HMAC_SHA256": "sha256", "HMAC_SHA1": "sha1", "HMAC_MD5": "md5", "MD5": "md5",
            "SHA1": "sha1", "SHA256": "sha256", "SHA512": "sha512", "PBKDF_SHA1": "sha1", "PBKDF2_SHA256": "sha256"}[alg]
    if alg.startswith("PBKDF"):
        return hashlib.pbkdf2_hmac(name, pw, salt, o["rounds"], len(want)) == want
    hmac_ = alg.startswith("HMAC_")
    order = o.get("passwordHashOrder", "UNSPECIFIED_ORDER")
    salt_first = order == "SALT_AND_PASSWORD" or (order == "UNSPECIFIED_ORDER" and not hmac_)
    data = salt + pw if salt_first else pw + salt
    if hmac_:
        return hmac.new(b64d(o["signerKey"]), data, H(name)).digest() == want
    if o["rounds"] == 0:
        return hashlib.new(name, data).hexdigest().encode() == want
    x = hashlib.new(name, data).digest()
    for _ in range(o["rounds"] - 1):
        x = hashlib.new(name, x).digest()
    return x == want


def node_task(name, d):
    """Firebase's SCRYPT, as the scrypt_firebase string verify_node.js reads."""
    o = json.loads(d)
    if name != "firebase_import" or o["hashAlgorithm"] != "SCRYPT":
        return None
    std = lambda s: base64.b64encode(b64d(s)).decode()
    return "$".join([std(o["passwordHash"]), std(o.get("salt", "")), std(o["signerKey"]),
                     std(o.get("saltSeparator", "")), str(o["rounds"]), str(o["memoryCost"])])


def check(name, d, pw):
    o = json.loads(d)
    if node_task(name, d):
        return "node(firebase-scrypt)", None
    f = {"auth0_custom_password_hash": auth0, "okta_password_hash": okta, "firebase_import": firebase}[name]
    try:
        return "python(provider docs)", bool(f(o, pw))
    except Exception:
        return "python(provider docs)", False
