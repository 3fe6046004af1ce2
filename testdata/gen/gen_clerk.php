<?php
// PHP producers for Clerk's newer hasher names (issue 12): Symfony's
// MessageDigestPasswordHasher (Debian php-symfony-password-hasher), WordPress's
// class-phpass.php (Debian wordpress), and PHP's own hash(), hash_hmac() and
// hash_pbkdf2() for the salted, HMAC and PBKDF2 forms that no product owns.
// Writes JSON lines (with a "file" key) to stdout, like gen_php.php. Salts
// come from a seeded mt_rand, except WordPress's HashPassword(), which draws
// its own from /dev/urandom (those lines change on every run).

declare(strict_types=1);

require '/usr/share/php/Symfony/Component/PasswordHasher/autoload.php';
require '/usr/share/wordpress/wp-includes/class-phpass.php';

use Symfony\Component\PasswordHasher\Hasher\MessageDigestPasswordHasher;

$PW = json_decode(file_get_contents(__DIR__ . '/passwords.json'), true);
$counts = [];

function deb(string $pkg): string {
    $v = trim((string) shell_exec('dpkg-query -W -f=\'${Version}\' ' . escapeshellarg($pkg) . ' 2>/dev/null'));
    return $v === '' ? 'unknown' : $v;
}

$PHP = sprintf('PHP %s (Debian php%d.%d-cli %s)', PHP_VERSION, PHP_MAJOR_VERSION,
               PHP_MINOR_VERSION, deb(sprintf('php%d.%d-cli', PHP_MAJOR_VERSION, PHP_MINOR_VERSION)));
$SYMFONY = 'Symfony PasswordHasher (Debian php-symfony-password-hasher ' . deb('php-symfony-password-hasher') . ')';
$WP = 'WordPress wp-includes/class-phpass.php (Debian wordpress ' . deb('wordpress') . ')';

function emit(string $file, string $digest, string $pw, string $source, ?string $note = null): void {
    global $counts;
    $rec = ['file' => $file, 'digest' => $digest, 'password' => $pw, 'source' => $source];
    if ($note !== null) {
        $rec['note'] = $note;
    }
    echo json_encode($rec, JSON_UNESCAPED_SLASHES | JSON_THROW_ON_ERROR), "\n";
    $counts[$file] = ($counts[$file] ?? 0) + 1;
}

function check(bool $ok, string $what): void {
    if (!$ok) {
        fwrite(STDERR, "gen_clerk: producer did not verify its own output: $what\n");
        exit(1);
    }
}

const ALNUM = 'abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789';
const CRYPT64 = './0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz';

function rand_str(int $n, string $alphabet): string {
    $s = '';
    for ($i = 0; $i < $n; $i++) {
        $s .= $alphabet[mt_rand(0, strlen($alphabet) - 1)];
    }
    return $s;
}

function rand_bytes(int $n): string {
    $s = '';
    for ($i = 0; $i < $n; $i++) {
        $s .= chr(mt_rand(0, 255));
    }
    return $s;
}

// ---------------------------------------------------------------- sha512_symfony
// MessageDigestPasswordHasher('sha512', true, N)->hash($password, $salt):
// sha512 of password{salt} (just the password for a falsy salt, "" or "0"),
// then N-1 times sha512(digest . salted), base64.
mt_srand(1201);
$plan = [
    [5000, 'ascii', 'fosuser'], [1, 'latin', 'fosuser'], [2, 'cjk', 'fosuser'], [5000, 'emoji', 'fosuser'],
    [1000, 'dollar', 'fosuser'], [5000, 'ascii', ''], [10, 'spaces', ''], [5000, 'ascii', '0'],
    [3, 'long100', '0'], [5000, 'quotes', 'salt$with$dollars'], [7, 'empty', 'fosuser'],
    [5000, 'tabs', 'sälz 盐'], [1, 'one', '00'], [5000, 'padded', ' '],
];
foreach ($plan as [$it, $key, $salt]) {
    $pw = $PW[$key];
    if ($salt === 'fosuser') {
        // FOSUserBundle's salt: base_convert(sha1(uniqid(mt_rand(), true)), 16, 36), 31 alphanumerics.
        $salt = rand_str(31, '0123456789abcdefghijklmnopqrstuvwxyz');
    }
    $h = new MessageDigestPasswordHasher('sha512', true, $it);
    $enc = $h->hash($pw, $salt);
    check($h->verify($enc, $pw, $salt) && !$h->verify($enc, $pw . '!', $salt), "symfony $it $salt");
    $note = match ($salt) {
        '' => 'empty salt: the password alone is hashed',
        '0' => 'salt "0" is false in PHP: the password alone is hashed',
        default => null,
    };
    emit('sha512_symfony', "sha512_symfony\$$it\$$salt\$$enc", $pw,
         "$SYMFONY MessageDigestPasswordHasher('sha512', true, $it)->hash(), $PHP", $note);
}

// ---------------------------------------------------------------- md5_phpass
// WordPress's PasswordHash(N, true): portable "$P$" hashes, 2^(N+5) rounds.
foreach ([[8, 'ascii'], [8, 'latin'], [8, 'cjk'], [8, 'emoji'], [8, 'long100'], [8, 'empty'],
          [4, 'dollar'], [5, 'spaces'], [6, 'quotes'], [8, 'tabs'], [10, 'padded']] as [$n, $key]) {
    $pw = $PW[$key];
    $hasher = new PasswordHash($n, true);
    $h = $hasher->HashPassword($pw);
    check(strlen($h) === 34 && $hasher->CheckPassword($pw, $h) && !$hasher->CheckPassword($pw . '!', $h), $h);
    emit('md5_phpass', $h, $pw, "$WP PasswordHash($n, true)->HashPassword(), $PHP");
}
// "$H$" (phpBB3's identifier): WordPress's crypt_private() computes and
// CheckPassword() accepts it.
mt_srand(1202);
foreach ([[11, 'ascii'], [7, 'latin'], [13, 'emoji']] as [$log2, $key]) {
    $pw = $PW[$key];
    $hasher = new PasswordHash(8, true);
    $h = $hasher->crypt_private($pw, '$H$' . CRYPT64[$log2] . rand_str(8, CRYPT64));
    check(strlen($h) === 34 && $hasher->CheckPassword($pw, $h), $h);
    emit('md5_phpass', $h, $pw, "$WP PasswordHash::crypt_private() with a \"\$H\$\" setting, checked by CheckPassword(), $PHP",
         "phpBB3's \$H\$ identifier, 2^$log2 rounds");
}

// ---------------------------------------------------------------- md5_salted, sha256_salted
// hash(algo, salt . password) and hash(algo, password . salt), written as
// salt$hash, and hash$salt (Clerk's older sha256_salted docs).
mt_srand(1203);
foreach ([['md5', 'md5_salted'], ['sha256', 'sha256_salted']] as [$algo, $file]) {
    $plan = [
        ['ascii', 'before', 'salt$hash'], ['latin', 'after', 'salt$hash'], ['cjk', 'before', 'salt$hash'],
        ['emoji', 'after', 'salt$hash'], ['long100', 'before', 'salt$hash'], ['empty', 'before', 'salt$hash'],
        ['ascii', 'after', 'hash$salt'], ['spaces', 'before', 'hash$salt'], ['dollar', 'before', 'salt$hash'],
        ['quotes', 'after', 'salt$hash'], ['tabs', 'before', 'hash$salt'],
    ];
    foreach ($plan as $i => [$key, $order, $shape]) {
        $pw = $PW[$key];
        $salt = rand_str(8 + $i, ALNUM);
        $notes = [];
        if ($i === 3) {
            $salt = 'sa$lt$' . $salt; // a salt with "$": split at the hash's side
            $notes[] = 'salt contains $';
        }
        if ($i === 5) {
            $salt = '';
            $notes[] = 'empty salt';
        }
        if ($i === 10) {
            $salt = bin2hex(rand_bytes($algo === 'md5' ? 16 : 32)); // both fields look like the hash
            $notes[] = 'the salt is hex of the hash\'s length too: both splits are tried';
        }
        $hex = hash($algo, $order === 'before' ? $salt . $pw : $pw . $salt);
        if ($i === 7) {
            $hex = strtoupper($hex);
            $notes[] = 'upper-case hex';
        }
        $digest = $shape === 'salt$hash' ? "$salt\$$hex" : "$hex\$$salt";
        $fn = $order === 'before' ? "hash('$algo', \$salt . \$password)" : "hash('$algo', \$password . \$salt)";
        array_unshift($notes, "$shape, salt $order the password");
        emit($file, $digest, $pw, "$PHP $fn", implode('; ', $notes));
    }
}

// ---------------------------------------------------------------- pbkdf2_sha512_hex
// Keycloak's pbkdf2-sha512 credential: random salt bytes, written as hex.
mt_srand(1204);
foreach ([[1000, 'ascii', 64, 16], [2000, 'latin', 64, 16], [1000, 'cjk', 32, 16], [27500, 'emoji', 64, 16],
          [1000, 'long100', 64, 32], [1, 'empty', 64, 16], [1000, 'dollar', 16, 8], [3000, 'spaces', 100, 16],
          [1000, 'tabs', 64, 1], [1000, 'quotes', 64, 16]] as $i => [$it, $key, $klen, $slen]) {
    $pw = $PW[$key];
    $salt = rand_bytes($slen);
    $dk = hash_pbkdf2('sha512', $pw, $salt, $it, $klen, true);
    $hsalt = bin2hex($salt);
    $hkey = bin2hex($dk);
    $note = "$slen-byte salt, $klen-byte key";
    if ($i === 9) {
        [$hsalt, $hkey] = [strtoupper($hsalt), strtoupper($hkey)];
        $note .= ', upper-case hex';
    }
    emit('pbkdf2_sha512_hex', "pbkdf2_sha512_hex\$$it\$$hsalt\$$hkey", $pw,
         "$PHP hash_pbkdf2('sha512', raw output), salt and key written as hex", $note);
}

// ---------------------------------------------------------------- pbkdf2_sha1 (Clerk's newer forms)
mt_srand(1205);
// pbkdf2_sha1$<iter>$<salt>$<40 hex>: a hex salt used hex-decoded ...
foreach ([[1000, 'ascii', 16, 20], [2000, 'latin', 16, 20], [1000, 'cjk', 8, 20], [1000, 'emoji', 32, 20]] as [$it, $key, $slen, $klen]) {
    $pw = $PW[$key];
    $salt = rand_bytes($slen);
    $hex = hash_pbkdf2('sha1', $pw, $salt, $it, $klen, true);
    emit('pbkdf2_sha1_forms', sprintf('pbkdf2_sha1$%d$%s$%s', $it, bin2hex($salt), bin2hex($hex)), $pw,
         "$PHP hash_pbkdf2('sha1', raw output), salt hex-decoded", "hex salt used decoded ($slen bytes); $klen-byte key");
}
// ... or as its text (a hex-looking salt used raw), and non-hex salts, raw.
foreach ([[1000, 'long100', 'deadbeefcafebabe', 20], [1000, 'spaces', '0123456789ABCDEF0123', 20],
          [1000, 'dollar', rand_str(12, ALNUM), 20], [1500, 'quotes', 'abc', 20]] as [$it, $key, $salt, $klen]) {
    $pw = $PW[$key];
    $hex = hash_pbkdf2('sha1', $pw, $salt, $it, 2 * $klen);
    emit('pbkdf2_sha1_forms', sprintf('pbkdf2_sha1$%d$%s$%s', $it, $salt, $hex), $pw,
         "$PHP hash_pbkdf2('sha1', hex output), salt used as its text", "salt used as its characters; $klen-byte key");
}
// pbkdf2_sha1$<iter>$<hex salt>$<hex>$<key length>.
foreach ([[1000, 'ascii', 16, 20], [1000, 'latin', 16, 32], [2000, 'emoji', 32, 64], [1, 'empty', 16, 20],
          [1000, 'tabs', 8, 16], [1000, 'cjk', 16, 48]] as [$it, $key, $slen, $klen]) {
    $pw = $PW[$key];
    $salt = rand_bytes($slen);
    $dk = hash_pbkdf2('sha1', $pw, $salt, $it, $klen, true);
    emit('pbkdf2_sha1_forms', sprintf('pbkdf2_sha1$%d$%s$%s$%d', $it, bin2hex($salt), bin2hex($dk), $klen), $pw,
         "$PHP hash_pbkdf2('sha1', raw output), salt hex-decoded, key length written", "$slen-byte salt, $klen-byte key");
}

// ---------------------------------------------------------------- hmac_sha256_utf16_b64
// HMAC-SHA256 over the UTF-16LE bytes of the password (iconv), base64; the
// key used as its own bytes, or base64-decoded. ASP.NET Membership's keyed
// path is made by gen_membership.cs under Mono.
mt_srand(1206);
foreach ([['ascii', 'text'], ['latin', 'text'], ['cjk', 'b64'], ['emoji', 'b64'], ['long100', 'b64'],
          ['empty', 'text'], ['dollar', 'text'], ['spaces', 'b64'], ['quotes', 'b64'], ['tabs', 'text']] as $i => [$key, $how]) {
    $pw = $PW[$key];
    $utf16 = iconv('UTF-8', 'UTF-16LE', $pw);
    if ($how === 'text') {
        $k = ['my-hmac-key', 'sëcret £', 'k$e$y', 'x', 'a much longer application secret that is more than sixty-four bytes long, hashed by HMAC'][$i % 5];
        $mac = base64_encode(hash_hmac('sha256', $utf16, $k, true));
        emit('hmac_sha256_utf16_b64', "hmac_sha256_utf16_b64\$$mac\$$k", $pw,
             "$PHP base64_encode(hash_hmac('sha256', iconv('UTF-8', 'UTF-16LE', \$password), \$key, true))",
             'reading: key bytes');
    } else {
        $raw = rand_bytes([16, 32, 64, 20, 100][$i % 5]);
        $k = base64_encode($raw);
        $mac = base64_encode(hash_hmac('sha256', $utf16, $raw, true));
        emit('hmac_sha256_utf16_b64', "hmac_sha256_utf16_b64\$$mac\$$k", $pw,
             "$PHP base64_encode(hash_hmac('sha256', iconv('UTF-8', 'UTF-16LE', \$password), base64_decode(\$key), true))",
             sprintf('reading: base64-decoded key (%d bytes)', strlen($raw)));
    }
}

foreach ($counts as $f => $n) {
    fprintf(STDERR, "gen_clerk: %-24s %3d\n", $f, $n);
}
