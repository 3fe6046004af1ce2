<?php
// Producer-side checks for roundtrip.py: reads JSON lines
// {id, kind, digest, pw_hex, ...} from stdin and writes {id, ok[, err]}
// lines. PHP's own functions decide; nothing here hashes by hand.
declare(strict_types=1);

require '/usr/share/php/Symfony/Component/PasswordHasher/autoload.php';
require '/usr/share/wordpress/wp-includes/class-phpass.php';

function check(array $t, string $pw): bool {
    $d = $t['digest'];
    switch ($t['kind']) {
    case 'password_verify': // bcrypt, argon2i/id, and crypt(3) digests
        return password_verify($pw, $d);
    case 'crypt':
        return hash_equals($d, crypt($pw, $d));
    case 'hash': // md5(), hash('sha256')
        return hash_equals($d, hash($t['algo'], $pw));
    case 'pbkdf2':
        $want = hex2bin($t['want_hex']);
        $got = hash_pbkdf2($t['algo'], $pw, hex2bin($t['salt_hex']), $t['iter'], strlen($want), true);
        return hash_equals($want, $got);
    case 'symfony': // sha512_symfony$<iterations>$<salt>$<base64 hash>
        [, $rest] = explode('$', $d, 2);
        [$it, $rest] = explode('$', $rest, 2);
        $i = strrpos($rest, '$');
        $h = new Symfony\Component\PasswordHasher\Hasher\MessageDigestPasswordHasher('sha512', true, (int) $it);
        return $h->verify(substr($rest, $i + 1), $pw, substr($rest, 0, $i));
    case 'wp_phpass': // WordPress's class-phpass.php, as wp_check_password uses it
        return (new PasswordHash(8, true))->CheckPassword($pw, $d);
    case 'salted': // <salt>$<hex>, salt before the password (pwdigest's Hash)
        $i = strrpos($d, '$');
        return hash_equals(substr($d, $i + 1), hash($t['algo'], substr($d, 0, $i) . $pw));
    case 'wordpress':
        // WordPress 6.8 wp_check_password() for '$wp' digests.
        return str_starts_with($d, '$wp') && password_verify(
            base64_encode(hash_hmac('sha384', $pw, 'wp-sha384', true)), substr($d, 3));
    }
    throw new InvalidArgumentException("unknown kind {$t['kind']}");
}

while (($line = fgets(STDIN)) !== false) {
    if (trim($line) === '') {
        continue;
    }
    $t = json_decode($line, true, 512, JSON_THROW_ON_ERROR);
    try {
        $r = ['id' => $t['id'], 'ok' => check($t, hex2bin($t['pw_hex']))];
    } catch (InvalidArgumentException $e) {
        fwrite(STDERR, 'roundtrip.php: ' . $e->getMessage() . "\n");
        exit(2);
    } catch (Throwable $e) {
        $r = ['id' => $t['id'], 'ok' => false, 'err' => get_class($e) . ': ' . $e->getMessage()];
    }
    echo json_encode($r), "\n";
}
