#!/usr/bin/python3
"""Round trip against a real PostgreSQL 15: every line of
testdata/roundtrip/postgres_scram_sha256.jsonl (pwdigest's own Hash) is set
as a role's secret (CREATE ROLE ... PASSWORD '<SCRAM secret>', which
PostgreSQL stores as given), and the role must sign in over SCRAM with the
password and be refused with a wrong one. The server is started on a Unix
socket in a temporary directory and stopped afterwards (gen_servers.py's
helpers). The empty password and passwords with NUL are left out: libpq
sends no empty password, and C strings end at NUL.

usage: roundtrip_postgres.py testdata/roundtrip/postgres_scram_sha256.jsonl
"""
import json, os, shutil, subprocess, sys, tempfile
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import gen_servers as g
bindir = "/usr/lib/postgresql/15/bin"
drop, pw = g.as_user("postgres")
tmp = tempfile.mkdtemp(prefix="pwdigest-pgrt-"); os.chown(tmp, pw.pw_uid, pw.pw_gid)
data = os.path.join(tmp, "data"); env = dict(os.environ, PGCLIENTENCODING="UTF8")
recs = [r for r in (json.loads(l) for l in open(sys.argv[1])) if r["password"] and "\\x00" not in r["password"] and "\x00" not in r["password"]]
try:
    g.run([bindir + "/initdb", "-D", data, "-A", "trust", "-U", "postgres", "-E", "UTF8", "--locale=C"], drop, env=env)
    open(os.path.join(data, "pg_hba.conf"), "w").write("local all postgres trust\nlocal all all scram-sha-256\n")
    g.run([bindir + "/pg_ctl", "-D", data, "-l", os.path.join(tmp, "log"), "-w", "-o", "-k %s -c listen_addresses=''" % tmp, "start"], drop, env=env)
    sql = ["\\set ON_ERROR_STOP 1"] + ["CREATE ROLE r%d LOGIN PASSWORD %s;" % (i, g.pg_literal(r["digest"])) for i, r in enumerate(recs)]
    g.run([bindir + "/psql", "-h", tmp, "-U", "postgres", "-d", "postgres", "-X", "-q"], drop, env=env, input="\n".join(sql).encode())
    ok = bad = 0
    for i, r in enumerate(recs):
        c = subprocess.run([bindir + "/psql", "-h", tmp, "-U", "r%d" % i, "-d", "postgres", "-X", "-At", "-c", "SELECT 1"], preexec_fn=drop, env=dict(env, PGPASSWORD=r["password"]), capture_output=True)
        w = subprocess.run([bindir + "/psql", "-h", tmp, "-U", "r%d" % i, "-d", "postgres", "-X", "-At", "-c", "SELECT 1"], preexec_fn=drop, env=dict(env, PGPASSWORD="x" + r["password"]), capture_output=True)
        if c.returncode == 0 and w.returncode != 0: ok += 1
        else: bad += 1; print("FAIL", r)
    print("roundtrip_postgres: %d of %d digests sign in with their password and refuse a wrong one" % (ok, ok + bad))
    if bad:
        sys.exit(1)
finally:
    subprocess.run([bindir + "/pg_ctl", "-D", data, "-m", "fast", "-w", "stop"], preexec_fn=drop, capture_output=True, env=env)
    shutil.rmtree(tmp, ignore_errors=True)
