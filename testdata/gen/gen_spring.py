#!/usr/bin/python3
"""Spring Security producers: the DelegatingPasswordEncoder's encoders from a
checkout of spring-projects/spring-security (not committed here), compiled
with Debian's javac (openjdk-17) against Debian's BouncyCastle
(libbcprov-java) into a temporary folder, and driven by GenSpring.java.

usage: gen_spring.py SPRING_SECURITY_CHECKOUT   (writes JSON lines to stdout)
       gen_spring.py --keep                     (re-emits the committed Spring lines,
                                                 for gen.sh runs without a checkout)
       gen_spring.py --roundtrip CHECKOUT FILE  (checks pwdigest's own spring_delegating
                                                 digests in FILE with Spring's matches())

The crypto module's sources are copied from the checkout; what they import
from outside it (commons-logging, spring-core's StringUtils and @Contract,
jspecify's nullness annotations) is replaced by the small stand-ins written
below, which do nothing the encoders' results depend on. Salts are the
encoders' own (SecureRandom), so lines change on every run. Every digest
is checked with the factory's DelegatingPasswordEncoder before it is
written, and verify_formats.py recomputes it with hashlib/passlib/pyca
bcrypt/argon2-cffi.
"""

import glob
import os
import shutil
import subprocess
import sys
import tempfile

from common import COMMON, PASSWORDS, Emitter, deb

E = Emitter()
HERE = os.path.dirname(os.path.abspath(__file__))
BCPROV = "/usr/share/java/bcprov.jar"
PACKAGES = ["password", "bcrypt", "scrypt", "argon2", "codec", "keygen", "util", "factory"]

STANDINS = {
    "org/apache/commons/logging/Log.java":
        "package org.apache.commons.logging; public interface Log { void warn(Object m); default void warn(Object m, Throwable t) { warn(m); } }",
    "org/apache/commons/logging/LogFactory.java":
        "package org.apache.commons.logging; public final class LogFactory { public static Log getLog(Class<?> c) "
        "{ return m -> System.err.println(\"spring warn: \" + m); } }",
    "org/springframework/util/StringUtils.java":
        "package org.springframework.util; public final class StringUtils { public static boolean hasLength(String s) "
        "{ return s != null && !s.isEmpty(); } public static boolean hasLength(CharSequence s) "
        "{ return s != null && s.length() > 0; } }",
    "org/springframework/lang/Contract.java":
        "package org.springframework.lang; public @interface Contract { String value() default \"\"; }",
    "org/jspecify/annotations/Nullable.java":
        "package org.jspecify.annotations; import java.lang.annotation.*; "
        "@Target({ElementType.TYPE_USE}) public @interface Nullable {}",
    "org/jspecify/annotations/NullMarked.java":
        "package org.jspecify.annotations; public @interface NullMarked {}",
}

# id (GenSpring's), passwords, note
CASES = [
    ("bcrypt", COMMON + ["empty"], "BCryptPasswordEncoder(4)"),
    ("bcrypt/10", ["ascii", "latin"], "BCryptPasswordEncoder() (strength 10, the factory's)"),
    ("ldap", COMMON[:6] + ["empty"], "LdapShaPasswordEncoder() (8-byte salt)"),
    ("ldap/lc", ["ascii", "cjk"], "LdapShaPasswordEncoder with setForceLowerCasePrefix(true)"),
    ("MD4", COMMON[:6] + ["empty"], "Md4PasswordEncoder()"),
    ("MD5", COMMON[:6] + ["empty"], "MessageDigestPasswordEncoder(\"MD5\")"),
    ("SHA-1", COMMON[:6] + ["empty"], "MessageDigestPasswordEncoder(\"SHA-1\")"),
    ("SHA-256", COMMON[:6] + ["empty"], "MessageDigestPasswordEncoder(\"SHA-256\")"),
    ("sha256", COMMON[:6] + ["empty"], "StandardPasswordEncoder()"),
    ("pbkdf2", COMMON[:4] + ["empty"], "Pbkdf2PasswordEncoder.defaultsForSpringSecurity_v5_5()"),
    ("pbkdf2@SpringSecurity_v5_8", COMMON[:4] + ["emoji"], "Pbkdf2PasswordEncoder.defaultsForSpringSecurity_v5_8()"),
    ("scrypt", COMMON[:3] + ["emoji"], "SCryptPasswordEncoder.defaultsForSpringSecurity_v4_1()"),
    ("scrypt@SpringSecurity_v5_8", COMMON[:3] + ["empty"], "SCryptPasswordEncoder.defaultsForSpringSecurity_v5_8()"),
    ("argon2", COMMON[:3] + ["emoji"], "Argon2PasswordEncoder.defaultsForSpringSecurity_v5_2()"),
    ("argon2@SpringSecurity_v5_8", COMMON[:3] + ["empty"], "Argon2PasswordEncoder.defaultsForSpringSecurity_v5_8()"),
    ("noop", ["ascii", "latin", "dollar"], "NoOpPasswordEncoder"),
]


def keep():
    import json
    top = os.path.join(HERE, "..")
    for path, file in [("vectors/spring_delegating.jsonl", "spring_delegating"),
                       ("spring/noop.jsonl", "spring_delegating_noop"),
                       ("spring/empty.jsonl", "spring_delegating_empty"),
                       ("vectors/ldap_ssha.jsonl", "ldap_ssha")]:
        with open(os.path.join(top, path), encoding="ascii") as f:
            for line in f:
                rec = json.loads(line)
                if rec["source"].startswith("Spring Security"):
                    E.emit(file, rec["digest"], rec["password"], rec["source"], rec.get("note"))


def roundtrip(checkout, path):
    import json
    with open(path, encoding="ascii") as f:
        recs = [json.loads(line) for line in f if line.strip()]
    tmp = tempfile.mkdtemp()
    try:
        classes = compile_spring(crypto_src(checkout), tmp)
        stdin = "".join("%s %s\n%s %s\n" % (r["password"].encode().hex(), r["digest"],
                                             ("x" + r["password"]).encode().hex(), r["digest"]) for r in recs)
        out = run_java(classes, ["matches"], stdin)
    finally:
        shutil.rmtree(tmp)
    bad = 0
    for i, r in enumerate(recs):
        right, wrong = out[2 * i] == "true", out[2 * i + 1] == "true"
        if not right or wrong:
            print("gen_spring: roundtrip %s:%d: matches %s, wrong password %s: %s" % (path, i + 1, right, wrong, r["digest"]))
            bad += 1
    print("gen_spring: roundtrip: Spring Security's matches() verified %d of %d lines, wrong passwords rejected"
          % (len(recs) - bad, len(recs)))
    if bad:
        sys.exit(1)


def crypto_src(checkout):
    src = os.path.join(checkout, "crypto", "src", "main", "java", "org", "springframework", "security", "crypto")
    if not os.path.isdir(src):
        sys.exit("gen_spring: %s: no crypto module sources" % src)
    return src


def main():
    if sys.argv[1:] == ["--keep"]:
        return keep()
    if len(sys.argv) == 4 and sys.argv[1] == "--roundtrip":
        return roundtrip(sys.argv[2], sys.argv[3])
    if len(sys.argv) != 2:
        sys.exit("usage: gen_spring.py SPRING_SECURITY_CHECKOUT")
    src = crypto_src(sys.argv[1])
    rev = "unknown"
    try:
        with open(os.path.join(sys.argv[1], "gradle.properties")) as f:
            rev = next(l.split("=", 1)[1].strip() for l in f if l.startswith("version="))
    except (OSError, StopIteration):
        pass
    tmp = tempfile.mkdtemp()
    try:
        classes = compile_spring(src, tmp)
        tasks = [(cid, name, note) for cid, names, note in CASES for name in names]
        stdin = "".join("%s %s\n" % (cid, PASSWORDS[name].encode().hex()) for cid, name, _ in tasks)
        out = run_java(classes, [], stdin)
    finally:
        shutil.rmtree(tmp)
    emit(rev, tasks, out)


def run_java(classes, args, stdin):
    out = subprocess.run(["java", "-cp", classes + ":" + BCPROV, "GenSpring"] + args, input=stdin.encode(),
                         capture_output=True)
    if out.returncode != 0:
        sys.exit("gen_spring: GenSpring failed: " + out.stderr.decode())
    return out.stdout.decode().splitlines()


def compile_spring(src, tmp):
    srcdir = os.path.join(tmp, "src")
    for p in PACKAGES:
        shutil.copytree(os.path.join(src, p), os.path.join(srcdir, "org/springframework/security/crypto", p))
    for path, text in STANDINS.items():
        os.makedirs(os.path.dirname(os.path.join(srcdir, path)), exist_ok=True)
        with open(os.path.join(srcdir, path), "w") as f:
            f.write(text + "\n")
    shutil.copy(os.path.join(HERE, "GenSpring.java"), srcdir)
    files = [y for x in os.walk(srcdir) for y in glob.glob(os.path.join(x[0], "*.java"))]
    classes = os.path.join(tmp, "classes")
    subprocess.run(["javac", "-nowarn", "-encoding", "UTF-8", "-cp", BCPROV, "-d", classes] + files,
                   check=True, stderr=None if os.environ.get("GEN_SPRING_DEBUG") else subprocess.DEVNULL)
    return classes


def emit(rev, tasks, out):
    assert len(out) == len(tasks)
    source = "Spring Security %s crypto module (spring-projects/spring-security), OpenJDK %s (Debian openjdk-17-jre-headless %s), BouncyCastle %s (Debian libbcprov-java %s)" % (
        rev, deb("openjdk-17-jre-headless").split("+")[0], deb("openjdk-17-jre-headless"),
        deb("libbcprov-java").split("-")[0], deb("libbcprov-java"))
    for (cid, name, note), d in zip(tasks, out):
        if d.startswith("EMPTY "):
            E.emit("spring_delegating_empty", d[len("EMPTY "):], "", source,
                   note + "; Spring Security 7 matches() refuses the empty password")
            continue
        if d.startswith("ERR "):
            print("gen_spring: %s refuses %s: %s" % (cid, name, d[4:]), file=sys.stderr)
            continue
        file = "spring_delegating_noop" if cid == "noop" else "spring_delegating"
        E.emit(file, d, PASSWORDS[name], source, note)
        if cid == "ldap/lc":
            E.emit("ldap_ssha", d[len("{ldap}"):], PASSWORDS[name], source,
                   note + ", without Spring's {ldap} id")


if __name__ == "__main__":
    main()
