// scrypt_firebase producer: the npm package firebase-scrypt (installed by
// `npm ci` in this folder). Writes JSON lines (with a "file" key) to stdout.
// Salts and keys come from a seeded PRNG, so reruns give the same output.
'use strict';

const fs = require('fs');
const path = require('path');
const { FirebaseScrypt } = require('firebase-scrypt');

const PW = JSON.parse(fs.readFileSync(path.join(__dirname, 'passwords.json'), 'utf8'));
const pkg = require('firebase-scrypt/package.json');
const SRC = `npm firebase-scrypt ${pkg.version} FirebaseScrypt.hash (Node.js ${process.version})`;

// mulberry32: a tiny deterministic PRNG; only used to pick salts and keys.
function prng(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
const rnd = prng(20240601);
const bytes = (n) => Buffer.from(Array.from({ length: n }, () => Math.floor(rnd() * 256)));

// Parameter sets: Firebase's published sample project parameters first.
const README = {
  signerKey: 'jxspr8Ki0RYycVU8zykbdLGjFQ3McFUH0uiiTvC8pVMXAn210wjLNmdZJzxUECKbm0QsEmYUSDzZvpjeJ9WmXA==',
  saltSeparator: 'Bw==',
  rounds: 8,
  memCost: 14,
};
const sets = [
  README,
  { signerKey: bytes(64).toString('base64'), saltSeparator: bytes(1).toString('base64'), rounds: 8, memCost: 14 },
  { signerKey: bytes(32).toString('base64'), saltSeparator: bytes(2).toString('base64'), rounds: 1, memCost: 10 },
  { signerKey: bytes(48).toString('base64'), saltSeparator: bytes(1).toString('base64'), rounds: 4, memCost: 12 },
  { signerKey: bytes(64).toString('base64'), saltSeparator: bytes(4).toString('base64'), rounds: 2, memCost: 11 },
  { signerKey: bytes(16).toString('base64'), saltSeparator: bytes(1).toString('base64'), rounds: 8, memCost: 13 },
];

// [parameter set, salt length, password]
const plan = [
  [0, 10, 'ascii'], [0, 12, 'latin'], [0, 16, 'cjk'], [0, 10, 'emoji'],
  [1, 12, 'one'], [1, 12, 'spaces'], [1, 14, 'long100'],
  [2, 8, 'dollar'], [2, 12, 'quotes'], [2, 10, 'padded'],
  [3, 12, 'tabs'], [3, 16, 'ascii'],
  [4, 10, 'latin'], [4, 12, 'cjk'],
  [5, 12, 'spaces'], [5, 8, 'e80'],
];

async function main() {
  const out = [];
  for (const [si, slen, key] of plan) {
    const p = sets[si];
    const pw = PW[key];
    const salt = bytes(slen).toString('base64');
    const fs_ = new FirebaseScrypt(p);
    const hash = await fs_.hash(pw, salt);
    if (!(await fs_.verify(pw, salt, hash))) {
      throw new Error('firebase-scrypt did not verify its own output');
    }
    const digest = [hash, salt, p.signerKey, p.saltSeparator, p.rounds, p.memCost].join('$');
    const rec = { file: 'scrypt_firebase', digest, password: pw, source: SRC };
    rec.note = `rounds=${p.rounds} mem_cost=${p.memCost}, ${Buffer.from(p.signerKey, 'base64').length}-byte signer key` +
      (si === 0 ? '; Firebase README sample project parameters' : '');
    out.push(JSON.stringify(rec));
  }
  process.stdout.write(out.join('\n') + '\n');
  process.stderr.write(`gen_firebase: ${'scrypt_firebase'.padEnd(24)} ${String(out.length).padStart(3)}\n`);
}

main().catch((e) => {
  process.stderr.write(`gen_firebase: ${e.message}\n`);
  process.exit(1);
});
