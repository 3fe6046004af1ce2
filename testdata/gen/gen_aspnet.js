// npm aspnetcore-identity-password-hasher (a Node re-implementation of ASP.NET
// Core Identity's PasswordHasher): version 2 and version 3 (HMAC-SHA256)
// digests with its own random salts, each checked with its verify; and the
// package's own published test vectors. Called by gen_aspnet.py; writes JSON
// lines with a "file" key.
const { PasswordHasher, PasswordHasherCompatibilityMode: Mode } =
  require('aspnetcore-identity-password-hasher/build/PasswordHasher');
const { verify } = require('aspnetcore-identity-password-hasher');
const version = require('aspnetcore-identity-password-hasher/package.json').version;
const passwords = require('./passwords.json');

const src = `npm aspnetcore-identity-password-hasher ${version} (Node ${process.version})`;
const names = ['ascii', 'one', 'latin', 'cjk', 'spaces', 'dollar', 'quotes', 'emoji', 'long100', 'padded', 'tabs', 'empty'];

function emit(file, digest, password, source, note) {
  process.stdout.write(JSON.stringify({ file, digest, password, source, note }) + '\n');
}

(async () => {
  for (const n of names) {
    const pw = passwords[n];
    const v2 = await new PasswordHasher(0, Mode.IdentityV2).hashPassword(pw);
    if (!(await verify(pw, v2))) throw new Error('v2 does not verify');
    emit('aspnet_identity_v2', v2, pw, src, 'PasswordHasher(IdentityV2).hashPassword');
    const iter = n === 'one' ? 1 : 10000;
    const v3 = await new PasswordHasher(iter, Mode.IdentityV3).hashPassword(pw);
    if (!(await verify(pw, v3))) throw new Error('v3 does not verify');
    emit('aspnet_identity_v3', v3, pw, src, `PasswordHasher(${iter}, IdentityV3).hashPassword: HMAC-SHA256, 16-byte salt, 32-byte subkey`);
  }
  // The package's tests/index.test.ts.
  const pub = `${src} tests/index.test.ts (published vector)`;
  emit('aspnet_identity_v3', 'AQAAAAEAACcQAAAAEFu4dWKdwFM0edzCkR9GmR8p6ICQ4x7B9sishNgunrQ82vocwJ6QBa0uhqGmNYOKrg==', 'test123', pub);
  emit('aspnet_identity_v2', 'ANuQywFHdT6GVuXGl4TXfmi5TUoR45Cizppo6FN3IqeGUzHoVXAL51x6GHiAWpavVQ==', 'test123', pub);
})().catch((e) => { console.error(e); process.exit(1); });
