// Terragrunt's own functions. They depend on where they are evaluated (which module, which included file),
// so the table is built per evaluation context; the path/command lists mirror Terragrunt's.

import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { satisfies } from '../../shared/version-constraint.js';
import { defaultConfigFile } from '../config-files.js';
import { FunctionError, type FunctionTable, type HclFunction } from '../hcl/functions.js';
import { asList, asString } from '../hcl/convert.js';
import { isObject, type Value, type ValueObject } from '../hcl/values.js';
import { COMMANDS_NEED_INPUT, COMMANDS_NEED_LOCKING, COMMANDS_NEED_PARALLELISM, COMMANDS_NEED_VARS } from '../../shared/terraform-commands.js';

export interface IncludeRef {
  label: string;
  /** Absolute path of the included file. */
  path: string;
}

/** Where an expression is being evaluated. */
export interface TerragruntScope {
  /** The file whose expressions are evaluated (an included or read file, or the module's own). */
  file: string;
  /** Config path whose directory get_terragrunt_dir() returns and find_in_parent_folders() starts from. */
  configPath: string;
  /** The module the whole evaluation is for (get_original_terragrunt_dir). */
  originalConfigPath: string;
  /** The module's include blocks, for get_parent_terragrunt_dir / path_relative_*_include. */
  includes: IncludeRef[];
}

/** Services the functions need from the run (caches live there, so each is done once per run). */
export interface TerragruntServices {
  env: NodeJS.ProcessEnv;
  workingDir: string;
  terraformCommand: string;
  terraformArgs: string[];
  readTerragruntConfig(file: string, from: TerragruntScope): Value;
  /** A .tfvars (HCL) or .tfvars.json file as a JSON string (Terragrunt's read_tfvars_file). */
  readTfvarsFile(file: string): string;
  /** Runs in `dir`; cached per dir+args ('dir', Terragrunt's default), per args ('global') or not at all ('none'). */
  runCmd(dir: string, args: string[], quiet: boolean, cache?: RunCmdCache): string;
  /** Caller identity of the module's role (issue: get_aws_account_id answers for the assumed role). */
  awsIdentity?(): { account: string; arn: string; userId: string; alias?: string };
  /** Whether a file exists (the loader answers from a per-run cache: every module asks about the same parents). */
  fileExists?(file: string): boolean;
  /** Where terraform runs for the module (its .terragrunt-cache copy when it has a source). */
  terraformWorkingDir?(): string;
  /** The value of --source, '' when not given. */
  sourceCliFlag?: string;
  /** A sops-encrypted file's plain text, decrypted by the sops program with the module's credentials. */
  sopsDecrypt?(file: string, from: TerragruntScope): string;
  /** The git top-level directory of `dir` (the loader answers once per repository per run). */
  repoRoot?(dir: string): string;
}

export type RunCmdCache = 'dir' | 'global' | 'none';
const RUN_CMD_FLAGS = new Set(['--terragrunt-quiet', '--terragrunt-global-cache', '--terragrunt-no-cache']);

const fn = (params: string[], impl: HclFunction['impl'], extra: Partial<HclFunction> = {}): HclFunction => ({
  params,
  impl,
  ...extra,
});

export function terragruntFunctions(scope: TerragruntScope, svc: TerragruntServices): FunctionTable {
  const terragruntDir = path.dirname(scope.configPath);
  /**
   * The include path_relative_*_include() and get_parent_terragrunt_dir() refer to (Terragrunt's
   * getSelectedIncludeBlock): inside an included file, that file whatever the label; in the child, its only include,
   * or with several includes the one whose label is given.
   */
  const findInclude = (label: Value | undefined, fnName: string): IncludeRef | undefined => {
    if (scope.file !== scope.configPath) {
      const self = scope.includes.find((i) => i.path === scope.file);
      if (self) return self;
    }
    // By label, the last block of a label winning (Terragrunt looks them up in a map).
    const byLabel = new Map(scope.includes.map((i) => [i.label, i]));
    const labels = [...byLabel.keys()].map((l) => `"${l}"`).join(', ');
    if (byLabel.size === 0) return undefined;
    if (byLabel.size === 1) return [...byLabel.values()][0];
    if (label === undefined) {
      throw new FunctionError(`this configuration has ${byLabel.size} include blocks (${labels}): `
        + `name the one to use, e.g. ${fnName}("${scope.includes[0]!.label}")`);
    }
    const name = asString(label, 'include label');
    const found = byLabel.get(name);
    if (!found) throw new FunctionError(`there is no include block labelled "${name}" in this configuration (labels: ${labels})`, 0);
    return found;
  };
  const resolve = (p: string) => (path.isAbsolute(p) ? p : path.resolve(terragruntDir, p));
  // Terragrunt asks git in the unit's working dir (the read file's dir inside read_terragrunt_config).
  const repoRoot = () => (svc.repoRoot ?? gitTopLevel)(terragruntDir);
  const identity = () => {
    if (!svc.awsIdentity) throw new FunctionError('AWS caller identity is not available here');
    return svc.awsIdentity();
  };

  return {
    find_in_parent_folders: fn(['name', 'fallback'], (args) => {
      const name = args.length > 0 ? asString(args[0]!, 'name') : 'terragrunt.hcl';
      const exists = svc.fileExists ?? existsSync;
      // Terragrunt starts in the parent of the config's directory: a file never finds itself. Without a name
      // each folder's terragrunt.hcl.json counts too, as GetDefaultConfigPath looks for it first.
      let dir = path.dirname(terragruntDir);
      for (let prev = terragruntDir; dir !== prev; prev = dir, dir = path.dirname(dir)) {
        const candidate = args.length > 0 ? path.join(dir, name) : defaultConfigFile(dir, exists);
        if (exists(candidate)) return candidate;
      }
      if (args.length > 1) return args[1]!;
      throw new FunctionError(`could not find a ${name} in any of the parent folders of ${scope.configPath}`);
    }, { optional: 2 }),
    path_relative_to_include: fn(['name'], (args) => {
      const inc = findInclude(args[0], 'path_relative_to_include');
      return inc ? slash(path.relative(path.dirname(inc.path), terragruntDir)) || '.' : '.';
    }, { optional: 1 }),
    path_relative_from_include: fn(['name'], (args) => {
      const inc = findInclude(args[0], 'path_relative_from_include');
      return inc ? slash(path.relative(terragruntDir, path.dirname(inc.path))) || '.' : '.';
    }, { optional: 1 }),
    get_terragrunt_dir: fn([], () => terragruntDir),
    get_original_terragrunt_dir: fn([], () => path.dirname(scope.originalConfigPath)),
    get_parent_terragrunt_dir: fn(['name'], (args) => {
      const inc = findInclude(args[0], 'get_parent_terragrunt_dir');
      return inc ? path.dirname(inc.path) : terragruntDir;
    }, { optional: 1 }),
    get_working_dir: fn([], () => svc.terraformWorkingDir?.() ?? terragruntDir),
    get_repo_root: fn([], () => repoRoot()),
    get_path_from_repo_root: fn([], () => slash(path.relative(repoRoot(), terragruntDir)) || '.'),
    get_path_to_repo_root: fn([], () => slash(path.relative(terragruntDir, repoRoot())) || '.'),
    get_env: fn(['name', 'default'], (args) => {
      const name = asString(args[0]!, 'name');
      const v = svc.env[name];
      if (v !== undefined) return v;
      if (args.length > 1) return args[1]!;
      throw new FunctionError(`environment variable "${name}" is not set and no default was given`, 0);
    }, { optional: 1 }),
    get_platform: fn([], () => (process.platform === 'win32' ? 'windows' : process.platform)),
    get_terraform_command: fn([], () => svc.terraformCommand),
    // Terragrunt's TerraformCliArgs start with the command itself: ["apply", "-auto-approve"].
    get_terraform_cli_args: fn([], () => (svc.terraformCommand ? [svc.terraformCommand, ...svc.terraformArgs] : [...svc.terraformArgs])),
    get_terraform_commands_that_need_vars: fn([], () => [...COMMANDS_NEED_VARS]),
    get_terraform_commands_that_need_locking: fn([], () => [...COMMANDS_NEED_LOCKING]),
    get_terraform_commands_that_need_input: fn([], () => [...COMMANDS_NEED_INPUT]),
    get_terraform_commands_that_need_parallelism: fn([], () => [...COMMANDS_NEED_PARALLELISM]),
    get_terragrunt_source_cli_flag: fn([], () => svc.sourceCliFlag ?? ''),
    get_default_retryable_errors: fn([], () => [...DEFAULT_RETRYABLE_ERRORS]),
    // Terragrunt's constraint_check(version, constraint): HashiCorp's constraint syntax (as terraform_version_constraint).
    constraint_check: fn(['version', 'constraint'], (args) => {
      const v = asString(args[0]!, 'version');
      const c = asString(args[1]!, 'constraint');
      try {
        return satisfies(v, c);
      } catch (e) {
        throw new FunctionError((e as Error).message);
      }
    }),
    read_terragrunt_config: fn(['config_path', 'default'], (args, ctx) => {
      // A folder reads its config file (Terragrunt's getCleanedTargetConfigPath).
      const given = resolve(asString(args[0]!, 'config_path'));
      const file = isDirectory(given) ? defaultConfigFile(given) : given;
      ctx.onRead?.(file); // also when missing: creating it changes the module
      if (!existsSync(file)) {
        if (args.length > 1) return args[1]!;
        throw new FunctionError(`${file} does not exist`, 0);
      }
      return svc.readTerragruntConfig(file, scope);
    }, { optional: 1 }),
    read_tfvars_file: fn(['path'], (args, ctx) => {
      const file = resolve(asString(args[0]!, 'path'));
      ctx.onRead?.(file);
      // Missing: an error at the call (file, attribute, line), as for read_terragrunt_config.
      if (!existsSync(file)) throw new FunctionError(`${file} does not exist`, 0);
      return svc.readTfvarsFile(file);
    }),
    run_cmd: fn([], (args) => {
      const words = args.map((a, i) => asString(a, `argument ${i + 1}`));
      let quiet = false;
      let cache: RunCmdCache = 'dir';
      const seen = new Set<string>();
      while (words[0] !== undefined && RUN_CMD_FLAGS.has(words[0])) {
        const opt = words.shift()!;
        seen.add(opt);
        if (opt === '--terragrunt-quiet') quiet = true;
        else if (opt === '--terragrunt-global-cache') cache = 'global';
        else if (opt === '--terragrunt-no-cache') cache = 'none';
      }
      if (seen.has('--terragrunt-global-cache') && seen.has('--terragrunt-no-cache')) {
        throw new FunctionError('--terragrunt-global-cache and --terragrunt-no-cache cannot be used together');
      }
      if (words.length === 0) throw new FunctionError('run_cmd needs a command to run');
      return svc.runCmd(terragruntDir, words, quiet, cache);
    }, { variadic: 'args' }),
    // The argument comes back unchanged; the file counts as read by the unit (changed-since, units-reading).
    mark_as_read: fn(['path'], (args, ctx) => {
      ctx.onRead?.(resolve(asString(args[0]!, 'path')));
      return args[0]!;
    }),
    mark_glob_as_read: fn([], (args, ctx) => {
      const words = args.map((a, i) => asString(a, `argument ${i + 1}`));
      let boundary: string | undefined;
      if (words[0]?.startsWith('--terragrunt-boundary')) {
        const flag = words.shift()!;
        boundary = flag.includes('=') ? flag.slice(flag.indexOf('=') + 1) : words.shift();
        if (!boundary) throw new FunctionError('--terragrunt-boundary requires a non-empty directory value');
        boundary = resolve(boundary);
      }
      if (words.length !== 1) throw new FunctionError(`mark_glob_as_read takes one pattern, got ${words.length}`);
      if (boundary === undefined) {
        // Terragrunt's default boundary is the enclosing git repository; outside one there is none.
        try {
          boundary = repoRoot();
        } catch {
          boundary = undefined;
        }
      }
      const files = expandGlob(resolve(words[0]!), boundary);
      for (const f of files) ctx.onRead?.(f);
      return files;
    }, { variadic: 'args' }),
    deep_merge: fn([], (args) => args.reduce<Value>((acc, v) => deepMerge(acc, v), {}), { variadic: 'maps' }),
    get_aws_account_id: fn([], () => identity().account),
    get_aws_caller_identity_arn: fn([], () => identity().arn),
    get_aws_caller_identity_user_id: fn([], () => identity().userId),
    get_aws_account_alias: fn([], () => identity().alias ?? ''),
    sops_decrypt_file: fn(['path'], (args, ctx) => {
      const file = resolve(asString(args[0]!, 'path'));
      ctx.onRead?.(file);
      if (!svc.sopsDecrypt) throw new FunctionError('sops_decrypt_file is not available here');
      return svc.sopsDecrypt(file, scope);
    }),
  };
}

/** Terragrunt's default retryable errors (internal/retry/defaults.go), for errors.retry blocks. */
export const DEFAULT_RETRYABLE_ERRORS = [
  '(?s).*Failed to load state.*tcp.*timeout.*',
  '(?s).*Failed to load backend.*TLS handshake timeout.*',
  '(?s).*Creating metric alarm failed.*request to update this alarm is in progress.*',
  '(?s).*Error installing provider.*TLS handshake timeout.*',
  '(?s).*Error configuring the backend.*TLS handshake timeout.*',
  '(?s).*Error installing provider.*tcp.*timeout.*',
  '(?s).*Error installing provider.*tcp.*connection reset by peer.*',
  'NoSuchBucket: The specified bucket does not exist',
  '(?s).*Error creating SSM parameter: TooManyUpdates:.*',
  '(?s).*app.terraform.io.*: 429 Too Many Requests.*',
  '(?s).*ssh_exchange_identification.*Connection closed by remote host.*',
  '(?s).*Client\\.Timeout exceeded while awaiting headers.*',
  '(?s).*Could not download module.*The requested URL returned error: 429.*',
  '(?s).*net/http: TLS.*handshake timeout.*',
  '(?s).*could not query provider registry.*context deadline exceeded.*',
  '(?s).*provider.*TLS handshake timeout.*',
  '(?s).*provider.*tcp.*timeout.*',
  '(?s).*provider.*tcp.*connection reset by peer.*',
  '(?s).*provider.*context deadline exceeded.*',
  '(?s).*registry.*context deadline exceeded.*',
  '(?s).*Failed to resolve provider.*timeout.*',
  '(?s).*Failed to resolve provider.*connection reset by peer.*',
  '(?s).*Failed to resolve provider.*context deadline exceeded.*',
  '(?s).*could not connect to registry.*timeout.*',
  '(?s).*could not connect to registry.*connection reset by peer.*',
  '(?s).*could not connect to registry.*context deadline exceeded.*',
  '(?s).*failed to request discovery document.*context deadline exceeded.*',
  '(?s).*Failed to query available provider packages.*timeout.*',
  '(?s).*Failed to query available provider packages.*connection reset by peer.*',
  '(?s).*Failed to query available provider packages.*context deadline exceeded.*',
];

/**
 * mark_glob_as_read's expansion (Terragrunt's internal/glob): `*` within a path segment, `**` across segments,
 * `?`, `[…]`, `{a,b}`, and `\` escaping the next character; files only, sorted. The walk starts at the pattern's
 * literal directory prefix, which must lie inside `boundary` (the git repository by default).
 */
function expandGlob(pattern: string, boundary: string | undefined): string[] {
  const segments = pattern.split('/');
  const literal: string[] = [];
  for (const seg of segments.slice(0, -1)) {
    if (/[*?[{\\]/.test(seg)) break;
    literal.push(seg);
  }
  const base = literal.join('/') || '/';
  if (boundary && base !== boundary && !base.startsWith(boundary.endsWith('/') ? boundary : `${boundary}/`)) {
    throw new FunctionError(`mark_glob_as_read pattern "${pattern}" resolves outside the boundary "${boundary}"; widen it with "--terragrunt-boundary=/" as the first argument`);
  }
  const re = globRegExp(pattern);
  const out: string[] = [];
  const walk = (dir: string) => {
    let entries;
    try {
      entries = readdirSync(dir, { withFileTypes: true });
    } catch {
      return;
    }
    for (const e of entries) {
      const p = path.join(dir, e.name);
      if (e.isDirectory()) walk(p);
      else if (re.test(p)) out.push(p);
    }
  };
  walk(base);
  return out.sort();
}

function globRegExp(glob: string): RegExp {
  let re = '';
  let braces = 0;
  for (let i = 0; i < glob.length; i++) {
    const c = glob[i]!;
    if (c === '\\' && i + 1 < glob.length) re += glob[++i]!.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');
    else if (c === '*' && glob[i + 1] === '*') {
      re += '.*';
      i++;
    } else if (c === '*') re += '[^/]*';
    else if (c === '?') re += '[^/]';
    else if (c === '{') {
      braces++;
      re += '(?:';
    } else if (c === '}' && braces > 0) {
      braces--;
      re += ')';
    } else if (c === ',' && braces > 0) re += '|';
    else if (c === '[') {
      const end = glob.indexOf(']', i + 1);
      if (end < 0) re += '\\[';
      else {
        re += `[${glob.slice(i + 1, end).replace(/^!/, '^')}]`;
        i = end;
      }
    } else re += c.replace(/[.+^$()|\]\\/]/g, '\\$&');
  }
  return new RegExp(`^${re}$`);
}

/** `git rev-parse --show-toplevel` in `dir`; a clear error outside a repository. */
export function gitTopLevel(dir: string, env: NodeJS.ProcessEnv = process.env): string {
  try {
    return execFileSync('git', ['rev-parse', '--show-toplevel'], { cwd: dir, env, encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trim();
  } catch {
    throw new FunctionError(`${dir} is not inside a git repository`);
  }
}

/** Maps merged recursively, lists concatenated; the later value wins otherwise (Terragrunt's deep merge). */
export function deepMerge(a: Value, b: Value): Value {
  if (isObject(a) && isObject(b)) {
    const out: ValueObject = { ...a };
    for (const [k, v] of Object.entries(b)) out[k] = k in out ? deepMerge(out[k]!, v) : v;
    return out;
  }
  if (Array.isArray(a) && Array.isArray(b)) return [...a, ...b];
  return b;
}

function slash(p: string): string {
  return p.split(path.sep).join('/');
}

export function asStringList(v: Value, what: string): string[] {
  return asList(v, what).map((x, i) => asString(x, `${what}[${i}]`));
}

function isDirectory(p: string): boolean {
  return statSync(p, { throwIfNoEntry: false })?.isDirectory() ?? false;
}
