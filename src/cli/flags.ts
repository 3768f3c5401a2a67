// tgo's own flags: one table for the classic (`--terragrunt-*`) and current names and their env twins.
// The router, the argv parser and the oclif help all read this table, so a flag is declared exactly once.

export type FlagKind = 'string' | 'boolean' | 'integer' | 'list';

export interface FlagSpec {
  /** Key in the parsed flag values. */
  key: string;
  kind: FlagKind;
  /** Long names without dashes: classic first, then current. */
  names: string[];
  /** Env vars, highest precedence first (current TG_* before classic TERRAGRUNT_*). */
  env: string[];
  description: string;
  group: 'IAM' | 'RUN' | 'QUEUE' | 'OUTPUT' | 'GLOBAL';
}

const flag = (
  key: string,
  kind: FlagKind,
  names: string[],
  env: string[],
  group: FlagSpec['group'],
  description: string,
): FlagSpec => ({ key, kind, names, env, group, description });

export const FLAGS: FlagSpec[] = [
  // IAM role assumption (Terragrunt's names, classic and current).
  flag('iamRole', 'string', ['terragrunt-iam-role', 'iam-assume-role'], ['TG_IAM_ASSUME_ROLE', 'TERRAGRUNT_IAM_ROLE'], 'IAM',
    'IAM role ARN to assume for every module (overrides iam_role in terragrunt.hcl).'),
  flag('iamDuration', 'string', ['terragrunt-iam-assume-role-duration', 'iam-assume-role-duration'],
    ['TG_IAM_ASSUME_ROLE_DURATION', 'TERRAGRUNT_IAM_ASSUME_ROLE_DURATION'], 'IAM',
    'Session duration in seconds for the assumed role (900-43200, default 3600).'),
  flag('iamSessionName', 'string', ['terragrunt-iam-assume-role-session-name', 'iam-assume-role-session-name'],
    ['TG_IAM_ASSUME_ROLE_SESSION_NAME', 'TERRAGRUNT_IAM_ASSUME_ROLE_SESSION_NAME'], 'IAM',
    'Session name for the assumed role (default terragrunt-<unix nanoseconds>).'),
  flag('iamWebIdentityToken', 'string', ['terragrunt-iam-web-identity-token', 'iam-assume-role-web-identity-token'],
    ['TG_IAM_ASSUME_ROLE_WEB_IDENTITY_TOKEN', 'TERRAGRUNT_IAM_WEB_IDENTITY_TOKEN', 'TERRAGRUNT_IAM_ASSUME_ROLE_WEB_IDENTITY_TOKEN'], 'IAM',
    'Web identity (OIDC) token, or the path of a file holding one: assume the role with AssumeRoleWithWebIdentity.'),

  // Where and what to run.
  flag('workingDir', 'string', ['terragrunt-working-dir', 'working-dir'], ['TG_WORKING_DIR', 'TERRAGRUNT_WORKING_DIR'], 'GLOBAL',
    'Directory to run in (default: the current directory).'),
  flag('tfPath', 'string', ['terragrunt-tfpath', 'tf-path'], ['TG_TF_PATH', 'TERRAGRUNT_TFPATH'], 'RUN',
    'Path of the terraform binary (default: terraform on PATH).'),
  flag('parallelism', 'integer', ['terragrunt-parallelism', 'parallelism'], ['TG_PARALLELISM', 'TERRAGRUNT_PARALLELISM'], 'QUEUE',
    'Maximum number of modules run at once (default: unlimited).'),
  flag('nonInteractive', 'boolean', ['terragrunt-non-interactive', 'non-interactive'],
    ['TG_NON_INTERACTIVE', 'TERRAGRUNT_NON_INTERACTIVE'], 'GLOBAL', 'Assume "yes" for every prompt.'),
  flag('logLevel', 'string', ['terragrunt-log-level', 'log-level'], ['TG_LOG_LEVEL', 'TERRAGRUNT_LOG_LEVEL'], 'GLOBAL',
    'Log level: error, warn, info (default), debug.'),
  flag('noAutoInit', 'boolean', ['terragrunt-no-auto-init', 'no-auto-init'], ['TG_NO_AUTO_INIT', 'TERRAGRUNT_NO_AUTO_INIT'], 'RUN',
    'Do not run terraform init automatically when a module has no .terraform directory.'),
  flag('all', 'boolean', ['all'], ['TG_ALL'], 'QUEUE', 'With `run`: run the command in every module (same as run-all).'),
];

const byName = new Map<string, FlagSpec>();
for (const f of FLAGS) for (const n of f.names) byName.set(n, f);

/**
 * The tgo flag a token names, if any, and its inline `=value`. Classic `terragrunt-*` names are accepted with
 * one or two dashes (as Terragrunt did); current names only with two, because terraform's own single-dash
 * flags (e.g. `-parallelism=4`) must reach terraform untouched.
 */
export function matchFlag(token: string): { spec: FlagSpec; inline?: string } | undefined {
  if (!token.startsWith('-') || token === '-' || token === '--') return undefined;
  const doubleDash = token.startsWith('--');
  const body = token.slice(doubleDash ? 2 : 1);
  const eq = body.indexOf('=');
  const name = eq >= 0 ? body.slice(0, eq) : body;
  const spec = byName.get(name);
  if (!spec) return undefined;
  if (!doubleDash && !name.startsWith('terragrunt-')) return undefined;
  return eq >= 0 ? { spec, inline: body.slice(eq + 1) } : { spec };
}
