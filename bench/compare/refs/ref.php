<?php
// Timing runner for the PHP references (run by the compare program).
// $argv[1] is a JSON job {"impl", "n", "min_sample_ns", "budget_ns", ...} or
// "versions". Prints one JSON object: per-op times of the samples in ns (wall
// and process CPU time), or {"error": ...}. The timing loop is in here, so start-up is not counted.

function make(array $job): Closure
{
    $pw = $job['password'];
    switch ($job['impl']) {
        case 'password_verify':
            $d = $job['digest'];
            return fn() => password_verify($pw, $d);
        case 'hash_pbkdf2':
            $salt = hex2bin($job['salt']);
            $key = hex2bin($job['key']);
            $algo = $job['prf'];
            $it = $job['iter'];
            return fn() => hash_equals($key, hash_pbkdf2($algo, $pw, $salt, $it, strlen($key), true));
        case 'phpass':
            // The phpass loop as WordPress runs it in PHP: md5(salt.password),
            // then count times md5(previous.password).
            $salt = $job['salt'];
            $count = $job['count'];
            $want = hex2bin($job['sum']);
            return function () use ($pw, $salt, $count, $want) {
                $h = md5($salt . $pw, true);
                $i = $count;
                do {
                    $h = md5($h . $pw, true);
                } while (--$i);
                return hash_equals($want, $h);
            };
    }
    throw new Exception('unknown impl ' . $job['impl']);
}

// cpu_ns is the process's user+system time in ns, all threads.
function cpu_ns(): int
{
    $u = getrusage();
    return ($u['ru_utime.tv_sec'] + $u['ru_stime.tv_sec']) * 1000000000
        + ($u['ru_utime.tv_usec'] + $u['ru_stime.tv_usec']) * 1000;
}

function run(array $job): array
{
    $f = make($job);
    $t = hrtime(true);
    if (!$f()) {
        return ['error' => 'reference did not verify the digest'];
    }
    $t0 = max(hrtime(true) - $t, 1);
    $inner = max(1, (int)ceil($job['min_sample_ns'] / $t0));
    $reps = min($job['n'], max(3, intdiv($job['budget_ns'], $t0 * $inner)));
    $samples = [];
    $cpu = [];
    for ($r = 0; $r < $reps; $r++) {
        $c = cpu_ns();
        $t = hrtime(true);
        for ($i = 0; $i < $inner; $i++) {
            if (!$f()) {
                return ['error' => 'reference did not verify the digest'];
            }
        }
        $samples[] = (hrtime(true) - $t) / $inner;
        $cpu[] = (cpu_ns() - $c) / $inner;
    }
    return ['samples_ns' => $samples, 'cpu_samples_ns' => $cpu, 'inner' => $inner];
}

if ($argv[1] === 'versions') {
    $out = ['php' => PHP_VERSION, 'sodium' => defined('SODIUM_LIBRARY_VERSION') ? SODIUM_LIBRARY_VERSION : null,
        'argon2' => defined('PASSWORD_ARGON2_PROVIDER') ? PASSWORD_ARGON2_PROVIDER : null];
} else {
    try {
        $out = run(json_decode($argv[1], true, 512, JSON_THROW_ON_ERROR));
    } catch (Throwable $e) {
        $out = ['error' => get_class($e) . ': ' . $e->getMessage()];
    }
}
echo json_encode($out), "\n";
