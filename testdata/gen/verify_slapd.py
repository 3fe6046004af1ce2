#!/usr/bin/python3
"""Cross-checks the LDAP vectors with OpenLDAP itself: starts a throwaway
slapd (Debian slapd, with slapd-contrib's pw-sha2 and pw-pbkdf2 modules) on
loopback with an mdb database in a temporary folder, stores every vector's
digest as a userPassword, and binds with the vector's password (which must
succeed) and a wrong one (which must fail). slapd is stopped and the folder
removed afterwards.

usage: verify_slapd.py VECTORS_DIR...   (reads ldap_*.jsonl in each)
"""

import base64
import glob
import json
import os
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import time

CONF = """include /etc/ldap/schema/core.schema
pidfile {tmp}/slapd.pid
modulepath /usr/lib/ldap
moduleload back_mdb
moduleload pw-sha2
moduleload pw-pbkdf2
database mdb
maxsize 16777216
suffix "dc=test"
rootdn "cn=admin,dc=test"
rootpw secret
directory {tmp}/db
"""


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def ab64_len(s):
    return len(base64.b64decode(s.replace(".", "+") + "=" * (-len(s) % 4)))


def slapd_refuses(name, digest):
    """OpenLDAP's pw-pbkdf2 reads only the 16-byte salts it writes
    (PBKDF2_SALT_SIZE); passlib's other salt lengths bind nowhere but in
    passlib (and pwdigest). Such lines must fail to bind."""
    if name.startswith("ldap_pbkdf2_"):
        return ab64_len(digest.split("$")[1]) != 16
    return False


def wrong_password(name, pw):
    # DES crypt reads 8 characters (bigcrypt 8 per block): change the first one.
    if name in ("ldap_crypt_des", "ldap_crypt_bigcrypt"):
        return ("y" if pw[0] != "y" else "z") + pw[1:]
    return pw + "!"


def main():
    recs = []
    for d in sys.argv[1:]:
        for path in sorted(glob.glob(os.path.join(d, "ldap_*.jsonl"))):
            name = os.path.basename(path)[:-len(".jsonl")]
            with open(path, encoding="ascii") as f:
                for n, line in enumerate(f, 1):
                    rec = json.loads(line)
                    recs.append((name, n, rec))
    tmp = tempfile.mkdtemp()
    os.mkdir(os.path.join(tmp, "db"))
    with open(os.path.join(tmp, "slapd.conf"), "w") as f:
        f.write(CONF.format(tmp=tmp))
    url = "ldap://127.0.0.1:%d" % free_port()
    slapd = subprocess.Popen(["/usr/sbin/slapd", "-f", os.path.join(tmp, "slapd.conf"), "-h", url, "-d", "0"],
                             stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    bad = 0
    try:
        for _ in range(100):
            if subprocess.run(["ldapwhoami", "-x", "-H", url, "-D", "cn=admin,dc=test", "-w", "secret"],
                              capture_output=True).returncode == 0:
                break
            time.sleep(0.1)
        else:
            sys.exit("verify_slapd: slapd did not start: %s" % slapd.stderr.read(2000).decode())
        ldif = ["dn: dc=test\nobjectClass: dcObject\nobjectClass: organization\no: test\ndc: test\n"]
        todo = []
        for i, (name, n, rec) in enumerate(recs):
            pw = rec["password"]
            if "\0" in pw or pw == "":
                continue  # a bind takes no NUL, and an empty password is an anonymous bind
            if name == "ldap_ssha" and not rec["digest"].startswith("{"):
                continue  # Clerk's bare form: not an RFC 2307 value
            ldif.append("dn: cn=u%d,dc=test\nobjectClass: person\ncn: u%d\nsn: u\nuserPassword:: %s\n" % (
                i, i, base64.b64encode(rec["digest"].encode()).decode()))
            todo.append((i, name, n, rec))
        add = subprocess.run(["ldapadd", "-x", "-H", url, "-D", "cn=admin,dc=test", "-w", "secret"],
                             input="\n".join(ldif).encode(), capture_output=True)
        if add.returncode != 0:
            sys.exit("verify_slapd: ldapadd: %s" % add.stderr.decode())
        per = {}
        for i, name, n, rec in todo:
            dn = "cn=u%d,dc=test" % i
            ok = subprocess.run(["ldapwhoami", "-x", "-H", url, "-D", dn, "-w", rec["password"]],
                                capture_output=True).returncode == 0
            wrong = subprocess.run(["ldapwhoami", "-x", "-H", url, "-D", dn, "-w",
                                    wrong_password(name, rec["password"])], capture_output=True).returncode == 0
            per.setdefault(name, [0, 0, 0])[0] += 1
            if slapd_refuses(name, rec["digest"]) and not ok and not wrong:
                per[name][2] += 1
            elif ok and not wrong and not slapd_refuses(name, rec["digest"]):
                per[name][1] += 1
            else:
                print("verify_slapd: %s:%d: bind %s, wrong password %s: %s" % (
                    name, n, ok, wrong, rec["digest"]))
                bad += 1
        for name, (total, good, refused) in sorted(per.items()):
            print("verify_slapd: %-22s slapd binds %d/%d%s" % (
                name, good, total - refused, " (+%d non-16-byte salts refused, as expected)" % refused if refused else ""))
    finally:
        slapd.send_signal(signal.SIGTERM)
        slapd.wait(timeout=10)
        shutil.rmtree(tmp)
    if bad:
        sys.exit("verify_slapd: %d problems" % bad)
    print("verify_slapd: all LDAP vectors bind")


if __name__ == "__main__":
    main()
