<?php
// drupal7 vectors from Drupal 7's own includes/password.inc, run with PHP.
//
//   php gen_drupal.php /path/to/drupal-7/includes/password.inc
//
// password.inc is not in Debian: take it from a Drupal 7 checkout (gen.sh's
// DRUPAL7 variable; the vectors were made from pantheon-systems/drops-7 at
// 5b1bb0d011cbdd24774d8c3e71bcfdcb24f1a425, Drupal 7.105). It is included as
// it is; the two Drupal functions it calls are stubbed below: variable_get
// returns the default (DRUPAL_HASH_COUNT), drupal_random_bytes draws from a
// seeded mt_rand so that reruns give the same salts. Every digest is checked
// with Drupal's user_check_password before it is written, and a wrong
// password must fail.
//
// Forms: "$S$" (user_hash_password), "U$S$" (user_update_7000's upgrade of a
// Drupal 6 md5: the hash of md5(password)), and the "$P$", "$H$" and "U$P$"
// phpass forms that user_check_password also accepts (made with Drupal's
// _password_crypt('md5', ...)).

if ($argc != 2 || !is_file($argv[1])) {
    fwrite(STDERR, "usage: php gen_drupal.php DRUPAL7/includes/password.inc\n");
    exit(2);
}
function variable_get($name, $default = NULL) { return $default; }
function drupal_random_bytes($count) {
    $s = '';
    for ($i = 0; $i < $count; $i++) {
        $s .= chr(mt_rand(0, 255));
    }
    return $s;
}
require $argv[1];
mt_srand(7105);

$pw = json_decode(file_get_contents(__DIR__ . '/passwords.json'), true);
$version = 'unknown';
$boot = dirname($argv[1]) . '/bootstrap.inc';
if (is_file($boot) && preg_match("/define\\('VERSION', '([^']+)'\\)/", file_get_contents($boot), $m)) {
    $version = $m[1];
}
$src = "Drupal $version includes/password.inc with PHP " . PHP_VERSION;

function emit($digest, $password, $src, $note) {
    $account = (object) array('pass' => $digest);
    if (!user_check_password($password, $account)) {
        fwrite(STDERR, "gen_drupal: Drupal did not verify its own digest $digest\n");
        exit(1);
    }
    if (user_check_password($password . 'x', $account)) {
        fwrite(STDERR, "gen_drupal: Drupal verified a wrong password for $digest\n");
        exit(1);
    }
    $rec = array('file' => 'drupal7', 'digest' => $digest, 'password' => $password, 'source' => $src);
    if ($note !== null) {
        $rec['note'] = $note;
    }
    echo json_encode($rec, JSON_UNESCAPED_SLASHES), "\n";
}

$common = array('ascii', 'one', 'latin', 'cjk', 'spaces', 'dollar', 'quotes', 'emoji', 'long100', 'padded', 'tabs', 'empty', 'nul');
foreach ($common as $k) {
    emit(user_hash_password($pw[$k], 7), $pw[$k], $src, 'user_hash_password, count_log2 7');
}
emit(user_hash_password($pw['ascii']), $pw['ascii'], $src, 'user_hash_password, DRUPAL_HASH_COUNT ' . DRUPAL_HASH_COUNT);
emit(user_hash_password($pw['latin'], 10), $pw['latin'], $src, 'user_hash_password, count_log2 10');
$p512 = str_repeat('p', 512);
emit(user_hash_password($p512, 7), $p512, $src, 'user_hash_password, a 512-byte password (the most Drupal takes)');

// user_update_7000: 'U' . user_hash_password(<the Drupal 6 md5 hex>).
foreach (array('ascii', 'latin', 'emoji', 'empty') as $k) {
    emit('U' . user_hash_password(md5($pw[$k]), 7), $pw[$k], $src, 'user_update_7000 form: U + $S$ of md5(password)');
}
$p600 = str_repeat('q', 600);
emit('U' . user_hash_password(md5($p600), 7), $p600, $src, 'U$S$ with a 600-byte password: its md5 is what is hashed');

// phpass forms, through Drupal's own _password_crypt('md5', ...).
foreach (array(array('$P$', 'ascii', 8), array('$P$', 'latin', 7), array('$H$', 'cjk', 9), array('$P$', 'emoji', 13), array('$H$', 'empty', 7)) as $c) {
    list($id, $k, $log2) = $c;
    $setting = $id . _password_itoa64()[$log2] . _password_base64_encode(drupal_random_bytes(6), 6);
    emit(_password_crypt('md5', $pw[$k], $setting), $pw[$k], $src, "$id form via _password_crypt('md5'), count_log2 $log2");
}
foreach (array('ascii', 'spaces') as $k) {
    $setting = '$P$' . _password_itoa64()[8] . _password_base64_encode(drupal_random_bytes(6), 6);
    emit('U' . _password_crypt('md5', md5($pw[$k]), $setting), $pw[$k], $src, 'U$P$ form: U + $P$ of md5(password)');
}
