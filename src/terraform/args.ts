// Building terraform's command line and environment for a module: extra_arguments, the run-all additions
// (-input=false, -auto-approve), and inputs as TF_VAR_* (strings raw, everything else JSON; a TF_VAR_ the
// user already set wins, as in Terragrunt).

import { existsSync } from 'node:fs';
import path from 'node:path';
import { formatNumber, isNumber, type Value, type ValueObject } from '../config/hcl/values.js';
import { COMMANDS_NEED_INPUT } from '../shared/terraform-commands.js';
import type { ExtraArguments, RemoteStateConfig } from '../config/types.js';
import { singleLineHcl, terraformBackendConfig } from './hcl-render.js';

/** Every terraform command tgo accepts (anything else is a typo, caught before anything runs). */
export const TERRAFORM_COMMANDS = new Set([
  'init', 'validate', 'plan', 'apply', 'destroy', 'console', 'fmt', 'force-unlock', 'get', 'graph', 'import', 'login',
  'logout', 'metadata', 'modules', 'output', 'providers', 'refresh', 'show', 'state', 'taint', 'test', 'untaint',
  'version', 'workspace',
]);

/** Commands that never need `terraform init` first. */
export const NO_INIT_COMMANDS = new Set(['init', 'version', 'fmt', 'login', 'logout', 'metadata', 'help']);

/** True for `destroy`, `apply -destroy` and `plan -destroy`: these run dependents first. */
export function isDestroy(command: string, args: string[]): boolean {
  return command === 'destroy' || ((command === 'apply' || command === 'plan') && args.includes('-destroy'));
}

export interface ArgsOptions {
  command: string;
  /** The user's arguments after the command, in order. */
  args: string[];
  extraArguments: ExtraArguments[];
  /** Module directory: relative var files resolve against it. */
  moduleDir: string;
  runAll: boolean;
  /** remote_state without `generate` reaches terraform as -backend-config on init (as in Terragrunt). */
  remoteState?: RemoteStateConfig;
  /** --no-color: terraform gets -no-color too (as Terragrunt passes it on), right after the command. */
  noColor?: boolean;
}

/** Terragrunt puts extra_arguments right after the command, then the user's own arguments. */
export function terraformArgs(o: ArgsOptions): string[] {
  const extra: string[] = [];
  // Applying a saved plan takes no variables: Terragrunt then leaves out -var* arguments and var files (GH-493).
  const skipVars = hasPlanFile(o.command, o.args);
  for (const e of o.extraArguments) {
    if (!e.commands.includes(o.command)) continue;
    extra.push(...(skipVars ? withoutVars(e.arguments) : e.arguments));
    if (skipVars) continue;
    for (const f of keepLast(e.requiredVarFiles)) extra.push(`-var-file=${path.resolve(o.moduleDir, f)}`);
    for (const f of keepLast(e.optionalVarFiles)) {
      const p = path.resolve(o.moduleDir, f);
      if (existsSync(p)) extra.push(`-var-file=${p}`);
    }
  }
  const rs = o.remoteState;
  if (o.command === 'init' && rs) {
    // Terragrunt's GetTFInitArgs: disable_init means -backend=false; a generated backend needs no arguments.
    if (rs.disableInit) extra.push('-backend=false');
    else if (!rs.generate) {
      for (const [k, v] of Object.entries(terraformBackendConfig(rs.backend, rs.config))) {
        extra.push(`-backend-config=${k}=${typeof v === 'string' ? v : singleLineHcl(v)}`);
      }
    }
  }
  const all = [...extra, ...o.args];
  const added: string[] = [];
  if (o.runAll) {
    // Parallel children cannot answer prompts: never wait for input, and approve what the user already confirmed once.
    if (COMMANDS_NEED_INPUT.includes(o.command) && !all.some((a) => a.startsWith('-input'))) added.push('-input=false');
    if ((o.command === 'apply' || o.command === 'destroy') && !all.some((a) => a === '-auto-approve' || a.startsWith('-auto-approve='))
      && !hasPlanFile(o.command, all)) {
      added.push('-auto-approve');
    }
  }
  if (o.noColor && !all.includes('-no-color')) added.unshift('-no-color');
  return [o.command, ...added, ...all];
}

/** Arguments without -var/-var-file (and the value after a bare `-var`/`-var-file`). */
function withoutVars(args: string[]): string[] {
  const out: string[] = [];
  for (let i = 0; i < args.length; i++) {
    const a = args[i]!;
    if (a === '-var' || a === '-var-file') i++;
    else if (!a.startsWith('-var')) out.push(a);
  }
  return out;
}

/** Duplicates removed, the last occurrence kept (Terragrunt's RemoveDuplicatesFromListKeepLast). */
function keepLast(list: string[]): string[] {
  return list.filter((x, i) => list.lastIndexOf(x) === i);
}

/** terraform flags that may take their value as the next word (`-var x=1`, `-var-file f`). */
const VALUE_FLAGS = new Set(['-var', '-var-file', '-target', '-replace', '-state', '-state-out', '-backup', '-lock-timeout', '-parallelism', '-out']);

/** `apply tfplan` applies a saved plan, which takes no -auto-approve prompt anyway. */
function hasPlanFile(command: string, args: string[]): boolean {
  return command === 'apply' && hasPositional(args);
}

/** Any argument that is not a flag or a flag's value (for apply and show: a plan file). */
export function hasPositional(args: string[]): boolean {
  for (let i = 0; i < args.length; i++) {
    const a = args[i]!;
    if (VALUE_FLAGS.has(a)) i++;
    else if (!a.startsWith('-')) return true;
  }
  return false;
}

export function extraEnv(extraArguments: ExtraArguments[], command: string): Record<string, string> {
  const env: Record<string, string> = {};
  for (const e of extraArguments) if (e.commands.includes(command)) Object.assign(env, e.envVars);
  return env;
}

/**
 * inputs → TF_VAR_*; null inputs are left out (terraform then uses the variable's default). `parsedAsHcl`: the
 * variables terraform parses as HCL (asked only when a string input holds `${`), whose string input has `${`
 * escaped as in a complex value, so it stays literal.
 */
export function inputsToEnv(inputs: ValueObject, existing: Record<string, string | undefined>, parsedAsHcl?: () => Set<string>): Record<string, string> {
  const out: Record<string, string> = {};
  let hcl: Set<string> | undefined;
  for (const [name, value] of Object.entries(inputs)) {
    const key = `TF_VAR_${name}`;
    if (existing[key] !== undefined || value === null) continue;
    if (typeof value === 'string' && value.includes('${') && parsedAsHcl && (hcl ??= parsedAsHcl()).has(name)) {
      out[key] = escapeInterpolation(value);
    } else out[key] = encodeInput(value);
  }
  return out;
}

/** `${` → `$${`, an already escaped `$${` left as it is (Terragrunt's interpolationEscaper). */
const escapeInterpolation = (s: string) => s.replace(/\$?\$\{/g, () => '$${');

/**
 * One input as Terragrunt passes it: a string as is, anything else as Go's json.Marshal writes it (object keys
 * sorted, <, > and & escaped), with `${` in strings escaped to `$${` so terraform, which parses complex TF_VAR_*
 * values as HCL, keeps them literal.
 */
export function encodeInput(v: Value): string {
  return typeof v === 'string' ? v : goJson(v);
}

function goJson(v: Value): string {
  if (v === null) return 'null';
  if (typeof v === 'string') return goString(escapeInterpolation(v));
  if (isNumber(v)) return formatNumber(v); // every digit, as cty's JSON has it (12345678901234567890, 0.1)
  if (typeof v === 'boolean') return String(v);
  if (Array.isArray(v)) return `[${v.map(goJson).join(',')}]`;
  const keys = Object.keys(v).sort();
  return `{${keys.map((k) => `${goString(k)}:${goJson(v[k]!)}`).join(',')}}`;
}

function goString(s: string): string {
  return JSON.stringify(s).replace(/[<>&\u2028\u2029]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}
