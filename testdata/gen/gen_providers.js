// auth0_custom_password_hash and firebase_import producer: Node.js's own
// crypto (createHash, createHmac, pbkdf2Sync, scryptSync), Buffer's
// encodings (Auth0's password.encoding names are Node's Buffer encodings),
// OpenLDAP's slappasswd for Auth0's "ldap", and the npm firebase-scrypt
// package for Firebase's SCRYPT. Each construction is written out below
// from the provider's documentation (see doc.go), never from pwdigest.
// Run as `node --openssl-legacy-provider gen_providers.js` (md4 lives in
// OpenSSL 3's legacy provider). Writes JSON lines with a "file" key.
'use strict';

const crypto = require('crypto');
const fs = require('fs');
const path = require('path');
const { execFileSync } = require('child_process');
const { FirebaseScrypt } = require('firebase-scrypt');

const PW = JSON.parse(fs.readFileSync(path.join(__dirname, 'passwords.json'), 'utf8'));
const NODE = `Node.js ${process.version} crypto (OpenSSL ${process.versions.openssl})`;
const COMMON = ['ascii', 'one', 'latin', 'cjk', 'spaces', 'dollar', 'quotes', 'emoji', 'long100', 'padded', 'tabs'];

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
const rnd = prng(20261201);
const bytes = (n) => Buffer.from(Array.from({ length: n }, () => Math.floor(rnd() * 256)));
const ALNUM = 'abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789';
const text = (n) => Array.from({ length: n }, () => ALNUM[Math.floor(rnd() * ALNUM.length)]).join('');
const pick = (i) => PW[COMMON[i % COMMON.length]];

function emit(file, obj, password, source, note) {
  const rec = { file, digest: JSON.stringify(obj), password, source };
  if (note) rec.note = note;
  process.stdout.write(JSON.stringify(rec).replace(/[\u007f-\uffff]/g,
    (c) => '\\u' + c.charCodeAt(0).toString(16).padStart(4, '0')) + '\n');
}

const enc = (buf, e) => (e === 'hex' ? buf.toString('hex') : buf.toString('base64'));

// ---- Auth0 custom_password_hash -------------------------------------------
const A0 = 'auth0_custom_password_hash';
let i = 0;
// Plain digests: H(salt + password) or H(password + salt), the password in
// password.encoding (default utf8), salt in salt.encoding.
for (const alg of ['md4', 'md5', 'sha1', 'sha256', 'sha512']) {
  for (const [hashEnc, saltEnc, position, pwEnc] of [
    ['hex', null, null, null], ['base64', 'utf8', 'prefix', null], ['hex', 'hex', 'suffix', 'utf16le'],
    ['base64', 'base64', 'prefix', 'latin1'],
  ]) {
    const pw = pick(i++);
    const pwBuf = Buffer.from(pw, pwEnc || 'utf8');
    const obj = { algorithm: alg, hash: { value: '', encoding: hashEnc } };
    let input = pwBuf;
    let note = `${alg}(${pwEnc || 'utf8'} password`;
    if (saltEnc) {
      const salt = saltEnc === 'utf8' ? Buffer.from(text(12)) : bytes(16);
      obj.salt = { value: saltEnc === 'utf8' ? salt.toString() : enc(salt, saltEnc), position };
      if (saltEnc !== 'utf8') obj.salt.encoding = saltEnc;
      input = position === 'prefix' ? Buffer.concat([salt, pwBuf]) : Buffer.concat([pwBuf, salt]);
      note = position === 'prefix' ? `${alg}(salt + ${pwEnc || 'utf8'} password` : note + ' + salt';
    }
    if (pwEnc) obj.password = { encoding: pwEnc };
    obj.hash.value = enc(crypto.createHash(alg).update(input).digest(), hashEnc);
    emit(A0, obj, pw, NODE, `${note}), hash ${hashEnc}: crypto.createHash('${alg}'), Buffer.from(password, '${pwEnc || 'utf8'}')`);
  }
}
// HMAC: HMAC_digest(key, salt + password) / (password + salt).
for (const digest of ['md4', 'md5', 'ripemd160', 'sha1', 'sha224', 'sha256', 'sha384', 'sha512']) {
  const pw = pick(i++);
  const key = digest === 'sha256' ? Buffer.from(text(20)) : bytes(32);
  const keyEnc = digest === 'sha256' ? 'utf8' : (i % 2 ? 'hex' : 'base64');
  const salt = bytes(8);
  const position = i % 2 ? 'suffix' : 'prefix';
  const input = position === 'prefix' ? Buffer.concat([salt, Buffer.from(pw)]) : Buffer.concat([Buffer.from(pw), salt]);
  const hashEnc = i % 2 ? 'base64' : 'hex';
  const obj = {
    algorithm: 'hmac',
    hash: { value: enc(crypto.createHmac(digest, key).update(input).digest(), hashEnc), encoding: hashEnc, digest,
      key: { value: keyEnc === 'utf8' ? key.toString() : enc(key, keyEnc), encoding: keyEnc } },
    salt: { value: salt.toString('hex'), encoding: 'hex', position },
  };
  emit(A0, obj, pw, NODE, `crypto.createHmac('${digest}', key).update(${position === 'prefix' ? 'salt + password' : 'password + salt'}), hash ${hashEnc}`);
}
// PBKDF2, hash.value in the PHC string format.
const b64 = (b) => b.toString('base64').replace(/=+$/, '');
for (const [digest, iter, len] of [['sha256', 1000, 32], ['sha512', 2000, 64], ['sha1', 1500, 20], ['md5', 1000, 16], ['sha384', 1000, 48]]) {
  const pw = pick(i++);
  const salt = bytes(16);
  const dk = crypto.pbkdf2Sync(Buffer.from(pw), salt, iter, len, digest);
  emit(A0, { algorithm: 'pbkdf2', hash: { value: `$pbkdf2-${digest}$i=${iter},l=${len}$${b64(salt)}$${b64(dk)}`, encoding: 'utf8' } },
    pw, NODE, `crypto.pbkdf2Sync(password, salt, ${iter}, ${len}, '${digest}'), PHC string, unpadded base64`);
}
// scrypt, hash.value a PHC string as passlib writes it ($scrypt$ln=,r=,p=).
for (const [ln, r, p] of [[10, 8, 1], [12, 8, 2], [11, 4, 1]]) {
  const pw = pick(i++);
  const salt = bytes(16);
  const dk = crypto.scryptSync(Buffer.from(pw), salt, 32, { N: 1 << ln, r, p });
  emit(A0, { algorithm: 'scrypt', hash: { value: `$scrypt$ln=${ln},r=${r},p=${p}$${b64(salt)}$${b64(dk)}` } },
    pw, NODE, `crypto.scryptSync(password, salt, 32, {N: 2^${ln}, r: ${r}, p: ${p}}), PHC string as passlib writes it`);
}
// ldap: slappasswd's RFC 2307 values.
const slap = execFileSync('dpkg-query', ['-W', '-f=${Version}', 'slapd']).toString();
for (const scheme of ['{SSHA}', '{SHA}', '{SMD5}', '{MD5}', '{SSHA256}', '{SSHA512}']) {
  const pw = ['password', 'x', 'correct horse battery staple', 'pa$$:w0rd$1:2', 'quote " \' \\ back\\slash', 'hunter2'][i++ % 6];
  const args = scheme.includes('SHA2') || scheme.includes('SHA5') ? ['-o', 'module-load=pw-sha2'] : [];
  const v = execFileSync('/usr/sbin/slappasswd', [...args, '-h', scheme, '-s', pw]).toString().trim();
  emit(A0, { algorithm: 'ldap', hash: { value: v, encoding: 'utf8' } }, pw,
    `OpenLDAP slappasswd (Debian slapd ${slap}${args.length ? ', pw-sha2 module' : ''})`, `slappasswd -h '${scheme}'`);
}

// ---- Firebase import ------------------------------------------------------
const FB = 'firebase_import';
const wsafe = (b) => b.toString('base64').replace(/\//g, '_').replace(/\+/g, '-'); // firebase-admin's toWebSafeBase64
// HMAC_*: HMAC(key, password + salt) unless passwordHashOrder says otherwise.
for (const [alg, digest] of [['HMAC_SHA256', 'sha256'], ['HMAC_SHA512', 'sha512'], ['HMAC_SHA1', 'sha1'], ['HMAC_MD5', 'md5']]) {
  for (const order of [undefined, 'SALT_AND_PASSWORD', 'PASSWORD_AND_SALT']) {
    const pw = pick(i++);
    const key = alg === 'HMAC_SHA256' && !order ? Buffer.from('secret') : bytes(24);
    const salt = alg === 'HMAC_SHA256' && !order ? Buffer.from('NaCl') : bytes(12);
    const input = order === 'SALT_AND_PASSWORD' ? Buffer.concat([salt, Buffer.from(pw)]) : Buffer.concat([Buffer.from(pw), salt]);
    const obj = { hashAlgorithm: alg, signerKey: wsafe(key) };
    if (order) obj.passwordHashOrder = order;
    obj.passwordHash = wsafe(crypto.createHmac(digest, key).update(input).digest());
    obj.salt = wsafe(salt);
    emit(FB, obj, pw, NODE, `crypto.createHmac('${digest}', key).update(${order === 'SALT_AND_PASSWORD' ? 'salt + password' : 'password + salt'}) (firebase-admin auth.spec.ts: HMAC_SHA256 without an order is password + salt)`);
  }
}
// MD5/SHA*: rounds hashes, the first of salt + password (default order),
// each next of the previous raw digest; MD5 rounds 0: the hex text of one.
for (const [alg, digest, rounds, order] of [
  ['SHA256', 'sha256', 1, undefined], ['SHA256', 'sha256', 1000, undefined], ['SHA512', 'sha512', 20, undefined],
  ['SHA1', 'sha1', 2, 'PASSWORD_AND_SALT'], ['MD5', 'md5', 0, undefined], ['MD5', 'md5', 5, 'SALT_AND_PASSWORD'],
  ['SHA512', 'sha512', 8192, 'PASSWORD_AND_SALT'], ['MD5', 'md5', 1, undefined],
]) {
  const pw = rounds === 1 && alg === 'SHA256' ? 'password' : pick(i++);
  const salt = rounds === 1 && alg === 'SHA256' ? Buffer.from('NaCl') : bytes(8);
  const input = order === 'PASSWORD_AND_SALT' ? Buffer.concat([Buffer.from(pw), salt]) : Buffer.concat([salt, Buffer.from(pw)]);
  let h;
  if (rounds === 0) {
    h = Buffer.from(crypto.createHash(digest).update(input).digest('hex'));
  } else {
    h = crypto.createHash(digest).update(input).digest();
    for (let r = 1; r < rounds; r++) h = crypto.createHash(digest).update(h).digest();
  }
  const obj = { hashAlgorithm: alg, rounds };
  if (order) obj.passwordHashOrder = order;
  obj.passwordHash = wsafe(h);
  obj.salt = wsafe(salt);
  emit(FB, obj, pw, NODE, rounds === 0
    ? `Buffer.from(md5(salt + password).digest('hex')) (firebase-admin auth.spec.ts's MD5 rounds 0)`
    : `${digest}(${order === 'PASSWORD_AND_SALT' ? 'password + salt' : 'salt + password'}) then ${rounds - 1} more ${digest} of the raw digest`);
}
// PBKDF_SHA1 / PBKDF2_SHA256: pbkdf2(password, salt, rounds, key of the hash's length).
for (const [alg, digest, rounds, len] of [['PBKDF2_SHA256', 'sha256', 100000, 64], ['PBKDF2_SHA256', 'sha256', 1000, 32], ['PBKDF_SHA1', 'sha1', 1000, 20], ['PBKDF_SHA1', 'sha1', 2000, 32]]) {
  const pw = rounds === 100000 ? 'password' : pick(i++);
  const salt = rounds === 100000 ? Buffer.from('NaCl') : bytes(16);
  emit(FB, { hashAlgorithm: alg, rounds, passwordHash: wsafe(crypto.pbkdf2Sync(pw, salt, rounds, len, digest)), salt: wsafe(salt) },
    pw, NODE, `crypto.pbkdf2Sync(password, salt, ${rounds}, ${len}, '${digest}') (auth.spec.ts: PBKDF2_SHA256 keys are 64 bytes)`);
}
// STANDARD_SCRYPT: crypto.scryptSync(password, salt, dkLen, {N, r, p}).
for (const [N, r, p, dkLen] of [[1024, 8, 16, 64], [2048, 8, 1, 32], [512, 4, 2, 48]]) {
  const pw = N === 1024 ? 'password' : pick(i++);
  const salt = N === 1024 ? Buffer.from('NaCl') : bytes(16);
  emit(FB, { hashAlgorithm: 'STANDARD_SCRYPT', cpuMemCost: N, dkLen, blockSize: r, parallelization: p,
    passwordHash: wsafe(crypto.scryptSync(pw, salt, dkLen, { N, r, p })), salt: wsafe(salt) },
  pw, NODE, `crypto.scryptSync(password, salt, ${dkLen}, {N: ${N}, r: ${r}, p: ${p}}) (auth.spec.ts's STANDARD_SCRYPT)`);
}
// SCRYPT: Firebase's modified scrypt, by the npm firebase-scrypt package.
const fsPkg = require('firebase-scrypt/package.json');
(async () => { for (const [rounds, memCost] of [[8, 14], [1, 10], [4, 12]]) {
  const pw = pick(i++);
  const key = bytes(64);
  const sep = bytes(1);
  const salt = bytes(12);
  const fsc = new FirebaseScrypt({ memCost, rounds, saltSeparator: sep.toString('base64'), signerKey: key.toString('base64') });
  const h = Buffer.from(await fsc.hash(pw, salt.toString('base64')), 'base64');
  emit(FB, { hashAlgorithm: 'SCRYPT', signerKey: wsafe(key), saltSeparator: wsafe(sep), rounds, memoryCost: memCost,
    passwordHash: wsafe(h), salt: wsafe(salt) }, pw, `npm firebase-scrypt ${fsPkg.version} FirebaseScrypt.hash (${process.version})`,
  `Firebase scrypt, rounds ${rounds}, memoryCost ${memCost}`);
} })();
