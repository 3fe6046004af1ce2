#!/usr/bin/python3
"""Timing runner for the Python references (run by the compare program).

argv[1] is a JSON job: {"impl", "n", "min_sample_ns", "budget_ns", ...the
impl's inputs}; or "versions". Prints one JSON object: the per-op times of
the samples in ns (wall and process CPU time), or {"error": ...}. The timing loop is in here, so
interpreter start-up is not counted.
"""

import hashlib
import hmac
import json
import math
import sys
import time


def versions():
    import ssl
    out = {"python": sys.version.split()[0], "openssl": ssl.OPENSSL_VERSION}
    for mod, attr in (("bcrypt", "__version__"), ("argon2", "__version__"),
                      ("passlib", "__version__"), ("cryptography", "__version__")):
        try:
            out[mod] = getattr(__import__(mod), attr)
        except ImportError:
            out[mod] = None
    return out


def make(job):
    """Returns a function of no arguments that does one verification."""
    impl = job["impl"]
    pw = job["password"].encode()
    if impl == "hashlib.pbkdf2_hmac":
        prf, salt, it = job["prf"], bytes.fromhex(job["salt"]), job["iter"]
        key = bytes.fromhex(job["key"])
        return lambda: hmac.compare_digest(hashlib.pbkdf2_hmac(prf, pw, salt, it, len(key)), key)
    if impl == "hashlib.scrypt":
        salt, key = bytes.fromhex(job["salt"]), bytes.fromhex(job["key"])
        n, r, p = job["n_cost"], job["r"], job["p"]
        mem = 132 * n * r * p
        return lambda: hmac.compare_digest(
            hashlib.scrypt(pw, salt=salt, n=n, r=r, p=p, maxmem=mem, dklen=len(key)), key)
    if impl == "hashlib.scrypt+AES-CTR":
        from cryptography.hazmat.primitives.ciphers import Cipher, algorithms, modes
        salt, signer, want = (bytes.fromhex(job[k]) for k in ("salt", "signer_key", "hash"))
        n, r, p = job["n_cost"], job["r"], job["p"]
        mem = 132 * n * r * p

        def firebase():
            k = hashlib.scrypt(pw, salt=salt, n=n, r=r, p=p, maxmem=mem, dklen=32)
            enc = Cipher(algorithms.AES(k), modes.CTR(bytes(16))).encryptor()
            return hmac.compare_digest(enc.update(signer) + enc.finalize(), want)
        return firebase
    if impl == "bcrypt.checkpw":
        import bcrypt
        d = job["digest"].encode()
        return lambda: bcrypt.checkpw(pw, d)
    if impl == "argon2.verify_secret":
        import argon2.low_level as ll
        from argon2.exceptions import VerifyMismatchError
        d = job["digest"].encode()
        typ = ll.Type.ID if job["digest"].startswith("$argon2id$") else ll.Type.I

        def verify():
            try:
                return ll.verify_secret(d, pw, typ)
            except VerifyMismatchError:
                return False
        return verify
    if impl == "crypt.crypt":
        import warnings
        with warnings.catch_warnings():
            warnings.simplefilter("ignore", DeprecationWarning)
            import crypt
        d = job["digest"]
        return lambda: hmac.compare_digest(crypt.crypt(job["password"], d), d)
    if impl == "passlib.phpass":
        from passlib.hash import phpass
        d = job["digest"]
        return lambda: phpass.verify(job["password"], d)
    raise ValueError("unknown impl " + impl)


def run(job):
    f = make(job)
    t = time.perf_counter_ns()
    if not f():
        return {"error": "reference did not verify the digest"}
    t0 = max(time.perf_counter_ns() - t, 1)
    inner = max(1, math.ceil(job["min_sample_ns"] / t0))
    reps = min(job["n"], max(3, job["budget_ns"] // (t0 * inner)))
    samples, cpu = [], []
    for _ in range(reps):
        c, t = time.process_time_ns(), time.perf_counter_ns()
        for _ in range(inner):
            if not f():
                return {"error": "reference did not verify the digest"}
        samples.append((time.perf_counter_ns() - t) / inner)
        cpu.append((time.process_time_ns() - c) / inner)
    return {"samples_ns": samples, "cpu_samples_ns": cpu, "inner": inner}


def main():
    if sys.argv[1] == "versions":
        out = versions()
    else:
        try:
            out = run(json.loads(sys.argv[1]))
        except Exception as e:  # reported in the table, not fatal
            out = {"error": "%s: %s" % (type(e).__name__, e)}
    print(json.dumps(out))


if __name__ == "__main__":
    main()
