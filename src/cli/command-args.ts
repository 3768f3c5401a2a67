// Arguments of tgo's own commands (hcl fmt, hcl validate, …): only the command's flags, nothing for terraform,
// so anything else on the line is an error that names it (with the closest flag when there is one).

import { nameSuggestion } from '../config/hcl/errors.js';
import { UsageError } from '../errors.js';
import type { FlagSpec } from './flags.js';
import { parseArgs, type ParsedArgs } from './parse-args.js';

export interface CommandArgs extends ParsedArgs {
  positionals: string[];
}

export function parseCommandArgs(argv: string[], env: NodeJS.ProcessEnv, specs: FlagSpec[], command: string,
  maxPositionals = 0): CommandArgs {
  const p = parseArgs(argv, env, specs);
  const positionals: string[] = [];
  for (const token of p.rest) {
    if (token.startsWith('-') && token !== '-') throw new UsageError(unknownFlagMessage(token, command, specs));
    positionals.push(token);
  }
  if (positionals.length > maxPositionals) {
    throw new UsageError(`tgo ${command} takes ${maxPositionals === 0 ? 'no arguments' : `at most ${maxPositionals}`}, got "${positionals.join(' ')}".`);
  }
  return { ...p, positionals };
}

export function unknownFlagMessage(token: string, command: string, specs: FlagSpec[]): string {
  const name = token.replace(/^-+/, '').split('=')[0]!;
  const guess = nameSuggestion(name, specs.flatMap((s) => s.names));
  return `Unknown flag ${token.split('=')[0]} for tgo ${command}.${guess ? ` Did you mean --${guess}?` : ''} (tgo ${command} --help lists its flags.)`;
}
