#!/bin/sh
# Unpack Debian bookworm-backports' python3-django 4.2 into DIR and print the
# folder to put on PYTHONPATH. Debian 12's own Django is 3.2, which has no
# ScryptPasswordHasher (scrypt_django's producer). The package is fetched
# with apt from its own source list, so the system's Django is untouched.
#
#   sh fetch_django42.sh DIR
set -eu
dir=$1
ver=3:4.2.21-1~bpo12+1
mkdir -p "$dir/apt/lists/partial" "$dir/deb"
echo "deb http://deb.debian.org/debian bookworm-backports main" >"$dir/apt/sources.list"
o="-o Dir::Etc::SourceList=$dir/apt/sources.list -o Dir::Etc::SourceParts=/dev/null -o Dir::State::Lists=$dir/apt/lists"
# shellcheck disable=SC2086
apt-get $o -qq update >&2
# shellcheck disable=SC2086
(cd "$dir/deb" && apt-get $o -qq download "python3-django=$ver" >&2 2>/dev/null)
dpkg -x "$dir"/deb/python3-django_*.deb "$dir/root"
echo "$dir/root/usr/lib/python3/dist-packages"
