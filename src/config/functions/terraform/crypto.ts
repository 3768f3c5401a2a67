// Hash and UUID functions. Hashes are of the string's UTF-8 bytes, hex digests lowercase.

import { createHash, randomUUID } from 'node:crypto';
import type { FunctionTable } from '../../hcl/functions.js';
import { def, fail, toStr } from './util.js';

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
};
