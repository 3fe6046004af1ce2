#!/usr/bin/python3
"""Merge producer output (JSON lines with a "file" key) into
testdata/vectors/<file>.jsonl: one canonical JSON object per line, keys in
the order digest, password (or password_hex), source, note; non-ASCII
written as JSON escapes. Exact duplicates are dropped; order is kept.

usage: merge.py OUTDIR INPUT.jsonl...
"""

import collections
import json
import os
import sys

KEYS = ("digest", "password", "password_hex", "source", "note")


def main():
    outdir, inputs = sys.argv[1], sys.argv[2:]
    files = collections.OrderedDict()
    seen = set()
    for path in inputs:
        with open(path, encoding="utf-8") as f:
            for n, line in enumerate(f, 1):
                if not line.strip():
                    continue
                rec = json.loads(line)
                where = "%s:%d" % (path, n)
                name = rec.pop("file")
                extra = set(rec) - set(KEYS)
                if extra:
                    sys.exit("merge: %s: unknown keys %s" % (where, sorted(extra)))
                if not isinstance(rec.get("digest"), str) or not rec["digest"]:
                    sys.exit("merge: %s: missing digest" % where)
                if ("password" in rec) == ("password_hex" in rec):
                    sys.exit("merge: %s: need exactly one of password, password_hex" % where)
                if not rec.get("source"):
                    sys.exit("merge: %s: missing source" % where)
                key = (name, rec["digest"], rec.get("password"), rec.get("password_hex"))
                if key in seen:
                    continue
                seen.add(key)
                files.setdefault(name, []).append({k: rec[k] for k in KEYS if k in rec})
    os.makedirs(outdir, exist_ok=True)
    for name, recs in files.items():
        with open(os.path.join(outdir, name + ".jsonl"), "w", encoding="ascii") as f:
            for rec in recs:
                f.write(json.dumps(rec, ensure_ascii=True) + "\n")
        print("merge: %-24s %3d vectors" % (name + ".jsonl", len(recs)))


if __name__ == "__main__":
    main()
