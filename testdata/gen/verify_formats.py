"""Cross-checks for the LDAP, ASP.NET, Atlassian and Spring vectors, called
from verify.py: each line is recomputed from its documented layout with
hashlib (an implementation other than the producer's), and checked with
passlib where passlib reads the form."""

import base64
import crypt
import hashlib
import warnings

warnings.filterwarnings("ignore", category=DeprecationWarning)

from passlib import hash as ph  # noqa: E402


def b64(s):
    return base64.b64decode(s, validate=True)


def ab64(s):
    return base64.b64decode(s.replace(".", "+") + "=" * (-len(s) % 4))


SALTED = {"ldap_ssha": ("{SSHA}", "sha1"), "ldap_ssha256": ("{SSHA256}", "sha256"),
          "ldap_ssha512": ("{SSHA512}", "sha512"), "ldap_smd5": ("{SMD5}", "md5"),
          "ldap_sha": ("{SHA}", "sha1"), "ldap_md5": ("{MD5}", "md5")}
PASSLIB = {"ldap_ssha": ph.ldap_salted_sha1, "ldap_ssha256": ph.ldap_salted_sha256,
           "ldap_ssha512": ph.ldap_salted_sha512, "ldap_smd5": ph.ldap_salted_md5,
           "ldap_sha": ph.ldap_sha1, "ldap_md5": ph.ldap_md5}


def cut_prefix(d, prefix):
    if d[:len(prefix)].upper() == prefix:
        return d[len(prefix):], d[:len(prefix)] == prefix
    return d, False


def check(name, key, d, pw, rec, C):
    if name in SALTED:
        prefix, algo = SALTED[name]
        v, exact = cut_prefix(d, prefix)
        raw = b64(v)
        n = hashlib.new(algo).digest_size
        salt = raw[n:]
        C.put(key, "hashlib", hashlib.new(algo, pw + salt).digest() == raw[:n] and
              (len(salt) > 0) == (name not in ("ldap_sha", "ldap_md5")))
        if exact and (name in ("ldap_sha", "ldap_md5") or 4 <= len(salt) <= 16):
            C.put(key, "passlib", PASSLIB[name].verify(pw, d))
    elif name.startswith("ldap_pbkdf2_"):
        algo = name[len("ldap_pbkdf2_"):]
        pre, rest = d.split("}", 1)
        it, salt, h = rest.split("$")
        hb = ab64(h)
        C.put(key, "hashlib", hashlib.pbkdf2_hmac(algo, pw, ab64(salt), int(it), len(hb)) == hb and
              len(hb) == hashlib.new(algo).digest_size)
        if pre + "}" in ("{PBKDF2}", "{PBKDF2-SHA256}", "{PBKDF2-SHA512}"):
            C.put(key, "passlib", getattr(ph, name).verify(pw, d))
    elif name in ("ldap_crypt", "ldap_crypt_des", "ldap_crypt_bigcrypt", "ldap_crypt_yescrypt"):
        v, _ = cut_prefix(d, "{CRYPT}")
        C.put(key, "libxcrypt", crypt.crypt(pw.decode(), v) == v)
    elif name == "atlassian_pbkdf2_sha1":
        raw = b64(d[len("{PKCS5S2}"):])
        C.put(key, "hashlib", len(raw) == 48 and
              hashlib.pbkdf2_hmac("sha1", pw, raw[:16], 10000, 32) == raw[16:])
        C.put(key, "passlib", ph.atlassian_pbkdf2_sha1.verify(pw, d))
    elif name in ("aspnet_identity_v2", "aspnet_identity_v3"):
        import struct
        raw = b64(d)
        if raw[0] == 0:
            prf, it, salt, sub = "sha1", 1000, raw[1:17], raw[17:]
            ok = len(raw) == 49
        else:
            p, it, n = struct.unpack(">III", raw[1:13])
            prf, salt, sub = ("sha1", "sha256", "sha512")[p], raw[13:13 + n], raw[13 + n:]
            ok = raw[0] == 1 and n >= 16 and len(sub) >= 16
        C.put(key, "hashlib", ok and hashlib.pbkdf2_hmac(prf, pw, salt, it, len(sub)) == sub)
        if prf != "sha512":
            C.add_node(key, "npm-aspnetcore-identity-password-hasher",
                       {"kind": "aspnet", "pw_hex": pw.hex(), "digest": d})
    elif name == "aspnet_membership_sha1":
        s, h = d.split("$")
        C.put(key, "hashlib(utf-16-le)", hashlib.sha1(b64(s) + pw.decode().encode("utf-16-le")).digest() == b64(h))
    elif name == "spring_delegating":
        check_spring(key, d, pw, C)
    else:
        return False
    return True


def md4(b):
    try:
        return hashlib.new("md4", b).digest()
    except ValueError:  # OpenSSL 3 without the legacy provider
        from passlib.crypto.digest import lookup_hash
        return lookup_hash("md4").const(b).digest()


def check_spring(key, d, pw, C):
    import bcrypt
    import argon2.low_level as ll
    id_, enc = d[1:].split("}", 1)
    if id_ == "bcrypt":
        C.put(key, "pyca-bcrypt", bcrypt.checkpw(pw, enc.encode()))
    elif id_ in ("pbkdf2", "pbkdf2@SpringSecurity_v5_8"):
        raw = bytes.fromhex(enc)
        prf, sl, it = ("sha1", 8, 185000) if id_ == "pbkdf2" else ("sha256", 16, 310000)
        C.put(key, "hashlib", len(raw) == sl + 32 and hashlib.pbkdf2_hmac(prf, pw, raw[:sl], it, 32) == raw[sl:])
    elif id_.startswith("scrypt"):
        _, params, salt, dk = enc.split("$")
        v = int(params, 16)
        n, r, p = 1 << (v >> 16), v >> 8 & 0xff, v & 0xff
        C.put(key, "hashlib", hashlib.scrypt(pw, salt=b64(salt), n=n, r=r, p=p, dklen=32,
                                             maxmem=256 * n * r * p) == b64(dk))
    elif id_.startswith("argon2"):
        typ = {"$argon2id$": ll.Type.ID, "$argon2i$": ll.Type.I, "$argon2d$": ll.Type.D}[enc[:enc.index("$", 1) + 1]]
        C.put(key, "argon2-cffi", ll.verify_secret(enc.encode(), pw, typ))
    elif id_ == "sha256":
        raw = bytes.fromhex(enc)
        h = raw[:8] + pw
        for _ in range(1024):
            h = hashlib.sha256(h).digest()
        C.put(key, "hashlib", h == raw[8:])
    elif id_ in ("SHA-256", "SHA-1", "MD5", "MD4"):
        salt, hx = (enc[:enc.index("}") + 1], enc[enc.index("}") + 1:]) if enc.startswith("{") else ("", enc)
        data = pw + salt.encode()
        got = md4(data) if id_ == "MD4" else hashlib.new(id_.replace("-", "").lower(), data).digest()
        C.put(key, "hashlib" if id_ != "MD4" else "md4", got.hex() == hx)
    elif id_ == "ldap":
        raw = b64(enc[enc.index("}") + 1:])
        C.put(key, "hashlib", hashlib.sha1(pw + raw[20:]).digest() == raw[:20])
        if enc.startswith("{SSHA}"):
            C.put(key, "passlib", ph.ldap_salted_sha1.verify(pw, enc))
