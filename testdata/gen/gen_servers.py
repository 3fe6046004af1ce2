#!/usr/bin/python3
"""Database servers as producers: PostgreSQL 15 (postgres_scram_sha256) and
MariaDB (mysql_native). Each server is started in a temporary directory,
listening only on a Unix socket there (no TCP port), asked for digests, and
stopped again, also on failure. Run as root, the servers run as the Debian
packages' users (postgres, mysql).

PostgreSQL: SET password_encryption = 'scram-sha-256'; CREATE ROLE ... LOGIN
PASSWORD '...'; SELECT rolpassword FROM pg_authid. Every role then signs in
over the socket with its password (pg_hba.conf: scram-sha-256), so the
server itself confirms each line, libpq preparing the password with the same
SASLprep. MariaDB: SELECT PASSWORD(...).

Writes JSON lines (with a "file" key) to stdout.
"""

import glob
import json
import os
import pwd
import shutil
import subprocess
import sys
import tempfile
import time

from common import COMMON, PASSWORDS, Emitter, deb

E = Emitter()

# Passwords for SCRAM beyond the shared list: SASLprep's mappings,
# normalization and refusals (a refused password is used as raw bytes).
SCRAM_EXTRA = [
    ("\u2168", "ROMAN NUMERAL NINE: NFKC gives IX"),
    ("\ufb01sh", "fi ligature: NFKC gives fish"),
    ("pass\u00adword", "soft hyphen (B.1): mapped to nothing"),
    ("pass\u00a0word", "no-break space (C.1.2): mapped to U+0020"),
    ("\u00adpa\u00adss", "two soft hyphens"),
    ("\u00c5ngstr\u00f6m", "precomposed letters: NFKC keeps them"),
    ("A\u030angstro\u0308m", "combining marks: NFKC composes them"),
    ("\uff50\uff41\uff53\uff53", "fullwidth letters: NFKC gives pass"),
    ("\u05e9\u05dc\u05d5\u05dd", "Hebrew only: bidi rule holds"),
    ("\u05e9\u05dc\u05d5\u05ddabc", "Hebrew then Latin: bidi rule fails, raw bytes used"),
    ("caf\u00e9\u0007", "BEL with non-ASCII: prohibited, raw bytes used"),
    ("\ue000caf\u00e9", "private use: prohibited, raw bytes used"),
    ("\u0221x", "unassigned in Unicode 3.2: raw bytes used"),
    ("\u00ad", "only a soft hyphen: empty after mapping, raw bytes used"),
    ("tab\there\x01", "ASCII with controls: used unchanged"),
]


def as_user(name):
    """preexec_fn dropping root to a package user, or None if not root."""
    if os.getuid() != 0:
        return None, None
    pw = pwd.getpwnam(name)

    def drop():
        os.setgid(pw.pw_gid)
        os.setuid(pw.pw_uid)
    return drop, pw


def run(cmd, user_fn, **kw):
    return subprocess.run(cmd, preexec_fn=user_fn, check=True, capture_output=True, **kw)


def pg_literal(s):
    return "'" + s.replace("'", "''") + "'"


def gen_postgres():
    bindir = "/usr/lib/postgresql/15/bin"
    ver = "PostgreSQL %s (Debian postgresql-15 %s)" % (
        subprocess.run([bindir + "/postgres", "--version"], capture_output=True, text=True,
                       check=True).stdout.split()[2], deb("postgresql-15"))
    drop, pw = as_user("postgres")
    tmp = tempfile.mkdtemp(prefix="pwdigest-pg-")
    if pw:
        os.chown(tmp, pw.pw_uid, pw.pw_gid)
    data = os.path.join(tmp, "data")
    env = dict(os.environ, PGCLIENTENCODING="UTF8", LC_ALL="C.UTF-8")
    started = False
    try:
        run([bindir + "/initdb", "-D", data, "-A", "trust", "-U", "postgres", "-E", "UTF8",
             "--locale=C"], drop, env=env)
        with open(os.path.join(data, "pg_hba.conf"), "w") as f:
            f.write("local all postgres trust\nlocal all all scram-sha-256\n")
        run([bindir + "/pg_ctl", "-D", data, "-l", os.path.join(tmp, "log"), "-w", "-o",
             "-k %s -c listen_addresses=''" % tmp, "start"], drop, env=env)
        started = True
        plan = [(PASSWORDS[k], None) for k in COMMON] + SCRAM_EXTRA + [(PASSWORDS["e80"], None)]
        sql = ["\\set ON_ERROR_STOP 1", "SET password_encryption = 'scram-sha-256';"]
        for i, (p, _) in enumerate(plan):
            sql.append("CREATE ROLE r%d LOGIN PASSWORD %s;" % (i, pg_literal(p)))
        sql.append("SELECT rolname, rolpassword FROM pg_authid WHERE rolname ~ '^r[0-9]+$';")
        out = run([bindir + "/psql", "-h", tmp, "-U", "postgres", "-d", "postgres", "-X", "-A", "-t",
                   "-F", "\t", "-q"], drop, env=env, input="\n".join(sql).encode()).stdout.decode()
        secrets = dict(line.split("\t") for line in out.splitlines() if line)
        for i, (p, note) in enumerate(plan):
            role = "r%d" % i
            # The server checks the password through a SCRAM sign-in.
            check = run([bindir + "/psql", "-h", tmp, "-U", role, "-d", "postgres", "-X", "-A", "-t",
                         "-c", "SELECT current_user"], drop, env=dict(env, PGPASSWORD=p))
            if check.stdout.decode().strip() != role:
                sys.exit("gen_servers: %s did not sign in" % role)
            E.emit("postgres_scram_sha256", secrets[role], p,
                   ver + ": CREATE ROLE ... PASSWORD with password_encryption = 'scram-sha-256'; "
                   "confirmed by a SCRAM sign-in (psql over the Unix socket)", note)
    finally:
        if started:
            subprocess.run([bindir + "/pg_ctl", "-D", data, "-m", "fast", "-w", "stop"],
                           preexec_fn=drop, capture_output=True, env=env)
        shutil.rmtree(tmp, ignore_errors=True)


def gen_mariadb():
    drop, pw = as_user("mysql")
    ver = subprocess.run(["mariadbd", "--version"], capture_output=True, text=True, check=True).stdout.strip()
    ver = "MariaDB %s (Debian mariadb-server %s)" % (ver.split("Ver ")[1].split()[0], deb("mariadb-server"))
    tmp = tempfile.mkdtemp(prefix="pwdigest-mariadb-")
    if pw:
        os.chown(tmp, pw.pw_uid, pw.pw_gid)
    data, sock = os.path.join(tmp, "data"), os.path.join(tmp, "sock")
    user = ["--user=" + pw.pw_name] if pw else []
    proc = None
    try:
        run(["mariadb-install-db", "--no-defaults", "--datadir=" + data, "--auth-root-authentication-method=normal",
             "--skip-test-db"] + user, None)
        proc = subprocess.Popen(["mariadbd", "--no-defaults", "--datadir=" + data, "--socket=" + sock,
                                 "--skip-networking", "--pid-file=" + os.path.join(tmp, "pid"),
                                 "--log-error=" + os.path.join(tmp, "err")] + user,
                                stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        for _ in range(100):
            if os.path.exists(sock):
                break
            time.sleep(0.1)
        else:
            sys.exit("gen_servers: mariadbd did not start")
        plan = [(PASSWORDS[k], None) for k in COMMON] + [
            (PASSWORDS["e80"], None),
            ("\u00c5ngstr\u00f6m", "utf8mb4"),
            ("\u2168", "no normalization: the UTF-8 bytes are hashed"),
        ]
        sql = ["SET NAMES utf8mb4;"]
        for p, _ in plan:
            sql.append("SELECT HEX(CONVERT(X'%s' USING utf8mb4)), PASSWORD(CONVERT(X'%s' USING utf8mb4));" % (
                p.encode().hex(), p.encode().hex()))
        out = subprocess.run(["mariadb", "--no-defaults", "--socket=" + sock, "-uroot", "-N", "-B"],
                             input="\n".join(sql).encode(), capture_output=True, check=True).stdout.decode()
        rows = [line.split("\t") for line in out.splitlines() if line]
        if len(rows) != len(plan):
            sys.exit("gen_servers: MariaDB returned %d rows for %d passwords" % (len(rows), len(plan)))
        for (p, note), (hexpw, digest) in zip(plan, rows):
            if bytes.fromhex(hexpw) != p.encode():
                sys.exit("gen_servers: MariaDB saw other bytes for %r" % p)
            E.emit("mysql_native", digest, p, ver + ": SELECT PASSWORD(...)", note)
    finally:
        if proc:
            proc.terminate()
            proc.wait(timeout=60)
        shutil.rmtree(tmp, ignore_errors=True)


def main():
    gen_postgres()
    gen_mariadb()
    for name, n in sorted(E.count.items()):
        print("gen_servers: %-22s %3d" % (name, n), file=sys.stderr)


if __name__ == "__main__":
    main()
