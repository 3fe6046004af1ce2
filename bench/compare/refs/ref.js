// Timing runner for the Node.js reference (run by the compare program):
// npm firebase-scrypt, found through NODE_PATH. process.argv[2] is a JSON
// job {"impl", "n", "min_sample_ns", "budget_ns", ...} or "versions". Prints
// one JSON object: per-op times of the samples in ns (wall and process CPU
// time), or {"error": ...}.
'use strict';

function make(job) {
  if (job.impl === 'firebase-scrypt.verify') {
    const { FirebaseScrypt } = require('firebase-scrypt');
    const fs = new FirebaseScrypt(job.params);
    return () => fs.verify(job.password, job.salt, job.hash);
  }
  throw new Error(`unknown impl ${job.impl}`);
}

async function run(job) {
  const f = make(job);
  const now = () => process.hrtime.bigint();
  let t = now();
  if (!(await f())) {
    return { error: 'reference did not verify the digest' };
  }
  const t0 = Math.max(Number(now() - t), 1);
  const inner = Math.max(1, Math.ceil(job.min_sample_ns / t0));
  const reps = Math.min(job.n, Math.max(3, Math.floor(job.budget_ns / (t0 * inner))));
  const samples = [];
  const cpu = [];
  for (let r = 0; r < reps; r++) {
    const c = process.cpuUsage();
    t = now();
    for (let i = 0; i < inner; i++) {
      if (!(await f())) {
        return { error: 'reference did not verify the digest' };
      }
    }
    samples.push(Number(now() - t) / inner);
    const d = process.cpuUsage(c); // microseconds, all threads
    cpu.push(((d.user + d.system) * 1000) / inner);
  }
  return { samples_ns: samples, cpu_samples_ns: cpu, inner };
}

async function main() {
  let out;
  if (process.argv[2] === 'versions') {
    let fsv = null;
    try {
      fsv = require('firebase-scrypt/package.json').version;
    } catch (e) { /* not installed */ }
    out = { node: process.version, openssl: process.versions.openssl, 'firebase-scrypt': fsv };
  } else {
    try {
      out = await run(JSON.parse(process.argv[2]));
    } catch (e) {
      out = { error: `${e.name}: ${e.message}` };
    }
  }
  process.stdout.write(JSON.stringify(out) + '\n');
}

main();
