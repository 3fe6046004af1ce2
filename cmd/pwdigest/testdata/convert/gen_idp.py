"""Fixtures for the identity providers that do not run here (Firebase,
Keycloak, Supabase, Auth0): each export follows the product's documented
format (see README.md for the pages), with digests computed by independent
implementations: Python's hashlib (PBKDF2), argon2-cffi (Keycloak's argon2),
pyca bcrypt (Supabase, Auth0) and, for Firebase, the vectors in
testdata/vectors/scrypt_firebase.jsonl (Firebase's own README example and
the npm firebase-scrypt package).

    /usr/bin/python3 gen_idp.py   (run by gen.sh)
"""
import base64
import csv
import hashlib
import json
import os
import random
import sys

import argon2
import argon2.low_level as a2
import bcrypt

here = os.path.dirname(os.path.abspath(__file__))
rng = random.Random(20241201)  # salts only: reruns give the same files, except bcrypt's own salts
b64 = lambda b: base64.b64encode(b).decode()


def write_passwords(dirname, source, passwords):
    with open(os.path.join(here, dirname, "passwords.json"), "w") as f:
        json.dump({"source": source, "passwords": passwords}, f, indent=1, ensure_ascii=True)
        f.write("\n")


def mkdir(name):
    os.makedirs(os.path.join(here, name), exist_ok=True)


# ---------------------------------------------------------------- Keycloak
# Pbkdf2PasswordHashProvider: a 16-byte random salt, a 512-bit derived key,
# the password as UTF-8 (Java's PBEKeySpec with PBKDF2WithHmac*); the
# Argon2PasswordHashProvider defaults: argon2id v1.3, m=7168, t=5, p=1,
# 32-byte hash, 16-byte salt.
mkdir("keycloak")
kc_users = []
kc_pw = {}
def kc_pbkdf2(algo, digest, iters, pw):
    salt = bytes(rng.randrange(256) for _ in range(16))
    key = hashlib.pbkdf2_hmac(digest, pw.encode(), salt, iters, 64)
    return ({"value": b64(key), "salt": b64(salt), "additionalParameters": {}},
            {"hashIterations": iters, "algorithm": algo, "additionalParameters": {}})
def kc_argon2(pw):
    salt = bytes(rng.randrange(256) for _ in range(16))
    h = a2.hash_secret_raw(pw.encode(), salt, time_cost=5, memory_cost=7168, parallelism=1, hash_len=32, type=a2.Type.ID, version=19)
    return ({"value": b64(h), "salt": b64(salt), "additionalParameters": {}},
            {"hashIterations": 5, "algorithm": "argon2", "additionalParameters": {
                "hashLength": ["32"], "memory": ["7168"], "type": ["id"], "version": ["1.3"], "parallelism": ["1"]}})
kc_specs = [
    ("5f8a4c3e-1b2d-4e6f-8a9b-0c1d2e3f4a51", "alice", "alice@example.com", "correct horse battery staple", lambda pw: kc_pbkdf2("pbkdf2-sha256", "sha256", 27500, pw)),
    ("5f8a4c3e-1b2d-4e6f-8a9b-0c1d2e3f4a52", "bob", "bob@example.com", "pässwörd", lambda pw: kc_pbkdf2("pbkdf2-sha512", "sha512", 210000, pw)),
    ("5f8a4c3e-1b2d-4e6f-8a9b-0c1d2e3f4a53", "carol", "carol@example.com", "Tr0ub4dor&3", lambda pw: kc_pbkdf2("pbkdf2", "sha1", 20000, pw)),
    ("5f8a4c3e-1b2d-4e6f-8a9b-0c1d2e3f4a54", "dave", "dave@example.com", "s3cret-Passw0rd", kc_argon2),
    ("5f8a4c3e-1b2d-4e6f-8a9b-0c1d2e3f4a55", "erin", "erin@example.com", None, None),
]
for uid, name, email, pw, make in kc_specs:
    u = {"id": uid, "createdTimestamp": 1717236000000, "username": name, "enabled": True, "totp": False,
         "emailVerified": True, "email": email, "disableableCredentialTypes": [], "requiredActions": [],
         "realmRoles": ["default-roles-acme"], "notBefore": 0, "groups": []}
    if pw is not None:
        secret, data = make(pw)
        u["credentials"] = [{"id": uid[:-2] + "c1", "type": "password", "userLabel": "My password",
                             "createdDate": 1717236000000, "secretData": json.dumps(secret, separators=(",", ":")),
                             "credentialData": json.dumps(data, separators=(",", ":"))}]
        kc_pw[uid] = pw
    else:
        u["credentials"] = []  # signs in through an identity provider
        u["federatedIdentities"] = [{"identityProvider": "google", "userId": "1094", "userName": email}]
    kc_users.append(u)
realm = {"id": "acme", "realm": "acme", "notBefore": 0, "enabled": True, "sslRequired": "external",
         "passwordPolicy": "hashAlgorithm(pbkdf2-sha256)",
         "roles": {"realm": [{"id": "2c1f", "name": "default-roles-acme", "composite": True, "clientRole": False, "containerId": "acme"}]},
         "users": kc_users, "clients": [{"clientId": "account", "enabled": True}], "keycloakVersion": "24.0.5"}
with open(os.path.join(here, "keycloak", "realm-export.json"), "w") as f:
    json.dump(realm, f, indent=2, ensure_ascii=False)
    f.write("\n")
write_passwords("keycloak", "Python %s hashlib.pbkdf2_hmac, argon2-cffi %s (Keycloak's parameters)" % (sys.version.split()[0], argon2.__version__), kc_pw)

# ---------------------------------------------------------------- Supabase
# auth.users as "COPY auth.users TO STDOUT WITH CSV HEADER" writes it;
# GoTrue hashes with golang.org/x/crypto/bcrypt at cost 10 ("$2a$10$").
mkdir("supabase")
sb_pw = {}
cols = ["instance_id", "id", "aud", "role", "email", "encrypted_password", "email_confirmed_at", "last_sign_in_at",
        "raw_app_meta_data", "raw_user_meta_data", "created_at", "updated_at", "phone", "is_anonymous"]
rows = []
for uid, email, pw, provider in [
        ("0b7a3c2e-3f4d-4e5a-9b6c-7d8e9f0a1b21", "alice@example.com", "correct horse battery staple", "email"),
        ("0b7a3c2e-3f4d-4e5a-9b6c-7d8e9f0a1b22", "bob@example.com", "pässwörd", "email"),
        ("0b7a3c2e-3f4d-4e5a-9b6c-7d8e9f0a1b23", "carol@example.com", None, "github")]:
    h = bcrypt.hashpw(pw.encode(), bcrypt.gensalt(rounds=10, prefix=b"2a")).decode() if pw else ""
    if pw:
        sb_pw[uid] = pw
    rows.append(["00000000-0000-0000-0000-000000000000", uid, "authenticated", "authenticated", email, h,
                 "2024-06-01 10:00:00.123456+00", "2024-06-02 09:00:00.5+00",
                 json.dumps({"provider": provider, "providers": [provider]}), "{}",
                 "2024-06-01 10:00:00.123456+00", "2024-06-02 09:00:00.5+00", "", "f"])
with open(os.path.join(here, "supabase", "auth_users.csv"), "w", newline="") as f:
    w = csv.writer(f, lineterminator="\n")
    w.writerow(cols)
    w.writerows(rows)
write_passwords("supabase", "pyca bcrypt %s (cost 10, $2a$, as GoTrue writes)" % bcrypt.__version__, sb_pw)

# ---------------------------------------------------------------- Auth0
# The password export Auth0 support sends (one JSON object a line, bcrypt
# in passwordHash) and a bulk-import file (a JSON array, password_hash or
# custom_password_hash).
mkdir("auth0")
a0_pw = {}
with open(os.path.join(here, "auth0", "password-export.json"), "w") as f:
    for oid, email, pw in [("60425dc43519d90068f82971", "alice@example.com", "correct horse battery staple"),
                           ("60425dc43519d90068f82972", "bob@example.com", "pässwörd"),
                           ("60425dc43519d90068f82973", "carol@example.com", None)]:
        o = {"_id": {"$oid": oid}, "email": email, "emailVerified": True}
        if pw:
            o["passwordHash"] = bcrypt.hashpw(pw.encode(), bcrypt.gensalt(rounds=10, prefix=b"2b")).decode()
            o["password_set_date"] = {"$date": "2024-06-01T10:00:00.000Z"}
            a0_pw[oid] = pw
        o.update({"tenant": "acme", "connection": "Username-Password-Authentication", "_tmp_is_unique": True})
        f.write(json.dumps(o, ensure_ascii=False, separators=(",", ":")) + "\n")
md5pw = "letmein"
imp = [
    {"user_id": "auth0|dave", "email": "dave@example.com", "email_verified": True,
     "password_hash": bcrypt.hashpw(b"Tr0ub4dor&3", bcrypt.gensalt(rounds=10, prefix=b"2b")).decode()},
    {"user_id": "auth0|erin", "email": "erin@example.com", "email_verified": False,
     "custom_password_hash": {"algorithm": "md5", "hash": {"value": hashlib.md5(md5pw.encode()).hexdigest(), "encoding": "hex"}}},
    {"user_id": "auth0|frank", "email": "frank@example.com", "email_verified": False,
     "custom_password_hash": {"algorithm": "pbkdf2", "hash": {
         "value": "$pbkdf2-sha256$i=1000,l=32$" + base64.b64encode(b"saltsalt").decode().rstrip("=") + "$" +
                  base64.b64encode(hashlib.pbkdf2_hmac("sha256", b"s3cret-Passw0rd", b"saltsalt", 1000, 32)).decode().rstrip("="),
         "encoding": "utf8"}}},
]
a0_pw["auth0|dave"] = "Tr0ub4dor&3"
a0_pw["auth0|erin"] = md5pw
a0_pw["auth0|frank"] = "s3cret-Passw0rd"
with open(os.path.join(here, "auth0", "bulk-import.json"), "w") as f:
    json.dump(imp, f, indent=2, ensure_ascii=False)
    f.write("\n")
write_passwords("auth0", "pyca bcrypt %s (cost 10, $2b$), Python hashlib md5 and pbkdf2_hmac" % bcrypt.__version__, a0_pw)

# ---------------------------------------------------------------- Firebase
# auth:export's JSON and CSV with the users' passwordHash and salt from
# scrypt_firebase vectors made with the sample project parameters of
# Firebase's README (github.com/firebase/scrypt), which hash_config.txt
# holds as the console shows them.
mkdir("firebase")
readme_key = "jxspr8Ki0RYycVU8zykbdLGjFQ3McFUH0uiiTvC8pVMXAn210wjLNmdZJzxUECKbm0QsEmYUSDzZvpjeJ9WmXA=="
vectors = [json.loads(l) for l in open(os.path.join(here, "../../../../testdata/vectors/scrypt_firebase.jsonl"))]
picked = [v for v in vectors if v["digest"].split("$")[2:] == [readme_key, "Bw==", "8", "14"]][:3]
assert len(picked) == 3, picked
fb_users, fb_pw = [], {}
for i, v in enumerate(picked):
    h, salt = v["digest"].split("$")[:2]
    uid = "Uf4XSnVwQ2Wz8mO1bA%02d" % i
    fb_users.append({"localId": uid, "email": "user%d@example.com" % i, "emailVerified": True,
                     "passwordHash": h, "salt": salt, "lastSignedInAt": "1717236000000", "createdAt": "1717149600000",
                     "providerUserInfo": [{"providerId": "password", "rawId": "user%d@example.com" % i,
                                           "email": "user%d@example.com" % i}]})
    fb_pw[uid] = v["password"]
fb_users.append({"localId": "Uf4XSnVwQ2Wz8mO1bAgg", "email": "google@example.com", "emailVerified": True,
                 "displayName": "G User", "createdAt": "1717149600000",
                 "providerUserInfo": [{"providerId": "google.com", "rawId": "1094", "email": "google@example.com",
                                       "displayName": "G User"}]})
with open(os.path.join(here, "firebase", "users.json"), "w") as f:
    json.dump({"users": fb_users}, f, indent=2, ensure_ascii=False)
    f.write("\n")
with open(os.path.join(here, "firebase", "users.csv"), "w", newline="") as f:
    w = csv.writer(f, lineterminator="\n")
    for u in fb_users:
        g = next((p for p in u["providerUserInfo"] if p["providerId"] == "google.com"), None)
        row = [u["localId"], u["email"], "true", u.get("passwordHash", ""), u.get("salt", ""), u.get("displayName", ""), ""]
        row += [g["rawId"], g["email"], g["displayName"], ""] if g else [""] * 4
        row += [""] * 12  # Facebook, Twitter, GitHub
        row += [u["createdAt"], u.get("lastSignedInAt", ""), ""]
        w.writerow(row)
with open(os.path.join(here, "firebase", "hash_config.txt"), "w") as f:
    f.write("hash_config {\n  algorithm: SCRYPT,\n  base64_signer_key: %s,\n  base64_salt_separator: Bw==,\n  rounds: 8,\n  mem_cost: 14,\n}\n" % readme_key)
write_passwords("firebase", "testdata/vectors/scrypt_firebase.jsonl: " + "; ".join(sorted({v["source"] for v in picked})), fb_pw)
