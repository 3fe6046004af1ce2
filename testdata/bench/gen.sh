#!/bin/sh
# Regenerates testdata/bench/digests.jsonl from the real producers.
# Needs: apt-get install python3-django python3-passlib python3-bcrypt
# python3-argon2 php-cli nodejs npm; and `(cd testdata/gen && npm ci)`.
set -eu
here=$(cd "$(dirname "$0")" && pwd)
/usr/bin/python3 "$here/gen_digests.py" >"$here/digests.jsonl.tmp"
mv "$here/digests.jsonl.tmp" "$here/digests.jsonl"
wc -l "$here/digests.jsonl"
