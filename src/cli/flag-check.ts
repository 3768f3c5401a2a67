// No flag reaches terraform by accident. Before anything runs, each `--flag` on the line (up to a bare `--`) is
// classified: tgo's own (current or classic name) → used; a Terragrunt flag tgo does not implement → refused,
// naming it; a name that looks like one of tgo's (a `--terragrunt-*`, `--queue-*`, `--iam-*` or `--tg-*` name,
// or a near miss of a tgo flag) → refused with the closest name; anything else → terraform's, unchanged.

import { editDistance } from '../config/hcl/errors.js';
import { UsageError } from '../errors.js';
import { FLAGS, matchFlag, type FlagSpec } from './flags.js';
import { TERRAGRUNT_FLAGS, type Scope } from './terragrunt-flags.js';

export type FlagClass =
  | { kind: 'tgo'; spec: FlagSpec }
  | { kind: 'not-implemented'; message: string }
  | { kind: 'lookalike'; message: string; guess?: string }
  | { kind: 'terraform' };

const TGO_PREFIXES = ['terragrunt-', 'queue-', 'iam-', 'tg-'];

/** Terragrunt's flag names (current and classic) per scope, with the current name each stands for. */
function terragruntNames(scope: Scope): Map<string, string> {
  // Terragrunt's stack commands take every run flag besides their own.
  const scopes: Scope[] = scope === 'stack' ? ['stack', 'run'] : [scope];
  const out = new Map<string, string>();
  for (const t of TERRAGRUNT_FLAGS) {
    if (!t.scope.includes('*') && !scopes.some((s) => t.scope.includes(s))) continue;
    out.set(t.name, t.name);
    for (const c of t.classic) out.set(c, t.name);
  }
  return out;
}

/** The closest tgo flag name, if near enough: two edits for long names, one for short ones. */
export function closestFlag(name: string, specs: FlagSpec[]): string | undefined {
  const limit = name.length >= 8 ? 2 : 1;
  let best: string | undefined;
  let bestDist = Infinity;
  for (const s of specs) {
    for (const n of s.names) {
      const d = editDistance(name, n);
      if (d <= limit && d < bestDist) {
        best = n;
        bestDist = d;
      }
    }
  }
  return best;
}

/** `name` is the flag without dashes and without `=value`. */
export function classifyFlag(name: string, scope: Scope, specs: FlagSpec[]): FlagClass {
  const spec = specs.find((s) => s.names.includes(name));
  if (spec) return { kind: 'tgo', spec };
  const current = terragruntNames(scope).get(name);
  if (current !== undefined) {
    const renamed = current !== name ? ` (Terragrunt's --${current})` : '';
    return {
      kind: 'not-implemented',
      message: `--${name}${renamed} is a Terragrunt flag that tgo does not implement; nothing was run and it was not `
        + 'passed to terraform (to give terraform a flag of that name, put it after --).',
    };
  }
  const guess = closestFlag(name, specs);
  if (guess) return { kind: 'lookalike', message: `Unknown flag --${name}. Did you mean --${guess}?`, guess };
  if (TGO_PREFIXES.some((p) => name.startsWith(p))) {
    return {
      kind: 'lookalike',
      message: `Unknown flag --${name}: it looks like a Terragrunt flag, but neither tgo nor Terragrunt has it. `
        + 'To pass it to terraform anyway, put it after -- .',
    };
  }
  return { kind: 'terraform' };
}

/**
 * Throws on the first flag that must not reach terraform: a refused Terragrunt flag or a near miss.
 * Classic `-terragrunt-*` names count with one dash too; other single-dash flags are terraform's.
 */
export function checkPassThrough(argv: string[], scope: Scope, specs: FlagSpec[]): void {
  for (let i = 0; i < argv.length; i++) {
    const token = argv[i]!;
    if (token === '--') return;
    if (!token.startsWith('-') || token === '-') continue;
    const doubleDash = token.startsWith('--');
    const [name, inline] = token.slice(doubleDash ? 2 : 1).split(/=(.*)/s) as [string, string | undefined];
    if (!doubleDash && !name.startsWith('terragrunt-')) continue;
    if (OCLIF_FLAGS.has(name)) continue;
    const c = classifyFlag(name, scope, specs);
    if (c.kind === 'not-implemented' || c.kind === 'lookalike') throw new UsageError(c.message);
    if (c.kind === 'tgo' && c.spec.kind !== 'boolean' && inline === undefined) i++; // its value, whatever it looks like
  }
}

/** Answered by oclif before a command runs. */
const OCLIF_FLAGS = new Set(['help', 'version']);

/** Commands that select units of a stack as run --all does (oclif ids). */
const SELECTING = ['run', 'run-all', 'exec', 'stack:run', 'find', 'list', 'output-module-groups', 'ci:generate'];

/** The filter flags `hcl fmt` takes (it filters files by path; git and graph queries need units). */
const FILE_FILTERS = new Set(['filter', 'filtersFile', 'noFiltersFile']);

/**
 * tgo's own flags that mean something to some commands only (the CI settings, and the selections by git change
 * and shard): any other command refuses them instead of ignoring them. Keys of src/cli/flags.ts.
 */
export const FLAG_COMMANDS: Record<string, string[]> = {
  ...Object.fromEntries(FLAGS.filter((f) => f.group === 'CI').map((f) => [f.key, ['ci:generate']])),
  changedSince: SELECTING,
  shard: SELECTING,
  shardLevel: SELECTING,
  // The filter flags: the selecting commands, a terraform command (--filter makes it an --all run, as in
  // Terragrunt), and the commands that show or check the selected units.
  ...Object.fromEntries(['filter', 'filtersFile', 'noFiltersFile', 'filterAffected', 'filterAllowDestroy']
    .map((k) => [k, [...SELECTING, 'terraform', 'dag:graph', 'hcl:validate', ...(FILE_FILTERS.has(k) ? ['hcl:format'] : [])]])),
};

/** The first tgo flag on the line (before a bare `--`) that `commandId` does not use, as a message. */
export function foreignFlag(argv: string[], commandId: string): string | undefined {
  for (let i = 0; i < argv.length; i++) {
    const token = argv[i]!;
    if (token === '--') return undefined;
    const m = matchFlag(token);
    if (!m) continue;
    const users = FLAG_COMMANDS[m.spec.key];
    if (users && !users.includes(commandId)) {
      const name = token.split('=')[0]!;
      const where = commandId === 'terraform' ? 'a terraform command in one module' : `tgo ${commandId.replace(/:/g, ' ')}`;
      const what = users === SELECTING ? 'it selects units of a stack: use it with run --all, exec --all, stack run, find, list, output-module-groups or ci generate'
        : `only ${users.map((u) => `tgo ${u.replace(/:/g, ' ')}`).join(', ')} ${users.length === 1 ? 'acts' : 'act'} on it`;
      return `${name} is not used by ${where}: ${what}. Nothing was run.`;
    }
    if (m.inline === undefined && m.spec.kind !== 'boolean') i++;
  }
  return undefined;
}
