// Cross-checker used by verify.py: reads JSON lines {id, kind, ...} from
// stdin and writes {id, ok} lines, using firebase-scrypt and Node's crypto.
'use strict';
const crypto = require('crypto');
const readline = require('readline');
const { FirebaseScrypt } = require('firebase-scrypt');

async function check(t) {
  const pw = Buffer.from(t.pw_hex, 'hex');
  if (t.kind === 'firebase') {
    const [hash, salt, signerKey, saltSeparator, rounds, memCost] = t.digest.split('$');
    const f = new FirebaseScrypt({ signerKey, saltSeparator, rounds: Number(rounds), memCost: Number(memCost) });
    return f.verify(pw.toString('utf8'), salt, hash);
  }
  if (t.kind === 'scrypt') {
    const want = Buffer.from(t.want_hex, 'hex');
    const got = crypto.scryptSync(pw, Buffer.from(t.salt_hex, 'hex'), want.length,
      { N: t.n, r: t.r, p: t.p, maxmem: 256 * t.n * t.r * t.p + (1 << 20) });
    return crypto.timingSafeEqual(got, want);
  }
  if (t.kind === 'aspnet') {
    // npm aspnetcore-identity-password-hasher: v2 and v3 with HMAC-SHA1/256.
    return require('aspnetcore-identity-password-hasher').verify(pw.toString('utf8'), t.digest);
  }
  throw new Error('unknown kind ' + t.kind);
}

async function main() {
  const out = [];
  const rl = readline.createInterface({ input: process.stdin });
  for await (const line of rl) {
    if (!line.trim()) continue;
    const t = JSON.parse(line);
    out.push(JSON.stringify({ id: t.id, ok: await check(t) }));
  }
  process.stdout.write(out.join('\n') + (out.length ? '\n' : ''));
}
main().catch((e) => { process.stderr.write('verify_node: ' + e.message + '\n'); process.exit(1); });
