"""roundtrip.py's producer checks for issue 13's hashers (LDAP, Atlassian,
ASP.NET, Spring): passlib's ldap_* and atlassian handlers, libxcrypt for
{CRYPT}, pyca bcrypt for Spring's {bcrypt}, and hashlib recomputing the
ASP.NET layouts (PasswordHasher.cs, SqlMembershipProvider). The ldap_*
files are also bound in a real slapd by verify_slapd.py (gen.sh
--roundtrip runs it)."""

import base64
import crypt
import hashlib
import struct
import warnings

import bcrypt
from passlib import hash as ph

warnings.filterwarnings("ignore", category=DeprecationWarning)

PL = "passlib"


def passlib(name):
    return lambda d, pw: getattr(ph, name).verify(pw, d)


def libxcrypt_braced(d, pw):
    v = d[len("{CRYPT}"):]
    return crypt.crypt(pw, v) == v


def aspnet_identity(d, pw):
    raw = base64.b64decode(d, validate=True)
    if raw[0] == 0:
        return len(raw) == 49 and hashlib.pbkdf2_hmac("sha1", pw.encode(), raw[1:17], 1000, 32) == raw[17:]
    prf, it, n = struct.unpack(">III", raw[1:13])
    salt, sub = raw[13:13 + n], raw[13 + n:]
    return hashlib.pbkdf2_hmac(("sha1", "sha256", "sha512")[prf], pw.encode(), salt, it, len(sub)) == sub


def membership(d, pw):
    s, h = d.split("$")
    return hashlib.sha1(base64.b64decode(s) + pw.encode("utf-16-le")).digest() == base64.b64decode(h)


def spring_bcrypt(d, pw):
    return d.startswith("{bcrypt}") and bcrypt.checkpw(pw.encode(), d[len("{bcrypt}"):].encode())


CHECKERS = {
    "ldap_ssha": [(PL + " ldap_salted_sha1", ("py", passlib("ldap_salted_sha1")))],
    "ldap_ssha256": [(PL + " ldap_salted_sha256", ("py", passlib("ldap_salted_sha256")))],
    "ldap_ssha512": [(PL + " ldap_salted_sha512", ("py", passlib("ldap_salted_sha512")))],
    "ldap_smd5": [(PL + " ldap_salted_md5", ("py", passlib("ldap_salted_md5")))],
    "ldap_sha": [(PL + " ldap_sha1", ("py", passlib("ldap_sha1")))],
    "ldap_md5": [(PL + " ldap_md5", ("py", passlib("ldap_md5")))],
    "ldap_crypt": [("crypt.crypt (libxcrypt) after {CRYPT}", ("py", libxcrypt_braced)),
                   (PL + " ldap_sha512_crypt", ("py", passlib("ldap_sha512_crypt")))],
    "ldap_pbkdf2_sha1": [(PL + " ldap_pbkdf2_sha1", ("py", passlib("ldap_pbkdf2_sha1")))],
    "ldap_pbkdf2_sha256": [(PL + " ldap_pbkdf2_sha256", ("py", passlib("ldap_pbkdf2_sha256")))],
    "ldap_pbkdf2_sha512": [(PL + " ldap_pbkdf2_sha512", ("py", passlib("ldap_pbkdf2_sha512")))],
    "atlassian_pbkdf2_sha1": [(PL + " atlassian_pbkdf2_sha1", ("py", passlib("atlassian_pbkdf2_sha1")))],
    "aspnet_identity_v2": [("hashlib in PasswordHasher.cs's v2 layout", ("py", aspnet_identity))],
    "aspnet_identity_v3": [("hashlib in PasswordHasher.cs's v3 layout", ("py", aspnet_identity))],
    "aspnet_membership_sha1": [("hashlib SHA-1 over salt and UTF-16LE", ("py", membership))],
    "spring_delegating": [("pyca bcrypt after {bcrypt}", ("py", spring_bcrypt))],
}
