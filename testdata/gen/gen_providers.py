#!/usr/bin/python3
"""okta_password_hash vectors, and the bcrypt/argon2 cases of
auth0_custom_password_hash and firebase_import (which Node's crypto lacks):
Python's hashlib (Debian's /usr/bin/python3), pyca bcrypt and argon2-cffi,
each import object written out here from the provider's documentation (see
doc.go), never from pwdigest. Writes JSON lines with a "file" key.
"""

import base64
import hashlib
import json

import argon2
import argon2.low_level as ll
import bcrypt

from common import COMMON, PASSWORDS, Emitter, deb, pyver, rng

E = Emitter()
r = rng("providers")
PY = pyver() + " hashlib"
BC = "python3-bcrypt %s (Debian 12)" % deb("python3-bcrypt")
AR = "argon2-cffi %s (Debian python3-argon2 %s)" % (argon2.__version__, deb("python3-argon2"))


def b64(b):
    return base64.b64encode(b).decode()


def rbytes(n):
    return bytes(r.randrange(256) for _ in range(n))


def obj(d):
    return json.dumps(d, separators=(",", ":"))


def pw(i):
    return PASSWORDS[COMMON[i % len(COMMON)]]


i = 0
# Okta: SHA-512, SHA-256, SHA-1, MD5 over salt + password (PREFIX) or
# password + salt (POSTFIX), or the password alone; value and salt base64.
for alg, name in [("SHA-512", "sha512"), ("SHA-256", "sha256"), ("SHA-1", "sha1"), ("MD5", "md5")]:
    for order in [None, "PREFIX", "POSTFIX"]:
        p = pw(i).encode()
        i += 1
        o = {"algorithm": alg}
        data = p
        if order:
            s = rbytes(16)
            data = s + p if order == "PREFIX" else p + s
            o["salt"] = b64(s)
            o["saltOrder"] = order
        o["value"] = b64(hashlib.new(name, data).digest())
        E.emit("okta_password_hash", obj(o), p.decode(), PY,
               "base64(%s(%s)) as Okta's Users API describes value" % (name, {None: "password", "PREFIX": "salt + password", "POSTFIX": "password + salt"}[order]))
# Okta PBKDF2: digestAlgorithm SHA256_HMAC / SHA512_HMAC.
for dig, name, iters, size in [("SHA256_HMAC", "sha256", 4096, 32), ("SHA512_HMAC", "sha512", 5000, 64), ("SHA256_HMAC", "sha256", 10000, 24)]:
    p = pw(i).encode()
    i += 1
    s = rbytes(16)
    o = {"algorithm": "PBKDF2", "digestAlgorithm": dig, "iterationCount": iters, "keySize": size,
         "salt": b64(s), "value": b64(hashlib.pbkdf2_hmac(name, p, s, iters, size))}
    E.emit("okta_password_hash", obj(o), p.decode(), PY, "hashlib.pbkdf2_hmac('%s', password, salt, %d, %d)" % (name, iters, size))
# Okta BCRYPT: the bcrypt string cut into salt (22) and value (31).
for cost in (4, 5, 10):
    p = pw(i).encode()
    i += 1
    h = bcrypt.hashpw(p, bcrypt.gensalt(cost)).decode()
    o = {"algorithm": "BCRYPT", "workFactor": cost, "salt": h[7:29], "value": h[29:]}
    E.emit("okta_password_hash", obj(o), p.decode(), BC, "bcrypt.hashpw(password, gensalt(%d)), cut into salt and value" % cost)

# Auth0 bcrypt and argon2: the digest strings themselves.
for cost in (4, 6):
    p = pw(i).encode()
    i += 1
    h = bcrypt.hashpw(p, bcrypt.gensalt(cost)).decode()
    E.emit("auth0_custom_password_hash", obj({"algorithm": "bcrypt", "hash": {"value": h}}), p.decode(), BC, "bcrypt.hashpw, cost %d" % cost)
for typ in (argon2.Type.ID, argon2.Type.I):
    p = pw(i)
    i += 1
    h = argon2.PasswordHasher(time_cost=1, memory_cost=64, parallelism=1, type=typ).hash(p)
    E.emit("auth0_custom_password_hash", obj({"algorithm": "argon2", "hash": {"value": h, "encoding": "utf8"}}), p, AR, "PasswordHasher(type=%s)" % typ.name)

# Firebase BCRYPT: passwordHash is the bcrypt string's bytes (firebase-admin
# auth.spec.ts: Buffer.from(bcrypt.hashSync(password, 10))).
for cost in (4, 5, 10):
    p = pw(i).encode()
    i += 1
    h = bcrypt.hashpw(p, bcrypt.gensalt(cost))
    E.emit("firebase_import", obj({"hashAlgorithm": "BCRYPT", "passwordHash": base64.urlsafe_b64encode(h).decode()}), p.decode(), BC,
           "bcrypt.hashpw, cost %d, the string's bytes in web-safe base64" % cost)
# Firebase ARGON2: argon2Parameters and the raw hash.
for typ, tname, ver, vname in [(ll.Type.ID, "ARGON2_ID", 19, "VERSION_13"), (ll.Type.I, "ARGON2_I", 19, None), (ll.Type.D, "ARGON2_D", 16, "VERSION_10")]:
    p = pw(i).encode()
    i += 1
    s = rbytes(16)
    h = ll.hash_secret_raw(p, s, time_cost=2, memory_cost=256, parallelism=2, hash_len=32, type=typ, version=ver)
    params = {"hashType": tname, "iterations": 2, "memoryCostKib": 256, "parallelism": 2, "hashLengthBytes": 32}
    if vname:
        params["version"] = vname
    E.emit("firebase_import", obj({"hashAlgorithm": "ARGON2", "argon2Parameters": params,
                                   "passwordHash": base64.urlsafe_b64encode(h).decode(), "salt": base64.urlsafe_b64encode(s).decode()}),
           p.decode(), AR, "argon2.low_level.hash_secret_raw(type=%s, version=%d, t=2, m=256, p=2, 32 bytes)" % (tname, ver))
