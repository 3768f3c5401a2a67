// tgo's inspection commands (render, dag graph, info print, …) take tgo's flags and their own, nothing else:
// the line is checked strictly first, then the command's own flags are taken off before the shared
// inspection (src/cli/inspect-command.ts) reads the rest.

import { inspect } from './inspect-command.js';
import { parseCommandArgs, withoutFlags, type CommandArgs } from './command-args.js';
import { FLAGS, type FlagSpec } from './flags.js';
import { reportError, SecretRegistry } from './kit.js';
import type { Stack } from '../run/stack.js';
import type { RunOptions } from '../run/options.js';
import type { Scope } from './terragrunt-flags.js';

export interface InspectSpec {
  /** Flags of this command only (the run flags are always accepted). */
  own?: FlagSpec[];
  /** Words allowed after the command (e.g. output-module-groups' apply|destroy). */
  positionals?: number;
  /** Every module, regardless of --all. */
  all: boolean;
  /** The command among Terragrunt's (for flags it has and tgo does not). */
  scope: Scope;
  /** Carry on past units whose configuration fails (see inspect()). */
  keepGoing?: boolean;
}

export async function inspectCommand(argv: string[], command: string, spec: InspectSpec,
  render: (stack: Stack, opts: RunOptions, own: CommandArgs) => string | Promise<string>): Promise<number> {
  const own = spec.own ?? [];
  let parsed: CommandArgs;
  try {
    parsed = parseCommandArgs(argv, process.env, [...own, ...FLAGS], command, spec.scope, spec.positionals ?? 0);
  } catch (e) {
    return reportError(e, 'info', new SecretRegistry());
  }
  return inspect(withoutFlags(argv, own), spec.all, (stack, opts) => render(stack, opts, parsed), spec.keepGoing);
}
