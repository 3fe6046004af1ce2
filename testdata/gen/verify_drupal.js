// Cross-check of testdata/vectors/drupal7.jsonl with the npm drupal-hash
// package (an independent JavaScript port of Drupal 7's password.inc),
// pinned by package-lock.json.
//
//   node verify_drupal.js ../vectors/drupal7.jsonl
'use strict';
const fs = require('fs');
const crypto = require('crypto');
const drupal = require('drupal-hash');

// drupal-hash 1.0.4's own "U$" branch calls crypto.hash('md5') without data
// and throws, so the U$ forms are checked as Drupal's user_check_password
// defines them: the stored hash without its "U", against md5(password) in hex.
function check(password, digest) {
  if (digest.startsWith('U$')) {
    const md5 = crypto.createHash('md5').update(password, 'utf8').digest('hex');
    return drupal.checkPassword(md5, digest.slice(1));
  }
  return drupal.checkPassword(password, digest);
}

const lines = fs.readFileSync(process.argv[2], 'utf8').split('\n').filter(Boolean);
let bad = 0;
for (const line of lines) {
  const v = JSON.parse(line);
  if (!check(v.password, v.digest) || check(v.password + 'x', v.digest)) {
    console.error('verify_drupal: mismatch for ' + v.digest);
    bad++;
  }
}
console.log('verify_drupal: drupal7.jsonl ' + (lines.length - bad) + '/' + lines.length + ' agree with drupal-hash');
process.exit(bad ? 1 : 0);
