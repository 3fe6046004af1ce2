// Producer-side checks for roundtrip.py: reads JSON lines
// {id, kind, digest, pw_hex, ...} from stdin and writes {id, ok[, err]}
// lines, using npm firebase-scrypt and Node's crypto.
'use strict';
const crypto = require('crypto');
const readline = require('readline');
const { FirebaseScrypt } = require('firebase-scrypt');
const drupal = require('drupal-hash');

async function check(t, pw) {
  if (t.kind === 'firebase') {
    // The digest carries the project parameters, as pwdigest writes them.
    const [hash, salt, signerKey, saltSeparator, rounds, memCost] = t.digest.split('$');
    const f = new FirebaseScrypt({ signerKey, saltSeparator, rounds: Number(rounds), memCost: Number(memCost) });
    return await f.verify(pw.toString('utf8'), salt, hash);
  }
  if (t.kind === 'scrypt') {
    const want = Buffer.from(t.want_hex, 'hex');
    const got = crypto.scryptSync(pw, Buffer.from(t.salt_hex, 'hex'), want.length,
      { N: t.n, r: t.r, p: t.p, maxmem: 256 * t.n * t.r * t.p + (1 << 20) });
    return crypto.timingSafeEqual(got, want);
  }
  if (t.kind === 'drupal7') {
    return drupal.checkPassword(pw.toString('utf8'), t.digest);
  }
  throw new Error('unknown kind ' + t.kind);
}

async function main() {
  const rl = readline.createInterface({ input: process.stdin });
  for await (const line of rl) {
    if (!line.trim()) continue;
    const t = JSON.parse(line);
    let r;
    try {
      r = { id: t.id, ok: Boolean(await check(t, Buffer.from(t.pw_hex, 'hex'))) };
    } catch (e) {
      if (/^unknown kind/.test(e.message)) throw e;
      r = { id: t.id, ok: false, err: String(e.message || e) };
    }
    process.stdout.write(JSON.stringify(r) + '\n');
  }
}
main().catch((e) => { process.stderr.write('roundtrip_node: ' + e.message + '\n'); process.exit(1); });
