"""verify.py's checkers for the hashers of issue 13: yescrypt, scrypt_crypt,
des_crypt, bigcrypt, apr1_md5_crypt, mysql_native, postgres_scram_sha256.

Each line is checked by an implementation other than its producer where
Debian has one: libxcrypt (Python's crypt module) for the crypt(3) strings
whatever made them, passlib for DES, bigcrypt and apr1, Django's CryptPasswordHasher
for its crypt$$ form, `htpasswd -vb` for apr1, hashlib for MySQL's double
SHA-1, and for PostgreSQL's SCRAM secrets hashlib's PBKDF2 over the password
prepared by saslprep() below: PostgreSQL's pg_saslprep (src/common/saslprep.c)
written again in Python on its stringprep and unicodedata modules.
"""

import base64
import hashlib
import hmac
import os
import stringprep
import subprocess
import tempfile
import unicodedata
import warnings

warnings.filterwarnings("ignore", category=DeprecationWarning)
import crypt  # noqa: E402 (deprecated in 3.11, removed in 3.13)

NAMES = ("yescrypt", "scrypt_crypt", "des_crypt", "bigcrypt", "apr1_md5_crypt", "mysql_native",
         "postgres_scram_sha256")


def saslprep(pw):
    """pg_saslprep: None where PostgreSQL refuses the password (it then uses
    the raw bytes). Its checks run on the mapped characters, before NFKC."""
    if all(b < 0x80 for b in pw):
        return pw
    try:
        s = pw.decode("utf-8")
    except UnicodeDecodeError:
        return None
    mapped = []
    for ch in s:
        if stringprep.in_table_c12(ch):
            mapped.append(" ")
        elif stringprep.in_table_b1(ch):
            continue
        else:
            mapped.append(ch)
    if not mapped:
        return None
    for ch in mapped:
        if (stringprep.in_table_c12(ch) or stringprep.in_table_c21_c22(ch) or stringprep.in_table_c3(ch)
                or stringprep.in_table_c4(ch) or stringprep.in_table_c5(ch) or stringprep.in_table_c6(ch)
                or stringprep.in_table_c7(ch) or stringprep.in_table_c8(ch) or stringprep.in_table_c9(ch)
                or stringprep.in_table_a1(ch)):
            return None
    if any(stringprep.in_table_d1(ch) for ch in mapped):
        if any(stringprep.in_table_d2(ch) for ch in mapped):
            return None
        if not stringprep.in_table_d1(mapped[0]) or not stringprep.in_table_d1(mapped[-1]):
            return None
    return unicodedata.normalize("NFKC", "".join(mapped)).encode("utf-8")


def scram_ok(d, pw):
    head, keys = d[len("SCRAM-SHA-256$"):].split("$")
    it, salt = head.split(":")
    stored, server = (base64.b64decode(k, validate=True) for k in keys.split(":"))
    prepared = saslprep(pw)
    salted = hashlib.pbkdf2_hmac("sha256", prepared if prepared is not None else pw,
                                 base64.b64decode(salt, validate=True), int(it), 32)
    client = hmac.new(salted, b"Client Key", hashlib.sha256).digest()
    return (hashlib.sha256(client).digest() == stored and
            hmac.new(salted, b"Server Key", hashlib.sha256).digest() == server)


def htpasswd_ok(d, pw):
    with tempfile.NamedTemporaryFile("w", suffix=".htpasswd", delete=False) as f:
        f.write("user:%s\n" % d)
    try:
        return subprocess.run(["htpasswd", "-vb", f.name, "user", pw], capture_output=True).returncode == 0
    finally:
        os.unlink(f.name)


def check(name, key, d, pw, C):
    """Adds the checks of one line; pw is bytes."""
    from passlib import hash as ph
    text = pw.decode("utf-8")
    if name in ("yescrypt", "scrypt_crypt"):
        C.put(key, "libxcrypt", crypt.crypt(text, d) == d)
    elif name == "des_crypt":
        if d.startswith("crypt$"):
            from django.contrib.auth.hashers import CryptPasswordHasher
            C.put(key, "django", CryptPasswordHasher().verify(text, d))
            C.put(key, "passlib-django_des_crypt", ph.django_des_crypt.verify(pw, d))
            d = d.split("$", 2)[2]
        C.put(key, "libxcrypt", crypt.crypt(text, d) == d)
        C.put(key, "passlib-des_crypt", ph.des_crypt.using().verify(pw, d))
    elif name == "bigcrypt":
        C.put(key, "libxcrypt", crypt.crypt(text, d) == d)
        C.put(key, "passlib", ph.bigcrypt.verify(pw, d))
    elif name == "apr1_md5_crypt":
        C.put(key, "passlib", ph.apr_md5_crypt.verify(pw, d))
        C.put(key, "htpasswd -vb", htpasswd_ok(d, text))
    elif name == "mysql_native":
        C.put(key, "hashlib", d == "*" + hashlib.sha1(hashlib.sha1(pw).digest()).hexdigest().upper())
    elif name == "postgres_scram_sha256":
        C.put(key, "hashlib+saslprep.py", scram_ok(d, pw))
