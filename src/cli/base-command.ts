// The oclif side of every tgo command: Terragrunt-style flags anywhere on the line and terraform's own flags
// passed through untouched. oclif only shows the help; tgo's own parser (src/cli/parse-args.ts) reads argv.

import { Command, Flags, type Interfaces } from '@oclif/core';
import { FLAGS, type FlagSpec } from './flags.js';

/** Help entries generated from the one flag table (classic name, current name as alias, env twins). */
export function helpFlags(groups?: string[], specs: FlagSpec[] = FLAGS): Interfaces.FlagInput {
  const out: Interfaces.FlagInput = {};
  for (const f of specs) {
    if (groups && !groups.includes(f.group)) continue;
    const common = {
      description: `${f.description}${f.env.length ? ` [env: ${f.env.join(', ')}]` : ''}`,
      aliases: f.names.slice(1),
      helpGroup: f.group,
    };
    out[f.names[0]!] = f.kind === 'boolean' ? Flags.boolean(common) : Flags.string(common);
  }
  return out;
}

export abstract class TgoCommand extends Command {
  // Unknown flags (terraform's) must reach terraform in order: no strict parsing, no `--` handling.
  static override strict = false;
  static '--' = false;
  // tgo parses argv itself; this tells oclif not to warn that parse() was not called.
  override parsed = true;

  /** End the process promptly: nothing tgo loads should keep it alive after the work is done. */
  protected finish(exitCode: number): void {
    process.exitCode = exitCode;
  }
}
