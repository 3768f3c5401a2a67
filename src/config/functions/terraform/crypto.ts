// Hash, UUID, bcrypt and RSA functions. Hashes are of the string's UTF-8 bytes, hex digests lowercase.

import { createHash, createPrivateKey, randomBytes, randomUUID, type KeyObject } from 'node:crypto';
import { createRequire } from 'node:module';
import type { FunctionTable } from '../../hcl/functions.js';
import { def, fail, toInt, toStr } from './util.js';

export type HashAlgorithm = 'md5' | 'sha1' | 'sha256' | 'sha512';

export function digest(alg: HashAlgorithm, data: Buffer | string, encoding: 'hex' | 'base64'): string {
  return createHash(alg).update(data).digest(encoding);
}

const hashFn = (alg: HashAlgorithm, encoding: 'hex' | 'base64') =>
  def({ params: ['str'], impl: (args) => digest(alg, Buffer.from(toStr(args[0]!, 0), 'utf8'), encoding) });

const NAMESPACES: Record<string, string> = {
  dns: '6ba7b810-9dad-11d1-80b4-00c04fd430c8',
  url: '6ba7b811-9dad-11d1-80b4-00c04fd430c8',
  oid: '6ba7b812-9dad-11d1-80b4-00c04fd430c8',
  x500: '6ba7b814-9dad-11d1-80b4-00c04fd430c8',
};

/** RFC 4122 version 5 (SHA-1, name-based) UUID. */
function uuidv5(namespace: string, name: string): string {
  const ns = NAMESPACES[namespace] ?? namespace;
  if (!/^[0-9a-fA-F]{8}-?[0-9a-fA-F]{4}-?[0-9a-fA-F]{4}-?[0-9a-fA-F]{4}-?[0-9a-fA-F]{12}$/.test(ns)) {
    fail(`uuidv5() doesn't support namespace ${namespace} (invalid UUID length: ${namespace.length})`);
  }
  const bytes = createHash('sha1')
    .update(Buffer.from(ns.replace(/-/g, ''), 'hex'))
    .update(name, 'utf8')
    .digest()
    .subarray(0, 16);
  bytes[6] = (bytes[6]! & 0x0f) | 0x50;
  bytes[8] = (bytes[8]! & 0x3f) | 0x80;
  const h = bytes.toString('hex');
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20)}`;
}

export const cryptoFunctions: FunctionTable = {
  md5: hashFn('md5', 'hex'),
  sha1: hashFn('sha1', 'hex'),
  sha256: hashFn('sha256', 'hex'),
  sha512: hashFn('sha512', 'hex'),
  base64sha256: hashFn('sha256', 'base64'),
  base64sha512: hashFn('sha512', 'base64'),
  // A new random (v4) UUID on every call, as in Terraform.
  uuid: def({ params: [], impl: () => randomUUID() }),
  uuidv5: def({ params: ['namespace', 'name'], impl: (args) => uuidv5(toStr(args[0]!, 0), toStr(args[1]!, 1)) }),

  bcrypt: def({
    params: ['str'],
    variadic: 'cost',
    impl(args) {
      let cost = 10;
      if (args.length > 1) cost = toInt(args[1]!, 1);
      if (args.length > 2) fail('bcrypt() takes no more than two arguments');
      return bcrypt(toStr(args[0]!, 0), cost);
    },
  }),
  rsadecrypt: def({ params: ['ciphertext', 'privatekey'], impl: (args) => rsaDecrypt(toStr(args[0]!, 0), toStr(args[1]!, 1)) }),
};

type Bcryptjs = typeof import('bcryptjs');
let bcryptjs: Bcryptjs | undefined;

/** Go's bcrypt.GenerateFromPassword: "$2a$", a cost below 4 means 10, at most 72 bytes of password. */
function bcrypt(password: string, cost: number): string {
  if (cost < 4) cost = 10;
  if (cost > 31) fail(`error occured generating password crypto/bcrypt: cost ${cost} is outside allowed range (4,31)`);
  if (Buffer.byteLength(password, 'utf8') > 72) fail('error occured generating password bcrypt: password length exceeds 72 bytes');
  bcryptjs ??= createRequire(import.meta.url)('bcryptjs') as Bcryptjs;
  const salt = `$2a$${String(cost).padStart(2, '0')}$${bcryptjs.encodeBase64(randomBytes(16), 16)}`;
  return bcryptjs.hashSync(password, salt);
}

/** Go's base64.StdEncoding.DecodeString: padded, no whitespace other than newlines. */
function decodeStdBase64(s: string): Buffer | undefined {
  const t = s.replace(/[\r\n]/g, '');
  if (t.length % 4 !== 0 || !/^[A-Za-z0-9+/]*={0,2}$/.test(t)) return undefined;
  return Buffer.from(t, 'base64');
}

/** The private key as Go's ssh.ParseRawPrivateKey reads PEM: PKCS#1 or PKCS#8 RSA keys. */
function privateKey(pem: string): KeyObject {
  const block = /-----BEGIN ([A-Z0-9 ]+)-----/.exec(pem);
  if (!block) fail('invalid private key: ssh: no key found', 1);
  const type = block[1]!;
  if (type !== 'RSA PRIVATE KEY' && type !== 'PRIVATE KEY') fail(`invalid private key: ssh: unsupported key type ${JSON.stringify(type)}`, 1);
  if (/Proc-Type: 4,ENCRYPTED/.test(pem)) fail('invalid private key: ssh: this private key is passphrase protected', 1);
  let key: KeyObject;
  try {
    key = createPrivateKey({ key: pem, format: 'pem' });
  } catch {
    return fail('invalid ASN1 data in the given private key', 1);
  }
  if (key.asymmetricKeyType !== 'rsa') fail(`invalid private key type ${key.asymmetricKeyType ?? 'unknown'}`, 1);
  return key;
}

function bigFrom(b64url: string): bigint {
  const hex = Buffer.from(b64url, 'base64url').toString('hex');
  return hex === '' ? 0n : BigInt(`0x${hex}`);
}

function modPow(base: bigint, exp: bigint, mod: bigint): bigint {
  let r = 1n;
  let b = base % mod;
  for (let e = exp; e > 0n; e >>= 1n) {
    if (e & 1n) r = (r * b) % mod;
    b = (b * b) % mod;
  }
  return r;
}

/**
 * RSA PKCS #1 v1.5 decryption, as Go's rsa.DecryptPKCS1v15 (Node's privateDecrypt refuses this padding
 * since CVE-2023-46809). Computed with the CRT parameters of the key.
 */
function rsaDecrypt(ciphertext: string, pem: string): string {
  const bytes = decodeStdBase64(ciphertext);
  if (!bytes) fail(`failed to decode input ${JSON.stringify(ciphertext)}: cipher text must be base64-encoded`, 0);
  const jwk = privateKey(pem).export({ format: 'jwk' });
  const n = bigFrom(jwk.n!);
  const k = Math.ceil(n.toString(16).length / 2);
  const c = bytes.length === 0 ? 0n : BigInt(`0x${bytes.toString('hex')}`);
  const decryptionError = () => fail('failed to decrypt: crypto/rsa: decryption error');
  if (k < 11 || bytes.length > k || c >= n) decryptionError();
  const p = bigFrom(jwk.p!);
  const q = bigFrom(jwk.q!);
  const m1 = modPow(c, bigFrom(jwk.dp!), p);
  const m2 = modPow(c, bigFrom(jwk.dq!), q);
  const h = (((m1 - m2) % p) + p) % p * bigFrom(jwk.qi!) % p;
  const m = m2 + h * q;
  const em = Buffer.from(m.toString(16).padStart(k * 2, '0'), 'hex');
  // EM = 0x00 || 0x02 || at least 8 non-zero padding bytes || 0x00 || message
  if (em[0] !== 0 || em[1] !== 2) decryptionError();
  const sep = em.indexOf(0, 2);
  if (sep < 10) decryptionError();
  return em.subarray(sep + 1).toString('utf8');
}
