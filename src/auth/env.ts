// What a module's terraform sees: a copy of tgo's environment with the role's credentials. Profile and stale
// token variables are removed so nothing (AWS_PROFILE beating env keys in some SDKs, a stale
// AWS_SECURITY_TOKEN read first by botocore) can silently override the injected credentials.

import type { AwsCredentials } from './sts.js';

/** Removed from a module's environment whenever tgo injects role credentials. */
export const SHADOWING_VARS = [
  'AWS_PROFILE',
  'AWS_DEFAULT_PROFILE',
  'AWS_SECURITY_TOKEN',
  'AWS_SESSION_TOKEN',
  'AWS_CREDENTIAL_EXPIRATION',
  'AWS_SESSION_EXPIRATION',
  'AWS_WEB_IDENTITY_TOKEN_FILE',
  'AWS_ROLE_ARN',
  'AWS_ROLE_SESSION_NAME',
  'AWS_CONTAINER_CREDENTIALS_FULL_URI',
  'AWS_CONTAINER_CREDENTIALS_RELATIVE_URI',
  'AWS_CONTAINER_AUTHORIZATION_TOKEN',
  'AWS_CONTAINER_AUTHORIZATION_TOKEN_FILE',
];

export type Env = Record<string, string>;

export function copyEnv(env: NodeJS.ProcessEnv): Env {
  const out: Env = {};
  for (const [k, v] of Object.entries(env)) if (v !== undefined) out[k] = v;
  return out;
}

/** Returns the names removed, for a debug note. */
export function injectCredentials(env: Env, creds: AwsCredentials): string[] {
  const removed = SHADOWING_VARS.filter((k) => k in env && k !== 'AWS_SESSION_TOKEN' && k !== 'AWS_SECURITY_TOKEN');
  // A stale AWS_SECURITY_TOKEN (not tgo's base session token) is worth a note: botocore reads it first.
  if (env.AWS_SECURITY_TOKEN && env.AWS_SECURITY_TOKEN !== env.AWS_SESSION_TOKEN) removed.push('AWS_SECURITY_TOKEN');
  for (const k of SHADOWING_VARS) delete env[k];
  env.AWS_ACCESS_KEY_ID = creds.accessKeyId;
  env.AWS_SECRET_ACCESS_KEY = creds.secretAccessKey;
  if (creds.sessionToken) {
    env.AWS_SESSION_TOKEN = creds.sessionToken;
    // Terragrunt sets both; older tools read AWS_SECURITY_TOKEN.
    env.AWS_SECURITY_TOKEN = creds.sessionToken;
  }
  if (creds.expiration) env.AWS_CREDENTIAL_EXPIRATION = creds.expiration.toISOString();
  return removed;
}

/** Static keys a module must not see when it gets its credentials from the credential server. */
const STATIC_KEYS = ['AWS_ACCESS_KEY_ID', 'AWS_SECRET_ACCESS_KEY', 'AWS_SESSION_TOKEN', 'AWS_SECURITY_TOKEN'];

/**
 * Point the module at the credential server instead of static keys. Static keys must go: every SDK ranks
 * environment keys above container credentials. Returns the names removed (other than static keys), for a debug note.
 */
export function injectContainerCredentials(env: Env, vars: Record<string, string>): string[] {
  const removed = SHADOWING_VARS.filter((k) => k in env && k !== 'AWS_SESSION_TOKEN' && k !== 'AWS_SECURITY_TOKEN' && !(k in vars));
  if (env.AWS_SECURITY_TOKEN && env.AWS_SECURITY_TOKEN !== env.AWS_SESSION_TOKEN) removed.push('AWS_SECURITY_TOKEN');
  for (const k of [...SHADOWING_VARS, ...STATIC_KEYS]) delete env[k];
  Object.assign(env, vars);
  return removed;
}

/**
 * Put a module's credentials in its environment: the credential server's address and token when it serves
 * them, else the keys themselves. Returns the names removed, for a debug note.
 */
export function applyCredentials(env: Env, c: { credentials?: AwsCredentials; served?: Record<string, string> }): string[] {
  if (c.served) return injectContainerCredentials(env, c.served);
  if (c.credentials) return injectCredentials(env, c.credentials);
  return [];
}
