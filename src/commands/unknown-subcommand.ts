import { Command } from '@oclif/core';
import { nameSuggestion } from '../config/hcl/errors.js';
import { UsageError } from '../errors.js';
import { reportError, SecretRegistry } from '../cli/kit.js';
import { TOPICS } from '../cli/route.js';

/** Reached only through the router: `tgo <group> <word>` where the group has no command of that name. */
export default class UnknownSubcommand extends Command {
  static override hidden = true;
  static override strict = false;
  static override summary = 'Refuses a word after a command group (backend, hcl, stack, …) that is none of its commands.';

  async run(): Promise<void> {
    const [group = '', word = ''] = this.argv;
    const commands = [...(TOPICS[group] ?? [])];
    const guess = nameSuggestion(word, commands);
    process.exitCode = reportError(new UsageError(`Unknown command "tgo ${group} ${word}". tgo ${group} has: ${commands.join(', ')}.`
      + `${guess ? ` Did you mean "tgo ${group} ${guess}"?` : ''} (tgo ${group} --help describes them.)`), 'info', new SecretRegistry());
  }
}
