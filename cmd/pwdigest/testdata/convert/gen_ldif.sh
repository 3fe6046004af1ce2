#!/bin/sh
# LDIF fixtures from OpenLDAP itself (Debian slapd, slapd-contrib): users
# whose userPassword values slappasswd writes ({SSHA}, {SSHA256},
# {SSHA512}, {SMD5}, {SHA}, {MD5}, {CRYPT}, {PBKDF2-SHA256}, {ARGON2}),
# loaded with slapadd into a throwaway slapd.conf database, then dumped
# with slapcat (base64 "::" values, lines folded at 78) and read back with
# ldapsearch from a slapd on a private ldapi socket.
#
#   sh gen_ldif.sh   (run by gen.sh)
set -eu
here=$(cd "$(dirname "$0")" && pwd)
out="$here/ldif"
mkdir -p "$out"
tmp=$(mktemp -d)
trap 'kill $(cat "$tmp/slapd.pid" 2>/dev/null) 2>/dev/null || true; rm -rf "$tmp"' EXIT

cat > "$tmp/slapd.conf" <<CONF
include /etc/ldap/schema/core.schema
include /etc/ldap/schema/cosine.schema
include /etc/ldap/schema/inetorgperson.schema
include /etc/ldap/schema/nis.schema
modulepath /usr/lib/ldap
moduleload back_mdb.la
moduleload pw-sha2.la
moduleload pw-pbkdf2.la
moduleload argon2.la
pidfile $tmp/slapd.pid
database mdb
suffix "dc=example,dc=com"
rootdn "cn=admin,dc=example,dc=com"
rootpw secret
directory $tmp/db
CONF
mkdir "$tmp/db"

# uid, scheme, password
users="alice {SSHA} correct-horse-battery-staple
bob {SSHA256} pässwörd
carol {SSHA512} Tr0ub4dor&3
dave {SMD5} s3cret-Passw0rd
erin {SHA} letmein
frank {MD5} letmein
grace {CRYPT} hunter2
heidi {PBKDF2-SHA256} hunter2
ivan {ARGON2} hunter2"

{
	printf 'dn: dc=example,dc=com\nobjectClass: top\nobjectClass: dcObject\nobjectClass: organization\no: Example\ndc: example\n\n'
	printf 'dn: ou=people,dc=example,dc=com\nobjectClass: organizationalUnit\nou: people\n\n'
	echo "$users" | while read -r uid scheme pw; do
		case $scheme in
		{CRYPT}) hash=$(slappasswd -h '{CRYPT}' -c '$6$%.16s' -s "$pw") ;;
		{SSHA2*} | {SSHA5*}) hash=$(slappasswd -o module-load=pw-sha2 -h "$scheme" -s "$pw") ;;
		{PBKDF2*}) hash=$(slappasswd -o module-load=pw-pbkdf2 -h "$scheme" -s "$pw") ;;
		{ARGON2}) hash=$(slappasswd -o module-load=argon2 -h "$scheme" -s "$pw") ;;
		*) hash=$(slappasswd -h "$scheme" -s "$pw") ;;
		esac
		printf 'dn: uid=%s,ou=people,dc=example,dc=com\nobjectClass: inetOrgPerson\nuid: %s\ncn: %s\nsn: %s\nmail: %s@example.com\nuserPassword: %s\n\n' \
			"$uid" "$uid" "$uid" "$uid" "$uid" "$hash"
	done
	# An account without a password, and a group: only the first is a user.
	printf 'dn: uid=judy,ou=people,dc=example,dc=com\nobjectClass: inetOrgPerson\nuid: judy\ncn: Judy Ünïcode-Long-Name-To-Fold-The-Line-Past-Seventy-Six-Columns\nsn: judy\n\n'
	printf 'dn: cn=staff,ou=people,dc=example,dc=com\nobjectClass: groupOfNames\ncn: staff\nmember: uid=alice,ou=people,dc=example,dc=com\n\n'
} > "$tmp/in.ldif"

slapadd -f "$tmp/slapd.conf" -l "$tmp/in.ldif"
slapcat -f "$tmp/slapd.conf" -l "$out/slapcat.ldif"

sock="$tmp/ldapi"
enc=$(printf '%s' "$sock" | sed 's|/|%2F|g')
slapd -f "$tmp/slapd.conf" -h "ldapi://$enc"
for i in 1 2 3 4 5 6 7 8 9 10; do
	[ -S "$sock" ] && break
	sleep 0.5
done
ldapsearch -LLL -x -H "ldapi://$enc" -D "cn=admin,dc=example,dc=com" -w secret -b "ou=people,dc=example,dc=com" \
	"(objectClass=*)" > "$out/ldapsearch.ldif"

{
	printf '{\n "source": "%s",\n "passwords": {\n' "OpenLDAP $(dpkg-query -W -f '${Version}' slapd) slappasswd, slapadd, slapcat, ldapsearch (Debian slapd, slapd-contrib, ldap-utils)"
	echo "$users" | awk '{ printf "%s  \"uid=%s,ou=people,dc=example,dc=com\": \"%s\"", (NR > 1 ? ",\n" : ""), $1, $3 } END { print "" }'
	printf ' }\n}\n'
} > "$out/passwords.json"
