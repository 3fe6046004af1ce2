<?php
// WordPress fixtures: a wp_users table as CSV (mysql --batch / phpMyAdmin
// "CSV" export), its user_pass values written by WordPress's own code:
// class-phpass.php from Debian's wordpress package (what wp_hash_password
// uses before 6.8), WordPress 6.8's wp_hash_password recipe ("$wp$": see
// testdata/gen/gen_php.php), PHP's password_hash (bcrypt plugins) and the
// md5() of WordPress before 2.5.
//
//   php gen_wordpress.php   (run by gen.sh)
require '/usr/share/wordpress/wp-includes/class-phpass.php';
include '/usr/share/wordpress/wp-includes/version.php'; // $wp_version

$out = __DIR__ . '/wordpress';
@mkdir($out);
$phpass = new PasswordHash(8, true); // wp_hash_password's
function wp68_hash_password(string $password): string {
    $password_to_hash = base64_encode(hash_hmac('sha384', trim($password), 'wp-sha384', true));
    return '$wp' . password_hash($password_to_hash, PASSWORD_BCRYPT, ['cost' => 10]);
}
$users = [
    [1, 'admin', 'admin@example.com', 'correct horse battery staple', 'phpass'],
    [2, 'editor', 'editor@example.com', 'pässwörd', 'wp68'],
    [3, 'author', 'author@example.com', 'Tr0ub4dor&3', 'bcrypt'],
    [4, 'legacy', 'legacy@example.com', 'letmein', 'md5'],
    [5, 'nopass', 'nopass@example.com', null, 'none'],
];
$passwords = [];
$f = fopen("$out/wp_users.csv", 'w');
fputcsv($f, ['ID', 'user_login', 'user_pass', 'user_nicename', 'user_email', 'user_url', 'user_registered',
    'user_activation_key', 'user_status', 'display_name']);
foreach ($users as [$id, $login, $email, $pw, $kind]) {
    switch ($kind) {
    case 'phpass': $h = $phpass->HashPassword(trim($pw)); assert($phpass->CheckPassword($pw, $h)); break;
    case 'wp68': $h = wp68_hash_password($pw); break;
    case 'bcrypt': $h = password_hash($pw, PASSWORD_BCRYPT, ['cost' => 10]); break;
    case 'md5': $h = md5($pw); break;
    default: $h = '';
    }
    if ($pw !== null) {
        $passwords[(string)$id] = $pw;
    }
    fputcsv($f, [$id, $login, $h, $login, $email, '', '2024-05-01 10:00:00', '', 0, ucfirst($login)]);
}
fclose($f);
file_put_contents("$out/passwords.json", json_encode([
    'source' => "WordPress $wp_version class-phpass.php (Debian wordpress), PHP " . PHP_VERSION . " password_hash, md5",
    'passwords' => $passwords], JSON_PRETTY_PRINT | JSON_UNESCAPED_SLASHES) . "\n");
