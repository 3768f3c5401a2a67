// Parsed flags → the typed options the core takes.

import path from 'node:path';
import type { RoleOverrides } from '../auth/role.js';
import type { LogLevel, RunOptions } from '../run/options.js';
import { UsageError } from '../errors.js';
import { flagBool, flagNumber, flagString, parseArgs, type ParsedArgs } from './parse-args.js';

const LOG_LEVELS: LogLevel[] = ['error', 'warn', 'info', 'debug'];

export function roleOverrides(p: ParsedArgs): RoleOverrides {
  return {
    roleArn: flagString(p, 'iamRole'),
    duration: flagString(p, 'iamDuration'),
    sessionName: flagString(p, 'iamSessionName'),
    webIdentityToken: flagString(p, 'iamWebIdentityToken'),
  };
}

export function logLevel(p: ParsedArgs): LogLevel {
  const raw = flagString(p, 'logLevel');
  if (!raw) return 'info';
  const v = raw.value.toLowerCase();
  // Terragrunt's older names map onto ours.
  const mapped = v === 'trace' ? 'debug' : v === 'warning' ? 'warn' : v === 'panic' || v === 'fatal' ? 'error' : v;
  if (!LOG_LEVELS.includes(mapped as LogLevel)) throw new UsageError(`${raw.source} must be one of ${LOG_LEVELS.join(', ')}, got "${raw.value}"`);
  return mapped as LogLevel;
}

/** Build RunOptions from a command's raw argv. `all` = every module (run-all, run --all). */
export function runOptions(argv: string[], env: NodeJS.ProcessEnv, cwd: string, all: boolean): RunOptions {
  const p = parseArgs(argv, env);
  const [command = '', ...args] = p.rest;
  const parallelism = flagNumber(p, 'parallelism');
  if (parallelism && parallelism.value < 1) throw new UsageError(`${parallelism.source} must be at least 1, got ${parallelism.value}`);
  const wd = flagString(p, 'workingDir');
  return {
    workingDir: path.resolve(cwd, wd?.value ?? '.'),
    command,
    args,
    tfPath: flagString(p, 'tfPath')?.value,
    parallelism: parallelism?.value ?? Number.POSITIVE_INFINITY,
    nonInteractive: flagBool(p, 'nonInteractive') || env.TF_INPUT === 'false' || env.TF_INPUT === '0',
    autoInit: !flagBool(p, 'noAutoInit'),
    logLevel: logLevel(p),
    role: roleOverrides(p),
    env,
    all: all || flagBool(p, 'all'),
  };
}
