// Arguments of tgo's own commands (hcl fmt, hcl validate, …): only the command's flags, nothing for terraform,
// so anything else on the line is an error that names it (with the closest flag when there is one).

import { UsageError } from '../errors.js';
import { classifyFlag } from './flag-check.js';
import { matchFlag, type FlagSpec } from './flags.js';
import { parseArgs, type ParsedArgs } from './parse-args.js';
import type { Scope } from './terragrunt-flags.js';

export interface CommandArgs extends ParsedArgs {
  positionals: string[];
}

/** `command` as the user writes it (`hcl fmt`); `scope` its id among Terragrunt's flags. */
export function parseCommandArgs(argv: string[], env: NodeJS.ProcessEnv, specs: FlagSpec[], command: string, scope: Scope,
  maxPositionals = 0): CommandArgs {
  const p = parseArgs(argv, env, specs);
  const positionals: string[] = [];
  for (const token of p.rest) {
    if (token.startsWith('-') && token !== '-') throw new UsageError(unknownFlagMessage(token, command, scope, specs));
    positionals.push(token);
  }
  if (positionals.length > maxPositionals) {
    throw new UsageError(`tgo ${command} takes ${maxPositionals === 0 ? 'no arguments' : `at most ${maxPositionals}`}, got "${positionals.join(' ')}".`);
  }
  return { ...p, positionals };
}

export function unknownFlagMessage(token: string, command: string, scope: Scope, specs: FlagSpec[]): string {
  const written = token.split('=')[0]!;
  const c = classifyFlag(written.replace(/^-+/, ''), scope, specs);
  if (c.kind === 'not-implemented') return `${written} is a Terragrunt flag of ${command} that tgo does not implement; nothing was done.`;
  const guess = c.kind === 'lookalike' ? c.guess : undefined;
  return `Unknown flag ${written} for tgo ${command}.${guess ? ` Did you mean --${guess}?` : ''} (tgo ${command} --help lists its flags.)`;
}

/** argv without the flags of `specs` (and their values); everything after a bare `--` is kept as it is. */
export function withoutFlags(argv: string[], specs: FlagSpec[]): string[] {
  const out: string[] = [];
  for (let i = 0; i < argv.length; i++) {
    const token = argv[i]!;
    if (token === '--') {
      out.push(...argv.slice(i));
      break;
    }
    const m = matchFlag(token, specs);
    if (!m) out.push(token);
    else if (m.inline === undefined && m.spec.kind !== 'boolean') i++;
  }
  return out;
}
