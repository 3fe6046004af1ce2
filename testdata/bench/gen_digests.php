<?php
// Benchmark digests from PHP: password_hash() at cost 12. PHP picks its own
// random salt, so this line changes on every run (it stays valid).
$pw = "correct horse battery staple";
$h = password_hash($pw, PASSWORD_BCRYPT, ["cost" => 12]);
if (!password_verify($pw, $h)) {
    fwrite(STDERR, "gen_digests.php: password_hash did not verify\n");
    exit(1);
}
echo json_encode([
    "case" => "bcrypt_cost12",
    "hasher" => "bcrypt",
    "digest" => $h,
    "password" => $pw,
    "source" => "PHP " . PHP_VERSION . " password_hash(PASSWORD_BCRYPT, ['cost' => 12])",
    "note" => "cost 12: PHP 8.4's and Laravel's default",
], JSON_UNESCAPED_SLASHES), "\n";
