// Parsed flags → the typed options the core takes.

import { existsSync } from 'node:fs';
import path from 'node:path';
import type { RoleOverrides } from '../auth/role.js';
import { ROLE_PARAMS } from '../config/role-params.js';
import { describeSource } from '../shared/provenance.js';
import type { LogLevel, RunOptions } from '../run/options.js';
import { UsageError } from '../errors.js';
import { LOG_FORMATS, type LogFormat } from '../render/log-format.js';
import { defaultProviderCacheDir } from '../terraform/provider-cache.js';
import { cleanPath, compileGlob, GlobError } from '../shared/glob.js';
import { flagBool, flagList, flagNumber, flagString, parseArgs, type ParsedArgs } from './parse-args.js';
import { parseSourceMap, type SourceOptions } from '../source/overrides.js';
import { filterOptions } from './filter-options.js';

const LOG_LEVELS: LogLevel[] = ['error', 'warn', 'info', 'debug'];
const CURRENT_INCLUDE = new Set(['--queue-include-dir', 'TG_QUEUE_INCLUDE_DIR']);

/** Each role parameter's flag or env value (src/config/role-params.ts). */
export function roleOverrides(p: ParsedArgs): RoleOverrides {
  const out: RoleOverrides = {};
  for (const param of ROLE_PARAMS) {
    const v = flagString(p, param.flag.key);
    if (v) out[param.key] = v;
  }
  return out;
}

export function logLevel(p: ParsedArgs): LogLevel {
  const raw = flagString(p, 'logLevel');
  if (!raw) return 'info';
  const v = raw.value.toLowerCase();
  // Terragrunt's older names map onto ours.
  const mapped = v === 'trace' ? 'debug' : v === 'warning' ? 'warn' : v === 'panic' || v === 'fatal' ? 'error' : v;
  if (!LOG_LEVELS.includes(mapped as LogLevel)) throw new UsageError(`${describeSource(raw.source)} must be one of ${LOG_LEVELS.join(', ')}, got "${raw.value}"`);
  return mapped as LogLevel;
}

/** --source, --source-map, --source-update, --download-dir. */
export function sourceOptions(p: ParsedArgs, workingDir: string): SourceOptions | undefined {
  const source = flagString(p, 'source');
  const map = p.flags.get('sourceMap');
  const update = flagBool(p, 'sourceUpdate');
  const downloadDir = flagString(p, 'downloadDir');
  if (!source && !map && !update && !downloadDir) return undefined;
  let sourceMap: Record<string, string> | undefined;
  try {
    sourceMap = map ? parseSourceMap(map.value as string[], describeSource(map.source)) : undefined;
  } catch (e) {
    throw new UsageError((e as Error).message);
  }
  return {
    source: source?.value,
    sourceMap,
    sourceUpdate: update,
    downloadDir: downloadDir ? path.resolve(workingDir, downloadDir.value) : undefined,
  };
}

/** --feature name=value (repeatable; TG_FEATURE takes a comma-separated list of them). */
export function featureFlags(p: ParsedArgs): Record<string, string> | undefined {
  const raw = flagList(p, 'feature');
  if (!raw || raw.length === 0) return undefined;
  const out: Record<string, string> = {};
  for (const item of raw) {
    const eq = item.indexOf('=');
    if (eq <= 0) throw new UsageError(`--feature takes name=value, got "${item}"`);
    out[item.slice(0, eq).trim()] = item.slice(eq + 1);
  }
  return out;
}

export function logFormat(p: ParsedArgs): LogFormat | undefined {
  const raw = flagString(p, 'logFormat');
  if (!raw) return undefined;
  const v = raw.value.toLowerCase() as LogFormat;
  if (!LOG_FORMATS.includes(v)) throw new UsageError(`${describeSource(raw.source)} must be one of ${LOG_FORMATS.join(', ')}, got "${raw.value}".`);
  return v;
}

/** Build RunOptions from a command's raw argv. `all` = every module (run-all, run --all). */
export function runOptions(argv: string[], env: NodeJS.ProcessEnv, cwd: string, all: boolean): RunOptions {
  const p = parseArgs(argv, env);
  // The terraform command is the first word; terraform flags before it (`run-all -lock=false plan`) stay in order.
  const at = p.rest.findIndex((a) => !a.startsWith('-'));
  const command = at >= 0 ? p.rest[at]! : '';
  const args = at >= 0 ? [...p.rest.slice(0, at), ...p.rest.slice(at + 1)] : p.rest;
  const parallelism = flagNumber(p, 'parallelism');
  if (parallelism && parallelism.value < 1) throw new UsageError(`${describeSource(parallelism.source)} must be at least 1, got ${parallelism.value}`);
  const wd = flagString(p, 'workingDir');
  const workingDir = path.resolve(cwd, wd?.value ?? '.');
  const config = flagString(p, 'config');
  const configFile = config ? path.resolve(workingDir, config.value) : undefined;
  // One module: the file itself must be there (run-all only looks for folders holding a file of that name).
  if (configFile && !all && !flagBool(p, 'all') && !existsSync(configFile)) throw new UsageError(`${describeSource(config!.source)}: ${configFile} does not exist`);
  const shard = flagString(p, 'shard');
  const shardLevel = flagNumber(p, 'shardLevel');
  if (shardLevel && !shard) throw new UsageError(`${describeSource(shardLevel.source)} needs --shard k/n.`);
  if (shardLevel && shardLevel.value < 1) throw new UsageError(`${describeSource(shardLevel.source)} must be at least 1, got ${shardLevel.value}`);
  const filtering = filterOptions(p, workingDir);
  // As in Terragrunt, --filter makes a run an every-unit one; a filters file alone does not.
  all ||= filtering.impliesAll;
  return {
    workingDir,
    command,
    args,
    tfPath: flagString(p, 'tfPath')?.value,
    parallelism: parallelism?.value ?? Number.POSITIVE_INFINITY,
    nonInteractive: flagBool(p, 'nonInteractive') || env.TF_INPUT === 'false' || env.TF_INPUT === '0',
    autoInit: !flagBool(p, 'noAutoInit'),
    dependencyOutputsFromState: !flagBool(p, 'noDependencyFetchOutputFromState'),
    autoRetry: !flagBool(p, 'noAutoRetry'),
    providerCacheDir: flagBool(p, 'providerCache') ? path.resolve(workingDir, flagString(p, 'providerCacheDir')?.value ?? defaultProviderCacheDir(env)) : undefined,
    logLevel: logLevel(p),
    noColor: flagBool(p, 'noColor'),
    logFormat: logFormat(p),
    inputsDebug: flagBool(p, 'inputsDebug'),
    outDir: dirFlag(p, 'outDir', workingDir),
    backendBootstrap: flagBool(p, 'backendBootstrap'),
    disableBucketUpdate: flagBool(p, 'disableBucketUpdate'),
    jsonOutDir: dirFlag(p, 'jsonOutDir', workingDir),
    role: roleOverrides(p),
    env,
    all: all || flagBool(p, 'all'),
    failFast: flagBool(p, 'failFast'),
    ignoreDependencyErrors: flagBool(p, 'ignoreDependencyErrors'),
    ignoreDependencyOrder: flagBool(p, 'ignoreDependencyOrder'),
    includeDirs: globList(p, 'includeDir'),
    excludeDirs: globList(p, 'excludeDir'),
    includeDirsFrom: sourceName(p, 'includeDir'),
    includeUnitsReading: globList(p, 'includeUnitsReading'),
    includeUnitsReadingFrom: sourceName(p, 'includeUnitsReading'),
    excludeDirsFrom: sourceName(p, 'excludeDir'),
    // Terragrunt 1.x: --queue-include-dir selects only the matching units (its classic spelling also brings
    // their dependencies); --queue-include-external asks for the dependencies too.
    strictInclude: flagBool(p, 'strictInclude') || (CURRENT_INCLUDE.has(sourceName(p, 'includeDir') ?? '') && !flagBool(p, 'includeExternal')),
    filters: filtering.filters.length > 0 ? filtering.filters : undefined,
    filterAllowDestroy: flagBool(p, 'filterAllowDestroy'),
    filterWarnings: filtering.warnings,
    externalDependencies: flagBool(p, 'includeExternal') ? 'include' : flagBool(p, 'ignoreExternal') ? 'ignore' : 'ask',
    reportFile: flagString(p, 'reportFile')?.value,
    reportFormat: flagString(p, 'reportFormat')?.value,
    jsonOut: flagString(p, 'jsonOut')?.value,
    summary: !flagBool(p, 'summaryDisable'),
    mfaToken: flagString(p, 'iamMfaToken')?.value,
    credentialServer: flagBool(p, 'iamCredentialServer'),
    authProviderCmd: flagString(p, 'authProviderCmd')?.value,
    sources: sourceOptions(p, workingDir),
    configFile,
    changedSince: flagString(p, 'changedSince')?.value,
    shard: shard ? { ...parseShard(shard.value, describeSource(shard.source)), level: shardLevel?.value } : undefined,
    features: featureFlags(p),
    noStackGenerate: flagBool(p, 'noStackGenerate'),
    noStackValidate: flagBool(p, 'noStackValidate'),
  };
}

/** `k/n` → { index: k, count: n }, 1 ≤ k ≤ n. */
export function parseShard(raw: string, where: string): { index: number; count: number } {
  const m = /^\s*(\d+)\s*\/\s*(\d+)\s*$/.exec(raw);
  const index = m ? Number(m[1]) : NaN;
  const count = m ? Number(m[2]) : NaN;
  if (!m || count < 1 || index < 1 || index > count) {
    throw new UsageError(`${where} expects k/n with 1 <= k <= n (for example 2/4), got "${raw}".`);
  }
  return { index, count };
}

/** A list of globs, each checked now so that a malformed one stops the command before anything is loaded. */
function globList(p: ParsedArgs, key: string): string[] {
  const globs = flagList(p, key);
  for (const g of globs) {
    try {
      compileGlob(cleanPath(g));
    } catch (e) {
      if (e instanceof GlobError) throw new UsageError(`${sourceName(p, key)}: ${JSON.stringify(g)} is not a valid glob: ${e.message}.`);
      throw e;
    }
  }
  return globs;
}

/** The flag as typed or the env var that set `key`, for messages. */
function sourceName(p: ParsedArgs, key: string): string | undefined {
  const s = p.flags.get(key)?.source;
  return s && describeSource(s);
}

/** A directory flag, absolute (a relative one is relative to the working dir, as in Terragrunt). */
function dirFlag(p: ParsedArgs, key: string, workingDir: string): string | undefined {
  const v = flagString(p, key)?.value;
  return v ? path.resolve(workingDir, v) : undefined;
}
