<?php
// Cross-checker used by verify.py: reads JSON lines {id, kind, pw_hex, ...}
// from stdin and writes {id, ok} lines. PHP's own functions decide.
declare(strict_types=1);

while (($line = fgets(STDIN)) !== false) {
    $t = json_decode($line, true, 512, JSON_THROW_ON_ERROR);
    $pw = hex2bin($t['pw_hex']);
    $d = $t['digest'] ?? '';
    switch ($t['kind']) {
    case 'password_verify':
        $ok = password_verify($pw, $d);
        break;
    case 'crypt':
        $ok = hash_equals($d, crypt($pw, $d));
        break;
    case 'pbkdf2':
        $n = intdiv(strlen($t['want_hex']), 2);
        $got = hash_pbkdf2($t['algo'], $pw, hex2bin($t['salt_hex']), $t['iter'], $n, true);
        $ok = hash_equals($t['want_hex'], bin2hex($got));
        break;
    case 'wordpress':
        // WordPress 6.8 wp_check_password(): '$wp' prefix, then bcrypt of
        // base64(HMAC-SHA384(key 'wp-sha384', password)).
        $ok = str_starts_with($d, '$wp') && password_verify(
            base64_encode(hash_hmac('sha384', $pw, 'wp-sha384', true)), substr($d, 3));
        break;
    default:
        fwrite(STDERR, "verify.php: unknown kind {$t['kind']}\n");
        exit(2);
    }
    echo json_encode(['id' => $t['id'], 'ok' => $ok]), "\n";
}
