// argv + env → tgo flag values (each with where it came from) and the arguments that belong to terraform.
// Precedence per flag: command line > current env name (TG_*) > classic env name (TERRAGRUNT_*).

import { FLAGS, matchFlag, type FlagSpec } from './flags.js';
import { UsageError } from '../errors.js';
import type { Sourced } from '../shared/provenance.js';

export type { Sourced };

export type FlagValue = string | boolean | number | string[];

export interface ParsedArgs {
  flags: Map<string, Sourced<FlagValue>>;
  /** Everything that is not a tgo flag, in the original order (terraform command first, if any). */
  rest: string[];
}

/** `specs`: the flags of the command being parsed (the run flags unless a command has its own table). */
export function parseArgs(argv: string[], env: NodeJS.ProcessEnv, specs: FlagSpec[] = FLAGS): ParsedArgs {
  const flags = new Map<string, Sourced<FlagValue>>();
  const rest: string[] = [];
  for (let i = 0; i < argv.length; i++) {
    const token = argv[i]!;
    if (token === '--') {
      // Conventional end of tgo's flags: the rest is terraform's, verbatim.
      rest.push(...argv.slice(i + 1));
      break;
    }
    const m = matchFlag(token, specs);
    if (!m) {
      rest.push(token);
      continue;
    }
    const { spec } = m;
    let raw = m.inline;
    if (raw === undefined && spec.kind !== 'boolean') {
      // `--terragrunt-iam-role --terragrunt-tfpath x`: the role is missing, not "--terragrunt-tfpath".
      if (i + 1 >= argv.length || matchFlag(argv[i + 1]!, specs)) throw new UsageError(`Flag ${token} needs a value.`);
      raw = argv[++i]!;
    }
    const value = convert(spec, raw, token);
    if (spec.kind === 'list') {
      const prev = flags.get(spec.key);
      const list = prev?.source.kind === 'flag' ? (prev.value as string[]) : [];
      flags.set(spec.key, { value: [...list, ...(value as string[])], source: { kind: 'flag', name: token.split('=')[0]!.replace(/^-+/, '--') } });
    } else {
      flags.set(spec.key, { value, source: { kind: 'flag', name: token.split('=')[0]!.replace(/^-+/, '--') } });
    }
  }
  for (const spec of specs) {
    if (flags.has(spec.key)) continue;
    for (const name of spec.env) {
      const raw = env[name];
      if (raw === undefined || raw === '') continue;
      flags.set(spec.key, { value: convert(spec, raw, name), source: { kind: 'env', name } });
      break;
    }
  }
  return { flags, rest };
}

function convert(spec: FlagSpec, raw: string | undefined, where: string): FlagValue {
  switch (spec.kind) {
    case 'boolean': {
      if (raw === undefined) return true;
      const v = raw.toLowerCase();
      if (['true', '1', 'yes'].includes(v)) return true;
      if (['false', '0', 'no'].includes(v)) return false;
      throw new UsageError(`${where} expects true or false, got "${raw}".`);
    }
    case 'integer': {
      if (!/^\d+$/.test(raw!.trim())) throw new UsageError(`${where} expects a whole number, got "${raw}".`);
      return Number(raw);
    }
    case 'list':
      // Env twins of repeatable flags hold comma-separated values, as Terragrunt's do.
      return where.startsWith('-') ? [raw!] : raw!.split(',').map((s) => s.trim()).filter(Boolean);
    default:
      return raw!;
  }
}

export function flagString(p: ParsedArgs, key: string): Sourced<string> | undefined {
  return p.flags.get(key) as Sourced<string> | undefined;
}
export function flagBool(p: ParsedArgs, key: string): boolean {
  return (p.flags.get(key)?.value as boolean | undefined) ?? false;
}
export function flagNumber(p: ParsedArgs, key: string): Sourced<number> | undefined {
  return p.flags.get(key) as Sourced<number> | undefined;
}
export function flagList(p: ParsedArgs, key: string): string[] {
  return (p.flags.get(key)?.value as string[] | undefined) ?? [];
}
