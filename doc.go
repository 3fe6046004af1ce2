// Package pwdigest verifies password digests exported from other systems
// (Django, Flask/Werkzeug, WordPress and phpBB, Firebase Auth, Keycloak,
// OpenLDAP, ASP.NET Identity, Atlassian, Spring Security, home-grown PHP and
// Node apps), byte-exactly as the software that made them
// would, so that users move to a new sign-in backend without a password
// reset:
//
//	ok, err := pwdigest.Verify("pbkdf2_sha256_django", digest, password)
//
// Verify returns (true, nil) on a match and (false, nil) for a well-formed
// digest that does not match. Anything else is an error wrapping
// ErrUnknownHasher, ErrMalformedDigest or ErrParamsOutOfRange (the digest's
// fault), or ErrPasswordTooLong (the password's), or ErrRemote for
// awscognito, which asks a service. Digests are attacker-controlled data:
// each is parsed strictly (shape, then ranges, then
// limits), its work factors are checked against Limits before any hashing, a
// stored hash cut shorter than MinHashBytes is refused, memory-hard verifies
// share a MemoryBudget, and no input panics.
//
// Insecure digests (plain md5 and sha256, see Insecure) and digests weaker
// than the Policy should be replaced at the next sign-in: VerifyAndUpgrade
// returns a new digest to store instead (bcrypt by default, see
// Policy.Upgrade), and its error is nil whenever the password matched.
// NeedsRehash reports digests weaker than a Policy, Hash makes new digests,
// Identify names the hashers whose format a digest has, and Check validates a
// digest without a password.
//
// Every cost parameter is a *Param declared next to its scheme's parser, with
// the bounds its format allows, a default limit and a default policy value
// (Params lists them all, HasherParams a hasher's). Limits and Policy.Costs
// are maps keyed by them; a missing key takes the default:
//
//	v := &pwdigest.Verifier{Limits: pwdigest.Limits{pwdigest.BcryptCost: 14}}
//
// Each format below is registered under the hasher name in its heading. The
// examples are real producers' digests (pyca bcrypt 3.2.2, Django 3.2.25,
// PHP 8.2, argon2-cffi, Werkzeug 2.2.2, Devise 4.8.1, Symfony 5.4, WordPress
// 6.1's class-phpass.php, ASP.NET Membership's code under Mono 6.8, passlib's
// and Drepper's published examples, hashcat's example hashes). Clerk's
// password_hasher names are all here; where Clerk's docs leave a choice,
// the section says what was decided.
//
// # bcrypt
//
// The Modular Crypt Format of OpenBSD's bcrypt, as pyca bcrypt, PHP
// password_hash and passlib write it: "$2b$", "$2a$" or "$2y$" (all the same
// function), a two-digit cost 04..31, "$", then 22 characters of salt and 31
// of hash in bcrypt's base64 ("./A-Za-z0-9"):
//
//	$2b$10$abcdefghijklmnopqrstuuGGgFFcYeueaAql8Z7U7CnCTRw4DR77W
//
// Only the first 72 bytes of a password count, as in every implementation.
// The legacy "$2$" (no NUL after the password, passlib and old OpenBSD) and
// "$2x$" (crypt_blowfish's emulation of its 8-bit sign-extension bug) are
// computed as their producers did. For a few non-UTF-8 passwords PHP's "$2a$"
// differs from OpenBSD's (a collision countermeasure); digests of both verify.
//
// # bcrypt_sha256_django
//
// Django's BCryptSHA256PasswordHasher: "bcrypt_sha256$" and a bcrypt digest of
// the lowercase hex SHA-256 of the password.
//
//	bcrypt_sha256$$2b$10$JSbHVcey4sVaQD.5RF/peOdHztTKDk2ZLULuUw3QsbdAHdsLI4nta
//
// # md5, sha256
//
// Unsalted hex digests of the password (PHP md5(), hash('sha256')), 32 or 64
// hex characters of either case. Insecure: upgrade them on sign-in.
//
//	9cc2ae8a1ba7a93da39b46fc1019c481
//
// # md5_salted, sha256_salted
//
// A hex digest of the password with a salt, as home-grown PHP and Node apps
// stored them: "<salt>$<hex>", or "<hex>$<salt>" (Clerk's older
// sha256_salted docs write that shape). The hex field of the hash's length
// (32 or 64, either case) tells the shapes apart; the salt may be empty and
// may hold "$" (the split is at the hash's side). When both fields could be
// the hash, both splits are tried. Clerk does not say on which side of the
// password the salt goes: hash(salt + password) and hash(password + salt)
// both match. Every candidate is computed on every verify, so the order of
// trying cannot change a result. Insecure. From PHP's hash('md5', $salt .
// $password), password "password":
//
//	6FFtFwbC$310edd932dabe2101829f1c5456177df
//
// # hmac_sha256_utf16_b64
//
// "hmac_sha256_utf16_b64$<base64 hash>$<key>": HMAC-SHA256 over the UTF-16LE
// bytes of the password, the 32-byte hash in padded base64; the key is the
// rest of the digest and may hold "$". Clerk does not document the key, so
// the three readings real producers use are all tried, each a match: the
// key's own bytes (PHP hash_hmac, Node createHmac with a string key); the
// key base64-decoded; and ASP.NET Membership's keyed path
// (SqlMembershipProvider with HMACSHA256: the base64-decoded salt repeated
// to fill the 64-byte HMAC key, cut if longer; an empty one is skipped,
// .NET loops forever on it). Against the fixtures (PHP for the first two,
// Membership's code under Mono for the third), each reading matched its own
// producer's digests and nothing else; the last two coincide only where the
// decoded key is exactly 64 bytes. A password that is not UTF-8 never
// matches (no .NET string encodes to it). Insecure. ASP.NET Membership
// under Mono, password "password", and PHP with the key "my-hmac-key":
//
//	hmac_sha256_utf16_b64$RbCasyO2cGtV5D/eC4qfs73ErXFRNtlpSveFegvoDm4=$Dh+Vdy/VY3khRxHMBx8ijQ==
//	hmac_sha256_utf16_b64$bLfjuCiUnpLma0n4O5no+tpYmucUbs4jMHas0KtT/RM=$my-hmac-key
//
// # sha512_symfony
//
// Symfony's legacy MessageDigestPasswordEncoder / MessageDigestPasswordHasher
// ('sha512', base64, N iterations; FOSUserBundle's default):
// "sha512_symfony$<iterations>$<salt>$<base64 hash>". The input is
// "password{salt}", or the password alone when the salt is "" or "0" (PHP's
// falsy strings: Symfony's mergePasswordAndSalt starts with `if (!$salt)`);
// the hash is sha512(input), then iterations-1 times sha512(hash + input).
// The salt is everything between the iterations and the last "$"; a salt
// with "{" or "}" is malformed, as Symfony refuses it. A password over 4096
// bytes is refused with ErrPasswordTooLong, as Symfony refuses it.
// Iterations are limited by SymfonyIterations (1,000,000). Insecure. Symfony
// 5.4's MessageDigestPasswordHasher('sha512', true, 5000), password
// "password":
//
//	sha512_symfony$5000$x7j5rqqgtw4daziut45u4mds0srbs9z$VhX688WCZ2FBOwdJEjvfvlbARoW6kkpMH3gAtgIHIUnyR3/F15FYHE6pz6hnFb0PfS30K+fglQnLHaFoSrxM1w==
//
// # bcrypt_peppered
//
// Devise (Rails) with a pepper, as Clerk takes it: the 60-character bcrypt
// digest ("$2a$", as ruby-bcrypt writes, or "$2b$", "$2y$"), "$", then the
// pepper: everything after that "$", which may hold "$" itself (not NUL or
// a line break). The hash is bcrypt of password + pepper, the first 72
// bytes of it as ruby-bcrypt uses them (a long password cuts the pepper
// off). A blank pepper (empty, or only whitespace: Devise appends it only
// `if klass.pepper.present?`) is not appended. Hash writes a blank pepper
// (the digest ends in "$"): pwdigest does not know the application's
// pepper. Devise 4.8's Devise::Encryptor.digest with pepper "pepper",
// password "password":
//
//	$2a$04$FF8l03OGXPABUWnxlQHkAekIKzwuBSchkRsIimYEEuGjU2rx2LCaW$pepper
//
// # pbkdf2_sha256
//
// Keycloak's pbkdf2-sha256 credential as exported: iterations, the salt and
// the hash in padded standard base64; the salt is used decoded and the key is
// as long as the decoded hash (64 bytes in Keycloak).
//
//	pbkdf2_sha256$27500$<base64 salt>$<base64 64-byte hash>
//
// # pbkdf2_sha256_django
//
// Django's PBKDF2PasswordHasher: the salt used as its UTF-8 characters and the
// 32-byte hash in base64.
//
//	pbkdf2_sha256$260000$seasalt2026abcdefghijk$WNdZ9DQ5nAW5uHIyUG3fx7OwVcYxfn6c2olSQ3CSJsU=
//
// # pbkdf2_sha512
//
// PBKDF2-HMAC-SHA512 with a raw salt and a hex hash; the key is as long as the
// hex says; iterations below 420000.
//
//	pbkdf2_sha512$210000$<salt>$<hex hash>
//
// # pbkdf2_sha512_hex
//
// Keycloak's pbkdf2-sha512 credential converted for Clerk:
// "pbkdf2_sha512_hex$<iterations>$<hex salt>$<hex hash>", the salt used
// hex-decoded (Keycloak's salts are random bytes), the key as long as the
// decoded hash (within MinHashBytes and MaxHashBytes). PHP's
// hash_pbkdf2('sha512') with a 16-byte salt, password "password":
//
//	pbkdf2_sha512_hex$1000$8a38c273a5a185f64752c87439def894$240663839584771c67349fe8dd45373967b5646977edc5bae0f3615e70321dc5ad56210972510cd9cb64daa033b4df57354f455fd05f1fba6d3520b6addda9cc
//
// # pbkdf2_sha1
//
// PBKDF2-HMAC-SHA1 with a raw salt and a 40-hex-character hash; Django's
// PBKDF2SHA1PasswordHasher writes the same with a base64 hash, accepted too.
// Clerk's newer forms: in the hex form a salt that is itself hex (one case,
// even length) is tried both hex-decoded and as its text, a match with
// either being a match (both are always computed); and
// "pbkdf2_sha1$<iterations>$<hex salt>$<hex hash>$<key length>", the salt
// used decoded, the key length in bytes equal to the hash's (within
// MinHashBytes and MaxHashBytes). PHP's hash_pbkdf2('sha1'), password
// "password":
//
//	pbkdf2_sha1$260000$<salt>$<40 hex or base64 hash>
//	pbkdf2_sha1$1000$23efaf6b56b5da312ffe408cee5ee876$b8fd2b015aece4da12cfb2e602b3095540defe69$20
//
// # phpass
//
// The portable hashes of phpass: WordPress before 6.8 ("$P$") and phpBB3
// ("$H$"): a character giving log2 of the rounds, 8 of salt and 22 of
// iterated MD5, in the alphabet "./0-9A-Za-z".
//
//	$P$B<8 salt><22 checksum>
//
// # md5_phpass
//
// Clerk's other name for phpass: the same function, registered under both
// names. WordPress 6.1's class-phpass.php PasswordHash(8, true), password
// "password":
//
//	$P$B9QoyM4jAudXksfassHdajfyiX4aGk0
//
// # awscognito
//
// "awscognito#<user pool id>#<client id>#<identifier>" is not a digest:
// Cognito exports no hashes. The password is checked by calling Cognito
// (InitiateAuth, USER_PASSWORD_AUTH, against the public app client; the
// region is the pool id's prefix), as Clerk does, and a match upgrades to
// bcrypt through VerifyAndUpgrade (the hasher is insecure). Check validates
// the shape only: the pool id "<region>_<id>", a client id of letters,
// digits, "_" and "+", an identifier of 1 to 128 characters without
// whitespace (it may hold "#"). The call lives in package
// github.com/pwdigest/pwdigest/cognito, so that programs that do not need it
// do not build the AWS SDK in: until cognito.Enable is called, Verify
// returns an error wrapping ErrRemote that says how to enable it. VerifyContext's context
// reaches the call.
//
//	awscognito#us-east-1_AbCdEf123#1example23456789abcdefghij#alice@example.com
//
// # scrypt_firebase
//
// Firebase Auth's modified scrypt as exported with the project's hash
// parameters: "<hash>$<salt>$<signer key>$<salt separator>$<rounds>$<mem
// cost>", the first four in base64. The key is scrypt(password, salt ||
// separator, N = 2^mem cost, r = rounds, p = 1, 32 bytes); the hash is the
// signer key encrypted with AES-256-CTR under that key and a zero IV.
//
// # scrypt_werkzeug
//
// Werkzeug's generate_password_hash with scrypt (its default since 3.0): the
// salt used as UTF-8, a 64-byte key in lowercase hex.
//
//	scrypt:32768:8:1$<salt>$<128 hex characters>
//
// # argon2d, argon2i, argon2id, argon2_django
//
// The PHC string format of libargon2, argon2-cffi and PHP: memory in KiB,
// passes and lanes, salt and hash in unpadded base64, key as long as the
// hash. Version 19 is current; version 16 digests are verified too, and a
// digest without "v=" is version 16, as libargon2 reads it.
//
//	$argon2id$v=19$m=19456,t=2,p=1$<salt>$<hash>
//	$argon2d$v=19$m=256,t=2,p=1$l60wme3Y+inCEE+cadjPcA$tz3cfGwJx3wSq2GQZGOxUoYkCqMBWAeLt0fsSB9t4FA
//
// argon2_django is Django's Argon2PasswordHasher: "argon2" and such a string.
//
//	argon2$argon2id$v=19$m=64,t=1,p=1$cGE5RWwzY3pXanRlOUlvM01XSUxVRQ$EQwOTL/KVZhq82x6zUNdlA
//
// # bcrypt_sha384_wordpress
//
// WordPress 6.8 and later (alias "wordpress", this package's name for it
// before the naming rule): "$wp" and a bcrypt digest of the base64
// HMAC-SHA384 of the password with the key "wp-sha384" (wp_hash_password).
//
//	$wp$2y$04$0dhUnDf3qQ3yu3mrQYoRg..S1EQ2sexLxXmfwyzDx7RjZjmoJ4tu.
//
// # pbkdf2_werkzeug
//
// Werkzeug's generate_password_hash with PBKDF2 (its default before 3.0;
// alias "werkzeug_pbkdf2", this package's name for it before the naming
// rule):
// sha256, sha512 or sha1, the salt as UTF-8, a hash-sized key in lowercase hex.
//
//	pbkdf2:sha256:1000$oe6oSwmlHYdNflQM$23f7f09746fb96b501b0194669210c9179de9d971b8904eee3f160317eecff3f
//
// # sha1_django, md5_django
//
// Django's old SHA1PasswordHasher and MD5PasswordHasher: hex of
// sha1(salt+password) or md5(salt+password). Insecure.
//
//	md5$1mWWkjLWQvtD$2acabb3c76079b2a00fe66374bb85f4c
//
// # pbkdf2_sha256_passlib, pbkdf2_sha512_passlib
//
// passlib's pbkdf2_sha256 and pbkdf2_sha512: salt and hash in passlib's
// adapted base64 ("./" alphabet, no padding).
//
//	$pbkdf2-sha256$6400$0ZrzXitFSGltTQnBWOsdAw$Y11AchqV4b0sUisdZd0Xr97KWoymNE0LNNrnEgY4H9M
//
// # sha512_crypt, sha256_crypt, md5_crypt
//
// crypt(3) of glibc and libxcrypt (Linux /etc/shadow, PHP crypt): "$6$" and
// "$5$" after Ulrich Drepper's specification, with an optional "rounds=N$"
// (default 5000), and the FreeBSD "$1$" md5crypt (insecure).
//
//	$6$saltstring$svn8UoSVapNtMuq1ukKS4tPQd8iKwSMHWjl/O817G3uBnIFNjnQJuesI68u4OTLiBFdcbYEdFCoEOfaS35inz1
//	$5$rounds=10000$saltstringsaltst$3xv.VbSHBb41AL9AvLeujZkZRBAwqFMz2.opqey6IcA
//	$1$28772684$iEwNOgGugqO9.bIz5sk8k/
//
// # ldap_ssha, ldap_ssha256, ldap_ssha512, ldap_smd5, ldap_sha, ldap_md5
//
// RFC 2307 userPassword values of OpenLDAP (slappasswd; slapd-contrib's
// pw-sha2 module for the SHA-2 ones) and passlib: a "{SCHEME}" prefix, in
// any case as OpenLDAP matches it, then padded standard base64 of the hash
// of password‖salt followed by the salt (1 byte or more; slappasswd writes 4
// or 8), or of the unsalted hash for {SHA} and {MD5}. All are insecure (one
// round of a fast hash). ldap_ssha also takes the value without its prefix,
// as Clerk does, unless that value is all hex digits (a hex md5 or sha256
// digest; real SSHA base64 is never that); Identify then ranks it below
// ASP.NET Identity's base64 blobs, which look alike.
//
//	{SSHA}J4xECdZZXoUD4xDfxiVq5ri6Cq+iQ3FY
//	{SSHA256}IATf6/cYpLX2t1Z1+lbeq+vzgJlrfPpI7U8axIeAYWcvl0suQBJSxA==
//	{SMD5}3cgTbHKDqSf+ymCZe1YQTPQQQis=
//	{SHA}W6ph5Mm5Pz8GgiULbPgzG37mj9g=
//	{MD5}X03MO1qnZdYdgyfeuILPmQ==
//
// (slappasswd 2.5.13, password "password".) Dovecot's doveadm writes other
// layouts under some of these prefixes; they are not these hashers.
//
// # ldap_crypt
//
// "{CRYPT}" and a crypt(3) digest, which slapd checks with the system's
// crypt(3). It is verified by whichever registered crypt(3) hasher parses it
// (sha512_crypt, sha256_crypt, md5_crypt, bcrypt now; yescrypt,
// gost_yescrypt, scrypt_crypt and des_crypt join when registered), under
// that hasher's limits; NeedsRehash and VerifyAndUpgrade follow that method
// (md5-crypt and DES are always replaced, the others below the policy).
// Plain `slappasswd -h {CRYPT}` writes libxcrypt's bigcrypt for a password
// over 8 bytes, which no registered method reads yet. Hash writes "{CRYPT}" + sha512_crypt.
//
//	{CRYPT}$1$CNrDfdAC$w9tkH6A9oitkS4evE4St30
//
// # ldap_pbkdf2_sha1, ldap_pbkdf2_sha256, ldap_pbkdf2_sha512
//
// slapd-contrib's pw-pbkdf2 and passlib's ldap_pbkdf2_*: "{PBKDF2}" or
// "{PBKDF2-SHA1}", "{PBKDF2-SHA256}", "{PBKDF2-SHA512}", then
// "<iterations>$<salt>$<hash>" in passlib's adapted base64; the hash is the
// PRF's full size (pw-pbkdf2 writes 10000 iterations and 16-byte salts,
// and slapd reads only 16-byte salts; passlib's other lengths verify here).
//
//	{PBKDF2-SHA256}10000$oq7etveFJvV2KZ72.ETN7g$u1IfSDDjD/FEgsVLwbLi85xLgCjKyuxnH.NeF8Tp0Hk
//
// # atlassian_pbkdf2_sha1
//
// Jira, Confluence and Crowd: "{PKCS5S2}" and base64 of a 16-byte salt and
// the 32-byte PBKDF2-HMAC-SHA1 key, 10000 iterations (fixed).
//
//	{PKCS5S2}kapQNhs9OuhVv+qUj7r6hNRMj7pYTSvw0K4xzzxdRfSagVHI1LOqLsI7ysA1dnhc
//
// (passlib 1.7.4, password "password".)
//
// # aspnet_identity_v2, aspnet_identity_v3
//
// ASP.NET Identity's PasswordHasher, base64 of a version byte and its
// payload: v2 is 0x00, a 16-byte salt and the 32-byte PBKDF2-HMAC-SHA1 subkey
// (1000 iterations, insecure); v3 is 0x01, then PRF (0 HMAC-SHA1, 1
// HMAC-SHA256, 2 HMAC-SHA512), iterations and salt length as big-endian
// uint32, the salt and the subkey (the rest). As ASP.NET, v3 refuses a salt
// or subkey under 16 bytes. Hash writes v3 with HMAC-SHA512 (ASP.NET Core 7's
// choice) at the policy's SHA-512 iterations.
//
//	ANuQywFHdT6GVuXGl4TXfmi5TUoR45Cizppo6FN3IqeGUzHoVXAL51x6GHiAWpavVQ==
//	AQAAAAEAACcQAAAAEFu4dWKdwFM0edzCkR9GmR8p6ICQ4x7B9sishNgunrQ82vocwJ6QBa0uhqGmNYOKrg==
//
// (npm aspnetcore-identity-password-hasher 1.0.1's published vectors,
// password "test123".)
//
// # aspnet_membership_sha1
//
// The SqlMembershipProvider of ASP.NET 2.0 to 4.x with hashed passwords and
// SHA1: its PasswordSalt and Password columns joined as "<salt>$<hash>",
// hash = SHA-1 of the decoded salt and the UTF-16LE password. Insecure. A
// password that is not UTF-8 is no .NET string: it matches nothing.
//
//	4hCFMF1EIECMyp9DUnUX3g==$9ljmPLK8BMNSzZxA7yEMFpHSZas=
//
// # spring_delegating
//
// Spring Security's DelegatingPasswordEncoder, "{id}encoded", with each id
// read as PasswordEncoderFactories maps it: {bcrypt}; {pbkdf2} (Spring 5.5's
// defaults: HMAC-SHA1, 185000 iterations, 8-byte salt, hex of salt‖hash) and
// {pbkdf2@SpringSecurity_v5_8} (HMAC-SHA256, 310000, 16-byte salt); {scrypt}
// and {scrypt@SpringSecurity_v5_8} ("$<hex params>$<salt>$<key>", costs from
// the digest, 32-byte key); {argon2} and {argon2@SpringSecurity_v5_8} (PHC
// strings); {sha256} (StandardPasswordEncoder: 1024 rounds of SHA-256, 8-byte
// salt, no secret); {SHA-256}, {SHA-1}, {MD5}, {MD4} ("{salt}" then hex of
// hash(password + "{salt}")); {ldap} ({SSHA} or {SHA}); {noop} (plain text,
// refused unless Limits[SpringNoop] is 1). An application that mapped an id
// to other settings (a secret, another salt length or iteration count)
// writes digests these do not verify. As Spring Security 7, no empty
// password matches. NeedsRehash is true for every id but {bcrypt}, as
// Spring's upgradeEncoding says, and for {bcrypt} below the policy's cost;
// VerifyAndUpgrade replaces those. Hash writes "{bcrypt}" + bcrypt.
//
//	{bcrypt}$2a$04$A1GNSIajalavnNfKq.81J.9.d5C13TxM7ZBhbkia4snjBz6zm6z1.
//	{pbkdf2}962ecfefe6449075dac5b790a8efb75965739470fa4566fed6af9c81e1104161ac6c0e78f3e87fac
//	{MD5}{rxI6BVQUl3qd01LcONbNH0Tua25CWZbKRAm3u04vDZc=}acbdd8cdc44bad6a8537f3a9ddd82f48
//
// (Spring Security 7.1.1's encoders, password "password".)
// # drupal7
//
// Drupal 7's includes/password.inc: "$S$", a log2 round count character
// (7..30), 8 salt characters and the first 43 characters of the iterated
// SHA-512, 55 characters in all (Drupal 7.105 with PHP 8.2):
//
//	$S$51vMhqWds2ap96IApBCBZQMJsUVAivjFJhcINe43UWqwc3piURBL
//
// "U$S$..." (Drupal 6 md5 digests upgraded by user_update_7000) is the same
// over the hex md5 of the password, and the phpass "$P$", "$H$" and "U$P$"
// forms Drupal 7 reads verify under this name too (Identify names phpass
// first for "$P$"/"$H$"). Drupal hashes at most 512 bytes of password; a
// longer one is ErrPasswordTooLong, except in the "U" forms, which hash its md5.
//
// # scrypt_django, bcrypt_django
//
// Django's ScryptPasswordHasher (4.0+): "scrypt$<N>$<salt>$<r>$<p>$<hash>",
// the salt used as its bytes, a 64-byte key in padded base64 (Django 4.2.21):
//
//	scrypt$16384$J1Cx7kmVFRtRVTWDSVXoou$8$1$1VWhzxeoKvSVvPwABVXbNA6I5RuVPCusHPAaMKc4WwFBLj54Sv8BMrxLPDGACHqsLFOVZRkABe/t1m+ptzM+qQ==
//
// and BCryptPasswordHasher, "bcrypt$" + bcrypt of the raw password (its first
// 72 bytes):
//
//	bcrypt$$2b$12$BxTTe6C5BblDcXkInTvGz.P9a0hs8UgSl5iqV4mJag5B1kBddZJsm
//
// Hash writes scrypt_django digests that stock Django verifies: Django's
// maxmem=0 leaves OpenSSL's 32 MiB cap, so N is halved until the policy's
// costs fit it.
//
// # bcrypt_sha256_passlib, scrypt_passlib
//
// passlib's bcrypt_sha256, bcrypt over base64(HMAC-SHA256(salt, password))
// (v=2) or base64(SHA-256(password)) (v1, "$bcrypt-sha256$2b,12$..."):
//
//	$bcrypt-sha256$v=2,t=2b,r=12$iFMx9t38wN7gnjNzTErD2O$hlOEMu86swd3OloCDlY24PodSeMxc1q
//
// and passlib's scrypt, ln = log2 N, salt and 32-byte hash in unpadded
// standard base64 (passlib 1.7.4):
//
//	$scrypt$ln=14,r=8,p=1$M6W1WS8Y6e70Kt0hhizqlQ$NR7uTMK+S/cQV3Eel7LbvnCwjqIF6vv3gaLJPGDGm2I
//
// Ory Kratos imports the same prefix with ln = N itself and padded base64 of
// any hash length ($scrypt$ln=16384,r=8,p=1$<salt>=$<hash>=, from Kratos' own
// tests); scrypt_passlib reads a digest with padded fields, or with an ln
// above 31, that way.
//
// # yescrypt, scrypt_crypt
//
// libxcrypt's yescrypt, the /etc/shadow default of Debian 11+, Ubuntu 22.04+
// and Fedora 35+ (mkpasswd -m yescrypt, Python's crypt module): "$y$", the
// parameters in yescrypt's variable-length code ("j" YESCRYPT_DEFAULTS, then
// log2 N - 1 and r - 1: "9T" is N=4096, r=32, 16 MiB; optional p and t), a
// salt of 0 to 64 bytes and a 32-byte hash in yescrypt's little-endian base64.
// The flavors libxcrypt computes are verified: YESCRYPT_DEFAULTS (pwxform),
// WORM ("/") and classic scrypt ("."). libxcrypt's "$7$" (mkpasswd -m
// scrypt) is scrypt_crypt: N as one character, r and p as five each, the
// salt used as written. Both run on internal/yescryptcore, written from the
// yescrypt reference code and checked against libxcrypt; their memory is
// limited by YescryptMemory and taken from the budget.
//
//	$y$j9T$Gws5qHlfvUwnYdgLH.g8M/$Q1Vxwc0iMO6Ej0WNq.PbPII7.PFIYurAlHcujobvpv5
//	$7$CU..../....026hazDkys.NHNyeQIWnxW$Et2o7dsaYKhrdSbHyWj5n5SgHBeoceNqC/XfaQKVWN0
//
// # des_crypt
//
// The traditional DES crypt(3) of Version 7 Unix (insecure): 2 salt and 11
// hash characters of crypt's alphabet, as libxcrypt, passlib and
// slappasswd -h {CRYPT} write it, and Django's CryptPasswordHasher form
// "crypt$$" and the same (passlib's django_des_crypt and Django 1.0 also
// wrote the salt into the middle field). As every producer does, only the
// first 8 bytes of the password count and the high bit of each byte is
// dropped; Hash refuses passwords it would truncate. Identify ranks a bare
// 13-character string below any other hasher that claims it.
//
//	Cn1c3KfBVgHXI
//	crypt$$gv8pL7Szzy0t2
//
// # bigcrypt
//
// HP-UX's and Tru64's DES crypt for long passwords (insecure), which
// libxcrypt computes for a setting longer than 13 characters, and so what
// slappasswd -h {CRYPT} writes for a password over 8 bytes: 11 characters
// per 8-byte piece of the password, each piece salted with the first two
// characters of the previous one's (up to 16 pieces).
//
//	suanQd1ydo1ps5Wf239LKOEQ6kzqFrik3KUCixRaSOe9yg
//
// # apr1_md5_crypt
//
// Apache's "$apr1$" (htpasswd -m, passlib's apr_md5_crypt; insecure):
// md5crypt with "$apr1$" in place of "$1$".
//
//	$apr1$sTP4Vp3J$ftp/Tdu9i4upWc4rBK2kW.
//
// # mysql_native
//
// MySQL 4.1+'s mysql_native_password as PASSWORD() returns it (MariaDB, MySQL
// before 8.0; insecure): "*" and the upper-case hex of SHA-1(SHA-1(password)).
//
//	*2470C0C06DEE42FD1618BB99005ADCA2EC9D1E19
//
// # postgres_scram_sha256
//
// PostgreSQL's pg_authid.rolpassword under password_encryption =
// 'scram-sha-256': iterations, salt, StoredKey and ServerKey per RFC 5802 and
// RFC 7677, the password prepared by SASLprep exactly as PostgreSQL's
// pg_saslprep does it (NFKC with its mappings; a password it refuses is used
// as raw bytes, as PostgreSQL does; pure ASCII is unchanged). Its iterations
// are ScramIterations.
//
//	SCRAM-SHA-256$4096:/VYp3ppQnju3466iX1oIXg==$Jh+cXen92b68w+LFVasc0waEVhvqlMifUJfeF8GOQ1o=:miShgYr3DFhC0cjyXZn232zzbah/IGV1FmaAs05xa4Q=
//
// # recipe
//
// A home-grown construction written out with its salt and hash in one line,
// for the PHP and Node apps no fixed name covers:
//
//	md5(md5($salt)+md5($password)) salt=Xy7k hash=8082868aa2ae736d1377cb2ea7f407ad
//
// is MyBB's md5(md5($salt) . md5($password)). The expression reads
// $password, $salt, $pepper, $key, "text" and x"hex" literals, joined with
// "+"; a function named after a hash (md4, md5, sha1, sha224, sha256, sha384,
// sha512, sha512_224, sha512_256, sha3_*, ripemd160) returns lowercase hex
// as PHP's md5() does, its "_raw" form the bytes; hmac_H(key, message),
// pbkdf2_H(password, salt, iterations, bytes), iterate(n, first, step) (the
// step reads $x and must end in a hash), encodings (hex, upper, lower, b64,
// b64raw, b64url, b64urlraw, unhex, unb64) and utf16le/latin1/latin1low re-encode the
// text. One example per construction:
//
//	sha1($salt+$password) salt=ab12cd34 hash=<40 hex>               salted hash
//	iterate(999,sha256_raw($password),sha256_raw($x)) hash.hex=...   sha256 1000 times
//	hmac_sha256($key,$password) key=app-secret hash=<64 hex>         HMAC with an app key
//	pbkdf2_sha256_raw($password,$salt,10000,32) salt.b64=... hash.b64=...
//	bcrypt(sha256($password)) hash=$2b$10$...                        a registered hasher last
//
// Fields salt, pepper, key and hash take their bytes as written, or encoded
// with ".hex", ".b64", ".b64raw", ".b64url", ".b64urlraw". The work, counted
// in hash compressions for a 256-byte password (the longest a recipe takes),
// is limited by RecipeWork before any hashing; a hash field shorter than the
// recipe's output is refused as truncated. Recipes are insecure: upgrade them.
//
// # auth0_custom_password_hash, okta_password_hash, firebase_import
//
// The identity providers' import objects, as JSON, each exactly as the
// provider's import API takes it; every construction but Firebase's
// STANDARD_SCRYPT is translated into a recipe (above), whose work limit
// applies, ending where it must in a registered hasher's digest (bcrypt,
// argon2i/id, scrypt_passlib, scrypt_firebase), whose own limits apply.
// Objects are decoded strictly: at most 8192 bytes, one object from "{" to
// "}" and nothing around it (JSON's whitespace between its tokens is
// allowed, as a pretty-printer writes it), field names matched exactly, no unknown,
// repeated or null field, no field the algorithm does not use; an unknown
// algorithm or field is an error naming it. All three are insecure: import
// objects are a migration format and, as Auth0 itself does after a sign-in,
// VerifyAndUpgrade replaces them with a native digest (most of what they
// carry, md4/md5/sha*/HMAC/LDAP and Firebase's hash rounds, is weak anyway).
//
// auth0_custom_password_hash is the custom_password_hash of an Auth0 bulk
// import file (auth0.com/docs/manage-users/user-migration/
// bulk-user-import-database-schema-and-examples):
//
//	{"algorithm":"sha256","hash":{"value":"7054f76f832d2d4e244f73b3f3f4c3702cb60a573ed12441c90f159df560fcb5","encoding":"hex"},"salt":{"value":"keyboardcat","position":"prefix"}}
//
// (password "hello"). Documented by Auth0: the algorithms (argon2, bcrypt,
// hmac, ldap, md4, md5, sha1, sha256, sha512, pbkdf2, scrypt), hash.value,
// hash.encoding (base64, hex, utf8), hash.digest and hash.key {value,
// encoding} for hmac, salt {value, encoding, position prefix/suffix},
// password.encoding (ascii, utf8, utf16le, ucs2, latin1, binary); argon2,
// bcrypt, ldap and pbkdf2 take a whole digest string in hash.value, with
// hash.encoding utf8 and no salt, argon2 and pbkdf2 in the PHC string
// format. Inferred: the hash algorithms hash salt‖password or
// password‖salt as salt.position says, hmac is HMAC(key, that); their
// hash.encoding must be hex or base64 (padded standard base64, as Node's
// toString("base64") writes it); a salt's or key's encoding defaults to
// utf8; the password encodings are Node's Buffer encodings (the names are
// exactly Node's), so latin1, binary and ascii keep the low byte of each
// UTF-16 unit, as Node does, rather than failing; pbkdf2 is
// "$pbkdf2-<digest>$i=<iterations>,l=<key bytes>$<salt>$<hash>" in unpadded
// base64, for md4, md5, ripemd160, sha1, sha224, sha256, sha384, sha512;
// argon2 is argon2id or argon2i (Auth0 verifies with libsodium through
// auth0/magic, which has no argon2d); ldap is RFC 2307 "{SCHEME}base64" for
// MD5, SMD5, SHA, SSHA and the SHA-2 schemes of OpenLDAP's pw-sha2; scrypt,
// documented by name only, is the PHC string "$scrypt$ln=,r=,p=$salt$hash"
// as passlib writes it. hmac with hash.digest whirlpool is refused: no
// well-kept Go module implements Whirlpool.
//
// okta_password_hash is the credentials.password.hash object of Okta's Users
// API (Create User with Imported Hashed Password):
//
//	{"algorithm":"SHA-512","saltOrder":"POSTFIX","salt":"JipHQUgqQU8qQUwpQUYjUChBSEcjQQ==","value":"Zz6KwLGDm7ospSipwpDmxAjBWHKPLgGh1roGzI267h6txr/ihTI/R4K2eYrpyc0R24qCSF6DRqNl110vZZtj4A=="}
//
// (password "s3cr3tp@ssw0rd", Okta's support article's example).
// Documented by Okta: BCRYPT (workFactor, the bcrypt salt's 22 characters
// and the hash's 31), SHA-512, SHA-256, SHA-1 and MD5 (the base64 digest of
// the password with the base64 salt prefixed or postfixed as saltOrder
// PREFIX/POSTFIX says, or alone), PBKDF2 (digestAlgorithm
// SHA256_HMAC/SHA512_HMAC, iterationCount at least 4096, keySize in bytes).
// Decided: Okta takes workFactor 1 to 20, but no bcrypt implementation
// computes a cost below 4, so 1 to 3 are refused with ErrParamsOutOfRange
// (such an object cannot hold a real bcrypt hash), as are 21 and above,
// which Okta refuses; BcryptCost's limit applies too. The bcrypt digest is
// rebuilt as "$2b$": the object does not say which minor version, and for
// passwords under 255 bytes they all agree.
//
// firebase_import is Firebase Auth's import hash options (firebase-admin's
// UserImportOptions as sent to the Identity Toolkit's accounts:batchCreate)
// merged with one user's passwordHash and salt, under the API's field names
// (hashAlgorithm, signerKey, saltSeparator, rounds, memoryCost, cpuMemCost,
// dkLen, blockSize, parallelization, passwordHashOrder, argon2Parameters,
// passwordHash, salt), bytes in padded base64 (standard, or the web-safe form
// firebase-admin sends):
//
//	{"hashAlgorithm":"HMAC_SHA256","signerKey":"c2VjcmV0","passwordHash":"...","salt":"TmFDbA=="}
//
// Pinned by firebase-admin-node's integration test (test/integration/
// auth.spec.ts, which imports into a live project and signs in): HMAC_SHA256
// without an order is HMAC(key, password‖salt); SHA256 with rounds 1 is
// sha256(salt‖password); MD5 with rounds 0 stores the hex text of
// md5(salt‖password); PBKDF2_SHA256 is PBKDF2(password, salt, rounds) with a
// 64-byte key; STANDARD_SCRYPT is scrypt(password, salt, N = cpuMemCost, r =
// blockSize, p = parallelization, dkLen); BCRYPT's passwordHash is the
// bcrypt string itself; SCRYPT is Firebase's scrypt (scrypt_firebase). A
// published SHA1 import that signed in (blog.salrashid.dev, 2020) pins
// PASSWORD_AND_SALT as sha1(password‖salt). From the SDKs' validation
// (src/auth/user-import-builder.ts) and Firebase's statement in
// firebase-tools#1701: rounds 0..8192 for MD5, 1..8192 for
// SHA1/SHA256/SHA512, 0..120000 for PBKDF_SHA1/PBKDF2_SHA256, SCRYPT rounds
// 1..8 and memoryCost 1..14; HMAC needs a signer key. From users' reports:
// rounds n hash n times in all, each round after the first over the raw
// bytes of the previous digest, not its hex (authlogic#697: its SHA512
// stretches imported and signed in once changed so); PBKDF2 with rounds 0
// fails on Firebase's side (firebase-admin-node#1222), so it is refused.
// Inferred: passwordHashOrder works alike for the other hash and HMAC
// algorithms (UNSPECIFIED_ORDER keeps the default); PBKDF2's key is as long as the passwordHash; ARGON2's
// argon2Parameters (hashType ARGON2_D/ARGON2_I/ARGON2_ID, iterations,
// memoryCostKib, parallelism, hashLengthBytes, version VERSION_10/VERSION_13,
// default 13) are those of the argon2 hashers; associatedData is refused.
package pwdigest
