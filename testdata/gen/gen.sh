#!/bin/sh
# Regenerate testdata/vectors/*.jsonl from the real producers, then
# cross-check every vector. See README.md in this folder.
#
#   sh testdata/gen/gen.sh            # regenerate and verify
#   sh testdata/gen/gen.sh --verify   # only verify the committed files
#   sh testdata/gen/gen.sh --roundtrip
#       write testdata/roundtrip/*.jsonl with pwdigest's own Hash
#       (go run ./testdata/gen/ourdigests) and verify every line with the
#       real producers (roundtrip.py)
set -eu

here=$(cd "$(dirname "$0")" && pwd)
out="$here/../vectors"
py=/usr/bin/python3   # Debian's python3: the Debian packages live there

missing=""
need() { # need COMMAND DEBIAN-PACKAGE
	command -v "$1" >/dev/null 2>&1 || missing="$missing $2"
}
need_py() { # need_py MODULE DEBIAN-PACKAGE
	"$py" -c "import $1" >/dev/null 2>&1 || missing="$missing $2"
}
need_file() { # need_file PATH DEBIAN-PACKAGE
	[ -e "$1" ] || missing="$missing $2"
}
need_rb() { # need_rb LIBRARY DEBIAN-PACKAGE
	ruby -e "require '$1'" >/dev/null 2>&1 || missing="$missing $2"
}
need "$py" python3
need php php-cli
[ "${1:-}" = "--roundtrip" ] || need argon2 argon2
need node nodejs
need dpkg-query dpkg
need slappasswd slapd
need ldapwhoami ldap-utils
[ -e /usr/lib/ldap/pw-pbkdf2.la ] && [ -e /usr/lib/ldap/pw-sha2.la ] || missing="$missing slapd-contrib"
need mkpasswd whois
need mono mono-runtime
need mcs mono-mcs
need htpasswd apache2-utils
need /usr/lib/postgresql/15/bin/initdb postgresql-15
need mariadbd mariadb-server
need mariadb mariadb-client
# Clerk's newer names (gen_clerk.php, gen_devise.rb, gen_membership.py).
need ruby ruby
need_file /usr/share/php/Symfony/Component/PasswordHasher/Hasher/MessageDigestPasswordHasher.php php-symfony-password-hasher
need_file /usr/share/wordpress/wp-includes/class-phpass.php wordpress
if command -v ruby >/dev/null 2>&1; then
	need_rb bcrypt ruby-bcrypt
	need_rb devise ruby-devise
fi
if [ -x "$py" ]; then
	need_py django python3-django
	need_py passlib python3-passlib
	need_py bcrypt python3-bcrypt
	need_py argon2 python3-argon2
	need_py werkzeug python3-werkzeug
fi
if [ -n "$missing" ]; then
	echo "gen.sh: missing Debian packages:$missing" >&2
	echo "gen.sh: run: apt-get install -y$missing" >&2
	exit 1
fi
if ! (cd "$here" && node -e "require('firebase-scrypt'); require('drupal-hash'); require('aspnetcore-identity-password-hasher')") >/dev/null 2>&1; then
	echo "gen.sh: npm packages firebase-scrypt, drupal-hash or aspnetcore-identity-password-hasher missing: run (cd $here && npm ci)" >&2
	exit 1
fi

if [ "${1:-}" = "--roundtrip" ]; then
	if ! command -v go >/dev/null 2>&1; then
		echo "gen.sh: --roundtrip needs the go command (go.mod's Go version or later)" >&2
		exit 1
	fi
	(cd "$here/../.." && go run ./testdata/gen/ourdigests \
		-passwords testdata/gen/passwords.json -out testdata/roundtrip)
	(cd "$here" && "$py" -B roundtrip.py "$here/../roundtrip")
	(cd "$here" && "$py" -B verify_slapd.py "$here/../roundtrip")
	"$py" -B "$here/roundtrip_postgres.py" "$here/../roundtrip/postgres_scram_sha256.jsonl"
	exit
fi

if [ "${1:-}" != "--verify" ]; then
	tmp=$(mktemp -d)
	trap 'rm -rf "$tmp"' EXIT
	(cd "$here" && "$py" -B gen_python.py >"$tmp/python.jsonl")
	(cd "$here" && php gen_php.php >"$tmp/php.jsonl")
	(cd "$here" && node gen_firebase.js >"$tmp/node.jsonl")
	# scrypt_django needs Django 4.2: Debian's bookworm-backports package,
	# unpacked into $tmp (fetch_django42.sh).
	django42=$(sh "$here/fetch_django42.sh" "$tmp/django42")
	(cd "$here" && PYTHONPATH="$django42" "$py" -B gen_django42.py >"$tmp/django42.jsonl")
	(cd "$here" && "$py" -B gen_passlib_django.py >"$tmp/passlib_django.jsonl")
	(cd "$here" && "$py" -B gen_recipe.py >"$tmp/recipe.jsonl")
	# The providers' import objects: Node's crypto (md4 needs OpenSSL's
	# legacy provider), slappasswd, firebase-scrypt; Python for bcrypt/argon2.
	(cd "$here" && node --openssl-legacy-provider gen_providers.js >"$tmp/providers_node.jsonl")
	(cd "$here" && "$py" -B gen_providers.py >"$tmp/providers_py.jsonl")
	# libxcrypt (yescrypt, $7$, DES), Django's crypt$$, passlib, htpasswd;
	# then PostgreSQL 15 and MariaDB, each started on a Unix socket in a
	# temporary directory and stopped again (gen_servers.py).
	(cd "$here" && "$py" -B gen_crypt3.py >"$tmp/crypt3.jsonl")
	(cd "$here" && "$py" -B gen_servers.py >"$tmp/servers.jsonl")
	# drupal7 runs Drupal 7's own includes/password.inc, which Debian does not
	# ship: DRUPAL7 names a Drupal 7 checkout (the vectors were made from
	# pantheon-systems/drops-7 at 5b1bb0d, Drupal 7.105). Without it the
	# committed drupal7.jsonl is kept as it is.
	if [ -n "${DRUPAL7:-}" ]; then
		(cd "$here" && php gen_drupal.php "$DRUPAL7/includes/password.inc" >"$tmp/drupal.jsonl")
	else
		echo "gen.sh: DRUPAL7 not set: keeping the committed drupal7.jsonl" >&2
		sed 's/^{/{"file": "drupal7", /' "$out/drupal7.jsonl" >"$tmp/drupal.jsonl"
	fi
	(cd "$here" && "$py" -B gen_ldap.py >"$tmp/ldap.jsonl")
	(cd "$here" && "$py" -B gen_aspnet.py >"$tmp/aspnet.jsonl")
	# Spring Security's lines were made once with Spring's own encoders and
	# are kept as they are (see README.md).
	(cd "$here" && "$py" -B gen_spring.py --keep >"$tmp/spring.jsonl")
	(cd "$here" && php gen_clerk.php >"$tmp/clerk.jsonl")
	(cd "$here" && ruby gen_devise.rb >"$tmp/devise.jsonl")
	(cd "$here" && "$py" -B gen_membership.py >"$tmp/membership.jsonl")
	rm -f "$out"/*.jsonl
	"$py" -B "$here/merge.py" "$out" "$here/published.jsonl" \
		"$tmp/python.jsonl" "$tmp/php.jsonl" "$tmp/node.jsonl" \
		"$tmp/django42.jsonl" "$tmp/passlib_django.jsonl" "$tmp/drupal.jsonl" "$tmp/recipe.jsonl" \
		"$tmp/ldap.jsonl" "$tmp/aspnet.jsonl" "$tmp/spring.jsonl" \
		"$tmp/crypt3.jsonl" "$tmp/servers.jsonl" \
		"$tmp/clerk.jsonl" "$tmp/devise.jsonl" "$tmp/membership.jsonl" \
		"$tmp/providers_node.jsonl" "$tmp/providers_py.jsonl"
	# Spring's {noop} and empty-password digests do not verify under the
	# default Limits; formats_test.go reads them from testdata/spring.
	mv "$out/spring_delegating_noop.jsonl" "$here/../spring/noop.jsonl"
	mv "$out/spring_delegating_empty.jsonl" "$here/../spring/empty.jsonl"
fi
(cd "$here" && "$py" -B verify.py "$out")
(cd "$here" && node verify_drupal.js "$out/drupal7.jsonl")
# The LDAP lines once more, by OpenLDAP itself: a throwaway slapd on
# loopback, a bind per vector (stopped and removed afterwards).
(cd "$here" && "$py" -B verify_slapd.py "$out")
