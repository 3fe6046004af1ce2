"""Django fixtures, written by Django itself (Debian's python3-django 3.2):
a throwaway project on SQLite, users created with each password hasher
Django ships, "manage.py dumpdata auth.user" and the auth_user table as CSV.

    /usr/bin/python3 gen_django.py   (run by gen.sh)
"""
import csv
import io
import json
import os
import sqlite3
import sys
import tempfile
import warnings

warnings.simplefilter("ignore", DeprecationWarning)  # crypt, for CryptPasswordHasher

import django
from django.conf import settings

out = os.path.join(os.path.dirname(os.path.abspath(__file__)), "django")
os.makedirs(out, exist_ok=True)
tmp = tempfile.mkdtemp()
db = os.path.join(tmp, "db.sqlite3")
HASHERS = [
    "django.contrib.auth.hashers.PBKDF2PasswordHasher",
    "django.contrib.auth.hashers.PBKDF2SHA1PasswordHasher",
    "django.contrib.auth.hashers.Argon2PasswordHasher",
    "django.contrib.auth.hashers.BCryptSHA256PasswordHasher",
    "django.contrib.auth.hashers.BCryptPasswordHasher",
    "django.contrib.auth.hashers.SHA1PasswordHasher",
    "django.contrib.auth.hashers.MD5PasswordHasher",
    "django.contrib.auth.hashers.UnsaltedSHA1PasswordHasher",
    "django.contrib.auth.hashers.UnsaltedMD5PasswordHasher",
    "django.contrib.auth.hashers.CryptPasswordHasher",
]
settings.configure(
    INSTALLED_APPS=["django.contrib.auth", "django.contrib.contenttypes"],
    DATABASES={"default": {"ENGINE": "django.db.backends.sqlite3", "NAME": db}},
    PASSWORD_HASHERS=HASHERS,
    USE_TZ=True,
)
django.setup()
from django.contrib.auth.hashers import check_password, make_password
from django.contrib.auth.models import User
from django.core.management import call_command

call_command("migrate", verbosity=0)

# (username, email, password, hasher algorithm); None: set_unusable_password()
USERS = [
    ("alice", "alice@example.com", "correct horse battery staple", "pbkdf2_sha256"),
    ("bob", "bob@example.com", "pässwörd", "pbkdf2_sha1"),
    ("carol", "carol@example.com", "Tr0ub4dor&3", "argon2"),
    ("dave", "dave@example.com", "s3cret-Passw0rd", "bcrypt_sha256"),
    ("erin", "erin@example.com", "hunter2 hunter2", "bcrypt"),
    ("frank", "frank@example.com", "letmein", "sha1"),
    ("grace", "grace@example.com", "letmein", "md5"),
    ("heidi", "heidi@example.com", "letmein", "unsalted_sha1"),
    ("ivan", "ivan@example.com", "letmein", "unsalted_md5"),
    ("judy", "judy@example.com", "crypt", "crypt"),
    ("mallory", "mallory@example.com", None, None),
]
passwords = {}
for name, email, pw, algo in USERS:
    u = User(username=name, email=email)
    if pw is None:
        u.set_unusable_password()
    else:
        u.password = make_password(pw, hasher=algo)
    u.save()
    if pw is not None:
        # hashers.check_password, not User.check_password: the latter
        # upgrades a digest of a hasher that is not the first.
        assert check_password(pw, u.password), name
        passwords[str(u.pk)] = pw

buf = io.StringIO()
call_command("dumpdata", "auth.user", indent=2, stdout=buf)
with open(os.path.join(out, "dumpdata.json"), "w") as f:
    f.write(buf.getvalue())
buf = io.StringIO()
call_command("dumpdata", "auth.user", format="jsonl", stdout=buf)
with open(os.path.join(out, "dumpdata.jsonl"), "w") as f:
    f.write(buf.getvalue())

con = sqlite3.connect(db)
cur = con.execute("SELECT * FROM auth_user ORDER BY id")
with open(os.path.join(out, "auth_user.csv"), "w", newline="") as f:
    w = csv.writer(f, lineterminator="\n")
    w.writerow([d[0] for d in cur.description])
    w.writerows(cur)
with open(os.path.join(out, "passwords.json"), "w") as f:
    json.dump({"source": "Django %s (Debian python3-django), Python %s" % (django.get_version(), sys.version.split()[0]),
               "passwords": passwords}, f, indent=1, ensure_ascii=True)
    f.write("\n")
