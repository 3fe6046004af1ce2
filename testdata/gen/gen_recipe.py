#!/usr/bin/python3
"""recipe vectors: home-grown constructions computed twice, by Python's
hashlib/hmac (Debian's /usr/bin/python3) and by PHP's hash()/hash_hmac()/
hash_pbkdf2() (Debian php-cli), each from its own code below; a line is
written only when both agree. The "digest" is the recipe text form: the
construction as pwdigest's recipe hasher spells it, then the salt and the
hash the two producers computed (the construction in the producers' own
terms is in "note").
"""

import base64
import hashlib
import hmac
import json
import subprocess
import sys

from common import PASSWORDS, Emitter, deb, pyver, rand_str, rng

E = Emitter()
r = rng("recipe")


def H(name):
    return lambda b: hashlib.new(name, b)


def hx(name, b):
    return hashlib.new(name, b).hexdigest().encode()


def raw(name, b):
    return hashlib.new(name, b).digest()


def utf16(b):
    return b.decode("utf-8").encode("utf-16-le")


def nthash(p):
    # OpenSSL 3 keeps md4 in its legacy provider, off in Debian's hashlib:
    # passlib's pure-Python md4 (nthash) is the Python implementation here.
    from passlib.hash import nthash as nt
    return nt.hash(p.decode()).encode()


def iterate(n, first, step):
    x = first
    for _ in range(n):
        x = step(x)
    return x


# (recipe, php expression over $p, $s, $k, python function of (p, s, k) -> bytes,
#  salt kind, key, hash field encoding, note)
CASES = [
    ("md5($password)", "md5($p)", lambda p, s, k: hx("md5", p), None, None, "", "plain md5 (PHP md5())"),
    ("sha1($salt+$password)", "sha1($s . $p)", lambda p, s, k: hx("sha1", s + p), "alnum8", None, "", "sha1(salt . password), hex"),
    ("sha1($password+$salt)", "sha1($p . $s)", lambda p, s, k: hx("sha1", p + s), "alnum8", None, "", "sha1(password . salt)"),
    ("md5(md5($password)+$salt)", "md5(md5($p) . $s)", lambda p, s, k: hx("md5", hx("md5", p) + s), "vb3", None, "",
     "vBulletin 3/4: md5(md5(password) . salt), 3-character salt"),
    ("md5(md5($salt)+md5($password))", "md5(md5($s) . md5($p))", lambda p, s, k: hx("md5", hx("md5", s) + hx("md5", p)),
     "alnum8", None, "", "MyBB / IPB: md5(md5(salt) . md5(password))"),
    ("md5($password+$salt)", "md5($p . $s)", lambda p, s, k: hx("md5", p + s), "alnum32", None, "",
     "Joomla 1.5-2.5: md5(password . salt), stored hash:salt"),
    ("sha256($salt+$password)", "hash('sha256', $s . $p)", lambda p, s, k: hx("sha256", s + p), "alnum16", None, "", ""),
    ("sha512($password+$salt)", "hash('sha512', $p . $s)", lambda p, s, k: hx("sha512", p + s), "alnum16", None, "", ""),
    ("upper(sha1($password))", "strtoupper(sha1($p))", lambda p, s, k: hx("sha1", p).upper(), None, None, "", "upper-case hex"),
    ("sha256_raw($salt+$password)", "hash('sha256', $s . $p, true)", lambda p, s, k: raw("sha256", s + p), "alnum16", None, "b64",
     "raw sha256, stored base64"),
    ("sha1_raw($password+$salt)", "sha1($p . $s, true)", lambda p, s, k: raw("sha1", p + s), "bytes16", None, "b64",
     "raw sha1 of password . binary salt (salt stored base64)"),
    ("iterate(999,sha256_raw($password),sha256_raw($x))",
     "(function($p){$x = hash('sha256', $p, true); for ($i = 0; $i < 999; $i++) $x = hash('sha256', $x, true); return $x;})($p)",
     lambda p, s, k: iterate(999, raw("sha256", p), lambda x: raw("sha256", x)), None, None, "hex",
     "sha256 run 1000 times over its own raw output"),
    ("iterate(1000,$salt,sha512_raw($x+$password))",
     "(function($p, $s){$x = $s; for ($i = 0; $i < 1000; $i++) $x = hash('sha512', $x . $p, true); return $x;})($p, $s)",
     lambda p, s, k: iterate(1000, s, lambda x: raw("sha512", x + p)), "alnum8", None, "b64",
     "x = salt, then 1000 times x = sha512(x . password)"),
    ("iterate(500,md5($salt+$password),md5($x+$salt+$password))",
     "(function($p, $s){$x = md5($s . $p); for ($i = 0; $i < 500; $i++) $x = md5($x . $s . $p); return $x;})($p, $s)",
     lambda p, s, k: iterate(500, hx("md5", s + p), lambda x: hx("md5", x + s + p)), "alnum8", None, "",
     "hex md5 fed back with the whole input"),
    ("hmac_sha256($key,$password)", "hash_hmac('sha256', $p, $k)", lambda p, s, k: hmac.new(k, p, hashlib.sha256).hexdigest().encode(),
     None, "app-secret-key-1", "", "HMAC-SHA256 with an application key, hex"),
    ("hmac_sha512_raw($key,$salt+$password)", "hash_hmac('sha512', $s . $p, $k, true)",
     lambda p, s, k: hmac.new(k, s + p, hashlib.sha512).digest(), "alnum16", "k3y", "b64", "HMAC-SHA512, raw, stored base64"),
    ("hmac_sha1($salt,$password)", "hash_hmac('sha1', $p, $s)", lambda p, s, k: hmac.new(s, p, hashlib.sha1).hexdigest().encode(),
     "alnum16", None, "", "HMAC-SHA1 keyed with the salt"),
    ("pbkdf2_sha256_raw($password,$salt,10000,32)", "hash_pbkdf2('sha256', $p, $s, 10000, 32, true)",
     lambda p, s, k: hashlib.pbkdf2_hmac("sha256", p, s, 10000, 32), "bytes16", None, "b64", "PBKDF2-HMAC-SHA256, 10000 iterations"),
    ("pbkdf2_sha1($password,$salt,1000,20)", "hash_pbkdf2('sha1', $p, $s, 1000, 40)",
     lambda p, s, k: hashlib.pbkdf2_hmac("sha1", p, s, 1000, 20).hex().encode(), "alnum16", None, "", "PBKDF2-HMAC-SHA1, hex"),
    ("pbkdf2_sha512_raw($password,$salt,5000,64)", "hash_pbkdf2('sha512', $p, $s, 5000, 64, true)",
     lambda p, s, k: hashlib.pbkdf2_hmac("sha512", p, s, 5000, 64), "alnum16", None, "hex", ""),
    ("sha256_raw(utf16le($password))", "hash('sha256', iconv('UTF-8', 'UTF-16LE', $p), true)",
     lambda p, s, k: raw("sha256", utf16(p)), None, None, "b64", "sha256 of the UTF-16LE password (.NET's Encoding.Unicode)"),
    ("sha1_raw($salt+utf16le($password))", "sha1($s . iconv('UTF-8', 'UTF-16LE', $p), true)",
     lambda p, s, k: raw("sha1", s + utf16(p)), "bytes16", None, "b64", "ASP.NET Membership-style SHA-1"),
    ("md5(latin1($password))", "md5(iconv('UTF-8', 'ISO-8859-1', $p))",
     lambda p, s, k: hx("md5", p.decode().encode("latin-1")), None, None, "", "md5 of the Latin-1 password"),
    ("sha1(md5($password))", "sha1(md5($p))", lambda p, s, k: hx("sha1", hx("md5", p)), None, None, "", ""),
    ("md5(sha1($salt+$password)+$pepper)", "md5(sha1($s . $p) . $k)", lambda p, s, k: hx("md5", hx("sha1", s + p) + k),
     "alnum8", "pepper!", "", "a pepper after the inner hash"),
    ("sha3_256($password+$salt)", "hash('sha3-256', $p . $s)", lambda p, s, k: hx("sha3_256", p + s), "alnum8", None, "", ""),
    ("ripemd160($salt+$password)", "hash('ripemd160', $s . $p)", lambda p, s, k: hx("ripemd160", s + p), "alnum8", None, "", ""),
    ("md4(utf16le($password))", "hash('md4', iconv('UTF-8', 'UTF-16LE', $p))",
     lambda p, s, k: nthash(p), None, None, "", "NT hash (Windows NTLM): md4 of UTF-16LE; Python side: passlib's nthash"),
    ("b64(sha512_raw($password+\"{\"+$salt+\"}\"))", "base64_encode(hash('sha512', $p . '{' . $s . '}', true))",
     lambda p, s, k: base64.b64encode(raw("sha512", p + b"{" + s + b"}")), "alnum16", None, "",
     "Symfony-like merge, one round, base64 text"),
    ("sha224($password)", "hash('sha224', $p)", lambda p, s, k: hx("sha224", p), None, None, "", ""),
    ("sha384($password)", "hash('sha384', $p)", lambda p, s, k: hx("sha384", p), None, None, "", ""),
    ("sha512_256($password)", "hash('sha512/256', $p)", lambda p, s, k: hx("sha512_256", p), None, None, "", ""),
]

PWS = ["ascii", "latin", "cjk", "dollar", "emoji", "spaces"]


def salt_for(kind):
    if kind is None:
        return b""
    if kind == "vb3":
        return rand_str(r, 3).encode()
    if kind.startswith("alnum"):
        return rand_str(r, int(kind[5:])).encode()
    return bytes(r.randrange(256) for _ in range(int(kind[5:])))


def field(name, b, enc):
    if enc == "b64":
        return "%s.b64=%s" % (name, base64.b64encode(b).decode())
    if enc == "hex":
        return "%s.hex=%s" % (name, b.hex())
    return "%s=%s" % (name, b.decode())


tasks, lines = [], []
for recipe, php_expr, py, skind, key, enc, note in CASES:
    for i, k in enumerate(PWS if skind is not None or key else PWS[:4]):
        pw = PASSWORDS[k]
        if "latin1" in recipe and k in ("cjk", "emoji"):
            continue  # no Latin-1 form
        s = salt_for(skind)
        kb = (key or "").encode()
        want = py(pw.encode(), s, kb)
        parts = [recipe]
        if skind is not None:
            parts.append(field("salt", s, "" if skind.startswith("alnum") or skind == "vb3" else "b64"))
        if key:
            parts.append(field("pepper" if "$pepper" in recipe else "key", kb, ""))
        parts.append(field("hash", want, enc))
        digest = " ".join(parts)
        tasks.append({"id": len(lines), "expr": php_expr, "p": pw.encode().hex(), "s": s.hex(), "k": kb.hex(),
                      "want": want.hex()})
        lines.append((digest, pw, (note + "; " if note else "") + "PHP: " + php_expr))

php = r"""
$in = json_decode(stream_get_contents(STDIN), true);
foreach ($in as $t) {
    $p = hex2bin($t['p']); $s = hex2bin($t['s']); $k = hex2bin($t['k']);
    $got = eval('return ' . $t['expr'] . ';');
    echo json_encode(array('id' => $t['id'], 'ok' => bin2hex($got) === $t['want'])), "\n";
}
"""
out = subprocess.run(["php", "-r", php], input=json.dumps(tasks), capture_output=True, text=True, check=True).stdout
php_ok = {j["id"]: j["ok"] for j in map(json.loads, out.splitlines())}
phpver = subprocess.run(["php", "-r", "echo PHP_VERSION;"], capture_output=True, text=True).stdout
src = "%s hashlib/hmac and PHP %s hash()/hash_hmac()/hash_pbkdf2() (Debian php-cli %s), agreeing" % (
    pyver(), phpver, deb("php-cli"))
for i, (digest, pw, note) in enumerate(lines):
    if not php_ok.get(i):
        sys.exit("gen_recipe: PHP disagrees with Python for %r" % digest)
    E.emit("recipe", digest, pw, src, note)
