// Terraform's crypto functions, table-driven. Every expectation below was produced by terraform 1.11.4:
// each case's call was run through `terraform console` (wrapped in jsonencode to see exact values), and
// the comment above it records what terraform printed. Errors read as terraform reports them.

import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { call, runCases, type Case } from './helpers.js';

const cases: Case[] = [
  // terraform console: md5("hello") → jsonencode: "5d41402abc4b2a76b9719d911017c592"
  ["md5", ["hello"], { value: "5d41402abc4b2a76b9719d911017c592" }],
  // terraform console: md5("") → jsonencode: "d41d8cd98f00b204e9800998ecf8427e"
  ["md5", [""], { value: "d41d8cd98f00b204e9800998ecf8427e" }],
  // terraform console: md5(1) → jsonencode: "c4ca4238a0b923820dcc509a6f75849b"
  ["md5", [1], { value: "c4ca4238a0b923820dcc509a6f75849b" }],
  // terraform console: md5(null) → Error: Invalid value for "str" parameter: argument must not be null.
  ["md5", [null], { error: "Invalid value for \"str\" parameter: argument must not be null." }],
  // terraform console: md5([1]) → Error: Invalid value for "str" parameter: string required.
  ["md5", [[1]], { error: "Invalid value for \"str\" parameter: string required." }],
  // terraform console: sha1("hello") → jsonencode: "aaf4c61ddcc5e8a2dabede0f3b482cd9aea9434d"
  ["sha1", ["hello"], { value: "aaf4c61ddcc5e8a2dabede0f3b482cd9aea9434d" }],
  // terraform console: sha256("hello") → jsonencode: "2cf24dba5fb0a30e26e83b2ac5b9e29e1b161e5c1fa7425e73043362938b9824"
  ["sha256", ["hello"], { value: "2cf24dba5fb0a30e26e83b2ac5b9e29e1b161e5c1fa7425e73043362938b9824" }],
  // terraform console: sha256("é") → jsonencode: "4a99557e4033c3539de2eb65472017cad5f9557f7a0625a09f1c3f6e2ba69c4c"
  ["sha256", ["é"], { value: "4a99557e4033c3539de2eb65472017cad5f9557f7a0625a09f1c3f6e2ba69c4c" }],
  // terraform console: sha512("hello") → jsonencode: "9b71d224bd62f3785d96d46ad3ea3d73319bfbc2890caadae2dff72519673ca72323c3d99ba5c11d7c7acc6e14b8c5da0c4663475c2e5c3adef46f73bcdec043"
  ["sha512", ["hello"], { value: "9b71d224bd62f3785d96d46ad3ea3d73319bfbc2890caadae2dff72519673ca72323c3d99ba5c11d7c7acc6e14b8c5da0c4663475c2e5c3adef46f73bcdec043" }],
  // terraform console: base64sha256("hello") → jsonencode: "LPJNul+wow4m6DsqxbninhsWHlwfp0JecwQzYpOLmCQ="
  ["base64sha256", ["hello"], { value: "LPJNul+wow4m6DsqxbninhsWHlwfp0JecwQzYpOLmCQ=" }],
  // terraform console: base64sha512("hello") → jsonencode: "m3HSJL1i83hdltRq0+o9czGb+8KJDKra4t/3JRlnPKcjI8PZm6XBHXx6zG4UuMXaDEZjR1wuXDre9G9zvN7AQw=="
  ["base64sha512", ["hello"], { value: "m3HSJL1i83hdltRq0+o9czGb+8KJDKra4t/3JRlnPKcjI8PZm6XBHXx6zG4UuMXaDEZjR1wuXDre9G9zvN7AQw==" }],
  // terraform console: base64sha256("") → jsonencode: "47DEQpj8HBSa+/TImW+5JCeuQeRkm5NMpJWZG3hSuFU="
  ["base64sha256", [""], { value: "47DEQpj8HBSa+/TImW+5JCeuQeRkm5NMpJWZG3hSuFU=" }],
  // terraform console: uuidv5("dns", "www.terraform.io") → jsonencode: "a5008fae-b28c-5ba5-96cd-82b4c53552d6"
  ["uuidv5", ["dns","www.terraform.io"], { value: "a5008fae-b28c-5ba5-96cd-82b4c53552d6" }],
  // terraform console: uuidv5("url", "https://www.terraform.io/") → jsonencode: "9db6f67c-dd95-5ea0-aa5b-e70e5c5f7cf5"
  ["uuidv5", ["url","https://www.terraform.io/"], { value: "9db6f67c-dd95-5ea0-aa5b-e70e5c5f7cf5" }],
  // terraform console: uuidv5("6ba7b810-9dad-11d1-80b4-00c04fd430c8", "x") → jsonencode: "05b16a01-46c6-56dd-bd6e-c6dfb4a1427a"
  ["uuidv5", ["6ba7b810-9dad-11d1-80b4-00c04fd430c8","x"], { value: "05b16a01-46c6-56dd-bd6e-c6dfb4a1427a" }],
  // terraform console: uuidv5("nope", "x") → Error: Call to function "uuidv5" failed: uuidv5() doesn't support namespace nope (invalid UUID length: 4).
  ["uuidv5", ["nope","x"], { error: "Call to function \"uuidv5\" failed: uuidv5() doesn't support namespace nope (invalid UUID length: 4)." }],
];

runCases('terraform crypto functions', cases);

describe('bcrypt', () => {
  /** glibc's crypt(3) (libxcrypt, through python3) re-hashes the password with the hash as salt: an oracle that shares nothing with tgo. */
  function verifies(password: string, hash: string): boolean {
    const r = spawnSync('python3', ['-W', 'ignore', '-c', 'import crypt, sys; print(crypt.crypt(sys.argv[1], sys.argv[2]))', password, hash], { encoding: 'utf8' });
    if (r.status !== 0) throw new Error(r.stderr);
    return r.stdout.trim() === hash;
  }

  it('hashes as Go does: $2a$, cost 10 by default, a fresh salt each call', () => {
    const a = call('bcrypt', ['hunter2']) as { value: string };
    expect(a.value).toMatch(/^\$2a\$10\$[./A-Za-z0-9]{53}$/);
    // The cheapest cost from here on: the hashing itself is the point, not its cost.
    const b = call('bcrypt', ['hunter2', 4]) as { value: string };
    const c = call('bcrypt', ['hunter2', 4]) as { value: string };
    expect(b.value).not.toBe(c.value);
    expect(verifies('hunter2', b.value)).toBe(true);
    expect(verifies('hunter3', b.value)).toBe(false);
  });

  it('takes a cost; below 4 means the default; UTF-8 passwords', () => {
    // terraform console: bcrypt("x", 3) → "$2a$10$…"; bcrypt("é", 4) → "$2a$04$…"
    expect((call('bcrypt', ['x', 3]) as { value: string }).value).toMatch(/^\$2a\$10\$/);
    const h = (call('bcrypt', ['é', 4]) as { value: string }).value;
    expect(h).toMatch(/^\$2a\$04\$/);
    expect(verifies('é', h)).toBe(true);
  });

  it('fails as terraform does', () => {
    // terraform console: bcrypt("x", 32) → Call to function "bcrypt" failed: error occured generating password crypto/bcrypt: cost 32 is outside allowed range (4,31).
    expect(call('bcrypt', ['x', 32])).toEqual({
      error: 'Call to function "bcrypt" failed: error occured generating password crypto/bcrypt: cost 32 is outside allowed range (4,31).',
    });
    expect(call('bcrypt', ['a'.repeat(73)])).toEqual({
      error: 'Call to function "bcrypt" failed: error occured generating password bcrypt: password length exceeds 72 bytes.',
    });
    expect(call('bcrypt', ['x', 4, 5])).toEqual({ error: 'Call to function "bcrypt" failed: bcrypt() takes no more than two arguments.' });
    expect(call('bcrypt', ['x', 4.5])).toEqual({
      error: 'Call to function "bcrypt" failed: value must be a whole number, between -9223372036854775808 and 9223372036854775807.',
    });
  });
});

describe('rsadecrypt', () => {
  // The key and ciphertext come from the openssl command line, not from Node.
  const dir = mkdtempSync(path.join(tmpdir(), 'tgo-rsa-'));
  const openssl = (...args: string[]) => execFileSync('openssl', args, { cwd: dir, encoding: 'utf8' });
  openssl('genrsa', '-traditional', '-out', 'pkcs1.pem', '2048');
  openssl('pkcs8', '-topk8', '-nocrypt', '-in', 'pkcs1.pem', '-out', 'pkcs8.pem');
  openssl('rsa', '-in', 'pkcs1.pem', '-pubout', '-out', 'pub.pem');
  writeFileSync(path.join(dir, 'plain'), 'héllo wörld');
  openssl('pkeyutl', '-encrypt', '-pubin', '-inkey', 'pub.pem', '-pkeyopt', 'rsa_padding_mode:pkcs1', '-in', 'plain', '-out', 'cipher');
  const ciphertext = readFileSync(path.join(dir, 'cipher')).toString('base64');
  const pem = (f: string) => readFileSync(path.join(dir, f), 'utf8');

  it('decrypts PKCS #1 v1.5 with a PKCS #1 or PKCS #8 key', () => {
    expect(call('rsadecrypt', [ciphertext, pem('pkcs1.pem')])).toEqual({ value: 'héllo wörld' });
    expect(call('rsadecrypt', [ciphertext, pem('pkcs8.pem')])).toEqual({ value: 'héllo wörld' });
  });

  it('fails as terraform does', () => {
    // terraform console: rsadecrypt("!!", "") → Invalid value for "ciphertext" parameter: failed to decode input "!!": cipher text must be base64-encoded.
    expect(call('rsadecrypt', ['!!', pem('pkcs1.pem')])).toEqual({
      error: 'Invalid value for "ciphertext" parameter: failed to decode input "!!": cipher text must be base64-encoded.',
    });
    // terraform console: rsadecrypt("", "") → Invalid value for "privatekey" parameter: invalid private key: ssh: no key found.
    expect(call('rsadecrypt', ['', ''])).toEqual({ error: 'Invalid value for "privatekey" parameter: invalid private key: ssh: no key found.' });
    // terraform console: rsadecrypt("AAAA", file("key.pem")) → Call to function "rsadecrypt" failed: failed to decrypt: crypto/rsa: decryption error.
    expect(call('rsadecrypt', ['AAAA', pem('pkcs1.pem')])).toEqual({
      error: 'Call to function "rsadecrypt" failed: failed to decrypt: crypto/rsa: decryption error.',
    });
  });
});
