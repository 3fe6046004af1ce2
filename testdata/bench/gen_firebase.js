// Benchmark digest from the npm package firebase-scrypt, with the parameters
// of Firebase's published sample project (rounds 8, mem_cost 14). Needs
// `npm ci` in testdata/gen (gen.sh sets NODE_PATH to it).
'use strict';

const { FirebaseScrypt } = require('firebase-scrypt');
const pkg = require('firebase-scrypt/package.json');

const password = 'correct horse battery staple';
const params = {
  signerKey: 'jxspr8Ki0RYycVU8zykbdLGjFQ3McFUH0uiiTvC8pVMXAn210wjLNmdZJzxUECKbm0QsEmYUSDzZvpjeJ9WmXA==',
  saltSeparator: 'Bw==',
  rounds: 8,
  memCost: 14,
};
const salt = 'QmVuY2hTYWx0MTIz'; // fixed 12-byte salt, base64

async function main() {
  const fs = new FirebaseScrypt(params);
  const hash = await fs.hash(password, salt);
  if (!(await fs.verify(password, salt, hash))) {
    throw new Error('firebase-scrypt did not verify its own output');
  }
  const digest = [hash, salt, params.signerKey, params.saltSeparator, params.rounds, params.memCost].join('$');
  process.stdout.write(JSON.stringify({
    case: 'scrypt_firebase_14_8',
    hasher: 'scrypt_firebase',
    digest,
    password,
    source: `npm firebase-scrypt ${pkg.version} FirebaseScrypt.hash (Node.js ${process.version})`,
    note: 'Firebase sample project parameters: rounds 8, mem_cost 14, 64-byte signer key',
  }) + '\n');
}

main().catch((e) => {
  process.stderr.write(`gen_firebase.js: ${e.message}\n`);
  process.exit(1);
});
