#!/usr/bin/python3
"""Re-emits the committed Spring Security lines (spring_delegating, the
{noop} and empty-password files, and the {ssha} ldap_ssha lines) for gen.sh's
merge step.

They were made once with Spring Security 7.1.1's own encoders (tag 7.1.1,
commit a825937b8175; OpenJDK 17.0.15, BouncyCastle 1.72 from Debian's
libbcprov-java): each digest checked with the factory's
DelegatingPasswordEncoder.matches() when it was written. This repository
keeps the lines but no recipe that builds Spring's code (fetched code is
not built by committed scripts); verify_formats.py recomputes every line
with hashlib, passlib, pyca bcrypt and argon2-cffi.

usage: gen_spring.py --keep   (writes JSON lines to stdout)
"""

import os
import sys

from common import Emitter

HERE = os.path.dirname(os.path.abspath(__file__))
E = Emitter()


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


def main():
    if sys.argv[1:] != ["--keep"]:
        sys.exit("usage: gen_spring.py --keep")
    keep()


if __name__ == "__main__":
    main()
