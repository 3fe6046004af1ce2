# Writes testdata/malformed/<hasher>.txt: hand-chosen damage to one real
# producer's digest per hasher (the producer is named in each file's source
# header). Run from the repository root: /usr/bin/python3
# testdata/malformed/gen_malformed.py. To cover a new hasher, add its base
# digest to BASES and its damage to cases(); every line must then pass
# TestMalformedFixtures.
import base64, os

PW = "hostile-base"
BASES = {
 "bcrypt": ("$2b$04$rNXvHeAdaBNitgy3WmoOm.qvb9F.KsmVIAbTToreROC7AtxhHxssG", "python3-bcrypt 3.2.2 (Debian 12): bcrypt.hashpw(password, bcrypt.gensalt(4))"),
 "bcrypt_sha256_django": ("bcrypt_sha256$$2b$04$NwAi6H3OjSdBk/w4vx4f7u//gLjmtWc2ABCzyCDFk5pYd.YZBvnha", "Django 3.2.25 BCryptSHA256PasswordHasher with rounds = 4"),
 "md5": ("49717a1f2e88e8ce3ca19f323d6fdc49", "PHP 8.2 md5()"),
 "sha256": ("24c57629673036de705533beac905c3a9679c282bf3e427e9738402910bb0846", "PHP 8.2 hash('sha256', ...)"),
 "pbkdf2_sha256": ("pbkdf2_sha256$1000$AAECAwQFBgcICQoLDA0ODw==$WdxXhJIGGkcx6420k0b6HjE5VbZw+utB2imWRGrf4ffhgucD/wH6SznVx8vzXHsbARH6axFjuX3ocQBC8QZMGA==", "Python 3.11.2 hashlib.pbkdf2_hmac('sha256', password, bytes(range(16)), 1000, 64), base64 salt and hash as Keycloak keeps them"),
 "pbkdf2_sha256_django": ("pbkdf2_sha256$1000$Yx3dK9qLm2Pz8RtV4wNb7C$7Qs1HSFO2+hWV00+r2MWvlgL4tqXQaFWXHqJg0y7K9c=", "Django 3.2.25 PBKDF2PasswordHasher().encode(password, salt, 1000)"),
 "pbkdf2_sha512": ("pbkdf2_sha512$1000$Kd8sLq2mZx7vNc4B$79d85d9b6a4fe35f11144c87f6c29ec12181c0ef4ea9e67a2d86395c7feda6dc9b811bcb97d9c6959a69f6e301a515b388e13991343aa3f89641a24ab83743fd", "Python 3.11.2 hashlib.pbkdf2_hmac('sha512', password, salt, 1000, 64), hex"),
 "pbkdf2_sha1": ("pbkdf2_sha1$1000$Qw8eRt5yUi2oPa7sDf3gHj$IYHgMPm3rQhiRjtCIccegZDtNhk=", "Django 3.2.25 PBKDF2SHA1PasswordHasher().encode(password, salt, 1000)"),
 "phpass": ("$P$57siSukz5USDIux8gPQnV0fb0TvOal/", "passlib 1.7.4 phpass.using(rounds=7).hash(password)"),
 "scrypt_werkzeug": ("scrypt:1024:8:1$Mv3nBx8cZq1wEr6t$0ff908e335b010069438975077a840b16f5b882f84e2bc25c12684ad6da94fde23657cff9a6cfa3817a97793b40be205913e5b239420c46b84a0c48782cbc348", "Python 3.11.2 hashlib.scrypt(password, salt, n=1024, r=8, p=1, dklen=64), hex, as Werkzeug 3 writes it"),
 "argon2i": ("$argon2i$v=19$m=64,t=1,p=1$1WBaOzwbPS5HbzB5lmAZZQ$HvJcNTjvtuqwVVFRbsDiyQ", "argon2-cffi 21.1.0 PasswordHasher(time_cost=1, memory_cost=64, parallelism=1, type=Type.I)"),
 "argon2id": ("$argon2id$v=19$m=64,t=1,p=1$F4D8olTuQjPVv7u14j7u9w$jNVmKt2cMSo5HjZ9Ch2Efg", "argon2-cffi 21.1.0 PasswordHasher(time_cost=1, memory_cost=64, parallelism=1)"),
 "scrypt_firebase": ("8nnyL9+9INbxpr4roRrbiAwrV4/134wuUY8X8vlgw3YwR9Bk5xAeOhMr0ayectrV2nTw+hDEKUZKvspJN0YYzg==$42xEC+ixf3L2lw==$jxspr8Ki0RYycVU8zykbdLGjFQ3McFUH0uiiTvC8pVMXAn210wjLNmdZJzxUECKbm0QsEmYUSDzZvpjeJ9WmXA==$Bw==$1$10", "npm firebase-scrypt 2.2.0 (Node v20.20.2) FirebaseScrypt.hash with Firebase's sample signer key and separator, rounds 1, mem cost 10"),
}

BASES.update({
 "argon2_django": ("argon2$argon2id$v=19$m=64,t=1,p=1$cGE5RWwzY3pXanRlOUlvM01XSUxVRQ$EQwOTL/KVZhq82x6zUNdlA", "password", "Django 3.2.25 Argon2PasswordHasher with argon2-cffi 21.1.0 (time_cost=1, memory_cost=64, parallelism=1), from testdata/vectors/argon2_django.jsonl"),
 "argon2d": ("$argon2d$v=19$m=64,t=1,p=1$MNJoFUwnrD8G1sUbpAGtSw$fytC+nq2iTm+MfCM4y5MqANaCpOZZqa9MGluV+rhMZk", "x", "argon2-cffi 21.1.0 argon2.low_level.hash_secret (libargon2 0~20171227), from testdata/vectors/argon2d.jsonl"),
 "md5_crypt": ("$1$28772684$iEwNOgGugqO9.bIz5sk8k/", "hashcat", "hashcat example hashes, mode 500, from testdata/vectors/md5_crypt.jsonl"),
 "md5_django": ("md5$1mWWkjLWQvtD$2acabb3c76079b2a00fe66374bb85f4c", "password", "Django 3.2.25 MD5PasswordHasher, from testdata/vectors/md5_django.jsonl"),
 "sha1_django": ("sha1$3GfZGLFxwO5o$b3c803c322d4bcddc7c9ca8ebbb6eb3d7e6b82ca", "password", "Django 3.2.25 SHA1PasswordHasher, from testdata/vectors/sha1_django.jsonl"),
 "pbkdf2_sha256_passlib": ("$pbkdf2-sha256$1000$zaNd.jDrbxN7Vz3FlzD05g$att8I46IAHBvmy5RgJ9Gq3ydSASaJRF8TSLDXhLhiEY", "password", "passlib 1.7.4 pbkdf2_sha256, from testdata/vectors/pbkdf2_sha256_passlib.jsonl"),
 "pbkdf2_sha512_passlib": ("$pbkdf2-sha512$1000$Flo7BYlzJm.Hzhk6.kXCFQ$7arEW/FPrcz/pyAGEGy439z0A8qL/.YvIIPzWt.uoLU7aWLOlQpvxiFs74xA8yx7tebwqDPjkPg6IQHfhM13NA", "password", "passlib 1.7.4 pbkdf2_sha512, from testdata/vectors/pbkdf2_sha512_passlib.jsonl"),
 "sha256_crypt": ("$5$rounds=10000$saltstringsaltst$3xv.VbSHBb41AL9AvLeujZkZRBAwqFMz2.opqey6IcA", "Hello world!", "Ulrich Drepper, 'Unix crypt using SHA-256 and SHA-512', test vectors, from testdata/vectors/sha256_crypt.jsonl"),
 "sha512_crypt": ("$6$saltstring$svn8UoSVapNtMuq1ukKS4tPQd8iKwSMHWjl/O817G3uBnIFNjnQJuesI68u4OTLiBFdcbYEdFCoEOfaS35inz1", "Hello world!", "Ulrich Drepper, 'Unix crypt using SHA-256 and SHA-512', test vectors, from testdata/vectors/sha512_crypt.jsonl"),
 "pbkdf2_werkzeug": ("pbkdf2:sha256:1000$oe6oSwmlHYdNflQM$23f7f09746fb96b501b0194669210c9179de9d971b8904eee3f160317eecff3f", "password", "Werkzeug 2.2.2 security._hash_internal('pbkdf2:sha256:1000'), from testdata/vectors/pbkdf2_werkzeug.jsonl"),
 "bcrypt_sha384_wordpress": ("$wp$2y$04$0dhUnDf3qQ3yu3mrQYoRg..S1EQ2sexLxXmfwyzDx7RjZjmoJ4tu.", "password", "PHP 8.2.36 hash_hmac('sha384') + password_hash(PASSWORD_BCRYPT), WordPress 6.8 wp_hash_password() recipe, from testdata/vectors/bcrypt_sha384_wordpress.jsonl"),
})

BASES.update({
 "drupal7": ("$S$5d9hAsH6wgMLkW9BGSm.YDdKmd2tHiG2Si.oP5PQ//Cd0Je66ygv", "Drupal 7.105 includes/password.inc user_hash_password(password, 7), PHP 8.2.36"),
 "scrypt_django": ("scrypt$1024$Q3wErT5yU7iOp9aSdF1gHj$8$1$4clbL71cQnpFoPvoyy+bJNUmvGgvD11nLUl4SXkELUJMfiFxk7yurcjQlZA68zSN5racDkhuTgHd+awms733mg==", "Django 4.2.21 ScryptPasswordHasher with work_factor = 1024 (Debian bookworm-backports)"),
 "bcrypt_django": ("bcrypt$$2b$04$HaTZl/rYgrhXXz6jlKFZ/uleKS75LOV6OsCUeuxd7TUXqEzyKEz5i", "Django 3.2.25 BCryptPasswordHasher with rounds = 4"),
 "bcrypt_sha256_passlib": ("$bcrypt-sha256$v=2,t=2b,r=4$iCbSU6WgUh7GohQ59HWbL.$0c/TZCsJoL764AdbUH.Zl12B/eBa8Ge", "passlib 1.7.4 bcrypt_sha256.using(rounds=4).hash(password)"),
 "scrypt_passlib": ("$scrypt$ln=10,r=8,p=1$9D5HiDEmZOzdew9hTMmZkw$n9P3l1x44T5Nw1P41+IAENKC2/lBrHTrJ6PjVaS5EN8", "passlib 1.7.4 scrypt.using(rounds=10).hash(password)"),
})

# Clerk's newer names (issue 12); bases from testdata/vectors (see their sources).
BASES.update({
 "bcrypt_peppered": ("$2a$04$FF8l03OGXPABUWnxlQHkAekIKzwuBSchkRsIimYEEuGjU2rx2LCaW$pepper", "password", "Devise 4.8.1 Devise::Encryptor.digest (pepper \"pepper\", stretches 4), ruby-bcrypt 3.1.18, from testdata/vectors/bcrypt_peppered.jsonl"),
 "md5_salted": ("6FFtFwbC$310edd932dabe2101829f1c5456177df", "password", "PHP 8.2.36 hash('md5', $salt . $password), from testdata/vectors/md5_salted.jsonl"),
 "sha256_salted": ("cvvwTNjT$dcf6751e10072c8264f41411d9a777e31467652530483892a91dc3948090dbd6", "password", "PHP 8.2.36 hash('sha256', $salt . $password), from testdata/vectors/sha256_salted.jsonl"),
 "hmac_sha256_utf16_b64": ("hmac_sha256_utf16_b64$bLfjuCiUnpLma0n4O5no+tpYmucUbs4jMHas0KtT/RM=$my-hmac-key", "password", "PHP 8.2.36 hash_hmac('sha256', iconv('UTF-8', 'UTF-16LE', $password), $key, true), base64, from testdata/vectors/hmac_sha256_utf16_b64.jsonl"),
 "sha512_symfony": ("sha512_symfony$5000$x7j5rqqgtw4daziut45u4mds0srbs9z$VhX688WCZ2FBOwdJEjvfvlbARoW6kkpMH3gAtgIHIUnyR3/F15FYHE6pz6hnFb0PfS30K+fglQnLHaFoSrxM1w==", "password", "Symfony 5.4.53 MessageDigestPasswordHasher('sha512', true, 5000)->hash(), from testdata/vectors/sha512_symfony.jsonl"),
 "pbkdf2_sha512_hex": ("pbkdf2_sha512_hex$1000$8a38c273a5a185f64752c87439def894$240663839584771c67349fe8dd45373967b5646977edc5bae0f3615e70321dc5ad56210972510cd9cb64daa033b4df57354f455fd05f1fba6d3520b6addda9cc", "password", "PHP 8.2.36 hash_pbkdf2('sha512', raw output) with a 16-byte salt, hex, from testdata/vectors/pbkdf2_sha512_hex.jsonl"),
 "md5_phpass": ("$P$B9QoyM4jAudXksfassHdajfyiX4aGk0", "password", "WordPress 6.1.9 class-phpass.php PasswordHash(8, true)->HashPassword(), from testdata/vectors/md5_phpass.jsonl"),
 "awscognito": ("awscognito#us-east-1_AbCdEf123#1example23456789abcdefghij#alice@example.com", "password", "not a digest: Clerk's awscognito#<user pool id>#<client id>#<identifier> row, ids in the shape of AWS's documented examples; only its shape is checked here (package cognito verifies against cognito-local)"),
})
BASES.update({
 "recipe": ("md5(md5($salt)+md5($password)) salt=Xy7k hash=8082868aa2ae736d1377cb2ea7f407ad", "PHP 8.2.36 md5(md5($salt) . md5($password)) (MyBB's construction), salt Xy7k"),
})

import json as _json
A0 = '{"algorithm":"sha256","hash":{"value":"7054f76f832d2d4e244f73b3f3f4c3702cb60a573ed12441c90f159df560fcb5","encoding":"hex"},"salt":{"value":"keyboardcat","position":"prefix"}}'
OK = '{"algorithm":"SHA-512","saltOrder":"POSTFIX","salt":"JipHQUgqQU8qQUwpQUYjUChBSEcjQQ==","value":"Zz6KwLGDm7ospSipwpDmxAjBWHKPLgGh1roGzI267h6txr/ihTI/R4K2eYrpyc0R24qCSF6DRqNl110vZZtj4A=="}'
FB = '{"hashAlgorithm":"HMAC_SHA256","signerKey":"c2VjcmV0","passwordHash":"Tylljx-bByUzijXn7PP4icT0CnWgPh6Wh1Ni_hLR16s=","salt":"TmFDbA=="}'
BASES.update({
 "auth0_custom_password_hash": (A0, "hello", "Auth0 sha256 import example (gist.github.com/thameera/da1d4823aaac9e739e1f5e24ef4b63af), from testdata/vectors/auth0_custom_password_hash.jsonl"),
 "okta_password_hash": (OK, "s3cr3tp@ssw0rd", "Okta support article 'Users are unable to login using imported hashed password', from testdata/vectors/okta_password_hash.jsonl"),
 "firebase_import": (FB, "  leading and trailing  ", "Node.js v20.20.2 crypto.createHmac('sha256', 'secret').update(password + 'NaCl') (firebase-admin's integration-test construction), from testdata/vectors/firebase_import.jsonl"),
})


def jd(o):
    return _json.dumps(o, separators=(",", ":"))


def edit(d, **kw):
    o = _json.loads(d)
    for k, v in kw.items():
        path = k.split("__")
        t = o
        for q in path[:-1]:
            t = t[q]
        if v is DEL:
            del t[path[-1]]
        else:
            t[path[-1]] = v
    return jd(o)


DEL = object()

M, O = "malformed", "out_of_range"

def q(s):
    out = '"'
    for b in s.encode("utf-8", "surrogateescape"):
        if b == 34: out += '\\"'
        elif b == 92: out += '\\\\'
        elif b == 10: out += '\\n'
        elif b == 13: out += '\\r'
        elif b == 9: out += '\\t'
        elif 32 <= b < 127: out += chr(b)
        else: out += '\\x%02x' % b
    return out + '"'

def common(name, d):
    more = (d + "A", "one character too many")
    if name.startswith("argon2"):
        # Raw base64 of any length but 4k+1 is valid: append up to one.
        k = (1 - len(d.rsplit("$", 1)[1])) % 4 or 4
        more = (d + "A" * k, "hash of an impossible base64 length (4k+1)")
    less = (d[1:], "first character cut off") if name == "scrypt_firebase" else (d[:-1], "truncated by one character")
    return [
        (M, "", "empty"),
        (M,) + less,
        (M,) + more,
        (M, " " + d, "leading space"),
        (M, d + "\n", "trailing newline"),
        (M, d + "\r", "trailing carriage return (CRLF file)"),
        (M, d + "\x00", "trailing NUL"),
    ]

def mixed_case(h):
    i = next(i for i, ch in enumerate(h) if ch in "abcdef")
    return h[:i] + h[i].upper() + h[i+1:]

def b64(b): return base64.b64encode(b).decode()
def raw64(b): return base64.b64encode(b).decode().rstrip("=")

def cases(name, d):
    if name in CLERK_CASES:
        return CLERK_CASES[name](d)
    c = common(name, d)
    if name == "bcrypt":
        body = d[7:]
        c += [
            (M, "$2c$04$" + body, "unknown minor version c"),
            (M, "$2B$04$" + body, "upper-case minor version"),
            (M, "$2b$4$" + body, "one-digit cost"),
            (M, "$2b$+4$" + body, "signed cost"),
            (M, "$2b$0a$" + body, "cost is not decimal"),
            (M, "2b$04$" + body, "missing leading $"),
            (M, "$2b$04$" + body[:5] + "!" + body[6:], "salt character outside bcrypt's alphabet"),
            (M, "$2b$04$" + body[:5] + "+" + body[6:], "salt character from standard base64, not bcrypt's"),
            (M, "$2b$04$" + body[:21] + "/" + body[22:], "salt's last character has non-zero unused bits"),
            (M, "$2b$04$" + body[:-1] + "H", "hash's last character has non-zero unused bits"),
            (M, "$2b$04$" + body[:22] + "$" + body[22:-1], "$ between salt and hash"),
            (M, "$2b$04$" + body[:20] + " " + body[21:], "space inside the salt"),
            (O, "$2b$03$" + body, "cost below bcrypt's minimum 4"),
            (O, "$2b$32$" + body, "cost above bcrypt's maximum 31"),
            (O, "$2b$99$" + body, "cost 99"),
            (O, "$2b$31$" + body, "cost 31, above the default limit 16"),
            (O, "$2b$17$" + body, "cost 17, one above the default limit"),
        ]
    elif name == "bcrypt_sha256_django":
        inner = d[len("bcrypt_sha256$"):]
        body = inner[7:]
        c += [
            (M, inner, "plain bcrypt without the prefix"),
            (M, "bcrypt$" + inner, "Django's plain bcrypt prefix"),
            (M, "BCRYPT_SHA256$" + inner, "upper-case prefix"),
            (M, "bcrypt_sha256$$" + inner, "doubled $"),
            (M, "bcrypt_sha256$", "prefix only"),
            (M, "bcrypt_sha256$$2b$04$" + body[:3] + "*" + body[4:], "salt character outside bcrypt's alphabet"),
            (M, "bcrypt_sha256$$2b$4$" + body, "one-digit cost"),
            (O, "bcrypt_sha256$$2b$32$" + body, "cost above bcrypt's maximum 31"),
            (O, "bcrypt_sha256$$2b$17$" + body, "cost 17, above the default limit 16"),
            (O, "bcrypt_sha256$$2b$01$" + body, "cost below 4"),
        ]
    elif name in ("md5", "sha256"):
        c += [
            (M, d[:-2], "one byte short"),
            (M, d + "00", "one byte too long"),
            (M, d[:-1] + "g", "g is not hex"),
            (M, mixed_case(d), "mixed-case hex"),
            (M, "0x" + d, "0x prefix"),
            (M, "{%s}" % name.upper() + b64(bytes.fromhex(d)), "LDAP-style {%s} base64" % name.upper()),
            (M, b64(bytes.fromhex(d)), "base64 of the right digest"),
            (M, d[:10] + " " + d[11:], "space inside"),
            (M, "$1$" + d, "crypt-style prefix"),
        ]
    elif name in ("pbkdf2_sha256", "pbkdf2_sha256_django", "pbkdf2_sha512", "pbkdf2_sha1"):
        prefix, it, salt, h = d.split("$")
        def j(*f): return "$".join(f)
        c += [
            (M, j(prefix, "+1000", salt, h), "signed iterations"),
            (M, j(prefix, "01000", salt, h), "leading zero in iterations"),
            (M, j(prefix, "1000 ", salt, h), "space after iterations"),
            (M, j(prefix, "1e3", salt, h), "iterations in exponent notation"),
            (M, j(prefix, "-1", salt, h), "negative iterations"),
            (M, j(prefix, "2147483648", salt, h), "iterations overflow int32"),
            (M, j(prefix, "99999999999999999999999", salt, h), "iterations overflow uint64"),
            (M, j(prefix, "", salt, h), "empty iterations"),
            (M, j(prefix, it, salt), "missing hash field"),
            (M, j(prefix, it, salt, h, "x"), "extra field"),
            (M, j(prefix, it, "", h), "empty salt"),
            (M, j(prefix, it, salt, ""), "empty hash"),
            (M, prefix.upper() + "$" + j(it, salt, h), "upper-case prefix"),
            (M, prefix.replace("_", "-") + "$" + j(it, salt, h), "passlib-style dashes"),
            (M, prefix + ":" + j(it, salt, h), "colon instead of $"),
            (O, j(prefix, "0", salt, h), "zero iterations"),
            (O, j(prefix, "2147483647", salt, h), "2^31-1 iterations, above the default limit"),
        ]
        big = {"pbkdf2_sha1": "3000001", "pbkdf2_sha256": "3000001", "pbkdf2_sha256_django": "3000001", "pbkdf2_sha512": "420000"}[name]
        c.append((O, j(prefix, big, salt, h), "iterations %s, one above the %s" % (big, "format's bound 419999" if name == "pbkdf2_sha512" else "default limit")))
        if name == "pbkdf2_sha256":
            rawsalt = base64.b64decode(salt); key = base64.b64decode(h)
            c += [
                (M, j(prefix, it, salt.rstrip("="), h), "unpadded salt"),
                (M, j(prefix, it, salt[:-3] + "x==", h), "salt with non-zero unused bits"),
                (M, j(prefix, it, "Yx3dK9qLm2Pz8RtV4wNb7C", h), "raw (Django) salt, not base64"),
                (M, j(prefix, it, salt, h.replace("+", "-").replace("/", "_")), "URL-safe hash"),
                (M, j(prefix, it, salt, h[:20] + "\n" + h[20:]), "newline inside the hash"),
                (O, j(prefix, it, salt, b64(bytes(1025))), "1025-byte key, above the default limit 1024"),
            ]
        if name == "pbkdf2_sha256_django":
            key = base64.b64decode(h)
            c += [
                (M, j(prefix, it, "Yx3dK9qLm2 z8RtV4wNb7C", h), "space in the salt"),
                (M, j(prefix, it, "Yx3dK9qLm2\tz8RtV4wNb7C", h), "tab in the salt"),
                (M, j(prefix, it, "Yx3dK9qLm2\udcffz8RtV4wNb7C", h), "invalid UTF-8 in the salt"),
                (M, j(prefix, it, salt, b64(key[:31])), "31-byte hash"),
                (M, j(prefix, it, salt, b64(key + b"\0")), "33-byte hash"),
                (M, j(prefix, it, salt, key.hex()), "hex hash"),
            ]
        if name == "pbkdf2_sha512":
            c += [
                (M, j(prefix, it, salt, mixed_case(h)), "mixed-case hex"),
                (M, j(prefix, it, salt, "ab" * 1024), "2048 hex characters, the format's bound"),
                (M, j(prefix, it, "Kd8sLq2m\x00x7vNc4B", h), "NUL in the salt"),
                (M, j(prefix, it, salt, b64(bytes.fromhex(h))), "base64 hash"),
            ]
        if name == "pbkdf2_sha1":
            key = base64.b64decode(h)
            c += [
                (M, j(prefix, it, salt, key.hex()[:-2]), "38 hex characters"),
                (M, j(prefix, it, salt, key.hex() + "0"), "41 hex characters"),
                (M, j(prefix, it, salt, mixed_case(key.hex())), "mixed-case hex"),
                (M, j(prefix, it, salt, b64(key[:19])), "base64 of 19 bytes"),
                (M, j(prefix, it, "Qw8eRt5y\x7fUi2oPa7sDf3gHj", h), "DEL in the salt"),
                (M, j(prefix, it, "Qw8eRt5y\udcffUi2", h), "latin-1 byte (invalid UTF-8) in the salt"),
                # Clerk's key-length form: pbkdf2_sha1$<iter>$<hex salt>$<hex hash>$<key length>.
                (M, j(prefix, it, "0011aabb", key.hex(), "21"), "key length 21 for a 20-byte hash"),
                (M, j(prefix, it, "0011aabb", key.hex(), "020"), "leading zero in the key length"),
                (M, j(prefix, it, "0011aabb", key.hex(), ""), "empty key length"),
                (M, j(prefix, it, "0011aabb", key.hex(), "+20"), "signed key length"),
                (M, j(prefix, it, salt, key.hex(), "20"), "key-length form with a salt that is not hex"),
                (M, j(prefix, it, "0011AAbb", key.hex(), "20"), "key-length form with a mixed-case hex salt"),
                (M, j(prefix, it, "", key.hex(), "20"), "key-length form with an empty salt"),
                (M, j(prefix, it, "0011aabb", h, "20"), "key-length form with a base64 hash"),
                (O, j(prefix, it, "0011aabb", key.hex()[:30], "15"), "15-byte key: looks truncated (below MinHashBytes 16)"),
                (M, j(prefix, it, "0011aabb", key.hex(), "20", "x"), "six fields"),
                (O, j(prefix, "0", "0011aabb", key.hex(), "20"), "key-length form, zero iterations"),
                (O, j(prefix, "3000001", "0011aabb", key.hex(), "20"), "key-length form, iterations above the default limit"),
                (M, j(prefix, it, "0011aabb", "ab" * 1024, "1024"), "key-length form, 2048 hex characters, the format's bound"),
            ]
    elif name in ("phpass", "md5_phpass"):
        body = d[4:]
        c += [
            (M, "$X$5" + body, "unknown identifier X"),
            (M, "$p$5" + body, "lower-case identifier"),
            (M, "$P$5" + body[:3] + "!" + body[4:], "salt character outside the alphabet"),
            (M, "$P$5" + body[:12] + "+" + body[13:], "checksum character from standard base64"),
            (M, "$P$5" + body[:-1] + "z", "checksum's last character has non-zero unused bits"),
            (M, "$P$" + body, "rounds character missing"),
            (M, "$P$5" + body[:8] + "$" + body[8:-1], "$ between salt and checksum"),
            (O, "$P$z" + body, "rounds character z: 2^63, above the format's 2^30"),
            (O, "$P$." + body, "rounds character .: 2^0, below the format's 2^7"),
            (O, "$P$4" + body, "rounds character 4: 2^6, below 2^7"),
            (O, "$P$H" + body, "rounds character H: 2^19, above the default limit 2^18"),
            (O, "$H$V" + body, "rounds character V: 2^29, above the default limit"),
        ]
    elif name == "scrypt_werkzeug":
        method, salt, h = d.split("$")
        def j(m, s=salt, hh=h): return m + "$" + s + "$" + hh
        c += [
            (M, j("scrypt:01024:8:1"), "leading zero in N"),
            (M, j("scrypt:+1024:8:1"), "signed N"),
            (M, j("scrypt:1024 :8:1"), "space after N"),
            (M, j("scrypt:1024:8"), "missing p"),
            (M, j("scrypt:1024:8:1:1"), "extra parameter"),
            (M, j("scrypt:4294967296:8:1"), "N overflows int32"),
            (M, j("pbkdf2:1024:8:1"), "wrong method"),
            (M, j("SCRYPT:1024:8:1"), "upper-case method"),
            (M, j(method, "Mv3nBx8c Zq1wEr6t"), "space in the salt"),
            (M, j(method, hh=h.upper()), "upper-case hex (never verifies in Werkzeug)"),
            (M, j(method, hh=""), "empty hash"),
            (M, method + "$" + salt + "$" + h + "$", "trailing $"),
            (O, j("scrypt:1073741824:8:1"), "N = 2^30: 1 TiB, above the default 1 GiB"),
            (O, j("scrypt:1048576:9:1"), "N = 2^20, r = 9: 1.125 GiB, above the default 1 GiB"),
            (O, j("scrypt:0:8:1"), "N = 0"),
            (O, j("scrypt:1:8:1"), "N = 1"),
            (O, j("scrypt:1000:8:1"), "N not a power of two"),
            (O, j("scrypt:1024:0:1"), "r = 0"),
            (O, j("scrypt:1024:8:0"), "p = 0"),
            (O, j("scrypt:1024:1:17"), "p = 17, above the default limit 16"),
            (O, j("scrypt:1024:1073741824:1"), "r·p = 2^30, above scrypt's bound"),
            (O, j(method, hh="00" * 1025), "1025-byte key, above the default limit 1024"),
        ]
    elif name in ("argon2i", "argon2id", "argon2d", "argon2_django"):
        outer = "argon2" if name == "argon2_django" else ""
        variant = d[len(outer):].split("$")[1]
        pre = outer + "$%s$" % variant
        ver, params, salt, h = d[len(pre):].split("$")
        def j(v=ver, p=params, s=salt, hh=h): return pre + "$".join(x for x in (v, p, s, hh) if x is not None)
        if outer:
            c += [
                (M, d[len(outer):], "plain PHC string without Django's prefix"),
                (M, "argon2$" + d, "doubled prefix"),
                (M, "ARGON2" + d[len(outer):], "upper-case prefix"),
                (M, "argon2$argon2x$" + d[len(pre):], "unknown variant"),
            ]
        else:
            for other in ("argon2i", "argon2id", "argon2d"):
                if other != variant:
                    c.append((M, "$%s$" % other + d[len(pre):], "another argon2 variant, " + other))
            c.append((M, "argon2" + d, "Django's prefix"))
        c += [
            (M, pre.upper() + d[len(pre):], "upper-case variant"),
            (M, j(v="v=019"), "leading zero in the version"),
            (M, j(v="v=+19"), "signed version"),
            (M, j(p="m=64,p=1,t=1"), "parameters out of order"),
            (M, j(p="m=64,t=1"), "missing p"),
            (M, j(p="m=64,t=1,p=1,keyid=abc"), "extra keyid parameter"),
            (M, j(p="m=064,t=1,p=1"), "leading zero in m"),
            (M, j(p="m=64, t=1,p=1"), "space after comma"),
            (M, j(p="m=4294967296,t=1,p=1"), "m overflows uint32"),
            (M, j(s=salt + "=="), "padded salt"),
            (M, j(s=salt[:-1] + "R"), "salt with non-zero unused bits"),
            (M, j(hh=h.replace("+", "-").replace("/", "_") if ("+" in h or "/" in h) else h[:3] + "-" + h[4:]), "URL-safe alphabet in the hash"),
            (M, j() + "$", "trailing $"),
            (M, j(v=None) + "$" , "no version and a trailing $"),
            (O, j(p="m=4294967295,t=1,p=1"), "m = 2^32-1 KiB, above the default 1 GiB"),
            (O, j(p="m=2097152,t=1,p=1"), "m = 2 GiB, above the default 1 GiB"),
            (O, j(p="m=7,t=1,p=1"), "m below 8·p"),
            (O, j(p="m=64,t=0,p=1"), "t = 0"),
            (O, j(p="m=64,t=17,p=1"), "t = 17, above the default limit 16"),
            (O, j(p="m=64,t=1,p=0"), "p = 0"),
            (O, j(p="m=1024,t=1,p=17"), "p = 17, above the default limit 16"),
            (O, j(p="m=4294967295,t=4294967295,p=16777215"), "every parameter at its largest"),
            (O, j(v="v=18"), "unknown version 18"),
            (O, j(s=raw64(b"1234567")), "7-byte salt, below 8"),
            (O, j(hh=raw64(b"123")), "3-byte hash, below 4"),
            (O, j(hh=raw64(bytes(1025))), "1025-byte hash, above the default limit 1024"),
        ]
    elif name == "scrypt_firebase":
        h, salt, key, sep, rounds, mem = d.split("$")
        def j(hh=h, s=salt, k=key, se=sep, r=rounds, m=mem): return "$".join((hh, s, k, se, r, m))
        c += [
            (M, j(m="010"), "leading zero in mem cost"),
            (M, j(m="+10"), "signed mem cost"),
            (M, j(r="2147483648"), "rounds overflow int32"),
            (M, j(hh=h.rstrip("=")), "unpadded hash"),
            (M, j(hh=h[:5] + "!" + h[6:]), "hash character outside base64"),
            (M, j(hh=b64(base64.b64decode(h)[:63])), "hash shorter than the signer key"),
            (M, j(se=""), "empty separator"),
            (M, j(s=""), "empty salt"),
            (M, j(k=key[:2] + "_" + key[3:5] + "+" + key[6:]), "signer key mixes standard and URL-safe alphabets"),
            (M, "$".join((h, salt, key, sep, rounds)), "five fields"),
            (M, j() + "$1", "seven fields"),
            (M, j(s=salt[:-3] + "x=="), "salt with non-zero unused bits"),
            (O, j(m="0"), "mem cost 0"),
            (O, j(m="32"), "mem cost 32, above scrypt's 31"),
            (O, j(m="21"), "mem cost 21, above the default limit 20"),
            (O, j(r="0"), "rounds 0"),
            (O, j(r="2147483647"), "rounds 2^31-1"),
            (O, j(r="1048576", m="14"), "rounds 2^20 at N = 2^14: 2 TiB"),
            (O, j(hh=b64(bytes(1025)), k=b64(bytes(1025))), "1025-byte signer key, above the default limit 1024"),
        ]
    if name == "md5_crypt":
        _, _, salt, h = d.split("$")
        c += [
            (M, "$1$" + salt + "9$" + h, "9-byte salt, above md5_crypt's 8"),
            (M, "$1$2877:684$" + h, "colon in the salt"),
            (M, "$1$2877\n684$" + h, "newline in the salt"),
            (M, "$1$" + salt + "$" + h[:-1] + "z", "checksum's last character has non-zero unused bits"),
            (M, "$1$" + salt + "$" + h[:5] + "+" + h[6:], "checksum character outside crypt's alphabet"),
            (M, "$1$rounds=1000$" + salt + "$" + h, "rounds field (md5_crypt has none)"),
            (M, "$md5$" + salt + "$" + h, "Sun's $md5$ prefix"),
            (M, "$1$" + h, "missing salt field"),
            (M, "$1$" + salt + "$" + h + "$", "trailing $"),
        ]
    if name in ("md5_django", "sha1_django"):
        prefix, salt, h = d.split("$")
        c += [
            (M, prefix + "$" + salt + "$" + h.upper(), "upper-case hex"),
            (M, prefix + "$" + salt + "$" + mixed_case(h), "mixed-case hex"),
            (M, prefix + "$" + salt + "$" + h[:-2], "one byte short"),
            (M, prefix + "$" + salt + "$" + h + "00", "one byte too long"),
            (M, prefix + "$" + h, "missing salt field"),
            (M, prefix + "$" + salt + "$" + h + "$x", "extra field"),
            (M, prefix.upper() + "$" + salt + "$" + h, "upper-case prefix"),
            (M, prefix + "$" + salt + "$" + b64(bytes.fromhex(h)), "base64 hash"),
            (M, h, "bare hex without prefix and salt"),
        ]
    if name in ("pbkdf2_sha256_passlib", "pbkdf2_sha512_passlib"):
        _, prefix, it, salt, h = d.split("$")
        def j(i=it, s=salt, hh=h, p=prefix): return "$" + "$".join((p, i, s, hh))
        other = "pbkdf2-sha512" if prefix == "pbkdf2-sha256" else "pbkdf2-sha256"
        c += [
            (M, j(i="+1000"), "signed rounds"),
            (M, j(i="01000"), "leading zero in rounds"),
            (M, j(i=""), "empty rounds"),
            (M, j(i="99999999999999999999999"), "rounds overflow uint64"),
            (M, j(p=other), "the other passlib PBKDF2 prefix"),
            (M, j(p="pbkdf2"), "passlib's pbkdf2 (SHA-1) prefix"),
            (M, j(p="pbkdf2_sha256"), "underscore instead of dash"),
            (M, j(s=salt.replace(".", "+")), "standard base64 + in the salt"),
            (M, j(s=salt + "=="), "padded salt"),
            (M, j(hh=h[:-3]), "checksum two bytes short"),
            (M, j(hh=h + "=="), "padded checksum"),
            (M, j(hh=h[:-1] + "B"), "checksum with non-zero unused bits"),
            (M, j(s="A" * 1368), "1026-byte salt, above passlib's 1024"),
            (M, j() + "$", "trailing $"),
            (O, j(i="0"), "zero rounds"),
            (O, j(i="4294967296"), "rounds above 2^32-1"),
            (O, j(i="3000001" if prefix == "pbkdf2-sha256" else "1000001"), "rounds one above the default limit"),
        ]
    if name in ("sha256_crypt", "sha512_crypt"):
        pre = d[:3]
        parts = d[3:].split("$")
        sum_ = parts[-1]
        salt = parts[-2]
        def j(r=None, s=salt, hh=sum_, p=pre): return p + ("rounds=%s$" % r if r is not None else "") + s + "$" + hh
        other = "$6$" if pre == "$5$" else "$5$"
        c += [
            (M, j(r="01000"), "leading zero in rounds"),
            (M, j(r="+5000"), "signed rounds"),
            (M, j(r=""), "empty rounds"),
            (M, j(r="5000 "), "space after rounds"),
            (M, j(r="99999999999999999999999"), "rounds overflow uint64"),
            (M, j(p=other), "the other SHA-crypt prefix"),
            (M, j(s="saltstringsaltstr"), "17-byte salt, above 16"),
            (M, j(s="salt:string"), "colon in the salt"),
            (M, j(s="salt\nstring"), "newline in the salt"),
            (M, j(hh=sum_[:5] + "+" + sum_[6:]), "checksum character outside crypt's alphabet"),
            (M, j(hh=sum_[:-1] + "z"), "checksum's last character has non-zero unused bits"),
            (M, pre + "rounds=5000" + salt + "$" + sum_, "rounds without its $"),
            (M, pre + "ROUNDS=5000$" + salt + "$" + sum_, "upper-case rounds"),
            (O, j(r="999"), "rounds below 1000"),
            (O, j(r="0"), "zero rounds"),
            (O, j(r="1000000000"), "rounds above 999999999"),
            (O, j(r="2000001"), "rounds one above the default limit 2000000"),
            (O, j(r="999999999"), "rounds 999999999, above the default limit"),
        ]
    if name == "pbkdf2_werkzeug":
        method, salt, h = d.split("$")
        def j(m=method, s=salt, hh=h): return m + "$" + s + "$" + hh
        c += [
            (M, j(m="pbkdf2:sha256"), "no iterations (the default depends on the Werkzeug version)"),
            (M, j(m="pbkdf2:md5:1000"), "md5 is not offered"),
            (M, j(m="pbkdf2:SHA256:1000"), "upper-case hash name"),
            (M, j(m="pbkdf2:sha256:01000"), "leading zero in iterations"),
            (M, j(m="pbkdf2:sha256:+1000"), "signed iterations"),
            (M, j(m="pbkdf2:sha256:1000:1"), "extra method field"),
            (M, j(m="pbkdf2:sha512:1000"), "sha512 with a 32-byte hash"),
            (M, j(m="pbkdf2:sha256:2147483648"), "iterations overflow int32"),
            (M, j(s=""), "empty salt"),
            (M, j(hh=h.upper()), "upper-case hex"),
            (M, j(hh=h[:-2]), "31-byte hash"),
            (M, j(hh=b64(bytes.fromhex(h))), "base64 hash"),
            (M, "pbkdf2-sha256:1000$" + salt + "$" + h, "dash instead of colon"),
            (O, j(m="pbkdf2:sha256:0"), "zero iterations"),
            (O, j(m="pbkdf2:sha256:3000001"), "iterations one above the default limit"),
            (O, j(m="pbkdf2:sha256:2147483647"), "2^31-1 iterations"),
        ]
    if name == "bcrypt_sha384_wordpress":
        body = d[len("$wp$2y$04$"):]
        c += [
            (M, "$2y$04$" + body, "plain bcrypt without $wp"),
            (M, "$wp2y$04$" + body, "missing $ after wp"),
            (M, "$WP$2y$04$" + body, "upper-case WP"),
            (M, "$wp$2x$04$" + body, "$2x$, which PHP's password_verify does not compute alike"),
            (M, "$wp$2$04$" + body, "$2$"),
            (M, "$wp$2y$4$" + body, "one-digit cost"),
            (M, "$wp$2y$04$" + body[:3] + "!" + body[4:], "salt character outside bcrypt's alphabet"),
            (M, "$wp$$2y$04$" + body, "doubled $"),
            (O, "$wp$2y$03$" + body, "cost below 4"),
            (O, "$wp$2y$32$" + body, "cost above 31"),
            (O, "$wp$2y$17$" + body, "cost 17, above the default limit 16"),
        ]
    if name == "drupal7":
        body = d[3:]
        c += [
            (M, "$s$" + body, "lower-case identifier"),
            (M, "$X$" + body, "unknown identifier"),
            (M, "u" + d, "lower-case upgrade marker"),
            (M, "UU" + d, "doubled upgrade marker"),
            (M, "$S$" + body[:5] + "!" + body[6:], "salt character outside the alphabet"),
            (M, "$S$" + body[:20] + "+" + body[21:], "checksum character from standard base64"),
            (M, "$S$" + body[:9] + "$" + body[9:-1], "$ between salt and checksum"),
            (O, "$S$4" + body[1:], "rounds character 4: 2^6, below Drupal's 2^7"),
            (O, "$S$z" + body[1:], "rounds character z: 2^63, above the format's 2^30"),
            (O, "$S$K" + body[1:], "rounds character K: 2^22, above the default limit 2^20"),
            (O, "U$S$K" + body[1:], "U form with rounds above the default limit"),
        ]
    if name == "scrypt_django":
        f = d.split("$")
        def j(n=f[1], s=f[2], r=f[3], p=f[4], hh=f[5]): return "$".join(("scrypt", n, s, r, p, hh))
        c += [
            (M, "scrypt$1024$" + f[2] + "$8$" + f[5], "p missing"),
            (M, "scrypt:1024$" + "$".join(f[2:]), "Werkzeug's separator"),
            (M, "SCRYPT$" + "$".join(f[1:]), "upper-case algorithm"),
            (M, j(n="01024"), "N with a leading zero"),
            (M, j(r="+8"), "r with a sign"),
            (M, j(s=""), "empty salt (Django refuses it)"),
            (M, j(s="a b"), "salt with a space"),
            (M, j(hh=f[5][:-2]), "hash without its padding"),
            (M, j(hh=f[5][:-4] + "===="), "hash with bad padding"),
            (M, j(hh=b64(bytes(32))), "32-byte hash: Django's is always 64"),
            (M, j(hh=f[5].replace("+", "-")), "URL-safe base64"),
            (O, j(n="1000"), "N not a power of two"),
            (O, j(n="1"), "N below 2"),
            (O, j(r="0"), "r of 0"),
            (O, j(p="0"), "p of 0"),
            (O, j(n=str(1 << 22)), "N 2^22 with r 8: 4 GiB, above the default memory limit"),
            (O, j(p="17"), "p 17, above the default limit 16"),
        ]
    if name == "bcrypt_django":
        inner = d[len("bcrypt$"):]
        c += [
            (M, inner, "plain bcrypt without bcrypt$"),
            (M, "BCRYPT$" + inner, "upper-case prefix"),
            (M, "bcrypt$$" + inner, "doubled $"),
            (M, "bcrypt_sha256$" + inner, "Django's other bcrypt hasher's prefix is not this one"),
            (M, "bcrypt$" + inner.replace("$04$", "$4$"), "one-digit cost"),
            (M, "bcrypt$" + inner[:10] + "!" + inner[11:], "salt character outside bcrypt's alphabet"),
            (O, "bcrypt$" + inner.replace("$04$", "$03$"), "cost below 4"),
            (O, "bcrypt$" + inner.replace("$04$", "$17$"), "cost 17, above the default limit 16"),
        ]
    if name == "bcrypt_sha256_passlib":
        f = d.split("$")
        salt, h = f[3], f[4]
        c += [
            (M, "$bcrypt-sha256$v=2,t=2b,r=4$" + salt + h, "no $ between salt and hash"),
            (M, "$bcrypt-sha256$v=2,t=2a,r=4$" + salt + "$" + h, "v=2 with $2a$, which passlib does not write"),
            (M, "$bcrypt-sha256$v=3,t=2b,r=4$" + salt + "$" + h, "unknown version 3"),
            (M, "$bcrypt-sha256$v=2,t=2b,r=04$" + salt + "$" + h, "cost with a leading zero"),
            (M, "$bcrypt-sha256$v=2,t=2b$" + salt + "$" + h, "cost missing"),
            (M, "$bcrypt-sha256$2y,4$" + salt + "$" + h, "v1 with $2y$"),
            (M, "$bcrypt-sha256$v=2,t=2b,r=4$" + salt[:-1] + "$" + h, "salt one character short"),
            (M, "$bcrypt-sha256$v=2,t=2b,r=4$" + salt[:-1] + "/$" + h, "salt's last character has unused bits set"),
            (M, "$BCRYPT-SHA256$v=2,t=2b,r=4$" + salt + "$" + h, "upper-case identifier"),
            (O, "$bcrypt-sha256$v=2,t=2b,r=3$" + salt + "$" + h, "cost below 4"),
            (O, "$bcrypt-sha256$v=2,t=2b,r=17$" + salt + "$" + h, "cost 17, above the default limit 16"),
            (O, "$bcrypt-sha256$2b,32$" + salt + "$" + h, "v1 cost above 31"),
        ]
    if name == "scrypt_passlib":
        f = d.split("$")
        salt, h = f[3], f[4]
        def j(p="ln=10,r=8,p=1", s=salt, hh=h): return "$scrypt$" + p + "$" + s + "$" + hh
        c += [
            (M, j(p="ln=10,r=8"), "p missing"),
            (M, j(p="r=8,ln=10,p=1"), "parameters out of order"),
            (M, j(p="ln=010,r=8,p=1"), "ln with a leading zero"),
            (M, j(p="ln=10, r=8,p=1"), "space in the parameters"),
            (M, j(hh=h[:-4]), "hash of 29 bytes: passlib's is 32"),
            (M, j(s=salt + "!"), "salt character outside base64"),
            (M, j(hh=h.replace("+", "-")), "URL-safe base64"),
            (M, "$scrypt$" + "ln=10,r=8,p=1$" + salt, "hash missing"),
            (M, j(s=salt + "=="), "salt padded (Kratos' form) with a wrong length"),
            (O, j(p="ln=0,r=8,p=1"), "ln 0: N of 1"),
            (O, j(p="ln=24,r=8,p=1"), "ln 24 with r 8: 16 GiB, above the default memory limit"),
            (O, j(p="ln=10,r=8,p=17"), "p 17, above the default limit 16"),
            (O, j(p="ln=1000,r=8,p=1", s=b64(bytes(16)), hh=b64(bytes(32))), "Kratos' form with N 1000, not a power of two"),
            (O, j(p="ln=16384,r=8,p=1", s=b64(bytes(16)), hh=b64(bytes(8))), "Kratos' form with an 8-byte hash: looks truncated"),
        ]
    if name == "recipe":
        e, h = "md5(md5($salt)+md5($password))", "hash=8082868aa2ae736d1377cb2ea7f407ad"
        c += [
            (M, e + " salt=Xy7k", "no hash field"),
            (M, e + " " + h, "uses $salt but has no salt field"),
            (M, e + "  salt=Xy7k " + h, "two spaces between fields"),
            (M, e + " salt=Xy7k salt=Xy7k " + h, "salt given twice"),
            (M, e + " salt=Xy7k spice=1 " + h, "unknown field"),
            (M, e + " salt.b32=Xy7k " + h, "unknown field encoding"),
            (M, e + " salt.hex=Xy7 " + h, "salt.hex is not hex"),
            (M, e + " salt=Xy7k hash.b64=#", "hash.b64 is not base64"),
            (M, e + " salt=Xy7k hash=8082868aa2ae736d", "hash of 16 characters where the recipe makes 32: looks truncated"),
            (M, e + " salt=Xy7k " + h + "00", "hash of 34 characters where the recipe makes 32"),
            (M, "md5(md5($salt)+md5($password) salt=Xy7k " + h, "missing )"),
            (M, "md5(md5($salt)+md5($password))) salt=Xy7k " + h, "one ) too many"),
            (M, "md6(md5($salt)+md5($password)) salt=Xy7k " + h, "unknown function md6"),
            (M, "md5(md5($sugar)+md5($password)) salt=Xy7k " + h, "unknown variable $sugar"),
            (M, "md5(md5($salt)+md5($passwd)) salt=Xy7k " + h, "unknown variable $passwd"),
            (M, "md5(md5($salt)+md5($salt)) salt=Xy7k " + h, "does not use $password"),
            (M, "md5(md5($salt),md5($password)) salt=Xy7k " + h, "md5 with two arguments"),
            (M, "md5(md5($salt)++md5($password)) salt=Xy7k " + h, "doubled +"),
            (M, "md5(md5($salt)+md5($password)+) salt=Xy7k " + h, "trailing +"),
            (M, "md5(md5($salt)+\"unterminated) salt=Xy7k " + h, "unterminated string"),
            (M, "md5(x\"zz\"+$password) " + h, "x-literal that is not hex"),
            (M, "md5($x+$password) " + h, "$x outside an iterate step"),
            (M, "md5(5+$password) " + h, "a number outside a count"),
            (M, "iterate(10,md5($password),$x+$password) hash=00", "iterate step that grows with $x"),
            (M, "iterate(ten,md5($password),md5($x)) " + h, "iterate count not a number"),
            (M, "iterate(010,md5($password),md5($x)) " + h, "iterate count with a leading zero"),
            (M, "pbkdf2_sha1($password,$salt,1000) salt=Xy7k hash=00", "pbkdf2 with three arguments"),
            (M, "pbkdf2_sha1($password,$salt,0,20) salt=Xy7k hash.hex=" + "00" * 20, "pbkdf2 with 0 iterations"),
            (M, "md5(bcrypt($password)) hash=$2b$04$" + "a" * 53, "a fixed scheme inside an expression"),
            (M, "bcrypt(sha256($password)) hash=$2b$04$abc", "bcrypt(...) whose hash is no bcrypt digest"),
            (M, "md5(\t$password) " + h, "a tab"),
            (M, "md5(" * 40 + "$password" + ")" * 40 + " " + h, "nested deeper than 32"),
            (M, "md5($password) hash=" + "a" * 8200, "longer than 8192 characters"),
            (O, "iterate(20000000,md5_raw($password),md5_raw($x)) hash.hex=" + "00" * 16, "20,000,000 md5 rounds: work above the default limit"),
            (O, "pbkdf2_sha256_raw($password,$salt,6000000,32) salt=Xy7k hash.hex=" + "00" * 32, "PBKDF2 at 6,000,000 iterations: work above the default limit"),
            (O, "b64($password) hash=ab", "a value of no fixed length, 2 bytes: looks truncated"),
            (O, "bcrypt(sha256($password)) hash=$2b$17$HaTZl/rYgrhXXz6jlKFZ/uleKS75LOV6OsCUeuxd7TUXqEzyKEz5i", "bcrypt cost 17 inside a recipe: bcrypt's limit applies"),
        ]
    if name == "auth0_custom_password_hash":
        c += [
            (M, edit(d, algorithm="sha3"), "unknown algorithm sha3"),
            (M, edit(d, algorithm="SHA256"), "algorithm in upper case (Auth0's names are lower case)"),
            (M, edit(d, algorithm=DEL), "no algorithm"),
            (M, edit(d, hash__value=DEL), "no hash.value"),
            (M, edit(d, hash__encoding="base32"), "unknown hash.encoding"),
            (M, edit(d, hash__encoding=DEL), "sha256 without hash.encoding"),
            (M, edit(d, hash__value="7054f76f832d2d4e244f73b3f3f4c3702cb60a573ed12441c90f159df560fc"), "hash one byte short: looks truncated"),
            (M, edit(d, hash__value="zz54f76f832d2d4e244f73b3f3f4c3702cb60a573ed12441c90f159df560fcb5"), "hash.value is not hex"),
            (M, edit(d, salt__position="middle"), "unknown salt.position"),
            (M, edit(d, salt__position=DEL), "salt without a position"),
            (M, edit(d, salt__value=""), "empty salt"),
            (M, edit(d, pepper="x"), "unknown top-level field"),
            (M, edit(d, hash__digest="sha256"), "hash.digest outside hmac"),
            (M, edit(d, password={"encoding": "utf32"}), "unknown password.encoding"),
            (M, d.replace('"algorithm"', '"Algorithm"'), "field name in another case"),
            (M, d[:-1] + ',"algorithm":"md5"}', "algorithm given twice"),
            (M, edit(d, salt=None), "salt is null"),
            (M, edit(d, salt=["keyboardcat"]), "salt is an array"),
            (M, edit(d, hash__value=7054), "hash.value is a number"),
            (M, jd({"algorithm": "hmac", "hash": {"value": "AA==", "encoding": "base64", "digest": "whirlpool", "key": {"value": "k"}}}), "hmac with whirlpool: not supported"),
            (M, jd({"algorithm": "hmac", "hash": {"value": "c7d0b6e1a13ae41f5c3b7b0b2f7e3b1b1e1d3c41", "encoding": "hex", "digest": "sha1"}}), "hmac without hash.key"),
            (M, jd({"algorithm": "bcrypt", "hash": {"value": "$2b$04$HaTZl/rYgrhXXz6jlKFZ/uleKS75LOV6OsCUeuxd7TUXqEzyKEz5i"}, "salt": {"value": "x", "position": "prefix"}}), "bcrypt with a salt"),
            (M, jd({"algorithm": "bcrypt", "hash": {"value": "$2b$04$HaTZl/rYgrhXXz6jlKFZ/uleKS75LOV6OsCUeuxd7TUXqEzyKEz5i", "encoding": "hex"}}), "bcrypt with hash.encoding hex"),
            (M, jd({"algorithm": "bcrypt", "hash": {"value": "$2b$04$HaTZl/rYgrhXXz6jlKFZ/uleKS75LOV6OsCUeuxd7TUXqEzyKEz"}}), "bcrypt digest cut short"),
            (M, jd({"algorithm": "argon2", "hash": {"value": "$argon2d$v=19$m=64,t=1,p=1$MNJoFUwnrD8G1sUbpAGtSw$fytC+nq2iTm+MfCM4y5MqANaCpOZZqa9MGluV+rhMZk"}}), "argon2d: libsodium has none"),
            (M, jd({"algorithm": "pbkdf2", "hash": {"value": "$pbkdf2-sha256$l=32,i=1000$AAAAAAAAAAAAAAAAAAAAAA$" + "A" * 43}}), "pbkdf2 parameters out of order"),
            (M, jd({"algorithm": "pbkdf2", "hash": {"value": "$pbkdf2-whirlpool$i=1000,l=32$AAAAAAAAAAAAAAAAAAAAAA$" + "A" * 43}}), "pbkdf2 with an unknown digest"),
            (M, jd({"algorithm": "pbkdf2", "hash": {"value": "$pbkdf2-sha256$i=1000,l=64$AAAAAAAAAAAAAAAAAAAAAA$" + "A" * 43}}), "pbkdf2 hash not l bytes long"),
            (M, jd({"algorithm": "ldap", "hash": {"value": "{CRYPT}aaaaaaaaaaaaa"}}), "ldap scheme CRYPT"),
            (M, jd({"algorithm": "ldap", "hash": {"value": "{SSHA}" + b64(bytes(20))}}), "ldap SSHA without a salt"),
            (M, jd({"algorithm": "scrypt", "hash": {"value": "scrypt:32768:8:1$abc$def"}}), "scrypt not in the PHC form"),
            (O, jd({"algorithm": "pbkdf2", "hash": {"value": "$pbkdf2-sha256$i=10000000,l=32$AAAAAAAAAAAAAAAAAAAAAA$" + "A" * 43}}), "pbkdf2 at 10,000,000 iterations: work above the default limit"),
            (O, jd({"algorithm": "bcrypt", "hash": {"value": "$2b$17$HaTZl/rYgrhXXz6jlKFZ/uleKS75LOV6OsCUeuxd7TUXqEzyKEz5i"}}), "bcrypt cost 17: bcrypt's limit applies"),
            (M, "{" + '"algorithm":"md5",' * 700 + '"hash":{}}', "longer than 8192 characters"),
        ]
    if name == "okta_password_hash":
        c += [
            (M, edit(d, algorithm="SHA-384"), "unknown algorithm SHA-384"),
            (M, edit(d, algorithm="sha-512"), "algorithm in lower case"),
            (M, edit(d, saltOrder="SUFFIX"), "unknown saltOrder"),
            (M, edit(d, saltOrder=DEL), "salt without saltOrder"),
            (M, edit(d, salt=DEL), "saltOrder without a salt"),
            (M, edit(d, value=DEL), "no value"),
            (M, edit(d, value="Zz6KwLGDm7ospSipwpDmxAjBWHKPLgGh1roGzI267h6txr/ihTI/R4K2eYrpyc0R24qCSF6DRqNl110vZZtj4A"), "value without base64 padding"),
            (M, edit(d, value="Zz6KwLGDm7ospSipwpDmxAjBWHKPLgGh1roGzI267h6txr/ihTI/R4K2eYrpyc0R"), "value of 48 bytes where SHA-512 makes 64"),
            (M, edit(d, workFactor=10), "workFactor outside BCRYPT"),
            (M, edit(d, iterations=1000), "unknown field iterations"),
            (M, edit(d, salt="JipHQUgqQU8qQUwpQUYjUChBSEcjQQ=!"), "salt is not base64"),
            (M, jd({"algorithm": "PBKDF2", "digestAlgorithm": "MD5_HMAC", "iterationCount": 4096, "keySize": 32, "salt": b64(bytes(16)), "value": b64(bytes(32))}), "PBKDF2 with an unknown digestAlgorithm"),
            (M, jd({"algorithm": "PBKDF2", "digestAlgorithm": "SHA256_HMAC", "iterationCount": 4096, "keySize": 16, "salt": b64(bytes(16)), "value": b64(bytes(32))}), "PBKDF2 value not keySize bytes"),
            (M, jd({"algorithm": "PBKDF2", "digestAlgorithm": "SHA256_HMAC", "iterationCount": "4096", "keySize": 32, "salt": b64(bytes(16)), "value": b64(bytes(32))}), "iterationCount as a string"),
            (M, jd({"algorithm": "BCRYPT", "workFactor": 10, "salt": "qRRx8rli7Lvs2h2CNgCQ2", "value": "mVA2NDdomRGoGFrAXDZcno0OZ6CoOU2"}), "BCRYPT salt of 21 characters"),
            (O, jd({"algorithm": "BCRYPT", "workFactor": 3, "salt": "qRRx8rli7Lvs2h2CNgCQ2O", "value": "mVA2NDdomRGoGFrAXDZcno0OZ6CoOU2"}), "BCRYPT workFactor 3: Okta takes it, bcrypt has no cost below 4"),
            (O, jd({"algorithm": "BCRYPT", "workFactor": 21, "salt": "qRRx8rli7Lvs2h2CNgCQ2O", "value": "mVA2NDdomRGoGFrAXDZcno0OZ6CoOU2"}), "BCRYPT workFactor 21, above Okta's 20"),
            (O, jd({"algorithm": "BCRYPT", "workFactor": 17, "salt": "qRRx8rli7Lvs2h2CNgCQ2O", "value": "mVA2NDdomRGoGFrAXDZcno0OZ6CoOU2"}), "BCRYPT workFactor 17, above bcrypt's default limit 16"),
            (O, jd({"algorithm": "PBKDF2", "digestAlgorithm": "SHA256_HMAC", "iterationCount": 1000, "keySize": 32, "salt": b64(bytes(16)), "value": b64(bytes(32))}), "PBKDF2 iterationCount 1000, below Okta's 4096"),
            (O, jd({"algorithm": "PBKDF2", "digestAlgorithm": "SHA512_HMAC", "iterationCount": 20000000, "keySize": 64, "salt": b64(bytes(16)), "value": b64(bytes(64))}), "PBKDF2 at 20,000,000 iterations: work above the default limit"),
        ]
    if name == "firebase_import":
        c += [
            (M, edit(d, hashAlgorithm="HMAC_SHA384"), "unknown hashAlgorithm"),
            (M, edit(d, hashAlgorithm="hmac_sha256"), "hashAlgorithm in lower case"),
            (M, edit(d, signerKey=DEL), "HMAC without a signerKey"),
            (M, edit(d, signerKey=""), "HMAC with an empty signerKey"),
            (M, edit(d, rounds=1), "rounds outside the hash algorithms"),
            (M, edit(d, passwordHashOrder="PASSWORD_FIRST"), "unknown passwordHashOrder"),
            (M, edit(d, passwordHash=DEL), "no passwordHash"),
            (M, edit(d, passwordHash="Tylljx-bByUzijXn7PP4icT0CnWgPh6Wh1Ni_hLR16s"), "passwordHash without padding"),
            (M, edit(d, passwordHash="Tylljx-bByUzijXn7PP4icT0CnWgPh6Wh1Ni_hL"), "passwordHash of 29 bytes where HMAC-SHA256 makes 32"),
            (M, edit(d, hashAlgorithmX="x"), "unknown field"),
            (M, edit(d, salt=DEL, passwordHash="Tylljx-bByUzijXn7PP4icT0CnWgPh6Wh1Ni_hLR16s=", argon2Parameters={}), "argon2Parameters outside ARGON2"),
            (M, jd({"hashAlgorithm": "BCRYPT", "passwordHash": b64(b"$2b$04$HaTZl/rYgrhXXz6jlKFZ/uleKS75LOV6OsCUeuxd7TUXqEzyKEz5i"), "salt": "TmFDbA=="}), "BCRYPT with a salt"),
            (M, jd({"hashAlgorithm": "BCRYPT", "passwordHash": b64(b"not a bcrypt digest")}), "BCRYPT passwordHash not a bcrypt string"),
            (M, jd({"hashAlgorithm": "STANDARD_SCRYPT", "cpuMemCost": 1024, "dkLen": 64, "blockSize": 8, "passwordHash": b64(bytes(64)), "salt": "TmFDbA=="}), "STANDARD_SCRYPT without parallelization"),
            (M, jd({"hashAlgorithm": "STANDARD_SCRYPT", "cpuMemCost": 1024, "dkLen": 32, "blockSize": 8, "parallelization": 1, "passwordHash": b64(bytes(64)), "salt": "TmFDbA=="}), "STANDARD_SCRYPT passwordHash not dkLen bytes"),
            (M, jd({"hashAlgorithm": "ARGON2", "argon2Parameters": {"hashType": "ARGON2", "iterations": 1, "memoryCostKib": 64, "parallelism": 1}, "passwordHash": b64(bytes(32)), "salt": b64(bytes(16))}), "unknown argon2 hashType"),
            (M, jd({"hashAlgorithm": "ARGON2", "argon2Parameters": {"hashType": "ARGON2_ID", "iterations": 1, "memoryCostKib": 64, "parallelism": 1, "associatedData": "YWQ="}, "passwordHash": b64(bytes(32)), "salt": b64(bytes(16))}), "argon2 associatedData: not supported"),
            (M, jd({"hashAlgorithm": "ARGON2", "argon2Parameters": {"hashType": "ARGON2_ID", "iterations": 1, "memoryCostKib": 64, "parallelism": 1, "lanes": 1}, "passwordHash": b64(bytes(32)), "salt": b64(bytes(16))}), "unknown argon2Parameters field"),
            (O, jd({"hashAlgorithm": "SHA256", "rounds": 0, "passwordHash": b64(bytes(32)), "salt": "TmFDbA=="}), "SHA256 rounds 0: only MD5 takes 0"),
            (O, jd({"hashAlgorithm": "SHA256", "rounds": 8193, "passwordHash": b64(bytes(32)), "salt": "TmFDbA=="}), "SHA256 rounds 8193, above Firebase's 8192"),
            (O, jd({"hashAlgorithm": "PBKDF2_SHA256", "rounds": 120001, "passwordHash": b64(bytes(64)), "salt": "TmFDbA=="}), "PBKDF2_SHA256 rounds 120001, above Firebase's 120000"),
            (O, jd({"hashAlgorithm": "PBKDF2_SHA256", "rounds": 0, "passwordHash": b64(bytes(64)), "salt": "TmFDbA=="}), "PBKDF2_SHA256 rounds 0: no such PBKDF2"),
            (O, jd({"hashAlgorithm": "SCRYPT", "signerKey": b64(bytes(64)), "saltSeparator": "Bw==", "rounds": 9, "memoryCost": 14, "passwordHash": b64(bytes(64)), "salt": "TmFDbA=="}), "SCRYPT rounds 9, above Firebase's 8"),
            (O, jd({"hashAlgorithm": "SCRYPT", "signerKey": b64(bytes(64)), "saltSeparator": "Bw==", "rounds": 8, "memoryCost": 15, "passwordHash": b64(bytes(64)), "salt": "TmFDbA=="}), "SCRYPT memoryCost 15, above Firebase's 14"),
            (O, jd({"hashAlgorithm": "STANDARD_SCRYPT", "cpuMemCost": 1 << 22, "dkLen": 64, "blockSize": 8, "parallelization": 1, "passwordHash": b64(bytes(64)), "salt": "TmFDbA=="}), "STANDARD_SCRYPT N 2^22, r 8: 4 GiB, above the memory limit"),
            (O, jd({"hashAlgorithm": "STANDARD_SCRYPT", "cpuMemCost": 1000, "dkLen": 64, "blockSize": 8, "parallelization": 1, "passwordHash": b64(bytes(64)), "salt": "TmFDbA=="}), "STANDARD_SCRYPT N 1000, not a power of two"),
            (O, jd({"hashAlgorithm": "ARGON2", "argon2Parameters": {"hashType": "ARGON2_ID", "iterations": 100, "memoryCostKib": 64, "parallelism": 1}, "passwordHash": b64(bytes(32)), "salt": b64(bytes(16))}), "argon2 iterations 100, above the argon2 limit"),
        ]
    return c

def bcrypt_peppered_cases(d):
    bc, pepper = d[:60], d[61:]
    body = bc[7:]
    return [
        (M, "", "empty"),
        (M, bc, "plain bcrypt, no $ and pepper"),
        (M, bc[:-1] + "$" + pepper, "bcrypt part one character short"),
        (M, bc + "A$" + pepper, "bcrypt part one character too long"),
        (M, " " + d, "leading space"),
        (M, d + "\n", "trailing newline in the pepper"),
        (M, d + "\r", "trailing carriage return (CRLF file)"),
        (M, d + "\x00", "NUL in the pepper"),
        (M, bc + "$pep\udcffper", "invalid UTF-8 in the pepper"),
        (M, "$2x$04$" + body + "$" + pepper, "$2x$, which Devise does not write"),
        (M, "$2$04$" + body + "$" + pepper, "$2$"),
        (M, "$2c$04$" + body + "$" + pepper, "unknown minor version"),
        (M, "$2a$4$" + body + "$" + pepper, "one-digit cost"),
        (M, "$2a$04$" + body[:5] + "!" + body[6:] + "$" + pepper, "salt character outside bcrypt's alphabet"),
        (M, bc + "#" + pepper, "# instead of $ before the pepper"),
        (M, pepper + "$" + bc, "pepper first"),
        (O, "$2a$03$" + body + "$" + pepper, "cost below 4"),
        (O, "$2a$32$" + body + "$" + pepper, "cost above 31"),
        (O, "$2a$17$" + body + "$" + pepper, "cost 17, above the default limit 16"),
    ]

def salted_cases(d):
    salt, h = d.rsplit("$", 1)
    return [
        (M, "", "empty"),
        (M, h, "bare hex, no salt field"),
        (M, salt + "$" + h[:-1], "hash one character short"),
        (M, salt + "$" + h + "a", "hash one character too long"),
        (M, salt + "$" + h[:-2], "hash one byte short"),
        (M, salt + "$" + mixed_case(h), "mixed-case hex"),
        (M, salt + "$" + h[:-1] + "g", "g is not hex"),
        (M, salt + "$" + h + "\n", "trailing newline"),
        (M, salt + "$" + h + "\r", "trailing carriage return (CRLF file)"),
        (M, salt + "$" + h + " ", "trailing space"),
        (M, salt + "\n$" + h, "newline in the salt"),
        (M, salt + "\x00$" + h, "NUL in the salt"),
        (M, "sa\udcfflt$" + h, "invalid UTF-8 in the salt"),
        (M, salt + "#" + h, "# instead of $"),
        (M, salt + ":" + h, "colon instead of $"),
        (M, salt + "$" + b64(bytes.fromhex(h)), "base64 hash"),
        (M, salt + "$0x" + h[2:], "0x inside the hash"),
    ]

def hmac_cases(d):
    pre, h, key = d.split("$", 2)
    raw = base64.b64decode(h)
    def j(hh=h, k=key, p=pre): return p + "$" + hh + "$" + k
    return [
        (M, "", "empty"),
        (M, j(hh=h.rstrip("=")), "unpadded hash"),
        (M, j(hh=b64(raw[:31])), "31-byte hash"),
        (M, j(hh=b64(raw + b"\0")), "33-byte hash"),
        (M, j(hh=raw.hex()), "hex hash"),
        (M, j(hh=h.replace("+", "-").replace("/", "_")), "URL-safe hash"),
        (M, j(hh=h[:-2] + "B="), "hash with non-zero unused bits"),
        (M, j(k=""), "empty key"),
        (M, pre + "$" + h, "no key field"),
        (M, j(k=key + "\n"), "trailing newline in the key"),
        (M, j(k=key + "\r"), "trailing carriage return in the key"),
        (M, j(k="my\x00key"), "NUL in the key"),
        (M, j(k="my\udcffkey"), "invalid UTF-8 in the key"),
        (M, j(p="HMAC_SHA256_UTF16_B64"), "upper-case prefix"),
        (M, j(p="hmac_sha256_utf8_b64"), "utf8 instead of utf16"),
        (M, h + "$" + key, "no prefix"),
        (M, " " + d, "leading space"),
    ]

def symfony_cases(d):
    pre, it, rest = d.split("$", 2)
    salt, h = rest.rsplit("$", 1)
    raw = base64.b64decode(h)
    def j(i=it, s=salt, hh=h, p=pre): return p + "$" + i + "$" + s + "$" + hh
    return [
        (M, "", "empty"),
        (M, j(hh=h.rstrip("=")), "unpadded hash"),
        (M, j(hh=b64(raw[:63])), "63-byte hash"),
        (M, j(hh=raw.hex()), "hex hash (encodeHashAsBase64 false)"),
        (M, j(hh=h[:-3] + "B=="), "hash with non-zero unused bits"),
        (M, j(hh=""), "empty hash"),
        (M, pre + "$" + it + "$" + h, "no salt field"),
        (M, j(i="+5000"), "signed iterations"),
        (M, j(i="05000"), "leading zero in iterations"),
        (M, j(i=""), "empty iterations"),
        (M, j(i="2147483648"), "iterations overflow int32"),
        (M, j(s="{salt}"), "braces in the salt (Symfony refuses them)"),
        (M, j(s="sa}lt"), "closing brace in the salt"),
        (M, j(s="salt\nsalt"), "newline in the salt"),
        (M, j(s="sa\udcfflt"), "invalid UTF-8 in the salt"),
        (M, j(p="sha256_symfony"), "sha256 prefix"),
        (M, j(p="SHA512_SYMFONY"), "upper-case prefix"),
        (M, d + "\n", "trailing newline"),
        (O, j(i="0"), "zero iterations"),
        (O, j(i="1000001"), "iterations one above the default limit 1000000"),
        (O, j(i="2147483647"), "2^31-1 iterations"),
    ]

def pbkdf2_hex_cases(d):
    pre, it, salt, h = d.split("$")
    def j(*f): return "$".join(f)
    return [
        (M, "", "empty"),
        (M, d[:-1], "hash of odd length"),
        (M, " " + d, "leading space"),
        (M, d + "\n", "trailing newline"),
        (M, j(pre, "+1000", salt, h), "signed iterations"),
        (M, j(pre, "01000", salt, h), "leading zero in iterations"),
        (M, j(pre, "2147483648", salt, h), "iterations overflow int32"),
        (M, j(pre, it, "", h), "empty salt"),
        (M, j(pre, it, salt[:-1], h), "salt of odd length"),
        (M, j(pre, it, mixed_case(salt), h), "mixed-case hex salt"),
        (M, j(pre, it, "Kd8sLq2mZx7vNc4B", h), "raw (not hex) salt"),
        (M, j(pre, it, b64(bytes.fromhex(salt)), h), "base64 salt"),
        (M, j(pre, it, salt, mixed_case(h)), "mixed-case hex hash"),
        (M, j(pre, it, salt, b64(bytes.fromhex(h))), "base64 hash"),
        (O, j(pre, it, salt, h[:30]), "15-byte hash: looks truncated (below MinHashBytes 16)"),
        (O, j(pre, it, salt, h[:2]), "1-byte hash: looks truncated"),
        (M, j(pre, it, salt, ""), "empty hash"),
        (M, j(pre, it, salt, h, "64"), "extra field"),
        (M, j("pbkdf2_sha512", it, salt, h) + "x", "pbkdf2_sha512's prefix"),
        (O, j(pre, "0", salt, h), "zero iterations"),
        (O, j(pre, "1000001", salt, h), "iterations one above the default limit 1000000"),
        (M, j(pre, it, salt, "ab" * 1024), "2048 hex characters, the format's bound"),
    ]

def cognito_cases(d):
    pre, pool, client, user = d.split("#", 3)
    def j(p=pool, c=client, u=user, x=pre): return "#".join((x, p, c, u))
    return [
        (M, "", "empty"),
        (M, "awscognito#" + pool + "#" + client, "no identifier field"),
        (M, j(x="AWSCOGNITO"), "upper-case prefix"),
        (M, j(x="awscognito$").replace("$#", "$", 1), "$ instead of #"),
        (M, j(p="useast1AbCdEf123"), "pool id without the region's _"),
        (M, j(p="_AbCdEf123"), "pool id with an empty region"),
        (M, j(p="us-east-1_"), "pool id with an empty id"),
        (M, j(p="US-EAST-1_AbCdEf123"), "upper-case region"),
        (M, j(p="us-east-1_AbC-dEf"), "dash in the pool's id"),
        (M, j(p="us-east-1_" + "a" * 50), "pool id over 55 characters"),
        (M, j(c=""), "empty client id"),
        (M, j(c="client-id"), "dash in the client id"),
        (M, j(c="a" * 129), "client id over 128 characters"),
        (M, j(u=""), "empty identifier"),
        (M, j(u="alice smith"), "space in the identifier"),
        (M, j(u=user + "\n"), "trailing newline"),
        (M, j(u=user + "\r"), "trailing carriage return (CRLF file)"),
        (M, j(u="al\x00ice"), "NUL in the identifier"),
        (M, j(u="al\udcffice"), "invalid UTF-8 in the identifier"),
        (M, j(u="a" * 129), "identifier over 128 characters"),
        (M, " " + d, "leading space"),
    ]

CLERK_CASES = {
    "awscognito": cognito_cases,
    "bcrypt_peppered": bcrypt_peppered_cases,
    "md5_salted": salted_cases,
    "sha256_salted": salted_cases,
    "hmac_sha256_utf16_b64": hmac_cases,
    "sha512_symfony": symfony_cases,
    "pbkdf2_sha512_hex": pbkdf2_hex_cases,
}

HEADER = """hasher: {name}
valid: {valid}
password: {pw}
source: {source}
expect: valid verifies with password; each line below is refused by Check and by Verify with password, with an error wrapping its sentinel (malformed: ErrMalformedDigest, out_of_range: ErrParamsOutOfRange) under the default Limits; never (true, nil) or (false, nil), never a panic
format: sentinel, the digest as a Go string literal, the reason

"""

for name, base in BASES.items():
    if len(base) == 2:
        d, src = base
        pw = PW
    else:
        d, pw, src = base
    lines = [HEADER.format(name=name, valid=q(d), pw=q(pw), source=src)]
    seen = set()
    for kind, digest, why in cases(name, d):
        if digest in seen: raise SystemExit("duplicate %s %r" % (name, digest))
        seen.add(digest)
        lines.append("%s %s %s\n" % (kind, q(digest), why))
    open("testdata/malformed/%s.txt" % name, "w").write("".join(lines))
