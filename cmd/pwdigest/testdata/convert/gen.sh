#!/bin/sh
# Regenerate the convert fixtures (see README.md) on a Debian 12 machine.
#
#   sh cmd/pwdigest/testdata/convert/gen.sh
set -eu
here=$(cd "$(dirname "$0")" && pwd)
py=/usr/bin/python3 # Debian's python3: the Debian packages live there

missing=""
need() { # need COMMAND-OR-FILE DEBIAN-PACKAGE
	command -v "$1" >/dev/null 2>&1 || [ -e "$1" ] || missing="$missing $2"
}
need_py() { # need_py MODULE DEBIAN-PACKAGE
	"$py" -c "import $1" >/dev/null 2>&1 || missing="$missing $2"
}
need "$py" python3
need php php-cli
need /usr/share/wordpress/wp-includes/class-phpass.php wordpress
need slapadd slapd
need /usr/lib/ldap/pw-sha2.so slapd-contrib
need ldapsearch ldap-utils
if [ -x "$py" ]; then
	need_py django python3-django
	need_py argon2 python3-argon2
	need_py bcrypt python3-bcrypt
fi
if [ -n "$missing" ]; then
	echo "gen.sh: missing Debian packages:$missing" >&2
	echo "gen.sh: run: apt-get install -y$missing" >&2
	exit 1
fi
cd "$here"
"$py" -W ignore::DeprecationWarning gen_django.py
php gen_wordpress.php
"$py" gen_idp.py
sh gen_ldif.sh
echo "gen.sh: wrote $(cd "$here" && ls -d */ | tr -d / | tr '\n' ' ')"
