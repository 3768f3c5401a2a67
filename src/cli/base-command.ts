// The oclif side of every tgo command: Terragrunt-style flags anywhere on the line and terraform's own flags
// passed through untouched. oclif only shows the help; tgo's own parser (src/cli/parse-args.ts) reads argv.

import { Command, Flags, type Interfaces } from '@oclif/core';
import { nameSuggestion } from '../config/hcl/errors.js';
import { UsageError } from '../errors.js';
import { checkPassThrough, foreignFlag } from './flag-check.js';
import { FLAGS, type FlagSpec } from './flags.js';
import { reportError, SecretRegistry } from './kit.js';
import { parseArgs } from './parse-args.js';
import { commandWords } from './route.js';

/**
 * Help entries generated from a flag table: the current name, then the classic one and both env names in the
 * description, so every spelling a Terragrunt user knows is on the help line.
 */
export function helpFlags(groups?: string[], specs: FlagSpec[] = FLAGS): Interfaces.FlagInput {
  const out: Interfaces.FlagInput = {};
  for (const f of specs) {
    if (groups && !groups.includes(f.group)) continue;
    const long = f.names.filter((n) => n.length > 1);
    const current = long[long.length - 1]!;
    const char = f.names.find((n) => n.length === 1) as Interfaces.AlphabetLowercase | undefined;
    const others = long.slice(0, -1).map((n) => `--${n}`);
    const common = {
      description: `${f.description}${others.length ? ` (classic: ${others.join(', ')})` : ''}${f.env.length ? ` [env: ${f.env.join(', ')}]` : ''}`,
      helpGroup: f.group,
      ...(char ? { char } : {}),
    };
    out[current] = f.kind === 'boolean' ? Flags.boolean(common) : Flags.string(common);
  }
  return out;
}

export abstract class TgoCommand extends Command {
  // Unknown flags (terraform's) must reach terraform in order: no strict parsing, no `--` handling.
  static override strict = false;
  static '--' = false;
  // tgo parses argv itself; this tells oclif not to warn that parse() was not called.
  override parsed = true;

  /** A tgo flag that only other commands act on (--platform, --shard, …) is refused before anything runs. */
  override async init(): Promise<void> {
    await super.init();
    const refused = foreignFlag(this.argv, this.id ?? '');
    if (refused) this.exit(reportError(new UsageError(refused), 'info', new SecretRegistry()));
  }

  /** End the process promptly: nothing tgo loads should keep it alive after the work is done. */
  protected finish(exitCode: number): void {
    process.exitCode = exitCode;
  }

  /**
   * For the commands that hand the rest of the line to terraform: refuse a Terragrunt flag tgo does not
   * implement, a near miss of a tgo flag and (with checkCommand) a word that is no command at all, before
   * anything runs. Returns the exit code when refused.
   */
  protected async refusePassThrough(opts: { checkCommand?: boolean } = {}): Promise<number | undefined> {
    try {
      checkPassThrough(this.argv, 'run', FLAGS);
      if (opts.checkCommand) {
        const word = parseArgs(this.argv, {}).rest.find((a) => !a.startsWith('-'));
        const { TERRAFORM_COMMANDS } = await import('../terraform/args.js');
        if (word !== undefined && !TERRAFORM_COMMANDS.has(word)) {
          const guess = nameSuggestion(word, [...commandWords(), ...TERRAFORM_COMMANDS]);
          throw new UsageError(`Unknown command "${word}": neither a tgo command nor a terraform command.${guess ? ` Did you mean "${guess}"?` : ''}`
            + ' (tgo help lists tgo\'s commands.)');
        }
      }
      return undefined;
    } catch (e) {
      return reportError(e, 'info', new SecretRegistry());
    }
  }
}
