import { discoveryCommand } from '../cli/discovery-command.js';
import { helpFlags, TgoCommand } from '../cli/base-command.js';
import { FIND_FLAGS, FLAGS } from '../cli/flags.js';

export default class Find extends TgoCommand {
  static override summary = 'Print the units under the working directory, one path per line or as JSON (Terragrunt\'s find).';
  static override description = '`find --dag --json --dependencies` is the current form of output-module-groups.';
  static override examples = ['<%= config.bin %> find', '<%= config.bin %> find --dag --json --dependencies'];
  static override baseFlags = helpFlags(['DISCOVERY', 'GLOBAL'], [...FIND_FLAGS, ...FLAGS]);

  async run(): Promise<void> {
    this.finish(await discoveryCommand(this.argv, 'find'));
  }
}
