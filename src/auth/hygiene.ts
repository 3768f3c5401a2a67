// Terraform code that silently overrides the credentials tgo provides: a `profile` or static keys in the AWS
// provider or the S3 backend beat environment credentials (and container credentials), and their own
// `assume_role` re-chains from tgo's session (capped at 1 hour, and unable to refresh once tgo's session is
// gone). Found by parsing the module's *.tf files (after generate blocks are written) and its remote_state.

import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import type { Body } from '../config/hcl/ast.js';
import { parseConfig } from '../config/hcl/parser.js';
import type { ValueObject } from '../config/hcl/values.js';

export interface Override {
  /** e.g. `provider "aws"` or `backend "s3"` or `remote_state`. */
  block: string;
  setting: string;
  /** file:line (file relative to the working dir), or `terragrunt.hcl remote_state`. */
  where: string;
}

const PROVIDER_SETTINGS = ['profile', 'access_key', 'secret_key', 'token', 'shared_credentials_files', 'assume_role', 'assume_role_with_web_identity'];
const BACKEND_SETTINGS = ['profile', 'access_key', 'secret_key', 'token', 'shared_credentials_files', 'assume_role', 'assume_role_with_web_identity', 'role_arn'];

function scanBody(body: Body, file: string, out: Override[]): void {
  const hits = (b: Body, block: string, settings: string[]) => {
    for (const a of b.attributes) if (settings.includes(a.name)) out.push({ block, setting: a.name, where: `${file}:${a.range.start.line}` });
    for (const inner of b.blocks) if (settings.includes(inner.type)) out.push({ block, setting: inner.type, where: `${file}:${inner.range.start.line}` });
  };
  for (const b of body.blocks) {
    if (b.type === 'provider' && b.labels[0] === 'aws') hits(b.body, 'provider "aws"', PROVIDER_SETTINGS);
    if (b.type === 'terraform') {
      for (const inner of b.body.blocks) if (inner.type === 'backend' && inner.labels[0] === 's3') hits(inner.body, 'backend "s3"', BACKEND_SETTINGS);
    }
  }
}

/** Provider/backend settings in `workDir/*.tf` (and the module's remote_state) that override tgo's credentials. */
export function findCredentialOverrides(workDir: string, remoteState?: { backend: string; config: ValueObject }): Override[] {
  const out: Override[] = [];
  let names: string[] = [];
  try {
    names = readdirSync(workDir).filter((n) => n.endsWith('.tf')).sort();
  } catch {
    return out;
  }
  for (const name of names) {
    let text: string;
    try {
      text = readFileSync(path.join(workDir, name), 'utf8');
    } catch {
      continue;
    }
    // Cheap filter first: most files have neither block.
    if (!/\bprovider\s+"aws"|\bbackend\s+"s3"/.test(text)) continue;
    try {
      scanBody(parseConfig(text, name), name, out);
    } catch {
      // terraform reports its own syntax errors; this check is advice only.
    }
  }
  if (remoteState?.backend === 's3') {
    for (const k of BACKEND_SETTINGS) if (k in remoteState.config) out.push({ block: 'remote_state (s3)', setting: k, where: 'terragrunt.hcl' });
  }
  return out;
}

export function overrideWarning(o: Override, how: string): string {
  const why = o.setting.startsWith('assume_role') || o.setting === 'role_arn'
    ? `terraform assumes that role itself on top of ${how} (role chaining: at most 1 hour, and no refresh)`
    : `it overrides ${how}`;
  return `${o.block} sets ${o.setting} (${o.where}): ${why}`;
}

/**
 * With the credential server, a `default` profile that holds credentials silently wins: terraform's Go SDK
 * (profile removed from the environment, so "default") resolves the shared files before container
 * credentials. Returns "file [section] (setting)" for each such profile, for a warning.
 */
export function defaultProfileCredentials(env: NodeJS.ProcessEnv, home: string): string[] {
  const found: string[] = [];
  const files: Array<[string, string]> = [
    [env.AWS_SHARED_CREDENTIALS_FILE || path.join(home, '.aws', 'credentials'), 'default'],
    [env.AWS_CONFIG_FILE || path.join(home, '.aws', 'config'), 'default'],
  ];
  const keys = /^\s*(aws_access_key_id|credential_process|role_arn|web_identity_token_file|sso_session|sso_start_url|credential_source)\s*=/;
  for (const [file] of files) {
    let text: string;
    try {
      text = readFileSync(file, 'utf8');
    } catch {
      continue;
    }
    let inDefault = false;
    for (const line of text.split(/\r?\n/)) {
      const section = /^\s*\[\s*(?:profile\s+)?([^\]\s]+)\s*\]/.exec(line);
      if (section) {
        inDefault = section[1] === 'default';
        continue;
      }
      const m = inDefault ? keys.exec(line) : null;
      if (m) found.push(`${file} [default] (${m[1]})`);
    }
  }
  return found;
}
