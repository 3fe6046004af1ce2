<?php
// PHP producers: password_hash(), crypt(), md5(), hash(), hash_pbkdf2(),
// hash_hmac(). Writes JSON lines (with a "file" key) to stdout, like
// gen_python.py. crypt() salts come from a seeded mt_rand, so those lines
// are stable; password_hash() picks its own random salt on every run.

declare(strict_types=1);

$PW = json_decode(file_get_contents(__DIR__ . '/passwords.json'), true);
$COMMON = ['ascii', 'one', 'latin', 'cjk', 'spaces', 'dollar', 'quotes',
           'emoji', 'long100', 'padded', 'tabs'];
$counts = [];
$only = array_slice($argv, 1);

function want(string $name): bool {
    global $only;
    return !$only || in_array($name, $only, true);
}

function deb(string $pkg): string {
    $v = trim((string) shell_exec('dpkg-query -W -f=\'${Version}\' ' . escapeshellarg($pkg) . ' 2>/dev/null'));
    return $v === '' ? 'unknown' : $v;
}

$PHP = sprintf('PHP %s (Debian php%d.%d-cli %s)', PHP_VERSION, PHP_MAJOR_VERSION,
               PHP_MINOR_VERSION, deb(sprintf('php%d.%d-cli', PHP_MAJOR_VERSION, PHP_MINOR_VERSION)));

function emit(string $file, string $digest, ?string $pw, string $source, ?string $note = null, ?string $hex = null): void {
    global $counts;
    $rec = ['file' => $file, 'digest' => $digest];
    if ($hex !== null) {
        $rec['password_hex'] = $hex;
    } else {
        $rec['password'] = $pw;
    }
    $rec['source'] = $source;
    if ($note !== null) {
        $rec['note'] = $note;
    }
    echo json_encode($rec, JSON_UNESCAPED_SLASHES | JSON_THROW_ON_ERROR), "\n";
    $counts[$file] = ($counts[$file] ?? 0) + 1;
}

function check(bool $ok, string $what): void {
    if (!$ok) {
        fwrite(STDERR, "gen_php: producer did not verify its own output: $what\n");
        exit(1);
    }
}

function rand_str(int $n, string $alphabet): string {
    $s = '';
    for ($i = 0; $i < $n; $i++) {
        $s .= $alphabet[mt_rand(0, strlen($alphabet) - 1)];
    }
    return $s;
}

const BCRYPT64 = './ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';
const ALNUM = 'abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789';
const CRYPT64 = './0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz';

function rand_bytes(int $n): string {
    $s = '';
    for ($i = 0; $i < $n; $i++) {
        $s .= chr(mt_rand(0, 255));
    }
    return $s;
}

function bcrypt_salt(): string {
    return rand_str(21, BCRYPT64) . '.Oeu'[mt_rand(0, 3)];
}

// ---------------------------------------------------------------- bcrypt
if (want('bcrypt')) {
    mt_srand(1001);
    $trunc = 'producer hashes only the first 72 bytes';
    $plan = [[4, 'ascii'], [5, 'latin'], [6, 'cjk'], [4, 'spaces'], [5, 'dollar'],
             [4, 'emoji'], [4, 'long100'], [5, 'e80'], [4, 'empty'], [10, 'quotes']];
    foreach ($plan as [$cost, $key]) {
        $pw = $PW[$key];
        $h = password_hash($pw, PASSWORD_BCRYPT, ['cost' => $cost]);
        check(password_verify($pw, $h), $h);
        emit('bcrypt', $h, $pw, "$PHP password_hash(PASSWORD_BCRYPT, cost $cost)",
             strlen($pw) > 72 ? $trunc : null);
    }
    $plan = [['2a', 4, 'one'], ['2a', 5, 'padded'], ['2b', 4, 'tabs'], ['2b', 6, 'latin'],
             ['2y', 4, 'quotes'], ['2y', 5, 'split72'], ['2a', 4, 'e80'], ['2b', 5, 'emoji']];
    foreach ($plan as [$ident, $cost, $key]) {
        $pw = $PW[$key];
        $setting = sprintf('$%s$%02d$%s', $ident, $cost, bcrypt_salt());
        $h = crypt($pw, $setting);
        check(strlen($h) === 60 && hash_equals($h, crypt($pw, $h)), $h);
        emit('bcrypt', $h, $pw, "$PHP crypt() (crypt_blowfish)",
             strlen($pw) > 72 ? $trunc : null);
    }
}

// ---------------------------------------------------------------- md5, sha256
if (want('plain')) {
    foreach (['ascii', 'latin', 'cjk', 'emoji', 'long100', 'empty'] as $key) {
        $pw = $PW[$key];
        emit('md5', md5($pw), $pw, "$PHP md5()");
        emit('sha256', hash('sha256', $pw), $pw, "$PHP hash('sha256')");
    }
    foreach (['spaces', 'dollar'] as $key) {
        $pw = $PW[$key];
        emit('md5', strtoupper(md5($pw)), $pw, "$PHP strtoupper(md5())", 'upper-case hex');
        emit('sha256', strtoupper(hash('sha256', $pw)), $pw, "$PHP strtoupper(hash('sha256'))", 'upper-case hex');
    }
}

// ---------------------------------------------------------------- pbkdf2
if (want('pbkdf2')) {
    mt_srand(1002);
    foreach ([[1000, 'ascii', 64], [2000, 'latin', 64], [1000, 'emoji', 32], [27500, 'cjk', 64]] as [$it, $key, $klen]) {
        $pw = $PW[$key];
        $salt = rand_bytes(16);
        $dk = hash_pbkdf2('sha256', $pw, $salt, $it, $klen, true);
        emit('pbkdf2_sha256', sprintf('pbkdf2_sha256$%d$%s$%s', $it, base64_encode($salt), base64_encode($dk)),
             $pw, "$PHP hash_pbkdf2('sha256', raw output), Keycloak layout", "16-byte salt, $klen-byte hash");
    }
    foreach ([[1000, 'ascii', 64], [5000, 'cjk', 64], [1000, 'dollar', 32], [1000, 'long100', 64]] as [$it, $key, $klen]) {
        $pw = $PW[$key];
        $salt = rand_str(16, ALNUM);
        $hex = hash_pbkdf2('sha512', $pw, $salt, $it, $klen * 2);
        emit('pbkdf2_sha512', sprintf('pbkdf2_sha512$%d$%s$%s', $it, $salt, $hex),
             $pw, "$PHP hash_pbkdf2('sha512', hex output)", "salt used as its raw characters; $klen-byte key");
    }
    foreach ([[1000, 'ascii'], [1000, 'latin'], [3000, 'spaces']] as [$it, $key]) {
        $pw = $PW[$key];
        $salt = rand_str(12, ALNUM);
        $hex = hash_pbkdf2('sha1', $pw, $salt, $it, 40);
        emit('pbkdf2_sha1', sprintf('pbkdf2_sha1$%d$%s$%s', $it, $salt, $hex),
             $pw, "$PHP hash_pbkdf2('sha1', hex output)", 'hex hash');
    }
}

// ---------------------------------------------------------------- argon2
if (want('argon2')) {
    $plan = [
        // algo, memory KiB, time, threads, password
        [PASSWORD_ARGON2I, 'argon2i', 64, 1, 1, 'ascii'],
        [PASSWORD_ARGON2I, 'argon2i', 256, 2, 2, 'latin'],
        [PASSWORD_ARGON2I, 'argon2i', 1024, 3, 1, 'cjk'],
        [PASSWORD_ARGON2I, 'argon2i', 128, 1, 4, 'emoji'],
        [PASSWORD_ARGON2I, 'argon2i', 65536, 4, 1, 'spaces'],
        [PASSWORD_ARGON2ID, 'argon2id', 64, 1, 1, 'ascii'],
        [PASSWORD_ARGON2ID, 'argon2id', 256, 2, 2, 'latin'],
        [PASSWORD_ARGON2ID, 'argon2id', 1024, 3, 1, 'cjk'],
        [PASSWORD_ARGON2ID, 'argon2id', 128, 1, 4, 'emoji'],
        [PASSWORD_ARGON2ID, 'argon2id', 65536, 4, 1, 'dollar'],
    ];
    foreach ($plan as [$algo, $file, $m, $t, $p, $key]) {
        $pw = $PW[$key];
        $h = password_hash($pw, $algo, ['memory_cost' => $m, 'time_cost' => $t, 'threads' => $p]);
        check(password_verify($pw, $h), $h);
        emit($file, $h, $pw, "$PHP password_hash(PASSWORD_" . strtoupper($file) . ', provider ' . PASSWORD_ARGON2_PROVIDER . ')');
    }
    // The default cost (64 MiB, t=4, p=1) once per variety.
    foreach ([[PASSWORD_ARGON2I, 'argon2i', 'tabs'], [PASSWORD_ARGON2ID, 'argon2id', 'quotes']] as [$algo, $file, $key]) {
        $pw = $PW[$key];
        $h = password_hash($pw, $algo);
        check(password_verify($pw, $h), $h);
        emit($file, $h, $pw, "$PHP password_hash(PASSWORD_" . strtoupper($file) . ') default options', 'PHP default cost');
    }
}

// ---------------------------------------------------------------- $2x$
if (want('bcrypt_legacy')) {
    mt_srand(1003);
    // crypt_blowfish emulates its old sign-extension bug for $2x$: bytes
    // >= 0x80 after the first byte of a 4-byte key word change the result.
    foreach ([[5, 'latin'], [4, 'cjk'], [4, 'emoji'], [5, 'e80'], [4, 'ascii'], [4, 'long100'],
              [4, 'spaces'], [6, 'split72']] as [$cost, $key]) {
        $pw = $PW[$key];
        $h = crypt($pw, sprintf('$2x$%02d$%s', $cost, bcrypt_salt()));
        check(strlen($h) === 60 && hash_equals($h, crypt($pw, $h)), $h);
        $y = crypt($pw, '$2y$' . substr($h, 4, 25));
        $same = hash_equals(substr($h, 4), substr($y, 4));
        $note = '$2x$: crypt_blowfish sign-extension bug emulation; ' .
            ($same ? 'same checksum as $2y$ for this password' : 'checksum differs from $2y$ for this password');
        if (strlen($pw) > 72) {
            $note .= '; only the first 72 bytes count';
        }
        emit('bcrypt_legacy', $h, $pw, "$PHP crypt() (crypt_blowfish)", $note);
    }
    foreach (['£', 'ÿ', 'ё'] as $pw) {
        $h = crypt($pw, sprintf('$2x$05$%s', bcrypt_salt()));
        check(strlen($h) === 60 && hash_equals($h, crypt($pw, $h)), $h);
        emit('bcrypt_legacy', $h, $pw, "$PHP crypt() (crypt_blowfish)",
             '$2x$: crypt_blowfish sign-extension bug emulation; 2-byte UTF-8 password');
    }
}

// ---------------------------------------------------------------- wordpress
// WordPress 6.8 wp_hash_password(): '$wp' . password_hash(base64_encode(
// hash_hmac('sha384', trim($password), 'wp-sha384', true)), PASSWORD_BCRYPT).
// wp_check_password() hashes the password as given (no trim).
function wp_hash_password(string $password, int $cost): string {
    $pre = base64_encode(hash_hmac('sha384', trim($password), 'wp-sha384', true));
    return '$wp' . password_hash($pre, PASSWORD_BCRYPT, ['cost' => $cost]);
}
function wp_check_password(string $password, string $hash): bool {
    return str_starts_with($hash, '$wp') && password_verify(
        base64_encode(hash_hmac('sha384', $password, 'wp-sha384', true)), substr($hash, 3));
}
if (want('bcrypt_sha384_wordpress')) {
    $src = "$PHP hash_hmac('sha384') + password_hash(PASSWORD_BCRYPT), WordPress 6.8 wp_hash_password() recipe (src/wp-includes/pluggable.php)";
    foreach ([[4, 'ascii'], [4, 'one'], [5, 'latin'], [4, 'cjk'], [4, 'spaces'], [4, 'dollar'],
              [5, 'quotes'], [4, 'emoji'], [4, 'long100'], [4, 'tabs'], [4, 'e80'], [4, 'empty'],
              [10, 'ascii']] as [$cost, $key]) {
        $pw = $PW[$key];
        $h = wp_hash_password($pw, $cost);
        check(wp_check_password($pw, $h), $h);
        $note = $cost === 10 ? 'cost 10 (PHP 8.2 default, what WordPress 6.8 writes)' : "cost $cost";
        if (strlen($pw) > 72) {
            $note .= '; longer than 72 bytes: the HMAC pre-hash keeps all of it';
        }
        emit('bcrypt_sha384_wordpress', $h, $pw, $src, $note);
    }
    // wp_hash_password() trims; the stored hash matches the trimmed password.
    $pw = $PW['padded'];
    $h = wp_hash_password($pw, 4);
    check(wp_check_password(trim($pw), $h) && !wp_check_password($pw, $h), $h);
    emit('bcrypt_sha384_wordpress', $h, trim($pw), $src,
         'made from ' . json_encode($pw) . ': wp_hash_password() trims, so only the trimmed password matches');
}

// ---------------------------------------------------------------- crypt(3)
if (want('crypt')) {
    mt_srand(1004);
    foreach ([['6', 'sha512_crypt'], ['5', 'sha256_crypt']] as [$id, $file]) {
        foreach ([[null, 'ascii'], [null, 'cjk'], [1000, 'latin'], [5000, 'emoji'], [3000, 'spaces'],
                  [1000, 'empty']] as [$rounds, $key]) {
            $pw = $PW[$key];
            $setting = '$' . $id . '$' . ($rounds === null ? '' : "rounds=$rounds\$") . rand_str(16, CRYPT64);
            $h = crypt($pw, $setting);
            check($h[0] === '$' && hash_equals($h, crypt($pw, $h)), $h);
            emit($file, $h, $pw, "$PHP crypt()",
                 $rounds === null ? 'default 5000 rounds, implicit' : "rounds=$rounds");
        }
    }
    foreach (['ascii', 'latin', 'emoji', 'long100', 'empty'] as $key) {
        $pw = $PW[$key];
        $h = crypt($pw, '$1$' . rand_str(8, CRYPT64) . '$');
        check(hash_equals($h, crypt($pw, $h)), $h);
        emit('md5_crypt', $h, $pw, "$PHP crypt()");
    }
}

foreach ($counts as $f => $n) {
    fprintf(STDERR, "gen_php: %-24s %3d\n", $f, $n);
}
