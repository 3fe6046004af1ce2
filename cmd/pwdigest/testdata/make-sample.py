#!/usr/bin/python3
"""Writes the sample export: testdata/sample-export.jsonl, its CSV twin
testdata/sample-export.csv, and cmd/pwdigest/testdata/sample-export.json
(a JSON array of the same rows, less the broken JSON line).

The digests come from real producers, not from pwdigest:
  Debian python3-bcrypt, python3-passlib, python3-django, python3-argon2,
  Python's hashlib (Keycloak's, Werkzeug's and the hex PBKDF2 layouts,
  written out by hand around hashlib's KDFs), PHP's password_hash, and the
  npm package firebase-scrypt; and, for the hashers added later, the
  producer fixtures in testdata/vectors/*.jsonl (picked by the vector()
  calls below; each line names the producer that made it).

Run from the repository root with Debian's Python:
  npm install --prefix /tmp/fbgen firebase-scrypt@2.2.0
  /usr/bin/python3 cmd/pwdigest/testdata/make-sample.py /tmp/fbgen/node_modules

Salts are random: a rerun gives other digests but the same check summary
(the rows taken from testdata/vectors stay as they are).
A few rows are broken on purpose; see BROKEN below.
"""

import base64
import csv
import hashlib
import json
import os
import subprocess
import sys

import argon2
import bcrypt
import django
from django.conf import settings

settings.configure(PASSWORD_HASHERS=[
    "django.contrib.auth.hashers.PBKDF2PasswordHasher",
    "django.contrib.auth.hashers.PBKDF2SHA1PasswordHasher",
    "django.contrib.auth.hashers.BCryptSHA256PasswordHasher",
])
django.setup()
from django.contrib.auth import hashers as dj  # noqa: E402
from passlib import hash as ph  # noqa: E402

FB_MODULES = sys.argv[1] if len(sys.argv) > 1 else "/tmp/fbgen/node_modules"


def b64(b):
    return base64.b64encode(b).decode()


def php(code):
    return subprocess.run(["php", "-r", code], capture_output=True, text=True, check=True).stdout.strip()


def keycloak(pw, iterations):
    # Keycloak's pbkdf2-sha256 credential, exported as
    # pbkdf2_sha256$<iterations>$<base64 salt>$<base64 64-byte key>.
    salt = os.urandom(16)
    key = hashlib.pbkdf2_hmac("sha256", pw.encode(), salt, iterations, 64)
    return "pbkdf2_sha256$%d$%s$%s" % (iterations, b64(salt), b64(key))


def pbkdf2_hex(name, alg, pw, iterations, keylen):
    salt = base64.b32encode(os.urandom(10)).decode().lower()
    key = hashlib.pbkdf2_hmac(alg, pw.encode(), salt.encode(), iterations, keylen)
    return "%s$%d$%s$%s" % (name, iterations, salt, key.hex())


def werkzeug_scrypt(pw):
    # Werkzeug 3's default: scrypt:32768:8:1$<16-char salt>$<hex 64-byte key>.
    salt = base64.b32encode(os.urandom(10)).decode()[:16]
    key = hashlib.scrypt(pw.encode(), salt=salt.encode(), n=32768, r=8, p=1, maxmem=64 << 20, dklen=64)
    return "scrypt:32768:8:1$%s$%s" % (salt, key.hex())


def firebase(pw):
    # Firebase's published sample project parameters (firebase/scrypt README).
    js = """
const { FirebaseScrypt } = require('firebase-scrypt');
const p = { signerKey: 'jxspr8Ki0RYycVU8zykbdLGjFQ3McFUH0uiiTvC8pVMXAn210wjLNmdZJzxUECKbm0QsEmYUSDzZvpjeJ9WmXA==',
            saltSeparator: 'Bw==', rounds: 8, memCost: 14 };
const salt = require('crypto').randomBytes(12).toString('base64');
new FirebaseScrypt(p).hash(process.argv[1], salt).then(h =>
  console.log([h, salt, p.signerKey, p.saltSeparator, p.rounds, p.memCost].join('$')));
"""
    env = dict(os.environ, NODE_PATH=FB_MODULES)
    return subprocess.run(["node", "-e", js, pw], capture_output=True, text=True, check=True, env=env).stdout.strip()


def argon2_low(pw, typ, m, t, p):
    salt = os.urandom(16)
    return argon2.low_level.hash_secret(pw.encode(), salt, time_cost=t, memory_cost=m, parallelism=p,
                                        hash_len=32, type=typ).decode()


def vector(file, contains, source, password=None):
    # The digest of the one fixture in testdata/vectors/<file>.jsonl whose
    # digest holds `contains` and whose source starts with `source` (and
    # whose password is `password`, when given).
    with open(os.path.join("testdata/vectors", file + ".jsonl")) as f:
        found = [v for v in map(json.loads, f)
                 if contains in v["digest"] and v["source"].startswith(source)
                 and (password is None or v["password"] == password)]
    if len(found) != 1:
        sys.exit("make-sample: %d fixtures in %s match %r from %r" % (len(found), file, contains, source))
    return found[0]["digest"]


# Test accounts' passwords (the sample's only secrets). Alice's and Erin's
# are also those of fixtures in testdata/vectors.
PW_ALICE = "correct horse battery staple"
PW_BOB = "Tr0ub4dor&3"
PW_CAROL = "s3cret-Passw0rd"
PW_DAVE = "letmein"
PW_ERIN = "pässwörd"

OTHER = "not a password in the sample"

rows = []


def add(digest, hasher, password=None, **extra):
    n = 1001 + len(rows)
    r = {"id": "u-%d" % n, "email": "user%d@example.com" % n, "password_digest": digest}
    if hasher is not None:
        r["password_hasher"] = hasher
    if password is not None:
        r["password"] = password
    r["created_at"] = "2019-%02d-%02dT10:%02d:00Z" % (1 + n % 12, 1 + n % 28, n % 60)
    r.update(extra)
    rows.append(r)


# Usable rows, one or more per registered hasher.
add(bcrypt.hashpw(OTHER.encode(), bcrypt.gensalt(12)).decode(), "bcrypt")                 # pyca bcrypt $2b$12
add(php("echo password_hash('%s', PASSWORD_BCRYPT, ['cost' => 10]);" % PW_BOB), "bcrypt", PW_BOB)  # PHP $2y$10: rehash
add(ph.bcrypt.using(ident="2a", rounds=12).hash(OTHER), "bcrypt")                           # passlib $2a$12
add(vector("bcrypt_legacy", "$2x$05$", "PHP", PW_ERIN), "bcrypt", PW_ERIN)                  # PHP crypt() $2x$05: rehash
add(dj.make_password(OTHER, hasher="bcrypt_sha256"), "bcrypt_sha256_django")                # Django, cost 12
add(dj.make_password(PW_ALICE, hasher="pbkdf2_sha256"), "pbkdf2_sha256_django", PW_ALICE)   # Django 3.2: 260000, rehash
add(dj.PBKDF2PasswordHasher().encode(OTHER, dj.PBKDF2PasswordHasher().salt(), iterations=1_200_000),
    "pbkdf2_sha256_django")                                                                 # Django 6.0's count
add(keycloak(OTHER, 27500), "pbkdf2_sha256")                                                # Keycloak's old default: rehash
add(keycloak(OTHER, 600000), "pbkdf2_sha256")
add(pbkdf2_hex("pbkdf2_sha512", "sha512", OTHER, 210000, 64), "pbkdf2_sha512")
add(vector("pbkdf2_sha256_passlib", "$29000$", "passlib 1.7.4"), "pbkdf2_sha256_passlib")  # passlib: 29000, rehash
add(vector("pbkdf2_sha512_passlib", "$29000$", "passlib 1.7.4"), "pbkdf2_sha512_passlib")  # 29000 < 210000: rehash
add(dj.make_password(OTHER, hasher="pbkdf2_sha1"), "pbkdf2_sha1")                           # Django, base64: rehash
add(pbkdf2_hex("pbkdf2_sha1", "sha1", OTHER, 1_300_000, 20), "pbkdf2_sha1")                  # hex layout
add(argon2.PasswordHasher().hash(OTHER), "argon2id")                                        # argon2-cffi defaults
add(php("echo password_hash('%s', PASSWORD_ARGON2ID);" % OTHER), "argon2id")                # PHP m=65536,t=4,p=1
add(argon2_low(OTHER, argon2.low_level.Type.I, 19456, 2, 1), "argon2i")
add(vector("argon2d", "$m=65536,t=1,p=1$", "argon2-cffi"), "argon2d")                      # t=1: rehash
add(vector("argon2_django", "argon2$argon2i$v=16$", "argon2-cffi", PW_ALICE),
    "argon2_django", PW_ALICE)                                                              # v=16 m=128: rehash
add(ph.phpass.using(ident="P", rounds=13).hash(PW_CAROL), "phpass", PW_CAROL)               # WordPress $P$B
add(ph.phpass.using(ident="H", rounds=11).hash(OTHER), "phpass")                            # phpBB $H$9: rehash
add(vector("wordpress", "$wp$2y$10$", "PHP"), "wordpress")                                  # WordPress 6.8, cost 10: rehash
add(werkzeug_scrypt(OTHER), "scrypt_werkzeug")
add(vector("werkzeug_pbkdf2", "pbkdf2:sha256:260000$", "Werkzeug"), "werkzeug_pbkdf2")     # Werkzeug 2.2: rehash
add(firebase(OTHER), "scrypt_firebase")
add(vector("sha512_crypt", "$6$rounds=656000$", "passlib"), "sha512_crypt")                 # passlib's default
add(vector("sha256_crypt", "$5$", "Python", PW_ALICE), "sha256_crypt", PW_ALICE)            # libxcrypt, 5000: rehash
# Insecure rows: usable, to upgrade at the next sign-in.
add(hashlib.md5(PW_DAVE.encode()).hexdigest(), "md5", PW_DAVE)
add(hashlib.md5(OTHER.encode()).hexdigest(), "md5")
add(hashlib.sha256(PW_DAVE.encode()).hexdigest(), "sha256", "letmein!")                      # wrong password
add(hashlib.sha256(OTHER.encode()).hexdigest(), "sha256")
add(vector("sha1_django", "sha1$", "Django", "password"), "sha1_django")                     # Django's SHA1PasswordHasher
add(vector("md5_django", "md5$", "Django", "password"), "md5_django")                        # Django's MD5PasswordHasher
add(vector("md5_crypt", "$1$", "Python", PW_ERIN), "md5_crypt", PW_ERIN)                    # libxcrypt md5crypt

# BROKEN: rows that are not usable.
good_bcrypt = bcrypt.hashpw(OTHER.encode(), bcrypt.gensalt(12)).decode()
add(good_bcrypt[:40], "bcrypt")                                                             # truncated: malformed
add(hashlib.sha1(OTHER.encode()).hexdigest(), "md6")                                        # unknown hasher
big = argon2_low(OTHER, argon2.low_level.Type.ID, 19456, 2, 1).replace("m=19456", "m=4194304")
add(big, "argon2id")                                                                        # 4 GiB: over the limit
add(bcrypt.hashpw(OTHER.encode(), bcrypt.gensalt(12)).decode(), None)                       # no hasher field
add(dj.make_password(OTHER, hasher="pbkdf2_sha256"), "")                                    # empty hasher: ambiguous
BAD_JSON_AFTER = len(rows)  # the broken JSON line goes here
add(bcrypt.hashpw(OTHER.encode(), bcrypt.gensalt(10)).decode(), "bcrypt")                   # after the broken line
# Hashers added later, appended so the rows above keep their lines.
add(vector("bcrypt_django", "bcrypt$$2b$05$", "Django 4.2", "password"), "bcrypt_django")       # Django 4.2, cost 5: rehash
add(vector("bcrypt_sha256_passlib", "$v=2,t=2b,r=5$", "passlib 1.7.4", "password"), "bcrypt_sha256_passlib")
add(vector("drupal7", "$S$51vMhqWds", "Drupal 7.105", "password"), "drupal7")
add(vector("scrypt_django", "scrypt$16384$", "Django 4.2", "password"), "scrypt_django")
add(vector("scrypt_passlib", "$scrypt$ln=14,r=8,p=1$", "passlib 1.7.4", "password"), "scrypt_passlib")
add(vector("recipe", "md5($password) hash=5f4dcc3b", "Python", "password"), "recipe")           # a home-grown md5: insecure

# Issue 13's hashers, from their producer fixtures (slappasswd 2.5.13,
# passlib 1.7.4, Mono 6.8, Spring Security 7.1.1).
for h, contains, source in [
        ("ldap_ssha", "{SSHA}J4xE", "slappasswd"), ("ldap_ssha256", "{SSHA256}IATf", "slappasswd"),
        ("ldap_ssha512", "{SSHA512}vuVU", "slappasswd"), ("ldap_smd5", "{SMD5}3cgT", "slappasswd"),
        ("ldap_sha", "{SHA}W6ph", "slappasswd"), ("ldap_md5", "{MD5}X03M", "slappasswd"),
        ("ldap_crypt", "{CRYPT}$6$jE8w", "slappasswd"),
        ("ldap_pbkdf2_sha1", "{PBKDF2}10000$N53q", "slappasswd"),
        ("ldap_pbkdf2_sha256", "{PBKDF2-SHA256}10000$oq7e", "slappasswd"),
        ("ldap_pbkdf2_sha512", "{PBKDF2-SHA512}10000$bNCH", "slappasswd"),
        ("atlassian_pbkdf2_sha1", "{PKCS5S2}kapQ", "passlib"),
        ("aspnet_identity_v2", "ANuQ", "npm"), ("aspnet_identity_v3", "AQAAAAIAAYagAAAAEHL1", "Mono"),
        ("aspnet_membership_sha1", "4hCFMF1E", "Mono"),
        ("spring_delegating", "{bcrypt}$2a$10$ZrfT", "Spring")]:
    add(vector(h, contains, source), h)

# yescrypt and the other crypt(3), MySQL and PostgreSQL hashers of issue 13.
add(vector("yescrypt", "$y$j9T$", "libxcrypt", PW_ALICE), "yescrypt", PW_ALICE)             # Debian's default j9T
add(vector("scrypt_crypt", "$7$CU..../....", "libxcrypt"), "scrypt_crypt")                 # libxcrypt's default cost 7
add(vector("des_crypt", "crypt$$", "Django", "password"), "des_crypt", "password")          # insecure
add(vector("apr1_md5_crypt", "$apr1$", "htpasswd", PW_ALICE), "apr1_md5_crypt", PW_ALICE)   # insecure
add(vector("mysql_native", "*", "MariaDB", "password"), "mysql_native", "password")        # insecure
add(vector("postgres_scram_sha256", "SCRAM-SHA-256$4096:", "PostgreSQL", PW_ALICE),
    "postgres_scram_sha256", PW_ALICE)                                                      # PostgreSQL's 4096
add(vector("bigcrypt", "", "libxcrypt", PW_ALICE), "bigcrypt", PW_ALICE)                    # insecure
# Clerk's newer names (issue 12): added last, so the rows above keep their ids.
add(vector("bcrypt_peppered", "$2a$10$", "Devise"), "bcrypt_peppered")                      # Devise, cost 10: rehash
add(vector("md5_phpass", "$P$B", "WordPress", "password"), "md5_phpass", "password")        # WordPress class-phpass.php
add(vector("pbkdf2_sha512_hex", "$27500$", "PHP"), "pbkdf2_sha512_hex")                     # Keycloak's 27500: rehash
add(vector("pbkdf2_sha1_forms", "pbkdf2_sha1$2000$", "PHP", "\U0001f511 key \U0001f5dd"), "pbkdf2_sha1")  # key-length form: rehash
add(vector("md5_salted", "6FFtFwbC$", "PHP"), "md5_salted")
add(vector("sha256_salted", "cvvwTNjT$", "PHP"), "sha256_salted")
add(vector("hmac_sha256_utf16_b64", "$Dh+Vdy", "Mono", "password"), "hmac_sha256_utf16_b64", "password")  # ASP.NET Membership
add(vector("sha512_symfony", "$5000$$", "Symfony", "password"), "sha512_symfony")
add("awscognito#us-east-1_AbCdEf123#1example23456789abcdefghij#user1077@example.com", "awscognito")  # checked by calling Cognito
# Issue 14's import objects: the providers' own examples.
add(vector("auth0_custom_password_hash", '"keyboardcat"', "Auth0"), "auth0_custom_password_hash")  # Auth0's sha256 example: insecure
add(vector("okta_password_hash", '"POSTFIX"', "Okta support"), "okta_password_hash")                 # Okta's SHA-512 example
add(vector("firebase_import", '"SCRYPT"', "firebase-admin-node"), "firebase_import")                 # firebase-admin's SCRYPT

root = os.getcwd()
with open(os.path.join(root, "testdata/sample-export.jsonl"), "w") as f:
    for i, r in enumerate(rows):
        if i == BAD_JSON_AFTER:
            # A line cut short: no closing brace.
            f.write('{"id": "u-bad", "email": "broken@example.com", "password_digest": "%s", '
                    '"password_hasher": "bcrypt"\n' % good_bcrypt)
        f.write(json.dumps(r, ensure_ascii=False) + "\n")

fields = ["id", "email", "password_digest", "password_hasher", "password", "created_at"]
with open(os.path.join(root, "testdata/sample-export.csv"), "w", newline="") as f:
    w = csv.writer(f, lineterminator="\n")
    w.writerow(fields)
    for i, r in enumerate(rows):
        if i == BAD_JSON_AFTER:
            # A row with one field too few.
            w.writerow(["u-bad", "broken@example.com", good_bcrypt, "bcrypt", "2019-01-01T00:00:00Z"])
        w.writerow([r.get(k, "") for k in fields])

with open(os.path.join(root, "cmd/pwdigest/testdata/sample-export.json"), "w") as f:
    f.write("[\n" + ",\n".join("  " + json.dumps(r, ensure_ascii=False) for r in rows) + "\n]\n")
