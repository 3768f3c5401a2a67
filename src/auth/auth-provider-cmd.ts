// Terragrunt's --auth-provider-cmd: a command run in each module's directory whose stdout is JSON
//   {"awsCredentials": {"ACCESS_KEY_ID", "SECRET_ACCESS_KEY", "SESSION_TOKEN"},
//    "awsRole": {"roleARN", "roleSessionName", "duration", "webIdentityToken"},
//    "envs": {"NAME": "value"}}
// awsCredentials win over awsRole (as in Terragrunt). The credentials it yields replace tgo's own base
// credentials for that module: the module's iam_role, if any, is assumed with them. It runs once per module
// per run, and not again when another module reads this one's outputs.

import { execFile } from 'node:child_process';
import { UsageError } from '../errors.js';
import { singleFlight } from '../shared/single-flight.js';
import type { SecretRegistry } from './secrets.js';
import type { AwsCredentials } from './sts.js';

export interface AuthProviderRole {
  roleArn: string;
  sessionName?: string;
  durationSeconds?: number;
  webIdentityToken?: string;
}

export interface AuthProviderResult {
  credentials?: AwsCredentials;
  /** Only when there are no credentials: a role to assume with tgo's own base credentials (or the token). */
  role?: AuthProviderRole;
  envs: Record<string, string>;
}

export class AuthProviderError extends Error {
  override name = 'AuthProviderError';
}

/** Split a command line like a POSIX shell would (quotes and backslashes), without running a shell. */
export function shellWords(line: string): string[] {
  const out: string[] = [];
  let cur = '';
  let inWord = false;
  let quote: '"' | "'" | undefined;
  for (let i = 0; i < line.length; i++) {
    const c = line[i]!;
    if (quote === "'") {
      if (c === "'") quote = undefined;
      else cur += c;
    } else if (quote === '"') {
      if (c === '"') quote = undefined;
      else if (c === '\\' && i + 1 < line.length && '"\\$`'.includes(line[i + 1]!)) cur += line[++i];
      else cur += c;
    } else if (c === "'" || c === '"') {
      quote = c;
      inWord = true;
    } else if (c === '\\' && i + 1 < line.length) {
      cur += line[++i];
      inWord = true;
    } else if (/\s/.test(c)) {
      if (inWord) out.push(cur);
      cur = '';
      inWord = false;
    } else {
      cur += c;
      inWord = true;
    }
  }
  if (quote) throw new UsageError(`--auth-provider-cmd: unterminated ${quote} quote in "${line}"`);
  if (inWord) out.push(cur);
  return out;
}

const SECRETISH = /TOKEN|SECRET|PASSWORD|PASSWD|CREDENTIAL|PRIVATE|(^|_)KEY($|_)/i;

/** Validate the command's stdout; every secret in it is registered for redaction before anything else. */
export function parseAuthProviderOutput(cmd: string, stdout: string, secrets?: SecretRegistry): AuthProviderResult {
  if (stdout.trim() === '') throw new AuthProviderError(`auth provider command ${cmd} completed successfully, but printed no JSON on stdout`);
  let doc: unknown;
  try {
    doc = JSON.parse(stdout);
  } catch (e) {
    throw new AuthProviderError(`auth provider command ${cmd} printed invalid JSON: ${(e as Error).message}`);
  }
  if (typeof doc !== 'object' || doc === null || Array.isArray(doc)) {
    throw new AuthProviderError(`auth provider command ${cmd} must print a JSON object with awsCredentials, awsRole and/or envs`);
  }
  const d = doc as { awsCredentials?: unknown; awsRole?: unknown; envs?: unknown };
  const str = (o: Record<string, unknown>, k: string, where: string): string | undefined => {
    const v = o[k];
    if (v === undefined || v === null || v === '') return undefined;
    if (typeof v !== 'string') throw new AuthProviderError(`auth provider command ${cmd}: ${where}.${k} must be a string`);
    return v;
  };
  const obj = (v: unknown, where: string): Record<string, unknown> | undefined => {
    if (v === undefined || v === null) return undefined;
    if (typeof v !== 'object' || Array.isArray(v)) throw new AuthProviderError(`auth provider command ${cmd}: ${where} must be an object`);
    return v as Record<string, unknown>;
  };

  const envs: Record<string, string> = {};
  for (const [k, v] of Object.entries(obj(d.envs, 'envs') ?? {})) {
    if (typeof v !== 'string') throw new AuthProviderError(`auth provider command ${cmd}: envs.${k} must be a string`);
    envs[k] = v;
    if (SECRETISH.test(k)) secrets?.add(v);
  }
  const result: AuthProviderResult = { envs };

  const ac = obj(d.awsCredentials, 'awsCredentials');
  if (ac) {
    const accessKeyId = str(ac, 'ACCESS_KEY_ID', 'awsCredentials');
    const secretAccessKey = str(ac, 'SECRET_ACCESS_KEY', 'awsCredentials');
    const sessionToken = str(ac, 'SESSION_TOKEN', 'awsCredentials');
    secrets?.add(secretAccessKey, sessionToken);
    const missing = [!accessKeyId && 'ACCESS_KEY_ID', !secretAccessKey && 'SECRET_ACCESS_KEY'].filter(Boolean);
    if (missing.length > 0) throw new AuthProviderError(`auth provider command ${cmd}: awsCredentials lacks ${missing.join(' and ')}`);
    result.credentials = { accessKeyId: accessKeyId!, secretAccessKey: secretAccessKey!, sessionToken };
    return result;
  }
  const ar = obj(d.awsRole, 'awsRole');
  if (ar) {
    const webIdentityToken = str(ar, 'webIdentityToken', 'awsRole');
    secrets?.add(webIdentityToken);
    const roleArn = str(ar, 'roleARN', 'awsRole');
    if (!roleArn) throw new AuthProviderError(`auth provider command ${cmd}: awsRole lacks roleARN`);
    const duration = ar.duration;
    if (duration !== undefined && duration !== null && (typeof duration !== 'number' || !Number.isInteger(duration) || duration < 0)) {
      throw new AuthProviderError(`auth provider command ${cmd}: awsRole.duration must be a whole number of seconds`);
    }
    result.role = {
      roleArn,
      sessionName: str(ar, 'roleSessionName', 'awsRole'),
      durationSeconds: typeof duration === 'number' && duration > 0 ? duration : undefined,
      webIdentityToken,
    };
  }
  return result;
}

/** Runs the command once per module directory per run (single-flight), in that directory. */
export class AuthProvider {
  /** A failed run is kept too: the command is not run again for that module in this run. */
  private readonly results = singleFlight<string, AuthProviderResult>();
  private readonly argv: string[];
  /** Times the command was started (tests, debug). */
  runs = 0;

  constructor(
    readonly cmd: string,
    private readonly o: { env: NodeJS.ProcessEnv; secrets?: SecretRegistry; timeoutMs?: number; onStderr?: (dir: string, line: string) => void },
  ) {
    this.argv = shellWords(cmd);
    if (this.argv.length === 0) throw new UsageError('--auth-provider-cmd is empty');
  }

  forModule(dir: string): Promise<AuthProviderResult> {
    return this.results(dir, () => this.run(dir));
  }

  private run(dir: string): Promise<AuthProviderResult> {
    this.runs++;
    const [bin, ...args] = this.argv as [string, ...string[]];
    return new Promise((resolve, reject) => {
      execFile(bin, args, { cwd: dir, env: this.o.env, encoding: 'utf8', maxBuffer: 16 << 20, timeout: this.o.timeoutMs ?? 300_000 }, (err, stdout, stderr) => {
        // Secrets first: even a failing command's output may carry some.
        let parsed: AuthProviderResult | undefined;
        let parseError: unknown;
        try {
          parsed = parseAuthProviderOutput(this.cmd, stdout, this.o.secrets);
        } catch (e) {
          parseError = e;
        }
        for (const line of stderr.split('\n')) if (line.trim()) this.o.onStderr?.(dir, line);
        if (err) {
          const e = err as NodeJS.ErrnoException & { code?: string | number; killed?: boolean };
          const why = e.code === 'ENOENT' ? 'command not found' : e.killed ? 'timed out' : `exit code ${e.code ?? '?'}`;
          const tail = stderr.trim().split('\n').slice(-3).join(' | ');
          const msg = `auth provider command ${this.cmd} failed: ${why}${tail ? `: ${tail}` : ''}`;
          return reject(new AuthProviderError(this.o.secrets ? this.o.secrets.redact(msg) : msg));
        }
        if (parseError) return reject(parseError);
        resolve(parsed!);
      });
    });
  }
}
