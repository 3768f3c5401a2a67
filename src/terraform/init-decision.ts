// Whether a working dir needs `terraform init` before a command, and the record that makes the answer cheap.
// Triggers: a changed source (Terragrunt's .terragrunt-init-required), no .terraform while the code needs one (a
// backend, modules, providers beyond the built-in one), module calls whose .terraform/modules is missing, a backend
// configuration that differs from the one of the last init (the generated backend file or -backend-config), a
// .terraform.lock.hcl that changed since. Code that needs none of this (only terraform_data, no backend) runs
// without .terraform and is never initialised. After each init tgo records what it initialised with in
// .terraform/tgo-init.json; a dir initialised by someone else is compared with the backend terraform recorded.

import { createHash } from 'node:crypto';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { INIT_REQUIRED_FILE } from '../source/fetcher.js';
import type { ValueObject } from '../config/hcl/values.js';
import { codeNeedsInit, scanCode } from './code-scan.js';
import { dataDir, initialisedBackend } from './state.js';

/** tgo's record of its last init, in terraform's data dir. */
const INIT_RECORD = 'tgo-init.json';
const LOCK_FILE = '.terraform.lock.hcl';

interface InitRecord {
  backend: string;
  lock: string | null;
}

/**
 * The backend settings an init is made with: the init arguments (-backend-config=…, -backend=false) and the
 * generated backend file's contents. Compared, never shown (a backend file may hold secrets the user put there).
 */
export function backendFingerprint(initArgs: string[], backendFile?: string): string {
  const h = createHash('sha256');
  h.update(JSON.stringify(initArgs.filter((a) => a.startsWith('-backend'))));
  if (backendFile) h.update(readOrEmpty(backendFile));
  return h.digest('hex');
}

/**
 * Why `workDir` needs init now, or undefined when it does not. `backend`: the fingerprint of this run's backend
 * settings; `wanted`: the remote_state backend as terraform will see it, if any.
 */
export function initReason(workDir: string, env: NodeJS.ProcessEnv, backend: string, wanted?: { type: string; config: ValueObject }): string | undefined {
  if (existsSync(path.join(workDir, INIT_REQUIRED_FILE))) return 'the source changed';
  const code = scanCode(workDir);
  const data = dataDir(workDir, env);
  if (!existsSync(data)) return codeNeedsInit(code) ? 'no .terraform directory yet' : undefined;
  if (code.modules && !existsSync(path.join(data, 'modules'))) return 'its modules are not installed';
  const record = readRecord(data);
  if (!record) {
    // Initialised outside tgo: only a backend terraform recorded differently is a reason.
    const recorded = initialisedBackend(workDir, env);
    // A backend terraform never recorded: the last init failed part-way (e.g. the bucket did not exist yet).
    if (wanted && !recorded) return 'its backend is not initialised';
    return wanted && !sameBackend(wanted, recorded!) ? 'the backend configuration changed' : undefined;
  }
  if (record.backend !== backend) return 'the backend configuration changed';
  if (record.lock !== lockHash(workDir)) return 'the lock file changed';
  return undefined;
}

/** After a successful init: what it was made with (an init that made no .terraform needs no record). */
export function recordInit(workDir: string, env: NodeJS.ProcessEnv, backend: string): void {
  const data = dataDir(workDir, env);
  if (!existsSync(data)) return;
  const record: InitRecord = { backend, lock: lockHash(workDir) };
  writeFileSync(path.join(data, INIT_RECORD), `${JSON.stringify(record)}\n`);
}

/** Every setting tgo passes is what terraform recorded (it records every attribute of the backend's schema). */
function sameBackend(wanted: { type: string; config: ValueObject }, recorded: { type: string; config: ValueObject }): boolean {
  const same = (a: unknown, b: unknown): boolean => {
    if (a && typeof a === 'object' && !Array.isArray(a)) {
      return !!b && typeof b === 'object' && Object.entries(a).every(([k, v]) => same(v, (b as Record<string, unknown>)[k]));
    }
    if (Array.isArray(a)) return Array.isArray(b) && a.length === b.length && a.every((v, i) => same(v, b[i]));
    return a === null ? b === null || b === undefined : String(a) === String(b);
  };
  return wanted.type === recorded.type && same(wanted.config, recorded.config);
}

function readRecord(data: string): InitRecord | undefined {
  try {
    const r = JSON.parse(readFileSync(path.join(data, INIT_RECORD), 'utf8')) as InitRecord;
    return typeof r.backend === 'string' ? r : undefined;
  } catch {
    return undefined;
  }
}

function lockHash(workDir: string): string | null {
  const file = path.join(workDir, LOCK_FILE);
  return existsSync(file) ? createHash('sha256').update(readFileSync(file)).digest('hex') : null;
}

function readOrEmpty(file: string): string {
  try {
    return readFileSync(file, 'utf8');
  } catch {
    return '';
  }
}
